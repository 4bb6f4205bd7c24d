//! The dues screen: a month's roll of the members who pay here — amount due, paid,
//! months still unpaid — with the month's totals and the branch's share; payments
//! (one month or several, ahead or in arrears), each member's basis, corrections and
//! the share sent up, entered from the keyboard. Every entry is a new dated line of
//! the ledger: nothing is ever edited.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{App, Overlay, Status};
use crate::domain::dues::{
    Basis, DuesError, Entry, Ledger, Month, MonthLedger, PayError, Rates, format_amount,
    parse_amount, pays_here,
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
    /// `refresh_dues`, before each frame and after each key of the screen.
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

impl App {
    /// The month the dues screen shows.
    pub fn dues_month(&self) -> Month {
        self.dues.month.unwrap_or_else(|| Month::of(self.today()))
    }

    fn dues_key(&self) -> ViewKey {
        ViewKey {
            version: self.dues.version,
            generation: self.generation,
            rates: self.dues.rates,
            month: self.dues_month(),
        }
    }

    /// Computes the roll of the month shown again if the ledger, the roster, the rates
    /// or the month changed since it was last computed.
    pub fn refresh_dues(&mut self) {
        let key = self.dues_key();
        if self.dues.cache.0.as_ref() != Some(&key) {
            let d = &self.dues;
            let v = view(&d.ledger, &d.rates, self.roster.members(), key.month);
            self.dues.cache = (Some(key), v);
        }
    }

    /// The roll of the month shown: lent from the cache when it is up to date, otherwise
    /// (nothing refreshed it since a change) computed for this use alone.
    pub fn dues_view(&self) -> Cow<'_, DuesView> {
        let key = self.dues_key();
        let d = &self.dues;
        match &d.cache {
            (Some(k), v) if *k == key => Cow::Borrowed(v),
            _ => Cow::Owned(view(&d.ledger, &d.rates, self.roster.members(), key.month)),
        }
    }

    pub(super) fn reload_dues(&mut self) -> Result<(), StoreError> {
        self.dues.ledger = self.store.dues_ledger()?;
        self.dues.version += 1;
        Ok(())
    }

    fn dues_member(&self) -> Option<Member> {
        let view = self.dues_view();
        let row = view.rows.get(self.dues.cursor.selected())?;
        self.roster
            .members()
            .iter()
            .find(|m| m.id == row.member)
            .cloned()
    }

    pub(super) fn update_dues(&mut self, action: super::Action) -> bool {
        use super::Action as A;
        self.refresh_dues();
        let len = self.dues_view().rows.len();
        if self.dues.cursor.apply(action, len) {
            return true;
        }
        match action {
            A::PrevMonth => self.dues.month = Some(self.dues_month().prev()),
            A::NextMonth => self.dues.month = Some(self.dues_month().next()),
            A::Pay | A::SetBasis | A::CorrectDues => {
                let Some(m) = self.dues_member() else {
                    self.status = Some(Status::Error(self.t(Msg::DuesNoMember).to_string()));
                    return true;
                };
                let form = match action {
                    A::Pay => self.payment_form(&m),
                    A::SetBasis => self.basis_form(&m),
                    _ => self.correction_form(&m),
                };
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            A::MarkSent => {
                let form = self.sent_form();
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            _ => return false,
        }
        let len = self.dues_view().rows.len();
        self.dues.cursor.clamp(len);
        true
    }

    fn payment_form(&self, m: &Member) -> Form {
        let month = self.dues_month();
        let owed = self.dues.ledger.owed(&self.dues.rates, m, month);
        // arrears first, all of them; else the month shown
        let (from, count, amount) = match owed.first() {
            Some((first, _)) => (*first, owed.len(), owed.iter().map(|(_, a)| a).sum()),
            // nothing owed: the next month still due (paying ahead)
            None => {
                let mut next = month;
                for _ in 0..12 {
                    if self.dues.ledger.due(&self.dues.rates, m, next) > 0 {
                        break;
                    }
                    next = next.next();
                }
                (next, 1, self.dues.ledger.due(&self.dues.rates, m, next))
            }
        };
        let title = Msg::DuesPayTitle.fill(self.lang, &[("name", &m.full_name())]);
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
                Field::date(FieldId::Date, Msg::FieldPaidOn, Some(self.today())).required(),
                Field::text(FieldId::Month, Msg::FieldFromMonth, &from.label()).required(),
                Field::number(FieldId::Months, Msg::FieldMonthsCount, count as u32),
            ],
        );
        form.note = self.payment_preview(&form);
        form
    }

    /// The months a payment form covers as typed, shown under its fields.
    pub(super) fn payment_preview(&self, form: &Form) -> Option<String> {
        let FormPurpose::Payment(id) = form.purpose else {
            return None;
        };
        let m = self.roster.members().iter().find(|m| m.id == id)?;
        match self.payment_from_form(form, m) {
            Ok((_, months)) => Some(
                months
                    .iter()
                    .map(|(mo, a)| format!("{} {}", mo.label(), format_amount(*a)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
            Err((_, msg)) => Some(self.t(msg).to_string()),
        }
    }

    fn payment_from_form(
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
            .dues
            .ledger
            .allocate(&self.dues.rates, m, from, count, amount)
            .map_err(|e| match e {
                PayError::NothingDue => (FieldId::Month, Msg::ErrNothingDue),
                PayError::Short => (FieldId::Amount, Msg::ErrAmountShort),
            })?;
        Ok((date, months))
    }

    fn basis_form(&self, m: &Member) -> Form {
        let month = self.dues_month();
        let (kind, amount, reason) = match self.dues.ledger.basis(m.id, month) {
            Basis::Salary(a) => (0, a, String::new()),
            Basis::Pension(a) => (1, a, String::new()),
            Basis::Other => (2, 0, String::new()),
            Basis::Fixed(a) => (3, a, String::new()),
            Basis::Exempt(r) => (4, 0, r),
        };
        let title = Msg::DuesBasisTitle.fill(self.lang, &[("name", &m.full_name())]);
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

    fn correction_form(&self, m: &Member) -> Form {
        let title = Msg::DuesCorrectTitle.fill(self.lang, &[("name", &m.full_name())]);
        Form::new(
            FormPurpose::DuesCorrection(m.id),
            title,
            vec![
                Field::text(FieldId::Month, Msg::FieldMonth, &self.dues_month().label()).required(),
                Field::text(FieldId::Amount, Msg::FieldCorrection, "").required(),
                Field::text(FieldId::Reason, Msg::FieldReason, "").required(),
                Field::date(FieldId::Date, Msg::FieldDate, Some(self.today())).required(),
            ],
        )
    }

    fn sent_form(&self) -> Form {
        let v = self.dues_view();
        let left = v.totals.upper_share - v.totals.sent_amount;
        let title = Msg::DuesSentTitle.fill(self.lang, &[("month", &v.month.label())]);
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
                Field::date(FieldId::Date, Msg::FieldSentOn, Some(self.today())).required(),
            ],
        )
    }

    /// Saves a dues form: one new entry of the ledger, or the problem under its field
    /// and nothing written.
    pub(super) fn submit_dues_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let member = |id: MemberId| {
            self.roster
                .members()
                .iter()
                .find(|m| m.id == id)
                .cloned()
                .ok_or(StoreError::NotFound)
        };
        let (date, entry, message) = match form.purpose {
            FormPurpose::Payment(id) => {
                let m = member(id)?;
                let (date, months) = match self.payment_from_form(form, &m) {
                    Ok(p) => p,
                    Err(e) => return Ok(Err(e)),
                };
                let message = paid_message(self.lang, &m.full_name(), &months);
                (date, Entry::Payment { member: id, months }, message)
            }
            FormPurpose::DuesBasis(id) => {
                let Some(from) = Month::parse_loose(&form.text(FieldId::Month)) else {
                    return Ok(Err((FieldId::Month, Msg::ErrMonth)));
                };
                let amount = parse_amount(&form.text(FieldId::Amount), false);
                let kind = form.choice(FieldId::Basis);
                let needs_amount = matches!(kind, 0 | 1 | 3);
                let amount = match amount {
                    Some(a) if a > 0 || !needs_amount => a,
                    None if !needs_amount => 0,
                    _ => return Ok(Err((FieldId::Amount, Msg::ErrAmount))),
                };
                let reason = form.text(FieldId::Reason);
                let basis = match kind {
                    0 => Basis::Salary(amount),
                    1 => Basis::Pension(amount),
                    2 => Basis::Other,
                    3 => Basis::Fixed(amount),
                    _ if reason.is_empty() => {
                        return Ok(Err((FieldId::Reason, Msg::ErrRequired)));
                    }
                    _ => Basis::Exempt(reason),
                };
                let monthly = self.dues.rates.monthly(&basis);
                let message = Msg::DuesBasisSet.fill(
                    self.lang,
                    &[
                        ("name", &member(id)?.full_name()),
                        ("amount", &format_amount(monthly)),
                        ("month", &from.label()),
                    ],
                );
                let entry = Entry::Basis {
                    member: id,
                    from,
                    basis,
                };
                (self.today(), entry, message)
            }
            FormPurpose::DuesCorrection(id) => {
                let Some(month) = Month::parse_loose(&form.text(FieldId::Month)) else {
                    return Ok(Err((FieldId::Month, Msg::ErrMonth)));
                };
                let Some(amount) =
                    parse_amount(&form.text(FieldId::Amount), true).filter(|a| *a != 0)
                else {
                    return Ok(Err((FieldId::Amount, Msg::ErrCorrection)));
                };
                let date = form.date(FieldId::Date).ok().flatten().unwrap_or_default();
                let message = Msg::DuesCorrected.fill(
                    self.lang,
                    &[
                        ("name", &member(id)?.full_name()),
                        ("month", &month.label()),
                    ],
                );
                let entry = Entry::Correction {
                    member: id,
                    month,
                    amount,
                    reason: form.text(FieldId::Reason),
                };
                (date, entry, message)
            }
            FormPurpose::DuesSent(month) => {
                let Some(amount) = parse_amount(&form.text(FieldId::Amount), false) else {
                    return Ok(Err((FieldId::Amount, Msg::ErrAmount)));
                };
                let date = form.date(FieldId::Date).ok().flatten().unwrap_or_default();
                let message = Msg::DuesSentSaved.fill(
                    self.lang,
                    &[
                        ("amount", &format_amount(amount)),
                        ("month", &month.label()),
                    ],
                );
                (date, Entry::Sent { month, amount }, message)
            }
            _ => return Ok(Ok(String::new())),
        };
        let now = self.now();
        match self.store.add_dues_entry(date, entry, now)? {
            Ok(_) => {
                self.reload_dues()?;
                self.updated_in_place = true;
                Ok(Ok(message))
            }
            Err(DuesError::OutOfOrder) => Ok(Err((FieldId::Date, Msg::ErrDuesOrder))),
            Err(_) => Ok(Err((FieldId::Amount, Msg::ErrAmount))),
        }
    }

    /// The roll call's key: the member's dues for the meeting's month, paid now at
    /// what is due.
    pub(super) fn mark_dues_paid(&mut self, id: MemberId, month: Month) {
        let Some(m) = self.roster.members().iter().find(|m| m.id == id).cloned() else {
            return;
        };
        let due = self.dues.ledger.due(&self.dues.rates, &m, month);
        if due <= 0 {
            let msg = if pays_here(&m, month) {
                Msg::DuesAlreadyPaid
            } else {
                Msg::DuesNotHere
            };
            self.status = Some(Status::Error(msg.fill(
                self.lang,
                &[("name", &m.full_name()), ("month", &month.label())],
            )));
            return;
        }
        let entry = Entry::Payment {
            member: id,
            months: vec![(month, due)],
        };
        let (today, now) = (self.today(), self.now());
        let result = self
            .store
            .add_dues_entry(today, entry, now)
            .and_then(|r| self.reload_dues().map(|()| r));
        self.status = Some(match result {
            Ok(Ok(_)) => Status::Info(paid_message(self.lang, &m.full_name(), &[(month, due)])),
            Ok(Err(_)) => Status::Error(self.t(Msg::ErrDuesOrder).to_string()),
            Err(e) => Status::Error(self.store_error(&e)),
        });
    }

    /// Whether the member has paid all that is due for `month` (the roll call's mark).
    pub fn dues_paid(&self, member: &Member, month: Month) -> bool {
        self.dues.ledger.collected(member.id, month) > 0
            && self.dues.ledger.due(&self.dues.rates, member, month) <= 0
    }
}

fn paid_message(lang: crate::i18n::Lang, name: &str, months: &[(Month, i64)]) -> String {
    let total: i64 = months.iter().map(|(_, a)| a).sum();
    let list = months
        .iter()
        .map(|(m, _)| m.label())
        .collect::<Vec<_>>()
        .join(", ");
    Msg::DuesPaid.fill(
        lang,
        &[
            ("name", &name),
            ("amount", &format_amount(total)),
            ("months", &list),
        ],
    )
}
