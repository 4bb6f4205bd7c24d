//! Every member carries an assignment: bulk assignment clears the warning, a
//! resolution item shows in the member's tasks and its completion in both places, and
//! exempt members are never warned about.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::app::Screen;
use chibo::app::tasks::TaskView;
use chibo::domain::task::TaskStatus;
use chibo::store::Records;
use common::*;

#[test]
fn assigning_every_unassigned_member_clears_the_warning_and_exempt_members_are_not_counted() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "4");
    let shown = screen(&app, 80, 24);
    // 28 on the roster, one exempt (Hoàng Văn Nam): 27 expected to carry a task
    assert!(
        shown.contains("⚠ 27 đồng chí chưa được phân công nhiệm vụ"),
        "{shown}"
    );
    assert!(
        !app.task_loads().iter().any(|l| l.name == "Hoàng Văn Nam"),
        "the exempt member is not listed"
    );
    insta::assert_snapshot!("tasks_unassigned", shown);

    press(&mut app, "u");
    type_text(&mut app, "Phụ trách hộ gia đình tại tổ dân phố");
    press(&mut app, "tab tab right right right");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Mọi đồng chí đều đã được phân công nhiệm vụ."));
    let tasks = store.tasks().unwrap();
    assert_eq!(tasks.len(), 27, "each their own");
    assert!(
        tasks
            .iter()
            .all(|t| t.category == "Phụ trách địa bàn, hộ gia đình" && t.due == day(2026, 11, 30))
    );
    let members = store.members().unwrap();
    let nam = members
        .iter()
        .find(|m| m.full_name() == "Hoàng Văn Nam")
        .unwrap();
    assert!(tasks.iter().all(|t| t.lead != Some(nam.id)));
}

#[test]
fn marked_members_share_one_task() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "4 space space b");
    type_text(&mut app, "Chuẩn bị hội nghị nhân dân");
    press(&mut app, "tab tab tab right ctrl-s");
    let tasks = store.tasks().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].helpers.len(), 1);
    assert!(screen(&app, 80, 24).contains("⚠ 25 đồng chí chưa được phân công nhiệm vụ"));
}

#[test]
fn a_resolution_item_is_the_members_task_and_its_completion_shows_in_both_places() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    // a resolution with one item led by đ/c Doãn Văn Tâm
    press(&mut app, "3 n tab tab");
    type_text(&mut app, "Nghị quyết chuyên đề dân vận");
    press(&mut app, "ctrl-s a");
    type_text(
        &mut app,
        "Vận động hộ kinh doanh ký cam kết an toàn thực phẩm",
    );
    press(&mut app, "tab enter");
    type_text(&mut app, "tam");
    press(&mut app, "enter ctrl-s A ctrl-s");

    // the tasks screen, by member: open the member's tasks
    press(&mut app, "4");
    let row = app
        .task_loads()
        .iter()
        .position(|l| l.name == "Doãn Văn Tâm")
        .unwrap();
    assert_eq!(app.task_loads()[row].open, 1);
    for _ in 0..row {
        press(&mut app, "down");
    }
    press(&mut app, "enter");
    assert_eq!(app.tasks.view, TaskView::All);
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Vận động hộ kinh doanh ký cam kết"),
        "{shown}"
    );
    assert!(
        shown.contains("1-NQ/CB"),
        "the source is the resolution: {shown}"
    );

    // done from the member's tasks, rated
    press(&mut app, "d");
    type_text(&mut app, "42 hộ đã ký");
    press(&mut app, "tab right right ctrl-s");
    let t = &store.tasks().unwrap()[0];
    assert_eq!(t.status, TaskStatus::Done);
    assert_eq!(t.rating, Some(chibo::domain::task::Rating::Met));

    // the tracker shows it done, and the resolution completed
    press(&mut app, "3");
    assert_eq!(app.screen, Screen::Resolutions);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("hoàn thành"), "{shown}");
    assert!(
        shown.contains("Nghị quyết số 1-NQ/CB · hằng tháng · hoàn thành"),
        "{shown}"
    );
}

#[test]
fn a_member_who_leaves_with_open_tasks_is_offered_their_reassignment() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "4 n");
    type_text(&mut app, "Theo dõi hộ nghèo tổ 2");
    press(&mut app, "ctrl-s");
    let lead = store.tasks().unwrap()[0].lead.unwrap();
    let name = store.member(lead).unwrap().unwrap().full_name();
    // transfer that member out from the roster
    press(&mut app, "1 /");
    type_text(&mut app, &name);
    press(&mut app, "enter s right right right ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("còn 1 nhiệm vụ đang mở"), "{shown}");
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Tasks);
    assert_eq!(app.tasks.member, Some(lead));
    assert_eq!(app.task_rows().len(), 1);
    // reassign it
    press(&mut app, "r");
    type_text(&mut app, "mai thi");
    press(&mut app, "enter");
    let t = &store.tasks().unwrap()[0];
    assert_ne!(t.lead, Some(lead));
    assert!(
        t.history.iter().any(|n| n.lead.is_some()),
        "the change is dated in the history"
    );
}

#[test]
fn a_direct_task_can_join_a_resolution_in_force() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 12, 5), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "3 n tab tab");
    type_text(&mut app, "Nghị quyết tháng 12");
    press(&mut app, "ctrl-s A ctrl-s esc 4 n");
    type_text(&mut app, "Kiểm tra hộ kinh doanh về phòng cháy");
    // to the last field, the resolution: pick the one in force
    for _ in 0..7 {
        press(&mut app, "tab");
    }
    press(&mut app, "right ctrl-s");
    let r = &store.resolutions().unwrap()[0];
    let t = &store.tasks().unwrap()[0];
    assert_eq!(t.resolution, Some(r.id));
    assert_eq!(r.items, vec![t.id], "it is an item of the resolution now");
}

#[test]
fn an_exempt_member_is_marked_in_the_picker_and_cannot_be_made_lead_or_helper() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    // a new task from the tasks screen: title, details, category, then the lead
    press(&mut app, "4 n");
    type_text(&mut app, "Theo dõi hộ nghèo tổ 3");
    press(&mut app, "tab tab tab enter");
    type_text(&mut app, "hoang van nam");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Hoàng Văn Nam · miễn sinh hoạt"), "{shown}");
    press(&mut app, "enter");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Đ/c Hoàng Văn Nam được miễn công tác và sinh hoạt: không giao nhiệm vụ."),
        "{shown}"
    );
    assert!(
        matches!(app.overlays.last(), Some(chibo::app::Overlay::Picker(_))),
        "the picker stays"
    );
    // a helper neither
    press(&mut app, "esc tab enter");
    type_text(&mut app, "hoang van nam");
    press(&mut app, "enter");
    assert!(screen(&app, 100, 30).contains("không giao nhiệm vụ"));
    assert!(store.tasks().unwrap().is_empty());
}

#[test]
fn a_member_who_leaves_is_taken_off_the_tasks_they_only_help_with() {
    let store = Arc::new(fixture_store());
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    // two marked members share one task: the first leads, the second helps
    press(&mut app, "4 space space b");
    type_text(&mut app, "Chuẩn bị hội nghị nhân dân");
    press(&mut app, "tab tab tab right ctrl-s");
    let t = store.tasks().unwrap().remove(0);
    let helper = t.helpers[0];
    let name = store.member(helper).unwrap().unwrap().full_name();
    press(&mut app, "1 /");
    type_text(&mut app, &name);
    press(&mut app, "enter s right right right ctrl-s");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains(&format!("Đ/c {name} đang giúp 1 nhiệm vụ đang mở.")),
        "{shown}"
    );
    press(&mut app, "enter");
    let t = store.tasks().unwrap().remove(0);
    assert!(t.helpers.is_empty());
    assert_eq!(t.history.last().unwrap().removed_helper, Some(helper));
    assert!(screen(&app, 100, 30).contains(&format!("Đã rút đ/c {name} khỏi 1 nhiệm vụ giúp.")));
}
