//! `chibo backup`: write a full backup, or list those in the data folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDateTime;

use super::output::Lines;
use crate::i18n::{Lang, Msg};
use crate::store::{
    RANGE, Records, Reopening, Store, StoreError, write_and_check, write_file_safely_with,
};

/// `backup --list`: the backups in the data folder, newest first; a broken one says
/// so, and one dated ahead of the clock is marked.
pub(super) fn list(dir: &Path, now: NaiveDateTime, lang: Lang) -> Result<()> {
    if !dir.join(crate::store::MARKER).exists() && !dir.join("db").exists() {
        return Err(StoreError::NoData(dir.to_path_buf()).into());
    }
    let backups = crate::store::list_backups(&dir.join("backups"))?;
    let mut out = Lines::default();
    if backups.is_empty() {
        out.push(Msg::CliNoBackups.fill(lang, &[("dir", &dir.join("backups").display())]));
    }
    for b in backups {
        let note = match &b.broken {
            Some(why) => format!("  — {}", Msg::CliBackupBroken.fill(lang, &[("why", why)])),
            None if b.ahead_of(now) => format!("  — {}", Msg::CliBackupAhead.get(lang)),
            None => String::new(),
        };
        out.push(format_args!(
            "{}  {:>8} KiB  {}{note}",
            b.taken.format("%d/%m/%Y %H:%M:%S"),
            b.bytes.div_ceil(1024),
            b.path.display()
        ));
    }
    out.print()
}

/// `backup [FILE]`: a backup into FILE, or into the data folder's `backups/`; read back
/// and verified either way. The database is read in ranges, closed and opened again
/// between them (bounded memory at any size).
pub(super) fn take(
    dir: &Path,
    now: NaiveDateTime,
    file: Option<PathBuf>,
    lang: Lang,
) -> Result<()> {
    let store = Reopening::new(super::open_existing(dir)?, RANGE);
    let path = match file {
        Some(f) => {
            // written record by record, and read back before it takes the name
            let written = write_file_safely_with(&f, |file, tmp| {
                write_and_check(&store, file, tmp, now, None, false)
            });
            match written {
                Err(StoreError::Io(why)) if why.contains("did not read back") => {
                    bail!(
                        "{}",
                        Msg::CliBackupMismatch.fill(lang, &[("file", &f.display())])
                    )
                }
                other => other
                    .with_context(|| Msg::CliCannotWrite.fill(lang, &[("file", &f.display())]))?,
            }
            f
        }
        None => backup_to_dir(&store, dir, now)?,
    };
    let mut out = Lines::default();
    out.push(path.display());
    out.print()
}

/// Before replacing the data: refuses unless it is empty or `force` is given, and then
/// backs it up first. Returns whether there was data.
pub(super) fn make_room(
    store: &dyn Store,
    dir: &Path,
    now: NaiveDateTime,
    force: bool,
    lang: Lang,
) -> Result<bool> {
    if store.is_empty()? {
        return Ok(false);
    }
    if !force {
        bail!(
            "{}",
            Msg::CliNotEmpty.fill(lang, &[("dir", &dir.display())])
        );
    }
    let saved = backup_to_dir(store, dir, now)?;
    eprintln!(
        "{}",
        Msg::CliBackedUp.fill(lang, &[("file", &saved.display())])
    );
    Ok(true)
}

/// Writes a backup into `<data dir>/backups/` and returns its path.
fn backup_to_dir(store: &dyn Store, dir: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    Ok(crate::store::backup_into(store, &dir.join("backups"), now)?)
}
