//! CSV as chibo writes it: one writer for the roster and the reports, with every cell a
//! spreadsheet would take for a formula guarded by a leading `'`, and the reading side
//! that removes the guard again.

use std::borrow::Cow;

/// Cells starting with these are formulas (or become one) in a spreadsheet.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written: a leading `'` before anything a spreadsheet would run as a
/// formula. A cell that itself starts with `'` gets one too, so that reading back
/// gives exactly what was written.
pub fn guard(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) || c == '\'' => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The cell as it was before `guard`. A `'` typed by hand before ordinary text stays.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c| FORMULA_STARTS.contains(&c) || c == '\'') => rest,
        _ => cell,
    }
}

/// A whole CSV file: the header, then the rows, `\n` line ends, every cell guarded.
pub fn table<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // writing into a Vec cannot fail, and the cells are valid UTF-8
    let _ = w.write_record(header.iter().map(|h| guard(h).into_owned()));
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| guard(c.as_ref()).into_owned())
            .collect();
        let _ = w.write_record(&cells);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded_and_read_back_exactly() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+84903111222",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=already",
            "'",
            "plain",
            "",
            "Lê Lợi",
        ] {
            let written = guard(cell);
            assert_eq!(unguard(&written), cell, "{cell:?}");
            assert!(!written.starts_with(FORMULA_STARTS), "{written:?}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("Lê"), "Lê");
        // a quote typed before a name in a spreadsheet is the name's own
        assert_eq!(unguard("'Ali"), "'Ali");
    }

    #[test]
    fn the_table_guards_every_cell() {
        let text = table(&["a", "b"], [["=cmd|' /C calc'!A0", "ok"]]);
        assert_eq!(text, "a,b\n'=cmd|' /C calc'!A0,ok\n");
    }
}
