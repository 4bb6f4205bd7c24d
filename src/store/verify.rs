//! Every record checked against the schema and the invariants: what `check` reports,
//! what a restore or a demo verifies before its database takes the old one's place,
//! and what a backup must pass to be restored.

use std::collections::{HashMap, HashSet};

use super::records::{AuditEntry, SCHEMA_VERSION, key_id};
use super::{Records, Result, Store, StoreError, Tree};
use crate::domain::branch::Branch;
use crate::domain::meeting::Meeting;
use crate::domain::member::{Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::Task;

/// What a verified database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub schema: u32,
    pub branch: Option<String>,
    pub members: usize,
    pub on_roster: usize,
    pub meetings: usize,
    pub resolutions: usize,
    pub tasks: usize,
    pub audit: usize,
}

fn broken(tree: Tree, detail: String) -> StoreError {
    StoreError::Corrupt {
        tree: tree.name(),
        detail,
    }
}

/// What a reference points at, checked once every record has been seen.
enum Ref {
    Member(MemberId),
    Resolution(u64),
    Meeting(u64),
    Task(u64),
}

/// The checks of `verify`, fed one record at a time (from a store or from a backup
/// file): only ids, card numbers and references are kept, never the records.
#[derive(Default)]
pub(crate) struct Verifier {
    branch: Option<String>,
    cards: HashMap<String, u64>,
    members: HashSet<MemberId>,
    meetings: HashSet<u64>,
    resolutions: HashSet<u64>,
    tasks: HashSet<u64>,
    audit: usize,
    on_roster: usize,
    max: u64,
    /// (tree, record id, what it names), in the order seen: the references to records
    /// not seen yet when their record was (the others resolved at once, so that a
    /// roll call of 2,000 members a meeting keeps nothing).
    refs: Vec<(Tree, u64, Ref)>,
}

impl Verifier {
    /// Whether what `r` names has been seen.
    fn resolves(&self, r: &Ref) -> bool {
        match r {
            Ref::Member(m) => self.members.contains(m),
            Ref::Resolution(r) => self.resolutions.contains(r),
            Ref::Meeting(m) => self.meetings.contains(m),
            Ref::Task(t) => self.tasks.contains(t),
        }
    }

    /// A reference of record `id`: checked at once if what it names was seen, else kept
    /// for `finish` (the ids seen only grow, so the outcome is the same either way).
    fn refer(&mut self, tree: Tree, id: u64, r: Ref) {
        if !self.resolves(&r) {
            self.refs.push((tree, id, r));
        }
    }

    fn refer_all(&mut self, tree: Tree, id: u64, refs: impl IntoIterator<Item = Ref>) {
        for r in refs {
            self.refer(tree, id, r);
        }
    }

    /// The branch record of `meta`.
    pub(crate) fn branch(&mut self, bytes: &[u8]) -> Result<()> {
        let branch: Branch = serde_json::from_slice(bytes)
            .map_err(|e| broken(Tree::Meta, format!("branch: {e}")))?;
        self.branch = Some(branch.name);
        Ok(())
    }

    /// One record of a tree other than `meta`, under its id.
    pub(crate) fn record(&mut self, tree: Tree, id: u64, bytes: &[u8]) -> Result<()> {
        fn decode<T: serde::de::DeserializeOwned>(tree: Tree, id: u64, bytes: &[u8]) -> Result<T> {
            serde_json::from_slice(bytes).map_err(|e| broken(tree, format!("record {id}: {e}")))
        }
        let says = |own: u64| {
            if own != id && own != 0 {
                Err(broken(tree, format!("record {id} says it is {own}")))
            } else {
                Ok(())
            }
        };
        self.max = self.max.max(id);
        match tree {
            Tree::Meta | Tree::OpenTasks | Tree::TaskDates => {}
            Tree::Dues => {
                let e: crate::domain::dues::DatedEntry = decode(tree, id, bytes)?;
                says(e.id)?;
                crate::domain::dues::validate(&e.entry)
                    .map_err(|err| broken(tree, format!("record {id}: {err}")))?;
            }
            Tree::Notebook => {
                let n: crate::domain::notebook::Note = decode(tree, id, bytes)?;
                says(n.id.0)?;
                self.refer(tree, id, Ref::Member(n.member));
            }
            Tree::Discipline => {
                let d: crate::domain::discipline::Discipline = decode(tree, id, bytes)?;
                says(d.id.0)?;
                self.refer(tree, id, Ref::Member(d.member));
            }
            Tree::Awards => {
                let a: crate::domain::discipline::Award = decode(tree, id, bytes)?;
                says(a.id.0)?;
                self.refer(tree, id, Ref::Member(a.member));
            }
            Tree::Candidates => {
                let c: crate::domain::candidates::Candidate = decode(tree, id, bytes)?;
                says(c.id.0)?;
                c.validate()
                    .map_err(|_| broken(tree, format!("record {id}: a candidate has no name")))?;
                let refs = (c.member.map(Ref::Member).into_iter())
                    .chain(c.helper_task.map(|t| Ref::Task(t.0)))
                    .chain(c.vote.map(|(m, _, _)| Ref::Meeting(m.0)));
                self.refer_all(tree, id, refs);
            }
            Tree::Members => {
                let m: Member = decode(tree, id, bytes)?;
                says(m.id.0)?;
                m.validate()
                    .map_err(|e| broken(Tree::Members, format!("{} ({id}): {e}", m.full_name())))?;
                let card = m.card_number.trim();
                if !card.is_empty()
                    && let Some(other) = self.cards.insert(card.to_string(), id)
                {
                    return Err(broken(
                        Tree::Members,
                        format!("card number {card} is given to both {other} and {id}"),
                    ));
                }
                if m.activity.on_roster() {
                    self.on_roster += 1;
                }
                self.members.insert(m.id);
            }
            Tree::Meetings => {
                let m: Meeting = decode(tree, id, bytes)?;
                says(m.id.0)?;
                self.refer_all(tree, id, m.member_refs().into_iter().map(Ref::Member));
                if let Some(approved) = m.approved_at {
                    match m.ended_at {
                        Some(ended) if ended <= approved => {}
                        _ => {
                            return Err(broken(
                                tree,
                                format!("record {id}: approved minutes of a meeting not ended"),
                            ));
                        }
                    }
                }
                if m.approved_at.is_none() && !m.amendments.is_empty() {
                    return Err(broken(
                        tree,
                        format!("record {id}: amendments to minutes not approved"),
                    ));
                }
                self.meetings.insert(id);
            }
            Tree::Tasks => {
                let t: Task = decode(tree, id, bytes)?;
                says(t.id.0)?;
                let refs = (t.member_refs().into_iter().map(Ref::Member))
                    .chain(t.resolution.map(|r| Ref::Resolution(r.0)))
                    .chain(
                        t.history
                            .iter()
                            .filter_map(|n| n.meeting)
                            .map(|m| Ref::Meeting(m.0)),
                    );
                self.refer_all(tree, id, refs);
                self.tasks.insert(id);
            }
            Tree::Resolutions => {
                let r: Resolution = decode(tree, id, bytes)?;
                says(r.id.0)?;
                let refs = (r.items.iter().map(|t| Ref::Task(t.0)))
                    .chain(r.meeting.map(|m| Ref::Meeting(m.0)))
                    .chain(
                        [r.superseded_by, r.supersedes]
                            .into_iter()
                            .flatten()
                            .map(|o| Ref::Resolution(o.0)),
                    );
                self.refer_all(tree, id, refs);
                self.resolutions.insert(id);
            }
            Tree::Audit => {
                let _: AuditEntry = decode(tree, id, bytes)?;
                self.audit += 1;
            }
        }
        Ok(())
    }

    /// Every reference resolving, and the id counter (`next_id`) past every id in use.
    pub(crate) fn finish(self, schema: u32, next_id: u64) -> Result<Summary> {
        for (tree, id, r) in &self.refs {
            let (missing, what) = match r {
                Ref::Member(m) if !self.members.contains(m) => {
                    return Err(broken(
                        *tree,
                        format!("record {id} names member {}, who is not there", m.0),
                    ));
                }
                Ref::Resolution(r) if *tree == Tree::Tasks && !self.resolutions.contains(r) => {
                    return Err(broken(
                        *tree,
                        format!("record {id} belongs to resolution {r}, which is not there"),
                    ));
                }
                Ref::Resolution(r) => (!self.resolutions.contains(r), format!("resolution {r}")),
                Ref::Meeting(m) => (!self.meetings.contains(m), format!("meeting {m}")),
                Ref::Task(t) if !self.tasks.contains(t) => {
                    return Err(broken(
                        *tree,
                        format!("record {id} lists task {t}, which is not there"),
                    ));
                }
                _ => (false, String::new()),
            };
            if missing {
                return Err(broken(
                    *tree,
                    format!("record {id} names {what}, which is not there"),
                ));
            }
        }
        // a new record's id must never repeat one in use
        if next_id < self.max {
            return Err(broken(
                Tree::Meta,
                format!(
                    "the id counter ({next_id}) is behind an id in use ({})",
                    self.max
                ),
            ));
        }
        Ok(Summary {
            schema,
            branch: self.branch,
            members: self.members.len(),
            on_roster: self.on_roster,
            meetings: self.meetings.len(),
            resolutions: self.resolutions.len(),
            tasks: self.tasks.len(),
            audit: self.audit,
        })
    }
}

/// Checks every record: the schema version; each record of its type with the id of its
/// key; members valid, their card numbers unique; every reference (chair, thư ký,
/// attendance, speakers, leads, helpers, reporters, resolutions, meetings, items)
/// resolving; approved minutes ended before they were approved; the id counter past
/// every id. Records are decoded one at a time, in the store's ranges (`Store::range`).
pub fn verify<S: Store + ?Sized>(store: &S) -> Result<Summary> {
    let schema = match store.schema_version()? {
        Some(v) if v <= SCHEMA_VERSION => v,
        Some(v) => {
            return Err(StoreError::NewerSchema {
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        None => return Err(broken(Tree::Meta, "no schema version".into())),
    };
    let mut v = Verifier::default();
    if let Some(b) = store.get(Tree::Meta, b"branch")? {
        v.branch(&b)?;
    }
    let mut read = 0;
    for tree in Tree::ALL.into_iter().filter(|t| *t != Tree::Meta) {
        super::backup::each_entry_in_ranges(store, tree, &mut read, &mut |k, bytes| {
            let id =
                key_id(k).ok_or_else(|| broken(tree, format!("a key of {} bytes", k.len())))?;
            v.record(tree, id, bytes)
        })?;
    }
    let next = match store.get(Tree::Meta, b"next_id")? {
        Some(b) => key_id(&b).ok_or_else(|| broken(Tree::Meta, "next_id".into()))?,
        None => 0,
    };
    v.finish(schema, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, MemoryStore};

    fn store_with_two_members(card_a: &str, card_b: &str) -> MemoryStore {
        let store = MemoryStore::new();
        store.check_schema().unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let mut list = Vec::new();
        for (given, card) in [("An", card_a), ("Bình", card_b)] {
            let mut m = Member::new("Nguyễn", "Văn", given);
            m.card_number = card.into();
            list.push(m);
        }
        store.import_members(&mut list, at).unwrap();
        store
    }

    #[test]
    fn a_good_database_is_counted() {
        let s = verify(&store_with_two_members("1", "2")).unwrap();
        assert_eq!((s.members, s.audit, s.schema), (2, 1, SCHEMA_VERSION));
    }

    #[test]
    fn duplicate_card_numbers_are_found() {
        let e = verify(&store_with_two_members("0123", "0123")).unwrap_err();
        assert!(e.to_string().contains("card number 0123"), "{e}");
    }

    #[test]
    fn a_record_of_the_wrong_type_or_a_dangling_reference_is_found() {
        let store = store_with_two_members("1", "2");
        let mut b = Batch::default();
        b.put(
            Tree::Members,
            99u64.to_be_bytes().to_vec(),
            b"{\"given_name\": 5}".to_vec(),
        );
        store.apply(b).unwrap();
        assert!(matches!(
            verify(&store),
            Err(StoreError::Corrupt {
                tree: "members",
                ..
            })
        ));

        let store = store_with_two_members("1", "2");
        let mut t: Task = serde_json::from_value(serde_json::json!({
            "id": 50, "title": "Thu đảng phí", "due": "2026-12-01", "lead": 4242
        }))
        .unwrap();
        t.id.0 = 50;
        let mut b = Batch::default();
        b.put(
            Tree::Tasks,
            50u64.to_be_bytes().to_vec(),
            serde_json::to_vec(&t).unwrap(),
        );
        store.apply(b).unwrap();
        let e = verify(&store).unwrap_err();
        assert!(e.to_string().contains("member 4242"), "{e}");
    }

    #[test]
    fn a_candidate_naming_a_missing_task_or_member_is_found() {
        for (record, missing) in [
            (
                serde_json::json!({"id": 70, "family_name": "Hà", "given_name": "Vy",
                    "since": "2026-01-05", "helper_task": 4343}),
                "task 4343",
            ),
            (
                serde_json::json!({"id": 70, "family_name": "Hà", "given_name": "Vy",
                    "since": "2026-01-05", "member": 4242}),
                "member 4242",
            ),
        ] {
            let store = store_with_two_members("1", "2");
            let mut b = Batch::default();
            b.put(
                Tree::Candidates,
                70u64.to_be_bytes().to_vec(),
                serde_json::to_vec(&record).unwrap(),
            );
            store.apply(b).unwrap();
            let e = verify(&store).unwrap_err();
            assert!(e.to_string().contains(missing), "{e}");
        }
    }

    #[test]
    fn a_note_or_award_naming_no_member_is_found() {
        for (tree, name, record) in [
            (
                Tree::Notebook,
                "notebook",
                serde_json::json!({"id": 60, "member": 4242, "date": "2026-11-05",
                    "kind": "strength", "text": "Nhiệt tình"}),
            ),
            (
                Tree::Awards,
                "awards",
                serde_json::json!({"id": 60, "member": 4242, "date": "2026-11-05",
                    "form": "Giấy khen"}),
            ),
        ] {
            let store = store_with_two_members("1", "2");
            let mut b = Batch::default();
            b.put(
                tree,
                60u64.to_be_bytes().to_vec(),
                serde_json::to_vec(&record).unwrap(),
            );
            store.apply(b).unwrap();
            let e = verify(&store).unwrap_err();
            assert!(e.to_string().contains("member 4242"), "{name}: {e}");
            // and one that is not a note at all
            let store = store_with_two_members("1", "2");
            let mut b = Batch::default();
            b.put(
                tree,
                61u64.to_be_bytes().to_vec(),
                b"{\"member\": \"x\"}".to_vec(),
            );
            store.apply(b).unwrap();
            assert!(
                matches!(verify(&store), Err(StoreError::Corrupt { tree: t, .. }) if t == name),
                "{name}"
            );
        }
    }
}
