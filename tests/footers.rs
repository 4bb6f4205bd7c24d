//! Footers come from the section's commands, the least used dropped first when the line
//! is full: the key to help always stays, and each view shows its own keys.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::App;
use common::*;

fn footer(app: &App, w: u16) -> String {
    screen(app, w, 24).lines().last().unwrap_or("").to_string()
}

#[test]
fn every_screen_keeps_the_key_to_help_at_80_columns() {
    let screens = [
        "1", "1 enter", "2", "2 enter", "3", "3 enter", "3 t", "4", "4 v",
    ];
    for keys in screens {
        let mut app = demo_app(30);
        press(&mut app, keys);
        let line = footer(&app, 80);
        assert!(line.contains("? trợ giúp"), "{keys}: {line}");
    }
}

#[test]
fn the_all_tasks_footer_shows_the_all_tasks_keys() {
    let mut app = demo_app(30);
    press(&mut app, "4");
    let members = footer(&app, 80);
    assert!(members.contains("space đánh dấu"), "{members}");
    assert!(!members.contains("ghi tiến độ"), "{members}");
    press(&mut app, "v");
    let all = footer(&app, 80);
    assert!(
        all.contains("p ghi tiến độ") && all.contains("d hoàn thành"),
        "{all}"
    );
    assert!(
        !all.contains("đánh dấu") && !all.contains("b giao"),
        "{all}"
    );
    insta::assert_snapshot!("all_tasks_at_80x24", screen(&app, 80, 24));
}

#[test]
fn a_wider_terminal_shows_more_of_the_section_s_commands() {
    let mut app = demo_app(30);
    press(&mut app, "3");
    let narrow = footer(&app, 80);
    let wide = footer(&app, 200);
    assert!(wide.len() > narrow.len(), "{narrow}\n{wide}");
    // the filter of kinds has no place in the list of the footer's favourites: it comes
    // from the section's own keys
    assert!(wide.contains("l "), "{wide}");
    assert!(wide.contains("? trợ giúp"), "{wide}");
}

#[test]
fn a_member_s_detail_at_80_columns_shows_all_its_keys_on_two_rows() {
    let mut app = demo_app(30);
    press(&mut app, "1 enter");
    let shown = screen(&app, 80, 24);
    let rows: Vec<&str> = shown.lines().rev().take(2).collect();
    let both = format!("{}\n{}", rows[1], rows[0]);
    for hint in [
        "e sửa",
        "s đổi trạng thái",
        "n ghi sổ theo dõi",
        "k khen thưởng",
        "y lọc năm",
        "l kỷ luật",
        "m kiểm điểm",
        "c công nhận chính thức",
        "d xóa",
        "esc hủy",
        "? trợ giúp",
    ] {
        assert!(both.contains(hint), "{hint}: {both}");
    }
    // the roster keeps its one row
    press(&mut app, "esc");
    let roster = screen(&app, 80, 24);
    let last: Vec<&str> = roster.lines().rev().take(2).collect();
    assert!(last[0].contains("? trợ giúp") && !last[1].contains("trợ giúp"));
}
