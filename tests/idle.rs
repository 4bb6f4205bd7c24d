//! An idle chibo sleeps: in a real terminal (tmux), with no clock on screen its CPU
//! time and wake-ups do not move over 5 seconds; with the meeting clock it wakes about
//! once a second. Skipped where tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// utime + stime in clock ticks, and voluntary context switches, of the process.
fn usage(pid: u32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let switches = status
        .lines()
        .find(|l| l.starts_with("voluntary_ctxt_switches"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    (ticks, switches)
}

#[test]
fn no_wake_ups_when_nothing_changes_and_one_a_second_with_the_meeting_clock() {
    if tmux(&["-V"]).is_none() || !std::path::Path::new("/proc/self/stat").exists() {
        eprintln!("tmux or /proc not available: skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let bin = env!("CARGO_BIN_EXE_chibo");
    let demo = Command::new(bin)
        .args(["demo", "--members", "20", "--years", "1"])
        .env("CHIBO_DATA_DIR", &data)
        .env("CHIBO_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert!(demo.status.success());
    let session = format!("chibo-idle-{}", std::process::id());
    let data_env = format!("CHIBO_DATA_DIR={}", data.display());
    let cfg_env = format!("CHIBO_CONFIG_DIR={}", tmp.path().join("cfg").display());
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "100",
        "-y",
        "30",
        "-e",
        &data_env,
        "-e",
        &cfg_env,
        "-e",
        "TERM=xterm-256color",
        bin,
    ])
    .expect("tmux starts chibo");
    let stop = || {
        let _ = tmux(&["kill-session", "-t", &session]);
    };
    sleep(Duration::from_millis(1500));
    let pid: u32 = match tmux(&["list-panes", "-t", &session, "-F", "#{pane_pid}"]).and_then(|p| p.trim().parse().ok())
    {
        Some(pid) => pid,
        None => {
            stop();
            panic!("no pane");
        }
    };
    let before = usage(pid);
    sleep(Duration::from_secs(5));
    let after = usage(pid);
    // the meeting clock: plan an extraordinary meeting and start it
    for keys in [&["2"][..], &["n"], &["Right", "Right", "Right"], &["C-s"], &["s"]] {
        let mut args = vec!["send-keys", "-t", &session];
        args.extend(keys);
        tmux(&args);
        sleep(Duration::from_millis(300));
    }
    sleep(Duration::from_millis(500));
    let start = usage(pid);
    sleep(Duration::from_secs(5));
    let end = usage(pid);
    tmux(&["send-keys", "-t", &session, "C-e"]);
    sleep(Duration::from_millis(200));
    tmux(&["send-keys", "-t", &session, "Enter"]);
    sleep(Duration::from_millis(200));
    tmux(&["send-keys", "-t", &session, "q"]);
    sleep(Duration::from_millis(300));
    stop();
    assert_eq!(after.0, before.0, "CPU time moved while idle");
    assert_eq!(after.1, before.1, "the process woke up while idle");
    let wakeups = end.1 - start.1;
    assert!(
        (3..=8).contains(&wakeups),
        "{wakeups} wake-ups in 5 s with the clock on screen"
    );
}
