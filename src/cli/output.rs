//! Where a command's output goes: a file (written safely: a regular file or a new path
//! only) or standard output (`-`, or no `--out`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::store::write_file_safely;

/// Writes `bytes` to `out`, or to standard output when there is none.
pub(super) fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) if path != Path::new("-") => {
            write_file_safely(path, bytes).with_context(|| format!("không ghi được {}", path.display()))
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
    }
}
