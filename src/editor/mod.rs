//! The multi-line editor the minutes are typed into: text as lines, a caret, undo, word
//! wrapping at the width it is drawn in. An edit costs what it touches, not what the
//! text holds: a 200,000-character paste on one line is wrapped once, and each key
//! after it mends a few rows (`wrap`), draws only the rows on screen (`view`) and
//! remembers only what it changed (`history`).

mod history;
mod motion;
mod view;
mod wrap;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::keymap::{Code, Key};
use history::{Edit, History};
use view::View;

/// A place in the text: line, character within it, and that character's byte offset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Pos {
    line: usize,
    byte: usize,
    col: usize,
}

/// A text being typed, with its caret (line and character, both from 0).
pub struct Editor {
    lines: Vec<String>,
    caret: Pos,
    /// The screen column Up and Down keep to, from where a run of them began.
    goal: Option<usize>,
    history: History,
    /// The rows at the width last drawn and the scroll, kept by drawing (which borrows
    /// the editor) so a key after a long paste mends rows rather than wrapping again.
    view: RefCell<View>,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::new("", (0, 0))
    }
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("lines", &self.lines.len())
            .field("cursor", &self.cursor())
            .finish()
    }
}

impl Editor {
    /// `text` (lines split at `\n`) with the caret at `(line, character)`, or as near
    /// it as the text allows; nothing to undo yet.
    pub fn new(text: &str, (row, col): (usize, usize)) -> Editor {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let view = View::new(lines.len(), 0, 0);
        let mut e = Editor {
            lines,
            caret: Pos::default(),
            goal: None,
            history: History::default(),
            view: RefCell::new(view),
        };
        e.caret = e.pos_at(row, col);
        e
    }

    /// Replaces the whole text and moves the caret; the undo history starts again.
    pub fn set_text(&mut self, text: &str, cursor: (usize, usize)) {
        let (width, height) = {
            let v = self.view.get_mut();
            (v.width(), v.height)
        };
        *self = Editor::new(text, cursor);
        *self.view.get_mut() = View::new(self.lines.len(), width, height);
    }

    /// The lines of the text, without their line breaks.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The whole text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The caret: its line and the character within it.
    pub fn cursor(&self) -> (usize, usize) {
        (self.caret.line, self.caret.col)
    }

    /// The caret's line, cut at the caret.
    pub fn around_caret(&self) -> (&str, &str) {
        let line = self.line(self.caret.line);
        line.split_at_checked(self.caret.byte).unwrap_or((line, ""))
    }

    /// Inserts a character at the caret; characters typed in a row are undone a word
    /// at a time.
    pub fn insert_char(&mut self, c: char) {
        if c == '\n' {
            return self.insert_newline();
        }
        let at = self.caret;
        let mut buf = [0u8; 4];
        let (end, _) = self.splice(at, at, c.encode_utf8(&mut buf), false);
        self.caret = end;
        self.goal = None;
        self.history.typed(c, at, at, end);
    }

    /// Breaks the line at the caret.
    pub fn insert_newline(&mut self) {
        self.edit(self.caret, self.caret, "\n".to_string());
    }

    /// Inserts text (which may hold line breaks) at the caret, as one edit.
    pub fn insert_str(&mut self, text: String) {
        if !text.is_empty() {
            self.edit(self.caret, self.caret, text);
        }
    }

    /// Replaces the text of line `line` and puts the caret at character `col` in it, as
    /// one edit of only what changed (a letter composed with its mark, say): it joins
    /// the typing it falls inside, so one undo takes back the word and its composition.
    pub fn replace_line(&mut self, line: usize, text: String, col: usize) {
        let Some(old) = self.lines.get(line) else {
            return;
        };
        let (same_start, same_end) = common_ends(old, &text);
        let from = self.pos_in_line(line, same_start);
        let to = self.pos_in_line(line, old.len() - same_end);
        let new_middle = &text[same_start..text.len() - same_end];
        let mut known = self.caret;
        if from != to || !new_middle.is_empty() {
            let removed_chars = to.col - from.col;
            let (end, removed) = self.splice(from, to, new_middle, true);
            let joined = match self.history.typing() {
                Some(t) if t.start.line == line && t.start <= from && to <= t.after => {
                    let rel = from.byte - t.start.byte;
                    t.inserted
                        .replace_range(rel..rel + (to.byte - from.byte), new_middle);
                    t.after.byte = t.after.byte + end.byte - to.byte;
                    t.after.col = t.after.col + end.col - from.col - removed_chars;
                    true
                }
                _ => false,
            };
            if !joined {
                self.history.push(Edit {
                    start: from,
                    removed,
                    inserted: new_middle.to_string(),
                    before: self.caret,
                    after: end,
                });
            }
            known = end;
        }
        if known.line != line {
            known = Pos {
                line,
                ..Pos::default()
            };
        }
        self.caret = self.seek(known, col);
        self.goal = None;
    }

    /// An editing key: a caret move, a deletion, a line break, undo and the rest the
    /// editor knows. Whether the text changed (a caret move alone does not).
    pub fn key(&mut self, key: Key) -> bool {
        let word = key.ctrl || key.alt;
        let changed = match key.code {
            Code::Char('u') if key.ctrl => self.undo(),
            Code::Char('y') if key.ctrl => self.redo(),
            Code::Char('w') if key.ctrl => self.delete_back(true),
            Code::Char('h') if key.ctrl => self.delete_back(false),
            Code::Char('d') if key.ctrl => self.delete_forward(false),
            Code::Char(c) if !key.ctrl && !key.alt => {
                self.insert_char(c);
                true
            }
            Code::Enter => {
                self.insert_newline();
                true
            }
            Code::Backspace => self.delete_back(word),
            Code::Delete => self.delete_forward(word),
            Code::Up | Code::Down | Code::PageUp | Code::PageDown if !word => {
                self.vertical(key.code);
                false
            }
            Code::Left | Code::Right | Code::Home | Code::End => {
                let to = self.motion(key.code, word);
                self.move_to(to);
                false
            }
            _ => false,
        };
        if !changed {
            self.history.seal();
        }
        changed
    }

    /// Where the caret was drawn, counted from the top left of the area the editor was
    /// last drawn in (the editor scrolls as it draws, to keep the caret in view). A caret
    /// between two rows of a line is at the start of the lower one; one past the last
    /// cell (the end of a full row, spaces hanging past the edge) is on the last cell.
    pub fn caret_on_screen(&self) -> (usize, usize) {
        self.view.try_borrow().map_or((0, 0), |v| v.caret)
    }

    fn line(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", String::as_str)
    }

    /// The place at character `col` of line `row`, both clamped to the text.
    fn pos_at(&self, row: usize, col: usize) -> Pos {
        let line = row.min(self.lines.len().saturating_sub(1));
        self.seek(
            Pos {
                line,
                ..Pos::default()
            },
            col,
        )
    }

    /// The place at character `col` of `known`'s line (clamped to it), counted from
    /// `known`: a caret near an edit in a long line is not counted from the line's start.
    fn seek(&self, known: Pos, col: usize) -> Pos {
        let text = self.line(known.line);
        if col >= known.col {
            let after = &text[known.byte..];
            let (byte, n) = after
                .char_indices()
                .nth(col - known.col)
                .map_or((text.len(), after.chars().count()), |(b, _)| {
                    (known.byte + b, col - known.col)
                });
            Pos {
                line: known.line,
                byte,
                col: known.col + n,
            }
        } else {
            let back = known.col - col;
            let byte = text[..known.byte]
                .char_indices()
                .rev()
                .nth(back - 1)
                .map_or(0, |(b, _)| b);
            Pos {
                line: known.line,
                byte,
                col,
            }
        }
    }

    /// The place at byte `byte` of line `line`, counting characters from the caret when
    /// it is on that line (a long line is not counted from its start).
    fn pos_in_line(&self, line: usize, byte: usize) -> Pos {
        let text = self.line(line);
        let col = if self.caret.line == line && self.caret.byte <= byte {
            self.caret.col + text[self.caret.byte..byte].chars().count()
        } else if self.caret.line == line {
            self.caret.col - text[byte..self.caret.byte].chars().count()
        } else {
            text[..byte].chars().count()
        };
        Pos { line, byte, col }
    }

    /// The place just after `text` put at `start`.
    fn end_of(start: Pos, text: &str) -> Pos {
        match text.rfind('\n') {
            None => Pos {
                line: start.line,
                byte: start.byte + text.len(),
                col: start.col + text.chars().count(),
            },
            Some(i) => Pos {
                line: start.line + text.bytes().filter(|&b| b == b'\n').count(),
                byte: text.len() - i - 1,
                col: text[i + 1..].chars().count(),
            },
        }
    }

    /// The text from `from` to `to`, lines joined by `\n`.
    fn slice(&self, from: Pos, to: Pos) -> String {
        if from.line == to.line {
            return self.line(from.line)[from.byte..to.byte].to_string();
        }
        let mut s = self.line(from.line)[from.byte..].to_string();
        for l in &self.lines[from.line + 1..to.line] {
            s.push('\n');
            s.push_str(l);
        }
        s.push('\n');
        s.push_str(&self.line(to.line)[..to.byte]);
        s
    }

    /// Replaces the text from `from` to `to` by `text`, mending the rows it touched;
    /// where the new text ends, and what was taken out if `keep` asks for it.
    fn splice(&mut self, from: Pos, to: Pos, text: &str, keep: bool) -> (Pos, String) {
        let removed = if keep {
            self.slice(from, to)
        } else {
            String::new()
        };
        let end = Editor::end_of(from, text);
        if from.line == to.line && end.line == from.line {
            self.lines[from.line].replace_range(from.byte..to.byte, text);
        } else {
            let rest = self.line(to.line)[to.byte..].to_string();
            let mut pieces = text.split('\n');
            let first = &mut self.lines[from.line];
            first.truncate(from.byte);
            first.push_str(pieces.next().unwrap_or(""));
            let mut added: Vec<String> = pieces.map(str::to_string).collect();
            match added.last_mut() {
                Some(last) => last.push_str(&rest),
                None => self.lines[from.line].push_str(&rest),
            }
            self.lines.splice(from.line + 1..=to.line, added);
        }
        self.view.get_mut().edited(&self.lines, from, to, end);
        (end, removed)
    }

    /// An edit to remember: the text from `from` to `to` becomes `text`, the caret
    /// goes to its end.
    fn edit(&mut self, from: Pos, to: Pos, text: String) {
        let (end, removed) = self.splice(from, to, &text, true);
        self.history.push(Edit {
            start: from,
            removed,
            inserted: text,
            before: self.caret,
            after: end,
        });
        self.caret = end;
        self.goal = None;
    }

    /// Deletes from `from` to the caret or from the caret to `to`: whether anything was.
    fn delete(&mut self, from: Pos, to: Pos) -> bool {
        if from == to {
            return false;
        }
        self.edit(from, to, String::new());
        true
    }

    /// Takes back the last edit; the edit's own copies of the text are moved out and
    /// back, so nothing is copied but what goes back into the lines.
    fn undo(&mut self) -> bool {
        let Some(e) = self.history.undo() else {
            return false;
        };
        let (start, before) = (e.start, e.before);
        let end = Editor::end_of(start, &e.inserted);
        let removed = std::mem::take(&mut e.removed);
        self.splice(start, end, &removed, false);
        if let Some(e) = self.history.last_undone() {
            e.removed = removed;
        }
        self.caret = before;
        self.goal = None;
        true
    }

    /// Does again the edit last taken back.
    fn redo(&mut self) -> bool {
        let Some(e) = self.history.redo() else {
            return false;
        };
        let (start, after) = (e.start, e.after);
        let end = Editor::end_of(start, &e.removed);
        let inserted = std::mem::take(&mut e.inserted);
        self.splice(start, end, &inserted, false);
        if let Some(e) = self.history.last_done() {
            e.inserted = inserted;
        }
        self.caret = after;
        self.goal = None;
        true
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Ok(mut view) = self.view.try_borrow_mut() {
            view.draw(&self.lines, self.caret, area, buf);
        }
    }
}

/// How many bytes two texts share at their start and at their end, each ending on a
/// character boundary and the two not overlapping.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut start = 0;
    // compared in blocks first: a long line is mostly the same
    while start + 64 <= x.len().min(y.len()) && x[start..start + 64] == y[start..start + 64] {
        start += 64;
    }
    while start < x.len().min(y.len()) && x[start] == y[start] {
        start += 1;
    }
    while !a.is_char_boundary(start) || !b.is_char_boundary(start) {
        start -= 1;
    }
    let most = x.len().min(y.len()) - start;
    let mut end = 0;
    while end + 64 <= most
        && x[x.len() - end - 64..x.len() - end] == y[y.len() - end - 64..y.len() - end]
    {
        end += 64;
    }
    while end < most && x[x.len() - end - 1] == y[y.len() - end - 1] {
        end += 1;
    }
    while !a.is_char_boundary(x.len() - end) || !b.is_char_boundary(y.len() - end) {
        end -= 1;
    }
    (start, end)
}
