//! `chibo demo`: fill the data with a realistic demo branch.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDateTime;

use crate::store::Backup;

/// Generates the demo branch, replacing existing data only with `force`.
pub(super) fn run(dir: &Path, now: NaiveDateTime, members: usize, years: u32, seed: u64, force: bool) -> Result<()> {
    let store = super::open(dir)?;
    if super::backup::make_room(&store, dir, now, force)? {
        Backup::take(&store, now)?.emptied().restore_into(&store)?;
    }
    let opts = crate::demo::DemoOptions { members, years, seed };
    let n = crate::demo::generate(&store, &opts, now.date(), now)?;
    println!("đã tạo chi bộ mẫu: {n} đảng viên ({})", dir.display());
    Ok(())
}
