//! The meetings screen: the list (newest first, by year and kind), planning a meeting,
//! and what happens after it: approval, amendments, the biên bản file. The agenda's keys
//! are in `meetings/agenda.rs`.
//! Over 500 lines: planning, saving and approval share the meeting's working copy.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::list::{Cursor, Filtered};
use super::picker::{PickPurpose, Picker};
use super::{App, Ctx, Outcome, Overlay, Status};

mod agenda;

use crate::domain::meeting::{Amendment, Meeting, MeetingId, MeetingKind, MeetingStatus};
use crate::domain::member::{CommitteeRole, MemberId};
use crate::i18n::{Msg, labels};
use crate::store::{Records, StoreError, Tree};
pub use agenda::AgendaEdit;

#[derive(Debug, Default)]
pub struct Meetings {
    /// Every meeting, newest first.
    list: Vec<Meeting>,
    /// The meetings of the year and kind chosen, and the selection among them.
    pub shown: Filtered,
    pub year: Option<i32>,
    pub kind: Option<MeetingKind>,
    /// The meeting whose agenda is shown.
    pub open: Option<MeetingId>,
    /// The selected agenda item there.
    pub item: Cursor,
    /// The live console, while a meeting is being minuted.
    pub console: Option<super::minutes::Console>,
}

impl Meetings {
    pub fn load(&mut self, mut list: Vec<Meeting>) {
        list.sort_by_key(|m| std::cmp::Reverse((m.date, m.start, m.id)));
        let keep = self.selected_meeting().map(|m| m.id);
        self.list = list;
        self.refilter();
        if let Some(id) = keep {
            let list = &self.list;
            self.shown.select_where(|i| list[i].id == id);
        }
    }

    /// Selects the next meeting to hold: one in progress, else the nearest planned one
    /// from `today` on, else the nearest planned one before it (held late, or not yet
    /// started); the top row when none is planned.
    pub fn select_next(&mut self, today: NaiveDate) {
        let list = &self.list;
        let planned = |i: usize| list[i].status() == MeetingStatus::Planned;
        // newest first: the last planned row from today on is the nearest
        let next = self
            .shown
            .indexes()
            .iter()
            .copied()
            .find(|&i| list[i].status() == MeetingStatus::InProgress)
            .or_else(|| {
                self.shown
                    .indexes()
                    .iter()
                    .copied()
                    .rev()
                    .find(|&i| planned(i) && list[i].date >= today)
            })
            .or_else(|| self.shown.indexes().iter().copied().find(|&i| planned(i)));
        match next {
            Some(next) => {
                self.shown.select_where(|i| i == next);
            }
            None => self.shown.cursor.select(0, self.shown.len()),
        }
    }

    /// Takes in a meeting just saved, in its place (newest first), the selection kept.
    pub fn put(&mut self, m: Meeting) {
        self.change(|list| {
            list.retain(|x| x.id != m.id);
            list.push(m);
        });
    }

    /// Lets go of a meeting no longer stored.
    pub fn remove(&mut self, id: MeetingId) {
        self.change(|list| list.retain(|x| x.id != id));
    }

    fn change(&mut self, f: impl FnOnce(&mut Vec<Meeting>)) {
        let keep = self.selected_meeting().map(|m| m.id);
        f(&mut self.list);
        self.list
            .sort_by_key(|m| std::cmp::Reverse((m.date, m.start, m.id)));
        self.refilter();
        if let Some(id) = keep {
            let list = &self.list;
            self.shown.select_where(|i| list[i].id == id);
        }
    }

    fn refilter(&mut self) {
        let shown = (0..self.list.len())
            .filter(|&i| {
                let m = &self.list[i];
                self.year.is_none_or(|y| m.date.year() == y)
                    && self.kind.is_none_or(|k| m.kind == k)
            })
            .collect();
        self.shown.set(shown);
    }

    pub fn all(&self) -> &[Meeting] {
        &self.list
    }

    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Meeting> {
        self.shown.indexes().iter().map(|&i| &self.list[i])
    }

    pub fn visible_len(&self) -> usize {
        self.shown.len()
    }

    pub fn selected_meeting(&self) -> Option<&Meeting> {
        self.shown.selected().map(|i| &self.list[i])
    }

    /// The meeting with this id: the console's working copy if it is being minuted.
    pub fn get(&self, id: MeetingId) -> Option<&Meeting> {
        match &self.console {
            Some(c) if c.meeting.id == id => Some(&c.meeting),
            _ => self.list.iter().find(|m| m.id == id),
        }
    }

    pub fn open_meeting(&self) -> Option<&Meeting> {
        self.open.and_then(|id| self.get(id))
    }

    fn cycle_year(&mut self) {
        let mut years: Vec<i32> = self.list.iter().map(|m| m.date.year()).collect();
        years.dedup();
        self.year = super::list::next_choice(self.year, &years);
        self.refilter();
    }

    fn cycle_kind(&mut self) {
        self.kind = super::list::next_choice(self.kind, &MeetingKind::ALL);
        self.refilter();
    }
}

/// What the agenda of approved minutes still offers.
const AFTER_APPROVAL: &[super::Action] = &[
    super::Action::ExportMinutes,
    super::Action::PreviewMinutes,
    super::Action::Amend,
    super::Action::DraftResolution,
    super::Action::Grading,
    super::Action::Cancel,
    super::Action::MoveUp,
    super::Action::MoveDown,
];

impl App {
    /// The only actions a section offers now, when it offers less than its keys
    /// (the agenda of approved minutes); `None` when every key works.
    pub fn still_possible(
        &self,
        section: crate::command::Section,
    ) -> Option<&'static [super::Action]> {
        let locked = self.meetings.open_meeting().is_some_and(Meeting::is_locked);
        (section == crate::command::Section::Agenda && locked).then_some(AFTER_APPROVAL)
    }
}

/// The biên bản's file name, in Vietnamese without diacritics: the month and the kind
/// (`bien-ban-2026-12-thuong-ky.md`); a meeting that is not the month's regular one
/// also has its day.
pub fn minutes_file_name(m: &Meeting) -> String {
    let kind = crate::domain::text::fold(m.kind.title_word()).replace(' ', "-");
    let when = if m.kind == MeetingKind::Regular {
        m.date.format("%Y-%m")
    } else {
        m.date.format("%Y-%m-%d")
    };
    format!("bien-ban-{when}-{kind}.md")
}

/// The regular meeting of a month, for `YYYY-MM` on the command line.
pub fn find_meeting<'a>(meetings: &'a [Meeting], key: &str) -> Option<&'a Meeting> {
    if let Ok(id) = key.parse::<u64>() {
        return meetings.iter().find(|m| m.id.0 == id);
    }
    let (y, m) = key.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    meetings
        .iter()
        .find(|x| x.kind == MeetingKind::Regular && x.date.year() == y && x.date.month() == m)
}

/// The plan form: a new meeting (chair and thư ký proposed from the committee) or
/// the details of an existing one.
pub fn plan_form(ctx: &Ctx, meeting: Option<&Meeting>) -> Form {
    let today = ctx.today();
    let role = |r: CommitteeRole| {
        ctx.members
            .iter()
            .find(|m| m.committee_role == r && m.activity.on_roster())
            .map(|m| (m.id, m.full_name()))
    };
    let name = |id: MemberId| {
        ctx.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.full_name())
            .unwrap_or_default()
    };
    let named = |id: Option<MemberId>| id.map(|id| (id, name(id)));
    let (purpose, title, kind, with, date, start, place, chair, secretary, guests) = match meeting {
        Some(m) => (
            FormPurpose::EditMeeting(m.id),
            Msg::FormEditMeeting,
            m.kind,
            m.with_thematic,
            m.date,
            m.start,
            m.place.clone(),
            named(m.chair),
            named(m.secretary),
            m.guests.clone(),
        ),
        None => (
            FormPurpose::NewMeeting,
            Msg::FormNewMeeting,
            MeetingKind::Regular,
            false,
            today,
            NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default(),
            String::new(),
            role(CommitteeRole::Secretary),
            role(CommitteeRole::Deputy),
            String::new(),
        ),
    };
    let kinds = MeetingKind::ALL
        .iter()
        .map(|k| labels::meeting_kind(*k))
        .collect();
    let mut fields = vec![
        Field::choice(
            FieldId::Kind,
            Msg::FieldKind,
            kinds,
            MeetingKind::ALL
                .iter()
                .position(|k| *k == kind)
                .unwrap_or(0),
        ),
        Field::choice(
            FieldId::WithThematic,
            Msg::FieldWithThematic,
            vec![Msg::No, Msg::Yes],
            usize::from(with),
        ),
        Field::date(FieldId::Date, Msg::FieldDate, Some(date)).required(),
        Field::time(FieldId::Time, Msg::FieldTime, start).required(),
        Field::text(FieldId::Place, Msg::FieldMeetingPlace, &place),
        Field::member(FieldId::Chair, Msg::FieldChair, chair),
        Field::member(FieldId::Secretary, Msg::FieldSecretary, secretary),
        Field::text(FieldId::Guests, Msg::FieldGuests, &guests),
    ];
    // the end, once there is one, is corrected here too, until approval
    if let Some(end) = meeting.and_then(|m| m.ended_at) {
        fields.insert(
            4,
            Field::time(FieldId::EndTime, Msg::FieldEndTime, end.time()).required(),
        );
    }
    Form::new(purpose, ctx.t(title).to_string(), fields)
}

impl Meetings {
    /// The meetings list's keys: moving, the filters, planning a meeting, opening one.
    pub fn update(&mut self, action: super::Action, ctx: &Ctx) -> Outcome {
        use super::Action as A;
        if self.shown.apply(action) {
            return Outcome::Done;
        }
        match action {
            A::FilterYear => self.cycle_year(),
            A::FilterKind => self.cycle_kind(),
            A::Cancel => {
                self.year = None;
                self.kind = None;
                self.refilter();
            }
            A::New => return Outcome::form(plan_form(ctx, None)),
            A::Open => {
                if let Some(m) = self.selected_meeting() {
                    self.open = Some(m.id);
                    self.item.select(0, 0);
                }
            }
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }
}

impl App {
    /// A member's full name, or nothing for one no longer on the roster.
    pub(super) fn member_name(&self, id: MemberId) -> String {
        self.roster
            .members()
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.full_name())
            .unwrap_or_default()
    }

    /// Opens the member picker for a member field of the top form.
    pub(super) fn pick_for_field(&mut self, field: FieldId) {
        let picker = Picker::new(
            PickPurpose::Field(field),
            self.roster
                .members()
                .iter()
                .filter(|m| m.activity.on_roster()),
        );
        self.overlays.push(Overlay::Picker(Box::new(picker)));
    }

    /// Changes a meeting and saves it: the console's working copy when it is open,
    /// the record otherwise (held whole in memory, or read from the store). What was
    /// saved is put in memory as it is, not read back.
    pub(super) fn edit_meeting(
        &mut self,
        id: MeetingId,
        action: &str,
        f: impl FnOnce(&mut Meeting),
    ) {
        let now = self.clock.now();
        let result = (|| -> Result<Meeting, StoreError> {
            if let Some(c) = self.meetings.console.as_mut()
                && c.meeting.id == id
            {
                f(&mut c.meeting);
                c.sync_editor();
                self.store.save_meeting(&mut c.meeting, now, Some(action))?;
                return Ok(c.meeting.clone());
            }
            let mut m = self.full_meeting(id)?;
            f(&mut m);
            self.store.save_meeting(&mut m, now, Some(action))?;
            Ok(m)
        })();
        let result = result.and_then(|m| {
            self.saved_meeting(m);
            self.reload_meetings()
        });
        if let Err(e) = result {
            self.status = Some(Status::Error(self.store_error(&e)));
        }
    }

    /// Takes in a meeting just saved, as it was written: the store is not read again
    /// for it.
    fn saved_meeting(&mut self, m: Meeting) {
        self.store
            .already_shown(Tree::Meetings, &m.id.0.to_be_bytes());
        self.put_meeting(m);
    }

    /// After a write: what it changed is read again (`App::reload`).
    pub(super) fn reload_meetings(&mut self) -> Result<(), StoreError> {
        self.reload()
    }

    /// Meetings before last year keep their plan and minutes in memory, not their
    /// attendance: that is read from the store when one is opened or exported.
    fn attendance_since(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.today().year() - 1, 1, 1).unwrap_or_default()
    }

    fn trim_old(m: &mut Meeting, since: NaiveDate) {
        if m.date < since && m.status() != MeetingStatus::InProgress {
            m.attendance = Default::default();
            m.roster = Vec::new();
            m.partial = true;
        }
    }

    /// Reads every meeting.
    pub(super) fn load_meetings(&mut self) -> Result<(), StoreError> {
        let since = self.attendance_since();
        let mut list = self.store.meetings()?;
        for m in &mut list {
            Self::trim_old(m, since);
        }
        // the first time, the list opens on the next meeting to hold
        let first = self.meetings.selected_meeting().is_none();
        self.meetings.load(list);
        if first {
            self.meetings.select_next(self.today());
        }
        Ok(())
    }

    /// Takes in a meeting just read from the store.
    pub(super) fn put_meeting(&mut self, mut m: Meeting) {
        Self::trim_old(&mut m, self.attendance_since());
        self.meetings.put(m);
    }

    /// The whole record of a meeting (attendance included), from the store.
    pub(super) fn full_meeting(&self, id: MeetingId) -> Result<Meeting, StoreError> {
        match self.meetings.get(id) {
            Some(m) if !m.partial => Ok(m.clone()),
            _ => self.store.meeting(id)?.ok_or(StoreError::NotFound),
        }
    }

    pub(super) fn set_presenter(&mut self, member: MemberId) {
        if let Some(id) = self.meetings.open {
            let item = self.meetings.item.selected();
            self.edit_meeting(id, "agenda", |m| {
                if let Some(i) = m.agenda.get_mut(item) {
                    i.presenter = Some(member);
                }
            });
        }
    }

    pub(super) fn approve(&mut self, id: MeetingId, vote: crate::domain::vote::Vote) {
        let now = self.clock.now();
        self.edit_meeting(id, "approve", |m| {
            m.approved_at = Some(now);
            m.approval = Some(vote);
        });
        if self
            .meetings
            .console
            .as_ref()
            .is_some_and(|c| c.meeting.id == id)
        {
            self.meetings.console = None;
        }
        self.info(Msg::Approved);
        // approved minutes are a permanent record: a backup right away
        self.auto_backup(crate::store::BackupReason::Approval);
    }

    /// The biên bản of `meeting` as the export writes it.
    fn minutes_text(
        &self,
        meeting: &Meeting,
        format: crate::export::minutes::Format,
    ) -> Result<String, StoreError> {
        let (tasks, resolutions) = (self.store.tasks()?, self.store.resolutions()?);
        let reviewed = crate::export::minutes::reviewed_at(meeting, &tasks, &resolutions);
        Ok(crate::export::minutes::render(
            meeting,
            self.roster.members(),
            self.branch.as_ref(),
            &reviewed,
            format,
        ))
    }

    /// Shows the biên bản as exported (the text document), to read back before the
    /// branch approves it.
    pub(super) fn preview_minutes(&mut self, meeting: &Meeting) {
        let full = match self
            .meetings
            .console
            .as_ref()
            .filter(|c| c.meeting.id == meeting.id)
        {
            Some(_) => Ok(meeting.clone()),
            None => self.full_meeting(meeting.id),
        };
        match full.and_then(|m| self.minutes_text(&m, crate::export::minutes::Format::Text)) {
            Ok(text) => self.overlays.push(Overlay::Preview {
                lines: text.lines().map(str::to_string).collect(),
                scroll: 0,
            }),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    /// Saves a plan, agenda item or amendment form.
    pub(super) fn submit_meeting_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let now = self.clock.now();
        match form.purpose {
            FormPurpose::NewMeeting | FormPurpose::EditMeeting(_) => {
                if let Err(e) = form.check() {
                    return Ok(Err(e));
                }
                let kind = MeetingKind::ALL
                    .get(form.choice(FieldId::Kind))
                    .copied()
                    .unwrap_or_default();
                let date = match form.date(FieldId::Date) {
                    Ok(Some(d)) => d,
                    Ok(None) => return Ok(Err((FieldId::Date, Msg::ErrRequired))),
                    Err(e) => return Ok(Err(e)),
                };
                let start = match form.time(FieldId::Time) {
                    Ok(t) => t,
                    Err(e) => return Ok(Err(e)),
                };
                let editing = match form.purpose {
                    FormPurpose::EditMeeting(id) => Some(id),
                    _ => None,
                };
                let end = match form.field(FieldId::EndTime) {
                    Some(_) => match form.time(FieldId::EndTime) {
                        Ok(t) => Some(t),
                        Err(e) => return Ok(Err(e)),
                    },
                    None => None,
                };
                if let Some(mut m) = editing.and_then(|id| self.meetings.get(id)).cloned() {
                    m.date = date;
                    if m.set_times(start, end).is_err() {
                        return Ok(Err((FieldId::EndTime, Msg::ErrEndBeforeStart)));
                    }
                }
                // one regular meeting a month, a new one or one moved to another day (every
                // meeting's kind and date are in memory)
                let clash = self
                    .meetings
                    .all()
                    .iter()
                    .find(|m| {
                        Some(m.id) != editing
                            && kind == MeetingKind::Regular
                            && m.kind == MeetingKind::Regular
                            && (m.date.year(), m.date.month()) == (date.year(), date.month())
                    })
                    .map(|m| (m.month_label(), m.date));
                if let Some((month, other)) = clash {
                    self.status = Some(Status::Error(Msg::RegularTakenOn.fill(
                        self.lang,
                        &[
                            ("month", &month),
                            ("date", &crate::domain::calendar::format_date(other)),
                        ],
                    )));
                    return Ok(Err((FieldId::Date, Msg::ErrRegularTaken)));
                }
                let apply = |m: &mut Meeting| {
                    m.kind = kind;
                    m.with_thematic =
                        form.choice(FieldId::WithThematic) == 1 && kind == MeetingKind::Regular;
                    m.date = date;
                    // the minutes' start and end follow the corrected times
                    let _ = m.set_times(start, end);
                    m.place = form.text(FieldId::Place);
                    m.chair = form.member(FieldId::Chair);
                    m.secretary = form.member(FieldId::Secretary);
                    m.guests = form.text(FieldId::Guests);
                };
                match editing {
                    Some(id) => self.edit_meeting(id, "edit", apply),
                    None => {
                        let mut m = Meeting::new(kind, date, start);
                        apply(&mut m);
                        m.agenda = self.templates.agenda(kind);
                        self.store.save_meeting(&mut m, now, Some("plan"))?;
                        self.saved_meeting(m.clone());
                        self.reload_meetings()?;
                        self.meetings.open = Some(m.id);
                        self.meetings.item.select(0, 0);
                    }
                }
                Ok(Ok(self.t(Msg::Saved).to_string()))
            }
            FormPurpose::AgendaItem(index) => {
                if let Err(e) = form.check() {
                    return Ok(Err(e));
                }
                let title = form.text(FieldId::Title);
                let minutes = match form.number(FieldId::Minutes) {
                    Ok(n) => n,
                    Err(e) => return Ok(Err(e)),
                };
                let Some(id) = self.meetings.open else {
                    return Ok(Ok(String::new()));
                };
                let at = self.meetings.item.selected();
                self.edit_meeting(id, "agenda", |m| match index {
                    Some(i) => {
                        if let Some(item) = m.agenda.get_mut(i) {
                            item.title = title;
                            item.planned_minutes = minutes;
                        }
                    }
                    None => {
                        let pos = (at + 1).min(m.agenda.len());
                        m.agenda.insert(
                            pos,
                            crate::domain::meeting::AgendaItem::new(&title, minutes),
                        );
                    }
                });
                if index.is_none() {
                    let n = self.meetings.open_meeting().map_or(0, |m| m.agenda.len());
                    self.meetings.item.select(at + 1, n);
                }
                Ok(Ok(self.t(Msg::Saved).to_string()))
            }
            FormPurpose::Amend(id) => {
                if let Err(e) = form.check() {
                    return Ok(Err(e));
                }
                let member = form.member(FieldId::Author);
                let by = match member {
                    Some(id) => self
                        .roster
                        .members()
                        .iter()
                        .find(|m| m.id == id)
                        .map(|m| format!("đồng chí {}", m.full_name()))
                        .unwrap_or_default(),
                    None => form.text(FieldId::AuthorName),
                };
                if by.is_empty() {
                    return Ok(Err((FieldId::Author, Msg::ErrAmendmentBy)));
                }
                let amendment = Amendment {
                    at: now,
                    reason: form.text(FieldId::Reason),
                    text: form.text(FieldId::Text),
                    member,
                    by,
                };
                self.edit_meeting(id, "amend", |m| m.amendments.push(amendment));
                Ok(Ok(self.t(Msg::Amended).to_string()))
            }
            _ => Ok(Ok(String::new())),
        }
    }

    pub(super) fn info(&mut self, msg: Msg) {
        self.status = Some(Status::Info(self.t(msg).to_string()));
    }

    pub(super) fn error(&mut self, msg: Msg) {
        self.status = Some(Status::Error(self.t(msg).to_string()));
    }
}
