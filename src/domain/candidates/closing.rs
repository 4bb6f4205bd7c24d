//! A candidate who stops is closed with the day and the reason: kept, never deleted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Candidate, CandidateError};
use crate::domain::text;

/// Why a candidate stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    pub date: NaiveDate,
    pub reason: String,
}

impl Candidate {
    /// Closes the candidate with a reason: kept, never deleted.
    pub fn close(
        &mut self,
        date: NaiveDate,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), CandidateError> {
        if !self.is_open() {
            return Err(CandidateError::Finished);
        }
        if date > today {
            return Err(CandidateError::InFuture);
        }
        if date < self.stage_began() {
            return Err(CandidateError::BeforeStage);
        }
        let reason = text::clean(reason);
        if reason.is_empty() {
            return Err(CandidateError::NoReason);
        }
        self.closed = Some(Closed { date, reason });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::d;
    use super::super::{Rules, Step};
    use super::*;

    #[test]
    fn closing_needs_a_reason_and_ends_the_way() {
        let r = Rules::shipped();
        let today = d(2026, 12, 2);
        let mut c = Candidate::new("Đỗ", "", "Minh", d(2026, 3, 1));
        assert_eq!(c.close(today, " ", today), Err(CandidateError::NoReason));
        assert!(c.closed.is_none());
        c.close(today, "Xin thôi", today).unwrap();
        assert_eq!(c.next_step(&r), None);
        assert_eq!(
            c.record(Step::Class, today, "x", today, &r),
            Err(CandidateError::Finished)
        );
        assert_eq!(
            c.close(today, "again", today),
            Err(CandidateError::Finished)
        );
    }
}
