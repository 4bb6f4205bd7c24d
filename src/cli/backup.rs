//! `chibo backup`: write a full backup, or list those in the data folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDateTime;

use super::output::Lines;
use crate::store::{Records, SledStore, Store, StoreError, write_and_check, write_file_safely_with};

/// `backup --list`: the backups in the data folder, newest first; a broken one says
/// so, and one dated ahead of the clock is marked.
pub(super) fn list(dir: &Path, now: NaiveDateTime) -> Result<()> {
    if !dir.join(crate::store::MARKER).exists() && !dir.join("db").exists() {
        return Err(StoreError::NoData(dir.to_path_buf()).into());
    }
    let backups = crate::store::list_backups(&dir.join("backups"))?;
    let mut out = Lines::default();
    if backups.is_empty() {
        out.push(format_args!(
            "chưa có bản sao lưu nào trong {}",
            dir.join("backups").display()
        ));
    }
    for b in backups {
        let note = match &b.broken {
            Some(why) => format!("  — HỎNG, không dùng được / broken: {why}"),
            None if b.ahead_of(now) => "  — ghi ngày sau hôm nay (đồng hồ sai?) / dated ahead of the clock".to_string(),
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
/// and verified either way.
pub(super) fn take(dir: &Path, now: NaiveDateTime, file: Option<PathBuf>) -> Result<()> {
    let store = super::open_existing(dir)?;
    let path = match file {
        Some(f) => {
            // written record by record, and read back before it takes the name
            let written = write_file_safely_with(&f, |file, tmp| write_and_check(&store, file, tmp, now, None, false));
            match written {
                Err(StoreError::Io(why)) if why.contains("did not read back") => bail!(
                    "{}: bản sao lưu đọc lại không khớp / the backup did not read back as written",
                    f.display()
                ),
                other => other.with_context(|| format!("không ghi được {}", f.display()))?,
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
