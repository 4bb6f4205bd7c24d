//! Where data and settings live (the settings files are read by `settings`).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("vn", "chibo", "chibo")
}

/// The data directory: `--data-dir`, then `CHIBO_DATA_DIR` (both given by the CLI as
/// `explicit`), then the platform's data directory.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| project().map(|p| p.data_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("chibo-data"))
}

/// The configuration directory (`CHIBO_CONFIG_DIR` overrides it).
pub fn config_dir() -> PathBuf {
    std::env::var_os("CHIBO_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| project().map(|p| p.config_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("chibo-config"))
}

pub fn keymap_path() -> PathBuf {
    config_dir().join(crate::settings::KEYMAP)
}
