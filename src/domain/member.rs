// Over 500 lines: the member's rules are short; their tests are a quarter of the file.
//! A party member (đảng viên): name in three parts, standing, activity, committee role,
//! party dates, and the dated history of status changes.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{WorkCalendar, add_months};
use super::text;

/// A member's key in the store.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct MemberId(pub u64);

impl MemberId {
    /// Not yet saved (or exported without store keys).
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }
}

/// Dự bị or chính thức.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Probationary,
    #[default]
    Official,
}

/// Where the member stands in the branch's activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Đang sinh hoạt.
    #[default]
    Active,
    /// Sinh hoạt tạm thời (attached here temporarily).
    TemporaryIn,
    /// Sinh hoạt tạm thời nơi khác (attached to another body for a while).
    TemporaryOut,
    /// Miễn công tác và sinh hoạt: not counted absent, given no tasks.
    Exempt,
    /// Chuyển sinh hoạt (transferred out).
    Transferred,
    /// Xóa tên.
    StruckOff,
    /// Khai trừ.
    Expelled,
    /// Từ trần.
    Deceased,
}

impl Activity {
    pub const ALL: [Activity; 8] = [
        Activity::Active,
        Activity::TemporaryIn,
        Activity::TemporaryOut,
        Activity::Exempt,
        Activity::Transferred,
        Activity::StruckOff,
        Activity::Expelled,
        Activity::Deceased,
    ];

    /// Still on the branch's roster (as opposed to having left it).
    pub fn on_roster(self) -> bool {
        matches!(
            self,
            Activity::Active | Activity::TemporaryIn | Activity::TemporaryOut | Activity::Exempt
        )
    }
}

/// Bí thư, phó bí thư, chi ủy viên, or none.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeRole {
    Secretary,
    Deputy,
    Member,
    #[default]
    None,
}

impl CommitteeRole {
    pub const ALL: [CommitteeRole; 4] = [
        CommitteeRole::None,
        CommitteeRole::Secretary,
        CommitteeRole::Deputy,
        CommitteeRole::Member,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// A dated change of activity, kept forever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub from: Activity,
    pub to: Activity,
    #[serde(default)]
    pub reason: String,
}

/// A party member. Fields added in later versions carry `#[serde(default)]` so that
/// records written earlier still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    #[serde(default, skip_serializing_if = "MemberId::is_unset")]
    pub id: MemberId,
    pub family_name: String,
    #[serde(default)]
    pub middle_name: String,
    pub given_name: String,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    #[serde(default)]
    pub admission_date: Option<NaiveDate>,
    #[serde(default)]
    pub official_date: Option<NaiveDate>,
    #[serde(default)]
    pub card_number: String,
    #[serde(default)]
    pub standing: Standing,
    #[serde(default)]
    pub activity: Activity,
    #[serde(default)]
    pub committee_role: CommitteeRole,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub residence: String,
    /// Đơn vị công tác / chức vụ chính quyền, đoàn thể.
    #[serde(default)]
    pub workplace: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// The day the branch voted to recognize this probationary member as official:
    /// the upper level's decision is awaited (the standing changes on its date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition_voted: Option<NaiveDate>,
    /// The upper level's decision recognizing the member as official: the standing
    /// is official from its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition_decision: Option<UpperDecision>,
}

/// A decision of the upper level (Đảng ủy): its number and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpperDecision {
    pub number: String,
    pub date: NaiveDate,
}

/// Why the upper level's recognition of a member cannot be entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecognitionError {
    /// The member is official already.
    NotProbationary,
    /// The decision is dated before the branch's vote on it.
    BeforeVote,
    /// The decision is dated before the admission.
    BeforeAdmission,
    /// The decision is dated after today: it is entered once it is in force.
    InFuture,
}

impl Member {
    /// A blank member to fill in a form or an import.
    pub fn new(family: &str, middle: &str, given: &str) -> Self {
        Member {
            id: MemberId(0),
            family_name: text::clean(family),
            middle_name: text::clean(middle),
            given_name: text::clean(given),
            gender: None,
            birth_date: None,
            admission_date: None,
            official_date: None,
            card_number: String::new(),
            standing: Standing::Official,
            activity: Activity::Active,
            committee_role: CommitteeRole::None,
            phone: String::new(),
            residence: String::new(),
            workplace: String::new(),
            notes: String::new(),
            history: Vec::new(),
            recognition_voted: None,
            recognition_decision: None,
        }
    }

    /// "Trần Thị Mai"; no double space when there is no middle name.
    pub fn full_name(&self) -> String {
        [
            self.family_name.as_str(),
            self.middle_name.as_str(),
            self.given_name.as_str(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// The roster order key: tên, then họ, then tên đệm, in Vietnamese collation.
    pub fn sort_key(&self) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        (
            text::sort_key(&self.given_name),
            text::sort_key(&self.family_name),
            text::sort_key(&self.middle_name),
        )
    }

    /// Searchable text: the name, card number and phone, folded.
    pub fn search_text(&self) -> String {
        text::fold(&format!(
            "{} {} {}",
            self.full_name(),
            self.card_number,
            self.phone
        ))
    }

    /// The last day of the 12 months of probation, counted from the admission ceremony.
    pub fn probation_end(&self) -> Option<NaiveDate> {
        match self.standing {
            Standing::Probationary => self.admission_date.map(|d| add_months(d, 12)),
            Standing::Official => None,
        }
    }

    /// Changes the activity with a dated, reasoned entry in the history.
    pub fn change_activity(&mut self, to: Activity, date: NaiveDate, reason: &str) {
        self.history.push(StatusChange {
            date,
            from: self.activity,
            to,
            reason: text::clean(reason),
        });
        self.activity = to;
    }

    /// Checks the rules a record must satisfy before it is saved.
    pub fn validate(&self) -> Result<(), MemberError> {
        if self.family_name.is_empty() {
            return Err(MemberError::MissingFamilyName);
        }
        if self.given_name.is_empty() {
            return Err(MemberError::MissingGivenName);
        }
        if let (Some(admitted), Some(official)) = (self.admission_date, self.official_date)
            && official < admitted
        {
            return Err(MemberError::OfficialBeforeAdmission);
        }
        if let (Some(born), Some(admitted)) = (self.birth_date, self.admission_date)
            && admitted <= born
        {
            return Err(MemberError::AdmissionBeforeBirth);
        }
        if self.standing == Standing::Probationary && self.official_date.is_some() {
            return Err(MemberError::ProbationaryWithOfficialDate);
        }
        Ok(())
    }
}

/// Why a member record cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MemberError {
    #[error("missing family name")]
    MissingFamilyName,
    #[error("missing given name")]
    MissingGivenName,
    #[error("official date before admission date")]
    OfficialBeforeAdmission,
    #[error("admission date not after birth date")]
    AdmissionBeforeBirth,
    #[error("a probationary member has no official date")]
    ProbationaryWithOfficialDate,
}

/// Splits a full name when nothing else is known: họ = first word, tên = last word,
/// tên đệm = the rest. The caller warns the user that it guessed.
pub fn split_full_name(full: &str) -> Option<(String, String, String)> {
    let cleaned = text::clean(full);
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    match words.len() {
        0 | 1 => None,
        n => Some((
            words[0].to_string(),
            words[1..n - 1].join(" "),
            words[n - 1].to_string(),
        )),
    }
}

/// Why a member cannot be given a task (lead or helper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAssignable {
    /// Miễn công tác và sinh hoạt: given no tasks.
    Exempt,
    /// Left the roster (transferred, struck off, expelled, deceased).
    Left,
}

impl Member {
    /// The upper level recognizes the probationary member as official by decision
    /// `number` of `date`: official from that date, the reminder done.
    pub fn recognize(
        &mut self,
        number: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), RecognitionError> {
        if self.standing != Standing::Probationary {
            return Err(RecognitionError::NotProbationary);
        }
        if date > today {
            return Err(RecognitionError::InFuture);
        }
        if self.recognition_voted.is_some_and(|voted| date < voted) {
            return Err(RecognitionError::BeforeVote);
        }
        if self.admission_date.is_some_and(|admitted| date < admitted) {
            return Err(RecognitionError::BeforeAdmission);
        }
        self.standing = Standing::Official;
        self.official_date = Some(date);
        self.recognition_decision = Some(UpperDecision {
            number: text::clean(number),
            date,
        });
        Ok(())
    }

    /// Whether the member may lead or help with a task (DOMAIN: exempt members get
    /// none; members who left carry none).
    pub fn assignable(&self) -> Result<(), NotAssignable> {
        match self.activity {
            Activity::Exempt => Err(NotAssignable::Exempt),
            a if !a.on_roster() => Err(NotAssignable::Left),
            _ => Ok(()),
        }
    }
}

/// A reminder about a probationary member: probation ends (or ended) on `ends`, and
/// the branch must consider official recognition by `consider_by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbationReminder {
    pub member: MemberId,
    pub ends: NaiveDate,
    pub consider_by: NaiveDate,
    pub overdue: bool,
    /// The branch has voted for recognition on this day: the upper level decides now.
    pub considered: Option<NaiveDate>,
    /// The first year of the count whose holiday schedule is not recorded: the deadline
    /// follows the holiday rules alone and is an estimate (never shown as certain).
    pub estimated_year: Option<i32>,
}

/// The working days the branch has after probation ends to consider recognition.
pub const RECOGNITION_WORKING_DAYS: u32 = 30;
/// How far ahead a probation end is announced.
pub const PROBATION_NOTICE_DAYS: i64 = 60;

/// The reminder for a member whose probation ends within 60 days or has ended.
pub fn probation_reminder(
    m: &Member,
    today: NaiveDate,
    cal: &WorkCalendar,
) -> Option<ProbationReminder> {
    if !m.activity.on_roster() {
        return None;
    }
    let ends = m.probation_end()?;
    if (ends - today).num_days() > PROBATION_NOTICE_DAYS {
        return None;
    }
    let consider_by = cal.add_working_days(ends, RECOGNITION_WORKING_DAYS);
    Some(ProbationReminder {
        member: m.id,
        ends,
        consider_by,
        // once the branch has voted, its deadline is met
        overdue: today > consider_by && m.recognition_voted.is_none(),
        considered: m.recognition_voted,
        estimated_year: (ends.year()..=consider_by.year()).find(|y| !cal.is_decided(*y)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn full_name_without_middle_name_has_single_spaces() {
        assert_eq!(Member::new("Nguyễn", "", "Tùng").full_name(), "Nguyễn Tùng");
        assert_eq!(
            Member::new("Tôn", "Nữ Minh", "Châu").full_name(),
            "Tôn Nữ Minh Châu"
        );
    }

    #[test]
    fn split_full_name_guesses_three_parts() {
        assert_eq!(
            split_full_name(" Tôn  Nữ Minh Châu "),
            Some(("Tôn".into(), "Nữ Minh".into(), "Châu".into()))
        );
        assert_eq!(
            split_full_name("Nguyễn Tùng"),
            Some(("Nguyễn".into(), "".into(), "Tùng".into()))
        );
        assert_eq!(split_full_name("Tùng"), None);
    }

    #[test]
    fn roster_order_is_given_name_then_family_then_middle() {
        let mut ms = [
            Member::new("Đỗ", "Văn", "Đức"),
            Member::new("Lê", "Văn", "Dũng"),
            Member::new("Đặng", "Văn", "Dũng"),
            Member::new("Trần", "Thị", "Anh"),
            Member::new("Trần", "An", "Anh"),
        ];
        ms.sort_by_key(|m| m.sort_key());
        let names: Vec<String> = ms.iter().map(Member::full_name).collect();
        assert_eq!(
            names,
            [
                "Trần An Anh",
                "Trần Thị Anh",
                "Đặng Văn Dũng",
                "Lê Văn Dũng",
                "Đỗ Văn Đức"
            ]
        );
    }

    #[test]
    fn tone_placement_does_not_split_a_name_and_ties_go_by_family_name() {
        let mut ms = [
            Member::new("Lê", "Thị", "Thụy"),
            Member::new("Vũ", "Thị", "Thuý"),
            Member::new("Đào", "Thị", "Thúy"),
            Member::new("Phan", "Thị", "Thũy"),
            Member::new("Huỳnh", "Thị", "Thủy"),
            Member::new("Bùi", "Thị", "Thuỷ"),
            Member::new("Mai", "Thị", "Thùy"),
            Member::new("Ngô", "Thị", "Thuy"),
        ];
        ms.sort_by_key(|m| m.sort_key());
        let names: Vec<String> = ms.iter().map(Member::full_name).collect();
        assert_eq!(
            names,
            [
                "Ngô Thị Thuy",
                "Mai Thị Thùy",
                "Bùi Thị Thuỷ",
                "Huỳnh Thị Thủy",
                "Phan Thị Thũy",
                "Đào Thị Thúy",
                "Vũ Thị Thuý",
                "Lê Thị Thụy"
            ]
        );
    }

    #[test]
    fn probation_reminder_window_and_deadline() {
        let cal = WorkCalendar::vietnam();
        let mut m = Member::new("Hồ", "Thị Ngọc", "Bích");
        m.standing = Standing::Probationary;
        m.admission_date = Some(d("19/05/2025"));
        assert_eq!(m.probation_end(), Some(d("19/05/2026")));
        // 61 days before the end: nothing yet
        assert_eq!(probation_reminder(&m, d("19/03/2026"), &cal), None);
        let r = probation_reminder(&m, d("20/03/2026"), &cal).unwrap();
        assert_eq!(r.ends, d("19/05/2026"));
        // 19/05/2026 is a Tuesday: 30 working days later is Tuesday 30/06/2026
        assert_eq!(r.consider_by, d("30/06/2026"));
        assert!(!r.overdue);
        assert!(
            probation_reminder(&m, d("01/07/2026"), &cal)
                .unwrap()
                .overdue
        );
        m.standing = Standing::Official;
        assert_eq!(probation_reminder(&m, d("20/03/2026"), &cal), None);
    }

    #[test]
    fn recognition_deadline_in_2027_counts_tet_and_says_it_is_an_estimate() {
        let cal = WorkCalendar::vietnam();
        let mut m = Member::new("Hồ", "Thị Ngọc", "Bích");
        m.standing = Standing::Probationary;
        m.admission_date = Some(d("02/01/2026"));
        let r = probation_reminder(&m, d("01/12/2026"), &cal).unwrap();
        assert_eq!(r.ends, d("02/01/2027"));
        // five working days of Tết (05/02 and 08/02–11/02/2027) move it from 12/02
        assert_eq!(r.consider_by, d("19/02/2027"));
        assert_eq!(r.estimated_year, Some(2027));
        // once the 2027 schedule is recorded the deadline is no longer an estimate
        let mut decided = cal.clone();
        decided.add_toml("[[year]]\nyear = 2027").unwrap();
        assert_eq!(
            probation_reminder(&m, d("01/12/2026"), &decided)
                .unwrap()
                .estimated_year,
            None
        );
    }

    #[test]
    fn exempt_members_and_those_who_left_are_given_no_task() {
        let mut m = Member::new("Hoàng", "Văn", "Nam");
        assert_eq!(m.assignable(), Ok(()));
        m.activity = Activity::TemporaryIn;
        assert_eq!(m.assignable(), Ok(()));
        m.activity = Activity::Exempt;
        assert_eq!(m.assignable(), Err(NotAssignable::Exempt));
        for a in [
            Activity::Transferred,
            Activity::StruckOff,
            Activity::Expelled,
            Activity::Deceased,
        ] {
            m.activity = a;
            assert_eq!(m.assignable(), Err(NotAssignable::Left));
        }
    }

    #[test]
    fn validation_rules() {
        let mut m = Member::new("Lê", "", "Tuấn");
        m.admission_date = Some(d("07/11/2005"));
        m.official_date = Some(d("07/11/2004"));
        assert_eq!(m.validate(), Err(MemberError::OfficialBeforeAdmission));
        m.official_date = Some(d("07/11/2006"));
        assert_eq!(m.validate(), Ok(()));
        assert_eq!(
            Member::new("", "", "Tuấn").validate(),
            Err(MemberError::MissingFamilyName)
        );
    }
}
