//! The command line: open the application, or run one command and exit. Exit 0 on
//! success, 1 with a one-line reason on stderr, 2 for usage errors (clap's own).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDateTime};
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{App, Clock, FixedClock, Options, SystemClock, store_error_text};
use crate::domain::calendar::parse_date;
use crate::export::members;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::{Backup, Records, SledStore, Store, StoreError, write_atomic};

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
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use vi or en"))
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
        /// The month (YYYY-MM) of a follow-up or coverage report (default: this month).
        #[arg(long)]
        month: Option<String>,
        /// The year of an attendance report (default: this year).
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Txt)]
        format: ReportFormat,
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
    /// Members from a CSV (or JSON) roster; nothing is imported unless every row is valid.
    Members {
        file: PathBuf,
        /// Check the file and show what would be imported, without importing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RosterFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DocumentFormat {
    Md,
    Txt,
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
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Txt,
    Csv,
    Json,
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

/// The largest roster file read.
const MAX_ROSTER_BYTES: u64 = 5_000_000;

/// The clock: `CHIBO_TODAY=yyyy-mm-dd` fixes the date (scripts, tests, demos).
fn clock() -> Box<dyn Clock> {
    match std::env::var("CHIBO_TODAY").ok().as_deref().and_then(parse_date) {
        Some(d) => Box::new(FixedClock(d.and_hms_opt(9, 0, 0).unwrap_or_default())),
        None => Box::new(SystemClock),
    }
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let lang = crate::config::lang(cli.lang);
    match run(cli, lang) {
        Ok(()) => 0,
        Err(e) => {
            // one line: the outermost message carries what the user needs
            let msg = match e.downcast_ref::<StoreError>() {
                // data that cannot be read: say so, and how to get it back
                Some(se @ (StoreError::Corrupt { .. } | StoreError::Io(_))) => format!(
                    "{} — khôi phục bản sao lưu gần nhất / restore the latest backup: chibo restore --latest --force",
                    store_error_text(se, lang)
                ),
                Some(se) => store_error_text(se, lang),
                None => format!("{e:#}"),
            };
            eprintln!("chibo: {msg}");
            1
        }
    }
}

fn open(dir: &Path) -> Result<SledStore> {
    let store = SledStore::open(dir)?;
    store.check_schema()?;
    Ok(store)
}

fn run(cli: Cli, lang: Lang) -> Result<()> {
    let dir = crate::config::data_dir(cli.data_dir.as_deref());
    let clock = clock();
    let now = clock.now();
    match cli.command {
        None => {
            let store = open(&dir)?;
            // the daily backup, on opening; a failure is shown, not fatal
            let backup_warning =
                crate::store::auto_backup(&store, &dir.join("backups"), now, crate::store::BackupReason::Daily)
                    .err()
                    .map(|e| crate::i18n::Msg::BackupFailed.fill(lang, &[("err", &store_error_text(&e, lang))]));
            let (keymap, keymap_warning) = crate::config::keymap(lang);
            let options = Options {
                lang,
                keymap,
                keymap_warning: keymap_warning.or(backup_warning),
                backups: Some(dir.join("backups")),
                clock,
                calendar: crate::config::calendar(),
                data_dir: dir.clone(),
                defer_loading: true,
                templates: crate::config::templates(),
                categories: crate::config::categories(),
            };
            let app = App::new(Box::new(store), options)?;
            crate::tui::run(app)?;
            Ok(())
        }
        Some(Command::Demo {
            members,
            years,
            seed,
            force,
        }) => {
            let store = open(&dir)?;
            if make_room(&store, &dir, now, force)? {
                Backup::take(&store, now)?.emptied().restore_into(&store)?;
            }
            let opts = crate::demo::DemoOptions { members, years, seed };
            let n = crate::demo::generate(&store, &opts, now.date(), now)?;
            println!("đã tạo chi bộ mẫu: {n} đảng viên ({})", dir.display());
            Ok(())
        }
        Some(Command::Import {
            what: ImportWhat::Members { file, dry_run },
        }) => {
            // a roster of even a thousand members is well under a megabyte
            let size = std::fs::metadata(&file)
                .with_context(|| format!("không đọc được {}", file.display()))?
                .len();
            if size > MAX_ROSTER_BYTES {
                bail!(
                    "{}: tệp quá lớn ({} MB); danh sách đảng viên không quá {} MB / file too large",
                    file.display(),
                    size / 1_000_000,
                    MAX_ROSTER_BYTES / 1_000_000
                );
            }
            let bytes = std::fs::read(&file).with_context(|| format!("không đọc được {}", file.display()))?;
            let store = open(&dir)?;
            let existing = store.members()?;
            let parsed = match members::parse(&bytes, &existing) {
                Ok(p) => p,
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{}: {e}", file.display());
                    }
                    bail!("không nhập gì: {} lỗi trong {}", errors.len(), file.display());
                }
            };
            for w in &parsed.warnings {
                eprintln!("{}: {w}", file.display());
            }
            let mut list = parsed.members;
            if dry_run {
                println!("kiểm tra xong: {} đảng viên hợp lệ, chưa nhập (--dry-run)", list.len());
            } else {
                store.import_members(&mut list, now)?;
                println!("đã nhập {} đảng viên", list.len());
            }
            Ok(())
        }
        Some(Command::Export {
            what: ExportWhat::Members { format, out },
        }) => {
            let store = open(&dir)?;
            let mut list = store.members()?;
            list.sort_by_cached_key(|m| m.sort_key());
            let text = match format {
                RosterFormat::Csv => members::to_csv(&list),
                RosterFormat::Json => members::to_json(&list),
            };
            write_out(out.as_deref(), text.as_bytes())
        }
        Some(Command::Export {
            what: ExportWhat::Minutes { meeting, format, out },
        }) => {
            let store = open(&dir)?;
            let meetings = store.meetings()?;
            let Some(m) = crate::app::meetings::find_meeting(&meetings, &meeting) else {
                bail!("không có cuộc họp \"{meeting}\" (mã số, hoặc YYYY-MM cho cuộc họp thường kỳ của tháng)");
            };
            let mut list = store.members()?;
            list.sort_by_cached_key(|m| m.sort_key());
            let format = match format {
                DocumentFormat::Md => crate::export::minutes::Format::Markdown,
                DocumentFormat::Txt => crate::export::minutes::Format::Text,
            };
            // only the items followed up at this meeting
            let tasks = store.tasks_where(&|t| t.history.iter().any(|n| n.meeting == Some(m.id)))?;
            let resolutions = store.resolutions()?;
            let reviewed = crate::export::minutes::reviewed_at(m, &tasks, &resolutions);
            let text = crate::export::minutes::render(m, &list, store.branch()?.as_ref(), &reviewed, format);
            write_out(out.as_deref(), text.as_bytes())
        }
        Some(Command::Export {
            what:
                ExportWhat::Resolution {
                    resolution,
                    format,
                    out,
                },
        }) => {
            let store = open(&dir)?;
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
            let format = match format {
                DocumentFormat::Md => crate::export::minutes::Format::Markdown,
                DocumentFormat::Txt => crate::export::minutes::Format::Text,
            };
            let text =
                crate::export::resolution::render(r, &items, &store.members()?, store.branch()?.as_ref(), format);
            write_out(out.as_deref(), text.as_bytes())
        }
        Some(Command::Report {
            kind,
            month,
            year,
            format,
        }) => {
            use crate::export::report;
            let store = open(&dir)?;
            let today = now.date();
            let (tasks, resolutions) = (store.tasks()?, store.resolutions()?);
            let mut members = store.members()?;
            members.sort_by_cached_key(|m| m.sort_key());
            let month = match month {
                Some(m) => parse_date(&format!("{m}-01"))
                    .ok_or_else(|| anyhow::anyhow!("tháng \"{m}\" không hợp lệ (YYYY-MM)"))?,
                None => today,
            };
            fn render(r: &impl report::Document, format: ReportFormat) -> String {
                match format {
                    ReportFormat::Txt => r.to_text(),
                    ReportFormat::Csv => r.to_csv(),
                    ReportFormat::Json => r.to_json(),
                }
            }
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
        Some(Command::Backup { list: true, .. }) => {
            let backups = crate::store::list_backups(&dir.join("backups"))?;
            if backups.is_empty() {
                println!("chưa có bản sao lưu nào trong {}", dir.join("backups").display());
            }
            for b in backups {
                println!(
                    "{}  {:>8} KiB  {}",
                    b.taken.format("%d/%m/%Y %H:%M:%S"),
                    b.bytes / 1024,
                    b.path.display()
                );
            }
            Ok(())
        }
        Some(Command::Backup { file, .. }) => {
            let store = open(&dir)?;
            let path = match file {
                Some(f) => {
                    write_atomic(&f, Backup::take(&store, now)?.to_json().as_bytes())
                        .with_context(|| format!("không ghi được {}", f.display()))?;
                    f
                }
                None => backup_to_dir(&store, &dir, now)?,
            };
            println!("{}", path.display());
            Ok(())
        }
        Some(Command::Restore { file, latest, force }) => {
            let file = match file {
                Some(f) => f,
                None => {
                    debug_assert!(latest);
                    match crate::store::list_backups(&dir.join("backups"))?.into_iter().next() {
                        Some(b) => b.path,
                        None => bail!("không có bản sao lưu nào trong {}", dir.join("backups").display()),
                    }
                }
            };
            let bytes = std::fs::read(&file).with_context(|| format!("không đọc được {}", file.display()))?;
            let backup = Backup::parse_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let store = match open(&dir) {
                // a database that cannot be read is moved aside, never deleted
                Err(e)
                    if force
                        && matches!(
                            e.downcast_ref::<StoreError>(),
                            Some(StoreError::Corrupt { .. } | StoreError::Io(_))
                        ) =>
                {
                    let stamp = now.format("%Y%m%d-%H%M%S");
                    let aside = (0..)
                        .map(|n| match n {
                            0 => dir.join(format!("db.broken-{stamp}")),
                            n => dir.join(format!("db.broken-{stamp}-{n}")),
                        })
                        .find(|p| !p.exists())
                        .unwrap_or_else(|| dir.join("db.broken"));
                    if dir.join("db").exists() {
                        std::fs::rename(dir.join("db"), &aside)
                            .with_context(|| format!("không đổi tên được {}", dir.join("db").display()))?;
                    }
                    // a new database is about to receive the backup
                    let _ = std::fs::remove_file(dir.join(crate::store::MARKER));
                    eprintln!("dữ liệu hỏng được giữ lại ở {}", aside.display());
                    open(&dir)?
                }
                other => other?,
            };
            make_room(&store, &dir, now, force)?;
            backup.restore_into(&store)?;
            println!("đã khôi phục {} bản ghi từ {}", backup.record_count(), file.display());
            Ok(())
        }
        Some(Command::Check) => check(&dir),
        Some(Command::Keymap {
            what: KeymapWhat::Check { file },
        }) => {
            let path = file.unwrap_or_else(crate::config::keymap_path);
            let text = std::fs::read_to_string(&path).with_context(|| format!("không đọc được {}", path.display()))?;
            let (_, errors) = Keymap::with_user(&text);
            if errors.is_empty() {
                println!("{}: hợp lệ / valid", path.display());
                Ok(())
            } else {
                for e in &errors {
                    eprintln!("{}:{e}", path.display());
                }
                bail!("{} lỗi trong {}", errors.len(), path.display())
            }
        }
        Some(Command::Keymap { what: KeymapWhat::Show }) => {
            let (map, warning) = crate::config::keymap(lang);
            let path = crate::config::keymap_path();
            let state = if path.exists() {
                "đang dùng / in use"
            } else {
                "chưa có / not present"
            };
            println!("# tệp phím của người dùng / user keymap: {} ({state})", path.display());
            if let Some(w) = warning {
                println!("# {w}");
            }
            print!("{}", map.to_toml());
            Ok(())
        }
    }
}

fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => write_atomic(path, bytes).with_context(|| format!("không ghi được {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// Before replacing the data: refuses unless it is empty or `force` is given, and then
/// backs it up first. Returns whether there was data.
fn make_room(store: &SledStore, dir: &Path, now: NaiveDateTime, force: bool) -> Result<bool> {
    if store.is_empty()? {
        return Ok(false);
    }
    if !force {
        bail!(
            "dữ liệu ở {} không trống; dùng --force để thay (dữ liệu hiện tại được sao lưu trước)",
            dir.display()
        );
    }
    let saved = backup_to_dir(store, dir, now)?;
    eprintln!("đã sao lưu dữ liệu hiện tại vào {}", saved.display());
    Ok(true)
}

/// Writes a backup into `<data dir>/backups/` and returns its path.
fn backup_to_dir(store: &dyn Store, dir: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    Ok(crate::store::backup_into(store, &dir.join("backups"), now)?)
}

fn check(dir: &Path) -> Result<()> {
    let store = open(dir)?;
    let branch = store.branch()?;
    let list = store.members()?;
    let on_roster = list.iter().filter(|m| m.activity.on_roster()).count();
    let audit = store.audit()?.len();
    let mut ids = std::collections::HashSet::new();
    for m in &list {
        if !ids.insert(m.id) {
            bail!("hai đảng viên cùng mã {}", m.id.0);
        }
        m.validate()
            .map_err(|e| anyhow::anyhow!("đảng viên {} (mã {}): {e}", m.full_name(), m.id.0))?;
    }
    println!("dữ liệu: {}", dir.display());
    println!("lược đồ: {}", store.schema_version()?.unwrap_or(0));
    println!(
        "chi bộ: {}",
        branch.map(|b| b.name).unwrap_or_else(|| "(chưa có)".into())
    );
    println!("đảng viên: {} (trong danh sách {on_roster})", list.len());
    println!("cuộc họp: {}", store.meetings()?.len());
    println!("nghị quyết: {}", store.resolutions()?.len());
    println!("nhiệm vụ: {}", store.tasks()?.len());
    println!("nhật ký: {audit}");
    println!("dung lượng: {} KiB", store.size_on_disk()? / 1024);
    println!("kết quả: tốt");
    Ok(())
}
