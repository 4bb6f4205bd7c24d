//! Resolutions (nghị quyết): numbered per year with the branch's suffix, adopted at a
//! meeting, carried out item by item, completed or superseded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::MeetingId;
use super::member::MemberId;
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
    /// The text as adopted, frozen when it was adopted: what the filed document says,
    /// whatever the follow-up does to its items afterwards.
    #[serde(default)]
    pub adopted: Option<AdoptedText>,
}

/// A resolution's text as voted: its subject, căn cứ, results and items with who and by
/// when. Names are kept as written then, so a later change of lead or of a member's
/// name does not rewrite the filed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedText {
    pub title: String,
    #[serde(default)]
    pub basis: String,
    #[serde(default)]
    pub results: String,
    #[serde(default)]
    pub items: Vec<AdoptedItem>,
}

/// One item as adopted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedItem {
    /// The task that carries it out.
    pub task: TaskId,
    pub title: String,
    /// The lead's full name, empty when no one was given it.
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub helpers: Vec<String>,
    pub due: NaiveDate,
}

impl AdoptedItem {
    /// An item as it stands, with the due date it was adopted with.
    pub fn of(t: &Task, name: &dyn Fn(MemberId) -> String) -> AdoptedItem {
        AdoptedItem {
            task: t.id,
            title: t.title.clone(),
            lead: t.lead.map(name).unwrap_or_default(),
            helpers: t.helpers.iter().map(|h| name(*h)).collect(),
            due: t.original_due(),
        }
    }
}

impl AdoptedText {
    /// The text of `r` as it stands, its items in order from `tasks`, names from `name`.
    /// An item's due date is the one it was adopted with, before any carry-over.
    pub fn of(r: &Resolution, tasks: &[&Task], name: &dyn Fn(MemberId) -> String) -> AdoptedText {
        let items = r
            .items
            .iter()
            .filter_map(|id| tasks.iter().find(|t| t.id == *id))
            .map(|t| AdoptedItem::of(t, name))
            .collect();
        AdoptedText {
            title: r.title.clone(),
            basis: r.basis.clone(),
            results: r.results.clone(),
            items,
        }
    }
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
pub fn number_taken(
    existing: &[Resolution],
    year: i32,
    number: &str,
    except: Option<ResolutionId>,
) -> bool {
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
    /// Freezes the text once it is adopted (a resolution adopted before the text was
    /// kept gets it from its state when first seen), and drops it from a draft, which
    /// is adopted afresh. Only a blank lead is filled in later. Returns whether anything
    /// changed.
    pub fn freeze(&mut self, tasks: &[&Task], name: &dyn Fn(MemberId) -> String) -> bool {
        match (self.adopted_on, &self.adopted) {
            (Some(_), None) => {
                self.adopted = Some(AdoptedText::of(self, tasks, name));
                true
            }
            (None, Some(_)) => {
                self.adopted = None;
                true
            }
            (Some(_), Some(text)) => {
                // an item adopted before anyone was named takes the first lead named
                // and the helpers into the text: filling a blank, not changing what
                // was voted
                let mut text = text.clone();
                let mut changed = false;
                for a in text.items.iter_mut().filter(|a| a.lead.is_empty()) {
                    let Some(t) = tasks.iter().find(|t| t.id == a.task) else {
                        continue;
                    };
                    // the first one named, before any reassignment
                    if let Some(lead) = t.history.iter().find_map(|n| n.lead).or(t.lead) {
                        a.lead = name(lead);
                        a.helpers = t.helpers.iter().map(|h| name(*h)).collect();
                        changed = true;
                    }
                }
                if changed {
                    self.adopted = Some(text);
                }
                changed
            }
            _ => false,
        }
    }

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
            adopted: None,
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

    #[test]
    fn the_adopted_text_is_frozen_and_follow_up_leaves_it_alone() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let due = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let names = |id: MemberId| format!("Người {}", id.0);
        let mut res = r(2026, 12);
        res.title = "Nghị quyết tháng 12".into();
        let mut a = Task::new("Sửa đèn hẻm 12", due);
        a.id = TaskId(1);
        a.lead = Some(MemberId(7));
        a.helpers = vec![MemberId(8)];
        res.items = vec![a.id];
        a.lead = None;
        assert!(!res.freeze(&[&a], &names), "a draft has no adopted text");
        assert_eq!(res.adopted, None);
        res.adopted_on = Some(d);
        assert!(res.freeze(&[&a], &names));
        assert_eq!(
            res.adopted.as_ref().unwrap().items[0].lead,
            "",
            "adopted with no one named"
        );
        // the lead named right after adoption fills the blank
        a.lead = Some(MemberId(7));
        assert!(res.freeze(&[&a], &names));
        let frozen = res.adopted.clone().unwrap();
        assert_eq!(frozen.items.len(), 1);
        assert_eq!(frozen.items[0].lead, "Người 7");
        assert_eq!(frozen.items[0].helpers, ["Người 8"]);
        assert_eq!(frozen.items[0].due, due);
        // carried over, reassigned, retitled: the adopted text stays as voted
        a.carry_over(
            TaskNote::new(due, "chờ kinh phí"),
            NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(),
        )
        .unwrap();
        a.reassign(MemberId(9), TaskNote::new(due, ""));
        a.title = "Sửa đèn hẻm 12 và 14".into();
        res.title = "Đổi tên".into();
        assert!(!res.freeze(&[&a], &names));
        assert_eq!(res.adopted.as_ref(), Some(&frozen));
        // taken back to a draft, it is adopted afresh
        res.adopted_on = None;
        assert!(res.freeze(&[&a], &names));
        assert_eq!(res.adopted, None);
    }

    #[test]
    fn a_resolution_adopted_before_the_text_was_kept_takes_its_adopted_due_dates_from_history() {
        let due = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut res = r(2026, 11);
        res.adopted_on = NaiveDate::from_ymd_opt(2026, 11, 5);
        let mut a = Task::new("Thu đảng phí", due);
        a.id = TaskId(3);
        a.carry_over(
            TaskNote::new(due, ""),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )
        .unwrap();
        res.items = vec![a.id];
        assert!(res.freeze(&[&a], &|_| String::new()));
        assert_eq!(res.adopted.unwrap().items[0].due, due);
    }
}
