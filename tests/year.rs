//! The year's work as a secretary meets it: the meetings screen warns when a quarter
//! ended without a thematic meeting.

mod common;

use chibo::app::App;
use chibo::domain::meeting::{Meeting, MeetingKind};
use chibo::i18n::Lang;
use chibo::store::Records;
use chrono::{NaiveDate, NaiveTime};
use common::{fixture_store, options, press, screen};

fn held(store: &chibo::store::MemoryStore, kind: MeetingKind, date: NaiveDate) {
    let at = NaiveTime::from_hms_opt(19, 30, 0).unwrap();
    let mut m = Meeting::new(kind, date, at);
    m.started_at = Some(date.and_time(at));
    m.ended_at = Some(date.and_time(at) + chrono::Duration::minutes(100));
    store.save_meeting(&mut m, date.and_time(at), None).unwrap();
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn the_meetings_screen_warns_of_a_quarter_ended_without_a_thematic_meeting() {
    let store = std::sync::Arc::new(fixture_store());
    held(&store, MeetingKind::Regular, d(7, 5));
    held(&store, MeetingKind::Regular, d(8, 5));
    held(&store, MeetingKind::Regular, d(9, 5));
    let mut app = App::new(Box::new(store.clone()), options(Lang::Vi)).unwrap();
    press(&mut app, "2");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("⚠ quý III/2026 chưa có sinh hoạt chuyên đề"),
        "{s}"
    );
    // in English too
    let mut en = App::new(Box::new(store.clone()), options(Lang::En)).unwrap();
    press(&mut en, "2");
    let s = screen(&en, 80, 24);
    assert!(s.contains("no thematic meeting in quarter III/2026"), "{s}");
    // a thematic meeting held in September answers it
    held(&store, MeetingKind::Thematic, d(9, 20));
    let mut app = App::new(Box::new(store.clone()), options(Lang::Vi)).unwrap();
    press(&mut app, "2");
    let s = screen(&app, 80, 24);
    assert!(!s.contains("chuyên đề\n") && !s.contains("⚠"), "{s}");
}
