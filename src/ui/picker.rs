//! The picker: a query line over the names (or agenda items, or votes) it narrows to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::{centered, popup};
use crate::app::App;
use crate::app::picker::Picker;
use crate::i18n::Msg;

/// The picker's box in `area`: its query line and the names under it. The votes of
/// the meeting are long lines: the picker widens for them.
fn picker_layout(area: Rect, wide: bool) -> (Rect, [Rect; 2]) {
    let rect = centered(area, if wide { 76 } else { 50 }, area.height.min(18));
    let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
    (
        rect,
        super::layout::vertical(inner, [Constraint::Length(1), Constraint::Min(1)]),
    )
}

/// Names the picker shows at once.
pub(super) fn picker_rows(area: Rect) -> usize {
    picker_layout(area, false).1[1].height as usize
}

/// The votes of the meeting and its agenda items are long lines: the picker widens for them.
fn is_wide(p: &Picker) -> bool {
    use crate::app::picker::PickPurpose;
    matches!(p.purpose, PickPurpose::Vote | PickPurpose::AgendaItem)
}

/// Where the picker's names are, for a click: one row each, no heading.
pub(super) fn list(p: &Picker, area: Rect) -> Option<crate::app::mouse::ListArea> {
    let (_, [_, list]) = picker_layout(area, is_wide(p));
    let len = p.visible_len();
    let rows = list.height as usize;
    let first = p.shown.cursor.first_shown(len, rows);
    let shown = len.saturating_sub(first).min(rows);
    let selected = p.shown.cursor.selected().saturating_sub(first);
    super::table::placement(list, false, shown, Some(selected))
}

pub fn picker(app: &App, p: &Picker, frame: &mut Frame, area: Rect) {
    use crate::app::picker::PickPurpose;
    let (rect, [query, list]) = picker_layout(area, is_wide(p));
    let title = match p.purpose {
        PickPurpose::Vote => Msg::VotePickTitle,
        PickPurpose::AgendaItem => Msg::AgendaPickTitle,
        _ => Msg::PickerTitle,
    };
    popup(app, frame, rect, app.t(title));
    let prompt = app.t(Msg::PickerPrompt);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, app.theme.dim()),
            Span::styled(p.query.value().to_string(), app.theme.focus_field()),
        ])),
        query,
    );
    let x =
        query.x + (unicode_width::UnicodeWidthStr::width(prompt) + p.query.cursor_column()) as u16;
    if x < query.right() {
        frame.set_cursor_position((x, query.y));
    }
    let rows = list.height as usize;
    let selected = p.shown.cursor.selected();
    let skip = p.shown.cursor.first_shown(p.visible_len(), rows);
    let lines: Vec<Line> = p
        .visible_marked()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(i, (_, name, mark))| {
            // exempt members and those who left are marked, whatever the pick is for
            let name = match mark {
                Some(a) => format!("{name} · {}", app.t(crate::i18n::labels::activity(a))),
                None => name.to_string(),
            };
            if i == selected {
                Line::styled(format!(" {name}"), app.theme.selected())
            } else if mark.is_some() {
                Line::styled(format!(" {name}"), app.theme.dim())
            } else {
                Line::from(format!(" {name}"))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
