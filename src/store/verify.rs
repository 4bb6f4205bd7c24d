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

/// Decodes every record of `tree` as `T`, its key an id; returns them with their ids.
fn records<T: serde::de::DeserializeOwned, S: Store + ?Sized>(store: &S, tree: Tree) -> Result<Vec<(u64, T)>> {
    store
        .scan(tree)?
        .into_iter()
        .map(|(k, v)| {
            let id = key_id(&k).ok_or_else(|| broken(tree, format!("a key of {} bytes", k.len())))?;
            let value = serde_json::from_slice(&v).map_err(|e| broken(tree, format!("record {id}: {e}")))?;
            Ok((id, value))
        })
        .collect()
}

/// Checks every record: the schema version; each record of its type with the id of its
/// key; members valid, their card numbers unique; every reference (chair, thư ký,
/// attendance, speakers, leads, helpers, reporters, resolutions, meetings, items)
/// resolving; approved minutes ended before they were approved; the id counter past
/// every id.
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
    let branch: Option<Branch> = store
        .get(Tree::Meta, b"branch")?
        .map(|b| serde_json::from_slice(&b).map_err(|e| broken(Tree::Meta, format!("branch: {e}"))))
        .transpose()?;

    let members: Vec<(u64, Member)> = records(store, Tree::Members)?;
    let meetings: Vec<(u64, Meeting)> = records(store, Tree::Meetings)?;
    let resolutions: Vec<(u64, Resolution)> = records(store, Tree::Resolutions)?;
    let tasks: Vec<(u64, Task)> = records(store, Tree::Tasks)?;
    let audit: Vec<(u64, AuditEntry)> = records(store, Tree::Audit)?;

    let mut cards: HashMap<String, u64> = HashMap::new();
    for (id, m) in &members {
        if m.id.0 != *id && m.id.0 != 0 {
            return Err(broken(Tree::Members, format!("record {id} says it is {}", m.id.0)));
        }
        m.validate()
            .map_err(|e| broken(Tree::Members, format!("{} ({id}): {e}", m.full_name())))?;
        let card = m.card_number.trim();
        if !card.is_empty()
            && let Some(other) = cards.insert(card.to_string(), *id)
        {
            return Err(broken(
                Tree::Members,
                format!("card number {card} is given to both {other} and {id}"),
            ));
        }
    }
    let member_ids: HashSet<MemberId> = members.iter().map(|(_, m)| m.id).collect();
    let meeting_ids: HashSet<u64> = meetings.iter().map(|(id, _)| *id).collect();
    let resolution_ids: HashSet<u64> = resolutions.iter().map(|(id, _)| *id).collect();
    let task_ids: HashSet<u64> = tasks.iter().map(|(id, _)| *id).collect();
    let missing_member =
        |tree: Tree, id: u64, m: MemberId| broken(tree, format!("record {id} names member {}, who is not there", m.0));

    for (id, m) in &meetings {
        if m.id.0 != *id && m.id.0 != 0 {
            return Err(broken(Tree::Meetings, format!("record {id} says it is {}", m.id.0)));
        }
        if let Some(r) = m.member_refs().into_iter().find(|r| !member_ids.contains(r)) {
            return Err(missing_member(Tree::Meetings, *id, r));
        }
        if let Some(approved) = m.approved_at {
            match m.ended_at {
                Some(ended) if ended <= approved => {}
                _ => {
                    return Err(broken(
                        Tree::Meetings,
                        format!("record {id}: approved minutes of a meeting not ended"),
                    ));
                }
            }
        }
        if m.approved_at.is_none() && !m.amendments.is_empty() {
            return Err(broken(
                Tree::Meetings,
                format!("record {id}: amendments to minutes not approved"),
            ));
        }
    }
    for (id, t) in &tasks {
        if t.id.0 != *id && t.id.0 != 0 {
            return Err(broken(Tree::Tasks, format!("record {id} says it is {}", t.id.0)));
        }
        if let Some(r) = t.member_refs().into_iter().find(|r| !member_ids.contains(r)) {
            return Err(missing_member(Tree::Tasks, *id, r));
        }
        if let Some(r) = t.resolution.filter(|r| !resolution_ids.contains(&r.0)) {
            return Err(broken(
                Tree::Tasks,
                format!("record {id} belongs to resolution {}, which is not there", r.0),
            ));
        }
        if let Some(m) = t
            .history
            .iter()
            .filter_map(|n| n.meeting)
            .find(|m| !meeting_ids.contains(&m.0))
        {
            return Err(broken(
                Tree::Tasks,
                format!("record {id} names meeting {}, which is not there", m.0),
            ));
        }
    }
    for (id, r) in &resolutions {
        if r.id.0 != *id && r.id.0 != 0 {
            return Err(broken(Tree::Resolutions, format!("record {id} says it is {}", r.id.0)));
        }
        if let Some(t) = r.items.iter().find(|t| !task_ids.contains(&t.0)) {
            return Err(broken(
                Tree::Resolutions,
                format!("record {id} lists task {}, which is not there", t.0),
            ));
        }
        if let Some(m) = r.meeting.filter(|m| !meeting_ids.contains(&m.0)) {
            return Err(broken(
                Tree::Resolutions,
                format!("record {id} names meeting {}, which is not there", m.0),
            ));
        }
        for other in [r.superseded_by, r.supersedes].into_iter().flatten() {
            if !resolution_ids.contains(&other.0) {
                return Err(broken(
                    Tree::Resolutions,
                    format!("record {id} names resolution {}, which is not there", other.0),
                ));
            }
        }
    }
    // a new record's id must never repeat one in use
    let max = members
        .iter()
        .map(|(id, _)| *id)
        .chain(meeting_ids.iter().copied())
        .chain(resolution_ids.iter().copied())
        .chain(task_ids.iter().copied())
        .chain(audit.iter().map(|(id, _)| *id))
        .max()
        .unwrap_or(0);
    let next = match store.get(Tree::Meta, b"next_id")? {
        Some(b) => key_id(&b).ok_or_else(|| broken(Tree::Meta, "next_id".into()))?,
        None => 0,
    };
    if next < max {
        return Err(broken(
            Tree::Meta,
            format!("the id counter ({next}) is behind an id in use ({max})"),
        ));
    }
    Ok(Summary {
        schema,
        branch: branch.map(|b| b.name),
        members: members.len(),
        on_roster: members.iter().filter(|(_, m)| m.activity.on_roster()).count(),
        meetings: meetings.len(),
        resolutions: resolutions.len(),
        tasks: tasks.len(),
        audit: audit.len(),
    })
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
            Err(StoreError::Corrupt { tree: "members", .. })
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
}
