//! The grading sheet of the year-end meeting (kiểm điểm cuối năm): each member's
//! self-grade, the proposal, the discussion and the decision by vote, the warnings that
//! name the rule and its line, and the minutes that list the decided grades.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use chibo::app::Overlay;
use chibo::app::grading::GradingSheet;
use chibo::domain::evaluation::{Grade, Grading};
use chibo::domain::meeting::{Meeting, MeetingKind};
use chibo::store::Records;
use common::*;

fn year_end(app: &chibo::app::App) -> Meeting {
    app.store()
        .meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.kind == MeetingKind::YearEnd)
        .expect("the demo plans a year-end meeting")
}

fn sheet(app: &chibo::app::App) -> &GradingSheet {
    match app.overlays.last() {
        Some(Overlay::Grading(s)) => s,
        other => panic!("the grading sheet is not open: {other:?}"),
    }
}

/// The demo's year-end meeting opened from the meetings screen, its sheet shown.
fn open_sheet() -> chibo::app::App {
    let mut app = demo_app(12);
    press(&mut app, "2 home enter");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("kiểm điểm cuối năm"), "{shown}");
    // the meeting says where its sheet is and how far the grading has come
    assert!(
        shown.contains("y: phiếu xếp loại (0 đảng viên đã quyết định)"),
        "{shown}"
    );
    press(&mut app, "y");
    app
}

#[test]
fn a_member_is_graded_from_the_sheet_and_a_failed_vote_decides_nothing() {
    let mut app = open_sheet();
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Xếp loại năm 2026"), "{shown}");
    assert!(shown.contains("Chi bộ (tổ chức đảng)"), "{shown}");
    let first = sheet(&app).members[0].clone();
    assert_eq!(first.grading, Grading::Graded);
    let computed = first.computed.as_ref().unwrap().grade;
    // the proposal from the record, accepted
    press(&mut app, "a");
    assert!(screen(&app, 120, 40).contains("Đã nhận mức đề xuất"));
    // the member's own grade: the first choice after "(chưa)" is excellent
    press(&mut app, "s right ctrl-s");
    press(&mut app, "n");
    type_text(&mut app, "Gương mẫu, cần tích cực hơn trong phong trào");
    press(&mut app, "ctrl-s");
    let review = year_end(&app).review.unwrap();
    let line = review.member(first.member).unwrap();
    assert_eq!(line.proposed, Some(computed));
    assert_eq!(line.self_grade, Some(Grade::Excellent));
    assert_eq!(line.note, "Gương mẫu, cần tích cực hơn trong phong trào");
    assert!(line.decision.is_none());
    // a vote that does not pass: one message, nothing decided
    press(&mut app, "d tab tab");
    type_text(&mut app, "1");
    press(&mut app, "tab");
    type_text(&mut app, "5");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 120, 40).contains("Biểu quyết không thông qua"));
    assert!(
        year_end(&app)
            .review
            .unwrap()
            .member(first.member)
            .unwrap()
            .decision
            .is_none()
    );
    press(&mut app, "esc d tab tab");
    type_text(&mut app, "6");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Chi bộ quyết định:"), "{shown}");
    let review = year_end(&app).review.unwrap();
    let decision = review
        .member(first.member)
        .unwrap()
        .decision
        .clone()
        .unwrap();
    assert_eq!(decision.grade, computed);
    assert_eq!(decision.vote.in_favour, 6);
    assert_eq!(
        decision.vote.rule,
        chibo::domain::vote::VoteRule::SimpleMajority
    );
    // the minutes list the decided grade with its vote
    let minutes = chibo::export::minutes::render(
        &year_end(&app),
        app.roster.members(),
        None,
        &[],
        chibo::export::minutes::Format::Text,
    );
    assert!(
        minutes.contains("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026"),
        "{minutes}"
    );
    assert!(
        minutes.contains(&format!("1. Đồng chí {}: ", first.record.member)),
        "{minutes}"
    );
    assert!(minutes.contains("(tán thành 6/6)."), "{minutes}");
}

#[test]
fn a_grade_above_the_record_is_warned_with_its_rule_and_line() {
    let mut app = open_sheet();
    // the first member whose record does not allow "xuất sắc"
    let (at, line) = sheet(&app)
        .members
        .iter()
        .enumerate()
        .find(|(_, l)| {
            l.computed
                .as_ref()
                .is_some_and(|p| p.grade > Grade::Excellent)
        })
        .map(|(i, l)| (i, l.clone()))
        .expect("a member below excellent");
    for _ in 0..at {
        press(&mut app, "down");
    }
    // the proposal form starts on the record's grade: step back to "xuất sắc"
    press(&mut app, "p");
    let steps = line.computed.unwrap().grade as usize;
    for _ in 0..steps {
        press(&mut app, "left");
    }
    press(&mut app, "ctrl-s");
    let review = year_end(&app).review.unwrap();
    assert_eq!(
        review.member(line.member).unwrap().proposed,
        Some(Grade::Excellent)
    );
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("! Xuất sắc"), "{shown}");
    let warning = sheet(&app)
        .warnings_of(at)
        .find(|w| w.text.contains(&line.record.member))
        .expect("a warning on the member's line")
        .text
        .clone();
    assert!(warning.starts_with("Đề xuất — "), "{warning}");
    assert!(
        warning.contains("evaluation.toml (chibo) dòng"),
        "{warning}"
    );
    // the line named is the rule's own line of the shipped file
    let rules = chibo::domain::evaluation::Rules::shipped();
    let named = [
        chibo::domain::evaluation::RuleName::ExcellentPoints,
        chibo::domain::evaluation::RuleName::ExcellentExceededPercent,
        chibo::domain::evaluation::RuleName::GoodOnTimePercent,
        chibo::domain::evaluation::RuleName::GoodPoints,
        chibo::domain::evaluation::RuleName::DonePoints,
        chibo::domain::evaluation::RuleName::NotDoneBelowPercent,
    ]
    .into_iter()
    .find(|r| warning.contains(&format!("quy định {},", r.key())))
    .expect("the rule is named");
    assert!(
        warning.contains(&format!("dòng {}", rules.place(named).1)),
        "{warning}"
    );
}

#[test]
fn a_member_not_graded_is_refused_with_one_message_and_nothing_changes() {
    let mut app = open_sheet();
    let at = sheet(&app)
        .members
        .iter()
        .position(|l| l.grading != Grading::Graded)
        .expect("the demo has an exempt member");
    for _ in 0..at {
        press(&mut app, "down");
    }
    press(&mut app, "s");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("không xếp loại năm nay"), "{shown}");
    assert!(matches!(app.overlays.last(), Some(Overlay::Grading(_))));
    assert!(year_end(&app).review.is_none());
    // the branch's line has no self-grade either
    press(&mut app, "end s");
    assert!(screen(&app, 120, 40).contains("Chi bộ không tự xếp loại"));
    assert!(year_end(&app).review.is_none());
    // a meeting of another kind has no sheet
    let mut app = demo_app(12);
    press(&mut app, "2 home down enter y");
    assert!(screen(&app, 100, 30).contains("Chỉ cuộc họp kiểm điểm cuối năm"));
}

#[test]
fn approved_minutes_lock_the_sheet_and_a_change_of_grade_is_an_amendment() {
    let mut app = open_sheet();
    let first = sheet(&app).members[0].clone();
    press(&mut app, "d tab tab");
    type_text(&mut app, "6");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s esc");
    // the minutes are approved
    let mut m = year_end(&app);
    m.approved_at = Some(m.date.and_hms_opt(11, 30, 0).unwrap());
    let at = m.approved_at.unwrap();
    app.store()
        .save_meeting(&mut m, at, Some("approve"))
        .unwrap();
    app.reload().unwrap();
    press(&mut app, "y");
    assert!(screen(&app, 120, 40).contains("biên bản đã thông qua"));
    press(&mut app, "n");
    assert!(screen(&app, 120, 40).contains("Biên bản đã thông qua: chỉ đính chính"));
    // the decision changed by an amendment: its reason is asked for
    press(&mut app, "d");
    assert!(screen(&app, 120, 40).contains("Đính chính xếp loại"));
    press(&mut app, "right tab tab");
    type_text(&mut app, "6");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 120, 40).contains("Bắt buộc phải nhập."));
    assert!(year_end(&app).amendments.is_empty());
    type_text(&mut app, "Bị kỷ luật sau kỳ họp");
    press(&mut app, "ctrl-s");
    let m = year_end(&app);
    let line = m.review.as_ref().unwrap().member(first.member).unwrap();
    assert_eq!(line.earlier.len(), 1);
    assert_ne!(line.decided(), Some(line.earlier[0].grade));
    assert_eq!(m.amendments.len(), 1);
    assert_eq!(m.amendments[0].reason, "Bị kỷ luật sau kỳ họp");
    assert!(
        m.amendments[0].text.starts_with("Xếp loại đồng chí"),
        "{:?}",
        m.amendments[0]
    );
}

/// chibo run on `data` as a script would on the day of the review.
fn on_review_day(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .env("CHIBO_DATA_DIR", data)
        .env("CHIBO_CONFIG_DIR", data.join("no-config"))
        .env("CHIBO_TODAY", "2026-12-19")
        .output()
        .unwrap()
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn every_member_of_the_demo_branch_is_graded_at_its_year_end_meeting_through_the_terminal() {
    common::tty::require();
    let branch = common::tty::Branch::made(&["demo"], &["CHIBO_TODAY=2026-12-19"]);
    let data = &branch.data;
    let term = branch.start("grading", (120, 40));
    assert!(term.wait_for("Đảng viên", 10), "{}", term.screen());
    // the year-end meeting is the newest of the meetings: opened, held, its sheet shown
    term.keys(&["2", "Home", "Enter"]);
    assert!(term.wait_for("kiểm điểm cuối năm", 5), "{}", term.screen());
    term.keys(&["s"]);
    assert!(term.wait_for("Mục 1/", 5), "{}", term.screen());
    term.keys(&["C-y"]);
    assert!(term.wait_for("Xếp loại năm 2026", 5), "{}", term.screen());
    let mut decided = 0;
    loop {
        let screen = term.screen();
        let selected = screen
            .lines()
            .find_map(|l| l.strip_prefix("│› "))
            .unwrap_or_else(|| panic!("a line is selected:\n{screen}"))
            .to_string();
        let name = selected.split("  ").next().unwrap().trim().to_string();
        let branch = name.starts_with("Chi bộ (tổ chức đảng)");
        if !selected.contains("không XL") {
            // the vote on the grade the form starts on: the record's
            term.keys(&["d", "Tab", "Tab"]);
            term.type_text("10");
            term.keys(&["Tab"]);
            term.type_text("1");
            term.keys(&["Tab"]);
            term.type_text("0");
            term.keys(&["C-s"]);
            let said = if branch {
                "Chi bộ quyết định: Chi bộ (tổ chức đảng)".to_string()
            } else {
                format!("Chi bộ quyết định: đồng chí {name} —")
            };
            assert!(term.wait_for(&said, 5), "{said}\n{}", term.screen());
            decided += 1;
        }
        if branch {
            break;
        }
        let selected_line = |screen: String| {
            screen
                .lines()
                .find_map(|l| l.strip_prefix("│› "))
                .map(str::to_string)
        };
        let before = selected_line(term.screen());
        term.keys(&["Down"]);
        // read the next line only once the selection has moved to it
        let moved = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while selected_line(term.screen()) == before {
            assert!(std::time::Instant::now() < moved, "{}", term.screen());
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
    // the report asked while the application is open: every member graded is decided
    let out = on_review_day(
        data,
        &["report", "evaluation", "--year", "2026", "--format", "json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members = v["members"].as_array().unwrap();
    let graded: Vec<_> = members
        .iter()
        .filter(|m| m["grading"] == "graded")
        .collect();
    assert!(graded.len() > 20, "{}", graded.len());
    for m in &graded {
        assert!(m["decided"].is_string(), "{m}");
        assert_eq!(m["vote"]["for"], 10, "{m}");
    }
    assert_eq!(
        decided,
        graded.len() + 1,
        "each member graded and the branch"
    );
    assert!(v["branch"]["decided"].is_string(), "{}", v["branch"]);
    let counted: u64 = v["grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, graded.len() as u64);
}

#[test]
fn points_entered_at_the_meeting_carry_the_grade_by_the_bands_and_out_of_range_is_refused() {
    let mut app = open_sheet();
    let first = sheet(&app).members[0].clone();
    press(&mut app, "c");
    type_text(&mut app, "120");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 120, 40).contains("Điểm là số nguyên từ 0 đến 100."));
    assert!(year_end(&app).review.is_none());
    for _ in 0..3 {
        press(&mut app, "backspace");
    }
    // under the "hoàn thành" band: not done, whatever the tasks
    type_text(&mut app, "45");
    press(&mut app, "ctrl-s");
    let line = sheet(&app).members[0].clone();
    assert_eq!(line.sheet.points, Some(45));
    let p = line.computed.unwrap();
    assert_eq!(
        (p.points, p.points_entered, p.grade),
        (45, true, Grade::NotDone)
    );
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("Theo kết quả trong năm: Không hoàn thành nhiệm vụ, 45 điểm."),
        "{shown}"
    );
    assert!(shown.contains("45 điểm, cần 50"), "{shown}");
    // the points are kept with the meeting
    let review = year_end(&app).review.unwrap();
    assert_eq!(review.member(first.member).unwrap().points, Some(45));
}

#[test]
fn ending_the_year_end_meeting_says_how_many_grades_are_not_decided() {
    let mut app = open_sheet();
    let graded = sheet(&app)
        .members
        .iter()
        .filter(|l| l.grading == Grading::Graded)
        .count();
    // one decided from the sheet
    press(&mut app, "d tab tab");
    type_text(&mut app, "6");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s esc s ctrl-e");
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains(&format!(
            "{} đảng viên chưa được chi bộ quyết định xếp loại (ctrl-y)",
            graded - 1
        )),
        "{shown}"
    );
}
