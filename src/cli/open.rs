//! `chibo` with no command: open the application, after the daily backup.

use std::path::Path;

use anyhow::Result;

use crate::app::{App, Clock, Options, store_error_text};
use crate::i18n::Lang;
use crate::settings::Settings;

/// Opens the data folder and runs the application; the daily backup is taken on
/// another thread once the first frame is on screen, and quitting waits for it. What is
/// wrong in the settings files stays on screen until dismissed; a failed backup is said
/// on quitting.
pub(super) fn run(
    store: crate::store::SledStore,
    dir: &Path,
    lang: Lang,
    clock: Box<dyn Clock>,
    settings: Settings,
    ascii: bool,
) -> Result<()> {
    let now = clock.now();
    let warnings: Vec<String> = settings.problems.iter().map(|p| p.text(lang)).collect();
    let mut daily = Daily {
        reader: Some(store.reader()),
        serve: Some((dir.to_path_buf(), store.reader())),
        listener: None,
        dir: dir.join("backups"),
        now,
        job: None,
        failed: None,
    };
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
        dues: settings.dues,
        candidates: settings.candidates,
        evaluation: settings.evaluation,
        mouse: settings.mouse,
        theme: crate::ui::Theme::from_env(ascii),
        pdf: crate::export::pdf::soffice().is_some(),
    };
    let app = App::new(Box::new(store), options)?;
    let result = crate::tui::run(app, &mut daily);
    if let Some(e) = daily.failed {
        eprintln!(
            "{}",
            crate::i18n::Msg::BackupFailed.fill(lang, &[("err", &store_error_text(&e, lang))])
        );
    }
    result
}

/// The daily backup, taken while the application runs, and the socket through which
/// the commands that only read get the data meanwhile.
struct Daily {
    reader: Option<crate::store::SledReader>,
    serve: Option<(std::path::PathBuf, crate::store::SledReader)>,
    listener: Option<crate::store::Listener>,
    dir: std::path::PathBuf,
    now: chrono::NaiveDateTime,
    job: Option<crate::store::BackupJob>,
    failed: Option<crate::store::StoreError>,
}

impl crate::tui::Background for Daily {
    fn start(&mut self) {
        if let Some((dir, reader)) = self.serve.take() {
            self.listener = crate::store::Listener::start(&dir, reader);
        }
        if let Some(reader) = self.reader.take() {
            self.job = Some(crate::store::BackupJob::daily(
                reader,
                self.dir.clone(),
                self.now,
            ));
        }
    }

    fn finish(&mut self) {
        // the socket goes before the data folder is let go
        self.listener = None;
        if let Some(job) = self.job.take()
            && let Err(e) = job.finish()
        {
            self.failed = Some(e);
        }
    }
}
