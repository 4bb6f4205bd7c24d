//! The settings files, read one way: the valid fixtures take effect; each broken
//! fixture is reported with its file, line and column in exact words while the
//! defaults stand in for it; what is not a regular file, or is over 1 MB, is refused
//! unread. The command line says so on stderr and goes on (exit 0); the application
//! keeps the warning on its message line until it is dismissed.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chibo::command::Section;
use chibo::domain::dues::Rates;
use chibo::domain::meeting::{MeetingKind, Templates};
use chibo::i18n::Lang;
use chibo::keymap::{Key, Keymap, Lookup};
use chibo::settings::Settings;
use common::*;

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/settings")
        .join(sub)
}

fn texts(settings: &Settings, lang: Lang) -> Vec<String> {
    settings.problems.iter().map(|p| p.text(lang)).collect()
}

fn default_categories() -> Vec<String> {
    chibo::domain::task::DEFAULT_CATEGORIES
        .iter()
        .map(|c| c.to_string())
        .collect()
}

#[test]
fn every_valid_file_is_read_and_takes_effect() {
    let s = Settings::load(&fixtures("valid"));
    assert_eq!(texts(&s, Lang::En), Vec::<String>::new());
    assert_eq!(s.lang, Some(Lang::En));
    assert!(s.ascii, "ascii = true chooses the limited theme");
    assert_eq!(
        s.keymap
            .resolve(Section::Roster, &[], Key::parse("z").unwrap()),
        Lookup::Action(chibo::command::Action::New)
    );
    let titles: Vec<String> = s
        .templates
        .agenda(MeetingKind::Regular)
        .iter()
        .map(|i| i.title.clone())
        .collect();
    assert_eq!(titles, ["Khai mạc", "Nghị quyết tháng"]);
    assert_eq!(
        s.templates.agenda(MeetingKind::Thematic),
        Templates::shipped().agenda(MeetingKind::Thematic),
        "the kinds the file does not name keep the shipped agenda"
    );
    assert_eq!(s.categories, ["Dân vận", "Khuyến học"]);
    assert!(s.calendar.is_decided(2030));
    assert!(
        !s.calendar.is_working_day(day(2030, 1, 2)),
        "a Wednesday made a day off"
    );
    assert_eq!(s.dues.branch_keeps_percent, 50.0);
    assert_eq!(s.dues.other_amount, 2000);
    assert_eq!(
        s.dues.salary_percent,
        Rates::shipped().salary_percent,
        "what the file does not name stays"
    );
    assert_eq!(s.candidates.warn_days, 14);
    assert_eq!(
        s.candidates.limits,
        [chibo::domain::candidates::Limit {
            step: chibo::domain::candidates::Step::Ceremony,
            after: chibo::domain::candidates::Step::Decision,
            span: chibo::domain::candidates::Span::Days(45),
        }],
        "the file's limits replace the shipped ones"
    );
    assert_eq!(
        s.candidates.steps,
        chibo::domain::candidates::Rules::shipped().steps
    );
}

/// What stands when a file is ignored: the part of the settings it would have set.
#[derive(Clone, Copy)]
enum Part {
    Lang,
    Keymap,
    Agenda,
    Categories,
    Holidays,
    Dues,
    Candidates,
}

#[test]
fn each_broken_file_is_reported_with_its_place_and_its_defaults_stand() {
    let cases: &[(&str, Part, &str)] = &[
        (
            "config-unknown-lang",
            Part::Lang,
            "config.toml:1:8: unknown language \"fr\" (vi or en)",
        ),
        (
            "config-misspelt",
            Part::Lang,
            "config.toml:1:1: unknown field `lnag`, expected one of `lang`, `ascii`, `mouse`, `mouse_in_console`",
        ),
        (
            "config-not-toml",
            Part::Lang,
            "config.toml:1:8: string values must be quoted, expected literal string",
        ),
        (
            "keymap-not-toml",
            Part::Keymap,
            "keymap.toml:1:8: unclosed table, expected `]`",
        ),
        (
            "agenda-unknown-kind",
            Part::Agenda,
            "agenda.toml:2:8: unknown kind of meeting \"party\"",
        ),
        (
            "agenda-wrong-type",
            Part::Agenda,
            "agenda.toml:3:9: invalid type: integer `3`, expected a sequence",
        ),
        (
            "agenda-not-toml",
            Part::Agenda,
            "agenda.toml:1:12: unclosed array table, expected `]`",
        ),
        (
            "categories-empty",
            Part::Categories,
            "categories.toml: the list of categories is empty",
        ),
        (
            "categories-wrong-type",
            Part::Categories,
            "categories.toml:1:14: invalid type: string \"Dân vận\", expected a sequence",
        ),
        (
            "holidays-bad-date",
            Part::Holidays,
            "holidays.toml:3:13: not a date: \"31/02/2030\"",
        ),
        (
            "holidays-lunar-month",
            Part::Holidays,
            "holidays.toml:5:9: month = 13: a lunar month is 1 to 12",
        ),
        (
            "holidays-wrong-year",
            Part::Holidays,
            "holidays.toml:3:27: 01/01/2031 is not in the year 2030",
        ),
        (
            "holidays-not-toml",
            Part::Holidays,
            "holidays.toml:1:8: unclosed array table, expected `]`",
        ),
        (
            "dues-bad-rate",
            Part::Dues,
            "dues.toml:2:18: salary_percent = 150: a percentage is between 0 and 100",
        ),
        (
            "dues-wrong-type",
            Part::Dues,
            "dues.toml:1:16: invalid type: string \"5000\", expected i64",
        ),
        (
            "candidates-unknown-step",
            Part::Candidates,
            "candidates.toml:3:34: unknown step \"party\" (known: class, application, \
             background, verification, introduction, comments, vote, decision, ceremony)",
        ),
    ];
    let mut seen = Vec::new();
    for (case, part, expected) in cases {
        let dir = fixtures(&format!("invalid/{case}"));
        let s = Settings::load(&dir);
        assert_eq!(
            texts(&s, Lang::En),
            [format!(
                "{}/{expected} — this file is ignored, the defaults are used",
                dir.display()
            )],
            "{case}"
        );
        let defaults = match part {
            Part::Lang => s.lang.is_none(),
            Part::Keymap => s.keymap == Keymap::defaults(),
            Part::Agenda => MeetingKind::ALL
                .iter()
                .all(|k| s.templates.agenda(*k) == Templates::shipped().agenda(*k)),
            Part::Categories => s.categories == default_categories(),
            Part::Holidays => !s.calendar.is_decided(2030),
            Part::Dues => s.dues == Rates::shipped(),
            Part::Candidates => s.candidates == chibo::domain::candidates::Rules::shipped(),
        };
        assert!(defaults, "{case}: the defaults stand");
        seen.push(case.to_string());
    }
    // every fixture has its case
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures("invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    seen.sort();
    assert_eq!(on_disk, seen);
}

#[test]
fn what_is_not_a_regular_file_or_is_over_1_mb_is_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // a link to a device that never ends: looked at, never read
    std::os::unix::fs::symlink("/dev/zero", dir.join("config.toml")).unwrap();
    std::fs::create_dir(dir.join("keymap.toml")).unwrap();
    // a pipe: opening it to read would wait for a writer forever
    let fifo = Command::new("mkfifo")
        .arg(dir.join("agenda.toml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::fs::write(dir.join("categories.toml"), vec![b'#'; 1_000_001]).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.toml"), dir.join("holidays.toml")).unwrap();
    let s = Settings::load(dir);
    let d = dir.display();
    let ignored = "this file is ignored, the defaults are used";
    assert_eq!(
        texts(&s, Lang::En),
        [
            format!("{d}/config.toml: not a regular file — {ignored}"),
            format!("{d}/keymap.toml: not a regular file — {ignored}"),
            format!("{d}/agenda.toml: not a regular file — {ignored}"),
            format!("{d}/categories.toml: too large (1000001 bytes, at most 1000000) — {ignored}"),
            format!("{d}/holidays.toml: cannot be read (entity not found) — {ignored}"),
        ]
    );
    // exactly 1 MB is still a settings file
    std::fs::write(dir.join("categories.toml"), {
        let mut t = "categories = [\"Dân vận\"]\n".as_bytes().to_vec();
        t.resize(1_000_000, b'#');
        t
    })
    .unwrap();
    assert_eq!(Settings::load(dir).categories, ["Dân vận"]);
}

fn chibo_with_config(config: &Path, args: &[&str]) -> std::process::Output {
    let tmp = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", tmp.path().join("data"))
        .env("CHIBO_CONFIG_DIR", config)
        .env("CHIBO_TODAY", "2026-11-22")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_says_what_is_broken_in_one_line_and_goes_on_with_the_defaults() {
    let dir = fixtures("invalid/config-unknown-lang");
    let out = chibo_with_config(&dir, &["keymap", "show"]);
    assert!(out.status.success(), "exit 0");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "chibo: {}/config.toml:1:8: không có ngôn ngữ \"fr\" (vi hoặc en) — tệp này bị bỏ qua, dùng mặc định\n",
            dir.display()
        )
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&Keymap::defaults().to_toml()), "{stdout}");

    // a broken keymap entry is skipped: the rest of the file is in the map shown
    let dir = fixtures("entry/keymap-unknown-action");
    let out = chibo_with_config(&dir, &["--lang", "en", "keymap", "show"]);
    assert!(out.status.success(), "exit 0");
    let line = format!(
        "{}/keymap.toml:2:5: unknown action \"fly\" — this entry is skipped, the rest of the file applies",
        dir.display()
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("chibo: {line}\n")
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("# {line}\n")), "{stdout}");
    assert!(stdout.contains("\"x\"            = \"new\"\n"), "{stdout}");
    assert!(!stdout.contains("\"z\""), "{stdout}");

    // `keymap check` reads a file as safely
    let tmp = tempfile::tempdir().unwrap();
    let zero = tmp.path().join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let out = chibo_with_config(
        tmp.path(),
        &["--lang", "en", "keymap", "check", zero.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("chibo: {}: not a regular file\n", zero.display())
    );
}

#[test]
fn the_application_keeps_a_settings_warning_until_it_is_dismissed() {
    let broken = Settings::load(&fixtures("invalid/categories-empty"));
    let mut warnings: Vec<String> = broken.problems.iter().map(|p| p.text(Lang::Vi)).collect();
    warnings.push("Sao lưu hằng ngày không thành công".into());
    let options = chibo::app::Options {
        warnings,
        ..options(Lang::Vi)
    };
    let mut app = chibo::app::App::new(Box::new(fixture_store()), options).unwrap();
    let first = "categories.toml: danh sách nhóm việc trống — tệp này bị bỏ qua, dùng mặc định";
    // the message line wraps: read the screen as one text
    // (wrapping may fall anywhere, as the file's path is as long as the folder's)
    // and a path longer than the screen is broken inside a word: compare without any whitespace
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    let flat = |app: &chibo::app::App| squeeze(&screen(app, 80, 24));
    let first = &squeeze(first);
    assert!(flat(&app).contains(first), "{}", screen(&app, 80, 24));
    assert!(
        flat(&app).contains(&squeeze("(còn 1 cảnh báo)")),
        "{}",
        screen(&app, 80, 24)
    );
    assert!(
        flat(&app).contains(&squeeze("ctrl-x: đóng")),
        "{}",
        screen(&app, 80, 24)
    );
    // switching screens, moving, searching: it stays
    for keys in ["2", "3", "4", "1", "j j", "/"] {
        press(&mut app, keys);
        assert!(
            flat(&app).contains(first),
            "after {keys}:\n{}",
            screen(&app, 80, 24)
        );
    }
    press(&mut app, "esc ctrl-x");
    let shown = flat(&app);
    assert!(!shown.contains(first), "{shown}");
    assert!(
        shown.contains(&squeeze("Sao lưu hằng ngày không thành công ctrl-x: đóng")),
        "{shown}"
    );
    press(&mut app, "ctrl-x");
    assert!(
        !flat(&app).contains(&squeeze("ctrl-x: đóng")),
        "{}",
        screen(&app, 80, 24)
    );
    assert!(app.warnings.is_empty());
}

/// `ascii = true` in `config.toml` draws the application as `--ascii` does, even in a
/// terminal that could show more: ASCII borders, no box-drawing character.
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn ascii_in_the_config_draws_ascii_borders_as_the_option_does() {
    use common::tty::{self, Branch};
    tty::require();
    let branch = Branch::unfilled(&[]);
    let box_drawing = |screen: &str| {
        screen
            .chars()
            .any(|c| ('\u{2500}'..='\u{259F}').contains(&c))
    };
    std::fs::create_dir(&branch.cfg).unwrap();
    // without the setting, the same terminal gets the full theme
    let term = branch.start("ascii-off", (80, 24));
    assert!(term.wait_for("Tạo chi bộ mới", 10), "{}", term.screen());
    assert!(box_drawing(&term.screen()), "{}", term.screen());
    drop(term);
    std::fs::write(branch.cfg.join("config.toml"), "ascii = true\n").unwrap();
    let term = branch.start("ascii-on", (80, 24));
    assert!(term.wait_for("Tạo chi bộ mới", 10), "{}", term.screen());
    let screen = term.screen();
    assert!(!box_drawing(&screen), "{screen}");
    assert!(screen.contains("+---"), "{screen}");
}

/// A broken entry of `keymap.toml` is skipped: the warning names its file, line and
/// column and stays until dismissed, and the user's other keys work.
#[test]
fn a_broken_keymap_entry_is_shown_and_the_rest_of_the_keys_work() {
    let dir = fixtures("entry/keymap-unknown-action");
    let s = Settings::load(&dir);
    let options = chibo::app::Options {
        warnings: texts(&s, Lang::En),
        keymap: s.keymap,
        ..options(Lang::En)
    };
    let mut app = chibo::app::App::new(Box::new(fixture_store()), options).unwrap();
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    let warning = squeeze(&format!(
        "{}/keymap.toml:2:5: unknown action \"fly\" — this entry is skipped, the rest of the file applies",
        dir.display()
    ));
    for keys in ["2", "1"] {
        press(&mut app, keys);
        assert!(
            squeeze(&screen(&app, 80, 24)).contains(&warning),
            "after {keys}:\n{}",
            screen(&app, 80, 24)
        );
    }
    // `x`, the user's key for a new member, opens the form
    press(&mut app, "x");
    assert!(
        screen(&app, 80, 24).contains("New member"),
        "{}",
        screen(&app, 80, 24)
    );
    press(&mut app, "esc ctrl-x");
    assert!(app.warnings.is_empty());
    assert!(!squeeze(&screen(&app, 80, 24)).contains(&warning));
}
