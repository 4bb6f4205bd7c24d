//! One list behaviour everywhere: j k and the arrows, g g and G, Home and End, PageUp
//! and PageDown move the selection the same way in every list.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::App;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

const W: u16 = 80;
const H: u16 = 24;

/// Draws a frame as the terminal does (the lists learn their size first) and returns
/// the text of the selected row: the body row drawn reversed.
fn selected_row(app: &mut App) -> String {
    app.set_list_rows(chibo::ui::list_rows(app, W, H));
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    terminal.draw(|f| chibo::ui::render(app, f)).unwrap();
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (2..H - 2)
        .filter(|&y| {
            (0..W)
                .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                .count()
                >= 10
        })
        .map(|y| (0..W).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    assert_eq!(rows.len(), 1, "one selected row\n{}", screen(app, W, H));
    rows[0].trim().to_string()
}

fn keys(app: &mut App, k: &str) -> String {
    press(app, k);
    selected_row(app)
}

/// The lists, reached by their keys.
const LISTS: &[&str] = &["1", "2", "2 enter", "3", "3 enter", "3 t", "4", "4 v"];

#[test]
fn every_list_goes_to_its_ends_and_pages_the_same_way() {
    for list in LISTS {
        let mut app = demo_app(40);
        let first = keys(&mut app, list);
        let second = keys(&mut app, "j");
        assert_ne!(first, second, "{list}: j moves down");
        assert_eq!(keys(&mut app, "k"), first, "{list}: k moves up");
        assert_eq!(keys(&mut app, "down"), second, "{list}: down");
        assert_eq!(keys(&mut app, "up"), first, "{list}: up");
        let last = keys(&mut app, "G");
        assert_ne!(last, first, "{list}: G goes to the last row");
        assert_eq!(
            keys(&mut app, "j"),
            last,
            "{list}: nothing below the last row"
        );
        assert_eq!(
            keys(&mut app, "g g"),
            first,
            "{list}: g g goes to the first row"
        );
        assert_eq!(keys(&mut app, "end"), last, "{list}: end");
        assert_eq!(keys(&mut app, "home"), first, "{list}: home");
        let paged = keys(&mut app, "pagedown");
        assert_ne!(paged, second, "{list}: a page is more than a row");
        assert_eq!(keys(&mut app, "pageup"), first, "{list}: pageup comes back");
    }
}

#[test]
fn the_resolutions_list_honours_g_and_home_and_end() {
    let mut app = demo_app(40);
    let first = keys(&mut app, "3 f f f");
    let last = keys(&mut app, "G");
    assert_ne!(first, last, "{}", screen(&app, W, H));
    assert_eq!(keys(&mut app, "g g"), first);
    assert_eq!(keys(&mut app, "end"), last);
    assert_eq!(keys(&mut app, "home"), first);
}

#[test]
fn a_page_key_moves_by_the_rows_on_screen() {
    let mut app = demo_app(40);
    // the roster at 80×24 shows about fifteen members: a page moves that many
    let top = keys(&mut app, "1");
    let paged = keys(&mut app, "pagedown");
    let number =
        |row: &str| -> usize { row.split_whitespace().find_map(|w| w.parse().ok()).unwrap() };
    let rows = chibo::ui::list_rows(&app, W, H).roster;
    assert!(rows > 5, "{rows}");
    assert_eq!(number(&paged) - number(&top), rows);
}
