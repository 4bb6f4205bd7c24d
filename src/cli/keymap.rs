//! `chibo keymap`: validate a keymap file, or show the effective bindings.

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::output::Lines;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::settings::Settings;

/// `keymap check [FILE]`: every error with its line, or "valid".
pub(super) fn check(file: Option<PathBuf>, lang: Lang) -> Result<()> {
    let path = file.unwrap_or_else(crate::config::keymap_path);
    let text = match crate::settings::read(&path) {
        Ok(Some(text)) => text,
        Ok(None) => bail!(
            "không đọc được {}: không có tệp / no such file",
            path.display()
        ),
        Err(p) => bail!("{}", p.what(lang)),
    };
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
pub(super) fn show(lang: Lang, settings: &Settings) -> Result<()> {
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
    for p in settings.problems.iter().filter(|p| p.path == path) {
        out.push(format_args!("# {}", p.text(lang)));
    }
    out.print()?;
    super::output::to_stdout(settings.keymap.to_toml().as_bytes())
}
