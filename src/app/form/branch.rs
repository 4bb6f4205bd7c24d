//! The branch's own form, and the branch it describes.

use super::{Field, FieldError, FieldId, Form, FormPurpose};
use crate::i18n::Msg;

/// The branch's own form (first run, and later from settings).
pub fn branch_form(
    lang: crate::i18n::Lang,
    branch: Option<&crate::domain::branch::Branch>,
) -> Form {
    use crate::domain::branch::DEFAULT_SUFFIX;
    let get =
        |f: fn(&crate::domain::branch::Branch) -> &str| branch.map(f).unwrap_or("").to_string();
    let suffix = branch
        .map(|b| b.resolution_suffix.as_str())
        .unwrap_or(DEFAULT_SUFFIX);
    let fields = vec![
        Field::text(FieldId::BranchName, Msg::FieldBranchName, &get(|b| &b.name)).required(),
        Field::text(FieldId::Parent, Msg::FieldParent, &get(|b| &b.parent)),
        Field::text(FieldId::Place, Msg::FieldPlace, &get(|b| &b.place)),
        Field::text(FieldId::Term, Msg::FieldTerm, &get(|b| &b.term)),
        Field::text(FieldId::Suffix, Msg::FieldSuffix, suffix).required(),
    ];
    Form::new(
        FormPurpose::Branch,
        Msg::FormBranch.get(lang).to_string(),
        fields,
    )
}

pub fn branch_from_form(form: &Form) -> Result<crate::domain::branch::Branch, FieldError> {
    form.check()?;
    Ok(crate::domain::branch::Branch::new(
        &form.text(FieldId::BranchName),
        &form.text(FieldId::Parent),
        &form.text(FieldId::Place),
        &form.text(FieldId::Term),
        &form.text(FieldId::Suffix),
    ))
}
