//! Files chibo writes outside its database (exports, backups, rescued minutes) and the
//! folders it makes: a kill leaves the old file or the new one, never half of one; only
//! a regular file or a new path is ever replaced; temporary files are created
//! exclusively, without following links, with unpredictable names, beside the target.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Every temporary file chibo writes ends so; leftovers of a killed write are found by it.
pub const TEMP_SUFFIX: &str = ".chibo-tmp";

/// Writes `bytes` to `path`: a temporary file in the same folder (created exclusively,
/// owner-only, never through a link), synced, then renamed over `path`. Refuses a
/// `path` that exists and is not a regular file (a device, a link, a folder).
pub fn write_file_safely(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file_safely_with(path, |file, _| Ok(file.write_all(bytes)?))
}

/// `write_file_safely` with the content written by `fill` into the temporary file (open
/// for reading too; its path given for messages); a `fill` that fails leaves no file.
pub fn write_file_safely_with(
    path: &Path,
    fill: impl FnOnce(&mut fs::File, &Path) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    refuse_unless_regular_or_new(path)?;
    let dir = parent_of(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("chibo");
    let (tmp, mut file) = create_temp(dir, name)?;
    if let Err(e) = fill(&mut file, &tmp) {
        drop(file);
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let written = (|| {
        file.sync_all()?;
        drop(file);
        // checked again just before the rename: a link planted meanwhile is replaced,
        // never followed, but is still refused
        refuse_unless_regular_or_new(path).map_err(io::Error::other)?;
        fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok::<(), io::Error>(())
    })();
    // a write cut short (a full disk) leaves no half file behind
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(match e.downcast::<StoreError>() {
            Ok(se) => se,
            Err(e) => e.into(),
        });
    }
    Ok(())
}

/// Writes `bytes` to a new file in `dir` whose name `name_for(n)` gives for the first
/// `n = 0, 1, …` not taken: never replaces a file (two writes in the same second get
/// two files). Returns the path written.
pub fn write_new_file(
    dir: &Path,
    bytes: &[u8],
    name_for: impl Fn(u32) -> String,
) -> Result<PathBuf, StoreError> {
    write_new_file_with(dir, name_for, |file, _| Ok(file.write_all(bytes)?))
}

/// `write_new_file` with the content written by `fill` into the temporary file (open
/// for reading too, so it can be read back; its path given for messages); a `fill`
/// that fails leaves no file at all.
pub fn write_new_file_with(
    dir: &Path,
    name_for: impl Fn(u32) -> String,
    fill: impl FnOnce(&mut fs::File, &Path) -> Result<(), StoreError>,
) -> Result<PathBuf, StoreError> {
    let (tmp, mut file) = create_temp(dir, &name_for(0))?;
    if let Err(e) = fill(&mut file, &tmp) {
        drop(file);
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let written = (|| {
        file.sync_all()?;
        drop(file);
        for n in 0..10_000 {
            let path = dir.join(name_for(n));
            // a hard link is created only where no file is: the exclusive create of the
            // final name, with the whole content already in place
            match fs::hard_link(&tmp, &path) {
                Ok(()) => {
                    fs::remove_file(&tmp)?;
                    sync_dir(dir);
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e)
                    if e.kind() == io::ErrorKind::Unsupported
                        || e.raw_os_error().is_some_and(is_no_links) =>
                {
                    // a file system without hard links: rename, having looked first
                    if fs::symlink_metadata(&path).is_ok() {
                        continue;
                    }
                    fs::rename(&tmp, &path)?;
                    sync_dir(dir);
                    return Ok(path);
                }
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    Ok(written?)
}

fn is_no_links(code: i32) -> bool {
    // EPERM (FAT and some FUSE file systems refuse links so), EXDEV, ENOTSUP/EOPNOTSUPP, EMLINK
    matches!(code, 1 | 18 | 95 | 31)
}

/// The folder a path's file lives in (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Refuses a path that exists and is not a regular file.
pub fn refuse_unless_regular_or_new(path: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(_) => Err(StoreError::NotRegularFile(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Creates a temporary file in `dir` for `name`: exclusively, owner-only, never through
/// a link, under a name no one can guess.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let short: String = name.chars().take(64).collect();
    loop {
        let tmp = dir.join(format!(".{short}.{:016x}{TEMP_SUFFIX}", random()));
        let mut opts = fs::OpenOptions::new();
        opts.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        match opts.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// 64 unpredictable bits: std's hasher keys come from the operating system's randomness.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish()
}

/// Makes the rename durable (best effort; not every platform syncs folders).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Makes a folder chibo owns (`backups/`, `exports/`, a data folder's parents): created
/// owner-only (0700) where missing; an existing folder is used as it is, and a link in
/// its place is refused.
pub fn ensure_private_dir(dir: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_dir() => Ok(()),
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(StoreError::LinkRefused(dir.to_path_buf()))
        }
        Ok(_) => Err(StoreError::NotADirectory(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder.create(dir)?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Removes the temporary files a killed write left in `dir` (chibo's own names only:
/// `….chibo-tmp`, and `.….tmpNNN` of earlier versions).
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name.starts_with('.')
            && (name.ends_with(TEMP_SUFFIX)
                || name.rsplit_once(".tmp").is_some_and(|(_, pid)| {
                    !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
                }));
        if ours && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_regular_file_and_writes_a_new_one() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("out.csv");
        write_file_safely(&path, b"one").unwrap();
        write_file_safely(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_and_folders_and_changes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("target");
        fs::write(&target, b"keep").unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(
            write_file_safely(&link, b"x"),
            Err(StoreError::NotRegularFile(link.clone()))
        );
        assert_eq!(fs::read(&target).unwrap(), b"keep");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let sub = tmp.path().join("sub");
        fs::create_dir(&sub).unwrap();
        assert_eq!(
            write_file_safely(&sub, b"x"),
            Err(StoreError::NotRegularFile(sub.clone()))
        );
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            3,
            "no temporary file left"
        );
    }

    #[test]
    fn new_files_never_replace_each_other() {
        let tmp = tempfile::tempdir().unwrap();
        let name = |n: u32| format!("b-{n:03}.json");
        let a = write_new_file(tmp.path(), b"a", name).unwrap();
        let b = write_new_file(tmp.path(), b"b", name).unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"a");
        assert_eq!(fs::read(&b).unwrap(), b"b");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2);
    }

    #[test]
    fn leftovers_of_a_killed_write_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        for n in [
            ".chibo-x.json.0123abcd.chibo-tmp",
            ".chibo-x.json.tmp4242",
            "keep.json",
            ".keep",
        ] {
            fs::write(tmp.path().join(n), b"x").unwrap();
        }
        remove_leftovers(tmp.path());
        let mut left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".keep", "keep.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn folders_are_made_owner_only_and_links_refused() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("a/b/c");
        ensure_private_dir(&deep).unwrap();
        for p in [tmp.path().join("a"), tmp.path().join("a/b"), deep.clone()] {
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o700,
                "{p:?}"
            );
        }
        let link = tmp.path().join("backups");
        std::os::unix::fs::symlink(&deep, &link).unwrap();
        assert_eq!(
            ensure_private_dir(&link),
            Err(StoreError::LinkRefused(link.clone()))
        );
    }
}
