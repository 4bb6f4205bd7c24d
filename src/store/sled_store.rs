//! The sled-backed store: one database per data directory, opened once per process,
//! guarded by a lock file so a second chibo gets a clear message.

use std::cell::Cell;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::{Batch, EachEntry, EachEntryWhile, Result, Store, StoreError, Tree};

/// The file that says a data folder holds chibo data (its database can be missing or
/// damaged, never silently new).
pub const MARKER: &str = "chibo.id";

/// sled's page cache; its default (1 GiB) is far beyond a branch's data. At 8 MiB the
/// stress branch's first open of the day, its daily backup read beside the loading,
/// peaked at 84.9 MiB; at 2 MiB, 79.6 MiB (at 1 MiB and below, no less).
const CACHE_BYTES: u64 = 2 * 1024 * 1024;

/// Writes stop while the disk has less room than this: sled, short of space in the
/// middle of a write, stops working for the rest of the process (its next flush never
/// returns), so chibo refuses the write before it starts, and the same open database
/// writes again once room is made.
const RESERVE_BYTES: u64 = 4 * 1024 * 1024;

pub struct SledStore {
    db: sled::Db,
    /// One entry per `Tree::STORED`, in that order.
    trees: Vec<sled::Tree>,
    /// A write failed inside sled (the disk filled up during it, or turned read-only):
    /// no later write or flush is handed to sled, which would hang, and the handles
    /// are never dropped, since dropping flushes. Reads go on.
    stopped: Cell<bool>,
    dir: PathBuf,
    /// The engine's folder: `<dir>/db`, or a new database being built beside it.
    db_path: PathBuf,
    lock: DataLock,
    /// Writes applied, for a copy taken on another thread to know it saw none.
    writes: super::live::WriteCount,
    /// The roster cache was removed before this store's first write of a member or
    /// of the branch (`roster_cache`).
    cache_removed: Cell<bool>,
}

/// The data folder, held by this process: `chibo.lock` is locked for as long as a clone
/// lives. A store holds one; restore holds one across closing the old database and
/// putting the new one in its place.
#[derive(Clone)]
pub struct DataLock {
    _file: Arc<File>,
    dir: PathBuf,
}

impl DataLock {
    /// Locks the data folder `dir`. With `create`, a missing folder is made (0700, and
    /// its missing parents too) and an empty one adopted; without it, only a folder
    /// that already holds chibo data is opened. A folder with other files in it that is
    /// not marked as chibo's is never used.
    pub fn acquire(dir: &Path, create: bool) -> Result<DataLock> {
        let created = match fs::symlink_metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !create {
                    return Err(StoreError::NoData(dir.to_path_buf()));
                }
                super::ensure_private_dir(dir)?;
                true
            }
            Err(e) => return Err(e.into()),
            Ok(_) if !dir.is_dir() => return Err(StoreError::NotADirectory(dir.to_path_buf())),
            Ok(_) => false,
        };
        if !created && !is_chibos(dir)? {
            let empty = fs::read_dir(dir)?.next().is_none();
            if !empty {
                return Err(StoreError::NotChibos(dir.to_path_buf()));
            }
            if !create {
                return Err(StoreError::NoData(dir.to_path_buf()));
            }
        }
        let file = open_private(&dir.join("chibo.lock"))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(StoreError::InUse(dir.to_path_buf())),
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        Ok(DataLock {
            _file: Arc::new(file),
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Whether a folder is marked as chibo's, or holds what only chibo puts there (its lock,
/// its database: a new folder cut off before the mark was written).
fn is_chibos(dir: &Path) -> Result<bool> {
    Ok([MARKER, "chibo.lock", "db"]
        .iter()
        .any(|name| fs::symlink_metadata(dir.join(name)).is_ok()))
}

/// Opens (creating owner-only where missing) a small file of chibo's own.
fn open_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    Ok(opts.open(path)?)
}

/// Takes the engine's own lock on the database at `db_path` (sled locks its `db` file),
/// so that a database open in another process is never moved, whatever happened to
/// `chibo.lock`. Returns the locked file, held until dropped; `None` when there is no
/// database file to lock (a folder with nothing sled could open).
pub fn engine_lock(db_path: &Path) -> Result<Option<File>> {
    let path = db_path.join("db");
    let Ok(file) = OpenOptions::new().read(true).open(&path) else {
        return Ok(None);
    };
    // the same process lets go of its own database a moment after closing it
    for _ in 0..50 {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(40));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e.into()),
        }
    }
    let dir = db_path.parent().unwrap_or(db_path);
    Err(StoreError::InUse(dir.to_path_buf()))
}

impl SledStore {
    /// Opens the database under `data_dir`, creating the folder and the database if
    /// needed (the application, `demo`, `import`, `restore`).
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_locked(DataLock::acquire(data_dir, true)?)
    }

    /// Opens the database under `data_dir` only if the folder holds chibo data (every
    /// command that does not fill the data).
    pub fn open_existing(data_dir: &Path) -> Result<Self> {
        Self::open_locked(DataLock::acquire(data_dir, false)?)
    }

    /// Opens the data folder's database under a lock already held. A replacement cut
    /// short is first finished or undone, and temporary files left by a killed write
    /// are removed.
    pub fn open_locked(lock: DataLock) -> Result<Self> {
        let data_dir = lock.dir.clone();
        let finished = super::swap::recover(&data_dir)?;
        super::remove_leftovers(&data_dir);
        super::remove_leftovers(&data_dir.join("backups"));
        super::remove_leftovers(&data_dir.join("exports"));
        let store = Self::open_engine(&data_dir, &data_dir.join("db"), lock)?;
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
            use std::io::Write;
            open_private(&marker)?.write_all(b"chibo data lives here; see README.md\n")?;
        }
        secure_path(&data_dir.join("db"))?;
        // opened well: the database a replacement set aside is no longer needed
        if !finished {
            super::swap::remove_set_aside(&data_dir);
        }
        Ok(store)
    }

    /// Opens a sled database at `db_path` (the data folder's, or one being built).
    pub(crate) fn open_engine(data_dir: &Path, db_path: &Path, lock: DataLock) -> Result<Self> {
        // Every write is flushed by the code that makes it (`Records`), so sled's own
        // flusher thread, which woke the process 4 times a second, is off.
        let db = sled::Config::new()
            .path(db_path)
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(None)
            .open()
            .map_err(|e| match e {
                sled::Error::Corruption { .. } => StoreError::Corrupt {
                    tree: "db",
                    detail: "sled cannot read its files".into(),
                },
                // sled's own lock, held by a chibo whose chibo.lock was deleted
                sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                    StoreError::InUse(data_dir.to_path_buf())
                }
                other => StoreError::from(other),
            })?;
        let trees = Tree::STORED
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(SledStore {
            db,
            trees,
            stopped: Cell::new(false),
            dir: data_dir.to_path_buf(),
            db_path: db_path.to_path_buf(),
            lock,
            writes: Default::default(),
            cache_removed: Cell::new(false),
        })
    }

    /// The same database closed (flushed) and opened again: what sled kept in memory of
    /// every page read or written is let go (`Reopening`). No other handle of it may be
    /// alive (no `reader`).
    pub(crate) fn reopened(self) -> Result<SledStore> {
        if self.stopped.get() {
            return Err(StoreError::WritesStopped);
        }
        let (dir, db_path, lock) = (self.dir.clone(), self.db_path.clone(), self.lock.clone());
        drop(self);
        // sled lets go of its lock on the files a moment after its last handle is dropped
        let mut tries = 0;
        loop {
            match Self::open_engine(&dir, &db_path, lock.clone()) {
                Err(StoreError::InUse(_)) if tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }

    /// The lock on the data folder this store holds (kept across closing the store).
    pub fn lock(&self) -> DataLock {
        self.lock.clone()
    }

    fn tree(&self, t: Tree) -> &sled::Tree {
        &self.trees[slot(t)]
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
        if fs4::available_space(&self.dir).is_ok_and(|free| free < RESERVE_BYTES) {
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

/// A write of this record changes what the roster cache holds.
fn touches_roster(tree: Tree, key: &[u8]) -> bool {
    tree == Tree::Members || (tree == Tree::Meta && key == super::records::KEY_BRANCH)
}

/// Where a tree's handle is in `SledStore::trees`.
fn slot(t: Tree) -> usize {
    Tree::STORED.iter().position(|x| *x == t).unwrap_or(0)
}

impl Store for SledStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.tree(tree).get(key)?.map(|v| v.to_vec()))
    }

    /// Read again too (`read_again`): the loading reads thousands of tasks by id, and
    /// each page read once stayed in memory (11 MB of the stress branch's peak).
    fn get_one_of_many(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let tree = self.tree(tree);
        let value = tree.get(key)?.map(|v| v.to_vec());
        read_again(tree, key)?;
        Ok(value)
    }

    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.tree(tree)
            .iter()
            .map(|r| {
                r.map(|(k, v)| (k.to_vec(), v.to_vec()))
                    .map_err(StoreError::from)
            })
            .collect()
    }

    // Every pass over a tree reads each key again once it is visited (`read_again`):
    // without it the application's loading at stress kept every page it read, and its
    // peak was 78.4 MiB against 70.5 MiB.
    fn each_value(&self, tree: Tree, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        walk(self.tree(tree), &[], &mut |_, v| {
            f(v)?;
            Ok(true)
        })
    }

    fn each_entry(&self, tree: Tree, f: EachEntry) -> Result<()> {
        walk(self.tree(tree), &[], &mut |k, v| {
            f(k, v)?;
            Ok(true)
        })
    }

    fn each_entry_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        walk(self.tree(tree), from, f)
    }

    fn apply(&self, batch: Batch) -> Result<()> {
        if batch.ops.is_empty() {
            return Ok(());
        }
        if !self.cache_removed.get() && batch.ops.iter().any(|(t, k, _)| touches_roster(*t, k)) {
            // the copy of the roster no longer says what the database holds; should the
            // removal fail, the check once the application has opened catches it
            self.cache_removed
                .set(super::RosterCache::remove(&self.dir).is_ok());
        }
        self.writes.begin();
        let _ended = Ended(&self.writes);
        self.write(|| {
            let result: std::result::Result<(), TransactionError<()>> =
                self.trees.as_slice().transaction(|tx| {
                    for (tree, key, value) in &batch.ops {
                        let i = slot(*tree);
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

/// Ends a write for the count, however `apply` returns.
struct Ended<'a>(&'a super::live::WriteCount);

impl Drop for Ended<'_> {
    fn drop(&mut self) {
        self.0.end();
    }
}

/// The trees of an open database, read from another thread while the store goes on
/// being used (the daily backup, the answer to a command while the application runs).
/// Reads only.
#[derive(Clone)]
pub struct SledReader {
    trees: Vec<sled::Tree>,
    db: sled::Db,
    pub(super) writes: super::live::WriteCount,
}

impl SledStore {
    /// A reader of this database's trees for another thread.
    pub fn reader(&self) -> SledReader {
        SledReader {
            trees: self.trees.clone(),
            db: self.db.clone(),
            writes: self.writes.clone(),
        }
    }
}

impl SledReader {
    /// Bytes the database takes on disk (0 when it cannot be told).
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }
}

impl super::backup::Source for SledReader {
    fn meta(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.trees[0].get(key)?.map(|v| v.to_vec()))
    }

    fn entries_from(&self, tree: Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
        walk(&self.trees[slot(tree)], from, f)
    }
}

/// The entries of `tree` from `from` on, in key order, until `f` says stop; each key is
/// read again after it is visited (`read_again`).
fn walk(tree: &sled::Tree, from: &[u8], f: EachEntryWhile) -> Result<()> {
    for r in tree.range(from..) {
        let (k, v) = r?;
        let go = f(&k, &v)?;
        read_again(tree, &k)?;
        if !go {
            break;
        }
    }
    Ok(())
}

/// Reads `key` once more, right after a walk visited it, so that the walk keeps
/// sled's page cache small. sled 0.34 counts every read of a page in memory for its LRU,
/// but a shard of the LRU (one of 256) looks at its count only once 64 reads of its
/// pages are queued, and a walk over every record reads most pages about once: with the
/// stress branch's 20,000-odd pages almost no shard ever looks, and every page read
/// stays in memory (75 MB). Read twice, the pages fill their shards' queues and the LRU
/// lets them go (32 MB), for one lookup in a page already in memory.
fn read_again(tree: &sled::Tree, key: &[u8]) -> Result<()> {
    tree.get(key)?;
    Ok(())
}

impl Drop for SledStore {
    fn drop(&mut self) {
        // Best effort: sled also flushes on drop; the files it created since opening get
        // the owner-only mode too.
        // (after writing stopped, `flush` does not reach sled)
        let _ = self.flush();
        let _ = secure_path(&self.db_path);
    }
}

/// Makes a tree chibo created owner-only: folders 0700, files 0600 (Unix). Members'
/// personal data must not be readable by other accounts on a shared laptop. Used only on
/// chibo's own database folder: chibo changes the mode of nothing it did not create.
pub fn secure_path(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e.into()),
        };
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
