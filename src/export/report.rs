//! Reports for the command line: overdue items and the month's follow-up, as text,
//! CSV or JSON. The JSON is a stable interface for scripts (see README.md).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::document::{
    Block, Document as Page, ListItem, Paragraph, PartyHeader, Table, Value, table,
};
use super::sheet::{Cell, Sheet};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::{Task, TaskStatus, end_of_month};
use crate::i18n::{Lang, Msg, labels};

/// What a report says of itself before its body: the language of its words, the day
/// it is computed for, its title (printed, and the workbook's title row) and the name
/// of its workbook sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub lang: Lang,
    pub as_of: NaiveDate,
    pub title: String,
    pub sheet: Msg,
}

impl Head {
    /// A head whose title ends with the day: `{title} (tính đến dd/mm/yyyy)`.
    pub fn dated(lang: Lang, as_of: NaiveDate, title: String, sheet: Msg) -> Head {
        Head {
            lang,
            as_of,
            title: as_of_title(lang, title, as_of),
            sheet,
        }
    }

    /// The workbook sheet's name.
    pub fn sheet(&self) -> &'static str {
        self.sheet.get(self.lang)
    }

    /// The title with the branch's name before it, as a workbook's title row reads.
    pub fn workbook_title(&self, branch: Option<&Branch>) -> String {
        match branch {
            Some(b) => format!("{} — {}", b.name, self.title),
            None => self.title.clone(),
        }
    }
}

/// The forms of every report: text to read and print (plain, Word), CSV and a
/// workbook for a spreadsheet, and JSON (stable, documented in the README) for other
/// programs. Text and Word are the same page. Headings, titles and CSV headers are in
/// the report's language (`lang`, Vietnamese unless set); the JSON keys are the same in
/// every language.
pub trait Document: Serialize {
    /// The language, the day, the title and the sheet's name.
    fn head(&self) -> Head;

    /// The CSV header and one row per line of the report.
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>);

    /// The report as printed; with the party header when the branch is known.
    fn page(&self, branch: Option<&Branch>) -> Page;

    /// The rows with dates as dates, for a workbook.
    fn table(&self) -> Table;

    /// The first blocks of the page: the party header when the branch is known, the
    /// title.
    fn opening(&self, branch: Option<&Branch>) -> Page {
        let head = self.head();
        let mut page = Page::new();
        if let Some(b) = branch {
            page.push(Block::Header(PartyHeader::of(
                Some(b),
                Some(head.as_of),
                None,
            )));
        }
        page.push(Block::Title {
            main: head.title,
            sub: None,
        });
        page
    }

    fn to_text(&self) -> String {
        self.page(None).to_text()
    }

    fn to_docx(&self, branch: Option<&Branch>) -> Vec<u8> {
        super::docx::render(&self.page(branch))
    }

    fn to_xlsx(&self, branch: Option<&Branch>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let head = self.head();
        let title = head.workbook_title(branch);
        super::sheet::workbook(&[sheet_of(head.sheet(), &title, self.table())])
    }

    fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    fn to_csv(&self) -> String {
        let (header, rows) = self.csv();
        super::csv::table(header, rows)
    }
}

/// A workbook sheet of a report's table: amounts and counts as numbers, dates as dates.
pub(super) fn sheet_of(name: &str, title: &str, table: Table) -> Sheet {
    let rows = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| match v {
                    Value::Text(t) => Cell::Text(t.clone()),
                    Value::Int(n) | Value::Amount(n) => Cell::Number(*n as f64),
                    Value::Date(d) => Cell::Date(Some(*d)),
                    Value::Empty => Cell::Text(String::new()),
                })
                .collect()
        })
        .collect();
    Sheet {
        name: name.to_string(),
        title: title.to_string(),
        header: table.header,
        rows,
    }
}

/// The day a yearly report is computed for: today in the current year, the year's
/// last day for a year gone by.
pub(super) fn year_as_of(year: i32, today: NaiveDate) -> NaiveDate {
    if year == today.year() {
        today
    } else {
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today)
    }
}

/// `{title} (tính đến dd/mm/yyyy)`.
pub(super) fn as_of_title(lang: Lang, title: String, as_of: NaiveDate) -> String {
    Msg::RptAsOf.fill(lang, &[("title", &title), ("date", &format_date(as_of))])
}

fn month_label(month: &str) -> String {
    month.split('-').rev().collect::<Vec<_>>().join("/")
}

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

pub(crate) fn status_vi(s: TaskStatus) -> &'static str {
    labels::task_status(s).get(Lang::Vi)
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

fn standing_label(standing: &str, lang: Lang) -> &'static str {
    if standing == "official" {
        Msg::StandingOfficial.get(lang)
    } else {
        Msg::StandingProbationary.get(lang)
    }
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

const COVERAGE_CSV: [[&str; 6]; 2] = [
    [
        "ho_ten",
        "dang_tich",
        "dang_mo",
        "qua_han",
        "hoan_thanh_trong_thang",
        "han_gan_nhat",
    ],
    [
        "member",
        "standing",
        "open",
        "overdue",
        "done_in_month",
        "nearest_due",
    ],
];

const ATTENDANCE_CSV: [[&str; 16]; 2] = [
    [
        "ho_ten",
        "so_ky_hop",
        "du_hop",
        "vang_co_ly_do",
        "vang_khong_ly_do",
        "ty_le_du_hop",
        "so_thang_vang_khong_ly_do",
        "nhiem_vu",
        "dung_han",
        "tre_han",
        "chua_xong",
        "dang_thuc_hien",
        "ty_le_dung_han",
        "vuot_muc",
        "dat",
        "khong_dat",
    ],
    [
        "member",
        "meetings",
        "attended",
        "excused",
        "absent",
        "attendance_percent",
        "absent_months",
        "tasks_assigned",
        "tasks_on_time",
        "tasks_late",
        "tasks_not_done",
        "tasks_open",
        "tasks_on_time_percent",
        "rated_exceeded",
        "rated_met",
        "rated_not_met",
    ],
];

/// The CSV header of a report in `lang`: machine-friendly words, without accents in
/// Vietnamese; in English the JSON's keys.
pub(super) fn csv_header<const N: usize>(
    headers: &'static [[&'static str; N]; 2],
    lang: Lang,
) -> &'static [&'static str] {
    match lang {
        Lang::Vi => &headers[0],
        Lang::En => &headers[1],
    }
}

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

/// One member of the coverage report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub member_id: u64,
    pub member: String,
    /// "official" or "probationary".
    pub standing: &'static str,
    pub open: usize,
    pub overdue: usize,
    /// Tasks done during the month.
    pub done_in_month: usize,
    pub nearest_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub report: &'static str,
    pub as_of: NaiveDate,
    pub month: String,
    /// Members with no open task.
    pub unassigned: usize,
    /// Every member expected to carry a task, unassigned first (roster order within).
    pub members: Vec<CoverageRow>,
    /// The language of the headings (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// Each member's tasks (led or helped), found in one pass.
fn by_member(tasks: &[Task]) -> std::collections::HashMap<MemberId, Vec<&Task>> {
    let mut map: std::collections::HashMap<MemberId, Vec<&Task>> = std::collections::HashMap::new();
    for t in tasks {
        for m in t.lead.iter().chain(t.helpers.iter()) {
            map.entry(*m).or_default().push(t);
        }
    }
    map
}

/// Every active member (exempt ones are not expected to carry tasks) and their tasks.
pub fn coverage(
    members: &[Member],
    tasks: &[Task],
    month: NaiveDate,
    today: NaiveDate,
) -> Coverage {
    let index = by_member(tasks);
    let none = Vec::new();
    let end = end_of_month(month);
    let as_of = if (today.year(), today.month()) == (month.year(), month.month()) {
        today
    } else {
        end
    };
    let in_month = |d: NaiveDate| (d.year(), d.month()) == (month.year(), month.month());
    let mut rows: Vec<CoverageRow> = members
        .iter()
        .filter(|m| crate::domain::record::expects_task(m))
        .map(|m| {
            let mine = index.get(&m.id).unwrap_or(&none);
            let open: Vec<&Task> = mine
                .iter()
                .copied()
                .filter(|t| t.status.is_open())
                .collect();
            CoverageRow {
                member_id: m.id.0,
                member: m.full_name(),
                standing: match m.standing {
                    crate::domain::member::Standing::Official => "official",
                    crate::domain::member::Standing::Probationary => "probationary",
                },
                open: open.len(),
                overdue: open.iter().filter(|t| t.is_overdue(as_of)).count(),
                done_in_month: mine
                    .iter()
                    .filter(|t| t.status == TaskStatus::Done && t.done_on.is_some_and(in_month))
                    .count(),
                nearest_due: open.iter().map(|t| t.due).min(),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.open > 0);
    Coverage {
        report: "coverage",
        as_of,
        month: month.format("%Y-%m").to_string(),
        unassigned: rows.iter().filter(|r| r.open == 0).count(),
        members: rows,
        lang: Lang::default(),
    }
}

impl Document for Coverage {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let header = csv_header(&COVERAGE_CSV, self.lang);
        let rows = self
            .members
            .iter()
            .map(|r| {
                vec![
                    r.member.clone(),
                    standing_label(r.standing, self.lang).to_string(),
                    r.open.to_string(),
                    r.overdue.to_string(),
                    r.done_in_month.to_string(),
                    r.nearest_due.map(format_date).unwrap_or_default(),
                ]
            })
            .collect();
        (header, rows)
    }

    fn head(&self) -> Head {
        let month = month_label(&self.month);
        let title = Msg::RptCoverageTitle.fill(self.lang, &[("month", &month)]);
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetCoverage)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let mut page = self.opening(branch);
        if self.unassigned > 0 {
            page.para(Msg::RptUnassigned.fill(self.lang, &[("n", &self.unassigned)]));
        } else {
            page.para(Msg::RptAllAssigned.get(self.lang));
        }
        page.push(Block::Table(self.table()));
        page
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColMember,
                Msg::RptColStanding,
                Msg::RptColOpen,
                Msg::RptColOverdue,
                Msg::RptColDoneInMonth,
                Msg::RptColNearestDue,
            ],
            &self.members,
            |r| {
                vec![
                    Value::text(r.member.clone()),
                    Value::text(standing_label(r.standing, self.lang)),
                    Value::Int(r.open as i64),
                    Value::Int(r.overdue as i64),
                    Value::Int(r.done_in_month as i64),
                    Value::date(r.nearest_due),
                ]
            },
        )
    }
}

/// One member of the attendance report: the yearly record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceRow {
    pub member_id: u64,
    pub member: String,
    pub meetings: u32,
    pub attended: u32,
    pub excused: u32,
    pub absent: u32,
    /// Months of the year with an unexcused absence.
    pub absent_months: u32,
    /// Months of the year, ended, with dues unpaid (less paid than expected).
    pub unpaid_dues_months: u32,
    /// Unexcused absences, or dues unpaid, in 3 months of the year: consider striking
    /// off.
    pub flagged: bool,
    /// Meetings attended, in percent of those held.
    pub attendance_percent: Option<u32>,
    pub tasks_assigned: u32,
    pub tasks_on_time: u32,
    pub tasks_late: u32,
    pub tasks_not_done: u32,
    /// Not done and not yet due: assigned = on time + late + not done + open.
    pub tasks_open: u32,
    /// Done on time, in percent of the tasks done or due.
    pub tasks_on_time_percent: Option<u32>,
    pub rated_exceeded: u32,
    pub rated_met: u32,
    pub rated_not_met: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub report: &'static str,
    pub year: i32,
    pub as_of: NaiveDate,
    pub members: Vec<AttendanceRow>,
    /// The language of the headings (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// The yearly record of every member on the roster, in roster order.
pub fn attendance(
    members: &[Member],
    meetings: &[crate::domain::meeting::Meeting],
    tasks: &[Task],
    (ledger, rates): (&crate::domain::dues::Ledger, &crate::domain::dues::Rates),
    year: i32,
    today: NaiveDate,
) -> Attendance {
    let as_of = year_as_of(year, today);
    let index = by_member(tasks);
    let none = Vec::new();
    let rows = members
        .iter()
        .filter(|m| m.activity.on_roster())
        .map(|m| {
            let mine = index.get(&m.id).unwrap_or(&none).iter().copied();
            let r = crate::domain::record::member_record(m, year, meetings, mine, as_of)
                .with_unpaid_dues(ledger, rates, m, today);
            AttendanceRow {
                member_id: m.id.0,
                member: m.full_name(),
                meetings: r.meetings,
                attended: r.attended,
                excused: r.excused,
                absent: r.absent,
                absent_months: r.absent_months,
                unpaid_dues_months: r.unpaid_months,
                flagged: r.flagged(),
                attendance_percent: r.attendance_percent(),
                tasks_assigned: r.assigned,
                tasks_on_time: r.on_time,
                tasks_late: r.late,
                tasks_not_done: r.not_done,
                tasks_open: r.open,
                tasks_on_time_percent: r.on_time_percent(),
                rated_exceeded: r.exceeded,
                rated_met: r.met,
                rated_not_met: r.not_met,
            }
        })
        .collect();
    Attendance {
        report: "attendance",
        year,
        as_of,
        members: rows,
        lang: Lang::default(),
    }
}

impl Document for Attendance {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let header = csv_header(&ATTENDANCE_CSV, self.lang);
        let rows = self
            .members
            .iter()
            .map(|r| {
                let pct = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_default();
                let mut row = vec![r.member.clone()];
                row.extend(
                    [r.meetings, r.attended, r.excused, r.absent]
                        .iter()
                        .map(u32::to_string),
                );
                row.push(pct(r.attendance_percent));
                row.extend(
                    [
                        r.absent_months,
                        r.tasks_assigned,
                        r.tasks_on_time,
                        r.tasks_late,
                        r.tasks_not_done,
                        r.tasks_open,
                    ]
                    .iter()
                    .map(u32::to_string),
                );
                row.push(pct(r.tasks_on_time_percent));
                row.extend(
                    [r.rated_exceeded, r.rated_met, r.rated_not_met]
                        .iter()
                        .map(u32::to_string),
                );
                row
            })
            .collect();
        (header, rows)
    }

    fn head(&self) -> Head {
        let title = Msg::RptAttendanceTitle.fill(self.lang, &[("year", &self.year)]);
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetAttendance)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let mut page = self.opening(branch);
        // a row per member with sixteen numbers: the page turns sideways
        page.landscape = true;
        page.push(Block::Table(self.table()));
        let flagged: Vec<ListItem> = self
            .members
            .iter()
            .filter(|r| r.flagged)
            .flat_map(|r| {
                let mut items = Vec::new();
                if r.absent_months >= crate::domain::record::ABSENCE_FLAG_MONTHS {
                    items.push(
                        Msg::RptFlagged
                            .fill(self.lang, &[("member", &r.member), ("n", &r.absent_months)]),
                    );
                }
                if r.unpaid_dues_months >= crate::domain::dues::UNPAID_FLAG_MONTHS {
                    items.push(Msg::RptFlaggedDues.fill(
                        self.lang,
                        &[("member", &r.member), ("n", &r.unpaid_dues_months)],
                    ));
                }
                items.into_iter().map(|text| ListItem {
                    text: Paragraph::plain(text),
                    detail: None,
                })
            })
            .collect();
        if !flagged.is_empty() {
            page.heading(Msg::RptToConsider.get(self.lang));
            page.push(Block::List(flagged));
        }
        page
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColMember,
                Msg::RptColMeetings,
                Msg::RptColAttended,
                Msg::RptColAttendedPct,
                Msg::RptColExcused,
                Msg::RptColAbsent,
                Msg::RptColAbsentMonths,
                Msg::RptColTasks,
                Msg::RptColOnTime,
                Msg::RptColOnTimePct,
                Msg::RptColLate,
                Msg::RptColNotDone,
                Msg::RptColInProgress,
                Msg::RptColExceeded,
                Msg::RptColMet,
                Msg::RptColNotMet,
            ],
            &self.members,
            |r| {
                let n = |n: u32| Value::Int(i64::from(n));
                let pct = |p: Option<u32>| p.map(n).unwrap_or(Value::Empty);
                vec![
                    Value::text(r.member.clone()),
                    n(r.meetings),
                    n(r.attended),
                    pct(r.attendance_percent),
                    n(r.excused),
                    n(r.absent),
                    n(r.absent_months),
                    n(r.tasks_assigned),
                    n(r.tasks_on_time),
                    pct(r.tasks_on_time_percent),
                    n(r.tasks_late),
                    n(r.tasks_not_done),
                    n(r.tasks_open),
                    n(r.rated_exceeded),
                    n(r.rated_met),
                    n(r.rated_not_met),
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
