//! The multi-line editor the minutes are typed into: text as lines, a caret, undo, word
//! wrapping. The state is a `ratatui_textarea::TextArea`, kept behind this type so the
//! application speaks of lines, a caret and keys of its own, and only the drawing code
//! sees the widget.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, Input, TextArea, WrapMode};

use crate::keymap::{Code, Key};

/// How many edits undo remembers.
const HISTORY: usize = 200;

/// A text being typed, with its caret (line and character, both from 0).
pub struct Editor {
    area: TextArea<'static>,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::new("", (0, 0))
    }
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("lines", &self.area.lines().len())
            .field("cursor", &self.cursor())
            .finish()
    }
}

impl Editor {
    /// `text` (lines split at `\n`) with the caret at `(line, character)`, or as near
    /// it as the text allows; nothing to undo yet.
    pub fn new(text: &str, (row, col): (usize, usize)) -> Editor {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(HISTORY);
        area.move_cursor(CursorMove::Jump(
            row.min(u16::MAX as usize) as u16,
            col.min(u16::MAX as usize) as u16,
        ));
        Editor { area }
    }

    /// Replaces the whole text and moves the caret; the undo history starts again.
    pub fn set_text(&mut self, text: &str, cursor: (usize, usize)) {
        *self = Editor::new(text, cursor);
    }

    /// The lines of the text, without their line breaks.
    pub fn lines(&self) -> &[String] {
        self.area.lines()
    }

    /// The whole text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The caret: its line and the character within it.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// Inserts a character at the caret.
    pub fn insert_char(&mut self, c: char) {
        self.area.insert_char(c);
    }

    /// Breaks the line at the caret.
    pub fn insert_newline(&mut self) {
        self.area.insert_newline();
    }

    /// Inserts text (which may hold line breaks) at the caret, as one edit.
    pub fn insert_str(&mut self, text: String) {
        self.area.insert_str(text);
    }

    /// An editing key: a caret move, a deletion, a line break, undo and the rest the
    /// editor knows. Whether the text changed (a caret move alone does not).
    pub fn key(&mut self, key: Key) -> bool {
        use ratatui_textarea::Key as K;
        let code = match key.code {
            Code::Char(c) => K::Char(c),
            Code::Enter => K::Enter,
            Code::Esc => K::Esc,
            Code::Tab => K::Tab,
            Code::BackTab => {
                return self.area.input(Input {
                    key: K::Tab,
                    ctrl: key.ctrl,
                    alt: key.alt,
                    shift: true,
                });
            }
            Code::Backspace => K::Backspace,
            Code::Delete => K::Delete,
            Code::Home => K::Home,
            Code::End => K::End,
            Code::PageUp => K::PageUp,
            Code::PageDown => K::PageDown,
            Code::Up => K::Up,
            Code::Down => K::Down,
            Code::Left => K::Left,
            Code::Right => K::Right,
            Code::F(n) => K::F(n),
            Code::Insert => K::Null,
        };
        let shift = key.shift || matches!(key.code, Code::Char(c) if c.is_uppercase());
        self.area.input(Input {
            key: code,
            ctrl: key.ctrl,
            alt: key.alt,
            shift,
        })
    }

    /// Where the caret was drawn, counted from the top left of the area the editor was
    /// last drawn in (the editor scrolls as it draws, to keep the caret in view).
    pub fn caret_on_screen(&self) -> (usize, usize) {
        let sc = self.area.screen_cursor();
        let (top, left) = self.area.scroll_offset();
        (
            sc.row.saturating_sub(top as usize),
            sc.col.saturating_sub(left as usize),
        )
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self.area).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    #[test]
    fn the_caret_stays_inside_the_text() {
        let e = Editor::new("một\nhai ba", (5, 40));
        assert_eq!(e.cursor(), (1, 6));
        assert_eq!(e.text(), "một\nhai ba");
        assert_eq!(e.lines(), ["một", "hai ba"]);
    }

    #[test]
    fn typing_is_undone_word_by_word_and_keys_move_the_caret() {
        let mut e = Editor::default();
        for c in "Chi bộ".chars() {
            e.insert_char(c);
        }
        e.insert_newline();
        e.insert_str("họp".to_string());
        assert_eq!(e.text(), "Chi bộ\nhọp");
        assert!(!e.key(key(Code::Home)), "a caret move changes no text");
        assert_eq!(e.cursor(), (1, 0));
        assert!(e.key(key(Code::Backspace)));
        assert_eq!(e.text(), "Chi bộhọp");
        let undo = Key {
            ctrl: true,
            ..key(Code::Char('u'))
        };
        assert!(e.key(undo));
        assert_eq!(e.text(), "Chi bộ\nhọp");
        e.set_text("mới", (0, 3));
        assert!(!e.key(undo), "a new text has nothing to undo");
        assert_eq!(e.text(), "mới");
    }
}
