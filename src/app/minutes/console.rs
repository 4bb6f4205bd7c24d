//! The console's working copy of a meeting's minutes: the item being minuted, the entry
//! typed into and its editor, the time each item takes, and the clock that never dates
//! an entry before the one above it.

use chrono::{NaiveDateTime, NaiveTime};
use unicode_normalization::char::is_combining_mark;

use crate::domain::meeting::{Entry, EntryKind, Meeting};
use crate::domain::text::nfc;
use crate::domain::vote::Vote;
use crate::editor::Editor;
use crate::keymap::{Code, Key};

pub struct Console {
    /// The working copy, written to the store by autosave.
    pub meeting: Meeting,
    pub item: usize,
    /// The entry of the item being typed into.
    pub entry: usize,
    pub editor: Editor,
    /// Typing not yet in the store.
    pub unsaved: bool,
    /// When the current item's time was last counted, for its elapsed time.
    pub item_since: NaiveDateTime,
    /// The latest moment written into the minutes: a system clock set back during the
    /// meeting never dates an entry before the one above it, nor the end before the start.
    pub latest: NaiveDateTime,
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("meeting", &self.meeting.id)
            .field("item", &self.item)
            .field("entry", &self.entry)
            .field("unsaved", &self.unsaved)
            .finish()
    }
}

impl Console {
    /// Opens the console where it was left (item, entry, caret).
    pub fn new(meeting: Meeting, now: NaiveDateTime) -> Console {
        let (item, entry, row, col) = meeting.position;
        let latest = meeting.started_at.map_or(now, |s| s.max(now));
        // a meeting in progress went on while chibo was closed; an ended one did not
        let item_since = meeting
            .item_since
            .filter(|t| *t <= now && meeting.ended_at.is_none())
            .unwrap_or(now);
        let mut c = Console {
            meeting,
            item,
            entry,
            editor: Editor::default(),
            unsaved: false,
            item_since,
            latest,
        };
        c.item = c.item.min(c.meeting.agenda.len().saturating_sub(1));
        c.ensure_entry(now.time());
        c.entry = entry.min(c.entries_len().saturating_sub(1));
        if !c.is_text_entry(c.entry) {
            c.entry = c.last_text_entry();
        }
        c.load_editor((row, col));
        c
    }

    fn entries_len(&self) -> usize {
        self.meeting
            .agenda
            .get(self.item)
            .map(|i| i.entries.len())
            .unwrap_or(0)
    }

    fn is_text_entry(&self, i: usize) -> bool {
        self.meeting
            .agenda
            .get(self.item)
            .and_then(|it| it.entries.get(i))
            .is_some_and(|e| !matches!(e.kind, EntryKind::Vote(_)))
    }

    fn last_text_entry(&self) -> usize {
        (0..self.entries_len())
            .rev()
            .find(|&i| self.is_text_entry(i))
            .unwrap_or(0)
    }

    /// Every item offers somewhere to type: a note if it has no text entry.
    fn ensure_entry(&mut self, at: NaiveTime) {
        let has_text = (0..self.entries_len()).any(|i| self.is_text_entry(i));
        if let Some(item) = self.meeting.agenda.get_mut(self.item)
            && !has_text
        {
            item.entries.push(Entry {
                at,
                kind: EntryKind::Note,
                text: String::new(),
            });
            self.entry = item.entries.len() - 1;
        }
    }

    fn load_editor(&mut self, cursor: (usize, usize)) {
        let text = self.active().map(|e| e.text.clone()).unwrap_or_default();
        self.editor.set_text(&text, cursor);
    }

    pub fn active(&self) -> Option<&Entry> {
        self.meeting
            .agenda
            .get(self.item)
            .and_then(|i| i.entries.get(self.entry))
    }

    /// Copies the editor's text into the active entry (before saving or switching).
    pub fn sync_editor(&mut self) {
        let text = self.editor.text();
        let (row, col) = self.editor.cursor();
        if let Some(e) = self
            .meeting
            .agenda
            .get_mut(self.item)
            .and_then(|i| i.entries.get_mut(self.entry))
            && !matches!(e.kind, EntryKind::Vote(_))
        {
            e.text = text;
        }
        self.meeting.position = (self.item, self.entry, row, col);
    }

    /// Drops the active entry when it is an empty note (a place to type never used).
    pub(super) fn drop_empty_active(&mut self) {
        if let Some(item) = self.meeting.agenda.get_mut(self.item)
            && item
                .entries
                .get(self.entry)
                .is_some_and(|e| e.kind == EntryKind::Note && e.text.trim().is_empty())
            && item.entries.len() > 1
        {
            item.entries.remove(self.entry);
            self.entry = self.entry.saturating_sub(1);
        }
    }

    /// Seconds spent on the current item, this visit included.
    pub fn item_elapsed(&self, now: NaiveDateTime) -> i64 {
        let before = self
            .meeting
            .agenda
            .get(self.item)
            .map(|i| i.spent_secs as i64)
            .unwrap_or(0);
        before + (now - self.item_since).num_seconds().max(0)
    }

    /// The time to write on an entry made now: never before the latest one.
    pub fn stamp(&mut self, now: NaiveDateTime) -> NaiveDateTime {
        self.latest = self.latest.max(now);
        self.latest
    }

    pub(super) fn account_time(&mut self, now: NaiveDateTime) {
        let spent = (now - self.item_since).num_seconds().max(0) as u64;
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.spent_secs += spent;
        }
        self.item_since = now;
        self.meeting.item_since = Some(now);
    }

    /// Moves to another agenda item, keeping what was typed.
    pub fn go_item(&mut self, index: usize, now: NaiveDateTime) {
        if index >= self.meeting.agenda.len() || index == self.item {
            return;
        }
        self.sync_editor();
        self.drop_empty_active();
        self.account_time(now);
        self.item = index;
        self.entry = self.last_text_entry();
        self.ensure_entry(now.time());
        let end = self.active().map(|e| end_of(&e.text)).unwrap_or((0, 0));
        self.load_editor(end);
        self.meeting.position = (self.item, self.entry, end.0, end.1);
        self.unsaved = true;
    }

    /// Starts a new entry (speech, conclusion, note) and types into it.
    pub fn new_entry(&mut self, kind: EntryKind, at: NaiveTime) {
        self.sync_editor();
        self.drop_empty_active();
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.entries.push(Entry {
                at,
                kind,
                text: String::new(),
            });
            self.entry = item.entries.len() - 1;
        }
        self.load_editor((0, 0));
        self.unsaved = true;
    }

    /// Records a vote; typing goes on in a new note after it.
    pub fn add_vote(&mut self, vote: Vote, at: NaiveTime) {
        self.sync_editor();
        self.drop_empty_active();
        if let Some(item) = self.meeting.agenda.get_mut(self.item) {
            item.entries.push(Entry {
                at,
                kind: EntryKind::Vote(vote),
                text: String::new(),
            });
        }
        self.new_entry(EntryKind::Note, at);
    }

    /// Corrects a saved vote (its item and entry), or removes it with `None`.
    pub fn replace_vote(&mut self, item: usize, entry: usize, vote: Option<Vote>) {
        self.sync_editor();
        let Some(it) = self.meeting.agenda.get_mut(item) else {
            return;
        };
        if !it
            .entries
            .get(entry)
            .is_some_and(|e| matches!(e.kind, EntryKind::Vote(_)))
        {
            return;
        }
        match vote {
            Some(v) => it.entries[entry].kind = EntryKind::Vote(v),
            None => {
                it.entries.remove(entry);
                if item == self.item && self.entry > entry {
                    self.entry -= 1;
                }
            }
        }
        self.unsaved = true;
    }

    /// Moves the editor to the previous or next text entry of the item.
    pub fn move_entry(&mut self, forward: bool) {
        let n = self.entries_len();
        let mut i = self.entry;
        loop {
            let next = if forward { i + 1 } else { i.wrapping_sub(1) };
            if next >= n {
                return;
            }
            i = next;
            if self.is_text_entry(i) {
                break;
            }
        }
        self.sync_editor();
        let removed = {
            let before = self.entries_len();
            self.drop_empty_active();
            before != self.entries_len()
        };
        self.entry = if removed && i > self.entry { i - 1 } else { i };
        let end = self.active().map(|e| end_of(&e.text)).unwrap_or((0, 0));
        self.load_editor(end);
        self.unsaved = true;
    }

    /// A typed character. A combining mark (an IME that sends decomposed letters)
    /// is composed with the letter before it, so the text stays NFC.
    pub fn type_char(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.editor.insert_newline();
        } else if !c.is_control() {
            self.editor.insert_char(c);
            if is_combining_mark(c) {
                self.compose_line();
            }
        }
        self.unsaved = true;
    }

    /// Pasted text, normalized to NFC, control characters dropped.
    pub fn paste(&mut self, text: &str) {
        // terminals paste line breaks as CR
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = nfc(&text)
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        // marks the paste begins with belong to the letter before it: composed first
        let letters = clean.find(|c| !is_combining_mark(c)).unwrap_or(clean.len());
        if letters > 0 {
            clean[..letters]
                .chars()
                .for_each(|c| self.editor.insert_char(c));
            self.compose_line();
        }
        let rest = if letters == 0 {
            clean
        } else {
            clean[letters..].to_string()
        };
        self.editor.insert_str(rest);
        self.compose_line();
        self.unsaved = true;
    }

    /// Composes the marks in the caret's word with their letters, so the text stays
    /// NFC. Only that word: a space composes with nothing on either side, so this is
    /// the NFC of the whole line, and a mark typed into a long line costs a word.
    fn compose_line(&mut self) {
        let (row, col) = self.editor.cursor();
        let (before, after) = self.editor.around_caret();
        let start = before.rfind(' ').map_or(0, |i| i + 1);
        let end = after.find(' ').unwrap_or(after.len());
        let word = (&before[start..], &after[..end]);
        if !word.0.chars().chain(word.1.chars()).any(is_combining_mark) {
            return;
        }
        let head = nfc(word.0);
        let new_col = col - word.0.chars().count() + head.chars().count();
        let composed = nfc(&format!("{}{}", word.0, word.1));
        let mut text = String::with_capacity(before.len() + after.len());
        text.push_str(&before[..start]);
        text.push_str(&composed);
        text.push_str(&after[end..]);
        self.editor.replace_line(row, text, new_col);
    }

    /// An editing key (backspace, arrows, enter …) for the editor.
    pub fn edit_key(&mut self, key: Key) -> bool {
        let editing = match key.code {
            Code::Backspace | Code::Delete | Code::Enter => true,
            Code::Left
            | Code::Right
            | Code::Up
            | Code::Down
            | Code::Home
            | Code::End
            | Code::PageUp
            | Code::PageDown => true,
            Code::Char('w' | 'u' | 'y') if key.ctrl => true,
            _ => false,
        };
        if !editing {
            return false;
        }
        if self.editor.key(key) {
            self.unsaved = true;
        }
        true
    }

    /// Copies the typing and the item's time so far into the meeting, to be saved:
    /// a reopen after a crash finds both.
    pub fn remember_position(&mut self, now: NaiveDateTime) {
        self.sync_editor();
        self.account_time(now);
    }
}

fn end_of(text: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.split('\n').collect();
    let row = lines.len().saturating_sub(1);
    (row, lines.last().map(|l| l.chars().count()).unwrap_or(0))
}
