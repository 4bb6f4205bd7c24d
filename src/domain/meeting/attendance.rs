//! Who came: each member's presence, who is expected at the roll call, and the
//! attendance report read out at the opening.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::{Meeting, RosterEntry};
use crate::domain::member::{Activity, Member, MemberId, Standing};

/// A member's presence at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    /// Đến muộn, at this time.
    Late(NaiveTime),
    /// Vắng có lý do.
    Excused(String),
    /// Vắng không lý do.
    Absent,
}

impl Presence {
    pub fn is_present(&self) -> bool {
        matches!(self, Presence::Present | Presence::Late(_))
    }
}

/// Members expected at a meeting (on the roll call): active and temporarily attached.
/// Exempt members are listed apart and never counted absent.
pub fn expected(m: &Member) -> bool {
    matches!(m.activity, Activity::Active | Activity::TemporaryIn)
}

/// The attendance report read out at the opening.
///
/// `total` is the branch's đảng số: its own official and probationary members, those
/// temporarily attached elsewhere and the exempt included. Members temporarily attached
/// to this branch are counted apart (`temporary`). The parts of the total add up:
/// `total = present + excused + absent + unmarked + exempt not present + temporary_out`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttendanceReport {
    pub total: usize,
    pub official: usize,
    pub probationary: usize,
    /// Members temporarily attached to this branch (sinh hoạt tạm thời đến).
    pub temporary: usize,
    /// Members of the branch temporarily attached elsewhere: shown as such, never absent.
    pub temporary_out: Vec<MemberId>,
    pub exempt: usize,
    /// The exempt members, named in the report (present or not).
    pub exempt_members: Vec<MemberId>,
    /// The branch's own members present (late ones included).
    pub present: Vec<MemberId>,
    /// Members temporarily attached here who are present.
    pub temporary_present: Vec<MemberId>,
    /// Everyone who came late, own members and those attached here.
    pub late: Vec<(MemberId, NaiveTime)>,
    pub excused: Vec<(MemberId, String)>,
    pub absent: Vec<MemberId>,
    /// Members temporarily attached here who are absent (with or without reason).
    pub temporary_absent: Vec<MemberId>,
    /// Expected members not marked yet (those attached here included).
    pub unmarked: usize,
}

impl AttendanceReport {
    /// The branch's own members expected at the meeting: the total less the exempt and
    /// those temporarily attached elsewhere.
    pub fn expected(&self) -> usize {
        self.total - self.exempt - self.temporary_out.len()
    }
}

/// The report for a meeting, from the members on the roster (in roster order).
pub fn attendance_report(meeting: &Meeting, members: &[Member]) -> AttendanceReport {
    let mut r = AttendanceReport::default();
    // the roster as it was at the meeting when recorded, as it is now otherwise
    let entries: Vec<RosterEntry> = if meeting.roster.is_empty() {
        members
            .iter()
            .filter(|m| m.activity.on_roster())
            .map(|m| RosterEntry {
                id: m.id,
                standing: m.standing,
                activity: m.activity,
            })
            .collect()
    } else {
        let frozen: std::collections::HashMap<MemberId, RosterEntry> =
            meeting.roster.iter().map(|e| (e.id, *e)).collect();
        members
            .iter()
            .filter_map(|m| frozen.get(&m.id).copied())
            .collect()
    };
    for m in &entries {
        let presence = meeting.attendance.get(&m.id);
        if let Some(Presence::Late(t)) = presence {
            r.late.push((m.id, *t));
        }
        if m.activity == Activity::TemporaryIn {
            r.temporary += 1;
            match presence {
                Some(p) if p.is_present() => r.temporary_present.push(m.id),
                Some(_) => r.temporary_absent.push(m.id),
                None => r.unmarked += 1,
            }
            continue;
        }
        r.total += 1;
        match m.standing {
            Standing::Official => r.official += 1,
            Standing::Probationary => r.probationary += 1,
        }
        match m.activity {
            Activity::TemporaryOut => {
                // attached elsewhere for a while: in the total, never absent
                r.temporary_out.push(m.id);
                continue;
            }
            Activity::Exempt => {
                r.exempt += 1;
                r.exempt_members.push(m.id);
                // an exempt member who attends is present; one who does not is never absent
                if presence.is_some_and(Presence::is_present) {
                    r.present.push(m.id);
                }
                continue;
            }
            _ => {}
        }
        match presence {
            Some(Presence::Present | Presence::Late(_)) => r.present.push(m.id),
            Some(Presence::Excused(reason)) => r.excused.push((m.id, reason.clone())),
            Some(Presence::Absent) => r.absent.push(m.id),
            None => r.unmarked += 1,
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::super::MeetingKind;
    use super::super::testing::d;
    use super::*;

    #[test]
    fn exempt_members_are_never_counted_absent() {
        let mut ms = Vec::new();
        for (i, activity) in [
            Activity::Active,
            Activity::Active,
            Activity::Exempt,
            Activity::TemporaryIn,
            Activity::Transferred,
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = Member::new("Lê", "", "A");
            m.id = MemberId(i as u64 + 1);
            m.activity = activity;
            ms.push(m);
        }
        let mut meeting = Meeting::new(MeetingKind::Regular, d(2026, 12, 5), NaiveTime::MIN);
        meeting.attendance.insert(MemberId(1), Presence::Present);
        meeting
            .attendance
            .insert(MemberId(2), Presence::Excused("ốm".into()));
        meeting.attendance.insert(MemberId(3), Presence::Absent);
        let r = attendance_report(&meeting, &ms);
        assert_eq!((r.total, r.exempt, r.temporary), (3, 1, 1));
        assert_eq!(r.exempt_members, [MemberId(3)]);
        assert_eq!(r.present, [MemberId(1)]);
        assert_eq!(r.excused, [(MemberId(2), "ốm".to_string())]);
        assert!(r.absent.is_empty());
        assert_eq!(r.unmarked, 1);
    }

    #[test]
    fn attached_here_counted_apart_attached_elsewhere_in_the_total_never_absent() {
        let mut ms = Vec::new();
        for (i, (activity, standing)) in [
            (Activity::Active, Standing::Official),
            (Activity::Active, Standing::Probationary),
            (Activity::Active, Standing::Official),
            (Activity::TemporaryOut, Standing::Official),
            (Activity::TemporaryIn, Standing::Official),
            (Activity::TemporaryIn, Standing::Probationary),
            (Activity::Exempt, Standing::Official),
            (Activity::Exempt, Standing::Official),
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = Member::new("Lê", "", "A");
            m.id = MemberId(i as u64 + 1);
            m.activity = activity;
            m.standing = standing;
            ms.push(m);
        }
        let mut meeting = Meeting::new(MeetingKind::Regular, d(2026, 12, 5), NaiveTime::MIN);
        meeting.attendance.insert(MemberId(1), Presence::Present);
        meeting.attendance.insert(MemberId(2), Presence::Absent);
        meeting
            .attendance
            .insert(MemberId(5), Presence::Late(NaiveTime::MIN));
        meeting
            .attendance
            .insert(MemberId(6), Presence::Excused("công tác".into()));
        meeting.attendance.insert(MemberId(7), Presence::Present);
        meeting.freeze_roster(&ms);
        let r = attendance_report(&meeting, &ms);
        // đảng số: own members 1–4 and 7–8 (the one attached elsewhere included)
        assert_eq!((r.total, r.official, r.probationary), (6, 5, 1));
        assert_eq!(r.temporary_out, [MemberId(4)]);
        assert!(!r.absent.contains(&MemberId(4)));
        assert_eq!(r.temporary, 2);
        assert_eq!(r.temporary_present, [MemberId(5)]);
        assert_eq!(r.temporary_absent, [MemberId(6)]);
        assert_eq!(r.late, [(MemberId(5), NaiveTime::MIN)]);
        // the exempt member who came is present; the other is neither present nor absent
        assert_eq!(r.present, [MemberId(1), MemberId(7)]);
        assert_eq!(r.absent, [MemberId(2)]);
        assert_eq!(r.unmarked, 1);
        assert_eq!(r.expected(), 3);
        let exempt_away = r
            .exempt_members
            .iter()
            .filter(|id| !r.present.contains(id))
            .count();
        assert_eq!(
            r.total,
            r.present.len()
                + r.excused.len()
                + r.absent.len()
                + r.unmarked
                + exempt_away
                + r.temporary_out.len()
        );
    }

    #[test]
    fn the_minutes_name_those_attached_elsewhere_and_count_those_attached_here_apart() {
        let mut ms = Vec::new();
        for (i, (family, activity)) in [
            ("Lê", Activity::Active),
            ("Trần", Activity::TemporaryOut),
            ("Phạm", Activity::TemporaryIn),
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = Member::new(family, "Văn", "An");
            m.id = MemberId(i as u64 + 1);
            m.activity = activity;
            ms.push(m);
        }
        let mut meeting = Meeting::new(MeetingKind::Regular, d(2026, 12, 5), NaiveTime::MIN);
        meeting.attendance.insert(MemberId(1), Presence::Present);
        meeting.attendance.insert(MemberId(3), Presence::Present);
        let lines =
            crate::export::minutes::attendance_lines(&attendance_report(&meeting, &ms), &ms)
                .join("\n");
        assert!(
            lines.contains("Tổng số đảng viên của chi bộ: 2 đồng chí (chính thức 2, dự bị 0)."),
            "{lines}"
        );
        assert!(
            lines.contains("Sinh hoạt tạm thời nơi khác: 1 đồng chí: đồng chí Trần Văn An."),
            "{lines}"
        );
        assert!(
            lines.contains("Đảng viên sinh hoạt tạm thời: 1 đồng chí, có mặt 1."),
            "{lines}"
        );
        assert!(lines.contains("Có mặt: 1 đồng chí."), "{lines}");
        assert!(lines.contains("Vắng không lý do: không."), "{lines}");
    }

    #[test]
    fn the_minutes_keep_the_roster_of_the_day() {
        let mut ms = Vec::new();
        for i in 1..=3 {
            let mut m = Member::new("Lê", "", "A");
            m.id = MemberId(i);
            ms.push(m);
        }
        let mut meeting = Meeting::new(MeetingKind::Regular, d(2026, 12, 5), NaiveTime::MIN);
        for m in &ms {
            meeting.attendance.insert(m.id, Presence::Present);
        }
        meeting.freeze_roster(&ms);
        // a month later one member transfers out and one becomes exempt
        ms[0].activity = Activity::Transferred;
        ms[1].activity = Activity::Exempt;
        let r = attendance_report(&meeting, &ms);
        assert_eq!((r.total, r.exempt, r.present.len()), (3, 0, 3));
    }
}
