//! The command line: open the application, or run one command and exit. Exit 0 on
//! success, 1 with a one-line reason on stderr, 2 for usage errors (clap's own).

mod backup;
mod check;
mod demo;
mod export;
mod help;
mod import;
mod keymap;
mod open;
mod output;
mod report;
mod restore;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::app::{Clock, SystemClock, store_error_text};
use crate::domain::calendar::parse_date;
use crate::i18n::Lang;
use crate::store::{Records, SledStore, StoreError};

#[derive(Parser, Debug)]
#[command(
    name = "chibo",
    version,
    about = "Sổ tay bí thư chi bộ — the party branch secretary's console"
)]
pub struct Cli {
    /// Where the data lives (default: the platform's data directory).
    #[arg(long, env = "CHIBO_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Interface language.
    #[arg(long, global = true, ignore_case = true, value_parser = lang_parser())]
    pub lang: Option<Lang>,
    /// ASCII borders and symbols and 8 colours, for a limited terminal (chosen by
    /// itself for TERM linux, vt100, vt220 and dumb).
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `vi` or `en` (and the longer names `Lang::parse` knows).
fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new([
        PossibleValue::new("vi").aliases(["vi-vn", "vietnamese"]),
        PossibleValue::new("en").aliases(["en-us", "en-gb", "english"]),
    ])
    .map(|s| Lang::parse(&s).unwrap_or_default())
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fill the data with a realistic demo branch.
    Demo {
        #[arg(long, default_value_t = 40)]
        members: usize,
        #[arg(long, default_value_t = 5)]
        years: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace existing data (it is backed up first).
        #[arg(long)]
        force: bool,
        /// Remove the demo branch to start the real one (the demo is kept in a backup).
        #[arg(long, conflicts_with_all = ["force", "members", "years", "seed"])]
        clear: bool,
    },
    /// Import records from a file.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Export records to a file or standard output.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Write a full JSON backup (default: into the data directory's backups/).
    Backup {
        file: Option<PathBuf>,
        /// List the backups in the data directory instead, newest first.
        #[arg(long, conflicts_with = "file")]
        list: bool,
    },
    /// Replace the data with a backup.
    Restore {
        #[arg(required_unless_present = "latest")]
        file: Option<PathBuf>,
        /// The newest backup in the data directory.
        #[arg(long, conflicts_with = "file")]
        latest: bool,
        /// Replace existing data (it is backed up first).
        #[arg(long)]
        force: bool,
    },
    /// A report for scripts or printing.
    Report {
        #[arg(value_enum)]
        kind: ReportKind,
        /// The month (YYYY-MM) of a follow-up, coverage or dues report (default: this month).
        #[arg(long)]
        month: Option<String>,
        /// The year of an attendance, meetings, evaluation or dues report (default: this year).
        #[arg(long)]
        year: Option<i32>,
        /// One member's own sheet of the evaluation report ("Họ Tên").
        #[arg(long)]
        member: Option<String>,
        /// The dues collection sheet of the month, to print (with dues --month).
        #[arg(long)]
        sheet: bool,
        #[arg(long, value_enum, default_value_t = ReportFormat::Txt)]
        format: ReportFormat,
        /// The file to write (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Verify the database and print counts.
    Check,
    /// Check or show the keymap.
    Keymap {
        #[command(subcommand)]
        what: KeymapWhat,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportWhat {
    /// Members from a CSV, XLSX or JSON roster; nothing is imported unless every row is valid.
    Members {
        file: PathBuf,
        /// Check the file and show what would be imported or changed, without writing.
        #[arg(long)]
        dry_run: bool,
        /// Update the members the rows match (by card number, or by full name and birth
        /// date) and add the others; only the file's columns are changed.
        #[arg(long)]
        update: bool,
        /// The sheet of an .xlsx file to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RosterFormat {
    Csv,
    Json,
    Xlsx,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DocumentFormat {
    Md,
    Txt,
    /// Word, in the form of party documents.
    Docx,
    /// Made from the Word document by LibreOffice, when installed.
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportKind {
    /// Open items past their due date.
    Overdue,
    /// A month's follow-up: overdue, due that month, done that month.
    Followup,
    /// Every active member and their tasks, unassigned ones first.
    Coverage,
    /// Each member's year: meetings attended and missed, tasks on time, late, not done.
    Attendance,
    /// The year's meetings: attendance, speakers, concrete items, length, thematic meetings.
    Meetings,
    /// The year-end grading: each member's evidence and the grade proposed under the rules.
    Evaluation,
    /// Party dues: a month's ledger (--month) or a year's by month (--year).
    Dues,
    /// Candidates for membership: stage, next step, helper, days waiting, time limits.
    Candidates,
    /// The Huy hiệu Đảng to propose: members reaching 30, 40, 45… party years in the
    /// year (--year, the coming year by default).
    Badges,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Txt,
    Csv,
    Json,
    /// Word, in the form of party documents.
    Docx,
    /// An Excel workbook: one sheet, dates as dates.
    Xlsx,
}

#[derive(Subcommand, Debug)]
pub enum ExportWhat {
    /// A resolution: RESOLUTION is its id or number ("12-NQ/CB", the latest year's).
    Resolution {
        resolution: String,
        #[arg(long, value_enum, default_value_t = DocumentFormat::Md)]
        format: DocumentFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The biên bản of a meeting: MEETING is its id or YYYY-MM (that month's regular meeting).
    Minutes {
        meeting: String,
        #[arg(long, value_enum, default_value_t = DocumentFormat::Md)]
        format: DocumentFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The roster, in roster order.
    Members {
        #[arg(long, value_enum, default_value_t = RosterFormat::Csv)]
        format: RosterFormat,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeymapWhat {
    /// Validate a keymap file (default: the user's keymap.toml).
    Check { file: Option<PathBuf> },
    /// Print the effective bindings and where the user file lives.
    Show,
}

/// The clock: `CHIBO_TODAY=yyyy-mm-dd` fixes the date (scripts, tests, demos), not the
/// time of day, which stays the real one. A `CHIBO_TODAY` that is not a date is an error.
fn clock(lang: Lang) -> Result<Box<dyn Clock>> {
    let Some(value) = std::env::var_os("CHIBO_TODAY") else {
        return Ok(Box::new(SystemClock));
    };
    let text = value.to_string_lossy();
    match parse_date(text.trim()) {
        Some(day) => Ok(Box::new(DayClock(day))),
        None => bail!(
            "{}",
            crate::i18n::Msg::CliNotADate.fill(lang, &[("value", &text)])
        ),
    }
}

/// A fixed date at the real time of day.
struct DayClock(chrono::NaiveDate);

impl Clock for DayClock {
    fn now(&self) -> chrono::NaiveDateTime {
        self.0.and_time(chrono::Local::now().time())
    }
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    // every settings file, read once, on a thread of its own while the command line is
    // parsed and the data opened; what is wrong in one is said here, in one line each,
    // and its defaults stand in (the application shows the same lines)
    let config = crate::config::config_dir();
    let mut settings = Pending::reading(
        std::thread::Builder::new()
            .name("settings".into())
            .spawn(move || crate::settings::Settings::load(&config)),
    );
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // parsed first as it is; only `--help` and mistakes need the texts in a language
    let cli = match Cli::command()
        .disable_help_subcommand(true)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(_) => {
            // `--help` speaks the language asked for, before the rest is parsed
            let help_lang = help::lang_in_args(args.iter().cloned())
                .or(settings.get().lang)
                .unwrap_or_default();
            match help::localized(Cli::command(), help_lang)
                .try_get_matches_from(&args)
                .and_then(|m| Cli::from_arg_matches(&m))
            {
                Ok(cli) => cli,
                Err(e) => match help::usage_error(&e, &args, help_lang) {
                    Some(text) => {
                        eprint!("{text}");
                        return 2;
                    }
                    None => e.exit(),
                },
            }
        }
    };
    // the application opens its data while the settings are still being read
    let opened = cli
        .command
        .is_none()
        .then(|| open::open(&crate::config::data_dir(cli.data_dir.as_deref())));
    let settings = settings.take();
    let lang = cli.lang.or(settings.lang).unwrap_or_default();
    for p in &settings.problems {
        eprintln!("chibo: {}", p.text(lang));
    }
    match run(cli, lang, settings, opened) {
        Ok(()) => 0,
        Err(e) => {
            // one line: the outermost message carries what the user needs
            let msg = match e.downcast_ref::<StoreError>() {
                // data that cannot be read: say so, and how to get it back
                Some(se @ (StoreError::Corrupt { .. } | StoreError::Io(_))) => {
                    crate::i18n::Msg::CliRestoreLatest
                        .fill(lang, &[("err", &store_error_text(se, lang))])
                }
                Some(se) => store_error_text(se, lang),
                None => format!("{e:#}"),
            };
            eprintln!("chibo: {msg}");
            1
        }
    }
}

/// The settings, being read on their thread, and once read.
struct Pending {
    reading: Option<std::io::Result<std::thread::JoinHandle<crate::settings::Settings>>>,
    read: Option<crate::settings::Settings>,
}

impl Pending {
    fn reading(
        handle: std::io::Result<std::thread::JoinHandle<crate::settings::Settings>>,
    ) -> Pending {
        Pending {
            reading: Some(handle),
            read: None,
        }
    }

    /// The settings, waited for.
    fn get(&mut self) -> &crate::settings::Settings {
        let reading = &mut self.reading;
        self.read
            .get_or_insert_with(|| Self::finish(reading.take()))
    }

    fn take(mut self) -> crate::settings::Settings {
        match self.read.take() {
            Some(read) => read,
            None => Self::finish(self.reading.take()),
        }
    }

    /// A thread that could not start, or stopped short, is made up for by reading the
    /// settings here.
    fn finish(
        reading: Option<std::io::Result<std::thread::JoinHandle<crate::settings::Settings>>>,
    ) -> crate::settings::Settings {
        match reading {
            Some(Ok(handle)) => handle.join().ok(),
            _ => None,
        }
        .unwrap_or_else(|| crate::settings::Settings::load(&crate::config::config_dir()))
    }
}

/// Opens the data folder, creating it if needed (only the commands that fill the data:
/// the application, `demo`, `import`, `restore`), and checks its schema.
fn open(dir: &Path) -> Result<SledStore> {
    let store = SledStore::open(dir)?;
    store.check_schema()?;
    Ok(store)
}

/// Opens a data folder that must already hold chibo data (every other command).
fn open_existing(dir: &Path) -> Result<SledStore> {
    let store = SledStore::open_existing(dir)?;
    store.check_schema()?;
    Ok(store)
}

/// The data of a command that only reads: the database, or, while the application has
/// it open, a consistent copy the application hands over (see `store::live`).
pub(super) enum ToRead {
    Db(SledStore),
    Live(crate::store::Snapshot),
}

impl std::ops::Deref for ToRead {
    type Target = dyn crate::store::Store;

    fn deref(&self) -> &Self::Target {
        match self {
            ToRead::Db(s) => s,
            ToRead::Live(s) => &s.store,
        }
    }
}

impl ToRead {
    pub(super) fn size_on_disk(&self) -> Result<u64> {
        Ok(match self {
            ToRead::Db(s) => s.size_on_disk()?,
            ToRead::Live(s) => s.size_on_disk,
        })
    }
}

/// Opens the data to read it (`report`, `export`, `check`); while the application has
/// it open, asks the application for it. When no application answers, the data is in
/// use, as `open_existing` says.
fn open_to_read(dir: &Path, lang: Lang) -> Result<ToRead> {
    use crate::i18n::Msg;
    use crate::store::LiveError;
    match open_existing(dir) {
        Err(e) if matches!(e.downcast_ref::<StoreError>(), Some(StoreError::InUse(_))) => {
            match crate::store::snapshot(dir) {
                Ok(Some(copy)) => Ok(ToRead::Live(copy)),
                Ok(None) => Err(e),
                Err(LiveError::Store(se)) => Err(se.into()),
                Err(LiveError::NoAnswer) => {
                    bail!(
                        "{}",
                        Msg::CliLiveNoAnswer.fill(lang, &[("dir", &dir.display())])
                    )
                }
                Err(LiveError::KeptChanging) => bail!("{}", Msg::CliLiveChanging.get(lang)),
            }
        }
        other => other.map(ToRead::Db),
    }
}

/// `opened`: the application's data, opened beside the reading of the settings.
fn run(
    cli: Cli,
    lang: Lang,
    settings: crate::settings::Settings,
    opened: Option<Result<open::Opened>>,
) -> Result<()> {
    let dir = crate::config::data_dir(cli.data_dir.as_deref());
    let clock = clock(lang)?;
    let now = clock.now();
    match cli.command {
        None => {
            let ascii = cli.ascii || settings.ascii;
            let opened = match opened {
                Some(opened) => opened?,
                None => open::open(&dir)?,
            };
            open::run(opened, &dir, lang, clock, settings, ascii)
        }
        Some(Command::Demo { clear: true, .. }) => demo::clear(&dir, now, lang),
        Some(Command::Demo {
            members,
            years,
            seed,
            force,
            ..
        }) => demo::run(
            &dir,
            now,
            lang,
            crate::demo::DemoOptions {
                members,
                years,
                seed,
            },
            force,
        ),
        Some(Command::Import {
            what:
                ImportWhat::Members {
                    file,
                    dry_run,
                    update,
                    sheet,
                },
        }) => import::members(
            &dir,
            now,
            lang,
            &import::MembersImport {
                file: &file,
                dry_run,
                update,
                sheet: sheet.as_deref(),
            },
        ),
        Some(Command::Export {
            what: ExportWhat::Members { format, out },
        }) => export::members(&dir, now.date(), lang, format, out.as_deref()),
        Some(Command::Export {
            what:
                ExportWhat::Minutes {
                    meeting,
                    format,
                    out,
                },
        }) => export::minutes(&dir, &meeting, format, out.as_deref(), lang),
        Some(Command::Export {
            what:
                ExportWhat::Resolution {
                    resolution,
                    format,
                    out,
                },
        }) => export::resolution(&dir, &resolution, format, out.as_deref(), lang),
        Some(Command::Report {
            kind,
            month,
            year,
            member,
            sheet,
            format,
            out,
        }) => report::run(
            &dir,
            now,
            lang,
            kind,
            report::Period {
                month: month.as_deref(),
                year,
                member: member.as_deref(),
                sheet,
                rules: &settings.evaluation,
                candidates: &settings.candidates,
                calendar: &settings.calendar,
            },
            format,
            out.as_deref(),
            &settings.dues,
        ),
        Some(Command::Backup { list: true, .. }) => backup::list(&dir, now, lang),
        Some(Command::Backup { file, .. }) => backup::take(&dir, now, file, lang),
        Some(Command::Restore {
            file,
            latest,
            force,
        }) => restore::run(&dir, now, lang, file, latest, force),
        Some(Command::Check) => check::run(&dir, lang),
        Some(Command::Keymap {
            what: KeymapWhat::Check { file },
        }) => keymap::check(file, lang),
        Some(Command::Keymap {
            what: KeymapWhat::Show,
        }) => keymap::show(lang, &settings),
    }
}
