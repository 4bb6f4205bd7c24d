//! Where the caret keys go: by letter (a letter with its marks is one), by word, to the
//! ends of a line or of the text, and up and down by the rows drawn, keeping the column.

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use super::wrap::width_str;
use super::{Editor, Pos};
use crate::keymap::Code;

#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Space,
    Punct,
    Word,
}

fn kind(c: char) -> Kind {
    if c.is_whitespace() {
        Kind::Space
    } else if c.is_alphanumeric() || c == '_' || is_combining_mark(c) {
        Kind::Word
    } else {
        Kind::Punct
    }
}

/// The start of the word before `byte` (spaces before the caret skipped first).
fn word_back(line: &str, byte: usize) -> usize {
    let mut at = byte;
    let mut chars = line[..byte].char_indices().rev().peekable();
    while let Some((i, _)) = chars.next_if(|&(_, c)| kind(c) == Kind::Space) {
        at = i;
    }
    if let Some(&(_, c)) = chars.peek() {
        let k = kind(c);
        while let Some((i, _)) = chars.next_if(|&(_, c)| kind(c) == k) {
            at = i;
        }
    }
    at
}

/// The start of the next word after `byte`.
fn word_forward(line: &str, byte: usize) -> usize {
    let mut chars = line[byte..].char_indices().peekable();
    if let Some(&(_, c)) = chars.peek() {
        let k = kind(c);
        if k != Kind::Space {
            while chars.next_if(|&(_, c)| kind(c) == k).is_some() {}
        }
    }
    while chars.next_if(|&(_, c)| kind(c) == Kind::Space).is_some() {}
    chars.peek().map_or(line.len(), |&(i, _)| byte + i)
}

/// The end of the word after `byte` (spaces after the caret skipped first).
fn word_end(line: &str, byte: usize) -> usize {
    let mut chars = line[byte..].char_indices().peekable();
    while chars.next_if(|&(_, c)| kind(c) == Kind::Space).is_some() {}
    if let Some(&(_, c)) = chars.peek() {
        let k = kind(c);
        while chars.next_if(|&(_, c)| kind(c) == k).is_some() {}
    }
    chars.peek().map_or(line.len(), |&(i, _)| byte + i)
}

impl Editor {
    /// Where a caret key takes the caret (`word`: ctrl or alt held).
    pub(super) fn motion(&self, code: Code, word: bool) -> Pos {
        let c = self.caret;
        let line = self.line(c.line);
        let last = self.lines.len().saturating_sub(1);
        match code {
            Code::Left if c.byte == 0 && c.line > 0 => self.line_end(c.line - 1),
            Code::Left if word => self.pos_in_line(c.line, word_back(line, c.byte)),
            Code::Left => {
                let g = line[..c.byte]
                    .graphemes(true)
                    .next_back()
                    .map_or(0, str::len);
                self.pos_in_line(c.line, c.byte - g)
            }
            Code::Right if c.byte >= line.len() && c.line < last => Pos {
                line: c.line + 1,
                byte: 0,
                col: 0,
            },
            Code::Right if word => self.pos_in_line(c.line, word_forward(line, c.byte)),
            Code::Right => {
                let g = line[c.byte..].graphemes(true).next().map_or(0, str::len);
                self.pos_in_line(c.line, c.byte + g)
            }
            Code::Home if word => Pos::default(),
            Code::Home => Pos {
                line: c.line,
                byte: 0,
                col: 0,
            },
            Code::End if word => self.line_end(last),
            Code::End => self.line_end(c.line),
            _ => c,
        }
    }

    fn line_end(&self, line: usize) -> Pos {
        let text = self.line(line);
        if line == self.caret.line {
            return self.pos_in_line(line, text.len());
        }
        Pos {
            line,
            byte: text.len(),
            col: text.chars().count(),
        }
    }

    pub(super) fn move_to(&mut self, to: Pos) {
        self.caret = to;
        self.goal = None;
    }

    /// Backspace (a word with `word`): whether anything was deleted.
    pub(super) fn delete_back(&mut self, word: bool) -> bool {
        let code = Code::Left;
        let from = self.motion(code, word);
        self.delete(from, self.caret)
    }

    /// Delete (a word with `word`): whether anything was deleted.
    pub(super) fn delete_forward(&mut self, word: bool) -> bool {
        let c = self.caret;
        let line = self.line(c.line);
        let to = if word && c.byte < line.len() {
            self.pos_in_line(c.line, word_end(line, c.byte))
        } else {
            self.motion(Code::Right, false)
        };
        self.delete(c, to)
    }

    /// Up and Down by one row drawn, PageUp and PageDown by the rows the view holds
    /// (the view moving with them), keeping the column the first of them started from.
    pub(super) fn vertical(&mut self, code: Code) {
        let caret = self.caret;
        let lines = &self.lines;
        let view = self.view.get_mut();
        let at = view.row_of(lines, caret);
        let (start, _, _) = view.bounds(lines, at);
        let goal = self
            .goal
            .unwrap_or_else(|| width_str(&lines[caret.line][start.byte..caret.byte]));
        let page = view.height.max(1);
        let (steps, down) = match code {
            Code::Up => (1, false),
            Code::Down => (1, true),
            Code::PageUp => (page, false),
            _ => (page, true),
        };
        let mut row = at;
        let mut moved = 0;
        while moved < steps {
            let next = if down {
                view.down(lines, row)
            } else {
                view.up(lines, row)
            };
            let Some(next) = next else { break };
            row = next;
            moved += 1;
        }
        if steps > 1 {
            view.scroll(
                lines,
                if down {
                    moved as isize
                } else {
                    -(moved as isize)
                },
            );
        }
        if moved == 0 {
            // nothing further that way: a page key goes to the end of the text
            if steps > 1 {
                let to = if down {
                    self.line_end(self.lines.len() - 1)
                } else {
                    Pos::default()
                };
                self.move_to(to);
            }
            return;
        }
        let (start, end, last) = view.bounds(lines, row);
        let text = &lines[row.0][start.byte..end.byte];
        let mut width = 0;
        let mut byte = start.byte;
        let mut col = start.char;
        for (i, c) in text.char_indices() {
            let w = super::wrap::width_of(c);
            // the end of a row that is not its line's last is the next row's start
            let at_end = !last && start.byte + i + c.len_utf8() == end.byte;
            if width + w > goal || at_end {
                break;
            }
            width += w;
            byte = start.byte + i + c.len_utf8();
            col += 1;
        }
        // a combining mark stays with its letter
        let rest = &lines[row.0][byte..];
        if let Some(c) = rest.chars().next()
            && is_combining_mark(c)
        {
            let g = lines[row.0][..byte]
                .graphemes(true)
                .next_back()
                .map_or(0, str::len);
            let back = lines[row.0][byte - g..byte].chars().count();
            byte -= g;
            col -= back;
        }
        self.caret = Pos {
            line: row.0,
            byte,
            col,
        };
        self.goal = Some(goal);
    }
}
