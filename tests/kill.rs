//! Crash safety: the real binary in a terminal (tmux) takes minutes at a human pace and
//! is killed with SIGKILL at a random moment, again and again. After each kill the data
//! opens, everything typed more than a second before the kill is there, and nothing
//! saved earlier changed. 50 rounds by default; `CHIBO_KILL_ROUNDS=1000` for more.
//! Needs tmux: ignored unless asked for with `--include-ignored` (as CI does), and
//! then a missing tmux fails them.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::chibo_when_free;
use common::tty::{self, Branch, Tty};

/// SplitMix64, seeded, so a failing round can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

const WORDS: &[&str] = &[
    "chi", "bộ", "thống", "nhất", "nghị", "quyết", "đồng", "chí", "ý", "kiến", "vận", "động",
    "nhân", "dân",
];

/// The text of the entry the console types into, read through a backup (once the
/// killed chibo has let go of the data).
fn typed_text(data: &Path, tmp: &Path) -> String {
    let file = tmp.join("probe.json");
    let out = chibo_when_free(data, &["backup", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "the data opens after the kill: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let meetings = v["trees"]["meetings"].as_object().unwrap();
    let m = meetings
        .values()
        .find(|m| m["kind"] == "extraordinary")
        .expect("the meeting");
    let pos = m["position"].as_array().unwrap();
    let (item, entry) = (
        pos[0].as_u64().unwrap() as usize,
        pos[1].as_u64().unwrap() as usize,
    );
    m["agenda"][item]["entries"][entry]["text"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// chibo reopened on the meeting in progress: the console is on screen.
fn reopen(branch: &Branch) -> Tty {
    let term = branch.start("kill", (100, 30));
    assert!(term.wait_for("Bất thường", 10), "{}", term.screen());
    term
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn killed_mid_meeting_loses_at_most_the_last_second() {
    tty::require();
    let rounds: usize = std::env::var("CHIBO_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let seed: u64 = std::env::var("CHIBO_KILL_SEED")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20261122);
    let mut rng = Rng(seed);
    let branch = Branch::made(&["demo", "--members", "12", "--years", "1"], &[]);
    let (data, tmp) = (&branch.data, branch.tmp.path());

    // an extraordinary meeting, started: the console opens on it from now on
    let term = branch.start("kill", (100, 30));
    term.start_meeting();
    drop(term);
    let mut committed = typed_text(data, tmp);

    let mut worst_loss = Duration::ZERO;
    for round in 0..rounds {
        let term = reopen(&branch);
        // type words at a human pace, noting when each character was sent
        let mut sent: Vec<(char, Instant)> = Vec::new();
        let words = 2 + rng.below(6);
        for _ in 0..words {
            let word = WORDS[rng.below(WORDS.len() as u64) as usize];
            for c in format!("{word} ").chars() {
                term.type_text(&c.to_string());
                sent.push((c, Instant::now()));
                sleep(Duration::from_millis(40 + rng.below(120)));
            }
        }
        sleep(Duration::from_millis(rng.below(1600)));
        let killed_at = Instant::now();
        Command::new("kill")
            .args(["-9", &term.pid.to_string()])
            .status()
            .unwrap();
        sleep(Duration::from_millis(150));
        drop(term);

        let stored = typed_text(data, tmp);
        assert!(
            stored.starts_with(&committed),
            "round {round}: what was saved before changed\nbefore: {committed:?}\nnow: {stored:?}"
        );
        let new: String = stored[committed.len()..].to_string();
        let typed: String = sent.iter().map(|(c, _)| *c).collect();
        assert!(
            typed.starts_with(&new),
            "round {round}: stored text that was never typed: {new:?} of {typed:?}"
        );
        let must = sent
            .iter()
            .filter(|(_, at)| killed_at.duration_since(*at) > Duration::from_secs(1))
            .count();
        let kept = new.chars().count();
        assert!(
            kept >= must,
            "round {round}: {kept} of the {must} characters typed more than 1 s before the kill were kept"
        );
        if let Some((_, at)) = sent.get(kept) {
            worst_loss = worst_loss.max(killed_at.duration_since(*at));
        }
        committed = stored;
    }
    eprintln!(
        "{rounds} rounds; the oldest keystroke lost was typed {worst_loss:?} before its kill"
    );
}

/// A new data folder killed in chibo's first moments opens again: the folder is only
/// marked as holding chibo data once the database's schema is on disk, so an empty
/// database is never mistaken for a damaged one.
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_new_data_folder_killed_in_its_first_moments_opens_again() {
    tty::require();
    let mut rng = Rng(7);
    for round in 0..12 {
        let branch = Branch::unfilled(&[]);
        let term = branch.start("kill-new", (100, 30));
        sleep(Duration::from_millis(rng.below(600)));
        Command::new("kill")
            .args(["-9", &term.pid.to_string()])
            .status()
            .unwrap();
        sleep(Duration::from_millis(100));
        drop(term);
        // opened as the application would open it (a read-only command rightly finds
        // no chibo data in a folder killed before anything was written)
        let out = chibo_when_free(&branch.data, &["demo", "--members", "2", "--years", "1"]);
        assert!(
            out.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
