//! `chibo backup`: write a full backup, or list those in the data folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDateTime;

use crate::store::{Backup, Records, SledStore, Store, write_file_safely};

/// `backup --list`: the backups in the data folder, newest first.
pub(super) fn list(dir: &Path) -> Result<()> {
    let backups = crate::store::list_backups(&dir.join("backups"))?;
    if backups.is_empty() {
        println!("chưa có bản sao lưu nào trong {}", dir.join("backups").display());
    }
    for b in backups {
        println!(
            "{}  {:>8} KiB  {}",
            b.taken.format("%d/%m/%Y %H:%M:%S"),
            b.bytes / 1024,
            b.path.display()
        );
    }
    Ok(())
}

/// `backup [FILE]`: a backup into FILE, or into the data folder's `backups/`.
pub(super) fn take(dir: &Path, now: NaiveDateTime, file: Option<PathBuf>) -> Result<()> {
    let store = super::open(dir)?;
    let path = match file {
        Some(f) => {
            write_file_safely(&f, Backup::take(&store, now)?.to_json().as_bytes())
                .with_context(|| format!("không ghi được {}", f.display()))?;
            f
        }
        None => backup_to_dir(&store, dir, now)?,
    };
    println!("{}", path.display());
    Ok(())
}

/// Before replacing the data: refuses unless it is empty or `force` is given, and then
/// backs it up first. Returns whether there was data.
pub(super) fn make_room(store: &SledStore, dir: &Path, now: NaiveDateTime, force: bool) -> Result<bool> {
    if store.is_empty()? {
        return Ok(false);
    }
    if !force {
        bail!(
            "dữ liệu ở {} không trống; dùng --force để thay (dữ liệu hiện tại được sao lưu trước)",
            dir.display()
        );
    }
    let saved = backup_to_dir(store, dir, now)?;
    eprintln!("đã sao lưu dữ liệu hiện tại vào {}", saved.display());
    Ok(true)
}

/// Writes a backup into `<data dir>/backups/` and returns its path.
fn backup_to_dir(store: &dyn Store, dir: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    Ok(crate::store::backup_into(store, &dir.join("backups"), now)?)
}
