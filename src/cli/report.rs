//! `chibo report`: overdue, follow-up, coverage, attendance, meetings, evaluation,
//! dues and candidates, as text, CSV, JSON, Word or an Excel workbook.

use std::path::Path;

use anyhow::Result;
use chrono::{Datelike, NaiveDateTime};

use super::output::{write_binary, write_out};
use super::{ReportFormat, ReportKind};
use crate::domain::branch::Branch;
use crate::domain::calendar::parse_date;
use crate::export::report;
use crate::i18n::{Lang, Msg};
use crate::store::Records;

fn write(
    r: &impl report::Document,
    format: ReportFormat,
    branch: Option<&Branch>,
    out: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    match format {
        ReportFormat::Txt => write_out(out, r.page(branch).to_text().as_bytes(), lang),
        ReportFormat::Csv => write_out(out, r.to_csv().as_bytes(), lang),
        ReportFormat::Json => write_out(out, r.to_json().as_bytes(), lang),
        ReportFormat::Docx => write_binary(out, &r.to_docx(branch), "docx", lang),
        ReportFormat::Xlsx => {
            let bytes = r
                .to_xlsx(branch)
                .map_err(|e| anyhow::anyhow!(Msg::CliNoWorkbook.fill(lang, &[("err", &e)])))?;
            write_binary(out, &bytes, "xlsx", lang)
        }
    }
}

/// What a report is asked for: the period (a month YYYY-MM, or a year, this one by default),
/// one member, and the rules it applies.
pub(super) struct Period<'a> {
    pub month: Option<&'a str>,
    pub year: Option<i32>,
    /// One member's sheet (the evaluation report).
    pub member: Option<&'a str>,
    /// The collection sheet of a month (the dues report).
    pub sheet: bool,
    /// The grading rules (the evaluation report).
    pub rules: &'a crate::domain::evaluation::Rules,
    /// The candidates' steps and limits, and the working days they count in.
    pub candidates: &'a crate::domain::candidates::Rules,
    pub calendar: &'a crate::domain::calendar::WorkCalendar,
}

/// Prints one report in the format asked for.
#[allow(clippy::too_many_arguments)]
pub(super) fn run(
    dir: &Path,
    now: NaiveDateTime,
    lang: Lang,
    kind: ReportKind,
    Period {
        month,
        year,
        member,
        sheet,
        rules,
        candidates,
        calendar,
    }: Period,
    format: ReportFormat,
    out: Option<&Path>,
    rates: &crate::domain::dues::Rates,
) -> Result<()> {
    if sheet && (!matches!(kind, ReportKind::Dues) || month.is_none()) {
        anyhow::bail!(Msg::CliSheetDuesMonth.get(lang).to_string());
    }
    if matches!(kind, ReportKind::Dues) && month.is_some() && year.is_some() {
        anyhow::bail!(Msg::CliDuesPeriod.get(lang).to_string());
    }
    let store = super::open_to_read(dir, lang)?;
    let today = now.date();
    // overdue tasks are open: read through the index of open tasks, not the history
    let month = match month {
        Some(m) => parse_date(&format!("{m}-01"))
            .ok_or_else(|| anyhow::anyhow!(Msg::CliBadMonth.fill(lang, &[("month", &m)])))?,
        None => today,
    };
    // a month's report reads the open tasks and those due or done from its first day
    // on, through the indexes: older closed tasks are not decoded
    let first = month.with_day(1).unwrap_or(month);
    let tasks = match kind {
        ReportKind::Overdue => store.open_tasks(Some(today))?,
        ReportKind::Followup | ReportKind::Coverage => store.tasks_since(first)?,
        // the helpers' tasks are read one by one
        ReportKind::Candidates | ReportKind::Badges => Vec::new(),
        _ => store.tasks()?,
    };
    let resolutions = store.resolutions()?;
    let mut members = store.members()?;
    members.sort_by_cached_key(|m| m.sort_key());
    let branch = store.branch()?;
    let branch = branch.as_ref();
    match kind {
        ReportKind::Overdue | ReportKind::Followup => {
            let r = if matches!(kind, ReportKind::Overdue) {
                report::overdue(&tasks, &resolutions, &members, today)
            } else {
                report::followup(&tasks, &resolutions, &members, month, today)
            };
            let r = report::Report { lang, ..r };
            write(&r, format, branch, out, lang)
        }
        ReportKind::Coverage => {
            let r = report::Coverage {
                lang,
                ..report::coverage(&members, &tasks, month, today)
            };
            write(&r, format, branch, out, lang)
        }
        ReportKind::Attendance => {
            let year = year.unwrap_or(today.year());
            let ledger = store.dues_ledger()?;
            let r = report::Attendance {
                lang,
                ..report::attendance(
                    &members,
                    &store.meetings()?,
                    &tasks,
                    (&ledger, rates),
                    year,
                    today,
                )
            };
            write(&r, format, branch, out, lang)
        }
        ReportKind::Meetings => {
            let year = year.unwrap_or(today.year());
            let r = crate::export::quality::meetings(
                year,
                &store.meetings()?,
                &members,
                &resolutions,
                &tasks,
                today,
            );
            let r = crate::export::quality::Meetings { lang, ..r };
            write(&r, format, branch, out, lang)
        }
        ReportKind::Evaluation => {
            let year = year.unwrap_or(today.year());
            let only = match member {
                None => None,
                Some(name) => Some(find_member(&members, name, lang)?),
            };
            let (notes, discipline, awards) =
                (store.notes()?, store.discipline()?, store.awards()?);
            let y = crate::export::evaluation::Year {
                year,
                members: &members,
                meetings: &store.meetings()?,
                tasks: &tasks,
                notes: &notes,
                discipline: &discipline,
                awards: &awards,
                resolutions: &resolutions,
                rules,
            };
            let r = crate::export::evaluation::evaluation(&y, today, only, lang);
            write(&r, format, branch, out, lang)
        }
        ReportKind::Badges => {
            let year = year.unwrap_or(today.year() + 1);
            badges_year(&members, year, lang)?;
            let r = crate::export::badges::badges(&members, &store.awards()?, year, today, lang);
            write(&r, format, branch, out, lang)
        }
        ReportKind::Candidates => {
            let mut list = store.candidates()?;
            list.sort_by_cached_key(|c| (!c.is_open(), c.closed.is_some(), c.sort_key()));
            let mut helpers = std::collections::HashMap::new();
            for c in &list {
                let lead = match c.helper_task {
                    Some(t) => store.task(t)?.and_then(|t| t.lead),
                    None => None,
                };
                let name = lead
                    .and_then(|id| members.iter().find(|m| m.id == id))
                    .map(|m| m.full_name());
                helpers.insert(c.id, name);
            }
            let helper =
                |c: &crate::domain::candidates::Candidate| helpers.get(&c.id).cloned().flatten();
            let r = crate::export::candidates::report(
                &list, &helper, candidates, calendar, today, lang,
            );
            write(&r, format, branch, out, lang)
        }
        ReportKind::Dues => {
            use crate::export::{dues, dues_sheet};
            let ledger = store.dues_ledger()?;
            let shown = crate::domain::dues::Month::of(month);
            match year {
                Some(y) if y > today.year() => {
                    anyhow::bail!(Msg::CliDuesFutureYear.fill(lang, &[("year", &y)]))
                }
                Some(y) => {
                    let r = dues::year(&ledger, rates, &members, y, today);
                    write(&dues::DuesReport { lang, ..r }, format, branch, out, lang)
                }
                None if sheet => {
                    let r = dues_sheet::sheet(&ledger, rates, &members, shown, today);
                    let r = dues_sheet::CollectionSheet { lang, ..r };
                    write(&r, format, branch, out, lang)
                }
                None => {
                    let r = dues::month(&ledger, rates, &members, shown, today);
                    write(&dues::DuesReport { lang, ..r }, format, branch, out, lang)
                }
            }
        }
    }
}

/// The party was founded in 1930: no member's years count from before.
const FOUNDED: i32 = 1930;

/// A year of badges is one the branch's members can reach a mark in: not before the
/// earliest admission on the roster, nor before the party's founding.
fn badges_year(members: &[crate::domain::member::Member], year: i32, lang: Lang) -> Result<()> {
    if year < FOUNDED {
        anyhow::bail!(Msg::CliBadgesBeforeParty.fill(lang, &[("year", &year)]));
    }
    let earliest = members.iter().filter_map(|m| m.admission_date).min();
    match earliest {
        Some(first) if year < first.year() => anyhow::bail!(Msg::CliBadgesBeforeAdmission.fill(
            lang,
            &[
                ("year", &year),
                ("date", &crate::domain::calendar::format_date(first))
            ]
        )),
        _ => Ok(()),
    }
}

/// The member whose full name is `name`, without regard to case or diacritics; a name
/// that fits nobody, or several, is refused in one line.
fn find_member<'a>(
    members: &'a [crate::domain::member::Member],
    name: &str,
    lang: Lang,
) -> Result<&'a crate::domain::member::Member> {
    let wanted = crate::domain::text::fold(name.trim());
    let found: Vec<_> = members
        .iter()
        .filter(|m| crate::domain::text::fold(&m.full_name()) == wanted)
        .collect();
    match found[..] {
        [one] => Ok(one),
        [] => Err(anyhow::anyhow!(
            Msg::CliNoMember.fill(lang, &[("name", &name)])
        )),
        _ => Err(anyhow::anyhow!(
            Msg::CliSeveralMembers.fill(lang, &[("name", &name), ("n", &found.len())])
        )),
    }
}
