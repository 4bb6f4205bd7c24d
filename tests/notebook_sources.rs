//! Notes taken into the members' notebook from a task done with its result and from
//! the meeting console (a speech, a line of the roll call), each keeping its source.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::domain::notebook::{NoteKind, NoteSource};
use chibo::store::Records;
use common::*;

#[test]
fn a_task_done_with_its_result_is_noted_for_its_lead_and_an_open_one_is_refused() {
    let mut app = demo_app(30);
    // every task, the open ones first: an open task has no result to note
    press(&mut app, "4 v f");
    press(&mut app, "w");
    assert!(
        screen(&app, 80, 24)
            .contains("Chỉ ghi sổ được nhiệm vụ đã hoàn thành, có kết quả và người phụ trách.")
    );
    let before = app.store().notes().unwrap().len();
    // the tasks done: the result becomes the note's text, the task its source
    press(&mut app, "f f w");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ghi sổ theo dõi:"), "{shown}");
    press(&mut app, "ctrl-s");
    let notes = app.store().notes().unwrap();
    assert_eq!(notes.len(), before + 1);
    let note = notes
        .iter()
        .find(|n| matches!(n.source, NoteSource::Task(_)))
        .unwrap();
    let NoteSource::Task(id) = note.source else {
        unreachable!()
    };
    let task = app.store().task(id).unwrap().unwrap();
    assert_eq!(Some(note.member), task.lead);
    assert!(note.text.ends_with(task.result.trim()), "{}", note.text);
    assert!(screen(&app, 80, 24).contains("Đã ghi"));
}

#[test]
fn a_speech_and_a_roll_call_line_are_noted_with_the_meeting_as_source() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    // not on a speech: refused in one line
    press(&mut app, "f11");
    assert!(screen(&app, 80, 24).contains("Chọn một ý kiến phát biểu của đảng viên"));
    press(&mut app, "f2");
    type_text(&mut app, "long");
    press(&mut app, "enter");
    type_text(&mut app, "Nhận vận động 5 hộ đóng quỹ khuyến học.");
    press(&mut app, "f11");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ghi sổ theo dõi: Phan Văn Long"), "{shown}");
    press(&mut app, "ctrl-s");
    let notes = store.notes().unwrap();
    assert_eq!(notes.len(), 1, "{}", screen(&app, 80, 24));
    assert_eq!(notes[0].text, "Nhận vận động 5 hộ đóng quỹ khuyến học.");
    assert_eq!(notes[0].kind, NoteKind::Other);
    assert_eq!(notes[0].date, meeting_day());
    let meeting = app.meetings.console.as_ref().unwrap().meeting.id;
    assert_eq!(notes[0].source, NoteSource::Meeting(meeting));
    // the console goes on with the speech as it was
    assert!(screen(&app, 80, 24).contains("Nhận vận động 5 hộ"));
    // a line of the roll call: the member selected, the text typed
    press(&mut app, "ctrl-r n");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ghi sổ theo dõi:"), "{shown}");
    type_text(&mut app, "Đến sớm chuẩn bị hội trường");
    press(&mut app, "ctrl-s");
    let notes: Vec<_> = store.notes().unwrap();
    assert_eq!(notes.len(), 2);
    assert!(
        notes
            .iter()
            .all(|n| n.source == NoteSource::Meeting(meeting))
    );
}

#[test]
fn a_commitment_of_the_year_is_checked_at_its_end_with_a_remark() {
    let mut app = fixture_app();
    press(&mut app, "/");
    type_text(&mut app, "phan van long");
    press(&mut app, "enter enter m");
    assert!(
        screen(&app, 80, 24)
            .contains("Không còn cam kết hay khuyết điểm nào chưa kiểm điểm năm 2026.")
    );
    // a commitment written, then checked: partly kept, with a remark
    press(&mut app, "n right right tab tab");
    type_text(&mut app, "Hoàn thành lớp trung cấp lý luận chính trị");
    press(&mut app, "ctrl-s m right tab tab");
    type_text(&mut app, "Còn hai môn thi lại");
    press(&mut app, "ctrl-s");
    let notes = app.store().notes().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, NoteKind::Commitment);
    assert_eq!(
        notes[0].outcome.map(|o| o.1),
        Some(chibo::domain::notebook::Outcome::Partly)
    );
    assert_eq!(notes[0].outcome_note, "Còn hai môn thi lại");
    let shown = screen(&app, 120, 60);
    assert!(
        shown.contains("hiện một phần 22/11/2026: Còn hai môn thi lại"),
        "{shown}"
    );
    press(&mut app, "m");
    assert!(screen(&app, 80, 24).contains("Không còn cam kết"));
}
