// Over 500 lines: one record from plan to amended minutes, with all its rules; a quarter is tests.
//! A branch meeting (sinh hoạt chi bộ): kind, plan, agenda, attendance, the minutes'
//! entries, votes, end, approval and amendments.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::member::{Activity, Member, MemberId, Standing};
use super::vote::Vote;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct MeetingId(pub u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Thường kỳ (monthly).
    #[default]
    Regular,
    /// Chuyên đề.
    Thematic,
    /// Họp chi ủy.
    Committee,
    /// Bất thường.
    Extraordinary,
    /// Kiểm điểm cuối năm.
    YearEnd,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 5] = [
        MeetingKind::Regular,
        MeetingKind::Thematic,
        MeetingKind::Committee,
        MeetingKind::Extraordinary,
        MeetingKind::YearEnd,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Committee => "committee",
            MeetingKind::Extraordinary => "extraordinary",
            MeetingKind::YearEnd => "year_end",
        }
    }

    /// The kind in the title of the minutes: "THƯỜNG KỲ".
    pub fn title_word(self) -> &'static str {
        match self {
            MeetingKind::Regular => "THƯỜNG KỲ",
            MeetingKind::Thematic => "CHUYÊN ĐỀ",
            MeetingKind::Committee => "CHI ỦY",
            MeetingKind::Extraordinary => "BẤT THƯỜNG",
            MeetingKind::YearEnd => "KIỂM ĐIỂM CUỐI NĂM",
        }
    }
}

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
            title: super::text::clean(title),
            presenter: None,
            planned_minutes: minutes,
            entries: Vec::new(),
            spent_secs: 0,
        }
    }
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
    pub review: Option<super::review::Review>,
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

/// The least a meeting should last, in minutes.
pub fn minimum_minutes(kind: MeetingKind, with_thematic: bool) -> u32 {
    match (kind, with_thematic) {
        (MeetingKind::Regular, true) => 120,
        (MeetingKind::Regular, false) => 90,
        _ => 0,
    }
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
            .map(|g| super::text::clean(g.trim().trim_end_matches('.')))
            .filter(|g| !g.is_empty())
            .collect()
    }

    /// Starts the meeting when its console first opens at `now`: held today, at the
    /// time it was called for when that is today (the console is often opened late),
    /// unless it is opened well before that time; on another day than the one planned,
    /// or well early, it starts now. Both can be corrected until approval.
    pub fn hold(&mut self, now: NaiveDateTime) {
        let today = now.date();
        let planned = today.and_time(self.start);
        let start = if self.date != today || now + chrono::Duration::minutes(30) < planned {
            now.with_second(0).unwrap_or(now)
        } else {
            planned
        };
        self.date = today;
        self.start = start.time();
        self.started_at = Some(start);
    }

    /// Sets the start (and the end, once the meeting has ended) to the times written
    /// in its details, on the day it was held. An end before the start is refused.
    pub fn set_times(
        &mut self,
        start: NaiveTime,
        end: Option<NaiveTime>,
    ) -> Result<(), TimesError> {
        let started = self.date.and_time(start);
        let ended = match (end, self.ended_at) {
            (Some(e), Some(_)) => {
                let mut at = self.date.and_time(e);
                // a meeting that went past midnight
                if at < started && e < NaiveTime::from_hms_opt(6, 0, 0).unwrap_or(NaiveTime::MIN) {
                    at += chrono::Duration::days(1);
                }
                if at < started {
                    return Err(TimesError::EndBeforeStart);
                }
                Some(at)
            }
            (_, ended) => ended,
        };
        self.start = start;
        if self.started_at.is_some() {
            self.started_at = Some(started);
            self.ended_at = ended;
        }
        Ok(())
    }

    /// "tháng 12/2026".
    pub fn month_label(&self) -> String {
        self.date.format("%m/%Y").to_string()
    }

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
    reviews_resolution(title) || super::text::fold(title).contains("nhiem vu thang toi")
}

/// Whether an agenda item is the review of last month's resolution ("Đánh giá kết quả
/// thực hiện nghị quyết …"), however its title is cased and accented: the console shows
/// the resolution's items under it, the minutes list their status.
pub fn reviews_resolution(title: &str) -> bool {
    super::text::fold(title).contains("danh gia ket qua thuc hien nghi quyet")
}

impl AgendaItem {
    /// Whether anything was recorded under the item.
    pub fn has_content(&self) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e.kind, EntryKind::Vote(_)) || !e.text.trim().is_empty())
    }
}

/// Times of a meeting that cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimesError {
    #[error("the end is before the start")]
    EndBeforeStart,
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

/// A template of the agenda for a kind of meeting (data the branch can edit).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Template {
    pub kind: String,
    pub items: Vec<TemplateItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TemplateItem {
    pub title: String,
    #[serde(default)]
    pub minutes: u32,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Templates {
    #[serde(default)]
    template: Vec<Template>,
}

pub const DEFAULT_TEMPLATES: &str = include_str!("agenda.toml");

/// A template's kind that is none of chibo's, told with its place as TOML tells its own
/// errors ("TOML parse error at line L, column C", then what is wrong).
fn unknown_kind(text: &str, index: usize, kind: &str) -> String {
    #[derive(Deserialize)]
    struct Kinds {
        template: Vec<Kind>,
    }
    #[derive(Deserialize)]
    struct Kind {
        kind: toml::Spanned<String>,
    }
    let what = format!("unknown kind of meeting \"{kind}\"");
    let place = toml::from_str::<Kinds>(text)
        .ok()
        .and_then(|k| k.template.into_iter().nth(index))
        .map(|k| super::text::line_col(text, k.kind.span().start));
    match place {
        Some((line, column)) => format!("TOML parse error at line {line}, column {column}\n{what}"),
        None => what,
    }
}

impl Templates {
    /// The shipped templates (tested to parse).
    pub fn shipped() -> Templates {
        toml::from_str(DEFAULT_TEMPLATES).unwrap_or_default()
    }

    /// The shipped templates with a user's file replacing the kinds it names.
    pub fn with_user(text: &str) -> Result<Templates, String> {
        let user: Templates = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut all = Templates::shipped();
        for (i, t) in user.template.into_iter().enumerate() {
            if !MeetingKind::ALL.iter().any(|k| k.key() == t.kind) {
                return Err(unknown_kind(text, i, &t.kind));
            }
            all.template.retain(|x| x.kind != t.kind);
            all.template.push(t);
        }
        Ok(all)
    }

    /// The agenda of a new meeting of `kind`.
    pub fn agenda(&self, kind: MeetingKind) -> Vec<AgendaItem> {
        self.template
            .iter()
            .find(|t| t.kind == kind.key())
            .map(|t| {
                t.items
                    .iter()
                    .map(|i| AgendaItem::new(&i.title, i.minutes))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn shipped_templates_cover_every_kind_and_the_regular_order() {
        let t = Templates::shipped();
        for k in MeetingKind::ALL {
            assert!(!t.agenda(k).is_empty(), "{k:?}");
        }
        let regular = t.agenda(MeetingKind::Regular);
        assert_eq!(regular.len(), 8);
        assert!(
            regular[2]
                .title
                .starts_with("Đánh giá kết quả thực hiện nghị quyết tháng trước")
        );
        assert_eq!(regular.iter().map(|i| i.planned_minutes).sum::<u32>(), 100);
    }

    #[test]
    fn a_user_template_replaces_its_kind() {
        let t = Templates::with_user(
            "[[template]]\nkind = \"committee\"\nitems = [{ title = \"Một mục\", minutes = 5 }]\n",
        )
        .unwrap();
        assert_eq!(t.agenda(MeetingKind::Committee).len(), 1);
        assert_eq!(t.agenda(MeetingKind::Regular).len(), 8);
        assert!(Templates::with_user("[[template]]\nkind = \"party\"\nitems = []\n").is_err());
    }

    #[test]
    fn a_meeting_starts_at_its_time_on_its_day_and_now_on_another() {
        let at = |day, h, m| d(2026, 12, day).and_hms_opt(h, m, 20).unwrap();
        let planned = || {
            Meeting::new(
                MeetingKind::Regular,
                d(2026, 12, 5),
                NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
            )
        };
        // on the day, opened late: the time it was called for
        let mut m = planned();
        m.hold(at(5, 19, 52));
        assert_eq!(
            m.started_at,
            Some(at(5, 19, 30) - chrono::Duration::seconds(20))
        );
        // on the day, well early: now
        let mut m = planned();
        m.hold(at(5, 18, 0));
        assert_eq!(
            m.started_at,
            Some(at(5, 18, 0) - chrono::Duration::seconds(20))
        );
        // three days early, in the evening: now, on that day, and not 19:30 of it
        let mut m = planned();
        m.hold(at(2, 21, 21));
        assert_eq!(m.date, d(2026, 12, 2));
        assert_eq!(
            m.started_at,
            Some(at(2, 21, 21) - chrono::Duration::seconds(20))
        );
        assert_eq!(m.start, NaiveTime::from_hms_opt(21, 21, 0).unwrap());
        // a day late, in the evening: now too
        let mut m = planned();
        m.hold(at(6, 20, 5));
        assert_eq!(
            m.started_at,
            Some(at(6, 20, 5) - chrono::Duration::seconds(20))
        );
    }

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
