//! The dues screen: the month's roll of members with what is due, paid and owed, and
//! the month's totals with the branch's share.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::table::{Cell, Column, Row};
use crate::app::App;
use crate::app::dues::DuesRow;
use crate::app::mouse::ListArea;
use crate::domain::dues::{Month, format_amount};
use crate::export::dues::{basis_text, months_text, sent_text, shares_text, totals_text};
use crate::i18n::Msg;

/// The title, the totals, the shares, a note and the table.
fn layout(area: Rect) -> [Rect; 5] {
    super::layout::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ],
    )
}

/// Rows of members the table shows in `area` (its header apart).
pub(super) fn rows(area: Rect) -> usize {
    layout(area)[4].height.saturating_sub(1) as usize
}

/// Where the month's roll is, for a click: none when nobody is on it.
pub(super) fn list(app: &App, area: Rect) -> Option<ListArea> {
    let table = layout(area)[4];
    let len = app.dues_view().rows.len();
    let cursor = &app.dues.cursor;
    let offset = cursor.first_shown(len, table.height.saturating_sub(1) as usize);
    super::table::window(
        table,
        len,
        offset,
        cursor.selected().min(len.saturating_sub(1)),
    )
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let v = app.dues_view();
    let [title, totals, shares, note, table] = layout(area);
    let month = v.month.label();
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", Msg::DuesTitle.fill(app.lang, &[("month", &month)])),
            app.theme.title(),
        )),
        title,
    );
    let t = &v.totals;
    frame.render_widget(
        Paragraph::new(format!(
            " {}",
            totals_text(app.lang, t.expected, t.collected, t.arrears)
        )),
        totals,
    );
    let sent = sent_text(app.lang, t.sent_amount, t.sent_on, t.upper_share);
    let percent = app.dues.rates.branch_keeps_percent;
    frame.render_widget(
        Paragraph::new(format!(
            " {}",
            shares_text(app.lang, (t.branch_share, percent, t.upper_share), &sent)
        )),
        shares,
    );
    let explain = match v.opens {
        None => Some(app.t(Msg::DuesNotOpen).to_string()),
        Some(o) if v.month < o => {
            Some(Msg::DuesBeforeOpen.fill(app.lang, &[("month", &o.label())]))
        }
        _ if v.rows.is_empty() => Some(app.t(Msg::DuesNone).to_string()),
        _ => None,
    };
    if let Some(text) = explain {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {text}"), app.theme.dim())),
            note,
        );
    }

    let rows_height = table.height.saturating_sub(1) as usize;
    let d = &app.dues;
    let offset = d.cursor.first_shown(v.rows.len(), rows_height);
    let shown = || v.rows.iter().skip(offset).take(rows_height);
    // amounts line up on the right, as wide as the widest shown or the heading
    let t = |m| app.t(m);
    let headers = [
        t(Msg::ColName),
        t(Msg::ColBasisDues),
        t(Msg::ColDuesDue),
        t(Msg::ColPaid),
        t(Msg::ColOwed),
        t(Msg::ColOwedMonths),
    ];
    let width = |head: &str, amount: fn(&DuesRow) -> i64| {
        shown()
            .map(|r| format_amount(amount(r)).width())
            .chain([head.width()])
            .max()
            .unwrap_or(0)
    };
    let due_w = width(headers[2], |r| r.due);
    let paid_w = width(headers[3], |r| r.paid);
    let owed_w = width(headers[4], DuesRow::owed_total);
    let right = |n: i64, w: usize| format!("{:>w$}", format_amount(n));
    let rows: Vec<Row> = shown()
        .map(|r| {
            let owed = r.owed_total();
            let months: Vec<Month> = r.owed.iter().map(|(m, _)| *m).collect();
            let owed_style = if r.owed.len() as u32 >= crate::domain::dues::UNPAID_FLAG_MONTHS {
                app.theme.error()
            } else {
                app.theme.warn()
            };
            Row::new([
                Cell::new(r.name.clone()),
                Cell::new(basis_text(app.lang, &r.basis)),
                Cell::new(right(r.due, due_w)),
                Cell::new(right(r.paid, paid_w)),
                if owed > 0 {
                    Cell::styled(right(owed, owed_w), owed_style)
                } else {
                    Cell::new("")
                },
                Cell::styled(months_text(&months, v.month.year), owed_style),
            ])
        })
        .collect();
    let columns = [
        Column::new(headers[0]).cap(30).min(12),
        Column::new(headers[1]).cap(24).min(9),
        Column::new(headers[2]).cap(12).min(6),
        Column::new(headers[3]).cap(12).min(6),
        Column::new(headers[4]).cap(12).min(6),
        // the months owed take the room left
        Column::new(headers[5]).cap(30).min(5).grow(),
    ];
    let selected = (!v.rows.is_empty()).then(|| d.cursor.selected().min(v.rows.len() - 1) - offset);
    super::table::render(app, frame, table, &columns, rows, selected);
}
