//! A payment split over the months still due: months paid or owing nothing passed
//! over, each month what is due, the last what remains.

use super::{Ledger, Month, Rates, pays_here};
use crate::domain::member::Member;

/// Why a payment cannot be split over the months asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayError {
    /// Nothing is due from the member for as many months from the first one (exempt,
    /// attached elsewhere, or already paid).
    NothingDue,
    /// The amount does not reach every month: some would get nothing.
    Short,
}

/// How many months ahead a payment may look for months still due.
const LOOK_AHEAD: u32 = 36;

impl Ledger {
    /// What is still due from the member for `month`. Before the ledger opens nothing
    /// is, except while it has no entry at all: then the first payment opens it.
    pub fn due(&self, rates: &Rates, member: &Member, month: Month) -> i64 {
        let expected = match self.opens() {
            None if pays_here(member, month) => rates.monthly(&self.basis(member.id, month)),
            None => 0,
            Some(_) => self.expected(rates, member, month),
        };
        expected - self.collected(member.id, month)
    }

    /// Splits a payment of `amount` over `count` months from `from`, each month still
    /// due in turn (months already paid or owing nothing are passed over): each gets
    /// what is due, the last one what remains (a member may pay more).
    pub fn allocate(
        &self,
        rates: &Rates,
        member: &Member,
        from: Month,
        count: u32,
        amount: i64,
    ) -> Result<Vec<(Month, i64)>, PayError> {
        let mut months = Vec::new();
        let mut m = from;
        for _ in 0..LOOK_AHEAD {
            if months.len() as u32 == count {
                break;
            }
            let due = self.due(rates, member, m);
            if due > 0 {
                months.push((m, due));
            }
            m = m.next();
        }
        if months.len() as u32 != count || count == 0 {
            return Err(PayError::NothingDue);
        }
        let mut left = amount;
        let last = months.len() - 1;
        for (i, (_, a)) in months.iter_mut().enumerate() {
            *a = if i == last { left } else { (*a).min(left) };
            left -= *a;
            if *a <= 0 {
                return Err(PayError::Short);
            }
        }
        Ok(months)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Entry;
    use super::super::testing::{at, d, member, mo};
    use super::*;
    use crate::domain::member::Activity;

    #[test]
    fn a_payment_is_split_over_the_months_still_due() {
        let rates = Rates::shipped();
        let a = member(1, d(2020, 1, 1));
        let mut l = Ledger::default();
        // an empty ledger: the fixed amount is due, and the first payment opens it
        assert_eq!(
            l.allocate(&rates, &a, mo(2026, 10), 2, 10_000),
            Ok(vec![(mo(2026, 10), 5_000), (mo(2026, 11), 5_000)])
        );
        l.record(at(
            1,
            d(2026, 10, 5),
            Entry::Payment {
                member: a.id,
                months: vec![(mo(2026, 10), 5_000)],
            },
        ))
        .unwrap();
        // October is paid: three months from October are November to January
        assert_eq!(
            l.allocate(&rates, &a, mo(2026, 10), 3, 20_000),
            Ok(vec![
                (mo(2026, 11), 5_000),
                (mo(2026, 12), 5_000),
                (mo(2027, 1), 10_000)
            ])
        );
        assert_eq!(
            l.allocate(&rates, &a, mo(2026, 11), 3, 10_000),
            Err(PayError::Short)
        );
        // before the ledger opens nothing is due
        assert_eq!(
            l.allocate(&rates, &a, mo(2025, 1), 1, 5_000),
            Ok(vec![(mo(2026, 11), 5_000)])
        );
        let mut away = a.clone();
        away.activity = Activity::TemporaryOut;
        assert_eq!(
            l.allocate(&rates, &away, mo(2026, 11), 1, 5_000),
            Err(PayError::NothingDue)
        );
    }
}
