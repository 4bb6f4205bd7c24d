//! The screens on terminals without colour (`NO_COLOR`, vt100) and on limited ones (the
//! Linux console): the selection still shows, and only characters the console font
//! holds are drawn.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::app::{App, Options};
use chibo::i18n::Lang;
use chibo::store::MemoryStore;
use chibo::ui::Theme;
use chibo::ui::theme::Colours;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const W: u16 = 80;
const H: u16 = 24;

fn draw(app: &App) -> Buffer {
    draw_at(app, W, H)
}

fn draw_at(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| chibo::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The rows of the body (below the tab bar, above the message line) drawn in reverse
/// video over at least 10 cells.
fn reversed_rows(buf: &Buffer) -> Vec<u16> {
    (2..buf.area.height - 2)
        .filter(|&y| {
            (0..buf.area.width)
                .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                .count()
                >= 10
        })
        .collect()
}

fn no_colour_anywhere(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "{what}: a colour at {x},{y} on {:?}",
                row_text(buf, y)
            );
        }
    }
}

/// A demo branch: every list holds rows.
fn demo_app(theme: Theme) -> App {
    let store = Arc::new(MemoryStore::new());
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    chibo::demo::generate(
        store.as_ref(),
        &chibo::demo::DemoOptions {
            members: 30,
            years: 2,
            seed: 3,
        },
        today(),
        now,
    )
    .unwrap();
    App::new(
        Box::new(store),
        Options {
            theme,
            ..options(Lang::Vi)
        },
    )
    .unwrap()
}

const MONO: Theme = Theme {
    colours: Colours::None,
    ascii: false,
};

/// Each main screen, reached by its keys, and the key that moves its selection.
const SCREENS: &[(&str, &str)] = &[
    ("1", "down"),
    ("2", "down"),
    ("2 enter", "down"),
    ("3", "down"),
    ("3 enter", "down"),
    ("3 t", "down"),
    ("4", "down"),
    ("4 v", "down"),
    ("1 n", "tab"),
];

#[test]
fn without_colour_the_selection_shows_in_reverse_video_and_moves() {
    for (keys, step) in SCREENS {
        let mut app = demo_app(MONO);
        press(&mut app, keys);
        let before = draw(&app);
        no_colour_anywhere(&before, keys);
        let rows = reversed_rows(&before);
        assert!(
            !rows.is_empty(),
            "{keys}: no selection to see\n{}",
            screen(&app, W, H)
        );
        // a list's selected row carries the marker too
        if !keys.ends_with(" n") {
            assert!(
                rows.iter().any(|&y| row_text(&before, y).starts_with('›')),
                "{keys}: no › before the selected row\n{}",
                screen(&app, W, H)
            );
        }
        press(&mut app, step);
        let after = draw(&app);
        let moved = reversed_rows(&after);
        assert!(!moved.is_empty(), "{keys} {step}: the selection vanished");
        let texts = |b: &Buffer, rs: &[u16]| rs.iter().map(|&y| row_text(b, y)).collect::<Vec<_>>();
        assert_ne!(
            texts(&before, &rows),
            texts(&after, &moved),
            "{keys}: {step} does not move what is shown reversed"
        );
    }
}

#[test]
fn without_colour_the_console_shows_the_current_item_and_tabs_the_screen() {
    let mut app = App::new(
        Box::new(fixture_store()),
        Options {
            theme: MONO,
            ..options(Lang::Vi)
        },
    )
    .unwrap();
    let buf = draw(&app);
    // the tab of the screen shown is reversed, the others are not
    let tab_reversed = |b: &Buffer, text: &str| {
        let row = row_text(b, 1);
        let x = row
            .find(text)
            .map(|i| row[..i].chars().count() as u16)
            .unwrap();
        b[(x, 1)].modifier.contains(Modifier::REVERSED)
    };
    assert!(tab_reversed(&buf, "1 Đảng viên"), "{}", row_text(&buf, 1));
    assert!(!tab_reversed(&buf, "2 "), "{}", row_text(&buf, 1));
    plan_and_start(&mut app);
    // wide enough for the agenda beside the entries
    let buf = draw_at(&app, 120, 40);
    no_colour_anywhere(&buf, "console");
    // the current agenda item, beside the entries, is reversed
    let rows = reversed_rows(&buf);
    assert!(
        rows.iter().any(|&y| row_text(&buf, y).contains("1. ")),
        "{}",
        screen(&app, 120, 40)
    );
}

/// What the Linux console font shows: ASCII and the letters of Vietnamese.
fn console_font_has(c: char) -> bool {
    c.is_ascii() || (c.is_alphabetic() && matches!(c as u32, 0xC0..=0x1B0 | 0x1EA0..=0x1EF9))
}

fn only_console_characters(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for c in row_text(buf, y).chars() {
            assert!(
                console_font_has(c),
                "{what}: {c:?} is not in the console font, on {:?}",
                row_text(buf, y)
            );
        }
    }
}

#[test]
fn on_the_linux_console_every_screen_draws_ascii_and_vietnamese_letters_only() {
    let linux = Theme::for_terminal(false, Some("linux"), false);
    assert!(linux.ascii && linux.colours == Colours::Basic);
    let vt100 = Theme::for_terminal(false, Some("vt100"), false);
    let screens = SCREENS
        .iter()
        .map(|(k, _)| k.to_string())
        // the help, a confirmation, the resolution follow-up
        .chain(["1 ?", "3 enter", "4 enter"].map(String::from));
    for keys in screens {
        let mut app = demo_app(linux);
        press(&mut app, &keys);
        let buf = draw(&app);
        only_console_characters(&buf, &keys);
        // the 8 basic colours only
        for cell in &buf.content {
            for c in [cell.fg, cell.bg] {
                assert!(
                    matches!(
                        c,
                        Color::Reset
                            | Color::Black
                            | Color::Red
                            | Color::Green
                            | Color::Yellow
                            | Color::Blue
                            | Color::Magenta
                            | Color::Cyan
                            | Color::Gray
                    ),
                    "{keys}: {c:?}"
                );
            }
        }
        let mut app = demo_app(vt100);
        press(&mut app, &keys);
        let buf = draw(&app);
        no_colour_anywhere(&buf, &keys);
        only_console_characters(&buf, &keys);
    }
    // the console during a meeting, and a dialog's border
    let mut app = App::new(
        Box::new(fixture_store()),
        Options {
            theme: linux,
            ..options(Lang::Vi)
        },
    )
    .unwrap();
    plan_and_start(&mut app);
    for (w, h) in [(80, 24), (120, 40)] {
        only_console_characters(&draw_at(&app, w, h), "console");
    }
    press(&mut app, "f3");
    only_console_characters(&draw(&app), "vote");
}

#[test]
fn with_colours_the_screens_keep_their_symbols() {
    // the ASCII stand-ins are for limited terminals only
    let mut app = App::new(Box::new(fixture_store()), options(Lang::Vi)).unwrap();
    press(&mut app, "n");
    assert!(screen(&app, W, H).contains('╭'), "{}", screen(&app, W, H));
    let mut app = demo_app(Theme::for_terminal(false, Some("linux"), false));
    press(&mut app, "1 n");
    let shown = screen(&app, W, H);
    assert!(shown.contains("+-") && !shown.contains('╭'), "{shown}");
}
