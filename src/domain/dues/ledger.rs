//! The ledger of dues: dated entries that only grow (a correction is a new entry,
//! never an edit), each member's basis, what they are expected to pay, what was
//! collected and the months they owe.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Basis, DatedEntry, DuesError, Entry, Month, Rates, pays_here, validate};
use crate::domain::member::{Member, MemberId};

/// The whole ledger, oldest entry first; entries are only ever added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    entries: Vec<DatedEntry>,
    /// The places in `entries` of each member's entries, oldest first: a member's
    /// months are reckoned from their own entries, not the whole branch's.
    by_member: HashMap<MemberId, Vec<usize>>,
    /// The month the ledger opens (see `opens`), kept as entries are added.
    opens: Option<Month>,
}

/// The member an entry is about (none: the share sent up).
fn member_of(e: &Entry) -> Option<MemberId> {
    match e {
        Entry::Basis { member, .. }
        | Entry::Payment { member, .. }
        | Entry::Correction { member, .. } => Some(*member),
        Entry::Sent { .. } => None,
    }
}

/// The earliest month an entry is dated in or names.
fn first_month(e: &DatedEntry) -> Month {
    let named = match &e.entry {
        Entry::Basis { from, .. } => Some(*from),
        Entry::Payment { months, .. } => months.iter().map(|(m, _)| *m).min(),
        Entry::Correction { month, .. } | Entry::Sent { month, .. } => Some(*month),
    };
    named.map_or(Month::of(e.date), |m| m.min(Month::of(e.date)))
}

impl Ledger {
    /// The ledger of stored entries, put in order of date and then id.
    pub fn from_entries(mut entries: Vec<DatedEntry>) -> Ledger {
        entries.sort_by_key(|e| (e.date, e.id));
        let mut ledger = Ledger::default();
        for e in entries {
            ledger.push(e);
        }
        ledger
    }

    fn push(&mut self, e: DatedEntry) {
        let first = first_month(&e);
        self.opens = Some(self.opens.map_or(first, |o| o.min(first)));
        if let Some(m) = member_of(&e.entry) {
            self.by_member
                .entry(m)
                .or_default()
                .push(self.entries.len());
        }
        self.entries.push(e);
    }

    pub fn entries(&self) -> &[DatedEntry] {
        &self.entries
    }

    /// The member's entries, oldest first.
    fn of(&self, member: MemberId) -> impl Iterator<Item = &DatedEntry> {
        self.by_member
            .get(&member)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i))
    }

    /// Adds an entry at the end: checked, and dated no earlier than the last one.
    pub fn record(&mut self, entry: DatedEntry) -> Result<(), DuesError> {
        validate(&entry.entry)?;
        if self.entries.last().is_some_and(|l| l.date > entry.date) {
            return Err(DuesError::OutOfOrder);
        }
        self.push(entry);
        Ok(())
    }

    /// The member's basis in force in `month`: the last one set from that month or
    /// before; `Other` when none was.
    pub fn basis(&self, member: MemberId, month: Month) -> Basis {
        let mut found: Option<(Month, &Basis)> = None;
        for e in self.of(member) {
            if let Entry::Basis { from, basis, .. } = &e.entry
                && *from <= month
                && found.is_none_or(|(f, _)| *from >= f)
            {
                found = Some((*from, basis));
            }
        }
        found.map_or(Basis::Other, |(_, b)| b.clone())
    }

    /// The month the ledger opens: the earliest month any entry is dated in or names
    /// (a basis set from January opens it in January). Nothing is expected before it,
    /// so data kept before the ledger shows no arrears.
    pub fn opens(&self) -> Option<Month> {
        self.opens
    }

    /// What the member is to pay for `month`: nothing before the ledger opens or the
    /// member was admitted, nor while attached elsewhere (dues are paid where one
    /// attends) or off the roster.
    pub fn expected(&self, rates: &Rates, member: &Member, month: Month) -> i64 {
        if !pays_here(member, month) || self.opens().is_none_or(|o| month < o) {
            return 0;
        }
        rates.monthly(&self.basis(member.id, month))
    }

    /// What was collected from the member for `month`: payments and corrections.
    pub fn collected(&self, member: MemberId, month: Month) -> i64 {
        self.of(member)
            .map(|e| match &e.entry {
                Entry::Payment { months, .. } => months
                    .iter()
                    .filter(|(x, _)| *x == month)
                    .map(|(_, a)| *a)
                    .sum(),
                Entry::Correction {
                    month: x, amount, ..
                } if *x == month => *amount,
                _ => 0,
            })
            .sum()
    }

    /// Months of `year` up to `through` in which the member paid less than expected.
    pub fn unpaid_months(&self, rates: &Rates, member: &Member, year: i32, through: Month) -> u32 {
        Month::of_year(year)
            .filter(|m| *m <= through)
            .filter(|m| self.collected(member.id, *m) < self.expected(rates, member, *m))
            .count() as u32
    }

    /// Months of `year` that have ended by `today` (a past year: all twelve) in which
    /// the member paid less than expected: what the striking-off consideration counts.
    pub fn unpaid_months_as_of(
        &self,
        rates: &Rates,
        member: &Member,
        year: i32,
        today: NaiveDate,
    ) -> u32 {
        let this = Month::of(today);
        if year > this.year || (year == this.year && this.month == 1) {
            return 0;
        }
        let through = if year < this.year {
            Month { year, month: 12 }
        } else {
            Month {
                year,
                month: this.month - 1,
            }
        };
        self.unpaid_months(rates, member, year, through)
    }

    /// The months the member owes (arrears), oldest first, up to `through`, each with
    /// what is still due: what a payment of arrears proposes.
    pub fn owed(&self, rates: &Rates, member: &Member, through: Month) -> Vec<(Month, i64)> {
        let Some(opens) = self.opens() else {
            return Vec::new();
        };
        let from = member
            .admission_date
            .map_or(opens, |d| Month::of(d).max(opens));
        let mut out = Vec::new();
        let mut m = from;
        while m <= through {
            let due = self.expected(rates, member, m) - self.collected(member.id, m);
            if due > 0 {
                out.push((m, due));
            }
            m = m.next();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, d, member, mo};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bad_entries_are_refused_and_change_nothing() {
        let mut l = Ledger::default();
        let m = MemberId(1);
        let bad = [
            Entry::Payment {
                member: m,
                months: vec![],
            },
            Entry::Payment {
                member: m,
                months: vec![(mo(2026, 1), 0)],
            },
            Entry::Payment {
                member: m,
                months: vec![(mo(2026, 1), 5), (mo(2026, 1), 5)],
            },
            Entry::Correction {
                member: m,
                month: mo(2026, 1),
                amount: 5,
                reason: " ".into(),
            },
            Entry::Basis {
                member: m,
                from: mo(2026, 1),
                basis: Basis::Salary(-1),
            },
        ];
        for e in bad {
            assert!(l.record(at(1, d(2026, 1, 1), e.clone())).is_err(), "{e:?}");
        }
        assert!(l.entries().is_empty());
        l.record(at(
            2,
            d(2026, 2, 1),
            Entry::Sent {
                month: mo(2026, 1),
                amount: 1,
            },
        ))
        .unwrap();
        assert_eq!(
            l.record(at(
                3,
                d(2026, 1, 1),
                Entry::Sent {
                    month: mo(2026, 1),
                    amount: 1
                }
            )),
            Err(DuesError::OutOfOrder)
        );
        assert_eq!(l.entries().len(), 1);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Basis(u64, u32, i64),
        Pay(u64, Vec<(u32, i64)>),
        Correct(u64, u32, i64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (1..4u64, 1..13u32, 0..20_000_000i64).prop_map(|(m, mo, s)| Op::Basis(m, mo, s)),
            (
                1..4u64,
                prop::collection::btree_map(1..13u32, 1..200_000i64, 1..5)
            )
                .prop_map(|(m, ms)| Op::Pay(m, ms.into_iter().collect())),
            (1..4u64, 1..13u32, -100_000..100_000i64).prop_map(|(m, mo, a)| Op::Correct(m, mo, a)),
        ]
    }

    proptest! {
        #[test]
        fn totals_reconcile_and_corrections_never_change_an_earlier_entry(ops in prop::collection::vec(op(), 0..40)) {
            let rates = Rates::shipped();
            let members: Vec<Member> = (1..4).map(|i| member(i, d(2025, 6, 1))).collect();
            let mut l = Ledger::default();
            // what was paid into each member's month, added up apart from the ledger
            let mut paid = std::collections::BTreeMap::<(u64, u32), i64>::new();
            for (i, op) in ops.iter().enumerate() {
                let date = d(2026, 1, 1) + chrono::Days::new(i as u64);
                let entry = match op {
                    Op::Basis(m, month, s) => Entry::Basis { member: MemberId(*m), from: mo(2026, *month), basis: Basis::Salary(*s) },
                    Op::Pay(m, ms) => Entry::Payment { member: MemberId(*m), months: ms.iter().map(|(x, a)| (mo(2026, *x), *a)).collect() },
                    Op::Correct(m, month, a) => Entry::Correction { member: MemberId(*m), month: mo(2026, *month), amount: *a, reason: "sửa".into() },
                };
                let before = l.entries().to_vec();
                let accepted = l.record(DatedEntry { id: i as u64, date, entry }).is_ok();
                prop_assert_eq!(&l.entries()[..before.len()], &before[..], "an earlier entry changed");
                prop_assert_eq!(l.entries().len(), before.len() + usize::from(accepted));
                if accepted {
                    match op {
                        Op::Pay(m, ms) => for (x, a) in ms { *paid.entry((*m, *x)).or_default() += a },
                        Op::Correct(m, x, a) => *paid.entry((*m, *x)).or_default() += a,
                        Op::Basis(..) => {}
                    }
                }
            }
            for month in Month::of_year(2026) {
                let ml = l.month(&rates, &members, month);
                let open = l.opens().is_some_and(|o| o <= month);
                prop_assert_eq!(ml.rows.len(), if open { 3 } else { 0 });
                for r in &ml.rows {
                    prop_assert_eq!(r.expected - r.collected, r.arrears);
                    prop_assert_eq!(r.collected, paid.get(&(r.member.0, month.month)).copied().unwrap_or(0));
                    let due = if open { rates.monthly(&l.basis(r.member, month)) } else { 0 };
                    prop_assert_eq!(r.expected, due);
                }
                prop_assert_eq!(ml.expected - ml.collected, ml.arrears);
                prop_assert_eq!(ml.collected, ml.rows.iter().map(|r| r.collected).sum::<i64>());
                prop_assert_eq!(ml.branch_share + ml.upper_share, ml.collected);
            }
        }
    }
}
