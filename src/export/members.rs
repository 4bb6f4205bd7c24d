//! The roster as CSV (what spreadsheets exchange) and JSON (every field, with history).
//! Reading is tolerant of what Vietnamese spreadsheets write — BOM, `;` separators,
//! CRLF, NFD text, either date form, Vietnamese or English headers — and strict about
//! content: one bad row and nothing is imported.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;

use crate::domain::calendar::{format_opt, parse_date};
use crate::domain::member::{
    Activity, CommitteeRole, Gender, Member, MemberError, MemberId, Standing, split_full_name,
};
use crate::domain::text::{clean, fold};

/// The columns, with their Vietnamese and English header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Family,
    Middle,
    Given,
    FullName,
    Gender,
    Birth,
    Admission,
    Official,
    Card,
    Role,
    Status,
    Phone,
    Residence,
    Notes,
    Workplace,
}

const COLUMNS: &[(Column, &str, &str)] = &[
    (Column::Family, "ho", "family_name"),
    (Column::Middle, "ten_dem", "middle_name"),
    (Column::Given, "ten", "given_name"),
    (Column::FullName, "ho_ten", "full_name"),
    (Column::Gender, "gioi_tinh", "gender"),
    (Column::Birth, "ngay_sinh", "birth_date"),
    (Column::Admission, "ngay_vao_dang", "admission_date"),
    (Column::Official, "ngay_chinh_thuc", "official_date"),
    (Column::Card, "so_the", "card_number"),
    (Column::Role, "chuc_vu", "committee_role"),
    (Column::Status, "trang_thai", "status"),
    (Column::Phone, "dien_thoai", "phone"),
    (Column::Residence, "noi_cu_tru", "residence"),
    (Column::Notes, "ghi_chu", "notes"),
    (Column::Workplace, "don_vi_cong_tac", "workplace"),
];

/// The columns chibo writes, in order.
const EXPORT: &[Column] = &[
    Column::Family,
    Column::Middle,
    Column::Given,
    Column::Gender,
    Column::Birth,
    Column::Admission,
    Column::Official,
    Column::Card,
    Column::Role,
    Column::Status,
    Column::Phone,
    Column::Residence,
    Column::Notes,
    Column::Workplace,
];

impl Column {
    fn header(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _, _)| *c == self)
            .map(|(_, vi, _)| *vi)
            .unwrap_or("")
    }

    /// Recognizes a header: "Họ tên", "ho_ten", "Full name", "full-name" are one column.
    fn from_header(h: &str) -> Option<Column> {
        let key: String = fold(h.trim())
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect::<String>()
            .split('_')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        let key = match key.as_str() {
            "ho_va_ten" => "ho_ten",
            "ten_lot" => "ten_dem",
            "so_the_dang_vien" => "so_the",
            "ngay_vao_dang_chinh_thuc" => "ngay_chinh_thuc",
            "don_vi" => "don_vi_cong_tac",
            other => other,
        };
        COLUMNS
            .iter()
            .find(|(_, vi, en)| *vi == key || *en == key)
            .map(|(c, _, _)| *c)
    }
}

/// A problem with one cell or row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line in the file; 0 for the file as a whole.
    pub line: u64,
    pub column: Option<&'static str>,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, Some(col)) => write!(f, "cột {col}: {}", self.reason),
            (0, None) => f.write_str(&self.reason),
            (line, Some(col)) => write!(f, "dòng {line}, cột {col}: {}", self.reason),
            (line, None) => write!(f, "dòng {line}: {}", self.reason),
        }
    }
}

/// What an import would add, and what it guessed.
#[derive(Debug, Default)]
pub struct Parsed {
    pub members: Vec<Member>,
    /// The line each member came from (0 for JSON).
    pub lines: Vec<u64>,
    pub warnings: Vec<String>,
}

fn file_error(reason: impl Into<String>) -> Vec<RowError> {
    vec![RowError {
        line: 0,
        column: None,
        reason: reason.into(),
    }]
}

/// Reads a roster file: JSON (an array of members, as `export members --format json`
/// writes) or CSV.
pub fn parse(bytes: &[u8], existing: &[Member]) -> Result<Parsed, Vec<RowError>> {
    if bytes.is_empty() {
        return Err(file_error("tệp trống / the file is empty"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        file_error(format!(
            "tệp không phải UTF-8 (byte lỗi ở vị trí {}); có thể tệp dùng bảng mã Windows-1258 hoặc TCVN3 — hãy lưu lại dạng \"CSV UTF-8\" / the file is not UTF-8: save it as \"CSV UTF-8\"",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = if text.trim_start().starts_with('[') {
        parse_json(text)?
    } else {
        parse_csv(text)?
    };
    check_duplicates(&parsed, existing)?;
    Ok(parsed)
}

fn parse_json(text: &str) -> Result<Parsed, Vec<RowError>> {
    let mut members: Vec<Member> = serde_json::from_str(text).map_err(|e| {
        vec![RowError {
            line: e.line() as u64,
            column: None,
            reason: format!("JSON không hợp lệ: {e}"),
        }]
    })?;
    let mut errors = Vec::new();
    for (i, m) in members.iter_mut().enumerate() {
        m.id = MemberId(0);
        m.family_name = clean(&m.family_name);
        m.middle_name = clean(&m.middle_name);
        m.given_name = clean(&m.given_name);
        if let Err(e) = m.validate() {
            errors.push(RowError {
                line: 0,
                column: None,
                reason: format!("đảng viên thứ {}: {}", i + 1, member_error(e)),
            });
        }
    }
    if errors.is_empty() {
        let lines = vec![0; members.len()];
        Ok(Parsed {
            members,
            lines,
            warnings: Vec::new(),
        })
    } else {
        Err(errors)
    }
}

fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn parse_csv(text: &str) -> Result<Parsed, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| file_error(format!("không đọc được dòng tiêu đề: {e}")))?
        .clone();
    let mut index: HashMap<Column, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) => {
                if index.insert(c, i).is_some() {
                    errors.push(RowError {
                        line: 1,
                        column: None,
                        reason: format!("cột \"{h}\" xuất hiện hai lần"),
                    });
                }
            }
            None if h.trim().is_empty() => {}
            None => errors.push(RowError {
                line: 1,
                column: None,
                reason: format!("không biết cột \"{}\"", h.trim()),
            }),
        }
    }
    let has_parts = index.contains_key(&Column::Family) && index.contains_key(&Column::Given);
    if !has_parts && !index.contains_key(&Column::FullName) {
        errors.push(RowError {
            line: 1,
            column: None,
            reason: "thiếu cột họ tên: cần \"ho\" và \"ten\", hoặc \"ho_ten\" / missing name columns".into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut parsed = Parsed::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_of(text, p.byte())).unwrap_or(0);
                errors.push(RowError {
                    line,
                    column: None,
                    reason: format!("dòng CSV hỏng: {e}"),
                });
                continue;
            }
        };
        // counted from the byte offset: csv's own line count varies with CRLF files
        let line = record.position().map(|p| line_of(text, p.byte())).unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            errors.push(RowError {
                line,
                column: None,
                reason: format!("có {} ô, nhiều hơn {} cột tiêu đề", record.len(), headers.len()),
            });
            continue;
        }
        let cell = |c: Column| {
            index
                .get(&c)
                .and_then(|&i| record.get(i))
                .map(clean)
                .unwrap_or_default()
        };
        match parse_row(&cell, line) {
            Ok((m, warning)) => {
                parsed.warnings.extend(warning);
                parsed.members.push(m);
                parsed.lines.push(line);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() { Ok(parsed) } else { Err(errors) }
}

/// The 1-based line of the record starting at `byte` (which may point at the line
/// break before it).
fn line_of(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = (byte as usize).min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

fn member_error(e: MemberError) -> &'static str {
    match e {
        MemberError::MissingFamilyName => "thiếu họ",
        MemberError::MissingGivenName => "thiếu tên",
        MemberError::OfficialBeforeAdmission => "ngày chính thức trước ngày vào Đảng",
        MemberError::AdmissionBeforeBirth => "ngày vào Đảng không sau ngày sinh",
        MemberError::ProbationaryWithOfficialDate => "đảng viên dự bị không có ngày chính thức",
    }
}

fn parse_row(cell: &dyn Fn(Column) -> String, line: u64) -> Result<(Member, Option<String>), Vec<RowError>> {
    let mut errors = Vec::new();
    let err = |col: Column, reason: String| RowError {
        line,
        column: Some(col.header()),
        reason,
    };
    let mut warning = None;
    let (family, middle, given) = if !cell(Column::Family).is_empty() || !cell(Column::Given).is_empty() {
        (cell(Column::Family), cell(Column::Middle), cell(Column::Given))
    } else {
        let full = cell(Column::FullName);
        match split_full_name(&full) {
            Some((f, m, g)) => {
                warning = Some(format!(
                    "dòng {line}: tách \"{full}\" thành họ \"{f}\", tên đệm \"{m}\", tên \"{g}\" — hãy kiểm tra"
                ));
                (f, m, g)
            }
            None => {
                errors.push(err(
                    Column::FullName,
                    format!("không tách được họ và tên từ \"{full}\""),
                ));
                (String::new(), String::new(), full)
            }
        }
    };
    let mut m = Member::new(&family, &middle, &given);
    let mut date = |col: Column| -> Option<NaiveDate> {
        let v = cell(col);
        if v.is_empty() {
            return None;
        }
        let d = parse_date(&v);
        if d.is_none() {
            errors.push(err(
                col,
                format!("ngày \"{v}\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)"),
            ));
        }
        d
    };
    m.birth_date = date(Column::Birth);
    m.admission_date = date(Column::Admission);
    m.official_date = date(Column::Official);
    m.gender = match fold(&cell(Column::Gender)).as_str() {
        "" => None,
        "nam" | "male" | "m" => Some(Gender::Male),
        "nu" | "female" | "f" => Some(Gender::Female),
        other => {
            errors.push(err(Column::Gender, format!("giới tính \"{other}\" không rõ (Nam/Nữ)")));
            None
        }
    };
    m.committee_role = match fold(&cell(Column::Role)).as_str() {
        "" | "khong" | "none" => CommitteeRole::None,
        "bi thu" | "secretary" => CommitteeRole::Secretary,
        "pho bi thu" | "deputy" | "deputy secretary" => CommitteeRole::Deputy,
        "chi uy vien" | "uy vien" | "committee member" => CommitteeRole::Member,
        _ => {
            errors.push(err(
                Column::Role,
                format!(
                    "chức vụ \"{}\" không rõ (bí thư, phó bí thư, chi ủy viên)",
                    cell(Column::Role)
                ),
            ));
            CommitteeRole::None
        }
    };
    let status = cell(Column::Status);
    match parse_status(&status, m.official_date.is_some()) {
        Some((standing, activity)) => {
            m.standing = standing;
            m.activity = activity;
        }
        None => errors.push(err(Column::Status, format!("trạng thái \"{status}\" không rõ"))),
    }
    m.card_number = cell(Column::Card);
    m.phone = cell(Column::Phone);
    m.residence = cell(Column::Residence);
    m.notes = cell(Column::Notes);
    m.workplace = cell(Column::Workplace);
    if errors.is_empty()
        && let Err(e) = m.validate()
    {
        let col = match e {
            MemberError::MissingFamilyName => Column::Family,
            MemberError::MissingGivenName => Column::Given,
            MemberError::OfficialBeforeAdmission | MemberError::ProbationaryWithOfficialDate => Column::Official,
            MemberError::AdmissionBeforeBirth => Column::Admission,
        };
        errors.push(err(col, member_error(e).to_string()));
    }
    if errors.is_empty() {
        Ok((m, warning))
    } else {
        Err(errors)
    }
}

/// The status column holds either a standing (then the member is active) or an
/// activity (then the standing follows from whether there is an official date).
fn parse_status(s: &str, has_official_date: bool) -> Option<(Standing, Activity)> {
    let by_date = if has_official_date {
        Standing::Official
    } else {
        Standing::Probationary
    };
    let folded = fold(s);
    Some(match folded.as_str() {
        "" => (by_date, Activity::Active),
        "chinh thuc" | "official" => (Standing::Official, Activity::Active),
        "du bi" | "probationary" => (Standing::Probationary, Activity::Active),
        _ => {
            let activity = ACTIVITY_WORDS
                .iter()
                .find(|(words, _)| words.contains(&folded.as_str()))?
                .1;
            (by_date, activity)
        }
    })
}

const ACTIVITY_WORDS: &[(&[&str], Activity)] = &[
    (&["dang sinh hoat", "active"], Activity::Active),
    (&["sinh hoat tam thoi", "temporarily attached"], Activity::TemporaryIn),
    (
        &["sinh hoat tam thoi noi khac", "attached elsewhere"],
        Activity::TemporaryOut,
    ),
    (
        &[
            "mien sinh hoat",
            "mien cong tac va sinh hoat",
            "mien cong tac, sinh hoat",
            "exempt",
        ],
        Activity::Exempt,
    ),
    (
        &["chuyen sinh hoat", "transferred", "transferred out"],
        Activity::Transferred,
    ),
    (&["xoa ten", "struck off"], Activity::StruckOff),
    (&["khai tru", "expelled"], Activity::Expelled),
    (&["tu tran", "deceased"], Activity::Deceased),
];

fn status_word(m: &Member) -> &'static str {
    match m.activity {
        Activity::Active => match m.standing {
            Standing::Official => "chính thức",
            Standing::Probationary => "dự bị",
        },
        Activity::TemporaryIn => "sinh hoạt tạm thời",
        Activity::TemporaryOut => "sinh hoạt tạm thời nơi khác",
        Activity::Exempt => "miễn sinh hoạt",
        Activity::Transferred => "chuyển sinh hoạt",
        Activity::StruckOff => "xóa tên",
        Activity::Expelled => "khai trừ",
        Activity::Deceased => "từ trần",
    }
}

fn check_duplicates(parsed: &Parsed, existing: &[Member]) -> Result<(), Vec<RowError>> {
    let new = &parsed.members;
    let line = |i: usize| parsed.lines.get(i).copied().unwrap_or(0);
    let mut errors = Vec::new();
    let mut cards: HashMap<&str, Option<usize>> = HashMap::new();
    for m in existing.iter().filter(|m| !m.card_number.is_empty()) {
        cards.insert(&m.card_number, None);
    }
    for (i, m) in new.iter().enumerate() {
        if m.card_number.is_empty() {
            continue;
        }
        match cards.get(m.card_number.as_str()) {
            Some(None) => errors.push(RowError {
                line: line(i),
                column: Some("so_the"),
                reason: format!("số thẻ {} của {} đã có trong dữ liệu", m.card_number, m.full_name()),
            }),
            Some(Some(j)) => errors.push(RowError {
                line: line(i),
                column: Some("so_the"),
                reason: format!(
                    "số thẻ {} trùng với {} (dòng {})",
                    m.card_number,
                    new[*j].full_name(),
                    line(*j)
                ),
            }),
            None => {
                cards.insert(&m.card_number, Some(i));
            }
        }
    }
    for (i, m) in new.iter().enumerate() {
        if existing
            .iter()
            .any(|e| e.full_name() == m.full_name() && e.birth_date == m.birth_date && e.birth_date.is_some())
        {
            errors.push(RowError {
                line: line(i),
                column: None,
                reason: format!("{} ({}) đã có trong dữ liệu", m.full_name(), format_opt(m.birth_date)),
            });
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// The roster as CSV, in roster order (the caller sorts).
pub fn to_csv(members: &[Member]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(EXPORT.iter().map(|c| c.header()));
    for m in members {
        let gender = match m.gender {
            Some(Gender::Male) => "Nam",
            Some(Gender::Female) => "Nữ",
            None => "",
        };
        let role = match m.committee_role {
            CommitteeRole::Secretary => "bí thư",
            CommitteeRole::Deputy => "phó bí thư",
            CommitteeRole::Member => "chi ủy viên",
            CommitteeRole::None => "",
        };
        let row: Vec<String> = EXPORT
            .iter()
            .map(|c| match c {
                Column::Family => m.family_name.clone(),
                Column::Middle => m.middle_name.clone(),
                Column::Given => m.given_name.clone(),
                Column::FullName => m.full_name(),
                Column::Gender => gender.into(),
                Column::Birth => format_opt(m.birth_date),
                Column::Admission => format_opt(m.admission_date),
                Column::Official => format_opt(m.official_date),
                Column::Card => m.card_number.clone(),
                Column::Role => role.into(),
                Column::Status => status_word(m).into(),
                Column::Phone => m.phone.clone(),
                Column::Residence => m.residence.clone(),
                Column::Notes => m.notes.clone(),
                Column::Workplace => m.workplace.clone(),
            })
            .collect();
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The roster as JSON: every field and the status history, without store ids.
pub fn to_json(members: &[Member]) -> String {
    let list: Vec<Member> = members
        .iter()
        .cloned()
        .map(|mut m| {
            m.id = MemberId(0);
            m
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language_and_spelling() {
        assert_eq!(Column::from_header("Họ tên"), Some(Column::FullName));
        assert_eq!(Column::from_header("Họ và tên"), Some(Column::FullName));
        assert_eq!(Column::from_header(" full_name "), Some(Column::FullName));
        assert_eq!(Column::from_header("Ngày vào Đảng"), Some(Column::Admission));
        assert_eq!(Column::from_header("given-name"), Some(Column::Given));
        assert_eq!(Column::from_header("tuổi"), None);
    }

    #[test]
    fn semicolons_crlf_bom_nfd_and_iso_dates() {
        let text =
            "\u{feff}ho;ten_dem;ten;ngay_sinh;trang_thai\r\nNguye\u{0302}\u{0303}n;Văn;Hùng;1958-03-12;chính thức\r\n";
        let p = parse(text.as_bytes(), &[]).unwrap();
        assert_eq!(p.members[0].family_name, "Nguyễn");
        assert_eq!(p.members[0].birth_date, NaiveDate::from_ymd_opt(1958, 3, 12));
    }

    #[test]
    fn full_name_only_is_split_with_a_warning() {
        let p = parse("ho_ten,ngay_sinh\nTôn Nữ Minh Châu,29/09/1986\n".as_bytes(), &[]).unwrap();
        let m = &p.members[0];
        assert_eq!(
            (m.family_name.as_str(), m.middle_name.as_str(), m.given_name.as_str()),
            ("Tôn", "Nữ Minh", "Châu")
        );
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn every_bad_row_is_listed_with_line_and_column() {
        let text = "ho,ten,ngay_sinh,gioi_tinh\nLê,Tuấn,31/02/1980,Nam\nTrần,Mai,01/01/1970,X\nPhạm,Hà,01/01/1965,Nữ\n";
        let errors = parse(text.as_bytes(), &[]).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "dòng 2, cột ngay_sinh: ngày \"31/02/1980\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)",
                "dòng 3, cột gioi_tinh: giới tính \"x\" không rõ (Nam/Nữ)",
            ]
        );
    }

    #[test]
    fn status_word_round_trips() {
        for (standing, activity, has_date) in [
            (Standing::Official, Activity::Active, true),
            (Standing::Probationary, Activity::Active, false),
            (Standing::Official, Activity::Exempt, true),
            (Standing::Probationary, Activity::Transferred, false),
        ] {
            let mut m = Member::new("A", "", "B");
            m.standing = standing;
            m.activity = activity;
            assert_eq!(parse_status(status_word(&m), has_date), Some((standing, activity)));
        }
    }
}
