//! A month's dues collected during a meeting's roll call in the real program in a real
//! terminal (tmux, 80×24), on the demo branch and its year of dues: one key a member,
//! twice on the same member is once, then the dues screen and `chibo report dues
//! --month`, asked while the application is still open, agree.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use common::tty::{self, Tty};

const TODAY: &str = "CHIBO_TODAY=2026-12-05";

fn see(term: &Tty, text: &str) {
    assert!(
        term.wait_for(text, 10),
        "not on screen: {text}\n{}",
        term.screen()
    );
}

/// The name the status line gives for the payment just marked: a member not among
/// those who paid before it (the line before it may still be on screen a moment).
fn paid_name(term: &Tty, before: &[String]) -> String {
    let name_in = |screen: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains("Đ/c ") && l.contains(" đồng đảng phí tháng "))?;
        let start = line.find("Đ/c ")? + "Đ/c ".len();
        let end = line.find(" đã nộp ")?;
        Some(line[start..end].trim().to_string())
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let screen = term.screen();
        match name_in(&screen) {
            Some(name) if !before.contains(&name) => return name,
            _ if std::time::Instant::now() > until => {
                panic!("a new payment said\n{screen}")
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn dues_collected_during_the_roll_call_agree_with_the_screen_and_the_report() {
    tty::require();
    let branch = tty::Branch::made(&["demo"], &[TODAY]);
    let chibo = |args: &[&str]| branch.chibo(args);
    let before: serde_json::Value = serde_json::from_slice(
        &chibo(&["report", "dues", "--month", "2026-12", "--format", "json"]).stdout,
    )
    .unwrap();
    let term = branch.start("dues", (80, 24));
    term.start_meeting();

    // the roll call: three members pay December, one key each; a fourth key on the
    // last of them pays nothing more
    term.keys(&["C-r"]);
    see(&term, "Điểm danh");
    let mut paid = Vec::new();
    for _ in 0..3 {
        term.keys(&["p"]);
        let name = paid_name(&term, &paid);
        paid.push(name);
        term.keys(&["Down"]);
    }
    term.keys(&["Up", "p"]);
    see(&term, "đã nộp đủ đảng phí tháng 12/2026");

    // the dues screen of December
    term.keys(&["Escape", "Escape", "5"]);
    see(&term, "Đảng phí tháng 12/2026");
    let screen = term.screen();
    let totals = screen
        .lines()
        .find(|l| l.trim_start().starts_with("Phải thu "))
        .unwrap_or_else(|| panic!("the totals\n{screen}"))
        .trim()
        .to_string();

    // the report, asked while the application is open
    let out = chibo(&["report", "dues", "--month", "2026-12", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = |v: &serde_json::Value| v.as_i64().unwrap();
    let collected = |v: &serde_json::Value, name: &str| {
        v["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["member"] == name)
            .map_or(0, |m| n(&m["collected"]))
    };
    let mut added = 0;
    for name in &paid {
        let (now, then) = (collected(&v, name), collected(&before, name));
        let expected = v["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["member"] == name.as_str())
            .map_or(0, |m| n(&m["expected"]));
        assert!(now > then, "{name} paid at the roll call");
        assert_eq!(now, expected, "{name} paid December in full");
        added += now - then;
    }
    assert_eq!(
        n(&v["totals"]["collected"]) - n(&before["totals"]["collected"]),
        added,
        "the three payments and nothing for the fourth key"
    );
    let text = String::from_utf8(chibo(&["report", "dues", "--month", "2026-12"]).stdout).unwrap();
    assert!(
        text.lines().any(|l| l.trim() == totals),
        "the screen's totals {totals:?} are the report's:\n{text}"
    );
}
