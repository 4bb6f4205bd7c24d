//! Excel workbooks as the office reads them, for the roster and the reports: a title
//! row (the branch and the date), a bold header row that stays in view, columns as
//! wide as their Vietnamese text, dates as real dates shown dd/mm/yyyy, and codes
//! (phone and card numbers) as text so their leading zeros stay.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Digits that are a code, not a quantity: kept as text with an `@` format, so a
    /// spreadsheet neither drops leading zeros nor offers to sum them.
    Code(String),
    Date(Option<NaiveDate>),
    Number(f64),
}

/// One sheet: a name (31 characters at most), a title line, a header and the rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The header row's index (0-based), under the title row.
pub const HEADER_ROW: u32 = 1;

const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// Width in Excel's character units for text shown in a column: the widest line,
/// counted in letters as a terminal counts them (NFC Vietnamese is one a letter),
/// with room for bold headers.
pub fn fit_width<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    let widest = texts
        .into_iter()
        .flat_map(|t| t.split('\n'))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    (widest as f64 * 1.1 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#E7E6E6");
    let text = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let code = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("@");
    let date = Format::new()
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Center)
        .set_num_format("dd/mm/yyyy");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name)?;
        ws.write_string_with_format(0, 0, &s.title, &title)?;
        for (c, h) in s.header.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, h, &header)?;
        }
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        // room above the capitals' marks (Ả, Ấ) in the larger title
        ws.set_row_height(0, 24)?;
        // printed: A4 across, one page wide, the header on every page, page numbers
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, HEADER_ROW)?;
        ws.set_footer("&C&P / &N");
        let mut widths: Vec<f64> = s.header.iter().map(|h| fit_width([h.as_str()])).collect();
        for (r, row) in s.rows.iter().enumerate() {
            let r = HEADER_ROW + 1 + r as u32;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    Cell::Text(t) => {
                        ws.write_string_with_format(r, col, t, &text)?;
                        fit_width([t.as_str()])
                    }
                    Cell::Code(t) => {
                        ws.write_string_with_format(r, col, t, &code)?;
                        fit_width([t.as_str()])
                    }
                    Cell::Date(Some(d)) => {
                        ws.write_datetime_with_format(r, col, excel_date(*d)?, &date)?;
                        fit_width(["00/00/0000"])
                    }
                    Cell::Date(None) => {
                        ws.write_blank(r, col, &date)?;
                        MIN_WIDTH
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col, *n)?;
                        fit_width([n.to_string().as_str()])
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = w.max(shown);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_widest_line_of_letters_not_bytes() {
        // "Nguyễn" is 6 letters and 8 bytes
        assert_eq!(fit_width(["Nguyễn"]), fit_width(["Nguyen"]));
        assert!(fit_width(["ngắn", "một dòng dài hơn nhiều"]) > fit_width(["ngắn"]));
        assert_eq!(fit_width(["a\nb"]), MIN_WIDTH);
        assert_eq!(fit_width(["x".repeat(500).as_str()]), MAX_WIDTH);
    }
}
