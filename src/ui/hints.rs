//! Key hints ("key description" pairs) from the effective keymap, as the footer, the
//! roll call, the review and the forms show them.

use ratatui::text::Span;

use crate::app::App;
use crate::command::{Action, Section};

/// "key description" pairs from the effective keymap, as many whole ones as fit in
/// `width` columns, most important first.
/// Help always keeps its place: the hints after the last that fits are dropped, never
/// the key to help.
pub fn hints(app: &App, section: Section, actions: &[Action], width: u16) -> Vec<Span<'static>> {
    let hint = |a: Action| {
        // where letters type, a letter is not the key to show
        let key = app
            .keymap
            .keys_for(section, a)
            .into_iter()
            .find(|k| !section.is_text_entry() || k.chars().count() > 1)?;
        let what = section.commands().footer_word(a);
        let desc = format!(" {}  ", app.t(what));
        let w = unicode_width::UnicodeWidthStr::width(key.as_str())
            + unicode_width::UnicodeWidthStr::width(desc.as_str());
        Some((key, desc, w))
    };
    let mut help = actions
        .contains(&Action::Help)
        .then(|| hint(Action::Help))
        .flatten()
        .map_or(0, |(_, _, w)| w);
    let mut spans = Vec::new();
    let mut used = 0;
    let mut full = false;
    for a in actions {
        let Some((k, desc, w)) = hint(*a) else {
            continue;
        };
        if *a == Action::Help {
            if used + w > width as usize {
                break;
            }
            help = 0;
        } else if full || used + w + help > width as usize {
            // the rest is dropped, the help still to come keeps its room
            full = true;
            continue;
        }
        used += w;
        spans.push(Span::styled(k, app.theme.key()));
        spans.push(Span::raw(desc));
    }
    spans
}
