//! A form overlay: labelled fields (text, date, choice, member), one focused, with an
//! inline message under the field that needs fixing. What a form does on save is decided
//! by its [`FormPurpose`], in the module of the screen that opened it (`submit.rs` routes
//! it). The fields and their kinds are in `field.rs`, reading and checking what they hold
//! in `values.rs`, moving between them and editing in `edit.rs`.

mod branch;
mod edit;
mod field;
mod purpose;
mod submit;
mod values;

pub use branch::{branch_form, branch_from_form};
pub use field::{Field, FieldId, FieldKind, Preselect};
pub use purpose::FormPurpose;

use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: FormPurpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field to fix and what is wrong with it.
    pub error: Option<(usize, Msg)>,
    /// A line under the fields that follows what is typed (a vote's result).
    pub note: Option<String>,
    /// The focused field was just entered: typing a digit into a number replaces it.
    pub fresh: bool,
}

/// Why a form cannot be saved: which field, and the message to show under it.
pub type FieldError = (FieldId, Msg);

impl Form {
    pub fn new(purpose: FormPurpose, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            note: None,
            fresh: true,
        }
    }

    fn index(&self, id: FieldId) -> usize {
        self.fields.iter().position(|f| f.id == id).unwrap_or(0)
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }
}
