// Over 500 lines: the views of one noun: the list, a resolution, the follow-up, the review.
//! The resolution tracker: the list, one resolution with its items and their
//! follow-up, the follow-up view across resolutions, and the review in a meeting.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::table::{Cell, Column, Row};

use super::layout::{centered, popup};
use crate::app::App;
use crate::app::mouse::ListArea;
use crate::app::resolutions::{Due, StateFilter};
use crate::command::{Action, Section};
use crate::domain::calendar::format_date;
use crate::domain::member::MemberId;
use crate::domain::resolution::Resolution;
use crate::domain::task::{Shown, Task};
use crate::i18n::{Msg, labels};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.resolutions;
    if r.followup {
        render_followup(app, frame, area);
    } else if let Some(res) = r.open_resolution() {
        render_detail(app, res, frame, area);
    } else {
        render_list(app, frame, area);
    }
}

/// Where the list in front is, for a click: the items due, the open resolution's
/// items, or the resolutions.
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    let r = &app.resolutions;
    if r.followup {
        return followup_list(app, area);
    }
    if let Some(res) = r.open_resolution() {
        let items = r.items(res);
        let table = detail_layout(detail_head(app, res).len(), area)[1];
        let selected = r.item.selected().min(items.len().saturating_sub(1));
        let shown = table.height.saturating_sub(1) as usize;
        let first = r.item.first_shown(items.len(), shown);
        return super::table::window(table, items.len(), first, selected);
    }
    let table = list_layout(area)[1];
    let len = r.visible_len();
    let first = r
        .shown
        .cursor
        .first_shown(len, table.height.saturating_sub(1) as usize);
    super::table::window(table, len, first, r.shown.cursor.selected())
}

/// The follow-up's rows: group headings among the items, and the row of the selected
/// item among them.
fn followup_rows_of(app: &App) -> (usize, usize) {
    let r = &app.resolutions;
    let (mut n, mut selected_row, mut group) = (0, 0, None);
    for (i, (g, _)) in r.followup(app.today()).iter().enumerate() {
        if group != Some(*g) {
            group = Some(*g);
            n += 1;
        }
        if i == r.fu.selected() {
            selected_row = n;
        }
        n += 1;
    }
    (n, selected_row)
}

/// The first of `n` follow-up rows shown in `shown`, the selected one in view.
fn followup_first(n: usize, selected_row: usize, shown: usize) -> usize {
    let mut cursor = crate::app::list::Cursor::default();
    cursor.set_page(shown, n);
    cursor.select(selected_row, n);
    cursor.first_shown(n, shown)
}

fn followup_list(app: &App, area: Rect) -> Option<ListArea> {
    let body = followup_layout(area)[1];
    let (n, selected_row) = followup_rows_of(app);
    if n == 0 {
        return None;
    }
    let shown = body.height as usize;
    let first = followup_first(n, selected_row, shown);
    super::table::placement(
        body,
        false,
        n.saturating_sub(first).min(shown),
        Some(selected_row - first),
    )
}

/// The review's table, the selected item's history and the hint line, in its popup.
fn review_layout(area: Rect) -> (Rect, [Rect; 3]) {
    let rect = centered(area, 78, area.height);
    let inner = Block::default().borders(Borders::ALL).inner(rect);
    let parts = super::layout::vertical(
        inner,
        [
            Constraint::Min(3),
            Constraint::Length(4),
            Constraint::Length(1),
        ],
    );
    (rect, parts)
}

/// The first item the review shows in `shown` rows, the selected one in view.
fn review_first(len: usize, selected: usize, shown: usize) -> usize {
    let mut cursor = crate::app::list::Cursor::default();
    cursor.set_page(shown, len);
    cursor.select(selected, len);
    cursor.first_shown(len, shown)
}

/// Where the review's items are, for a click.
pub(super) fn review_list(app: &App, selected: usize, area: Rect) -> Option<ListArea> {
    let (_, items) = app.review_items()?;
    let (_, [table, _, _]) = review_layout(area);
    let shown = table.height.saturating_sub(1) as usize;
    let selected = selected.min(items.len().saturating_sub(1));
    let first = review_first(items.len(), selected, shown);
    super::table::window(table, items.len(), first, selected)
}

fn name(app: &App, id: Option<MemberId>) -> String {
    id.and_then(|id| app.roster.members().iter().find(|m| m.id == id))
        .map(|m| m.full_name())
        .unwrap_or_default()
}

fn bar(done: usize, total: usize) -> String {
    let width = 10;
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!(
        "{}{} {done}/{total}",
        "█".repeat(filled),
        "░".repeat(width - filled)
    )
}

/// The filters line above the table of resolutions.
fn list_layout(area: Rect) -> [Rect; 2] {
    super::layout::vertical(area, [Constraint::Length(1), Constraint::Min(1)])
}

/// Resolutions the list shows at once (below its heading).
pub(super) fn list_rows(area: Rect) -> usize {
    list_layout(area)[1].height.saturating_sub(1) as usize
}

/// The open resolution's heading lines, its items and the selected item's history.
fn detail_layout(head_lines: usize, area: Rect) -> [Rect; 3] {
    let history_rows = (area.height / 3).max(3);
    super::layout::vertical(
        area,
        [
            Constraint::Length(head_lines as u16),
            Constraint::Min(3),
            Constraint::Length(history_rows),
        ],
    )
}

/// Items of the open resolution shown at once (below the heading).
pub(super) fn item_rows(app: &App, area: Rect) -> usize {
    let head = app
        .resolutions
        .open_resolution()
        .map_or(3, |res| detail_head(app, res).len());
    detail_layout(head, area)[1].height.saturating_sub(1) as usize
}

/// The title, the open items by due date, the selected item's history.
fn followup_layout(area: Rect) -> [Rect; 3] {
    let history_rows = (area.height / 3).max(3);
    super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(history_rows),
        ],
    )
}

/// Open items the follow-up shows at once (its group headings take a row each).
pub(super) fn followup_rows(area: Rect) -> usize {
    (followup_layout(area)[1].height as usize)
        .saturating_sub(3)
        .max(1)
}

fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.resolutions;
    let [filters, table] = list_layout(area);
    let state = match r.state {
        StateFilter::InForce => app.t(Msg::FilterInForce),
        StateFilter::Completed => app.t(Msg::StateCompleted),
        StateFilter::Superseded => app.t(Msg::StateSuperseded),
        StateFilter::All => app.t(Msg::FilterAll),
    };
    let year = r
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| app.t(Msg::FilterAll).to_string());
    let kind = r
        .kind
        .map(|k| app.t(labels::resolution_kind(k)))
        .unwrap_or(app.t(Msg::FilterAll));
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(app.t(Msg::SearchPrompt), app.theme.dim()),
    ];
    let style = if r.searching {
        app.theme.focus_field()
    } else {
        app.theme.title()
    };
    spans.push(Span::styled(r.query.value().to_string(), style));
    if r.searching && app.overlays.is_empty() {
        let x = filters.x
            + (1 + unicode_width::UnicodeWidthStr::width(app.t(Msg::SearchPrompt))
                + r.query.cursor_column()) as u16;
        if x < filters.right() {
            frame.set_cursor_position((x, filters.y));
        }
    }
    let line = Msg::ResolutionFilters.fill(
        app.lang,
        &[("state", &state), ("year", &year), ("kind", &kind)],
    );
    spans.push(Span::styled(format!("   {line}"), app.theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);
    if r.visible_len() == 0 {
        let key = app
            .keymap
            .key_for(Section::Resolutions, Action::New)
            .unwrap_or_default();
        let inner = table.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 1,
        });
        frame.render_widget(
            Paragraph::new(Msg::NoResolutions.fill(app.lang, &[("key", &key)]))
                .style(app.theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let today = app.today();
    let rows_height = table.height.saturating_sub(1) as usize;
    let selected = r.shown.cursor.selected();
    let offset = r.shown.cursor.first_shown(r.visible_len(), rows_height);
    let rows: Vec<Row> = r
        .visible()
        .skip(offset)
        .take(rows_height)
        .map(|res| {
            let items = r.items(res);
            let closed = items.iter().filter(|t| !t.status.is_open()).count();
            let overdue = items.iter().filter(|t| t.is_overdue(today)).count();
            let adopted = res
                .adopted_on
                .map(format_date)
                .unwrap_or_else(|| app.t(Msg::StateDraft).to_string());
            let overdue_cell = if overdue > 0 {
                Cell::styled(overdue.to_string(), app.theme.error())
            } else {
                Cell::new("")
            };
            Row::new([
                Cell::new(res.number.clone()),
                Cell::new(res.title.clone()),
                Cell::new(adopted),
                Cell::new(bar(closed, items.len())),
                overdue_cell,
            ])
        })
        .collect();
    let t = |m| app.t(m);
    let columns = [
        Column::new(t(Msg::ColNumber)).cap(12).min(8),
        Column::new(t(Msg::ColTitle)).cap(60).min(20).grow(),
        Column::new(t(Msg::ColAdopted)).cap(10),
        Column::new(t(Msg::ColProgress)).cap(16),
        Column::new(t(Msg::ColOverdue)).cap(7),
    ];
    super::table::render(app, frame, table, &columns, rows, Some(selected - offset));
}

fn shown_cell(app: &App, t: &Task) -> Cell {
    let shown = t.shown(app.today());
    let style = match shown {
        Shown::Overdue => app.theme.error(),
        Shown::Status(s) if !s.is_open() => app.theme.info(),
        Shown::Status(_) => ratatui::style::Style::new(),
    };
    Cell::styled(app.t(labels::shown(shown)), style)
}

/// A task's follow-up history, newest last.
pub fn history_lines(app: &App, t: &Task) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for n in &t.history {
        let mut parts = vec![n.text.clone()];
        if let Some(p) = n.percent {
            parts.push(Msg::NotePercent.fill(app.lang, &[("n", &p)]));
        }
        if let Some(s) = n.status {
            parts.push(
                Msg::NoteStatus.fill(app.lang, &[("status", &app.t(labels::task_status(s)))]),
            );
        }
        if let Some(l) = n.lead {
            parts.push(Msg::NoteLead.fill(app.lang, &[("name", &name(app, Some(l)))]));
        }
        if let Some(d) = n.due {
            parts.push(Msg::NoteDue.fill(app.lang, &[("date", &format_date(d))]));
        }
        if let Some(r) = n.reporter {
            parts.push(Msg::NoteReporter.fill(app.lang, &[("name", &name(app, Some(r)))]));
        }
        if n.meeting.is_some() {
            parts.push(Msg::NoteMeeting.fill(app.lang, &[("date", &format_date(n.date))]));
        }
        let text = parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(Line::from(Msg::NoteLine.fill(
            app.lang,
            &[("date", &format_date(n.date)), ("text", &text)],
        )));
    }
    if !t.result.is_empty() {
        lines.push(Line::styled(
            format!("{}: {}", app.t(Msg::FieldResult), t.result),
            app.theme.info(),
        ));
    }
    lines
}

/// The lead of a task, and beside them those who help.
pub fn people(app: &App, t: &Task) -> String {
    let mut text = name(app, t.lead);
    let helpers: Vec<String> = t.helpers.iter().map(|h| name(app, Some(*h))).collect();
    if !helpers.is_empty() {
        if !text.is_empty() {
            text.push_str(" + ");
        }
        text.push_str(&helpers.join(", "));
    }
    text
}

/// Rows of numbered tasks, the first numbered `first + 1`.
fn task_rows<'a>(app: &App, tasks: impl Iterator<Item = &'a Task>, first: usize) -> Vec<Row> {
    tasks
        .enumerate()
        .map(|(i, t)| {
            Row::new([
                Cell::new(format!("{:>3}", first + i + 1)),
                Cell::new(t.title.clone()),
                Cell::new(people(app, t)),
                Cell::new(format_date(t.due)),
                shown_cell(app, t),
            ])
        })
        .collect()
}

fn task_columns(app: &App) -> [Column; 5] {
    let t = |m| app.t(m);
    [
        Column::new(t(Msg::ColNo)).cap(3),
        Column::new(t(Msg::ColItem)).cap(60).min(20).grow(),
        Column::new(t(Msg::ColLead)).cap(18).min(12),
        Column::new(t(Msg::ColDue)).cap(10),
        Column::new(t(Msg::ColStatus2)).cap(15).min(8),
    ]
}

/// The lines above the items: number, kind and state, title, adoption and links.
fn detail_head(app: &App, res: &Resolution) -> Vec<Line<'static>> {
    let r = &app.resolutions;
    let state = app.t(labels::resolution_state(r.state_of(res)));
    let kind = app.t(labels::resolution_kind(res.kind));
    let mut head = vec![
        Line::styled(
            format!(
                " {}",
                Msg::ResolutionHeader.fill(
                    app.lang,
                    &[("number", &res.number), ("kind", &kind), ("state", &state)]
                )
            ),
            app.theme.title(),
        ),
        Line::from(format!(" {}", res.title)),
    ];
    let adopted = match res.adopted_on {
        Some(d) => Msg::AdoptedLine.fill(app.lang, &[("date", &format_date(d))]),
        None => app.t(Msg::NotAdopted).to_string(),
    };
    let mut links = vec![adopted];
    if let Some(by) = res.superseded_by.and_then(|id| r.get(id)) {
        links.push(Msg::SupersededLine.fill(app.lang, &[("number", &by.number)]));
    }
    if let Some(old) = res.supersedes.and_then(|id| r.get(id)) {
        links.push(Msg::SupersedesLine.fill(app.lang, &[("number", &old.number)]));
    }
    head.push(Line::styled(
        format!(" {}", links.join(" · ")),
        app.theme.dim(),
    ));
    if !res.basis.is_empty() {
        head.push(Line::styled(
            format!(
                " {}",
                Msg::BasisLine.fill(app.lang, &[("text", &res.basis)])
            ),
            app.theme.dim(),
        ));
    }
    if !res.results.is_empty() {
        head.push(Line::styled(
            format!(
                " {}",
                Msg::ResultsLine.fill(app.lang, &[("text", &res.results)])
            ),
            app.theme.dim(),
        ));
    }
    head
}

fn render_detail(app: &App, res: &Resolution, frame: &mut Frame, area: Rect) {
    let r = &app.resolutions;
    let head = detail_head(app, res);
    let items = r.items(res);
    let [top, table, hist] = detail_layout(head.len(), area);
    frame.render_widget(Paragraph::new(head), top);
    if items.is_empty() {
        let key = app
            .keymap
            .key_for(Section::Resolution, Action::AddItem)
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(Msg::NoItems.fill(app.lang, &[("key", &key)])).style(app.theme.dim()),
            table,
        );
        return;
    }
    let selected = r.item.selected().min(items.len() - 1);
    let shown = table.height.saturating_sub(1) as usize;
    let first = r.item.first_shown(items.len(), shown);
    let rows = task_rows(app, items.iter().skip(first).take(shown).copied(), first);
    super::table::render(
        app,
        frame,
        table,
        &task_columns(app),
        rows,
        Some(selected - first),
    );
    let task = items[selected];
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Msg::ItemHistory.fill(app.lang, &[("title", &task.title)]));
    let inner = block.inner(hist);
    frame.render_widget(block, hist);
    let lines = history_lines(app, task);
    let skip = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip, 0)),
        inner,
    );
}

fn render_followup(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.resolutions;
    let list = r.followup(app.today());
    let [title, body, hist] = followup_layout(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " {}",
                Msg::FollowUpTitle.fill(app.lang, &[("n", &list.len())])
            ),
            app.theme.title(),
        )),
        title,
    );
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(app.t(Msg::NoOpenItems)).style(app.theme.dim()),
            body,
        );
        return;
    }
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut group = None;
    for (i, (g, t)) in list.iter().enumerate() {
        if group != Some(*g) {
            group = Some(*g);
            let (label, style) = match g {
                Due::Overdue => (Msg::GroupOverdue, app.theme.error()),
                Due::ThisMonth => (Msg::GroupThisMonth, app.theme.warn()),
                Due::Later => (Msg::GroupLater, app.theme.dim()),
            };
            rows.push(Row::new([Cell::new(""), Cell::styled(app.t(label), style)]));
        }
        if i == r.fu.selected() {
            selected_row = rows.len();
        }
        let number = t
            .resolution
            .and_then(|id| r.get(id))
            .map(|x| x.number.clone())
            .unwrap_or_default();
        rows.push(Row::new([
            Cell::new(number),
            Cell::new(t.title.clone()),
            Cell::new(people(app, t)),
            Cell::new(format_date(t.due)),
            shown_cell(app, t),
        ]));
    }
    // the rows shown: the selected one in view, group headings counted
    let shown = body.height as usize;
    let first = followup_first(rows.len(), selected_row, shown);
    let t = |m| app.t(m);
    let columns = [
        Column::new(t(Msg::ColNumber)).cap(12).min(6),
        Column::new(t(Msg::ColItem)).cap(60).min(20).grow(),
        Column::new(t(Msg::ColLead)).cap(18).min(12),
        Column::new(t(Msg::ColDue)).cap(10),
        Column::new(t(Msg::ColStatus2)).cap(14).min(8),
    ];
    let rows: Vec<Row> = rows.into_iter().skip(first).take(shown).collect();
    super::table::render_with(
        app,
        frame,
        body,
        &columns,
        rows,
        Some(selected_row - first),
        false,
    );
    // the selected item in full, with its follow-up so far
    if let Some((_, task)) = list.get(r.fu.selected()) {
        let block = Block::default()
            .borders(Borders::TOP)
            .title(Msg::ItemHistory.fill(app.lang, &[("title", &task.title)]));
        let inner = block.inner(hist);
        frame.render_widget(block, hist);
        let lines = history_lines(app, task);
        let skip = lines.len().saturating_sub(inner.height as usize) as u16;
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((skip, 0)),
            inner,
        );
    }
}

pub fn review(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let Some((res, items)) = app.review_items() else {
        return;
    };
    let (rect, [table, hist, hint]) = review_layout(area);
    popup(
        app,
        frame,
        rect,
        &Msg::ReviewTitle.fill(app.lang, &[("number", &res.number)]),
    );
    let shown = table.height.saturating_sub(1) as usize;
    let selected = selected.min(items.len().saturating_sub(1));
    let first = review_first(items.len(), selected, shown);
    let rows = task_rows(app, items.iter().skip(first).take(shown).copied(), first);
    super::table::render(
        app,
        frame,
        table,
        &task_columns(app),
        rows,
        (!items.is_empty()).then(|| selected - first),
    );
    if let Some(task) = items.get(selected) {
        let lines = history_lines(app, task);
        let skip = lines.len().saturating_sub(hist.height as usize) as u16;
        frame.render_widget(Paragraph::new(lines).scroll((skip, 0)), hist);
    }
    let keys = super::hints::hints(
        app,
        Section::Review,
        &[
            Action::Progress,
            Action::MarkDone,
            Action::CarryOver,
            Action::CancelItem,
            Action::Cancel,
        ],
        hint.width,
    );
    frame.render_widget(Paragraph::new(Line::from(keys)), hint);
}
