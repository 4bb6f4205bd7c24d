//! `chibo report dues`: a month's and a year's ledger and the collection sheet, over the
//! fixture roster with three months of dues written in code (golden files), and the
//! report against the dues screen over the same ledger: they agree member by member.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::sync::Arc;

use chibo::domain::dues::{Basis, Entry, Month, Rates};
use chibo::domain::member::Member;
use chibo::export::report::Document;
use chibo::export::{dues, dues_sheet};
use chibo::store::{MemoryStore, Records};
use common::*;

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn members(store: &MemoryStore) -> Vec<Member> {
    let mut ms = store.members().unwrap();
    ms.sort_by_cached_key(|m| m.sort_key());
    ms
}

fn id(ms: &[Member], name: &str) -> chibo::domain::member::MemberId {
    ms.iter().find(|m| m.full_name() == name).unwrap().id
}

/// September to November 2026: three bases set (a salary, a pension, an exemption),
/// every member paying each month at the meeting except one who paid September only and
/// one who paid nothing, a correction of October, and the upper level's share of
/// September sent in full and of October in part.
fn ledger_store() -> MemoryStore {
    let store = fixture_store();
    let ms = members(&store);
    let rates = Rates::shipped();
    let now = today().and_hms_opt(8, 0, 0).unwrap();
    let add = |date, entry| store.add_dues_entry(date, entry, now).unwrap().unwrap();
    let basis = [
        ("Nguyễn Văn Hùng", Basis::Pension(7_200_000)),
        ("Trần Thị Mai", Basis::Salary(9_800_000)),
        ("Lê Minh Tuấn", Basis::Fixed(50_000)),
        ("Phạm Thị Thu Hà", Basis::Exempt("ốm dài ngày".into())),
    ];
    for (name, b) in basis {
        add(
            day(2026, 9, 5),
            Entry::Basis {
                member: id(&ms, name),
                from: m(2026, 9),
                basis: b,
            },
        );
    }
    let late = id(&ms, "Lê Minh Tuấn");
    let never = ms
        .iter()
        .rfind(|x| chibo::domain::dues::pays_here(x, m(2026, 9)))
        .unwrap()
        .id;
    let pay_month = |month: Month| {
        for x in &ms {
            if x.id == never || (x.id == late && month > m(2026, 9)) {
                continue;
            }
            let due = store.dues_ledger().unwrap().due(&rates, x, month);
            if due > 0 {
                add(
                    day(2026, month.month, 5),
                    Entry::Payment {
                        member: x.id,
                        months: vec![(month, due)],
                    },
                );
            }
        }
    };
    pay_month(m(2026, 9));
    pay_month(m(2026, 10));
    let september = store.dues_ledger().unwrap().month(&rates, &ms, m(2026, 9));
    add(
        day(2026, 10, 10),
        Entry::Sent {
            month: m(2026, 9),
            amount: september.upper_share,
        },
    );
    pay_month(m(2026, 11));
    add(
        day(2026, 11, 8),
        Entry::Correction {
            member: id(&ms, "Trần Thị Mai"),
            month: m(2026, 10),
            amount: -18_000,
            reason: "ghi nhầm số tiền".into(),
        },
    );
    add(
        day(2026, 11, 10),
        Entry::Sent {
            month: m(2026, 10),
            amount: 100_000,
        },
    );
    store
}

/// Compares with a committed file; `CHIBO_UPDATE_GOLDEN=1` rewrites it (then review
/// the diff before committing).
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("CHIBO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{} differs:\n{actual}", path.display());
}

#[test]
fn the_month_report_in_text_and_json() {
    let store = ledger_store();
    let ms = members(&store);
    let ledger = store.dues_ledger().unwrap();
    let branch = store.branch().unwrap();
    let r = dues::month(&ledger, &Rates::shipped(), &ms, m(2026, 10), today());
    let text = r.page(branch.as_ref()).to_text();
    golden("dues-2026-10.txt", &text);
    golden("dues-2026-10.json", &r.to_json());

    // what a reader checks first: the totals reconcile, the shares add up, the sending
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["report"], "dues");
    assert_eq!(v["month"], "2026-10");
    assert_eq!(v["as_of"], "2026-10-31", "a month gone by: its last day");
    let t = &v["totals"];
    let n = |v: &serde_json::Value| v.as_i64().unwrap();
    assert_eq!(n(&t["expected"]) - n(&t["collected"]), n(&t["arrears"]));
    assert_eq!(
        n(&t["branch_share"]) + n(&t["upper_share"]),
        n(&t["collected"])
    );
    assert_eq!(v["months"][0]["sent_amount"], 100_000);
    assert_eq!(v["months"][0]["sent_on"], "2026-11-10");
    for r in v["members"].as_array().unwrap() {
        assert_eq!(n(&r["expected"]) - n(&r["collected"]), n(&r["arrears"]));
    }
    assert!(text.contains("đã nộp 100.000 ngày 10/11/2026"), "{text}");
    assert!(text.contains("Lê Minh Tuấn"), "{text}");
}

#[test]
fn the_year_report_by_month_flags_three_months_unpaid() {
    let store = ledger_store();
    let ms = members(&store);
    let ledger = store.dues_ledger().unwrap();
    let r = dues::year(&ledger, &Rates::shipped(), &ms, 2026, day(2026, 12, 15));
    let text = r.page(store.branch().unwrap().as_ref()).to_text();
    golden("dues-2026.txt", &text);
    // a year under way: its months up to this one; the ledger opened in September
    assert_eq!(r.months.len(), 12);
    assert!(r.months[..8].iter().all(|x| x.expected == 0));
    let t = &r.totals;
    assert_eq!(t.expected - t.collected, t.arrears);
    // September, October, November ended unpaid: considered for striking off
    let never = r.members.last().unwrap();
    assert_eq!(never.unpaid_months, Some(3));
    assert!(text.contains(&format!(
        "{}: không đóng đảng phí 3 tháng trong năm",
        never.member
    )));
    // the month under way is not counted yet
    let late = r
        .members
        .iter()
        .find(|x| x.member == "Lê Minh Tuấn")
        .unwrap();
    assert_eq!(late.unpaid_months, Some(2));
}

#[test]
fn the_collection_sheet_proposes_each_member_what_is_owed_with_room_to_sign() {
    let store = ledger_store();
    let ms = members(&store);
    let ledger = store.dues_ledger().unwrap();
    let s = dues_sheet::sheet(
        &ledger,
        &Rates::shipped(),
        &ms,
        m(2026, 12),
        day(2026, 12, 1),
    );
    let text = s.page(store.branch().unwrap().as_ref()).to_text();
    golden("dues-sheet-2026-12.txt", &text);
    assert!(text.contains("DANH SÁCH THU ĐẢNG PHÍ THÁNG 12/2026"));
    assert!(text.contains("Ký nộp") && text.contains("NGƯỜI THU"));
    // the one who paid nothing is asked for four months; the exempt member for nothing
    let never = s.members.last().unwrap();
    assert_eq!(never.months.len(), 4);
    let exempt = s
        .members
        .iter()
        .find(|x| x.member == "Phạm Thị Thu Hà")
        .unwrap();
    assert_eq!((exempt.proposed, exempt.months.len()), (0, 0));
    assert_eq!(
        s.proposed,
        s.members.iter().map(|x| x.proposed).sum::<i64>()
    );
}

#[test]
fn the_report_agrees_with_the_dues_screen() {
    let store = Arc::new(ledger_store());
    let clock = TestClock::on(today(), 9, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "5 left");
    let view = app.dues_view();
    assert_eq!(view.month, m(2026, 10));
    let ms = members(&store);
    let ledger = store.dues_ledger().unwrap();
    let r = dues::month(&ledger, &app.dues.rates, &ms, m(2026, 10), today());
    assert_eq!(
        view.rows
            .iter()
            .map(|x| (x.name.clone(), x.due, x.paid, x.owed_total()))
            .collect::<Vec<_>>(),
        r.members
            .iter()
            .map(|x| (x.member.clone(), x.expected, x.collected, x.owed))
            .collect::<Vec<_>>()
    );
    for (row, line) in view.rows.iter().zip(&r.members) {
        let months: Vec<Month> = row.owed.iter().map(|(m, _)| *m).collect();
        assert_eq!(months, line.owed_months, "{}", row.name);
    }
    let t = &view.totals;
    assert_eq!(
        (
            t.expected,
            t.collected,
            t.arrears,
            t.branch_share,
            t.upper_share
        ),
        (
            r.totals.expected,
            r.totals.collected,
            r.totals.arrears,
            r.totals.branch_share,
            r.totals.upper_share
        )
    );
    // the screen shows the same totals the report prints
    let s = screen(&app, 120, 40);
    let text = r.to_text();
    let totals = text
        .lines()
        .find(|l| l.starts_with("Phải thu "))
        .unwrap()
        .to_string();
    assert!(s.contains(&totals), "{totals}\n{s}");
}

#[test]
fn the_command_line_refuses_a_bad_period_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = chibo(&data, &["demo", "--members", "12", "--years", "1"]);
    assert!(out.status.success());
    let run = |args: &[&str]| {
        let out = chibo(&data, args);
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, json, _) = run(&["report", "dues", "--month", "2026-10", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["months"].as_array().unwrap().len(), 1);
    let (code, text, _) = run(&["report", "dues"]);
    assert_eq!(code, Some(0));
    assert!(
        text.contains("SỔ ĐẢNG PHÍ THÁNG 11/2026 (tính đến 22/11/2026)"),
        "{text}"
    );
    for (args, says) in [
        (
            &["report", "dues", "--month", "2026-10", "--year", "2026"][..],
            "không nhận cả hai",
        ),
        (
            &["report", "dues", "--year", "2026", "--sheet"][..],
            "--sheet",
        ),
        (&["report", "overdue", "--sheet"][..], "--sheet"),
        (&["report", "dues", "--month", "2026-13"][..], "2026-13"),
        (
            &["report", "dues", "--year", "2027"][..],
            "năm 2027 chưa đến",
        ),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(out.is_empty(), "{args:?}: nothing printed");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let (code, csv, _) = run(&["report", "dues", "--year", "2026", "--format", "csv"]);
    assert_eq!(code, Some(0));
    assert!(
        csv.starts_with(
            "thang,phai_thu,da_thu,con_thieu,chi_bo_giu,cap_tren,da_nop_len,ngay_nop_len\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 12, "a header and January to November");
}

#[test]
fn data_from_before_dues_reports_an_empty_ledger_and_says_why() {
    let store = fixture_store();
    let ms = members(&store);
    let ledger = store.dues_ledger().unwrap();
    assert!(ledger.entries().is_empty());
    let rates = Rates::shipped();
    let r = dues::month(&ledger, &rates, &ms, m(2026, 11), today());
    assert!(r.members.is_empty());
    assert_eq!(
        (r.totals.expected, r.totals.arrears),
        (0, 0),
        "nothing owed"
    );
    let text = r.to_text();
    assert!(text.contains("Sổ đảng phí chưa có khoản nào"), "{text}");
    assert!(
        !text.contains("không có đảng viên nào"),
        "one reason, not two: {text}"
    );
    let y = dues::year(&ledger, &rates, &ms, 2026, today());
    assert_eq!(y.months.len(), 11, "January to this month");
    assert!(y.members.is_empty() && y.totals.expected == 0);
    // the first collection sheet proposes each member the month's amount
    let s = dues_sheet::sheet(&ledger, &rates, &ms, m(2026, 11), today());
    assert!(
        s.members
            .iter()
            .all(|x| x.proposed == 5_000 || x.proposed == 0)
    );
    assert!(s.proposed > 0);
}
