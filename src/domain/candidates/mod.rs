//! Candidates for membership (quần chúng ưu tú, DOMAIN.md §Candidates): the person
//! (only what the procedure needs), the steps taken with their date and proof, the
//! next step, how long the stage has waited and the time limits that apply. The steps
//! and limits are data (`candidates.toml`: the shipped file with the user's values
//! over it). A candidate who stops is closed with a reason, never deleted.
//!
//! `step` names the steps, `rules` reads their order and limits, `candidate` is the
//! record and the steps it takes, `warnings` the limits and ages that need an eye,
//! `closing` ends the way with a reason, `vote` finds the branch's vote in the minutes.

mod candidate;
mod closing;
mod rules;
mod step;
mod vote;
mod warnings;

pub use candidate::{Candidate, CandidateError, CandidateId, Done};
pub use closing::Closed;
pub use rules::{Limit, Rules, Span};
pub use step::Step;
pub use vote::admission_vote;
pub use warnings::{Warning, age};

/// The shipped steps and limits.
pub const DEFAULT_RULES: &str = include_str!("candidates.toml");

#[cfg(test)]
mod testing {
    use chrono::NaiveDate;

    use super::{Candidate, Rules, Step};

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub fn walk(c: &mut Candidate, rules: &Rules, until: Step, start: NaiveDate) -> NaiveDate {
        let mut day = start;
        for s in rules.steps.clone() {
            c.record(s, day, &format!("{} proof", s.key()), d(2030, 1, 1), rules)
                .unwrap();
            if s == until {
                break;
            }
            day += chrono::Duration::days(10);
        }
        day
    }
}
