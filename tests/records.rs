//! Records evolve: data written by earlier versions keeps loading.

use chibo::domain::member::{Activity, CommitteeRole, MemberId};
use chibo::store::{Batch, MemoryStore, Records, Store, Tree};

#[test]
fn an_old_format_member_record_loads_with_later_fields_defaulted() {
    let old = include_bytes!("fixtures/member-v0.json");
    let store = MemoryStore::new();
    let mut batch = Batch::default();
    batch.put(
        Tree::Members,
        7u64.to_be_bytes().to_vec(),
        old.trim_ascii_end().to_vec(),
    );
    store.apply(batch).unwrap();
    let m = store.member(MemberId(7)).unwrap().expect("the old record loads");
    assert_eq!(m.full_name(), "Trần Thị Mai");
    assert_eq!(m.card_number, "01098765");
    // fields that record did not have
    assert_eq!(m.workplace, "");
    assert_eq!(m.committee_role, CommitteeRole::None);
    assert_eq!(m.gender, None);
    assert!(m.history.is_empty());
    assert_eq!(m.activity, Activity::Active);
}

#[test]
fn a_database_from_a_newer_chibo_is_refused() {
    let store = MemoryStore::new();
    let mut batch = Batch::default();
    batch.put(Tree::Meta, b"schema_version".to_vec(), b"99".to_vec());
    store.apply(batch).unwrap();
    let err = store.check_schema().unwrap_err();
    assert_eq!(
        chibo::app::store_error_text(&err, chibo::i18n::Lang::Vi),
        "Dữ liệu được ghi bởi phiên bản chibo mới hơn (lược đồ 99); phiên bản này chỉ đọc được đến 1. Hãy cập nhật chibo."
    );
}
