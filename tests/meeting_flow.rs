//! A meeting as the thư ký runs it: planned, roll call, notes typed live, a speech, a
//! vote and a conclusion, ended and approved — by keys into `App` — then the stored
//! record and the biên bản checked.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::sync::Arc;

use chibo::app::{App, Options};
use chibo::domain::meeting::{EntryKind, MeetingStatus, Presence};
use chibo::export::minutes::{Format, render};
use chibo::i18n::Lang;
use chibo::keymap::Key;
use chibo::store::{MemoryStore, Records};
use chrono::NaiveDate;
use common::*;

fn shared_fixture() -> Arc<MemoryStore> {
    Arc::new(fixture_store())
}

#[test]
fn a_whole_meeting_by_keys_and_its_minutes() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);

    // roll call: two present, one late, one excused, one absent, the rest present
    clock.advance(3);
    press(&mut app, "ctrl-r c c m enter l");
    type_text(&mut app, "ốm");
    press(&mut app, "enter v a");
    insta::assert_snapshot!("roll_call", screen(&app, 80, 24));
    press(&mut app, "esc");

    type_text(
        &mut app,
        "Đồng chí Nguyễn Văn Hùng tuyên bố lý do, giới thiệu khách mời.",
    );
    clock.advance(10);
    press(&mut app, "ctrl-n");
    type_text(
        &mut app,
        "Truyền đạt Nghị quyết Đảng ủy phường về công tác quý IV.",
    );
    clock.advance(5);
    press(&mut app, "f2");
    type_text(&mut app, "mai");
    press(&mut app, "enter");
    type_text(&mut app, "Đề nghị các tổ đăng ký mô hình dân vận khéo.");
    press(&mut app, "f3");
    type_text(&mut app, "Thông qua chương trình công tác tháng 12");
    press(&mut app, "tab tab tab");
    type_text(&mut app, "23");
    press(&mut app, "tab");
    type_text(&mut app, "1");
    // the counts start empty and are all needed before the result shows
    assert!(screen(&app, 80, 24).contains("nhập số phiếu"));
    press(&mut app, "tab");
    type_text(&mut app, "0");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Có quyền biểu quyết: 24 (chi bộ 25) · Kết quả: thông qua (23/24)"),
        "{shown}"
    );
    press(&mut app, "ctrl-s");
    press(&mut app, "f4");
    type_text(
        &mut app,
        "Chi bộ thống nhất triển khai các nhiệm vụ tháng 12.",
    );
    insta::assert_snapshot!("console", screen(&app, 80, 24));

    clock.advance(80);
    press(&mut app, "ctrl-e");
    assert!(screen(&app, 80, 24).contains("Kết thúc cuộc họp bây giờ?"));
    press(&mut app, "enter");
    assert!(app.meetings.console.is_none());
    approve_by_vote(&mut app, "22");

    let meetings = store.meetings().unwrap();
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m.status(), MeetingStatus::Approved);
    assert_eq!(
        m.duration_minutes(clock.0.lock().unwrap().to_owned()),
        Some(98)
    );
    let members = store.members().unwrap();
    let id = |name: &str| members.iter().find(|x| x.full_name() == name).unwrap().id;
    assert_eq!(
        m.attendance.get(&id("Hồ Thị Ngọc Bích")),
        Some(&Presence::Excused("ốm".into()))
    );
    assert_eq!(
        m.attendance.get(&id("Tôn Nữ Minh Châu")),
        Some(&Presence::Absent)
    );
    assert!(matches!(
        m.attendance.get(&id("Đặng Quốc Bảo")),
        Some(Presence::Late(_))
    ));
    assert_eq!(
        m.attendance.len(),
        27,
        "everyone expected is marked; the exempt member is not"
    );
    let item2 = &m.agenda[1];
    assert!(
        item2
            .entries
            .iter()
            .any(|e| e.kind == EntryKind::Speech(id("Trần Thị Mai")))
    );
    let vote = item2
        .entries
        .iter()
        .find_map(|e| match &e.kind {
            EntryKind::Vote(v) => Some(v.clone()),
            _ => None,
        })
        .expect("the vote");
    assert_eq!(
        (vote.eligible, vote.in_favour, vote.against, vote.other),
        (24, 23, 1, 0)
    );
    assert!(vote.passed());

    // the approved minutes are locked: the console will not open
    press(&mut app, "s");
    assert!(app.meetings.console.is_none());
    assert!(screen(&app, 80, 24).contains("Biên bản đã thông qua và bị khóa"));

    let mut sorted = members.clone();
    sorted.sort_by_cached_key(|m| m.sort_key());
    let minutes = render(
        m,
        &sorted,
        store.branch().unwrap().as_ref(),
        &[],
        Format::Markdown,
    );
    golden("minutes-flow.md", &minutes);
    let text = render(
        m,
        &sorted,
        store.branch().unwrap().as_ref(),
        &[],
        Format::Text,
    );
    golden("minutes-flow.txt", &text);
}

/// Compares with a committed file; `CHIBO_UPDATE_GOLDEN=1` rewrites it (then review
/// the diff before committing).
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
fn amendments_after_approval_are_dated_and_kept() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    type_text(&mut app, "Nội dung ban đầu.");
    clock.advance(95);
    press(&mut app, "ctrl-e enter");
    approve_by_vote(&mut app, "20");
    clock.advance(60 * 24 * 3);
    // who asked for it is required: a member picked, or a name typed
    press(&mut app, "m tab tab");
    type_text(&mut app, "ghi sai tên khách mời");
    press(&mut app, "tab");
    type_text(
        &mut app,
        "Khách mời là đồng chí Lê Văn Sáu, Phó Bí thư Đảng ủy phường.",
    );
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ghi ai đề nghị sửa đổi"), "{shown}");
    assert!(store.meetings().unwrap()[0].amendments.is_empty());
    press(&mut app, "enter");
    type_text(&mut app, "mai");
    press(&mut app, "enter ctrl-s");
    let m = &store.meetings().unwrap()[0];
    assert_eq!(m.amendments.len(), 1);
    assert_eq!(m.amendments[0].reason, "ghi sai tên khách mời");
    assert_eq!(m.amendments[0].by, "đồng chí Trần Thị Mai");
    assert_eq!(
        m.agenda[0].entries[0].text, "Nội dung ban đầu.",
        "the original is never rewritten"
    );
    let minutes = render(m, &store.members().unwrap(), None, &[], Format::Text);
    assert!(minutes.contains("III. SỬA ĐỔI, BỔ SUNG SAU KHI THÔNG QUA"));
    assert!(minutes.contains("- Ngày 08/12/2026 lúc 21:05, theo đề nghị của đồng chí Trần Thị Mai: Khách mời là đồng chí Lê Văn Sáu, Phó Bí thư Đảng ủy phường. (lý do: ghi sai tên khách mời)"), "{minutes}");
    // after the approval and its signatures, with signatures of its own
    let at = |s: &str| minutes.find(s).unwrap_or_else(|| panic!("{s}\n{minutes}"));
    let amended = at("III. SỬA ĐỔI, BỔ SUNG SAU KHI THÔNG QUA");
    assert!(at("Biên bản đã được đọc lại") < at("THƯ KÝ"));
    assert!(at("THƯ KÝ") < amended);
    assert!(minutes[amended..].contains("THƯ KÝ") && minutes[amended..].contains("CHỦ TRÌ"));
    assert!(store.audit().unwrap().iter().any(|a| a.action == "amend"));
}

#[test]
fn a_burst_of_ime_corrections_ends_in_exactly_the_expected_text() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store, &clock);
    plan_and_start(&mut app);
    let words = [
        "Chi",
        "bộ",
        "thống",
        "nhất",
        "triển",
        "khai",
        "nghị",
        "quyết",
        "về",
        "việc",
        "giữ",
        "gìn",
        "vệ",
        "sinh",
        "môi",
        "trường",
        "ở",
        "khu",
        "phố",
    ];
    let mut expected = String::new();
    let mut events = 0;
    let mut round = 0;
    while events < 500 {
        for w in words {
            if !expected.is_empty() {
                app.handle(Key::parse("space").unwrap());
                expected.push(' ');
                events += 1;
            }
            for c in w.chars() {
                if c.is_ascii() {
                    type_text(&mut app, &c.to_string());
                    events += 1;
                } else if round % 2 == 0 {
                    // Unikey style: the bare letter, then backspace and the composed one
                    let bare = chibo::domain::text::fold(&c.to_string())
                        .chars()
                        .next()
                        .unwrap();
                    type_text(&mut app, &bare.to_string());
                    app.handle(Key::parse("backspace").unwrap());
                    type_text(&mut app, &c.to_string());
                    events += 3;
                } else {
                    // decomposed: the letter and its marks as separate characters
                    use unicode_normalization::UnicodeNormalization;
                    for d in c.to_string().nfd() {
                        app.handle(Key::plain(chibo::keymap::Code::Char(d)));
                        events += 1;
                    }
                }
                expected.push(c);
            }
        }
        round += 1;
    }
    assert!(events >= 500);
    let typed = app
        .meetings
        .console
        .as_ref()
        .unwrap()
        .editor
        .lines()
        .join("\n");
    assert_eq!(typed, expected);
}

#[test]
fn reopening_after_leaving_mid_meeting_restores_the_saved_typing_and_place() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-n ctrl-n");
    type_text(&mut app, "Phần đã lưu");
    // what the event loop does a second after typing
    assert!(app.needs_save());
    app.save_now().unwrap();
    assert!(!app.needs_save());
    type_text(&mut app, " và phần chưa kịp lưu");
    // the process dies: no quit, no save
    drop(app);

    let app = app_over(store.clone(), &clock);
    let console = app
        .meetings
        .console
        .as_ref()
        .expect("the meeting reopens in the console");
    assert_eq!(console.item, 2);
    assert_eq!(console.editor.lines().join("\n"), "Phần đã lưu");
    assert_eq!(
        console.editor.cursor(),
        (0usize, "Phần đã lưu".chars().count())
    );
    assert_eq!(
        store.meetings().unwrap()[0].status(),
        MeetingStatus::InProgress
    );
}

#[test]
fn a_clean_quit_saves_everything_typed() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    type_text(&mut app, "Gõ rồi thoát ngay");
    press(&mut app, "ctrl-c");
    assert!(screen(&app, 100, 30).contains("Cuộc họp đang diễn ra. Thoát chibo bây giờ?"));
    press(&mut app, "y");
    assert!(app.quit, "confirmed, chibo quits");
    let m = &store.meetings().unwrap()[0];
    assert_eq!(m.agenda[0].entries[0].text, "Gõ rồi thoát ngay");
}

#[test]
fn counts_beyond_the_eligible_are_refused_in_the_vote_form() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store, &clock);
    plan_and_start(&mut app);
    press(&mut app, "f3");
    type_text(&mut app, "Kết nạp đảng viên");
    // the 2/3 rule is preselected from the subject
    press(&mut app, "tab tab tab");
    type_text(&mut app, "24");
    press(&mut app, "tab");
    type_text(&mut app, "5");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    let shown = screen(&app, 80, 24);
    press(&mut app, "ctrl-s");
    assert!(
        screen(&app, 80, 24).contains("Tổng số phiếu vượt số đảng viên có quyền biểu quyết."),
        "{shown}"
    );
}

#[test]
fn a_second_regular_meeting_in_the_same_month_is_refused() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "2 n ctrl-s esc n ctrl-s");
    assert!(screen(&app, 80, 24).contains("Tháng này đã có cuộc họp thường kỳ."));
    assert_eq!(store.meetings().unwrap().len(), 1);
}

#[test]
fn moving_a_meeting_into_a_month_that_has_its_regular_meeting_is_refused() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    let clear = "backspace backspace backspace backspace backspace backspace backspace backspace backspace backspace";
    // December's meeting, and January's planned ahead
    press(&mut app, "2 n ctrl-s esc n tab tab");
    press(&mut app, clear);
    type_text(&mut app, "05/01/2027");
    press(&mut app, "ctrl-s");
    assert_eq!(store.meetings().unwrap().len(), 2);
    // January's is moved to a December day: the month already has its meeting
    press(&mut app, "e tab tab");
    press(&mut app, clear);
    type_text(&mut app, "12/12/2026");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Tháng 12/2026 đã có cuộc họp thường kỳ ngày 05/12/2026"),
        "{shown}"
    );
    let dates: Vec<String> = store
        .meetings()
        .unwrap()
        .iter()
        .map(|m| m.date.format("%d/%m/%Y").to_string())
        .collect();
    assert!(dates.contains(&"05/01/2027".to_string()), "{dates:?}");
    // another day of its own month is fine
    press(&mut app, clear);
    type_text(&mut app, "08/01/2027");
    press(&mut app, "ctrl-s");
    let moved = store
        .meetings()
        .unwrap()
        .iter()
        .any(|m| m.date.format("%d/%m/%Y").to_string() == "08/01/2027");
    assert!(moved, "{}", screen(&app, 80, 24));
}

#[test]
fn a_member_named_in_minutes_cannot_be_deleted() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r c esc esc 1");
    // the first on the roster was marked present
    press(&mut app, "d y");
    assert!(
        screen(&app, 80, 24).contains("Không xóa được đ/c Vũ Hoàng Anh"),
        "{}",
        screen(&app, 80, 24)
    );
    assert_eq!(store.members().unwrap().len(), 28);
}

#[test]
fn an_old_meeting_exported_from_the_screen_keeps_its_attendance() {
    let store = Arc::new(MemoryStore::new());
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = today.and_hms_opt(9, 0, 0).unwrap();
    chibo::demo::generate(
        store.as_ref(),
        &chibo::demo::DemoOptions {
            members: 20,
            years: 3,
            seed: 2,
        },
        today,
        now,
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let clock = TestClock::on(today, 9, 0);
    let options = Options {
        clock: Box::new(clock),
        data_dir: tmp.path().to_path_buf(),
        ..options(Lang::Vi)
    };
    let mut app = App::new(Box::new(store.clone()), options).unwrap();
    // the oldest meeting is the last of the list (newest first)
    press(&mut app, "2 end enter w enter"); // the format asked: Markdown
    chibo::tui::carry_out(&mut app);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Đã ghi biên bản vào"), "{shown}");
    let file = std::fs::read_dir(tmp.path().join("exports"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("THÁNG 12/2023"), "{text}");
    let stored = store
        .meetings()
        .unwrap()
        .into_iter()
        .min_by_key(|m| m.date)
        .unwrap();
    let present = stored
        .attendance
        .values()
        .filter(|p| p.is_present())
        .count();
    assert!(present > 0);
    assert!(
        text.contains(&format!("Có mặt: {present} đồng chí.")),
        "{text}"
    );
}

/// (How long the paste and the next key take is measured by `cargo bench --bench
/// keystroke`.)
#[test]
fn a_200000_character_paste_into_the_minutes_is_kept_and_typing_goes_on() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    let text: String = "Ý kiến đóng góp của nhân dân về vệ sinh môi trường. "
        .chars()
        .cycle()
        .take(200_000)
        .collect();
    app.paste(&format!("{text}\u{1b}[2J"));
    screen(&app, 120, 40);
    type_text(&mut app, "x");
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("[2Jx"),
        "the key typed after the paste is on screen:\n{shown}"
    );
    app.save_now().unwrap();
    let m = &store.meetings().unwrap()[0];
    let stored = &m.agenda[0].entries[0].text;
    assert_eq!(stored.chars().count(), 200_000 + "[2J".len() + 1);
    assert!(stored.starts_with(&text), "the paste is kept whole");
    assert!(stored.ends_with("[2Jx"), "then the key typed after it");
    assert!(!stored.contains('\u{1b}'), "no escape character gets in");
}

#[test]
fn the_start_is_the_planned_time_however_late_the_console_opens() {
    let store = shared_fixture();
    // the thư ký opens the console at 21:05 for the meeting called at 19:30
    let clock = TestClock::on(meeting_day(), 21, 5);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    let m = &store.meetings().unwrap()[0];
    assert_eq!(
        m.started_at,
        Some(meeting_day().and_hms_opt(19, 30, 0).unwrap())
    );
}

#[test]
fn a_clock_set_back_during_the_meeting_keeps_entries_in_order_and_the_end_after_the_start() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    clock.advance(40);
    press(&mut app, "f4");
    type_text(&mut app, "Kết luận.");
    // the laptop's clock jumps back two hours
    clock.advance(-120);
    press(&mut app, "f6");
    type_text(&mut app, "Ghi chú sau.");
    press(&mut app, "ctrl-e enter");
    let m = &store.meetings().unwrap()[0];
    let times: Vec<_> = m.agenda[0].entries.iter().map(|e| e.at).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(m.ended_at.unwrap() >= m.started_at.unwrap());
}

#[test]
fn typing_never_answers_the_end_of_meeting_dialog_and_ctrl_c_asks_first() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-e y Y");
    assert_eq!(
        store.meetings().unwrap()[0].status(),
        MeetingStatus::InProgress
    );
    assert!(screen(&app, 80, 24).contains("Kết thúc cuộc họp bây giờ?"));
    press(&mut app, "esc ctrl-c");
    assert!(!app.quit, "ctrl-c in the console asks first");
    assert!(screen(&app, 80, 24).contains("Cuộc họp đang diễn ra. Thoát chibo bây giờ?"));
    press(&mut app, "esc");
    assert!(!app.quit);
    press(&mut app, "ctrl-c enter");
    assert!(app.quit);
}

#[test]
fn the_header_never_counts_more_present_than_expected_and_help_shows_no_internal_names() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    // everyone, the exempt member too, marked present
    press(&mut app, "ctrl-r a");
    for _ in 0..30 {
        press(&mut app, "c");
    }
    press(&mut app, "esc");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("có mặt 27/27"), "{shown}");
    // the footer at 80 columns keeps the key to help beside the most used ones, and
    // how to leave once there is room
    let footer = shown.lines().last().unwrap();
    for want in [
        "f2 phát biểu",
        "f3 biểu quyết",
        "f5 điểm danh",
        "ctrl-e kết thúc họp",
        "f1 trợ giúp",
    ] {
        assert!(footer.contains(want), "{want}: {footer}");
    }
    let wide = screen(&app, 100, 30);
    let footer = wide.lines().last().unwrap();
    assert!(
        footer.contains("esc rời") && footer.contains("f1 trợ giúp"),
        "{footer}"
    );
    press(&mut app, "f1");
    let help = screen(&app, 80, 24);
    assert!(help.contains("Phím tắt"), "{help}");
    assert!(
        !help.contains("(speech)") && !help.contains("(new)"),
        "{help}"
    );
}

#[test]
fn the_minutes_file_is_named_in_vietnamese_without_diacritics() {
    let mut m = chibo::domain::meeting::Meeting::new(
        chibo::domain::meeting::MeetingKind::Regular,
        day(2026, 12, 5),
        chrono::NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
    );
    assert_eq!(
        chibo::app::meetings::minutes_file_name(&m),
        "bien-ban-2026-12-thuong-ky.md"
    );
    m.kind = chibo::domain::meeting::MeetingKind::YearEnd;
    assert_eq!(
        chibo::app::meetings::minutes_file_name(&m),
        "bien-ban-2026-12-05-kiem-diem-cuoi-nam.md"
    );
}

/// A vote in the console; `rule_rights` moves the rule on from the one the subject
/// preselects.
fn hold_a_vote(app: &mut App, subject: &str, rule_rights: usize, counts: [&str; 3]) {
    press(app, "f3");
    type_text(app, subject);
    press(app, "tab tab");
    for _ in 0..rule_rights {
        press(app, "right");
    }
    for c in counts {
        press(app, "tab");
        type_text(app, c);
    }
    press(app, "ctrl-s");
}

fn votes(store: &MemoryStore) -> Vec<chibo::domain::vote::Vote> {
    store.meetings().unwrap()[0]
        .agenda
        .iter()
        .flat_map(|i| &i.entries)
        .filter_map(|e| match &e.kind {
            EntryKind::Vote(v) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_saved_vote_is_corrected_or_removed_and_its_line_shows_the_rule() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    hold_a_vote(
        &mut app,
        "Công nhận đảng viên chính thức",
        0,
        ["61", "0", "0"],
    );
    // 61 is refused: more than may vote
    assert!(
        app.overlays
            .iter()
            .any(|o| matches!(o, chibo::app::Overlay::Form(_)))
    );
    press(&mut app, "esc");
    hold_a_vote(
        &mut app,
        "Công nhận đảng viên chính thức",
        0,
        ["15", "0", "1"],
    );
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("15/25 theo 2/3 đảng viên"), "{shown}");
    // the count was mistyped: 16, not 15
    press(
        &mut app,
        "f8 tab tab tab backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "16");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("16/25 theo 2/3 đảng viên"), "{shown}");
    let v = votes(&store);
    assert_eq!(v.len(), 1, "corrected, not a second contradictory vote");
    assert_eq!((v[0].in_favour, v[0].against, v[0].other), (16, 0, 1));
    // and removed, only once the removal is confirmed in a dialog typing cannot answer
    press(&mut app, "f8 tab tab tab tab tab tab right ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Xóa hẳn biểu quyết"), "{shown}");
    assert!(app.deliberate());
    press(&mut app, "y");
    assert_eq!(votes(&store).len(), 1, "a typed letter removes nothing");
    press(&mut app, "esc");
    assert_eq!(votes(&store).len(), 1, "given up, the vote stays");
    press(&mut app, "f8 tab tab tab tab tab tab right ctrl-s enter");
    assert!(votes(&store).is_empty());
    assert!(screen(&app, 80, 24).contains("Đã xóa biểu quyết khỏi biên bản."));
}

#[test]
fn any_vote_of_the_meeting_is_picked_to_correct_not_only_the_latest() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    hold_a_vote(
        &mut app,
        "Thông qua chương trình công tác tháng 12",
        0,
        ["20", "1", "0"],
    );
    clock.advance(40);
    press(&mut app, "ctrl-n ctrl-n ctrl-n");
    hold_a_vote(&mut app, "Thông qua kết luận", 0, ["22", "0", "0"]);
    // the first vote, in item 1, was 21 for, not 20: picked from the meeting's votes
    press(&mut app, "f8");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Chọn biểu quyết để sửa hoặc xóa"), "{shown}");
    assert!(
        shown.contains("Mục 1 · 19:30 · Thông qua chương trình công tác"),
        "{shown}"
    );
    assert!(
        shown.contains("Mục 4 · 20:10 · Thông qua kết luận"),
        "{shown}"
    );
    // found by typing without diacritics, like a member
    type_text(&mut app, "chuong trinh");
    press(&mut app, "enter");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Sửa biểu quyết đã ghi"), "{shown}");
    press(&mut app, "tab tab tab backspace backspace");
    type_text(&mut app, "21");
    press(&mut app, "ctrl-s");
    let v = votes(&store);
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].in_favour, v[0].against), (21, 1));
    assert_eq!(v[1].in_favour, 22, "the other vote is untouched");
}

#[test]
fn a_guest_takes_the_floor_and_is_written_as_such() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "f2");
    type_text(&mut app, "sau");
    press(&mut app, "enter");
    type_text(&mut app, "Biểu dương chi bộ.");
    app.save_now().unwrap();
    let m = &store.meetings().unwrap()[0];
    let text = render(m, &store.members().unwrap(), None, &[], Format::Text);
    assert!(
        text.contains("Đ/c Lê Văn Sáu, Đảng ủy viên phường: Biểu dương chi bộ."),
        "{text}"
    );
}

#[test]
fn times_are_corrected_until_approval_and_the_minutes_follow() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    // a late member came at 19:50, written 19:55 by mistake, then corrected
    clock.advance(25);
    press(
        &mut app,
        "ctrl-r m enter up m backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "19:50");
    press(&mut app, "enter esc");
    let m = &store.meetings().unwrap()[0];
    let late: Vec<_> = m
        .attendance
        .values()
        .filter_map(|p| match p {
            Presence::Late(t) => Some(t.format("%H:%M").to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(late, ["19:50"]);
    clock.advance(70);
    press(&mut app, "ctrl-e enter");
    // the meeting began at 19:45 and ended at 21:20, as corrected in its details
    press(
        &mut app,
        "e tab tab tab backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "19:45");
    press(
        &mut app,
        "tab backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "19:00");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("Giờ kết thúc trước giờ bắt đầu."));
    press(
        &mut app,
        "backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "21:20");
    press(&mut app, "ctrl-s");
    let m = &store.meetings().unwrap()[0];
    let text = render(m, &store.members().unwrap(), None, &[], Format::Text);
    assert!(
        text.contains("bắt đầu lúc 19 giờ 45 phút, ngày 05/12/2026"),
        "{text}"
    );
    assert!(text.contains("21 giờ 20"), "{text}");
}

#[test]
fn ending_lists_what_the_record_lacks_and_offers_to_go_back() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    clock.advance(95);
    press(&mut app, "ctrl-e");
    let shown = screen(&app, 120, 40);
    for want in [
        "nghị quyết tháng trước\" chưa",
        "Phương hướng, nhiệm vụ tháng tới\" chưa ghi gì",
        "chưa có kết luận của chủ trì",
        "chưa điểm danh",
        "quay lại bổ sung",
    ] {
        assert!(shown.contains(want), "{want}:\n{shown}");
    }
    press(&mut app, "esc");
    assert_eq!(
        store.meetings().unwrap()[0].status(),
        MeetingStatus::InProgress
    );
}

/// The branch votes on the minutes read back (`counts` for, none against), and the
/// thư ký confirms.
fn approve_by_vote(app: &mut App, in_favour: &str) {
    press(app, "A");
    type_text(app, in_favour);
    press(app, "tab");
    type_text(app, "0");
    press(app, "tab");
    type_text(app, "0");
    press(app, "ctrl-s");
    assert!(app.deliberate(), "{}", screen(app, 80, 24));
    press(app, "enter");
}

#[test]
fn the_minutes_are_read_back_approved_by_a_vote_and_then_offer_only_what_is_possible() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    type_text(&mut app, "Nội dung cần đọc lại.");
    press(&mut app, "f10");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("BIÊN BẢN"), "{shown}");
    press(&mut app, "end");
    let end = screen(&app, 80, 24);
    assert!(
        end.contains("THƯ KÝ"),
        "the preview scrolls to the signatures:\n{end}"
    );
    press(&mut app, "esc");
    clock.advance(95);
    press(&mut app, "ctrl-e enter");
    // the preview from the agenda is the exported text, every line of it
    press(&mut app, "v");
    let m = store.meetings().unwrap()[0].clone();
    let Some(chibo::app::Overlay::Preview { lines, .. }) = app.overlays.last() else {
        panic!("the preview is open");
    };
    let exported = render(
        &m,
        &store.members().unwrap(),
        store.branch().unwrap().as_ref(),
        &[],
        Format::Text,
    );
    assert_eq!(lines.join("\n"), exported.trim_end_matches('\n'));
    press(&mut app, "esc");
    // a vote that is not a majority approves nothing
    press(&mut app, "A");
    type_text(&mut app, "5");
    press(&mut app, "tab");
    type_text(&mut app, "10");
    press(&mut app, "tab");
    type_text(&mut app, "0");
    press(&mut app, "ctrl-s");
    assert!(screen(&app, 80, 24).contains("biên bản chưa được thông qua"));
    press(&mut app, "esc");
    approve_by_vote(&mut app, "23");
    let m = store.meetings().unwrap()[0].clone();
    assert_eq!(m.status(), MeetingStatus::Approved);
    let text = render(&m, &store.members().unwrap(), None, &[], Format::Text);
    assert!(
        text.contains("thông qua ngày 05/12/2026 lúc 21:05: tán thành 23/"),
        "{text}"
    );
    let footer = screen(&app, 80, 24);
    let footer = footer.lines().last().unwrap();
    assert!(
        footer.contains("xuất biên bản") || footer.contains("w "),
        "{footer}"
    );
    assert!(!footer.contains("bắt đầu"), "{footer}");
    press(&mut app, "?");
    let help = screen(&app, 80, 24);
    assert!(
        !help.contains("thông qua biên bản") && help.contains("sửa đổi"),
        "{help}"
    );
}

#[test]
fn the_roll_call_finds_a_member_by_letters_without_diacritics_and_its_summary_is_whole() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r / ");
    type_text(&mut app, "ton nu");
    press(&mut app, "enter v end");
    let members = store.members().unwrap();
    let chau = members
        .iter()
        .find(|m| m.full_name() == "Tôn Nữ Minh Châu")
        .unwrap()
        .id;
    assert_eq!(
        store.meetings().unwrap()[0].attendance.get(&chau),
        Some(&Presence::Absent)
    );
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("a còn lại có"),
        "the legend shows a:\n{shown}"
    );
    // everyone marked, some late, excused, absent: the summary still reads to its end
    press(&mut app, "home m enter l");
    type_text(&mut app, "đi công tác");
    press(&mut app, "enter a");
    let shown = screen(&app, 80, 24);
    let report = app.console_attendance().unwrap();
    let last = chibo::export::minutes::attendance_lines(&report, app.roster.members())
        .join(" ")
        .split_whitespace()
        .last()
        .unwrap()
        .to_string();
    assert!(shown.contains(&last), "{last}:\n{shown}");
}

#[test]
fn a_passed_recognition_vote_leaves_the_member_awaiting_the_upper_levels_decision() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    hold_a_vote(
        &mut app,
        "Công nhận đảng viên chính thức cho đ/c Hồ Thị Ngọc Bích",
        0,
        ["24", "0", "0"],
    );
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("chờ quyết định cấp trên"), "{shown}");
    press(&mut app, "esc 1");
    let roster = screen(&app, 120, 40);
    assert!(
        roster.contains(
            "đ/c Hồ Thị Ngọc Bích: chi bộ đã biểu quyết công nhận chính thức ngày 05/12/2026 — chờ quyết định cấp trên"
        ),
        "{roster}"
    );
    // corrected to a failed vote, the record goes
    press(&mut app, "2 enter s f8 tab tab tab backspace backspace");
    type_text(&mut app, "10");
    press(&mut app, "ctrl-s esc 1");
    assert!(!screen(&app, 120, 40).contains("chờ quyết định cấp trên"));
}

#[test]
fn the_upper_levels_decision_makes_the_member_official_from_its_date() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    hold_a_vote(
        &mut app,
        "Công nhận đảng viên chính thức cho đ/c Hồ Thị Ngọc Bích",
        0,
        ["24", "0", "0"],
    );
    press(&mut app, "esc");
    // the decision arrives two weeks later; the secretary enters it from the roster
    clock.advance(60 * 24 * 15);
    press(&mut app, "1 /");
    type_text(&mut app, "ngoc bich");
    press(&mut app, "enter enter c");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Quyết định công nhận đảng viên chính thức: Hồ Thị Ngọc Bích"),
        "{shown}"
    );
    type_text(&mut app, "125-QĐ/ĐU");
    press(&mut app, "tab");
    // dated before the branch voted: refused
    type_text(&mut app, "01/12/2026");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Ngày quyết định trước ngày chi bộ biểu quyết đề nghị."),
        "{shown}"
    );
    press(
        &mut app,
        "backspace backspace backspace backspace backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "15/12/2026");
    press(&mut app, "ctrl-s");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains(
            "Đã ghi quyết định số 125-QĐ/ĐU: đ/c Hồ Thị Ngọc Bích chính thức từ 15/12/2026."
        ),
        "{shown}"
    );
    let bich = store
        .members()
        .unwrap()
        .into_iter()
        .find(|m| m.full_name() == "Hồ Thị Ngọc Bích")
        .unwrap();
    assert_eq!(bich.standing, chibo::domain::member::Standing::Official);
    assert_eq!(bich.official_date, Some(day(2026, 12, 15)));
    let detail = screen(&app, 120, 40);
    assert!(
        detail.contains("Quyết định công nhận chính thức: số 125-QĐ/ĐU ngày 15/12/2026"),
        "{detail}"
    );
    press(&mut app, "esc");
    assert!(
        !screen(&app, 120, 40).contains("chờ quyết định cấp trên"),
        "the reminder is done"
    );
}

#[test]
fn the_months_resolution_drafted_from_the_conclusion_takes_its_due_dates() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "f4");
    type_text(
        &mut app,
        "Ra quân vệ sinh môi trường, hoàn thành trước 20/12/2026.",
    );
    press(&mut app, "enter");
    type_text(&mut app, "Thu đảng phí quý IV, hạn 10/1.");
    press(&mut app, "enter");
    type_text(&mut app, "Thăm hỏi gia đình chính sách.");
    hold_a_vote(
        &mut app,
        "Thông qua kết luận của chủ trì",
        0,
        ["22", "0", "0"],
    );
    press(&mut app, "f9");
    let r = &store.resolutions().unwrap()[0];
    assert_eq!(
        r.adopted_on,
        Some(meeting_day()),
        "adopted by the vote on the conclusion"
    );
    assert_eq!(r.adopted_by, Some((0, 2)));
    let tasks = store.tasks().unwrap();
    let due = |title: &str| {
        tasks
            .iter()
            .find(|t| t.title.starts_with(title))
            .map(|t| t.due.format("%d/%m/%Y").to_string())
    };
    assert_eq!(due("Ra quân").as_deref(), Some("20/12/2026"));
    assert_eq!(due("Thu đảng phí").as_deref(), Some("10/01/2027"));
    assert_eq!(
        due("Thăm hỏi").as_deref(),
        Some("31/12/2026"),
        "the month's end where none is given"
    );
}

#[test]
fn the_item_timer_keeps_its_time_across_a_reopen() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    clock.advance(7);
    type_text(&mut app, "x");
    app.save_now().unwrap();
    // chibo is killed here and opened again two minutes later
    drop(app);
    clock.advance(2);
    let app = app_over(store.clone(), &clock);
    let c = app.meetings.console.as_ref().unwrap();
    assert_eq!(c.item_elapsed(app.now()) / 60, 9);
}

#[test]
fn an_amendment_takes_several_lines() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    clock.advance(95);
    press(&mut app, "ctrl-e enter");
    approve_by_vote(&mut app, "20");
    press(&mut app, "m tab");
    type_text(&mut app, "đồng chí Lê Văn Sáu, Đảng ủy viên phường");
    press(&mut app, "tab");
    type_text(&mut app, "ghi thiếu");
    press(&mut app, "tab");
    type_text(&mut app, "Bổ sung ý kiến của đ/c Mai.");
    press(&mut app, "enter");
    type_text(&mut app, "Bổ sung ý kiến của đ/c Hùng.");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Bổ sung ý kiến của đ/c Mai.")
            && shown.contains("Bổ sung ý kiến của đ/c Hùng."),
        "{shown}"
    );
    press(&mut app, "ctrl-s");
    let m = &store.meetings().unwrap()[0];
    assert_eq!(
        m.amendments[0].text,
        "Bổ sung ý kiến của đ/c Mai.\nBổ sung ý kiến của đ/c Hùng."
    );
    assert_eq!(
        m.amendments[0].by,
        "đồng chí Lê Văn Sáu, Đảng ủy viên phường"
    );
    assert_eq!(m.amendments[0].member, None);
}

#[test]
fn a_conclusion_not_voted_through_drafts_no_resolution_and_says_why() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "f9");
    assert!(
        screen(&app, 80, 24).contains("Chưa có kết luận của chủ trì: ghi kết luận (f4)"),
        "{}",
        screen(&app, 80, 24)
    );
    press(&mut app, "f4");
    type_text(
        &mut app,
        "Ra quân vệ sinh môi trường, hoàn thành trước 20/12/2026.",
    );
    press(&mut app, "f9");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Kết luận chưa được biểu quyết: biểu quyết thông qua kết luận (f3)"),
        "{shown}"
    );
    // the branch votes the conclusion down
    hold_a_vote(&mut app, "Thông qua kết luận", 0, ["5", "17", "0"]);
    press(&mut app, "f9");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Biểu quyết «Thông qua kết luận» không thông qua: không soạn nghị quyết."),
        "{shown}"
    );
    assert!(store.resolutions().unwrap().is_empty(), "nothing drafted");
    assert!(store.tasks().unwrap().is_empty(), "no task made");
    assert!(app.meetings.console.is_some(), "the console stays open");
}

#[test]
fn an_agenda_item_is_found_by_letters_of_its_title_in_the_plan_and_in_the_console() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    // in the console: the minutes go on with the item found
    press(&mut app, "ctrl-f");
    type_text(&mut app, "phuong huong");
    assert!(screen(&app, 80, 24).contains("Phương hướng, nhiệm vụ tháng tới"));
    press(&mut app, "enter");
    assert_eq!(app.meetings.console.as_ref().unwrap().item, 4);
    type_text(&mut app, "Giao nhiệm vụ tháng 12.");
    // letters that match nothing leave the item where it was
    press(&mut app, "ctrl-f");
    type_text(&mut app, "khong co muc nay");
    press(&mut app, "enter");
    assert!(
        !app.overlays.is_empty(),
        "nothing found: the finder stays open"
    );
    press(&mut app, "esc");
    assert_eq!(app.meetings.console.as_ref().unwrap().item, 4);
    press(&mut app, "esc");
    assert!(app.meetings.console.is_none(), "the console is left");
    // in the plan: the agenda list selects the item found
    press(&mut app, "/");
    type_text(&mut app, "ho chi minh");
    press(&mut app, "enter");
    assert_eq!(app.meetings.item.selected(), 3);
    let m = &store.meetings().unwrap()[0];
    assert!(
        m.agenda[4]
            .entries
            .iter()
            .any(|e| e.text.contains("Giao nhiệm vụ")),
        "the typing went to the item found"
    );
}

#[test]
fn a_held_meeting_shows_what_the_branch_can_act_on() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    plan_and_start(&mut app);
    press(&mut app, "ctrl-r a esc");
    type_text(&mut app, "Khai mạc.");
    clock.advance(70);
    press(&mut app, "ctrl-e enter");
    assert!(app.meetings.console.is_none(), "the meeting ended");
    // the branch's own members (the exempt and those attached elsewhere left out)
    let expected = chibo::domain::meeting::attendance_report(
        &store.meetings().unwrap()[0],
        &store.members().unwrap(),
    )
    .expected();
    assert!(expected > 20);
    let line = |w, h| {
        let shown = screen(&app, w, h);
        shown
            .lines()
            .find(|l| l.starts_with(" Chất lượng: "))
            .unwrap_or_else(|| panic!("no quality line:\n{shown}"))
            .to_string()
    };
    // what falls short first: nobody spoke, 70 minutes of the 90 at least, no thematic
    // meeting in the quarter; then the attendance
    let wide = line(120, 40);
    assert_eq!(
        wide,
        format!(
            " Chất lượng: 0 đồng chí phát biểu · 70 phút (tối thiểu 90) · quý 4 chưa sinh hoạt \
             chuyên đề · có mặt {expected}/{expected} (100%)"
        )
    );
    let narrow = line(80, 24);
    assert!(
        narrow.starts_with(" Chất lượng: 0 đồng chí phát biểu · 70 phút") && narrow.ends_with('…'),
        "cut with an ellipsis at 80 columns: {narrow}"
    );
}

#[test]
fn approved_minutes_are_backed_up_by_the_edge_not_by_the_application() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 30);
    let tmp = tempfile::tempdir().unwrap();
    let backups = tmp.path().join("backups");
    let options = Options {
        clock: Box::new(clock.clone()),
        backups: Some(backups.clone()),
        ..options(Lang::Vi)
    };
    let mut app = App::new(Box::new(store.clone()), options).unwrap();
    plan_and_start(&mut app);
    type_text(&mut app, "Nội dung.");
    clock.advance(60);
    press(&mut app, "ctrl-e enter");
    approve_by_vote(&mut app, "23");
    assert_eq!(
        store.meetings().unwrap()[0].status(),
        MeetingStatus::Approved
    );
    // the application asked for the backup and wrote nothing itself
    assert!(!backups.exists(), "no file before the edge carries it out");
    assert!(chibo::tui::carry_out(&mut app));
    let taken: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(taken.len(), 1, "{taken:?}");
    assert!(!matches!(app.status, Some(chibo::app::Status::Error(_))));
    // nothing is left to do
    assert!(!chibo::tui::carry_out(&mut app));
}

#[test]
fn the_meetings_list_opens_on_the_next_meeting_to_hold_and_a_save_keeps_what_it_wrote() {
    use chibo::domain::meeting::{Meeting, MeetingKind};
    let store = shared_fixture();
    let at = today().and_hms_opt(8, 0, 0).unwrap();
    let seven = chrono::NaiveTime::from_hms_opt(19, 30, 0).unwrap();
    let mut held = Meeting::new(MeetingKind::Regular, day(2026, 11, 7), seven);
    held.started_at = Some(day(2026, 11, 7).and_time(seven));
    held.ended_at = Some(day(2026, 11, 7).and_hms_opt(21, 0, 0).unwrap());
    store.save_meeting(&mut held, at, Some("plan")).unwrap();
    // planned, newest first: January, an extraordinary one in December, then December
    for (kind, date) in [
        (MeetingKind::Regular, day(2026, 12, 5)),
        (MeetingKind::Regular, day(2027, 1, 9)),
        (MeetingKind::Extraordinary, day(2026, 12, 20)),
    ] {
        store
            .save_meeting(&mut Meeting::new(kind, date, seven), at, Some("plan"))
            .unwrap();
    }
    let clock = TestClock::on(today(), 19, 30);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "2");
    let selected = app.meetings.selected_meeting().map(|m| m.date);
    assert_eq!(
        selected,
        Some(day(2026, 12, 5)),
        "the nearest planned meeting"
    );
    assert_eq!(
        app.meetings.visible().next().map(|m| m.date),
        Some(day(2027, 1, 9))
    );

    // its plan edited: what is stored and what the list shows are the same record
    press(&mut app, "enter e tab tab tab tab");
    type_text(&mut app, "Hội trường UBND phường");
    press(&mut app, "ctrl-s");
    assert!(app.overlays.is_empty(), "the plan is saved");
    let id = app.meetings.open.unwrap();
    let stored = store.meeting(id).unwrap().unwrap();
    assert_eq!(stored.place, "Hội trường UBND phường");
    assert_eq!(app.meetings.get(id), Some(&stored));
    // a second regular meeting in November (today's) is still refused, from the
    // meetings in memory
    press(&mut app, "esc n ctrl-s");
    assert!(
        screen(&app, 100, 30).contains("07/11/2026"),
        "{}",
        screen(&app, 100, 30)
    );
    assert_eq!(store.meetings().unwrap().len(), 4, "nothing more was saved");
}

/// The agenda's own keys before the meeting: an item moved down and up, given five
/// minutes more and less, removed; each change is saved at once, and the selection
/// follows the item moved.
#[test]
fn the_agenda_is_reordered_timed_and_trimmed_by_keys_and_saved_each_time() {
    let store = shared_fixture();
    let clock = TestClock::on(meeting_day(), 19, 0);
    let mut app = app_over(store.clone(), &clock);
    press(&mut app, "2 n tab tab tab tab");
    type_text(&mut app, "Nhà văn hóa Khu phố 3");
    press(&mut app, "ctrl-s");
    assert!(app.overlays.is_empty(), "the plan is saved");
    let id = app.meetings.open.expect("the agenda is open");
    let stored = |store: &MemoryStore| store.meeting(id).unwrap().unwrap();
    let before = stored(&store);
    let titles = |m: &chibo::domain::meeting::Meeting| -> Vec<String> {
        m.agenda.iter().map(|i| i.title.clone()).collect()
    };
    assert!(before.agenda.len() >= 3, "the template's items");

    // the first item goes down one place, and the selection goes with it
    press(&mut app, "J");
    let moved = stored(&store);
    assert_eq!(moved.agenda[1].title, before.agenda[0].title);
    assert_eq!(moved.agenda[0].title, before.agenda[1].title);
    assert_eq!(app.meetings.item.selected(), 1);
    // and back up
    press(&mut app, "K");
    assert_eq!(titles(&stored(&store)), titles(&before));
    assert_eq!(app.meetings.item.selected(), 0);

    // five minutes more, twice, then five less
    let planned = before.agenda[0].planned_minutes;
    press(&mut app, "+ + -");
    assert_eq!(stored(&store).agenda[0].planned_minutes, planned + 5);

    // an item with nothing minuted yet is removed
    press(&mut app, "x");
    let trimmed = stored(&store);
    assert_eq!(trimmed.agenda.len(), before.agenda.len() - 1);
    assert_eq!(trimmed.agenda[0].title, before.agenda[1].title);
    assert_eq!(
        app.meetings.get(id),
        Some(&trimmed),
        "the list shows what is stored"
    );
}
