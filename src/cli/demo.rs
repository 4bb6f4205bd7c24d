//! `chibo demo`: fill the data with a realistic demo branch, all or nothing.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDateTime;

use super::output::Lines;
use crate::i18n::{Lang, Msg};
use crate::store::Records;

/// Generates the demo branch in a new database that takes the old one's place only
/// when complete and verified; existing data is replaced only with `force` (and backed
/// up first).
pub(super) fn run(
    dir: &Path,
    now: NaiveDateTime,
    lang: Lang,
    opts: crate::demo::DemoOptions,
    force: bool,
) -> Result<()> {
    let store = crate::store::Reopening::new(super::open(dir)?, crate::store::RANGE);
    super::backup::make_room(&store, dir, now, force, lang)?;
    let lock = store.lock()?;
    drop(store);
    let mut n = 0;
    crate::store::replace_database(&lock, |new| {
        n = crate::demo::generate(new, &opts, now.date(), now)?;
        Ok(())
    })?;
    let mut out = Lines::default();
    out.push(Msg::CliDemoMade.fill(lang, &[("n", &n), ("dir", &dir.display())]));
    out.print()
}

/// `demo --clear`: the demo branch is backed up (written and read back), then an empty
/// database takes its place at once, as a restore's does: a clear cut short leaves the
/// demo, never a mixture. Only the demo branch is cleared.
pub(super) fn clear(dir: &Path, now: NaiveDateTime, lang: Lang) -> Result<()> {
    let store = crate::store::Reopening::new(super::open_existing(dir)?, crate::store::RANGE);
    if store.is_empty()? {
        bail!(
            "{}",
            Msg::CliNothingToClear.fill(lang, &[("dir", &dir.display())])
        );
    }
    if !store.branch()?.is_some_and(|b| b.demo) {
        bail!("{}", Msg::CliNotDemo.fill(lang, &[("dir", &dir.display())]));
    }
    let saved = crate::store::backup_into(&store, &dir.join("backups"), now)?;
    let lock = store.lock()?;
    drop(store);
    crate::store::replace_database(&lock, |_| Ok(()))?;
    let mut out = Lines::default();
    out.push(Msg::CliDemoCleared.fill(lang, &[("file", &saved.display())]));
    out.print()
}
