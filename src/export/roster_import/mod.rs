//! Reading a roster file (CSV, XLSX or JSON) into members, and what an import would do
//! to the roster already in the data: add them, or with `--update` change the members
//! they match. Tolerant of what Vietnamese spreadsheets write — BOM, `;` separators,
//! CRLF, NFD text, either date form, Vietnamese or English headers — and strict about
//! content: one bad row and nothing is imported. Linear in the rows.
//!
//! `file` reads the bytes into cells, `columns` turns cells into members, `matching`
//! checks a plain import against the data, `update` plans `--update`, and `error` holds
//! the messages of a bad row.

mod columns;
mod error;
mod file;
mod matching;
mod update;

pub use columns::{MAX_CELL_CHARS, from_table};
pub use error::RowError;
pub use file::{Table, is_workbook, read};
pub use matching::check_new;
pub use update::{Change, FieldChange, Plan, plan_update};

use super::members::Column;
use crate::domain::member::Member;
use crate::i18n::Lang;

/// What a file holds, as members, and what was guessed on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub members: Vec<Member>,
    /// The line each member came from (0 for JSON).
    pub lines: Vec<u64>,
    /// For each member, whether the file said the standing (else it follows from the
    /// official date).
    pub standing_given: Vec<bool>,
    /// For each member, the columns whose cell is filled: an update changes only these
    /// (an empty cell says nothing, it does not erase).
    pub filled: Vec<Vec<Column>>,
    pub warnings: Vec<String>,
}

/// How to read a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    pub lang: Lang,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<&'a str>,
}

/// Reads a roster file to add to `existing`: every row must be new.
pub fn parse(bytes: &[u8], existing: &[Member]) -> Result<Parsed, Vec<RowError>> {
    let parsed = read(bytes, &ReadOptions::default())?;
    check_new(&parsed, existing, Lang::Vi)?;
    Ok(parsed)
}

#[cfg(test)]
mod testing {
    use super::{ReadOptions, parse, read};
    use crate::domain::member::{Member, MemberId};

    /// The messages of a file that does not read.
    pub fn errors(text: &str) -> Vec<String> {
        read(text.as_bytes(), &ReadOptions::default())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Two members in the data, one with a card number.
    pub fn roster() -> Vec<Member> {
        let text = "ho,ten,ngay_sinh,so_the,dien_thoai,trang_thai\nLê,An,01/01/1960,01000001,0901000001,chính thức\nTrần,Bình,02/02/1970,,0902000002,chính thức\n";
        let mut list = parse(text.as_bytes(), &[]).unwrap().members;
        for (i, m) in list.iter_mut().enumerate() {
            m.id = MemberId(i as u64 + 1);
        }
        list
    }
}
