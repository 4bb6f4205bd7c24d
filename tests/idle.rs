//! An idle chibo sleeps: in a real terminal (tmux), with no clock on screen the CPU
//! time and wake-ups of its threads do not move over 5 seconds; with the meeting clock
//! it wakes about once a second. Needs tmux: ignored unless asked for with
//! `--include-ignored` (as CI does), and then a missing tmux fails it.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::thread::sleep;
use std::time::Duration;

use common::tty::{self, ThreadUsage, thread_usage};

/// CPU ticks and wake-ups between two readings: of the threads chibo runs, and of
/// the pool of I/O threads sled starts.
fn moved(before: &[ThreadUsage], after: &[ThreadUsage]) -> ((u64, u64), (u64, u64)) {
    let (mut own, mut sled) = ((0, 0), (0, 0));
    for (name, ticks, switches) in after {
        let (t0, s0) = before
            .iter()
            .find(|(n, ..)| n == name)
            .map_or((0, 0), |(_, t, s)| (*t, *s));
        let into = if name.starts_with("sled-io") {
            &mut sled
        } else {
            &mut own
        };
        into.0 += ticks - t0;
        into.1 += switches - s0;
    }
    (own, sled)
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn no_wake_ups_when_nothing_changes_and_one_a_second_with_the_meeting_clock() {
    tty::require();
    let demo = tty::demo_with(
        "idle",
        (100, 30),
        &["demo", "--members", "20", "--years", "1"],
        &[],
    );
    let term = &demo.term;
    assert!(term.wait_for("Đảng viên", 10), "{}", term.screen());
    sleep(Duration::from_millis(1000));
    let before = thread_usage(term.pid);
    sleep(Duration::from_secs(5));
    let after = thread_usage(term.pid);
    // the meeting clock
    term.start_meeting();
    sleep(Duration::from_millis(500));
    let start = thread_usage(term.pid);
    sleep(Duration::from_secs(5));
    let end = thread_usage(term.pid);
    drop(demo);
    let (own, sled) = moved(&before, &after);
    assert_eq!(
        own,
        (0, 0),
        "chibo's threads used CPU or woke up while idle"
    );
    // sled's I/O pool keeps 7 threads that each look for work once a second; they are
    // sled's, not chibo's, and cost no measurable CPU. Its flusher thread (which woke
    // the process 4 times a second) is off: every write flushes itself.
    assert_eq!(sled.0, 0, "sled's threads used CPU while idle");
    assert!(
        sled.1 <= 7 * 6,
        "{} wake-ups of sled's threads in 5 s",
        sled.1
    );
    assert!(
        !after.iter().any(|(name, ..)| name.contains("flusher")),
        "sled's flusher thread is off"
    );
    let (own, _) = moved(&start, &end);
    assert!(
        (3..=8).contains(&own.1),
        "{} wake-ups in 5 s with the clock on screen",
        own.1
    );
}
