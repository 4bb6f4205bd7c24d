//! `chibo` with no command: open the application, after the daily backup.

use std::path::Path;

use anyhow::Result;

use crate::app::{App, Clock, Options, store_error_text};
use crate::i18n::Lang;
use crate::settings::Settings;

/// Opens the data folder, takes the daily backup and runs the application; what is
/// wrong in the settings files, and a failed backup, stay on screen until dismissed.
pub(super) fn run(dir: &Path, lang: Lang, clock: Box<dyn Clock>, settings: Settings) -> Result<()> {
    let now = clock.now();
    let store = super::open(dir)?;
    let mut warnings: Vec<String> = settings.problems.iter().map(|p| p.text(lang)).collect();
    // the daily backup, on opening; a failure is shown, not fatal
    if let Err(e) = crate::store::auto_backup(&store, &dir.join("backups"), now, crate::store::BackupReason::Daily) {
        warnings.push(crate::i18n::Msg::BackupFailed.fill(lang, &[("err", &store_error_text(&e, lang))]));
    }
    let options = Options {
        lang,
        keymap: settings.keymap,
        warnings,
        backups: Some(dir.join("backups")),
        clock,
        calendar: settings.calendar,
        data_dir: dir.to_path_buf(),
        defer_loading: true,
        templates: settings.templates,
        categories: settings.categories,
        theme: crate::ui::Theme::from_env(false),
    };
    let app = App::new(Box::new(store), options)?;
    crate::tui::run(app)?;
    Ok(())
}
