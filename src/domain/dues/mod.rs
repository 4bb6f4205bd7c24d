//! Party dues (đảng phí): each member's monthly amount from the income basis and the
//! rates of `dues.toml`, or a fixed amount, or exempt by the branch's decision; a
//! ledger of dated entries that only grows (a correction is a new entry, never an
//! edit); and each month's ledger — expected, collected, arrears per member, the
//! share the branch keeps and the share sent to the upper level, with the date sent.
//!
//! `rates` reckons a month's amount, `entry` is one line of the ledger and its checks,
//! `ledger` the ledger itself and a member's months, `payment` splits a payment over the
//! months still due, `month_ledger` sums a month, `amount` writes and reads đồng.

mod amount;
mod entry;
mod ledger;
mod month_ledger;
mod payment;
mod rates;

pub use super::month::Month;
pub use amount::{format_amount, parse_amount};
pub use entry::{DatedEntry, DuesError, Entry, validate};
pub use ledger::Ledger;
pub use month_ledger::{MemberDues, MonthLedger, year};
pub use payment::PayError;
pub use rates::{Basis, Rates};

use super::member::{Activity, Member};

pub const DEFAULT_RULES: &str = include_str!("dues.toml");

/// Months of a calendar year with dues unpaid that call for considering striking off,
/// like unexcused absences (Điều lệ Đảng: "3 tháng trong năm").
pub const UNPAID_FLAG_MONTHS: u32 = 3;

/// Whether the member pays dues to this branch in `month`.
pub fn pays_here(member: &Member, month: Month) -> bool {
    matches!(
        member.activity,
        Activity::Active | Activity::TemporaryIn | Activity::Exempt
    ) && member.admission_date.is_none_or(|d| d <= month.last_day())
}

#[cfg(test)]
mod testing {
    use chrono::NaiveDate;

    use super::{DatedEntry, Entry, Month};
    use crate::domain::member::{Member, MemberId};

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub fn mo(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    pub fn member(id: u64, admitted: NaiveDate) -> Member {
        let mut m = Member::new("Nguyễn", "Văn", &format!("A{id}"));
        m.id = MemberId(id);
        m.admission_date = Some(admitted);
        m
    }

    pub fn at(id: u64, date: NaiveDate, entry: Entry) -> DatedEntry {
        DatedEntry { id, date, entry }
    }
}
