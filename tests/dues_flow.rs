//! Party dues as the secretary collects them: on the dues screen (a payment of several
//! months, bad input refused with nothing written), and during a meeting's roll call,
//! one key per member; the ledger in the store and the screen agree.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::domain::dues::{Entry, Month};
use chibo::store::{MemoryStore, Records};
use common::*;

fn shared_fixture() -> Arc<MemoryStore> {
    Arc::new(fixture_store())
}

fn payments(store: &MemoryStore) -> Vec<Vec<(Month, i64)>> {
    store
        .dues_ledger()
        .unwrap()
        .entries()
        .iter()
        .filter_map(|e| match &e.entry {
            Entry::Payment { months, .. } => Some(months.clone()),
            _ => None,
        })
        .collect()
}

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

#[test]
fn a_payment_of_three_months_on_the_dues_screen_and_bad_input_refused() {
    let store = shared_fixture();
    let clock = TestClock::on(day(2026, 11, 22), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "5");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Đảng phí tháng 11/2026"), "{s}");
    assert!(s.contains("khoản nộp đầu tiên mở sổ"), "{s}");
    // every member on the flat amount until a basis is set
    assert!(s.contains("mức chung"), "{s}");

    // a letter in the amount: said under the field, nothing written
    press(&mut app, "enter");
    press(
        &mut app,
        "backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "năm nghìn");
    press(&mut app, "ctrl-s");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Số tiền là số đồng lớn hơn 0"), "{s}");
    assert!(payments(&store).is_empty());

    // a month that is not one: said, nothing written
    press(&mut app, "ctrl-w ctrl-w");
    type_text(&mut app, "15.000");
    press(&mut app, "tab tab ctrl-w ctrl-w ctrl-w");
    type_text(&mut app, "13/2026");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Tháng viết MM/YYYY"));
    assert!(payments(&store).is_empty());

    // November to January, 15.000 in all: the months are shown before saving
    for _ in 0..7 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "11/2026");
    press(&mut app, "tab");
    type_text(&mut app, "3");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("11/2026 5.000 · 12/2026 5.000 · 01/2027 5.000"),
        "{s}"
    );
    press(&mut app, "ctrl-s");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("đã nộp 15.000 đồng đảng phí tháng 11/2026, 12/2026, 01/2027"),
        "{s}"
    );
    assert_eq!(
        payments(&store),
        [vec![
            (m(2026, 11), 5_000),
            (m(2026, 12), 5_000),
            (m(2027, 1), 5_000)
        ]]
    );
    // the month's totals follow: the ledger opened in November
    let ledger = store.dues_ledger().unwrap();
    let total = ledger.month(&app.dues.rates, app.roster.members(), m(2026, 11));
    assert_eq!(total.collected, 5_000);
    assert!(s.contains(&format!(
        "Phải thu {} · đã thu 5.000",
        chibo::domain::dues::format_amount(total.expected)
    )));
    // the month before it: nothing counted
    press(&mut app, "left");
    assert!(screen(&app, 80, 24).contains("Sổ đảng phí mở từ tháng 11/2026"));
}

#[test]
fn dues_are_marked_paid_during_the_roll_call() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r");
    let first = app.roll_call_rows()[0].full_name();
    press(&mut app, "p");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains(&format!(
            "Đ/c {first} đã nộp 5.000 đồng đảng phí tháng 12/2026."
        )),
        "{s}"
    );
    assert!(s.contains("đã đóng ĐP"), "{s}");
    // twice is once
    press(&mut app, "p");
    assert!(screen(&app, 80, 24).contains("đã nộp đủ đảng phí tháng 12/2026"));
    assert_eq!(payments(&store), [vec![(m(2026, 12), 5_000)]]);
    // marking presence still works beside it
    press(&mut app, "c");
    press(&mut app, "esc esc 5");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Đảng phí tháng 12/2026"), "{s}");
    assert!(s.contains("đã thu 5.000"), "{s}");
}
