//! The dues screen: the month's roll of members with what is due, paid and owed, and
//! the month's totals with the branch's share.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::domain::calendar::format_date;
use crate::domain::dues::{Basis, format_amount};
use crate::i18n::Msg;

/// "lương 8.500.000", "mức chung", "miễn (ốm dài ngày)".
pub fn basis_text(app: &App, b: &Basis) -> String {
    match b {
        Basis::Salary(a) => format!("{} {}", app.t(Msg::BasisSalary), format_amount(*a)),
        Basis::Pension(a) => format!("{} {}", app.t(Msg::BasisPension), format_amount(*a)),
        Basis::Other => app.t(Msg::BasisOther).to_string(),
        Basis::Fixed(a) => format!("{} {}", app.t(Msg::BasisFixed), format_amount(*a)),
        Basis::Exempt(r) => format!("{} ({r})", app.t(Msg::BasisExempt)),
    }
}

/// The title, the totals, the shares, a note and the table.
fn layout(area: Rect) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// Rows of members the table shows in `area` (its header apart).
pub(super) fn rows(area: Rect) -> usize {
    layout(area)[4].height.saturating_sub(1) as usize
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
            Msg::DuesTotals.fill(
                app.lang,
                &[
                    ("expected", &format_amount(t.expected)),
                    ("collected", &format_amount(t.collected)),
                    ("arrears", &format_amount(t.arrears)),
                ],
            )
        )),
        totals,
    );
    let sent = match t.sent_on {
        // the whole share sent: only the date
        Some(date) if t.sent_amount == t.upper_share => {
            Msg::DuesSentAllOn.fill(app.lang, &[("date", &format_date(date))])
        }
        Some(date) => Msg::DuesSentOn.fill(
            app.lang,
            &[
                ("amount", &format_amount(t.sent_amount)),
                ("date", &format_date(date)),
            ],
        ),
        None => app.t(Msg::DuesNotSent).to_string(),
    };
    let percent = app.dues.rates.branch_keeps_percent;
    frame.render_widget(
        Paragraph::new(format!(
            " {} · {sent}",
            Msg::DuesShares.fill(
                app.lang,
                &[
                    ("branch", &format_amount(t.branch_share)),
                    ("percent", &percent),
                    ("upper", &format_amount(t.upper_share)),
                ],
            )
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
    let header = Row::new(
        [
            app.t(Msg::ColName),
            app.t(Msg::ColBasisDues),
            app.t(Msg::ColDuesDue),
            app.t(Msg::ColPaid),
            app.t(Msg::ColOwed),
            app.t(Msg::ColOwedMonths),
        ]
        .map(Cell::from),
    )
    .style(app.theme.title());
    let right = |n: i64, w: usize| format!("{:>w$}", format_amount(n));
    let rows: Vec<Row> = v
        .rows
        .iter()
        .skip(offset)
        .take(rows_height)
        .map(|r| {
            let owed = r.owed_total();
            let months = r
                .owed
                .iter()
                .map(|(m, _)| {
                    if m.year == v.month.year {
                        format!("{:02}", m.month)
                    } else {
                        m.label()
                    }
                })
                .collect::<Vec<_>>()
                .join(",");
            let owed_style = if r.owed.len() as u32 >= crate::domain::dues::UNPAID_FLAG_MONTHS {
                app.theme.error()
            } else {
                app.theme.warn()
            };
            Row::new(vec![
                Cell::from(r.name.clone()),
                Cell::from(basis_text(app, &r.basis)),
                Cell::from(right(r.due, 8)),
                Cell::from(right(r.paid, 8)),
                Cell::from(if owed > 0 {
                    Span::styled(right(owed, 8), owed_style)
                } else {
                    Span::raw("")
                }),
                Cell::from(if r.owed.is_empty() {
                    Span::raw("")
                } else {
                    Span::styled(months, owed_style)
                }),
            ])
        })
        .collect();
    let widths = [
        Constraint::Min(19),
        Constraint::Length(19),
        Constraint::Length(8),
        Constraint::Length(8),
        Constraint::Length(8),
        Constraint::Min(6),
    ];
    let tbl = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(app.theme.selected())
        .column_spacing(1);
    let mut state = TableState::default().with_selected(
        (!v.rows.is_empty()).then(|| d.cursor.selected().min(v.rows.len() - 1) - offset),
    );
    frame.render_stateful_widget(tbl, table, &mut state);
}
