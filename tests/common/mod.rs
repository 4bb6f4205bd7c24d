//! Helpers shared by the flow tests: an `App` over an in-memory store and a fixed
//! clock, keys typed as a user would, and the screen as text.

#![allow(dead_code)]

pub mod tty;

use chibo::app::{App, FixedClock, Options};
use chibo::export::members;
use chibo::i18n::Lang;
use chibo::keymap::Key;
use chibo::store::{MemoryStore, Records, Store};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/fixtures/roster-khu-pho-3.csv"
);

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub fn options(lang: Lang) -> Options {
    Options {
        lang,
        clock: Box::new(FixedClock(today().and_hms_opt(19, 30, 0).unwrap())),
        data_dir: "/home/bithu/.local/share/chibo".into(),
        ..Options::default()
    }
}

/// A store holding the fixture roster and the branch.
pub fn fixture_store() -> MemoryStore {
    let store = MemoryStore::new();
    store.check_schema().unwrap();
    let bytes = std::fs::read(FIXTURE).expect("the shared fixture roster");
    let mut parsed = members::parse(&bytes, &[]).unwrap().members;
    store
        .import_members(&mut parsed, today().and_hms_opt(8, 0, 0).unwrap())
        .unwrap();
    store.save_branch(&chibo::demo::branch()).unwrap();
    store
}

pub fn fixture_app() -> App {
    App::new(Box::new(fixture_store()), options(Lang::Vi)).unwrap()
}

pub fn empty_app() -> App {
    App::new(Box::new(MemoryStore::new()), options(Lang::Vi)).unwrap()
}

/// A demo branch of `members` members over two years (seed 3) without colours, in
/// Vietnamese: the selection is what is drawn reversed.
pub fn demo_app(members: usize) -> App {
    let store = std::sync::Arc::new(MemoryStore::new());
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    chibo::demo::generate(
        store.as_ref(),
        &chibo::demo::DemoOptions {
            members,
            years: 2,
            seed: 3,
        },
        today(),
        now,
    )
    .unwrap();
    App::new(
        Box::new(store),
        Options {
            theme: chibo::ui::Theme {
                colours: chibo::ui::theme::Colours::None,
                ascii: false,
            },
            ..options(Lang::Vi)
        },
    )
    .unwrap()
}

/// Presses keys written in keymap notation, separated by spaces: "n", "ctrl-s", "tab".
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let key = Key::parse(k).unwrap_or_else(|e| panic!("{k}: {e}"));
        app.handle(key);
    }
}

/// Types text one character at a time, as a terminal delivers it.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Key::parse(&c.to_string()).unwrap_or(Key::plain(chibo::keymap::Code::Char(c))));
    }
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| chibo::ui::render(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Where the terminal cursor is after drawing (None when hidden).
pub fn cursor(app: &App, w: u16, h: u16) -> Option<(u16, u16)> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| chibo::ui::render(app, f)).unwrap();
    let backend = terminal.backend();
    backend.cursor_visible().then(|| {
        let p = backend.cursor_position();
        (p.x, p.y)
    })
}

pub fn stored_names(store: &dyn Store) -> Vec<String> {
    let mut ms = store.members().unwrap();
    ms.sort_by_cached_key(|m| m.sort_key());
    ms.iter().map(|m| m.full_name()).collect()
}

/// A clock the test moves forward, shared with the `App` that reads it.
#[derive(Clone)]
pub struct TestClock(pub std::sync::Arc<std::sync::Mutex<chrono::NaiveDateTime>>);

impl TestClock {
    pub fn on(d: NaiveDate, h: u32, m: u32) -> TestClock {
        TestClock(std::sync::Arc::new(std::sync::Mutex::new(
            d.and_hms_opt(h, m, 0).unwrap(),
        )))
    }

    pub fn advance(&self, minutes: i64) {
        let mut t = self.0.lock().unwrap();
        *t += chrono::Duration::minutes(minutes);
    }
}

impl chibo::app::Clock for TestClock {
    fn now(&self) -> chrono::NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

/// An application over a shared store and a test clock (a test can reopen it).
pub fn app_over(store: std::sync::Arc<MemoryStore>, clock: &TestClock) -> App {
    let options = Options {
        clock: Box::new(clock.clone()),
        ..options(Lang::Vi)
    };
    App::new(Box::new(store), options).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day of the December meeting the meeting tests hold.
pub fn meeting_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

/// Plans the December regular meeting with place and guests, and starts it.
pub fn plan_and_start(app: &mut App) {
    press(app, "2 n tab tab tab tab");
    type_text(app, "Nhà văn hóa Khu phố 3");
    press(app, "tab tab tab");
    type_text(app, "đồng chí Lê Văn Sáu, Đảng ủy viên phường");
    press(app, "ctrl-s");
    assert!(app.overlays.is_empty(), "the plan is saved");
    press(app, "s");
    assert!(app.meetings.console.is_some(), "the console is open");
}

/// A test's prerequisite (tmux, the right to mount): such a test is `#[ignore]`d, so
/// `cargo test` lists it as ignored with the reason, and it runs when asked for
/// (`cargo test -- --include-ignored`, as CI does), where a missing prerequisite fails
/// it: a test never passes having checked nothing.
pub fn require(present: bool, what: &str, how: &str) {
    assert!(present, "{what} is missing, and this test needs it: {how}");
}

/// How long a stopped chibo may still hold its data: a killed process, or sled's own
/// threads in this process, let go of the files a moment after they end.
const RELEASE: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens the sled store on `data` once whoever held it has let go (up to 10 s).
pub fn open_when_free(data: &std::path::Path) -> chibo::store::SledStore {
    let until = std::time::Instant::now() + RELEASE;
    loop {
        match chibo::store::SledStore::open(data) {
            Ok(store) => return store,
            Err(e) if std::time::Instant::now() > until => panic!("the data reopens: {e}"),
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

/// Runs the chibo binary as `chibo` does, again while it answers that the data is
/// open in another window (a chibo just killed has not let go yet), for up to 10 s.
pub fn chibo_when_free(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let in_use = chibo::i18n::Msg::ErrInUse.fill(Lang::Vi, &[("dir", &data.display())]);
    let until = std::time::Instant::now() + RELEASE;
    loop {
        let out = chibo(data, args);
        let held = !out.status.success() && String::from_utf8_lossy(&out.stderr).contains(&in_use);
        if !held || std::time::Instant::now() > until {
            return out;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Runs the chibo binary on `data` with today fixed, as a script would; a run that has
/// not ended after 180 s is a hang, and fails the test (a debug build importing
/// thousands of members takes 40 s on two busy cores).
pub fn chibo(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", data)
        .env("CHIBO_CONFIG_DIR", data.join("no-config"))
        .env("CHIBO_TODAY", "2026-11-22")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chibo");
    // the pipes are read on threads, so a long output cannot stall the child
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            pipe.read_to_end(&mut v).unwrap();
            v
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("chibo {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}
