//! A regular meeting typed through the real program in a real terminal (tmux, 80×24),
//! the way a thư ký lives it: the branch named, the meeting planned with a guest, the
//! roll call with a late arrival corrected, a guest's speech, a personnel vote
//! mistyped and corrected, the required items filled, the end, the real start and end
//! written in the details, the minutes read back, approved by a vote, amended, and
//! exported. The exported biên bản is compared with a committed golden file.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::thread::sleep;
use std::time::Duration;

use common::tty::{self, Tty};

/// Longer than the time a deliberate dialog ignores keys after it opens.
const PAST_THE_GUARD: Duration = Duration::from_millis(500);

fn clear(term: &Tty) {
    term.keys(&["BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace"]);
}

fn typed(term: &Tty, text: &str) {
    term.type_text(text);
    sleep(Duration::from_millis(300));
}

fn see(term: &Tty, text: &str) {
    assert!(
        term.wait_for(text, 10),
        "not on screen: {text}\n{}",
        term.screen()
    );
}

/// What changes with the moment the test runs (the approval's and the amendment's
/// time of day) replaced by a mark.
fn steady(text: &str) -> String {
    text.lines()
        .map(|l| match l.find(" lúc ") {
            Some(i)
                if l[i + 6..]
                    .chars()
                    .take(5)
                    .all(|c| c.is_ascii_digit() || c == ':') =>
            {
                format!("{} lúc HH:MM{}", &l[..i], &l[i + 5 + 5 + 1..])
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_meeting_typed_through_the_terminal_gives_minutes_the_branch_can_file() {
    tty::require();
    let branch = tty::Branch::made(
        &["import", "members", common::FIXTURE],
        &["CHIBO_TODAY=2026-12-05"],
    );
    let data = &branch.data;
    last_months_resolution(data);
    let term = branch.start("minutes", (80, 24));
    // the branch, asked for on the first open
    see(&term, "Tên chi bộ");
    typed(&term, "Chi bộ Khu phố 3");
    term.keys(&["Tab"]);
    typed(&term, "Đảng bộ Phường 7");
    term.keys(&["Tab"]);
    typed(&term, "Phường 7");
    term.keys(&["C-s"]);

    // the plan: place and a guest
    term.keys(&["2", "n", "Tab", "Tab", "Tab", "Tab"]);
    typed(&term, "Nhà văn hóa Khu phố 3");
    term.keys(&["Tab", "Tab", "Tab"]);
    typed(&term, "đồng chí Lê Văn Bình, Đảng ủy viên phường");
    term.keys(&["C-s", "s"]);
    see(&term, "Mục 1/8");

    // roll call: the first member came late (at 19:50, corrected), everyone else present
    term.keys(&["C-r", "m"]);
    see(&term, "Giờ đến");
    clear(&term);
    typed(&term, "19:50");
    term.keys(&["Enter", "a"]);
    see(&term, "đến muộn 19:50");
    term.keys(&["Escape"]);

    typed(
        &term,
        "Đồng chí Nguyễn Văn Hùng tuyên bố lý do, giới thiệu khách mời.",
    );
    // the guest speaks: picked by typing without diacritics
    term.keys(&["F2"]);
    see(&term, "Chọn đồng chí");
    typed(&term, "binh");
    term.keys(&["Enter"]);
    typed(&term, "Biểu dương chi bộ về công tác dân vận.");

    // a personnel vote, mistyped (15 for) and corrected (16)
    term.keys(&["C-n", "F3"]);
    typed(
        &term,
        "Công nhận đảng viên chính thức cho đ/c Hồ Thị Ngọc Bích",
    );
    // the 2/3 rule is preselected from the subject
    term.keys(&["Tab", "Tab", "Tab"]);
    typed(&term, "15");
    term.keys(&["Tab"]);
    typed(&term, "0");
    term.keys(&["Tab"]);
    typed(&term, "1");
    term.keys(&["C-s"]);
    see(&term, "15/");
    term.keys(&["F8", "Tab", "Tab", "Tab", "BSpace", "BSpace"]);
    typed(&term, "16");
    term.keys(&["C-s"]);
    see(&term, "16/25 theo 2/3 đảng viên");

    // the items the minutes may not leave empty, and the conclusion
    term.keys(&["C-n"]);
    typed(&term, "Các nhiệm vụ tháng 11 đã hoàn thành.");
    term.keys(&["C-n", "C-n"]);
    typed(
        &term,
        "Tiếp tục vận động nhân dân giữ gìn vệ sinh môi trường.",
    );
    term.keys(&["F4"]);
    typed(&term, "Chi bộ thống nhất các nhiệm vụ tháng 12.");

    // the end: a key that types nothing, after the dialog has been read
    term.keys(&["C-e"]);
    see(&term, "Kết thúc cuộc họp bây giờ?");
    sleep(PAST_THE_GUARD);
    term.keys(&["Enter"]);
    see(&term, "Cuộc họp kết thúc lúc");

    // the real start and end, written in the meeting's details
    term.keys(&["e", "Tab", "Tab", "Tab"]);
    see(&term, "Giờ kết thúc");
    clear(&term);
    typed(&term, "19:35");
    term.keys(&["Tab"]);
    clear(&term);
    typed(&term, "21:15");
    term.keys(&["C-s"]);

    // read back, then approved by the branch's vote
    term.keys(&["v"]);
    see(&term, "BIÊN BẢN");
    term.keys(&["Escape", "A"]);
    see(&term, "Biểu quyết thông qua biên bản");
    typed(&term, "24");
    term.keys(&["Tab"]);
    typed(&term, "0");
    term.keys(&["Tab"]);
    typed(&term, "0");
    term.keys(&["C-s"]);
    see(&term, "Thông qua biên bản");
    sleep(PAST_THE_GUARD);
    term.keys(&["Enter"]);
    see(&term, "Đã thông qua biên bản");

    // an amendment after approval, asked for by the chair (picked by name)
    term.keys(&["m", "Enter"]);
    see(&term, "Chọn đồng chí");
    typed(&term, "hung");
    term.keys(&["Enter", "Tab"]);
    typed(&term, "ghi thiếu chức vụ của khách mời");
    term.keys(&["Tab"]);
    typed(
        &term,
        "Khách mời là đồng chí Lê Văn Bình, Đảng ủy viên phường, phụ trách khu phố.",
    );
    // the amendment's text takes several lines
    term.keys(&["Enter"]);
    typed(
        &term,
        "Đ/c Bình đề nghị chi bộ sơ kết mô hình dân vận khéo.",
    );
    term.keys(&["C-s", "w", "Enter"]);
    see(&term, "Đã ghi biên bản vào");
    drop(term);

    let file = data.join("exports/bien-ban-2026-12-thuong-ky.md");
    let minutes =
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    for want in [
        "Thời gian: bắt đầu lúc 19 giờ 35 phút, ngày 05/12/2026.",
        "Khách mời: đồng chí Lê Văn Bình, Đảng ủy viên phường.",
        "*Đ/c Lê Văn Bình, Đảng ủy viên phường:* Biểu dương chi bộ về công tác dân vận.",
        "Tán thành: 16; không tán thành: 0; ý kiến khác: 1. Kết quả: KHÔNG THÔNG QUA (16/25",
        "Cuộc họp kết thúc lúc 21 giờ 15 phút",
        "Biên bản đã được đọc lại và thông qua ngày 05/12/2026",
        ": tán thành 24/",
        "Khách mời là đồng chí Lê Văn Bình, Đảng ủy viên phường, phụ trách khu phố.",
        "19:50",
        "Đ/c Bình đề nghị chi bộ sơ kết mô hình dân vận khéo.",
        ", theo đề nghị của đồng chí Nguyễn Văn Hùng: Khách mời là",
    ] {
        assert!(minutes.contains(want), "{want}\n---\n{minutes}");
    }
    assert!(
        !minutes.contains("Tán thành: 15"),
        "one vote, corrected:\n{minutes}"
    );
    golden("minutes-terminal.md", &steady(&minutes));
}

/// Compares with a committed file; `CHIBO_UPDATE_GOLDEN=1` rewrites it (then review
/// the diff before committing).
/// November's resolution, adopted at November's meeting: one item done before this
/// meeting, one carried over and one overdue — item 3 of the minutes reviews all three.
fn last_months_resolution(data: &std::path::Path) {
    use chibo::domain::resolution::{Resolution, ResolutionId, ResolutionKind};
    use chibo::domain::task::{Task, TaskNote};
    use chibo::store::Records;
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let store = common::open_when_free(data);
    let members = store.members().unwrap();
    let mut res = Resolution {
        id: ResolutionId(0),
        kind: ResolutionKind::Monthly,
        year: 2026,
        seq: 11,
        number: "11-NQ/CB".into(),
        title: "Nghị quyết chi bộ tháng 11/2026".into(),
        adopted_on: Some(day(11, 6)),
        meeting: None,
        adopted_by: None,
        basis: "kết quả sinh hoạt chi bộ thường kỳ ngày 06/11/2026".into(),
        results: String::new(),
        items: Vec::new(),
        superseded_by: None,
        supersedes: None,
        adopted: None,
    };
    let mut done = Task::new("Tổng vệ sinh đường phố trước ngày 20/11", day(11, 20));
    done.lead = Some(members[1].id);
    done.complete(TaskNote::new(day(11, 19), ""), "Đã ra quân, 40 hộ tham gia");
    let mut carried = Task::new("Thu quỹ khuyến học của khu phố", day(11, 30));
    carried.lead = Some(members[2].id);
    carried
        .carry_over(
            TaskNote::new(day(11, 28), "mới thu được một nửa"),
            day(12, 31),
        )
        .unwrap();
    let mut overdue = Task::new("Rà soát hộ nghèo, cận nghèo", day(11, 25));
    overdue.lead = Some(members[3].id);
    let mut tasks = [done, carried, overdue];
    for t in &mut tasks {
        t.created = Some(day(11, 6));
    }
    let at = day(11, 6).and_hms_opt(21, 0, 0).unwrap();
    store
        .save_resolution(&mut res, &mut tasks, at, "test")
        .unwrap();
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
