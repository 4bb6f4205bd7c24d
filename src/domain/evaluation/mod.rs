//! Grading members at the year-end review (đánh giá, xếp loại, DOMAIN.md §The year):
//! the rules as data (`evaluation.toml`: the shipped file with the user's values over
//! it, each rule remembering the file and line it came from), a proposal from the
//! year's evidence, and the checks that warn when a grade breaks a rule.
//!
//! `rules` reads the rules and says where each came from, `eligibility` who is graded,
//! `proposal` the grade the evidence allows, `check` the warnings and the tally.

mod check;
mod eligibility;
mod proposal;
mod rules;

use serde::{Deserialize, Serialize};

pub use check::{Warning, check, tally};
pub use eligibility::{Grading, grading};
pub use proposal::{Evidence, Proposal, Reason, propose};
pub use rules::{Rule, RuleFile, RuleName, Rules, RulesError};

pub const DEFAULT_RULES: &str = include_str!("evaluation.toml");

/// The four grades, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Done,
    /// Không hoàn thành nhiệm vụ.
    NotDone,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Done, Grade::NotDone];
}

#[cfg(test)]
mod testing {
    use super::{DEFAULT_RULES, Evidence};

    /// A member who attended everything and did every task on time.
    pub fn all_done(points: u32, tasks: u32, exceeded: u32) -> Evidence {
        Evidence {
            points: Some(points),
            attendance_percent: Some(100),
            assigned: tasks,
            on_time: tasks,
            exceeded,
            ..Evidence::default()
        }
    }

    /// The line of `key` in the shipped rules.
    pub fn line_in_shipped(key: &str) -> usize {
        DEFAULT_RULES
            .lines()
            .position(|l| l.starts_with(key))
            .unwrap()
            + 1
    }
}
