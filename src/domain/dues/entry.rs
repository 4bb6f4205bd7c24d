//! One entry of the dues ledger — a basis set, a payment, a correction, the share sent
//! up — dated, and checked alone before it is added.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Basis, Month};
use crate::domain::member::MemberId;

/// One entry of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// The member's basis from `from` on.
    Basis {
        member: MemberId,
        from: Month,
        basis: Basis,
    },
    /// A payment, for one or several months (paid ahead or arrears): each month's part.
    Payment {
        member: MemberId,
        months: Vec<(Month, i64)>,
    },
    /// A correction of what was collected for a member's month (`amount` may be
    /// negative), with why.
    Correction {
        member: MemberId,
        month: Month,
        amount: i64,
        reason: String,
    },
    /// The upper level's share of a month sent.
    Sent { month: Month, amount: i64 },
}

/// A dated entry with its place in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedEntry {
    pub id: u64,
    pub date: NaiveDate,
    #[serde(flatten)]
    pub entry: Entry,
}

/// Why an entry is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DuesError {
    #[error("a payment names at least one month")]
    NoMonth,
    #[error("the month {0} is named twice in one payment")]
    MonthTwice(Month),
    #[error("an amount paid is more than 0")]
    NotPositive,
    #[error("a correction changes the amount by something, with a reason")]
    EmptyCorrection,
    #[error("an amount is not negative")]
    Negative,
    #[error("the entry's date is before the ledger's last entry")]
    OutOfOrder,
}

/// Checks one entry alone.
pub fn validate(entry: &Entry) -> Result<(), DuesError> {
    match entry {
        Entry::Basis { basis, .. } => match basis {
            Basis::Salary(a) | Basis::Pension(a) | Basis::Fixed(a) if *a < 0 => {
                Err(DuesError::Negative)
            }
            _ => Ok(()),
        },
        Entry::Payment { months, .. } => {
            if months.is_empty() {
                return Err(DuesError::NoMonth);
            }
            for (i, (m, a)) in months.iter().enumerate() {
                if *a <= 0 {
                    return Err(DuesError::NotPositive);
                }
                if months[..i].iter().any(|(x, _)| x == m) {
                    return Err(DuesError::MonthTwice(*m));
                }
            }
            Ok(())
        }
        Entry::Correction { amount, reason, .. } => {
            if *amount == 0 || reason.trim().is_empty() {
                Err(DuesError::EmptyCorrection)
            } else {
                Ok(())
            }
        }
        Entry::Sent { amount, .. } if *amount < 0 => Err(DuesError::Negative),
        Entry::Sent { .. } => Ok(()),
    }
}
