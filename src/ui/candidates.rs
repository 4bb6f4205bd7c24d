//! The candidates screen: a table of candidates (stage, next step, helper, since,
//! days waiting, warnings) and, below it, the selected candidate's steps with their
//! dates and proofs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::table::{Cell, Column, Row};
use crate::app::App;
use crate::app::candidates::{stage_text, step_name, warning_text};
use crate::app::mouse::ListArea;
use crate::command::{Action, Section};
use crate::domain::calendar::format_date;
use crate::domain::candidates::Warning;
use crate::i18n::Msg;

/// The title, the table, the selected candidate's steps.
fn layout(app: &App, area: Rect) -> [Rect; 3] {
    let steps = app.candidates.rules.steps.len() as u16 + 3;
    let detail = steps.min(area.height.saturating_sub(2) / 2);
    super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(detail),
        ],
    )
}

/// Rows of candidates the table shows in `area` (its header apart).
pub(super) fn rows(app: &App, area: Rect) -> usize {
    layout(app, area)[1].height.saturating_sub(1) as usize
}

/// Where the candidates' table is, for a click: none when there is no candidate.
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    let table = layout(app, area)[1];
    let c = &app.candidates;
    let len = c.all().len();
    let offset = c
        .cursor
        .first_shown(len, table.height.saturating_sub(1) as usize);
    super::table::window(
        table,
        len,
        offset,
        c.cursor.selected().min(len.saturating_sub(1)),
    )
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [title, table, detail] = layout(app, area);
    let c = &app.candidates;
    let today = app.today();
    let open = c.all().iter().filter(|x| x.is_open()).count();
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", Msg::CandTitle.fill(app.lang, &[("open", &open)])),
            app.theme.title(),
        )),
        title,
    );
    if c.all().is_empty() {
        let key = app
            .keymap
            .key_for(Section::Candidates, Action::New)
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", Msg::CandNone.fill(app.lang, &[("key", &key)])),
                app.theme.dim(),
            )),
            table,
        );
        return;
    }
    let t = |m| app.t(m);
    let rows_height = table.height.saturating_sub(1) as usize;
    let offset = c.cursor.first_shown(c.all().len(), rows_height);
    let calendar = &app.calendar;
    let rows: Vec<Row> = c
        .all()
        .iter()
        .skip(offset)
        .take(rows_height)
        .map(|x| {
            let warnings = x.warnings(today, &c.rules, calendar);
            let overdue = warnings
                .iter()
                .any(|w| matches!(w, Warning::Limit { overdue: true, .. }));
            let warn_text: Vec<String> =
                warnings.iter().map(|w| warning_text(app.lang, w)).collect();
            let style = if overdue {
                app.theme.error()
            } else {
                app.theme.warn()
            };
            let next = x
                .next_step(&c.rules)
                .filter(|_| x.is_open())
                .map(|s| t(step_name(s)).to_string())
                .unwrap_or_default();
            let waiting = x
                .days_waiting(today)
                .map(|n| format!("{n:>8}"))
                .unwrap_or_default();
            let name = if x.is_open() {
                Cell::new(x.full_name())
            } else {
                Cell::styled(x.full_name(), app.theme.dim())
            };
            Row::new([
                name,
                Cell::new(stage_text(app.lang, x)),
                Cell::new(next),
                Cell::new(app.helper_name(x).unwrap_or_default()),
                Cell::new(format_date(x.stage_began())),
                Cell::new(waiting),
                Cell::styled(warn_text.join("; "), style),
            ])
        })
        .collect();
    let columns = [
        Column::new(t(Msg::ColName)).cap(24).min(16),
        Column::new(t(Msg::ColStage)).cap(20).min(12),
        Column::new(t(Msg::ColNextStep)).cap(18).min(12),
        Column::new(t(Msg::ColHelper)).cap(20).min(10),
        Column::new(t(Msg::ColStageBegan)).cap(10).min(10),
        Column::new(t(Msg::ColWaiting)).cap(8).min(8),
        // the least of every column fits 80 columns (the warnings are in full below)
        Column::new(t(Msg::ColCandWarning)).cap(48).min(4).grow(),
    ];
    let selected = c.cursor.selected().min(c.all().len() - 1) - offset;
    super::table::render(app, frame, table, &columns, rows, Some(selected));
    if let Some(x) = c.selected() {
        let mut lines = Vec::new();
        // the warnings in full: the table's column is narrow at 80 columns
        for w in x.warnings(today, &c.rules, calendar) {
            let style = match w {
                Warning::Limit { overdue: true, .. } => app.theme.error(),
                _ => app.theme.warn(),
            };
            lines.push(Line::styled(
                format!(" ⚠ {}", warning_text(app.lang, &w)),
                style,
            ));
        }
        let mut steps = Vec::new();
        for step in &c.rules.steps {
            let mark = match x.taken(*step) {
                Some(done) => Line::from(vec![
                    Span::raw(format!(" ✓ {}  ", format_date(done.date))),
                    Span::styled(t(step_name(*step)).to_string(), app.theme.title()),
                    Span::raw(format!("  {}", done.proof)),
                ]),
                None => Line::styled(
                    format!(" · {:10}  {}", "", t(step_name(*step))),
                    app.theme.dim(),
                ),
            };
            steps.push(mark);
        }
        // a pane too short for every step keeps the latest ones and the next in view
        let room = (detail.height as usize)
            .saturating_sub(1 + lines.len() + usize::from(x.closed.is_some()))
            .max(1);
        let next = x.steps.len().min(steps.len().saturating_sub(1));
        let first = (next + 1).saturating_sub(room);
        lines.extend(steps.into_iter().skip(first));
        if let Some(closed) = &x.closed {
            lines.push(Line::styled(
                format!(" {} {}", format_date(closed.date), stage_text(app.lang, x)),
                app.theme.warn(),
            ));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::default().borders(Borders::TOP).title(x.full_name())),
            detail,
        );
    }
}

/// In a member's detail: the way to membership of the candidate the ceremony made
/// this member, step by step with dates and proofs.
pub(super) fn member_lines(
    app: &App,
    m: &crate::domain::member::Member,
    lines: &mut Vec<Line<'static>>,
) {
    let Some(c) = app.candidates.all().iter().find(|c| c.member == Some(m.id)) else {
        return;
    };
    lines.push(Line::default());
    lines.push(Line::styled(
        app.t(Msg::CandMemberHistory).to_string(),
        app.theme.title(),
    ));
    for done in &c.steps {
        lines.push(Line::from(format!(
            "{}  {}: {}",
            format_date(done.date),
            app.t(step_name(done.step)),
            done.proof
        )));
    }
}
