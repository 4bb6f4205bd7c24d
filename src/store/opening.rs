//! The application's database, opened at its first use: the first frame is drawn from
//! the roster cache before it, and the first use (checking that cache) opens it.
//!
//! The open is not run on a thread beside the first frame: sled's open starts seven
//! threads of its own, which spin while they are started, and on two cores they took
//! 4 ms of the frame's 10 (`benches/first_frame.sh`, 4 December 2026: 9.4 ms median
//! with the open beside the frame, 5.6 ms with it after).

use std::cell::{Cell, OnceCell};
use std::sync::mpsc;

use super::{
    DataLock, EachEntry, EachEntryWhile, Records, Result, SledReader, SledStore, Store, StoreError,
    Tree,
};

/// Two readers of the opened database, for the daily backup and for the commands that
/// read while the application runs; none comes if the open failed.
pub type Readers = mpsc::Receiver<(SledReader, SledReader)>;

pub struct Opening {
    /// The data folder, held, until its database is opened.
    lock: Cell<Option<DataLock>>,
    readers: Cell<Option<mpsc::Sender<(SledReader, SledReader)>>>,
    opened: OnceCell<Result<SledStore>>,
}

impl Opening {
    /// The database of the data folder held by `lock`, opened (and its schema checked)
    /// when first used.
    pub fn later(lock: DataLock) -> (Opening, Readers) {
        let (tx, rx) = mpsc::channel();
        let opening = Opening {
            lock: Cell::new(Some(lock)),
            readers: Cell::new(Some(tx)),
            opened: OnceCell::new(),
        };
        (opening, rx)
    }

    /// A database already open.
    pub fn opened(store: SledStore) -> (Opening, Readers) {
        let (tx, rx) = mpsc::channel();
        let _ = tx.send((store.reader(), store.reader()));
        let opening = Opening {
            lock: Cell::new(None),
            readers: Cell::new(None),
            opened: OnceCell::from(Ok(store)),
        };
        (opening, rx)
    }

    /// The open database (opened now if it was not yet); the open's error each time it
    /// is asked for, if it failed.
    pub fn store(&self) -> Result<&SledStore> {
        self.opened
            .get_or_init(|| {
                let lock = self
                    .lock
                    .take()
                    .ok_or_else(|| StoreError::Io("the data was never opened".into()))?;
                let store = SledStore::open_locked(lock)?;
                store.check_schema()?;
                if let Some(tx) = self.readers.take() {
                    let _ = tx.send((store.reader(), store.reader()));
                }
                Ok(store)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Store for Opening {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.store()?.get(tree, key)
    }
    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.store()?.get_one_of_many(tree, key)
    }
    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.store()?.scan(tree)
    }
    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        self.store()?.each_value(tree, f)
    }
    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        self.store()?.each_entry(tree, f)
    }
    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.store()?.each_entry_from(tree, from, f)
    }
    fn walk_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.store()?.walk_from(tree, from, f)
    }
    fn apply(&self, batch: super::Batch) -> Result<()> {
        self.store()?.apply(batch)
    }
    fn generate_id(&self) -> Result<u64> {
        self.store()?.generate_id()
    }
    fn flush(&self) -> Result<()> {
        self.store()?.flush()
    }
    fn range(&self) -> Option<usize> {
        self.store().ok()?.range()
    }
    fn reopen(&self) -> Result<()> {
        self.store()?.reopen()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_opened_at_its_first_use_is_the_data_folders() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SledStore::open(dir.path()).unwrap();
            store.check_schema().unwrap();
            let mut b = super::super::Batch::default();
            b.put(Tree::Meta, b"export_format".to_vec(), b"docx".to_vec());
            store.apply(b).unwrap();
        }
        let lock = DataLock::acquire(dir.path(), true).unwrap();
        let (opening, readers) = Opening::later(lock);
        assert!(readers.try_recv().is_err(), "not open before its first use");
        assert_eq!(
            opening.preference("export_format").unwrap().as_deref(),
            Some("docx")
        );
        assert!(
            readers.try_recv().is_ok(),
            "the readers come once it is open"
        );
    }

    #[test]
    fn an_open_that_fails_says_why_each_time_and_sends_no_readers() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SledStore::open(dir.path()).unwrap();
            let mut b = super::super::Batch::default();
            b.put(Tree::Meta, b"schema_version".to_vec(), b"9999".to_vec());
            store.apply(b).unwrap();
        }
        let lock = DataLock::acquire(dir.path(), true).unwrap();
        let (opening, readers) = Opening::later(lock);
        let newer = |e: StoreError| matches!(e, StoreError::NewerSchema { found: 9999, .. });
        assert!(newer(opening.store().err().unwrap()));
        assert!(newer(opening.flush().unwrap_err()));
        assert!(readers.try_recv().is_err());
    }
}
