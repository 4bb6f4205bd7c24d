//! `chibo demo`: fill the data with a realistic demo branch, all or nothing.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDateTime;

use super::output::Lines;
use crate::i18n::{Lang, Msg};

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
    let store = super::open(dir)?;
    super::backup::make_room(&store, dir, now, force, lang)?;
    let lock = store.lock();
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
