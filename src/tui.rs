//! The terminal: raw mode and alternate screen, an input thread, and the loop that
//! drains every queued event before drawing once. No tick: an idle chibo sleeps.

use std::io::{self, Stdout};
use std::sync::mpsc;
use std::thread;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::App;

type Term = Terminal<CrosstermBackend<Stdout>>;

fn setup() -> io::Result<Term> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back as it was. Safe to call twice.
pub fn restore() {
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
        eprintln!("chibo stopped because of an internal error. Everything saved before this is kept.");
        previous(info);
    }));
}

/// Runs the application until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = setup()?;
    let (tx, rx) = mpsc::channel::<Event>();
    // The input thread only reads; every event goes through the channel in order.
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
    let result = (|| -> io::Result<()> {
        terminal.draw(|f| crate::ui::render(&app, f))?;
        // measuring start-up: `CHIBO_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -v chibo`
        if std::env::var_os("CHIBO_EXIT_AFTER_FIRST_FRAME").is_some() {
            return Ok(());
        }
        while let Ok(ev) = rx.recv() {
            let mut dirty = apply(&mut app, ev);
            while let Ok(ev) = rx.try_recv() {
                dirty |= apply(&mut app, ev);
                if app.quit {
                    break;
                }
            }
            if app.quit {
                break;
            }
            if dirty {
                terminal.draw(|f| crate::ui::render(&app, f))?;
            }
        }
        Ok(())
    })();
    let flushed = app.flush();
    restore();
    result?;
    flushed.map_err(|e| io::Error::other(e.to_string()))
}

fn apply(app: &mut App, ev: Event) -> bool {
    match ev {
        Event::Key(key) => app.handle_key(key),
        Event::Paste(text) => app.paste(&text),
        Event::Resize(..) => true,
        _ => false,
    }
}
