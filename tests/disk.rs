//! A disk that fills up or turns read-only. Mid-meeting, the typing stays on screen
//! and in memory, the message line says what happened, the console cannot be left or
//! quit without a warning, and the typing is saved as soon as there is room again.
//! On a real small disk (a tmpfs, which only root may mount: these tests are ignored
//! unless asked for with `--include-ignored`, as CI does, and then fail where no disk
//! can be mounted): a command that cannot write says so in one line, without
//! sending the user to restore a backup; nothing saved earlier changes; the same open
//! database writes again once space is freed; a write the disk refuses halfway hangs
//! nothing; the real program in tmux does not spin on the full disk. A read-only data
//! folder gets its own message.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

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
    store.meetings().unwrap()[0].agenda[0].entries[0]
        .text
        .clone()
}

/// The December meeting started over the fixture branch, on a disk that fills up
/// when `full` is set; the store behind it, to read what was saved.
fn meeting_on_a_filling_disk() -> (App, Arc<MemoryStore>, Arc<AtomicBool>) {
    let store = Arc::new(fixture_store());
    let full = Arc::new(AtomicBool::new(false));
    let disk = FillingDisk {
        inner: store.clone(),
        full: full.clone(),
    };
    let options = chibo::app::Options {
        clock: Box::new(TestClock::on(meeting_day(), 19, 30)),
        ..options(chibo::i18n::Lang::Vi)
    };
    let mut app = App::new(Box::new(disk), options).unwrap();
    plan_and_start(&mut app);
    (app, store, full)
}

#[test]
fn a_disk_full_mid_meeting_keeps_the_typing_and_saves_it_once_there_is_room() {
    let (mut app, store, full) = meeting_on_a_filling_disk();
    type_text(&mut app, "Phần đã lưu");
    app.save_now().unwrap();

    full.store(true, Ordering::SeqCst);
    type_text(&mut app, ", phần gõ khi đĩa đầy");
    assert_eq!(app.save_now(), Err(StoreError::DiskFull));
    assert!(app.needs_save(), "the typing still waits to be saved");
    assert_eq!(
        stored_text(&store),
        "Phần đã lưu",
        "what was saved is untouched"
    );
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains(
            "Ổ đĩa đầy: phần vừa gõ chưa lưu, vẫn giữ ở đây. Dọn chỗ trống, chibo tự lưu."
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Phần đã lưu, phần gõ khi đĩa đầy"),
        "{shown}"
    );

    // leaving the console would drop the typing: it stays open
    press(&mut app, "esc");
    assert!(app.meetings.console.is_some(), "the console stays open");
    // ending the meeting cannot be written either: the meeting goes on
    press(&mut app, "ctrl-e enter");
    assert!(app.meetings.console.is_some(), "the console stays open");
    assert!(
        app.meetings
            .console
            .as_ref()
            .unwrap()
            .meeting
            .ended_at
            .is_none()
    );
    assert_eq!(
        store.meetings().unwrap()[0].status(),
        MeetingStatus::InProgress
    );

    // quitting mid-meeting asks, then warns, and says where the minutes will go
    press(&mut app, "ctrl-c y");
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
    press(&mut app, "ctrl-c y");
    assert!(
        app.quit,
        "with everything saved, quitting does not warn again"
    );
}

#[test]
fn quitting_on_a_full_disk_leaves_with_the_minutes_in_hand() {
    let (mut app, _, full) = meeting_on_a_filling_disk();
    full.store(true, Ordering::SeqCst);
    type_text(&mut app, "Ý kiến cuối cùng");
    press(&mut app, "ctrl-c y y");
    assert!(app.quit, "confirmed twice, chibo quits");
    assert_eq!(
        app.shutdown(),
        Err(StoreError::DiskFull),
        "the loss is not hidden"
    );
    let (_, text) = app
        .unsaved_minutes()
        .expect("the minutes to keep elsewhere");
    assert!(text.contains("Ý kiến cuối cùng"));
}

// ---- a real small disk -------------------------------------------------------------

/// A tmpfs of a few megabytes, mounted for the test; where mounting is not allowed
/// (not root, or a container without the right) the test fails.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u32) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={kib}k,mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        require(ok, "the right to mount a tmpfs", "run the tests as root");
        SmallDisk { dir }
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
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
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

fn members_json(data: &Path) -> String {
    let out = chibo(data, &["export", "members", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const DISK_FULL: &str = "chibo: Ổ đĩa đã đầy, chibo không ghi thêm được. Những gì đã lưu vẫn còn nguyên; hãy giải phóng chỗ trống rồi thử lại.";

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs root to mount a small disk: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_real_full_disk_refuses_the_command_keeps_the_data_and_writes_again_once_freed() {
    let disk = SmallDisk::mount(16 * 1024);
    let data = disk.path().join("data");
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.csv");
    let second = files.path().join("second.csv");
    std::fs::write(&first, roster_csv(1, 20)).unwrap();
    std::fs::write(&second, roster_csv(1000, 3000)).unwrap();
    let out = chibo(&data, &["import", "members", first.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let written = chibo::store::write_file_safely(&export, &vec![b'x'; 1024 * 1024]);
    assert_eq!(written, Err(chibo::store::StoreError::DiskFull));
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
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        3020 => {
            let now: Vec<serde_json::Value> = serde_json::from_str(&now).unwrap();
            let before: Vec<serde_json::Value> = serde_json::from_str(&before).unwrap();
            assert!(
                before.iter().all(|m| now.contains(m)),
                "nothing saved earlier changed"
            );
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
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs root to mount a small disk: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn the_open_database_writes_again_once_the_disk_has_room() {
    let disk = SmallDisk::mount(16 * 1024);
    let data = disk.path().join("data");
    let store = SledStore::open(&data).unwrap();
    let mut batch = Batch::default();
    batch.put(Tree::Meta, "kept", b"saved before the disk filled".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();

    let filler = disk.fill(0);
    let mut batch = Batch::default();
    batch.put(
        Tree::Meta,
        "refused",
        b"typed while the disk was full".to_vec(),
    );
    assert_eq!(store.apply(batch), Err(StoreError::DiskFull));

    std::fs::remove_file(&filler).unwrap();
    let mut batch = Batch::default();
    batch.put(Tree::Meta, "after", b"written once there was room".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();
    drop(store);

    // sled's own threads let go of its files a moment after the handle is dropped
    let store = open_when_free(&data);
    let get = |k: &[u8]| store.get(Tree::Meta, k).unwrap();
    assert_eq!(
        get(b"kept").as_deref(),
        Some(&b"saved before the disk filled"[..])
    );
    assert_eq!(get(b"refused"), None);
    assert_eq!(
        get(b"after").as_deref(),
        Some(&b"written once there was room"[..])
    );
}

/// sled, refused by the disk in the middle of a write, never returns from its next
/// flush, even once room is made: after such a failure chibo hands it no more writes
/// (the process would freeze mid-meeting) and ends without waiting on it.
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs root to mount a small disk: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn after_the_disk_refuses_a_write_midway_nothing_hangs() {
    let disk = SmallDisk::mount(16 * 1024);
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
        let first = store.apply(batch).and_then(|()| store.flush()).err();
        // room again: sled would now take the write and never finish its flush
        std::fs::remove_file(&filler).unwrap();
        let mut batch = Batch::default();
        batch.put(Tree::Meta, "next", b"typed after".to_vec());
        let next = store.apply(batch).and_then(|()| store.flush());
        let read = store
            .get(Tree::Meta, b"schema_version")
            .map(|v| v.is_some());
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
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs root to mount a small disk: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_read_only_data_folder_gets_its_own_message_and_stays_as_it_was() {
    let disk = SmallDisk::mount(16 * 1024);
    let data = disk.path().join("data");
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.csv");
    std::fs::write(&first, roster_csv(1, 20)).unwrap();
    let out = chibo(&data, &["import", "members", first.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = chibo(&data, &["backup"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert!(std::fs::read_dir(&data).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("db.broken")
    }));
}

/// The real program in a real terminal: the disk fills mid-meeting, the typing stays
/// on screen with the reason, chibo waits instead of spinning on the full disk, and
/// saves by itself once room is made.
#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux and root to mount a small disk: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn the_program_on_a_full_disk_keeps_the_typing_on_screen_and_does_not_spin() {
    common::tty::require();
    let disk = SmallDisk::mount(24 * 1024);
    // the branch's folder is on the small disk
    let branch = common::tty::Branch::made_in(
        disk.path(),
        &["demo", "--members", "20", "--years", "1"],
        &["CHIBO_TODAY=2026-11-22"],
    );
    let term = branch.start("disk", (80, 24));
    term.start_meeting();
    term.type_text("Phần đã lưu");
    std::thread::sleep(std::time::Duration::from_millis(1500));

    let filler = disk.fill(0);
    term.type_text(", phần gõ khi đĩa đầy");
    assert!(
        term.wait_for("Ổ đĩa đầy: phần vừa gõ chưa lưu", 5),
        "{}",
        term.screen()
    );
    assert!(
        term.screen().contains("Phần đã lưu, phần gõ khi đĩa đầy"),
        "{}",
        term.screen()
    );
    let ticks = || -> u64 {
        common::tty::thread_usage(term.pid)
            .iter()
            .map(|t| t.1)
            .sum()
    };
    let before = ticks();
    std::thread::sleep(std::time::Duration::from_secs(4));
    let used = ticks() - before;
    // a loop retrying the write takes a whole core, 400 ticks in 4 s; waiting for room
    // with the clock's redraw once a second takes a few, more on a busy machine
    assert!(
        used <= 40,
        "{used} CPU ticks in 4 s on a full disk: chibo spins"
    );

    std::fs::remove_file(&filler).unwrap();
    assert!(
        term.wait_for("Đã lưu được phần biên bản vừa gõ", 6),
        "{}",
        term.screen()
    );
    term.keys(&["C-c", "y"]);
    drop(term);
    let probe = branch.tmp.path().join("probe.json");
    let out = chibo_when_free(&branch.data, &["backup", probe.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let backup = std::fs::read_to_string(&probe).unwrap();
    assert!(
        backup.contains("Phần đã lưu, phần gõ khi đĩa đầy"),
        "saved once there was room"
    );
}
