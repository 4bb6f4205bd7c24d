//! The overdue list and the month's follow-up: one report of tasks, two selections
//! (every open item past its date; what a month's meeting reviews, by group).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Document, Head, csv_header, month_label};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::{Task, TaskStatus, end_of_month};
use crate::export::document::{Block, Document as Page, ListItem, Paragraph, Table, Value, table};
use crate::i18n::{Lang, Msg, labels};

/// One item of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// "overdue", "due_this_month", "carried_over", "done_this_month", "cancelled".
    pub group: &'static str,
    pub task_id: u64,
    /// The resolution's number, or null for a task given directly.
    pub resolution: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    /// yyyy-mm-dd.
    pub due: NaiveDate,
    /// The due date as adopted, before any carry-over (yyyy-mm-dd).
    pub original_due: NaiveDate,
    /// The due date before the latest carry-over, if it was carried over.
    pub carried_from: Option<NaiveDate>,
    /// not_started, in_progress, done, carried_over, cancelled.
    pub status: TaskStatus,
    pub overdue: bool,
    pub days_overdue: i64,
    /// The latest note; for a done item, its result.
    pub last_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// "overdue" or "followup".
    pub report: &'static str,
    /// The date it was computed for (yyyy-mm-dd).
    pub as_of: NaiveDate,
    /// The month (yyyy-mm) of a follow-up report.
    pub month: Option<String>,
    pub items: Vec<Row>,
    /// The language of the headings (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

fn row(
    group: &'static str,
    t: &Task,
    resolutions: &[Resolution],
    members: &[Member],
    as_of: NaiveDate,
) -> Row {
    let name = |id: MemberId| members.iter().find(|m| m.id == id).map(Member::full_name);
    Row {
        group,
        task_id: t.id.0,
        resolution: t
            .resolution
            .and_then(|id| resolutions.iter().find(|r| r.id == id))
            .map(|r| r.number.clone()),
        title: t.title.clone(),
        lead: t.lead.and_then(name),
        due: t.due,
        original_due: t.original_due(),
        carried_from: {
            let dates = t.due_dates();
            (dates.len() > 1).then(|| dates[dates.len() - 2])
        },
        status: t.status,
        overdue: t.is_overdue(as_of),
        days_overdue: if t.is_overdue(as_of) {
            (as_of - t.due).num_days()
        } else {
            0
        },
        last_note: t.latest_note().map(str::to_string),
    }
}

/// Every open item past its due date on `as_of`, most overdue first.
pub fn overdue(
    tasks: &[Task],
    resolutions: &[Resolution],
    members: &[Member],
    as_of: NaiveDate,
) -> Report {
    let mut list: Vec<&Task> = tasks.iter().filter(|t| t.is_overdue(as_of)).collect();
    list.sort_by_key(|t| (t.due, t.id));
    Report {
        report: "overdue",
        as_of,
        month: None,
        items: list
            .into_iter()
            .map(|t| row("overdue", t, resolutions, members, as_of))
            .collect(),
        lang: Lang::default(),
    }
}

/// The follow-up of a month, as of the month's end (or today, for the current month):
/// items overdue; open items due that month (those carried into it show the date they
/// had); items due that month and carried over to a later one; items done that month or
/// due in it and done; items due in it and cancelled.
pub fn followup(
    tasks: &[Task],
    resolutions: &[Resolution],
    members: &[Member],
    month: NaiveDate,
    today: NaiveDate,
) -> Report {
    let end = end_of_month(month);
    let as_of = if (today.year(), today.month()) == (month.year(), month.month()) {
        today
    } else {
        end
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut list: Vec<&Task> = tasks.iter().collect();
    list.sort_by_key(|t| (t.due, t.id));
    for t in list {
        let Some(group) = followup_group(t, month, as_of) else {
            continue;
        };
        rows.push(row(group, t, resolutions, members, as_of));
    }
    let order = |g: &str| {
        [
            "overdue",
            "due_this_month",
            "carried_over",
            "done_this_month",
            "cancelled",
        ]
        .iter()
        .position(|x| *x == g)
        .unwrap_or(5)
    };
    rows.sort_by_key(|r| order(r.group));
    Report {
        report: "followup",
        as_of,
        month: Some(month.format("%Y-%m").to_string()),
        items: rows,
        lang: Lang::default(),
    }
}

/// Where an item belongs in the follow-up of `month` as of `as_of`, if it does.
pub fn followup_group(t: &Task, month: NaiveDate, as_of: NaiveDate) -> Option<&'static str> {
    let in_month = |d: NaiveDate| (d.year(), d.month()) == (month.year(), month.month());
    let group = if t.status.is_open() && t.due < as_of {
        "overdue"
    } else if t.status.is_open() && in_month(t.due) {
        "due_this_month"
    } else if t.status.is_open() && t.was_due_in(month) {
        "carried_over"
    } else if t.status == TaskStatus::Done
        && (t.done_on.is_some_and(in_month) || t.was_due_in(month))
    {
        "done_this_month"
    } else if t.status == TaskStatus::Cancelled && t.was_due_in(month) {
        "cancelled"
    } else {
        return None;
    };
    Some(group)
}

/// An item's status as a report shows it: "overdue" for an open item past its date.
fn status_shown(r: &Row, lang: Lang) -> &'static str {
    if r.overdue {
        Msg::TaskOverdue.get(lang)
    } else {
        labels::task_status(r.status).get(lang)
    }
}

fn group_heading(g: &str, lang: Lang) -> &'static str {
    match g {
        "overdue" => Msg::RptGroupOverdue,
        "due_this_month" => Msg::RptGroupDue,
        "carried_over" => Msg::RptGroupCarried,
        "done_this_month" => Msg::RptGroupDone,
        "cancelled" => Msg::RptGroupCancelled,
        _ => Msg::RptGroupLater,
    }
    .get(lang)
}

const ITEM_CSV: [[&str; 9]; 2] = [
    [
        "nhom",
        "nghi_quyet",
        "noi_dung",
        "chu_tri",
        "han",
        "han_ban_dau",
        "tinh_trang",
        "so_ngay_qua_han",
        "ghi_chu_moi_nhat",
    ],
    [
        "group",
        "resolution",
        "title",
        "lead",
        "due",
        "original_due",
        "status",
        "days_overdue",
        "last_note",
    ],
];

impl Document for Report {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let header = csv_header(&ITEM_CSV, self.lang);
        let rows = self
            .items
            .iter()
            .map(|r| {
                vec![
                    r.group.to_string(),
                    r.resolution.clone().unwrap_or_default(),
                    r.title.clone(),
                    r.lead.clone().unwrap_or_default(),
                    format_date(r.due),
                    format_date(r.original_due),
                    status_shown(r, self.lang).to_string(),
                    r.days_overdue.to_string(),
                    r.last_note.clone().unwrap_or_default(),
                ]
            })
            .collect();
        (header, rows)
    }

    fn head(&self) -> Head {
        let (title, sheet) = match &self.month {
            Some(m) => (
                Msg::RptFollowupTitle.fill(self.lang, &[("month", &month_label(m))]),
                Msg::RptSheetFollowup,
            ),
            None => (
                Msg::RptOverdueTitle.get(self.lang).to_string(),
                Msg::RptSheetOverdue,
            ),
        };
        Head::dated(self.lang, self.as_of, title, sheet)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        if self.items.is_empty() {
            page.para(Msg::RptNoItems.get(lang));
            return page;
        }
        let mut groups: Vec<(&str, Vec<ListItem>)> = Vec::new();
        for r in &self.items {
            if groups.last().is_none_or(|(g, _)| *g != r.group) {
                groups.push((r.group, Vec::new()));
            }
            let res = r
                .resolution
                .as_deref()
                .map(|n| format!("[{n}] "))
                .unwrap_or_default();
            let lead = r.lead.as_deref().unwrap_or(Msg::RptNotAssigned.get(lang));
            let late = if r.overdue {
                Msg::RptLate.fill(lang, &[("n", &r.days_overdue)])
            } else {
                String::new()
            };
            let carried = match r.carried_from {
                Some(from) if r.original_due != from => Msg::RptCarriedFirst.fill(
                    lang,
                    &[
                        ("first", &format_date(r.original_due)),
                        ("from", &format_date(from)),
                    ],
                ),
                Some(from) => Msg::RptCarried.fill(lang, &[("from", &format_date(from))]),
                None => String::new(),
            };
            let line = Msg::RptLine.fill(
                lang,
                &[
                    ("res", &res),
                    ("title", &r.title),
                    ("lead", &lead),
                    ("due", &format_date(r.due)),
                    ("carried", &carried),
                    ("status", &labels::task_status(r.status).get(lang)),
                    ("late", &late),
                ],
            );
            if let Some((_, items)) = groups.last_mut() {
                items.push(ListItem {
                    text: Paragraph::plain(line),
                    detail: r.last_note.clone(),
                });
            }
        }
        for (group, items) in groups {
            page.heading(group_heading(group, lang));
            page.push(Block::List(items));
        }
        page
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColGroup,
                Msg::RptColResolution,
                Msg::RptColTitle,
                Msg::RptColLead,
                Msg::RptColDue,
                Msg::RptColFirstDue,
                Msg::RptColStatus,
                Msg::RptColDaysOverdue,
                Msg::RptColLastNote,
            ],
            &self.items,
            |r| {
                vec![
                    Value::text(group_heading(r.group, self.lang)),
                    Value::text(r.resolution.clone().unwrap_or_default()),
                    Value::text(r.title.clone()),
                    Value::text(r.lead.clone().unwrap_or_default()),
                    Value::Date(r.due),
                    Value::Date(r.original_due),
                    Value::text(status_shown(r, self.lang)),
                    Value::Int(r.days_overdue),
                    Value::text(r.last_note.clone().unwrap_or_default()),
                ]
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::task::{TaskId, TaskNote};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_followup_of_a_month_keeps_items_carried_out_of_it_and_into_it() {
        let mut carried = Task::new("Sửa đèn hẻm 12", d(2026, 11, 30));
        carried.id = TaskId(1);
        carried
            .carry_over(
                TaskNote::new(d(2026, 12, 1), "chờ kinh phí"),
                d(2026, 12, 31),
            )
            .unwrap();
        let mut done = Task::new("Thu quỹ", d(2026, 11, 30));
        done.id = TaskId(2);
        done.progress(TaskNote::new(d(2026, 11, 10), "đã thu 5 hộ"));
        done.complete(TaskNote::new(d(2026, 12, 2), ""), "Thu đủ 40 hộ");
        let mut other = Task::new("Khác", d(2026, 10, 31));
        other.id = TaskId(3);
        other.complete(TaskNote::new(d(2026, 10, 20), ""), "xong");
        let tasks = [carried, done, other];
        let groups = |month: NaiveDate, today: NaiveDate| -> Vec<(u64, &'static str)> {
            followup(&tasks, &[], &[], month, today)
                .items
                .iter()
                .map(|r| (r.task_id, r.group))
                .collect()
        };
        // November, seen in December: the carried item and the one done late both listed
        assert_eq!(
            groups(d(2026, 11, 1), d(2026, 12, 5)),
            [(1, "carried_over"), (2, "done_this_month")]
        );
        // December: the item carried into it, with the date it had
        let dec = followup(&tasks, &[], &[], d(2026, 12, 1), d(2026, 12, 5));
        assert_eq!(dec.items[0].group, "due_this_month");
        assert_eq!(dec.items[0].carried_from, Some(d(2026, 11, 30)));
        assert_eq!(dec.items[0].original_due, d(2026, 11, 30));
        // the done item's latest note is its result
        let done_row = dec.items.iter().find(|r| r.task_id == 2).unwrap();
        assert_eq!(done_row.last_note.as_deref(), Some("Thu đủ 40 hộ"));
        let text = dec.to_text();
        assert!(
            text.contains("hạn 31/12/2026 (chuyển từ 30/11/2026)"),
            "{text}"
        );
    }
}
