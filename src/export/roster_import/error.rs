//! A problem with one cell or row of an imported file, as the secretary reads it, and
//! the message and column of a member that does not hold together.

use crate::domain::member::MemberError;
use crate::export::members::Column;
use crate::i18n::{Lang, Msg};

/// A problem with one cell or row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line (or spreadsheet row) in the file; 0 for the file as a whole.
    pub line: u64,
    pub column: Option<&'static str>,
    pub reason: String,
}

impl RowError {
    pub fn show(&self, lang: Lang) -> String {
        let reason: &dyn std::fmt::Display = &self.reason;
        match (self.line, self.column) {
            (0, Some(col)) => Msg::RosterColumn.fill(lang, &[("col", &col), ("reason", reason)]),
            (0, None) => self.reason.clone(),
            (line, Some(col)) => Msg::RosterLineColumn
                .fill(lang, &[("line", &line), ("col", &col), ("reason", reason)]),
            (line, None) => Msg::RosterLine.fill(lang, &[("line", &line), ("reason", reason)]),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.show(Lang::Vi))
    }
}

pub(super) fn file_error(reason: impl Into<String>) -> Vec<RowError> {
    vec![RowError {
        line: 0,
        column: None,
        reason: reason.into(),
    }]
}

pub(super) fn member_error(e: MemberError) -> Msg {
    match e {
        MemberError::MissingFamilyName => Msg::RosterMissingFamily,
        MemberError::MissingGivenName => Msg::RosterMissingGiven,
        MemberError::OfficialBeforeAdmission => Msg::RosterOfficialBeforeAdmission,
        MemberError::AdmissionBeforeBirth => Msg::RosterAdmissionBeforeBirth,
        MemberError::ProbationaryWithOfficialDate => Msg::RosterProbationaryOfficialDate,
    }
}

pub(super) fn validation_column(e: MemberError) -> Column {
    match e {
        MemberError::MissingFamilyName => Column::Family,
        MemberError::MissingGivenName => Column::Given,
        MemberError::OfficialBeforeAdmission | MemberError::ProbationaryWithOfficialDate => {
            Column::Official
        }
        MemberError::AdmissionBeforeBirth => Column::Admission,
    }
}
