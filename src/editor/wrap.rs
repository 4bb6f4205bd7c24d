//! Soft word wrap of the editor's lines at the width they are drawn in: where each row
//! of a line starts, kept per line and mended after an edit rather than done again.
//!
//! The rule, greedy (so the rows after a row start depend only on the text from there):
//! - whitespace stays on the row it ends, even past the right edge ("hanging"): a row
//!   never starts with the space that broke it, and the spaces past the edge are not
//!   drawn;
//! - a character that does not fit ends the row just after the row's last whitespace or,
//!   when the row has none (a word wider than the area), just before itself;
//! - a row holds at least one character: a wide character in a narrower area gets a row
//!   of its own (and is not drawn).
//!
//! Widths come from unicode-width, character by character: a precomposed Vietnamese
//! letter takes one cell, a CJK character two, a combining mark none (so it never
//! starts a row after its letter), a control character none (ratatui draws none).

use unicode_width::UnicodeWidthChar;

/// Where a row starts in its line: byte offset and character index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Start {
    pub byte: usize,
    pub char: usize,
}

/// Cells a character takes on screen.
pub(super) fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// A row may end after this character: whitespace, but not the no-break spaces.
fn breaks_after(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Where the row that starts at `from` ends (the next row's start, or the line's end).
fn row_end(line: &str, from: Start, width: usize) -> Start {
    let mut used = 0usize;
    let mut chars = 0usize;
    let mut after_space: Option<Start> = None;
    for (i, c) in line.get(from.byte..).unwrap_or("").char_indices() {
        let w = width_of(c);
        if breaks_after(c) {
            used += w;
            chars += 1;
            after_space = Some(Start {
                byte: from.byte + i + c.len_utf8(),
                char: from.char + chars,
            });
            continue;
        }
        if chars > 0 && used + w > width {
            return after_space.unwrap_or(Start {
                byte: from.byte + i,
                char: from.char + chars,
            });
        }
        used += w;
        chars += 1;
    }
    Start {
        byte: line.len(),
        char: from.char + chars,
    }
}

/// The row starts of `line` at `width`, wrapped from scratch; the first is always 0.
pub(super) fn wrap(line: &str, width: usize) -> Vec<Start> {
    let mut starts = vec![Start::default()];
    resume(line, width, Start::default(), &Tail::NONE, &mut starts);
    starts
}

/// The rows a line had before an edit, from the first one past the edit on, and how far
/// the edit moved them: once a new row starts where one of them now is, every row after
/// it is as it was.
pub(super) struct Tail<'a> {
    pub old: &'a [Start],
    /// The first byte after the edit, in the new text: only starts from here line up.
    pub sync: usize,
    pub bytes: isize,
    pub chars: isize,
}

impl Tail<'_> {
    pub const NONE: Tail<'static> = Tail {
        old: &[],
        sync: usize::MAX,
        bytes: 0,
        chars: 0,
    };

    pub fn moved(&self, s: Start) -> Start {
        Start {
            byte: s.byte.saturating_add_signed(self.bytes),
            char: s.char.saturating_add_signed(self.chars),
        }
    }
}

/// Wraps `line` again from the row starting at `from`, pushing the row starts after it
/// onto `out`, to the line's end or until a row start lines up with one of `tail`: then
/// the index in `tail.old` of that start, from which the old rows (moved) are the rest.
pub(super) fn resume(
    line: &str,
    width: usize,
    from: Start,
    tail: &Tail<'_>,
    out: &mut Vec<Start>,
) -> Option<usize> {
    let mut at = from;
    let mut next_old = 0usize;
    loop {
        let end = row_end(line, at, width);
        if end.byte >= line.len() {
            return None;
        }
        if end.byte >= tail.sync {
            while next_old < tail.old.len() && tail.moved(tail.old[next_old]).byte < end.byte {
                next_old += 1;
            }
            if next_old < tail.old.len() && tail.moved(tail.old[next_old]).byte == end.byte {
                return Some(next_old);
            }
        }
        out.push(end);
        at = end;
    }
}

/// Wraps `line` again after its text from byte `at` to byte `to` (old offsets) was
/// replaced, moving what followed by `bytes` and `chars`: from the row before the edit
/// until the rows line up with the old ones, which are then only moved.
pub(super) fn mend(
    line: &str,
    width: usize,
    rows: &mut Vec<Start>,
    (at, to): (usize, usize),
    (bytes, chars): (isize, isize),
) {
    let keep = kept_rows(rows, at);
    let first_after = rows.partition_point(|s| s.byte < to).max(keep);
    let tail = Tail {
        old: &rows[first_after..],
        sync: to.saturating_add_signed(bytes),
        bytes,
        chars,
    };
    let mut mid = Vec::new();
    let from = rows[keep - 1];
    match resume(line, width, from, &tail, &mut mid) {
        Some(j) => {
            let j = first_after + j;
            for s in &mut rows[j..] {
                s.byte = s.byte.saturating_add_signed(bytes);
                s.char = s.char.saturating_add_signed(chars);
            }
            rows.splice(keep..j, mid);
        }
        None => {
            rows.truncate(keep);
            rows.extend(mid);
        }
    }
}

/// The row of a line (given its starts) that shows the caret at character `col`: the
/// end of a row is the start of the next one, except at the end of the line.
pub(super) fn row_of(starts: &[Start], col: usize) -> usize {
    starts.partition_point(|s| s.char <= col).saturating_sub(1)
}

/// How many rows of a line before the edit at byte `at` stay as they were: a row's
/// end is decided by looking at most as far as the start of the row after next.
pub(super) fn kept_rows(starts: &[Start], at: usize) -> usize {
    let row = starts.partition_point(|s| s.byte <= at).saturating_sub(1);
    row.saturating_sub(1).max(1)
}

/// Cells from the start of `text` to its end.
pub(super) fn width_str(text: &str) -> usize {
    text.chars().map(width_of).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<&str> {
        let starts = wrap(line, width);
        let mut out = Vec::new();
        for (i, s) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(line.len(), |e| e.byte);
            out.push(&line[s.byte..end]);
        }
        out
    }

    #[test]
    fn vietnamese_words_wrap_after_their_spaces() {
        assert_eq!(
            rows("Chi bộ thống nhất triển khai", 10),
            ["Chi bộ ", "thống nhất ", "triển khai"]
        );
        // a space that reaches past the edge hangs there
        assert_eq!(rows("nghị quyết", 4), ["nghị ", "quyế", "t"]);
        assert_eq!(rows("", 5), [""]);
        assert_eq!(rows("abc", 0), ["a", "b", "c"]);
    }

    #[test]
    fn a_word_wider_than_the_row_breaks_between_letters() {
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("ab cdefghij", 4), ["ab ", "cdef", "ghij"]);
        // a no-break space does not end a row
        assert_eq!(rows("12\u{a0}000 đồng", 6), ["12\u{a0}000 ", "đồng"]);
    }

    #[test]
    fn wide_and_combining_characters_take_their_cells() {
        assert_eq!(rows("中文字符", 5), ["中文", "字符"]);
        assert_eq!(rows("中", 1), ["中"]);
        // a combining mark stays with its letter, even at the edge
        assert_eq!(rows("abce\u{301}fg", 4), ["abce\u{301}", "fg"]);
        let starts = wrap("abce\u{301}fg", 4);
        assert_eq!(starts[1], Start { byte: 6, char: 5 });
    }

    #[test]
    fn the_caret_at_a_row_end_is_on_the_next_row_but_at_the_line_end_on_the_last() {
        let starts = wrap("ab cd", 3);
        assert_eq!(row_of(&starts, 2), 0);
        assert_eq!(row_of(&starts, 3), 1);
        assert_eq!(row_of(&starts, 5), 1);
    }
}
