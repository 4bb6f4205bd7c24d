//! The real binary in a real terminal: a tmux session per test, ended when dropped,
//! and what the kernel says about the process's threads.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Fails the test unless tmux and /proc are here (see `require`).
pub fn require() {
    super::require(
        tmux(&["-V"]).is_some() && Path::new("/proc/self/stat").exists(),
        "tmux (or /proc)",
        "apt-get install tmux, on Linux",
    );
}

/// chibo running in a tmux session of its own.
pub struct Tty {
    session: String,
    /// The process of the pane: chibo itself.
    pub pid: u32,
}

impl Tty {
    /// Starts chibo on `data` in a `cols`×`rows` terminal; `env` adds variables.
    pub fn start(
        name: &str,
        data: &Path,
        cfg: &Path,
        (cols, rows): (u16, u16),
        env: &[&str],
    ) -> Tty {
        let session = format!("chibo-{name}-{}", std::process::id());
        let (cols, rows) = (cols.to_string(), rows.to_string());
        let data_env = format!("CHIBO_DATA_DIR={}", data.display());
        let cfg_env = format!("CHIBO_CONFIG_DIR={}", cfg.display());
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            &cols,
            "-y",
            &rows,
            "-e",
            &data_env,
            "-e",
            &cfg_env,
            "-e",
            "TERM=xterm-256color",
        ];
        for e in env {
            args.extend(["-e", e]);
        }
        args.push(env!("CARGO_BIN_EXE_chibo"));
        // a tmux server whose last session another test just ended is on its way out,
        // and a new session asked of it in that moment fails: it is asked again
        let mut last_error = String::new();
        let started = (0..5).any(|_| {
            let out = Command::new("tmux")
                .args(&args)
                .output()
                .expect("tmux runs");
            if out.status.success() {
                return true;
            }
            last_error = String::from_utf8_lossy(&out.stderr).into_owned();
            sleep(Duration::from_millis(200));
            false
        });
        assert!(started, "tmux starts chibo: {last_error}");
        let pid = tmux(&["list-panes", "-t", &session, "-F", "#{pane_pid}"])
            .and_then(|p| p.trim().parse().ok())
            .expect("the pane's process");
        Tty { session, pid }
    }

    /// Sends tmux key names, one at a time, as a person presses them.
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux(&["send-keys", "-t", &self.session, key]);
            sleep(Duration::from_millis(150));
        }
    }

    /// Types text literally (Vietnamese included).
    pub fn type_text(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.session, "-l", "--", text]);
    }

    /// Pastes `text` as the terminal does (bracketed): tmux wraps it in the paste
    /// markers and passes whatever it holds, escape sequences included.
    pub fn paste(&self, text: &str) {
        let buffer = format!("{}-paste", self.session);
        let file = std::env::temp_dir().join(&buffer);
        std::fs::write(&file, text).expect("the paste's text");
        tmux(&["load-buffer", "-b", &buffer, &file.display().to_string()])
            .expect("tmux takes the paste");
        tmux(&[
            "paste-buffer",
            "-p",
            "-d",
            "-b",
            &buffer,
            "-t",
            &self.session,
        ])
        .expect("tmux pastes");
        let _ = std::fs::remove_file(file);
    }

    pub fn screen(&self) -> String {
        tmux(&["capture-pane", "-t", &self.session, "-p"]).unwrap_or_default()
    }

    /// Waits until `text` is on screen; false after `secs` seconds.
    pub fn wait_for(&self, text: &str, secs: u64) -> bool {
        let until = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < until {
            if self.screen().contains(text) {
                return true;
            }
            sleep(Duration::from_millis(50));
        }
        false
    }

    /// From the roster: plans an extraordinary meeting and starts it, then waits for
    /// the console.
    pub fn start_meeting(&self) {
        assert!(self.wait_for("Đảng viên", 10), "{}", self.screen());
        self.keys(&["2", "n", "Right", "Right", "Right", "C-s", "s"]);
        assert!(self.wait_for("Mục 1/", 5), "{}", self.screen());
    }

    /// Presses `q` and waits (up to 20 s) for chibo to end; whether it did.
    pub fn quit(&self) -> bool {
        self.keys(&["q"]);
        let until = Instant::now() + Duration::from_secs(20);
        while self.alive() && Instant::now() < until {
            sleep(Duration::from_millis(50));
        }
        !self.alive()
    }

    /// Whether any thread of the process still runs (a zombie waiting to be reaped does
    /// not). A killed process whose main thread is already a zombie may still hold its
    /// files while another thread finishes, so every thread is read.
    pub fn alive(&self) -> bool {
        let running = |stat: String| {
            stat.rsplit(')')
                .next()
                .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
        };
        std::fs::read_dir(format!("/proc/{}/task", self.pid)).is_ok_and(|tasks| {
            tasks
                .flatten()
                .any(|t| std::fs::read_to_string(t.path().join("stat")).is_ok_and(running))
        })
    }
}

impl Drop for Tty {
    /// Ends the session, and waits (up to 60 s, for a busy machine) for every thread of
    /// chibo to be gone, so that the next command finds the data free.
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.session]);
        let until = Instant::now() + Duration::from_secs(60);
        while self.alive() && Instant::now() < until {
            sleep(Duration::from_millis(20));
        }
    }
}

/// A branch's data and settings in a temporary folder, filled by a chibo command (the
/// demo, or an import), for chibo in a terminal; `env` ("NAME=value", e.g. the day)
/// holds for that command, for the terminal and for the commands run beside it.
pub struct Branch {
    pub data: PathBuf,
    pub cfg: PathBuf,
    env: Vec<String>,
    /// Removed when the branch is dropped, after the terminal (declared before it).
    pub tmp: tempfile::TempDir,
}

impl Branch {
    /// The data filled by `chibo ARGS` (e.g. `["demo"]`), which must succeed.
    pub fn made(args: &[&str], env: &[&str]) -> Branch {
        Branch::made_in(&std::env::temp_dir(), args, env)
    }

    /// Like `made`, in a folder inside `parent` (a small disk of the test's own).
    pub fn made_in(parent: &Path, args: &[&str], env: &[&str]) -> Branch {
        let branch = Branch::unfilled_in(parent, env);
        let out = branch.chibo(args);
        assert!(
            out.status.success(),
            "chibo {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        branch
    }

    /// A branch whose data folder is not there yet: chibo makes it when it opens.
    pub fn unfilled(env: &[&str]) -> Branch {
        Branch::unfilled_in(&std::env::temp_dir(), env)
    }

    fn unfilled_in(parent: &Path, env: &[&str]) -> Branch {
        let tmp = tempfile::tempdir_in(parent).expect("a temporary folder");
        Branch {
            data: tmp.path().join("data"),
            cfg: tmp.path().join("cfg"),
            env: env.iter().map(|e| e.to_string()).collect(),
            tmp,
        }
    }

    /// A copy of the branch's data and settings in a folder of its own, with the same
    /// variables: each round of a test starts from the same state.
    pub fn copy(&self) -> Branch {
        let env: Vec<&str> = self.env.iter().map(String::as_str).collect();
        let copy = Branch::unfilled(&env);
        for (from, to) in [(&self.data, &copy.data), (&self.cfg, &copy.cfg)] {
            if from.exists() {
                copy_dir(from, to);
            }
        }
        copy
    }

    /// Runs `chibo ARGS` on the branch, as a script beside the terminal would.
    pub fn chibo(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_chibo"));
        cmd.args(args)
            .env("CHIBO_DATA_DIR", &self.data)
            .env("CHIBO_CONFIG_DIR", &self.cfg);
        for e in &self.env {
            let (name, value) = e.split_once('=').expect("NAME=value");
            cmd.env(name, value);
        }
        cmd.output().expect("chibo runs")
    }

    /// chibo started on the branch in a `cols`×`rows` terminal.
    pub fn start(&self, name: &str, size: (u16, u16)) -> Tty {
        let env: Vec<&str> = self.env.iter().map(String::as_str).collect();
        Tty::start(name, &self.data, &self.cfg, size, &env)
    }

    /// chibo started again on another day (or with other variables) than the branch's.
    pub fn start_with(&self, name: &str, size: (u16, u16), env: &[&str]) -> Tty {
        Tty::start(name, &self.data, &self.cfg, size, env)
    }
}

/// A copy of a folder (files and folders only: the socket a killed application leaves
/// behind is not data).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the copy's folder");
    for e in std::fs::read_dir(from).expect("the folder to copy") {
        let e = e.expect("an entry of the folder");
        let target = to.join(e.file_name());
        let kind = e.file_type().expect("the entry's type");
        if kind.is_dir() {
            copy_dir(&e.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(e.path(), &target).expect("a file copied");
        }
    }
}

/// chibo in a terminal on a branch of its own; the terminal ends before the folder goes.
pub struct Demo {
    pub term: Tty,
    pub branch: Branch,
}

/// The demo branch (`chibo demo`) in a temporary folder, and chibo started on it in a
/// terminal of `size`, in a tmux session named after `name`.
pub fn demo(name: &str, size: (u16, u16)) -> Demo {
    demo_with(name, size, &["demo"], &[])
}

/// Like `demo`, with the data filled by `chibo ARGS` and `env` for it and the terminal.
pub fn demo_with(name: &str, size: (u16, u16), args: &[&str], env: &[&str]) -> Demo {
    let branch = Branch::made(args, env);
    Demo {
        term: branch.start(name, size),
        branch,
    }
}

/// One thread of a process: "name tid", CPU time (utime + stime, in clock ticks) and
/// voluntary context switches (wake-ups).
pub type ThreadUsage = (String, u64, u64);

/// Every thread of a process, as the kernel counts it.
pub fn thread_usage(pid: u32) -> Vec<ThreadUsage> {
    let mut out = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let dir = task.unwrap().path();
        let Ok(stat) = std::fs::read_to_string(dir.join("stat")) else {
            continue;
        };
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        let name = format!(
            "{} {}",
            comm.trim(),
            dir.file_name().unwrap().to_string_lossy()
        );
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap()
            .split_whitespace()
            .collect();
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
