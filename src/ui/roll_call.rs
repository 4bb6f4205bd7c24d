//! The roll call: each expected member with their presence and whether the month's dues
//! are paid, exempt members apart, and the search that finds a member by name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::layout::{centered, popup};
use super::minutes::truncate;
use crate::app::App;
use crate::domain::meeting::Presence;
use crate::i18n::Msg;

fn presence_text(app: &App, p: Option<&Presence>) -> String {
    match p {
        Some(Presence::Present) => app.t(Msg::MarkPresent).to_string(),
        Some(Presence::Late(t)) => Msg::MarkLate.fill(app.lang, &[("time", &t.format("%H:%M"))]),
        Some(Presence::Excused(r)) => Msg::MarkExcused.fill(app.lang, &[("reason", r)]),
        Some(Presence::Absent) => app.t(Msg::MarkAbsent).to_string(),
        None => app.t(Msg::MarkNone).to_string(),
    }
}

pub fn roll_call(app: &App, selected: usize, find: Option<&str>, frame: &mut Frame, area: Rect) {
    use crate::command::Action as A;
    let Some(c) = &app.meetings.console else {
        return;
    };
    let rect = centered(area, 76, area.height);
    let inner = popup(app, frame, rect, app.t(Msg::RollCallTitle));
    let report = app.console_attendance().unwrap_or_default();
    let sentence =
        crate::export::minutes::attendance_lines(&report, app.roster.members()).join(" ");
    // every key of the legend, on as many lines as it takes
    let legend = Paragraph::new(Line::from(super::hints::hints(
        app,
        crate::command::Section::RollCall,
        &[
            A::MarkPresent,
            A::MarkLate,
            A::MarkExcused,
            A::MarkAbsent,
            A::MarkAllPresent,
            A::MarkPaid,
            A::Search,
            A::Cancel,
        ],
        u16::MAX,
    )))
    .wrap(Wrap { trim: true });
    let legend_rows = legend.line_count(inner.width) as u16;
    // the summary whole, however long it grows; the list keeps at least a few rows
    let summary_text = Paragraph::new(sentence)
        .style(app.theme.dim())
        .wrap(Wrap { trim: true });
    let room = inner.height.saturating_sub(legend_rows + 4);
    let summary_rows = (summary_text.line_count(inner.width) as u16).min(room);
    let [summary, find_line, list, hint] = super::layout::vertical(
        inner,
        [
            Constraint::Length(summary_rows),
            Constraint::Length(u16::from(find.is_some())),
            Constraint::Min(1),
            Constraint::Length(legend_rows),
        ],
    );
    frame.render_widget(summary_text, summary);
    if let Some(q) = find {
        let prompt = app.t(Msg::PickerPrompt);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(prompt, app.theme.dim()),
                Span::styled(q.to_string(), app.theme.focus_field()),
            ])),
            find_line,
        );
        let x = find_line.x
            + (unicode_width::UnicodeWidthStr::width(prompt)
                + unicode_width::UnicodeWidthStr::width(q)) as u16;
        if x < find_line.right() {
            frame.set_cursor_position((x, find_line.y));
        }
    }
    let rows = app.roll_call_rows();
    let (expected, _) = crate::app::minutes::roll_call_members(app.roster.members());
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (i, m) in rows.iter().enumerate() {
        if i == expected.len() {
            lines.push(Line::styled(
                app.t(Msg::RollCallExempt).to_string(),
                app.theme.title(),
            ));
        }
        let mut mark = presence_text(app, c.meeting.attendance.get(&m.id));
        if app.dues_paid(m, crate::domain::dues::Month::of(c.meeting.date)) {
            mark = format!("{mark:<16} {}", app.t(Msg::DuesPaidMark));
        }
        let text = format!(" {:<28} {mark}", truncate(&m.full_name(), 28));
        if i == selected {
            selected_line = lines.len();
            lines.push(Line::styled(text, app.theme.selected()));
        } else {
            lines.push(Line::from(text));
        }
    }
    let skip = (selected_line + 1).saturating_sub(list.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)), list);
    frame.render_widget(legend, hint);
}
