//! Discipline entered from a member's detail: the forms a probationary member may
//! receive, the branch's vote that proposed it, and an expulsion confirmed.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::domain::discipline::DisciplineForm;
use chibo::domain::meeting::{AgendaItem, Entry, EntryKind, Meeting, MeetingKind};
use chibo::domain::member::{Activity, Member, Standing};
use chibo::domain::vote::{Vote, VoteMethod, VoteRule, VoteSubject};
use chibo::store::{MemoryStore, Records};
use chrono::NaiveTime;
use common::*;
use std::sync::Arc;

/// A meeting of 15/11/2026 that voted, by `rule`, on `subject`: 9 of 12 in favour.
fn meeting_voting(store: &MemoryStore, subject: &str, rule: VoteRule) {
    let mut m = Meeting::new(
        MeetingKind::Regular,
        day(2026, 11, 15),
        NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
    );
    m.started_at = Some(day(2026, 11, 15).and_hms_opt(19, 0, 0).unwrap());
    m.ended_at = Some(day(2026, 11, 15).and_hms_opt(21, 0, 0).unwrap());
    let mut item = AgendaItem::new("Công tác kiểm tra, giám sát", 20);
    item.entries.push(Entry {
        at: NaiveTime::from_hms_opt(19, 40, 0).unwrap(),
        kind: EntryKind::Vote(Vote {
            subject: subject.into(),
            kind: VoteSubject::from_text(subject),
            method: VoteMethod::ShowOfHands,
            rule,
            eligible: 12,
            branch: 12,
            in_favour: 9,
            against: 3,
            other: 0,
        }),
        text: String::new(),
    });
    m.agenda.push(item);
    store
        .save_meeting(
            &mut m,
            day(2026, 11, 15).and_hms_opt(21, 0, 0).unwrap(),
            None,
        )
        .unwrap();
}

/// Fills the open discipline form: body, number and reason (the form and the vote as
/// they are chosen), then saves.
fn fill_and_save(app: &mut chibo::app::App) {
    press(app, "tab tab");
    type_text(app, "Chi bộ Khu phố 3");
    press(app, "tab");
    type_text(app, "05-QĐ/CB");
    press(app, "tab");
    type_text(app, "Không thực hiện nhiệm vụ được giao");
    press(app, "ctrl-s");
}

#[test]
fn a_probationary_member_is_refused_removal_and_warned_with_the_vote_linked() {
    let store = Arc::new(fixture_store());
    let mut m = Member::new("Lê", "Thị", "Cúc");
    m.standing = Standing::Probationary;
    m.admission_date = Some(day(2026, 1, 2));
    store
        .import_members(&mut [m], today().and_hms_opt(8, 0, 0).unwrap())
        .unwrap();
    meeting_voting(
        &store,
        "Thi hành kỷ luật cảnh cáo đ/c Lê Thị Cúc",
        VoteRule::MajorityOfBranch,
    );
    let clock = TestClock::on(today(), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "1 /");
    type_text(&mut app, "le thi cuc");
    press(&mut app, "enter enter l");
    // cách chức: refused in one line, nothing saved
    press(&mut app, "right right");
    fill_and_save(&mut app);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo."),
        "{shown}"
    );
    assert!(store.discipline().unwrap().is_empty());
    // cảnh cáo goes through, with the meeting's vote (proposed first)
    press(&mut app, "left ctrl-s");
    let saved = store.discipline().unwrap();
    assert_eq!(saved.len(), 1, "{}", screen(&app, 80, 24));
    assert_eq!(saved[0].form, DisciplineForm::Warning);
    assert!(saved[0].vote.is_some());
    assert_eq!(saved[0].counts_for, 2026);
    let shown = screen(&app, 80, 60);
    assert!(
        shown.contains("22/11/2026: cảnh cáo — Chi bộ Khu phố 3 — 05-QĐ/CB"),
        "{shown}"
    );
    assert!(
        shown.contains("chi bộ biểu quyết 15/11/2026: 9/12"),
        "{shown}"
    );
}

#[test]
fn an_expulsion_needs_a_two_thirds_vote_and_a_confirmation_and_ends_membership_on_its_date() {
    let store = Arc::new(fixture_store());
    meeting_voting(
        &store,
        "Thi hành kỷ luật khiển trách đ/c Phan Văn Long",
        VoteRule::MajorityOfBranch,
    );
    let clock = TestClock::on(today(), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "1 /");
    type_text(&mut app, "phan van long");
    press(&mut app, "enter enter l");
    press(&mut app, "left");
    assert!(screen(&app, 80, 24).contains("‹ khai trừ ›"));
    fill_and_save(&mut app);
    // the vote proposed was held to more than half: expulsion needs two thirds
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Khai trừ cần biểu quyết đạt ít nhất 2/3 đảng viên chi bộ."),
        "{shown}"
    );
    // without a vote: asked to confirm; esc changes nothing
    press(&mut app, "left ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Khai trừ đ/c Phan Văn Long khỏi Đảng từ ngày 22/11/2026."),
        "{shown}"
    );
    press(&mut app, "esc");
    assert!(store.discipline().unwrap().is_empty());
    // confirmed: saved, and the member is expelled on the decision's date
    press(&mut app, "ctrl-s enter");
    let saved = store.discipline().unwrap();
    assert_eq!(saved.len(), 1);
    let member = store.member(saved[0].member).unwrap().unwrap();
    assert_eq!(member.activity, Activity::Expelled);
    assert!(screen(&app, 80, 24).contains("Đã ghi kỷ luật khai trừ đối với đ/c Phan Văn Long."));
}

#[test]
fn the_demo_branch_has_a_reprimand_shown_in_the_member_s_detail() {
    let app = demo_app(30);
    let records = app.store().discipline().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].form, DisciplineForm::Reprimand);
    let member = app.store().member(records[0].member).unwrap().unwrap();
    assert_eq!(member.activity, Activity::Active);
    assert!(!app.store().notes().unwrap().is_empty());
}
