//! `chibo keymap`: validate a keymap file, or show the effective bindings.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::i18n::Lang;
use crate::keymap::Keymap;

/// `keymap check [FILE]`: every error with its line, or "valid".
pub(super) fn check(file: Option<PathBuf>) -> Result<()> {
    let path = file.unwrap_or_else(crate::config::keymap_path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("không đọc được {}", path.display()))?;
    let (_, errors) = Keymap::with_user(&text);
    if errors.is_empty() {
        println!("{}: hợp lệ / valid", path.display());
        Ok(())
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
    println!("# tệp phím của người dùng / user keymap: {} ({state})", path.display());
    if let Some(w) = warning {
        println!("# {w}");
    }
    print!("{}", map.to_toml());
    Ok(())
}
