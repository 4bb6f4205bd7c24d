//! `chibo` with no command: open the application, after the daily backup.

use std::path::Path;

use anyhow::Result;

use crate::app::{App, Clock, Options, store_error_text};
use crate::i18n::Lang;

/// Opens the data folder, takes the daily backup and runs the application.
pub(super) fn run(dir: &Path, lang: Lang, clock: Box<dyn Clock>) -> Result<()> {
    let now = clock.now();
    let store = super::open(dir)?;
    // the daily backup, on opening; a failure is shown, not fatal
    let backup_warning =
        crate::store::auto_backup(&store, &dir.join("backups"), now, crate::store::BackupReason::Daily)
            .err()
            .map(|e| crate::i18n::Msg::BackupFailed.fill(lang, &[("err", &store_error_text(&e, lang))]));
    let (keymap, keymap_warning) = crate::config::keymap(lang);
    let (calendar, calendar_warning) = crate::config::calendar(lang);
    let options = Options {
        lang,
        keymap,
        keymap_warning: keymap_warning.or(calendar_warning).or(backup_warning),
        backups: Some(dir.join("backups")),
        clock,
        calendar,
        data_dir: dir.to_path_buf(),
        defer_loading: true,
        templates: crate::config::templates(),
        categories: crate::config::categories(),
    };
    let app = App::new(Box::new(store), options)?;
    crate::tui::run(app)?;
    Ok(())
}
