//! How the application is opened: the language, keys, settings and clock it is given.

use std::path::PathBuf;

use super::{Clock, SystemClock, mouse};
use crate::domain::calendar::WorkCalendar;
use crate::domain::meeting::Templates;
use crate::i18n::Lang;
use crate::keymap::Keymap;

/// How the application was opened.
pub struct Options {
    pub lang: Lang,
    pub keymap: Keymap,
    /// What is wrong in the settings files (and a failed daily backup): shown on the
    /// message line until dismissed.
    pub warnings: Vec<String>,
    /// Where automatic backups go (after minutes are approved); none in tests.
    pub backups: Option<PathBuf>,
    pub clock: Box<dyn Clock>,
    pub calendar: WorkCalendar,
    /// Shown on the welcome screen; exports are written under it.
    pub data_dir: PathBuf,
    /// Load meetings, resolutions and tasks only when `load_rest` is called (the
    /// terminal draws the roster first); otherwise everything loads in `new`.
    pub defer_loading: bool,
    pub templates: Templates,
    pub categories: Vec<String>,
    pub theme: crate::look::Theme,
    /// LibreOffice is installed: the export key offers PDF.
    pub pdf: bool,
    /// The dues rates and shares of `dues.toml`.
    pub dues: crate::domain::dues::Rates,
    /// The candidates' steps and limits of `candidates.toml`.
    pub candidates: crate::domain::candidates::Rules,
    /// The grading rules of `evaluation.toml`.
    pub evaluation: crate::domain::evaluation::Rules,
    /// Where the mouse is used (`config.toml`).
    pub mouse: mouse::Mouse,
    /// Keep the roster in the data folder's roster cache on closing, for the next
    /// opening's first frame (the application over its data folder, not tests).
    pub keeps_roster: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Vi,
            keymap: Keymap::defaults(),
            warnings: Vec::new(),
            backups: None,
            clock: Box::new(SystemClock),
            calendar: WorkCalendar::vietnam(),
            data_dir: PathBuf::new(),
            defer_loading: false,
            templates: Templates::shipped(),
            categories: crate::domain::task::DEFAULT_CATEGORIES
                .iter()
                .map(|c| c.to_string())
                .collect(),
            theme: crate::look::Theme::default(),
            pdf: false,
            dues: crate::domain::dues::Rates::shipped(),
            candidates: crate::domain::candidates::Rules::shipped(),
            evaluation: crate::domain::evaluation::Rules::shipped(),
            mouse: mouse::Mouse::default(),
            keeps_roster: false,
        }
    }
}
