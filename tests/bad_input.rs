//! The catalogue of bad input: each case is what a user might feed chibo, the exact
//! message they see, and proof that nothing changed.

mod common;

use std::path::Path;

use common::{FIXTURE, chibo};

/// Everything the data holds, as the JSON backup (less its time stamp).
fn snapshot(data: &Path) -> String {
    let out = chibo(data, &["backup", data.join("snapshot.json").to_str().unwrap()]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(data.join("snapshot.json")).unwrap();
    text.lines()
        .filter(|l| !l.contains("\"created\""))
        .collect::<Vec<_>>()
        .join("\n")
}

enum Input {
    /// A file given to `import members`.
    Roster(&'static [u8]),
    RosterOwned(Vec<u8>),
    /// A file given to `restore`, made from a real backup by the function.
    Backup(fn(String) -> String),
    /// A file given to `keymap check`.
    Keymap(&'static str),
    /// Plain arguments.
    Args(&'static [&'static str]),
}

struct Case {
    name: &'static str,
    input: Input,
    /// Exit status and a line stderr must contain ({f} is the file given).
    code: i32,
    says: &'static str,
}

fn cases() -> Vec<Case> {
    use Input::*;
    let c = |name, input, code, says| Case {
        name,
        input,
        code,
        says,
    };
    vec![
        c(
            "Windows-1258 roster",
            Roster(b"ho,ten\nTr\xe2\xden,Mai\n"),
            1,
            "tệp không phải UTF-8 (byte lỗi ở vị trí 9); có thể tệp dùng bảng mã Windows-1258 hoặc TCVN3",
        ),
        c(
            "TCVN3 roster",
            Roster(b"ho,ten\nTr\xa7\xeen,Mai\n"),
            1,
            "tệp không phải UTF-8 (byte lỗi ở vị trí 9)",
        ),
        c("empty roster", Roster(b""), 1, "{f}: tệp trống / the file is empty"),
        c(
            "no name columns",
            Roster(b"ngay_sinh,gioi_tinh\n01/01/1980,Nam\n"),
            1,
            "{f}: dòng 1: thiếu cột họ tên: cần \"ho\" và \"ten\", hoặc \"ho_ten\" / missing name columns",
        ),
        c(
            "unknown column",
            Roster(b"ho,ten,tuoi\nLe,An,40\n"),
            1,
            "{f}: dòng 1: không biết cột \"tuoi\"",
        ),
        c(
            "column twice",
            Roster(b"ho,ten,ho\nLe,An,Le\n"),
            1,
            "{f}: dòng 1: cột \"ho\" xuất hiện hai lần",
        ),
        c(
            "duplicate card numbers",
            Roster("ho,ten,so_the\nLê,An,01234567\nTrần,Bình,01234567\n".as_bytes()),
            1,
            "{f}: dòng 3, cột so_the: số thẻ 01234567 trùng với Lê An (dòng 2)",
        ),
        c(
            "card number already in the data",
            Roster("ho,ten,so_the\nLê,An,01024587\n".as_bytes()),
            1,
            "{f}: dòng 2, cột so_the: số thẻ 01024587 của Lê An đã có trong dữ liệu",
        ),
        c(
            "impossible date",
            Roster("ho,ten,ngay_sinh\nLê,An,31/02/1990\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ngay_sinh: ngày \"31/02/1990\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)",
        ),
        c(
            "date in a third form",
            Roster("ho,ten,ngay_sinh\nLê,An,1990.02.01\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ngay_sinh: ngày \"1990.02.01\" không hợp lệ",
        ),
        c(
            "official before admission",
            Roster("ho,ten,ngay_vao_dang,ngay_chinh_thuc\nLê,An,01/01/2010,01/01/2009\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ngay_chinh_thuc: ngày chính thức trước ngày vào Đảng",
        ),
        c(
            "admission before birth",
            Roster("ho,ten,ngay_sinh,ngay_vao_dang\nLê,An,01/01/1990,01/01/1980\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ngay_vao_dang: ngày vào Đảng không sau ngày sinh",
        ),
        c(
            "unknown gender",
            Roster("ho,ten,gioi_tinh\nLê,An,X\n".as_bytes()),
            1,
            "{f}: dòng 2, cột gioi_tinh: giới tính \"x\" không rõ (Nam/Nữ)",
        ),
        c(
            "unknown role",
            Roster("ho,ten,chuc_vu\nLê,An,tổng thống\n".as_bytes()),
            1,
            "{f}: dòng 2, cột chuc_vu: chức vụ \"tổng thống\" không rõ (bí thư, phó bí thư, chi ủy viên)",
        ),
        c(
            "unknown status",
            Roster("ho,ten,trang_thai\nLê,An,nghỉ phép\n".as_bytes()),
            1,
            "{f}: dòng 2, cột trang_thai: trạng thái \"nghỉ phép\" không rõ",
        ),
        c(
            "probationary with official date",
            Roster("ho,ten,ngay_chinh_thuc,trang_thai\nLê,An,01/01/2010,dự bị\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ngay_chinh_thuc: đảng viên dự bị không có ngày chính thức",
        ),
        c(
            "more cells than columns",
            Roster("ho,ten\nLê,An,thừa\n".as_bytes()),
            1,
            "{f}: dòng 2: có 3 ô, nhiều hơn 2 cột tiêu đề",
        ),
        c(
            "a full name of one word",
            Roster("ho_ten\nAn\n".as_bytes()),
            1,
            "{f}: dòng 2, cột ho_ten: không tách được họ và tên từ \"An\"",
        ),
        c(
            "broken JSON roster",
            Roster(b"[{\"family_name\": \"Le\""),
            1,
            "{f}: dòng 1: JSON không hợp lệ",
        ),
        c(
            "10 MB roster",
            RosterOwned(
                b"ho,ten\n"
                    .iter()
                    .copied()
                    .chain(std::iter::repeat_n(b'a', 10_000_000))
                    .collect(),
            ),
            1,
            "tệp quá lớn (10 MB); danh sách đảng viên không quá 5 MB / file too large",
        ),
        c(
            "truncated backup",
            Backup(|b| b[..b.len() / 2].to_string()),
            1,
            "not a chibo backup: EOF while parsing",
        ),
        c(
            "backup from a newer chibo",
            Backup(|b| b.replace("\"schema_version\": 1", "\"schema_version\": 99")),
            1,
            "{f}: the backup was made by a newer chibo (schema 99); this version reads up to 1",
        ),
        c(
            "backup with edited counts",
            Backup(|b| b.replace("\"members\": 28", "\"members\": 27")),
            1,
            "{f}: the backup is incomplete: members should hold 27 records but holds 28",
        ),
        c(
            "not a backup at all",
            Backup(|_| "{\"hello\": 1}".into()),
            1,
            "{f}: not a chibo backup: missing field `format`",
        ),
        c(
            "backup of another program",
            Backup(|b| b.replace("\"chibo-backup\"", "\"other-backup\"")),
            1,
            "{f}: not a chibo backup: format \"other-backup\"",
        ),
        c(
            "backup with an unknown part",
            Backup(|b| b.replace("\"audit\":", "\"secrets\":")),
            1,
            "{f}: the backup has an unknown part: secrets",
        ),
        c(
            "keymap: unknown action",
            Keymap("[roster]\nz = \"fly\"\n"),
            1,
            "{f}:2:5: unknown action \"fly\"",
        ),
        c(
            "keymap: unknown section",
            Keymap("[rooster]\nz = \"new\"\n"),
            1,
            "{f}:1:1: unknown section [rooster]",
        ),
        c(
            "keymap: unknown key",
            Keymap("[roster]\n\"hyper-z\" = \"new\"\n"),
            1,
            "{f}:2:1: \"hyper-z\": unknown key name: hyper-z",
        ),
        c(
            "keymap: printable key in a form",
            Keymap("[form]\nx = \"save\"\n"),
            1,
            "{f}:2:5: [form] \"x\": a printable key is typed into the field here and cannot be a command",
        ),
        c(
            "keymap: keys terminals confuse",
            Keymap("[roster]\nctrl-h = \"new\"\n"),
            1,
            "{f}:2:10: [roster] \"ctrl-h\": terminals send this key as backspace, so they cannot be told apart",
        ),
        c(
            "keymap: prefix clash",
            Keymap("[roster]\ng = \"new\"\n"),
            1,
            "{f}:2:5: [roster] \"g\" is the start of \"g g\", which could never be typed",
        ),
        c(
            "keymap: no way to quit",
            Keymap("[global]\nq = \"none\"\nctrl-c = \"none\"\n"),
            1,
            "{f}:[global] the action \"quit\" has no key left",
        ),
        c(
            "keymap: not TOML",
            Keymap("[roster\n"),
            1,
            "{f}:1:8: unclosed table, expected `]`",
        ),
        c(
            "a month that does not exist",
            Args(&["export", "minutes", "2026-13"]),
            1,
            "chibo: không có cuộc họp \"2026-13\"",
        ),
        c(
            "a report month that does not exist",
            Args(&["report", "followup", "--month", "2026-13"]),
            1,
            "chibo: tháng \"2026-13\" không hợp lệ (YYYY-MM)",
        ),
        c(
            "a resolution that does not exist",
            Args(&["export", "resolution", "12-NQ/CB"]),
            1,
            "chibo: không có nghị quyết \"12-NQ/CB\"",
        ),
        c(
            "restore over data without --force",
            Args(&["restore", "--latest"]),
            1,
            "không trống; dùng --force",
        ),
        c(
            "a usage mistake",
            Args(&["import", "members"]),
            2,
            "error: the following required arguments were not provided",
        ),
    ]
}

#[test]
fn every_bad_input_is_answered_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(chibo(&data, &["import", "members", FIXTURE]).status.success());
    assert!(chibo(&data, &["backup"]).status.success());
    let good_backup = std::fs::read_to_string(tmp.path().join("good.json")).unwrap_or_else(|_| {
        assert!(
            chibo(&data, &["backup", tmp.path().join("good.json").to_str().unwrap()])
                .status
                .success()
        );
        std::fs::read_to_string(tmp.path().join("good.json")).unwrap()
    });
    let before = snapshot(&data);
    let all = cases();
    assert!(all.len() >= 30, "the catalogue holds {} cases", all.len());
    let mut failures = Vec::new();
    for (i, case) in all.iter().enumerate() {
        let file = tmp.path().join(format!("case{i}"));
        let args: Vec<String> = match &case.input {
            Input::Roster(bytes) => {
                std::fs::write(&file, bytes).unwrap();
                vec!["import".into(), "members".into(), file.display().to_string()]
            }
            Input::RosterOwned(bytes) => {
                std::fs::write(&file, bytes).unwrap();
                vec!["import".into(), "members".into(), file.display().to_string()]
            }
            Input::Backup(make) => {
                std::fs::write(&file, make(good_backup.clone())).unwrap();
                vec!["restore".into(), file.display().to_string(), "--force".into()]
            }
            Input::Keymap(text) => {
                std::fs::write(&file, text).unwrap();
                vec!["keymap".into(), "check".into(), file.display().to_string()]
            }
            Input::Args(args) => args.iter().map(|a| a.to_string()).collect(),
        };
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = chibo(&data, &argv);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let says = case.says.replace("{f}", &file.display().to_string());
        if out.status.code() != Some(case.code) {
            failures.push(format!("{}: exit {:?}; stderr: {stderr}", case.name, out.status.code()));
        }
        if !stderr.contains(&says) {
            failures.push(format!("{}: expected\n  {says}\nin\n  {stderr}", case.name));
        }
        if snapshot(&data) != before {
            failures.push(format!("{}: the data changed", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
