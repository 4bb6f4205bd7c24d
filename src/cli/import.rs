//! `chibo import`: records from a file, all or nothing.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDateTime;

use crate::export::roster_import::{ReadOptions, RowError, check_new, plan_update, read};
use crate::i18n::{Lang, Msg};
use crate::store::Records;

/// The largest roster file read.
const MAX_ROSTER_BYTES: u64 = 5_000_000;

/// What `import members` was asked to do.
pub(super) struct MembersImport<'a> {
    pub file: &'a Path,
    pub dry_run: bool,
    pub update: bool,
    pub sheet: Option<&'a str>,
}

/// `import members FILE`: nothing is imported unless every row is valid; with
/// `--update`, rows matching members change them, in the same one transaction.
pub(super) fn members(
    dir: &Path,
    now: NaiveDateTime,
    lang: Lang,
    args: &MembersImport,
) -> Result<()> {
    let file = args.file;
    let cannot_read = || Msg::ImportCannotRead.fill(lang, &[("file", &file.display())]);
    let meta = std::fs::metadata(file).with_context(cannot_read)?;
    // a device or a pipe would be read without end
    if !meta.is_file() && !meta.is_dir() {
        bail!(
            "{}",
            Msg::ImportNotAFile.fill(lang, &[("file", &file.display())])
        );
    }
    // a roster of even a thousand members is well under a megabyte
    let too_large = |size: u64| {
        anyhow!(Msg::ImportTooLarge.fill(
            lang,
            &[
                ("file", &file.display()),
                ("mb", &(size / 1_000_000)),
                ("max", &(MAX_ROSTER_BYTES / 1_000_000))
            ]
        ))
    };
    if meta.len() > MAX_ROSTER_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(MAX_ROSTER_BYTES + 1).read_to_end(&mut bytes))
        .with_context(cannot_read)?;
    // the file grew after it was measured
    if bytes.len() as u64 > MAX_ROSTER_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let refused = |errors: Vec<RowError>| {
        for e in &errors {
            eprintln!("{}: {}", file.display(), e.show(lang));
        }
        anyhow!(Msg::ImportNothing.fill(lang, &[("n", &errors.len()), ("file", &file.display())]))
    };
    let opts = ReadOptions {
        lang,
        sheet: args.sheet,
    };
    let parsed = read(&bytes, &opts).map_err(refused)?;
    for w in &parsed.warnings {
        eprintln!("{}: {w}", file.display());
    }
    // opened (and a new data folder made) only once the file reads well
    let store = super::open(dir)?;
    let existing = store.members()?;
    if !args.update {
        check_new(&parsed, &existing, lang).map_err(refused)?;
        let mut list = parsed.members;
        if args.dry_run {
            println!("{}", Msg::ImportDryRun.fill(lang, &[("n", &list.len())]));
        } else {
            store.import_members(&mut list, now)?;
            println!("{}", Msg::Imported.fill(lang, &[("n", &list.len())]));
        }
        return Ok(());
    }
    let plan = plan_update(&parsed, &existing, now.date(), lang).map_err(refused)?;
    for (line, m) in &plan.added {
        println!(
            "{}",
            Msg::UpdateAdd.fill(lang, &[("name", &m.full_name()), ("line", line)])
        );
    }
    for c in &plan.changed {
        for f in &c.fields {
            println!(
                "{}",
                Msg::UpdateChange.fill(
                    lang,
                    &[
                        ("name", &c.before.full_name()),
                        ("line", &c.line),
                        ("field", &f.column.header()),
                        ("old", &f.old.replace('\n', " | ")),
                        ("new", &f.new.replace('\n', " | ")),
                    ]
                )
            );
        }
    }
    println!(
        "{}",
        Msg::UpdateSummary.fill(
            lang,
            &[
                ("added", &plan.added.len()),
                ("changed", &plan.changed.len()),
                ("same", &plan.unchanged)
            ]
        )
    );
    if args.dry_run {
        println!("{}", Msg::UpdateDryRun.get(lang));
    } else {
        let mut added: Vec<_> = plan.added.into_iter().map(|(_, m)| m).collect();
        let changed: Vec<_> = plan.changed.into_iter().map(|c| c.after).collect();
        store.update_members(&mut added, &changed, now)?;
    }
    Ok(())
}
