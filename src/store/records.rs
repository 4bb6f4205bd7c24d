// Over 500 lines: one trait, `Records`, giving every kind its typed reads, writes and indexes.
//! Typed records over any `Store`: the schema version, the branch, members, audit
//! entries. Written once, so the sled and in-memory stores behave alike.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::{Batch, Result, Store, StoreError, Tree};
use crate::domain::branch::Branch;
use crate::domain::candidates::{Candidate, CandidateId};
use crate::domain::discipline::{Award, Discipline, RecordId};
use crate::domain::dues::{DatedEntry, DuesError, Entry, Ledger};
use crate::domain::meeting::{Meeting, MeetingId};
use crate::domain::member::{Member, MemberId};
use crate::domain::notebook::{Note, NoteId};
use crate::domain::resolution::{Resolution, ResolutionId};
use crate::domain::task::{Task, TaskId};

/// The schema this chibo writes. A database with a higher number is refused.
pub const SCHEMA_VERSION: u32 = 1;

const KEY_SCHEMA: &[u8] = b"schema_version";
pub(super) const KEY_BRANCH: &[u8] = b"branch";
const KEY_NEXT_ID: &[u8] = b"next_id";

/// A record that names a member, which keeps the member from being deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    Meeting(MeetingId),
    Task(TaskId),
    /// A note of the members' notebook, a discipline decision or an award.
    Note(NoteId),
    Discipline(RecordId),
    Award(RecordId),
}

/// One line of the audit trail: what changed, when. Never holds personal details
/// beyond the record's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    pub action: String,
    #[serde(default)]
    pub member: Option<MemberId>,
    #[serde(default)]
    pub detail: String,
}

pub(crate) fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

pub(crate) fn key_id(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.try_into().ok()?))
}

pub(super) fn decode<T: DeserializeOwned>(tree: Tree, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt {
        tree: tree.name(),
        detail: e.to_string(),
    })
}

/// Freezes a resolution's adopted text from its items (`fresh` before `stored`).
fn freeze(res: &mut Resolution, stored: &[Task], fresh: &[Task], members: &[Member]) -> bool {
    let tasks: Vec<&Task> = fresh.iter().chain(stored).collect();
    let name = |id: MemberId| {
        members
            .iter()
            .find(|m| m.id == id)
            .map(Member::full_name)
            .unwrap_or_default()
    };
    res.freeze(&tasks, &name)
}

/// Decodes every record of a tree, one at a time.
fn all<T: DeserializeOwned, S: Store + ?Sized>(store: &S, tree: Tree) -> Result<Vec<T>> {
    let mut out = Vec::new();
    store.each_value(tree, &mut |v| {
        out.push(decode(tree, v)?);
        Ok(())
    })?;
    Ok(out)
}

/// A task read as one of many by id (`Store::get_one_of_many`).
fn one_of_many_tasks<S: Store + ?Sized>(store: &S, id: TaskId) -> Result<Option<Task>> {
    store
        .get_one_of_many(Tree::Tasks, &id_key(id.0))?
        .map(|b| decode(Tree::Tasks, &b))
        .transpose()
}

/// The open-tasks index says it is complete with this key (shorter than any entry's).
pub(crate) const KEY_INDEX_BUILT: &[u8] = b"built";

/// A day as the first bytes of an index key: keys run in date order.
fn day_bytes(day: NaiveDate) -> [u8; 4] {
    ((day.num_days_from_ce() as u32) ^ 0x8000_0000).to_be_bytes()
}

fn day_of_key(key: &[u8]) -> Option<NaiveDate> {
    let day = u32::from_be_bytes(key.get(..4)?.try_into().ok()?) ^ 0x8000_0000;
    NaiveDate::from_num_days_from_ce_opt(day as i32)
}

/// An entry of the open-tasks index: the due date, then the id, so that keys run in
/// due order.
fn open_key(t: &Task) -> Vec<u8> {
    let mut key = day_bytes(t.due).to_vec();
    key.extend_from_slice(&id_key(t.id.0));
    key
}

/// The day a task is filed under in the dates index: the later of its due date and the
/// day it was done, so those due or done since a day are the keys from that day on.
fn task_day(t: &Task) -> NaiveDate {
    t.done_on.map_or(t.due, |d| d.max(t.due))
}

/// An entry of the dates index: the task's day, then its id.
fn date_key(t: &Task) -> Vec<u8> {
    let mut key = day_bytes(task_day(t)).to_vec();
    key.extend_from_slice(&id_key(t.id.0));
    key
}

/// Keeps the open-tasks index in step with a task written in the same batch: the entry
/// of what it was goes, the entry of what it is comes (if it is open).
fn index_task(batch: &mut Batch, old: Option<&Task>, new: &Task) {
    if let Some(old) = old.filter(|o| o.status.is_open()) {
        batch.remove(Tree::OpenTasks, open_key(old));
    }
    if new.status.is_open() {
        batch.put(Tree::OpenTasks, open_key(new), Vec::new());
    }
    if let Some(old) = old {
        batch.remove(Tree::TaskDates, date_key(old));
    }
    batch.put(Tree::TaskDates, date_key(new), Vec::new());
}

/// Adds to `batch` the index entries of the task stored as `bytes` under `id`, as a
/// restore writes it: a backup holds no index, and one built as the tasks arrive needs
/// no pass over them afterwards. Returns whether the record was a task (one that is not
/// is left to the checks, and the indexes to `ensure_open_index`).
pub(crate) fn index_task_record(batch: &mut Batch, id: u64, bytes: &[u8]) -> bool {
    let Ok(mut t) = decode::<Task>(Tree::Tasks, bytes) else {
        return false;
    };
    t.id = TaskId(id);
    index_task(batch, None, &t);
    true
}

/// Marks both task indexes complete (`ensure_open_index` then has nothing to do).
pub(crate) fn mark_indexes_built(batch: &mut Batch) {
    batch.put(Tree::OpenTasks, KEY_INDEX_BUILT, Vec::new());
    batch.put(Tree::TaskDates, KEY_INDEX_BUILT, Vec::new());
}

/// Adds the audit line of a saved record to `batch`.
fn audit<S: Store + ?Sized>(
    store: &S,
    batch: &mut Batch,
    at: NaiveDateTime,
    action: &str,
    member: Option<MemberId>,
    record: u64,
) -> Result<()> {
    let entry = AuditEntry {
        at,
        action: action.into(),
        member,
        detail: format!("{action} {record}"),
    };
    batch.put(Tree::Audit, id_key(store.generate_id()?), encode(&entry));
    Ok(())
}

/// The one audit line of tasks saved together: their ids.
fn audit_tasks<S: Store + ?Sized>(
    store: &S,
    batch: &mut Batch,
    at: NaiveDateTime,
    action: &str,
    tasks: &[Task],
) -> Result<()> {
    let ids: Vec<String> = tasks.iter().map(|t| t.id.0.to_string()).collect();
    let entry = AuditEntry {
        at,
        action: action.into(),
        member: None,
        detail: format!("tasks {}", ids.join(",")),
    };
    batch.put(Tree::Audit, id_key(store.generate_id()?), encode(&entry));
    Ok(())
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Our records are plain data (no maps with non-string keys): this cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

/// The id counter lives in `meta`, so that a restore can move it past every restored key.
pub(crate) fn next_id<S: Store + ?Sized>(store: &S) -> Result<u64> {
    reserve_ids(store, 1)
}

/// Takes `n` consecutive ids in one write (an import of thousands of members writes
/// the counter once, not once a member); returns the first.
pub(crate) fn reserve_ids<S: Store + ?Sized>(store: &S, n: u64) -> Result<u64> {
    let current = match store.get(Tree::Meta, KEY_NEXT_ID)? {
        Some(bytes) => key_id(&bytes).ok_or(StoreError::Corrupt {
            tree: "meta",
            detail: "next_id".into(),
        })?,
        None => 0,
    };
    let mut batch = Batch::default();
    batch.put(Tree::Meta, KEY_NEXT_ID, id_key(current + n.max(1)).to_vec());
    store.apply(batch)?;
    Ok(current + 1)
}

pub(crate) fn set_next_id<S: Store + ?Sized>(store: &S, batch: &mut Batch) -> Result<()> {
    let (mut max, mut read) = (0, 0);
    for tree in Tree::ALL.into_iter().filter(|t| *t != Tree::Meta) {
        super::backup::each_entry_in_ranges(store, tree, &mut read, &mut |k, _| {
            max = max.max(key_id(k).unwrap_or(0));
            Ok(())
        })?;
    }
    batch.put(Tree::Meta, KEY_NEXT_ID, id_key(max).to_vec());
    Ok(())
}

/// Typed access, for every store.
pub trait Records: Store {
    /// Checks the schema version, writing it on a new database.
    fn check_schema(&self) -> Result<()> {
        match self.get(Tree::Meta, KEY_SCHEMA)? {
            None => {
                let mut b = Batch::default();
                b.put(
                    Tree::Meta,
                    KEY_SCHEMA,
                    SCHEMA_VERSION.to_string().into_bytes(),
                );
                self.apply(b)?;
                self.flush()
            }
            Some(bytes) => {
                let found: u32 = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .ok_or(StoreError::Corrupt {
                        tree: "meta",
                        detail: "schema_version".into(),
                    })?;
                if found > SCHEMA_VERSION {
                    Err(StoreError::NewerSchema {
                        found,
                        supported: SCHEMA_VERSION,
                    })
                } else {
                    Ok(())
                }
            }
        }
    }

    fn schema_version(&self) -> Result<Option<u32>> {
        Ok(self
            .get(Tree::Meta, KEY_SCHEMA)?
            .and_then(|b| std::str::from_utf8(&b).ok().and_then(|s| s.parse().ok())))
    }

    fn branch(&self) -> Result<Option<Branch>> {
        self.get(Tree::Meta, KEY_BRANCH)?
            .map(|b| decode(Tree::Meta, &b))
            .transpose()
    }

    fn save_branch(&self, branch: &Branch) -> Result<()> {
        let mut b = Batch::default();
        b.put(Tree::Meta, KEY_BRANCH, encode(branch));
        self.apply(b)?;
        self.flush()
    }

    /// A preference of this data kept in `meta` across restarts (the format the export
    /// key last wrote: `export_format`, `export_format_roster`); backups do not carry it.
    fn preference(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .get(Tree::Meta, key.as_bytes())?
            .and_then(|b| String::from_utf8(b).ok()))
    }

    fn save_preference(&self, key: &str, value: &str) -> Result<()> {
        let mut b = Batch::default();
        b.put(
            Tree::Meta,
            key.as_bytes().to_vec(),
            value.as_bytes().to_vec(),
        );
        self.apply(b)?;
        self.flush()
    }

    fn members(&self) -> Result<Vec<Member>> {
        all(self, Tree::Members)
    }

    fn member(&self, id: MemberId) -> Result<Option<Member>> {
        self.get(Tree::Members, &id_key(id.0))?
            .map(|b| decode(Tree::Members, &b))
            .transpose()
    }

    /// Saves a member (a new one gets its id here) with an audit line, durably.
    fn save_member(&self, member: &mut Member, at: NaiveDateTime, action: &str) -> Result<()> {
        let mut batch = Batch::default();
        if member.id.0 == 0 {
            member.id = MemberId(self.generate_id()?);
        }
        batch.put(Tree::Members, id_key(member.id.0), encode(member));
        let entry = AuditEntry {
            at,
            action: action.into(),
            member: Some(member.id),
            detail: String::new(),
        };
        batch.put(Tree::Audit, id_key(self.generate_id()?), encode(&entry));
        self.apply(batch)?;
        self.flush()
    }

    /// Adds many members in one transaction: all of them or none.
    fn import_members(&self, members: &mut [Member], at: NaiveDateTime) -> Result<()> {
        self.update_members(members, &[], at)
    }

    /// Adds new members and saves changed ones in one transaction: all or nothing.
    fn update_members(
        &self,
        added: &mut [Member],
        changed: &[Member],
        at: NaiveDateTime,
    ) -> Result<()> {
        let mut batch = Batch::default();
        // the members' ids and the audit lines', in one write of the counter: one line
        // for the import, one for each member it changed
        let mut ids = reserve_ids(self, (added.len() + changed.len()) as u64 + 1)?..;
        for (m, id) in added.iter_mut().zip(ids.by_ref()) {
            m.id = MemberId(id);
            batch.put(Tree::Members, id_key(id), encode(m));
        }
        for (m, id) in changed.iter().zip(ids.by_ref()) {
            batch.put(Tree::Members, id_key(m.id.0), encode(m));
            let entry = AuditEntry {
                at,
                action: "import_update".into(),
                member: Some(m.id),
                detail: String::new(),
            };
            batch.put(Tree::Audit, id_key(id), encode(&entry));
        }
        let detail = if changed.is_empty() {
            format!("{}", added.len())
        } else {
            format!("{} added, {} changed", added.len(), changed.len())
        };
        let entry = AuditEntry {
            at,
            action: "import".into(),
            member: None,
            detail,
        };
        batch.put(Tree::Audit, id_key(ids.start), encode(&entry));
        self.apply(batch)?;
        self.flush()
    }

    /// What refers to a member. The audit trail does not hold a member back from
    /// deletion; meetings, resolutions and tasks will.
    fn member_references(&self, id: MemberId) -> Result<Vec<Reference>> {
        let mut refs: Vec<Reference> = self
            .meetings()?
            .into_iter()
            .filter(|m| m.member_refs().contains(&id))
            .map(|m| Reference::Meeting(m.id))
            .collect();
        refs.extend(
            self.tasks()?
                .into_iter()
                .filter(|t| t.member_refs().contains(&id))
                .map(|t| Reference::Task(t.id)),
        );
        refs.extend(
            self.notes()?
                .into_iter()
                .filter(|n| n.member == id)
                .map(|n| Reference::Note(n.id)),
        );
        refs.extend(
            self.discipline()?
                .into_iter()
                .filter(|d| d.member == id)
                .map(|d| Reference::Discipline(d.id)),
        );
        refs.extend(
            self.awards()?
                .into_iter()
                .filter(|a| a.member == id)
                .map(|a| Reference::Award(a.id)),
        );
        Ok(refs)
    }

    /// Every note of the members' notebook (none for data from before it).
    fn notes(&self) -> Result<Vec<Note>> {
        all(self, Tree::Notebook)
    }

    /// Saves a note (a new one gets its id here) with an audit line, durably.
    fn save_note(&self, note: &mut Note, at: NaiveDateTime) -> Result<()> {
        if note.id.0 == 0 {
            note.id = NoteId(self.generate_id()?);
        }
        let mut batch = Batch::default();
        batch.put(Tree::Notebook, id_key(note.id.0), encode(note));
        audit(self, &mut batch, at, "note", Some(note.member), note.id.0)?;
        self.apply(batch)?;
        self.flush()
    }

    /// Every discipline decision (none for data from before them).
    fn discipline(&self) -> Result<Vec<Discipline>> {
        all(self, Tree::Discipline)
    }

    /// Saves a discipline decision with an audit line, durably. An expulsion changes
    /// the member's activity on the decision's date, in the same write.
    fn save_discipline(&self, record: &mut Discipline, at: NaiveDateTime) -> Result<()> {
        if record.id.0 == 0 {
            record.id = RecordId(self.generate_id()?);
        }
        let mut batch = Batch::default();
        batch.put(Tree::Discipline, id_key(record.id.0), encode(record));
        if let Some((date, activity)) = record.status_change()
            && let Some(mut member) = self.member(record.member)?
            && member.activity != activity
        {
            member.change_activity(activity, date, &record.reason);
            batch.put(Tree::Members, id_key(member.id.0), encode(&member));
        }
        audit(
            self,
            &mut batch,
            at,
            "discipline",
            Some(record.member),
            record.id.0,
        )?;
        self.apply(batch)?;
        self.flush()
    }

    /// Every candidate for membership, closed and admitted ones included (none for
    /// data from before them). Candidates are never deleted: a stop is a closing.
    fn candidates(&self) -> Result<Vec<Candidate>> {
        all(self, Tree::Candidates)
    }

    fn candidate(&self, id: CandidateId) -> Result<Option<Candidate>> {
        self.get(Tree::Candidates, &id_key(id.0))?
            .map(|v| decode(Tree::Candidates, &v))
            .transpose()
    }

    /// Saves a candidate (a new one gets its id here) with an audit line, durably; with
    /// `helper`, the task assigning a member to help them, in the same write (a new
    /// task gets its id and the candidate names it).
    fn save_candidate(
        &self,
        candidate: &mut Candidate,
        helper: Option<&mut Task>,
        at: NaiveDateTime,
    ) -> Result<()> {
        if candidate.id.0 == 0 {
            candidate.id = CandidateId(self.generate_id()?);
        }
        let mut batch = Batch::default();
        if let Some(task) = helper {
            let old = if task.id.0 == 0 {
                task.id = TaskId(self.generate_id()?);
                None
            } else {
                self.task(task.id)?
            };
            index_task(&mut batch, old.as_ref(), task);
            batch.put(Tree::Tasks, id_key(task.id.0), encode(task));
            candidate.helper_task = Some(task.id);
        }
        batch.put(Tree::Candidates, id_key(candidate.id.0), encode(candidate));
        audit(self, &mut batch, at, "candidate", None, candidate.id.0)?;
        self.apply(batch)?;
        self.flush()
    }

    /// The admission ceremony entered: the probationary member made from the
    /// candidate's record and the candidate linked to them, in one write. Returns the
    /// member; `None` (nothing written) before the ceremony is recorded or when the
    /// candidate is a member already.
    fn admit_candidate(
        &self,
        candidate: &mut Candidate,
        at: NaiveDateTime,
    ) -> Result<Option<Member>> {
        if candidate.member.is_some() {
            return Ok(None);
        }
        let Some(mut member) = candidate.admitted_member() else {
            return Ok(None);
        };
        member.id = MemberId(self.generate_id()?);
        let mut admitted = candidate.clone();
        admitted.member = Some(member.id);
        let mut batch = Batch::default();
        batch.put(Tree::Members, id_key(member.id.0), encode(&member));
        batch.put(Tree::Candidates, id_key(admitted.id.0), encode(&admitted));
        audit(
            self,
            &mut batch,
            at,
            "admit",
            Some(member.id),
            admitted.id.0,
        )?;
        self.apply(batch)?;
        self.flush()?;
        *candidate = admitted;
        Ok(Some(member))
    }

    /// Every award (none for data from before them).
    fn awards(&self) -> Result<Vec<Award>> {
        all(self, Tree::Awards)
    }

    /// Saves an award with an audit line, durably.
    fn save_award(&self, award: &mut Award, at: NaiveDateTime) -> Result<()> {
        if award.id.0 == 0 {
            award.id = RecordId(self.generate_id()?);
        }
        let mut batch = Batch::default();
        batch.put(Tree::Awards, id_key(award.id.0), encode(award));
        audit(
            self,
            &mut batch,
            at,
            "award",
            Some(award.member),
            award.id.0,
        )?;
        self.apply(batch)?;
        self.flush()
    }

    /// The tasks an open application keeps in memory: open ones, and those due or done
    /// since `since`. Read through the indexes: older closed tasks are not decoded (the
    /// reports read them with `tasks`; a resolution's older items with `task`).
    fn working_tasks(
        &self,
        since: chrono::NaiveDate,
    ) -> Result<std::collections::HashMap<TaskId, Task>> {
        if self.ensure_open_index().is_err() {
            let mut out = std::collections::HashMap::new();
            // data that cannot be written to (a read-only disk): read every task instead
            self.each_value(Tree::Tasks, &mut |v| {
                let t: Task = decode(Tree::Tasks, v)?;
                if t.status.is_open() || task_day(&t) >= since {
                    out.insert(t.id, t);
                }
                Ok(())
            })?;
            return Ok(out);
        }
        let open = self.open_tasks(None)?;
        let mut ids = Vec::new();
        self.each_entry_from(Tree::TaskDates, &day_bytes(since), &mut |k, _| {
            if k.len() == 12
                && let Some(id) = key_id(&k[4..])
            {
                ids.push(TaskId(id));
            }
            Ok(true)
        })?;
        // sized once: a table grown by doubling held the old and the new at once, the
        // stress branch's loading peak
        let mut out = std::collections::HashMap::with_capacity(open.len() + ids.len());
        for t in open {
            out.insert(t.id, t);
        }
        for id in ids {
            if out.contains_key(&id) {
                continue;
            }
            if let Some(t) = one_of_many_tasks(self, id)? {
                out.insert(t.id, t);
            }
        }
        Ok(out)
    }

    /// The open tasks and those due or done since `since` (a report of a month from
    /// that month's first day), in id order: what the reports of a month read, without
    /// decoding older closed ones.
    fn tasks_since(&self, since: chrono::NaiveDate) -> Result<Vec<Task>> {
        let mut out: Vec<Task> = self.working_tasks(since)?.into_values().collect();
        out.sort_by_key(|t| t.id);
        Ok(out)
    }

    /// The tasks that pass `keep`, decoded one by one (the rest are let go at once).
    fn tasks_where(&self, keep: &dyn Fn(&Task) -> bool) -> Result<Vec<Task>> {
        let mut out = Vec::new();
        self.each_value(Tree::Tasks, &mut |v| {
            let t: Task = decode(Tree::Tasks, v)?;
            if keep(&t) {
                out.push(t);
            }
            Ok(())
        })?;
        Ok(out)
    }

    fn tasks(&self) -> Result<Vec<Task>> {
        all(self, Tree::Tasks)
    }

    /// Builds the open-tasks index from every task if it is missing or incomplete (data
    /// from before the index, a restored backup, which does not hold it).
    fn ensure_open_index(&self) -> Result<()> {
        if self.get(Tree::OpenTasks, KEY_INDEX_BUILT)?.is_some()
            && self.get(Tree::TaskDates, KEY_INDEX_BUILT)?.is_some()
        {
            return Ok(());
        }
        // written a few thousand entries at a time (a whole history in one transaction
        // would be held in memory); the marks go last, so an index cut short is
        // built again
        const CHUNK: usize = 4_000;
        let mut batch = Batch::default();
        for tree in [Tree::OpenTasks, Tree::TaskDates] {
            let mut keys = Vec::new();
            self.each_entry(tree, &mut |k, _| {
                keys.push(k.to_vec());
                Ok(())
            })?;
            for k in keys {
                batch.remove(tree, k);
                if batch.ops.len() >= CHUNK {
                    self.apply(std::mem::take(&mut batch))?;
                }
            }
        }
        let mut ids = Vec::new();
        self.each_entry(Tree::Tasks, &mut |k, _| {
            ids.extend(key_id(k));
            Ok(())
        })?;
        for id in ids {
            if let Some(t) = self.task(TaskId(id))? {
                index_task(&mut batch, None, &t);
            }
            if batch.ops.len() >= CHUNK {
                self.apply(std::mem::take(&mut batch))?;
            }
        }
        mark_indexes_built(&mut batch);
        self.apply(batch)?;
        self.flush()
    }

    /// The open tasks, nearest due first, those due before `before` only if given: read
    /// through the index, without decoding closed ones.
    fn open_tasks(&self, before: Option<NaiveDate>) -> Result<Vec<Task>> {
        if self.ensure_open_index().is_err() {
            // data that cannot be written to (a read-only disk): read every task instead
            let mut out =
                self.tasks_where(&|t| t.status.is_open() && before.is_none_or(|b| t.due < b))?;
            out.sort_by_key(|t| (t.due, t.id));
            return Ok(out);
        }
        let mut ids = Vec::new();
        self.each_entry_from(Tree::OpenTasks, &[], &mut |k, _| {
            if k.len() != 12 {
                return Ok(true);
            }
            let due = day_of_key(k);
            if before.is_some_and(|b| due.is_none_or(|d| d >= b)) {
                return Ok(false);
            }
            ids.push(TaskId(key_id(&k[4..]).unwrap_or(0)));
            Ok(true)
        })?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(t) = one_of_many_tasks(self, id)?
                && t.status.is_open()
            {
                out.push(t);
            }
        }
        Ok(out)
    }

    fn task(&self, id: TaskId) -> Result<Option<Task>> {
        self.get(Tree::Tasks, &id_key(id.0))?
            .map(|b| decode(Tree::Tasks, &b))
            .transpose()
    }

    fn resolutions(&self) -> Result<Vec<Resolution>> {
        let mut all: Vec<Resolution> = all(self, Tree::Resolutions)?;
        self.keep_adopted_text(&mut all)?;
        Ok(all)
    }

    fn resolution(&self, id: ResolutionId) -> Result<Option<Resolution>> {
        let found: Option<Resolution> = self
            .get(Tree::Resolutions, &id_key(id.0))?
            .map(|b| decode(Tree::Resolutions, &b))
            .transpose()?;
        let mut found: Vec<Resolution> = found.into_iter().collect();
        self.keep_adopted_text(&mut found)?;
        Ok(found.pop())
    }

    /// A resolution adopted before its text was kept gets it, once, from its state when
    /// first read; it is written back so it never changes afterwards.
    fn keep_adopted_text(&self, list: &mut [Resolution]) -> Result<()> {
        if !list
            .iter()
            .any(|r| r.adopted_on.is_some() && r.adopted.is_none())
        {
            return Ok(());
        }
        let tasks = self.tasks()?;
        let members = self.members()?;
        let mut batch = Batch::default();
        for r in list.iter_mut().filter(|r| r.adopted.is_none()) {
            if freeze(r, &tasks, &[], &members) {
                batch.put(Tree::Resolutions, id_key(r.id.0), encode(&*r));
            }
        }
        // a data folder that cannot be written still reads: the text is taken again
        // from the same state next time
        if self.apply(batch).is_ok() {
            let _ = self.flush();
        }
        Ok(())
    }

    /// The stored items of a resolution, but those in `fresh` (being saved).
    fn items_of(&self, res: &Resolution, fresh: &[Task]) -> Result<Vec<Task>> {
        let mut out = Vec::new();
        for id in res
            .items
            .iter()
            .filter(|id| !fresh.iter().any(|t| t.id == **id))
        {
            if let Some(t) = self.task(*id)? {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// The members these tasks name (lead, helpers, leads in their history).
    fn members_named<'a>(&self, tasks: impl Iterator<Item = &'a Task>) -> Result<Vec<Member>> {
        let mut ids: Vec<MemberId> = Vec::new();
        for t in tasks {
            ids.extend(t.lead.iter().chain(t.helpers.iter()));
            ids.extend(t.history.iter().filter_map(|n| n.lead));
        }
        ids.sort_by_key(|m| m.0);
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            if let Some(m) = self.member(id)? {
                out.push(m);
            }
        }
        Ok(out)
    }

    /// Saves a resolution and any of its tasks in one transaction (new records get
    /// their ids here; new tasks are linked to the resolution).
    fn save_resolution(
        &self,
        res: &mut Resolution,
        tasks: &mut [Task],
        at: NaiveDateTime,
        action: &str,
    ) -> Result<()> {
        let mut batch = Batch::default();
        if res.id.0 == 0 {
            res.id = ResolutionId(self.generate_id()?);
        }
        for t in tasks.iter_mut() {
            let old = if t.id.0 == 0 {
                t.id = TaskId(self.generate_id()?);
                None
            } else {
                self.task(t.id)?
            };
            t.resolution = Some(res.id);
            if !res.items.contains(&t.id) {
                res.items.push(t.id);
            }
            index_task(&mut batch, old.as_ref(), t);
            batch.put(Tree::Tasks, id_key(t.id.0), encode(t));
        }
        if res.adopted_on.is_some() || res.adopted.is_some() {
            // only its own items and the members they name are read
            let stored = self.items_of(res, tasks)?;
            let members = self.members_named(stored.iter().chain(tasks.iter()))?;
            freeze(res, &stored, tasks, &members);
        }
        batch.put(Tree::Resolutions, id_key(res.id.0), encode(res));
        let entry = AuditEntry {
            at,
            action: action.into(),
            member: None,
            detail: format!("resolution {}", res.id.0),
        };
        batch.put(Tree::Audit, id_key(self.generate_id()?), encode(&entry));
        self.apply(batch)?;
        self.flush()
    }

    /// Saves tasks (a follow-up step) in one transaction, with an audit line.
    fn save_tasks(&self, tasks: &mut [Task], at: NaiveDateTime, action: &str) -> Result<()> {
        let mut batch = Batch::default();
        for t in tasks.iter_mut() {
            let old = if t.id.0 == 0 {
                t.id = TaskId(self.generate_id()?);
                None
            } else {
                self.task(t.id)?
            };
            index_task(&mut batch, old.as_ref(), t);
            batch.put(Tree::Tasks, id_key(t.id.0), encode(t));
        }
        audit_tasks(self, &mut batch, at, action, tasks)?;
        self.apply(batch)?;
        self.flush()
    }

    /// New tasks (none has an id yet) saved as `save_tasks` saves them, with the same
    /// ids and the same one audit line, but a few thousand to a write: for filling a new
    /// database (the demo), which is all or nothing as a whole, where one transaction
    /// of every task would be held in memory.
    fn save_new_tasks(&self, tasks: &mut [Task], at: NaiveDateTime, action: &str) -> Result<()> {
        const CHUNK: usize = 2_000;
        if !tasks.is_empty() {
            let first = reserve_ids(self, tasks.len() as u64)?;
            for (t, id) in tasks.iter_mut().zip(first..) {
                t.id = TaskId(id);
            }
        }
        for chunk in tasks.chunks(CHUNK) {
            let mut batch = Batch::default();
            for t in chunk {
                index_task(&mut batch, None, t);
                batch.put(Tree::Tasks, id_key(t.id.0), encode(t));
            }
            self.apply(batch)?;
        }
        let mut batch = Batch::default();
        audit_tasks(self, &mut batch, at, action, tasks)?;
        self.apply(batch)?;
        self.flush()
    }

    /// The dues ledger: every entry, in order (an empty ledger for data from before it).
    fn dues_ledger(&self) -> Result<Ledger> {
        Ok(Ledger::from_entries(all(self, Tree::Dues)?))
    }

    /// Adds one entry to the dues ledger, dated `date`: checked against the ledger,
    /// written with its audit line, never changing an earlier entry. A refused entry
    /// (the inner error) writes nothing.
    fn add_dues_entry(
        &self,
        date: chrono::NaiveDate,
        entry: Entry,
        now: NaiveDateTime,
    ) -> Result<std::result::Result<DatedEntry, DuesError>> {
        let mut ledger = self.dues_ledger()?;
        let dated = DatedEntry {
            id: self.generate_id()?,
            date,
            entry,
        };
        if let Err(e) = ledger.record(dated.clone()) {
            return Ok(Err(e));
        }
        let member = match &dated.entry {
            Entry::Basis { member, .. }
            | Entry::Payment { member, .. }
            | Entry::Correction { member, .. } => Some(*member),
            Entry::Sent { .. } => None,
        };
        let mut batch = Batch::default();
        batch.put(Tree::Dues, id_key(dated.id), encode(&dated));
        let audit = AuditEntry {
            at: now,
            action: "dues".into(),
            member,
            detail: format!("dues entry {}", dated.id),
        };
        batch.put(Tree::Audit, id_key(self.generate_id()?), encode(&audit));
        self.apply(batch)?;
        Ok(Ok(dated))
    }

    /// Adds entries to the dues ledger at once (the demo's year of dues), each checked
    /// against the ledger and those before it, in one write with one audit line; a
    /// refused entry writes nothing at all.
    fn add_dues_entries(
        &self,
        entries: Vec<(chrono::NaiveDate, Entry)>,
        now: NaiveDateTime,
        action: &str,
    ) -> Result<std::result::Result<usize, DuesError>> {
        let mut ledger = self.dues_ledger()?;
        let mut batch = Batch::default();
        let n = entries.len();
        // the ids one at a time would give (the entries', then the audit line's), taken
        // in one write: the stress demo's 23,000 entries were 23,000 writes of the counter
        let first = reserve_ids(self, n as u64 + 1)?;
        for ((date, entry), id) in entries.into_iter().zip(first..) {
            let dated = DatedEntry { id, date, entry };
            if let Err(e) = ledger.record(dated.clone()) {
                return Ok(Err(e));
            }
            batch.put(Tree::Dues, id_key(dated.id), encode(&dated));
        }
        let audit = AuditEntry {
            at: now,
            action: action.into(),
            member: None,
            detail: format!("dues entries {n}"),
        };
        batch.put(Tree::Audit, id_key(first + n as u64), encode(&audit));
        self.apply(batch)?;
        Ok(Ok(n))
    }

    fn meetings(&self) -> Result<Vec<Meeting>> {
        all(self, Tree::Meetings)
    }

    fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>> {
        self.get(Tree::Meetings, &id_key(id.0))?
            .map(|b| decode(Tree::Meetings, &b))
            .transpose()
    }

    /// Saves a meeting durably (a new one gets its id here). `action` names a
    /// completed step for the audit trail; autosaves of typing pass `None`.
    fn save_meeting(
        &self,
        meeting: &mut Meeting,
        at: NaiveDateTime,
        action: Option<&str>,
    ) -> Result<()> {
        let mut batch = Batch::default();
        if meeting.id.0 == 0 {
            meeting.id = MeetingId(self.generate_id()?);
        }
        batch.put(Tree::Meetings, id_key(meeting.id.0), encode(meeting));
        if let Some(action) = action {
            let entry = AuditEntry {
                at,
                action: action.into(),
                member: None,
                detail: format!("meeting {}", meeting.id.0),
            };
            batch.put(Tree::Audit, id_key(self.generate_id()?), encode(&entry));
        }
        self.apply(batch)?;
        self.flush()
    }

    /// Deletes a member nothing refers to (one added by mistake).
    fn delete_member(&self, id: MemberId, at: NaiveDateTime) -> Result<()> {
        let refs = self.member_references(id)?;
        if !refs.is_empty() {
            return Err(StoreError::Referenced(refs.len()));
        }
        if self.member(id)?.is_none() {
            return Err(StoreError::NotFound);
        }
        let mut batch = Batch::default();
        batch.remove(Tree::Members, id_key(id.0));
        let entry = AuditEntry {
            at,
            action: "delete".into(),
            member: Some(id),
            detail: String::new(),
        };
        batch.put(Tree::Audit, id_key(self.generate_id()?), encode(&entry));
        self.apply(batch)?;
        self.flush()
    }

    fn audit(&self) -> Result<Vec<AuditEntry>> {
        all(self, Tree::Audit)
    }

    /// Whether the database holds any branch data at all.
    fn is_empty(&self) -> Result<bool> {
        Ok(self.branch()?.is_none() && self.scan(Tree::Members)?.is_empty())
    }
}

impl<S: Store + ?Sized> Records for S {}
