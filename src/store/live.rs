//! Reading the data while the application has it open: sled opens a database once, so
//! a command that only reads (`report`, `export`, `check`) asks the running
//! application instead, through a Unix socket in the data folder (`chibo.sock`,
//! owner-only, removed when the application closes). The application answers on a
//! thread of its own with a backup of every record, streamed record by record, and says
//! at the end whether a write happened meanwhile; the command then asks again, and loads
//! a consistent copy into an in-memory store. The socket only ever sends: nothing can
//! write through it.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::{MemoryStore, SledReader, StoreError};

/// The socket's name in the data folder.
pub const SOCKET: &str = "chibo.sock";

/// What a command asks for: the only request there is.
const REQUEST: &[u8] = b"snapshot\n";

/// The line after the backup: whether it is consistent, and the database's size.
const TRAILER: &str = "#chibo-snapshot";

/// How many times a command asks again when writes kept changing the data.
const ATTEMPTS: usize = 5;

/// Counts the writes applied to a database: odd while one is being applied. A copy
/// taken while it stayed the same and even saw no write.
#[derive(Clone, Default)]
pub struct WriteCount(Arc<AtomicU64>);

impl WriteCount {
    pub(crate) fn begin(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    pub(crate) fn end(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The running application's socket: answered on a thread of its own, removed when
/// dropped (when the application closes, before the data folder is let go).
pub struct Listener {
    path: PathBuf,
    #[cfg(unix)]
    id: (u64, u64),
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(unix)]
fn is_socket(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_socket())
}

impl Listener {
    /// Listens in `dir`, which this process holds (its lock is taken): a socket left
    /// there by a chibo that was killed is stale and replaced. The socket is made under
    /// another name, made owner-only, then renamed into place, so it is never reachable
    /// with looser permissions. `None` when it cannot be made (a path too long for a
    /// socket, a file of that name that is not a socket, no Unix sockets): the commands
    /// then say the data is in use, as before.
    #[cfg(unix)]
    pub fn start(dir: &Path, reader: SledReader) -> Option<Listener> {
        use std::os::unix::fs::PermissionsExt;
        use std::os::unix::net::UnixListener;
        let path = dir.join(SOCKET);
        if std::fs::symlink_metadata(&path).is_ok() {
            if !is_socket(&path) {
                return None;
            }
            std::fs::remove_file(&path).ok()?;
        }
        let tmp = dir.join(format!(".{SOCKET}.{}.tmp", std::process::id()));
        if is_socket(&tmp) {
            let _ = std::fs::remove_file(&tmp);
        }
        let listener = UnixListener::bind(&tmp).ok()?;
        let placed = std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))
            .and_then(|()| std::fs::rename(&tmp, &path));
        if placed.is_err() {
            let _ = std::fs::remove_file(&tmp);
            return None;
        }
        let id = file_id(&path)?;
        std::thread::Builder::new()
            .name("chibo-socket".into())
            .spawn(move || {
                // blocked in accept until a command asks: an idle application sleeps
                for conn in listener.incoming() {
                    match conn {
                        Ok(conn) => {
                            let _ = answer(conn, &reader);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(100)),
                    }
                }
            })
            .ok()?;
        Some(Listener { path, id })
    }

    #[cfg(not(unix))]
    pub fn start(_dir: &Path, _reader: SledReader) -> Option<Listener> {
        None
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // only our own socket: never one another chibo put there since
        #[cfg(unix)]
        if file_id(&self.path) == Some(self.id) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Answers one command: the request is read, then a backup of every record and the
/// trailer are written. A command that stops reading is given up on after a while.
#[cfg(unix)]
fn answer(conn: std::os::unix::net::UnixStream, reader: &SledReader) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(2)))?;
    conn.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut request = Vec::new();
    BufReader::new(&conn)
        .take(64)
        .read_until(b'\n', &mut request)?;
    let mut out = BufWriter::with_capacity(64 * 1024, &conn);
    if request != REQUEST {
        out.write_all(b"#chibo-refused\n")?;
        return out.flush();
    }
    // a write being applied: wait for it to end (a few milliseconds)
    let mut before = reader.writes.get();
    for _ in 0..200 {
        if before.is_multiple_of(2) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        before = reader.writes.get();
    }
    let now = chrono::Local::now().naive_local();
    super::write_backup(reader, &mut out, now, None).map_err(std::io::Error::other)?;
    let after = reader.writes.get();
    let state = if before == after && before.is_multiple_of(2) {
        "consistent"
    } else {
        "changed"
    };
    writeln!(out, "{TRAILER} {state} {}", reader.size_on_disk())?;
    out.flush()
}

/// Why the running application's data could not be had.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Something answered on the socket that is not a chibo of this version.
    #[error("the open chibo window gave no usable answer")]
    NoAnswer,
    /// Every copy asked for was changed by a write while it was made.
    #[error("the data kept changing in the open chibo window")]
    KeptChanging,
}

impl From<std::io::Error> for LiveError {
    fn from(e: std::io::Error) -> Self {
        LiveError::Store(e.into())
    }
}

/// A consistent copy of the data the running application has open.
pub struct Snapshot {
    pub store: MemoryStore,
    /// The database's size on disk, as the application measured it.
    pub size_on_disk: u64,
}

/// Asks the application running on `dir` for its data. `Ok(None)` when none answers
/// (no socket, or one a killed chibo left behind).
#[cfg(unix)]
pub fn snapshot(dir: &Path) -> Result<Option<Snapshot>, LiveError> {
    use std::os::unix::net::UnixStream;
    let path = dir.join(SOCKET);
    for _ in 0..ATTEMPTS {
        let Ok(mut conn) = UnixStream::connect(&path) else {
            return Ok(None);
        };
        conn.set_read_timeout(Some(Duration::from_secs(30)))?;
        conn.set_write_timeout(Some(Duration::from_secs(5)))?;
        conn.write_all(REQUEST)?;
        let mut bytes = Vec::new();
        conn.read_to_end(&mut bytes)?;
        let text = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let split = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let (body, trailer) = text.split_at(split);
        let trailer = String::from_utf8_lossy(trailer);
        let mut words = trailer.split(' ');
        if words.next() != Some(TRAILER) {
            return Err(LiveError::NoAnswer);
        }
        let consistent = words.next() == Some("consistent");
        let size_on_disk = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
        if !consistent {
            continue;
        }
        let store = MemoryStore::new();
        super::restore_stream(body, &store).map_err(|e| match e {
            super::BackupError::Store(s) => LiveError::Store(s),
            _ => LiveError::NoAnswer,
        })?;
        return Ok(Some(Snapshot {
            store,
            size_on_disk,
        }));
    }
    Err(LiveError::KeptChanging)
}

#[cfg(not(unix))]
pub fn snapshot(_dir: &Path) -> Result<Option<Snapshot>, LiveError> {
    Ok(None)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::store::{Batch, SledStore, Store, Tree};

    /// Every copy a command gets holds whole batches only: here each batch writes one
    /// member and one task, so a copy holds as many of each, however the writes and the
    /// copies interleave.
    #[test]
    fn a_copy_taken_during_writes_holds_whole_batches() {
        let tmp = tempfile::tempdir().unwrap();
        let store = SledStore::open(tmp.path()).unwrap();
        crate::store::Records::check_schema(&store).unwrap();
        let listener = Listener::start(tmp.path(), store.reader()).expect("the socket");
        let dir = tmp.path().to_path_buf();
        let asker = std::thread::spawn(move || {
            let mut copies = Vec::new();
            for _ in 0..20 {
                match snapshot(&dir) {
                    Ok(Some(copy)) => copies.push(copy),
                    Ok(None) => panic!("nobody answered"),
                    Err(LiveError::KeptChanging) => {}
                    Err(e) => panic!("{e}"),
                }
            }
            copies
        });
        let mut n = 0u64;
        while !asker.is_finished() {
            n += 1;
            let mut b = Batch::default();
            b.put(Tree::Members, n.to_be_bytes().to_vec(), b"{}".to_vec());
            b.put(Tree::Tasks, n.to_be_bytes().to_vec(), b"{}".to_vec());
            store.apply(b).unwrap();
            std::thread::sleep(Duration::from_millis(1));
        }
        let copies = asker.join().unwrap();
        assert!(
            !copies.is_empty(),
            "at least one copy while {n} batches were written"
        );
        for copy in &copies {
            let members = copy.store.scan(Tree::Members).unwrap().len();
            let tasks = copy.store.scan(Tree::Tasks).unwrap().len();
            assert_eq!(members, tasks, "a copy with half a batch");
        }
        // a request that is not the one there is gets nothing
        let mut conn = std::os::unix::net::UnixStream::connect(tmp.path().join(SOCKET)).unwrap();
        conn.write_all(b"restore\n").unwrap();
        let mut answer = String::new();
        conn.read_to_string(&mut answer).unwrap();
        assert_eq!(answer, "#chibo-refused\n");
        drop(listener);
        assert!(!tmp.path().join(SOCKET).exists());
        assert!(snapshot(tmp.path()).unwrap().is_none());
    }
}
