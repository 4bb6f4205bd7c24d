//! `chibo keymap`: validate a keymap file, or show the effective bindings.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use super::output::Lines;
use crate::i18n::Lang;
use crate::keymap::Keymap;

/// `keymap check [FILE]`: every error with its line, or "valid".
pub(super) fn check(file: Option<PathBuf>) -> Result<()> {
    let path = file.unwrap_or_else(crate::config::keymap_path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("không đọc được {}", path.display()))?;
    let (_, errors) = Keymap::with_user(&text);
    if errors.is_empty() {
        let mut out = Lines::default();
        out.push(format_args!("{}: hợp lệ / valid", path.display()));
        out.print()
    } else {
        for e in &errors {
            eprintln!("{}:{e}", path.display());
        }
        bail!("{} lỗi trong {}", errors.len(), path.display())
    }
}

/// `keymap show`: the effective bindings and where the user file lives.
pub(super) fn show(lang: Lang) -> Result<()> {
    let (map, warning) = crate::config::keymap(lang);
    let path = crate::config::keymap_path();
    let state = if path.exists() {
        "đang dùng / in use"
    } else {
        "chưa có / not present"
    };
    let mut out = Lines::default();
    out.push(format_args!(
        "# tệp phím của người dùng / user keymap: {} ({state})",
        path.display()
    ));
    if let Some(w) = warning {
        out.push(format_args!("# {w}"));
    }
    out.print()?;
    super::output::to_stdout(map.to_toml().as_bytes())
}
