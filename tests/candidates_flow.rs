//! A candidate for membership carried through every step on the candidates screen:
//! added, each step dated with its proof, bad input refused with nothing written, a
//! helper assigned by an ordinary task, the branch's vote read from the minutes, the
//! ceremony confirmed deliberately; the probationary member made from the record
//! appears in the probation reminders, and the candidate stays linked to them.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::domain::candidates::Step;
use chibo::domain::meeting::{AgendaItem, Entry, EntryKind, Meeting, MeetingKind};
use chibo::domain::member::Standing;
use chibo::domain::vote::{Vote, VoteMethod, VoteRule, VoteSubject};
use chibo::store::{MemoryStore, Records};
use chrono::NaiveTime;
use common::*;

/// A branch meeting on 20/12/2025 that voted on admitting `name`: `for` of 12 members.
fn meeting_voting_on(store: &MemoryStore, name: &str, in_favour: u32) {
    let mut m = Meeting::new(
        MeetingKind::Regular,
        day(2025, 12, 20),
        NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
    );
    let mut item = AgendaItem::new("Công tác phát triển đảng viên", 20);
    let subject = format!("Kết nạp quần chúng {name}");
    let vote = Vote {
        subject: subject.clone(),
        kind: VoteSubject::from_text(&subject),
        method: VoteMethod::ShowOfHands,
        rule: VoteRule::TwoThirdsOfBranch,
        eligible: 12,
        branch: 12,
        in_favour,
        against: 12 - in_favour,
        other: 0,
    };
    assert_eq!(vote.kind, VoteSubject::Admission);
    item.entries.push(Entry {
        at: NaiveTime::from_hms_opt(19, 40, 0).unwrap(),
        kind: EntryKind::Vote(vote),
        text: String::new(),
    });
    m.agenda.push(item);
    store
        .save_meeting(
            &mut m,
            day(2025, 12, 20).and_hms_opt(21, 0, 0).unwrap(),
            None,
        )
        .unwrap();
}

/// The next step's form: its date (replacing today's) and proof, saved.
fn step(app: &mut chibo::app::App, date: &str, proof: &str) {
    press(app, "enter");
    for _ in 0..10 {
        press(app, "backspace");
    }
    type_text(app, date);
    press(app, "tab");
    type_text(app, proof);
    press(app, "ctrl-s");
}

#[test]
fn a_candidate_goes_through_every_step_to_the_ceremony_and_becomes_a_probationary_member() {
    let store = Arc::new(fixture_store());
    meeting_voting_on(&store, "Trịnh Thị Ngọc Ánh", 10);
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "6");
    assert!(screen(&app, 80, 24).contains("Chưa có quần chúng nào: n để thêm"));

    // added, with only what the procedure needs
    press(&mut app, "n");
    type_text(&mut app, "Trịnh");
    press(&mut app, "tab");
    type_text(&mut app, "Thị Ngọc");
    press(&mut app, "tab");
    type_text(&mut app, "Ánh");
    press(&mut app, "tab right right tab");
    type_text(&mut app, "05/06/1998");
    press(&mut app, "tab");
    type_text(&mut app, "Tổ 7, khu phố 3");
    press(&mut app, "tab tab");
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "01/09/2025");
    press(&mut app, "ctrl-s");
    let s = screen(&app, 120, 40);
    assert!(s.contains("Đã thêm quần chúng Trịnh Thị Ngọc Ánh."), "{s}");
    assert!(s.contains("Quần chúng ưu tú"), "{s}");
    assert!(s.contains("Lớp nhận thức về Đảng"), "{s}");
    assert!(
        s.contains("01/09/2025      447"),
        "waiting since 01/09/2025: {s}"
    );
    let c = store.candidates().unwrap().remove(0);
    assert_eq!(c.full_name(), "Trịnh Thị Ngọc Ánh");
    assert_eq!(c.birth_date, Some(day(1998, 6, 5)));

    // bad input: no proof, then a date before the stage began; nothing written
    press(&mut app, "enter ctrl-s");
    assert!(screen(&app, 80, 24).contains("Bắt buộc phải nhập."));
    press(&mut app, "esc");
    step(&mut app, "15/08/2025", "GCN số 125");
    assert!(screen(&app, 80, 24).contains("Ngày trước khi giai đoạn này bắt đầu."));
    press(&mut app, "esc");
    assert!(store.candidates().unwrap()[0].steps.is_empty());

    // the helper: an ordinary task of the member
    press(&mut app, "h enter");
    type_text(&mut app, "tran thi mai");
    press(&mut app, "enter ctrl-s");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Trần Thị Mai giúp đỡ Trịnh Thị Ngọc Ánh."),
        "{s}"
    );
    let c = store.candidates().unwrap().remove(0);
    let task = store.task(c.helper_task.unwrap()).unwrap().unwrap();
    let mai = store
        .members()
        .unwrap()
        .into_iter()
        .find(|m| m.full_name() == "Trần Thị Mai")
        .unwrap();
    assert_eq!(task.lead, Some(mai.id));
    assert!(task.title.contains("Trịnh Thị Ngọc Ánh"), "{}", task.title);
    assert!(s.contains("Trần Thị Mai"), "the helper is shown: {s}");

    for (date, proof) in [
        ("10/09/2025", "Giấy chứng nhận số 125-GCN/TTCT"),
        ("15/09/2025", "Đơn ngày 15/09/2025"),
        ("01/10/2025", "Lý lịch đã khai"),
        ("01/11/2025", "Công văn thẩm tra số 12"),
        ("10/11/2025", "Đ/c Trần Thị Mai, đ/c Nguyễn Văn Hùng"),
        ("01/12/2025", "Nhận xét của Đoàn phường và chi ủy tổ 7"),
    ] {
        step(&mut app, date, proof);
    }
    let s = screen(&app, 120, 40);
    assert!(s.contains("Chi bộ biểu quyết"), "the vote is next: {s}");
    assert!(s.contains("Nhận xét của Đoàn phường và chi ủy tổ 7"), "{s}");

    // the vote comes from the minutes of the meeting that held it
    press(&mut app, "enter");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Đã ghi biểu quyết của chi bộ ngày 20/12/2025 kết nạp Trịnh Thị Ngọc Ánh."),
        "{s}"
    );
    let c = store.candidates().unwrap().remove(0);
    let vote = c.taken(Step::Vote).unwrap();
    assert_eq!(vote.date, day(2025, 12, 20));
    assert!(vote.proof.contains("10/12"), "{}", vote.proof);
    assert!(c.vote.is_some());

    step(&mut app, "05/01/2026", "Quyết định số 45-QĐ/ĐU");
    // the ceremony: asked for deliberately; no, then yes
    step(
        &mut app,
        "20/01/2026",
        "Lễ kết nạp tại hội trường khu phố 3",
    );
    let s = screen(&app, 80, 24);
    assert!(s.contains("Không thể hoàn tác"), "{s}");
    press(&mut app, "n");
    let c = store.candidates().unwrap().remove(0);
    assert!(
        !c.done(Step::Ceremony) && c.member.is_none(),
        "nothing written"
    );
    step(
        &mut app,
        "20/01/2026",
        "Lễ kết nạp tại hội trường khu phố 3",
    );
    press(&mut app, "y");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Trịnh Thị Ngọc Ánh là đảng viên dự bị từ 20/01/2026."),
        "{s}"
    );
    assert!(s.contains("Đã kết nạp"), "{s}");

    let c = store.candidates().unwrap().remove(0);
    let member = store.member(c.member.unwrap()).unwrap().unwrap();
    assert_eq!(member.standing, Standing::Probationary);
    assert_eq!(member.admission_date, Some(day(2026, 1, 20)));
    assert_eq!(member.birth_date, Some(day(1998, 6, 5)));
    assert_eq!(member.residence, "Tổ 7, khu phố 3");
    // nothing more is entered on an admitted candidate
    press(&mut app, "enter");
    assert!(screen(&app, 80, 24).contains("Đã kết nạp hoặc đã dừng"));

    // the probation reminder: 12 months from the ceremony
    press(&mut app, "1");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Trịnh Thị Ngọc Ánh: hết dự bị 20/01/2027"),
        "{s}"
    );
}

#[test]
fn a_vote_short_of_two_thirds_or_missing_is_told_and_a_candidate_is_closed_with_a_reason() {
    let store = Arc::new(fixture_store());
    meeting_voting_on(&store, "Lê Văn Phúc", 7);
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    for name in [("Lê", "Văn", "Phúc"), ("Đỗ", "", "Quân")] {
        press(&mut app, "6 n");
        type_text(&mut app, name.0);
        press(&mut app, "tab");
        type_text(&mut app, name.1);
        press(&mut app, "tab");
        type_text(&mut app, name.2);
        press(&mut app, "tab tab tab tab tab");
        for _ in 0..10 {
            press(&mut app, "backspace");
        }
        type_text(&mut app, "01/09/2025");
        press(&mut app, "ctrl-s");
    }
    // Phúc sorts before Quân
    for (date, proof) in [
        ("10/09/2025", "GCN 1"),
        ("15/09/2025", "Đơn"),
        ("01/10/2025", "Lý lịch"),
        ("01/11/2025", "Thẩm tra"),
        ("10/11/2025", "Giới thiệu"),
        ("01/12/2025", "Nhận xét"),
    ] {
        step(&mut app, date, proof);
    }
    press(&mut app, "enter");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Biểu quyết ngày 20/12/2025 chưa đạt 2/3 đảng viên chính thức: 7/12 tán thành."),
        "{s}"
    );
    let phuc = store
        .candidates()
        .unwrap()
        .into_iter()
        .find(|c| c.given_name == "Phúc")
        .unwrap();
    assert!(!phuc.done(Step::Vote));

    // the other has no vote at all; then stops, with a reason
    press(&mut app, "down");
    for (date, proof) in [
        ("10/09/2025", "GCN 2"),
        ("15/09/2025", "Đơn"),
        ("01/10/2025", "Lý lịch"),
        ("01/11/2025", "Thẩm tra"),
        ("10/11/2025", "Giới thiệu"),
        ("01/12/2025", "Nhận xét"),
    ] {
        step(&mut app, date, proof);
    }
    press(&mut app, "enter");
    assert!(screen(&app, 120, 40).contains("Chưa có biểu quyết kết nạp Đỗ Quân"));
    press(&mut app, "x ctrl-s");
    assert!(screen(&app, 80, 24).contains("Bắt buộc phải nhập."));
    assert_eq!(
        store
            .candidates()
            .unwrap()
            .iter()
            .filter(|c| c.closed.is_some())
            .count(),
        0
    );
    // the reason, where the message is
    type_text(&mut app, "Chuyển công tác nơi khác");
    press(&mut app, "ctrl-s");
    let s = screen(&app, 120, 40);
    assert!(s.contains("Đã dừng theo dõi Đỗ Quân."), "{s}");
    assert!(s.contains("Dừng: Chuyển công tác nơi khác"), "{s}");
    let quan = store
        .candidates()
        .unwrap()
        .into_iter()
        .find(|c| c.given_name == "Quân")
        .unwrap();
    assert_eq!(quan.closed.unwrap().reason, "Chuyển công tác nơi khác");
    assert_eq!(store.candidates().unwrap().len(), 2, "kept, never deleted");
}
