//! The settings files of the config directory (`config.toml`, `keymap.toml`,
//! `agenda.toml`, `categories.toml`, `holidays.toml`, `dues.toml`, `evaluation.toml`, `candidates.toml`),
//! read one way: only a regular
//! file of at most 1 MB is read; a file that is broken, too large or not a file is
//! reported (where it is, what is wrong) and the defaults stand in for it whole, but
//! for the keymap, where a wrong entry alone is skipped and the rest applies.
//! What a file means is its domain's: the keymap, the agenda templates and the
//! holiday calendar parse their own text.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::calendar::WorkCalendar;
use crate::domain::dues::Rates;
use crate::domain::meeting::Templates;
use crate::i18n::{Lang, Msg};
use crate::keymap::{Keymap, line_col};

/// The largest settings file read: a settings file is a few kilobytes.
pub const MAX_BYTES: u64 = 1_000_000;

pub const CONFIG: &str = "config.toml";
pub const KEYMAP: &str = "keymap.toml";
pub const AGENDA: &str = "agenda.toml";
pub const CATEGORIES: &str = "categories.toml";
pub const HOLIDAYS: &str = "holidays.toml";
pub const DUES: &str = "dues.toml";
pub const EVALUATION: &str = "evaluation.toml";
pub const CANDIDATES: &str = "candidates.toml";

/// What is wrong with a settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Not a regular file (a folder, a device, a pipe, a link to one).
    NotAFile,
    TooLarge(u64),
    Unreadable(String),
    UnknownLang(String),
    EmptyCategories,
    /// What the parser said (TOML's words, or the domain's).
    Invalid(String),
}

/// One problem of one settings file; `line` and `column` (1-based) are 0 when the
/// problem is the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub reason: Reason,
    /// The problem is one entry's (of the keymap): that entry is skipped and the rest
    /// of the file applies. Otherwise the whole file is ignored.
    pub entry: bool,
}

impl Problem {
    fn whole(path: &Path, reason: Reason) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            reason,
            entry: false,
        }
    }

    fn at(path: &Path, (line, column): (usize, usize), reason: Reason) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line,
            column,
            reason,
            entry: false,
        }
    }

    /// A parser's error; TOML's own, when the text is not even TOML, has a position.
    fn parse(path: &Path, text: &str, e: &toml::de::Error) -> Problem {
        let at = e.span().map_or((0, 0), |s| line_col(text, s.start));
        Problem::at(path, at, Reason::Invalid(e.message().trim().to_string()))
    }

    /// The problem in one line, and what chibo does about it: `file:line:column: what
    /// is wrong — the defaults are used` (or, for one entry, `— this entry is skipped`).
    pub fn text(&self, lang: Lang) -> String {
        let msg = if self.entry {
            Msg::SettingsEntrySkipped
        } else {
            Msg::SettingsIgnored
        };
        msg.fill(lang, &[("problem", &self.what(lang))])
    }

    /// Where and what: `file:line:column: what is wrong`.
    pub fn what(&self, lang: Lang) -> String {
        let place = if self.line > 0 {
            format!("{}:{}:{}", self.path.display(), self.line, self.column)
        } else {
            self.path.display().to_string()
        };
        let err = match &self.reason {
            Reason::NotAFile => Msg::SettingsNotAFile.get(lang).to_string(),
            Reason::TooLarge(size) => {
                Msg::SettingsTooLarge.fill(lang, &[("size", size), ("max", &MAX_BYTES)])
            }
            Reason::Unreadable(e) => Msg::SettingsUnreadable.fill(lang, &[("err", e)]),
            Reason::UnknownLang(l) => Msg::SettingsUnknownLang.fill(lang, &[("lang", l)]),
            Reason::EmptyCategories => Msg::SettingsEmptyCategories.get(lang).to_string(),
            Reason::Invalid(e) => e.clone(),
        };
        format!("{place}: {err}")
    }
}

/// Everything the settings files say, with the defaults for each file that is
/// missing or broken.
pub struct Settings {
    /// `lang` of `config.toml`.
    pub lang: Option<Lang>,
    /// `ascii = true` in `config.toml`: the limited theme, as `--ascii`.
    pub ascii: bool,
    /// `mouse` and `mouse_in_console` of `config.toml`.
    pub mouse: crate::app::mouse::Mouse,
    pub keymap: Keymap,
    pub templates: Templates,
    pub categories: Vec<String>,
    pub calendar: WorkCalendar,
    /// The dues rates and shares of `dues.toml`.
    pub dues: Rates,
    /// The grading rules of `evaluation.toml`.
    pub evaluation: crate::domain::evaluation::Rules,
    /// The candidates' steps and time limits of `candidates.toml`.
    pub candidates: crate::domain::candidates::Rules,
    /// What was wrong, file by file, in the order above.
    pub problems: Vec<Problem>,
}

impl Settings {
    /// Reads every settings file of `dir`.
    pub fn load(dir: &Path) -> Settings {
        let mut problems = Vec::new();
        let config = parsed(dir, CONFIG, &mut problems, parse_config).unwrap_or_default();
        Settings {
            lang: config.lang,
            ascii: config.ascii,
            mouse: config.mouse,
            keymap: user_keymap(dir, &mut problems),
            templates: parsed(dir, AGENDA, &mut problems, parse_agenda)
                .unwrap_or_else(Templates::shipped),
            categories: parsed(dir, CATEGORIES, &mut problems, parse_categories)
                .unwrap_or_else(default_categories),
            calendar: parsed(dir, HOLIDAYS, &mut problems, parse_holidays)
                .unwrap_or_else(WorkCalendar::vietnam),
            dues: parsed(dir, DUES, &mut problems, parse_dues).unwrap_or_else(Rates::shipped),
            evaluation: parsed(dir, EVALUATION, &mut problems, parse_evaluation)
                .unwrap_or_else(crate::domain::evaluation::Rules::shipped),
            candidates: parsed(dir, CANDIDATES, &mut problems, parse_candidates)
                .unwrap_or_else(crate::domain::candidates::Rules::shipped),
            problems,
        }
    }
}

/// A settings file's text; `None` when there is no such file. Anything but a regular
/// file (followed through links) is refused before it is opened, so a link to a
/// device or a pipe is neither read nor waited on; at most `MAX_BYTES` are read.
pub fn read(path: &Path) -> Result<Option<String>, Problem> {
    let unreadable =
        |e: std::io::Error| Problem::whole(path, Reason::Unreadable(e.kind().to_string()));
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        // a dangling link is a mistake worth telling; no file at all is the default
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(path).is_err() =>
        {
            return Ok(None);
        }
        Err(e) => return Err(unreadable(e)),
    };
    if !meta.is_file() {
        return Err(Problem::whole(path, Reason::NotAFile));
    }
    if meta.len() > MAX_BYTES {
        return Err(Problem::whole(path, Reason::TooLarge(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // the file may have been swapped or grown since it was looked at
    if !file.metadata().map_err(unreadable)?.is_file() {
        return Err(Problem::whole(path, Reason::NotAFile));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Problem::whole(path, Reason::TooLarge(bytes.len() as u64)));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Problem::whole(path, Reason::Invalid("not UTF-8 text".into())))
}

/// What the file `name` of `dir` says, by `parse`; `None` when there is no such file or
/// it is refused (its problems noted).
fn parsed<T>(
    dir: &Path,
    name: &str,
    problems: &mut Vec<Problem>,
    parse: fn(&Path, &str) -> Result<T, Vec<Problem>>,
) -> Option<T> {
    let path = dir.join(name);
    let refused = match read(&path) {
        Ok(None) => return None,
        Ok(Some(text)) => match parse(&path, &text) {
            Ok(value) => return Some(value),
            Err(p) => p,
        },
        Err(p) => vec![p],
    };
    problems.extend(refused);
    None
}

/// What `config.toml` says.
#[derive(Debug, Default)]
struct Config {
    lang: Option<Lang>,
    ascii: bool,
    mouse: crate::app::mouse::Mouse,
}

/// `config.toml`: `lang = "vi"` or `"en"`, `ascii = true`, `mouse = false`,
/// `mouse_in_console = true`.
fn parse_config(path: &Path, text: &str) -> Result<Config, Vec<Problem>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        lang: Option<toml::Spanned<String>>,
        #[serde(default)]
        ascii: bool,
        mouse: Option<bool>,
        mouse_in_console: Option<bool>,
    }
    let file: File = toml::from_str(text).map_err(|e| vec![Problem::parse(path, text, &e)])?;
    let lang = match file.lang {
        None => None,
        Some(l) => match Lang::parse(l.get_ref()) {
            Some(lang) => Some(lang),
            None => {
                return Err(vec![Problem::at(
                    path,
                    line_col(text, l.span().start),
                    Reason::UnknownLang(l.into_inner()),
                )]);
            }
        },
    };
    let shipped = crate::app::mouse::Mouse::default();
    Ok(Config {
        lang,
        ascii: file.ascii,
        mouse: crate::app::mouse::Mouse {
            on: file.mouse.unwrap_or(shipped.on),
            in_console: file.mouse_in_console.unwrap_or(shipped.in_console),
        },
    })
}

/// `keymap.toml`, merged over the defaults: a wrong entry is skipped (and reported),
/// the rest of the file applies; a file that is not TOML is ignored whole.
fn user_keymap(dir: &Path, problems: &mut Vec<Problem>) -> Keymap {
    let path = dir.join(KEYMAP);
    let text = match read(&path) {
        Ok(None) => return Keymap::defaults(),
        Ok(Some(text)) => text,
        Err(p) => {
            problems.push(p);
            return Keymap::defaults();
        }
    };
    let (map, errors, applied) = Keymap::user_file(&text);
    problems.extend(errors.into_iter().map(|e| Problem {
        entry: applied,
        ..Problem::at(&path, (e.line, e.column), Reason::Invalid(e.message))
    }));
    map
}

/// `agenda.toml`, read by the domain: the shipped templates with the user's kinds.
fn parse_agenda(path: &Path, text: &str) -> Result<Templates, Vec<Problem>> {
    Templates::with_user(text).map_err(|e| vec![domain_problem(path, text, &e)])
}

/// `holidays.toml`, read by the domain: added to the shipped calendar.
fn parse_holidays(path: &Path, text: &str) -> Result<WorkCalendar, Vec<Problem>> {
    let mut calendar = WorkCalendar::vietnam();
    calendar
        .add_toml(text)
        .map_err(|e| vec![domain_problem(path, text, &e)])?;
    Ok(calendar)
}

/// `dues.toml`, read by the domain: the shipped rates with the user's values.
fn parse_dues(path: &Path, text: &str) -> Result<Rates, Vec<Problem>> {
    Rates::with_user(text).map_err(|e| vec![domain_problem(path, text, &e)])
}

/// `evaluation.toml`, read by the domain: the shipped grading rules with the user's.
fn parse_evaluation(
    path: &Path,
    text: &str,
) -> Result<crate::domain::evaluation::Rules, Vec<Problem>> {
    crate::domain::evaluation::Rules::with_user(text).map_err(|e| {
        vec![Problem::at(
            path,
            (e.line, e.column),
            Reason::Invalid(e.message),
        )]
    })
}

/// `candidates.toml`, read by the domain: the shipped steps and limits with the user's.
fn parse_candidates(
    path: &Path,
    text: &str,
) -> Result<crate::domain::candidates::Rules, Vec<Problem>> {
    crate::domain::candidates::Rules::with_user(text)
        .map_err(|e| vec![domain_problem(path, text, &e)])
}

/// `categories.toml`: `categories = ["…", …]`, replacing the shipped list.
fn parse_categories(path: &Path, text: &str) -> Result<Vec<String>, Vec<Problem>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        categories: Vec<String>,
    }
    let file: File = toml::from_str(text).map_err(|e| vec![Problem::parse(path, text, &e)])?;
    let list: Vec<String> = file
        .categories
        .iter()
        .map(|c| crate::domain::text::clean(c))
        .filter(|c| !c.is_empty())
        .collect();
    if list.is_empty() {
        return Err(vec![Problem::whole(path, Reason::EmptyCategories)]);
    }
    Ok(list)
}

fn default_categories() -> Vec<String> {
    crate::domain::task::DEFAULT_CATEGORIES
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// A domain parser's refusal. Text that is not TOML at all is located by TOML itself;
/// otherwise the domain's message stands, with the position TOML gave it when it
/// carries one ("TOML parse error at line L, column C" … message).
fn domain_problem(path: &Path, text: &str, message: &str) -> Problem {
    if let Err(e) = text.parse::<toml::Table>() {
        return Problem::parse(path, text, &e);
    }
    let position = message
        .lines()
        .next()
        .and_then(|first| first.strip_prefix("TOML parse error at line "))
        .and_then(|rest| rest.split_once(", column "))
        .and_then(|(line, column)| Some((line.parse().ok()?, column.trim().parse().ok()?)));
    match position {
        Some(at) => {
            let last = message
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or(message);
            Problem::at(path, at, Reason::Invalid(last.trim().to_string()))
        }
        None => Problem::whole(path, Reason::Invalid(message.trim().to_string())),
    }
}
