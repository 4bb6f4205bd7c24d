//! `chibo export`: the roster, a meeting's minutes or a resolution, to a file or standard output.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::output::{write_binary, write_out};
use super::{DocumentFormat, RosterFormat};
use crate::export::document::Document;
use crate::export::members as roster;
use crate::export::pdf::PdfError;
use crate::i18n::{Lang, Msg};
use crate::store::Records;

/// `export members`: the roster, in roster order.
pub(super) fn members(
    dir: &Path,
    today: NaiveDate,
    lang: Lang,
    format: RosterFormat,
    out: Option<&Path>,
) -> Result<()> {
    // a workbook is bytes no terminal can show
    let to_terminal = out.is_none_or(|p| p == Path::new("-")) && std::io::stdout().is_terminal();
    if matches!(format, RosterFormat::Xlsx) && to_terminal {
        bail!("{}", Msg::ExportBinaryToTerminal.get(lang));
    }
    let store = super::open_to_read(dir, lang)?;
    let mut list = store.members()?;
    list.sort_by_cached_key(|m| m.sort_key());
    let bytes = match format {
        RosterFormat::Csv => roster::to_csv_in(&list, lang).into_bytes(),
        RosterFormat::Json => roster::to_json(&list).into_bytes(),
        RosterFormat::Xlsx => {
            let branch = store.branch()?.map(|b| b.name).unwrap_or_default();
            crate::export::roster_xlsx::write(&list, &branch, today, lang)
                .map_err(|e| anyhow::anyhow!(e))?
        }
    };
    write_out(out, &bytes, lang)
}

/// Writes a document in the format asked for.
pub(super) fn write_document(
    doc: &Document,
    format: DocumentFormat,
    out: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    match format {
        DocumentFormat::Md => write_out(out, doc.to_markdown().as_bytes(), lang),
        DocumentFormat::Txt => write_out(out, doc.to_text().as_bytes(), lang),
        DocumentFormat::Docx => write_binary(out, &crate::export::docx::render(doc), "docx", lang),
        DocumentFormat::Pdf => {
            let pdf = crate::export::pdf::from_docx(&crate::export::docx::render(doc))
                .map_err(|e| pdf_error(e, lang))?;
            write_binary(out, &pdf, "pdf", lang)
        }
    }
}

/// One line: what went wrong, and for a missing LibreOffice how to get it.
pub(super) fn pdf_error(e: PdfError, lang: Lang) -> anyhow::Error {
    match e {
        PdfError::NoLibreOffice => anyhow::anyhow!(Msg::CliNoLibreOffice.get(lang)),
        other => anyhow::anyhow!(Msg::CliNoPdf.fill(lang, &[("err", &other)])),
    }
}

/// `export minutes MEETING`: the biên bản of a meeting.
pub(super) fn minutes(
    dir: &Path,
    meeting: &str,
    format: DocumentFormat,
    out: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let store = super::open_to_read(dir, lang)?;
    let meetings = store.meetings()?;
    let Some(m) = crate::app::meetings::find_meeting(&meetings, meeting) else {
        bail!("{}", Msg::CliNoMeeting.fill(lang, &[("meeting", &meeting)]));
    };
    let mut list = store.members()?;
    list.sort_by_cached_key(|m| m.sort_key());
    // item 3 reviews every item and task due by the meeting, not only those updated at it
    let tasks = store.tasks()?;
    let resolutions = store.resolutions()?;
    let reviewed = crate::export::minutes::reviewed_at(m, &tasks, &resolutions);
    let doc = crate::export::minutes::document(m, &list, store.branch()?.as_ref(), &reviewed);
    write_document(&doc, format, out, lang)
}

/// `export resolution RESOLUTION`: by id, or by number (the latest year's).
pub(super) fn resolution(
    dir: &Path,
    resolution: &str,
    format: DocumentFormat,
    out: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let store = super::open_to_read(dir, lang)?;
    let all = store.resolutions()?;
    let key = resolution.trim().to_lowercase();
    // a number as written ("12-NQ/CB") or its sequence alone ("12"), the latest year's
    // first; the internal id last, for scripts
    let latest = |found: &dyn Fn(&crate::domain::resolution::Resolution) -> bool| {
        all.iter()
            .filter(|r| found(r))
            .max_by_key(|r| (r.year, r.seq))
    };
    let found = latest(&|r| r.number.to_lowercase() == key)
        .or_else(|| {
            key.parse::<u32>()
                .ok()
                .and_then(|n| latest(&|r| r.seq == n))
        })
        .or_else(|| all.iter().find(|r| r.id.0.to_string() == key));
    let Some(r) = found else {
        bail!(
            "{}",
            Msg::CliNoResolution.fill(lang, &[("resolution", &resolution)])
        );
    };
    let tasks = store.tasks()?;
    let items: Vec<_> = r
        .items
        .iter()
        .filter_map(|id| tasks.iter().find(|t| t.id == *id).cloned())
        .collect();
    let doc =
        crate::export::resolution::document(r, &items, &store.members()?, store.branch()?.as_ref());
    write_document(&doc, format, out, lang)
}
