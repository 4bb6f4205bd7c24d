//! The mouse: the wheel, a click on a tab and a click on a row do what their keys do,
//! nothing in the console unless the settings ask for it, and nothing to a dialog that
//! needs a deliberate key.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::Screen;
use chibo::app::mouse::{Mouse, MouseEvent, MouseKind};

use common::tty::{self, Tty};
use common::*;

fn at(kind: MouseKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent { kind, column, row }
}

/// A mouse report over what the frame lays out there, as the terminal's loop sends it.
fn mouse(app: &mut chibo::app::App, ev: MouseEvent) -> bool {
    let target = chibo::ui::target(app, ev.column, ev.row);
    app.mouse(ev, target)
}

fn click(column: u16, row: u16) -> MouseEvent {
    at(MouseKind::Click, column, row)
}

/// The screen row and line of the selected list row (drawn behind the `›`).
fn selected_line(app: &chibo::app::App) -> (u16, String) {
    let text = screen(app, 120, 40);
    text.lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with('›'))
        .map(|(y, l)| (y as u16, l.to_string()))
        .unwrap_or_else(|| panic!("no row selected:\n{text}"))
}

#[test]
fn a_click_on_a_row_selects_it_and_the_wheel_moves_three_rows() {
    let mut app = demo_app(40);
    app.resize(120, 40);
    let (first, _) = selected_line(&app);
    let text = screen(&app, 120, 40);
    let lines: Vec<&str> = text.lines().collect();
    // the fifth member shown, clicked on its name
    let target = first + 4;
    let name = lines[target as usize]
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    assert!(mouse(&mut app, click(20, target)));
    let (y, line) = selected_line(&app);
    assert_eq!(y, target, "the clicked row is selected");
    assert!(line.contains(&name), "{line} should be {name}'s row");
    // the detail beside the roster follows the selection, as with the keys
    assert!(screen(&app, 120, 40).contains(&name));

    assert!(mouse(&mut app, at(MouseKind::WheelUp, 20, target)));
    assert_eq!(selected_line(&app).0, target - 3);
    assert!(mouse(&mut app, at(MouseKind::WheelDown, 20, target)));
    assert_eq!(selected_line(&app).0, target);

    // the heading, the header and the message line select nothing
    for row in [0, first - 1, 38] {
        assert!(!mouse(&mut app, click(20, row)), "row {row}");
        assert_eq!(selected_line(&app).0, target);
    }
}

/// The list a click answers is laid out where the frame draws it: its selected row is
/// the one drawn behind the `›`, on every screen, in a wide and a narrow terminal.
#[test]
fn the_lists_a_click_answers_are_where_the_frame_draws_them() {
    let mut app = demo_app(40);
    let open = |app: &mut chibo::app::App, keys: &str| {
        press(app, "esc esc 1");
        press(app, keys);
    };
    for (w, h) in [(120, 40), (80, 24)] {
        app.resize(w, h);
        for keys in [
            "1 j j j",
            "2 j",
            "2 j enter j j",
            "3 j",
            "3 enter j",
            "3 t j j",
            "4 j j",
            "4 v j",
            "5 j j j",
            "6",
        ] {
            open(&mut app, keys);
            let text = screen(&app, w, h);
            let lists = chibo::ui::lists(&app);
            let Some(list) = lists.last() else {
                panic!("{keys} at {w}×{h}: no list laid out\n{text}");
            };
            let line: String = text
                .lines()
                .nth((list.first_row + list.selected as u16) as usize)
                .unwrap()
                .chars()
                .skip(list.area.x as usize)
                .collect();
            assert!(
                line.starts_with('›'),
                "{keys} at {w}×{h}: {list:?} selects {line:?}\n{text}"
            );
            // the rows counted are rows of the list: the last one is drawn
            let last = text
                .lines()
                .nth((list.first_row + list.rows as u16 - 1) as usize)
                .unwrap();
            assert!(!last.trim().is_empty(), "{keys} at {w}×{h}\n{text}");
        }
    }
}

#[test]
fn a_click_on_a_tab_opens_its_screen() {
    let mut app = demo_app(40);
    app.resize(120, 40);
    let text = screen(&app, 120, 40);
    let tabs = text.lines().nth(chibo::ui::TABS_ROW as usize).unwrap();
    for (screen_, title) in [
        (Screen::Meetings, "Sinh hoạt"),
        (Screen::Tasks, "Nhiệm vụ"),
        (Screen::Roster, "Đảng viên"),
    ] {
        let byte = tabs
            .find(title)
            .unwrap_or_else(|| panic!("{title} in {tabs}"));
        let column = unicode_width::UnicodeWidthStr::width(&tabs[..byte]) as u16;
        assert!(mouse(&mut app, click(column + 1, chibo::ui::TABS_ROW)));
        assert_eq!(app.screen, screen_, "a click on {title}");
    }
    // the space after the last tab is no tab
    assert!(!mouse(&mut app, click(119, chibo::ui::TABS_ROW)));
    assert_eq!(app.screen, Screen::Roster);
}

#[test]
fn the_console_leaves_the_mouse_to_the_terminal_unless_the_settings_ask() {
    let mut app = fixture_app();
    app.resize(120, 40);
    plan_and_start(&mut app);
    screen(&app, 120, 40);
    assert!(
        !app.mouse_wanted(),
        "the console keeps the terminal's own selection"
    );
    assert!(!mouse(&mut app, click(5, chibo::ui::TABS_ROW)));
    app.mouse = Mouse {
        on: true,
        in_console: true,
    };
    assert!(app.mouse_wanted());
    // the dialog that ends the meeting is answered by keys alone
    press(&mut app, "ctrl-e");
    assert!(app.deliberate());
    let before = screen(&app, 120, 40);
    for ev in [
        click(60, 20),
        at(MouseKind::WheelDown, 60, 20),
        click(5, chibo::ui::TABS_ROW),
    ] {
        assert!(!mouse(&mut app, ev));
    }
    assert!(app.deliberate());
    assert_eq!(screen(&app, 120, 40), before);
    press(&mut app, "esc");
    app.mouse = Mouse {
        on: false,
        in_console: true,
    };
    assert!(!app.mouse_wanted(), "mouse = false turns it off everywhere");
}

#[test]
fn mouse_settings_are_read_from_config_toml() {
    let dir = tempfile::tempdir().unwrap();
    let read = |text: &str| {
        std::fs::write(dir.path().join("config.toml"), text).unwrap();
        chibo::settings::Settings::load(dir.path())
    };
    let s = read("");
    assert_eq!(s.mouse, Mouse::default());
    assert!(s.mouse.on && !s.mouse.in_console);
    let s = read("mouse = false\n");
    assert!(!s.mouse.on && s.problems.is_empty());
    let s = read("mouse_in_console = true\n");
    assert!(s.mouse.on && s.mouse.in_console);
    let s = read("mouse = \"yes\"\n");
    assert_eq!(
        s.problems.len(),
        1,
        "a wrong value is reported, not guessed"
    );
    assert_eq!(s.mouse, Mouse::default());
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_click_and_the_wheel_through_the_terminal() {
    tty::require();
    let demo = tty::demo("mouse", (120, 40));
    let term = &demo.term;
    assert!(
        term.wait_for("Thông tin đảng viên", 10),
        "{}",
        term.screen()
    );
    let selected = |term: &Tty| {
        let text = term.screen();
        text.lines()
            .position(|l| l.starts_with('›'))
            .unwrap_or_else(|| panic!("no row selected:\n{text}"))
    };
    let first = selected(term);
    // what a terminal sends for a left click at column 20 on the third row of the
    // list (both counted from 1), then for the wheel turned down once
    let third = first + 2;
    term.type_text(&format!(
        "\x1b[<0;20;{}M\x1b[<0;20;{}m",
        third + 1,
        third + 1
    ));
    assert!(wait_until(|| selected(term) == third), "{}", term.screen());
    term.type_text("\x1b[<65;20;10M");
    assert!(
        wait_until(|| selected(term) == third + 3),
        "{}",
        term.screen()
    );
    // a click on the tab of the meetings
    let tabs = term.screen().lines().nth(1).unwrap().to_string();
    let byte = tabs.find("Sinh hoạt").unwrap();
    let column = unicode_width::UnicodeWidthStr::width(&tabs[..byte]) + 2;
    term.type_text(&format!("\x1b[<0;{column};2M"));
    assert!(
        term.wait_for("năm: tất cả  loại: tất cả", 5),
        "{}",
        term.screen()
    );
}

fn wait_until(mut f: impl FnMut() -> bool) -> bool {
    for _ in 0..50 {
        if f() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    false
}

#[test]
fn a_click_beside_a_popup_without_a_list_selects_nothing_behind_it() {
    let mut app = demo_app(40);
    app.resize(120, 40);
    let (first, _) = selected_line(&app);
    let before = app.roster.selected_member().map(|m| m.id);
    // a member's form over the roster: a click on a roster row below the form's box
    press(&mut app, "e");
    assert!(!app.overlays.is_empty(), "the form is open");
    let text = screen(&app, 120, 40);
    assert!(!mouse(&mut app, click(2, first + 30)), "{text}");
    assert!(!mouse(&mut app, click(2, first + 2)), "{text}");
    press(&mut app, "esc");
    assert!(app.overlays.is_empty());
    assert_eq!(app.roster.selected_member().map(|m| m.id), before);
}

#[test]
fn a_click_on_a_name_of_the_picker_selects_it() {
    let mut app = demo_app(40);
    app.resize(120, 40);
    // a new task's lead is picked from the members
    press(&mut app, "4 n");
    type_text(&mut app, "Theo dõi hộ nghèo tổ 3");
    press(&mut app, "tab tab tab enter");
    let Some(chibo::app::Overlay::Picker(p)) = app.overlays.last() else {
        panic!("the picker is open\n{}", screen(&app, 120, 40));
    };
    assert_eq!(p.shown.cursor.selected(), 0);
    let list = chibo::ui::lists(&app)
        .last()
        .copied()
        .expect("the picker's names");
    assert_eq!(list.selected, 0);
    // the third name shown, clicked
    assert!(mouse(&mut app, click(list.area.x + 2, list.first_row + 2)));
    let Some(chibo::app::Overlay::Picker(p)) = app.overlays.last() else {
        panic!("the picker stays open");
    };
    assert_eq!(p.shown.cursor.selected(), 2);
    // a click beside the picker's box does nothing
    assert!(!mouse(&mut app, click(1, list.first_row + 2)));
}
