//! What needs the secretary's eye on a candidate on the way: a time limit announced
//! ahead or run out, an age outside the rules'.

use chrono::{Datelike, NaiveDate};

use super::{Candidate, Rules, Step};
use crate::domain::calendar::WorkCalendar;

/// What needs the secretary's eye on a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// `step` is due by `due`; `overdue` once that day has passed.
    Limit {
        step: Step,
        due: NaiveDate,
        overdue: bool,
    },
    /// The age (today, or at the ceremony) is outside the rules': an exception is
    /// needed.
    Age(u32),
}

/// Whole years from `born` to `on`.
pub fn age(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

impl Candidate {
    /// The time limits that apply now (announced `warn_days` ahead, or run out) and
    /// an age outside the rules', for a candidate on the way.
    pub fn warnings(&self, today: NaiveDate, rules: &Rules, cal: &WorkCalendar) -> Vec<Warning> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        for l in &rules.limits {
            let Some(after) = self.taken(l.after) else {
                continue;
            };
            if self.done(l.step) {
                continue;
            }
            let due = l.span.end(after.date, cal);
            if (due - today).num_days() <= i64::from(rules.warn_days) {
                out.push(Warning::Limit {
                    step: l.step,
                    due,
                    overdue: today > due,
                });
            }
        }
        if let Some(born) = self.birth_date {
            let a = age(born, today);
            if a < rules.min_age || a > rules.max_age {
                out.push(Warning::Age(a));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{d, walk};
    use super::*;

    #[test]
    fn limits_are_announced_ahead_and_run_out() {
        let r = Rules::shipped();
        let cal = WorkCalendar::vietnam();
        let mut c = Candidate::new("Phạm", "", "Lan", d(2026, 1, 1));
        let decided = walk(&mut c, &r, Step::Decision, d(2026, 1, 5));
        let due = cal.add_working_days(decided, 30);
        assert!(c.warnings(decided, &r, &cal).is_empty(), "far away");
        let near = due - chrono::Duration::days(7);
        assert_eq!(
            c.warnings(near, &r, &cal),
            vec![Warning::Limit {
                step: Step::Ceremony,
                due,
                overdue: false
            }]
        );
        let late = due + chrono::Duration::days(1);
        assert_eq!(
            c.warnings(late, &r, &cal),
            vec![Warning::Limit {
                step: Step::Ceremony,
                due,
                overdue: true
            }]
        );
        // closed: no more warnings
        c.close(late, "Chuyển nơi cư trú", late).unwrap();
        assert!(c.warnings(late, &r, &cal).is_empty());
    }

    #[test]
    fn an_age_outside_the_rules_is_warned() {
        let r = Rules::shipped();
        let cal = WorkCalendar::vietnam();
        let mut c = Candidate::new("Võ", "", "An", d(2026, 1, 1));
        c.birth_date = Some(d(2009, 6, 1));
        assert_eq!(c.warnings(d(2026, 5, 31), &r, &cal), vec![Warning::Age(16)]);
        c.birth_date = Some(d(1990, 6, 1));
        assert!(c.warnings(d(2026, 5, 31), &r, &cal).is_empty());
        assert_eq!(age(d(2000, 2, 29), d(2018, 2, 28)), 17);
    }
}
