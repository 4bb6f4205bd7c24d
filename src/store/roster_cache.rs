//! A copy of the branch and its roster beside the database (`roster.cache`), so that
//! the application's first frame is drawn before the database is open: sled's open
//! takes 10–25 ms on these laptops (it zeroes and syncs its free segments), reading this
//! file well under one.
//!
//! The copy is never trusted over the database. Every write of a member or of the
//! branch through `SledStore` removes it first (`SledStore::apply`), so a command that
//! changes the roster (`import`, `restore`, `demo`) leaves none behind; the application
//! writes it anew when it closes. Once the database is open, the application compares
//! the copy with what the database holds, record by record, and reads the roster again
//! if anything differs (a crash of the system after the removal was lost, an older
//! chibo that wrote members without knowing of the copy).
//!
//! The file: a header line, the schema version, the branch record, the member records
//! as the database stores them, and a CRC-32 of everything before it. Anything that
//! does not read back exactly is no copy at all.

use std::io::Read;
use std::path::Path;

use super::{Result, SCHEMA_VERSION, Store, StoreError, Tree};
use crate::domain::branch::Branch;
use crate::domain::member::Member;

/// The file's name in the data folder.
pub const ROSTER_CACHE: &str = "roster.cache";

const HEADER: &[u8] = b"chibo roster cache 1\n";

/// No roster comes near this; a larger file is not read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A copy read back: the records as stored, and decoded.
#[derive(Debug)]
pub struct RosterCache {
    branch_record: Option<Vec<u8>>,
    member_records: Vec<Vec<u8>>,
    pub branch: Option<Branch>,
    pub members: Vec<Member>,
}

impl RosterCache {
    /// The copy in the data folder `dir`, if there is one that reads back whole, was
    /// written for this schema and decodes. Never an error: without a copy the
    /// database is simply read.
    pub fn read(dir: &Path) -> Option<RosterCache> {
        let bytes = read_regular(&dir.join(ROSTER_CACHE))?;
        let (branch_record, member_records) = parse(&bytes)?;
        let branch = match &branch_record {
            Some(b) => Some(super::records::decode(Tree::Meta, b).ok()?),
            None => None,
        };
        let members = member_records
            .iter()
            .map(|m| super::records::decode(Tree::Members, m))
            .collect::<Result<Vec<Member>>>()
            .ok()?;
        Some(RosterCache {
            branch_record,
            member_records,
            branch,
            members,
        })
    }

    /// Whether `store` holds exactly the branch and members this copy holds.
    pub fn matches(&self, store: &dyn Store) -> Result<bool> {
        if store.get(Tree::Meta, super::records::KEY_BRANCH)? != self.branch_record {
            return Ok(false);
        }
        let mut same = true;
        let mut count = 0;
        store.each_value(Tree::Members, &mut |v| {
            same &= self.member_records.get(count).is_some_and(|m| m == v);
            count += 1;
            Ok(())
        })?;
        Ok(same && count == self.member_records.len())
    }

    /// Writes the copy of what `store` holds into the data folder `dir` (owner-only,
    /// through a temporary file renamed into place).
    pub fn write(dir: &Path, store: &dyn Store) -> Result<()> {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(HEADER);
        out.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
        match store.get(Tree::Meta, super::records::KEY_BRANCH)? {
            Some(b) => {
                out.push(1);
                put_record(&mut out, &b)?;
            }
            None => out.push(0),
        }
        let count_at = out.len();
        out.extend_from_slice(&0u32.to_le_bytes());
        let mut count: u32 = 0;
        store.each_value(Tree::Members, &mut |v| {
            put_record(&mut out, v)?;
            count += 1;
            Ok(())
        })?;
        out[count_at..count_at + 4].copy_from_slice(&count.to_le_bytes());
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        super::write_file_safely(&dir.join(ROSTER_CACHE), &out)
    }

    /// Removes the copy from the data folder `dir` (there may be none).
    pub fn remove(dir: &Path) -> Result<()> {
        match std::fs::remove_file(dir.join(ROSTER_CACHE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

fn put_record(out: &mut Vec<u8>, record: &[u8]) -> Result<()> {
    let len = u32::try_from(record.len()).map_err(|_| StoreError::Corrupt {
        tree: "members",
        detail: "a record over 4 GB".into(),
    })?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(record);
    Ok(())
}

/// A regular file's bytes, read without following a link; `None` for anything else.
fn read_regular(path: &Path) -> Option<Vec<u8>> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = opts.open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The branch record and the member records of a copy's bytes, if they are whole.
type Records = (Option<Vec<u8>>, Vec<Vec<u8>>);

fn parse(bytes: &[u8]) -> Option<Records> {
    let (body, crc) = bytes.split_at_checked(bytes.len().checked_sub(4)?)?;
    if crc32fast::hash(body).to_le_bytes() != crc {
        return None;
    }
    let mut rest = body.strip_prefix(HEADER)?;
    if u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) != SCHEMA_VERSION {
        return None;
    }
    let branch = match take(&mut rest, 1)? {
        [0] => None,
        [1] => Some(take_record(&mut rest)?),
        _ => return None,
    };
    let count = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
    let mut members = Vec::with_capacity(count.min(100_000) as usize);
    for _ in 0..count {
        members.push(take_record(&mut rest)?);
    }
    rest.is_empty().then_some((branch, members))
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = rest.split_at_checked(n)?;
    *rest = tail;
    Some(head)
}

fn take_record(rest: &mut &[u8]) -> Option<Vec<u8>> {
    let len = u32::from_le_bytes(take(rest, 4)?.try_into().ok()?);
    Some(take(rest, len as usize)?.to_vec())
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
