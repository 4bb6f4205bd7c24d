//! Resolutions (nghị quyết): numbered per year with the branch's suffix, adopted at a
//! meeting, carried out item by item, completed or superseded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::MeetingId;
pub use super::task::ResolutionId;
use super::task::{Task, TaskId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    #[default]
    Monthly,
    Thematic,
    Annual,
    /// Admission, official recognition, exemption, helper assignment.
    Personnel,
    /// A resolution of the higher committee, carried out by the branch's programme.
    UpperLevel,
}

impl ResolutionKind {
    pub const ALL: [ResolutionKind; 5] = [
        ResolutionKind::Monthly,
        ResolutionKind::Thematic,
        ResolutionKind::Annual,
        ResolutionKind::Personnel,
        ResolutionKind::UpperLevel,
    ];
}

/// Where a resolution stands, derived from its dates, items and links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolutionState {
    Draft,
    /// Adopted and being carried out.
    InForce,
    Completed,
    Superseded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    #[serde(default)]
    pub id: ResolutionId,
    pub kind: ResolutionKind,
    /// The year its number counts in, and its place in that year.
    pub year: i32,
    pub seq: u32,
    /// "12-NQ/CB", or an upper-level body's own number.
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub adopted_on: Option<NaiveDate>,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// The vote that adopted it: (agenda item, entry) in that meeting's minutes.
    #[serde(default)]
    pub adopted_by: Option<(usize, usize)>,
    /// Căn cứ.
    #[serde(default)]
    pub basis: String,
    /// Kết quả thực hiện tháng trước.
    #[serde(default)]
    pub results: String,
    /// Its items, in order (tasks linked back to it).
    #[serde(default)]
    pub items: Vec<TaskId>,
    #[serde(default)]
    pub superseded_by: Option<ResolutionId>,
    #[serde(default)]
    pub supersedes: Option<ResolutionId>,
}

/// "12-NQ/CB".
pub fn format_number(seq: u32, suffix: &str) -> String {
    format!("{seq}-{suffix}")
}

/// The next number of a year: one past the highest used that year.
pub fn next_seq(existing: &[Resolution], year: i32) -> u32 {
    existing
        .iter()
        .filter(|r| r.year == year && r.kind != ResolutionKind::UpperLevel)
        .map(|r| r.seq)
        .max()
        .unwrap_or(0)
        + 1
}

/// Whether a number is taken in a year by another resolution.
pub fn number_taken(existing: &[Resolution], year: i32, number: &str, except: Option<ResolutionId>) -> bool {
    let key = number.trim().to_lowercase();
    existing
        .iter()
        .any(|r| Some(r.id) != except && r.year == year && r.number.trim().to_lowercase() == key)
}

/// The sequence part of a number ("12-NQ/CB" → 12).
pub fn seq_of(number: &str) -> Option<u32> {
    number.split('-').next()?.trim().parse().ok()
}

impl Resolution {
    pub fn state(&self, items: &[&Task]) -> ResolutionState {
        if self.superseded_by.is_some() {
            ResolutionState::Superseded
        } else if self.adopted_on.is_none() {
            ResolutionState::Draft
        } else if !items.is_empty() && items.iter().all(|t| !t.status.is_open()) {
            ResolutionState::Completed
        } else {
            ResolutionState::InForce
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::task::{TaskNote, TaskStatus};

    fn r(year: i32, seq: u32) -> Resolution {
        Resolution {
            id: ResolutionId(seq as u64 + year as u64 * 100),
            kind: ResolutionKind::Monthly,
            year,
            seq,
            number: format_number(seq, "NQ/CB"),
            title: String::new(),
            adopted_on: None,
            meeting: None,
            adopted_by: None,
            basis: String::new(),
            results: String::new(),
            items: Vec::new(),
            superseded_by: None,
            supersedes: None,
        }
    }

    #[test]
    fn numbers_count_per_year_with_the_suffix() {
        let all = vec![r(2026, 10), r(2026, 11), r(2025, 12)];
        assert_eq!(next_seq(&all, 2026), 12);
        assert_eq!(next_seq(&all, 2027), 1);
        assert_eq!(format_number(12, "NQ/ĐU"), "12-NQ/ĐU");
        assert_eq!(seq_of("12-NQ/CB"), Some(12));
    }

    #[test]
    fn a_taken_number_is_found_in_its_year_only() {
        let all = vec![r(2026, 11), r(2025, 12)];
        assert!(number_taken(&all, 2026, "11-NQ/CB", None));
        assert!(number_taken(&all, 2026, " 11-nq/cb ", None));
        assert!(!number_taken(&all, 2027, "11-NQ/CB", None));
        assert!(!number_taken(&all, 2026, "11-NQ/CB", Some(all[0].id)));
    }

    #[test]
    fn state_follows_adoption_items_and_links() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let mut res = r(2026, 12);
        let mut a = Task::new("a", d);
        let mut b = Task::new("b", d);
        assert_eq!(res.state(&[&a, &b]), ResolutionState::Draft);
        res.adopted_on = Some(d);
        assert_eq!(res.state(&[&a, &b]), ResolutionState::InForce);
        a.complete(TaskNote::new(d, ""), "");
        b.cancel(TaskNote::new(d, "không còn phù hợp"));
        assert_eq!(b.status, TaskStatus::Cancelled);
        assert_eq!(res.state(&[&a, &b]), ResolutionState::Completed);
        res.superseded_by = Some(ResolutionId(99));
        assert_eq!(res.state(&[&a, &b]), ResolutionState::Superseded);
    }
}
