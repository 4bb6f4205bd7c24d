//! What the editor shows: the rows of each line at the width last drawn (kept between
//! draws and mended after each edit), the row at the top, and where the caret was drawn.
//! Only the rows on screen are drawn, and only the lines walked through are wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::Pos;
use super::wrap::{self, Start, Tail};

/// A place on screen in the text: a line and one of its rows.
pub(super) type Row = (usize, usize);

#[derive(Debug, Default)]
pub(super) struct View {
    /// The width the rows are wrapped at; 0 until first drawn: no wrap.
    width: usize,
    /// The rows drawn, as last drawn: what a page key moves by.
    pub height: usize,
    /// Each line's row starts at `width`, `None` until needed.
    rows: Vec<Option<Vec<Start>>>,
    /// The row drawn at the top, kept between draws so the view moves only when the
    /// caret leaves it.
    top: Row,
    /// Where the caret was last drawn, from the top left of the area.
    pub caret: (usize, usize),
}

impl View {
    pub fn new(lines: usize, width: usize, height: usize) -> View {
        View {
            width,
            height,
            rows: vec![None; lines],
            ..View::default()
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    fn wrap_width(&self) -> usize {
        if self.width == 0 {
            usize::MAX
        } else {
            self.width
        }
    }

    /// The row starts of line `i`, wrapped now if they were not.
    pub fn starts(&mut self, lines: &[String], i: usize) -> &[Start] {
        let width = self.wrap_width();
        if self.rows.len() != lines.len() {
            // never expected: the edits keep both in step; start again rather than panic
            self.rows = vec![None; lines.len()];
        }
        match self.rows.get_mut(i) {
            Some(slot) => {
                let line = lines.get(i).map_or("", String::as_str);
                slot.get_or_insert_with(|| wrap::wrap(line, width))
            }
            None => &[],
        }
    }

    /// The row showing the caret.
    pub fn row_of(&mut self, lines: &[String], caret: Pos) -> Row {
        (
            caret.line,
            wrap::row_of(self.starts(lines, caret.line), caret.col),
        )
    }

    /// The row below `at`, if any.
    pub fn down(&mut self, lines: &[String], (line, row): Row) -> Option<Row> {
        if row + 1 < self.starts(lines, line).len() {
            Some((line, row + 1))
        } else if line + 1 < lines.len() {
            Some((line + 1, 0))
        } else {
            None
        }
    }

    /// The row above `at`, if any.
    pub fn up(&mut self, lines: &[String], (line, row): Row) -> Option<Row> {
        if row > 0 {
            Some((line, row - 1))
        } else if line > 0 {
            let above = self.starts(lines, line - 1).len().saturating_sub(1);
            Some((line - 1, above))
        } else {
            None
        }
    }

    /// The top row moved by `n` rows (down if positive), as far as the text goes.
    pub fn scroll(&mut self, lines: &[String], n: isize) {
        for _ in 0..n.unsigned_abs() {
            let next = if n > 0 {
                self.down(lines, self.top)
            } else {
                self.up(lines, self.top)
            };
            match next {
                Some(r) => self.top = r,
                None => break,
            }
        }
    }

    /// The start and end (exclusive) of a row, and whether it is its line's last.
    pub fn bounds(&mut self, lines: &[String], (line, row): Row) -> (Start, Start, bool) {
        let len = lines.get(line).map_or(0, String::len);
        let starts = self.starts(lines, line);
        let start = starts.get(row).copied().unwrap_or_default();
        match starts.get(row + 1) {
            Some(&end) => (start, end, false),
            // the end's char index is unknown here and not needed: a last row ends the line
            None => (
                start,
                Start {
                    byte: len,
                    char: usize::MAX,
                },
                true,
            ),
        }
    }

    /// After the text from `from` to `to` was replaced by text ending at `end`: the
    /// rows of the lines touched are mended from the row before the edit until they line
    /// up again with the old ones; the lines the edit added are wrapped when needed.
    pub fn edited(&mut self, lines: &[String], from: Pos, to: Pos, end: Pos) {
        let width = self.wrap_width();
        if to.line >= self.rows.len() || from.line > to.line || end.line < from.line {
            self.rows = vec![None; lines.len()];
            return;
        }
        let line_at = |i: usize| lines.get(i).map_or("", String::as_str);
        let added = end.line - from.line;
        let shift = (
            end.byte as isize - to.byte as isize,
            end.col as isize - to.col as isize,
        );
        let mut first = self.rows[from.line].take();
        let mut last = None;
        if to.line == from.line && added == 0 {
            if let Some(rows) = first.as_mut() {
                wrap::mend(line_at(from.line), width, rows, (from.byte, to.byte), shift);
            }
        } else {
            // the old rows after the edit's end, from the line it ended in
            let tail_old: Option<Vec<Start>> = if to.line == from.line {
                first.as_ref().map(|rows| {
                    let i = rows.partition_point(|s| s.byte < to.byte);
                    rows[i..].to_vec()
                })
            } else {
                self.rows[to.line].take().map(|rows| {
                    let i = rows.partition_point(|s| s.byte < to.byte);
                    rows[i..].to_vec()
                })
            };
            if let Some(rows) = first.as_mut() {
                rows.truncate(wrap::kept_rows(rows, from.byte));
            }
            // the line where the inserted text ends goes on with the old rows after the edit
            let target = if added == 0 { &mut first } else { &mut last };
            if added > 0 {
                *target = Some(vec![Start::default()]);
            }
            let mended = match (target.as_mut(), tail_old) {
                (Some(rows), Some(old)) => {
                    let tail = Tail {
                        old: &old,
                        sync: end.byte,
                        bytes: shift.0,
                        chars: shift.1,
                    };
                    let from_row = rows.last().copied().unwrap_or_default();
                    if let Some(j) = wrap::resume(line_at(end.line), width, from_row, &tail, rows) {
                        rows.extend(old[j..].iter().map(|&s| tail.moved(s)));
                    }
                    true
                }
                _ => false,
            };
            if !mended {
                *target = None;
            }
            if added > 0
                && let Some(rows) = first.as_mut()
            {
                let from_row = rows.last().copied().unwrap_or_default();
                wrap::resume(line_at(from.line), width, from_row, &Tail::NONE, rows);
            }
        }
        let mut new: Vec<Option<Vec<Start>>> = Vec::with_capacity(added + 1);
        new.push(first);
        new.extend((1..added).map(|_| None));
        if added > 0 {
            new.push(last);
        }
        self.rows.splice(from.line..=to.line, new);
        if self.rows.len() != lines.len() {
            self.rows = vec![None; lines.len()];
        }
        // the top row stays on its line; a line the edit removed leaves it where the edit was
        if self.top.0 > to.line {
            self.top.0 = self.top.0 - (to.line - from.line) + added;
        } else if self.top.0 > from.line {
            self.top = (from.line, 0);
        }
    }

    /// Draws the rows from the top, first moving the top to keep the caret in view.
    pub fn draw(&mut self, lines: &[String], caret: Pos, area: Rect, buf: &mut Buffer) {
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        if width == 0 || height == 0 {
            self.caret = (0, 0);
            return;
        }
        if width != self.width {
            // a resize: the top row keeps the text it began with
            let (line, row) = self.top;
            let first = self
                .rows
                .get(line)
                .and_then(|r| r.as_ref())
                .and_then(|r| r.get(row))
                .map_or(0, |s| s.char);
            self.width = width;
            self.rows = vec![None; lines.len()];
            let line = line.min(lines.len().saturating_sub(1));
            self.top = (line, wrap::row_of(self.starts(lines, line), first));
        }
        self.height = height;
        let line = self.top.0.min(lines.len().saturating_sub(1));
        let last_row = self.starts(lines, line).len().saturating_sub(1);
        self.top = (line, self.top.1.min(last_row));
        let at = self.row_of(lines, caret);
        let mut offset = None;
        if at >= self.top {
            let mut r = self.top;
            for i in 0..height {
                if r == at {
                    offset = Some(i);
                    break;
                }
                match self.down(lines, r) {
                    Some(next) => r = next,
                    None => break,
                }
            }
        }
        let mut offset = match offset {
            Some(i) => i,
            None if at < self.top => {
                self.top = at;
                0
            }
            None => {
                // below the view: the caret's row becomes the last one drawn
                let mut top = at;
                let mut i = 0;
                while i + 1 < height {
                    match self.up(lines, top) {
                        Some(r) => top = r,
                        None => break,
                    }
                    i += 1;
                }
                self.top = top;
                i
            }
        };
        // rows left empty below the text (after a resize or a deletion) show the text
        // above instead
        let mut shown = 1;
        let mut r = self.top;
        while shown < height {
            let Some(next) = self.down(lines, r) else {
                break;
            };
            r = next;
            shown += 1;
        }
        while shown < height {
            let Some(up) = self.up(lines, self.top) else {
                break;
            };
            self.top = up;
            shown += 1;
            offset += 1;
        }
        let mut r = Some(self.top);
        for y in 0..area.height {
            let Some(row) = r else { break };
            let (start, end, _) = self.bounds(lines, row);
            let text = lines
                .get(row.0)
                .and_then(|l| l.get(start.byte..end.byte))
                .unwrap_or("");
            buf.set_stringn(area.x, area.y + y, text, width, Style::default());
            r = self.down(lines, row);
        }
        // the caret past the last cell (at the very end of a full row, or on spaces
        // hanging past the edge) is drawn on the row's last cell
        let (start, _, _) = self.bounds(lines, at);
        let before = lines
            .get(caret.line)
            .and_then(|l| l.get(start.byte..caret.byte))
            .unwrap_or("");
        let col = wrap::width_str(before).min(width - 1);
        self.caret = (offset, col);
        // as the text area did: the caret's cell reversed, besides the terminal's cursor
        let cell = (area.x + col as u16, area.y + offset as u16);
        if let Some(c) = buf.cell_mut(cell) {
            c.set_style(Style::default().add_modifier(Modifier::REVERSED));
        }
    }

    #[cfg(test)]
    pub fn cached(&self) -> &[Option<Vec<Start>>] {
        &self.rows
    }
}
