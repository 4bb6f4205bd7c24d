//! Long random key sequences over every screen and overlay, at random terminal sizes
//! from 1×1 to 250×80: no panic, and the store stays whole — every reference resolves,
//! the roster's counts agree with the store, approved minutes never change.
//! `PROPTEST_CASES=… CHIBO_FUZZ_KEYS=…` for long local runs.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::collections::HashSet;

use chibo::app::{App, FixedClock, Options};
use chibo::i18n::Lang;
use chibo::keymap::{Code, Key};
use chibo::store::{MemoryStore, Records};
use common::*;
use proptest::prelude::*;

/// Keys a user can press: every bound key of every section, letters (Vietnamese too),
/// digits, editing keys.
fn keys() -> Vec<Key> {
    let mut set: Vec<Key> = Vec::new();
    let map = chibo::keymap::Keymap::defaults();
    for s in chibo::command::Section::ALL {
        for b in map.bindings(s) {
            set.extend(b.keys.iter().copied());
        }
    }
    for c in "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ0123456789 ,.-/ạảãàáếềểễệ".chars()
    {
        set.push(Key::plain(Code::Char(c)));
    }
    for code in [
        Code::Backspace,
        Code::Delete,
        Code::Left,
        Code::Right,
        Code::Up,
        Code::Down,
        Code::Enter,
        Code::Esc,
        Code::Tab,
    ] {
        set.push(Key::plain(code));
    }
    set.sort();
    set.dedup();
    set
}

fn invariants(store: &MemoryStore, app: &App, approved_before: &[(u64, String)]) {
    let members: HashSet<u64> = store.members().unwrap().iter().map(|m| m.id.0).collect();
    for m in store.meetings().unwrap() {
        for id in m.member_refs() {
            assert!(
                members.contains(&id.0),
                "meeting {} names a missing member",
                m.id.0
            );
        }
    }
    let tasks = store.tasks().unwrap();
    let task_ids: HashSet<u64> = tasks.iter().map(|t| t.id.0).collect();
    for t in &tasks {
        for id in t.member_refs() {
            assert!(
                members.contains(&id.0),
                "task {} names a missing member",
                t.id.0
            );
        }
    }
    let resolutions = store.resolutions().unwrap();
    let res_ids: HashSet<u64> = resolutions.iter().map(|r| r.id.0).collect();
    for r in &resolutions {
        for i in &r.items {
            assert!(
                task_ids.contains(&i.0),
                "resolution {} lists a missing task",
                r.number
            );
        }
        for link in r.superseded_by.iter().chain(r.supersedes.iter()) {
            assert!(res_ids.contains(&link.0));
        }
    }
    for t in &tasks {
        if let Some(r) = t.resolution {
            assert!(
                res_ids.contains(&r.0),
                "task {} points at a missing resolution",
                t.id.0
            );
        }
    }
    // the roster on screen agrees with the store: the branch's own members in the
    // total, those attached here from elsewhere counted apart
    let on_roster = store
        .members()
        .unwrap()
        .iter()
        .filter(|m| m.activity.on_roster())
        .count();
    let counts = app.roster.counts();
    assert_eq!(counts.total + counts.temporary_in, on_roster);
    // approved minutes are never rewritten
    let now: Vec<(u64, String)> = approved(store);
    for (id, text) in approved_before {
        let after = now.iter().find(|(i, _)| i == id).map(|(_, t)| t);
        assert_eq!(after, Some(text), "approved minutes {id} changed");
    }
}

/// Approved meetings and their minutes (agenda and entries), as text.
fn approved(store: &MemoryStore) -> Vec<(u64, String)> {
    store
        .meetings()
        .unwrap()
        .into_iter()
        .filter(|m| m.is_locked())
        .map(|m| {
            (
                m.id.0,
                serde_json::to_string(&(&m.agenda, &m.attendance)).unwrap(),
            )
        })
        .collect()
}

fn run(seq: &[(usize, u16, u16)], keyset: &[Key]) {
    let store = std::sync::Arc::new(MemoryStore::new());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    chibo::demo::generate(
        store.as_ref(),
        &chibo::demo::DemoOptions {
            members: 15,
            years: 1,
            seed: 5,
        },
        today,
        now,
    )
    .unwrap();
    let before = approved(&store);
    let tmp = tempfile::tempdir().unwrap();
    let options = Options {
        clock: Box::new(FixedClock(now)),
        data_dir: tmp.path().to_path_buf(),
        ..options(Lang::Vi)
    };
    let mut app = App::new(Box::new(store.clone()), options).unwrap();
    for (i, (k, w, h)) in seq.iter().enumerate() {
        app.handle(keyset[*k % keyset.len()]);
        if i % 7 == 0 {
            screen(&app, *w, *h);
        }
        if i % 50 == 0 {
            app.save_now().unwrap();
        }
    }
    app.shutdown().unwrap();
    screen(&app, 80, 24);
    invariants(&store, &app, &before);
}

fn key_count() -> usize {
    std::env::var("CHIBO_FUZZ_KEYS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_every_screen_never_break_the_app_or_the_data(
        seq in proptest::collection::vec((0usize..10_000, 1u16..=250, 1u16..=80), key_count())
    ) {
        run(&seq, &keys());
    }
}
