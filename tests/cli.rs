//! The command line as scripts use it: the real binary against a temporary data dir.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::process::Command;

use common::{FIXTURE, chibo};

fn ok(data: &Path, args: &[&str]) -> String {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "chibo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &Path, args: &[&str], code: i32) -> String {
    let out = chibo(data, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "chibo {args:?}: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn export_import_export_is_byte_identical_for_csv_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    assert_eq!(
        ok(&a, &["import", "members", FIXTURE]),
        "đã nhập 28 đảng viên\n"
    );
    let csv1 = ok(&a, &["export", "members"]);
    let json1 = ok(&a, &["export", "members", "--format", "json"]);
    // the CSV is in roster order: Anh, Ánh, Bảo, ...
    let second_line = csv1.lines().nth(1).unwrap();
    assert!(
        second_line.starts_with("Vũ,Hoàng,Anh,Nam,28/02/1993"),
        "{second_line}"
    );
    let out = tmp.path().join("roster.csv");
    ok(&a, &["export", "members", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), csv1);

    ok(&b, &["import", "members", out.to_str().unwrap()]);
    assert_eq!(ok(&b, &["export", "members"]), csv1);
    assert_eq!(ok(&b, &["export", "members", "--format", "json"]), json1);

    // JSON carries every field and imports as well
    let c = tmp.path().join("c");
    let json_file = tmp.path().join("roster.json");
    std::fs::write(&json_file, &json1).unwrap();
    ok(&c, &["import", "members", json_file.to_str().unwrap()]);
    assert_eq!(ok(&c, &["export", "members", "--format", "json"]), json1);
}

#[test]
fn a_bad_csv_lists_every_bad_line_and_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bad.csv");
    std::fs::write(
        &file,
        "ho;ten;ngay_sinh;ngay_vao_dang;ngay_chinh_thuc\r\nLê;Tuấn;31/02/1980;;\r\nTrần;Mai;01/01/1970;01/01/2000;01/01/1999\r\nPhạm;Hà;01/01/1965;;\r\n",
    )
    .unwrap();
    let data = tmp.path().join("data");
    let err = fails(&data, &["import", "members", file.to_str().unwrap()], 1);
    let f = file.display();
    assert_eq!(
        err,
        format!(
            "{f}: dòng 2, cột ngay_sinh: ngày \"31/02/1980\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)\n\
             {f}: dòng 3, cột ngay_chinh_thuc: ngày chính thức trước ngày vào Đảng\n\
             chibo: không nhập gì: 2 lỗi trong {f}\n"
        )
    );
    assert!(
        !data.exists(),
        "nothing imported: not even a data folder made"
    );
}

#[test]
fn windows_1258_bytes_are_refused_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("cp1258.csv");
    // "Trần" in Windows-1258: T r \xe2 \xde n
    std::fs::write(&file, b"ho,ten\nTr\xe2\xden,Mai\n").unwrap();
    let err = fails(
        &tmp.path().join("data"),
        &["import", "members", file.to_str().unwrap()],
        1,
    );
    assert!(
        err.contains("không phải UTF-8") && err.contains("CSV UTF-8"),
        "{err}"
    );
}

#[test]
fn dry_run_checks_without_importing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(tmp.path(), &["import", "members", FIXTURE, "--dry-run"]);
    assert_eq!(
        out,
        "kiểm tra xong: 28 đảng viên hợp lệ, chưa nhập (--dry-run)\n"
    );
    assert!(ok(tmp.path(), &["check"]).contains("đảng viên: 0 "));
}

#[test]
fn importing_the_same_roster_twice_is_refused_once_a_row() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["import", "members", FIXTURE]);
    let err = fails(tmp.path(), &["import", "members", FIXTURE], 1);
    assert!(
        err.contains(&format!(
            "{FIXTURE}: dòng 2, cột so_the: số thẻ 01024587 của Nguyễn Văn Hùng đã có trong dữ liệu — dùng --update để cập nhật\n"
        )),
        "{err}"
    );
    // 28 rows, 28 lines, each row once, and the summary
    assert_eq!(err.lines().count(), 29, "{err}");
    assert!(
        err.ends_with(&format!("chibo: không nhập gì: 28 lỗi trong {FIXTURE}\n")),
        "{err}"
    );
    assert!(ok(tmp.path(), &["check"]).contains("đảng viên: 28 "));
}

#[test]
fn formula_cells_are_guarded_in_the_csv_and_read_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let file = tmp.path().join("in.csv");
    std::fs::write(
        &file,
        "ho,ten,dien_thoai,noi_cu_tru,ghi_chu,don_vi_cong_tac\n\
         Lê,An,+84903111222,\"=HYPERLINK(\"\"http://x.example\"\",\"\"bấm\"\")\",@SUM(A1),-1\n\
         Trần,Bình,0903111333,'=đã có dấu nháy,'Tổ 3,\n",
    )
    .unwrap();
    ok(&a, &["import", "members", file.to_str().unwrap()]);
    let csv = ok(&a, &["export", "members"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[1].starts_with(
            "Lê,,An,,,,,,,dự bị,'+84903111222,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"bấm\"\")\",'@SUM(A1),'-1,"
        ),
        "{}",
        lines[1]
    );
    // a quote before a formula reads as the guard; one before ordinary text is the
    // text's own, and written doubled so that it reads back
    assert!(
        lines[2].contains(",'=đã có dấu nháy,''Tổ 3,"),
        "{}",
        lines[2]
    );
    // the spreadsheet never sees a cell starting a formula
    for cell in csv.split([',', '\n']) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
    let out = tmp.path().join("roster.csv");
    std::fs::write(&out, &csv).unwrap();
    ok(&b, &["import", "members", out.to_str().unwrap()]);
    assert_eq!(ok(&b, &["export", "members"]), csv);
    let json = ok(&b, &["export", "members", "--format", "json"]);
    assert!(
        json.contains("\"notes\": \"@SUM(A1)\"") && json.contains("\"phone\": \"+84903111222\""),
        "{json}"
    );
    assert!(
        json.contains("\"residence\": \"=đã có dấu nháy\"")
            && json.contains("\"notes\": \"'Tổ 3\""),
        "{json}"
    );
}

#[test]
fn the_status_history_survives_csv_and_xlsx_round_trips() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    ok(&a, &["demo", "--members", "60", "--seed", "3"]);
    let json = ok(&a, &["export", "members", "--format", "json"]);
    assert!(json.contains("\"to\": \"deceased\"") && json.contains("\"to\": \"exempt\""));
    for format in ["csv", "xlsx"] {
        let file = tmp.path().join(format!("roster.{format}"));
        ok(
            &a,
            &[
                "export",
                "members",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        );
        let b = tmp.path().join(format!("from-{format}"));
        assert_eq!(
            ok(&b, &["import", "members", file.to_str().unwrap()]),
            "đã nhập 60 đảng viên\n"
        );
        assert_eq!(
            ok(&b, &["export", "members", "--format", "json"]),
            json,
            "{format}"
        );
    }
}

#[test]
fn an_xlsx_exported_by_chibo_imports_back_to_the_same_roster() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(&a, &["import", "members", FIXTURE]);
    ok(&a, &["demo", "--force"]);
    let file = tmp.path().join("roster.xlsx");
    ok(
        &a,
        &[
            "export",
            "members",
            "--format",
            "xlsx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    ok(&b, &["import", "members", file.to_str().unwrap()]);
    assert_eq!(
        ok(&b, &["export", "members", "--format", "json"]),
        ok(&a, &["export", "members", "--format", "json"])
    );
    assert_eq!(
        ok(&b, &["export", "members"]),
        ok(&a, &["export", "members"])
    );
    // the sheet by name, and a name that is not there
    ok(
        &tmp.path().join("c"),
        &[
            "import",
            "members",
            file.to_str().unwrap(),
            "--sheet",
            "Đảng viên",
        ],
    );
    let err = fails(
        &tmp.path().join("d"),
        &[
            "import",
            "members",
            file.to_str().unwrap(),
            "--sheet",
            "Tờ 2",
        ],
        1,
    );
    assert!(
        err.contains("không có trang \"Tờ 2\" (các trang: Đảng viên)"),
        "{err}"
    );
}

#[test]
fn an_update_shows_what_would_change_then_changes_only_that() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    ok(data, &["import", "members", FIXTURE]);
    let before = ok(data, &["export", "members", "--format", "json"]);
    // chibo's own export imports over itself as no change at all
    let csv = tmp.path().join("same.csv");
    ok(data, &["export", "members", "--out", csv.to_str().unwrap()]);
    assert_eq!(
        ok(
            data,
            &["import", "members", "--update", csv.to_str().unwrap()]
        ),
        "0 thêm, 0 sửa, 28 không đổi\n"
    );
    let file = tmp.path().join("changes.csv");
    std::fs::write(
        &file,
        "ho,ten_dem,ten,ngay_sinh,so_the,dien_thoai,trang_thai\n\
         Nguyễn,Văn,Hùng,12/03/1958,01024587,0903999999,chính thức\n\
         Trần,Thị,Mai,02/09/1972,,0912333444,từ trần\n\
         Đinh,Văn,Mới,01/01/1990,,,dự bị\n",
    )
    .unwrap();
    let shown = "thêm: Đinh Văn Mới (dòng 4)\n\
                 sửa: Nguyễn Văn Hùng (dòng 2): dien_thoai \"0903111222\" → \"0903999999\"\n\
                 sửa: Trần Thị Mai (dòng 3): trang_thai \"chính thức\" → \"từ trần\"\n\
                 sửa: Trần Thị Mai (dòng 3): qua_trinh_trang_thai \"\" → \"22/11/2026: đang sinh hoạt → từ trần; cập nhật từ tệp\"\n\
                 1 thêm, 2 sửa, 0 không đổi\n";
    let dry = ok(
        data,
        &[
            "import",
            "members",
            "--update",
            "--dry-run",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(dry, format!("{shown}(--dry-run: chưa ghi gì)\n"));
    assert_eq!(ok(data, &["export", "members", "--format", "json"]), before);
    let audit = |data: &Path| -> usize {
        let check = ok(data, &["check"]);
        let line = check
            .lines()
            .find(|l| l.starts_with("nhật ký: "))
            .unwrap()
            .to_string();
        line["nhật ký: ".len()..].parse().unwrap()
    };
    let logged = audit(data);
    assert_eq!(
        ok(
            data,
            &["import", "members", "--update", file.to_str().unwrap()]
        ),
        shown
    );
    // the import, and each member it changed, in the audit trail
    assert_eq!(audit(data), logged + 3);
    let after = ok(data, &["export", "members", "--format", "json"]);
    assert!(after.contains("\"phone\": \"0903999999\""));
    assert!(ok(data, &["check"]).contains("đảng viên: 29 (trong danh sách 28)"));
    // the rest of each record, and everyone else, is as it was
    let parse = |json: &str| -> Vec<serde_json::Value> { serde_json::from_str(json).unwrap() };
    let (old, mut new) = (parse(&before), parse(&after));
    new.retain(|m| m["given_name"] != "Mới");
    assert_eq!(old.len(), new.len());
    for (o, n) in old.iter().zip(&new) {
        let mut expected = o.clone();
        match o["card_number"].as_str() {
            Some("01024587") => expected["phone"] = "0903999999".into(),
            Some("01098765") => {
                expected["activity"] = "deceased".into();
                expected["history"] = serde_json::json!([
                    {"date": "2026-11-22", "from": "active", "to": "deceased", "reason": "cập nhật từ tệp"}
                ]);
            }
            _ => {}
        }
        assert_eq!(n, &expected);
    }
    // the same file again: nothing left to change but the new member, who is now there
    assert_eq!(
        ok(
            data,
            &["import", "members", "--update", file.to_str().unwrap()]
        ),
        "0 thêm, 0 sửa, 3 không đổi\n"
    );
}

#[test]
fn backup_and_restore_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    ok(&a, &["demo", "--members", "30", "--seed", "4"]);
    let backup = tmp.path().join("b.json");
    ok(&a, &["backup", backup.to_str().unwrap()]);
    let b = tmp.path().join("b");
    let out = ok(&b, &["restore", backup.to_str().unwrap()]);
    assert!(out.starts_with("đã khôi phục "), "{out}");
    assert_eq!(
        ok(&b, &["export", "members", "--format", "json"]),
        ok(&a, &["export", "members", "--format", "json"])
    );
    assert_eq!(
        ok(&b, &["check"]).lines().nth(2),
        Some("Chi bộ Khu phố 3 · chi bộ mẫu (demo)"),
        "the restored branch is the demo branch still"
    );

    // restoring over data needs --force, and backs the old data up first
    let err = fails(&b, &["restore", backup.to_str().unwrap()], 1);
    assert!(err.contains("không trống; dùng --force"), "{err}");
    let out = chibo(&b, &["restore", backup.to_str().unwrap(), "--force"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("đã sao lưu dữ liệu hiện tại vào"));
    assert_eq!(std::fs::read_dir(b.join("backups")).unwrap().count(), 1);

    // a new member after a restore gets a fresh id, not one of the restored ones
    ok(&b, &["import", "members", FIXTURE]);
    assert!(ok(&b, &["check"]).contains("đảng viên: 58 "));
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    ok(&a, &["demo", "--members", "12"]);
    let backup = tmp.path().join("b.json");
    ok(&a, &["backup", backup.to_str().unwrap()]);
    let text = std::fs::read_to_string(&backup).unwrap();
    let truncated = tmp.path().join("t.json");
    std::fs::write(&truncated, &text.as_bytes()[..text.len() / 2]).unwrap();
    let b = tmp.path().join("b");
    let err = fails(&b, &["restore", truncated.to_str().unwrap()], 1);
    assert!(err.contains("not a chibo backup"), "{err}");
    let edited = tmp.path().join("e.json");
    std::fs::write(&edited, text.replace("\"members\": 12", "\"members\": 13")).unwrap();
    let err = fails(&b, &["restore", edited.to_str().unwrap()], 1);
    assert!(
        err.contains("members should hold 13 records but holds 12"),
        "{err}"
    );
    assert!(
        !b.exists(),
        "a refused restore does not even make the data folder"
    );
}

#[test]
fn demo_is_the_same_for_the_same_seed_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    ok(&a, &["demo", "--seed", "9"]);
    ok(&b, &["demo", "--seed", "9"]);
    assert_eq!(
        ok(&a, &["export", "members"]),
        ok(&b, &["export", "members"])
    );
    let err = fails(&a, &["demo"], 1);
    assert!(err.contains("không trống; dùng --force"), "{err}");
    ok(&a, &["demo", "--force", "--members", "10"]);
    assert!(ok(&a, &["check"]).contains("đảng viên: 10 "));
}

#[test]
fn a_second_chibo_on_the_same_data_gets_one_clear_line() {
    let tmp = tempfile::tempdir().unwrap();
    let _held = chibo::store::SledStore::open(tmp.path()).unwrap();
    let err = fails(tmp.path(), &["check"], 1);
    assert_eq!(
        err,
        format!(
            "chibo: Dữ liệu ở {} đang được mở trong một cửa sổ chibo khác.\n",
            tmp.path().display()
        )
    );
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(["--lang", "en", "check"])
        .env("CHIBO_DATA_DIR", tmp.path())
        .env("CHIBO_CONFIG_DIR", tmp.path().join("cfg"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "chibo: The data in {} is open in another chibo window.\n",
            tmp.path().display()
        )
    );
}

#[test]
fn data_written_by_a_newer_chibo_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    {
        use chibo::store::{Batch, Store, Tree};
        let store = chibo::store::SledStore::open(tmp.path()).unwrap();
        let mut b = Batch::default();
        b.put(Tree::Meta, b"schema_version".to_vec(), b"2".to_vec());
        store.apply(b).unwrap();
    }
    let err = fails(tmp.path(), &["check"], 1);
    assert!(err.contains("phiên bản chibo mới hơn (lược đồ 2)"), "{err}");
}

#[cfg(unix)]
#[test]
fn data_directory_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "5"]);
    ok(&data, &["backup"]);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    let mut files = 0;
    let mut stack = vec![data.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                assert_eq!(mode(&p), 0o700, "{}", p.display());
                stack.push(p);
            } else {
                assert_eq!(mode(&p), 0o600, "{}", p.display());
                files += 1;
            }
        }
    }
    assert!(files >= 3);
}

#[test]
fn keymap_check_reports_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("keymap.toml");
    std::fs::write(&file, "[roster]\nn = \"new\"\nx = \"explode\"\n").unwrap();
    let err = fails(tmp.path(), &["keymap", "check", file.to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "{0}:3:5: unknown action \"explode\"\nchibo: 1 lỗi trong {0}\n",
            file.display()
        )
    );
    std::fs::write(&file, "[roster]\ninsert = \"new\"\n").unwrap();
    assert!(
        ok(tmp.path(), &["keymap", "check", file.to_str().unwrap()]).ends_with("hợp lệ / valid\n")
    );
    let shown = ok(tmp.path(), &["keymap", "show"]);
    assert!(
        shown.contains("\"?\"") && shown.contains("= \"help\""),
        "{shown}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    fails(tmp.path(), &["export", "members", "--format", "xls"], 2);
    fails(tmp.path(), &["frobnicate"], 2);
}

#[test]
fn without_a_terminal_the_application_says_so_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .env("CHIBO_DATA_DIR", tmp.path())
        .env("CHIBO_CONFIG_DIR", tmp.path().join("cfg"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn export_minutes_by_month_or_id() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--members", "20", "--years", "1"]);
    let md = ok(tmp.path(), &["export", "minutes", "2026-10"]);
    assert!(
        md.contains("## BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 10/2026"),
        "{md}"
    );
    assert!(md.contains("| THƯ KÝ | CHỦ TRÌ |"));
    let out = tmp.path().join("bb.txt");
    ok(
        tmp.path(),
        &[
            "export",
            "minutes",
            "2026-09",
            "--format",
            "txt",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let txt = std::fs::read_to_string(&out).unwrap();
    assert!(
        txt.contains("BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ VÀ CHUYÊN ĐỀ THÁNG 09/2026"),
        "{txt}"
    );
    assert!(txt.contains("I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP"));
    let err = fails(tmp.path(), &["export", "minutes", "2019-01"], 1);
    assert_eq!(
        err,
        "chibo: không có cuộc họp \"2019-01\" (mã số, hoặc YYYY-MM cho cuộc họp thường kỳ của tháng)\n"
    );
    fails(
        tmp.path(),
        &["export", "minutes", "2026-10", "--format", "odt"],
        2,
    );
}

#[test]
fn reports_and_the_resolution_export() {
    let tmp = tempfile::tempdir().unwrap();
    ok(
        tmp.path(),
        &["demo", "--members", "25", "--years", "1", "--seed", "3"],
    );
    let json = ok(tmp.path(), &["report", "overdue", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["report"], "overdue");
    assert_eq!(v["as_of"], "2026-11-22");
    for item in v["items"].as_array().unwrap() {
        assert_eq!(item["overdue"], true);
        assert!(item["days_overdue"].as_i64().unwrap() > 0);
        assert!(item["due"].as_str().unwrap() < "2026-11-22");
    }
    let csv = ok(
        tmp.path(),
        &[
            "report", "followup", "--month", "2026-11", "--format", "csv",
        ],
    );
    assert!(
        csv.starts_with(
            "nhom,nghi_quyet,noi_dung,chu_tri,han,han_ban_dau,tinh_trang,so_ngay_qua_han,ghi_chu_moi_nhat\n"
        )
    );
    let txt = ok(tmp.path(), &["report", "followup"]);
    assert!(
        txt.contains("THEO DÕI THỰC HIỆN NGHỊ QUYẾT THÁNG 11/2026 (tính đến 22/11/2026)"),
        "{txt}"
    );
    fails(tmp.path(), &["report", "followup", "--month", "2026-13"], 1);
    fails(tmp.path(), &["report", "everything"], 2);

    let doc = ok(
        tmp.path(),
        &["export", "resolution", "10-NQ/CB", "--format", "txt"],
    );
    assert!(
        doc.contains("NGHỊ QUYẾT") && doc.contains("Số 10-NQ/CB"),
        "{doc}"
    );
    assert!(doc.contains("II. NHIỆM VỤ, GIẢI PHÁP"));
    assert!(doc.contains("T/M CHI BỘ"));
    let err = fails(tmp.path(), &["export", "resolution", "99-NQ/CB"], 1);
    assert!(err.contains("không có nghị quyết \"99-NQ/CB\""), "{err}");
}

#[test]
fn coverage_and_attendance_reports() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--members", "30", "--years", "1"]);
    let v: serde_json::Value =
        serde_json::from_str(&ok(tmp.path(), &["report", "coverage", "--format", "json"])).unwrap();
    assert_eq!(v["report"], "coverage");
    let members = v["members"].as_array().unwrap();
    let unassigned = v["unassigned"].as_u64().unwrap() as usize;
    assert!(unassigned > 0, "the demo leaves a few members unassigned");
    // unassigned first
    assert!(members[..unassigned].iter().all(|m| m["open"] == 0));
    assert!(
        members[unassigned..]
            .iter()
            .all(|m| m["open"].as_u64().unwrap() > 0)
    );
    let text = ok(tmp.path(), &["report", "coverage"]);
    assert!(
        text.contains(&format!(
            "{unassigned} đồng chí chưa được phân công nhiệm vụ."
        )),
        "{text}"
    );

    let v: serde_json::Value = serde_json::from_str(&ok(
        tmp.path(),
        &["report", "attendance", "--year", "2026", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(v["year"], 2026);
    for m in v["members"].as_array().unwrap() {
        let (held, attended, excused, absent) = (
            m["meetings"].as_u64().unwrap(),
            m["attended"].as_u64().unwrap(),
            m["excused"].as_u64().unwrap(),
            m["absent"].as_u64().unwrap(),
        );
        assert!(attended + excused + absent <= held);
        let (assigned, on_time, late, not_done, open) = (
            m["tasks_assigned"].as_u64().unwrap(),
            m["tasks_on_time"].as_u64().unwrap(),
            m["tasks_late"].as_u64().unwrap(),
            m["tasks_not_done"].as_u64().unwrap(),
            m["tasks_open"].as_u64().unwrap(),
        );
        // the parts add up, and the percentages follow from them
        assert_eq!(on_time + late + not_done + open, assigned, "{m}");
        if held > 0 {
            assert_eq!(
                m["attendance_percent"],
                (attended * 200 + held) / (held * 2),
                "{m}"
            );
        }
        if on_time + late + not_done > 0 {
            assert!(m["tasks_on_time_percent"].as_u64().unwrap() <= 100);
        }
        assert_eq!(
            m["flagged"],
            m["absent_months"].as_u64().unwrap() >= 3
                || m["unpaid_dues_months"].as_u64().unwrap() >= 3,
            "{m}"
        );
    }
    let text = ok(tmp.path(), &["report", "attendance", "--year", "2026"]);
    assert!(text.contains("%)"), "{text}");
    let csv = ok(tmp.path(), &["report", "attendance", "--format", "csv"]);
    assert!(csv.starts_with("ho_ten,so_ky_hop,du_hop,"));
}

#[test]
fn the_meetings_report_judges_each_meeting_of_the_year() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["demo", "--members", "30", "--years", "1"]);
    let v: serde_json::Value = serde_json::from_str(&ok(
        tmp.path(),
        &["report", "meetings", "--year", "2026", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(v["report"], "meetings");
    let meetings = v["meetings"].as_array().unwrap();
    assert!(!meetings.is_empty(), "the demo holds meetings in 2026");
    let mut dates: Vec<&str> = Vec::new();
    for m in meetings {
        dates.push(m["date"].as_str().unwrap());
        assert!(m["date"].as_str().unwrap().starts_with("2026-"), "{m}");
        assert_ne!(m["kind"], "committee", "{m}");
        let (present, expected) = (
            m["present"].as_u64().unwrap(),
            m["expected"].as_u64().unwrap(),
        );
        assert!(present <= expected, "{m}");
        assert_eq!(
            m["attendance_percent"],
            (present * 200 + expected) / (expected * 2),
            "{m}"
        );
        assert!(m["items_with_lead"].as_u64() <= m["items"].as_u64(), "{m}");
        let minimum = if m["with_thematic"] == true { 120 } else { 90 };
        assert_eq!(m["minimum_minutes"], minimum, "{m}");
        assert_eq!(
            m["long_enough"],
            m["minutes"].as_i64().unwrap() >= minimum,
            "{m}"
        );
    }
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order");
    let quarters = v["quarters"].as_array().unwrap();
    let counted: u64 = quarters
        .iter()
        .map(|q| q["meetings"].as_u64().unwrap())
        .sum();
    assert_eq!(counted as usize, meetings.len());
    let text = ok(tmp.path(), &["report", "meetings"]);
    assert!(
        text.contains("CHẤT LƯỢNG SINH HOẠT CHI BỘ NĂM 2026 (tính đến 22/11/2026)"),
        "{text}"
    );
    assert!(text.contains("II. THEO QUÝ"), "{text}");
    let csv = ok(tmp.path(), &["report", "meetings", "--format", "csv"]);
    assert!(
        csv.starts_with("ngay,loai,du_kien,du_hop,ty_le_du_hop,"),
        "{csv}"
    );
}

#[test]
fn automatic_backups_list_and_restore_latest() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "12", "--years", "1"]);
    let backup = ok(&data, &["backup"]);
    assert!(backup.trim().ends_with(".json"));
    let listed = ok(&data, &["backup", "--list"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("chibo-"));
    // the data breaks: the message says how to get it back, and restore --latest does
    for broken in [Broken::Garbage, Broken::NotAFolder, Broken::Gone] {
        match broken {
            Broken::Garbage => {
                // sled would start afresh over files it cannot read
                for e in std::fs::read_dir(data.join("db")).unwrap() {
                    let p = e.unwrap().path();
                    if p.is_file() {
                        std::fs::write(&p, vec![0xa5u8; 2048]).unwrap();
                    }
                }
            }
            Broken::NotAFolder => {
                std::fs::remove_dir_all(data.join("db")).unwrap();
                std::fs::write(data.join("db"), vec![0xffu8; 4096]).unwrap();
            }
            Broken::Gone => std::fs::remove_dir_all(data.join("db")).unwrap(),
        }
        let err = fails(&data, &["check"], 1);
        assert_eq!(err.lines().count(), 1, "{broken:?}: {err}");
        assert!(
            err.contains("chibo restore --latest --force"),
            "{broken:?}: {err}"
        );
        let out = chibo(&data, &["restore", "--latest", "--force"]);
        assert!(
            out.status.success(),
            "{broken:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            ok(&data, &["check"]).contains("đảng viên: 12 "),
            "{broken:?}"
        );
    }
}

#[derive(Debug, Clone, Copy)]
enum Broken {
    Garbage,
    NotAFolder,
    Gone,
}

/// Converts a workbook's first sheet to CSV with LibreOffice Calc, writing each cell's
/// value rather than its display (dates in the en-US form, so a date that is text
/// would show as it was typed). Fails with the install command when Calc is missing.
fn calc_to_csv(xlsx: &Path, dir: &Path) -> String {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "LibreOffice Calc is needed to check the workbook: apt-get install -y libreoffice-calc-nogui"
    );
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        // , " UTF-8, from line 1, language en-US, "save as shown" off
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,1")
        .arg("--outdir")
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("run soffice");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // named after the file, or after the file and the sheet
    let stem = xlsx.file_stem().unwrap().to_str().unwrap();
    let csv = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(stem) && name.ends_with(".csv")
        })
        .unwrap_or_else(|| panic!("no CSV written: {}", String::from_utf8_lossy(&out.stdout)));
    std::fs::read_to_string(csv).unwrap()
}

#[test]
fn libreoffice_opens_the_roster_workbook_with_dates_as_dates_and_codes_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["import", "members", FIXTURE]);
    ok(&data, &["demo", "--force"]);
    let file = tmp.path().join("roster.xlsx");
    ok(
        &data,
        &[
            "export",
            "members",
            "--format",
            "xlsx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let csv = calc_to_csv(&file, tmp.path());
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap().trim_end_matches(','),
        "DANH SÁCH ĐẢNG VIÊN — Chi bộ Khu phố 3 — ngày 22/11/2026"
    );
    assert_eq!(
        lines.next().unwrap(),
        "Họ,Tên đệm,Tên,Giới tính,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Chức vụ,Trạng thái,Điện thoại,Nơi cư trú,Ghi chú,Đơn vị công tác,Quá trình trạng thái"
    );
    // the same members, in the same order, as the CSV export says
    let ours = ok(&data, &["export", "members"]);
    let (theirs, mine): (Vec<&str>, Vec<&str>) = (lines.collect(), ours.lines().skip(1).collect());
    assert_eq!(theirs.len(), mine.len());
    let mut dates = 0;
    for (calc, chibo) in theirs.iter().zip(&mine) {
        let cells = |l: &str| -> Vec<String> {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(l.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap()
                .iter()
                .map(str::to_string)
                .collect()
        };
        let (calc, chibo) = (cells(calc), cells(chibo));
        for i in 4..=6 {
            // a real date: Calc writes its value in the en-US form, m/d/yyyy
            if !chibo[i].is_empty() {
                let (d, m, y) = (&chibo[i][0..2], &chibo[i][3..5], &chibo[i][6..]);
                let us = format!(
                    "{}/{}/{y}",
                    m.trim_start_matches('0'),
                    d.trim_start_matches('0')
                );
                assert!(
                    calc[i] == us || calc[i] == format!("{m}/{d}/{y}"),
                    "{} vs {}",
                    calc[i],
                    chibo[i]
                );
                dates += 1;
            }
        }
        // card and phone numbers are text: their leading zeros are there
        assert_eq!((&calc[7], &calc[10]), (&chibo[7], &chibo[10]));
        assert_eq!(calc[0..4], chibo[0..4]);
    }
    assert!(dates > 80, "{dates} dates");
}

/// `--help` speaks the interface language: Vietnamese by default, English with
/// `--lang en` or `lang = "en"` in config.toml; every option is described, `--lang`
/// lists its values.
#[test]
fn help_is_in_the_interface_language_and_describes_every_option() {
    let tmp = tempfile::tempdir().unwrap();
    let vi = ok(tmp.path(), &["demo", "--help"]);
    for line in [
        "Tạo một chi bộ mẫu giống thật (dữ liệu minh họa)",
        "Cách dùng: chibo demo [OPTIONS]",
        "Tùy chọn:",
        "--members <MEMBERS>    Số đảng viên của chi bộ mẫu [mặc định: 40]",
        "--years <YEARS>        Số năm sinh hoạt được tạo (cuộc họp, nghị quyết, nhiệm vụ) [mặc định: 5]",
        "--seed <SEED>          Hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu [mặc định: 1]",
        "[giá trị: vi, en]",
        "-h, --help                 In trợ giúp này",
    ] {
        assert!(vi.contains(line), "{line:?} in\n{vi}");
    }
    assert!(
        !vi.contains("Usage") && !vi.contains("Options") && !vi.contains("Print"),
        "{vi}"
    );

    let en = ok(tmp.path(), &["--lang", "en", "demo", "--help"]);
    for line in [
        "Fill the data with a realistic demo branch (sample data)",
        "Usage: chibo demo [OPTIONS]",
        "--members <MEMBERS>    How many members the demo branch has [default: 40]",
        "[possible values: vi, en]",
    ] {
        assert!(en.contains(line), "{line:?} in\n{en}");
    }
    // the positional FILE of import, and --out of a report
    let import = ok(tmp.path(), &["import", "members", "--help"]);
    assert!(
        import.contains("Đối số:\n  <FILE>  Tệp danh sách (.csv, .xlsx hoặc .json)"),
        "{import}"
    );
    let report = ok(tmp.path(), &["report", "--help", "--lang=en"]);
    assert!(
        report.contains("--out <OUT>")
            && report.contains("The file to write (default, or -: standard output)"),
        "{report}"
    );

    // lang = "en" in config.toml, and --lang vi above it
    std::fs::create_dir_all(tmp.path().join("no-config")).unwrap();
    std::fs::write(tmp.path().join("no-config/config.toml"), "lang = \"en\"\n").unwrap();
    let from_config = ok(tmp.path(), &["--help"]);
    assert!(
        from_config.contains("Usage: chibo [OPTIONS] [COMMAND]\n\nCommands:\n  demo "),
        "{from_config}"
    );
    let asked = ok(tmp.path(), &["--lang", "vi", "--help"]);
    assert!(
        asked.contains("Cách dùng: chibo [OPTIONS] [COMMAND]\n\nLệnh:\n  demo "),
        "{asked}"
    );
}

/// The messages and errors of the commands follow the interface language.
#[test]
fn commands_speak_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let made = ok(&data, &["demo", "--members", "8", "--years", "1"]);
    assert_eq!(
        made,
        format!("đã tạo chi bộ mẫu: 8 đảng viên ({})\n", data.display())
    );
    let check = ok(&data, &["--lang", "en", "check"]);
    assert!(
        check.contains("\nmembers: 8 (8 on the roster)\n") && check.ends_with("result: good\n"),
        "{check}"
    );
    let err = fails(&data, &["--lang", "en", "demo"], 1);
    assert_eq!(
        err,
        format!(
            "chibo: the data in {} is not empty; use --force to replace it (the current data is backed up first)\n",
            data.display()
        )
    );
    let err = fails(
        &data,
        &["--lang", "en", "report", "followup", "--month", "2026-13"],
        1,
    );
    assert_eq!(err, "chibo: month \"2026-13\" is not valid (YYYY-MM)\n");
    let err = fails(&data, &["report", "followup", "--month", "2026-13"], 1);
    assert_eq!(err, "chibo: tháng \"2026-13\" không hợp lệ (YYYY-MM)\n");
    let err = fails(&data, &["--lang", "en", "export", "minutes", "1999-01"], 1);
    assert_eq!(
        err,
        "chibo: no meeting \"1999-01\" (its id, or YYYY-MM for that month's regular meeting)\n"
    );
    let backup = tmp.path().join("b.json");
    ok(&data, &["backup", backup.to_str().unwrap()]);
    let restored = ok(
        &data,
        &[
            "--lang",
            "en",
            "restore",
            backup.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(
        restored.starts_with("restored ")
            && restored.ends_with(&format!(" records from {}\n", backup.display())),
        "{restored}"
    );
    let empty = tmp.path().join("empty");
    ok(&empty, &["import", "members", FIXTURE]);
    let listed = ok(&empty, &["--lang", "en", "backup", "--list"]);
    assert_eq!(
        listed,
        format!("no backups yet in {}\n", empty.join("backups").display())
    );
}

/// The first row of a workbook's sheet, as text.
fn xlsx_row(file: &Path, row: usize) -> Vec<String> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .nth(row)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// Reports, their CSV headers and workbook headings, and the roster's CSV header are in
/// the interface language; the JSON is the same in both; an English roster imports back.
#[test]
fn report_headings_and_csv_headers_follow_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo", "--members", "12", "--years", "1"]);

    let text = ok(&data, &["--lang", "en", "report", "followup"]);
    assert!(
        text.contains("FOLLOW-UP OF THE RESOLUTIONS, MONTH 11/2026 (as of 22/11/2026)")
            && text.contains("\nDUE THIS MONTH\n")
            && text.contains("; due 30/11/2026; not started"),
        "{text}"
    );
    let vi = ok(&data, &["report", "followup"]);
    assert!(
        vi.contains("\nĐẾN HẠN TRONG THÁNG\n") && vi.contains("; hạn 30/11/2026; chưa thực hiện")
    );
    let csv = ok(
        &data,
        &["--lang", "en", "report", "overdue", "--format", "csv"],
    );
    assert!(
        csv.starts_with(
            "group,resolution,title,lead,due,original_due,status,days_overdue,last_note\noverdue,"
        ),
        "{csv}"
    );
    assert!(
        csv.lines().skip(1).all(|l| l.contains(",overdue,")),
        "{csv}"
    );
    let coverage = ok(&data, &["--lang", "en", "report", "coverage"]);
    assert!(
        coverage.contains("MEMBERS' TASKS, MONTH 11/2026")
            && coverage.contains("Full name")
            && coverage.contains("Nearest due"),
        "{coverage}"
    );
    let csv = ok(
        &data,
        &["--lang", "en", "report", "attendance", "--format", "csv"],
    );
    assert!(
        csv.starts_with("member,meetings,attended,excused,absent,"),
        "{csv}"
    );
    let csv = ok(&data, &["report", "attendance", "--format", "csv"]);
    assert!(csv.starts_with("ho_ten,so_ky_hop,du_hop,"), "{csv}");
    // the JSON's keys and values do not change with the language
    for kind in ["overdue", "followup", "coverage", "attendance"] {
        assert_eq!(
            ok(&data, &["--lang", "en", "report", kind, "--format", "json"]),
            ok(&data, &["report", kind, "--format", "json"]),
            "{kind}"
        );
    }
    // the workbook's headings
    let book = tmp.path().join("overdue.xlsx");
    let out = book.to_str().unwrap();
    ok(
        &data,
        &[
            "--lang", "en", "report", "overdue", "--format", "xlsx", "--out", out,
        ],
    );
    let header = xlsx_row(&book, 1);
    assert_eq!(header[..3], ["Group", "Resolution", "Item"], "{header:?}");
    assert!(xlsx_row(&book, 0)[0].contains("OVERDUE ITEMS (as of 22/11/2026)"));
    std::fs::remove_file(&book).unwrap();
    ok(
        &data,
        &["report", "overdue", "--format", "xlsx", "--out", out],
    );
    assert_eq!(xlsx_row(&book, 1)[..3], ["Nhóm", "Nghị quyết", "Nội dung"]);

    // the roster: an English header, and it imports back to the same roster
    let roster = ok(&data, &["--lang", "en", "export", "members"]);
    assert!(
        roster.starts_with("family_name,middle_name,given_name,gender,birth_date,"),
        "{roster}"
    );
    assert!(ok(&data, &["export", "members"]).starts_with("ho,ten_dem,ten,gioi_tinh,"));
    let file = tmp.path().join("roster-en.csv");
    std::fs::write(&file, &roster).unwrap();
    let copy = tmp.path().join("copy");
    ok(
        &copy,
        &["--lang", "en", "import", "members", file.to_str().unwrap()],
    );
    assert_eq!(
        ok(&copy, &["export", "members", "--format", "json"]),
        ok(&data, &["export", "members", "--format", "json"])
    );
    assert_eq!(ok(&copy, &["--lang", "en", "export", "members"]), roster);
}

/// Usage errors are said in the interface language, with the command's usage and where
/// to read more, and exit 2.
#[test]
fn usage_errors_are_in_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(tmp.path(), &["--frob"], 2);
    assert!(
        err.starts_with("chibo: không có tùy chọn --frob\nCách dùng: chibo "),
        "{err}"
    );
    assert!(err.ends_with("\nXem thêm: chibo --help\n"), "{err}");
    let err = fails(tmp.path(), &["--lang", "en", "--frob"], 2);
    assert!(
        err.starts_with("chibo: unknown option --frob\nUsage: chibo "),
        "{err}"
    );
    assert!(
        err.ends_with("\nFor more information: chibo --help\n"),
        "{err}"
    );

    let err = fails(tmp.path(), &["report", "overdue", "--formt", "csv"], 2);
    assert!(
        err.starts_with("chibo: không có tùy chọn --formt (có phải --format?)\n"),
        "{err}"
    );
    assert!(err.ends_with("Xem thêm: chibo report --help\n"), "{err}");
    let err = fails(
        tmp.path(),
        &["--lang", "en", "export", "members", "--format", "xls"],
        2,
    );
    assert_eq!(
        err.lines().next().unwrap(),
        "chibo: invalid value \"xls\" for --format <FORMAT> (possible values: csv, json, xlsx) (did you mean xlsx?)"
    );
    assert!(
        err.ends_with("For more information: chibo export members --help\n"),
        "{err}"
    );
    let err = fails(tmp.path(), &["export", "members", "--format", "xls"], 2);
    assert!(
        err.starts_with("chibo: giá trị \"xls\" không hợp lệ cho --format <FORMAT> (các giá trị: csv, json, xlsx)"),
        "{err}"
    );
    let err = fails(tmp.path(), &["restore"], 2);
    assert!(
        err.starts_with("chibo: thiếu <FILE>\nCách dùng: chibo restore "),
        "{err}"
    );
    let err = fails(
        tmp.path(),
        &["--lang", "en", "report", "overdue", "--out"],
        2,
    );
    assert!(
        err.starts_with("chibo: --out <OUT> needs a value\n"),
        "{err}"
    );
    let err = fails(tmp.path(), &["frobnicate"], 2);
    assert!(
        err.starts_with("chibo: không có lệnh frobnicate\n"),
        "{err}"
    );
    let err = fails(tmp.path(), &["--lang", "en", "check", "extra"], 2);
    assert!(
        err.starts_with("chibo: unexpected argument: extra\n"),
        "{err}"
    );
    let err = fails(tmp.path(), &["--lang", "en", "import"], 2);
    assert!(
        err.starts_with("chibo: chibo import needs a command (one of: members)\n"),
        "{err}"
    );
    // lang = "en" in config.toml is the language of the errors too
    let cfg = tmp.path().join("cfg-en");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "lang = \"en\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(["report", "everything"])
        .env("CHIBO_DATA_DIR", tmp.path())
        .env("CHIBO_CONFIG_DIR", &cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("chibo: invalid value \"everything\" for <KIND>"),
        "{err}"
    );
}

#[test]
fn check_says_the_data_is_the_demo_branch_and_how_to_start_the_real_one() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    ok(&a, &["demo", "--members", "12"]);
    let check = ok(&a, &["check"]);
    assert!(check.contains("chi bộ mẫu (demo)"), "{check}");
    assert!(check.contains("chibo demo --clear"), "{check}");
    // a real branch is not called a demo
    let b = tmp.path().join("b");
    ok(&b, &["import", "members", FIXTURE]);
    assert!(!ok(&b, &["check"]).contains("demo"));
}

/// The number after `label` on a line of `chibo check`.
fn counted(check: &str, label: &str) -> usize {
    let line = check
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{check}"));
    line[label.len()..].trim().parse().unwrap()
}

#[test]
fn check_counts_candidates_notes_awards_and_discipline() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = tmp.path().join("roster");
    ok(&roster, &["import", "members", FIXTURE]);
    let check = ok(&roster, &["check"]);
    for label in [
        "đối tượng kết nạp: ",
        "ghi chép sổ theo dõi: ",
        "khen thưởng: ",
        "kỷ luật: ",
    ] {
        assert_eq!(counted(&check, label), 0, "{check}");
    }

    let demo = tmp.path().join("demo");
    ok(&demo, &["demo"]);
    let check = ok(&demo, &["--lang", "en", "check"]);
    let report: serde_json::Value =
        serde_json::from_str(&ok(&demo, &["report", "candidates", "--format", "json"])).unwrap();
    assert_eq!(
        counted(&check, "candidates: "),
        report["candidates"].as_array().unwrap().len(),
        "{check}"
    );
    // the demo branch keeps notes, two awards and a reprimand
    for label in ["notebook notes: ", "awards: ", "discipline: "] {
        assert!(counted(&check, label) > 0, "{check}");
    }
    assert!(check.ends_with("result: good\n"), "{check}");
}

#[test]
fn a_badges_year_before_any_admission_is_refused_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&data, &["demo"]);
    let roster: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&data, &["export", "members", "--format", "json"])).unwrap();
    let earliest = roster
        .iter()
        .filter_map(|m| m["admission_date"].as_str())
        .min()
        .unwrap()
        .to_string();
    let first_year: i32 = earliest[..4].parse().unwrap();
    let shown = format!(
        "{}/{}/{}",
        &earliest[8..10],
        &earliest[5..7],
        &earliest[..4]
    );
    let out = tmp.path().join("badges.txt");
    let out_arg = out.to_str().unwrap();

    let before = (first_year - 1).to_string();
    let err = fails(
        &data,
        &["report", "badges", "--year", &before, "--out", out_arg],
        1,
    );
    assert_eq!(
        err,
        format!(
            "chibo: năm {before} trước ngày vào Đảng sớm nhất của chi bộ ({shown}): không có Huy hiệu nào để đề nghị\n"
        )
    );
    assert!(!out.exists(), "nothing is written");
    let err = fails(
        &data,
        &[
            "--lang", "en", "report", "badges", "--year", "1929", "--out", out_arg,
        ],
        1,
    );
    assert_eq!(
        err,
        "chibo: 1929 is before the party was founded (1930): there is no badge to propose\n"
    );
    assert!(!out.exists(), "nothing is written");

    // the year of the earliest admission is one to ask about
    ok(
        &data,
        &[
            "report",
            "badges",
            "--year",
            &first_year.to_string(),
            "--out",
            out_arg,
        ],
    );
    assert!(out.exists());
}
