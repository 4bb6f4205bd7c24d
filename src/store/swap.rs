//! Replacing the whole database (restore, `demo --force`) so that a kill at any moment
//! leaves the old data or the new, never a mixture and never an empty branch.
//!
//! The new database is built and verified in `db.building-<random>` beside the live
//! one. One rename to `db.ready` is the moment of decision: before it the old data
//! stands (an unfinished build is removed on the next open); after it the new data
//! stands (the next open finishes the move if the process was killed). Finishing moves
//! the old database to `db.before-restore-<time>`, kept until the next successful open,
//! and `db.ready` to `db`.

use std::fs;
use std::path::{Path, PathBuf};

use super::sled_store::{DataLock, SledStore, engine_lock, secure_path};
use super::{Records, Reopening, Result, Store, StoreError};

const BUILDING: &str = "db.building-";
const READY: &str = "db.ready";
const SET_ASIDE: &str = "db.before-restore-";

/// Replaces the data folder's database with a new one that `fill` writes. No store of
/// this folder may be open in this process. The new database is built and verified
/// (schema and invariants) in ranges of `RANGE` records, closed and opened again between
/// them, before it takes the old one's place. Returns where the old database was set
/// aside, if there was one.
pub fn replace_database(
    lock: &DataLock,
    fill: impl FnOnce(&Reopening) -> Result<()>,
) -> Result<Option<PathBuf>> {
    let dir = lock.dir();
    let staging = dir.join(format!("{BUILDING}{:016x}", random()));
    super::ensure_private_dir(&staging)?;
    let built = (|| {
        let store = Reopening::new(
            SledStore::open_engine(dir, &staging, lock.clone())?,
            super::RANGE,
        );
        store.check_schema()?;
        fill(&store)?;
        super::verify::verify(&store)?;
        store.flush()?;
        drop(store);
        secure_path(&staging)
    })();
    if let Err(e) = built {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    // the engine's own lock on the live database, held while anything moves: a
    // database open in another process is never moved
    let held = engine_lock(&dir.join("db"))?;
    // the roster cache describes the database being replaced (filling the new one
    // removed it already, unless it had no members)
    if let Err(e) = super::RosterCache::remove(dir) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if let Err(e) = fs::rename(&staging, dir.join(READY)) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e.into());
    }
    sync_dir(dir);
    let aside = finish(dir, held.is_some())?;
    drop(held);
    Ok(aside)
}

/// Finishes a replacement that reached `db.ready`: the old database aside, the new one
/// in its place. Returns where the old one went.
fn finish(dir: &Path, already_locked: bool) -> Result<Option<PathBuf>> {
    let ready = dir.join(READY);
    if fs::symlink_metadata(&ready).is_err() {
        return Ok(None);
    }
    let live = dir.join("db");
    let mut aside = None;
    if fs::symlink_metadata(&live).is_ok() {
        let _held = if already_locked {
            None
        } else {
            engine_lock(&live)?
        };
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let to = (0..)
            .map(|n| dir.join(format!("{SET_ASIDE}{stamp}-{n}")))
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| dir.join(SET_ASIDE));
        fs::rename(&live, &to)?;
        aside = Some(to);
    }
    fs::rename(&ready, &live)?;
    sync_dir(dir);
    Ok(aside)
}

/// On opening (under the folder's lock): an unfinished build is removed, a decided
/// replacement finished. Returns whether one was finished.
pub(crate) fn recover(dir: &Path) -> Result<bool> {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(BUILDING) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    let decided = fs::symlink_metadata(dir.join(READY)).is_ok();
    finish(dir, false)?;
    Ok(decided)
}

/// After a successful open: the databases replacements set aside are removed.
pub(crate) fn remove_set_aside(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(SET_ASIDE)
            && e.file_type().is_ok_and(|t| t.is_dir())
        {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// The databases set aside by a replacement, for messages and tests.
pub fn set_aside(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(SET_ASIDE))
        .map(|e| e.path())
        .collect()
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.finish()
}

impl From<super::BackupError> for StoreError {
    fn from(e: super::BackupError) -> Self {
        match e {
            super::BackupError::Store(se) => se,
            other => StoreError::Corrupt {
                tree: "backup",
                detail: other.to_string(),
            },
        }
    }
}
