//! Saving the dues forms and the roll call's dues key: each a new dated entry of the
//! ledger, or the problem under its field and nothing written.

use crate::app::App;
use crate::app::Status;
use crate::app::form::{FieldId, Form, FormPurpose};
use crate::app::resolutions::Saved;
use crate::domain::dues::{Basis, DuesError, Entry, Month, format_amount, parse_amount, pays_here};
use crate::domain::member::MemberId;
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

impl App {
    /// Saves a dues form: one new entry of the ledger, or the problem under its field
    /// and nothing written.
    pub(in crate::app) fn submit_dues_form(&mut self, form: &Form) -> Saved {
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
                let (date, months) = match self.dues.payment_from_form(form, &m) {
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
    pub(in crate::app) fn mark_dues_paid(&mut self, id: MemberId, month: Month) {
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
