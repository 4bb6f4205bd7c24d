//! `chibo report badges`: the branch's Huy hiệu Đảng to propose, read from the command
//! line over the demo branch (golden text and JSON).

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use common::chibo;

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

fn run(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_members_reaching_a_badge_in_a_year_are_listed_with_the_day_they_reach_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run(&data, &["demo"]);
    let json = run(
        &data,
        &["report", "badges", "--year", "2030", "--format", "json"],
    );
    golden("badges-2030.json", &json);
    golden(
        "badges-2030.txt",
        &run(&data, &["report", "badges", "--year", "2030"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["members"].as_array().unwrap();
    assert!(
        !rows.is_empty(),
        "the demo has members reaching a mark in 2030"
    );
    let marks = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
    for r in rows {
        let admitted: NaiveDate = r["admitted"].as_str().unwrap().parse().unwrap();
        let on: NaiveDate = r["on"].as_str().unwrap().parse().unwrap();
        let years = r["years"].as_i64().unwrap() as i32;
        assert!(marks.contains(&years), "{r}");
        assert_eq!(on.year(), 2030, "{r}");
        assert_eq!(on.year() - admitted.year(), years, "{r}");
        assert_eq!(
            (on.month(), on.day()),
            (admitted.month(), admitted.day()),
            "{r}"
        );
    }
    // without --year: the coming year; none there is said in one line
    let coming = run(&data, &["report", "badges"]);
    assert!(
        coming.contains("Không có đảng viên nào đủ tuổi Đảng nhận Huy hiệu trong năm 2027."),
        "{coming}"
    );
}
