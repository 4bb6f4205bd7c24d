//! `chibo restore`: replace the data with a backup, all or nothing.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDateTime;

use super::output::Lines;
use crate::i18n::{Lang, Msg};
use crate::store::{BackupFile, DataLock, RANGE, Reopening, SledStore, StoreError};

/// Restores FILE, or the newest backup that verifies with `latest`; existing data is
/// replaced only with `force` (and backed up first). The backup is verified before
/// anything changes; the new database is built beside the old one and takes its place
/// in one step.
pub(super) fn run(
    dir: &Path,
    now: NaiveDateTime,
    lang: Lang,
    file: Option<PathBuf>,
    latest: bool,
    force: bool,
) -> Result<()> {
    // the backup is chosen and verified before anything is touched (not even a folder made)
    let (file, backup) = match file {
        Some(f) => {
            let meta = std::fs::metadata(&f).map_err(|e| {
                anyhow::anyhow!(
                    Msg::CliCannotRead.fill(lang, &[("file", &f.display()), ("err", &e)])
                )
            })?;
            let chosen = BackupFile {
                path: f.clone(),
                taken: now,
                bytes: meta.len(),
                broken: None,
            };
            match chosen.read_verified() {
                Ok(b) => (f, b),
                Err(why) => bail!("{}: {why}", f.display()),
            }
        }
        None => {
            debug_assert!(latest);
            let crate::store::Latest { found, skipped } =
                crate::store::latest_backup(&dir.join("backups"), now)?;
            for (b, why) in &skipped {
                eprintln!(
                    "{}",
                    Msg::CliSkipped.fill(lang, &[("file", &b.path.display()), ("why", why)])
                );
            }
            match found {
                Some((b, backup)) => (b.path, backup),
                None => bail!(
                    "{}",
                    Msg::CliNoUsableBackup.fill(lang, &[("dir", &dir.join("backups").display())])
                ),
            }
        }
    };
    let lock = DataLock::acquire(dir, true)?;
    match SledStore::open_locked(lock.clone()) {
        Ok(store) => {
            let store = Reopening::new(store, RANGE);
            super::backup::make_room(&store, dir, now, force, lang)?;
            drop(store);
        }
        // a database that cannot be read is moved aside, never deleted; a database
        // locked by another process is never taken for a damaged one
        Err(StoreError::Corrupt { .. } | StoreError::Io(_)) if force => {
            if let Some(aside) = set_broken_aside(dir, now, lang)? {
                eprintln!(
                    "{}",
                    Msg::CliBrokenKept.fill(lang, &[("dir", &aside.display())])
                );
            }
        }
        Err(e) => return Err(e.into()),
    }
    let aside = crate::store::replace_database(&lock, |new| {
        // read again, record by record, straight into the new database
        let input = std::fs::File::open(&file)?;
        let read = crate::store::restore_stream(input, new)?;
        // every record came through exactly as the backup holds it (and the file is
        // the one verified)
        if read != backup || crate::store::digest_of(new)? != backup.digest {
            return Err(StoreError::Corrupt {
                tree: "backup",
                detail: "the restored records differ from the backup's".into(),
            });
        }
        // a backup holds no task indexes: the restore wrote them with the tasks, so the
        // first open does not build them in the application's memory (this only checks)
        crate::store::Records::ensure_open_index(new)
    })?;
    if let Some(aside) = aside {
        eprintln!(
            "{}",
            Msg::CliOldKept.fill(lang, &[("dir", &aside.display())])
        );
    }
    let mut out = Lines::default();
    out.push(Msg::CliRestored.fill(
        lang,
        &[("n", &backup.record_count()), ("file", &file.display())],
    ));
    out.print()
}

/// Moves a database that cannot be read to `db.broken-<time>`, under the engine's own
/// lock (a database open in another process is never moved).
fn set_broken_aside(dir: &Path, now: NaiveDateTime, lang: Lang) -> Result<Option<PathBuf>> {
    let live = dir.join("db");
    if std::fs::symlink_metadata(&live).is_err() {
        return Ok(None);
    }
    let _held = crate::store::engine_lock(&live)?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    let aside = (0..)
        .map(|n| match n {
            0 => dir.join(format!("db.broken-{stamp}")),
            n => dir.join(format!("db.broken-{stamp}-{n}")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| dir.join("db.broken"));
    std::fs::rename(&live, &aside).map_err(|e| {
        anyhow::anyhow!(Msg::CliCannotRename.fill(lang, &[("file", &live.display()), ("err", &e)]))
    })?;
    Ok(Some(aside))
}
