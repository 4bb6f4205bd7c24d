//! Full-fidelity JSON backups: every record of every tree, with counts to verify on
//! restore, written atomically with owner-only permissions.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::NaiveDateTime;
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

/// A backup file in the data directory's `backups/`, with the time in its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: std::path::PathBuf,
    pub taken: NaiveDateTime,
    pub bytes: u64,
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

/// The backups in `dir`, newest first.
pub fn list_backups(dir: &Path) -> std::io::Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return Ok(out) };
    for e in entries {
        let e = e?;
        let name = e.file_name();
        if let Some(taken) = name.to_str().and_then(parse_name) {
            out.push(BackupFile {
                path: e.path(),
                taken,
                bytes: e.metadata()?.len(),
            });
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.taken));
    Ok(out)
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
    if reason == BackupReason::Daily && existing.iter().any(|b| b.taken.date() == now.date()) {
        return Ok(None);
    }
    let written = backup_into(store, dir, now)?;
    prune(dir)?;
    Ok(Some(written))
}

/// Deletes the backups the retention rule does not keep.
pub fn prune(dir: &Path) -> std::io::Result<()> {
    let all = list_backups(dir)?;
    let mut keep = std::collections::HashSet::new();
    // the newest of each of the latest 14 days
    let mut days = Vec::new();
    for b in &all {
        if !days.contains(&b.taken.date()) {
            days.push(b.taken.date());
            if days.len() <= KEEP_DAILY {
                keep.insert(b.path.clone());
            }
        }
    }
    // the newest of each of the latest 60 months
    let mut months = Vec::new();
    for b in &all {
        let m = b.taken.format("%Y-%m").to_string();
        if !months.contains(&m) {
            months.push(m);
            if months.len() <= KEEP_MONTHLY {
                keep.insert(b.path.clone());
            }
        }
    }
    for b in &all {
        if !keep.contains(&b.path) {
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

    #[test]
    fn retention_keeps_14_days_and_one_a_month_for_5_years() {
        let tmp = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        // a backup every day for three years, two on some days
        let mut day = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
        let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        while day <= end {
            for f in list_backups(tmp.path())
                .unwrap()
                .iter()
                .filter(|b| b.taken.date() == day)
            {
                fs::remove_file(&f.path).unwrap();
            }
            backup_into(&store, tmp.path(), day.and_hms_opt(9, 0, 0).unwrap()).unwrap();
            day = day.succ_opt().unwrap();
        }
        backup_into(&store, tmp.path(), end.and_hms_opt(21, 0, 0).unwrap()).unwrap();
        prune(tmp.path()).unwrap();
        let kept = list_backups(tmp.path()).unwrap();
        // 14 days (the last one's newest only) + the months before them: Dec 2023 …
        // Oct 2026 (35 months) plus the first half of November 2026 counted in the days
        let days: Vec<_> = kept
            .iter()
            .filter(|b| b.taken.date() > end - chrono::Duration::days(14))
            .collect();
        assert_eq!(days.len(), 14);
        assert_eq!(
            days[0].taken,
            end.and_hms_opt(21, 0, 0).unwrap(),
            "the newest of a day is kept"
        );
        let months: std::collections::HashSet<String> =
            kept.iter().map(|b| b.taken.format("%Y-%m").to_string()).collect();
        assert_eq!(months.len(), 36, "every month since December 2023");
        // each earlier month keeps its last day
        assert!(
            kept.iter()
                .any(|b| b.taken.date() == chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        assert_eq!(kept.len(), 14 + 35);
    }
}
