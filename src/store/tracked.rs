//! A store that remembers which records were written through it, so that the open
//! application updates in memory only what a save changed instead of reading
//! everything again.

use std::cell::RefCell;
use std::collections::BTreeSet;

use super::{Batch, EachEntry, EachEntryWhile, Result, Store, Tree};

/// More records than this written since the last look: reading everything again is
/// cheaper than fetching them one by one (a demo, an import).
pub const MANY_WRITES: usize = 2_000;

/// What was written since the last `take_written`.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum Written {
    #[default]
    Nothing,
    /// These records (tree and key), each once.
    Records(BTreeSet<(Tree, Vec<u8>)>),
    /// Too many to name: everything is to be read again.
    Everything,
}

pub struct Tracked {
    inner: Box<dyn Store>,
    written: RefCell<Written>,
}

impl Tracked {
    pub fn new(inner: Box<dyn Store>) -> Tracked {
        Tracked {
            inner,
            written: RefCell::new(Written::Nothing),
        }
    }

    /// What was written since the last call, forgotten now.
    pub fn take_written(&self) -> Written {
        self.written.take()
    }

    /// The application already holds this record as it was written (it put its own
    /// copy in memory): it is not read back. Other records written stay noted.
    pub fn already_shown(&self, tree: Tree, key: &[u8]) {
        if let Written::Records(set) = &mut *self.written.borrow_mut() {
            set.remove(&(tree, key.to_vec()));
        }
    }

    /// Forgets what was written (everything was just read again).
    pub fn forget_written(&self) {
        self.written.replace(Written::Nothing);
    }
}

impl AsRef<dyn Store> for Tracked {
    fn as_ref(&self) -> &(dyn Store + 'static) {
        self
    }
}

impl Store for Tracked {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.inner.get(tree, key)
    }
    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.inner.get_one_of_many(tree, key)
    }
    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.inner.scan(tree)
    }
    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        self.inner.each_value(tree, f)
    }
    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        self.inner.each_entry(tree, f)
    }
    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.inner.each_entry_from(tree, from, f)
    }
    fn walk_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        self.inner.walk_from(tree, from, f)
    }
    fn apply(&self, batch: Batch) -> Result<()> {
        {
            // noted before the write: a write that fails part way is read back too
            let mut written = self.written.borrow_mut();
            // the audit trail and the indexes are shown by nothing held in memory
            let shown = |t: &Tree| !matches!(t, Tree::Audit | Tree::OpenTasks | Tree::TaskDates);
            for (tree, key, _) in batch.ops.iter().filter(|(t, ..)| shown(t)) {
                match &mut *written {
                    Written::Everything => break,
                    Written::Nothing => {
                        let mut set = BTreeSet::new();
                        set.insert((*tree, key.clone()));
                        *written = Written::Records(set);
                    }
                    Written::Records(set) => {
                        set.insert((*tree, key.clone()));
                        if set.len() > MANY_WRITES {
                            *written = Written::Everything;
                        }
                    }
                }
            }
        }
        self.inner.apply(batch)
    }
    fn generate_id(&self) -> Result<u64> {
        // the counter is not a record anything in memory shows
        self.inner.generate_id()
    }
    fn flush(&self) -> Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    #[test]
    fn names_each_record_written_once_then_forgets() {
        let store = Tracked::new(Box::new(MemoryStore::new()));
        assert_eq!(store.take_written(), Written::Nothing);
        let mut b = Batch::default();
        b.put(Tree::Members, 7u64.to_be_bytes().to_vec(), b"{}".to_vec());
        b.put(Tree::Members, 7u64.to_be_bytes().to_vec(), b"{}".to_vec());
        b.remove(Tree::Tasks, 9u64.to_be_bytes().to_vec());
        store.apply(b).unwrap();
        let Written::Records(set) = store.take_written() else {
            panic!("records expected");
        };
        assert_eq!(set.len(), 2);
        assert!(set.contains(&(Tree::Tasks, 9u64.to_be_bytes().to_vec())));
        assert_eq!(store.take_written(), Written::Nothing);
    }

    #[test]
    fn a_record_already_shown_is_not_read_back() {
        let store = Tracked::new(Box::new(MemoryStore::new()));
        let mut b = Batch::default();
        b.put(Tree::Meetings, 7u64.to_be_bytes().to_vec(), b"{}".to_vec());
        b.put(Tree::Meta, b"branch".to_vec(), b"{}".to_vec());
        store.apply(b).unwrap();
        store.already_shown(Tree::Meetings, &7u64.to_be_bytes());
        let Written::Records(set) = store.take_written() else {
            panic!("records expected");
        };
        assert_eq!(set.len(), 1, "the other record is still to be read");
        assert!(set.contains(&(Tree::Meta, b"branch".to_vec())));
    }

    #[test]
    fn a_large_write_asks_for_everything() {
        let store = Tracked::new(Box::new(MemoryStore::new()));
        let mut b = Batch::default();
        for i in 0..(MANY_WRITES as u64 + 5) {
            b.put(Tree::Tasks, i.to_be_bytes().to_vec(), b"{}".to_vec());
        }
        store.apply(b).unwrap();
        assert_eq!(store.take_written(), Written::Everything);
    }
}
