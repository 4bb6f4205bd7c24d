//! Who is graded for a year: not a member exempt all year, admitted too late in it, or
//! gone from the branch.

use chrono::{Datelike, NaiveDate};

use super::Rules;
use crate::domain::member::{Activity, Member};

/// Whether and how a member is graded for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grading {
    Graded,
    /// Exempt from activity all year.
    Exempt,
    /// Admitted fewer months before the year's end than the rules ask.
    JoinedLate,
    /// Left the branch in the year (transferred, struck off, expelled, died).
    Left,
}

/// How `m` is graded for `year`, from the member's record as it is now.
pub fn grading(m: &Member, year: i32, rules: &Rules) -> Grading {
    if !m.activity.on_roster() {
        return Grading::Left;
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MIN);
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    if rules.exempt_not_graded.value && m.activity == Activity::Exempt {
        // exempt all year: no change of activity during the year
        let changed_in_year = m
            .history
            .iter()
            .any(|c| c.date >= year_start && c.date <= year_end && c.to == Activity::Exempt);
        if !changed_in_year {
            return Grading::Exempt;
        }
    }
    if let Some(admitted) = m.admission_date {
        let months = (year_end.year() - admitted.year()) * 12 + year_end.month() as i32
            - admitted.month() as i32;
        if admitted > year_end || months < rules.joined_within_months.value as i32 {
            return Grading::JoinedLate;
        }
    }
    Grading::Graded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{MemberId, StatusChange};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn exempt_new_and_departed_members_are_not_graded() {
        let r = Rules::shipped();
        let mut m = Member::new("Phạm", "Văn", "Hùng");
        m.id = MemberId(1);
        m.admission_date = Some(d(2010, 5, 1));
        assert_eq!(grading(&m, 2026, &r), Grading::Graded);
        m.activity = Activity::Exempt;
        assert_eq!(grading(&m, 2026, &r), Grading::Exempt);
        // exempt from September: graded for the year, with what came before
        m.history.push(StatusChange {
            date: d(2026, 9, 1),
            from: Activity::Active,
            to: Activity::Exempt,
            reason: "sức khỏe".into(),
        });
        assert_eq!(grading(&m, 2026, &r), Grading::Graded);
        assert_eq!(grading(&m, 2027, &r), Grading::Exempt);
        let mut new = Member::new("Lê", "Thị", "Mai");
        new.admission_date = Some(d(2026, 8, 19));
        assert_eq!(grading(&new, 2026, &r), Grading::JoinedLate);
        new.admission_date = Some(d(2026, 6, 19));
        assert_eq!(grading(&new, 2026, &r), Grading::Graded);
        new.activity = Activity::Transferred;
        assert_eq!(grading(&new, 2026, &r), Grading::Left);
    }
}
