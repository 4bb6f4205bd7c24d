//! A month's ledger: each member's expected amount, what was collected and the arrears,
//! the share the branch keeps and the share sent to the upper level, with the date
//! sent; and the months of a year, for its report.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Basis, Entry, Ledger, Month, Rates, pays_here};
use crate::domain::member::{Member, MemberId};

/// One member's line of a month's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberDues {
    pub member: MemberId,
    pub name: String,
    pub basis: Basis,
    pub expected: i64,
    pub collected: i64,
    /// `expected − collected`: negative when more was paid than due.
    pub arrears: i64,
}

/// A month's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthLedger {
    pub month: Month,
    pub rows: Vec<MemberDues>,
    pub expected: i64,
    pub collected: i64,
    pub arrears: i64,
    pub branch_share: i64,
    pub upper_share: i64,
    pub sent_amount: i64,
    pub sent_on: Option<NaiveDate>,
}

/// Sums by month of a year, for the year's report.
pub fn year(ledger: &Ledger, rates: &Rates, members: &[Member], year: i32) -> Vec<MonthLedger> {
    Month::of_year(year)
        .map(|m| ledger.month(rates, members, m))
        .collect()
}

impl Ledger {
    /// The month's ledger for `members` (in the order given).
    pub fn month(&self, rates: &Rates, members: &[Member], month: Month) -> MonthLedger {
        let rows: Vec<MemberDues> = members
            .iter()
            .filter(|m| pays_here(m, month) || self.collected(m.id, month) != 0)
            .filter(|m| {
                self.opens().is_some_and(|o| month >= o) || self.collected(m.id, month) != 0
            })
            .map(|m| {
                let expected = self.expected(rates, m, month);
                let collected = self.collected(m.id, month);
                MemberDues {
                    member: m.id,
                    name: m.full_name(),
                    basis: self.basis(m.id, month),
                    expected,
                    collected,
                    arrears: expected - collected,
                }
            })
            .collect();
        let collected: i64 = rows.iter().map(|r| r.collected).sum();
        let branch_share = rates.branch_share(collected);
        let sent: Vec<(NaiveDate, i64)> = self
            .entries()
            .iter()
            .filter_map(|e| match e.entry {
                Entry::Sent { month: m, amount } if m == month => Some((e.date, amount)),
                _ => None,
            })
            .collect();
        MonthLedger {
            month,
            expected: rows.iter().map(|r| r.expected).sum(),
            collected,
            arrears: rows.iter().map(|r| r.arrears).sum(),
            branch_share,
            upper_share: collected - branch_share,
            sent_amount: sent.iter().map(|(_, a)| a).sum(),
            sent_on: sent.last().map(|(d, _)| *d),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Basis;
    use super::super::testing::{at, d, member, mo};
    use super::*;

    #[test]
    fn a_payment_of_several_months_a_correction_and_the_share_sent() {
        let rates = Rates::shipped();
        let a = member(1, d(2020, 1, 1));
        let b = member(2, d(2026, 11, 15));
        let mut l = Ledger::default();
        l.record(at(
            10,
            d(2026, 10, 5),
            Entry::Basis {
                member: a.id,
                from: mo(2026, 1),
                basis: Basis::Salary(8_000_000),
            },
        ))
        .unwrap();
        // A pays October, November and December at once
        l.record(at(
            11,
            d(2026, 10, 5),
            Entry::Payment {
                member: a.id,
                months: vec![
                    (mo(2026, 10), 80_000),
                    (mo(2026, 11), 80_000),
                    (mo(2026, 12), 80_000),
                ],
            },
        ))
        .unwrap();
        // November's was counted wrong: a new entry, the payment stays as it was
        let before = l.entries().to_vec();
        l.record(at(
            12,
            d(2026, 11, 5),
            Entry::Correction {
                member: a.id,
                month: mo(2026, 11),
                amount: -30_000,
                reason: "ghi nhầm".into(),
            },
        ))
        .unwrap();
        assert_eq!(&l.entries()[..2], &before[..]);
        l.record(at(
            13,
            d(2026, 11, 10),
            Entry::Sent {
                month: mo(2026, 10),
                amount: 56_000,
            },
        ))
        .unwrap();
        let oct = l.month(&rates, &[a.clone(), b.clone()], mo(2026, 10));
        assert_eq!(oct.rows.len(), 1, "B was admitted later");
        assert_eq!(
            (oct.expected, oct.collected, oct.arrears),
            (80_000, 80_000, 0)
        );
        assert_eq!((oct.branch_share, oct.upper_share), (24_000, 56_000));
        assert_eq!(
            (oct.sent_amount, oct.sent_on),
            (56_000, Some(d(2026, 11, 10)))
        );
        let nov = l.month(&rates, &[a.clone(), b.clone()], mo(2026, 11));
        assert_eq!(nov.rows[0].arrears, 30_000);
        assert_eq!(nov.rows[1].arrears, 5_000, "B pays the fixed amount");
        // the ledger opens in January, with A's basis: nothing is owed before it
        assert_eq!(l.opens(), Some(mo(2026, 1)));
        assert_eq!(
            l.owed(&rates, &a, mo(2026, 12)).first(),
            Some(&(mo(2026, 1), 80_000))
        );
        assert_eq!(l.owed(&rates, &a, mo(2026, 12)).len(), 10);
        assert_eq!(
            l.month(&rates, std::slice::from_ref(&a), mo(2025, 12))
                .rows
                .len(),
            0
        );
        assert_eq!(l.unpaid_months(&rates, &a, 2026, mo(2026, 12)), 10);
        assert_eq!(l.unpaid_months(&rates, &b, 2026, mo(2026, 12)), 2);
    }
}
