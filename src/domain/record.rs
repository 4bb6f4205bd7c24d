//! A member's record for a year — meetings attended and missed, tasks done on time,
//! late or not at all, ratings — the evidence the annual evaluation asks for.

use chrono::{Datelike, NaiveDate};

use super::meeting::{Meeting, MeetingKind, Presence, RosterEntry};
use super::member::{Activity, Member, MemberId};
use super::task::{Rating, Task, TaskStatus};

/// Unexcused absences in a row that call for considering striking off.
pub const ABSENCE_FLAG: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberRecord {
    pub year: i32,
    /// Regular meetings held that year while the member was expected at them.
    pub meetings: u32,
    pub attended: u32,
    pub excused: u32,
    pub absent: u32,
    /// The longest run of unexcused absences, in meeting order.
    pub longest_absence_run: u32,
    /// Tasks led, due that year.
    pub assigned: u32,
    pub on_time: u32,
    pub late: u32,
    /// Due and past, not done (cancelled ones are not counted at all).
    pub not_done: u32,
    pub exceeded: u32,
    pub met: u32,
    pub not_met: u32,
}

impl MemberRecord {
    /// Unexcused absences in a row reached the flag.
    pub fn flagged(&self) -> bool {
        self.longest_absence_run >= ABSENCE_FLAG
    }
}

/// Whether the member was expected at a meeting (on its frozen roster when it has
/// one, not exempt).
fn expected_at(m: &Member, meeting: &Meeting) -> bool {
    if meeting.roster.is_empty() {
        return super::meeting::expected(m);
    }
    meeting
        .roster
        .iter()
        .find(|e: &&RosterEntry| e.id == m.id)
        .is_some_and(|e| matches!(e.activity, Activity::Active | Activity::TemporaryIn))
}

/// The record of `m` for `year`, as of `today`.
pub fn member_record<'a>(
    m: &Member,
    year: i32,
    meetings: &[Meeting],
    tasks: impl IntoIterator<Item = &'a Task>,
    today: NaiveDate,
) -> MemberRecord {
    let mut r = MemberRecord {
        year,
        ..MemberRecord::default()
    };
    let mut held: Vec<&Meeting> = meetings
        .iter()
        .filter(|x| x.kind == MeetingKind::Regular && x.date.year() == year && x.started_at.is_some())
        .filter(|x| expected_at(m, x))
        .collect();
    held.sort_by_key(|x| (x.date, x.start));
    let mut run = 0;
    for x in held {
        r.meetings += 1;
        match x.attendance.get(&m.id) {
            Some(Presence::Present | Presence::Late(_)) => {
                r.attended += 1;
                run = 0;
            }
            Some(Presence::Excused(_)) => {
                r.excused += 1;
                run = 0;
            }
            Some(Presence::Absent) => {
                r.absent += 1;
                run += 1;
                r.longest_absence_run = r.longest_absence_run.max(run);
            }
            None => {}
        }
    }
    for t in tasks
        .into_iter()
        .filter(|t| t.lead == Some(m.id) && t.due.year() == year)
    {
        if t.status == TaskStatus::Cancelled {
            continue;
        }
        r.assigned += 1;
        if t.status == TaskStatus::Done {
            if t.done_on_time() {
                r.on_time += 1;
            } else {
                r.late += 1;
            }
        } else if t.due < today {
            r.not_done += 1;
        }
        match t.rating {
            Some(Rating::Exceeded) => r.exceeded += 1,
            Some(Rating::Met) => r.met += 1,
            Some(Rating::NotMet) => r.not_met += 1,
            None => {}
        }
    }
    r
}

/// Members expected to carry a task: on the roster and not exempt (probationary
/// members included).
pub fn expects_task(m: &Member) -> bool {
    super::meeting::expected(m)
}

/// Open tasks a member leads or helps with.
pub fn open_tasks(member: MemberId, tasks: &[Task]) -> impl Iterator<Item = &Task> {
    tasks.iter().filter(move |t| t.status.is_open() && t.involves(member))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{Meeting, MeetingKind};
    use crate::domain::task::TaskNote;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(id: u64) -> Member {
        let mut m = Member::new("Lê", "", "An");
        m.id = MemberId(id);
        m
    }

    fn meeting(month: u32, presence: Option<Presence>) -> Meeting {
        let mut x = Meeting::new(MeetingKind::Regular, d(2026, month, 5), NaiveTime::MIN);
        x.started_at = Some(x.date.and_time(NaiveTime::MIN));
        if let Some(p) = presence {
            x.attendance.insert(MemberId(1), p);
        }
        x
    }

    #[test]
    fn attendance_figures_and_the_absence_flag() {
        let m = member(1);
        let meetings = vec![
            meeting(1, Some(Presence::Present)),
            meeting(2, Some(Presence::Absent)),
            meeting(3, Some(Presence::Absent)),
            meeting(4, Some(Presence::Excused("ốm".into()))),
            meeting(5, Some(Presence::Absent)),
            meeting(6, Some(Presence::Absent)),
            meeting(7, Some(Presence::Absent)),
            meeting(8, Some(Presence::Late(NaiveTime::MIN))),
        ];
        let r = member_record(&m, 2026, &meetings, &[], d(2026, 12, 31));
        assert_eq!((r.meetings, r.attended, r.excused, r.absent), (8, 2, 1, 5));
        assert_eq!(r.longest_absence_run, 3, "an excused absence breaks the run");
        assert!(r.flagged());
    }

    #[test]
    fn a_meeting_before_the_member_was_on_its_roster_does_not_count() {
        let m = member(1);
        let mut x = meeting(1, None);
        x.roster = vec![RosterEntry {
            id: MemberId(2),
            standing: m.standing,
            activity: Activity::Active,
        }];
        assert_eq!(member_record(&m, 2026, &[x], &[], d(2026, 12, 31)).meetings, 0);
    }

    #[test]
    fn on_time_is_done_on_or_before_the_due_date() {
        let m = member(1);
        let task = |due: NaiveDate, done: Option<NaiveDate>| {
            let mut t = Task::new("x", due);
            t.lead = Some(m.id);
            if let Some(done) = done {
                t.complete(TaskNote::new(done, ""), "");
            }
            t
        };
        let mut cancelled = task(d(2026, 3, 31), None);
        cancelled.cancel(TaskNote::new(d(2026, 3, 1), "không phù hợp"));
        let mut rated = task(d(2026, 4, 30), Some(d(2026, 4, 30)));
        rated.rating = Some(Rating::Exceeded);
        let tasks = vec![
            task(d(2026, 1, 31), Some(d(2026, 1, 31))), // on the day: on time
            task(d(2026, 2, 28), Some(d(2026, 3, 1))),  // a day late
            task(d(2026, 5, 31), None),                 // past, not done
            task(d(2026, 12, 31), None),                // not yet due
            task(d(2025, 12, 31), Some(d(2026, 1, 2))), // last year's
            cancelled,
            rated,
        ];
        let r = member_record(&m, 2026, &[], &tasks, d(2026, 6, 15));
        assert_eq!((r.assigned, r.on_time, r.late, r.not_done), (5, 2, 1, 1));
        assert_eq!((r.exceeded, r.met, r.not_met), (1, 0, 0));
    }
}
