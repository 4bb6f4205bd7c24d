//! `chibo import`: records from a file, all or nothing.

use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDateTime;

use crate::export::members;
use crate::store::Records;

/// The largest roster file read.
const MAX_ROSTER_BYTES: u64 = 5_000_000;

/// `import members FILE`: nothing is imported unless every row is valid.
pub(super) fn members(dir: &Path, now: NaiveDateTime, file: &Path, dry_run: bool) -> Result<()> {
    // a roster of even a thousand members is well under a megabyte
    let size = std::fs::metadata(file)
        .with_context(|| format!("không đọc được {}", file.display()))?
        .len();
    if size > MAX_ROSTER_BYTES {
        bail!(
            "{}: tệp quá lớn ({} MB); danh sách đảng viên không quá {} MB / file too large",
            file.display(),
            size / 1_000_000,
            MAX_ROSTER_BYTES / 1_000_000
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("không đọc được {}", file.display()))?;
    let store = super::open(dir)?;
    let existing = store.members()?;
    let parsed = match members::parse(&bytes, &existing) {
        Ok(p) => p,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}: {e}", file.display());
            }
            bail!("không nhập gì: {} lỗi trong {}", errors.len(), file.display());
        }
    };
    for w in &parsed.warnings {
        eprintln!("{}: {w}", file.display());
    }
    let mut list = parsed.members;
    if dry_run {
        println!("kiểm tra xong: {} đảng viên hợp lệ, chưa nhập (--dry-run)", list.len());
    } else {
        store.import_members(&mut list, now)?;
        println!("đã nhập {} đảng viên", list.len());
    }
    Ok(())
}
