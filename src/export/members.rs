//! The roster's columns and how a member reads in them, shared by every roster file:
//! CSV (what spreadsheets exchange), XLSX (what the upper level asks for) and JSON
//! (every field, for programs). Reading lives in `roster_import`, the workbook in
//! `roster_xlsx`.

use chrono::NaiveDate;

use crate::domain::calendar::{format_date, format_opt, parse_date};
use crate::domain::member::{
    Activity, CommitteeRole, Gender, Member, MemberId, Standing, StatusChange,
};
use crate::domain::text::{clean, fold};
use crate::i18n::{Lang, Msg, labels};

use super::document::word;
pub use super::roster_import::{Parsed, RowError, parse};

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
    /// Every dated change of status, one a line.
    History,
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
    (Column::History, "qua_trinh_trang_thai", "status_history"),
];

/// The columns chibo writes, in order.
pub const EXPORT: &[Column] = &[
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
    Column::History,
];

/// Digits in a party card number (the fixtures' and the demo's `01024587`).
pub const CARD_DIGITS: usize = 8;

impl Column {
    /// The header chibo writes in CSV, and names the column by in messages.
    pub fn header(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _, _)| *c == self)
            .map(|(_, vi, _)| *vi)
            .unwrap_or("")
    }

    /// The header chibo writes in CSV in `lang`: the Vietnamese words without accents,
    /// or the English ones (the JSON's field names); both read back as the column.
    pub fn csv_header(self, lang: Lang) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _, _)| *c == self)
            .map(|(_, vi, en)| if lang == Lang::En { *en } else { *vi })
            .unwrap_or("")
    }

    /// The header a person reads, in a workbook; it reads back as the same column.
    pub fn title(self, lang: Lang) -> &'static str {
        let msg = match self {
            Column::Family => Msg::FieldFamily,
            Column::Middle => Msg::FieldMiddle,
            Column::Given => Msg::FieldGiven,
            Column::FullName => Msg::ColName,
            Column::Gender => Msg::FieldGender,
            Column::Birth => Msg::FieldBirth,
            Column::Admission => Msg::FieldAdmission,
            Column::Official => Msg::FieldOfficial,
            Column::Card => Msg::FieldCard,
            Column::Role => Msg::FieldRole,
            Column::Status => Msg::FieldActivity,
            Column::Phone => Msg::FieldPhone,
            Column::Residence => Msg::FieldResidence,
            Column::Notes => Msg::FieldNotes,
            Column::Workplace => Msg::FieldWorkplace,
            Column::History => Msg::RosterHistoryHeader,
        };
        msg.get(lang)
    }

    /// Recognizes a header: "Họ tên", "ho_ten", "Full name", "full-name" are one column.
    pub fn from_header(h: &str) -> Option<Column> {
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
            "date_of_birth" => "ngay_sinh",
            "qua_trinh" | "qua_trinh_thay_doi_trang_thai" => "qua_trinh_trang_thai",
            other => other,
        };
        COLUMNS
            .iter()
            .find(|(_, vi, en)| *vi == key || *en == key)
            .map(|(c, _, _)| *c)
    }

    /// Columns a spreadsheet must keep as text: digits with leading zeros.
    pub fn is_number_text(self) -> bool {
        matches!(self, Column::Card | Column::Phone)
    }
}

/// One exported cell: text, or a date (a real date in a workbook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Date(Option<NaiveDate>),
}

impl Value {
    /// The cell as CSV writes it.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Date(d) => format_opt(*d),
        }
    }
}

/// A member's cells, in `EXPORT` order.
pub fn row(m: &Member) -> Vec<Value> {
    EXPORT
        .iter()
        .map(|c| match c {
            Column::Family => Value::Text(m.family_name.clone()),
            Column::Middle => Value::Text(m.middle_name.clone()),
            Column::Given => Value::Text(m.given_name.clone()),
            Column::FullName => Value::Text(m.full_name()),
            Column::Gender => Value::Text(gender_word(m.gender).into()),
            Column::Birth => Value::Date(m.birth_date),
            Column::Admission => Value::Date(m.admission_date),
            Column::Official => Value::Date(m.official_date),
            Column::Card => Value::Text(m.card_number.clone()),
            Column::Role => Value::Text(role_word(m.committee_role).into()),
            Column::Status => Value::Text(status_word(m)),
            Column::Phone => Value::Text(m.phone.clone()),
            Column::Residence => Value::Text(m.residence.clone()),
            Column::Notes => Value::Text(m.notes.clone()),
            Column::Workplace => Value::Text(m.workplace.clone()),
            Column::History => Value::Text(history_text(&m.history)),
        })
        .collect()
}

// A roster file's cells are in Vietnamese whatever the interface's language (the
// upper level reads them, and they read back the same): the words of the documents.

pub(crate) fn gender_word(g: Option<Gender>) -> &'static str {
    match g {
        Some(_) => word(labels::gender(g)),
        None => "",
    }
}

pub(crate) fn role_word(r: CommitteeRole) -> &'static str {
    match r {
        CommitteeRole::None => "",
        role => word(labels::role(role)),
    }
}

/// The status column holds either a standing (then the member is active) or an
/// activity (then the standing follows from whether there is an official date, or
/// from the word in brackets chibo adds when the date does not tell).
pub(crate) fn status_word(m: &Member) -> String {
    let by_date = if m.official_date.is_some() {
        Standing::Official
    } else {
        Standing::Probationary
    };
    match m.activity {
        Activity::Active => standing_word(m.standing).into(),
        other if m.standing == by_date => activity_word(other).into(),
        other => format!("{} ({})", activity_word(other), standing_word(m.standing)),
    }
}

fn standing_word(s: Standing) -> &'static str {
    word(labels::standing(s))
}

fn activity_word(a: Activity) -> &'static str {
    word(labels::activity(a))
}

/// Reads a status cell: the standing if the cell says it (`None`: it follows from the
/// official date), and the activity.
pub(crate) fn parse_status(s: &str) -> Option<(Option<Standing>, Activity)> {
    let folded = fold(s);
    let (word, standing) = match folded.strip_suffix(')').and_then(|f| f.rsplit_once(" (")) {
        Some((word, "chinh thuc" | "official")) => (word.to_string(), Some(Standing::Official)),
        Some((word, "du bi" | "probationary")) => (word.to_string(), Some(Standing::Probationary)),
        _ => (folded, None),
    };
    match word.as_str() {
        "" => Some((standing, Activity::Active)),
        "chinh thuc" | "official" if standing.is_none() => {
            Some((Some(Standing::Official), Activity::Active))
        }
        "du bi" | "probationary" if standing.is_none() => {
            Some((Some(Standing::Probationary), Activity::Active))
        }
        _ => Some((standing, activity_from_word(&word)?)),
    }
}

fn activity_from_word(folded: &str) -> Option<Activity> {
    ACTIVITY_WORDS
        .iter()
        .find(|(words, _)| words.contains(&folded))
        .map(|(_, a)| *a)
}

const ACTIVITY_WORDS: &[(&[&str], Activity)] = &[
    (&["dang sinh hoat", "active"], Activity::Active),
    (
        &["sinh hoat tam thoi", "temporarily attached"],
        Activity::TemporaryIn,
    ),
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

/// The status history in one cell, one change a line:
/// `15/03/2021: đang sinh hoạt → miễn sinh hoạt; tuổi cao, sức yếu`.
pub fn history_text(history: &[StatusChange]) -> String {
    history
        .iter()
        .map(|h| {
            let mut line = format!(
                "{}: {} → {}",
                format_date(h.date),
                activity_word(h.from),
                activity_word(h.to)
            );
            if !h.reason.is_empty() {
                line.push_str("; ");
                line.push_str(&h.reason);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `history_text` back; `Err` holds the line that cannot be read.
pub(crate) fn parse_history(cell: &str) -> Result<Vec<StatusChange>, String> {
    let mut out = Vec::new();
    for raw in cell.split('\n') {
        let line = clean(raw);
        if line.is_empty() {
            continue;
        }
        let parsed = (|| {
            let (date, rest) = line.split_once(':')?;
            let date = parse_date(date)?;
            let (change, reason) = match rest.split_once(';') {
                Some((c, r)) => (c, r.trim()),
                None => (rest, ""),
            };
            let (from, to) = change.split_once('→').or_else(|| change.split_once("->"))?;
            Some(StatusChange {
                date,
                from: activity_from_word(&fold(from.trim()))?,
                to: activity_from_word(&fold(to.trim()))?,
                reason: reason.to_string(),
            })
        })();
        out.push(parsed.ok_or_else(|| line.clone())?);
    }
    Ok(out)
}

/// The roster as CSV, in roster order (the caller sorts), with the Vietnamese header.
pub fn to_csv(members: &[Member]) -> String {
    to_csv_in(members, Lang::Vi)
}

/// The roster as CSV with the header in `lang`; either imports back.
pub fn to_csv_in(members: &[Member], lang: Lang) -> String {
    let header: Vec<&str> = EXPORT.iter().map(|c| c.csv_header(lang)).collect();
    super::csv::table(
        &header,
        members
            .iter()
            .map(|m| row(m).iter().map(Value::text).collect::<Vec<_>>()),
    )
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
        assert_eq!(
            Column::from_header("Ngày vào Đảng"),
            Some(Column::Admission)
        );
        assert_eq!(Column::from_header("given-name"), Some(Column::Given));
        assert_eq!(Column::from_header("tuổi"), None);
    }

    #[test]
    fn workbook_titles_read_back_as_their_columns() {
        for lang in [Lang::Vi, Lang::En] {
            for c in EXPORT {
                assert_eq!(
                    Column::from_header(c.title(lang)),
                    Some(*c),
                    "{lang}: {}",
                    c.title(lang)
                );
            }
        }
    }

    #[test]
    fn status_word_round_trips() {
        for (standing, activity, official_date) in [
            (Standing::Official, Activity::Active, true),
            (Standing::Probationary, Activity::Active, false),
            (Standing::Official, Activity::Exempt, true),
            (Standing::Official, Activity::Exempt, false),
            (Standing::Probationary, Activity::Transferred, false),
        ] {
            let mut m = Member::new("A", "", "B");
            m.standing = standing;
            m.activity = activity;
            m.official_date = official_date.then(|| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap());
            let (given, read) = parse_status(&status_word(&m)).unwrap();
            let by_date = if official_date {
                Standing::Official
            } else {
                Standing::Probationary
            };
            assert_eq!(
                (given.unwrap_or(by_date), read),
                (standing, activity),
                "{}",
                status_word(&m)
            );
        }
    }

    #[test]
    fn history_round_trips_through_one_cell() {
        let d = |s| parse_date(s).unwrap();
        let history = vec![
            StatusChange {
                date: d("15/03/2021"),
                from: Activity::Active,
                to: Activity::Exempt,
                reason: "tuổi cao; sức yếu: xin miễn".into(),
            },
            StatusChange {
                date: d("02/01/2024"),
                from: Activity::Exempt,
                to: Activity::Deceased,
                reason: String::new(),
            },
        ];
        let text = history_text(&history);
        assert_eq!(
            text,
            "15/03/2021: đang sinh hoạt → miễn sinh hoạt; tuổi cao; sức yếu: xin miễn\n02/01/2024: miễn sinh hoạt → từ trần"
        );
        assert_eq!(parse_history(&text), Ok(history));
        assert_eq!(parse_history("hôm qua: mất"), Err("hôm qua: mất".into()));
    }
}
