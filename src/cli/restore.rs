//! `chibo restore`: replace the data with a backup.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDateTime;

use crate::store::{Backup, StoreError};

/// Restores FILE, or the newest backup with `latest`; existing data only with `force`.
pub(super) fn run(dir: &Path, now: NaiveDateTime, file: Option<PathBuf>, latest: bool, force: bool) -> Result<()> {
    let file = match file {
        Some(f) => f,
        None => {
            debug_assert!(latest);
            match crate::store::list_backups(&dir.join("backups"))?.into_iter().next() {
                Some(b) => b.path,
                None => bail!("không có bản sao lưu nào trong {}", dir.join("backups").display()),
            }
        }
    };
    let bytes = std::fs::read(&file).with_context(|| format!("không đọc được {}", file.display()))?;
    let backup = Backup::parse_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let store = match super::open(dir) {
        // a database that cannot be read is moved aside, never deleted
        Err(e)
            if force
                && matches!(
                    e.downcast_ref::<StoreError>(),
                    Some(StoreError::Corrupt { .. } | StoreError::Io(_))
                ) =>
        {
            let stamp = now.format("%Y%m%d-%H%M%S");
            let aside = (0..)
                .map(|n| match n {
                    0 => dir.join(format!("db.broken-{stamp}")),
                    n => dir.join(format!("db.broken-{stamp}-{n}")),
                })
                .find(|p| !p.exists())
                .unwrap_or_else(|| dir.join("db.broken"));
            if dir.join("db").exists() {
                std::fs::rename(dir.join("db"), &aside)
                    .with_context(|| format!("không đổi tên được {}", dir.join("db").display()))?;
            }
            // a new database is about to receive the backup
            let _ = std::fs::remove_file(dir.join(crate::store::MARKER));
            eprintln!("dữ liệu hỏng được giữ lại ở {}", aside.display());
            super::open(dir)?
        }
        other => other?,
    };
    super::backup::make_room(&store, dir, now, force)?;
    backup.restore_into(&store)?;
    println!("đã khôi phục {} bản ghi từ {}", backup.record_count(), file.display());
    Ok(())
}
