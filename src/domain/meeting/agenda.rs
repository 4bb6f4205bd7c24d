//! The agenda and the minutes' entries under each item: notes, speeches of members and
//! guests, the chair's conclusion, votes.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::domain::member::MemberId;
use crate::domain::text;
use crate::domain::vote::Vote;

/// What an entry of the minutes is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Free text: the presentation, what happened.
    Note,
    /// What a member said.
    Speech(MemberId),
    /// What a guest said, named as the meeting's details name them
    /// ("đ/c Lê Văn Bình, Đảng ủy viên phường").
    GuestSpeech(String),
    /// The chair's conclusion.
    Conclusion,
    Vote(Vote),
}

/// One dated entry of an agenda item's minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: NaiveTime,
    pub kind: EntryKind,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: String,
    #[serde(default)]
    pub presenter: Option<MemberId>,
    #[serde(default)]
    pub planned_minutes: u32,
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// Seconds spent on the item so far (several visits add up).
    #[serde(default)]
    pub spent_secs: u64,
}

impl AgendaItem {
    pub fn new(title: &str, minutes: u32) -> Self {
        AgendaItem {
            title: text::clean(title),
            presenter: None,
            planned_minutes: minutes,
            entries: Vec::new(),
            spent_secs: 0,
        }
    }

    /// Whether anything was recorded under the item.
    pub fn has_content(&self) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e.kind, EntryKind::Vote(_)) || !e.text.trim().is_empty())
    }
}

/// Whether an agenda item is the review of last month's resolution ("Đánh giá kết quả
/// thực hiện nghị quyết …"), however its title is cased and accented: the console shows
/// the resolution's items under it, the minutes list their status.
pub fn reviews_resolution(title: &str) -> bool {
    text::fold(title).contains("danh gia ket qua thuc hien nghi quyet")
}
