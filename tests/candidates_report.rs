//! `chibo report candidates`: candidates at several stages written in code (golden text,
//! JSON and CSV), and the command line over the demo branch in every format.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;

use chibo::domain::calendar::WorkCalendar;
use chibo::domain::candidates::{Candidate, Rules};
use chibo::export::candidates::report;
use chibo::export::report::Document;
use chibo::i18n::Lang;
use chibo::store::Records;
use common::*;

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

/// Four candidates: just proposed, three steps in, decided with the ceremony overdue
/// (and aged 61), stopped.
fn candidates() -> Vec<Candidate> {
    let rules = Rules::shipped();
    let t = today();
    let mut out = Vec::new();
    let mut a = Candidate::new("Võ", "Thị Thanh", "Trúc", day(2026, 10, 1));
    a.id.0 = 1;
    out.push(a);
    let mut b = Candidate::new("Huỳnh", "Minh", "Khang", day(2026, 5, 1));
    b.id.0 = 2;
    for (i, s) in rules.steps.iter().take(3).enumerate() {
        b.record(*s, day(2026, 6 + i as u32, 10), "số 1", t, &rules)
            .unwrap();
    }
    out.push(b);
    let mut c = Candidate::new("Đặng", "Quốc", "Bảo", day(2025, 6, 1));
    c.id.0 = 3;
    c.birth_date = Some(day(1965, 1, 1));
    for (i, s) in rules.steps.iter().take(8).enumerate() {
        c.record(
            *s,
            day(2025, 7 + i as u32 / 2, 1 + i as u32),
            "số 2",
            t,
            &rules,
        )
        .unwrap();
    }
    out.push(c);
    let mut d = Candidate::new("Trương", "Văn", "Hiếu", day(2026, 1, 5));
    d.id.0 = 4;
    d.close(day(2026, 3, 1), "Chuyển đến nơi cư trú khác", t)
        .unwrap();
    out.push(d);
    out
}

#[test]
fn the_report_in_text_json_and_csv() {
    let list = candidates();
    let helper = |c: &Candidate| (c.id.0 == 2).then(|| "Trần Thị Mai".to_string());
    let cal = WorkCalendar::vietnam();
    let r = report(&list, &helper, &Rules::shipped(), &cal, today(), Lang::Vi);
    let branch = chibo::demo::branch();
    golden("candidates.txt", &r.page(Some(&branch)).to_text());
    golden("candidates.json", &r.to_json());
    golden("candidates.csv", &r.to_csv());
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["report"], "candidates");
    assert_eq!(v["on_the_way"], 3);
    assert_eq!(v["closed"], 1);
    let bao = &v["candidates"][2];
    assert_eq!(bao["next_step"], "ceremony");
    assert_eq!(bao["limits"][0]["overdue"], true);
    assert_eq!(bao["age_outside_rules"], 61);
    let en = report(&list, &helper, &Rules::shipped(), &cal, today(), Lang::En);
    assert!(
        en.page(None)
            .to_text()
            .contains("CANDIDATES FOR MEMBERSHIP"),
        "{}",
        en.page(None).to_text()
    );
}

#[test]
fn the_command_line_gives_every_format_over_the_demo_branch() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["demo", "--members", "12", "--years", "1"])
            .status
            .success()
    );
    let out = chibo(&data, &["report", "candidates", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v["candidates"].as_array().unwrap();
    assert_eq!(list.len(), 5, "the demo's candidates at several stages");
    let stages: Vec<&str> = list
        .iter()
        .filter_map(|c| c["next_step"].as_str())
        .collect();
    assert!(
        stages.contains(&"class") && stages.contains(&"ceremony"),
        "{stages:?}"
    );
    let text = chibo(&data, &["report", "candidates"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("PHÁT TRIỂN ĐẢNG VIÊN (tính đến 22/11/2026)"),
        "{text}"
    );
    for format in ["csv", "docx", "xlsx"] {
        let file = tmp.path().join(format!("c.{format}"));
        let out = chibo(
            &data,
            &[
                "report",
                "candidates",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::metadata(&file).unwrap().len() > 0, "{format}");
    }
    // the demo's data verifies: the vote names a meeting that holds it
    let store = open_when_free(&data);
    let c = store
        .candidates()
        .unwrap()
        .into_iter()
        .find(|c| c.vote.is_some())
        .expect("a candidate admitted by a vote of the minutes");
    let (meeting, item, entry) = c.vote.unwrap();
    let m = store.meeting(meeting).unwrap().unwrap();
    match &m.agenda[item].entries[entry].kind {
        chibo::domain::meeting::EntryKind::Vote(v) => {
            assert!(v.subject.contains(&c.full_name()), "{}", v.subject);
            assert!(v.passed());
        }
        other => panic!("not a vote: {other:?}"),
    }
    assert_eq!(
        c.taken(chibo::domain::candidates::Step::Vote).unwrap().date,
        m.date
    );
}
