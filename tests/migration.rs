//! Data written by earlier versions keeps opening. `backup-schema1.json` was made by
//! the first schema; when the schema changes, a migration must carry this fixture to
//! the current one and this test keeps it honest.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

use std::process::Command;

fn chibo(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", data)
        .env("CHIBO_CONFIG_DIR", data.join("cfg"))
        .env("CHIBO_TODAY", "2026-11-22")
        .output()
        .unwrap()
}

#[test]
fn the_first_schema_restores_and_reads_in_full() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let text = std::fs::read_to_string(fixture).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], 1, "the fixture is of the first schema");
    let tmp = tempfile::tempdir().unwrap();
    let out = chibo(tmp.path(), &["restore", fixture]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = String::from_utf8(chibo(tmp.path(), &["check"]).stdout).unwrap();
    let count = |tree: &str| v["counts"][tree].as_u64().unwrap();
    assert!(
        check.contains(&format!("đảng viên: {} ", count("members"))),
        "{check}"
    );
    assert!(
        check.contains(&format!("cuộc họp: {}", count("meetings"))),
        "{check}"
    );
    assert!(
        check.contains(&format!("nghị quyết: {}", count("resolutions"))),
        "{check}"
    );
    assert!(
        check.contains(&format!("nhiệm vụ: {}", count("tasks"))),
        "{check}"
    );
    assert!(check.contains("kết quả: tốt"));
    // every kind of record reads back through the application's own paths
    for args in [
        &["export", "minutes", "2026-10"][..],
        &["report", "attendance"],
        &["report", "followup"],
        &["export", "members", "--format", "json"],
    ] {
        let out = chibo(tmp.path(), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // a backup of the restored data holds the same records
    let again = tmp.path().join("again.json");
    assert!(
        chibo(tmp.path(), &["backup", again.to_str().unwrap()])
            .status
            .success()
    );
    let w: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(again).unwrap()).unwrap();
    // the dues ledger, the notebook, discipline and awards came later: the data from
    // before opens with none
    let mut counts = v["counts"].clone();
    for later in ["dues", "notebook", "discipline", "awards", "candidates"] {
        counts[later] = 0.into();
    }
    assert_eq!(w["counts"], counts);
    assert_eq!(w["trees"]["members"], v["trees"]["members"]);
    assert_eq!(w["trees"]["meetings"], v["trees"]["meetings"]);
}

#[test]
fn no_network_or_telemetry_crate_is_a_dependency() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"sled"), "Cargo.lock was read");
    let forbidden = [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "surf",
        "tokio",
        "async-std",
        "openssl",
        "native-tls",
        "rustls",
        "h2",
        "sentry",
        "opentelemetry",
        "tracing-opentelemetry",
        "posthog",
        "segment",
        "mio-http",
    ];
    for f in forbidden {
        assert!(
            !names.contains(&f),
            "{f} is in Cargo.lock: chibo must not talk to the network"
        );
    }
}

/// The part of a resolution as filed: everything before the follow-up section.
fn as_filed(doc: &str) -> &str {
    doc.split("THEO DÕI THỰC HIỆN").next().unwrap()
}

#[test]
fn a_resolution_adopted_before_its_text_was_kept_is_frozen_as_first_read() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    assert!(
        v["trees"]["resolutions"]["22"]["adopted_on"].is_string()
            && v["trees"]["resolutions"]["22"].get("adopted").is_none(),
        "the fixture holds an adopted resolution without its adopted text"
    );
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    assert!(chibo(&first, &["restore", fixture]).status.success());
    let out = chibo(&first, &["export", "resolution", "22"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = String::from_utf8(out.stdout).unwrap();
    assert!(
        before.contains("Phối hợp tổ dân phố kiểm tra phòng cháy chữa cháy hộ kinh doanh. Chủ trì thực hiện: đồng chí"),
        "{before}"
    );
    assert!(before.contains("Thời hạn: 31/01/2026."), "{before}");

    // the follow-up changes the item afterwards: title, lead, due date, status
    let saved = tmp.path().join("saved.json");
    assert!(
        chibo(&first, &["backup", saved.to_str().unwrap()])
            .status
            .success()
    );
    let mut w: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert!(
        w["trees"]["resolutions"]["22"]["adopted"]["items"].is_array(),
        "the text taken on first reading is kept in the data"
    );
    let task = &mut w["trees"]["tasks"]["23"];
    task["title"] = "Kiểm tra lại phòng cháy chữa cháy".into();
    task["lead"] = 7.into();
    task["status"] = "carried_over".into();
    task["due"] = "2026-03-31".into();
    task["history"] = serde_json::json!([{
        "date": "2026-01-31", "status": "carried_over", "due": "2026-03-31",
        "previous_due": "2026-01-31", "text": "chờ kinh phí"
    }]);
    w["trees"]["resolutions"]["22"]["title"] = "Đổi tên sau khi thông qua".into();
    let edited = tmp.path().join("edited.json");
    std::fs::write(&edited, serde_json::to_string(&w).unwrap()).unwrap();
    let second = tmp.path().join("second");
    let out = chibo(&second, &["restore", edited.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = String::from_utf8(chibo(&second, &["export", "resolution", "22"]).stdout).unwrap();
    assert_eq!(
        as_filed(&after),
        as_filed(&before),
        "the filed text never changes"
    );
    let follow = &after[as_filed(&after).len()..];
    assert!(follow.starts_with("THEO DÕI THỰC HIỆN"), "{after}");
    assert!(
        follow.contains("chuyển kỳ sau; hạn mới 31/03/2026")
            && follow.contains("ghi nhận: chờ kinh phí"),
        "{follow}"
    );
    assert!(follow.contains("nay do đồng chí"), "{follow}");
}

#[test]
fn data_from_before_the_dues_ledger_opens_with_an_empty_one_and_backups_carry_its_entries() {
    use chibo::domain::dues::{Entry, Month};
    use chibo::store::{Records, SledStore};
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let tmp = tempfile::tempdir().unwrap();
    assert!(chibo(tmp.path(), &["restore", fixture]).status.success());
    let store = SledStore::open_existing(tmp.path()).unwrap();
    let ledger = store.dues_ledger().unwrap();
    assert!(ledger.entries().is_empty());
    assert_eq!(
        ledger.opens(),
        None,
        "nothing is expected before the ledger opens"
    );
    let member = store.members().unwrap()[0].id;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
    let now = day.and_hms_opt(19, 0, 0).unwrap();
    let month = Month::new(2026, 11).unwrap();
    let paid = Entry::Payment {
        member,
        months: vec![(month, 5000)],
    };
    let entry = store.add_dues_entry(day, paid, now).unwrap().unwrap();
    // a refused entry writes nothing
    let empty = Entry::Payment {
        member,
        months: vec![],
    };
    assert!(store.add_dues_entry(day, empty, now).unwrap().is_err());
    assert_eq!(
        store.dues_ledger().unwrap().entries(),
        std::slice::from_ref(&entry)
    );
    drop(store);
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("b.json");
    assert!(
        chibo(tmp.path(), &["backup", file.to_str().unwrap()])
            .status
            .success()
    );
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(b["counts"]["dues"], 1, "the backup carries the entry");
    // and a restore of it brings the entry back
    let into = other.path().join("data");
    assert!(
        chibo(&into, &["restore", file.to_str().unwrap()])
            .status
            .success()
    );
    let store = SledStore::open_existing(&into).unwrap();
    assert_eq!(store.dues_ledger().unwrap().entries(), [entry]);
}

#[test]
fn an_amendment_written_before_its_author_was_recorded_still_loads_and_prints() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    // an amendment as the first versions wrote it: when, why and what, no one named
    v["trees"]["meetings"]["20"]["amendments"] = serde_json::json!([{
        "at": "2026-10-12T08:30:00",
        "reason": "ghi thiếu ý kiến",
        "text": "Bổ sung ý kiến của đồng chí tổ trưởng tổ 2."
    }]);
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old.json");
    std::fs::write(&old, serde_json::to_string(&v).unwrap()).unwrap();
    let data = tmp.path().join("data");
    let out = chibo(&data, &["restore", old.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = chibo(&data, &["export", "minutes", "2026-10"]);
    let minutes = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        minutes.contains(
            "- Ngày 12/10/2026 lúc 08:30: Bổ sung ý kiến của đồng chí tổ trưởng tổ 2. (lý do: ghi thiếu ý kiến)"
        ),
        "{minutes}"
    );
    // and is written back as it was read: no author made up
    let again = tmp.path().join("again.json");
    assert!(
        chibo(&data, &["backup", again.to_str().unwrap()])
            .status
            .success()
    );
    let w: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(again).unwrap()).unwrap();
    assert_eq!(
        w["trees"]["meetings"]["20"]["amendments"],
        v["trees"]["meetings"]["20"]["amendments"]
    );
}

#[test]
fn the_notebook_discipline_and_awards_are_kept_backed_up_and_hold_the_member() {
    use chibo::domain::discipline::{Award, Discipline, DisciplineForm, RecordId};
    use chibo::domain::member::Activity;
    use chibo::domain::notebook::{Note, NoteKind};
    use chibo::store::{Records, SledStore};
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let tmp = tempfile::tempdir().unwrap();
    assert!(chibo(tmp.path(), &["restore", fixture]).status.success());
    let store = SledStore::open_existing(tmp.path()).unwrap();
    // data from before them has none
    assert!(store.notes().unwrap().is_empty());
    assert!(store.discipline().unwrap().is_empty());
    assert!(store.awards().unwrap().is_empty());
    let members = store.members().unwrap();
    let official = members
        .iter()
        .find(|m| m.official_date.is_some() && m.activity == Activity::Active)
        .unwrap()
        .clone();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
    let now = day.and_hms_opt(21, 0, 0).unwrap();
    let mut note = Note::new(official.id, day, NoteKind::Commitment, "Vận động 5 hộ");
    store.save_note(&mut note, now).unwrap();
    let mut award = Award {
        id: RecordId::default(),
        member: official.id,
        form: "Giấy khen".into(),
        level: "Đảng ủy phường".into(),
        date: day,
        number: "12-QĐ/ĐU".into(),
        reason: "Hoàn thành xuất sắc nhiệm vụ năm 2025".into(),
    };
    store.save_award(&mut award, now).unwrap();
    let mut expulsion = Discipline::new(official.id, DisciplineForm::Expulsion, day);
    expulsion.body = "Đảng ủy phường An Phú".into();
    expulsion.reason = "Vi phạm nghiêm trọng".into();
    store.save_discipline(&mut expulsion, now).unwrap();
    // an expulsion changes the activity on the decision's date, in the same write
    let after = store.member(official.id).unwrap().unwrap();
    assert_eq!(after.activity, Activity::Expelled);
    assert_eq!(after.history.last().unwrap().date, day);
    // the records hold the member: never deleted while they refer to them
    let refs = store.member_references(official.id).unwrap();
    assert!(refs.len() >= 3, "{refs:?}");
    drop(store);
    let check = chibo(tmp.path(), &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("b.json");
    assert!(
        chibo(tmp.path(), &["backup", file.to_str().unwrap()])
            .status
            .success()
    );
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(b["counts"]["notebook"], 1);
    assert_eq!(b["counts"]["discipline"], 1);
    assert_eq!(b["counts"]["awards"], 1);
    let into = other.path().join("data");
    assert!(
        chibo(&into, &["restore", file.to_str().unwrap()])
            .status
            .success()
    );
    let store = SledStore::open_existing(&into).unwrap();
    assert_eq!(store.notes().unwrap(), [note]);
    assert_eq!(store.discipline().unwrap(), [expulsion]);
    assert_eq!(store.awards().unwrap(), [award]);
}

#[test]
fn candidates_are_kept_backed_up_and_the_ceremony_makes_the_member() {
    use chibo::domain::candidates::{Candidate, Rules};
    use chibo::domain::member::Standing;
    use chibo::domain::task::Task;
    use chibo::store::{Records, SledStore};
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-schema1.json"
    );
    let tmp = tempfile::tempdir().unwrap();
    assert!(chibo(tmp.path(), &["restore", fixture]).status.success());
    let store = SledStore::open_existing(tmp.path()).unwrap();
    // data from before them has none
    assert!(store.candidates().unwrap().is_empty());
    let members_before = store.members().unwrap().len();
    let helper = store.members().unwrap()[0].id;
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let now = day(11, 20).and_hms_opt(21, 0, 0).unwrap();
    let rules = Rules::shipped();
    let mut c = Candidate::new("Trịnh", "Thị", "Ngọc", day(1, 10));
    c.birth_date = Some(chrono::NaiveDate::from_ymd_opt(1999, 4, 2).unwrap());
    let mut task = Task::new("Giúp đỡ quần chúng Trịnh Thị Ngọc", day(12, 31));
    task.lead = Some(helper);
    store.save_candidate(&mut c, Some(&mut task), now).unwrap();
    assert_eq!(c.helper_task, Some(task.id), "the candidate names the task");
    assert_eq!(
        store.task(task.id).unwrap().unwrap().lead,
        Some(helper),
        "an ordinary task of the helper"
    );
    // the ceremony is not recorded yet: no member is made
    assert!(store.admit_candidate(&mut c, now).unwrap().is_none());
    for (i, s) in rules.steps.iter().enumerate() {
        c.record(*s, day(2, 1 + i as u32), "số 1", day(11, 20), &rules)
            .unwrap();
    }
    let member = store.admit_candidate(&mut c, now).unwrap().unwrap();
    assert_eq!(member.full_name(), "Trịnh Thị Ngọc");
    assert_eq!(member.standing, Standing::Probationary);
    assert_eq!(member.admission_date, Some(day(2, 9)));
    assert_eq!(c.member, Some(member.id));
    assert_eq!(store.members().unwrap().len(), members_before + 1);
    assert_eq!(store.candidate(c.id).unwrap().as_ref(), Some(&c));
    // once a member, never again
    assert!(store.admit_candidate(&mut c, now).unwrap().is_none());
    let mut stopped = Candidate::new("Mai", "", "Lan", day(3, 1));
    stopped
        .close(day(6, 1), "Chuyển đi nơi khác", day(11, 20))
        .unwrap();
    store.save_candidate(&mut stopped, None, now).unwrap();
    drop(store);
    let check = chibo(tmp.path(), &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("b.json");
    assert!(
        chibo(tmp.path(), &["backup", file.to_str().unwrap()])
            .status
            .success()
    );
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(b["counts"]["candidates"], 2);
    let into = other.path().join("data");
    assert!(
        chibo(&into, &["restore", file.to_str().unwrap()])
            .status
            .success()
    );
    let store = SledStore::open_existing(&into).unwrap();
    let mut back = store.candidates().unwrap();
    back.sort_by_key(|c| c.id);
    assert_eq!(back, [c, stopped]);
}
