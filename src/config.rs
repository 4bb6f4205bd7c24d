//! Where data and settings live, and the small settings file.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::domain::calendar::WorkCalendar;
use crate::i18n::Lang;
use crate::keymap::Keymap;

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
    config_dir().join("keymap.toml")
}

/// `config.toml`: `lang = "en"`.
#[derive(Debug, Default, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Option<String>,
}

pub fn settings() -> Settings {
    std::fs::read_to_string(config_dir().join("config.toml"))
        .ok()
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default()
}

/// The language: the command line, then the settings file, then Vietnamese.
pub fn lang(cli: Option<Lang>) -> Lang {
    cli.or_else(|| settings().lang.as_deref().and_then(Lang::parse))
        .unwrap_or_default()
}

/// The effective keymap and, if the user's file is broken, the warning to show.
pub fn keymap(lang: Lang) -> (Keymap, Option<String>) {
    let path = keymap_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        return (Keymap::defaults(), None);
    };
    let (map, errors) = Keymap::with_user(&text);
    if errors.is_empty() {
        return (map, None);
    }
    let first = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
    let warning = crate::i18n::Msg::KeymapWarning.fill(lang, &[("path", &path.display()), ("err", &first)]);
    (map, Some(warning))
}

/// The holidays: the shipped rules and decisions and a user's `holidays.toml`; a
/// broken user file is refused whole, with the warning to show.
pub fn calendar(lang: Lang) -> (WorkCalendar, Option<String>) {
    let mut cal = WorkCalendar::vietnam();
    let path = config_dir().join("holidays.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return (cal, None);
    };
    let warning = cal
        .add_toml(&text)
        .err()
        .map(|err| crate::i18n::Msg::HolidaysWarning.fill(lang, &[("path", &path.display()), ("err", &err)]));
    (cal, warning)
}

/// The agenda templates: shipped ones, with a user's `agenda.toml` replacing kinds.
pub fn templates() -> crate::domain::meeting::Templates {
    use crate::domain::meeting::Templates;
    match std::fs::read_to_string(config_dir().join("agenda.toml")) {
        // a broken user file leaves the shipped templates in force
        Ok(text) => Templates::with_user(&text).unwrap_or_else(|_| Templates::shipped()),
        Err(_) => Templates::shipped(),
    }
}

/// The task categories: a user's `categories.toml` (`categories = ["…", …]`) replaces
/// the shipped list.
pub fn categories() -> Vec<String> {
    #[derive(Deserialize)]
    struct File {
        categories: Vec<String>,
    }
    std::fs::read_to_string(config_dir().join("categories.toml"))
        .ok()
        .and_then(|t| toml::from_str::<File>(&t).ok())
        .map(|f| {
            f.categories
                .iter()
                .map(|c| crate::domain::text::clean(c))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| {
            crate::domain::task::DEFAULT_CATEGORIES
                .iter()
                .map(|c| c.to_string())
                .collect()
        })
}
