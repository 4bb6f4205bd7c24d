//! Discipline (kỷ luật) and awards (khen thưởng) of a member, and the Huy hiệu Đảng
//! proposed when a member's party years reach a mark (DOMAIN.md §Members, §The year).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::meeting::MeetingId;
use super::member::{Activity, Member, MemberId, Standing};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct RecordId(pub u64);

/// The forms of discipline, lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineForm {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức.
    Removal,
    /// Khai trừ: the member leaves the party on the decision's date.
    Expulsion,
}

impl DisciplineForm {
    pub const ALL: [DisciplineForm; 4] = [
        DisciplineForm::Reprimand,
        DisciplineForm::Warning,
        DisciplineForm::Removal,
        DisciplineForm::Expulsion,
    ];

    /// Probationary members may only be reprimanded or warned.
    pub fn allowed_for(self, standing: Standing) -> bool {
        standing == Standing::Official
            || matches!(self, DisciplineForm::Reprimand | DisciplineForm::Warning)
    }
}

/// The vote that proposed a measure: (meeting, agenda item, entry) in that meeting's
/// minutes.
pub type VoteRef = (MeetingId, usize, usize);

/// A discipline decision on a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discipline {
    #[serde(default)]
    pub id: RecordId,
    pub member: MemberId,
    pub form: DisciplineForm,
    /// The date of the decision.
    pub date: NaiveDate,
    /// The deciding body ("Chi bộ", "Đảng ủy phường An Phú").
    pub body: String,
    /// The decision's number ("05-QĐ/ĐU").
    #[serde(default)]
    pub number: String,
    pub reason: String,
    /// The branch's vote that proposed it (the discipline rule, more than 1/2).
    #[serde(default)]
    pub vote: Option<VoteRef>,
    /// The year whose grading it counts in (the year of the violation's decision by
    /// default; one violation counts once).
    pub counts_for: i32,
}

/// Why a discipline record cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// A probationary member can only be reprimanded or warned.
    NotForProbationary(DisciplineForm),
    MissingBody,
    MissingReason,
    InTheFuture,
    /// Awards need their form.
    MissingForm,
}

impl Discipline {
    pub fn new(member: MemberId, form: DisciplineForm, date: NaiveDate) -> Discipline {
        Discipline {
            id: RecordId::default(),
            member,
            form,
            date,
            body: String::new(),
            number: String::new(),
            reason: String::new(),
            vote: None,
            counts_for: date.year(),
        }
    }

    /// Checks the record against the member (as the member stood on the decision's date)
    /// before it is saved on `today`.
    pub fn validate(&self, member: &Member, today: NaiveDate) -> Result<(), RecordError> {
        if self.date > today {
            return Err(RecordError::InTheFuture);
        }
        if self.body.trim().is_empty() {
            return Err(RecordError::MissingBody);
        }
        if self.reason.trim().is_empty() {
            return Err(RecordError::MissingReason);
        }
        if !self.form.allowed_for(standing_on(member, self.date)) {
            return Err(RecordError::NotForProbationary(self.form));
        }
        Ok(())
    }

    /// The activity change an expulsion makes, on the decision's date.
    pub fn status_change(&self) -> Option<(NaiveDate, Activity)> {
        (self.form == DisciplineForm::Expulsion).then_some((self.date, Activity::Expelled))
    }
}

/// The member's standing on `date`: official from the official date on.
fn standing_on(member: &Member, date: NaiveDate) -> Standing {
    match member.official_date {
        Some(o) if o <= date => Standing::Official,
        Some(_) => Standing::Probationary,
        None => member.standing,
    }
}

/// Whether the member was disciplined in a way that counts for `year`.
pub fn disciplined_in(records: &[Discipline], member: MemberId, year: i32) -> bool {
    records
        .iter()
        .any(|r| r.member == member && r.counts_for == year)
}

/// An award (khen thưởng).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    #[serde(default)]
    pub id: RecordId,
    pub member: MemberId,
    /// "Giấy khen", "Bằng khen", "Huy hiệu 30 năm tuổi Đảng".
    pub form: String,
    /// The awarding level ("Đảng ủy phường", "Thành ủy").
    #[serde(default)]
    pub level: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub reason: String,
}

impl Award {
    pub fn validate(&self, today: NaiveDate) -> Result<(), RecordError> {
        if self.form.trim().is_empty() {
            return Err(RecordError::MissingForm);
        }
        if self.date > today {
            return Err(RecordError::InTheFuture);
        }
        Ok(())
    }
}

/// The years of membership for which the Huy hiệu Đảng is awarded.
pub const BADGE_YEARS: [i32; 12] = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

/// A Huy hiệu Đảng to propose: the member reaches `years` of membership on `on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeProposal {
    pub member: MemberId,
    pub years: i32,
    pub on: NaiveDate,
}

/// The members on the roster whose party years reach a badge mark in `year` (the
/// coming year, for the secretary's list), from the admission date, oldest first.
/// Those already awarded that badge (an award whose form names the years) are left out.
pub fn badges_due(members: &[Member], awards: &[Award], year: i32) -> Vec<BadgeProposal> {
    let mut due: Vec<BadgeProposal> = members
        .iter()
        .filter(|m| m.activity.on_roster())
        .filter_map(|m| {
            let admitted = m.admission_date?;
            let years = year - admitted.year();
            if !BADGE_YEARS.contains(&years) {
                return None;
            }
            let mark = format!("{years} năm");
            let awarded = awards
                .iter()
                .any(|a| a.member == m.id && a.form.contains("Huy hiệu") && a.form.contains(&mark));
            if awarded {
                return None;
            }
            // the anniversary; 29 February falls on 28 February in other years
            let on = admitted
                .with_year(year)
                .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))?;
            Some(BadgeProposal {
                member: m.id,
                years,
                on,
            })
        })
        .collect();
    due.sort_by_key(|b| (std::cmp::Reverse(b.years), b.on, b.member));
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(id: u64, admitted: NaiveDate, official: Option<NaiveDate>) -> Member {
        let mut m = Member::new("Nguyễn", "Văn", &format!("A{id}"));
        m.id = MemberId(id);
        m.admission_date = Some(admitted);
        m.official_date = official;
        m.standing = if official.is_some() {
            Standing::Official
        } else {
            Standing::Probationary
        };
        m
    }

    #[test]
    fn a_probationary_member_is_only_reprimanded_or_warned() {
        let today = d(2026, 12, 2);
        let m = member(1, d(2026, 3, 1), None);
        let mut r = Discipline::new(m.id, DisciplineForm::Removal, d(2026, 11, 20));
        r.body = "Chi bộ".into();
        r.reason = "Vi phạm quy định".into();
        assert_eq!(
            r.validate(&m, today),
            Err(RecordError::NotForProbationary(DisciplineForm::Removal))
        );
        r.form = DisciplineForm::Warning;
        assert_eq!(r.validate(&m, today), Ok(()));
        // judged on the standing of the decision's date: official since June
        let later = member(2, d(2025, 6, 1), Some(d(2026, 6, 1)));
        let mut x = Discipline::new(later.id, DisciplineForm::Expulsion, d(2026, 5, 20));
        x.body = "Đảng ủy phường".into();
        x.reason = "Vi phạm nghiêm trọng".into();
        assert!(
            x.validate(&later, today).is_err(),
            "still probationary then"
        );
        x.date = d(2026, 7, 1);
        assert_eq!(x.validate(&later, today), Ok(()));
        assert_eq!(x.status_change(), Some((d(2026, 7, 1), Activity::Expelled)));
    }

    #[test]
    fn a_discipline_record_names_its_body_and_reason_and_is_not_in_the_future() {
        let today = d(2026, 12, 2);
        let m = member(1, d(2000, 3, 1), Some(d(2001, 3, 1)));
        let mut r = Discipline::new(m.id, DisciplineForm::Reprimand, d(2026, 11, 20));
        assert_eq!(r.validate(&m, today), Err(RecordError::MissingBody));
        r.body = "Chi bộ".into();
        assert_eq!(r.validate(&m, today), Err(RecordError::MissingReason));
        r.reason = "Vắng sinh hoạt".into();
        r.date = d(2026, 12, 3);
        assert_eq!(r.validate(&m, today), Err(RecordError::InTheFuture));
        r.date = d(2026, 12, 1);
        assert!(r.validate(&m, today).is_ok());
        assert!(disciplined_in(&[r.clone()], m.id, 2026));
        assert!(!disciplined_in(&[r], m.id, 2025));
    }

    #[test]
    fn badges_are_proposed_for_the_marks_reached_in_the_coming_year() {
        let members = [
            member(1, d(1997, 5, 19), Some(d(1998, 5, 19))), // 30 years in 2027
            member(2, d(1987, 2, 3), Some(d(1988, 2, 3))),   // 40
            member(3, d(1992, 1, 1), Some(d(1993, 1, 1))),   // 35: no badge
            member(4, d(1977, 9, 2), Some(d(1978, 9, 2))),   // 50, already awarded
            member(5, d(1980, 2, 29), Some(d(1981, 3, 1))),  // 47: no badge
            member(6, d(1972, 2, 29), Some(d(1973, 3, 1))),  // 55, a 29 February
        ];
        let awards = [Award {
            id: RecordId(1),
            member: MemberId(4),
            form: "Huy hiệu 50 năm tuổi Đảng".into(),
            level: "Thành ủy".into(),
            date: d(2026, 11, 7),
            number: String::new(),
            reason: String::new(),
        }];
        let due = badges_due(&members, &awards, 2027);
        assert_eq!(
            due,
            [
                BadgeProposal {
                    member: MemberId(6),
                    years: 55,
                    on: d(2027, 2, 28)
                },
                BadgeProposal {
                    member: MemberId(2),
                    years: 40,
                    on: d(2027, 2, 3)
                },
                BadgeProposal {
                    member: MemberId(1),
                    years: 30,
                    on: d(2027, 5, 19)
                },
            ]
        );
    }
}
