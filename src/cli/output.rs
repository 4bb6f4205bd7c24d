//! Where a command's output goes: a file (written safely: a regular file or a new path
//! only) or standard output (`-`, or no `--out`). A reader that stops early (`| head`)
//! ends the output quietly.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::i18n::{Lang, Msg};
use crate::store::write_file_safely;

/// Writes `bytes` to `out`, or to standard output when there is none or it is `-`.
pub(super) fn write_out(out: Option<&Path>, bytes: &[u8], lang: Lang) -> Result<()> {
    match out {
        Some(path) if path != Path::new("-") => write_file_safely(path, bytes)
            .with_context(|| Msg::CliCannotWrite.fill(lang, &[("file", &path.display())])),
        _ => to_stdout(bytes),
    }
}

/// Writes to standard output; a closed pipe is not an error.
pub(super) fn to_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Lines for standard output, written at once.
#[derive(Default)]
pub(super) struct Lines(String);

impl Lines {
    pub(super) fn push(&mut self, line: impl std::fmt::Display) {
        use std::fmt::Write as _;
        let _ = writeln!(self.0, "{line}");
    }

    pub(super) fn print(self) -> Result<()> {
        to_stdout(self.0.as_bytes())
    }
}

/// Writes a Word, PDF or Excel file to `out`; to standard output only when it is not a
/// terminal (a binary file would fill the screen with garbage).
pub(super) fn write_binary(out: Option<&Path>, bytes: &[u8], kind: &str, lang: Lang) -> Result<()> {
    if out.is_none_or(|p| p == Path::new("-")) && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "{}",
            Msg::CliBinaryToTerminal.fill(lang, &[("kind", &kind)])
        );
    }
    write_out(out, bytes, lang)
}
