//! The tasks screen: members and what they carry, or every task with its filters.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::table::{Cell, Column, Row};

use crate::app::App;
use crate::app::mouse::ListArea;
use crate::app::tasks::{Source, StatusFilter, TaskView};
use crate::command::{Action, Section};
use crate::domain::calendar::{format_date, format_opt};
use crate::i18n::{Msg, labels};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    match app.tasks.view {
        TaskView::ByMember => by_member(app, frame, area),
        TaskView::All => all(app, frame, area),
    }
}

/// The first row shown that keeps the selection in view.
fn scroll(app: &App, rows: usize, len: usize) -> usize {
    app.tasks.cursor.first_shown(len, rows)
}

/// Where the view's table is, for a click: none when it lists nothing.
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    let (table, len) = match app.tasks.view {
        TaskView::ByMember => (by_member_layout(area)[2], app.task_loads().len()),
        TaskView::All => (all_layout(area)[1], app.task_row_ids().len()),
    };
    let offset = scroll(app, table.height.saturating_sub(1) as usize, len);
    let selected = app.tasks.cursor.selected().min(len.saturating_sub(1));
    super::table::window(table, len, offset, selected)
}

/// The title, the warning line and the members' table.
fn by_member_layout(area: Rect) -> [Rect; 3] {
    super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ],
    )
}

/// The filters, the tasks' table and the selected task in full.
fn all_layout(area: Rect) -> [Rect; 3] {
    let detail_rows = (area.height / 3).max(3);
    super::layout::vertical(
        area,
        [
            Constraint::Length(3),
            Constraint::Min(1),
            Constraint::Length(detail_rows),
        ],
    )
}

/// Rows the view shown lists at once (below its heading).
pub(super) fn rows(app: &App, area: Rect) -> usize {
    let table = match app.tasks.view {
        TaskView::ByMember => by_member_layout(area)[2],
        TaskView::All => all_layout(area)[1],
    };
    table.height.saturating_sub(1) as usize
}

fn by_member(app: &App, frame: &mut Frame, area: Rect) {
    let loads = app.task_loads();
    let unassigned = loads.iter().filter(|l| l.open == 0).count();
    let [title, warning, table] = by_member_layout(area);
    let mut head = vec![Span::styled(
        format!(" {}", app.t(Msg::TasksByMember)),
        app.theme.title(),
    )];
    if !app.tasks.marked.is_empty() {
        head.push(Span::styled(
            format!(
                "  · {}",
                Msg::MarkedCount.fill(app.lang, &[("n", &app.tasks.marked.len())])
            ),
            app.theme.key(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(head)), title);
    let line = if unassigned > 0 {
        Line::styled(
            format!(" {}", Msg::Unassigned.fill(app.lang, &[("n", &unassigned)])),
            app.theme.error(),
        )
    } else {
        Line::styled(format!(" {}", app.t(Msg::AllAssigned)), app.theme.info())
    };
    frame.render_widget(Paragraph::new(line), warning);
    let rows_height = table.height.saturating_sub(1) as usize;
    let offset = scroll(app, rows_height, loads.len());
    let rows: Vec<Row> = loads
        .iter()
        .skip(offset)
        .take(rows_height)
        .map(|l| {
            let mark = if app.tasks.marked.contains(&l.member) {
                "✓"
            } else {
                ""
            };
            let row = Row::new([
                Cell::new(mark),
                Cell::new(l.name.clone()),
                Cell::new(format!("{:>4}", l.open)),
                if l.overdue > 0 {
                    Cell::styled(format!("{:>4}", l.overdue), app.theme.error())
                } else {
                    Cell::new("")
                },
                Cell::new(format!("{:>4}", l.done_this_year)),
                Cell::new(format_opt(l.nearest)),
            ]);
            if l.open == 0 {
                row.style(app.theme.warn())
            } else {
                row
            }
        })
        .collect();
    let t = |m| app.t(m);
    let columns = [
        Column::new("").cap(1).min(1),
        Column::new(t(Msg::ColMember)).cap(30).min(14).grow(),
        Column::new(t(Msg::ColOpen)).cap(8),
        Column::new(t(Msg::ColOverdue)).cap(8),
        Column::new(t(Msg::ColDoneYear)).cap(12),
        Column::new(t(Msg::ColNearest)).cap(12),
    ];
    let selected =
        (!loads.is_empty()).then(|| app.tasks.cursor.selected().min(loads.len() - 1) - offset);
    super::table::render(app, frame, table, &columns, rows, selected);
}

fn all(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    let rows_all = app.task_row_ids();
    let [filters, table, detail] = all_layout(area);
    let status = match t.status {
        None => app.t(Msg::FilterAll).to_string(),
        Some(StatusFilter::Open) => app.t(Msg::FilterOpen).to_string(),
        Some(StatusFilter::Overdue) => app.t(Msg::TaskOverdue).to_string(),
        Some(StatusFilter::Status(s)) => app.t(labels::task_status(s)).to_string(),
    };
    let member = t
        .member
        .and_then(|id| app.roster.members().iter().find(|m| m.id == id))
        .map(|m| m.full_name())
        .unwrap_or_else(|| app.t(Msg::FilterAll).to_string());
    let category = t
        .category
        .clone()
        .unwrap_or_else(|| app.t(Msg::FilterAll).to_string());
    let month = t
        .month
        .map(|(y, m)| format!("{m:02}/{y}"))
        .unwrap_or_else(|| app.t(Msg::FilterAll).to_string());
    let source = match t.source {
        None => app.t(Msg::FilterAll),
        Some(Source::Resolution) => app.t(Msg::FilterResolution),
        Some(Source::Direct) => app.t(Msg::SourceDirect),
    };
    let line = Msg::TaskFilters.fill(
        app.lang,
        &[
            ("status", &status),
            ("member", &member),
            ("category", &category),
            ("month", &month),
            ("source", &source),
        ],
    );
    let mut search = vec![
        Span::raw(" "),
        Span::styled(app.t(Msg::SearchPrompt), app.theme.dim()),
    ];
    search.push(Span::styled(
        t.query.value().to_string(),
        if t.searching {
            app.theme.focus_field()
        } else {
            app.theme.title()
        },
    ));
    if t.searching && app.overlays.is_empty() {
        let x = filters.x
            + (1 + unicode_width::UnicodeWidthStr::width(app.t(Msg::SearchPrompt))
                + t.query.cursor_column()) as u16;
        if x < filters.right() {
            frame.set_cursor_position((x, filters.y));
        }
    }
    search.push(Span::styled(
        format!("   {} ({})", app.t(Msg::TasksAll), rows_all.len()),
        app.theme.title(),
    ));
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(search),
            Line::styled(format!(" {line}"), app.theme.dim()),
        ])
        .wrap(Wrap { trim: false }),
        filters,
    );
    if rows_all.is_empty() {
        let key = app
            .keymap
            .key_for(Section::Tasks, Action::New)
            .unwrap_or_default();
        let inner = table.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 1,
        });
        frame.render_widget(
            Paragraph::new(Msg::NoTasks.fill(app.lang, &[("key", &key)])).style(app.theme.dim()),
            inner,
        );
        return;
    }
    let today = app.today();
    let rows_height = table.height.saturating_sub(1) as usize;
    let offset = scroll(app, rows_height, rows_all.len());
    let rows: Vec<Row> = rows_all
        .iter()
        .skip(offset)
        .take(rows_height)
        .filter_map(|id| app.resolutions.task(*id))
        .map(|task| {
            let shown = task.shown(today);
            let style = if task.is_overdue(today) {
                app.theme.error()
            } else {
                ratatui::style::Style::new()
            };
            let source = task
                .resolution
                .and_then(|id| app.resolutions.get(id))
                .map(|r| r.number.clone())
                .unwrap_or_else(|| app.t(Msg::SourceDirect).to_string());
            Row::new([
                Cell::new(task.title.clone()),
                Cell::new(super::resolutions::people(app, task)),
                Cell::new(format_date(task.due)),
                Cell::styled(app.t(labels::shown(shown)), style),
                Cell::new(source),
            ])
        })
        .collect();
    let tr = |m| app.t(m);
    let columns = [
        Column::new(tr(Msg::ColItem)).cap(60).min(20).grow(),
        Column::new(tr(Msg::ColLead)).cap(18).min(12),
        Column::new(tr(Msg::ColDue)).cap(10),
        Column::new(tr(Msg::ColStatus2)).cap(14).min(8),
        Column::new(tr(Msg::ColSource)).cap(12).min(6),
    ];
    let selected = t.cursor.selected().min(rows_all.len() - 1);
    super::table::render(app, frame, table, &columns, rows, Some(selected - offset));
    // the selected task in full: category, area, helpers, and its follow-up
    let Some(task) = app.resolutions.task(rows_all[selected]) else {
        return;
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(task.title.clone());
    let inner = block.inner(detail);
    frame.render_widget(block, detail);
    let mut lines = Vec::new();
    let helpers: Vec<String> = task
        .helpers
        .iter()
        .filter_map(|h| app.roster.members().iter().find(|m| m.id == *h))
        .map(|m| m.full_name())
        .collect();
    let facts: Vec<String> = [
        task.category.clone(),
        task.area.clone(),
        helpers.join(", "),
        task.details.clone(),
    ]
    .into_iter()
    .filter(|x| !x.is_empty())
    .collect();
    if !facts.is_empty() {
        lines.push(Line::styled(facts.join(" · "), app.theme.dim()));
    }
    lines.extend(super::resolutions::history_lines(app, task));
    let skip = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip, 0)),
        inner,
    );
}
