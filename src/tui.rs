//! The terminal: raw mode and alternate screen, an input thread, and the loop that
//! drains every queued event before drawing once. No tick: an idle chibo sleeps.

mod backend;
mod input;
pub mod sgr;

use std::io::{self, Stdout, Write};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use crate::app::{App, Effect};

type Term = Terminal<backend::FastBackend<sgr::Output<Stdout>>>;

/// The longest typing waits before it is written: half the promised second, so that the
/// write and its flush finish inside it even on a busy, slow laptop.
const SAVE_AFTER: Duration = Duration::from_millis(500);
/// After a failed write (a full disk), the next try.
const RETRY_AFTER: Duration = Duration::from_secs(3);
/// The meeting clock's step.
const TICK: Duration = Duration::from_secs(1);

/// `basic`: the 8 colours of a limited terminal, sent as the basic codes.
fn setup(basic: bool) -> io::Result<Term> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(backend::FastBackend::new(sgr::Output::new(
        io::stdout(),
        basic,
    )))
}

/// Draws a frame, the lists told first how many rows the terminal's size gives them.
fn draw(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    app.set_list_rows(crate::ui::list_rows(app, size.width, size.height));
    terminal.draw(|f| crate::ui::render(app, f))?;
    report_mouse(app.mouse_wanted())
}

/// The terminal reports the mouse (its own selection of text then needs shift): set
/// after each frame from what the screen in front wants.
static MOUSE_REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Turns the terminal's mouse reports on or off: presses and the wheel only (1000),
/// in the SGR form (1006), never every movement.
fn report_mouse(on: bool) -> io::Result<()> {
    use std::sync::atomic::Ordering;
    if MOUSE_REPORTED.swap(on, Ordering::Relaxed) == on {
        return Ok(());
    }
    let mut out = io::stdout();
    out.write_all(if on {
        b"\x1b[?1000h\x1b[?1006h"
    } else {
        b"\x1b[?1006l\x1b[?1000l"
    })?;
    out.flush()
}

/// Puts the terminal back as it was. Safe to call twice.
pub fn restore() {
    let _ = report_mouse(false);
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// A panic restores the terminal first, so its message is readable and the shell
/// usable; everything saved is already in the store.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        eprintln!(
            "chibo stopped because of an internal error. Everything saved before this is kept."
        );
        previous(info);
    }));
}

/// Runs the application until the user quits.
/// A terminal that fails is named as such; data that cannot be saved is said in the
/// store's own words.
/// Work that waits for the first frame (the daily backup): started once it is drawn, and
/// finished (waited for) when the application closes, after the terminal is given back
/// and before the data is closed.
pub trait Background {
    fn start(&mut self);
    fn finish(&mut self);
}

/// Carries out what the application asked for — files to write, backups to take — and
/// reports each back on its message line (the loop calls it; tests stand in for the
/// loop). Whether there was anything.
pub fn carry_out(app: &mut App) -> bool {
    let effects = app.take_effects();
    let any = !effects.is_empty();
    for effect in effects {
        match effect {
            Effect::Write(w, done) => {
                let result = crate::export::file::write(&w);
                app.written(done, result);
            }
            Effect::Backup { dir, at, reason } => {
                let result = crate::store::auto_backup(app.store(), &dir, at, reason);
                app.backed_up(result.map(|_| ()));
            }
        }
    }
    any
}

pub fn run(mut app: App, background: &mut dyn Background) -> anyhow::Result<()> {
    use anyhow::Context;
    install_panic_hook();
    let basic = app.theme.colours == crate::ui::theme::Colours::Basic;
    let mut terminal = setup(basic).context("terminal")?;
    let (tx, rx) = mpsc::channel::<Arrived>();
    spawn_input(tx);
    let mut guard = Guard::default();
    let mut first_frame = None;
    let mut not_opened = None;
    let result = (|| -> io::Result<()> {
        draw(&mut terminal, &mut app)?;
        first_frame = Some(std::time::SystemTime::now());
        // drawn from the roster cache: the data is opened now and checked against it
        if let Err(e) = app.confirm_opened() {
            not_opened = Some(e);
            return Ok(());
        }
        background.start();
        // measuring start-up: `CHIBO_EXIT_AFTER_FIRST_FRAME=1 chibo` stops at the first
        // frame, `=loaded` once everything is loaded and drawn (for peak memory)
        let exit_after = std::env::var("CHIBO_EXIT_AFTER_FIRST_FRAME").ok();
        if exit_after.as_deref().is_some_and(|v| v != "loaded") {
            return Ok(());
        }
        // the roster is on screen; the rest loads while the user reads it (keys typed
        // meanwhile wait in the channel, in order)
        if let Err(e) = app.load_rest() {
            app.status = Some(crate::app::Status::Error(app.store_error(&e)));
        }
        draw(&mut terminal, &mut app)?;
        if exit_after.is_some() {
            return Ok(());
        }
        // typing is written at most a second after it happened, however fast it
        // comes; the meeting clock, when on screen, redraws once a second
        let mut save_by: Option<Instant> = None;
        loop {
            let now = Instant::now();
            if app.needs_save() {
                save_by.get_or_insert(now + SAVE_AFTER);
            }
            let mut wait = save_by.map(|t| t.saturating_duration_since(now));
            if app.wants_tick() {
                wait = Some(wait.map_or(TICK, |w| w.min(TICK)));
            }
            let first = match wait {
                Some(w) => match rx.recv_timeout(w) {
                    Ok(ev) => Some(ev),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                },
                None => match rx.recv() {
                    Ok(ev) => Some(ev),
                    Err(_) => break,
                },
            };
            let mut dirty = first.is_none(); // a tick redraws the clock
            if let Some(ev) = first {
                dirty |= guard.apply(&mut app, ev);
                while let Ok(ev) = rx.try_recv() {
                    dirty |= guard.apply(&mut app, ev);
                    if app.quit {
                        break;
                    }
                }
            }
            if app.quit {
                break;
            }
            if save_by.is_some_and(|t| Instant::now() >= t) {
                let failed_before = app.save_failed;
                if app.save_now().is_err() {
                    // the typing stays in memory and on screen; try again a little
                    // later rather than spin on a disk that is full
                    save_by = Some(Instant::now() + RETRY_AFTER);
                }
                // a failed save, or the first to succeed after one, changes the
                // message line
                dirty |= failed_before || app.save_failed;
            }
            if !app.needs_save() {
                save_by = None;
            }
            if dirty {
                draw(&mut terminal, &mut app)?;
            }
            // files asked for are written after the frame that says so (a PDF takes
            // LibreOffice a few seconds)
            if carry_out(&mut app) {
                terminal.draw(|f| crate::ui::render(&app, f))?;
            }
        }
        Ok(())
    })();
    if let Some(e) = not_opened {
        // said as it would have been had the data been opened before the terminal
        restore();
        return Err(e.into());
    }
    // what was asked for just before quitting (a backup after approval) is still done
    carry_out(&mut app);
    let flushed = app.shutdown();
    let rescue = flushed.is_err().then(|| app.unsaved_minutes()).flatten();
    restore();
    background.finish();
    report_first_frame(first_frame);
    if let Some((name, text)) = rescue {
        rescue_minutes(&app, &name, &text);
    }
    result.context("terminal")?;
    flushed.map_err(|e| anyhow::anyhow!(crate::app::store_error_text(&e, app.lang)))
}

/// Measuring start-up (`benches/first_frame.sh`): with `CHIBO_STARTED_NS` set to the
/// wall-clock nanoseconds just before chibo was started, says on standard error how long
/// the first frame took to reach the terminal, and the most memory the process has held
/// (Linux's `VmHWM`, what `/usr/bin/time` calls the maximum resident set), read once the
/// background work is finished.
fn report_first_frame(at: Option<std::time::SystemTime>) {
    let started = std::env::var("CHIBO_STARTED_NS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    let (Some(at), Some(started)) = (at, started) else {
        return;
    };
    let at = at
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let ms = at.saturating_sub(u128::from(started)) as f64 / 1e6;
    eprintln!("first frame {ms:.1} ms");
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .map(|v| v.trim().trim_end_matches("kB").trim().to_string())
        });
    if let Some(kb) = peak {
        eprintln!("peak memory {kb} kB");
    }
}

/// Keeps minutes the store would not take: in the data folder's `exports/` if it can
/// be written there, else in the system's temporary folder (owner-only), else on the
/// terminal, where they can be copied from.
fn rescue_minutes(app: &App, name: &str, text: &str) {
    use crate::i18n::Msg;
    let places = [app.data_dir.join("exports"), std::env::temp_dir()];
    for dir in places {
        let path = dir.join(name);
        // written owner-only from the start
        let written = crate::store::ensure_private_dir(&dir)
            .and_then(|()| crate::store::write_file_safely(&path, text.as_bytes()));
        if written.is_ok() {
            eprintln!(
                "{}",
                Msg::RescuedTo.fill(app.lang, &[("path", &path.display())])
            );
            return;
        }
    }
    eprintln!("{}\n", app.t(Msg::RescuedBelow));
    println!("{text}");
}

/// An event and when it came from the terminal.
type Arrived = (Instant, Event);

/// Starts the threads that read the terminal. Every event goes through `tx` in order.
#[cfg(unix)]
fn spawn_input(tx: mpsc::Sender<Arrived>) {
    use std::io::{IsTerminal, Read};
    let (bytes_tx, bytes_rx) = mpsc::channel::<Vec<u8>>();
    // reads only: whatever the terminal sends, as it comes
    thread::spawn(move || {
        let mut source: Box<dyn Read> = if io::stdin().is_terminal() {
            Box::new(io::stdin())
        } else {
            match std::fs::File::open("/dev/tty") {
                Ok(f) => Box::new(f),
                Err(_) => return,
            }
        };
        let mut buf = [0u8; 8192];
        loop {
            match source.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if bytes_tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    });
    // parses: waits for the rest of a sequence only as long as `input` says
    let keys_tx = tx.clone();
    thread::spawn(move || {
        let mut parser = input::Parser::default();
        let mut out = Vec::new();
        loop {
            let got = match parser.wait() {
                Some(w) => match bytes_rx.recv_timeout(w) {
                    Ok(b) => Some(b),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                },
                None => match bytes_rx.recv() {
                    Ok(b) => Some(b),
                    Err(_) => break,
                },
            };
            match got {
                Some(bytes) => parser.feed(&bytes, &mut out),
                None => parser.idle(&mut out),
            }
            let at = Instant::now();
            for ev in out.drain(..) {
                if keys_tx.send((at, ev)).is_err() {
                    return;
                }
            }
        }
    });
    // a resized window
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH]) {
        thread::spawn(move || {
            for _ in signals.forever() {
                let (w, h) = crossterm::terminal::size().unwrap_or((0, 0));
                if tx.send((Instant::now(), Event::Resize(w, h))).is_err() {
                    break;
                }
            }
        });
    }
}

/// Elsewhere the console hands over events, not bytes.
#[cfg(not(unix))]
fn spawn_input(tx: mpsc::Sender<Arrived>) {
    thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if tx.send((Instant::now(), ev)).is_err() {
                break;
            }
        }
    });
}

/// How long after a paste, or after a dialog that ends a meeting or approves minutes
/// opened, keys cannot answer it: what a paste or fast typing carried is not a decision.
const DELIBERATE_AFTER: Duration = Duration::from_millis(300);

/// Keeps pasted text and typing from answering a deliberate dialog.
#[derive(Default)]
struct Guard {
    last_paste: Option<Instant>,
    /// When the deliberate dialog on screen opened.
    opened: Option<Instant>,
}

impl Guard {
    fn recent(at: Instant, since: Option<Instant>) -> bool {
        since.is_some_and(|t| at < t + DELIBERATE_AFTER)
    }

    fn apply(&mut self, app: &mut App, (at, ev): Arrived) -> bool {
        let dirty = match ev {
            Event::Key(key) => {
                if app.deliberate()
                    && (Self::recent(at, self.opened) || Self::recent(at, self.last_paste))
                {
                    return false;
                }
                input::key_of(&key).is_some_and(|k| app.handle(k))
            }
            Event::Paste(text) => {
                self.last_paste = Some(at);
                app.paste(&text)
            }
            Event::Resize(width, height) => {
                app.resize(width, height);
                true
            }
            Event::Mouse(m) => input::mouse(m)
                .is_some_and(|m| app.mouse(m, crate::ui::target(app, m.column, m.row))),
            _ => false,
        };
        match (app.deliberate(), self.opened) {
            (true, None) => {
                // a key that came with a paste opened it: that was the paste's doing
                if Self::recent(at, self.last_paste) {
                    app.refuse_deliberate();
                } else {
                    self.opened = Some(Instant::now());
                }
            }
            (false, Some(_)) => self.opened = None,
            _ => {}
        }
        dirty
    }
}
