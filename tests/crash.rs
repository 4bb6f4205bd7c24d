//! Crash injection: every command that writes is killed (SIGKILL) at random moments,
//! again and again. After each kill the data opens, `check` finds every record sound,
//! and the data is wholly the old state or wholly the new, never a mixture or an empty
//! branch; no half backup is listed as good and no temporary file or half-built
//! database survives the next open. `CHIBO_CRASH_ROUNDS` sets the rounds per command
//! (default 6), `CHIBO_CRASH_SEED` the seed.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::chibo;
use common::tty::{self, Branch, Tty, copy_dir};

/// SplitMix64, seeded, so a failing round can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    }
}

fn rounds() -> usize {
    std::env::var("CHIBO_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(6)
}

fn rng() -> Rng {
    Rng(std::env::var("CHIBO_CRASH_SEED")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20261122))
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the data holds, as `check` counts it (which also verifies every record); the
/// folder's path and its size on disk left out.
fn state(data: &Path) -> String {
    let out = chibo(data, &["check"]);
    assert!(
        out.status.success(),
        "the data opens and checks good: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with("dữ liệu:") && !l.starts_with("dung lượng:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// After an open: no half-built database, no decided swap left unfinished, no
/// temporary file, and every backup listed as good reads back as a backup.
fn assert_clean(data: &Path, round: usize, what: &str) {
    for e in std::fs::read_dir(data).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with("db.building-")
                && name != "db.ready"
                && !name.ends_with(".chibo-tmp"),
            "{what} round {round}: {name} left after opening"
        );
    }
    let backups = data.join("backups");
    if backups.exists() {
        for e in std::fs::read_dir(&backups).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                !name.contains("chibo-tmp"),
                "{what} round {round}: {name} left in backups/"
            );
            let text = std::fs::read_to_string(&path).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
                panic!("{what} round {round}: {name} is listed but not whole: {e}")
            });
            assert_eq!(v["format"], "chibo-backup");
        }
    }
    let listed = ok(data, &["backup", "--list"]);
    assert!(!listed.contains("HỎNG"), "{what} round {round}: {listed}");
}

/// Waits until a killed process has let go of everything: every thread of it gone or a
/// zombie (a thread in the middle of a disk write on a busy machine dies only when the
/// write returns, and the files stay open until the last thread is gone).
fn wait_gone(pid: u32) {
    let until = Instant::now() + Duration::from_secs(60);
    let zombie = |stat: String| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'))
    };
    while Instant::now() < until {
        let running = std::fs::read_dir(format!("/proc/{pid}/task"))
            .map(|tasks| {
                tasks.flatten().any(|t| {
                    std::fs::read_to_string(t.path().join("stat")).is_ok_and(|s| !zombie(s))
                })
            })
            .unwrap_or(false);
        if !running {
            return;
        }
        sleep(Duration::from_millis(20));
    }
    panic!("process {pid} still runs 60 s after SIGKILL");
}

/// Runs chibo and kills it (SIGKILL) after `after`, unless it ended first.
fn run_and_kill(data: &Path, args: &[&str], after: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", data)
        .env("CHIBO_CONFIG_DIR", data.join("no-config"))
        .env("CHIBO_TODAY", "2026-11-22")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if start.elapsed() >= after {
            child.kill().unwrap();
            child.wait().unwrap();
            return true;
        }
        sleep(Duration::from_micros(200));
    }
}

/// A command that writes, from a prepared folder, killed at random moments within the
/// time a whole run takes: each time the data is the old state or the new one.
fn crash_rounds(what: &str, prepared: &Path, args: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let old = state(prepared);
    // the whole run, once, for the new state and its duration
    let whole = tmp.path().join("whole");
    copy_dir(prepared, &whole);
    let started = Instant::now();
    ok(&whole, args);
    let took = started.elapsed();
    let new = state(&whole);
    let mut rng = rng();
    let (mut killed, mut saw_old, mut saw_new) = (0, 0, 0);
    for round in 0..rounds() {
        let data = tmp.path().join(format!("round{round}"));
        copy_dir(prepared, &data);
        let after = Duration::from_micros(rng.below(took.as_micros() as u64 * 6 / 5));
        if run_and_kill(&data, args, after) {
            killed += 1;
        }
        let now = state(&data);
        assert!(
            now == old || now == new,
            "{what} round {round} (killed after {after:?}): a mixture\nold:\n{old}\nnew:\n{new}\nnow:\n{now}"
        );
        if now == old {
            saw_old += 1;
        } else {
            saw_new += 1;
        }
        assert_clean(&data, round, what);
        let _ = std::fs::remove_dir_all(&data);
    }
    eprintln!(
        "{what}: a whole run {took:?}; {} rounds, {killed} killed; old {saw_old}, new {saw_new}",
        rounds()
    );
}

/// The branch every round starts from, and a backup of another, larger one.
fn prepared(tmp: &Path) -> (PathBuf, PathBuf) {
    let base = tmp.join("base");
    ok(&base, &["demo", "--members", "12", "--years", "1"]);
    let other = tmp.join("other");
    ok(
        &other,
        &["demo", "--members", "20", "--years", "2", "--seed", "2"],
    );
    let file = tmp.join("other.json");
    ok(&other, &["backup", file.to_str().unwrap()]);
    (base, file)
}

#[test]
fn import_killed_at_any_moment_is_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, _) = prepared(tmp.path());
    crash_rounds("import", &base, &["import", "members", common::FIXTURE]);
}

#[test]
fn restore_killed_at_any_moment_leaves_the_old_data_or_the_new() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, file) = prepared(tmp.path());
    crash_rounds(
        "restore",
        &base,
        &["restore", file.to_str().unwrap(), "--force"],
    );
}

#[test]
fn restore_latest_killed_at_any_moment_leaves_the_old_data_or_the_new() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, file) = prepared(tmp.path());
    // the other branch's backup is the newest in the folder
    std::fs::create_dir_all(base.join("backups")).unwrap();
    std::fs::copy(
        &file,
        base.join("backups").join("chibo-20261122-235959-1.json"),
    )
    .unwrap();
    crash_rounds(
        "restore --latest",
        &base,
        &["restore", "--latest", "--force"],
    );
}

#[test]
fn restore_over_damaged_data_killed_at_any_moment_never_gives_an_empty_branch() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, file) = prepared(tmp.path());
    std::fs::create_dir_all(base.join("backups")).unwrap();
    std::fs::copy(
        &file,
        base.join("backups").join("chibo-20261122-235959-1.json"),
    )
    .unwrap();
    for e in std::fs::read_dir(base.join("db")).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::write(&p, vec![0xa5u8; 2048]).unwrap();
        }
    }
    let whole = tmp.path().join("whole");
    copy_dir(&base, &whole);
    let started = Instant::now();
    ok(&whole, &["restore", "--latest", "--force"]);
    let took = started.elapsed();
    let new = state(&whole);
    let mut rng = rng();
    for round in 0..rounds() {
        let data = tmp.path().join(format!("round{round}"));
        copy_dir(&base, &data);
        let after = Duration::from_micros(rng.below(took.as_micros() as u64 * 6 / 5));
        run_and_kill(&data, &["restore", "--latest", "--force"], after);
        let out = chibo(&data, &["check"]);
        if out.status.success() {
            assert_eq!(state(&data), new, "round {round}: the new data, whole");
            assert_clean(&data, round, "restore over damage");
        } else {
            // still the damaged data: it says so, and the same restore repairs it
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("chibo restore --latest --force"),
                "round {round}: {err}"
            );
            assert!(
                !err.contains("backtrace") && err.lines().count() == 1,
                "round {round}: {err}"
            );
            ok(&data, &["restore", "--latest", "--force"]);
            assert_eq!(state(&data), new, "round {round}: repaired");
        }
        let _ = std::fs::remove_dir_all(&data);
    }
}

#[test]
fn demo_force_killed_at_any_moment_is_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, _) = prepared(tmp.path());
    crash_rounds(
        "demo --force",
        &base,
        &[
            "demo",
            "--force",
            "--members",
            "40",
            "--years",
            "3",
            "--seed",
            "3",
        ],
    );
}

#[test]
fn backup_killed_at_any_moment_leaves_no_half_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, _) = prepared(tmp.path());
    crash_rounds("backup", &base, &["backup"]);
}

/// The application opened (which takes the daily backup) and killed in its first
/// moments; then minutes approved (which takes a backup at once) and killed.
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn the_daily_backup_and_approving_minutes_killed_at_any_moment() {
    tty::require();
    let base = Branch::made(
        &["demo", "--members", "12", "--years", "1"],
        &["CHIBO_TODAY=2026-11-22"],
    );
    let old = state(&base.data);
    let mut rng = rng();
    for round in 0..rounds() {
        let branch = base.copy();
        let data = &branch.data;
        let term = branch.start("crash", (100, 30));
        sleep(Duration::from_millis(rng.below(700)));
        let pid = term.pid;
        Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        drop(term);
        wait_gone(pid);
        assert_eq!(
            state(data),
            old,
            "opening round {round}: the data is as it was"
        );
        assert_clean(data, round, "the daily backup");
    }

    // a meeting held and ended, its minutes not yet approved
    let ended = base.copy();
    let term = ended.start("crash", (100, 30));
    term.start_meeting();
    term.type_text("Chi bộ thống nhất.");
    sleep(Duration::from_millis(1500));
    term.keys(&["C-e"]);
    assert!(term.wait_for("Kết thúc cuộc họp", 5), "{}", term.screen());
    term.keys(&["Enter"]);
    sleep(Duration::from_millis(500));
    if term.screen().contains("Kết thúc cuộc họp") {
        // ended anyway, past the list of what is missing
        term.keys(&["Enter"]);
    }
    assert!(term.wait_for("đã kết thúc", 5), "{}", term.screen());
    drop(term);
    let not_approved = state(&ended.data);
    let approvals = |data: &Path| {
        let file = data.join("probe.json");
        ok(data, &["backup", file.to_str().unwrap()]);
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        std::fs::remove_file(&file).unwrap();
        v["trees"]["meetings"]
            .as_object()
            .unwrap()
            .values()
            .filter(|m| m["approved_at"].is_string())
            .count()
    };
    let approved_before = approvals(&ended.data);
    let (mut saw_old, mut saw_new) = (0, 0);
    for round in 0..rounds() {
        let branch = ended.copy();
        let data = &branch.data;
        let term = branch.start("crash", (100, 30));
        assert!(term.wait_for("Đảng viên", 10), "{}", term.screen());
        term.keys(&["2"]);
        assert!(term.wait_for("đã kết thúc", 5), "{}", term.screen());
        // the list opens on the next meeting to hold (the demo's year-end meeting):
        // the one just ended is selected by moving to it
        select_row(&term, "đã kết thúc");
        term.keys(&["Enter"]);
        assert!(term.wait_for("[đã kết thúc]", 5), "{}", term.screen());
        term.keys(&["A"]);
        // the branch's vote on the minutes, then the confirmation
        assert!(
            term.wait_for("Biểu quyết thông qua biên bản", 5),
            "{}",
            term.screen()
        );
        for (i, count) in ["8", "0", "0"].iter().enumerate() {
            if i > 0 {
                term.keys(&["Tab"]);
            }
            term.type_text(count);
        }
        term.keys(&["C-s"]);
        assert!(term.wait_for("Thông qua biên bản", 5), "{}", term.screen());
        // a key right after the dialog opens is not taken for the answer
        sleep(Duration::from_millis(400));
        // the kill is on its way while the key is: it lands before, during or after
        // the approval and its backup
        let (pid, delay) = (term.pid, Duration::from_micros(rng.below(40_000)));
        let killer = std::thread::spawn(move || {
            sleep(delay);
            Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status()
                .unwrap();
        });
        term.keys(&["Enter"]);
        killer.join().unwrap();
        drop(term);
        wait_gone(pid);
        // approving adds its line to the audit trail, in the same transaction
        let without_audit = |s: String| {
            s.lines()
                .filter(|l| !l.starts_with("nhật ký"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            without_audit(state(data)),
            without_audit(not_approved.clone()),
            "approve round {round}: nothing else changed"
        );
        let approved = approvals(data);
        assert!(
            approved == approved_before || approved == approved_before + 1,
            "approve round {round}: {approved} approved"
        );
        if approved == approved_before {
            saw_old += 1;
        } else {
            saw_new += 1;
        }
        assert_clean(data, round, "approving");
    }
    eprintln!(
        "approving: {} rounds; not yet approved {saw_old}, approved {saw_new}",
        rounds()
    );
}

/// A restore keeps the replaced database aside, whole, until the next successful open.
#[test]
fn the_replaced_database_is_kept_until_the_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    let (base, file) = prepared(tmp.path());
    let out = chibo(&base, &["restore", file.to_str().unwrap(), "--force"]);
    assert!(out.status.success());
    let aside = chibo::store::set_aside(&base);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(&format!("dữ liệu cũ được giữ ở {}", aside[0].display())),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(aside[0].join("db").exists(), "the old database, whole");
    state(&base);
    assert!(
        chibo::store::set_aside(&base).is_empty(),
        "gone after the next open"
    );
}

/// Moves the selection from the top of the list to the first row that shows `text`.
fn select_row(term: &Tty, text: &str) {
    term.keys(&["Home"]);
    for _ in 0..30 {
        let shown = term.screen();
        if shown
            .lines()
            .any(|l| l.trim_start().starts_with('›') && l.contains(text))
        {
            return;
        }
        term.keys(&["j"]);
    }
    panic!("no row shows {text}:\n{}", term.screen());
}
