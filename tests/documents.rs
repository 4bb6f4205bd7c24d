//! The documents as the office opens them: the Word files' text and structure read back
//! from their XML (golden files), and the demo branch's biên bản, resolution and reports
//! through LibreOffice — to PDF read with `pdftotext`, the workbooks back to CSV.

#![allow(clippy::unwrap_used, clippy::panic)] // a failing test or bench may panic

mod common;

use std::path::Path;
use std::process::Command;

use chibo::domain::meeting::{AgendaItem, Entry, EntryKind, Meeting, MeetingKind, Presence};
use chibo::domain::member::Member;
use chibo::domain::resolution::Resolution;
use chibo::domain::task::Task;
use chibo::domain::vote::Vote;
use chibo::export::{docx, minutes, resolution};
use chibo::store::Records;
use chrono::NaiveTime;
use common::*;
use quick_xml::events::Event;

const INSTALL: &str = "LibreOffice and poppler are needed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils";

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn sorted_members() -> (chibo::store::MemoryStore, Vec<Member>) {
    let store = fixture_store();
    let mut members = store.members().unwrap();
    members.sort_by_cached_key(|m| m.sort_key());
    (store, members)
}

fn id(members: &[Member], name: &str) -> chibo::domain::member::MemberId {
    members.iter().find(|m| m.full_name() == name).unwrap().id
}

/// A December meeting written in code: roll call, a speech, a vote, a conclusion.
fn december(members: &[Member]) -> Meeting {
    let mut m = Meeting::new(MeetingKind::Regular, meeting_day(), time(19, 30));
    m.place = "Nhà văn hóa Khu phố 3".into();
    m.guests = "đồng chí Lê Văn Sáu, Đảng ủy viên phường".into();
    m.chair = Some(id(members, "Nguyễn Văn Hùng"));
    m.secretary = Some(id(members, "Trần Thị Mai"));
    for mem in members
        .iter()
        .filter(|x| chibo::domain::meeting::expected(x))
    {
        m.attendance.insert(mem.id, Presence::Present);
    }
    m.attendance
        .insert(id(members, "Tôn Nữ Minh Châu"), Presence::Absent);
    m.attendance.insert(
        id(members, "Hồ Thị Ngọc Bích"),
        Presence::Excused("ốm".into()),
    );
    m.agenda = vec![
        AgendaItem::new("Mở đầu", 10),
        AgendaItem::new("Thông tin thời sự", 15),
        AgendaItem::new("Kết thúc", 10),
    ];
    let entry = |kind, text: &str| Entry {
        at: time(19, 40),
        kind,
        text: text.into(),
    };
    m.agenda[0]
        .entries
        .push(entry(EntryKind::Note, "Đồng chí chủ trì tuyên bố lý do."));
    m.agenda[1].entries.push(entry(
        EntryKind::Speech(id(members, "Trần Thị Mai")),
        "Đề nghị các tổ đăng ký mô hình dân vận khéo.",
    ));
    let vote: Vote = serde_json::from_value(serde_json::json!({
        "subject": "Thông qua chương trình công tác tháng 12",
        "method": "show_of_hands",
        "rule": "simple_majority",
        "eligible": 24, "branch": 25, "for": 23, "against": 1, "other": 0
    }))
    .unwrap();
    m.agenda[2].entries.push(entry(EntryKind::Vote(vote), ""));
    m.agenda[2].entries.push(entry(
        EntryKind::Conclusion,
        "Chi bộ thống nhất triển khai các nhiệm vụ tháng 12.",
    ));
    m.started_at = Some(meeting_day().and_time(time(19, 30)));
    m.ended_at = Some(meeting_day().and_time(time(21, 5)));
    m.approved_at = Some(meeting_day().and_time(time(21, 8)));
    m.amendments.push(
        serde_json::from_value(serde_json::json!({
            "at": "2026-12-08T10:15:00",
            "reason": "ghi sai tên khách mời",
            "by": "đồng chí Trần Thị Mai",
            "text": "Khách mời là đồng chí Lê Văn Sáu, Phó Bí thư Đảng ủy phường.\nBổ sung: đồng chí Sáu phát biểu chỉ đạo."
        }))
        .unwrap(),
    );
    m
}

/// The file `name` inside a .docx.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a .docx is a zip file");
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the .docx"));
    let mut s = String::new();
    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
    s
}

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The body of word/document.xml as text: one line per paragraph with its alignment
/// and the runs marked **bold**, *italic*, _underlined_; each table with its columns
/// and borders, its cells indented under it; the page set-up last.
fn structure(docx: &[u8]) -> String {
    let xml = part(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut depth = 0usize; // tables open
    let (mut para, mut align) = (String::new(), String::from("-"));
    let (mut bold, mut italic, mut underline, mut in_rpr) = (false, false, false, false);
    let mut in_text = false;
    let mut in_ppr = false;
    let mut cell = 0usize;
    loop {
        let ev = reader.read_event().expect("well-formed XML");
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                b"w:tbl" => {
                    out.push_str(&format!("{}TABLE", "  ".repeat(depth * 2)));
                    depth += 1;
                }
                b"w:tblBorders" if empty => out.push_str(" borders=none"),
                b"w:tblBorders" => out.push_str(" borders=lines"),
                b"w:tblGrid" => out.push_str(" cols="),
                b"w:gridCol" => out.push('|'),
                b"w:tr" => {
                    out.push('\n');
                    out.push_str(&format!("{}ROW", "  ".repeat(depth * 2 - 1)));
                    cell = 0;
                }
                b"w:tc" => {
                    cell += 1;
                    out.push_str(&format!("\n{}CELL {cell}", "  ".repeat(depth * 2)));
                }
                b"w:p" if !empty => {
                    para.clear();
                    align = "-".into();
                }
                b"w:pPr" => in_ppr = !empty,
                b"w:jc" if in_ppr => align = attr(e, b"w:val").unwrap_or_default(),
                b"w:r" => (bold, italic, underline) = (false, false, false),
                b"w:rPr" if !in_ppr => in_rpr = !empty,
                b"w:b" if in_rpr => {
                    bold = attr(e, b"w:val").is_none_or(|v| v != "false" && v != "0");
                }
                b"w:i" if in_rpr => {
                    italic = attr(e, b"w:val").is_none_or(|v| v != "false" && v != "0");
                }
                b"w:u" if in_rpr => underline = attr(e, b"w:val").is_some_and(|v| v != "none"),
                b"w:t" => in_text = !empty,
                b"w:pgSz" => out.push_str(&format!(
                    "PAGE {}x{}",
                    attr(e, b"w:w").unwrap_or_default(),
                    attr(e, b"w:h").unwrap_or_default()
                )),
                b"w:pgMar" => out.push_str(&format!(
                    " margins top={} bottom={} left={} right={}",
                    attr(e, b"w:top").unwrap_or_default(),
                    attr(e, b"w:bottom").unwrap_or_default(),
                    attr(e, b"w:left").unwrap_or_default(),
                    attr(e, b"w:right").unwrap_or_default()
                )),
                b"w:titlePg" => out.push_str(" first-page-apart"),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t.decode().unwrap().into_owned();
                let text = quick_xml::escape::unescape(&text).unwrap().into_owned();
                if text.is_empty() {
                    continue;
                }
                let mut s = text;
                if underline {
                    s = format!("_{s}_");
                }
                if italic {
                    s = format!("*{s}*");
                }
                if bold {
                    s = format!("**{s}**");
                }
                para.push_str(&s);
            }
            Event::GeneralRef(r) if in_text => {
                let name = String::from_utf8_lossy(&r).into_owned();
                para.push_str(&quick_xml::escape::unescape(&format!("&{name};")).unwrap());
            }
            Event::End(ref e) => match e.name().as_ref() {
                b"w:tbl" => {
                    depth -= 1;
                    if depth == 0 {
                        out.push('\n');
                    }
                }
                b"w:p" => {
                    let indent = "  ".repeat(depth * 2 + usize::from(depth > 0));
                    if depth > 0 {
                        out.push_str(&format!("\n{indent}[{align}] {para}"));
                    } else {
                        out.push_str(&format!("[{align}] {para}\n"));
                    }
                }
                b"w:pPr" => in_ppr = false,
                b"w:rPr" => in_rpr = false,
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out.push('\n');
    out
}

/// Compares with a committed file; `CHIBO_UPDATE_GOLDEN=1` rewrites it (then review
/// the diff before committing).
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

#[test]
fn the_minutes_in_word_have_the_form_of_party_documents() {
    let (store, members) = sorted_members();
    let m = december(&members);
    let branch = store.branch().unwrap();
    let doc = minutes::document(&m, &members, branch.as_ref(), &[]);
    let bytes = docx::render(&doc);
    let shape = structure(&bytes);
    golden("minutes.docx.txt", &shape);

    // A4, margins 20/20/30/15 mm, no number on the first page
    assert!(
        shape.contains(
            "PAGE 11906x16838 margins top=1134 bottom=1134 left=1701 right=851 first-page-apart"
        ),
        "{shape}"
    );
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:sz w:val="28" />"#)
            && styles.contains(r#"w:ascii="Times New Roman""#)
    );
    // the header: a borderless table of two columns
    let header = shape.lines().next().unwrap();
    assert!(header.starts_with("TABLE borders=none cols=||"), "{header}");
    assert!(shape.contains("[center] **CHI BỘ KHU PHỐ 3**"));
    assert!(shape.contains("[center] **_ĐẢNG CỘNG SẢN VIỆT NAM_**"));
    assert!(shape.contains("[center] *An Phú, ngày 05 tháng 12 năm 2026*"));
    assert!(shape.contains("[center] **BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 12/2026**"));
    // the signatures: a borderless table of two columns, names in bold
    let sig = shape.rfind("TABLE").unwrap();
    assert!(shape[sig..].starts_with("TABLE borders=none cols=||"));
    assert!(
        shape[sig..].contains("[center] **THƯ KÝ**")
            && shape[sig..].contains("[center] **Nguyễn Văn Hùng**")
    );
    // the amendment stands after the signatures and is signed on its own
    let first_sig = shape.find("[center] **THƯ KÝ**").unwrap();
    let amended = shape.find("III. SỬA ĐỔI, BỔ SUNG").unwrap();
    assert!(
        first_sig < amended,
        "the amendment comes after the signatures"
    );
    assert!(shape[amended..].contains("Ngày 08/12/2026 lúc 10:15"));
    assert!(
        shape[amended..].contains("[center] **THƯ KÝ**")
            && shape[amended..].contains("[center] **CHỦ TRÌ**")
    );
    // the exempt member is named
    assert!(
        shape.contains("Miễn công tác và sinh hoạt đảng: 1 đồng chí: đồng chí"),
        "{shape}"
    );
    // the same words as the text form, paragraph by paragraph
    let plain = shape.replace(['*', '_'], "");
    for line in doc
        .to_text()
        .lines()
        .skip(4)
        .filter(|l| !l.trim().is_empty())
    {
        let words = line.trim();
        if words.contains("  ") {
            continue; // the two columns of the signature block in text
        }
        assert!(plain.contains(words), "{words:?} is in the Word file too");
    }
}

#[test]
fn the_resolution_in_word_has_its_number_and_the_secretary_signs_for_the_branch() {
    let (store, members) = sorted_members();
    let branch = store.branch().unwrap();
    let mut r: Resolution = serde_json::from_value(serde_json::json!({
        "kind": "monthly", "year": 2026, "seq": 12, "number": "12-NQ/CB",
        "title": "Nghị quyết chi bộ tháng 12/2026",
        "adopted_on": "2026-12-05",
        "basis": "kết quả sinh hoạt chi bộ thường kỳ ngày 05/12/2026",
        "results": "Hoàn thành 5/6 nhiệm vụ tháng 11."
    }))
    .unwrap();
    r.items.clear();
    let mut item = Task::new(
        "Vận động nhân dân giữ gìn vệ sinh hẻm 12",
        day(2026, 12, 31),
    );
    item.lead = Some(id(&members, "Đoàn Thị Xuân"));
    let doc = resolution::document(&r, &[item], &members, branch.as_ref());
    let shape = structure(&docx::render(&doc));
    golden("resolution.docx.txt", &shape);
    let header = &shape[..shape.find("[center] **NGHỊ QUYẾT**").unwrap()];
    assert!(
        header.contains("[center] *\n") && header.contains("[center] Số 12-NQ/CB"),
        "{header}"
    );
    let sig = &shape[shape.rfind("TABLE").unwrap()..];
    assert!(sig.starts_with("TABLE borders=none cols=||"), "{sig}");
    assert!(sig.contains("[center] **T/M CHI BỘ**") && sig.contains("[center] **BÍ THƯ**"));
    assert!(sig.contains("***Nơi nhận:***"), "{sig}");
}

/// Runs LibreOffice on `files` (one start for all of them), converting to `to` in `dir`.
fn soffice(dir: &Path, to: &str, files: &[&Path]) {
    let soffice = chibo::export::pdf::soffice().unwrap_or_else(|| panic!("{INSTALL}"));
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir.join("out"))
        .args(files)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn pdftotext(pdf: &Path, layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|_| panic!("{INSTALL}"));
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn run_ok(data: &Path, args: &[&str]) {
    let out = chibo(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_demo_documents_open_in_libreoffice_and_print_every_part_of_the_minutes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run_ok(
        &data,
        &["demo", "--members", "30", "--years", "1", "--seed", "3"],
    );
    let file = |name: &str| tmp.path().join(name);
    let s = |p: &Path| p.to_str().unwrap().to_string();
    run_ok(
        &data,
        &[
            "export",
            "minutes",
            "2026-11",
            "--format",
            "docx",
            "--out",
            &s(&file("bien-ban.docx")),
        ],
    );
    run_ok(
        &data,
        &[
            "export",
            "resolution",
            "11-NQ/CB",
            "--format",
            "docx",
            "--out",
            &s(&file("nghi-quyet.docx")),
        ],
    );
    let reports = [
        "overdue",
        "followup",
        "coverage",
        "attendance",
        "meetings",
        "dues",
    ];
    for r in reports {
        for ext in ["docx", "xlsx"] {
            run_ok(
                &data,
                &[
                    "report",
                    r,
                    "--format",
                    ext,
                    "--out",
                    &s(&file(&format!("{r}.{ext}"))),
                ],
            );
        }
    }
    // a resolution found by its sequence alone, the latest year's
    let by_seq = chibo(&data, &["export", "resolution", "11", "--format", "txt"]);
    assert!(String::from_utf8_lossy(&by_seq.stdout).contains("Số 11-NQ/CB"));
    // the month's dues collection sheet, to print and sign
    run_ok(
        &data,
        &[
            "report",
            "dues",
            "--month",
            "2026-11",
            "--sheet",
            "--format",
            "docx",
            "--out",
            &s(&file("dues-sheet.docx")),
        ],
    );
    let mut docs = vec![file("bien-ban.docx"), file("nghi-quyet.docx")];
    docs.extend(reports.map(|r| file(&format!("{r}.docx"))));
    docs.push(file("dues-sheet.docx"));
    soffice(
        tmp.path(),
        "pdf",
        &docs.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );
    for d in &docs {
        let pdf = tmp
            .path()
            .join("out")
            .join(d.with_extension("pdf").file_name().unwrap());
        assert!(
            pdftotext(&pdf, false).contains("ĐẢNG CỘNG SẢN VIỆT NAM"),
            "{} opens and converts",
            d.display()
        );
    }

    let sheet = pdftotext(&tmp.path().join("out/dues-sheet.pdf"), false);
    for part in [
        "DANH SÁCH THU ĐẢNG PHÍ THÁNG 11/2026",
        "Ký nộp",
        "NGƯỜI THU",
    ] {
        assert!(sheet.contains(part), "{part}:\n{sheet}");
    }

    // every part DOMAIN.md asks of the minutes, in order
    let text = pdftotext(&tmp.path().join("out/bien-ban.pdf"), false);
    let parts = [
        "ĐẢNG BỘ PHƯỜNG AN PHÚ",
        "CHI BỘ KHU PHỐ 3",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "An Phú, ngày 05 tháng 11 năm 2026",
        "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 11/2026",
        "Thời gian: bắt đầu lúc",
        "Địa điểm:",
        "Chủ trì: đồng chí",
        "Thư ký: đồng chí",
        "Khách mời:",
        "I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP",
        "Tổng số đảng viên của chi bộ:",
        "Có mặt:",
        "Vắng có lý do:",
        "Vắng không lý do:",
        "II. NỘI DUNG",
        "1. Mở đầu",
        "3. Đánh giá kết quả thực hiện nghị quyết tháng trước",
        "Biểu quyết:",
        "Tán thành:",
        "Kết quả:",
        "Kết luận của chủ trì:",
        "Cuộc họp kết thúc lúc",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ];
    // pdftotext breaks lines where the page does and spaces justified words apart:
    // compare the letters in order
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let flat = squeeze(&text);
    let mut at = 0;
    for p in parts {
        let p_flat = squeeze(p);
        match flat[at..].find(&p_flat) {
            Some(i) => at += i + p_flat.len(),
            None => panic!("{p:?} missing or out of order in the printed minutes:\n{text}"),
        }
    }
    // the header and the signature block are two columns side by side
    let layout = pdftotext(&tmp.path().join("out/bien-ban.pdf"), true);
    let line_with = |a: &str, b: &str| {
        layout
            .lines()
            .any(|l| matches!((l.find(a), l.rfind(b)), (Some(i), Some(j)) if i + a.len() < j))
    };
    assert!(
        line_with("ĐẢNG BỘ PHƯỜNG AN PHÚ", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        "{layout}"
    );
    assert!(
        line_with("*", "An Phú, ngày 05 tháng 11 năm 2026"),
        "{layout}"
    );
    assert!(line_with("THƯ KÝ", "CHỦ TRÌ"), "{layout}");
    assert!(
        line_with("(ký, ghi rõ họ tên)", "(ký, ghi rõ họ tên)"),
        "{layout}"
    );
    // page numbers from the second page only
    let pages: Vec<&str> = layout
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "the demo minutes run to more than a page");
    assert_ne!(
        pages[0].trim_start().lines().next().map(str::trim),
        Some("1")
    );
    assert_eq!(
        pages[1].trim_start().lines().next().map(str::trim),
        Some("2"),
        "{}",
        pages[1]
    );

    // the workbooks: dates are dates (shown dd/mm/yyyy, stored as numbers)
    let books: Vec<std::path::PathBuf> = ["followup", "coverage"]
        .map(|r| file(&format!("{r}.xlsx")))
        .to_vec();
    let shown = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false";
    soffice(
        tmp.path(),
        shown,
        &books.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );
    let as_shown = std::fs::read_to_string(tmp.path().join("out/followup.csv")).unwrap();
    std::fs::rename(
        tmp.path().join("out/followup.csv"),
        tmp.path().join("shown.csv"),
    )
    .unwrap();
    let raw = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false";
    soffice(tmp.path(), raw, &[books[0].as_path()]);
    let as_stored = std::fs::read_to_string(tmp.path().join("out/followup.csv")).unwrap();
    let rows = |csv: &str| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    let (shown_rows, stored_rows) = (rows(&as_shown), rows(&as_stored));
    assert!(
        shown_rows[0][0].starts_with("Chi bộ Khu phố 3 — THEO DÕI THỰC HIỆN NGHỊ QUYẾT"),
        "the title row"
    );
    assert_eq!(shown_rows[1][4], "Hạn", "the header row under the title");
    let due = &shown_rows[2][4];
    assert!(
        chibo::domain::calendar::parse_date(due).is_some(),
        "shown dd/mm/yyyy: {due}"
    );
    assert_ne!(&stored_rows[2][4], due, "a date cell, not the text {due}");
    assert_eq!(
        stored_rows[2][2], shown_rows[2][2],
        "text cells read the same either way"
    );
}

#[test]
fn pdf_without_libreoffice_says_how_to_get_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run_ok(&data, &["demo", "--members", "12", "--years", "1"]);
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(["export", "minutes", "2026-11", "--format", "pdf", "--out"])
        .arg(tmp.path().join("b.pdf"))
        .env("CHIBO_DATA_DIR", &data)
        .env("CHIBO_TODAY", "2026-11-22")
        .env("CHIBO_SOFFICE", tmp.path().join("no-such-soffice"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("apt-get install libreoffice-writer-nogui"),
        "{err}"
    );
    assert!(!tmp.path().join("b.pdf").exists());
}

#[test]
fn the_export_key_asks_for_the_format_remembers_it_and_writes_word_and_pdf_safely() {
    use chibo::app::{App, Options};
    use chibo::i18n::Lang;
    use std::os::unix::fs::PermissionsExt;
    use std::sync::Arc;
    assert!(chibo::export::pdf::soffice().is_some(), "{INSTALL}");
    let store = Arc::new(chibo::store::MemoryStore::new());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    chibo::demo::generate(
        store.as_ref(),
        &chibo::demo::DemoOptions {
            members: 20,
            years: 1,
            seed: 2,
        },
        today,
        today.and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let open = |pdf: bool| {
        let options = Options {
            data_dir: tmp.path().to_path_buf(),
            pdf,
            ..options(Lang::Vi)
        };
        App::new(Box::new(store.clone()), options).unwrap()
    };
    let exports = tmp.path().join("exports");

    // without LibreOffice no PDF is offered
    let mut app = open(false);
    press(&mut app, "2 end enter w");
    for _ in 0..4 {
        let shown = screen(&app, 120, 40);
        assert!(shown.contains("Xuất văn bản"), "{shown}");
        assert!(!shown.contains("PDF"), "{shown}");
        press(&mut app, "right");
    }
    press(&mut app, "esc");

    // Markdown first; Word chosen
    let mut app = open(true);
    press(&mut app, "2 end enter w");
    assert!(screen(&app, 120, 40).contains("Markdown (.md)"));
    press(&mut app, "right right");
    assert!(screen(&app, 120, 40).contains("Word (.docx)"));
    press(&mut app, "enter");
    assert!(
        !exports.exists(),
        "written by the edge, not while the key is handled"
    );
    chibo::tui::carry_out(&mut app);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Đã ghi biên bản vào"), "{shown}");
    let docx_path = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("the Word file");
    assert!(shown.contains(".docx"), "{shown}");
    let bytes = std::fs::read(&docx_path).unwrap();
    assert!(part(&bytes, "word/document.xml").contains("BIÊN BẢN"));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&docx_path), 0o600, "only the owner reads the file");
    assert_eq!(mode(&exports), 0o700);

    // after a restart the last format is chosen again; PDF is one step on
    drop(app);
    let mut app = open(true);
    press(&mut app, "2 end enter w");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Word (.docx)"), "{shown}");
    press(&mut app, "right");
    assert!(screen(&app, 120, 40).contains("PDF (tạo từ bản Word"));
    press(&mut app, "enter");
    assert!(screen(&app, 120, 40).contains("Đang tạo PDF bằng LibreOffice"));
    chibo::tui::carry_out(&mut app);
    let pdf_path = docx_path.with_extension("pdf");
    assert!(std::fs::read(&pdf_path).unwrap().starts_with(b"%PDF"));
    assert!(pdftotext(&pdf_path, false).contains("BIÊN BẢN"));

    // never over what is not a regular file: a folder where the text file would go
    let txt_path = docx_path.with_extension("txt");
    std::fs::create_dir(&txt_path).unwrap();
    press(&mut app, "w left left enter");
    chibo::tui::carry_out(&mut app);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("không phải tệp thường"), "{shown}");
    assert!(txt_path.is_dir());
}

#[test]
fn the_roster_screen_exports_a_workbook_and_remembers_the_format() {
    use chibo::app::{App, Options};
    use chibo::i18n::Lang;
    use std::sync::Arc;
    let store = Arc::new(fixture_store());
    let tmp = tempfile::tempdir().unwrap();
    let open = || {
        let options = Options {
            data_dir: tmp.path().to_path_buf(),
            ..options(Lang::Vi)
        };
        App::new(Box::new(store.clone()), options).unwrap()
    };
    let mut app = open();
    press(&mut app, "w");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("CSV (Excel tiếng Việt"), "{shown}");
    press(&mut app, "right");
    assert!(screen(&app, 120, 40).contains("Excel (.xlsx)"));
    press(&mut app, "enter");
    chibo::tui::carry_out(&mut app);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Đã ghi danh sách đảng viên vào"), "{shown}");
    let book = tmp.path().join("exports/dang-vien-2026-11-22.xlsx");
    let bytes = std::fs::read(&book).unwrap();
    assert!(bytes.starts_with(b"PK"), "a workbook");
    // it imports back as the same roster
    let data = tmp.path().join("data");
    run_ok(&data, &["import", "members", book.to_str().unwrap()]);
    let back = chibo::store::SledStore::open(&data)
        .unwrap()
        .members()
        .unwrap();
    assert_eq!(back.len(), store.members().unwrap().len());
    drop(app);
    let mut app = open();
    press(&mut app, "w");
    assert!(screen(&app, 120, 40).contains("Excel (.xlsx)"));
}

/// The year-end meeting of December 2026: three members graded, one of them given more
/// than the record allows, and the branch's own grade decided.
fn year_end_review(members: &[Member]) -> Meeting {
    use chibo::domain::branch_grade::BranchGrade;
    use chibo::domain::evaluation::Grade;
    use chibo::domain::review::{Change, Whom};
    let mut m = Meeting::new(MeetingKind::YearEnd, day(2026, 12, 19), time(8, 0));
    m.id = chibo::domain::meeting::MeetingId(900);
    let vote = |for_: u32| -> Vote {
        serde_json::from_value(serde_json::json!({
            "subject": "Xếp loại",
            "method": "show_of_hands",
            "rule": "simple_majority",
            "eligible": 24, "branch": 25, "for": for_, "against": 24 - for_, "other": 0
        }))
        .unwrap()
    };
    let hung = Whom::Member(id(members, "Nguyễn Văn Hùng"));
    let mai = Whom::Member(id(members, "Trần Thị Mai"));
    let tuan = Whom::Member(id(members, "Lê Minh Tuấn"));
    for (whom, change) in [
        (hung, Change::SelfGrade(Some(Grade::Good))),
        (hung, Change::Propose(Some(Grade::Good))),
        (
            hung,
            Change::Note("Gương mẫu trong phong trào của khu phố.".into()),
        ),
        (hung, Change::Decide(Grade::Good, vote(23))),
        (mai, Change::SelfGrade(Some(Grade::Excellent))),
        (mai, Change::Propose(Some(Grade::Excellent))),
        (mai, Change::Decide(Grade::Excellent, vote(20))),
        (tuan, Change::SelfGrade(Some(Grade::Good))),
        (Whom::Branch, Change::ProposeBranch(Some(BranchGrade::Good))),
        (
            Whom::Branch,
            Change::DecideBranch(BranchGrade::Good, vote(24)),
        ),
    ] {
        m.grade(whom, change).unwrap();
    }
    m
}

#[test]
fn the_evaluation_report_lists_the_decided_grades_beside_the_proposed_in_json_and_word() {
    use chibo::i18n::Lang;
    let (store, members) = sorted_members();
    let branch = store.branch().unwrap();
    let meetings = vec![december(&members), year_end_review(&members)];
    let rules = chibo::domain::evaluation::Rules::shipped();
    let y = chibo::export::evaluation::Year {
        year: 2026,
        members: &members,
        meetings: &meetings,
        tasks: &[],
        notes: &[],
        discipline: &[],
        awards: &[],
        resolutions: &[],
        rules: &rules,
    };
    use chibo::export::report::Document as _;
    let r = chibo::export::evaluation::evaluation(&y, day(2026, 12, 20), None, Lang::Vi);
    let json = r.to_json();
    golden("evaluation.json", &json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let row = |name: &str| {
        v["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["member"] == name)
            .unwrap()
            .clone()
    };
    let hung = row("Nguyễn Văn Hùng");
    assert_eq!(hung["decided"], "good");
    assert_eq!(hung["self_grade"], "good");
    assert_eq!(hung["vote"]["for"], 23);
    assert_eq!(hung["vote"]["rule"], "simple_majority");
    assert_eq!(row("Lê Minh Tuấn")["decided"], serde_json::Value::Null);
    // counted from the decisions: one excellent, one good of the two decided
    assert_eq!(v["grades"][0]["count"], 1);
    assert_eq!(v["grades"][1]["count"], 1);
    assert_eq!(v["grades"][1]["percent"], 50);
    assert_eq!(v["branch"]["decided"], "good");
    // "xuất sắc" decided on a record that does not allow it is warned with its rule
    assert!(
        v["warnings"].as_array().unwrap().iter().any(|w| w["text"]
            .as_str()
            .unwrap()
            .starts_with("Quyết định — Trần Thị Mai")),
        "{json}"
    );
    let shape = structure(&r.to_docx(branch.as_ref()));
    golden("evaluation.docx.txt", &shape);
    assert!(
        shape.contains("TỰ ĐÁNH GIÁ, XẾP LOẠI CỦA CHI BỘ"),
        "{shape}"
    );
    assert!(
        shape.contains("Chi bộ quyết định: Hoàn thành tốt nhiệm vụ (tán thành 24/24"),
        "{shape}"
    );
    // one member's sheet says what the review wrote and decided
    let hung_member = members.iter().find(|m| m.full_name() == "Nguyễn Văn Hùng");
    let sheet = chibo::export::evaluation::evaluation(&y, day(2026, 12, 20), hung_member, Lang::Vi);
    let text = sheet.to_text();
    assert!(text.contains("KIỂM ĐIỂM CUỐI NĂM"), "{text}");
    assert!(
        text.contains("Tự xếp loại: Hoàn thành tốt nhiệm vụ."),
        "{text}"
    );
    assert!(
        text.contains("Thảo luận: Gương mẫu trong phong trào của khu phố."),
        "{text}"
    );
    assert!(
        text.contains("Chi bộ quyết định: Hoàn thành tốt nhiệm vụ (tán thành 23/24, "),
        "{text}"
    );
}
