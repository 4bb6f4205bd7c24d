//! What a form's fields hold, read and cleaned (text, a choice, members, a date, a
//! time, a number), and the check before saving: required fields and formats.

use chrono::{NaiveDate, NaiveTime};

use super::{FieldError, FieldId, FieldKind, Form};
use crate::domain::calendar::parse_date;
use crate::domain::member::MemberId;
use crate::i18n::Msg;

impl Form {
    /// The cleaned text of a field.
    pub fn text(&self, id: FieldId) -> String {
        self.field(id)
            .map(|f| match f.kind {
                // each line cleaned, the breaks kept, none at the ends
                FieldKind::Lines => f
                    .input
                    .value()
                    .split('\n')
                    .map(crate::domain::text::clean)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim_matches('\n')
                    .to_string(),
                _ => crate::domain::text::clean(f.input.value()),
            })
            .unwrap_or_default()
    }

    /// The chosen word of an options field.
    pub fn option(&self, id: FieldId) -> String {
        match self.field(id).map(|f| (&f.kind, f.choice)) {
            Some((FieldKind::Options(o), i)) => o.get(i).cloned().unwrap_or_default(),
            _ => String::new(),
        }
    }

    pub fn choice(&self, id: FieldId) -> usize {
        self.field(id).map(|f| f.choice).unwrap_or(0)
    }

    pub fn member(&self, id: FieldId) -> Option<MemberId> {
        self.field(id).and_then(|f| f.member)
    }

    pub fn members_of(&self, id: FieldId) -> Vec<MemberId> {
        self.field(id)
            .map(|f| f.members.iter().map(|m| m.0).collect())
            .unwrap_or_default()
    }

    pub fn time(&self, id: FieldId) -> Result<NaiveTime, FieldError> {
        let text = self.text(id).replace(['h', 'g', '.'], ":");
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| (id, Msg::ErrTime))
    }

    pub fn number(&self, id: FieldId) -> Result<u32, FieldError> {
        let text = self.text(id);
        if text.is_empty() {
            return Ok(0);
        }
        text.parse().map_err(|_| (id, Msg::ErrNumber))
    }

    /// A date field's value: empty is `None`, anything unparsable an error.
    pub fn date(&self, id: FieldId) -> Result<Option<NaiveDate>, FieldError> {
        let text = self.text(id);
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(&text).map(Some).ok_or((id, Msg::ErrDate))
    }

    /// Checks required fields and date formats, top to bottom.
    pub fn check(&self) -> Result<(), FieldError> {
        for f in &self.fields {
            let empty = match f.kind {
                FieldKind::Choice(_) | FieldKind::Options(_) => false,
                FieldKind::Member => f.member.is_none(),
                FieldKind::Members => f.members.is_empty(),
                _ => self.text(f.id).is_empty(),
            };
            if f.required && empty {
                return Err((f.id, Msg::ErrRequired));
            }
            match f.kind {
                FieldKind::Date => {
                    self.date(f.id)?;
                }
                FieldKind::Time => {
                    self.time(f.id)?;
                }
                FieldKind::Number => {
                    self.number(f.id)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows an error under its field and moves the focus there.
    pub fn show_error(&mut self, (id, msg): FieldError) {
        let i = self.index(id);
        self.focus = i;
        self.error = Some((i, msg));
    }
}
