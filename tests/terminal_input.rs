//! What only a real terminal sends (tmux): an unfinished escape sequence, and a paste
//! that carries the end-of-paste marker followed by the keys that would end the
//! meeting and approve the minutes. Neither may take the keyboard or decide anything.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::thread::sleep;
use std::time::Duration;

use common::tty;

/// A small demo branch with a meeting started, its console on screen.
fn console(name: &str) -> tty::Demo {
    let demo = tty::demo_with(
        name,
        (80, 24),
        &["demo", "--members", "20", "--years", "1"],
        &[],
    );
    demo.term.start_meeting();
    demo
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn an_unfinished_escape_sequence_is_dropped_and_the_text_after_it_arrives() {
    tty::require();
    let demo = console("escape");
    let term = &demo.term;
    // ESC [ ? and then nothing: a terminal report cut short, a key a terminal mangled
    term.type_text("\u{1b}[?");
    sleep(Duration::from_millis(300));
    term.type_text("xin chào chi bộ");
    assert!(term.wait_for("xin chào chi bộ", 5), "{}", term.screen());
    // the keys that are not text work too: the roll call opens and closes
    term.keys(&["C-r"]);
    assert!(term.wait_for("Điểm danh", 5), "{}", term.screen());
    term.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    assert!(!term.screen().contains("Điểm danh"), "{}", term.screen());
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_paste_carrying_the_end_marker_and_command_keys_stays_text() {
    tty::require();
    let demo = console("paste");
    let term = &demo.term;
    term.type_text("Ý kiến: ");
    sleep(Duration::from_millis(200));
    // what was found: the marker closed the paste early, and ctrl-e, Enter, A, Enter
    // ended the meeting and approved the minutes
    term.paste("nhất trí với báo cáo\u{1b}[201~\u{5}\rA\r\u{1b}[201~");
    sleep(Duration::from_millis(1500));
    let shown = term.screen();
    assert!(shown.contains("Ý kiến: nhất trí với báo cáo"), "{shown}");
    assert!(
        shown.contains("Mục 1/"),
        "the meeting goes on in the console:\n{shown}"
    );
    assert!(
        !shown.contains("Kết thúc cuộc họp"),
        "no end-of-meeting dialog:\n{shown}"
    );
    // the typing goes on after it
    term.type_text(" Hết.");
    assert!(term.wait_for("Hết.", 5), "{}", term.screen());
}
