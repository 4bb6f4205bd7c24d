//! A single-line text field that edits by whole letters (grapheme clusters), keeps its
//! text in NFC, and never lets control characters in. IMEs that edit with backspace and
//! replacement characters work because every key is applied in order.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::domain::text::nfc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// The caret, in graphemes from the start.
    cursor: usize,
    /// Keeps line breaks (a field of several lines: an amendment's text).
    pub multiline: bool,
}

/// Longest text a single-line field takes: a name or a reason, never a document.
pub const MAX_CHARS: usize = 500;

impl TextInput {
    pub fn new(value: &str) -> Self {
        let value = nfc(value);
        let cursor = value.graphemes(true).count();
        TextInput {
            value,
            cursor,
            multiline: false,
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, grapheme: usize) -> usize {
        self.value
            .grapheme_indices(true)
            .nth(grapheme)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    /// Inserts typed or pasted text at the caret. Line breaks and tabs become spaces,
    /// other control characters are dropped.
    pub fn insert_str(&mut self, s: &str) {
        let multiline = self.multiline;
        let s = if multiline {
            s.replace("\r\n", "\n")
        } else {
            s.to_string()
        };
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' if multiline => Some('\n'),
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        if clean.is_empty() {
            return;
        }
        let room = MAX_CHARS.saturating_sub(self.value.chars().count());
        let clean: String = clean.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        let mut before = self.value[..at].to_string();
        before.push_str(&clean);
        let before = nfc(&before);
        self.cursor = before.graphemes(true).count();
        self.value = nfc(&(before + &self.value[at..]));
    }

    pub fn insert(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.value.replace_range(start..end, "");
        self.cursor -= 1;
    }

    pub fn delete(&mut self) {
        let start = self.byte_at(self.cursor);
        let end = self.byte_at(self.cursor + 1);
        self.value.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.value.graphemes(true).count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.graphemes(true).count();
    }

    /// Deletes the word before the caret (ctrl-w).
    pub fn delete_word(&mut self) {
        while self.cursor > 0 && self.value[..self.byte_at(self.cursor)].ends_with(' ') {
            self.backspace();
        }
        while self.cursor > 0 && !self.value[..self.byte_at(self.cursor)].ends_with(' ') {
            self.backspace();
        }
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// Display columns before the caret, for placing the terminal cursor.
    pub fn cursor_column(&self) -> usize {
        self.value[..self.byte_at(self.cursor)].width()
    }
}

/// The editing keys every single-line field shares; returns whether the key was one.
pub fn edit(input: &mut TextInput, key: crate::keymap::Key) -> bool {
    use crate::keymap::Code;
    match key.code {
        Code::Backspace => input.backspace(),
        Code::Delete => input.delete(),
        Code::Left => input.left(),
        Code::Right => input.right(),
        Code::Home => input.home(),
        Code::End => input.end(),
        Code::Char('w') if key.ctrl => input.delete_word(),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_vietnamese_and_backspace_by_letter() {
        let mut t = TextInput::default();
        for c in "Nguyễn".chars() {
            t.insert(c);
        }
        assert_eq!(t.value(), "Nguyễn");
        t.backspace();
        t.backspace();
        assert_eq!(t.value(), "Nguy");
    }

    #[test]
    fn combining_marks_compose_to_nfc_and_delete_as_one_letter() {
        let mut t = TextInput::default();
        // an IME or a paste that sends decomposed letters
        t.insert_str("Nguye\u{0302}");
        t.insert('\u{0303}');
        t.insert('n');
        assert_eq!(t.value(), "Nguyễn");
        assert_eq!(t.cursor(), 6);
        t.left();
        t.backspace();
        assert_eq!(t.value(), "Nguyn");
    }

    #[test]
    fn ime_backspace_replacement_sequence() {
        // Unikey-style: "e", then "e" again is sent as backspace + "ê"
        let mut t = TextInput::new("Vi");
        t.insert('e');
        t.backspace();
        t.insert('ê');
        t.insert('t');
        assert_eq!(t.value(), "Viêt");
        t.backspace();
        t.backspace();
        t.insert('ệ');
        t.insert('t');
        assert_eq!(t.value(), "Việt");
    }

    #[test]
    fn control_characters_never_enter() {
        let mut t = TextInput::default();
        t.insert_str("a\u{1b}[31mb\u{7}\nc");
        assert_eq!(t.value(), "a[31mb c");
    }

    #[test]
    fn caret_column_counts_display_width() {
        let mut t = TextInput::new("Trần Mai");
        t.home();
        t.right();
        t.right();
        t.right();
        assert_eq!(t.cursor_column(), 3);
        t.insert('x');
        assert_eq!(t.value(), "Trầxn Mai");
    }

    #[test]
    fn long_paste_is_capped() {
        let mut t = TextInput::default();
        t.insert_str(&"a".repeat(200_000));
        assert_eq!(t.value().len(), MAX_CHARS);
    }
}
