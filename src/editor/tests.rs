//! The editor as the minutes console uses it: caret, wrap, scroll, keys and undo, and
//! rows mended after random edits checked against rows wrapped from scratch.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::*;

fn key(code: Code) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

fn ctrl(code: Code) -> Key {
    Key {
        ctrl: true,
        ..key(code)
    }
}

/// Draws the editor in a `width`×`height` area; the rows as text, trailing blanks cut.
fn draw(e: &Editor, width: u16, height: u16) -> Vec<String> {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    e.render(area, &mut buf);
    (0..height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buf[(x, y)].symbol();
                s.push_str(symbol);
                x += symbol.width().max(1) as u16;
            }
            s.trim_end().to_string()
        })
        .collect()
}

fn typed(text: &str) -> Editor {
    let mut e = Editor::default();
    for c in text.chars() {
        e.insert_char(c);
    }
    e
}

#[test]
fn the_caret_stays_inside_the_text() {
    let e = Editor::new("một\nhai ba", (5, 40));
    assert_eq!(e.cursor(), (1, 6));
    assert_eq!(e.text(), "một\nhai ba");
    assert_eq!(e.lines(), ["một", "hai ba"]);
    assert_eq!(e.around_caret(), ("hai ba", ""));
    let e = Editor::new("một\nhai ba", (0, 1));
    assert_eq!(e.around_caret(), ("m", "ột"));
}

#[test]
fn typing_is_undone_word_by_word_and_keys_move_the_caret() {
    let mut e = Editor::default();
    for c in "Chi bộ".chars() {
        e.insert_char(c);
    }
    e.insert_newline();
    e.insert_str("họp".to_string());
    assert_eq!(e.text(), "Chi bộ\nhọp");
    assert!(!e.key(key(Code::Home)), "a caret move changes no text");
    assert_eq!(e.cursor(), (1, 0));
    assert!(e.key(key(Code::Backspace)));
    assert_eq!(e.text(), "Chi bộhọp");
    let undo = ctrl(Code::Char('u'));
    assert!(e.key(undo));
    assert_eq!(e.text(), "Chi bộ\nhọp");
    assert_eq!(e.cursor(), (1, 0));
    assert!(e.key(undo));
    assert_eq!(e.text(), "Chi bộ\n");
    assert!(e.key(undo));
    assert_eq!(e.text(), "Chi bộ");
    assert!(e.key(undo), "a word at a time");
    assert_eq!(e.text(), "Chi ");
    assert!(e.key(undo));
    assert_eq!(e.text(), "");
    assert!(!e.key(undo), "nothing more to undo");
    let redo = ctrl(Code::Char('y'));
    assert!(e.key(redo));
    assert!(e.key(redo));
    assert_eq!(e.text(), "Chi bộ");
    assert_eq!(e.cursor(), (0, 6));
    e.insert_char('!');
    assert!(!e.key(redo), "a new edit ends what could be redone");
    e.set_text("mới", (0, 3));
    assert!(!e.key(undo), "a new text has nothing to undo");
    assert_eq!(e.text(), "mới");
}

#[test]
fn undo_remembers_two_hundred_edits() {
    let mut e = Editor::default();
    for _ in 0..250 {
        e.insert_newline();
    }
    let mut n = 0;
    while e.key(ctrl(Code::Char('u'))) {
        n += 1;
    }
    assert_eq!(n, 200);
    assert_eq!(e.lines().len(), 51);
}

#[test]
fn a_paste_is_one_edit_and_its_undo_gives_the_text_back() {
    let mut e = typed("Ý kiến: ");
    let long: String = "vệ sinh môi trường ".chars().cycle().take(20_000).collect();
    e.insert_str(format!("{long}\nhết"));
    assert_eq!(e.lines().len(), 2);
    assert_eq!(e.cursor(), (1, 3));
    draw(&e, 30, 5);
    assert!(e.key(ctrl(Code::Char('u'))));
    assert_eq!(e.text(), "Ý kiến: ");
    assert_eq!(e.cursor(), (0, 8));
    assert!(e.key(ctrl(Code::Char('y'))));
    assert_eq!(e.lines()[0].chars().count(), 20_008);
    assert_eq!(e.cursor(), (1, 3));
}

#[test]
fn vietnamese_text_wraps_after_its_spaces_at_the_width_drawn() {
    let e = Editor::new("Chi bộ thống nhất triển khai nhiệm vụ", (0, 0));
    assert_eq!(
        draw(&e, 12, 4),
        ["Chi bộ thống", "nhất triển", "khai nhiệm", "vụ"]
    );
    // drawn again narrower: wrapped again
    assert_eq!(
        draw(&e, 8, 6),
        ["Chi bộ", "thống", "nhất", "triển", "khai", "nhiệm vụ"]
    );
    // decomposed marks take no cell
    let e = Editor::new("e\u{301}e\u{301}e\u{301}e\u{301} ab", (0, 0));
    assert_eq!(draw(&e, 4, 2), ["e\u{301}e\u{301}e\u{301}e\u{301}", "ab"]);
}

#[test]
fn long_words_break_between_letters_and_wide_characters_keep_two_cells() {
    let e = Editor::new("https://chibo.vn/bien-ban", (0, 0));
    assert_eq!(draw(&e, 10, 3), ["https://ch", "ibo.vn/bie", "n-ban"]);
    let e = Editor::new("中文字符测试 ab", (0, 0));
    assert_eq!(draw(&e, 5, 4), ["中文", "字符", "测试", "ab"]);
    let mut e = e;
    e.key(key(Code::End));
    draw(&e, 5, 4);
    assert_eq!(e.caret_on_screen(), (3, 2));
    e.key(key(Code::Home));
    e.key(key(Code::Right));
    draw(&e, 5, 4);
    assert_eq!(
        e.caret_on_screen(),
        (0, 2),
        "after the first wide character"
    );
}

#[test]
fn the_caret_at_the_end_of_a_full_row_is_drawn_on_its_last_cell() {
    let mut e = Editor::new("abcd", (0, 4));
    draw(&e, 4, 2);
    assert_eq!(e.caret_on_screen(), (0, 3));
    // between two rows the caret is at the next row's start
    e.set_text("ab cd", (0, 3));
    draw(&e, 3, 2);
    assert_eq!(e.caret_on_screen(), (1, 0));
    // on a space hanging past the edge: the last cell
    e.set_text("abc d", (0, 3));
    assert_eq!(draw(&e, 3, 2), ["abc", "d"]);
    assert_eq!(e.caret_on_screen(), (0, 2));
    e.key(key(Code::Right));
    draw(&e, 3, 2);
    assert_eq!(e.caret_on_screen(), (1, 0));
}

#[test]
fn the_view_scrolls_to_keep_the_caret_and_keeps_its_top_between_draws() {
    let text: Vec<String> = (0..20).map(|i| format!("dòng {i}")).collect();
    let mut e = Editor::new(&text.join("\n"), (19, 0));
    let rows = draw(&e, 20, 5);
    assert_eq!(rows[0], "dòng 15");
    assert_eq!(e.caret_on_screen(), (4, 0));
    // up inside the view: the view stays
    for _ in 0..4 {
        e.key(key(Code::Up));
    }
    assert_eq!(draw(&e, 20, 5)[0], "dòng 15");
    assert_eq!(e.caret_on_screen(), (0, 0));
    e.key(key(Code::Up));
    assert_eq!(draw(&e, 20, 5)[0], "dòng 14");
    // a page up moves the caret and the view by the rows shown
    e.key(key(Code::PageUp));
    assert_eq!(e.cursor(), (9, 0));
    assert_eq!(draw(&e, 20, 5)[0], "dòng 9");
    e.key(key(Code::PageDown));
    assert_eq!(e.cursor(), (14, 0));
    assert_eq!(draw(&e, 20, 5)[0], "dòng 14");
    e.key(ctrl(Code::Home));
    assert_eq!(draw(&e, 20, 5)[0], "dòng 0");
    e.key(ctrl(Code::End));
    assert_eq!(e.cursor(), (19, 7));
    assert_eq!(draw(&e, 20, 5)[4], "dòng 19");
    assert_eq!(e.caret_on_screen(), (4, 7));
}

#[test]
fn a_resize_keeps_the_caret_on_screen() {
    let long: String = "một hai ba bốn năm ".repeat(30);
    let mut e = Editor::new(&long, (0, 0));
    e.key(ctrl(Code::End));
    draw(&e, 40, 5);
    let (row, col) = e.caret_on_screen();
    assert!(row < 5 && col < 40);
    let rows = draw(&e, 17, 5);
    let (row, col) = e.caret_on_screen();
    assert_eq!(row, 4, "the caret's row is the last one drawn: {rows:?}");
    assert!(col < 17);
    let rows = draw(&e, 120, 40);
    assert!(
        rows[0].starts_with("một hai"),
        "all the text fits: drawn from its start"
    );
    let last = rows.iter().rposition(|r| !r.is_empty()).unwrap();
    assert_eq!(e.caret_on_screen().0, last);
}

#[test]
fn up_and_down_go_by_rows_drawn_keeping_the_column() {
    let mut e = Editor::new("Chi bộ thống nhất triển\nkhai", (0, 5));
    assert_eq!(
        draw(&e, 10, 5),
        ["Chi bộ", "thống nhất", "triển", "khai", ""]
    );
    e.key(key(Code::Down));
    assert_eq!(e.cursor(), (0, 12), "after 'thống'");
    e.key(key(Code::Down));
    assert_eq!(e.cursor(), (0, 23), "the end of the shorter row");
    e.key(key(Code::Down));
    assert_eq!(e.cursor(), (1, 4));
    e.key(key(Code::Up));
    assert_eq!(e.cursor(), (0, 23), "the column wanted still");
    e.key(key(Code::Up));
    e.key(key(Code::Up));
    assert_eq!(e.cursor(), (0, 5));
    e.key(key(Code::Up));
    assert_eq!(e.cursor(), (0, 5), "nothing above");
    // past the end of a row that goes on below: before its hanging space
    let mut e = Editor::new("abc de", (0, 6));
    assert_eq!(draw(&e, 3, 2), ["abc", "de"]);
    e.key(key(Code::End));
    e.key(key(Code::Up));
    assert_eq!(e.cursor(), (0, 2));
    e.key(key(Code::Right));
    e.key(key(Code::Up));
    e.key(key(Code::Down));
    assert_eq!(e.cursor(), (0, 6));
}

#[test]
fn words_are_moved_over_and_deleted() {
    let mut e = Editor::new("Đồng chí Mai, phát biểu", (0, 0));
    e.key(ctrl(Code::Right));
    assert_eq!(e.cursor(), (0, 5));
    e.key(ctrl(Code::Right));
    e.key(ctrl(Code::Right));
    assert_eq!(e.cursor(), (0, 12), "the comma is a word of its own");
    e.key(ctrl(Code::Left));
    assert_eq!(e.cursor(), (0, 9));
    e.key(key(Code::End));
    assert!(e.key(ctrl(Code::Char('w'))));
    assert_eq!(e.text(), "Đồng chí Mai, phát ");
    let alt_backspace = Key {
        alt: true,
        ..key(Code::Backspace)
    };
    assert!(e.key(alt_backspace));
    assert_eq!(e.text(), "Đồng chí Mai, ");
    e.key(key(Code::Home));
    assert!(e.key(ctrl(Code::Delete)));
    assert_eq!(e.text(), " chí Mai, ");
    assert!(e.key(key(Code::Delete)));
    assert_eq!(e.text(), "chí Mai, ");
    assert!(!e.key(key(Code::Backspace)), "nothing before the start");
    e.set_text("a\nb", (1, 0));
    e.key(key(Code::Left));
    assert_eq!(e.cursor(), (0, 1));
    e.key(key(Code::Right));
    assert_eq!(e.cursor(), (1, 0));
    assert!(e.key(ctrl(Code::Char('w'))), "at a line's start: joins it");
    assert_eq!(e.text(), "ab");
}

#[test]
fn a_letter_with_its_mark_is_one_step_and_a_composed_line_undoes_with_its_word() {
    let mut e = Editor::new("ve\u{302}", (0, 3));
    e.key(key(Code::Left));
    assert_eq!(e.cursor(), (0, 1));
    assert!(e.key(key(Code::Delete)));
    assert_eq!(e.text(), "v");
    // typing "Vie" then a mark, composed as the console does
    let mut e = typed("họp Vie\u{302}");
    e.replace_line(0, "họp Viê".to_string(), 7);
    assert_eq!(e.text(), "họp Viê");
    assert_eq!(e.cursor(), (0, 7));
    e.insert_char('t');
    assert!(e.key(ctrl(Code::Char('u'))));
    assert_eq!(
        e.text(),
        "họp ",
        "the word and its composition, in one step"
    );
    assert_eq!(e.cursor(), (0, 4));
    // outside any typing: an edit of its own, of only what changed
    let mut e = Editor::new("a e\u{301} b", (0, 4));
    e.replace_line(0, "a é b".to_string(), 3);
    assert_eq!((e.text().as_str(), e.cursor()), ("a é b", (0, 3)));
    assert!(e.key(ctrl(Code::Char('u'))));
    assert_eq!(e.text(), "a e\u{301} b");
    e.replace_line(0, "a é b".to_string(), 1);
    assert_eq!(e.cursor(), (0, 1), "a caret before the change");
    assert_eq!(e.around_caret(), ("a", " é b"));
}

/// The rows kept for each line, each against a wrap from scratch; how many were kept.
fn check_wraps(e: &Editor) -> usize {
    let view = e.view.borrow();
    let width = view.width();
    let mut kept = 0;
    for (i, rows) in view.cached().iter().enumerate() {
        if let Some(rows) = rows {
            assert_eq!(rows, &wrap::wrap(&e.lines[i], width), "line {i} at {width}");
            kept += 1;
        }
    }
    assert_eq!(view.cached().len(), e.lines.len());
    kept
}

#[derive(Debug, Clone)]
enum Op {
    Type(char),
    Paste(String),
    Key(Code, bool),
    Undo,
    Redo,
    Compose,
}

fn op() -> impl Strategy<Value = Op> {
    let ch = prop::sample::select(vec![
        'a', 'b', ' ', ' ', 'ế', '中', '\u{301}', '\u{a0}', '.',
    ]);
    prop_oneof![
        4 => ch.prop_map(Op::Type),
        1 => prop::collection::vec(prop::sample::select(vec!['x', ' ', 'ư', '中', '\n']), 0..30)
            .prop_map(|v| Op::Paste(v.into_iter().collect())),
        3 => (prop::sample::select(vec![
            Code::Backspace, Code::Delete, Code::Enter, Code::Left, Code::Right, Code::Up,
            Code::Down, Code::Home, Code::End, Code::PageUp, Code::PageDown,
        ]), any::<bool>()).prop_map(|(c, w)| Op::Key(c, w)),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => Just(Op::Compose),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rows_mended_after_edits_are_the_rows_wrapped_from_scratch(
        start in "[ab ế中]{0,60}",
        width in 1u16..9,
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut e = Editor::new(&start, (0, 7));
        for op in ops {
            // every line wrapped before the edit, so that the edit mends them
            draw(&e, width, 3);
            {
                let mut view = e.view.borrow_mut();
                for i in 0..e.lines.len() {
                    view.starts(&e.lines, i);
                }
            }
            let single_line = !matches!(op, Op::Paste(_) | Op::Undo | Op::Redo);
            match op {
                Op::Type(c) => e.insert_char(c),
                Op::Paste(s) => e.insert_str(s),
                Op::Key(code, word) => {
                    e.key(Key { code, ctrl: word, alt: false, shift: false });
                }
                Op::Undo => {
                    e.key(ctrl(Code::Char('u')));
                }
                Op::Redo => {
                    e.key(ctrl(Code::Char('y')));
                }
                Op::Compose => {
                    let (row, col) = e.cursor();
                    let line = crate::domain::text::nfc(&e.lines[row]);
                    let col = col.min(line.chars().count());
                    e.replace_line(row, line, col);
                }
            }
            let kept = check_wraps(&e);
            if single_line {
                prop_assert_eq!(kept, e.lines.len(), "every line mended, none dropped");
            }
            let (row, col) = e.cursor();
            prop_assert!(row < e.lines.len());
            prop_assert!(col <= e.lines[row].chars().count());
            let caret = e.caret;
            prop_assert_eq!(caret.byte, e.pos_at(row, col).byte);
        }
        draw(&e, width, 3);
        let (row, col) = e.caret_on_screen();
        prop_assert!(row < 3 && col < usize::from(width));
    }
}
