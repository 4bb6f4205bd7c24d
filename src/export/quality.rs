//! `chibo report meetings`: the quality of each meeting held in a year (attendance,
//! speakers, concrete items, length, thematic meetings, guests) and the year's trend
//! by quarter.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Block, Document as Page, Table, Value, table};
use super::report::{Document, Head, csv_header, year_as_of};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::meeting::{Meeting, MeetingKind};
use crate::domain::member::Member;
use crate::domain::quality::{MeetingQuality, quarter, quarters_without_thematic, year_quality};
use crate::domain::resolution::Resolution;
use crate::domain::task::Task;
use crate::i18n::{Lang, Msg, labels};

/// One meeting held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    pub meeting_id: u64,
    /// yyyy-mm-dd.
    pub date: NaiveDate,
    /// regular, thematic, extraordinary, year_end.
    pub kind: MeetingKind,
    pub with_thematic: bool,
    pub expected: usize,
    pub present: usize,
    pub attendance_percent: Option<u32>,
    /// The members who spoke, each once.
    pub speakers: Vec<String>,
    pub speakers_percent: Option<u32>,
    pub guest_speeches: usize,
    /// Items of the resolution adopted at the meeting, and those naming who leads them.
    pub items: usize,
    pub items_with_lead: usize,
    /// Length in minutes, and the minimum for the kind.
    pub minutes: Option<i64>,
    pub minimum_minutes: u32,
    pub long_enough: Option<bool>,
    pub thematic_in_quarter: bool,
    pub guests: Vec<String>,
}

/// The year's trend: one row per quarter with meetings held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarterRow {
    pub quarter: u32,
    pub meetings: usize,
    /// The mean of the meetings' attendance, in percent.
    pub attendance_percent: Option<u32>,
    /// Members who spoke, on average per meeting (rounded).
    pub speakers_per_meeting: Option<u32>,
    pub long_enough: usize,
    pub thematic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meetings {
    pub report: &'static str,
    pub year: i32,
    pub as_of: NaiveDate,
    pub meetings: Vec<MeetingRow>,
    pub quarters: Vec<QuarterRow>,
    /// Quarters of the year that ended without a thematic meeting.
    pub quarters_without_thematic: Vec<u32>,
    /// The language of the headings (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

fn kind_label(kind: MeetingKind, with_thematic: bool, lang: Lang) -> &'static str {
    if kind == MeetingKind::Regular && with_thematic {
        Msg::RptWithThematic.get(lang)
    } else {
        labels::meeting_kind(kind).get(lang)
    }
}

fn mean(values: impl Iterator<Item = u32>) -> Option<u32> {
    let v: Vec<u32> = values.collect();
    if v.is_empty() {
        return None;
    }
    let sum: u32 = v.iter().sum();
    let n = v.len() as u32;
    Some((2 * sum + n) / (2 * n))
}

/// The report for `year`, as of `today` (the end of the year for a year gone by).
pub fn meetings(
    year: i32,
    meetings: &[Meeting],
    members: &[Member],
    resolutions: &[Resolution],
    tasks: &[Task],
    today: NaiveDate,
) -> Meetings {
    let as_of = year_as_of(year, today);
    let facts = year_quality(year, meetings, members, resolutions, tasks);
    let name = |id| {
        members
            .iter()
            .find(|m| m.id == id)
            .map(Member::full_name)
            .unwrap_or_default()
    };
    let rows: Vec<MeetingRow> = facts
        .iter()
        .map(|q: &MeetingQuality| MeetingRow {
            meeting_id: q.meeting.0,
            date: q.date,
            kind: q.kind,
            with_thematic: q.with_thematic,
            expected: q.expected,
            present: q.present,
            attendance_percent: q.attendance_percent(),
            speakers: q.speakers.iter().map(|&id| name(id)).collect(),
            speakers_percent: q.speakers_percent(),
            guest_speeches: q.guest_speeches,
            items: q.items,
            items_with_lead: q.items_with_lead,
            minutes: q.minutes,
            minimum_minutes: q.minimum,
            long_enough: q.long_enough(),
            thematic_in_quarter: q.thematic_in_quarter,
            guests: q.guests.clone(),
        })
        .collect();
    let quarters = (1..=4)
        .filter_map(|n| {
            let of: Vec<&MeetingQuality> = facts.iter().filter(|q| quarter(q.date) == n).collect();
            (!of.is_empty()).then(|| QuarterRow {
                quarter: n,
                meetings: of.len(),
                attendance_percent: mean(of.iter().filter_map(|q| q.attendance_percent())),
                speakers_per_meeting: mean(of.iter().map(|q| q.speakers.len() as u32)),
                long_enough: of.iter().filter(|q| q.long_enough() == Some(true)).count(),
                thematic: of.iter().any(|q| q.thematic_in_quarter),
            })
        })
        .collect();
    Meetings {
        report: "meetings",
        year,
        as_of,
        meetings: rows,
        quarters,
        quarters_without_thematic: quarters_without_thematic(
            year,
            meetings,
            as_of + chrono::Days::new(1),
        ),
        lang: Lang::default(),
    }
}

fn roman(q: u32) -> &'static str {
    ["I", "II", "III", "IV"][(q as usize).clamp(1, 4) - 1]
}

fn pct(p: Option<u32>) -> Value {
    p.map(|p| Value::Int(i64::from(p))).unwrap_or(Value::Empty)
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { Msg::RptYes } else { Msg::RptNo }.get(lang)
}

const MEETINGS_CSV: [[&str; 14]; 2] = [
    [
        "ngay",
        "loai",
        "du_kien",
        "du_hop",
        "ty_le_du_hop",
        "so_nguoi_phat_bieu",
        "nguoi_phat_bieu",
        "khach_phat_bieu",
        "nhiem_vu",
        "nhiem_vu_co_nguoi_phu_trach",
        "thoi_luong_phut",
        "toi_thieu_phut",
        "chuyen_de_trong_quy",
        "khach_moi",
    ],
    [
        "date",
        "kind",
        "expected",
        "present",
        "attendance_percent",
        "speakers",
        "speaker_names",
        "guest_speeches",
        "items",
        "items_with_lead",
        "minutes",
        "minimum_minutes",
        "thematic_in_quarter",
        "guests",
    ],
];

impl Meetings {
    fn quarter_table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColQuarter,
                Msg::RptColMeetingsHeld,
                Msg::RptColMeanAttendance,
                Msg::RptColMeanSpeakers,
                Msg::RptColLongEnough,
                Msg::RptColThematic,
            ],
            &self.quarters,
            |q| {
                vec![
                    Value::text(roman(q.quarter)),
                    Value::Int(q.meetings as i64),
                    pct(q.attendance_percent),
                    pct(q.speakers_per_meeting),
                    Value::Int(q.long_enough as i64),
                    Value::text(yes_no(q.thematic, self.lang)),
                ]
            },
        )
    }

    /// What the branch should act on, one line each.
    fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let mut notes = Vec::new();
        for q in &self.quarters_without_thematic {
            notes.push(
                Msg::RptNoThematic.fill(lang, &[("quarter", &roman(*q)), ("year", &self.year)]),
            );
        }
        for r in &self.meetings {
            let date = format_date(r.date);
            if let (Some(m), Some(false)) = (r.minutes, r.long_enough) {
                notes.push(Msg::RptTooShort.fill(
                    lang,
                    &[
                        ("date", &date),
                        ("minutes", &m),
                        ("minimum", &r.minimum_minutes),
                    ],
                ));
            }
            if r.items > r.items_with_lead {
                notes.push(Msg::RptItemsNoLead.fill(
                    lang,
                    &[
                        ("date", &date),
                        ("n", &(r.items - r.items_with_lead)),
                        ("items", &r.items),
                    ],
                ));
            }
            if r.present > 0 && r.speakers.is_empty() {
                notes.push(Msg::RptNobodySpoke.fill(lang, &[("date", &date)]));
            }
        }
        notes
    }
}

impl Document for Meetings {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let header = csv_header(&MEETINGS_CSV, self.lang);
        let opt = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_default();
        let rows = self
            .meetings
            .iter()
            .map(|r| {
                vec![
                    r.date.format("%Y-%m-%d").to_string(),
                    r.kind.key().to_string(),
                    r.expected.to_string(),
                    r.present.to_string(),
                    opt(r.attendance_percent),
                    r.speakers.len().to_string(),
                    r.speakers.join("; "),
                    r.guest_speeches.to_string(),
                    r.items.to_string(),
                    r.items_with_lead.to_string(),
                    r.minutes.map(|m| m.to_string()).unwrap_or_default(),
                    r.minimum_minutes.to_string(),
                    r.thematic_in_quarter.to_string(),
                    r.guests.join("; "),
                ]
            })
            .collect();
        (header, rows)
    }

    fn head(&self) -> Head {
        let title = Msg::RptMeetingsTitle.fill(self.lang, &[("year", &self.year)]);
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetMeetings)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        page.landscape = true;
        if self.meetings.is_empty() {
            page.para(Msg::RptNoMeetings.fill(lang, &[("year", &self.year)]));
        } else {
            page.heading(Msg::RptEachMeeting.get(lang));
            page.push(Block::Table(self.table()));
            page.heading(Msg::RptByQuarter.get(lang));
            page.push(Block::Table(self.quarter_table()));
        }
        let notes = self.notes();
        if !notes.is_empty() {
            page.heading(Msg::RptToNote.get(lang));
            page.push(Block::lines(notes));
        }
        page
    }

    fn table(&self) -> Table {
        let lang = self.lang;
        table(
            lang,
            &[
                Msg::RptColDate,
                Msg::RptColKind,
                Msg::RptColAttended,
                Msg::RptColAttendedPct,
                Msg::RptColSpeakers,
                Msg::RptColItemsWithLead,
                Msg::RptColLength,
                Msg::RptColMinimum,
                Msg::RptColThematicInQuarter,
                Msg::RptColGuests,
            ],
            &self.meetings,
            |r| {
                vec![
                    Value::Date(r.date),
                    Value::text(kind_label(r.kind, r.with_thematic, lang)),
                    Value::text(format!("{}/{}", r.present, r.expected)),
                    pct(r.attendance_percent),
                    Value::Int(r.speakers.len() as i64),
                    Value::text(format!("{}/{}", r.items_with_lead, r.items)),
                    r.minutes.map(Value::Int).unwrap_or(Value::Empty),
                    Value::Int(i64::from(r.minimum_minutes)),
                    Value::text(yes_no(r.thematic_in_quarter, lang)),
                    Value::text(r.guests.join("; ")),
                ]
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{MeetingId, Presence};
    use crate::domain::member::{MemberId, Standing};
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn held(id: u64, kind: MeetingKind, date: NaiveDate, minutes: i64) -> Meeting {
        let at = NaiveTime::from_hms_opt(19, 30, 0).unwrap();
        let mut m = Meeting::new(kind, date, at);
        m.id = MeetingId(id);
        m.started_at = Some(date.and_time(at));
        m.ended_at = Some(date.and_time(at) + chrono::Duration::minutes(minutes));
        m
    }

    #[test]
    fn the_year_report_names_short_meetings_and_quarters_without_a_thematic_meeting() {
        let mut a = Member::new("Trần", "Văn", "An");
        a.id = MemberId(1);
        a.standing = Standing::Official;
        let mut b = Member::new("Lê", "Thị", "Bình");
        b.id = MemberId(2);
        b.standing = Standing::Official;
        let members = [a, b];
        let mut jan = held(1, MeetingKind::Regular, d(2026, 1, 5), 95);
        jan.attendance.insert(MemberId(1), Presence::Present);
        jan.attendance.insert(MemberId(2), Presence::Absent);
        let mut feb = held(2, MeetingKind::Thematic, d(2026, 2, 20), 120);
        feb.attendance.insert(MemberId(1), Presence::Present);
        feb.attendance.insert(MemberId(2), Presence::Present);
        let apr = held(3, MeetingKind::Regular, d(2026, 4, 5), 70);
        let r = meetings(2026, &[jan, feb, apr], &members, &[], &[], d(2026, 12, 2));
        assert_eq!(r.meetings.len(), 3);
        assert_eq!(r.meetings[0].attendance_percent, Some(50));
        assert_eq!(r.quarters.len(), 2);
        assert_eq!(r.quarters[0].attendance_percent, Some(75));
        assert!(r.quarters[0].thematic);
        assert_eq!(r.quarters_without_thematic, [2, 3]);
        let text = r.to_text();
        assert!(
            text.contains("Quý II/2026: không có buổi sinh hoạt chuyên đề"),
            "{text}"
        );
        assert!(
            text.contains("Quý III/2026: không có buổi sinh hoạt chuyên đề"),
            "{text}"
        );
        assert!(
            text.contains("05/04/2026: họp 70 phút, dưới thời lượng tối thiểu 90 phút"),
            "{text}"
        );
        assert!(
            !text.contains("Quý IV/2026"),
            "the fourth quarter is not over: {text}"
        );
        // a year gone by is judged at its end: the fourth quarter counts
        let past = meetings(2025, &[], &members, &[], &[], d(2026, 12, 2));
        assert_eq!(past.as_of, d(2025, 12, 31));
        assert_eq!(past.quarters_without_thematic, [1, 2, 3, 4]);
        assert!(past.to_text().contains("Chưa có buổi sinh hoạt nào"));
        let en = Meetings {
            lang: Lang::En,
            ..r
        };
        let text = en.to_text();
        assert!(
            text.contains("Quarter II/2026: no thematic meeting"),
            "{text}"
        );
        assert!(en.to_csv().starts_with("date,kind,expected,present,"));
    }
}
