//! The coverage report: every member expected to carry a task, with their open,
//! overdue and done tasks in a month; the members without one first.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Document, Head, by_member, csv_header, month_label};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::Member;
use crate::domain::task::{Task, TaskStatus, end_of_month};
use crate::export::document::{Block, Document as Page, Table, Value, table};
use crate::i18n::{Lang, Msg};

fn standing_label(standing: &str, lang: Lang) -> &'static str {
    if standing == "official" {
        Msg::StandingOfficial.get(lang)
    } else {
        Msg::StandingProbationary.get(lang)
    }
}

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
