//! The tasks screen: every member with what they carry (unassigned ones first, with a
//! warning), all tasks with filters, new tasks, bulk assignment, and follow-up by keys.

mod assign;
mod follow;

pub use assign::not_assignable_text;

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::form::FormPurpose;
use super::list::Cursor;
use super::text_input::TextInput;
use super::{App, Outcome};
use crate::domain::member::{Member, MemberId};
use crate::domain::record::expects_task;
use crate::domain::task::{Task, TaskId, TaskStatus, end_of_month};
use crate::domain::text::fold;
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskView {
    #[default]
    ByMember,
    All,
}

/// The status filter of the all-tasks view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Open,
    Overdue,
    Status(TaskStatus),
}

/// Where a task came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Resolution,
    Direct,
}

/// One row of the by-member view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberLoad {
    pub member: MemberId,
    pub name: String,
    pub open: usize,
    pub overdue: usize,
    pub done_this_year: usize,
    pub nearest: Option<NaiveDate>,
}

/// What the all-tasks rows depend on besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FilterKey {
    status: Option<StatusFilter>,
    member: Option<MemberId>,
    category: Option<String>,
    month: Option<(i32, u32)>,
    source: Option<Source>,
    query: String,
    today: NaiveDate,
}

/// Rows computed once per change of the data or the filters, not once per frame: a
/// branch of thousands of tasks moves its selection without recounting them. Brought up
/// to date by `refresh_tasks`, before each frame and after each key of the screen.
#[derive(Debug, Default)]
struct Cache {
    loads: Option<(u64, NaiveDate, Vec<MemberLoad>)>,
    rows: Option<(u64, FilterKey, Vec<TaskId>)>,
}

#[derive(Debug, Default)]
pub struct Tasks {
    cache: Cache,
    pub view: TaskView,
    /// The selection in the view shown.
    pub cursor: Cursor,
    /// Members marked for bulk assignment.
    pub marked: BTreeSet<MemberId>,
    /// The members a bulk form is for.
    pub bulk: Vec<MemberId>,
    pub status: Option<StatusFilter>,
    pub member: Option<MemberId>,
    pub category: Option<String>,
    pub month: Option<(i32, u32)>,
    pub source: Option<Source>,
    pub query: TextInput,
    pub searching: bool,
}

/// What every expected member carries, unassigned members first (roster order within).
/// `tasks_of` gives a member's tasks (an index, not a scan of every task).
pub fn loads<'a, I: Iterator<Item = &'a Task>>(
    members: &[Member],
    tasks_of: impl Fn(MemberId) -> I,
    today: NaiveDate,
) -> Vec<MemberLoad> {
    let mut rows: Vec<MemberLoad> = members
        .iter()
        .filter(|m| expects_task(m))
        .map(|m| {
            let mine: Vec<&Task> = tasks_of(m.id).collect();
            let open: Vec<&Task> = mine
                .iter()
                .filter(|t| t.status.is_open())
                .copied()
                .collect();
            MemberLoad {
                member: m.id,
                name: m.full_name(),
                open: open.len(),
                overdue: open.iter().filter(|t| t.is_overdue(today)).count(),
                done_this_year: mine
                    .iter()
                    .filter(|t| {
                        t.status == TaskStatus::Done
                            && t.done_on.is_some_and(|d| d.year() == today.year())
                    })
                    .count(),
                nearest: open.iter().map(|t| t.due).min(),
            }
        })
        .collect();
    // stable: roster order kept within each group
    rows.sort_by_key(|r| r.open > 0);
    rows
}

impl Tasks {
    fn accepts(&self, t: &Task, today: NaiveDate, members: &[Member]) -> bool {
        let status_ok = match self.status {
            None => true,
            Some(StatusFilter::Open) => t.status.is_open(),
            Some(StatusFilter::Overdue) => t.is_overdue(today),
            Some(StatusFilter::Status(s)) => t.status == s,
        };
        let source_ok = match self.source {
            None => true,
            Some(Source::Resolution) => t.resolution.is_some(),
            Some(Source::Direct) => t.resolution.is_none(),
        };
        let q = fold(self.query.value());
        let text_ok = q.split_whitespace().all(|w| {
            let lead = t
                .lead
                .and_then(|id| members.iter().find(|m| m.id == id))
                .map(|m| m.full_name())
                .unwrap_or_default();
            fold(&format!("{} {} {} {lead}", t.title, t.details, t.area)).contains(w)
        });
        status_ok
            && source_ok
            && text_ok
            && self.member.is_none_or(|m| t.involves(m))
            && self.category.as_ref().is_none_or(|c| &t.category == c)
            && self
                .month
                .is_none_or(|(y, m)| t.due.year() == y && t.due.month() == m)
    }

    /// The all-tasks view's rows, nearest due first.
    pub fn filtered<'a>(
        &self,
        tasks: &[&'a Task],
        today: NaiveDate,
        members: &[Member],
    ) -> Vec<&'a Task> {
        let mut out: Vec<&Task> = tasks
            .iter()
            .copied()
            .filter(|t| self.accepts(t, today, members))
            .collect();
        out.sort_by_key(|t| (!t.status.is_open(), t.due, t.id));
        out
    }

    pub fn is_filtered(&self) -> bool {
        self.status.is_some()
            || self.member.is_some()
            || self.category.is_some()
            || self.month.is_some()
            || self.source.is_some()
            || !self.query.is_empty()
    }

    fn clear(&mut self) {
        self.status = None;
        self.member = None;
        self.category = None;
        self.month = None;
        self.source = None;
        self.query.clear();
        self.cursor.select(0, 0);
    }
}

impl App {
    /// Every task (resolution items and direct ones) in memory.
    pub fn all_tasks(&self) -> Vec<&Task> {
        self.resolutions.tasks().collect()
    }

    fn filter_key(&self) -> FilterKey {
        let t = &self.tasks;
        FilterKey {
            status: t.status,
            member: t.member,
            category: t.category.clone(),
            month: t.month,
            source: t.source,
            query: t.query.value().to_string(),
            today: self.today(),
        }
    }

    fn count_loads(&self, today: NaiveDate) -> Vec<MemberLoad> {
        loads(
            self.roster.members(),
            |m| self.resolutions.tasks_of(m),
            today,
        )
    }

    fn filter_rows(&self, key: &FilterKey) -> Vec<TaskId> {
        self.tasks
            .filtered(&self.all_tasks(), key.today, self.roster.members())
            .iter()
            .map(|r| r.id)
            .collect()
    }

    /// Counts the by-member rows and filters the all-tasks rows again where the data,
    /// the day or the filters changed since they were last computed.
    pub fn refresh_tasks(&mut self) {
        let today = self.today();
        let generation = self.generation;
        let fresh = matches!(&self.tasks.cache.loads,
            Some((g, day, _)) if *g == generation && *day == today);
        if !fresh {
            let rows = self.count_loads(today);
            self.tasks.cache.loads = Some((generation, today, rows));
        }
        let key = self.filter_key();
        let fresh = matches!(&self.tasks.cache.rows,
            Some((g, k, _)) if *g == generation && *k == key);
        if !fresh {
            let ids = self.filter_rows(&key);
            self.tasks.cache.rows = Some((generation, key, ids));
        }
    }

    /// The by-member rows: lent from the cache when it is up to date, otherwise
    /// (nothing refreshed it since a change) counted for this use alone.
    pub fn task_loads(&self) -> Cow<'_, [MemberLoad]> {
        let today = self.today();
        match &self.tasks.cache.loads {
            Some((g, day, rows)) if *g == self.generation && *day == today => {
                Cow::Borrowed(rows.as_slice())
            }
            _ => Cow::Owned(self.count_loads(today)),
        }
    }

    /// The ids of the all-tasks view's rows, nearest due first: lent from the cache
    /// when it is up to date, otherwise filtered and sorted for this use alone.
    pub fn task_row_ids(&self) -> Cow<'_, [TaskId]> {
        let key = self.filter_key();
        match &self.tasks.cache.rows {
            Some((g, k, ids)) if *g == self.generation && *k == key => {
                Cow::Borrowed(ids.as_slice())
            }
            _ => Cow::Owned(self.filter_rows(&key)),
        }
    }

    /// The row `i` of the all-tasks view.
    pub fn task_row(&self, i: usize) -> Option<&Task> {
        let id = *self.task_row_ids().get(i)?;
        self.resolutions.task(id)
    }

    /// Every row of the all-tasks view (for a whole list; the screen takes only the
    /// rows it shows, with `task_row_ids`).
    pub fn task_rows(&self) -> Vec<&Task> {
        let ids = self.task_row_ids();
        ids.iter()
            .filter_map(|id| self.resolutions.task(*id))
            .collect()
    }

    fn selected_load(&self) -> Option<MemberLoad> {
        self.task_loads().get(self.tasks.cursor.selected()).cloned()
    }

    pub(super) fn update_tasks(&mut self, action: super::Action) -> Outcome {
        use super::Action as A;
        self.refresh_tasks();
        let today = self.today();
        let n = match self.tasks.view {
            TaskView::ByMember => self.task_loads().len(),
            TaskView::All => self.task_row_ids().len(),
        };
        if self.tasks.view == TaskView::All
            && action == A::AddNote
            && let Some(task) = self.task_row(self.tasks.cursor.selected()).cloned()
        {
            self.note_from_task(&task);
            return Outcome::Done;
        }
        if self.tasks.view == TaskView::All
            && let Some(task) = self.task_row(self.tasks.cursor.selected()).cloned()
        {
            let outcome = self.task_action(action, &task, None);
            if !matches!(outcome, Outcome::NotMine) {
                return outcome;
            }
        }
        let t = &mut self.tasks;
        if t.cursor.apply(action, n) {
            return Outcome::Done;
        }
        match action {
            A::ToggleView => {
                t.view = match t.view {
                    TaskView::ByMember => TaskView::All,
                    TaskView::All => TaskView::ByMember,
                };
                t.cursor.select(0, 0);
            }
            A::Search => {
                t.view = TaskView::All;
                t.searching = true;
            }
            A::Confirm if t.searching => t.searching = false,
            A::Cancel if t.searching => {
                t.searching = false;
                t.query.clear();
            }
            A::Cancel => {
                t.clear();
                t.marked.clear();
            }
            A::Open if t.view == TaskView::ByMember => {
                if let Some(load) = self.selected_load() {
                    self.tasks.view = TaskView::All;
                    self.tasks.clear();
                    self.tasks.member = Some(load.member);
                }
            }
            A::Mark if t.view == TaskView::ByMember => {
                if let Some(load) = self.selected_load() {
                    let t = &mut self.tasks;
                    if !t.marked.remove(&load.member) {
                        t.marked.insert(load.member);
                    }
                    t.cursor.apply(A::MoveDown, n);
                }
            }
            A::FilterState => {
                t.view = TaskView::All;
                t.status = match t.status {
                    None => Some(StatusFilter::Open),
                    Some(StatusFilter::Open) => Some(StatusFilter::Overdue),
                    Some(StatusFilter::Overdue) => Some(StatusFilter::Status(TaskStatus::Done)),
                    Some(StatusFilter::Status(TaskStatus::Done)) => {
                        Some(StatusFilter::Status(TaskStatus::Cancelled))
                    }
                    Some(_) => None,
                };
                t.cursor.select(0, 0);
            }
            A::FilterKind => {
                t.view = TaskView::All;
                let cats = &self.categories;
                t.category = match &t.category {
                    None => cats.first().cloned(),
                    Some(c) => cats
                        .iter()
                        .position(|x| x == c)
                        .and_then(|i| cats.get(i + 1))
                        .cloned(),
                };
                t.cursor.select(0, 0);
            }
            A::FilterMonth => {
                t.view = TaskView::All;
                let this = (today.year(), today.month());
                let next = end_of_month(today)
                    .succ_opt()
                    .map(|d| (d.year(), d.month()))
                    .unwrap_or(this);
                let prev = today
                    .with_day(1)
                    .and_then(|d| d.pred_opt())
                    .map(|d| (d.year(), d.month()))
                    .unwrap_or(this);
                t.month = match t.month {
                    None => Some(this),
                    Some(m) if m == this => Some(next),
                    Some(m) if m == next => Some(prev),
                    Some(_) => None,
                };
                t.cursor.select(0, 0);
            }
            A::FilterSource => {
                t.view = TaskView::All;
                t.source = match t.source {
                    None => Some(Source::Resolution),
                    Some(Source::Resolution) => Some(Source::Direct),
                    Some(Source::Direct) => None,
                };
                t.cursor.select(0, 0);
            }
            A::New => {
                let lead = match self.tasks.view {
                    TaskView::ByMember => self.selected_load().map(|l| l.member),
                    TaskView::All => self.tasks.member,
                };
                let form = self.task_form(FormPurpose::NewTask, lead, 0);
                return Outcome::form(form);
            }
            A::BulkAssign => {
                if self.tasks.marked.is_empty() {
                    self.error(Msg::NobodyMarked);
                } else {
                    self.tasks.bulk = self.tasks.marked.iter().copied().collect();
                    let form = self.task_form(FormPurpose::BulkTask, None, self.tasks.bulk.len());
                    return Outcome::form(form);
                }
            }
            A::AssignUnassigned => {
                let unassigned: Vec<MemberId> = self
                    .task_loads()
                    .iter()
                    .filter(|l| l.open == 0)
                    .map(|l| l.member)
                    .collect();
                if unassigned.is_empty() {
                    self.info(Msg::NobodyUnassigned);
                } else {
                    self.tasks.bulk = unassigned;
                    let form = self.task_form(FormPurpose::BulkTask, None, self.tasks.bulk.len());
                    return Outcome::form(form);
                }
            }
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }
}
