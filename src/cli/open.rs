//! `chibo` with no command: open the application, after the daily backup.

use std::path::Path;

use anyhow::Result;

use crate::app::{App, Clock, Options, store_error_text};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::store::{DataLock, Opening, Readers, RosterCache, SledStore};

/// The application's data: opened after the first frame, drawn from the roster cache,
/// or, without a cache, already open.
pub(super) struct Opened {
    store: Opening,
    cache: Option<RosterCache>,
    readers: Readers,
}

/// Opens the data folder for the application (creating it if needed). Its lock is
/// taken here, so a second chibo is told at once; the database itself is opened once
/// the first frame is drawn, when the roster cache can draw it.
pub(super) fn open(dir: &Path) -> Result<Opened> {
    let lock = DataLock::acquire(dir, true)?;
    if let Some(cache) = RosterCache::read(dir) {
        let (store, readers) = Opening::later(lock);
        return Ok(Opened {
            store,
            cache: Some(cache),
            readers,
        });
    }
    let store = SledStore::open_locked(lock)?;
    crate::store::Records::check_schema(&store)?;
    let (store, readers) = Opening::opened(store);
    Ok(Opened {
        store,
        cache: None,
        readers,
    })
}

/// Runs the application over the data `open` gave; the daily backup is taken on
/// another thread once the first frame is on screen, and quitting waits for it. What is
/// wrong in the settings files stays on screen until dismissed; a failed backup is said
/// on quitting.
pub(super) fn run(
    opened: Opened,
    dir: &Path,
    lang: Lang,
    clock: Box<dyn Clock>,
    settings: Settings,
    ascii: bool,
) -> Result<()> {
    let now = clock.now();
    let warnings: Vec<String> = settings.problems.iter().map(|p| p.text(lang)).collect();
    let mut daily = Daily {
        readers: Some(opened.readers),
        listener: None,
        backups: dir.join("backups"),
        data_dir: dir.to_path_buf(),
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
        keeps_roster: true,
    };
    let store = Box::new(opened.store);
    let app = match opened.cache {
        Some(cache) => App::from_cache(store, cache, options),
        None => App::new(store, options)?,
    };
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
    /// Once the data is open: one reader for the backup, one for the socket.
    readers: Option<Readers>,
    listener: Option<crate::store::Listener>,
    data_dir: std::path::PathBuf,
    backups: std::path::PathBuf,
    now: chrono::NaiveDateTime,
    job: Option<crate::store::BackupJob>,
    failed: Option<crate::store::StoreError>,
}

impl crate::tui::Background for Daily {
    fn start(&mut self) {
        // the data is open by now (checking the first frame against it opened it);
        // no readers came if the open failed
        let Some(Ok((backup, serve))) = self.readers.take().map(|r| r.try_recv()) else {
            return;
        };
        self.listener = crate::store::Listener::start(&self.data_dir, serve);
        self.job = Some(crate::store::BackupJob::daily(
            backup,
            self.backups.clone(),
            self.now,
        ));
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
