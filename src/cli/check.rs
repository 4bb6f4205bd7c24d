//! `chibo check`: verify every record against the schema and the invariants, and print
//! what the data holds.

use std::path::Path;

use anyhow::Result;

use super::output::Lines;

/// Opens the data, verifies it and prints its counts.
pub(super) fn run(dir: &Path) -> Result<()> {
    let store = super::open_existing(dir)?;
    let s = crate::store::verify(&store)?;
    let mut out = Lines::default();
    out.push(format_args!("dữ liệu: {}", dir.display()));
    out.push(format_args!("lược đồ: {}", s.schema));
    out.push(format_args!("chi bộ: {}", s.branch.as_deref().unwrap_or("(chưa có)")));
    out.push(format_args!(
        "đảng viên: {} (trong danh sách {})",
        s.members, s.on_roster
    ));
    out.push(format_args!("cuộc họp: {}", s.meetings));
    out.push(format_args!("nghị quyết: {}", s.resolutions));
    out.push(format_args!("nhiệm vụ: {}", s.tasks));
    out.push(format_args!("nhật ký: {}", s.audit));
    out.push(format_args!("dung lượng: {} KiB", store.size_on_disk()? / 1024));
    out.push("kết quả: tốt");
    out.print()
}
