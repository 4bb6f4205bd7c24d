//! A member's record for a year — meetings attended and missed, tasks done on time,
//! late or not at all, ratings — the evidence the annual evaluation asks for.

use chrono::{Datelike, NaiveDate};

use super::meeting::{Meeting, MeetingKind, Presence, RosterEntry};
use super::member::{Activity, Member, MemberId};
use super::task::{Rating, Task, TaskStatus};

/// Months of a calendar year with an unexcused absence that call for considering
/// striking off (Điều lệ Đảng: "3 tháng trong năm").
pub const ABSENCE_FLAG_MONTHS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberRecord {
    pub year: i32,
    /// Regular meetings held (ended) that year while the member was expected at them.
    pub meetings: u32,
    pub attended: u32,
    pub excused: u32,
    pub absent: u32,
    /// Months of the year with at least one unexcused absence at a meeting of the
    /// branch held that month.
    pub absent_months: u32,
    /// Months of the year, ended, in which the member paid less dues than expected
    /// (an exempt member is expected to pay nothing); set by `with_unpaid_dues`.
    pub unpaid_months: u32,
    /// Tasks the member leads or helps with, due that year: on time + late + not done
    /// + open.
    pub assigned: u32,
    pub on_time: u32,
    pub late: u32,
    /// Due and past, not done (cancelled ones are not counted at all).
    pub not_done: u32,
    /// Not done and not yet due.
    pub open: u32,
    pub exceeded: u32,
    pub met: u32,
    pub not_met: u32,
}

impl MemberRecord {
    /// Unexcused absences in 3 months of the year, or dues unpaid without reason in 3
    /// months of it: consider striking off.
    pub fn flagged(&self) -> bool {
        self.absent_months >= ABSENCE_FLAG_MONTHS
            || self.unpaid_months >= super::dues::UNPAID_FLAG_MONTHS
    }

    /// The record with the months of the year the member left dues unpaid, as of
    /// `today`: a month counts once it has ended.
    pub fn with_unpaid_dues(
        mut self,
        ledger: &super::dues::Ledger,
        rates: &super::dues::Rates,
        m: &Member,
        today: NaiveDate,
    ) -> MemberRecord {
        self.unpaid_months = ledger.unpaid_months_as_of(rates, m, self.year, today);
        self
    }

    /// Meetings attended, in percent of those held (none held: no figure).
    pub fn attendance_percent(&self) -> Option<u32> {
        percent(self.attended, self.meetings)
    }

    /// Tasks done on time, in percent of those whose outcome is known (done, or due and
    /// not done); open tasks not yet due are left out.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.on_time, self.on_time + self.late + self.not_done)
    }
}

/// `part` of `whole`, rounded to the nearest percent.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| (part * 200 + whole) / (whole * 2))
}

/// Whether the member was expected at a meeting (on its frozen roster when it has
/// one, not exempt, not attached elsewhere).
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

/// The record of `m` for `year`, as of `today`: meetings held (a meeting in progress is
/// not held yet), and tasks the member leads or helps with.
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
    let held = meetings
        .iter()
        .filter(|x| x.date.year() == year && x.ended_at.is_some())
        .filter(|x| expected_at(m, x));
    let mut months = std::collections::BTreeSet::new();
    for x in held {
        let presence = x.attendance.get(&m.id);
        // a meeting of the whole branch (the committee's own meetings are not)
        if presence == Some(&Presence::Absent) && x.kind != MeetingKind::Committee {
            months.insert(x.date.month());
        }
        if x.kind != MeetingKind::Regular {
            continue;
        }
        r.meetings += 1;
        match presence {
            Some(Presence::Present | Presence::Late(_)) => r.attended += 1,
            Some(Presence::Excused(_)) => r.excused += 1,
            Some(Presence::Absent) => r.absent += 1,
            None => {}
        }
    }
    r.absent_months = months.len() as u32;
    for t in tasks
        .into_iter()
        .filter(|t| t.involves(m.id) && t.due.year() == year)
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
        } else {
            r.open += 1;
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
    tasks
        .iter()
        .filter(move |t| t.status.is_open() && t.involves(member))
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
        x.ended_at = x.started_at;
        if let Some(p) = presence {
            x.attendance.insert(MemberId(1), p);
        }
        x
    }

    #[test]
    fn attendance_figures_and_percent() {
        let m = member(1);
        let meetings = vec![
            meeting(1, Some(Presence::Present)),
            meeting(2, Some(Presence::Absent)),
            meeting(4, Some(Presence::Excused("ốm".into()))),
            meeting(8, Some(Presence::Late(NaiveTime::MIN))),
        ];
        let r = member_record(&m, 2026, &meetings, &[], d(2026, 12, 31));
        assert_eq!((r.meetings, r.attended, r.excused, r.absent), (4, 2, 1, 1));
        assert_eq!(r.attendance_percent(), Some(50));
        assert_eq!(
            member_record(&m, 2026, &[], &[], d(2026, 12, 31)).attendance_percent(),
            None
        );
        assert_eq!(percent(2, 3), Some(67));
    }

    #[test]
    fn striking_off_is_considered_after_three_months_in_the_year_not_a_run() {
        let m = member(1);
        // four scattered unexcused absences, never two in a row
        let mut meetings = vec![
            meeting(1, Some(Presence::Absent)),
            meeting(2, Some(Presence::Present)),
            meeting(3, Some(Presence::Absent)),
            meeting(4, Some(Presence::Present)),
            meeting(6, Some(Presence::Absent)),
        ];
        let r = member_record(&m, 2026, &meetings, &[], d(2026, 12, 31));
        assert_eq!(r.absent_months, 3);
        assert!(r.flagged());
        // two absences in one month are one month
        meetings.truncate(2);
        let mut thematic = meeting(1, Some(Presence::Absent));
        thematic.kind = MeetingKind::Thematic;
        meetings.push(thematic);
        let r = member_record(&m, 2026, &meetings, &[], d(2026, 12, 31));
        assert_eq!((r.absent_months, r.flagged()), (1, false));
        // excused absences never count
        let excused: Vec<Meeting> = (1..=5)
            .map(|mo| meeting(mo, Some(Presence::Excused("ốm".into()))))
            .collect();
        assert!(!member_record(&m, 2026, &excused, &[], d(2026, 12, 31)).flagged());
    }

    #[test]
    fn three_months_of_dues_unpaid_without_reason_call_for_striking_off_too() {
        use crate::domain::dues::{Basis, DatedEntry, Entry, Ledger, Month, Rates};
        let rates = Rates::shipped();
        let mut m = member(1);
        m.admission_date = Some(d(2020, 1, 1));
        let entry = |id: u64, date: NaiveDate, entry: Entry| DatedEntry { id, date, entry };
        let mo = |x: u32| Month::new(2026, x).unwrap();
        let mut ledger = Ledger::default();
        // the ledger opens in January; January and March paid, the rest not
        for (id, month) in [(1, 1), (2, 3)] {
            ledger
                .record(entry(
                    id,
                    d(2026, month, 5),
                    Entry::Payment {
                        member: m.id,
                        months: vec![(mo(month), 5_000)],
                    },
                ))
                .unwrap();
        }
        let record = |today: NaiveDate, ledger: &Ledger| {
            member_record(&m, 2026, &[], &[], today).with_unpaid_dues(ledger, &rates, &m, today)
        };
        // in April, only February has ended unpaid: March is paid, April goes on
        let april = record(d(2026, 4, 20), &ledger);
        assert_eq!((april.unpaid_months, april.flagged()), (1, false));
        // in June: February, April and May
        let june = record(d(2026, 6, 2), &ledger);
        assert_eq!((june.unpaid_months, june.flagged()), (3, true));
        // exempt by the branch's decision from February: a reason, nothing unpaid
        ledger
            .record(entry(
                3,
                d(2026, 6, 2),
                Entry::Basis {
                    member: m.id,
                    from: mo(2),
                    basis: Basis::Exempt("ốm dài ngày".into()),
                },
            ))
            .unwrap();
        let exempt = record(d(2026, 6, 2), &ledger);
        assert_eq!((exempt.unpaid_months, exempt.flagged()), (0, false));
    }

    #[test]
    fn a_meeting_in_progress_is_not_yet_held() {
        let m = member(1);
        let mut x = meeting(12, Some(Presence::Absent));
        x.ended_at = None;
        let r = member_record(&m, 2026, &[x], &[], d(2026, 12, 5));
        assert_eq!((r.meetings, r.absent, r.absent_months), (0, 0, 0));
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
        assert_eq!(
            member_record(&m, 2026, &[x], &[], d(2026, 12, 31)).meetings,
            0
        );
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
        assert_eq!(
            (r.assigned, r.on_time, r.late, r.not_done, r.open),
            (5, 2, 1, 1, 1)
        );
        assert_eq!(r.assigned, r.on_time + r.late + r.not_done + r.open);
        assert_eq!((r.exceeded, r.met, r.not_met), (1, 0, 0));
        assert_eq!(r.on_time_percent(), Some(50));
    }

    #[test]
    fn helping_counts_like_leading() {
        let m = member(1);
        let mut helped = Task::new("x", d(2026, 3, 31));
        helped.lead = Some(MemberId(2));
        helped.helpers = vec![m.id];
        helped.complete(TaskNote::new(d(2026, 3, 30), ""), "");
        let mut other = Task::new("y", d(2026, 3, 31));
        other.lead = Some(MemberId(2));
        let r = member_record(&m, 2026, &[], &[helped, other], d(2026, 6, 15));
        assert_eq!((r.assigned, r.on_time), (1, 1));
    }
}
