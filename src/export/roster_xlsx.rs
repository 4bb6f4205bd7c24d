//! The roster as an Excel workbook: written with the office's sheet layout (title,
//! bold frozen header, dates as dates, codes as text), and read back from the first
//! sheet or a named one, into the same cells a CSV gives.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::members::{Column, EXPORT, Value, row};
use super::roster_import::{RowError, Table};
use super::sheet::{Cell, Sheet, workbook};
use crate::domain::calendar::format_date;
use crate::domain::member::Member;
use crate::i18n::{Lang, Msg};

/// The roster's workbook, in roster order (the caller sorts).
pub fn write(
    members: &[Member],
    branch: &str,
    today: NaiveDate,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let rows = members
        .iter()
        .map(|m| {
            EXPORT
                .iter()
                .zip(row(m))
                .map(|(c, v)| match v {
                    Value::Date(d) => Cell::Date(d),
                    Value::Text(t) if c.is_number_text() => Cell::Code(t),
                    Value::Text(t) => Cell::Text(t),
                })
                .collect()
        })
        .collect();
    let sheet = Sheet {
        name: Msg::ScreenRoster.get(lang).into(),
        title: Msg::RosterTitle.fill(lang, &[("branch", &branch), ("date", &format_date(today))]),
        header: EXPORT.iter().map(|c| c.title(lang).to_string()).collect(),
        rows,
    };
    workbook(&[sheet]).map_err(|e| e.to_string())
}

fn file_error(reason: String) -> Vec<RowError> {
    vec![RowError {
        line: 0,
        column: None,
        reason,
    }]
}

/// A cell as the text a CSV would hold: dates dd/mm/yyyy, whole numbers without a
/// decimal point (so a card number typed as a number shows what was lost).
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day))
                .map(format_date)
                .unwrap_or_else(|| d.as_f64().to_string())
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The sheet's cells: the header is the first row naming a roster column (a title row
/// above it is skipped); rows are numbered as the spreadsheet shows them.
pub fn read(bytes: &[u8], sheet: Option<&str>, lang: Lang) -> Result<Table, Vec<RowError>> {
    let unreadable =
        |e: &dyn std::fmt::Display| file_error(Msg::RosterXlsxUnreadable.fill(lang, &[("err", e)]));
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let name = match sheet {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| file_error(Msg::RosterNoHeader.get(lang).into()))?,
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                file_error(
                    Msg::RosterNoSheet
                        .fill(lang, &[("name", &wanted), ("names", &names.join(", "))]),
                )
            })?,
    };
    let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
    let first_row = range.start().map_or(0, |(r, _)| r) as u64;
    let first_col = range.start().map_or(0, |(_, c)| c) as usize;
    let mut table = Table::default();
    let mut found = false;
    for (i, cells) in range.rows().enumerate() {
        let line = first_row + i as u64 + 1;
        // columns left of the used range are empty cells
        let cells: Vec<String> = std::iter::repeat_n(String::new(), first_col)
            .chain(cells.iter().map(text))
            .collect();
        if !found {
            if cells.iter().any(|c| Column::from_header(c).is_some()) {
                found = true;
                table.header_line = line;
                table.header = cells;
            }
            continue;
        }
        // a row only as long as its last filled cell, as a CSV line would be
        let used = cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |p| p + 1);
        let mut cells = cells;
        cells.truncate(used.max(table.header.len().min(cells.len())));
        table.rows.push((line, cells));
    }
    if !found {
        return Err(file_error(Msg::RosterNoHeader.get(lang).into()));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::roster_import::{ReadOptions, read as read_roster};

    fn book(rows: Vec<Vec<Cell>>) -> Vec<u8> {
        let sheet = Sheet {
            name: "Danh sách".into(),
            title: "Chi bộ Khu phố 3 — 22/11/2026".into(),
            header: ["Họ", "Tên", "Ngày sinh", "Số thẻ đảng viên", "Điện thoại"]
                .map(String::from)
                .to_vec(),
            rows,
        };
        workbook(&[sheet]).unwrap()
    }

    #[test]
    fn numbers_a_spreadsheet_stripped_of_zeros_are_reported_with_the_row() {
        let bytes = book(vec![
            vec![
                Cell::Text("Lê".into()),
                Cell::Text("An".into()),
                Cell::Date(NaiveDate::from_ymd_opt(1960, 1, 31)),
                Cell::Code("01000001".into()),
                Cell::Code("0901000001".into()),
            ],
            vec![
                Cell::Text("Trần".into()),
                Cell::Text("Bình".into()),
                Cell::Text("02/02/1970".into()),
                Cell::Number(1024587.0),
                Cell::Number(957138566.0),
            ],
        ]);
        let errors: Vec<String> = read_roster(&bytes, &ReadOptions::default())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        // the title is row 1, the header row 2, the members rows 3 and 4
        assert_eq!(
            errors,
            [
                "dòng 4, cột so_the: số thẻ \"1024587\" chỉ có 7 chữ số, số thẻ đảng viên có 8 (bảng tính đã bỏ số 0 ở đầu?) — hãy ghi 01024587",
                "dòng 4, cột dien_thoai: số điện thoại \"957138566\" mất số 0 ở đầu (bảng tính coi là số?) — hãy ghi 0957138566",
            ]
        );
    }

    #[test]
    fn dates_read_as_dates_and_a_sheet_by_name() {
        let bytes = book(vec![vec![
            Cell::Text("Lê".into()),
            Cell::Text("An".into()),
            Cell::Date(NaiveDate::from_ymd_opt(1960, 1, 31)),
        ]]);
        let opts = ReadOptions {
            sheet: Some("Danh sách"),
            ..ReadOptions::default()
        };
        let p = read_roster(&bytes, &opts).unwrap();
        assert_eq!(
            p.members[0].birth_date,
            NaiveDate::from_ymd_opt(1960, 1, 31)
        );
        assert_eq!(p.lines, [3]);
        let opts = ReadOptions {
            sheet: Some("Sheet1"),
            ..ReadOptions::default()
        };
        let e = read_roster(&bytes, &opts).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "không có trang \"Sheet1\" (các trang: Danh sách)"
        );
    }
}
