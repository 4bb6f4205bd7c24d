//! The commands that only read (`report`, `export`, `check`) while the application has
//! the data open: the application answers them through its socket in the data folder
//! with a consistent copy. The tests with the application need tmux: ignored unless
//! asked for with `--include-ignored` (CI runs them always), and then a missing tmux
//! fails them.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::chibo;
use common::tty;

fn ok(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "chibo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Waits for the application's socket (it listens once its first frame is drawn).
fn wait_for_socket(data: &Path) -> bool {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if data.join("chibo.sock").exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn reports_exports_and_check_run_while_the_application_is_open() {
    tty::require();
    let branch = tty::Branch::made(
        &["demo", "--members", "20", "--years", "1"],
        &["CHIBO_TODAY=2026-11-22"],
    );
    let data = branch.data.clone();
    let term = branch.start("live", (100, 30));
    assert!(term.wait_for("Đảng viên", 20), "{}", term.screen());
    assert!(wait_for_socket(&data), "{}", term.screen());
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, PermissionsExt};
        let meta = std::fs::symlink_metadata(data.join("chibo.sock")).unwrap();
        assert!(meta.file_type().is_socket());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "owner-only");
    }

    let overdue = ok(&data, &["report", "overdue"]);
    let json = ok(&data, &["report", "followup", "--format", "json"]);
    let roster = ok(&data, &["--lang", "en", "export", "members"]);
    let minutes = ok(&data, &["export", "minutes", "2026-11"]);
    let check = ok(&data, &["check"]);
    assert!(
        check.contains("\nđọc qua cửa sổ chibo đang mở (một bản chụp nhất quán)\n")
            && check.contains("\nđảng viên: 20 ")
            && check.ends_with("kết quả: tốt\n"),
        "{check}"
    );
    // a command that writes is still refused, in one line
    let out = chibo(&data, &["import", "members", common::FIXTURE]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("đang được mở trong một cửa sổ chibo khác"),
        "{err}"
    );

    term.quit();
    drop(term);
    assert!(
        !data.join("chibo.sock").exists(),
        "the socket is removed on quitting"
    );
    // the same as read from the database itself
    let after = common::chibo_when_free(&data, &["report", "overdue"]);
    assert!(after.status.success());
    assert!(overdue.contains("NHIỆM VỤ QUÁ HẠN"), "{overdue}");
    assert_eq!(String::from_utf8(after.stdout).unwrap(), overdue);
    assert_eq!(ok(&data, &["report", "followup", "--format", "json"]), json);
    assert_eq!(ok(&data, &["--lang", "en", "export", "members"]), roster);
    assert_eq!(ok(&data, &["export", "minutes", "2026-11"]), minutes);
    assert!(!ok(&data, &["check"]).contains("cửa sổ chibo"));
}

/// A socket a killed chibo left, with the data held and nobody answering: the message
/// stays the one it was.
#[cfg(unix)]
#[test]
fn a_stale_socket_with_the_data_held_gives_the_usual_message() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "5", "--years", "1"]);
    let stale = std::os::unix::net::UnixListener::bind(data.join("chibo.sock")).unwrap();
    drop(stale); // the file stays, nobody listens
    let _held = chibo::store::SledStore::open(&data).unwrap();
    let out = chibo(&data, &["report", "overdue"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "chibo: Dữ liệu ở {} đang được mở trong một cửa sổ chibo khác.\n",
            data.display()
        )
    );
}

/// The application replaces a stale socket with its own, answers, and removes it.
#[cfg(unix)]
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn the_application_replaces_a_stale_socket() {
    tty::require();
    let branch = tty::Branch::made(
        &["demo", "--members", "5", "--years", "1"],
        &["CHIBO_TODAY=2026-11-22"],
    );
    let data = branch.data.clone();
    drop(std::os::unix::net::UnixListener::bind(data.join("chibo.sock")).unwrap());
    let term = branch.start("stale", (100, 30));
    assert!(term.wait_for("Đảng viên", 20), "{}", term.screen());
    let until = Instant::now() + Duration::from_secs(20);
    let mut check = String::new();
    while Instant::now() < until {
        let out = chibo(&data, &["--lang", "en", "check"]);
        check = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        check.contains("read through the open chibo window"),
        "{check}"
    );
}
