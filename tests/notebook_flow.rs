//! The members' notebook and awards entered from a member's detail.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::store::Records;
use common::tty;
use common::*;

#[test]
fn a_note_is_added_and_an_empty_one_refused() {
    let mut app = fixture_app();
    press(&mut app, "/");
    type_text(&mut app, "phan van long");
    press(&mut app, "enter enter n");
    // an empty text: one message, nothing saved
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Bắt buộc phải nhập."));
    assert!(app.store().notes().unwrap().is_empty());
    // the message put the cursor in the text
    type_text(&mut app, "Cam kết học xong lớp lý luận");
    press(&mut app, "ctrl-s");
    let notes = app.store().notes().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Cam kết học xong lớp lý luận");
    let shown = screen(&app, 80, 60);
    assert!(
        shown.contains("ưu điểm: Cam kết học xong lớp lý luận"),
        "{shown}"
    );
}

#[test]
fn an_award_dated_after_today_is_refused() {
    let mut app = fixture_app();
    press(&mut app, "enter k");
    type_text(&mut app, "Giấy khen");
    press(&mut app, "tab tab");
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "01/01/2099");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Ngày không thể sau hôm nay."));
    assert!(app.store().awards().unwrap().is_empty());
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_note_and_an_award_through_the_terminal() {
    tty::require();
    let demo = tty::demo("notebook", (80, 24));
    let term = &demo.term;
    assert!(term.wait_for("Đảng viên", 10), "{}", term.screen());
    term.keys(&["Enter", "n", "Tab", "Tab"]);
    term.type_text("Hăng hái nhận việc khó");
    term.keys(&["C-s"]);
    assert!(term.wait_for("Đã ghi ưu điểm", 5), "{}", term.screen());
    term.keys(&["k"]);
    term.type_text("Giấy khen");
    term.keys(&["C-s"]);
    assert!(term.wait_for("Đã ghi Giấy khen", 5), "{}", term.screen());
    term.keys(&["NPage", "NPage", "NPage"]);
    assert!(
        term.wait_for("ưu điểm: Hăng hái nhận việc khó", 5),
        "{}",
        term.screen()
    );
    assert!(term.wait_for(": Giấy khen", 5), "{}", term.screen());
}
