//! The resolution tracker: numbered resolutions and their items, and the list of them
//! (this file); a resolution's detail and the follow-up of every open item across them
//! (`detail`); their forms (`form`) and saving them (`save`); drafting a resolution from
//! a meeting (`draft`); reviewing last month's resolution inside the next meeting
//! (`review`). A task's own keys are the tasks screen's (`tasks::follow`).

mod detail;
mod draft;
mod form;
mod review;
mod save;

pub use draft::{DraftRefusal, conclusion_vote, draft_lines, due_given};
pub(in crate::app) use save::Saved;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::list::{Cursor, Filtered, matches_words};
use super::text_input::TextInput;
use super::{Action, Ctx, Outcome};
use crate::domain::meeting::Meeting;
use crate::domain::member::MemberId;
use crate::domain::resolution::{Resolution, ResolutionId, ResolutionKind, ResolutionState};
use crate::domain::task::{Task, TaskId, end_of_month};
use crate::domain::text::fold;

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
    fn move_in(&mut self, action: Action, today: NaiveDate) -> bool {
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

impl Resolutions {
    /// The list of resolutions' keys (and the search field's, while searching).
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        if self.move_in(action, ctx.today()) {
            return Outcome::Done;
        }
        match action {
            A::Search => self.searching = true,
            A::Confirm if self.searching => self.searching = false,
            A::Cancel if self.searching => {
                self.searching = false;
                self.query.clear();
                self.refilter();
            }
            A::FilterState => {
                self.state = match self.state {
                    StateFilter::InForce => StateFilter::Completed,
                    StateFilter::Completed => StateFilter::Superseded,
                    StateFilter::Superseded => StateFilter::All,
                    StateFilter::All => StateFilter::InForce,
                };
                self.refilter();
            }
            A::FilterYear => self.cycle_year(),
            A::FilterKind => {
                self.kind = match self.kind {
                    None => Some(ResolutionKind::ALL[0]),
                    Some(k) => ResolutionKind::ALL
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| ResolutionKind::ALL.get(i + 1))
                        .copied(),
                };
                self.refilter();
            }
            A::Cancel => {
                self.state = StateFilter::InForce;
                self.year = None;
                self.kind = None;
                self.query.clear();
                self.refilter();
            }
            A::FollowUp => {
                self.followup = true;
                self.fu.select(0, 0);
            }
            A::Open => {
                if let Some(id) = self.selected_resolution().map(|x| x.id) {
                    self.open = Some(id);
                    self.item.select(0, 0);
                }
            }
            A::New => return Outcome::form(form::resolution_form(None, &self.list, ctx)),
            _ => return Outcome::NotMine,
        }
        Outcome::Done
    }

    /// The year filter: each year that has a resolution, newest first, then all.
    fn cycle_year(&mut self) {
        let mut years: Vec<i32> = self.list.iter().map(|x| x.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        self.year = super::list::next_choice(self.year, &years);
        self.refilter();
    }
}
