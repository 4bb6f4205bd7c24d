//! A table of cells as members: the header names the columns (Vietnamese or English,
//! any order), each row one member, every bad cell reported with its line and column.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::{RowError, member_error, validation_column};
use super::file::Table;
use super::{Column, Parsed};
use crate::domain::calendar::parse_date;
use crate::domain::member::{CommitteeRole, Gender, Member, Standing, split_full_name};
use crate::domain::text::{clean, fold};
use crate::export::members::{CARD_DIGITS, parse_history, parse_status};
use crate::i18n::{Lang, Msg};

/// The longest cell accepted (the status history excepted: it is one change a line).
pub const MAX_CELL_CHARS: usize = 200;

/// Members from a table of cells: the header names the columns, each row one member.
pub fn from_table(table: &Table, lang: Lang) -> Result<Parsed, Vec<RowError>> {
    let header_line = table.header_line;
    let mut index: HashMap<Column, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, h) in table.header.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) => {
                if index.insert(c, i).is_some() {
                    errors.push(RowError {
                        line: header_line,
                        column: None,
                        reason: Msg::RosterColumnTwice.fill(lang, &[("col", h)]),
                    });
                }
            }
            None if h.trim().is_empty() => {}
            None => errors.push(RowError {
                line: header_line,
                column: None,
                reason: Msg::RosterUnknownColumn.fill(lang, &[("col", &h.trim())]),
            }),
        }
    }
    let has_parts = index.contains_key(&Column::Family) && index.contains_key(&Column::Given);
    if !has_parts && !index.contains_key(&Column::FullName) {
        errors.push(RowError {
            line: header_line,
            column: None,
            reason: Msg::RosterNoNameColumns.get(lang).into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut parsed = Parsed::default();
    let mut earlier = table.errors.iter().peekable();
    for (line, record) in &table.rows {
        let line = *line;
        while let Some(e) = earlier.next_if(|e| e.line <= line) {
            errors.push(e.clone());
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > table.header.len() {
            errors.push(RowError {
                line,
                column: None,
                reason: Msg::RosterTooManyCells
                    .fill(lang, &[("n", &record.len()), ("max", &table.header.len())]),
            });
            continue;
        }
        let mut long = false;
        for (col, &i) in &index {
            let n = record.get(i).map_or(0, |c| c.chars().count());
            if *col != Column::History && n > MAX_CELL_CHARS {
                long = true;
                errors.push(RowError {
                    line,
                    column: Some(col.header()),
                    reason: Msg::RosterCellTooLong
                        .fill(lang, &[("n", &n), ("max", &MAX_CELL_CHARS)]),
                });
            }
        }
        if long {
            continue;
        }
        let raw = |c: Column| {
            index
                .get(&c)
                .and_then(|&i| record.get(i))
                .map(String::as_str)
        };
        match parse_row(&raw, line, lang) {
            Ok((m, given, warning)) => {
                let mut filled: Vec<Column> = index
                    .iter()
                    .filter(|&(_, &i)| record.get(i).is_some_and(|c| !c.trim().is_empty()))
                    .map(|(c, _)| *c)
                    .collect();
                // a name is one thing: given in parts or whole, all three parts are set
                if [Column::FullName, Column::Family, Column::Given]
                    .iter()
                    .any(|c| filled.contains(c))
                {
                    filled.extend([Column::Family, Column::Middle, Column::Given]);
                }
                parsed.warnings.extend(warning);
                parsed.members.push(m);
                parsed.lines.push(line);
                parsed.standing_given.push(given);
                parsed.filled.push(filled);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    errors.extend(earlier.cloned());
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

type Row<'a> = dyn Fn(Column) -> Option<&'a str> + 'a;

/// One row as a member; the bool says whether the standing was given.
fn parse_row(
    raw: &Row,
    line: u64,
    lang: Lang,
) -> Result<(Member, bool, Option<String>), Vec<RowError>> {
    let cell = |c: Column| raw(c).map(clean).unwrap_or_default();
    let mut errors = Vec::new();
    let err = |col: Column, reason: String| RowError {
        line,
        column: Some(col.header()),
        reason,
    };
    let mut warning = None;
    let (family, middle, given) =
        if !cell(Column::Family).is_empty() || !cell(Column::Given).is_empty() {
            (
                cell(Column::Family),
                cell(Column::Middle),
                cell(Column::Given),
            )
        } else {
            let full = cell(Column::FullName);
            match split_full_name(&full) {
                Some((f, m, g)) => {
                    warning = Some(Msg::RosterNameSplit.fill(
                        lang,
                        &[
                            ("line", &line),
                            ("full", &full),
                            ("family", &f),
                            ("middle", &m),
                            ("given", &g),
                        ],
                    ));
                    (f, m, g)
                }
                None => {
                    errors.push(err(
                        Column::FullName,
                        Msg::RosterNameUnsplittable.fill(lang, &[("full", &full)]),
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
            errors.push(err(col, Msg::RosterBadDate.fill(lang, &[("value", &v)])));
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
            errors.push(err(
                Column::Gender,
                Msg::RosterBadGender.fill(lang, &[("value", &other)]),
            ));
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
                Msg::RosterBadRole.fill(lang, &[("value", &cell(Column::Role))]),
            ));
            CommitteeRole::None
        }
    };
    let status = cell(Column::Status);
    let mut standing_given = false;
    match parse_status(&status) {
        Some((standing, activity)) => {
            standing_given = standing.is_some();
            m.standing = standing.unwrap_or(standing_by_date(m.official_date));
            m.activity = activity;
        }
        None => errors.push(err(
            Column::Status,
            Msg::RosterBadStatus.fill(lang, &[("value", &status)]),
        )),
    }
    m.card_number = cell(Column::Card);
    if m.card_number.len() < CARD_DIGITS
        && !m.card_number.is_empty()
        && m.card_number.bytes().all(|b| b.is_ascii_digit())
    {
        let fixed = format!("{:0>width$}", m.card_number, width = CARD_DIGITS);
        errors.push(err(
            Column::Card,
            Msg::RosterCardLostZero.fill(
                lang,
                &[
                    ("value", &m.card_number),
                    ("n", &m.card_number.len()),
                    ("digits", &CARD_DIGITS),
                    ("fixed", &fixed),
                ],
            ),
        ));
    }
    m.phone = cell(Column::Phone);
    if lost_leading_zero(&m.phone) {
        errors.push(err(
            Column::Phone,
            Msg::RosterPhoneLostZero.fill(
                lang,
                &[("value", &m.phone), ("fixed", &format!("0{}", m.phone))],
            ),
        ));
    }
    m.residence = cell(Column::Residence);
    m.notes = cell(Column::Notes);
    m.workplace = cell(Column::Workplace);
    if let Some(h) = raw(Column::History) {
        match parse_history(h) {
            Ok(history) => m.history = history,
            Err(bad) => errors.push(err(
                Column::History,
                Msg::RosterBadHistory.fill(lang, &[("value", &bad)]),
            )),
        }
        if let Some(long) = m
            .history
            .iter()
            .find(|h| h.reason.chars().count() > MAX_CELL_CHARS)
        {
            let n = long.reason.chars().count();
            errors.push(err(
                Column::History,
                Msg::RosterCellTooLong.fill(lang, &[("n", &n), ("max", &MAX_CELL_CHARS)]),
            ));
        }
    }
    if errors.is_empty()
        && let Err(e) = m.validate()
    {
        errors.push(err(validation_column(e), member_error(e).get(lang).into()));
    }
    if errors.is_empty() {
        Ok((m, standing_given, warning))
    } else {
        Err(errors)
    }
}

pub(super) fn standing_by_date(official: Option<NaiveDate>) -> Standing {
    if official.is_some() {
        Standing::Official
    } else {
        Standing::Probationary
    }
}

/// A Vietnamese number written as a spreadsheet number: 9 or 10 digits where the
/// first would be 0 (mobile 09x…, landline 02x…).
fn lost_leading_zero(phone: &str) -> bool {
    phone.bytes().all(|b| b.is_ascii_digit())
        && matches!(phone.len(), 9 | 10)
        && !phone.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::super::testing::errors;
    use super::super::{ReadOptions, parse, read};
    use chrono::NaiveDate;

    #[test]
    fn semicolons_crlf_bom_nfd_and_iso_dates() {
        let text = "\u{feff}ho;ten_dem;ten;ngay_sinh;trang_thai\r\nNguye\u{0302}\u{0303}n;Văn;Hùng;1958-03-12;chính thức\r\n";
        let p = parse(text.as_bytes(), &[]).unwrap();
        assert_eq!(p.members[0].family_name, "Nguyễn");
        assert_eq!(
            p.members[0].birth_date,
            NaiveDate::from_ymd_opt(1958, 3, 12)
        );
    }

    #[test]
    fn full_name_only_is_split_with_a_warning() {
        let p = parse(
            "ho_ten,ngay_sinh\nTôn Nữ Minh Châu,29/09/1986\n".as_bytes(),
            &[],
        )
        .unwrap();
        let m = &p.members[0];
        assert_eq!(
            (
                m.family_name.as_str(),
                m.middle_name.as_str(),
                m.given_name.as_str()
            ),
            ("Tôn", "Nữ Minh", "Châu")
        );
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn every_bad_row_is_listed_with_line_and_column() {
        assert_eq!(
            errors(
                "ho,ten,ngay_sinh,gioi_tinh\nLê,Tuấn,31/02/1980,Nam\nTrần,Mai,01/01/1970,X\nPhạm,Hà,01/01/1965,Nữ\n"
            ),
            [
                "dòng 2, cột ngay_sinh: ngày \"31/02/1980\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)",
                "dòng 3, cột gioi_tinh: giới tính \"x\" không rõ (Nam/Nữ)",
            ]
        );
    }

    #[test]
    fn numbers_that_lost_their_leading_zeros_are_reported() {
        assert_eq!(
            errors("ho,ten,so_the,dien_thoai\nLê,An,1024587,957138566\n"),
            [
                "dòng 2, cột so_the: số thẻ \"1024587\" chỉ có 7 chữ số, số thẻ đảng viên có 8 (bảng tính đã bỏ số 0 ở đầu?) — hãy ghi 01024587",
                "dòng 2, cột dien_thoai: số điện thoại \"957138566\" mất số 0 ở đầu (bảng tính coi là số?) — hãy ghi 0957138566",
            ]
        );
        assert!(
            read(
                "ho,ten,so_the,dien_thoai\nLê,An,01024587,+84957138566\n".as_bytes(),
                &ReadOptions::default()
            )
            .is_ok()
        );
    }
}
