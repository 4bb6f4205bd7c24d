//! The roster cache (`roster.cache` in the data folder): the application's first frame
//! is drawn from it while the database opens, and it never shows for long what the
//! database does not hold. The tests with the application need tmux: ignored unless
//! asked for with `--include-ignored` (CI runs them always), and then a missing tmux
//! fails them.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use chibo::app::{App, Options};
use chibo::i18n::Lang;
use chibo::store::{
    Batch, DataLock, MemoryStore, Opening, ROSTER_CACHE, Records, RosterCache, SledStore, Store,
    Tree,
};
use common::*;

/// The options of the application over its data folder `dir`.
fn keeping(dir: &Path) -> Options {
    Options {
        data_dir: dir.to_path_buf(),
        keeps_roster: true,
        defer_loading: true,
        ..options(Lang::Vi)
    }
}

/// The cache of what `store` holds, written into `dir` and read back.
fn cache_of(store: &dyn Store, dir: &Path) -> RosterCache {
    RosterCache::write(dir, store).unwrap();
    RosterCache::read(dir).expect("the cache reads back")
}

#[test]
fn the_first_frame_from_the_cache_is_the_one_the_store_gives() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_of(&fixture_store(), dir.path());
    let mut from_store = App::new(Box::new(fixture_store()), keeping(dir.path())).unwrap();
    let mut from_cache = App::from_cache(Box::new(fixture_store()), cache, keeping(dir.path()));
    for (w, h) in [(80, 24), (120, 40)] {
        assert_eq!(screen(&from_cache, w, h), screen(&from_store, w, h));
    }
    from_cache.confirm_opened().unwrap();
    from_cache.load_rest().unwrap();
    from_store.load_rest().unwrap();
    assert_eq!(screen(&from_cache, 120, 40), screen(&from_store, 120, 40));
}

#[test]
fn a_cache_the_store_does_not_match_gives_way_to_the_store_once_it_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_of(&fixture_store(), dir.path());
    let store = fixture_store();
    let mut renamed = store
        .members()
        .unwrap()
        .into_iter()
        .find(|m| m.full_name() == "Doãn Văn Tâm")
        .unwrap();
    renamed.given_name = "Tấn".into();
    store
        .save_member(&mut renamed, today().and_hms_opt(9, 0, 0).unwrap(), "edit")
        .unwrap();
    let mut app = App::from_cache(Box::new(store), cache, keeping(dir.path()));
    app.confirm_opened().unwrap();
    let names: Vec<String> = app.roster.visible().map(|m| m.full_name()).collect();
    assert!(names.contains(&"Doãn Văn Tấn".to_string()), "{names:?}");
    assert!(!names.contains(&"Doãn Văn Tâm".to_string()), "{names:?}");
    // closing leaves a cache of what the store holds
    app.shutdown().unwrap();
    let kept = RosterCache::read(dir.path()).unwrap();
    assert!(kept.members.iter().any(|m| m.full_name() == "Doãn Văn Tấn"));
}

#[test]
fn a_branch_the_store_does_not_have_is_asked_for_once_the_store_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache_of(&fixture_store(), dir.path());
    let mut app = App::from_cache(Box::new(MemoryStore::new()), cache, keeping(dir.path()));
    assert!(app.overlays.is_empty());
    app.confirm_opened().unwrap();
    assert!(app.branch.is_none());
    assert_eq!(app.roster.visible_len(), 0);
    assert!(matches!(app.overlays[..], [chibo::app::Overlay::Welcome]));
}

#[test]
fn a_welcome_from_a_cache_without_a_branch_goes_once_the_store_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let empty = MemoryStore::new();
    empty.check_schema().unwrap();
    let cache = cache_of(&empty, dir.path());
    let mut app = App::from_cache(Box::new(fixture_store()), cache, keeping(dir.path()));
    assert!(matches!(app.overlays[..], [chibo::app::Overlay::Welcome]));
    app.confirm_opened().unwrap();
    assert!(app.branch.is_some());
    assert!(app.overlays.is_empty());
    assert_eq!(app.roster.visible_len(), 28);
}

#[test]
fn closing_writes_the_cache_only_when_it_is_not_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = App::new(Box::new(fixture_store()), keeping(dir.path())).unwrap();
    first.shutdown().unwrap();
    let path = dir.path().join(ROSTER_CACHE);
    let kept = RosterCache::read(dir.path()).expect("closing keeps the roster");
    assert!(kept.matches(&fixture_store()).unwrap());
    // opened from it and closed again: the same file (a new one would be renamed in)
    let written = inode(&path);
    let mut second = App::from_cache(Box::new(fixture_store()), kept, keeping(dir.path()));
    second.confirm_opened().unwrap();
    second.shutdown().unwrap();
    assert_eq!(inode(&path), written);
    // tests and other callers that do not keep the roster write nothing
    let elsewhere = tempfile::tempdir().unwrap();
    let mut app = App::new(
        Box::new(fixture_store()),
        Options {
            data_dir: elsewhere.path().to_path_buf(),
            ..options(Lang::Vi)
        },
    )
    .unwrap();
    app.shutdown().unwrap();
    assert!(!elsewhere.path().join(ROSTER_CACHE).exists());
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(not(unix))]
fn inode(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn data_that_fails_to_open_after_the_first_frame_is_the_applications_error() {
    let dir = tempfile::tempdir().unwrap();
    let cache = {
        let store = SledStore::open(dir.path()).unwrap();
        store.check_schema().unwrap();
        store.save_branch(&chibo::demo::branch()).unwrap();
        let cache = cache_of(&store, dir.path());
        let mut b = Batch::default();
        b.put(Tree::Meta, b"schema_version".to_vec(), b"99".to_vec());
        store.apply(b).unwrap();
        cache
    };
    let (opening, _readers) = Opening::later(DataLock::acquire(dir.path(), false).unwrap());
    let mut app = App::from_cache(Box::new(opening), cache, keeping(dir.path()));
    assert!(screen(&app, 80, 24).contains("Chi bộ"));
    let err = app.confirm_opened().unwrap_err();
    assert!(
        matches!(err, chibo::store::StoreError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
}

#[test]
fn every_command_that_changes_the_roster_removes_the_cache_and_others_leave_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let run = |args: &[&str]| {
        let out = chibo(&data, args);
        assert!(
            out.status.success(),
            "chibo {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let keep = || {
        let store = SledStore::open(&data).unwrap();
        RosterCache::write(&data, &store).unwrap();
    };
    let cached = || data.join(ROSTER_CACHE).exists();
    run(&["demo", "--members", "12", "--years", "1"]);
    let backup = tmp.path().join("before.json");
    run(&["backup", backup.to_str().unwrap()]);
    keep();
    for args in [
        &["check"][..],
        &["report", "overdue"],
        &["export", "members"],
        &["backup"],
    ] {
        run(args);
        assert!(cached(), "chibo {args:?} changes no member");
    }
    run(&["import", "members", FIXTURE]);
    assert!(!cached(), "an import");
    keep();
    run(&["restore", backup.to_str().unwrap(), "--force"]);
    assert!(!cached(), "a restore");
    keep();
    run(&["demo", "--force", "--members", "5", "--years", "1"]);
    assert!(!cached(), "a new demo");
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn the_application_keeps_the_roster_for_its_next_first_frame() {
    tty::require();
    let branch = tty::Branch::made(
        &["demo", "--members", "15", "--years", "1"],
        &["CHIBO_TODAY=2026-11-22"],
    );
    let data = branch.data.clone();
    assert!(!data.join(ROSTER_CACHE).exists());
    let quit = |term: tty::Tty| assert!(term.quit(), "{}", term.screen());
    let term = branch.start("cache-1", (100, 30));
    assert!(term.wait_for("Đảng viên", 20), "{}", term.screen());
    let first = settled(&term);
    quit(term);
    let kept = RosterCache::read(&data).expect("closing keeps the roster");
    assert_eq!(kept.members.len(), 15);
    // drawn from the cache: the same roster, the whole application working behind it
    let term = branch.start("cache-2", (100, 30));
    assert!(term.wait_for("Đảng viên", 20), "{}", term.screen());
    assert_eq!(settled(&term), first);
    term.keys(&["2"]);
    assert!(
        term.wait_for("Tình trạng   Địa điểm", 10),
        "{}",
        term.screen()
    );
    quit(term);
    // a member changed while the application was closed: the next opening shows it
    let edited = {
        let store = open_when_free(&data);
        let mut m = store.members().unwrap().remove(0);
        m.given_name = "Khải".into();
        store
            .save_member(&mut m, today().and_hms_opt(9, 0, 0).unwrap(), "edit")
            .unwrap();
        m.full_name()
    };
    assert!(!data.join(ROSTER_CACHE).exists(), "the write removed it");
    let term = branch.start("cache-3", (100, 30));
    assert!(term.wait_for(&edited, 20), "{}", term.screen());
    quit(term);
    assert!(RosterCache::read(&data).is_some());
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn data_from_a_newer_chibo_behind_a_cache_is_refused_in_one_line() {
    tty::require();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = chibo(&data, &["demo", "--members", "5", "--years", "1"]);
    assert!(out.status.success());
    {
        let store = SledStore::open(&data).unwrap();
        RosterCache::write(&data, &store).unwrap();
        let mut b = Batch::default();
        b.put(Tree::Meta, b"schema_version".to_vec(), b"99".to_vec());
        store.apply(b).unwrap();
    }
    assert!(RosterCache::read(&data).is_some());
    let with_cache = in_terminal(&data, tmp.path(), "with");
    assert!(with_cache.ends_with("\nexit 1\n"), "{with_cache}");
    assert!(with_cache.contains("(lược đồ 99)"), "{with_cache}");
    assert_eq!(with_cache.lines().count(), 2, "one line: {with_cache}");
    // said as when the database is opened before the first frame
    std::fs::remove_file(data.join(ROSTER_CACHE)).unwrap();
    assert_eq!(in_terminal(&data, tmp.path(), "without"), with_cache);
}

/// What chibo on `data` said on standard error in a terminal of its own, and how it
/// ended (`exit N`), once it has ended.
fn in_terminal(data: &Path, tmp: &Path, name: &str) -> String {
    let err = tmp.join(format!("{name}.txt"));
    let session = format!("chibo-{name}-{}", std::process::id());
    let command = format!(
        "CHIBO_DATA_DIR='{}' CHIBO_CONFIG_DIR='{}' '{}' 2>'{}'; echo \"exit $?\" >>'{}'; sleep 30",
        data.display(),
        tmp.join("cfg").display(),
        env!("CARGO_BIN_EXE_chibo"),
        err.display(),
        err.display()
    );
    tty::tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "80",
        "-y",
        "24",
        "sh",
        "-c",
        &command,
    ])
    .expect("tmux starts chibo");
    let ended = wait_until(|| std::fs::read_to_string(&err).is_ok_and(|e| e.contains("exit ")));
    let said = std::fs::read_to_string(&err).unwrap_or_default();
    let _ = tty::tmux(&["kill-session", "-t", &session]);
    assert!(ended, "{said}");
    said
}

/// The screen once it has stopped changing (everything loaded and drawn): the same
/// twice, half a second apart.
fn settled(term: &tty::Tty) -> String {
    let mut last = term.screen();
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = term.screen();
        if now == last || Instant::now() > until {
            return now;
        }
        last = now;
    }
}

/// Waits up to 20 s for `f`.
fn wait_until(f: impl Fn() -> bool) -> bool {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}
