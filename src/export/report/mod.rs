//! Reports for the command line and the application's report forms: the overdue list
//! and the month's follow-up (`followup`), task coverage (`coverage`), the yearly
//! attendance record (`attendance`), each as text, CSV, JSON, Word and a workbook. The
//! JSON is a stable interface for scripts (see README.md). This file holds what every
//! report shares: the `Document` trait, the head, and the CSV and workbook helpers.

mod attendance;
mod coverage;
mod followup;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use attendance::{Attendance, AttendanceRow, attendance};
pub use coverage::{Coverage, CoverageRow, coverage};
pub use followup::{Report, Row, followup, followup_group, overdue};

use super::document::{Block, Document as Page, PartyHeader, Table, Value};
use super::sheet::{Cell, Sheet};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::MemberId;
use crate::domain::task::{Task, TaskStatus};
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

pub(crate) fn status_vi(s: TaskStatus) -> &'static str {
    labels::task_status(s).get(Lang::Vi)
}

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
