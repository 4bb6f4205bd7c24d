//! The quality of meetings (DOMAIN.md §The year, "Meeting quality"): the facts a branch
//! can act on for each meeting held — attendance, who spoke, whether the month's
//! resolution names who does each item, the length against the minimum, a thematic
//! meeting in the quarter and a guest from the upper level — and the quarters of a year
//! that ended without a thematic meeting.

use chrono::{Datelike, NaiveDate};

use super::meeting::{EntryKind, Meeting, MeetingId, MeetingKind, attendance_report};
use super::member::{Member, MemberId};
use super::resolution::Resolution;
use super::task::{Task, TaskId};

/// The facts of one meeting held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingQuality {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub kind: MeetingKind,
    /// Whether a thematic part was held in the same session.
    pub with_thematic: bool,
    /// The branch's own members expected (the exempt and those attached elsewhere left out).
    pub expected: usize,
    /// The branch's own members present, late ones included.
    pub present: usize,
    /// Members who spoke, each once, in the order they first spoke.
    pub speakers: Vec<MemberId>,
    /// Speeches by guests.
    pub guest_speeches: usize,
    /// Items of the resolution adopted at the meeting.
    pub items: usize,
    /// Of them, items naming who leads them (every item has a due date).
    pub items_with_lead: usize,
    /// Minutes from the start to the end; none when the times are missing.
    pub minutes: Option<i64>,
    /// The minimum length for the kind (90, or 120 with a thematic part).
    pub minimum: u32,
    /// A thematic meeting (or thematic part) was held in the meeting's quarter.
    pub thematic_in_quarter: bool,
    /// The guests named in the meeting's details (representatives of the upper level).
    pub guests: Vec<String>,
}

impl MeetingQuality {
    /// Members present in percent of those expected (none expected: no figure).
    pub fn attendance_percent(&self) -> Option<u32> {
        percent(self.present, self.expected)
    }

    /// Members who spoke in percent of those present.
    pub fn speakers_percent(&self) -> Option<u32> {
        percent(self.speakers.len(), self.present)
    }

    /// Whether the meeting lasted at least its minimum; unknown without the times.
    pub fn long_enough(&self) -> Option<bool> {
        self.minutes.map(|m| m >= i64::from(self.minimum))
    }

    /// Whether every item of its resolution says who does it (and there are items).
    pub fn concrete(&self) -> bool {
        self.items > 0 && self.items_with_lead == self.items
    }
}

fn percent(part: usize, whole: usize) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    // rounded half up, in whole percent
    Some(((part * 200 + whole) / (2 * whole)) as u32)
}

/// The quarter (1–4) of a date.
pub fn quarter(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// The last day of a quarter.
fn quarter_end(year: i32, q: u32) -> Option<NaiveDate> {
    let next = if q == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, q * 3 + 1, 1)
    };
    next?.pred_opt()
}

/// A meeting that was held (ended); one still in progress is not held yet.
fn held(m: &Meeting) -> bool {
    m.ended_at.is_some()
}

/// Whether a held meeting counts as the quarter's thematic meeting: a thematic meeting,
/// or a regular one that held a thematic part in the same session.
fn is_thematic(m: &Meeting) -> bool {
    held(m) && (m.kind == MeetingKind::Thematic || m.with_thematic)
}

/// The facts of `meeting`, with the other meetings of the branch (for the quarter), the
/// roster, and the resolutions and tasks (for the items adopted at the meeting).
pub fn meeting_quality(
    meeting: &Meeting,
    meetings: &[Meeting],
    members: &[Member],
    resolutions: &[Resolution],
    tasks: &[Task],
) -> MeetingQuality {
    let report = attendance_report(meeting, members);
    let mut speakers: Vec<MemberId> = Vec::new();
    let mut guest_speeches = 0;
    for e in meeting.agenda.iter().flat_map(|i| &i.entries) {
        match &e.kind {
            EntryKind::Speech(id) if !speakers.contains(id) => speakers.push(*id),
            EntryKind::GuestSpeech(_) => guest_speeches += 1,
            _ => {}
        }
    }
    let items: Vec<TaskId> = resolutions
        .iter()
        .filter(|r| r.meeting == Some(meeting.id))
        .flat_map(|r| r.items.iter().copied())
        .collect();
    let items_with_lead = tasks
        .iter()
        .filter(|t| items.contains(&t.id) && t.lead.is_some())
        .count();
    let q = quarter(meeting.date);
    let thematic_in_quarter = meetings
        .iter()
        .chain(std::iter::once(meeting))
        .any(|m| m.date.year() == meeting.date.year() && quarter(m.date) == q && is_thematic(m));
    MeetingQuality {
        meeting: meeting.id,
        date: meeting.date,
        kind: meeting.kind,
        with_thematic: meeting.with_thematic,
        expected: report.expected(),
        present: report.present.len(),
        speakers,
        guest_speeches,
        items: items.len(),
        items_with_lead,
        minutes: meeting
            .started_at
            .zip(meeting.ended_at)
            .map(|(s, e)| (e - s).num_minutes()),
        minimum: meeting.minimum_minutes(),
        thematic_in_quarter,
        guests: meeting.guest_list(),
    }
}

/// The facts of every meeting of the branch (committee meetings left out) held in
/// `year`, in date order.
pub fn year_quality(
    year: i32,
    meetings: &[Meeting],
    members: &[Member],
    resolutions: &[Resolution],
    tasks: &[Task],
) -> Vec<MeetingQuality> {
    let mut held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.date.year() == year && held(m) && m.kind != MeetingKind::Committee)
        .collect();
    held.sort_by_key(|m| (m.date, m.start, m.id));
    held.into_iter()
        .map(|m| meeting_quality(m, meetings, members, resolutions, tasks))
        .collect()
}

/// The quarters of `year` that have ended by `today` without a thematic meeting held.
pub fn quarters_without_thematic(year: i32, meetings: &[Meeting], today: NaiveDate) -> Vec<u32> {
    (1..=4)
        .filter(|&q| quarter_end(year, q).is_some_and(|end| end < today))
        .filter(|&q| {
            !meetings
                .iter()
                .any(|m| m.date.year() == year && quarter(m.date) == q && is_thematic(m))
        })
        .collect()
}

/// The quarter that ended last before `today` when it had no thematic meeting: what the
/// meetings screen warns about. `(year, quarter)`.
pub fn last_quarter_without_thematic(meetings: &[Meeting], today: NaiveDate) -> Option<(i32, u32)> {
    let (year, q) = match quarter(today) {
        1 => (today.year() - 1, 4),
        q => (today.year(), q - 1),
    };
    quarters_without_thematic(year, meetings, today)
        .contains(&q)
        .then_some((year, q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{AgendaItem, Entry, Presence};
    use crate::domain::member::{Activity, Standing};
    use crate::domain::resolution::ResolutionId;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn member(id: u64, activity: Activity) -> Member {
        let mut m = Member::new("Người", "Số", &id.to_string());
        m.id = MemberId(id);
        m.standing = Standing::Official;
        m.activity = activity;
        m
    }

    fn held_meeting(id: u64, kind: MeetingKind, date: NaiveDate, minutes: i64) -> Meeting {
        let mut m = Meeting::new(kind, date, t(19, 30));
        m.id = MeetingId(id);
        let start = date.and_time(t(19, 30));
        m.started_at = Some(start);
        m.ended_at = Some(start + chrono::Duration::minutes(minutes));
        m
    }

    fn speech(who: u64) -> Entry {
        Entry {
            at: t(20, 0),
            kind: EntryKind::Speech(MemberId(who)),
            text: "ý kiến".into(),
        }
    }

    #[test]
    fn a_meeting_is_judged_on_attendance_speakers_items_and_length() {
        let members: Vec<Member> = (1..=5)
            .map(|i| member(i, Activity::Active))
            .chain([
                member(6, Activity::Exempt),
                member(7, Activity::TemporaryOut),
            ])
            .collect();
        let mut m = held_meeting(1, MeetingKind::Regular, d(2026, 11, 5), 85);
        m.guests = "đ/c Lê Văn Bình, Đảng ủy viên phường".into();
        for i in 1..=4 {
            m.attendance.insert(MemberId(i), Presence::Present);
        }
        m.attendance.insert(MemberId(5), Presence::Absent);
        let mut item = AgendaItem::new("Thảo luận", 30);
        item.entries = vec![
            speech(2),
            speech(3),
            speech(2),
            Entry {
                at: t(20, 10),
                kind: EntryKind::GuestSpeech("đ/c Lê Văn Bình".into()),
                text: "góp ý".into(),
            },
        ];
        m.agenda = vec![item];
        let mut with_lead = Task::new("Vận động quỹ", d(2026, 11, 30));
        with_lead.id = TaskId(10);
        with_lead.lead = Some(MemberId(1));
        let mut without = Task::new("Dọn vệ sinh", d(2026, 11, 30));
        without.id = TaskId(11);
        let r = Resolution {
            id: ResolutionId(1),
            kind: Default::default(),
            year: 2026,
            seq: 1,
            number: "1-NQ/CB".into(),
            title: "Nghị quyết tháng 11".into(),
            adopted_on: Some(d(2026, 11, 5)),
            meeting: Some(MeetingId(1)),
            adopted_by: None,
            basis: String::new(),
            results: String::new(),
            items: vec![TaskId(10), TaskId(11)],
            superseded_by: None,
            supersedes: None,
            adopted: None,
        };
        let q = meeting_quality(
            &m,
            std::slice::from_ref(&m),
            &members,
            &[r],
            &[with_lead, without],
        );
        // the exempt member and the one attached elsewhere are not expected
        assert_eq!((q.present, q.expected), (4, 5));
        assert_eq!(q.attendance_percent(), Some(80));
        assert_eq!(q.speakers, [MemberId(2), MemberId(3)]);
        assert_eq!(q.speakers_percent(), Some(50));
        assert_eq!(q.guest_speeches, 1);
        assert_eq!((q.items, q.items_with_lead), (2, 1));
        assert!(!q.concrete(), "an item without a lead is not concrete");
        assert_eq!(q.minutes, Some(85));
        assert_eq!(q.minimum, 90);
        assert_eq!(q.long_enough(), Some(false));
        assert!(!q.thematic_in_quarter);
        assert_eq!(q.guests, ["đ/c Lê Văn Bình, Đảng ủy viên phường"]);
    }

    #[test]
    fn a_regular_meeting_with_a_thematic_part_needs_120_minutes_and_counts_for_the_quarter() {
        let mut m = held_meeting(1, MeetingKind::Regular, d(2026, 8, 5), 100);
        m.with_thematic = true;
        let q = meeting_quality(&m, &[], &[], &[], &[]);
        assert_eq!(q.minimum, 120);
        assert_eq!(q.long_enough(), Some(false));
        assert!(q.thematic_in_quarter);
        assert_eq!(q.attendance_percent(), None, "nobody expected: no figure");
    }

    #[test]
    fn quarters_that_ended_without_a_thematic_meeting_are_named() {
        let meetings = [
            held_meeting(1, MeetingKind::Thematic, d(2026, 2, 10), 120),
            held_meeting(2, MeetingKind::Regular, d(2026, 5, 5), 95),
            // planned, not held: does not count
            Meeting::new(MeetingKind::Thematic, d(2026, 6, 20), t(19, 30)),
            held_meeting(4, MeetingKind::Thematic, d(2025, 8, 10), 120),
        ];
        // on 2 December 2026 three quarters have ended; the second and third had none
        assert_eq!(
            quarters_without_thematic(2026, &meetings, d(2026, 12, 2)),
            [2, 3]
        );
        // the fourth is not over yet; in January it is
        assert_eq!(
            quarters_without_thematic(2026, &meetings, d(2027, 1, 1)),
            [2, 3, 4]
        );
        assert_eq!(
            last_quarter_without_thematic(&meetings, d(2026, 12, 2)),
            Some((2026, 3))
        );
        assert_eq!(
            last_quarter_without_thematic(&meetings, d(2027, 1, 15)),
            Some((2026, 4))
        );
        // 2025's third quarter had its thematic meeting
        assert_eq!(
            last_quarter_without_thematic(&meetings, d(2025, 10, 1)),
            None
        );
    }

    #[test]
    fn the_year_lists_meetings_held_in_date_order_without_committee_meetings() {
        let mut in_progress = held_meeting(5, MeetingKind::Regular, d(2026, 12, 1), 0);
        in_progress.ended_at = None;
        let meetings = [
            held_meeting(1, MeetingKind::Regular, d(2026, 11, 5), 95),
            held_meeting(2, MeetingKind::Committee, d(2026, 10, 1), 60),
            held_meeting(3, MeetingKind::Regular, d(2026, 10, 5), 95),
            held_meeting(4, MeetingKind::Regular, d(2025, 12, 5), 95),
            in_progress,
        ];
        let year: Vec<u64> = year_quality(2026, &meetings, &[], &[], &[])
            .iter()
            .map(|q| q.meeting.0)
            .collect();
        assert_eq!(year, [3, 1]);
    }
}
