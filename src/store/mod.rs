//! Where the branch's records live: a small key–value `Store` trait with a sled
//! implementation and an in-memory one for tests, and the typed records on top.

mod backup;
mod files;
mod live;
mod memory;
mod opening;
mod records;
mod reopening;
mod roster_cache;
mod sled_store;
mod swap;
mod tracked;
mod verify;

use std::path::PathBuf;

pub use backup::{
    BackupError, BackupFile, BackupJob, BackupRead, BackupReason, Digest, Latest, Source,
    auto_backup, backup_into, digest_of, latest_backup, list_backups, prune, read_backup,
    read_verified, restore_stream, retained, write_and_check, write_backup,
};
pub use files::{
    TEMP_SUFFIX, ensure_private_dir, refuse_unless_regular_or_new, remove_leftovers,
    write_file_safely, write_file_safely_with, write_new_file, write_new_file_with,
};
pub use live::{Listener, LiveError, SOCKET, Snapshot, snapshot};
pub use memory::MemoryStore;
pub use opening::{Opening, Readers};
pub(crate) use records::KEY_INDEX_BUILT;
pub use records::{AuditEntry, Records, Reference, SCHEMA_VERSION};
pub use reopening::{RANGE, Reopening};
pub use roster_cache::{ROSTER_CACHE, RosterCache};
pub use sled_store::{DataLock, MARKER, SledReader, SledStore, engine_lock, secure_path};
pub use swap::{replace_database, set_aside};
pub use tracked::{MANY_WRITES, Tracked, Written};
pub use verify::{Summary, verify};

/// The trees of the database, one per kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tree {
    Meta,
    Members,
    Meetings,
    Resolutions,
    Tasks,
    Audit,
    /// The dues ledger's entries, by id (added later: data from before has none).
    Dues,
    /// The members' notebook: dated notes, by id (added later).
    Notebook,
    /// Discipline decisions, by id (added later).
    Discipline,
    /// Awards, by id (added later).
    Awards,
    /// Candidates for membership, by id (added later).
    Candidates,
    /// Open tasks by due date: derived from `tasks`, written in the same transaction,
    /// rebuilt when missing, never backed up.
    OpenTasks,
    /// Every task by the later of its due date and the day it was done: derived from
    /// `tasks` like `open_tasks`, so recent tasks are read without decoding history.
    TaskDates,
}

impl Tree {
    /// The trees of records: what a backup holds.
    pub const ALL: [Tree; 11] = [
        Tree::Meta,
        Tree::Members,
        Tree::Meetings,
        Tree::Resolutions,
        Tree::Tasks,
        Tree::Audit,
        Tree::Dues,
        Tree::Notebook,
        Tree::Discipline,
        Tree::Awards,
        Tree::Candidates,
    ];

    /// The trees of records (`ALL`) and the indexes derived from them.
    pub const STORED: [Tree; 13] = [
        Tree::Meta,
        Tree::Members,
        Tree::Meetings,
        Tree::Resolutions,
        Tree::Tasks,
        Tree::Audit,
        Tree::Dues,
        Tree::Notebook,
        Tree::Discipline,
        Tree::Awards,
        Tree::Candidates,
        Tree::OpenTasks,
        Tree::TaskDates,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tree::Meta => "meta",
            Tree::Members => "members",
            Tree::Meetings => "meetings",
            Tree::Resolutions => "resolutions",
            Tree::Tasks => "tasks",
            Tree::Audit => "audit",
            Tree::Dues => "dues",
            Tree::Notebook => "notebook",
            Tree::Discipline => "discipline",
            Tree::Awards => "awards",
            Tree::Candidates => "candidates",
            Tree::OpenTasks => "open_tasks",
            Tree::TaskDates => "task_dates",
        }
    }

    pub fn from_name(name: &str) -> Option<Tree> {
        Tree::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Writes that belong together: applied all or none.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub(crate) ops: Vec<(Tree, Vec<u8>, Option<Vec<u8>>)>,
}

impl Batch {
    pub fn put(&mut self, tree: Tree, key: impl Into<Vec<u8>>, value: Vec<u8>) {
        self.ops.push((tree, key.into(), Some(value)));
    }

    pub fn remove(&mut self, tree: Tree, key: impl Into<Vec<u8>>) {
        self.ops.push((tree, key.into(), None));
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// What can go wrong with the data, in words a secretary understands (the CLI and
/// the screens translate these with `i18n`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("the data in {0} is open in another chibo window")]
    InUse(PathBuf),
    /// A command that only reads was pointed at a folder with no chibo data.
    #[error("there is no chibo data in {0}")]
    NoData(PathBuf),
    /// A folder with other files in it, not marked as chibo's: never adopted.
    #[error("{0} holds other files and is not a chibo data folder")]
    NotChibos(PathBuf),
    /// Only a regular file or a new path is ever written over.
    #[error("{0} is not a regular file (a device, a link or a folder); nothing was written")]
    NotRegularFile(PathBuf),
    /// `backups/` or `exports/` is a link: chibo does not write through it.
    #[error("{0} is a link; chibo does not write through it")]
    LinkRefused(PathBuf),
    #[error("{0} is not a folder")]
    NotADirectory(PathBuf),
    #[error(
        "the data was written by a newer chibo (schema {found}); this version reads up to {supported}"
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error("cannot read or write the data: {0}")]
    Io(String),
    /// No space left on the disk that holds the data; what was saved is intact.
    #[error("the disk is full")]
    DiskFull,
    /// The data folder cannot be written: a read-only disk or missing permission.
    #[error("the data folder cannot be written")]
    ReadOnly,
    /// A write failed inside the database engine; it takes no more writes until
    /// chibo is opened again.
    #[error("writing has stopped until chibo is opened again")]
    WritesStopped,
    #[error("a record in {tree} is damaged: {detail}")]
    Corrupt { tree: &'static str, detail: String },
    #[error("the member is referred to by {0} record(s) and cannot be deleted")]
    Referenced(usize),
    #[error("no such record")]
    NotFound,
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) => io.into(),
            other => StoreError::Io(other.to_string()),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded => StoreError::DiskFull,
            K::ReadOnlyFilesystem | K::PermissionDenied => StoreError::ReadOnly,
            _ => StoreError::Io(e.to_string()),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What `each_entry` hands every entry (key, value) of a tree to.
pub type EachEntry<'a> = &'a mut dyn FnMut(&[u8], &[u8]) -> Result<()>;

/// What `each_entry_from` hands entries to: it returns whether to go on.
pub type EachEntryWhile<'a> = &'a mut dyn FnMut(&[u8], &[u8]) -> Result<bool>;

/// The storage engine: bytes in trees, atomic batches, ids, durability. Everything typed
/// is written once on top of it (`records.rs`), so both engines behave the same.
pub trait Store: Send {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>>;
    /// `get` for one of many records read by key in one go (the loading's tasks): an
    /// engine whose cache keeps every page read once reads so as to keep it small
    /// (`SledStore`'s `read_again`). A single read, a save's, is a plain `get`.
    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.get(tree, key)
    }
    /// Every entry of a tree in key order.
    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>>;
    /// Visits every value of a tree in key order without copying the tree first (a
    /// large tree is decoded record by record).
    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        for (_, v) in self.scan(tree)? {
            f(&v)?;
        }
        Ok(())
    }
    /// Visits every entry (key, value) of a tree in key order without copying the tree
    /// first.
    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        for (k, v) in self.scan(tree)? {
            f(&k, &v)?;
        }
        Ok(())
    }
    /// Visits the entries of a tree whose keys are `from` or after, in key order, for
    /// as long as `f` says to go on (an index read from a point, not from its start).
    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        for (k, v) in self.scan(tree)? {
            if k.as_slice() >= from && !f(&k, &v)? {
                break;
            }
        }
        Ok(())
    }
    /// `each_entry_from` for a walk over every record of a tree (a backup, a restore's
    /// checks): an engine whose cache a single pass fills reads so as to keep it small
    /// (`SledStore`'s `read_again`). Only a wrapper passes it on.
    fn walk_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.each_entry_from(tree, from, f)
    }
    /// Applies every write of the batch or none of them.
    fn apply(&self, batch: Batch) -> Result<()>;
    /// A new key, never given before (also not after a restore).
    fn generate_id(&self) -> Result<u64>;
    /// Makes every applied batch durable.
    fn flush(&self) -> Result<()>;
    /// How many records a walk over every record reads before `reopen` is called:
    /// `None`, the whole walk in one go (`Reopening`).
    fn range(&self) -> Option<usize> {
        None
    }
    /// Between two ranges of a walk over every record: an engine whose memory grows
    /// with what one opening has read closes and opens again (`Reopening`).
    fn reopen(&self) -> Result<()> {
        Ok(())
    }
}

/// A store shared between owners (tests reopen an application over the same data).
impl<S: Store + Sync + ?Sized> Store for std::sync::Arc<S> {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        (**self).get(tree, key)
    }
    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        (**self).get_one_of_many(tree, key)
    }
    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        (**self).scan(tree)
    }
    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        (**self).each_value(tree, f)
    }
    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        (**self).each_entry(tree, f)
    }
    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        (**self).each_entry_from(tree, from, f)
    }
    fn walk_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        (**self).walk_from(tree, from, f)
    }
    fn apply(&self, batch: Batch) -> Result<()> {
        (**self).apply(batch)
    }
    fn generate_id(&self) -> Result<u64> {
        (**self).generate_id()
    }
    fn flush(&self) -> Result<()> {
        (**self).flush()
    }
    fn range(&self) -> Option<usize> {
        (**self).range()
    }
    fn reopen(&self) -> Result<()> {
        (**self).reopen()
    }
}
