//! The Huy hiệu Đảng to propose for a year: the members on the roster whose party
//! years reach a badge mark in it (the coming year unless asked), for the secretary's
//! list to the upper level.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Block, Document as Page, Table, Value, table};
use super::report::{Document, Head, csv_header};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::discipline::{Award, badges_due};
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeRow {
    pub member_id: u64,
    pub member: String,
    pub admitted: NaiveDate,
    pub years: i32,
    /// The day the member reaches the mark.
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badges {
    #[serde(skip)]
    pub lang: Lang,
    /// "badges".
    pub report: &'static str,
    pub year: i32,
    pub as_of: NaiveDate,
    pub members: Vec<BadgeRow>,
}

/// The badges due in `year`, most years first, from the roster and the awards given.
pub fn badges(
    members: &[Member],
    awards: &[Award],
    year: i32,
    today: NaiveDate,
    lang: Lang,
) -> Badges {
    let rows = badges_due(members, awards, year)
        .into_iter()
        .filter_map(|b| {
            let m = members.iter().find(|m| m.id == b.member)?;
            Some(BadgeRow {
                member_id: m.id.0,
                member: m.full_name(),
                admitted: m.admission_date?,
                years: b.years,
                on: b.on,
            })
        })
        .collect();
    Badges {
        lang,
        report: "badges",
        year,
        as_of: today,
        members: rows,
    }
}

const BADGES_CSV: [[&str; 4]; 2] = [
    ["ho_ten", "ngay_vao_dang", "so_nam", "ngay_du"],
    ["member", "admitted", "years", "on"],
];

impl Document for Badges {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let rows = self
            .members
            .iter()
            .map(|r| {
                vec![
                    r.member.clone(),
                    format_date(r.admitted),
                    r.years.to_string(),
                    format_date(r.on),
                ]
            })
            .collect();
        (csv_header(&BADGES_CSV, self.lang), rows)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let mut page = self.opening(branch);
        if self.members.is_empty() {
            page.para(Msg::RptBadgesNone.fill(self.lang, &[("year", &self.year)]));
        } else {
            page.push(Block::Table(self.table()));
        }
        page
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::RptColMember,
                Msg::RptColAdmitted,
                Msg::RptColPartyYears,
                Msg::RptColBadgeOn,
            ],
            &self.members,
            |r| {
                vec![
                    Value::text(r.member.clone()),
                    Value::Date(r.admitted),
                    Value::Int(r.years as i64),
                    Value::Date(r.on),
                ]
            },
        )
    }

    fn head(&self) -> Head {
        let title = Msg::RptBadgesTitle.fill(self.lang, &[("year", &self.year)]);
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetBadges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberId;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_list_names_each_member_reaching_a_mark_with_the_day() {
        let mut m = Member::new("Trần", "Văn", "Bình");
        m.id = MemberId(4);
        m.admission_date = Some(d(1997, 3, 19));
        let r = badges(&[m], &[], 2027, d(2026, 12, 2), Lang::Vi);
        assert_eq!(r.members.len(), 1);
        assert_eq!((r.members[0].years, r.members[0].on), (30, d(2027, 3, 19)));
        let text = r.to_text();
        assert!(text.contains("Trần Văn Bình"), "{text}");
        assert!(text.contains("19/03/2027"), "{text}");
        let none = badges(&[], &[], 2027, d(2026, 12, 2), Lang::Vi);
        assert!(none.to_text().contains("Không có đảng viên nào"));
    }
}
