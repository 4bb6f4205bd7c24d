//! What the user waits for: opening the store to the first frame, the first frame of
//! each screen, the reports, and a keystroke handled and drawn (`App::handle` then a
//! full render into a 120×40 buffer), also right after a 200,000-character paste, timed
//! one by one; prints p50, p99 and max. The dues roll is timed alone too: what a
//! keystroke on the dues screen would cost if it were computed again for it.
//!
//! `cargo bench --bench keystroke` (add `-- --members 2000 --years 10` for the stress
//! branch; `--only save,tasks` runs only the cases whose names hold one of those words,
//! `--saves N` sets how many saves are timed). `cargo test --benches` runs it once,
//! quickly, to keep it compiling.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

use std::time::{Duration, Instant};

use chibo::app::{App, FixedClock, Options};
use chibo::demo::{DemoOptions, generate};
use chibo::export::report::Document;
use chibo::keymap::Key;
use chibo::store::MemoryStore;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Whether a case runs: every one, or those `--only a,b` names.
fn wanted(name: &str) -> bool {
    let args: Vec<String> = std::env::args().collect();
    match args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
    {
        None => true,
        Some(only) => only.split(',').any(|w| name.contains(w)),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name:<32} n={:<5} p50={:>8.3} ms  p99={:>8.3} ms  max={:>8.3} ms",
        samples.len(),
        percentile(&samples, 0.50).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3
    );
}

fn main() {
    let quick =
        std::env::args().any(|a| a == "--test") || !std::env::args().any(|a| a == "--bench");
    let members = arg("--members", 40);
    let years = arg("--years", 5) as u32;
    let rounds = if quick { 50 } else { 2000 };
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    println!("branch: {members} members, {years} years; 120×40");
    let demo = DemoOptions {
        members,
        years,
        seed: 1,
    };
    // open the sled store and draw the first frame of each screen
    let dir = std::env::temp_dir().join(format!(
        "chibo-bench-{members}-{years}-{}",
        std::process::id()
    ));
    {
        let sled = chibo::store::SledStore::open(&dir).unwrap();
        generate(&sled, &demo, today, now).unwrap();
    }
    let mut open_times = Vec::new();
    let mut screen_times = Vec::new();
    for _ in 0..if !wanted("open store") && !wanted("first frame") {
        0
    } else if quick {
        2
    } else {
        10
    } {
        let t = Instant::now();
        let sled = chibo::store::SledStore::open(&dir).unwrap();
        let options = Options {
            clock: Box::new(FixedClock(now)),
            ..Options::default()
        };
        let mut app = App::new(Box::new(sled), options).unwrap();
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| chibo::ui::render(&app, f)).unwrap();
        open_times.push(t.elapsed());
        for k in ["2", "3", "4"] {
            let t = Instant::now();
            app.handle(Key::parse(k).unwrap());
            term.draw(|f| chibo::ui::render(&app, f)).unwrap();
            screen_times.push(t.elapsed());
        }
    }
    if !open_times.is_empty() {
        report("open store, load all, roster frame", open_times);
        report("first frame of meetings/resol./tasks", screen_times);
    }

    // a save on the sled store, flushed: open tasks marked done one after another from
    // the all-tasks view filtered to open ones (the form is filled untimed; the key that
    // saves it, and the frame after, are timed)
    if wanted("save") {
        let sled = chibo::store::SledStore::open(&dir).unwrap();
        let options = Options {
            clock: Box::new(FixedClock(now)),
            ..Options::default()
        };
        let mut app = App::new(Box::new(sled), options).unwrap();
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        for k in ["4", "v", "f"] {
            app.handle(Key::parse(k).unwrap());
        }
        let mut samples = Vec::new();
        for _ in 0..if quick { 3 } else { arg("--saves", 200) } {
            app.handle(Key::parse("d").unwrap());
            app.handle(Key::parse("x").unwrap());
            let t = Instant::now();
            app.handle(Key::parse("ctrl-s").unwrap());
            term.draw(|f| chibo::ui::render(&app, f)).unwrap();
            samples.push(t.elapsed());
            assert!(app.overlays.is_empty(), "the task was saved");
        }
        report("save: task marked done", samples);

        // a member's record edited and saved (the form opened untimed)
        app.handle(Key::parse("1").unwrap());
        let mut samples = Vec::new();
        for _ in 0..if quick { 3 } else { arg("--saves", 200) } {
            app.handle(Key::parse("e").unwrap());
            let t = Instant::now();
            app.handle(Key::parse("ctrl-s").unwrap());
            term.draw(|f| chibo::ui::render(&app, f)).unwrap();
            samples.push(t.elapsed());
            assert!(app.overlays.is_empty(), "the member was saved");
            app.handle(Key::parse("down").unwrap());
        }
        report("save: member edited", samples);

        // the newest meeting's plan edited and saved from its agenda (the list opens on
        // the next meeting to hold: home goes to the newest)
        for k in ["2", "home", "enter"] {
            app.handle(Key::parse(k).unwrap());
        }
        let mut samples = Vec::new();
        for _ in 0..if quick { 3 } else { arg("--saves", 200) } {
            app.handle(Key::parse("e").unwrap());
            let t = Instant::now();
            app.handle(Key::parse("ctrl-s").unwrap());
            term.draw(|f| chibo::ui::render(&app, f)).unwrap();
            samples.push(t.elapsed());
            assert!(app.overlays.is_empty(), "the meeting was saved");
        }
        report("save: meeting plan edited", samples);
    }
    let _ = std::fs::remove_dir_all(&dir);
    let rest = [
        "report overdue",
        "report coverage",
        "export minutes",
        "roster search typing",
        "roster moving",
        "switching screens",
        "tasks by member moving",
        "all tasks moving",
        "dues moving",
        "report dues",
        "dues roll",
        "minutes editor typing",
        "paste 200,000 chars and draw",
    ];
    if !rest.iter().any(|name| wanted(name)) {
        return;
    }

    // the reports, on the loaded data
    let store = MemoryStore::new();
    generate(&store, &demo, today, now).unwrap();
    if wanted("report") || wanted("export") || wanted("dues roll") {
        use chibo::store::Records;
        let (tasks, resolutions, ms, meetings) = (
            store.tasks().unwrap(),
            store.resolutions().unwrap(),
            store.members().unwrap(),
            store.meetings().unwrap(),
        );
        let time = |f: &dyn Fn()| {
            (0..if quick { 2 } else { 10 })
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .collect::<Vec<_>>()
        };
        report(
            "report overdue",
            time(&|| {
                drop(chibo::export::report::overdue(&tasks, &resolutions, &ms, today).to_json());
            }),
        );
        report(
            "report coverage",
            time(&|| drop(chibo::export::report::coverage(&ms, &tasks, today, today).to_json())),
        );
        let (ledger, rates) = (
            store.dues_ledger().unwrap(),
            chibo::domain::dues::Rates::shipped(),
        );
        let month = chibo::domain::dues::Month::of(today);
        report(
            "report dues (year)",
            time(&|| drop(chibo::export::dues::year(&ledger, &rates, &ms, 2026, today).to_json())),
        );
        // what the dues screen computed for every frame and twice per key before it
        // kept the roll until the ledger, the roster or the month changes
        report(
            "dues roll computed once",
            time(&|| drop(chibo::app::dues::view(&ledger, &rates, &ms, month))),
        );
        let m = meetings
            .iter()
            .filter(|m| m.ended_at.is_some())
            .max_by_key(|m| m.date)
            .unwrap();
        report(
            "export minutes",
            time(&|| {
                let reviewed = chibo::export::minutes::reviewed_at(m, &tasks, &resolutions);
                drop(chibo::export::minutes::render(
                    m,
                    &ms,
                    None,
                    &reviewed,
                    chibo::export::minutes::Format::Markdown,
                ));
            }),
        );
    }

    let options = Options {
        clock: Box::new(FixedClock(now)),
        ..Options::default()
    };
    let mut app = App::new(Box::new(store), options).unwrap();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut timed = |app: &mut App, keys: &[Key]| -> Vec<Duration> {
        keys.iter()
            .map(|k| {
                let t = Instant::now();
                app.handle(*k);
                term.draw(|f| chibo::ui::render(app, f)).unwrap();
                t.elapsed()
            })
            .collect()
    };
    let key = |s: &str| Key::parse(s).unwrap();

    // roster: type a search, then clear it
    if wanted("roster search") {
        app.handle(key("/"));
        let typing: Vec<Key> = "nguyen van"
            .chars()
            .map(|c| Key::parse(&c.to_string()).unwrap_or(key("space")))
            .collect();
        let mut samples = Vec::new();
        for _ in 0..rounds / 10 {
            samples.extend(timed(&mut app, &typing));
            for _ in 0..typing.len() {
                samples.extend(timed(&mut app, &[key("backspace")]));
            }
        }
        report("roster search typing", samples);
        app.handle(key("esc"));
    }

    // roster: moving in the list
    let moves: Vec<Key> = (0..rounds)
        .map(|i| {
            if (i / 50) % 2 == 0 {
                key("down")
            } else {
                key("up")
            }
        })
        .collect();
    if wanted("roster moving") {
        report("roster moving", timed(&mut app, &moves));
    }

    // switching screens
    let switches: Vec<Key> = (0..rounds / 4)
        .map(|i| key(["1", "2", "3", "4"][i % 4]))
        .collect();
    if wanted("switching") {
        report("switching screens", timed(&mut app, &switches));
    }

    // tasks: moving through members, then through every task of the year
    app.handle(key("4"));
    let moves: Vec<Key> = (0..rounds / 2)
        .map(|i| {
            if (i / 50) % 2 == 0 {
                key("down")
            } else {
                key("up")
            }
        })
        .collect();
    if wanted("tasks by member") {
        report("tasks by member moving", timed(&mut app, &moves));
    }
    app.handle(key("v"));
    if wanted("all tasks") {
        report("all tasks moving", timed(&mut app, &moves));
    }
    app.handle(key("v"));
    // dues: moving through the month's roll
    if wanted("dues moving") {
        app.handle(key("5"));
        report("dues moving", timed(&mut app, &moves));
    }
    if !wanted("minutes") && !wanted("paste") {
        return;
    }

    // the minutes editor: plan and start this month's meeting, type
    app.handle(key("2"));
    app.handle(key("n"));
    // the demo already holds this month's regular meeting: plan an extraordinary one
    app.handle(key("right"));
    app.handle(key("right"));
    app.handle(key("right"));
    app.handle(key("ctrl-s"));
    app.handle(key("s"));
    assert!(app.meetings.console.is_some(), "the console opened");
    let text = "Đồng chí bí thư quán triệt nghị quyết, nhấn mạnh công tác vận động nhân dân. ";
    let keys: Vec<Key> = text
        .chars()
        .cycle()
        .take(rounds)
        .map(|c| Key::parse(&c.to_string()).unwrap_or(key("space")))
        .collect();
    report("minutes editor typing", timed(&mut app, &keys));

    // the minutes editor after a 200,000-character paste: the paste drawn, then keys
    let text: String = "Ý kiến đóng góp của nhân dân về vệ sinh môi trường. "
        .chars()
        .cycle()
        .take(200_000)
        .collect();
    let mut pasted = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let t = Instant::now();
    app.paste(&text);
    pasted.draw(|f| chibo::ui::render(&app, f)).unwrap();
    report("paste 200,000 chars and draw", vec![t.elapsed()]);
    let after: Vec<Key> = keys.iter().copied().take(rounds / 10).collect();
    report("typing after the paste", timed(&mut app, &after));
}
