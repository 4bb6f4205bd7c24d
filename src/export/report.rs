//! Reports for the command line: overdue items and the month's follow-up, as text,
//! CSV or JSON. The JSON is a stable interface for scripts (see README.md).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::domain::calendar::format_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::{Task, TaskStatus, end_of_month};

/// One item of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// "overdue", "due_this_month", "done_this_month", "later".
    pub group: &'static str,
    pub task_id: u64,
    /// The resolution's number, or null for a task given directly.
    pub resolution: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    /// yyyy-mm-dd.
    pub due: NaiveDate,
    /// not_started, in_progress, done, carried_over, cancelled.
    pub status: TaskStatus,
    pub overdue: bool,
    pub days_overdue: i64,
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
}

fn row(group: &'static str, t: &Task, resolutions: &[Resolution], members: &[Member], as_of: NaiveDate) -> Row {
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
        status: t.status,
        overdue: t.is_overdue(as_of),
        days_overdue: if t.is_overdue(as_of) {
            (as_of - t.due).num_days()
        } else {
            0
        },
        last_note: t
            .history
            .iter()
            .rev()
            .find(|n| !n.text.is_empty())
            .map(|n| n.text.clone()),
    }
}

/// Every open item past its due date on `as_of`, most overdue first.
pub fn overdue(tasks: &[Task], resolutions: &[Resolution], members: &[Member], as_of: NaiveDate) -> Report {
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
    }
}

/// The follow-up of a month: overdue items, items due that month, items done that
/// month, as of the month's end (or today, for the current month).
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
    let in_month = |d: NaiveDate| (d.year(), d.month()) == (month.year(), month.month());
    let mut rows: Vec<Row> = Vec::new();
    let mut list: Vec<&Task> = tasks.iter().collect();
    list.sort_by_key(|t| (t.due, t.id));
    for t in list {
        let group = if t.status.is_open() && t.due < as_of {
            "overdue"
        } else if t.status.is_open() && in_month(t.due) {
            "due_this_month"
        } else if t.status == TaskStatus::Done && t.done_on.is_some_and(in_month) {
            "done_this_month"
        } else {
            continue;
        };
        rows.push(row(group, t, resolutions, members, as_of));
    }
    let order = |g: &str| {
        ["overdue", "due_this_month", "done_this_month"]
            .iter()
            .position(|x| *x == g)
            .unwrap_or(3)
    };
    rows.sort_by_key(|r| order(r.group));
    Report {
        report: "followup",
        as_of,
        month: Some(month.format("%Y-%m").to_string()),
        items: rows,
    }
}

fn status_vi(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::NotStarted => "chưa thực hiện",
        TaskStatus::InProgress => "đang thực hiện",
        TaskStatus::Done => "hoàn thành",
        TaskStatus::CarriedOver => "chuyển kỳ sau",
        TaskStatus::Cancelled => "hủy",
    }
}

fn group_vi(g: &str) -> &'static str {
    match g {
        "overdue" => "QUÁ HẠN",
        "due_this_month" => "ĐẾN HẠN TRONG THÁNG",
        "done_this_month" => "HOÀN THÀNH TRONG THÁNG",
        _ => "SAU ĐÓ",
    }
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record([
            "nhom",
            "nghi_quyet",
            "noi_dung",
            "chu_tri",
            "han",
            "tinh_trang",
            "so_ngay_qua_han",
            "ghi_chu_moi_nhat",
        ]);
        for r in &self.items {
            let _ = w.write_record([
                r.group,
                r.resolution.as_deref().unwrap_or(""),
                &r.title,
                r.lead.as_deref().unwrap_or(""),
                &format_date(r.due),
                if r.overdue { "quá hạn" } else { status_vi(r.status) },
                &r.days_overdue.to_string(),
                r.last_note.as_deref().unwrap_or(""),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    pub fn to_text(&self) -> String {
        let title = match &self.month {
            Some(m) => format!(
                "THEO DÕI THỰC HIỆN NGHỊ QUYẾT THÁNG {}",
                m.split('-').rev().collect::<Vec<_>>().join("/")
            ),
            None => "NHIỆM VỤ QUÁ HẠN".to_string(),
        };
        let mut out = format!("{title} (tính đến {})\n", format_date(self.as_of));
        if self.items.is_empty() {
            out.push_str("\nKhông có nhiệm vụ nào.\n");
            return out;
        }
        let mut group = "";
        for r in &self.items {
            if r.group != group {
                group = r.group;
                out.push_str(&format!("\n{}\n", group_vi(group)));
            }
            let res = r.resolution.as_deref().map(|n| format!("[{n}] ")).unwrap_or_default();
            let lead = r.lead.as_deref().unwrap_or("(chưa phân công)");
            let late = if r.overdue {
                format!(", quá hạn {} ngày", r.days_overdue)
            } else {
                String::new()
            };
            out.push_str(&format!(
                "- {res}{} — đ/c {lead}; hạn {}; {}{late}\n",
                r.title,
                format_date(r.due),
                status_vi(r.status)
            ));
            if let Some(n) = &r.last_note {
                out.push_str(&format!("    {n}\n"));
            }
        }
        out
    }
}
