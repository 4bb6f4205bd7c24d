//! Reading the data into memory: the roster first (the first frame shows it), the rest
//! after, and after each save only what it wrote.

use super::App;
use crate::domain::meeting::{MeetingId, MeetingStatus};
use crate::domain::member::{MemberId, probation_reminder};
use crate::store::{Records, StoreError, Tree, Written};

impl App {
    /// Loads meetings, resolutions and tasks (after the first frame, in the terminal),
    /// and reopens a meeting left in progress (quit or crash) where it was.
    pub fn load_rest(&mut self) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.load_meetings()?;
        self.load_resolutions()?;
        self.reload_dues()?;
        self.reload_notebook()?;
        self.reload_candidates()?;
        self.store.forget_written();
        self.loaded = true;
        if let Some(m) = self
            .meetings
            .all()
            .iter()
            .find(|m| m.status() == MeetingStatus::InProgress)
            .cloned()
        {
            self.open_console(m);
        }
        Ok(())
    }

    /// After a write: what it wrote is read again and put in its place in memory,
    /// nothing else (everything, after a write of very many records).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        if !self.loaded {
            self.store.forget_written();
            self.load_roster()?;
            return self.load_rest();
        }
        match self.store.take_written() {
            Written::Nothing => Ok(()),
            Written::Everything => self.reload_everything(),
            Written::Records(written) => {
                let result = self.reload_records(&written);
                if result.is_err() {
                    // what could not be read is tried again on the next save
                    self.store.forget_written();
                }
                result
            }
        }
    }

    /// Reads everything again.
    pub(super) fn reload_everything(&mut self) -> Result<(), StoreError> {
        self.store.forget_written();
        self.load_roster()?;
        self.load_meetings()?;
        self.load_resolutions()?;
        self.reload_notebook()?;
        self.reload_candidates()?;
        self.reload_dues()
    }

    /// The notes of the members' notebook and the awards, as stored.
    pub(super) fn reload_notebook(&mut self) -> Result<(), StoreError> {
        self.notebook.notes = self.store.notes()?;
        self.notebook.awards = self.store.awards()?;
        self.notebook.discipline = self.store.discipline()?;
        Ok(())
    }

    /// Puts each record written in its place in memory (gone from memory if deleted).
    pub(super) fn reload_records(
        &mut self,
        written: &std::collections::BTreeSet<(Tree, Vec<u8>)>,
    ) -> Result<(), StoreError> {
        self.generation += 1;
        let id_of = |key: &[u8]| key.try_into().ok().map(u64::from_be_bytes);
        let mut members = Vec::new();
        let mut dues = false;
        let mut notes = false;
        let mut candidates = false;
        let mut tasks = Vec::new();
        for (tree, key) in written {
            match tree {
                Tree::Meta if key.as_slice() == b"branch" => self.branch = self.store.branch()?,
                Tree::Members => {
                    if let Some(id) = id_of(key).map(MemberId) {
                        members.push((id, self.store.member(id)?));
                    }
                }
                Tree::Meetings => {
                    let Some(id) = id_of(key).map(MeetingId) else {
                        continue;
                    };
                    match self.store.meeting(id)? {
                        Some(m) => self.put_meeting(m),
                        None => self.meetings.remove(id),
                    }
                }
                Tree::Resolutions => {
                    let Some(id) = id_of(key).map(crate::domain::resolution::ResolutionId) else {
                        continue;
                    };
                    if let Some(r) = self.store.resolution(id)? {
                        self.resolutions.put_resolution(r);
                    }
                }
                Tree::Tasks => {
                    let Some(id) = id_of(key).map(crate::domain::task::TaskId) else {
                        continue;
                    };
                    if let Some(t) = self.store.task(id)? {
                        tasks.push(t);
                    }
                }
                Tree::Dues => dues = true,
                Tree::Notebook | Tree::Awards | Tree::Discipline => notes = true,
                // read from the store where they are shown, when they are shown
                Tree::Candidates => candidates = true,
                Tree::Meta | Tree::Audit | Tree::OpenTasks | Tree::TaskDates => {}
            }
        }
        if !tasks.is_empty() {
            self.resolutions.put_tasks(&tasks);
        }
        if dues {
            self.reload_dues()?;
        }
        if candidates {
            self.reload_candidates()?;
        }
        if notes {
            self.reload_notebook()?;
        }
        if !members.is_empty() {
            self.roster.put(members);
            self.remind();
        }
        Ok(())
    }

    pub(super) fn load_roster(&mut self) -> Result<(), StoreError> {
        self.branch = self.store.branch()?;
        let members = self.store.members()?;
        self.set_roster(members);
        Ok(())
    }

    /// The roster becomes `members`; the probation reminders follow.
    pub(super) fn set_roster(&mut self, members: Vec<crate::domain::member::Member>) {
        self.generation += 1;
        self.roster.load(members);
        self.remind();
    }

    /// The probation reminders, from the roster.
    fn remind(&mut self) {
        let today = self.today();
        self.reminders = self
            .roster
            .members()
            .iter()
            .filter_map(|m| probation_reminder(m, today, &self.calendar))
            .collect();
        self.reminders.sort_by_key(|r| r.ends);
    }
}
