//! The catalogue of bad input: each case is what a user might feed chibo, the exact
//! message they see, and proof that nothing changed.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;

use common::{FIXTURE, chibo};

/// Everything the data holds, as the JSON backup (less its time stamp).
fn snapshot(data: &Path) -> String {
    let out = chibo(
        data,
        &["backup", data.join("snapshot.json").to_str().unwrap()],
    );
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
    /// A file given to `import members`, then more arguments.
    RosterWith(&'static [u8], &'static [&'static str]),
    /// A file given to `restore`, made from a real backup by the function.
    Backup(fn(String) -> String),
    /// A file given to `keymap check`.
    Keymap(&'static str),
    /// Plain arguments.
    Args(&'static [&'static str]),
}

/// A backup with its member records edited.
fn edit_members(backup: String, edit: fn(&mut Vec<&mut serde_json::Value>)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&backup).unwrap();
    let mut members: Vec<&mut serde_json::Value> = v["trees"]["members"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .collect();
    edit(&mut members);
    serde_json::to_string_pretty(&v).unwrap()
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
            "a NUL byte in a roster",
            Roster("ho,ten\nLê,An\nTrần,B\0nh\n".as_bytes()),
            1,
            "{f}: dòng 3: có ký tự NUL (byte 0): tệp hỏng hoặc không phải văn bản CSV",
        ),
        c(
            "a UTF-16 roster",
            Roster(b"\xff\xfeh\0o\0,\0t\0e\0n\0\n\0L\0e\0,\0A\0n\0\n\0"),
            1,
            "{f}: tệp được lưu dạng UTF-16 (UTF-16 LE), không phải UTF-8 — hãy lưu lại dạng \"CSV UTF-8\"",
        ),
        c(
            "a UTF-16 roster without a byte order mark",
            Roster(b"\0h\0o\0,\0t\0e\0n\0\n\0L\0e\0,\0A\0n\0\n"),
            1,
            "{f}: tệp được lưu dạng UTF-16 (UTF-16 BE)",
        ),
        c(
            "an unclosed quote",
            Roster("ho,ten,noi_cu_tru\nLê,An,\"12 Lê Lợi, tổ 5\nTrần,Bình,x\n".as_bytes()),
            1,
            "{f}: dòng 2: dấu ngoặc kép mở ở dòng này không được đóng",
        ),
        c(
            "a cell over 200 characters",
            RosterOwned(format!("ho,ten,ghi_chu\nLê,An,ok\nTrần,Bình,{}\n", "ư".repeat(201)).into_bytes()),
            1,
            "{f}: dòng 3, cột ghi_chu: ô dài 201 ký tự, quá 200 ký tự",
        ),
        c(
            "a card number that lost its leading zero",
            Roster("ho,ten,so_the\nLê,An,1024599\n".as_bytes()),
            1,
            "{f}: dòng 2, cột so_the: số thẻ \"1024599\" chỉ có 7 chữ số, số thẻ đảng viên có 8 (bảng tính đã bỏ số 0 ở đầu?) — hãy ghi 01024599",
        ),
        c(
            "a phone number that lost its leading zero",
            Roster("ho,ten,dien_thoai\nLê,An,957138566\n".as_bytes()),
            1,
            "{f}: dòng 2, cột dien_thoai: số điện thoại \"957138566\" mất số 0 ở đầu (bảng tính coi là số?) — hãy ghi 0957138566",
        ),
        c(
            "a member already in the data, by name and birth date",
            Roster("ho,ten_dem,ten,ngay_sinh\nNguyễn,Văn,Hùng,12/03/1958\n".as_bytes()),
            1,
            "{f}: dòng 2: Nguyễn Văn Hùng (12/03/1958) đã có trong dữ liệu — dùng --update để cập nhật",
        ),
        c(
            "an update with two rows for one member",
            RosterWith(
                "ho,ten_dem,ten,so_the,dien_thoai\nNguyễn,Văn,Hùng,01024587,0903000001\nNguyễn,Văn,Hùng,01024587,0903000002\n"
                    .as_bytes(),
                &["--update"],
            ),
            1,
            "{f}: dòng 3: Nguyễn Văn Hùng đã được cập nhật ở dòng 2",
        ),
        c(
            "an update whose card and name are two members",
            RosterWith(
                "ho,ten_dem,ten,ngay_sinh,so_the\nNguyễn,Văn,Hùng,12/03/1958,01098765\n".as_bytes(),
                &["--update"],
            ),
            1,
            "{f}: dòng 2, cột so_the: số thẻ 01098765 là của Trần Thị Mai, còn họ tên và ngày sinh là của Nguyễn Văn Hùng (12/03/1958)",
        ),
        c(
            "an update giving one member another's card number",
            RosterWith(
                "ho,ten_dem,ten,so_the\nNguyễn,Văn,Hùng,01024587\nTrần,Thị,Mai,01024587\n".as_bytes(),
                &["--update"],
            ),
            1,
            "{f}: dòng 3: Nguyễn Văn Hùng đã được cập nhật ở dòng 2",
        ),
        c(
            "an update with an invalid row among good ones",
            RosterWith(
                "ho,ten_dem,ten,so_the,dien_thoai,ngay_sinh\nNguyễn,Văn,Hùng,01024587,0903000001,\nLê,,An,,,30/02/1990\n"
                    .as_bytes(),
                &["--update"],
            ),
            1,
            "{f}: dòng 3, cột ngay_sinh: ngày \"30/02/1990\" không hợp lệ",
        ),
        c(
            "a sheet asked of a CSV",
            RosterWith(b"ho,ten\nLe,An\n", &["--sheet", "Sheet1"]),
            1,
            "{f}: --sheet chỉ dùng cho tệp .xlsx",
        ),
        c(
            "a damaged workbook",
            Roster(b"PK\x03\x04not really a workbook"),
            1,
            "{f}: không đọc được bảng tính:",
        ),
        c(
            "a device given as the roster",
            Args(&["import", "members", "/dev/zero"]),
            1,
            "chibo: /dev/zero: không phải tệp thường (thiết bị, ống dẫn?); hãy chỉ một tệp .csv, .xlsx hoặc .json",
        ),
        c(
            "a folder given as the roster",
            Args(&["import", "members", "/"]),
            1,
            "chibo: không đọc được /: Is a directory",
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
            "backup with a duplicate card number",
            Backup(|b| {
                edit_members(b, |m| {
                    m[1]["card_number"] = m[0]["card_number"].clone();
                })
            }),
            1,
            "{f}: a record in members is damaged: card number ",
        ),
        c(
            "backup with a field of the wrong type",
            Backup(|b| edit_members(b, |m| m[0]["given_name"] = serde_json::json!(5))),
            1,
            "{f}: a record in members is damaged: record ",
        ),
        c(
            "backup with a missing field",
            Backup(|b| {
                edit_members(b, |m| {
                    m[0].as_object_mut().unwrap().remove("family_name");
                })
            }),
            1,
            "missing field `family_name`",
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
            "{f}:2:5: [global] the action \"quit\" would have no key left",
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
            "chibo: thiếu <FILE>\nCách dùng: chibo import members",
        ),
    ]
}

#[test]
fn every_bad_input_is_answered_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", FIXTURE])
            .status
            .success()
    );
    assert!(chibo(&data, &["backup"]).status.success());
    let good_backup = std::fs::read_to_string(tmp.path().join("good.json")).unwrap_or_else(|_| {
        assert!(
            chibo(
                &data,
                &["backup", tmp.path().join("good.json").to_str().unwrap()]
            )
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
                vec![
                    "import".into(),
                    "members".into(),
                    file.display().to_string(),
                ]
            }
            Input::RosterOwned(bytes) => {
                std::fs::write(&file, bytes).unwrap();
                vec![
                    "import".into(),
                    "members".into(),
                    file.display().to_string(),
                ]
            }
            Input::RosterWith(bytes, more) => {
                std::fs::write(&file, bytes).unwrap();
                let mut args = vec![
                    "import".into(),
                    "members".into(),
                    file.display().to_string(),
                ];
                args.extend(more.iter().map(|a| a.to_string()));
                args
            }
            Input::Backup(make) => {
                std::fs::write(&file, make(good_backup.clone())).unwrap();
                vec![
                    "restore".into(),
                    file.display().to_string(),
                    "--force".into(),
                ]
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
            failures.push(format!(
                "{}: exit {:?}; stderr: {stderr}",
                case.name,
                out.status.code()
            ));
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

/// Every file and folder under `dir` with its kind, mode and content: proof that
/// nothing outside the data changed.
#[cfg(unix)]
fn tree_state(dir: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        let kind = meta.file_type();
        let what = if kind.is_symlink() {
            format!("link to {}", std::fs::read_link(&p).unwrap().display())
        } else if kind.is_file() {
            format!("{:?}", std::fs::read(&p).unwrap())
        } else if kind.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(&p)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            stack.extend(entries);
            "folder".into()
        } else {
            "special".into()
        };
        out.push(format!(
            "{} {:o} {what}",
            p.display(),
            meta.permissions().mode() & 0o7777
        ));
    }
    out
}

/// The commands that only read, pointed at a folder that does not exist: one line,
/// exit 1, and the folder is not made.
#[test]
fn read_only_commands_on_a_missing_folder_say_so_and_make_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("typo");
    for args in [
        &["report", "overdue"][..],
        &["check"],
        &["export", "members"],
        &["export", "minutes", "2026-11"],
        &["backup"],
        &["backup", "--list"],
    ] {
        let out = chibo(&typo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "chibo: Không có dữ liệu chibo ở {} (kiểm tra lại --data-dir).\n",
                typo.display()
            ),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!typo.exists(), "{args:?} made the folder");
    }
}

/// A folder with other files in it is never adopted, and chibo changes no mode in it;
/// a folder chibo makes, and its parents, are owner-only.
#[cfg(unix)]
#[test]
fn a_folder_that_is_not_chibos_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("notes.txt"), "thư riêng").unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        home.join("notes.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let before = tree_state(tmp.path());
    let tmp_mode = std::fs::metadata(tmp.path()).unwrap().permissions().mode();
    for args in [
        &["demo"][..],
        &["import", "members", common::FIXTURE],
        &["check"],
        &["restore", "--latest"],
    ] {
        let out = chibo(&home, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.ends_with(&format!(
                "chibo: {} đã chứa tệp khác và không phải thư mục dữ liệu của chibo; hãy chọn một thư mục trống.\n",
                home.display()
            )) || err.contains("không có bản sao lưu dùng được"),
            "{args:?}: {err}"
        );
        assert_eq!(
            tree_state(tmp.path()),
            before,
            "{args:?} changed files outside"
        );
    }
    // a new folder deep down: every folder chibo made is 0700
    let deep = tmp.path().join("a/b/c");
    assert!(
        chibo(&deep, &["demo", "--members", "5", "--years", "1"])
            .status
            .success()
    );
    for p in [
        tmp.path().join("a"),
        tmp.path().join("a/b"),
        deep.clone(),
        deep.join("backups"),
    ] {
        if p.exists() {
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o700,
                "{p:?}"
            );
        }
    }
    assert_eq!(
        std::fs::metadata(tmp.path()).unwrap().permissions().mode(),
        tmp_mode,
        "the folder above, not made by chibo, is untouched"
    );
}

/// `--out` onto anything but a regular file or a new path is refused in one line, and
/// what was there is left as it was; `-` is standard output.
#[cfg(unix)]
#[test]
fn out_onto_a_device_a_link_a_pipe_or_a_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", common::FIXTURE])
            .status
            .success()
    );
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("target.txt"), "giữ nguyên").unwrap();
    std::os::unix::fs::symlink(outside.join("target.txt"), outside.join("link.csv")).unwrap();
    std::os::unix::fs::symlink(outside.join("nowhere"), outside.join("dangling.csv")).unwrap();
    std::fs::create_dir(outside.join("folder.csv")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(outside.join("pipe.csv"))
            .status()
            .unwrap()
            .success()
    );
    let mut targets = vec!["link.csv", "dangling.csv", "folder.csv", "pipe.csv"];
    // a device node of our own, in the temporary folder (root only)
    let made_device = std::process::Command::new("mknod")
        .arg(outside.join("null.csv"))
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if made_device {
        targets.push("null.csv");
    }
    let before = tree_state(&outside);
    for name in targets {
        let target = outside.join(name);
        for args in [
            &["export", "members", "--out", target.to_str().unwrap()][..],
            &["backup", target.to_str().unwrap()],
        ] {
            let out = chibo(&data, args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!(
                    "chibo: {} không phải tệp thường (thiết bị, liên kết hoặc thư mục); không ghi gì.\n",
                    target.display()
                ),
                "{args:?}"
            );
            assert_eq!(
                tree_state(&outside),
                before,
                "{args:?} changed files outside"
            );
        }
    }
    let out = chibo(&data, &["export", "members", "--out", "-"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ho,"));
    // a regular file is replaced, owner-only, and no temporary file is left beside it
    let file = outside.join("target.txt");
    assert!(
        chibo(
            &data,
            &["export", "members", "--out", file.to_str().unwrap()]
        )
        .status
        .success()
    );
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("ho,"));
    assert!(!std::fs::read_dir(&outside).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains("chibo-tmp")
    }));
}

/// `backups/` as a link: chibo does not write through it, nor list it.
#[cfg(unix)]
#[test]
fn a_backups_folder_that_is_a_link_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", common::FIXTURE])
            .status
            .success()
    );
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join("backups")).unwrap();
    let before = snapshot(&data);
    for args in [
        &["backup"][..],
        &["backup", "--list"],
        &["restore", "--latest", "--force"],
    ] {
        let out = chibo(&data, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "chibo: {} là một liên kết; chibo không ghi qua liên kết.\n",
                data.join("backups").display()
            ),
            "{args:?}"
        );
        assert_eq!(
            std::fs::read_dir(&elsewhere).unwrap().count(),
            0,
            "{args:?} wrote through the link"
        );
    }
    assert_eq!(snapshot(&data), before);
}

/// `CHIBO_TODAY` that is not a date is an error, not a silent fall-back to the real date.
#[test]
fn a_chibo_today_that_is_not_a_date_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", common::FIXTURE])
            .status
            .success()
    );
    let before = snapshot(&data);
    for bad in ["2026-13-01", "hôm nay", "22/11/2026x", ""] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_chibo"))
            .args(["backup"])
            .env("CHIBO_DATA_DIR", &data)
            .env("CHIBO_CONFIG_DIR", data.join("no-config"))
            .env("CHIBO_TODAY", bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("chibo: CHIBO_TODAY=\"{bad}\" không phải ngày (YYYY-MM-DD)\n"),
        );
    }
    assert_eq!(snapshot(&data), before);
    assert!(
        !data.join("backups").exists(),
        "no backup was taken on a bad date"
    );
}

/// The data open in another process whose `chibo.lock` was deleted: "open in another
/// window", never "damaged", and restore moves nothing.
#[test]
fn data_locked_by_another_process_is_never_taken_for_damaged() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", common::FIXTURE])
            .status
            .success()
    );
    assert!(chibo(&data, &["backup"]).status.success());
    let held = chibo::store::SledStore::open(&data).unwrap();
    std::fs::remove_file(data.join("chibo.lock")).unwrap();
    let in_use = format!(
        "chibo: Dữ liệu ở {} đang được mở trong một cửa sổ chibo khác.\n",
        data.display()
    );
    for args in [
        &["check"][..],
        &["restore", "--latest", "--force"],
        &["demo", "--force"],
    ] {
        let out = chibo(&data, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), in_use, "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("backtrace"));
        let names: Vec<String> = std::fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with("db.")),
            "{args:?} moved the database: {names:?}"
        );
    }
    assert_eq!(
        chibo::store::Records::members(&held).unwrap().len(),
        28,
        "the open data is intact"
    );
    drop(held);
    assert!(chibo(&data, &["check"]).status.success());
}

/// A reader that stops after the first line (`| head -1`): chibo ends quietly.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::BufRead;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert!(
        chibo(&data, &["import", "members", common::FIXTURE])
            .status
            .success()
    );
    for args in [
        &["check"][..],
        &["keymap", "show"],
        &["export", "members"],
        &["report", "coverage"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chibo"))
            .args(args)
            .env("CHIBO_DATA_DIR", &data)
            .env("CHIBO_CONFIG_DIR", data.join("no-config"))
            .env("CHIBO_TODAY", "2026-11-22")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // the pipe is closed here, before chibo has written everything
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

/// A roster refused, a backup refused: no data folder is made for them.
#[test]
fn refused_files_make_no_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("new");
    let roster = tmp.path().join("bad.csv");
    std::fs::write(&roster, "ho,ten,ngay_sinh\nLê,An,31/02/1980\n").unwrap();
    let backup = tmp.path().join("bad.json");
    std::fs::write(&backup, "{\"hello\": 1}").unwrap();
    for args in [
        &["import", "members", roster.to_str().unwrap()][..],
        &["restore", backup.to_str().unwrap()],
        &["restore", "--latest"],
    ] {
        let out = chibo(&data, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .map(|l| l.starts_with("chibo: ")),
            Some(true),
            "{args:?}"
        );
        assert!(!data.exists(), "{args:?} made the folder");
    }
}
