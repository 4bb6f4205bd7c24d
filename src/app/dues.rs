//! The dues screen: a month's roll of the members who pay here — amount due, paid,
//! months still unpaid — with the month's totals and the branch's share; payments
//! (one month or several, ahead or in arrears), each member's basis, corrections and
//! the share sent up, entered from the keyboard. Every entry is a new dated line of
//! the ledger: nothing is ever edited. Saving the forms is in `save`.

mod save;

use std::borrow::Cow;

use chrono::NaiveDate;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{Action, App, Ctx, Outcome};
use crate::domain::dues::{
    Basis, Ledger, Month, MonthLedger, PayError, Rates, format_amount, parse_amount, pays_here,
};
use crate::domain::member::{Member, MemberId};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

/// The most months one payment covers.
pub const MAX_MONTHS: u32 = 24;

#[derive(Debug, Default)]
pub struct Dues {
    /// The ledger as stored: replaced by each reload, never changed in place.
    ledger: Ledger,
    /// Counts the reloads of the ledger, so the roll knows when it is stale.
    version: u64,
    pub rates: Rates,
    /// The month shown; this month until another is chosen.
    pub month: Option<Month>,
    pub cursor: super::list::Cursor,
    /// The roll of the month shown, computed once per change of the ledger, the
    /// roster, the rates or the month, not once per frame or key: brought up to date by
    /// `Dues::refresh`, before each frame and after each key of the screen.
    cache: (Option<ViewKey>, DuesView),
}

/// What the roll is computed from.
#[derive(Debug, Clone, PartialEq)]
struct ViewKey {
    version: u64,
    generation: u64,
    rates: Rates,
    month: Month,
}

impl Dues {
    /// No entry yet, at these rates.
    pub fn new(rates: Rates) -> Dues {
        Dues {
            rates,
            ..Dues::default()
        }
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }
}

/// One member's line of the roll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuesRow {
    pub member: MemberId,
    pub name: String,
    pub basis: Basis,
    /// What is to be paid for the month.
    pub due: i64,
    pub paid: i64,
    /// The months still unpaid up to the month shown, oldest first, with what is left.
    pub owed: Vec<(Month, i64)>,
}

impl DuesRow {
    pub fn owed_total(&self) -> i64 {
        self.owed.iter().map(|(_, a)| a).sum()
    }
}

/// The month's roll and totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuesView {
    pub month: Month,
    pub rows: Vec<DuesRow>,
    pub totals: MonthLedger,
    /// The month the ledger opens (none: no entry yet).
    pub opens: Option<Month>,
}

impl Default for DuesView {
    /// The roll of nobody, before anything is loaded.
    fn default() -> DuesView {
        let month = Month {
            year: 1970,
            month: 1,
        };
        view(&Ledger::default(), &Rates::default(), &[], month)
    }
}

/// The roll of `month`: members who pay here that month, and anyone who paid for it.
pub fn view(ledger: &Ledger, rates: &Rates, members: &[Member], month: Month) -> DuesView {
    let rows = members
        .iter()
        .filter(|m| pays_here(m, month) || ledger.collected(m.id, month) != 0)
        .map(|m| {
            let paid = ledger.collected(m.id, month);
            DuesRow {
                member: m.id,
                name: m.full_name(),
                basis: ledger.basis(m.id, month),
                due: ledger.due(rates, m, month) + paid,
                paid,
                owed: ledger.owed(rates, m, month),
            }
        })
        .collect();
    DuesView {
        month,
        rows,
        totals: ledger.month(rates, members, month),
        opens: ledger.opens(),
    }
}

impl Dues {
    /// The month shown: this month until another is chosen.
    pub fn month_shown(&self, today: NaiveDate) -> Month {
        self.month.unwrap_or_else(|| Month::of(today))
    }

    fn key(&self, ctx: &Ctx) -> ViewKey {
        ViewKey {
            version: self.version,
            generation: ctx.generation,
            rates: self.rates,
            month: self.month_shown(ctx.today()),
        }
    }

    /// Computes the roll of the month shown again if the ledger, the roster, the rates
    /// or the month changed since it was last computed.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let key = self.key(ctx);
        if self.cache.0.as_ref() != Some(&key) {
            let v = view(&self.ledger, &self.rates, ctx.members, key.month);
            self.cache = (Some(key), v);
        }
    }

    /// The roll of the month shown: lent from the cache when it is up to date, otherwise
    /// (nothing refreshed it since a change) computed for this use alone.
    pub fn shown(&self, ctx: &Ctx) -> Cow<'_, DuesView> {
        let key = self.key(ctx);
        match &self.cache {
            (Some(k), v) if *k == key => Cow::Borrowed(v),
            _ => Cow::Owned(view(&self.ledger, &self.rates, ctx.members, key.month)),
        }
    }

    /// The member of the line selected.
    fn selected_member(&self, ctx: &Ctx) -> Option<Member> {
        let view = self.shown(ctx);
        let row = view.rows.get(self.cursor.selected())?;
        ctx.members.iter().find(|m| m.id == row.member).cloned()
    }

    /// The dues screen's keys: moving, the month shown, and the forms of an entry.
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        self.refresh(ctx);
        let len = self.shown(ctx).rows.len();
        if self.cursor.apply(action, len) {
            return Outcome::Done;
        }
        let outcome = match action {
            A::PrevMonth => {
                self.month = Some(self.month_shown(ctx.today()).prev());
                Outcome::Done
            }
            A::NextMonth => {
                self.month = Some(self.month_shown(ctx.today()).next());
                Outcome::Done
            }
            A::Pay | A::SetBasis | A::CorrectDues => {
                let Some(m) = self.selected_member(ctx) else {
                    return ctx.error(Msg::DuesNoMember);
                };
                Outcome::form(match action {
                    A::Pay => self.payment_form(&m, ctx),
                    A::SetBasis => self.basis_form(&m, ctx),
                    _ => self.correction_form(&m, ctx),
                })
            }
            A::MarkSent => Outcome::form(self.sent_form(ctx)),
            _ => return Outcome::NotMine,
        };
        let len = self.shown(ctx).rows.len();
        self.cursor.clamp(len);
        outcome
    }

    fn payment_form(&self, m: &Member, ctx: &Ctx) -> Form {
        let month = self.month_shown(ctx.today());
        let owed = self.ledger.owed(&self.rates, m, month);
        // arrears first, all of them; else the month shown
        let (from, count, amount) = match owed.first() {
            Some((first, _)) => (*first, owed.len(), owed.iter().map(|(_, a)| a).sum()),
            // nothing owed: the next month still due (paying ahead)
            None => {
                let mut next = month;
                for _ in 0..12 {
                    if self.ledger.due(&self.rates, m, next) > 0 {
                        break;
                    }
                    next = next.next();
                }
                (next, 1, self.ledger.due(&self.rates, m, next))
            }
        };
        let title = Msg::DuesPayTitle.fill(ctx.lang, &[("name", &m.full_name())]);
        let mut form = Form::new(
            FormPurpose::Payment(m.id),
            title,
            vec![
                Field::text(
                    FieldId::Amount,
                    Msg::FieldAmount,
                    &format_amount(amount.max(0)),
                )
                .required(),
                Field::date(FieldId::Date, Msg::FieldPaidOn, Some(ctx.today())).required(),
                Field::text(FieldId::Month, Msg::FieldFromMonth, &from.label()).required(),
                Field::number(FieldId::Months, Msg::FieldMonthsCount, count as u32),
            ],
        );
        form.note = self.payment_preview(&form, ctx);
        form
    }

    /// The months a payment form covers as typed, shown under its fields.
    pub fn payment_preview(&self, form: &Form, ctx: &Ctx) -> Option<String> {
        let FormPurpose::Payment(id) = form.purpose else {
            return None;
        };
        let m = ctx.members.iter().find(|m| m.id == id)?;
        match self.payment_from_form(form, m) {
            Ok((_, months)) => Some(
                months
                    .iter()
                    .map(|(mo, a)| format!("{} {}", mo.label(), format_amount(*a)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
            Err((_, msg)) => Some(ctx.t(msg).to_string()),
        }
    }

    pub(super) fn payment_from_form(
        &self,
        form: &Form,
        m: &Member,
    ) -> Result<(NaiveDate, Vec<(Month, i64)>), FieldError> {
        let amount = parse_amount(&form.text(FieldId::Amount), false)
            .filter(|a| *a > 0)
            .ok_or((FieldId::Amount, Msg::ErrAmount))?;
        let date = form
            .date(FieldId::Date)?
            .ok_or((FieldId::Date, Msg::ErrRequired))?;
        let from = Month::parse_loose(&form.text(FieldId::Month))
            .ok_or((FieldId::Month, Msg::ErrMonth))?;
        let count = form
            .number(FieldId::Months)
            .ok()
            .filter(|n| (1..=MAX_MONTHS).contains(n))
            .ok_or((FieldId::Months, Msg::ErrMonthsCount))?;
        let months = self
            .ledger
            .allocate(&self.rates, m, from, count, amount)
            .map_err(|e| match e {
                PayError::NothingDue => (FieldId::Month, Msg::ErrNothingDue),
                PayError::Short => (FieldId::Amount, Msg::ErrAmountShort),
            })?;
        Ok((date, months))
    }

    fn basis_form(&self, m: &Member, ctx: &Ctx) -> Form {
        let month = self.month_shown(ctx.today());
        let (kind, amount, reason) = match self.ledger.basis(m.id, month) {
            Basis::Salary(a) => (0, a, String::new()),
            Basis::Pension(a) => (1, a, String::new()),
            Basis::Other => (2, 0, String::new()),
            Basis::Fixed(a) => (3, a, String::new()),
            Basis::Exempt(r) => (4, 0, r),
        };
        let title = Msg::DuesBasisTitle.fill(ctx.lang, &[("name", &m.full_name())]);
        Form::new(
            FormPurpose::DuesBasis(m.id),
            title,
            vec![
                Field::choice(
                    FieldId::Basis,
                    Msg::FieldDuesBasis,
                    vec![
                        Msg::BasisSalary,
                        Msg::BasisPension,
                        Msg::BasisOther,
                        Msg::BasisFixed,
                        Msg::BasisExempt,
                    ],
                    kind,
                ),
                Field::text(
                    FieldId::Amount,
                    Msg::FieldBasisAmount,
                    &if amount > 0 {
                        format_amount(amount)
                    } else {
                        String::new()
                    },
                ),
                Field::text(FieldId::Reason, Msg::FieldReason, &reason),
                Field::text(FieldId::Month, Msg::FieldFromMonth, &month.label()).required(),
            ],
        )
    }

    fn correction_form(&self, m: &Member, ctx: &Ctx) -> Form {
        let title = Msg::DuesCorrectTitle.fill(ctx.lang, &[("name", &m.full_name())]);
        Form::new(
            FormPurpose::DuesCorrection(m.id),
            title,
            vec![
                Field::text(
                    FieldId::Month,
                    Msg::FieldMonth,
                    &self.month_shown(ctx.today()).label(),
                )
                .required(),
                Field::text(FieldId::Amount, Msg::FieldCorrection, "").required(),
                Field::text(FieldId::Reason, Msg::FieldReason, "").required(),
                Field::date(FieldId::Date, Msg::FieldDate, Some(ctx.today())).required(),
            ],
        )
    }

    fn sent_form(&self, ctx: &Ctx) -> Form {
        let v = self.shown(ctx);
        let left = v.totals.upper_share - v.totals.sent_amount;
        let title = Msg::DuesSentTitle.fill(ctx.lang, &[("month", &v.month.label())]);
        Form::new(
            FormPurpose::DuesSent(v.month),
            title,
            vec![
                Field::text(
                    FieldId::Amount,
                    Msg::FieldAmount,
                    &format_amount(left.max(0)),
                )
                .required(),
                Field::date(FieldId::Date, Msg::FieldSentOn, Some(ctx.today())).required(),
            ],
        )
    }
}

impl App {
    /// Brings the roll of the month shown up to date (`Dues::refresh`).
    pub fn refresh_dues(&mut self) {
        self.dues.refresh(&ctx!(self));
    }

    /// The roll of the month shown (`Dues::shown`).
    pub fn dues_view(&self) -> Cow<'_, DuesView> {
        self.dues.shown(&ctx!(self))
    }

    /// The months a payment form covers as typed (`Dues::payment_preview`).
    pub(super) fn payment_preview(&self, form: &Form) -> Option<String> {
        self.dues.payment_preview(form, &ctx!(self))
    }

    pub(super) fn reload_dues(&mut self) -> Result<(), StoreError> {
        self.dues.ledger = self.store.dues_ledger()?;
        self.dues.version += 1;
        Ok(())
    }

    /// Whether the member has paid all that is due for `month` (the roll call's mark).
    pub fn dues_paid(&self, member: &Member, month: Month) -> bool {
        self.dues.ledger.collected(member.id, month) > 0
            && self.dues.ledger.due(&self.dues.rates, member, month) <= 0
    }
}
