//! The resolution tracker: numbered resolutions and their items, the follow-up of every
//! open item across them, drafting a resolution from a meeting, and reviewing last
//! month's resolution inside the next meeting.
//! Over 500 lines: the resolution forms' saving is still here, to be split by form next.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::list::{Cursor, Filtered, matches_words};
use super::text_input::TextInput;
use super::{App, Outcome, Overlay, Status};
use crate::domain::meeting::{EntryKind, Meeting, MeetingId};
use crate::domain::member::MemberId;
use crate::domain::resolution::{
    Resolution, ResolutionId, ResolutionKind, ResolutionState, format_number, next_seq,
    number_taken, seq_of,
};
use crate::domain::task::{Rating, Task, TaskId, TaskNote, end_of_month};
use crate::domain::text::fold;
use crate::i18n::{Msg, labels};
use crate::store::{Records, StoreError};

/// Which resolutions the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    /// Drafts and those being carried out.
    #[default]
    InForce,
    Completed,
    Superseded,
    All,
}

/// The groups of the follow-up view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Overdue,
    ThisMonth,
    Later,
}

#[derive(Debug, Default)]
pub struct Resolutions {
    /// Newest first.
    list: Vec<Resolution>,
    tasks: HashMap<TaskId, Task>,
    /// The tasks each member leads or helps with: the tasks screen and the member's
    /// record read this, not every task.
    by_member: HashMap<MemberId, Vec<TaskId>>,
    /// The resolutions that pass the search and filters, and the selection among them.
    pub shown: Filtered,
    pub state: StateFilter,
    pub year: Option<i32>,
    pub kind: Option<ResolutionKind>,
    pub query: TextInput,
    pub searching: bool,
    /// The resolution shown in detail, and its selected item.
    pub open: Option<ResolutionId>,
    pub item: Cursor,
    /// The follow-up view, and its selected task.
    pub followup: bool,
    pub fu: Cursor,
}

impl Resolutions {
    pub fn load(&mut self, mut list: Vec<Resolution>, tasks: HashMap<TaskId, Task>) {
        list.sort_by_key(|r| {
            std::cmp::Reverse((r.adopted_on.unwrap_or(NaiveDate::MAX), r.year, r.seq, r.id))
        });
        self.list = list;
        self.by_member.clear();
        for t in tasks.values() {
            for m in t.lead.iter().chain(t.helpers.iter()) {
                self.by_member.entry(*m).or_default().push(t.id);
            }
        }
        self.tasks = tasks;
        self.refilter();
    }

    /// Takes in tasks just saved: each replaces what was held of it (who it belongs to
    /// included), so that a save changes only what it touched.
    pub fn put_tasks(&mut self, tasks: &[Task]) {
        for t in tasks {
            if let Some(old) = self.tasks.get(&t.id) {
                for m in old.lead.iter().chain(old.helpers.iter()) {
                    if let Some(ids) = self.by_member.get_mut(m) {
                        ids.retain(|id| *id != t.id);
                    }
                }
            }
            for m in t.lead.iter().chain(t.helpers.iter()) {
                let ids = self.by_member.entry(*m).or_default();
                if !ids.contains(&t.id) {
                    ids.push(t.id);
                }
            }
            self.tasks.insert(t.id, t.clone());
        }
        self.refilter();
    }

    /// Takes in a resolution just saved, in its place in the list.
    pub fn put_resolution(&mut self, r: Resolution) {
        self.list.retain(|x| x.id != r.id);
        self.list.push(r);
        self.list.sort_by_key(|r| {
            std::cmp::Reverse((r.adopted_on.unwrap_or(NaiveDate::MAX), r.year, r.seq, r.id))
        });
        self.refilter();
    }

    pub fn all(&self) -> &[Resolution] {
        &self.list
    }

    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks.get(&id)
    }

    /// The tasks a member leads or helps with.
    pub fn tasks_of(&self, member: MemberId) -> impl Iterator<Item = &Task> {
        self.by_member
            .get(&member)
            .into_iter()
            .flatten()
            .filter_map(|id| self.tasks.get(id))
    }

    /// Every task, resolution items and direct ones.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks.values()
    }

    pub fn items(&self, r: &Resolution) -> Vec<&Task> {
        r.items.iter().filter_map(|id| self.tasks.get(id)).collect()
    }

    pub fn state_of(&self, r: &Resolution) -> ResolutionState {
        r.state(&self.items(r))
    }

    pub fn get(&self, id: ResolutionId) -> Option<&Resolution> {
        self.list.iter().find(|r| r.id == id)
    }

    pub fn open_resolution(&self) -> Option<&Resolution> {
        self.open.and_then(|id| self.get(id))
    }

    pub fn refilter(&mut self) {
        let q = fold(self.query.value());
        let words: Vec<&str> = q.split_whitespace().collect();
        let shown = (0..self.list.len())
            .filter(|&i| {
                let r = &self.list[i];
                let state = self.state_of(r);
                let state_ok = match self.state {
                    StateFilter::InForce => {
                        matches!(state, ResolutionState::InForce | ResolutionState::Draft)
                    }
                    StateFilter::Completed => state == ResolutionState::Completed,
                    StateFilter::Superseded => state == ResolutionState::Superseded,
                    StateFilter::All => true,
                };
                let text = fold(&format!("{} {}", r.number, r.title));
                state_ok
                    && self.year.is_none_or(|y| r.year == y)
                    && self.kind.is_none_or(|k| r.kind == k)
                    && matches_words(&text, &words)
            })
            .collect();
        self.shown.set(shown);
    }

    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Resolution> {
        self.shown.indexes().iter().map(|&i| &self.list[i])
    }

    pub fn visible_len(&self) -> usize {
        self.shown.len()
    }

    pub fn selected_resolution(&self) -> Option<&Resolution> {
        self.shown.selected().map(|i| &self.list[i])
    }

    /// Open tasks of every resolution (and direct ones), grouped by due date, in
    /// due order within a group.
    pub fn followup(&self, today: NaiveDate) -> Vec<(Due, &Task)> {
        let month_end = end_of_month(today);
        let mut open: Vec<&Task> = self.tasks.values().filter(|t| t.status.is_open()).collect();
        open.sort_by_key(|t| (t.due, t.id));
        let group = |t: &Task| {
            if t.is_overdue(today) {
                Due::Overdue
            } else if t.due <= month_end {
                Due::ThisMonth
            } else {
                Due::Later
            }
        };
        let mut out: Vec<(Due, &Task)> = open.into_iter().map(|t| (group(t), t)).collect();
        out.sort_by_key(|(g, t)| (*g as u8, t.due, t.id));
        out
    }

    /// The task under the cursor: in the follow-up view, or in the open resolution.
    pub fn selected_task(&self, today: NaiveDate) -> Option<&Task> {
        if self.followup {
            return self
                .followup(today)
                .get(self.fu.selected())
                .map(|(_, t)| *t);
        }
        let r = self.open_resolution()?;
        r.items
            .get(self.item.selected())
            .and_then(|id| self.tasks.get(id))
    }

    /// The resolution reviewed at a meeting: the latest adopted monthly resolution
    /// before it.
    pub fn previous_for(&self, meeting: &Meeting) -> Option<&Resolution> {
        self.list
            .iter()
            .filter(|r| r.kind == ResolutionKind::Monthly && r.meeting != Some(meeting.id))
            .filter(|r| r.adopted_on.is_some_and(|d| d < meeting.date))
            .max_by_key(|r| (r.adopted_on, r.year, r.seq))
    }

    /// A movement key in the list shown: the follow-up, the open resolution's items, or
    /// the resolutions.
    fn move_in(&mut self, action: super::Action, today: NaiveDate) -> bool {
        if self.followup {
            let n = self.followup(today).len();
            self.fu.apply(action, n)
        } else if let Some(n) = self.open_resolution().map(|r| r.items.len()) {
            self.item.apply(action, n)
        } else {
            self.shown.apply(action)
        }
    }
}

/// Lines of a meeting's minutes that become draft items: the chair's conclusions and
/// each line of the "next month's tasks" item.
pub fn draft_lines(m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    for item in &m.agenda {
        let next_month = fold(&item.title).contains("nhiem vu thang toi");
        for e in &item.entries {
            let take = matches!(e.kind, EntryKind::Conclusion)
                || (next_month && e.kind == EntryKind::Note);
            if take {
                for line in e.text.lines() {
                    let line = line.trim().trim_start_matches(['-', '•', '+', '*']).trim();
                    if !line.is_empty() {
                        out.push(line.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Why a meeting's conclusion cannot become its resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftRefusal {
    /// The chair's conclusion is not written.
    NoConclusion,
    /// No vote on the conclusion (or the resolution) is recorded.
    NotVoted,
    /// The vote on it did not pass (its subject).
    NotPassed(String),
}

/// The vote that put the meeting's conclusion through: (item, entry) in its minutes.
/// The vote is the one whose subject names the resolution or the conclusion, or else
/// an ordinary vote held in the item of the chair's conclusion; the last passed one
/// counts. A meeting whose conclusion was not voted through drafts nothing.
pub fn conclusion_vote(m: &Meeting) -> Result<(usize, usize), DraftRefusal> {
    use crate::domain::vote::VoteSubject;
    let concluded = |item: &crate::domain::meeting::AgendaItem| {
        item.entries
            .iter()
            .any(|e| e.kind == EntryKind::Conclusion && !e.text.trim().is_empty())
    };
    if !m.agenda.iter().any(concluded) {
        return Err(DraftRefusal::NoConclusion);
    }
    let votes = |named: bool| {
        let mut found = Vec::new();
        for (i, item) in m.agenda.iter().enumerate() {
            for (j, e) in item.entries.iter().enumerate() {
                if let EntryKind::Vote(v) = &e.kind {
                    let subject = fold(&v.subject);
                    let names = subject.contains("nghi quyet") || subject.contains("ket luan");
                    let ordinary = VoteSubject::from_text(&v.subject) == VoteSubject::Ordinary;
                    if (named && names) || (!named && ordinary && concluded(item)) {
                        found.push(((i, j), v));
                    }
                }
            }
        }
        found
    };
    let mut held = votes(true);
    if held.is_empty() {
        held = votes(false);
    }
    if let Some((at, _)) = held.iter().rev().find(|(_, v)| v.passed()) {
        return Ok(*at);
    }
    match held.last() {
        Some((_, v)) => Err(DraftRefusal::NotPassed(v.subject.clone())),
        None => Err(DraftRefusal::NotVoted),
    }
}

/// The due date a conclusion's line gives ("hoàn thành trước 15/12/2026", "hạn
/// 20/1"), on or after the meeting: a day without its year is the next such day.
pub fn due_given(line: &str, meeting: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    line.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| w.contains('/') && w.chars().all(|c| c.is_ascii_digit() || c == '/'))
        .find_map(|w| {
            let parts: Vec<&str> = w.split('/').collect();
            match parts.len() {
                3 => crate::domain::calendar::parse_date(w),
                2 => {
                    let (d, m): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
                    let this = chrono::NaiveDate::from_ymd_opt(meeting.year(), m, d)?;
                    if this >= meeting {
                        Some(this)
                    } else {
                        chrono::NaiveDate::from_ymd_opt(meeting.year() + 1, m, d)
                    }
                }
                _ => None,
            }
        })
        .filter(|d| *d >= meeting)
}

impl App {
    /// After a write: what it changed is read again (`App::reload`).
    pub(super) fn reload_resolutions(&mut self) -> Result<(), StoreError> {
        self.reload()
    }

    /// Reads the resolutions and the tasks kept in memory.
    pub(super) fn load_resolutions(&mut self) -> Result<(), StoreError> {
        self.generation += 1;
        // this year and last, and everything open: older closed tasks live in reports
        let since =
            chrono::NaiveDate::from_ymd_opt(self.today().year() - 1, 1, 1).unwrap_or_default();
        let list = self.store.resolutions()?;
        let mut tasks = self.store.working_tasks(since)?;
        // every resolution's items, old ones too: a resolution's state follows them
        for id in list.iter().flat_map(|r| r.items.iter()) {
            if !tasks.contains_key(id)
                && let Some(t) = self.store.task(*id)?
            {
                tasks.insert(t.id, t);
            }
        }
        self.resolutions.load(list, tasks);
        Ok(())
    }

    /// After tasks (and perhaps their resolution) were saved: what is held of them is
    /// replaced, nothing is read again, and the form's save reloads nothing.
    pub(super) fn tasks_saved(&mut self, tasks: &[Task], resolution: Option<Resolution>) {
        self.generation += 1;
        if let Some(r) = resolution {
            self.resolutions.put_resolution(r);
        }
        self.resolutions.put_tasks(tasks);
        self.updated_in_place = true;
    }

    fn suffix(&self) -> String {
        self.branch
            .as_ref()
            .map(|b| b.resolution_suffix.clone())
            .unwrap_or_else(|| crate::domain::branch::DEFAULT_SUFFIX.into())
    }

    pub(super) fn update_resolutions(&mut self, action: super::Action) -> Outcome {
        use super::Action as A;
        let today = self.today();
        let r = &mut self.resolutions;
        if r.move_in(action, today) {
            return Outcome::Done;
        }
        match action {
            A::Search => r.searching = true,
            A::Confirm if r.searching => r.searching = false,
            A::Cancel if r.searching => {
                r.searching = false;
                r.query.clear();
                r.refilter();
            }
            A::FilterState => {
                r.state = match r.state {
                    StateFilter::InForce => StateFilter::Completed,
                    StateFilter::Completed => StateFilter::Superseded,
                    StateFilter::Superseded => StateFilter::All,
                    StateFilter::All => StateFilter::InForce,
                };
                r.refilter();
            }
            A::FilterYear => {
                let mut years: Vec<i32> = r.list.iter().map(|x| x.year).collect();
                years.sort_unstable_by(|a, b| b.cmp(a));
                years.dedup();
                r.year = match r.year {
                    None => years.first().copied(),
                    Some(y) => years
                        .iter()
                        .position(|x| *x == y)
                        .and_then(|i| years.get(i + 1))
                        .copied(),
                };
                r.refilter();
            }
            A::FilterKind => {
                r.kind = match r.kind {
                    None => Some(ResolutionKind::ALL[0]),
                    Some(k) => ResolutionKind::ALL
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| ResolutionKind::ALL.get(i + 1))
                        .copied(),
                };
                r.refilter();
            }
            A::Cancel => {
                r.state = StateFilter::InForce;
                r.year = None;
                r.kind = None;
                r.query.clear();
                r.refilter();
            }
            A::FollowUp => {
                r.followup = true;
                r.fu.select(0, 0);
            }
            A::Open => {
                if let Some(id) = r.selected_resolution().map(|x| x.id) {
                    r.open = Some(id);
                    r.item.select(0, 0);
                }
            }
            A::New => {
                let form = self.resolution_form(None);
                return Outcome::form(form);
            }
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }

    pub(super) fn named(&self, id: Option<MemberId>) -> Option<(MemberId, String)> {
        let id = id?;
        self.roster
            .members()
            .iter()
            .find(|m| m.id == id)
            .map(|m| (m.id, m.full_name()))
    }

    pub(super) fn update_resolution_detail(&mut self, action: super::Action) -> Outcome {
        use super::Action as A;
        let Some(res) = self.resolutions.open_resolution().cloned() else {
            self.resolutions.open = None;
            return Outcome::Done;
        };
        let today = self.today();
        if let Some(task) = self.resolutions.selected_task(today).cloned() {
            let outcome = self.task_action(action, &task, None);
            if !matches!(outcome, Outcome::NotMine) {
                return outcome;
            }
        }
        match action {
            A::Cancel => self.resolutions.open = None,
            A::FollowUp => {
                self.resolutions.open = None;
                self.resolutions.followup = true;
                self.resolutions.fu.select(0, 0);
            }
            _ if self.resolutions.move_in(action, today) => {}
            A::Edit => {
                let form = self.resolution_form(Some(&res));
                return Outcome::form(form);
            }
            A::AddItem | A::RenameItem => {
                let task = if action == A::RenameItem {
                    self.resolutions.selected_task(today).cloned()
                } else {
                    None
                };
                let due = task
                    .as_ref()
                    .map(|t| t.due)
                    .unwrap_or_else(|| end_of_month(res.adopted_on.unwrap_or(self.today())));
                let fields = vec![
                    Field::text(
                        FieldId::Title,
                        Msg::FieldTaskContent,
                        task.as_ref().map(|t| t.title.as_str()).unwrap_or(""),
                    )
                    .required(),
                    Field::member(
                        FieldId::Lead,
                        Msg::FieldLead,
                        self.named(task.as_ref().and_then(|t| t.lead)),
                    ),
                    Field::members(
                        FieldId::Helpers,
                        Msg::FieldHelpers,
                        task.as_ref()
                            .map(|t| {
                                t.helpers
                                    .iter()
                                    .filter_map(|h| self.named(Some(*h)))
                                    .collect()
                            })
                            .unwrap_or_default(),
                    ),
                    Field::date(FieldId::Due, Msg::FieldDue, Some(due)).required(),
                ];
                let title = self
                    .t(if task.is_some() {
                        Msg::FormEditTask
                    } else {
                        Msg::FormAddTask
                    })
                    .to_string();
                let form = Form::new(
                    FormPurpose::ResolutionItem(res.id, task.map(|t| t.id)),
                    title,
                    fields,
                );
                return Outcome::form(form);
            }
            A::Adopt => {
                if res.adopted_on.is_some() {
                    self.info(Msg::AlreadyAdopted);
                } else {
                    let form = self.adopt_form(&res);
                    return Outcome::form(form);
                }
            }
            A::Supersede => {
                let fields =
                    vec![Field::text(FieldId::Number, Msg::FieldSupersededBy, "").required()];
                let form = Form::new(
                    FormPurpose::Supersede(res.id),
                    self.t(Msg::FormSupersede).to_string(),
                    fields,
                );
                return Outcome::form(form);
            }
            A::ExportResolution => {
                return Outcome::form(super::export::format_form(
                    super::export::ExportTarget::Resolution(res.id),
                    &ctx!(self),
                ));
            }
            _ => {}
        }
        Outcome::Done
    }

    pub(super) fn update_followup(&mut self, action: super::Action) -> Outcome {
        use super::Action as A;
        let today = self.today();
        if let Some(task) = self.resolutions.selected_task(today).cloned() {
            let outcome = self.task_action(action, &task, None);
            if !matches!(outcome, Outcome::NotMine) {
                return outcome;
            }
        }
        match action {
            A::Cancel => self.resolutions.followup = false,
            _ if self.resolutions.move_in(action, today) => {}
            A::Open => {
                if let Some(res) = self
                    .resolutions
                    .selected_task(today)
                    .and_then(|t| t.resolution)
                {
                    let item = self.resolutions.get(res).and_then(|r| {
                        let t = self.resolutions.selected_task(today)?.id;
                        r.items.iter().position(|x| *x == t)
                    });
                    self.resolutions.followup = false;
                    self.resolutions.open = Some(res);
                    let n = self.resolutions.get(res).map_or(0, |r| r.items.len());
                    self.resolutions.item.select(item.unwrap_or(0), n);
                }
            }
            _ => {}
        }
        Outcome::Done
    }

    /// The items reviewed in the console: last month's resolution's items.
    pub fn review_items(&self) -> Option<(&Resolution, Vec<&Task>)> {
        let c = self.meetings.console.as_ref()?;
        let r = self.resolutions.previous_for(&c.meeting)?;
        Some((r, self.resolutions.items(r)))
    }

    pub(super) fn update_review(&mut self, action: super::Action) {
        use super::Action as A;
        let Some(Overlay::Review { selected }) = self.overlays.last() else {
            return;
        };
        let selected = *selected;
        let meeting = self.meetings.console.as_ref().map(|c| c.meeting.id);
        let tasks: Vec<Task> = self
            .review_items()
            .map(|(_, ts)| ts.into_iter().cloned().collect())
            .unwrap_or_default();
        let n = tasks.len();
        let next = match action {
            A::Cancel => {
                self.overlays.pop();
                return;
            }
            A::MoveUp => selected.saturating_sub(1),
            A::MoveDown => (selected + 1).min(n.saturating_sub(1)),
            _ => {
                if let Some(t) = tasks.get(selected) {
                    let outcome = self.task_action(action, t, meeting);
                    self.act_on(outcome);
                }
                return;
            }
        };
        if let Some(Overlay::Review { selected }) = self.overlays.last_mut() {
            *selected = next;
        }
    }

    pub(super) fn open_review(&mut self) {
        if self.review_items().is_none() {
            self.error(Msg::NoPreviousResolution);
            return;
        }
        self.overlays.push(Overlay::Review { selected: 0 });
    }

    /// The votes that could have adopted `res`: those passed in its meeting, or in any
    /// meeting held when it has none (latest first), each with where it is recorded.
    fn adoption_votes(&self, res: &Resolution) -> Vec<(MeetingId, usize, usize, String)> {
        let mut meetings: Vec<&Meeting> = self
            .meetings
            .all()
            .iter()
            .filter(|m| m.started_at.is_some() && res.meeting.is_none_or(|id| id == m.id))
            .collect();
        meetings.sort_by_key(|m| std::cmp::Reverse((m.date, m.start)));
        let mut out = Vec::new();
        for m in meetings {
            for (i, item) in m.agenda.iter().enumerate() {
                for (e, entry) in item.entries.iter().enumerate() {
                    if let EntryKind::Vote(v) = &entry.kind
                        && v.passed()
                    {
                        let label = format!(
                            "{}: {}",
                            crate::domain::calendar::format_date(m.date),
                            v.subject
                        );
                        out.push((m.id, i, e, label));
                    }
                }
            }
        }
        out
    }

    /// Adopting a draft: the date (the meeting's, or today) and the vote that adopted it.
    fn adopt_form(&self, res: &Resolution) -> Form {
        let date = res
            .meeting
            .and_then(|id| self.meetings.get(id))
            .map(|m| m.date)
            .unwrap_or_else(|| self.today());
        let votes = self.adoption_votes(res);
        let mut options = vec![self.t(Msg::NoVoteLink).to_string()];
        options.extend(votes.iter().map(|v| v.3.clone()));
        let fields = vec![
            Field::date(FieldId::AdoptedOn, Msg::FieldAdoptedOn, Some(date)).required(),
            // the vote that put it through, proposed when there is one
            Field::options(
                FieldId::Link,
                Msg::FieldAdoptedBy,
                options,
                usize::from(!votes.is_empty()),
            ),
        ];
        let title = format!("{}: {}", self.t(Msg::FormAdopt), res.number);
        Form::new(FormPurpose::Adopt(res.id), title, fields)
    }

    fn resolution_form(&self, res: Option<&Resolution>) -> Form {
        let today = self.today();
        let all = self.resolutions.all();
        let number = res
            .map(|r| r.number.clone())
            .unwrap_or_else(|| format_number(next_seq(all, today.year()), &self.suffix()));
        let kind = res.map(|r| r.kind).unwrap_or_default();
        let kinds = ResolutionKind::ALL
            .iter()
            .map(|k| labels::resolution_kind(*k))
            .collect();
        let fields = vec![
            Field::choice(
                FieldId::Kind,
                Msg::FieldResolutionKind,
                kinds,
                ResolutionKind::ALL
                    .iter()
                    .position(|k| *k == kind)
                    .unwrap_or(0),
            ),
            Field::text(FieldId::Number, Msg::FieldNumber, &number).required(),
            Field::text(
                FieldId::Title,
                Msg::FieldResolutionTitle,
                res.map(|r| r.title.as_str()).unwrap_or(""),
            )
            .required(),
            Field::text(
                FieldId::Basis,
                Msg::FieldBasis,
                res.map(|r| r.basis.as_str()).unwrap_or(""),
            ),
            Field::text(
                FieldId::Results,
                Msg::FieldResults,
                res.map(|r| r.results.as_str()).unwrap_or(""),
            ),
        ];
        let mut fields = fields;
        // a new resolution is a draft, adopted by its own step (date and vote); only an
        // adopted one has its date here, to correct it
        if let Some(adopted) = res.and_then(|r| r.adopted_on) {
            fields.insert(
                3,
                Field::date(FieldId::AdoptedOn, Msg::FieldAdoptedOn, Some(adopted)).required(),
            );
        }
        let (purpose, title) = match res {
            Some(r) => (FormPurpose::EditResolution(r.id), Msg::FormEditResolution),
            None => (FormPurpose::NewResolution, Msg::FormNewResolution),
        };
        Form::new(purpose, self.t(title).to_string(), fields)
    }

    pub(super) fn submit_resolution_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let now = self.now();
        let saved = self.t(Msg::Saved).to_string();
        match form.purpose {
            FormPurpose::NewResolution | FormPurpose::EditResolution(_) => {
                let editing = match form.purpose {
                    FormPurpose::EditResolution(id) => self.store.resolution(id)?,
                    _ => None,
                };
                let kind = ResolutionKind::ALL
                    .get(form.choice(FieldId::Kind))
                    .copied()
                    .unwrap_or_default();
                let adopted = match form.date(FieldId::AdoptedOn) {
                    Ok(d) => d,
                    Err(e) => return Ok(Err(e)),
                };
                let year = adopted.unwrap_or(self.today()).year();
                let number = form.text(FieldId::Number);
                let all = self.store.resolutions()?;
                if number_taken(&all, year, &number, editing.as_ref().map(|r| r.id)) {
                    return Ok(Err((FieldId::Number, Msg::ErrNumberTaken)));
                }
                let seq = match (kind, seq_of(&number)) {
                    (ResolutionKind::UpperLevel, _) => 0,
                    (_, Some(n)) => n,
                    (_, None) => return Ok(Err((FieldId::Number, Msg::ErrNumberForm))),
                };
                let mut r = editing.unwrap_or(Resolution {
                    id: ResolutionId(0),
                    kind,
                    year,
                    seq,
                    number: String::new(),
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
                });
                r.kind = kind;
                r.year = year;
                r.seq = seq;
                r.number = number;
                r.title = form.text(FieldId::Title);
                r.adopted_on = adopted;
                r.basis = form.text(FieldId::Basis);
                r.results = form.text(FieldId::Results);
                self.store
                    .save_resolution(&mut r, &mut [], now, "resolution")?;
                self.reload_resolutions()?;
                self.resolutions.open = Some(r.id);
                if r.adopted_on.is_none() {
                    return Ok(Ok(self.t(Msg::SavedDraft).to_string()));
                }
                Ok(Ok(saved))
            }
            FormPurpose::ResolutionItem(res, task) => {
                let due = match form.date(FieldId::Due) {
                    Ok(Some(d)) => d,
                    Ok(None) => return Ok(Err((FieldId::Due, Msg::ErrRequired))),
                    Err(e) => return Ok(Err(e)),
                };
                let mut r = self.store.resolution(res)?.ok_or(StoreError::NotFound)?;
                let mut t = match task {
                    Some(id) => self.store.task(id)?.ok_or(StoreError::NotFound)?,
                    None => {
                        let mut t = Task::new("", due);
                        t.created = Some(self.today());
                        t
                    }
                };
                t.title = form.text(FieldId::Title);
                t.due = due;
                let lead = form.member(FieldId::Lead);
                // a member newly named must be one who may carry tasks
                let named: Vec<MemberId> = lead
                    .into_iter()
                    .chain(form.members_of(FieldId::Helpers))
                    .filter(|m| !t.involves(*m))
                    .collect();
                if let Some(why) = self.refuse_unassignable(named) {
                    self.status = Some(Status::Error(why));
                    return Ok(Err((FieldId::Lead, Msg::ErrNotAssignable)));
                }
                if task.is_some() && lead != t.lead && lead.is_some() {
                    let mut note = TaskNote::new(self.today(), "");
                    note.lead = lead;
                    t.history.push(note);
                }
                t.lead = lead;
                t.helpers = form
                    .members_of(FieldId::Helpers)
                    .into_iter()
                    .filter(|h| Some(*h) != lead)
                    .collect();
                self.store
                    .save_resolution(&mut r, std::slice::from_mut(&mut t), now, "item")?;
                self.reload_resolutions()?;
                Ok(Ok(saved))
            }
            FormPurpose::Progress(id, meeting)
            | FormPurpose::Done(id, meeting)
            | FormPurpose::CarryOver(id, meeting)
            | FormPurpose::CancelTask(id, meeting) => {
                let mut note = TaskNote::new(self.note_date(meeting), "");
                note.meeting = meeting;
                let purpose = form.purpose;
                let (action, msg) = match purpose {
                    FormPurpose::Progress(..) => ("progress", Msg::ProgressNoted),
                    FormPurpose::Done(..) => ("done", Msg::TaskDone),
                    FormPurpose::CarryOver(..) => ("carry_over", Msg::TaskCarried),
                    _ => ("cancel", Msg::TaskCancelled),
                };
                let percent = match form.number(FieldId::Percent) {
                    _ if form.text(FieldId::Percent).is_empty() => None,
                    Ok(p) if p <= 100 => Some(p as u8),
                    Ok(_) => return Ok(Err((FieldId::Percent, Msg::ErrPercent))),
                    Err(e) => return Ok(Err(e)),
                };
                if let Some(date) = form.date(FieldId::Date).ok().flatten() {
                    note.date = date;
                }
                let carry_to = form.date(FieldId::Due).ok().flatten();
                if let (Some(to), Some(task)) = (carry_to, self.resolutions.task(id))
                    && to <= task.due
                {
                    return Ok(Err((FieldId::Due, Msg::ErrDueNotLater)));
                }
                let text = form.text(FieldId::Text);
                let reason = form.text(FieldId::Reason);
                let result = form.text(FieldId::Result);
                let rating = match form.choice(FieldId::Rating) {
                    1 => Some(Rating::Exceeded),
                    2 => Some(Rating::Met),
                    3 => Some(Rating::NotMet),
                    _ => None,
                };
                let reporter = form.member(FieldId::Reporter);
                self.edit_task(id, action, |t| match purpose {
                    FormPurpose::Progress(..) => {
                        note.text = text;
                        note.percent = percent;
                        note.reporter = reporter;
                        t.progress(note);
                    }
                    FormPurpose::Done(..) => {
                        t.complete(note, &result);
                        t.rating = rating;
                    }
                    FormPurpose::CarryOver(..) => {
                        note.text = reason;
                        // checked above against the stored due date
                        let to = carry_to.unwrap_or(t.due);
                        let _ = t.carry_over(note, to);
                    }
                    _ => {
                        note.text = reason;
                        t.cancel(note);
                    }
                });
                Ok(Ok(self.t(msg).to_string()))
            }
            FormPurpose::Adopt(id) => {
                let date = match form.date(FieldId::AdoptedOn) {
                    Ok(Some(d)) => d,
                    Ok(None) => return Ok(Err((FieldId::AdoptedOn, Msg::ErrRequired))),
                    Err(e) => return Ok(Err(e)),
                };
                let mut r = self.store.resolution(id)?.ok_or(StoreError::NotFound)?;
                let vote = form
                    .choice(FieldId::Link)
                    .checked_sub(1)
                    .and_then(|i| self.adoption_votes(&r).get(i).cloned());
                if let Some((meeting, ..)) = &vote
                    && self.meetings.get(*meeting).is_some_and(|m| m.date > date)
                {
                    return Ok(Err((FieldId::AdoptedOn, Msg::ErrAdoptedBeforeVote)));
                }
                r.adopted_on = Some(date);
                if let Some((meeting, item, entry, _)) = vote {
                    r.meeting = Some(meeting);
                    r.adopted_by = Some((item, entry));
                }
                self.store.save_resolution(&mut r, &mut [], now, "adopt")?;
                self.reload_resolutions()?;
                Ok(Ok(self.t(Msg::ResolutionAdopted).to_string()))
            }
            FormPurpose::Supersede(id) => {
                let number = form.text(FieldId::Number);
                let key = number.to_lowercase();
                let by = self
                    .store
                    .resolutions()?
                    .into_iter()
                    .filter(|r| r.id != id && r.number.to_lowercase() == key)
                    .max_by_key(|r| (r.year, r.seq));
                let Some(mut by) = by else {
                    return Ok(Err((FieldId::Number, Msg::ErrNoSuchResolution)));
                };
                let mut old = self.store.resolution(id)?.ok_or(StoreError::NotFound)?;
                old.superseded_by = Some(by.id);
                by.supersedes = Some(old.id);
                self.store
                    .save_resolution(&mut old, &mut [], now, "supersede")?;
                self.store
                    .save_resolution(&mut by, &mut [], now, "supersede")?;
                self.reload_resolutions()?;
                Ok(Ok(saved))
            }
            _ => Ok(Ok(String::new())),
        }
    }

    /// Drafts the monthly resolution from a meeting whose conclusion the branch voted
    /// through: its conclusions and next month's tasks become items to confirm, assign
    /// and date, due when the conclusion says, adopted on the day of the meeting and
    /// linked to that vote. Otherwise nothing changes and the message line says why.
    pub(super) fn draft_resolution(&mut self, meeting_id: MeetingId) {
        if self.save_now().is_err() {
            return;
        }
        let Some(meeting) = self.meetings.get(meeting_id).cloned() else {
            return;
        };
        if let Some(existing) = self
            .resolutions
            .all()
            .iter()
            .find(|r| r.meeting == Some(meeting_id))
        {
            let id = existing.id;
            self.screen = super::Screen::Resolutions;
            self.resolutions.open = Some(id);
            self.info(Msg::ResolutionExists);
            return;
        }
        // a resolution comes from a conclusion the branch voted through; otherwise
        // nothing is drafted and the message line says what is missing
        let adopted_by = match conclusion_vote(&meeting) {
            Ok(at) => at,
            Err(refusal) => {
                let key = |a| {
                    self.keymap
                        .key_for(crate::command::Section::Console, a)
                        .unwrap_or_default()
                };
                let msg = match refusal {
                    DraftRefusal::NoConclusion => Msg::DraftNoConclusion
                        .fill(self.lang, &[("key", &key(super::Action::Conclusion))]),
                    DraftRefusal::NotVoted => {
                        Msg::DraftNotVoted.fill(self.lang, &[("key", &key(super::Action::Vote))])
                    }
                    DraftRefusal::NotPassed(subject) => {
                        Msg::DraftNotPassed.fill(self.lang, &[("subject", &subject)])
                    }
                };
                self.status = Some(Status::Error(msg));
                return;
            }
        };
        let now = self.now();
        let year = meeting.date.year();
        let seq = next_seq(self.resolutions.all(), year);
        let mut r = Resolution {
            id: ResolutionId(0),
            kind: ResolutionKind::Monthly,
            year,
            seq,
            number: format_number(seq, &self.suffix()),
            title: format!("Nghị quyết chi bộ tháng {}", meeting.month_label()),
            adopted_on: Some(meeting.date),
            meeting: Some(meeting_id),
            adopted_by: Some(adopted_by),
            basis: format!(
                "kết quả sinh hoạt chi bộ thường kỳ ngày {}",
                crate::domain::calendar::format_date(meeting.date)
            ),
            results: String::new(),
            items: Vec::new(),
            superseded_by: None,
            supersedes: None,
            adopted: None,
        };
        // the month the resolution is adopted for
        let due = end_of_month(meeting.date);
        let mut tasks: Vec<Task> = draft_lines(&meeting)
            .iter()
            .map(|line| {
                // the conclusion's own deadline, where it gives one
                let mut t = Task::new(line, due_given(line, meeting.date).unwrap_or(due));
                t.created = Some(meeting.date);
                t
            })
            .collect();
        match self
            .store
            .save_resolution(&mut r, &mut tasks, now, "draft")
            .and_then(|()| self.reload_resolutions())
        {
            Ok(()) => {
                self.screen = super::Screen::Resolutions;
                self.resolutions.open = Some(r.id);
                self.resolutions.item.select(0, 0);
                let n = tasks.len();
                self.status = Some(Status::Info(
                    Msg::Drafted.fill(self.lang, &[("number", &r.number), ("n", &n)]),
                ));
            }
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }
}
