//! Full-fidelity JSON backups: every record of every tree, with counts to verify on
//! restore, written atomically with owner-only permissions.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::records::{Records, SCHEMA_VERSION, id_key, key_id, set_next_id};
use super::{Batch, Store, StoreError, Tree};

const FORMAT: &str = "chibo-backup";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    pub created: NaiveDateTime,
    /// Records per tree, checked against `trees` on restore.
    pub counts: BTreeMap<String, usize>,
    /// Tree name → key (decimal id, or the meta key) → record.
    pub trees: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("not a chibo backup: {0}")]
    NotABackup(String),
    #[error("the backup was made by a newer chibo (schema {found}); this version reads up to {supported}")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the backup is incomplete: {tree} should hold {expected} records but holds {found}")]
    CountMismatch {
        tree: String,
        expected: usize,
        found: usize,
    },
    #[error("the backup has an unknown part: {0}")]
    UnknownTree(String),
    #[error("the backup has a bad key {key} in {tree}")]
    BadKey { tree: String, key: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Backup {
    /// Reads every record of the store.
    pub fn take<S: Store + ?Sized>(store: &S, now: NaiveDateTime) -> Result<Backup, StoreError> {
        let mut trees = BTreeMap::new();
        let mut counts = BTreeMap::new();
        for tree in Tree::ALL {
            let mut records = BTreeMap::new();
            if tree == Tree::Meta {
                if let Some(branch) = store.branch()? {
                    records.insert("branch".to_string(), serde_json::to_value(branch).unwrap_or_default());
                }
            } else {
                for (k, v) in store.scan(tree)? {
                    let id = key_id(&k).ok_or(StoreError::Corrupt {
                        tree: tree.name(),
                        detail: "key".into(),
                    })?;
                    let value: serde_json::Value = serde_json::from_slice(&v).map_err(|e| StoreError::Corrupt {
                        tree: tree.name(),
                        detail: e.to_string(),
                    })?;
                    records.insert(id.to_string(), value);
                }
            }
            counts.insert(tree.name().to_string(), records.len());
            trees.insert(tree.name().to_string(), records);
        }
        Ok(Backup {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            created: now,
            counts,
            trees,
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Parses and verifies a backup file's bytes.
    pub fn parse_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| BackupError::NotABackup(format!("not UTF-8 text at byte {}", e.valid_up_to())))?;
        Backup::parse(text)
    }

    /// Parses and verifies a backup file's text.
    pub fn parse(text: &str) -> Result<Backup, BackupError> {
        let backup: Backup = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| BackupError::NotABackup(e.to_string()))?;
        if backup.format != FORMAT {
            return Err(BackupError::NotABackup(format!("format \"{}\"", backup.format)));
        }
        if backup.schema_version > SCHEMA_VERSION {
            return Err(BackupError::NewerSchema {
                found: backup.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        for (name, records) in &backup.trees {
            if Tree::from_name(name).is_none() {
                return Err(BackupError::UnknownTree(name.clone()));
            }
            let expected = backup.counts.get(name).copied().unwrap_or(0);
            if expected != records.len() {
                return Err(BackupError::CountMismatch {
                    tree: name.clone(),
                    expected,
                    found: records.len(),
                });
            }
        }
        for (name, expected) in &backup.counts {
            if !backup.trees.contains_key(name) && *expected != 0 {
                return Err(BackupError::CountMismatch {
                    tree: name.clone(),
                    expected: *expected,
                    found: 0,
                });
            }
        }
        Ok(backup)
    }

    /// Replaces everything in the store with the backup's records, in one transaction.
    pub fn restore_into<S: Store + ?Sized>(&self, store: &S) -> Result<(), BackupError> {
        let mut batch = Batch::default();
        for tree in Tree::ALL {
            if tree == Tree::Meta {
                continue;
            }
            for (k, _) in store.scan(tree)? {
                batch.remove(tree, k);
            }
        }
        batch.remove(Tree::Meta, b"branch".to_vec());
        for (name, records) in &self.trees {
            let tree = Tree::from_name(name).ok_or_else(|| BackupError::UnknownTree(name.clone()))?;
            for (key, value) in records {
                let bytes = serde_json::to_vec(value).unwrap_or_default();
                if tree == Tree::Meta {
                    if key != "branch" {
                        return Err(BackupError::BadKey {
                            tree: name.clone(),
                            key: key.clone(),
                        });
                    }
                    batch.put(tree, key.as_bytes().to_vec(), bytes);
                } else {
                    let id: u64 = key.parse().map_err(|_| BackupError::BadKey {
                        tree: name.clone(),
                        key: key.clone(),
                    })?;
                    batch.put(tree, id_key(id).to_vec(), bytes);
                }
            }
        }
        batch.put(
            Tree::Meta,
            b"schema_version".to_vec(),
            SCHEMA_VERSION.to_string().into_bytes(),
        );
        store.apply(batch)?;
        let mut ids = Batch::default();
        set_next_id(store, &mut ids)?;
        store.apply(ids)?;
        store.flush()?;
        Ok(())
    }

    /// The same backup with no records: restoring it clears the data.
    pub fn emptied(mut self) -> Backup {
        for (name, records) in self.trees.iter_mut() {
            records.clear();
            self.counts.insert(name.clone(), 0);
        }
        self
    }

    /// Record count over all trees but meta.
    pub fn record_count(&self) -> usize {
        self.counts
            .iter()
            .filter(|(k, _)| k.as_str() != "meta")
            .map(|(_, v)| v)
            .sum()
    }
}

/// How many of the latest days keep a backup each.
pub const KEEP_DAILY: usize = 14;
/// How many months (5 years) keep their last backup.
pub const KEEP_MONTHLY: usize = 60;

/// Why an automatic backup is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// On opening: at most once a day.
    Daily,
    /// After minutes are approved: always.
    Approval,
}

/// A backup file in the data directory's `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: std::path::PathBuf,
    /// When it was taken, by its content's own time (by its name only if broken).
    pub taken: NaiveDateTime,
    pub bytes: u64,
    /// Why it cannot be restored, if it cannot (cut short, not a backup).
    pub broken: Option<String>,
}

impl BackupFile {
    /// Dated after `now`: taken while the clock was wrong.
    pub fn ahead_of(&self, now: NaiveDateTime) -> bool {
        self.taken.date() > now.date()
    }

    /// Reads the whole file and verifies it: a backup, complete, every record of its
    /// type and the invariants holding. Returns it, ready to restore.
    pub fn read_verified(&self) -> Result<Backup, String> {
        let bytes = fs::read(&self.path).map_err(|e| e.to_string())?;
        let backup = Backup::parse_bytes(&bytes).map_err(|e| e.to_string())?;
        backup.verify().map_err(|e| e.to_string())?;
        Ok(backup)
    }
}

impl Backup {
    /// Verifies every record against the schema and the invariants, as the database it
    /// would become.
    pub fn verify(&self) -> Result<super::Summary, BackupError> {
        let store = super::MemoryStore::new();
        self.restore_into(&store)?;
        Ok(super::verify(&store)?)
    }
}

/// The time in a backup's name: `chibo-YYYYMMDD-HHMMSS-N.json` (and, from earlier
/// versions, without the sequence number).
fn parse_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix("chibo-")?.strip_suffix(".json")?;
    let stamp = match stamp.get(15..) {
        Some("") => stamp,
        Some(seq) if seq.len() > 1 && seq.starts_with('-') && seq[1..].bytes().all(|b| b.is_ascii_digit()) => {
            &stamp[..15]
        }
        _ => return None,
    };
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()
}

/// A quick look at a backup without reading all of it: its own time from its head, and
/// whether it ends as chibo ends its backups (a file cut short does not).
fn inspect(path: &Path) -> Result<NaiveDateTime, String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut head = vec![0u8; 1024];
    let n = f.read(&mut head).map_err(|e| e.to_string())?;
    let head = String::from_utf8_lossy(&head[..n]);
    if !head.contains(&format!("\"{FORMAT}\"")) {
        return Err("not a chibo backup".into());
    }
    let created = head
        .split_once("\"created\"")
        .and_then(|(_, rest)| rest.trim_start().strip_prefix(':'))
        .and_then(|rest| rest.trim_start().strip_prefix('"'))
        .and_then(|rest| rest.split_once('"'))
        .and_then(|(t, _)| t.parse::<NaiveDateTime>().ok())
        .ok_or("no time of its own")?;
    let len = f.metadata().map_err(|e| e.to_string())?.len();
    let mut tail = vec![0u8; len.min(64) as usize];
    f.seek(SeekFrom::Start(len - tail.len() as u64))
        .map_err(|e| e.to_string())?;
    f.read_exact(&mut tail).map_err(|e| e.to_string())?;
    if !String::from_utf8_lossy(&tail).trim_end().ends_with('}') {
        return Err("cut short".into());
    }
    Ok(created)
}

/// The backups in `dir`, newest first by their content's own time; a broken one is
/// listed with what is wrong, by the time in its name. A link in place of `dir` is
/// refused.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let mut out = Vec::new();
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => return Err(StoreError::LinkRefused(dir.to_path_buf())),
        Ok(_) => {}
        Err(_) => return Ok(out),
    }
    for e in fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name();
        let Some(named) = name.to_str().and_then(parse_name) else {
            continue;
        };
        if !e.file_type()?.is_file() {
            continue;
        }
        let (taken, broken) = match inspect(&e.path()) {
            Ok(t) => (t, None),
            Err(why) => (named, Some(why)),
        };
        out.push(BackupFile {
            path: e.path(),
            taken,
            bytes: e.metadata()?.len(),
            broken,
        });
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

/// What `latest_backup` found: the newest backup that verifies, read, and the files
/// passed over on the way, each with why.
pub struct Latest {
    pub found: Option<(BackupFile, Backup)>,
    pub skipped: Vec<(BackupFile, String)>,
}

/// The newest backup that verifies, by its content's own time, and the files passed
/// over on the way (broken, or dated ahead of the clock).
pub fn latest_backup(dir: &Path, now: NaiveDateTime) -> Result<Latest, StoreError> {
    let mut skipped = Vec::new();
    for b in list_backups(dir)? {
        if let Some(why) = &b.broken {
            let why = why.clone();
            skipped.push((b, why));
            continue;
        }
        if b.ahead_of(now) {
            skipped.push((b, "dated ahead of the clock".into()));
            continue;
        }
        match b.read_verified() {
            Ok(backup) => {
                return Ok(Latest {
                    found: Some((b, backup)),
                    skipped,
                });
            }
            Err(why) => skipped.push((b, why)),
        }
    }
    Ok(Latest { found: None, skipped })
}

/// Writes a backup into `dir`, named by `now` and a sequence number (two backups in the
/// same second get two files; none replaces another), then reads it back and verifies it.
pub fn backup_into<S: Store + ?Sized>(
    store: &S,
    dir: &Path,
    now: NaiveDateTime,
) -> Result<std::path::PathBuf, StoreError> {
    super::ensure_private_dir(dir)?;
    let backup = Backup::take(store, now)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let path = super::write_new_file(dir, backup.to_json().as_bytes(), |n| {
        format!("chibo-{stamp}-{}.json", n + 1)
    })?;
    let read_back = fs::read(&path)
        .map_err(StoreError::from)
        .and_then(|bytes| Backup::parse_bytes(&bytes).map_err(|e| StoreError::Io(format!("{}: {e}", path.display()))));
    match read_back {
        Ok(b) if b == backup => Ok(path),
        other => {
            // a backup that does not read back as written is not kept as one
            let _ = fs::remove_file(&path);
            Err(match other {
                Err(e) => e,
                Ok(_) => StoreError::Io(format!("{}: the backup did not read back as written", path.display())),
            })
        }
    }
}

/// Takes the automatic backup (once a day on opening, always after an approval) and
/// prunes old ones: the last 14 days keep one each, every month of 5 years its last.
/// Returns the file written, if any.
pub fn auto_backup<S: Store + ?Sized>(
    store: &S,
    dir: &Path,
    now: NaiveDateTime,
    reason: BackupReason,
) -> Result<Option<std::path::PathBuf>, StoreError> {
    let existing = list_backups(dir)?;
    if reason == BackupReason::Daily
        && existing
            .iter()
            .any(|b| b.broken.is_none() && b.taken.date() == now.date())
    {
        return Ok(None);
    }
    let written = backup_into(store, dir, now)?;
    prune(dir, now)?;
    Ok(Some(written))
}

/// The retention rule, from the backups' times alone (newest first or in any order):
/// which of them to keep. The newest of each of the latest 14 days with a backup, and
/// the newest of each of the latest 60 months, counted over the backups not dated after
/// `now`'s day; a backup dated ahead of the clock is always kept and takes no place, so
/// a wrong clock never pushes the real backups out.
pub fn retained(taken: &[NaiveDateTime], now: NaiveDateTime) -> Vec<bool> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a]));
    let ahead: Vec<bool> = taken.iter().map(|t| t.date() > now.date()).collect();
    let mut keep = ahead.clone();
    let (mut days, mut months) = (Vec::new(), Vec::new());
    for i in order.into_iter().filter(|i| !ahead[*i]) {
        let t = taken[i];
        let day = t.date();
        if !days.contains(&day) {
            days.push(day);
            if days.len() <= KEEP_DAILY {
                keep[i] = true;
            }
        }
        let month = (t.year(), t.month());
        if !months.contains(&month) {
            months.push(month);
            if months.len() <= KEEP_MONTHLY {
                keep[i] = true;
            }
        }
    }
    keep
}

/// Deletes the backups the retention rule does not keep. Broken files are left alone
/// (they are listed as broken) and take no place.
pub fn prune(dir: &Path, now: NaiveDateTime) -> Result<(), StoreError> {
    let good: Vec<BackupFile> = list_backups(dir)?.into_iter().filter(|b| b.broken.is_none()).collect();
    let times: Vec<NaiveDateTime> = good.iter().map(|b| b.taken).collect();
    for (b, keep) in good.iter().zip(retained(&times, now)) {
        if !keep {
            fs::remove_file(&b.path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn once_a_day_on_opening_always_after_approval() {
        let tmp = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        assert!(
            auto_backup(&store, tmp.path(), at(2026, 11, 22, 8), BackupReason::Daily)
                .unwrap()
                .is_some()
        );
        assert!(
            auto_backup(&store, tmp.path(), at(2026, 11, 22, 19), BackupReason::Daily)
                .unwrap()
                .is_none()
        );
        assert!(
            auto_backup(&store, tmp.path(), at(2026, 11, 22, 21), BackupReason::Approval)
                .unwrap()
                .is_some()
        );
        // a day keeps its newest backup: the one taken after the approval
        let kept = list_backups(tmp.path()).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].taken, at(2026, 11, 22, 21));
    }

    /// Every day of 5 years and 3 months, two backups on some days: the rule keeps the
    /// newest of each of the last 14 days and of each of the 60 months before.
    #[test]
    fn retention_keeps_14_days_and_one_a_month_for_5_years() {
        let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut taken = Vec::new();
        let mut day = chrono::NaiveDate::from_ymd_opt(2021, 8, 1).unwrap();
        while day <= end {
            taken.push(day.and_hms_opt(9, 0, 0).unwrap());
            if day.day().is_multiple_of(3) {
                taken.push(day.and_hms_opt(21, 0, 0).unwrap());
            }
            day = day.succ_opt().unwrap();
        }
        let now = end.and_hms_opt(22, 0, 0).unwrap();
        let keep = retained(&taken, now);
        let kept: Vec<NaiveDateTime> = taken.iter().zip(&keep).filter(|(_, k)| **k).map(|(t, _)| *t).collect();
        // the last 14 days: one each, the newest of the day
        let recent: Vec<_> = kept
            .iter()
            .filter(|t| t.date() > end - chrono::Duration::days(14))
            .collect();
        assert_eq!(recent.len(), 14);
        assert!(
            kept.contains(&end.pred_opt().unwrap().and_hms_opt(21, 0, 0).unwrap()),
            "21 Nov has two: the later kept"
        );
        assert!(!kept.contains(&end.pred_opt().unwrap().and_hms_opt(9, 0, 0).unwrap()));
        // 60 months, November 2026 back to December 2021, each its last backup
        let months: std::collections::BTreeSet<(i32, u32)> = kept.iter().map(|t| (t.year(), t.month())).collect();
        assert_eq!(months.len(), 60);
        assert_eq!(months.first(), Some(&(2021, 12)));
        assert!(
            kept.contains(
                &chrono::NaiveDate::from_ymd_opt(2024, 2, 29)
                    .unwrap()
                    .and_hms_opt(9, 0, 0)
                    .unwrap()
            )
        );
        assert!(
            kept.contains(
                &chrono::NaiveDate::from_ymd_opt(2021, 12, 31)
                    .unwrap()
                    .and_hms_opt(9, 0, 0)
                    .unwrap()
            )
        );
        assert!(!kept.iter().any(|t| {
            *t < chrono::NaiveDate::from_ymd_opt(2021, 12, 31)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        }));
        // November 2026's newest is among the 14 days: 14 + the 59 months before
        assert_eq!(kept.len(), 14 + 59);
        // and it is a fixed point: pruning again keeps the same
        assert!(retained(&kept, now).iter().all(|k| *k));
    }

    /// The clock ran 10 years ahead for 14 days: those backups are kept and listed, and
    /// none of the real ones before them is deleted because of them.
    #[test]
    fn a_wrong_clock_never_pushes_the_real_backups_out() {
        let real = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut taken: Vec<NaiveDateTime> = (0..20)
            .map(|d| (real + chrono::Duration::days(d)).and_hms_opt(9, 0, 0).unwrap())
            .collect();
        let future = chrono::NaiveDate::from_ymd_opt(2036, 11, 1).unwrap();
        taken.extend((0..14).map(|d| (future + chrono::Duration::days(d)).and_hms_opt(9, 0, 0).unwrap()));
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let keep = retained(&taken, now);
        let kept_real = taken
            .iter()
            .zip(&keep)
            .filter(|(t, k)| **k && t.date() <= now.date())
            .count();
        assert_eq!(kept_real, 14, "the real last 14 days stay");
        assert!(
            keep[20..].iter().all(|k| *k),
            "the misdated ones are kept too, for the secretary to judge"
        );
        assert!(
            keep[6..20].iter().all(|k| *k),
            "the newest real ones are never the ones deleted"
        );
    }

    #[test]
    fn latest_skips_a_cut_short_file_and_one_dated_ahead() {
        let tmp = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        crate::store::Records::check_schema(&store).unwrap();
        let good = backup_into(&store, tmp.path(), at(2026, 11, 20, 9)).unwrap();
        let newer = backup_into(&store, tmp.path(), at(2026, 11, 21, 9)).unwrap();
        let bytes = fs::read(&newer).unwrap();
        fs::write(&newer, &bytes[..bytes.len() / 2]).unwrap();
        backup_into(&store, tmp.path(), at(2036, 1, 1, 9)).unwrap();
        let Latest { found, skipped } = latest_backup(tmp.path(), at(2026, 11, 22, 9)).unwrap();
        assert_eq!(found.unwrap().0.path, good);
        assert_eq!(skipped.len(), 2);
        let listed = list_backups(tmp.path()).unwrap();
        assert_eq!(listed.iter().filter(|b| b.broken.is_some()).count(), 1);
        assert!(listed[0].ahead_of(at(2026, 11, 22, 9)));
    }

    #[test]
    fn two_backups_in_the_same_second_are_two_files() {
        let tmp = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        let a = backup_into(&store, tmp.path(), at(2026, 11, 22, 9)).unwrap();
        let b = backup_into(&store, tmp.path(), at(2026, 11, 22, 9)).unwrap();
        assert_ne!(a, b);
        assert_eq!(list_backups(tmp.path()).unwrap().len(), 2);
    }
}
