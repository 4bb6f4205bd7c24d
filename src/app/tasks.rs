//! The tasks screen: every member with what they carry (unassigned ones first, with a
//! warning), all tasks with filters, new tasks, bulk assignment, and follow-up by keys.

mod assign;
mod follow;

pub use assign::not_assignable_text;
pub use follow::task_action;

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::form::FormPurpose;
use super::list::Cursor;
use super::text_input::TextInput;
use super::{Action, App, Ctx, Outcome, notebook};
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
/// to date by `Tasks::refresh`, before each frame and after each key of the screen.
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

impl Tasks {
    fn filter_key(&self, ctx: &Ctx) -> FilterKey {
        FilterKey {
            status: self.status,
            member: self.member,
            category: self.category.clone(),
            month: self.month,
            source: self.source,
            query: self.query.value().to_string(),
            today: ctx.today(),
        }
    }

    fn count_loads(ctx: &Ctx) -> Vec<MemberLoad> {
        loads(ctx.members, |m| ctx.resolutions.tasks_of(m), ctx.today())
    }

    fn filter_rows(&self, key: &FilterKey, ctx: &Ctx) -> Vec<TaskId> {
        let all: Vec<&Task> = ctx.resolutions.tasks().collect();
        self.filtered(&all, key.today, ctx.members)
            .iter()
            .map(|r| r.id)
            .collect()
    }

    /// Counts the by-member rows and filters the all-tasks rows again where the data,
    /// the day or the filters changed since they were last computed.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let today = ctx.today();
        let generation = ctx.generation;
        let fresh = matches!(&self.cache.loads,
            Some((g, day, _)) if *g == generation && *day == today);
        if !fresh {
            self.cache.loads = Some((generation, today, Self::count_loads(ctx)));
        }
        let key = self.filter_key(ctx);
        let fresh = matches!(&self.cache.rows,
            Some((g, k, _)) if *g == generation && *k == key);
        if !fresh {
            let ids = self.filter_rows(&key, ctx);
            self.cache.rows = Some((generation, key, ids));
        }
    }

    /// The by-member rows: lent from the cache when it is up to date, otherwise
    /// (nothing refreshed it since a change) counted for this use alone.
    pub fn loads(&self, ctx: &Ctx) -> Cow<'_, [MemberLoad]> {
        match &self.cache.loads {
            Some((g, day, rows)) if *g == ctx.generation && *day == ctx.today() => {
                Cow::Borrowed(rows.as_slice())
            }
            _ => Cow::Owned(Self::count_loads(ctx)),
        }
    }

    /// The ids of the all-tasks view's rows, nearest due first: lent from the cache
    /// when it is up to date, otherwise filtered and sorted for this use alone.
    pub fn row_ids(&self, ctx: &Ctx) -> Cow<'_, [TaskId]> {
        let key = self.filter_key(ctx);
        match &self.cache.rows {
            Some((g, k, ids)) if *g == ctx.generation && *k == key => Cow::Borrowed(ids.as_slice()),
            _ => Cow::Owned(self.filter_rows(&key, ctx)),
        }
    }

    /// The row `i` of the all-tasks view.
    fn row<'a>(&self, i: usize, ctx: &Ctx<'a>) -> Option<&'a Task> {
        let id = *self.row_ids(ctx).get(i)?;
        ctx.resolutions.task(id)
    }

    fn selected_load(&self, ctx: &Ctx) -> Option<MemberLoad> {
        self.loads(ctx).get(self.cursor.selected()).cloned()
    }

    /// The tasks screen's keys (and the search field's, while searching): the keys on a
    /// task first, on the task selected in the all-tasks view.
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        self.refresh(ctx);
        let n = match self.view {
            TaskView::ByMember => self.loads(ctx).len(),
            TaskView::All => self.row_ids(ctx).len(),
        };
        if self.view == TaskView::All
            && let Some(task) = self.row(self.cursor.selected(), ctx)
        {
            if action == A::AddNote {
                return notebook::note_from_task(task, ctx);
            }
            let outcome = task_action(action, task, None, ctx);
            if !matches!(outcome, Outcome::NotMine) {
                return outcome;
            }
        }
        if self.cursor.apply(action, n) {
            return Outcome::Done;
        }
        match action {
            A::ToggleView => {
                self.view = match self.view {
                    TaskView::ByMember => TaskView::All,
                    TaskView::All => TaskView::ByMember,
                };
                self.cursor.select(0, 0);
            }
            A::Search => {
                self.view = TaskView::All;
                self.searching = true;
            }
            A::Confirm if self.searching => self.searching = false,
            A::Cancel if self.searching => {
                self.searching = false;
                self.query.clear();
            }
            A::Cancel => {
                self.clear();
                self.marked.clear();
            }
            A::Open if self.view == TaskView::ByMember => {
                if let Some(load) = self.selected_load(ctx) {
                    self.view = TaskView::All;
                    self.clear();
                    self.member = Some(load.member);
                }
            }
            A::Mark if self.view == TaskView::ByMember => {
                if let Some(load) = self.selected_load(ctx) {
                    if !self.marked.remove(&load.member) {
                        self.marked.insert(load.member);
                    }
                    self.cursor.apply(A::MoveDown, n);
                }
            }
            A::FilterState | A::FilterKind | A::FilterMonth | A::FilterSource => {
                self.view = TaskView::All;
                self.cycle_filter(action, ctx);
                self.cursor.select(0, 0);
            }
            A::New => {
                let lead = match self.view {
                    TaskView::ByMember => self.selected_load(ctx).map(|l| l.member),
                    TaskView::All => self.member,
                };
                return Outcome::form(assign::task_form(FormPurpose::NewTask, lead, 0, ctx));
            }
            A::BulkAssign if self.marked.is_empty() => return ctx.error(Msg::NobodyMarked),
            A::BulkAssign => {
                self.bulk = self.marked.iter().copied().collect();
                return self.bulk_form(ctx);
            }
            A::AssignUnassigned => {
                let unassigned: Vec<MemberId> = self
                    .loads(ctx)
                    .iter()
                    .filter(|l| l.open == 0)
                    .map(|l| l.member)
                    .collect();
                if unassigned.is_empty() {
                    return ctx.info(Msg::NobodyUnassigned);
                }
                self.bulk = unassigned;
                return self.bulk_form(ctx);
            }
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }

    /// The form giving one task to each member of `bulk`, or one to them all.
    fn bulk_form(&self, ctx: &Ctx) -> Outcome {
        let form = assign::task_form(FormPurpose::BulkTask, None, self.bulk.len(), ctx);
        Outcome::form(form)
    }

    /// The next value of the filter `action` cycles: status, category, month (this,
    /// next, last) or source, then none.
    fn cycle_filter(&mut self, action: Action, ctx: &Ctx) {
        let today = ctx.today();
        match action {
            Action::FilterState => {
                self.status = match self.status {
                    None => Some(StatusFilter::Open),
                    Some(StatusFilter::Open) => Some(StatusFilter::Overdue),
                    Some(StatusFilter::Overdue) => Some(StatusFilter::Status(TaskStatus::Done)),
                    Some(StatusFilter::Status(TaskStatus::Done)) => {
                        Some(StatusFilter::Status(TaskStatus::Cancelled))
                    }
                    Some(_) => None,
                };
            }
            Action::FilterKind => {
                let cats = ctx.categories;
                self.category = match &self.category {
                    None => cats.first().cloned(),
                    Some(c) => cats
                        .iter()
                        .position(|x| x == c)
                        .and_then(|i| cats.get(i + 1))
                        .cloned(),
                };
            }
            Action::FilterMonth => {
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
                self.month = match self.month {
                    None => Some(this),
                    Some(m) if m == this => Some(next),
                    Some(m) if m == next => Some(prev),
                    Some(_) => None,
                };
            }
            _ => {
                self.source = match self.source {
                    None => Some(Source::Resolution),
                    Some(Source::Resolution) => Some(Source::Direct),
                    Some(Source::Direct) => None,
                };
            }
        }
    }
}

impl App {
    /// Every task (resolution items and direct ones) in memory.
    pub fn all_tasks(&self) -> Vec<&Task> {
        self.resolutions.tasks().collect()
    }

    /// Brings the tasks screen's rows up to date (`Tasks::refresh`).
    pub fn refresh_tasks(&mut self) {
        self.tasks.refresh(&ctx!(self));
    }

    /// The by-member rows (`Tasks::loads`).
    pub fn task_loads(&self) -> Cow<'_, [MemberLoad]> {
        self.tasks.loads(&ctx!(self))
    }

    /// The ids of the all-tasks view's rows (`Tasks::row_ids`).
    pub fn task_row_ids(&self) -> Cow<'_, [TaskId]> {
        self.tasks.row_ids(&ctx!(self))
    }

    /// Every row of the all-tasks view (for a whole list; the screen takes only the
    /// rows it shows, with `task_row_ids`).
    pub fn task_rows(&self) -> Vec<&Task> {
        let ids = self.task_row_ids();
        ids.iter()
            .filter_map(|id| self.resolutions.task(*id))
            .collect()
    }
}
