//! The sled-backed store: one database per data directory, opened once per process,
//! guarded by a lock file so a second chibo gets a clear message.

use std::cell::Cell;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::{Batch, Result, Store, StoreError, Tree};

/// The file that says a data folder holds chibo data (its database can be missing or
/// damaged, never silently new).
pub const MARKER: &str = "chibo.id";

/// sled's page cache; its default (1 GiB) is far beyond a branch's data.
const CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// Writes stop while the disk has less room than this: sled, short of space in the
/// middle of a write, stops working for the rest of the process (its next flush never
/// returns), so chibo refuses the write before it starts, and the same open database
/// writes again once room is made.
const RESERVE_BYTES: u64 = 4 * 1024 * 1024;

pub struct SledStore {
    db: sled::Db,
    /// One entry per `Tree::ALL`, in that order.
    trees: Vec<sled::Tree>,
    /// A write failed inside sled (the disk filled up during it, or turned read-only):
    /// no later write or flush is handed to sled, which would hang, and the handles
    /// are never dropped, since dropping flushes. Reads go on.
    stopped: Cell<bool>,
    dir: PathBuf,
    _lock: File,
}

impl SledStore {
    /// Opens (creating if needed) the database under `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self> {
        create_private_dir(data_dir)?;
        let lock_path = data_dir.join("chibo.lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(StoreError::InUse(data_dir.to_path_buf())),
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        // Every write is flushed by the code that makes it (`Records`), so sled's own
        // flusher thread, which woke the process 4 times a second, is off.
        let db = sled::Config::new()
            .path(data_dir.join("db"))
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(None)
            .open()
            .map_err(|e| match e {
                sled::Error::Corruption { .. } => StoreError::Corrupt {
                    tree: "db",
                    detail: e.to_string(),
                },
                other => StoreError::from(other),
            })?;
        let trees = Tree::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let store = SledStore {
            db,
            trees,
            stopped: Cell::new(false),
            dir: data_dir.to_path_buf(),
            _lock: lock,
        };
        // A folder that once held chibo data must not open as a new, empty database
        // (sled starts afresh over files it cannot read): the marker says data was here.
        let marker = data_dir.join(MARKER);
        let empty = store.get(Tree::Meta, b"schema_version")?.is_none();
        if empty && marker.exists() {
            return Err(StoreError::Corrupt {
                tree: "db",
                detail: "the database is empty, but this folder held chibo data".into(),
            });
        }
        if empty {
            // the schema is on disk before the marker says data lives here, so a new
            // database cut off in its first second opens as new again
            super::Records::check_schema(&store)?;
        }
        if !marker.exists() {
            fs::write(&marker, b"chibo data lives here; see README.md\n")?;
        }
        secure_path(data_dir)?;
        Ok(store)
    }

    fn tree(&self, t: Tree) -> &sled::Tree {
        &self.trees[Tree::ALL.iter().position(|x| *x == t).unwrap_or(0)]
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Bytes the database takes on disk.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db.size_on_disk()?)
    }

    /// Runs a write, unless writing has stopped or the disk is nearly full.
    fn write(&self, f: impl FnOnce() -> Result<()>) -> Result<()> {
        if self.stopped.get() {
            return Err(StoreError::WritesStopped);
        }
        if fs2::available_space(&self.dir).is_ok_and(|free| free < RESERVE_BYTES) {
            return Err(StoreError::DiskFull);
        }
        let result = f();
        if result.is_err() {
            self.stopped.set(true);
            // one reference of each handle that is never given back: none of them
            // reaches its final flush
            std::mem::forget(self.db.clone());
            for t in &self.trees {
                std::mem::forget(t.clone());
            }
        }
        result
    }
}

impl Store for SledStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.tree(tree).get(key)?.map(|v| v.to_vec()))
    }

    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.tree(tree)
            .iter()
            .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(StoreError::from))
            .collect()
    }

    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        for r in self.tree(tree).iter() {
            let (_, v) = r?;
            f(&v)?;
        }
        Ok(())
    }

    fn apply(&self, batch: Batch) -> Result<()> {
        if batch.ops.is_empty() {
            return Ok(());
        }
        self.write(|| {
            let result: std::result::Result<(), TransactionError<()>> = self.trees.as_slice().transaction(|tx| {
                for (tree, key, value) in &batch.ops {
                    let i = Tree::ALL.iter().position(|x| x == tree).unwrap_or(0);
                    match value {
                        Some(v) => {
                            tx[i].insert(key.as_slice(), v.as_slice())?;
                        }
                        None => {
                            tx[i].remove(key.as_slice())?;
                        }
                    }
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            });
            result.map_err(|e| match e {
                TransactionError::Abort(()) => StoreError::Io("transaction aborted".into()),
                TransactionError::Storage(s) => StoreError::from(s),
            })
        })
    }

    fn generate_id(&self) -> Result<u64> {
        super::records::next_id(self)
    }

    fn flush(&self) -> Result<()> {
        self.write(|| {
            self.db.flush()?;
            Ok(())
        })
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        // Best effort: sled also flushes on drop; the files created since opening get
        // the owner-only mode too.
        // (after writing stopped, `flush` does not reach sled)
        let _ = self.flush();
        let _ = secure_path(&self.dir);
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        fs::create_dir_all(dir)?;
    }
    secure_path(dir)
}

/// Makes a directory tree owner-only: folders 0700, files 0600 (Unix). Members' personal
/// data must not be readable by other accounts on a shared laptop.
pub fn secure_path(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(path)?;
        if meta.is_dir() {
            if meta.permissions().mode() & 0o777 != 0o700 {
                fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
            }
            for entry in fs::read_dir(path)? {
                secure_path(&entry?.path())?;
            }
        } else if meta.is_file() && meta.permissions().mode() & 0o777 != 0o600 {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
