//! The meeting's record from plan to amended minutes: its details, agenda, attendance,
//! times, approval and amendments, and the roster of the day.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{AgendaItem, EntryKind, MeetingKind, Presence, minimum_minutes};
use crate::domain::member::{Activity, Member, MemberId, Standing};
use crate::domain::text;
use crate::domain::vote::Vote;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct MeetingId(pub u64);

/// Where a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingStatus {
    /// Dự kiến.
    Planned,
    /// Đang họp.
    InProgress,
    /// Đã kết thúc (minutes not yet approved).
    Ended,
    /// Biên bản đã thông qua: locked.
    Approved,
}

/// A dated correction of approved minutes, with who asked for it and why; the
/// original stays. Amendments written before their author was recorded have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub at: NaiveDateTime,
    pub reason: String,
    pub text: String,
    /// The member who asked for it, when a member of the roster did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberId>,
    /// Who asked for it as the minutes name them: the member's name then, or a name
    /// typed ("đồng chí Lê Văn Bình, Đảng ủy viên phường").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    #[serde(default)]
    pub id: MeetingId,
    pub kind: MeetingKind,
    /// A regular meeting that also holds the thematic one.
    #[serde(default)]
    pub with_thematic: bool,
    pub date: NaiveDate,
    pub start: NaiveTime,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub chair: Option<MemberId>,
    /// Thư ký (minute-taker).
    #[serde(default)]
    pub secretary: Option<MemberId>,
    #[serde(default)]
    pub guests: String,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub attendance: BTreeMap<MemberId, Presence>,
    #[serde(default)]
    pub started_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub ended_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub approved_at: Option<NaiveDateTime>,
    /// The branch's vote approving the minutes, recorded in them.
    #[serde(default)]
    pub approval: Option<Vote>,
    /// Where the console was: item, entry, caret (row, column), to return to.
    #[serde(default)]
    pub position: (usize, usize, usize, usize),
    /// When the current item's time was last added to it: the item's clock goes on
    /// from there after a quit or a crash, as the meeting did.
    #[serde(default)]
    pub item_since: Option<NaiveDateTime>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// Who was on the roster, and how, when the meeting was held: the minutes' counts
    /// stay as they were when members later move, leave or change standing.
    #[serde(default)]
    pub roster: Vec<RosterEntry>,
    /// The grading of a year-end meeting (none before anything is graded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::domain::review::Review>,
    /// Held in memory without its attendance (an old meeting); never stored.
    #[serde(skip)]
    pub partial: bool,
}

/// A member's standing and activity at the time of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub id: MemberId,
    pub standing: Standing,
    pub activity: Activity,
}

impl Meeting {
    pub fn new(kind: MeetingKind, date: NaiveDate, start: NaiveTime) -> Meeting {
        Meeting {
            id: MeetingId(0),
            kind,
            with_thematic: false,
            date,
            start,
            place: String::new(),
            chair: None,
            secretary: None,
            guests: String::new(),
            agenda: Vec::new(),
            attendance: BTreeMap::new(),
            started_at: None,
            ended_at: None,
            approved_at: None,
            approval: None,
            position: (0, 0, 0, 0),
            item_since: None,
            amendments: Vec::new(),
            roster: Vec::new(),
            review: None,
            partial: false,
        }
    }

    /// Records who is on the roster now (at the start and the end of the meeting),
    /// those temporarily attached elsewhere included: they stay in the branch's count.
    pub fn freeze_roster(&mut self, members: &[Member]) {
        self.roster = members
            .iter()
            .filter(|m| m.activity.on_roster())
            .map(|m| RosterEntry {
                id: m.id,
                standing: m.standing,
                activity: m.activity,
            })
            .collect();
    }

    pub fn status(&self) -> MeetingStatus {
        match (self.started_at, self.ended_at, self.approved_at) {
            (_, _, Some(_)) => MeetingStatus::Approved,
            (_, Some(_), None) => MeetingStatus::Ended,
            (Some(_), None, None) => MeetingStatus::InProgress,
            _ => MeetingStatus::Planned,
        }
    }

    pub fn is_locked(&self) -> bool {
        self.approved_at.is_some()
    }

    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|i| i.planned_minutes).sum()
    }

    pub fn minimum_minutes(&self) -> u32 {
        minimum_minutes(self.kind, self.with_thematic)
    }

    /// Minutes from start to end (or to `now` while in progress).
    pub fn duration_minutes(&self, now: NaiveDateTime) -> Option<i64> {
        let start = self.started_at?;
        Some((self.ended_at.unwrap_or(now) - start).num_minutes())
    }

    /// Every member the meeting names: chair, thư ký, presenters, attendance, speakers.
    pub fn member_refs(&self) -> Vec<MemberId> {
        let mut refs: Vec<MemberId> = self.chair.into_iter().chain(self.secretary).collect();
        refs.extend(self.attendance.keys().copied());
        refs.extend(self.amendments.iter().filter_map(|a| a.member));
        refs.extend(self.review.iter().flat_map(|r| r.members.keys().copied()));
        for item in &self.agenda {
            refs.extend(item.presenter);
            refs.extend(item.entries.iter().filter_map(|e| match e.kind {
                EntryKind::Speech(id) => Some(id),
                _ => None,
            }));
        }
        refs.sort();
        refs.dedup();
        refs
    }

    /// The guests, one per `;` or line of the meeting's details, as they are named.
    pub fn guest_list(&self) -> Vec<String> {
        self.guests
            .split([';', '\n'])
            .map(|g| text::clean(g.trim().trim_end_matches('.')))
            .filter(|g| !g.is_empty())
            .collect()
    }

    /// "tháng 12/2026".
    pub fn month_label(&self) -> String {
        self.date.format("%m/%Y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::d;
    use super::*;

    #[test]
    fn status_follows_the_dates() {
        let mut m = Meeting::new(
            MeetingKind::Regular,
            d(2026, 12, 5),
            NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
        );
        assert_eq!(m.status(), MeetingStatus::Planned);
        m.started_at = Some(d(2026, 12, 5).and_hms_opt(19, 32, 0).unwrap());
        assert_eq!(m.status(), MeetingStatus::InProgress);
        m.ended_at = Some(d(2026, 12, 5).and_hms_opt(21, 10, 0).unwrap());
        assert_eq!(m.status(), MeetingStatus::Ended);
        assert_eq!(
            m.duration_minutes(d(2026, 12, 6).and_hms_opt(0, 0, 0).unwrap()),
            Some(98)
        );
        m.approved_at = m.ended_at;
        assert!(m.is_locked());
    }
}
