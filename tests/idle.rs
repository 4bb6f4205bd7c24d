//! An idle chibo sleeps: in a real terminal (tmux), with no clock on screen the CPU
//! time and wake-ups of its threads do not move over 5 seconds; with the meeting clock
//! it wakes about once a second. Skipped where tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Per thread of the process (id and name): utime + stime in clock ticks, and
/// voluntary context switches (wake-ups).
fn usage(pid: u32) -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let dir = task.unwrap().path();
        let Ok(stat) = std::fs::read_to_string(dir.join("stat")) else {
            continue;
        };
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        let name = format!("{} {}", comm.trim(), dir.file_name().unwrap().to_string_lossy());
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
        let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        let switches = status
            .lines()
            .find(|l| l.starts_with("voluntary_ctxt_switches"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        out.push((name, ticks, switches));
    }
    out.sort();
    out
}

/// CPU ticks and wake-ups between two readings: of the threads chibo runs, and of
/// the pool of I/O threads sled starts.
fn moved(before: &[(String, u64, u64)], after: &[(String, u64, u64)]) -> ((u64, u64), (u64, u64)) {
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
    let (own, sled) = moved(&before, &after);
    assert_eq!(own, (0, 0), "chibo's threads used CPU or woke up while idle");
    // sled's I/O pool keeps 7 threads that each look for work once a second; they are
    // sled's, not chibo's, and cost no measurable CPU. Its flusher thread (twice a
    // second) is off: every write flushes itself.
    assert_eq!(sled.0, 0, "sled's threads used CPU while idle");
    assert!(sled.1 <= 7 * 6, "{} wake-ups of sled's threads in 5 s", sled.1);
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
