//! `chibo check`: verify the database and print counts.

use std::path::Path;

use anyhow::{Result, bail};

use crate::store::Records;

/// Opens the data, checks every member and prints what it holds.
pub(super) fn run(dir: &Path) -> Result<()> {
    let store = super::open(dir)?;
    let branch = store.branch()?;
    let list = store.members()?;
    let on_roster = list.iter().filter(|m| m.activity.on_roster()).count();
    let audit = store.audit()?.len();
    let mut ids = std::collections::HashSet::new();
    for m in &list {
        if !ids.insert(m.id) {
            bail!("hai đảng viên cùng mã {}", m.id.0);
        }
        m.validate()
            .map_err(|e| anyhow::anyhow!("đảng viên {} (mã {}): {e}", m.full_name(), m.id.0))?;
    }
    println!("dữ liệu: {}", dir.display());
    println!("lược đồ: {}", store.schema_version()?.unwrap_or(0));
    println!(
        "chi bộ: {}",
        branch.map(|b| b.name).unwrap_or_else(|| "(chưa có)".into())
    );
    println!("đảng viên: {} (trong danh sách {on_roster})", list.len());
    println!("cuộc họp: {}", store.meetings()?.len());
    println!("nghị quyết: {}", store.resolutions()?.len());
    println!("nhiệm vụ: {}", store.tasks()?.len());
    println!("nhật ký: {audit}");
    println!("dung lượng: {} KiB", store.size_on_disk()? / 1024);
    println!("kết quả: tốt");
    Ok(())
}
