//! A disk that fills up or turns read-only. Mid-meeting, the typing stays on screen
//! and in memory, the message line says what happened, the console cannot be left or
//! quit without a warning, and the typing is saved as soon as there is room again.
//! On a real small disk (a tmpfs, where the test may mount one; the cases say
//! "skipped" elsewhere): a command that cannot write says so in one line, without
//! sending the user to restore a backup; nothing saved earlier changes; the same open
//! database writes again once space is freed; a write the disk refuses halfway hangs
//! nothing; the real program in tmux does not spin on the full disk. A read-only data
//! folder gets its own message.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chibo::app::App;
use chibo::domain::meeting::MeetingStatus;
use chibo::store::{Batch, MemoryStore, Records, SledStore, Store, StoreError, Tree};
use common::*;

/// A store on a disk that can fill up: reads go on, every write fails as a full disk
/// makes it fail.
struct FillingDisk {
    inner: Arc<MemoryStore>,
    full: Arc<AtomicBool>,
}

impl FillingDisk {
    fn check(&self) -> Result<(), StoreError> {
        if self.full.load(Ordering::SeqCst) {
            Err(StoreError::DiskFull)
        } else {
            Ok(())
        }
    }
}

impl Store for FillingDisk {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.get(tree, key)
    }
    fn scan(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>, StoreError> {
        self.inner.scan(tree)
    }
    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        self.check()?;
        self.inner.apply(batch)
    }
    fn generate_id(&self) -> Result<u64, StoreError> {
        self.check()?;
        self.inner.generate_id()
    }
    fn flush(&self) -> Result<(), StoreError> {
        self.check()?;
        self.inner.flush()
    }
}

fn stored_text(store: &MemoryStore) -> String {
    store.meetings().unwrap()[0].agenda[0].entries[0].text.clone()
}

#[test]
fn a_disk_full_mid_meeting_keeps_the_typing_and_saves_it_once_there_is_room() {
    let store = Arc::new(fixture_store());
    let full = Arc::new(AtomicBool::new(false));
    let clock = TestClock::on(meeting_day(), 19, 30);
    let disk = FillingDisk {
        inner: store.clone(),
        full: full.clone(),
    };
    let options = chibo::app::Options {
        clock: Box::new(clock.clone()),
        ..options(chibo::i18n::Lang::Vi)
    };
    let mut app = App::new(Box::new(disk), options).unwrap();
    plan_and_start(&mut app);
    type_text(&mut app, "Phần đã lưu");
    app.save_now().unwrap();

    full.store(true, Ordering::SeqCst);
    type_text(&mut app, ", phần gõ khi đĩa đầy");
    assert_eq!(app.save_now(), Err(StoreError::DiskFull));
    assert!(app.needs_save(), "the typing still waits to be saved");
    assert_eq!(stored_text(&store), "Phần đã lưu", "what was saved is untouched");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Ổ đĩa đầy: phần vừa gõ chưa lưu, vẫn giữ ở đây. Dọn chỗ trống, chibo tự lưu."),
        "{shown}"
    );
    assert!(shown.contains("Phần đã lưu, phần gõ khi đĩa đầy"), "{shown}");

    // leaving the console would drop the typing: it stays open
    press(&mut app, "esc");
    assert!(app.meetings.console.is_some(), "the console stays open");
    // ending the meeting cannot be written either: the meeting goes on
    press(&mut app, "ctrl-e enter");
    assert!(app.meetings.console.is_some(), "the console stays open");
    assert!(app.meetings.console.as_ref().unwrap().meeting.ended_at.is_none());
    assert_eq!(store.meetings().unwrap()[0].status(), MeetingStatus::InProgress);

    // quitting asks first, and says where the minutes will go
    press(&mut app, "ctrl-c");
    assert!(!app.quit, "quitting asks first");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Biên bản chưa lưu được"), "{shown}");
    assert!(shown.contains("ghi ra một tệp riêng"), "{shown}");
    let (name, text) = app.unsaved_minutes().expect("a rescue copy while unsaved");
    assert!(name.starts_with("bien-ban-chua-luu-2026-12"), "{name}");
    assert!(text.contains("Phần đã lưu, phần gõ khi đĩa đầy"), "{text}");
    press(&mut app, "esc");
    assert!(!app.quit);

    // room again: the next try saves everything, and says so
    full.store(false, Ordering::SeqCst);
    app.save_now().unwrap();
    assert!(!app.needs_save());
    assert_eq!(stored_text(&store), "Phần đã lưu, phần gõ khi đĩa đầy");
    assert!(screen(&app, 100, 30).contains("Đã lưu được phần biên bản vừa gõ"));
    assert!(app.unsaved_minutes().is_none());
    press(&mut app, "ctrl-c");
    assert!(app.quit, "with everything saved, quitting does not ask");
}

#[test]
fn quitting_on_a_full_disk_leaves_with_the_minutes_in_hand() {
    let store = Arc::new(fixture_store());
    let full = Arc::new(AtomicBool::new(false));
    let clock = TestClock::on(meeting_day(), 19, 30);
    let disk = FillingDisk {
        inner: store.clone(),
        full: full.clone(),
    };
    let options = chibo::app::Options {
        clock: Box::new(clock.clone()),
        ..options(chibo::i18n::Lang::Vi)
    };
    let mut app = App::new(Box::new(disk), options).unwrap();
    plan_and_start(&mut app);
    full.store(true, Ordering::SeqCst);
    type_text(&mut app, "Ý kiến cuối cùng");
    press(&mut app, "ctrl-c y");
    assert!(app.quit, "confirmed, chibo quits");
    assert_eq!(app.shutdown(), Err(StoreError::DiskFull), "the loss is not hidden");
    let (_, text) = app.unsaved_minutes().expect("the minutes to keep elsewhere");
    assert!(text.contains("Ý kiến cuối cùng"));
}

// ---- a real small disk -------------------------------------------------------------

/// A tmpfs of a few megabytes, mounted for the test; `None` where mounting is not
/// allowed (not root, or a container without the right), and the test says so.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k,mode=0700"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("cannot mount a small tmpfs here (needs root): skipped");
            return None;
        }
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk with one file but for `room` bytes; returns the file, to free
    /// the space later.
    fn fill(&self, room: u64) -> PathBuf {
        let filler = self.path().join("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
        while f.write_all(&[0u8]).is_ok() {}
        let len = f.metadata().unwrap().len();
        f.set_len(len.saturating_sub(room)).unwrap();
        filler
    }

    fn remount(&self, how: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).output();
    }
}

/// `count` members with card numbers from `first`, in the import format.
fn roster_csv(first: u32, count: u32) -> String {
    let mut csv = String::from(
        "ho,ten_dem,ten,gioi_tinh,ngay_sinh,ngay_vao_dang,ngay_chinh_thuc,so_the,chuc_vu,trang_thai,dien_thoai,noi_cu_tru,ghi_chu\n",
    );
    let given = ["Hùng", "Mai", "Lan", "Sơn", "Thảo", "Đức", "Hạnh", "Tâm"];
    for n in first..first + count {
        let g = given[(n as usize) % given.len()];
        // name and birth date together tell members apart
        let (d, m, y) = (1 + n % 28, 1 + (n / 28) % 12, 1940 + (n / 336) % 40);
        csv.push_str(&format!(
            "Nguyễn,Văn,{g},Nam,{d:02}/{m:02}/{y},19/05/1995,19/05/1996,{n:08},,chính thức,09031{n:05},\"{n} Lê Lợi, tổ 5\",Ghi chú về đồng chí số {n} để hồ sơ dài hơn một chút\n"
        ));
    }
    csv
}

/// Runs chibo on `data`; a run that has not ended after 60 s is a hang, and fails.
fn chibo(data: &Path, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", data)
        .env("CHIBO_CONFIG_DIR", data.join("no-config"))
        .env("CHIBO_TODAY", "2026-11-22")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // the pipes are read on threads, so a long output cannot stall the child
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).unwrap();
        v
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chibo {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn members_json(data: &Path) -> String {
    let out = chibo(data, &["export", "members", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const DISK_FULL: &str = "chibo: Ổ đĩa đã đầy, chibo không ghi thêm được. Những gì đã lưu vẫn còn nguyên; hãy giải phóng chỗ trống rồi thử lại.";

#[test]
fn a_real_full_disk_refuses_the_command_keeps_the_data_and_writes_again_once_freed() {
    let Some(disk) = SmallDisk::mount(16 * 1024) else {
        return;
    };
    let data = disk.path().join("data");
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.csv");
    let second = files.path().join("second.csv");
    std::fs::write(&first, roster_csv(1, 20)).unwrap();
    std::fs::write(&second, roster_csv(1000, 3000)).unwrap();
    let out = chibo(&data, &["import", "members", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = members_json(&data);

    // no room at all: refused before anything is written
    let filler = disk.fill(0);
    let out = chibo(&data, &["import", "members", second.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        DISK_FULL,
        "one line, and no advice to restore a backup"
    );
    // a backup cannot be taken either; a document cut short leaves no half file
    let out = chibo(&data, &["backup"]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), DISK_FULL);
    let export = data.join("exports").join("bien-ban.md");
    std::fs::create_dir_all(export.parent().unwrap()).unwrap();
    let written = chibo::store::write_atomic(&export, &vec![b'x'; 1024 * 1024]);
    assert_eq!(written.map_err(|e| e.kind()), Err(std::io::ErrorKind::StorageFull));
    assert_eq!(
        std::fs::read_dir(export.parent().unwrap()).unwrap().count(),
        0,
        "no half file"
    );
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(members_json(&data), before, "nothing saved earlier changed");

    // a little room beyond what chibo keeps free: the disk refuses the import on its
    // way (sled needs far more room than the records themselves). chibo says so and
    // ends, and the import is all there or not there at all.
    let filler = disk.fill(4 * 1024 * 1024 + 256 * 1024);
    let out = chibo(&data, &["import", "members", second.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), DISK_FULL);
    std::fs::remove_file(&filler).unwrap();
    let now = members_json(&data);
    match now.matches("\"card_number\"").count() {
        20 => {
            assert_eq!(now, before, "nothing saved earlier changed");
            let out = chibo(&data, &["import", "members", second.to_str().unwrap()]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        3020 => {
            let now: Vec<serde_json::Value> = serde_json::from_str(&now).unwrap();
            let before: Vec<serde_json::Value> = serde_json::from_str(&before).unwrap();
            assert!(before.iter().all(|m| now.contains(m)), "nothing saved earlier changed");
        }
        n => panic!("{n} members: an import is all there or not there at all"),
    }
    assert_eq!(members_json(&data).matches("\"card_number\"").count(), 3020);

    // the same import again: every member is already there, nothing is added
    let out = chibo(&data, &["import", "members", second.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(members_json(&data).matches("\"card_number\"").count(), 3020);
}

#[test]
fn the_open_database_writes_again_once_the_disk_has_room() {
    let Some(disk) = SmallDisk::mount(16 * 1024) else {
        return;
    };
    let data = disk.path().join("data");
    let store = SledStore::open(&data).unwrap();
    let mut batch = Batch::default();
    batch.put(Tree::Meta, "kept", b"saved before the disk filled".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();

    let filler = disk.fill(0);
    let mut batch = Batch::default();
    batch.put(Tree::Meta, "refused", b"typed while the disk was full".to_vec());
    assert_eq!(store.apply(batch), Err(StoreError::DiskFull));

    std::fs::remove_file(&filler).unwrap();
    let mut batch = Batch::default();
    batch.put(Tree::Meta, "after", b"written once there was room".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();
    drop(store);

    let store = SledStore::open(&data).unwrap();
    let get = |k: &[u8]| store.get(Tree::Meta, k).unwrap();
    assert_eq!(get(b"kept").as_deref(), Some(&b"saved before the disk filled"[..]));
    assert_eq!(get(b"refused"), None);
    assert_eq!(get(b"after").as_deref(), Some(&b"written once there was room"[..]));
}

/// sled, refused by the disk in the middle of a write, never returns from its next
/// flush, even once room is made: after such a failure chibo hands it no more writes
/// (the process would freeze mid-meeting) and ends without waiting on it.
#[test]
fn after_the_disk_refuses_a_write_midway_nothing_hangs() {
    let Some(disk) = SmallDisk::mount(16 * 1024) else {
        return;
    };
    let data = disk.path().join("data");
    let filler = disk.fill(4 * 1024 * 1024 + 256 * 1024);
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = data.clone();
    std::thread::spawn(move || {
        let store = SledStore::open(&dir).unwrap();
        // more than the room left, in one write: it passes chibo's check of free
        // space and fails inside sled
        let mut batch = Batch::default();
        for n in 0..8 {
            batch.put(Tree::Audit, format!("big-{n}"), vec![7u8; 1024 * 1024]);
        }
        let first = store.apply(batch).and_then(|_| store.flush()).err();
        // room again: sled would now take the write and never finish its flush
        std::fs::remove_file(&filler).unwrap();
        let mut batch = Batch::default();
        batch.put(Tree::Meta, "next", b"typed after".to_vec());
        let next = store.apply(batch).and_then(|_| store.flush());
        let read = store.get(Tree::Meta, b"schema_version").map(|v| v.is_some());
        drop(store);
        tx.send((first, next, read)).unwrap();
    });
    let (first, next, read) = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("writes, reads and closing after a refused write return");
    assert_eq!(first, Some(StoreError::DiskFull));
    assert_eq!(next, Err(StoreError::WritesStopped));
    assert_eq!(read, Ok(true), "reading goes on");
}

#[test]
fn a_read_only_data_folder_gets_its_own_message_and_stays_as_it_was() {
    let Some(disk) = SmallDisk::mount(16 * 1024) else {
        return;
    };
    let data = disk.path().join("data");
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.csv");
    std::fs::write(&first, roster_csv(1, 20)).unwrap();
    let out = chibo(&data, &["import", "members", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = chibo(&data, &["backup"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = members_json(&data);

    disk.remount("ro");
    for args in [
        &["export", "members"][..],
        &["backup"][..],
        &["restore", "--latest", "--force"][..],
    ] {
        let out = chibo(&data, args);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim_end(),
            "chibo: Không ghi được vào thư mục dữ liệu (ổ đĩa chỉ đọc hoặc thiếu quyền). Những gì đã lưu vẫn còn nguyên.",
            "{args:?}"
        );
    }
    disk.remount("rw");
    assert_eq!(members_json(&data), before);
    assert!(
        std::fs::read_dir(&data)
            .unwrap()
            .all(|e| { !e.unwrap().file_name().to_string_lossy().starts_with("db.broken") })
    );
}

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// CPU ticks used by every thread of a process so far.
fn cpu_ticks(pid: u32) -> u64 {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("stat")).ok())
        .map(|stat| {
            let f: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
            f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
        })
        .sum()
}

/// The real program in a real terminal: the disk fills mid-meeting, the typing stays
/// on screen with the reason, chibo waits instead of spinning on the full disk, and
/// saves by itself once room is made.
#[test]
fn the_program_on_a_full_disk_keeps_the_typing_on_screen_and_does_not_spin() {
    if tmux(&["-V"]).is_none() {
        eprintln!("tmux not available: skipped");
        return;
    }
    let Some(disk) = SmallDisk::mount(24 * 1024) else {
        return;
    };
    let data = disk.path().join("data");
    let out = chibo(&data, &["demo", "--members", "20", "--years", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let session = format!("chibo-disk-{}", std::process::id());
    let data_env = format!("CHIBO_DATA_DIR={}", data.display());
    let cfg_env = format!("CHIBO_CONFIG_DIR={}", data.join("no-config").display());
    let bin = env!("CARGO_BIN_EXE_chibo");
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "80",
        "-y",
        "24",
        "-e",
        &data_env,
        "-e",
        &cfg_env,
        "-e",
        "TERM=xterm-256color",
        "-e",
        "CHIBO_TODAY=2026-11-22",
        bin,
    ])
    .expect("tmux starts chibo");
    let screen = || tmux(&["capture-pane", "-t", &session, "-p"]).unwrap_or_default();
    let wait_for = |text: &str, secs: u64| {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        while std::time::Instant::now() < until {
            if screen().contains(text) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    };
    let keys = |k: &[&str]| {
        for key in k {
            tmux(&["send-keys", "-t", &session, key]);
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
    };
    let type_text = |t: &str| {
        tmux(&["send-keys", "-t", &session, "-l", t]);
    };
    let pid: u32 = tmux(&["list-panes", "-t", &session, "-F", "#{pane_pid}"])
        .and_then(|p| p.trim().parse().ok())
        .expect("pid");
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert!(wait_for("Đảng viên", 10), "{}", screen());
        // an extraordinary meeting, planned and started
        keys(&["2", "n", "Right", "Right", "Right", "C-s", "s"]);
        assert!(wait_for("Mục 1/", 5), "{}", screen());
        type_text("Phần đã lưu");
        std::thread::sleep(std::time::Duration::from_millis(1500));

        let filler = disk.fill(0);
        type_text(", phần gõ khi đĩa đầy");
        assert!(wait_for("Ổ đĩa đầy: phần vừa gõ chưa lưu", 5), "{}", screen());
        assert!(screen().contains("Phần đã lưu, phần gõ khi đĩa đầy"), "{}", screen());
        let before = cpu_ticks(pid);
        std::thread::sleep(std::time::Duration::from_secs(4));
        let used = cpu_ticks(pid) - before;
        assert!(used <= 10, "{used} CPU ticks in 4 s on a full disk: chibo spins");

        std::fs::remove_file(&filler).unwrap();
        assert!(wait_for("Đã lưu được phần biên bản vừa gõ", 6), "{}", screen());
        keys(&["C-c"]);
        let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while std::path::Path::new(&format!("/proc/{pid}")).exists() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }));
    let _ = tmux(&["kill-session", "-t", &session]);
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
    let probe = disk.path().join("probe.json");
    let out = chibo(&data, &["backup", probe.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let backup = std::fs::read_to_string(&probe).unwrap();
    assert!(
        backup.contains("Phần đã lưu, phần gõ khi đĩa đầy"),
        "saved once there was room"
    );
}
