//! A candidate carried through every step to the admission ceremony in the real
//! program in a real terminal (tmux, 80×24): added, each step recorded with its proof,
//! a helper assigned, the branch's vote taken in a meeting's console, the upper
//! level's decision and the ceremony entered a year later; the new probationary member
//! is in the probation reminders of the roster.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::thread::sleep;
use std::time::Duration;

use common::tty::{self, Tty};

/// Longer than the time a deliberate dialog ignores keys after it opens.
const PAST_THE_GUARD: Duration = Duration::from_millis(500);

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

/// The next step's form: its date typed over today's (when given) and its proof.
fn step(term: &Tty, date: Option<&str>, proof: &str) {
    term.keys(&["Enter"]);
    see(term, "Căn cứ");
    if let Some(date) = date {
        term.keys(&["BSpace"; 10]);
        typed(term, date);
    }
    term.keys(&["Tab"]);
    typed(term, proof);
    term.keys(&["C-s"]);
}

#[test]
#[cfg_attr(
    not(chibo_ci),
    ignore = "needs tmux: `cargo test -- --include-ignored` runs it; CI runs it always"
)]
fn a_candidate_becomes_a_probationary_member_through_the_terminal() {
    tty::require();
    let branch = tty::Branch::made(
        &["import", "members", common::FIXTURE],
        &["CHIBO_TODAY=2026-12-05"],
    );
    let term = branch.start("candidates", (80, 24));
    see(&term, "Tên chi bộ");
    typed(&term, "Chi bộ Khu phố 3");
    term.keys(&["Tab"]);
    typed(&term, "Đảng bộ Phường 7");
    term.keys(&["Tab"]);
    typed(&term, "Phường 7");
    term.keys(&["C-s"]);

    // added on the candidates screen
    term.keys(&["6"]);
    see(&term, "Chưa có quần chúng nào");
    term.keys(&["n"]);
    typed(&term, "Trịnh");
    term.keys(&["Tab"]);
    typed(&term, "Thị Ngọc");
    term.keys(&["Tab"]);
    typed(&term, "Ánh");
    term.keys(&["Tab", "Right", "Right", "Tab"]);
    typed(&term, "05/06/1998");
    term.keys(&["C-s"]);
    see(&term, "Đã thêm quần chúng Trịnh Thị Ngọc Ánh.");

    // a proof left out is refused, nothing is recorded
    term.keys(&["Enter", "C-s"]);
    see(&term, "Bắt buộc phải nhập.");
    term.keys(&["Escape"]);
    sleep(PAST_THE_GUARD);
    see(&term, "Quần chúng");

    for proof in [
        "Giấy chứng nhận số 125-GCN/TTCT",
        "Đơn xin vào Đảng",
        "Lý lịch người xin vào Đảng",
        "Công văn thẩm tra số 12",
        "Đ/c Trần Thị Mai, đ/c Nguyễn Văn Hùng",
        "Chi đoàn và chi ủy tổ 7",
    ] {
        step(&term, None, proof);
        see(&term, proof);
    }
    // the helper: picked by typing without diacritics
    term.keys(&["h", "Enter"]);
    typed(&term, "tran thi mai");
    term.keys(&["Enter", "C-s"]);
    see(&term, "Trần Thị Mai giúp đỡ Trịnh Thị Ngọc Ánh.");

    // no vote yet: said, nothing recorded
    term.keys(&["Enter"]);
    see(&term, "Chưa có biểu quyết kết nạp Trịnh Thị Ngọc Ánh");

    // the branch votes in a meeting: everyone present, everyone in favour
    term.keys(&["2", "n", "Right", "Right", "Right", "C-s", "s"]);
    see(&term, "Mục 1/");
    term.keys(&["C-r", "a", "Escape"]);
    sleep(PAST_THE_GUARD);
    term.keys(&["F3"]);
    typed(&term, "Kết nạp quần chúng Trịnh Thị Ngọc Ánh");
    // the 2/3 rule is preselected from the subject: 24 of the 25 in favour
    term.keys(&["Tab", "Tab", "Tab"]);
    typed(&term, "24");
    term.keys(&["Tab"]);
    typed(&term, "0");
    term.keys(&["Tab"]);
    typed(&term, "1");
    term.keys(&["C-s"]);
    see(&term, "24/25 theo 2/3");
    term.keys(&["C-e"]);
    see(&term, "Kết thúc cuộc họp bây giờ?");
    sleep(PAST_THE_GUARD);
    term.keys(&["Enter"]);
    see(&term, "Cuộc họp kết thúc");
    // back from the meeting to the screens
    term.keys(&["Escape"]);
    sleep(PAST_THE_GUARD);
    term.keys(&["6"]);
    see(&term, "Chi bộ biểu quyết");
    term.keys(&["Enter"]);
    see(&term, "Đã ghi biểu quyết của chi bộ ngày 05/12/2026");
    term.keys(&["q"]);
    sleep(PAST_THE_GUARD);
    drop(term);

    // the decision and the ceremony come weeks later; the probation ends a year on
    let term = branch.start_with("candidates2", (80, 24), &["CHIBO_TODAY=2027-11-20"]);
    see(&term, "Đảng viên");
    term.keys(&["6"]);
    see(&term, "Quyết định kết nạp");
    step(&term, Some("15/12/2026"), "Quyết định số 45-QĐ/ĐU");
    see(&term, "Đã ghi: Quyết định kết nạp — Trịnh Thị Ngọc Ánh.");
    see(&term, "Quyết định số 45-QĐ/ĐU");
    step(
        &term,
        Some("05/01/2027"),
        "Lễ kết nạp tại hội trường khu phố 3",
    );
    see(&term, "Không thể hoàn tác");
    sleep(PAST_THE_GUARD);
    term.keys(&["Enter"]);
    see(
        &term,
        "Trịnh Thị Ngọc Ánh là đảng viên dự bị từ 05/01/2027.",
    );
    // on the roster, probationary, with the probation reminder in the detail
    term.keys(&["1"]);
    see(&term, "dự bị 3");
    see(&term, "Trịnh Thị Ngọc Ánh   1998     05/01/2027 dự bị");
    see(&term, "và 1 nhắc việc khác");
    term.keys(&["Down", "Enter"]);
    see(&term, "05/01/2028");
    see(&term, "Xét chính thức trước");
}
