//! `chibo report`: overdue, follow-up, coverage and attendance, as text, CSV or JSON.

use std::path::Path;

use anyhow::Result;
use chrono::{Datelike, NaiveDateTime};

use super::output::write_out;
use super::{ReportFormat, ReportKind};
use crate::domain::calendar::parse_date;
use crate::export::report;
use crate::store::Records;

fn render(r: &impl report::Document, format: ReportFormat) -> String {
    match format {
        ReportFormat::Txt => r.to_text(),
        ReportFormat::Csv => r.to_csv(),
        ReportFormat::Json => r.to_json(),
    }
}

/// Prints one report in the format asked for.
pub(super) fn run(
    dir: &Path,
    now: NaiveDateTime,
    kind: ReportKind,
    month: Option<&str>,
    year: Option<i32>,
    format: ReportFormat,
) -> Result<()> {
    let store = super::open_existing(dir)?;
    let today = now.date();
    let (tasks, resolutions) = (store.tasks()?, store.resolutions()?);
    let mut members = store.members()?;
    members.sort_by_cached_key(|m| m.sort_key());
    let month = match month {
        Some(m) => {
            parse_date(&format!("{m}-01")).ok_or_else(|| anyhow::anyhow!("tháng \"{m}\" không hợp lệ (YYYY-MM)"))?
        }
        None => today,
    };
    let text = match kind {
        ReportKind::Overdue | ReportKind::Followup => {
            let r = if matches!(kind, ReportKind::Overdue) {
                report::overdue(&tasks, &resolutions, &members, today)
            } else {
                report::followup(&tasks, &resolutions, &members, month, today)
            };
            render(&r, format)
        }
        ReportKind::Coverage => {
            let r = report::coverage(&members, &tasks, month, today);
            render(&r, format)
        }
        ReportKind::Attendance => {
            let year = year.unwrap_or(today.year());
            let r = report::attendance(&members, &store.meetings()?, &tasks, year, today);
            render(&r, format)
        }
    };
    write_out(None, text.as_bytes())
}
