//! Records evolve: data written by earlier versions keeps loading.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

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
    let m = store
        .member(MemberId(7))
        .unwrap()
        .expect("the old record loads");
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

/// The open tasks as every task says, nearest due first.
fn open_by_scan(store: &dyn Store) -> Vec<chibo::domain::task::TaskId> {
    let mut open: Vec<_> = store
        .tasks()
        .unwrap()
        .into_iter()
        .filter(|t| t.status.is_open())
        .collect();
    open.sort_by_key(|t| (t.due, t.id));
    open.into_iter().map(|t| t.id).collect()
}

fn ids(tasks: &[chibo::domain::task::Task]) -> Vec<chibo::domain::task::TaskId> {
    tasks.iter().map(|t| t.id).collect()
}

#[test]
fn a_task_marked_done_leaves_the_open_index_in_the_same_save() {
    use chibo::domain::task::{Task, TaskNote};
    let store = MemoryStore::new();
    store.ensure_open_index().unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let now = day(20).and_hms_opt(9, 0, 0).unwrap();
    let mut tasks = vec![
        Task::new("Thu đảng phí", day(30)),
        Task::new("Vệ sinh khu phố", day(10)),
    ];
    store.save_tasks(&mut tasks, now, "assign").unwrap();
    assert_eq!(
        ids(&store.open_tasks(None).unwrap()),
        vec![tasks[1].id, tasks[0].id]
    );
    assert_eq!(
        ids(&store.open_tasks(Some(day(20))).unwrap()),
        vec![tasks[1].id],
        "only the overdue one"
    );

    let mut done = store.task(tasks[1].id).unwrap().unwrap();
    done.complete(TaskNote::new(day(20), ""), "Đã làm xong");
    store
        .save_tasks(std::slice::from_mut(&mut done), now, "done")
        .unwrap();
    assert_eq!(ids(&store.open_tasks(None).unwrap()), vec![tasks[0].id]);
    // the index holds the open task alone (and its mark of being complete)
    assert_eq!(store.scan(Tree::OpenTasks).unwrap().len(), 2);

    // carried over to a later date: found once, at the new date
    let mut carried = store.task(tasks[0].id).unwrap().unwrap();
    let later = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    carried
        .carry_over(TaskNote::new(day(20), "chưa kịp"), later)
        .unwrap();
    store
        .save_tasks(std::slice::from_mut(&mut carried), now, "carry_over")
        .unwrap();
    let open = store.open_tasks(None).unwrap();
    assert_eq!(ids(&open), vec![tasks[0].id]);
    assert_eq!(open[0].due, later);
    assert_eq!(store.scan(Tree::OpenTasks).unwrap().len(), 2);
}

#[test]
fn a_data_folder_without_the_open_index_opens_and_rebuilds_it() {
    let tmp = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    {
        let store = chibo::store::SledStore::open(tmp.path()).unwrap();
        chibo::demo::generate(&store, &chibo::demo::DemoOptions::default(), today, now).unwrap();
        // data from before the index: no entry in it at all
        let mut batch = Batch::default();
        for (k, _) in store.scan(Tree::OpenTasks).unwrap() {
            batch.remove(Tree::OpenTasks, k);
        }
        store.apply(batch).unwrap();
        store.flush().unwrap();
        assert!(store.scan(Tree::OpenTasks).unwrap().is_empty());
    }
    let store = chibo::store::SledStore::open(tmp.path()).unwrap();
    let options = chibo::app::Options {
        clock: Box::new(chibo::app::FixedClock(now)),
        ..chibo::app::Options::default()
    };
    let app = chibo::app::App::new(Box::new(store), options).unwrap();
    let index = app.store().scan(Tree::OpenTasks).unwrap();
    let open = open_by_scan(app.store());
    assert!(!open.is_empty(), "the demo has open tasks");
    assert_eq!(
        index.len(),
        open.len() + 1,
        "every open task, and the mark that the index is whole"
    );
    assert_eq!(ids(&app.store().open_tasks(None).unwrap()), open);
}

#[test]
fn report_overdue_through_the_open_index_is_the_report_over_every_task() {
    use chibo::export::report::{Document, overdue};
    let store = MemoryStore::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    chibo::demo::generate(&store, &chibo::demo::DemoOptions::default(), today, now).unwrap();
    let (resolutions, members) = (store.resolutions().unwrap(), store.members().unwrap());
    let every = overdue(&store.tasks().unwrap(), &resolutions, &members, today);
    let indexed = overdue(
        &store.open_tasks(Some(today)).unwrap(),
        &resolutions,
        &members,
        today,
    );
    assert!(!every.items.is_empty(), "the demo has overdue tasks");
    assert_eq!(indexed.to_json(), every.to_json());
    assert!(store.open_tasks(Some(today)).unwrap().len() < store.tasks().unwrap().len() / 2);
}

#[test]
fn reports_of_a_month_read_through_the_indexes_match_the_reports_over_every_task() {
    use chibo::export::report::{Document, coverage, followup};
    let store = MemoryStore::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    chibo::demo::generate(&store, &chibo::demo::DemoOptions::default(), today, now).unwrap();
    let (resolutions, members) = (store.resolutions().unwrap(), store.members().unwrap());
    let every = store.tasks().unwrap();
    for month in [(2026, 11), (2026, 3), (2024, 7)] {
        let first = chrono::NaiveDate::from_ymd_opt(month.0, month.1, 1).unwrap();
        let some = store.tasks_since(first).unwrap();
        let all = followup(&every, &resolutions, &members, first, today);
        assert!(!all.items.is_empty(), "the demo has tasks in {month:?}");
        assert_eq!(
            followup(&some, &resolutions, &members, first, today).to_json(),
            all.to_json()
        );
        assert_eq!(
            coverage(&members, &some, first, today).to_json(),
            coverage(&members, &every, first, today).to_json()
        );
    }
    let this_month = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    assert!(
        store.tasks_since(this_month).unwrap().len() < every.len() / 2,
        "this month's reports leave the history alone"
    );
}

#[test]
fn a_data_folder_without_the_dates_index_keeps_every_recent_task_in_the_application() {
    let tmp = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    {
        let store = chibo::store::SledStore::open(tmp.path()).unwrap();
        chibo::demo::generate(&store, &chibo::demo::DemoOptions::default(), today, now).unwrap();
        // data from before the dates index
        let mut batch = Batch::default();
        for (k, _) in store.scan(Tree::TaskDates).unwrap() {
            batch.remove(Tree::TaskDates, k);
        }
        store.apply(batch).unwrap();
        store.flush().unwrap();
    }
    let store = chibo::store::SledStore::open(tmp.path()).unwrap();
    let options = chibo::app::Options {
        clock: Box::new(chibo::app::FixedClock(now)),
        ..chibo::app::Options::default()
    };
    let app = chibo::app::App::new(Box::new(store), options).unwrap();
    let since = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let every = app.store().tasks().unwrap();
    let mut expected: Vec<_> = every
        .iter()
        .filter(|t| t.status.is_open() || t.due >= since || t.done_on.is_some_and(|d| d >= since))
        .map(|t| t.id)
        .collect();
    expected.sort();
    let mut indexed: Vec<_> = ids(&app.store().tasks_since(since).unwrap());
    indexed.sort();
    assert_eq!(indexed, expected, "the index holds every recent task");
    assert!(expected.len() < every.len(), "older closed tasks exist");
    for id in &expected {
        assert!(
            app.all_tasks().iter().any(|t| t.id == *id),
            "recent task {id:?} is on the tasks screen"
        );
    }
}

#[test]
fn after_a_save_the_application_shows_what_was_written_and_keeps_the_rest() {
    use chibo::domain::task::Task;
    let store = MemoryStore::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(19, 30, 0).unwrap();
    chibo::demo::generate(&store, &chibo::demo::DemoOptions::default(), today, now).unwrap();
    let options = chibo::app::Options {
        clock: Box::new(chibo::app::FixedClock(now)),
        ..chibo::app::Options::default()
    };
    let mut app = chibo::app::App::new(Box::new(store), options).unwrap();
    let members = app.roster.members().len();
    let tasks = app.all_tasks().len();
    let meetings = app.meetings.all().len();

    // a member renamed, a task given, a meeting's place changed, a member added by
    // mistake and deleted: each written through the application's store
    let first = app.roster.members()[0].id;
    let mut m = app.store().member(first).unwrap().unwrap();
    m.given_name = "Zung".into();
    app.store().save_member(&mut m, now, "edit").unwrap();
    let mut t = vec![Task::new("Thăm hỏi gia đình chính sách", today)];
    t[0].lead = Some(first);
    app.store().save_tasks(&mut t, now, "assign").unwrap();
    let id = app.meetings.all()[0].id;
    let mut meeting = app.store().meeting(id).unwrap().unwrap();
    meeting.place = "Nhà văn hoá tổ 9".into();
    app.store()
        .save_meeting(&mut meeting, now, Some("edit"))
        .unwrap();
    app.reload().unwrap();

    assert_eq!(app.roster.members().len(), members);
    assert!(
        app.roster
            .members()
            .iter()
            .any(|x| x.id == first && x.full_name().ends_with("Zung"))
    );
    assert_eq!(app.all_tasks().len(), tasks + 1);
    assert_eq!(
        app.resolutions
            .tasks_of(first)
            .filter(|x| x.id == t[0].id)
            .count(),
        1
    );
    assert_eq!(app.meetings.all().len(), meetings);
    assert_eq!(
        app.meetings.get(meeting.id).map(|x| x.place.as_str()),
        Some("Nhà văn hoá tổ 9")
    );

    let mut extra = app.roster.members()[1].clone();
    extra.id = chibo::domain::member::MemberId(0);
    extra.card_number = String::new();
    app.store().save_member(&mut extra, now, "add").unwrap();
    app.reload().unwrap();
    assert_eq!(app.roster.members().len(), members + 1);
    app.store().delete_member(extra.id, now).unwrap();
    app.reload().unwrap();
    assert_eq!(app.roster.members().len(), members);
    assert!(app.roster.members().iter().all(|x| x.id != extra.id));
}

#[test]
fn a_year_end_meeting_saved_before_grading_opens_with_none_and_keeps_its_grades_once_graded() {
    use chibo::domain::evaluation::Grade;
    use chibo::domain::review::{Change, Whom};
    use chibo::domain::vote::{Vote, VoteMethod, VoteRule};
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/backup-schema1.json")).unwrap();
    // a meeting as the first schema wrote it, held as the year-end review
    let mut old = fixture["trees"]["meetings"]["21"].clone();
    old["kind"] = "year_end".into();
    let mut open = old.clone();
    open["approved_at"] = serde_json::Value::Null;
    open["approval"] = serde_json::Value::Null;
    open["id"] = 22.into();
    let store = MemoryStore::new();
    let mut batch = Batch::default();
    for (key, record) in [(21u64, &old), (22, &open)] {
        batch.put(
            Tree::Meetings,
            key.to_be_bytes().to_vec(),
            serde_json::to_vec(record).unwrap(),
        );
    }
    store.apply(batch).unwrap();
    let member = MemberId(1);
    // its minutes were approved: it opens with no grading, and grading it now is refused
    let id = chibo::domain::meeting::MeetingId(21);
    let mut m = store.meeting(id).unwrap().expect("the old record loads");
    assert!(m.review.is_none());
    assert!(
        m.grade(Whom::Member(member), Change::Propose(Some(Grade::Good)))
            .is_err()
    );
    assert!(m.review.is_none());
    // one not approved yet is graded and saved
    let id = chibo::domain::meeting::MeetingId(22);
    let mut m = store.meeting(id).unwrap().expect("the old record loads");
    assert!(m.review.is_none());
    m.grade(Whom::Member(member), Change::SelfGrade(Some(Grade::Good)))
        .unwrap();
    let vote = Vote {
        subject: "Xếp loại đảng viên".into(),
        kind: Default::default(),
        method: VoteMethod::ShowOfHands,
        rule: VoteRule::SimpleMajority,
        eligible: 6,
        branch: 6,
        in_favour: 6,
        against: 0,
        other: 0,
    };
    m.grade(Whom::Member(member), Change::Decide(Grade::Good, vote))
        .unwrap();
    let at = m.date.and_hms_opt(21, 0, 0).unwrap();
    store.save_meeting(&mut m, at, Some("grade")).unwrap();
    let back = store.meeting(id).unwrap().unwrap();
    let sheet = back.review.as_ref().unwrap().member(member).unwrap();
    assert_eq!(sheet.self_grade, Some(Grade::Good));
    assert_eq!(sheet.decided(), Some(Grade::Good));
    assert_eq!(sheet.decision.as_ref().unwrap().vote.in_favour, 6);
    // the member graded is referred to: not deleted as one added by mistake
    assert!(back.member_refs().contains(&member));
}
