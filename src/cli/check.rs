//! `chibo check`: verify every record against the schema and the invariants, and print
//! what the data holds.

use std::path::Path;

use anyhow::Result;

use super::output::Lines;
use crate::i18n::{Lang, Msg};
use crate::store::{Records, Store, Tree};

/// Opens the data, verifies it and prints its counts.
pub(super) fn run(dir: &Path, lang: Lang) -> Result<()> {
    let store = super::open_to_read(dir, lang)?;
    let s = crate::store::verify(&*store)?;
    let mut out = Lines::default();
    let branch = s
        .branch
        .as_deref()
        .unwrap_or(Msg::CliCheckNoBranch.get(lang));
    out.push(Msg::CliCheckData.fill(lang, &[("dir", &dir.display())]));
    if matches!(store, super::ToRead::Live(_)) {
        out.push(Msg::CliLiveCheck.get(lang));
    }
    out.push(Msg::CliCheckSchema.fill(lang, &[("n", &s.schema)]));
    // the demo branch says so, with the way to the real one
    match store.branch()? {
        Some(b) if b.demo => {
            out.push(Msg::DemoTitle.fill(lang, &[("name", &b.name)]));
            out.push(Msg::CliCheckDemo.get(lang));
        }
        _ => out.push(Msg::CliCheckBranch.fill(lang, &[("name", &branch)])),
    }
    out.push(Msg::CliCheckMembers.fill(lang, &[("n", &s.members), ("roster", &s.on_roster)]));
    out.push(Msg::CliCheckMeetings.fill(lang, &[("n", &s.meetings)]));
    out.push(Msg::CliCheckResolutions.fill(lang, &[("n", &s.resolutions)]));
    out.push(Msg::CliCheckTasks.fill(lang, &[("n", &s.tasks)]));
    out.push(Msg::CliCheckCandidates.fill(lang, &[("n", &count(&*store, Tree::Candidates)?)]));
    out.push(Msg::CliCheckNotes.fill(lang, &[("n", &count(&*store, Tree::Notebook)?)]));
    out.push(Msg::CliCheckAwards.fill(lang, &[("n", &count(&*store, Tree::Awards)?)]));
    out.push(Msg::CliCheckDiscipline.fill(lang, &[("n", &count(&*store, Tree::Discipline)?)]));
    out.push(Msg::CliCheckAudit.fill(lang, &[("n", &s.audit)]));
    out.push(Msg::CliCheckSize.fill(lang, &[("n", &(store.size_on_disk()? / 1024))]));
    out.push(Msg::CliCheckGood.get(lang));
    out.print()
}

/// The records of a tree, counted without decoding them: `verify` has just decoded and
/// checked each one.
fn count(store: &dyn Store, tree: Tree) -> Result<usize> {
    let mut n = 0;
    store.each_entry(tree, &mut |_, _| {
        n += 1;
        Ok(())
    })?;
    Ok(n)
}
