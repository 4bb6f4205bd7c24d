//! Reading the bytes of a roster file: a workbook, JSON as `export members` writes
//! it, or CSV in whatever form a Vietnamese spreadsheet saved it (BOM, `;`, CRLF), with
//! the line of every record; UTF-16 and broken text named as such.

use super::error::{RowError, file_error, member_error};
use super::{Parsed, ReadOptions, from_table};
use crate::domain::member::{Member, MemberId};
use crate::domain::text::clean;
use crate::i18n::{Lang, Msg};

/// Whether the bytes are a workbook (a zip archive, as .xlsx files are).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a roster file: XLSX, JSON (an array of members, as `export members --format
/// json` writes) or CSV. Checks each row on its own; `check_new` or `plan_update`
/// then check it against the data.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Parsed, Vec<RowError>> {
    let lang = opts.lang;
    if bytes.is_empty() {
        return Err(file_error(Msg::RosterEmpty.get(lang)));
    }
    if is_workbook(bytes) {
        let table = crate::export::roster_xlsx::read(bytes, opts.sheet, lang)?;
        return from_table(&table, lang);
    }
    if opts.sheet.is_some() {
        return Err(file_error(Msg::RosterSheetOnlyXlsx.get(lang)));
    }
    if let Some(order) = utf16(bytes) {
        return Err(file_error(
            Msg::RosterUtf16.fill(lang, &[("order", &order)]),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| file_error(Msg::RosterNotUtf8.fill(lang, &[("at", &e.valid_up_to())])))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        parse_json(text, lang)
    } else {
        let table = csv_table(text, lang)?;
        from_table(&table, lang)
    }
}

/// "UTF-16 LE" or "UTF-16 BE" when the bytes are UTF-16 text: a byte order mark, or
/// (without one) a NUL in every other byte of the first line.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some("UTF-16 LE");
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 BE");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.chunks(2);
    if pairs.clone().all(|p| p[1] == 0 && p[0] != 0) {
        Some("UTF-16 LE")
    } else if pairs.clone().all(|p| p[0] == 0 && p[1] != 0) {
        Some("UTF-16 BE")
    } else {
        None
    }
}

fn parse_json(text: &str, lang: Lang) -> Result<Parsed, Vec<RowError>> {
    let mut members: Vec<Member> = serde_json::from_str(text).map_err(|e| {
        vec![RowError {
            line: e.line() as u64,
            column: None,
            reason: Msg::RosterJsonInvalid.fill(lang, &[("err", &e)]),
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
                reason: Msg::RosterJsonMember.fill(
                    lang,
                    &[("n", &(i + 1)), ("reason", &member_error(e).get(lang))],
                ),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let n = members.len();
    Ok(Parsed {
        members,
        lines: vec![0; n],
        standing_given: vec![true; n],
        filled: vec![crate::export::members::EXPORT.to_vec(); n],
        warnings: Vec::new(),
    })
}

/// A file's cells before they become members: the header row, then each row with its
/// line (a spreadsheet's row number).
#[derive(Debug, Default)]
pub struct Table {
    pub header_line: u64,
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
    /// Problems found while reading cells (kept with the row checks, in line order).
    pub errors: Vec<RowError>,
}

fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// The lines holding a NUL byte, and the line of a quote that is never closed.
fn text_errors(text: &str, sep: u8, lang: Lang) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut line = 1u64;
    let mut nul_reported = 0u64;
    // a field opened by a quote runs to the matching quote ("" inside is one quote)
    let mut quoted_since: Option<u64> = None;
    let mut at_field_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0 && nul_reported != line {
            nul_reported = line;
            errors.push(RowError {
                line,
                column: None,
                reason: Msg::RosterNul.get(lang).into(),
            });
        }
        match quoted_since {
            Some(_) if b == b'"' => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted_since = None;
                }
            }
            Some(_) => {}
            None if b == b'"' && at_field_start => quoted_since = Some(line),
            None => {}
        }
        at_field_start = quoted_since.is_none() && (b == sep || b == b'\n' || b == b'\r');
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    if let Some(opened) = quoted_since {
        errors.push(RowError {
            line: opened,
            column: None,
            reason: Msg::RosterUnclosedQuote.get(lang).into(),
        });
    }
    errors
}

/// The CSV's cells, with each record's first line.
fn csv_table(text: &str, lang: Lang) -> Result<Table, Vec<RowError>> {
    let sep = separator(text);
    let errors = text_errors(text, sep, lang);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    // lines counted from byte offsets (csv's own count varies with CRLF files),
    // going forward from the previous record so the whole file is read once
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    let mut line_at = |byte: u64| {
        let bytes = text.as_bytes();
        let mut end = (byte as usize).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        if end > counted_to {
            lines_before += bytes[counted_to..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = end;
        }
        lines_before + 1
    };
    let mut first = true;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
                if first {
                    return Err(file_error(
                        Msg::RosterHeaderUnreadable.fill(lang, &[("err", &e)]),
                    ));
                }
                table.errors.push(RowError {
                    line,
                    column: None,
                    reason: Msg::RosterBadCsvLine.fill(lang, &[("err", &e)]),
                });
                continue;
            }
        };
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        let cells: Vec<String> = record
            .iter()
            .map(|c| crate::export::csv::unguard(c).to_string())
            .collect();
        if first {
            first = false;
            table.header_line = line;
            table.header = cells;
        } else {
            table.rows.push((line, cells));
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::super::testing::errors;
    use super::*;

    #[test]
    fn lines_count_quoted_line_breaks_and_crlf() {
        let text =
            "ho,ten,noi_cu_tru\r\nLê,An,\"12 Lê Lợi\r\ntổ 5\"\r\nTrần,Bình,x\r\n\r\nPhạm,,y\r\n";
        assert_eq!(errors(text), ["dòng 6, cột ten: thiếu tên"]);
    }

    #[test]
    fn a_nul_byte_an_unclosed_quote_and_a_long_cell_are_named() {
        assert_eq!(
            errors("ho,ten\nLê,An\nTrần,B\0nh\n"),
            ["dòng 3: có ký tự NUL (byte 0): tệp hỏng hoặc không phải văn bản CSV"]
        );
        assert_eq!(
            errors("ho,ten,ghi_chu\nLê,An,\"chưa đóng\nTrần,Bình,x\n"),
            ["dòng 2: dấu ngoặc kép mở ở dòng này không được đóng"]
        );
        let long = format!("ho,ten,ghi_chu\nLê,An,{}\n", "x".repeat(201));
        assert_eq!(
            errors(&long),
            ["dòng 2, cột ghi_chu: ô dài 201 ký tự, quá 200 ký tự"]
        );
        // a quote inside an unquoted cell is the cell's own
        assert!(
            read(
                "ho,ten\nLê,An \"Hai\"\n".as_bytes(),
                &ReadOptions::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn utf16_is_named_as_utf16() {
        let le: Vec<u8> = "\u{feff}ho,ten\nLê,An\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "ho,ten\nLe,An\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for (bytes, order) in [(le, "UTF-16 LE"), (be, "UTF-16 BE")] {
            let e = read(&bytes, &ReadOptions::default()).unwrap_err();
            assert!(
                e[0].reason.contains(order) && e[0].reason.contains("CSV UTF-8"),
                "{e:?}"
            );
        }
    }
}
