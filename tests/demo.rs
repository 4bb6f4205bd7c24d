//! The demo branch: named as such on every screen, and `chibo demo --clear` starts the
//! real branch with the demo kept in a backup, all or nothing.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;

use chibo::app::App;
use chibo::i18n::Lang;
use chibo::store::{MemoryStore, Records};
use common::{chibo, empty_app, options, press, screen, today};

fn ok(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "chibo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert_eq!(out.status.code(), Some(1), "chibo {args:?}");
    String::from_utf8(out.stderr).unwrap()
}

fn demo_app(lang: Lang) -> App {
    let store = MemoryStore::new();
    store.check_schema().unwrap();
    let opts = chibo::demo::DemoOptions {
        members: 12,
        years: 1,
        seed: 1,
    };
    let now = today().and_hms_opt(8, 0, 0).unwrap();
    chibo::demo::generate(&store, &opts, today(), now).unwrap();
    App::new(Box::new(store), options(lang)).unwrap()
}

#[test]
fn every_screen_names_the_demo_branch_in_both_languages() {
    for (lang, title) in [
        (Lang::Vi, " chibo · Chi bộ Khu phố 3 · chi bộ mẫu (demo) "),
        (Lang::En, " chibo · Chi bộ Khu phố 3 · demo branch "),
    ] {
        let mut app = demo_app(lang);
        for key in ["1", "2", "3", "4"] {
            press(&mut app, key);
            let shown = screen(&app, 80, 24);
            let bar = shown.lines().next().unwrap();
            assert!(bar.starts_with(title), "{lang} screen {key}: {bar}");
            assert!(bar.ends_with("22/11/2026"), "{bar}");
        }
    }
    // a branch of one's own is not marked
    let app = common::fixture_app();
    let bar = screen(&app, 80, 24).lines().next().unwrap().to_string();
    assert!(!bar.contains("mẫu") && !bar.contains("demo"), "{bar}");
}

#[test]
fn the_welcome_screen_says_how_to_start_the_real_branch_and_its_demo_is_marked() {
    let mut app = empty_app();
    let welcome = screen(&app, 80, 24);
    assert!(
        welcome.contains("sau đó, chibo demo --clear bắt đầu chi bộ thật"),
        "{welcome}"
    );
    press(&mut app, "2");
    assert!(app.store().branch().unwrap().unwrap().demo);
    assert!(screen(&app, 80, 24).starts_with(" chibo · Chi bộ Khu phố 3 · chi bộ mẫu (demo)"));
    let en = App::new(Box::new(MemoryStore::new()), options(Lang::En)).unwrap();
    assert!(screen(&en, 80, 24).contains("later, chibo demo --clear starts the real branch"));
}

#[test]
fn demo_clear_starts_an_empty_branch_and_keeps_the_demo_in_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "10", "--years", "1"]);
    let before = ok(&data, &["export", "members", "--format", "json"]);
    let said = ok(&data, &["demo", "--clear"]);
    let backups: Vec<_> = std::fs::read_dir(data.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        said,
        format!(
            "đã xóa chi bộ mẫu, được giữ trong {}; mở chibo để tạo chi bộ thật\n",
            backups[0].display()
        )
    );
    let check = ok(&data, &["check"]);
    assert!(
        check.contains("\nchi bộ: (chưa có)\n") && check.contains("\nđảng viên: 0 "),
        "{check}"
    );
    // nothing left to clear
    let err = fails(&data, &["--lang", "en", "demo", "--clear"]);
    assert_eq!(
        err,
        format!(
            "chibo: there is no data in {}; open chibo to create the branch\n",
            data.display()
        )
    );
    // the backup is the demo, whole
    ok(&data, &["restore", "--latest", "--force"]);
    assert_eq!(
        ok(&data, &["export", "members", "--format", "json"]),
        before
    );

    // in English
    let said = ok(&data, &["--lang", "en", "demo", "--clear"]);
    assert!(
        said.starts_with("the demo branch was removed and is kept in ")
            && said.ends_with("; open chibo to create the real branch\n"),
        "{said}"
    );
}

#[test]
fn demo_clear_leaves_a_real_branch_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["import", "members", common::FIXTURE]);
    let before = ok(&data, &["export", "members", "--format", "json"]);
    let err = fails(&data, &["demo", "--clear"]);
    assert!(err.starts_with("chibo: dữ liệu ở "), "{err}");
    assert!(err.contains("không phải chi bộ mẫu; không xóa gì"), "{err}");
    let err = fails(&data, &["--lang", "en", "demo", "--clear"]);
    assert!(
        err.contains("is not the demo branch; nothing was removed"),
        "{err}"
    );
    assert_eq!(
        ok(&data, &["export", "members", "--format", "json"]),
        before
    );
    assert!(!data.join("backups").exists());
}

/// Without a backup there is no clearing: the demo stays whole.
#[cfg(unix)]
#[test]
fn demo_clear_without_a_backup_keeps_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "6", "--years", "1"]);
    let before = ok(&data, &["export", "members", "--format", "json"]);
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join("backups")).unwrap();
    let err = fails(&data, &["demo", "--clear"]);
    assert!(err.contains("liên kết"), "{err}");
    assert_eq!(
        ok(&data, &["export", "members", "--format", "json"]),
        before
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}
