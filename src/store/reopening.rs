//! A database a command has to itself (`backup`, `restore`, `demo`), read and written
//! in ranges and closed and opened again between them, so that going over every record
//! of a large branch stays in bounded memory.
//!
//! sled 0.34 keeps every page it has read or written in its page cache until the
//! database is closed: its LRU has 256 shards and looks at a shard's accesses only once
//! 64 of them are queued, so at a branch's size (tens of thousands of pages) almost
//! nothing is evicted, whatever `cache_capacity` says. Closing the database lets all of
//! it go. The application cannot do this (it holds the database open, and the daily
//! backup reads it beside the screens); a command alone on its data can.

use std::cell::{Cell, RefCell};

use super::sled_store::DataLock;
use super::{Batch, EachEntry, EachEntryWhile, Result, SledStore, Store, StoreError, Tree};

/// Records read between two openings by the commands that go over every record
/// (twice as many as are written between two, `Reopening::write_range`). Reading
/// each record twice (`SledStore`'s `read_again`), a range of reads holds little.
pub const RANGE: usize = 5_000;

/// A record counts as one more record for every this many bytes it holds, so that a
/// range is bounded in bytes too: a meeting with a 2,000-member roll call holds about
/// 140 KB, as much as 300 tasks, and the stress branch's 121 meetings (17 MB) would
/// otherwise fit in one range.
pub const BYTES_PER_RECORD: usize = 1024;

/// What a record of `bytes` counts for in a range (`RANGE`).
pub(crate) fn weight(bytes: usize) -> usize {
    1 + bytes / BYTES_PER_RECORD
}

/// A store whose database is closed and opened again every half `range` records
/// written (a large record counting for several, `weight`), and between the ranges of a walk over every record (`Store::range`,
/// `Store::reopen`).
pub struct Reopening {
    store: RefCell<Option<SledStore>>,
    range: usize,
    /// Records written since the last opening.
    written: Cell<usize>,
}

impl Reopening {
    /// `store`, opened again every `range` records (at least 1).
    pub fn new(store: SledStore, range: usize) -> Reopening {
        Reopening {
            store: RefCell::new(Some(store)),
            range: range.max(1),
            written: Cell::new(0),
        }
    }

    /// The lock on the data folder the store holds.
    pub fn lock(&self) -> Result<DataLock> {
        self.with(|s| Ok(s.lock()))
    }

    /// Records written between two openings: half a range. sled holds more of what
    /// it writes than of what it reads (the new versions of the pages, the log buffers
    /// they go to): restoring the stress branch peaked at 62 MB written 5,000 records
    /// to an opening, 53 MB written 2,500, and 50 MB written 1,000 (twice as slow).
    fn write_range(&self) -> usize {
        (self.range / 2).max(1)
    }

    fn with<T>(&self, f: impl FnOnce(&SledStore) -> Result<T>) -> Result<T> {
        match self.store.borrow().as_ref() {
            Some(store) => f(store),
            None => Err(StoreError::Io(
                "the database could not be opened again".into(),
            )),
        }
    }
}

impl Store for Reopening {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.with(|s| s.get(tree, key))
    }

    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.with(|s| s.get_one_of_many(tree, key))
    }

    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.with(|s| s.scan(tree))
    }

    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        self.with(|s| s.each_value(tree, f))
    }

    /// Read as a walk (`walk_from`): a command's visit of a whole tree (building the
    /// task indexes of a restored branch) keeps sled's page cache small too.
    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        self.with(|s| {
            s.walk_from(tree, &[], &mut |k, v| {
                f(k, v)?;
                Ok(true)
            })
        })
    }

    /// Each key is read again after it is visited, which keeps sled's page cache small
    /// within a range too (`SledStore::walk_from`).
    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.with(|s| s.walk_from(tree, from, f))
    }

    fn walk_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.with(|s| s.walk_from(tree, from, f))
    }

    fn apply(&self, batch: Batch) -> Result<()> {
        let n: usize = batch
            .ops
            .iter()
            .map(|(_, k, v)| weight(k.len() + v.as_ref().map_or(0, Vec::len)))
            .sum();
        self.with(|s| s.apply(batch))?;
        self.written.set(self.written.get() + n);
        if self.written.get() >= self.write_range() {
            self.reopen()?;
        }
        Ok(())
    }

    fn generate_id(&self) -> Result<u64> {
        super::records::next_id(self)
    }

    fn flush(&self) -> Result<()> {
        self.with(|s| s.flush())
    }

    fn range(&self) -> Option<usize> {
        Some(self.range)
    }

    /// Closes the database (flushing it) and opens it again; put off while an entry of
    /// it is being visited (a write from inside a walk).
    fn reopen(&self) -> Result<()> {
        let Ok(mut slot) = self.store.try_borrow_mut() else {
            return Ok(());
        };
        let old = slot
            .take()
            .ok_or_else(|| StoreError::Io("the database could not be opened again".into()))?;
        *slot = Some(old.reopened()?);
        self.written.set(0);
        Ok(())
    }
}
