//! The year's work as a secretary meets it: the meetings screen warns when a quarter
//! ended without a thematic meeting.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::App;
use chibo::domain::meeting::{Meeting, MeetingKind};
use chibo::i18n::Lang;
use chibo::store::Records;
use chrono::{NaiveDate, NaiveTime};
use common::{fixture_store, options, press, screen};

fn held(store: &chibo::store::MemoryStore, kind: MeetingKind, date: NaiveDate) {
    let at = NaiveTime::from_hms_opt(19, 30, 0).unwrap();
    let mut m = Meeting::new(kind, date, at);
    m.started_at = Some(date.and_time(at));
    m.ended_at = Some(date.and_time(at) + chrono::Duration::minutes(100));
    store.save_meeting(&mut m, date.and_time(at), None).unwrap();
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn the_meetings_screen_warns_of_a_quarter_ended_without_a_thematic_meeting() {
    let store = std::sync::Arc::new(fixture_store());
    held(&store, MeetingKind::Regular, d(7, 5));
    held(&store, MeetingKind::Regular, d(8, 5));
    held(&store, MeetingKind::Regular, d(9, 5));
    let mut app = App::new(Box::new(store.clone()), options(Lang::Vi)).unwrap();
    press(&mut app, "2");
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("⚠ quý III/2026 chưa có sinh hoạt chuyên đề"),
        "{s}"
    );
    // in English too
    let mut en = App::new(Box::new(store.clone()), options(Lang::En)).unwrap();
    press(&mut en, "2");
    let s = screen(&en, 80, 24);
    assert!(s.contains("no thematic meeting in quarter III/2026"), "{s}");
    // a thematic meeting held in September answers it
    held(&store, MeetingKind::Thematic, d(9, 20));
    let mut app = App::new(Box::new(store.clone()), options(Lang::Vi)).unwrap();
    press(&mut app, "2");
    let s = screen(&app, 80, 24);
    assert!(!s.contains("chuyên đề\n") && !s.contains("⚠"), "{s}");
}

fn run(data: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = common::chibo(data, args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_evaluation_report_proposes_a_grade_for_every_member_graded_under_the_rules_file() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let (code, _, err) = run(data, &["demo", "--members", "30", "--years", "1"]);
    assert_eq!(code, 0, "{err}");
    let (code, json, err) = run(
        data,
        &["report", "evaluation", "--year", "2026", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["report"], "evaluation");
    let members = v["members"].as_array().unwrap();
    let mut graded = 0;
    for m in members {
        match m["grading"].as_str().unwrap() {
            "graded" => {
                graded += 1;
                assert!(m["proposed"].is_string(), "{m}");
                let (on_time, tasks) = (
                    m["tasks_on_time"].as_u64().unwrap(),
                    m["tasks"].as_u64().unwrap(),
                );
                // a late or missed task keeps a member from "tốt" and above
                if on_time < tasks {
                    assert!(
                        ["done", "not_done"].contains(&m["proposed"].as_str().unwrap()),
                        "{m}"
                    );
                }
            }
            _ => assert!(m["proposed"].is_null(), "{m}"),
        }
    }
    assert!(graded > 0);
    let counted: u64 = v["proposed_grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, graded);

    // a branch whose upper level caps "xuất sắc" lower: the warning names the rule's line
    let cfg = data.join("no-config");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("evaluation.toml"),
        "# our upper level's guidance\nexcellent_cap_percent = 1\n",
    )
    .unwrap();
    let excellent = v["proposed_grades"][0]["count"].as_u64().unwrap();
    let (code, text, err) = run(data, &["report", "evaluation", "--year", "2026"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2026"),
        "{text}"
    );
    assert!(excellent > 0, "the demo has members proposed excellent");
    assert!(
        text.contains("quy định excellent_cap_percent, evaluation.toml dòng 2"),
        "{text}"
    );
    // a broken rules file is said in one line, and the shipped rules stand in
    std::fs::write(cfg.join("evaluation.toml"), "good_points = 95\n").unwrap();
    let (code, _, err) = run(data, &["report", "evaluation", "--year", "2026"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("evaluation.toml:1:1: excellent_points (90) > good_points (95)"),
        "{err}"
    );

    // one member's own sheet, found without diacritics
    let name = members.iter().find(|m| m["grading"] == "graded").unwrap()["member"]
        .as_str()
        .unwrap()
        .to_string();
    let plain = chibo::domain::text::fold(&name);
    let (code, sheet, err) = run(
        data,
        &[
            "report",
            "evaluation",
            "--member",
            &plain,
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let s: serde_json::Value = serde_json::from_str(&sheet).unwrap();
    assert_eq!(s["members"].as_array().unwrap().len(), 1);
    assert_eq!(s["members"][0]["member"], name.as_str());
    assert!(s["sheet"]["notes"].is_array());
    let (code, _, err) = run(data, &["report", "evaluation", "--member", "Không Có Ai"]);
    assert_eq!(code, 1);
    assert!(err.contains("không có đảng viên \"Không Có Ai\""), "{err}");
}
