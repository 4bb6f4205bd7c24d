//! The members' notebook (sổ theo dõi đảng viên): dated notes the secretary keeps on
//! each member through the year — strengths, shortcomings, commitments — the basis of
//! the year-end review; and the year's commitments (cam kết tu dưỡng, rèn luyện) with
//! their check at the year's end.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::meeting::MeetingId;
use super::member::MemberId;
use super::task::{ResolutionId, TaskId};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct NoteId(pub u64);

/// What a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Ưu điểm.
    Strength,
    /// Khuyết điểm (with whether it has been corrected, checked at the year's end).
    Shortcoming,
    /// Cam kết tu dưỡng, rèn luyện.
    Commitment,
    /// Ghi nhận khác.
    Other,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Met, Outcome::Partly, Outcome::NotMet];
}

impl NoteKind {
    pub const ALL: [NoteKind; 4] = [
        NoteKind::Strength,
        NoteKind::Shortcoming,
        NoteKind::Commitment,
        NoteKind::Other,
    ];
}

/// Where a note comes from, so the record it rests on can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NoteSource {
    #[default]
    None,
    Meeting(MeetingId),
    Task(TaskId),
    ResolutionItem(ResolutionId, TaskId),
}

/// How a commitment or a shortcoming stood at the year's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Kept (a commitment) or corrected (a shortcoming).
    Met,
    /// Partly.
    Partly,
    NotMet,
}

/// One dated note in a member's notebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    #[serde(default)]
    pub id: NoteId,
    pub member: MemberId,
    pub date: NaiveDate,
    pub kind: NoteKind,
    pub text: String,
    #[serde(default)]
    pub source: NoteSource,
    /// The year-end check of a commitment or shortcoming, with its date.
    #[serde(default)]
    pub outcome: Option<(NaiveDate, Outcome)>,
    /// What the year-end check found, in a few words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome_note: String,
}

/// Why a note cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteError {
    EmptyText,
    /// Dated after today.
    InTheFuture,
    /// Only commitments and shortcomings are checked at the year's end.
    NothingToCheck,
}

impl Note {
    pub fn new(member: MemberId, date: NaiveDate, kind: NoteKind, text: &str) -> Note {
        Note {
            id: NoteId::default(),
            member,
            date,
            kind,
            text: super::text::clean(text.trim()),
            source: NoteSource::None,
            outcome: None,
            outcome_note: String::new(),
        }
    }

    /// Checks a note before it is saved on `today`.
    pub fn validate(&self, today: NaiveDate) -> Result<(), NoteError> {
        if self.text.is_empty() {
            return Err(NoteError::EmptyText);
        }
        if self.date > today {
            return Err(NoteError::InTheFuture);
        }
        if self.outcome.is_some() && !self.checked_at_year_end() {
            return Err(NoteError::NothingToCheck);
        }
        Ok(())
    }

    /// Commitments and shortcomings are checked at the year's end.
    pub fn checked_at_year_end(&self) -> bool {
        matches!(self.kind, NoteKind::Commitment | NoteKind::Shortcoming)
    }

    /// Records the year-end check.
    pub fn check(&mut self, date: NaiveDate, outcome: Outcome) -> Result<(), NoteError> {
        if !self.checked_at_year_end() {
            return Err(NoteError::NothingToCheck);
        }
        self.outcome = Some((date, outcome));
        Ok(())
    }
}

/// A member's notes of `year`, newest first (notes of a day in the order written).
pub fn of_year(notes: &[Note], member: MemberId, year: i32) -> Vec<&Note> {
    let mut mine: Vec<&Note> = notes
        .iter()
        .filter(|n| n.member == member && n.date.year() == year)
        .collect();
    mine.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    mine
}

/// What the notebook says of a member's year, for the grading sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NotebookSummary {
    pub strengths: usize,
    pub shortcomings: usize,
    /// Shortcomings not marked corrected at the year's end.
    pub shortcomings_open: usize,
    pub commitments: usize,
    pub commitments_met: usize,
    pub others: usize,
}

pub fn summary(notes: &[Note], member: MemberId, year: i32) -> NotebookSummary {
    let mut s = NotebookSummary::default();
    for n in of_year(notes, member, year) {
        let met = matches!(n.outcome, Some((_, Outcome::Met)));
        match n.kind {
            NoteKind::Strength => s.strengths += 1,
            NoteKind::Shortcoming => {
                s.shortcomings += 1;
                if !met {
                    s.shortcomings_open += 1;
                }
            }
            NoteKind::Commitment => {
                s.commitments += 1;
                if met {
                    s.commitments_met += 1;
                }
            }
            NoteKind::Other => s.others += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn note(id: u64, member: u64, date: NaiveDate, kind: NoteKind) -> Note {
        let mut n = Note::new(MemberId(member), date, kind, "ghi chép");
        n.id = NoteId(id);
        n
    }

    #[test]
    fn a_note_needs_text_and_a_date_not_after_today() {
        let today = d(2026, 12, 2);
        let blank = Note::new(MemberId(1), today, NoteKind::Strength, "  \t");
        assert_eq!(blank.validate(today), Err(NoteError::EmptyText));
        let later = Note::new(MemberId(1), d(2026, 12, 3), NoteKind::Strength, "x");
        assert_eq!(later.validate(today), Err(NoteError::InTheFuture));
        let ok = Note::new(
            MemberId(1),
            today,
            NoteKind::Strength,
            " Nhiệt tình vận động  ",
        );
        assert_eq!(ok.validate(today), Ok(()));
        assert_eq!(ok.text, "Nhiệt tình vận động");
    }

    #[test]
    fn only_commitments_and_shortcomings_are_checked_at_the_year_end() {
        let mut strength = note(1, 1, d(2026, 3, 1), NoteKind::Strength);
        assert_eq!(
            strength.check(d(2026, 12, 20), Outcome::Met),
            Err(NoteError::NothingToCheck)
        );
        let mut promise = note(2, 1, d(2026, 1, 10), NoteKind::Commitment);
        promise.check(d(2026, 12, 20), Outcome::Partly).unwrap();
        assert_eq!(promise.outcome, Some((d(2026, 12, 20), Outcome::Partly)));
    }

    #[test]
    fn the_notebook_of_a_year_is_newest_first_and_sums_up() {
        let mut fixed = note(3, 1, d(2026, 4, 2), NoteKind::Shortcoming);
        fixed.check(d(2026, 12, 1), Outcome::Met).unwrap();
        let mut kept = note(4, 1, d(2026, 1, 5), NoteKind::Commitment);
        kept.check(d(2026, 12, 1), Outcome::Met).unwrap();
        let notes = [
            note(1, 1, d(2026, 2, 1), NoteKind::Strength),
            note(2, 1, d(2026, 6, 1), NoteKind::Shortcoming),
            fixed,
            kept,
            note(5, 1, d(2026, 6, 1), NoteKind::Other),
            note(6, 2, d(2026, 6, 1), NoteKind::Strength),
            note(7, 1, d(2025, 6, 1), NoteKind::Shortcoming),
        ];
        let ids: Vec<u64> = of_year(&notes, MemberId(1), 2026)
            .iter()
            .map(|n| n.id.0)
            .collect();
        assert_eq!(ids, [5, 2, 3, 1, 4]);
        assert_eq!(
            summary(&notes, MemberId(1), 2026),
            NotebookSummary {
                strengths: 1,
                shortcomings: 2,
                shortcomings_open: 1,
                commitments: 1,
                commitments_met: 1,
                others: 1,
            }
        );
    }
}
