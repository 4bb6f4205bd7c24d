//! The attendance report: each member's year — meetings attended, tasks done on
//! time, ratings — and the members to consider striking off.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Document, Head, by_member, csv_header, year_as_of};
use crate::domain::branch::Branch;
use crate::domain::member::Member;
use crate::domain::task::Task;
use crate::export::document::{Block, Document as Page, ListItem, Paragraph, Table, Value, table};
use crate::i18n::{Lang, Msg};

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
