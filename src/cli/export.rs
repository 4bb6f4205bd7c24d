//! `chibo export`: the roster, a meeting's minutes or a resolution, to a file or standard output.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::output::write_out;
use super::{DocumentFormat, RosterFormat};
use crate::export::members as roster;
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
    let store = super::open_existing(dir)?;
    let mut list = store.members()?;
    list.sort_by_cached_key(|m| m.sort_key());
    let bytes = match format {
        RosterFormat::Csv => roster::to_csv(&list).into_bytes(),
        RosterFormat::Json => roster::to_json(&list).into_bytes(),
        RosterFormat::Xlsx => {
            let branch = store.branch()?.map(|b| b.name).unwrap_or_default();
            crate::export::roster_xlsx::write(&list, &branch, today, lang).map_err(|e| anyhow::anyhow!(e))?
        }
    };
    write_out(out, &bytes)
}

fn document_format(format: DocumentFormat) -> crate::export::minutes::Format {
    match format {
        DocumentFormat::Md => crate::export::minutes::Format::Markdown,
        DocumentFormat::Txt => crate::export::minutes::Format::Text,
    }
}

/// `export minutes MEETING`: the biên bản of a meeting.
pub(super) fn minutes(dir: &Path, meeting: &str, format: DocumentFormat, out: Option<&Path>) -> Result<()> {
    let store = super::open_existing(dir)?;
    let meetings = store.meetings()?;
    let Some(m) = crate::app::meetings::find_meeting(&meetings, meeting) else {
        bail!("không có cuộc họp \"{meeting}\" (mã số, hoặc YYYY-MM cho cuộc họp thường kỳ của tháng)");
    };
    let mut list = store.members()?;
    list.sort_by_cached_key(|m| m.sort_key());
    let format = document_format(format);
    // only the items followed up at this meeting
    let tasks = store.tasks_where(&|t| t.history.iter().any(|n| n.meeting == Some(m.id)))?;
    let resolutions = store.resolutions()?;
    let reviewed = crate::export::minutes::reviewed_at(m, &tasks, &resolutions);
    let text = crate::export::minutes::render(m, &list, store.branch()?.as_ref(), &reviewed, format);
    write_out(out, text.as_bytes())
}

/// `export resolution RESOLUTION`: by id, or by number (the latest year's).
pub(super) fn resolution(dir: &Path, resolution: &str, format: DocumentFormat, out: Option<&Path>) -> Result<()> {
    let store = super::open_existing(dir)?;
    let all = store.resolutions()?;
    let key = resolution.trim().to_lowercase();
    let found = all.iter().find(|r| r.id.0.to_string() == key).or_else(|| {
        all.iter()
            .filter(|r| r.number.to_lowercase() == key)
            .max_by_key(|r| (r.year, r.seq))
    });
    let Some(r) = found else {
        bail!("không có nghị quyết \"{resolution}\" (mã số, hoặc số như 12-NQ/CB)");
    };
    let tasks = store.tasks()?;
    let items: Vec<_> = r
        .items
        .iter()
        .filter_map(|id| tasks.iter().find(|t| t.id == *id).cloned())
        .collect();
    let format = document_format(format);
    let text = crate::export::resolution::render(r, &items, &store.members()?, store.branch()?.as_ref(), format);
    write_out(out, text.as_bytes())
}
