//! Where a command's output goes: a file (written atomically) or standard output.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::store::write_atomic;

/// Writes `bytes` to `out`, or to standard output when there is none.
pub(super) fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => write_atomic(path, bytes).with_context(|| format!("không ghi được {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
    }
}
