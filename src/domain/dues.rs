//! Party dues (đảng phí): each member's monthly amount from the income basis and the
//! rates of `dues.toml`, or a fixed amount, or exempt by the branch's decision; a
//! ledger of dated entries that only grows (a correction is a new entry, never an
//! edit); and each month's ledger — expected, collected, arrears per member, the
//! share the branch keeps and the share sent to the upper level, with the date sent.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::member::{Activity, Member, MemberId};
pub use super::month::Month;

pub const DEFAULT_RULES: &str = include_str!("dues.toml");

/// Months of a calendar year with dues unpaid that call for considering striking off,
/// like unexcused absences (Điều lệ Đảng: "3 tháng trong năm").
pub const UNPAID_FLAG_MONTHS: u32 = 3;

/// The rates: `dues.toml`, the shipped file with the user's values over it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rates {
    pub salary_percent: f64,
    pub pension_percent: f64,
    /// Đồng a month.
    pub other_amount: i64,
    pub branch_keeps_percent: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserRates {
    salary_percent: Option<toml::Spanned<f64>>,
    pension_percent: Option<toml::Spanned<f64>>,
    other_amount: Option<toml::Spanned<i64>>,
    branch_keeps_percent: Option<toml::Spanned<f64>>,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates::shipped()
    }
}

impl Rates {
    /// The shipped rates (tested to parse).
    pub fn shipped() -> Rates {
        toml::from_str(DEFAULT_RULES).unwrap_or(Rates {
            salary_percent: 1.0,
            pension_percent: 0.5,
            other_amount: 5000,
            branch_keeps_percent: 30.0,
        })
    }

    /// The shipped rates with the values a user's file names.
    pub fn with_user(text: &str) -> Result<Rates, String> {
        let user: UserRates = toml::from_str(text).map_err(|e| e.to_string())?;
        // a refused value is told with its place, as TOML tells its own errors
        let at = |start: usize, what: String| {
            let (line, column) = super::text::line_col(text, start);
            format!("TOML parse error at line {line}, column {column}\n{what}")
        };
        let mut r = Rates::shipped();
        for (name, value, field) in [
            (
                "salary_percent",
                &user.salary_percent,
                &mut r.salary_percent,
            ),
            (
                "pension_percent",
                &user.pension_percent,
                &mut r.pension_percent,
            ),
            (
                "branch_keeps_percent",
                &user.branch_keeps_percent,
                &mut r.branch_keeps_percent,
            ),
        ] {
            if let Some(p) = value {
                if !(0.0..=100.0).contains(p.get_ref()) {
                    let what = format!(
                        "{name} = {}: a percentage is between 0 and 100",
                        p.get_ref()
                    );
                    return Err(at(p.span().start, what));
                }
                *field = *p.get_ref();
            }
        }
        if let Some(a) = &user.other_amount {
            if *a.get_ref() < 0 {
                let what = format!("other_amount = {}: an amount is not negative", a.get_ref());
                return Err(at(a.span().start, what));
            }
            r.other_amount = *a.get_ref();
        }
        Ok(r)
    }

    /// What `basis` comes to in a month, in whole đồng (half up).
    pub fn monthly(&self, basis: &Basis) -> i64 {
        match basis {
            Basis::Salary(income) => share(*income, self.salary_percent),
            Basis::Pension(income) => share(*income, self.pension_percent),
            Basis::Other => self.other_amount,
            Basis::Fixed(amount) => *amount,
            Basis::Exempt(_) => 0,
        }
    }

    /// The part of `collected` the branch keeps; the rest goes up, so the two always
    /// add up to what was collected.
    pub fn branch_share(&self, collected: i64) -> i64 {
        share(collected, self.branch_keeps_percent)
    }
}

/// `percent` of `amount`, rounded half up to a whole đồng, computed in hundredths of a
/// percent so the result does not depend on floating point.
fn share(amount: i64, percent: f64) -> i64 {
    let bp = (percent * 100.0).round() as i128;
    ((amount as i128 * bp * 2 + 10_000) / 20_000) as i64
}

/// What a member's dues are reckoned from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A monthly salary (đồng): the salary rate.
    Salary(i64),
    /// A monthly pension (đồng): the pension rate.
    Pension(i64),
    /// Neither: the fixed amount of the rules. Every member's basis until one is set.
    Other,
    /// A fixed monthly amount the branch agreed.
    Fixed(i64),
    /// Exempt or suspended by the branch's decision (hardship), with the reason.
    Exempt(String),
}

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
            .entries
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

/// An amount in đồng as written in Vietnamese: "85.000".
pub fn format_amount(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if amount < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount typed in đồng: digits, grouped by dots, commas or spaces ("85.000"), with
/// an optional "đ" after; a sign when `signed`.
pub fn parse_amount(text: &str, signed: bool) -> Option<i64> {
    let t = text.trim().trim_end_matches(['đ', 'd']).trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) if signed => (true, rest),
        _ => (false, t.strip_prefix('+').filter(|_| signed).unwrap_or(t)),
    };
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if neg { -n } else { n })
}

/// Whether the member pays dues to this branch in `month`.
pub fn pays_here(member: &Member, month: Month) -> bool {
    matches!(
        member.activity,
        Activity::Active | Activity::TemporaryIn | Activity::Exempt
    ) && member.admission_date.is_none_or(|d| d <= month.last_day())
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn mo(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    fn member(id: u64, admitted: NaiveDate) -> Member {
        let mut m = Member::new("Nguyễn", "Văn", &format!("A{id}"));
        m.id = MemberId(id);
        m.admission_date = Some(admitted);
        m
    }

    fn at(id: u64, date: NaiveDate, entry: Entry) -> DatedEntry {
        DatedEntry { id, date, entry }
    }

    #[test]
    fn the_shipped_rates_are_those_of_the_rules() {
        let r = Rates::shipped();
        assert_eq!(r.monthly(&Basis::Salary(8_500_000)), 85_000);
        assert_eq!(r.monthly(&Basis::Pension(6_000_000)), 30_000);
        assert_eq!(r.monthly(&Basis::Other), 5_000);
        assert_eq!(r.monthly(&Basis::Fixed(20_000)), 20_000);
        assert_eq!(r.monthly(&Basis::Exempt("ốm dài ngày".into())), 0);
        // the two shares always add up to what was collected
        assert_eq!(r.branch_share(100_001), 30_000);
        assert_eq!(r.branch_share(5_000), 1_500);
    }

    #[test]
    fn a_user_file_overrides_only_what_it_names_and_bad_values_are_refused() {
        let r = Rates::with_user("branch_keeps_percent = 50\nother_amount = 2000\n").unwrap();
        assert_eq!(r.branch_keeps_percent, 50.0);
        assert_eq!(r.other_amount, 2000);
        assert_eq!(r.salary_percent, 1.0);
        assert!(
            Rates::with_user("salary_percent = 120")
                .unwrap_err()
                .contains("between 0 and 100")
        );
        assert!(Rates::with_user("other_amount = -1").is_err());
        assert!(
            Rates::with_user("salary = 1").is_err(),
            "an unknown key is refused"
        );
    }

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

    #[test]
    fn amounts_are_written_and_read_with_dots() {
        assert_eq!(format_amount(85_000), "85.000");
        assert_eq!(format_amount(1_234_567), "1.234.567");
        assert_eq!(format_amount(500), "500");
        assert_eq!(format_amount(-30_000), "-30.000");
        assert_eq!(parse_amount("85.000", false), Some(85_000));
        assert_eq!(parse_amount(" 85,000 đ", false), Some(85_000));
        assert_eq!(parse_amount("-30.000", true), Some(-30_000));
        for bad in ["", "-5", "abc", "5k", "1.2e5"] {
            assert_eq!(parse_amount(bad, false), None, "{bad}");
        }
        assert_eq!(Month::parse_loose("12/2026"), Some(mo(2026, 12)));
        assert_eq!(Month::parse_loose("3/2026"), Some(mo(2026, 3)));
        assert_eq!(Month::parse_loose("2026-03"), Some(mo(2026, 3)));
        assert_eq!(Month::parse_loose("13/2026"), None);
        assert_eq!(mo(2026, 1).prev(), mo(2025, 12));
        assert_eq!(mo(2026, 3).label(), "03/2026");
    }

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
