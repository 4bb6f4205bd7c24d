//! A copy of the branch and its roster beside the database (`roster.cache`), so that
//! the application's first frame is drawn before the database is open: sled's open
//! takes 10–25 ms on these laptops (it zeroes and syncs its free segments), reading this
//! file well under one.
//!
//! The copy is never trusted over the database. Every write of a member or of the
//! branch through `SledStore` removes it first (`SledStore::apply`), so a command that
//! changes the roster (`import`, `restore`, `demo`) leaves none behind; the application
//! writes it anew when it closes. Once the database is open, the application compares
//! the copy with what the database holds, record by record (by a hash of each), and
//! reads the roster again if anything differs (a crash of the system after the removal
//! was lost, an older chibo that wrote members without knowing of the copy).
//!
//! The file: a header line, the schema version, the branch record, the member records
//! as the database stores them (each after a mark, the last mark saying none follows),
//! and a CRC-32 of everything before it. Anything that does not read back exactly is no
//! copy at all. It is written and read a record at a time (0.8 MB at 2,000 members):
//! nothing of it is held but the roster it gives and a hash of each record.

use std::hash::{Hash, Hasher};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use super::{Result, SCHEMA_VERSION, Store, StoreError, Tree};
use crate::domain::branch::Branch;
use crate::domain::member::Member;

/// The file's name in the data folder.
pub const ROSTER_CACHE: &str = "roster.cache";

const HEADER: &[u8] = b"chibo roster cache 2\n";

/// No roster comes near this; a larger file is not read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A copy read back, decoded, with a hash of each record as stored (what the database
/// is compared with).
#[derive(Debug)]
pub struct RosterCache {
    branch_hash: Option<u64>,
    member_hashes: Vec<u64>,
    pub branch: Option<Branch>,
    pub members: Vec<Member>,
}

impl RosterCache {
    /// The copy in the data folder `dir`, if there is one that reads back whole, was
    /// written for this schema and decodes. Never an error: without a copy the
    /// database is simply read.
    pub fn read(dir: &Path) -> Option<RosterCache> {
        let mut from = Reader::open(&dir.join(ROSTER_CACHE))?;
        let mut record = Vec::new();
        from.bytes(&mut record, HEADER.len())?;
        if record != HEADER {
            return None;
        }
        if from.u32()? != SCHEMA_VERSION {
            return None;
        }
        let (branch, branch_hash) = match from.u8()? {
            0 => (None, None),
            1 => {
                from.record(&mut record)?;
                let branch = super::records::decode(Tree::Meta, &record).ok()?;
                (Some(branch), Some(hash(&record)))
            }
            _ => return None,
        };
        let (mut members, mut member_hashes) = (Vec::new(), Vec::new());
        loop {
            match from.u8()? {
                0 => break,
                1 => {
                    from.record(&mut record)?;
                    members.push(super::records::decode(Tree::Members, &record).ok()?);
                    member_hashes.push(hash(&record));
                }
                _ => return None,
            }
        }
        from.end()?;
        Some(RosterCache {
            branch_hash,
            member_hashes,
            branch,
            members,
        })
    }

    /// Whether `store` holds the branch and members this copy holds, record for record.
    pub fn matches(&self, store: &dyn Store) -> Result<bool> {
        let branch = store.get(Tree::Meta, super::records::KEY_BRANCH)?;
        if branch.as_deref().map(hash) != self.branch_hash {
            return Ok(false);
        }
        let mut same = true;
        let mut count = 0;
        store.each_value(Tree::Members, &mut |v| {
            same &= self.member_hashes.get(count) == Some(&hash(v));
            count += 1;
            Ok(())
        })?;
        Ok(same && count == self.member_hashes.len())
    }

    /// Writes the copy of what `store` holds into the data folder `dir` (owner-only,
    /// through a temporary file renamed into place).
    pub fn write(dir: &Path, store: &dyn Store) -> Result<()> {
        super::write_file_safely_with(&dir.join(ROSTER_CACHE), |file, _| {
            let mut out = Writer {
                out: BufWriter::new(file),
                crc: crc32fast::Hasher::new(),
            };
            out.put(HEADER)?;
            out.put(&SCHEMA_VERSION.to_le_bytes())?;
            match store.get(Tree::Meta, super::records::KEY_BRANCH)? {
                Some(b) => out.record(&b)?,
                None => out.put(&[0])?,
            }
            store.each_value(Tree::Members, &mut |v| out.record(v))?;
            out.put(&[0])?;
            let crc = out.crc.clone().finalize();
            out.out.write_all(&crc.to_le_bytes())?;
            out.out.flush()?;
            Ok(())
        })
    }

    /// Removes the copy from the data folder `dir` (there may be none).
    pub fn remove(dir: &Path) -> Result<()> {
        match std::fs::remove_file(dir.join(ROSTER_CACHE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

/// A record's hash: equal records, equal hashes, within one build of chibo (a cache
/// read by another build may only fail to match, and the roster is read again).
fn hash(record: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    record.hash(&mut h);
    h.finish()
}

struct Writer<W: Write> {
    out: W,
    crc: crc32fast::Hasher,
}

impl<W: Write> Writer<W> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.crc.update(bytes);
        Ok(self.out.write_all(bytes)?)
    }

    /// A record after its mark and length.
    fn record(&mut self, record: &[u8]) -> Result<()> {
        let len = u32::try_from(record.len()).map_err(|_| StoreError::Corrupt {
            tree: "members",
            detail: "a record over 4 GB".into(),
        })?;
        self.put(&[1])?;
        self.put(&len.to_le_bytes())?;
        self.put(record)
    }
}

/// The cache file, read in order, with the CRC of what was read so far and how much is
/// left of it (a length past the end is damage, not a reason to allocate).
struct Reader {
    file: BufReader<std::fs::File>,
    crc: crc32fast::Hasher,
    left: u64,
}

impl Reader {
    /// A regular file, opened without following a link; `None` for anything else.
    fn open(path: &Path) -> Option<Reader> {
        let mut opts = std::fs::OpenOptions::new();
        opts.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = opts.open(path).ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() > MAX_BYTES {
            return None;
        }
        Some(Reader {
            file: BufReader::with_capacity(64 * 1024, file),
            crc: crc32fast::Hasher::new(),
            left: meta.len(),
        })
    }

    fn bytes(&mut self, buf: &mut Vec<u8>, n: usize) -> Option<()> {
        // the checksum's 4 bytes come after whatever is read here
        if n as u64 + 4 > self.left {
            return None;
        }
        buf.resize(n, 0);
        self.file.read_exact(buf).ok()?;
        self.left -= n as u64;
        self.crc.update(buf);
        Some(())
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut buf = Vec::with_capacity(N);
        self.bytes(&mut buf, N)?;
        buf.try_into().ok()
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    /// A record's length and bytes, into `buf`.
    fn record(&mut self, buf: &mut Vec<u8>) -> Option<()> {
        let len = self.u32()?;
        self.bytes(buf, len as usize)
    }

    /// The checksum, and nothing after it.
    fn end(mut self) -> Option<()> {
        let mut crc = [0u8; 4];
        self.file.read_exact(&mut crc).ok()?;
        let mut after = [0u8; 1];
        let at_end = matches!(self.file.read(&mut after), Ok(0));
        (at_end && u32::from_le_bytes(crc) == self.crc.finalize()).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MemoryStore, Records};
    use chrono::NaiveDate;

    fn at() -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(20, 0, 0)
            .unwrap()
    }

    fn branch_with(names: &[&str]) -> MemoryStore {
        let store = MemoryStore::default();
        store.check_schema().unwrap();
        store
            .save_branch(&Branch::new(
                "Chi bộ Khu phố 3",
                "Đảng bộ phường An Phú",
                "An Phú",
                "2025–2030",
                "",
            ))
            .unwrap();
        for name in names {
            let parts: Vec<&str> = name.split(' ').collect();
            let mut m = Member::new(parts[0], parts[1], parts[2]);
            store.save_member(&mut m, at(), "add").unwrap();
        }
        store
    }

    #[test]
    fn a_copy_reads_back_as_the_roster_it_was_written_from() {
        let dir = tempfile::tempdir().unwrap();
        let store = branch_with(&["Nguyễn Văn An", "Trần Thị Bích"]);
        RosterCache::write(dir.path(), &store).unwrap();
        let copy = RosterCache::read(dir.path()).expect("a copy");
        assert_eq!(copy.branch, store.branch().unwrap());
        assert_eq!(copy.members, store.members().unwrap());
        assert!(copy.matches(&store).unwrap());
    }

    #[test]
    fn a_copy_that_differs_from_the_store_in_any_member_does_not_match() {
        let dir = tempfile::tempdir().unwrap();
        let store = branch_with(&["Nguyễn Văn An", "Trần Thị Bích"]);
        RosterCache::write(dir.path(), &store).unwrap();
        let copy = RosterCache::read(dir.path()).unwrap();
        let mut m = store.members().unwrap().remove(1);
        m.phone = "0912 345 678".into();
        store.save_member(&mut m, at(), "edit").unwrap();
        assert!(!copy.matches(&store).unwrap(), "a changed member");
        let fewer = branch_with(&["Nguyễn Văn An"]);
        assert!(!copy.matches(&fewer).unwrap(), "a member fewer");
        let more = branch_with(&["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường"]);
        assert!(!copy.matches(&more).unwrap(), "a member more");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_no_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = branch_with(&["Nguyễn Văn An"]);
        RosterCache::write(dir.path(), &store).unwrap();
        let path = dir.path().join(ROSTER_CACHE);
        let good = std::fs::read(&path).unwrap();
        // one byte changed anywhere
        for at in [0, HEADER.len() + 2, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            std::fs::write(&path, &bad).unwrap();
            assert!(RosterCache::read(dir.path()).is_none(), "byte {at} changed");
        }
        // cut short
        std::fs::write(&path, &good[..good.len() - 7]).unwrap();
        assert!(RosterCache::read(dir.path()).is_none());
        // written for another schema, with a checksum that fits
        let mut other = good[..good.len() - 4].to_vec();
        other[HEADER.len()..HEADER.len() + 4].copy_from_slice(&(SCHEMA_VERSION + 1).to_le_bytes());
        let crc = crc32fast::hash(&other);
        other.extend_from_slice(&crc.to_le_bytes());
        std::fs::write(&path, &other).unwrap();
        assert!(RosterCache::read(dir.path()).is_none());
        std::fs::write(&path, b"").unwrap();
        assert!(RosterCache::read(dir.path()).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_copys_place_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        RosterCache::write(elsewhere.path(), &branch_with(&["Nguyễn Văn An"])).unwrap();
        std::os::unix::fs::symlink(
            elsewhere.path().join(ROSTER_CACHE),
            dir.path().join(ROSTER_CACHE),
        )
        .unwrap();
        assert!(RosterCache::read(dir.path()).is_none());
        // and it is not written through either
        assert!(RosterCache::write(dir.path(), &branch_with(&["Trần Thị Bích"])).is_err());
        let there = RosterCache::read(elsewhere.path()).unwrap();
        assert_eq!(there.members[0].full_name(), "Nguyễn Văn An");
    }

    #[test]
    fn the_copy_is_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        RosterCache::write(dir.path(), &branch_with(&["Nguyễn Văn An"])).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(ROSTER_CACHE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        RosterCache::remove(dir.path()).unwrap();
        assert!(!dir.path().join(ROSTER_CACHE).exists());
        RosterCache::remove(dir.path()).unwrap();
    }
}
