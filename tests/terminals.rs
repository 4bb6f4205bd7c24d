//! The screens on terminals without colour (`NO_COLOR`, vt100) and on limited ones (the
//! Linux console): the selection still shows, and only characters the console font
//! holds are drawn.

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
        assert!(!rows.is_empty(), "{keys}: no selection to see\n{}", screen(&app, W, H));
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
        let x = row.find(text).map(|i| row[..i].chars().count() as u16).unwrap();
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
