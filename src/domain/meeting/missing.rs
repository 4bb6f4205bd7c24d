//! What the minutes lack before they are approved: warnings, not a wall.

use chrono::NaiveDateTime;

use super::{EntryKind, Meeting, MeetingKind, reviews_resolution};
use crate::domain::member::Member;
use crate::domain::text;

impl Meeting {
    /// What should be fixed before the minutes are approved: warnings, not a wall.
    pub fn missing(&self, expected: &[&Member], now: NaiveDateTime) -> Vec<Missing> {
        let mut out = Vec::new();
        if self.chair.is_none() {
            out.push(Missing::Chair);
        }
        if self.secretary.is_none() {
            out.push(Missing::Secretary);
        }
        let unmarked = expected
            .iter()
            .filter(|m| !self.attendance.contains_key(&m.id))
            .count();
        if unmarked > 0 {
            out.push(Missing::RollCall(unmarked));
        }
        for item in &self.agenda {
            if self.kind == MeetingKind::Regular
                && required_item(&item.title)
                && !item.has_content()
            {
                out.push(Missing::EmptyItem(item.title.clone()));
            }
            for e in &item.entries {
                if let EntryKind::Vote(v) = &e.kind
                    && v.check().is_err()
                {
                    out.push(Missing::VoteCount(v.subject.clone()));
                }
            }
        }
        let concluded = self
            .agenda
            .iter()
            .flat_map(|i| &i.entries)
            .any(|e| e.kind == EntryKind::Conclusion && !e.text.trim().is_empty());
        if !concluded {
            out.push(Missing::Conclusion);
        }
        let min = self.minimum_minutes() as i64;
        if let Some(d) = self.duration_minutes(now)
            && d < min
        {
            out.push(Missing::TooShort {
                minutes: d,
                minimum: min,
            });
        }
        out
    }
}

/// Items of a regular meeting the minutes may not leave empty: the review of last
/// month's resolution and the next month's tasks.
fn required_item(title: &str) -> bool {
    reviews_resolution(title) || text::fold(title).contains("nhiem vu thang toi")
}

/// One thing the minutes lack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Chair,
    Secretary,
    RollCall(usize),
    /// A required item with nothing recorded (its title).
    EmptyItem(String),
    /// No conclusion of the chair anywhere.
    Conclusion,
    VoteCount(String),
    TooShort {
        minutes: i64,
        minimum: i64,
    },
    /// Members graded at a year-end meeting whose grade is not decided yet (approving
    /// the minutes locks the grades).
    Undecided(usize),
}
