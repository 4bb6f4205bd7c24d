//! The in-memory store used by tests and benchmarks: same contract, no disk.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{Batch, EachEntryWhile, Result, Store, StoreError, Tree};

type Trees = BTreeMap<Tree, BTreeMap<Vec<u8>, Vec<u8>>>;

#[derive(Default)]
pub struct MemoryStore {
    trees: Mutex<Trees>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Trees>> {
        self.trees
            .lock()
            .map_err(|_| StoreError::Io("in-memory store poisoned".into()))
    }
}

impl Store for MemoryStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.lock()?.get(&tree).and_then(|t| t.get(key).cloned()))
    }

    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(self
            .lock()?
            .get(&tree)
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default())
    }

    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        // copied out first: `f` may read the store again
        let entries: Vec<(Vec<u8>, Vec<u8>)> = self
            .lock()?
            .get(&tree)
            .map(|t| {
                t.range(from.to_vec()..)
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (k, v) in entries {
            if !f(&k, &v)? {
                break;
            }
        }
        Ok(())
    }

    fn apply(&self, batch: Batch) -> Result<()> {
        let mut trees = self.lock()?;
        for (tree, key, value) in batch.ops {
            let t = trees.entry(tree).or_default();
            match value {
                Some(v) => {
                    t.insert(key, v);
                }
                None => {
                    t.remove(&key);
                }
            }
        }
        Ok(())
    }

    fn generate_id(&self) -> Result<u64> {
        super::records::next_id(self)
    }

    fn flush(&self) -> Result<()> {
        Ok(())
    }
}
