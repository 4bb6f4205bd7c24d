//! Column widths come from the content: each column gets what it needs up to a cap, the
//! name column grows last, and a cut is marked with `…`, at 80, 120 and 200 columns.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::App;
use chibo::domain::member::{Activity, Member};
use chibo::i18n::Lang;
use chibo::store::Records;
use common::*;

const LONG_NAME: &str = "Công Tôn Nữ Thị Thu Thuỷ An";
const ATTACHED: &str = "sinh hoạt tạm thời nơi khác";

/// The fixture branch with a member of a long name attached elsewhere (first in order).
fn app(lang: Lang) -> App {
    let store = fixture_store();
    let mut m = Member::new("Công Tôn", "Nữ Thị Thu Thuỷ", "An");
    m.activity = Activity::TemporaryOut;
    store
        .save_member(&mut m, today().and_hms_opt(8, 0, 0).unwrap(), "add")
        .unwrap();
    App::new(Box::new(store), options(lang)).unwrap()
}

/// `text` is on screen whole, or cut with an ellipsis right after what is shown of it.
fn whole_or_marked(shown: &str, text: &str) -> bool {
    if shown.contains(text) {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len()).any(|k| {
        let head: String = chars[..k].iter().collect();
        shown.contains(&format!("{}…", head.trim_end()))
    })
}

#[test]
fn a_cell_is_whole_or_cut_with_an_ellipsis_and_whole_at_200_columns() {
    let app = app(Lang::Vi);
    for w in [80, 120, 200] {
        let shown = screen(&app, w, 24);
        for text in [LONG_NAME, ATTACHED, "Phạm Thị Thu Hà", "Hồ Thị Ngọc Bích"] {
            assert!(whole_or_marked(&shown, text), "{w}: {text}\n{shown}");
        }
        if w == 200 {
            assert!(
                shown.contains(LONG_NAME) && shown.contains(ATTACHED),
                "{shown}"
            );
        }
    }
    // the name column gives way last: at 120 columns the names are whole
    let shown = screen(&app, 120, 24);
    assert!(shown.contains("Hồ Thị Ngọc Bích"), "{shown}");
}

#[test]
fn headings_are_whole_when_their_column_has_room() {
    let mut app = app(Lang::En);
    press(&mut app, "4");
    for w in [80, 120, 200] {
        let shown = screen(&app, w, 24);
        assert!(shown.contains("Done (year)"), "{w}\n{shown}");
    }
}

#[test]
fn agenda_titles_end_whole_or_with_an_ellipsis() {
    let mut app = app(Lang::Vi);
    press(&mut app, "2 n ctrl-s");
    let titles: Vec<String> = app
        .meetings
        .open_meeting()
        .expect("the planned meeting is open")
        .agenda
        .iter()
        .map(|i| i.title.clone())
        .collect();
    assert!(!titles.is_empty());
    for w in [80, 120, 200] {
        let shown = screen(&app, w, 24);
        for t in &titles {
            assert!(whole_or_marked(&shown, t), "{w}: {t}\n{shown}");
        }
        if w == 200 {
            assert!(titles.iter().all(|t| shown.contains(t.as_str())), "{shown}");
        }
    }
}

#[test]
fn the_candidates_names_are_whole_or_marked_at_80_columns() {
    let mut app = demo_app(40);
    press(&mut app, "6");
    for w in [80, 120] {
        let shown = screen(&app, w, 24);
        for c in app.candidates.all() {
            let name = c.full_name();
            assert!(whole_or_marked(&shown, &name), "{w}: {name}\n{shown}");
        }
    }
}

#[test]
fn the_roster_summary_and_reminders_end_with_an_ellipsis_when_cut() {
    // the demo narrowed by a search: its summary says how many of all it shows; the
    // fixture in English: its reminder is longer than 80 columns
    let mut demo = demo_app(40);
    press(&mut demo, "/ n g u y e n esc");
    let mut cut = 0;
    for app in [demo, app(Lang::En)] {
        let shown = screen(&app, 80, 24);
        let lines: Vec<&str> = shown.lines().collect();
        // under the header and the tabs: the summary, then the reminders
        let reminders = lines.iter().filter(|l| l.contains('⚑')).copied();
        for line in std::iter::once(lines[2]).chain(reminders) {
            let text = line.trim_end();
            // a line that reaches the right edge was cut: it says so
            if unicode_width::UnicodeWidthStr::width(text) >= 80 {
                assert!(
                    text.ends_with('…'),
                    "cut without an ellipsis: {text:?}\n{shown}"
                );
                cut += 1;
            }
        }
        let wide = screen(&app, 200, 24);
        for line in wide.lines().skip(2).take(2) {
            assert!(!line.contains('…'), "{wide}");
        }
    }
    assert!(cut >= 2, "a summary and a reminder are cut at 80 columns");
}
