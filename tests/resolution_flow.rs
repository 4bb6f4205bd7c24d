//! A meeting's conclusions become a numbered resolution with assigned items; time
//! passes its due date; the item shows quá hạn in the tracker and the overdue report;
//! the next meeting reviews it in the console and its biên bản shows the review.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::app::Screen;
use chibo::domain::task::TaskStatus;
use chibo::export::minutes::Format;
use chibo::export::report::Document;
use chibo::store::Records;
use common::*;

#[test]
fn conclusions_become_a_resolution_that_is_followed_up_and_reviewed() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 19, 30);
    let mut app = app_over(store.clone(), &clock);

    // December meeting: next month's tasks, the vote on the resolution, a conclusion
    press(
        &mut app,
        "2 n ctrl-s s ctrl-r a esc ctrl-n ctrl-n ctrl-n ctrl-n",
    );
    type_text(&mut app, "- Vận động nhân dân giữ gìn vệ sinh hẻm 12");
    press(&mut app, "enter");
    type_text(&mut app, "- Hoàn thành thu quỹ vì người nghèo");
    press(&mut app, "ctrl-n ctrl-n ctrl-n f3");
    type_text(&mut app, "Thông qua nghị quyết tháng 12/2026");
    press(&mut app, "tab tab tab");
    type_text(&mut app, "20");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s f4");
    type_text(&mut app, "Chăm lo Tết cho gia đình chính sách");
    clock.advance(95);
    press(&mut app, "ctrl-e enter R");

    assert_eq!(app.screen, Screen::Resolutions);
    let res = store.resolutions().unwrap();
    assert_eq!(res.len(), 1);
    let r = &res[0];
    assert_eq!(r.number, "1-NQ/CB");
    assert_eq!(r.adopted_on, Some(day(2026, 12, 5)), "the vote adopted it");
    assert_eq!(r.adopted_by, Some((7, 0)), "linked to the vote in item 8");
    let tasks = store.tasks().unwrap();
    let titles: Vec<&str> = r
        .items
        .iter()
        .map(|id| tasks.iter().find(|t| t.id == *id).unwrap().title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Vận động nhân dân giữ gìn vệ sinh hẻm 12",
            "Hoàn thành thu quỹ vì người nghèo",
            "Chăm lo Tết cho gia đình chính sách"
        ]
    );

    // assign the first item to đ/c Đoàn Thị Xuân, the second to đ/c Doãn Văn Tâm
    press(&mut app, "enter tab enter");
    type_text(&mut app, "xuan");
    press(&mut app, "enter ctrl-s down enter tab enter");
    type_text(&mut app, "tam");
    press(&mut app, "enter ctrl-s up");
    insta::assert_snapshot!("tracker_detail", screen(&app, 80, 24));
    let members = store.members().unwrap();
    let id_of = |n: &str| members.iter().find(|m| m.full_name() == n).unwrap().id;
    let first = store.task(r.items[0]).unwrap().unwrap();
    assert_eq!(first.lead, Some(id_of("Đoàn Thị Xuân")));
    assert_eq!(
        first.due,
        day(2026, 12, 31),
        "due at the end of the month it is adopted for"
    );

    // the exported resolution
    let items: Vec<_> = r
        .items
        .iter()
        .map(|id| store.task(*id).unwrap().unwrap())
        .collect();
    let mut sorted = members.clone();
    sorted.sort_by_cached_key(|m| m.sort_key());
    let branch = store.branch().unwrap();
    let r = store.resolutions().unwrap().remove(0);
    let doc =
        chibo::export::resolution::render(&r, &items, &sorted, branch.as_ref(), Format::Markdown);
    golden("resolution-flow.md", &doc);

    // time passes the due date: quá hạn in the tracker and in the overdue report
    clock.advance(60 * 24 * 60);
    assert_eq!(app.today(), day(2027, 2, 3));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("31/12/2026 quá hạn"), "{shown}");
    let report = chibo::export::report::overdue(
        &store.tasks().unwrap(),
        &store.resolutions().unwrap(),
        &members,
        app.today(),
    );
    let text = report.to_text();
    assert!(text.contains("- [1-NQ/CB] Vận động nhân dân giữ gìn vệ sinh hẻm 12 — đ/c Đoàn Thị Xuân; hạn 31/12/2026; chưa thực hiện, quá hạn 34 ngày"), "{text}");
    assert_eq!(report.items.len(), 3);

    // the follow-up view groups it as overdue
    press(&mut app, "esc t");
    assert!(screen(&app, 80, 24).contains("Quá hạn"));
    press(&mut app, "esc");

    // February meeting: review last month's resolution in item 3
    press(&mut app, "2 esc n ctrl-s s ctrl-r a esc ctrl-n ctrl-n");
    // on the review item, last month's items are listed with their status
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("Nghị quyết số 1-NQ/CB (f7 để đánh giá từng nhiệm vụ):"),
        "{shown}"
    );
    assert!(
        shown.contains("1. Vận động nhân dân giữ gìn vệ sinh hẻm 12 — Đoàn Thị Xuân — quá hạn"),
        "{shown}"
    );
    press(&mut app, "ctrl-g");
    insta::assert_snapshot!("review", screen(&app, 80, 24));
    press(&mut app, "d");
    type_text(&mut app, "20 hộ tham gia, hẻm sạch");
    press(&mut app, "ctrl-s down c");
    // carrying over asks for the new due date: proposed the end of this month, as the
    // old one (31/12/2026) has passed
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Hạn mới") && shown.contains("28/02/2027"),
        "{shown}"
    );
    press(&mut app, "tab");
    type_text(&mut app, "chờ danh sách hộ nghèo mới");
    press(&mut app, "ctrl-s esc");
    clock.advance(95);
    press(&mut app, "ctrl-e enter");

    let tasks = store.tasks().unwrap();
    let t1 = tasks
        .iter()
        .find(|t| t.title == "Vận động nhân dân giữ gìn vệ sinh hẻm 12")
        .unwrap();
    assert_eq!(t1.status, TaskStatus::Done);
    assert_eq!(t1.done_on, Some(day(2027, 2, 3)), "dated at the meeting");
    let t2 = tasks
        .iter()
        .find(|t| t.title == "Hoàn thành thu quỹ vì người nghèo")
        .unwrap();
    assert_eq!(t2.status, TaskStatus::CarriedOver);
    assert_eq!(t2.due, day(2027, 2, 28));
    assert_eq!(
        t2.original_due(),
        day(2026, 12, 31),
        "the due date as adopted is kept"
    );
    assert!(!t2.is_overdue(app.today()));

    let feb = store
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.date == day(2027, 2, 3))
        .unwrap();
    let resolutions = store.resolutions().unwrap();
    let reviewed = chibo::export::minutes::reviewed_at(&feb, &tasks, &resolutions);
    let minutes =
        chibo::export::minutes::render(&feb, &sorted, branch.as_ref(), &reviewed, Format::Text);
    assert!(minutes.contains("3. Đánh giá kết quả thực hiện nghị quyết tháng trước\n\nKết quả thực hiện nghị quyết được đánh giá tại cuộc họp:"), "{minutes}");
    assert!(minutes.contains("- [1-NQ/CB] Vận động nhân dân giữ gìn vệ sinh hẻm 12 (đồng chí Đoàn Thị Xuân): hoàn thành. Kết quả: 20 hộ tham gia, hẻm sạch."), "{minutes}");
    assert!(minutes.contains("- [1-NQ/CB] Hoàn thành thu quỹ vì người nghèo (đồng chí Doãn Văn Tâm): chuyển kỳ sau, chờ danh sách hộ nghèo mới, hạn mới 28/02/2027."), "{minutes}");
}

#[test]
fn a_taken_number_is_refused_with_a_clear_message() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n tab");
    assert!(
        screen(&app, 80, 24).contains("1-NQ/CB"),
        "the number is proposed"
    );
    press(&mut app, "tab");
    type_text(&mut app, "Nghị quyết chuyên đề về dân vận khéo");
    press(&mut app, "ctrl-s esc n tab tab");
    // the proposal moved on; type the taken one instead
    press(&mut app, "shift-tab");
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "1-NQ/CB");
    press(&mut app, "tab");
    type_text(&mut app, "Trùng số");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Số này đã dùng trong năm; chọn số khác."));
    assert_eq!(store.resolutions().unwrap().len(), 1);
}

#[test]
fn superseding_links_both_ways() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n tab tab");
    type_text(&mut app, "Nghị quyết cũ");
    press(&mut app, "ctrl-s esc n tab tab");
    type_text(&mut app, "Nghị quyết mới");
    press(&mut app, "ctrl-s esc f f f");
    // all resolutions: the older one is second (newest first)
    press(&mut app, "down enter S");
    type_text(&mut app, "2-NQ/CB");
    press(&mut app, "ctrl-s");
    let all = store.resolutions().unwrap();
    let old = all.iter().find(|r| r.title == "Nghị quyết cũ").unwrap();
    let new = all.iter().find(|r| r.title == "Nghị quyết mới").unwrap();
    assert_eq!(old.superseded_by, Some(new.id));
    assert_eq!(new.supersedes, Some(old.id));
    assert!(screen(&app, 80, 24).contains("Bị thay thế bởi nghị quyết số 2-NQ/CB"));
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("CHIBO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{} differs:\n{actual}", path.display());
}

#[test]
fn an_item_takes_several_helpers() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n tab tab");
    type_text(&mut app, "Nghị quyết chuyên đề");
    press(&mut app, "ctrl-s a");
    type_text(&mut app, "Rà soát hộ nghèo");
    press(&mut app, "tab tab enter");
    type_text(&mut app, "mai thi");
    press(&mut app, "enter enter");
    type_text(&mut app, "hung");
    press(&mut app, "enter space");
    type_text(&mut app, "lan");
    press(&mut app, "enter backspace");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Phối hợp » Trần Thị Mai, Nguyễn Văn Hùng"),
        "{shown}"
    );
    press(&mut app, "ctrl-s");
    let t = &store.tasks().unwrap()[0];
    let members = store.members().unwrap();
    let names: Vec<String> = t
        .helpers
        .iter()
        .map(|h| members.iter().find(|m| m.id == *h).unwrap().full_name())
        .collect();
    assert_eq!(names, ["Trần Thị Mai", "Nguyễn Văn Hùng"]);
}

/// The votes of the open meeting, as stored.
fn stored_votes(store: &chibo::store::MemoryStore) -> Vec<chibo::domain::vote::Vote> {
    store.meetings().unwrap()[0]
        .agenda
        .iter()
        .flat_map(|i| &i.entries)
        .filter_map(|e| match &e.kind {
            chibo::domain::meeting::EntryKind::Vote(v) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_vote_rule_follows_the_subject_and_simple_majority_is_refused_for_an_admission() {
    use chibo::domain::vote::{VoteRule, VoteSubject};
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r a esc f3");
    assert!(screen(&app, 100, 30).contains("đa số phiếu có mặt"));
    type_text(&mut app, "Đề nghị kết nạp quần chúng Lê Văn Bình");
    // the rule is chosen as the subject is typed
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("2/3 đảng viên chi bộ (nhân sự)"), "{shown}");
    // the secretary changes it back to simple majority: refused, with the rule needed
    press(&mut app, "tab tab left tab");
    type_text(&mut app, "15");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Nội dung này cần ít nhất 2/3 đảng viên chi bộ: chọn nguyên tắc 2/3."),
        "{shown}"
    );
    app.save_now().unwrap();
    assert!(stored_votes(&store).is_empty(), "nothing saved");
    // with the 2/3 rule it is recorded, as an admission
    press(&mut app, "right ctrl-s"); // the rule field has the focus
    app.save_now().unwrap();
    let vote = stored_votes(&store).pop().expect("the vote");
    assert_eq!(vote.kind, VoteSubject::Admission);
    assert_eq!(vote.rule, VoteRule::TwoThirdsOfBranch);

    // discipline: more than half of the branch, chosen from the wording
    press(&mut app, "f3");
    type_text(&mut app, "Thi hành kỷ luật khiển trách đ/c Nguyễn Văn Hùng");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("quá 1/2 đảng viên chi bộ (kỷ luật)"),
        "{shown}"
    );
    press(&mut app, "esc");
    // the wording goes on from discipline to expulsion: the rule follows it to 2/3
    press(&mut app, "f3");
    type_text(&mut app, "Thi hành kỷ luật ");
    assert!(screen(&app, 100, 30).contains("quá 1/2 đảng viên chi bộ (kỷ luật)"));
    type_text(&mut app, "khai trừ đ/c Nguyễn Văn Hùng");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("2/3 đảng viên chi bộ (nhân sự)"), "{shown}");
    press(&mut app, "esc");

    // an ordinary subject stays at simple majority; a stricter rule the secretary
    // chose stays while the subject is typed on
    press(&mut app, "f3");
    type_text(&mut app, "Thông qua chương trình công tác");
    press(&mut app, "tab tab right shift-tab shift-tab end");
    type_text(&mut app, " tháng 12");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("2/3 đảng viên chi bộ (nhân sự)"), "{shown}");
    press(&mut app, "tab tab tab");
    type_text(&mut app, "20");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    app.save_now().unwrap();
    let vote = stored_votes(&store).pop().expect("the second vote");
    assert_eq!(vote.kind, VoteSubject::Ordinary);
    assert_eq!(vote.rule, VoteRule::TwoThirdsOfBranch);
}

#[test]
fn a_new_resolution_is_a_draft_until_adopted_with_its_date_and_vote() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Loại nghị quyết"), "{shown}");
    assert!(
        !shown.contains("Ngày thông qua"),
        "a new one is a draft: {shown}"
    );
    press(&mut app, "tab tab");
    type_text(&mut app, "Nghị quyết chuyên đề dân vận");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 100, 30).contains("Đã lưu dự thảo"));
    assert_eq!(store.resolutions().unwrap()[0].adopted_on, None);
    // adopting asks for the date (today proposed; no meeting voted on it here)
    press(&mut app, "A");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("05/12/2026") && shown.contains("(không gắn biểu quyết)"),
        "{shown}"
    );
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "04/12/2026");
    press(&mut app, "ctrl-s");
    let r = store.resolutions().unwrap().remove(0);
    assert_eq!(r.adopted_on, Some(day(2026, 12, 4)));
    assert_eq!(r.adopted_by, None);

    // a new item is due at the end of the month it is adopted for
    press(&mut app, "a");
    assert!(screen(&app, 100, 30).contains("31/12/2026"));
    type_text(&mut app, "Vận động hộ kinh doanh ký cam kết");
    press(&mut app, "ctrl-s");
    // a progress note: no percentage assumed, its date can be set
    press(&mut app, "p");
    type_text(&mut app, "đã gặp 10 hộ");
    press(&mut app, "tab");
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "03/12/2026");
    press(&mut app, "ctrl-s");
    let t = store.tasks().unwrap().remove(0);
    assert_eq!(t.due, day(2026, 12, 31));
    let note = t.history.last().unwrap();
    assert_eq!(
        (note.text.as_str(), note.date, note.percent),
        ("đã gặp 10 hộ", day(2026, 12, 3), None)
    );
}

#[test]
fn adopting_links_the_vote_that_passed_it() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r a esc f3");
    type_text(&mut app, "Thông qua nghị quyết chuyên đề dân vận");
    press(&mut app, "tab tab tab");
    type_text(&mut app, "20");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    app.save_now().unwrap();
    press(&mut app, "esc 3 n tab tab");
    type_text(&mut app, "Nghị quyết chuyên đề dân vận");
    press(&mut app, "ctrl-s A");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("‹ 05/12/2026: Thông qua nghị quyết"),
        "the vote is proposed: {shown}"
    );
    press(&mut app, "ctrl-s");
    let r = store.resolutions().unwrap().remove(0);
    let m = store.meetings().unwrap().remove(0);
    assert_eq!(r.adopted_on, Some(day(2026, 12, 5)));
    assert_eq!(r.meeting, Some(m.id));
    let (item, entry) = r.adopted_by.expect("the vote is linked");
    assert!(matches!(
        &m.agenda[item].entries[entry].kind,
        chibo::domain::meeting::EntryKind::Vote(v) if v.subject == "Thông qua nghị quyết chuyên đề dân vận"
    ));
}

#[test]
fn helpers_are_shown_beside_the_lead_wherever_the_item_is_listed() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n tab tab");
    type_text(&mut app, "Nghị quyết chuyên đề");
    press(&mut app, "ctrl-s a");
    type_text(&mut app, "Rà soát hộ nghèo");
    // the lead, then a helper
    press(&mut app, "tab enter");
    type_text(&mut app, "mai thi");
    press(&mut app, "enter enter");
    type_text(&mut app, "hung");
    press(&mut app, "enter ctrl-s");
    let t = &store.tasks().unwrap()[0];
    let members = store.members().unwrap();
    let name = |id| {
        members
            .iter()
            .find(|m| Some(m.id) == id)
            .unwrap()
            .full_name()
    };
    let people = format!("{} + {}", name(t.lead), name(t.helpers.first().copied()));
    // the resolution's items, the follow-up of open items, all tasks
    for keys in ["", "t", "4 v"] {
        press(&mut app, keys);
        let shown = screen(&app, 160, 24);
        assert!(shown.contains(&people), "{keys}: {people}\n{shown}");
    }
}
