//! Undo and redo: each edit kept as the text it took out and the text it put in, so
//! undoing a paste gives back the pasted text's own copy rather than a copy of the
//! whole text; characters typed in a row make one step a word at a time.

use std::collections::VecDeque;

use super::Pos;

/// How many edits undo remembers.
pub(super) const HISTORY: usize = 200;

/// One edit: at `start`, `removed` was replaced by `inserted`.
#[derive(Debug)]
pub(super) struct Edit {
    pub start: Pos,
    pub removed: String,
    pub inserted: String,
    /// The caret before and after the edit.
    pub before: Pos,
    pub after: Pos,
}

#[derive(Debug, Default)]
pub(super) struct History {
    done: VecDeque<Edit>,
    undone: Vec<Edit>,
    /// Whether the last step is typing that the next typed character may join.
    typing: bool,
}

impl History {
    /// A new edit; what was undone cannot be redone any more.
    pub fn push(&mut self, edit: Edit) {
        self.undone.clear();
        self.typing = false;
        self.done.push_back(edit);
        if self.done.len() > HISTORY {
            self.done.pop_front();
        }
    }

    /// A typed character `c` at `at`: it joins the typing before it, unless it begins a
    /// word after a space.
    pub fn typed(&mut self, c: char, at: Pos, before: Pos, after: Pos) {
        if self.typing
            && let Some(last) = self.done.back_mut()
            && last.after == at
            && last.removed.is_empty()
            && (c.is_whitespace() || !last.inserted.ends_with(char::is_whitespace))
        {
            last.inserted.push(c);
            last.after = after;
            self.undone.clear();
            return;
        }
        self.push(Edit {
            start: at,
            removed: String::new(),
            inserted: c.to_string(),
            before,
            after,
        });
        self.typing = true;
    }

    /// The typing being grouped, if the last step is one, for an edit inside it to join.
    pub fn typing(&mut self) -> Option<&mut Edit> {
        if self.typing {
            self.done.back_mut()
        } else {
            None
        }
    }

    /// Something other than typing happened (a caret move): the next character typed
    /// starts a step of its own.
    pub fn seal(&mut self) {
        self.typing = false;
    }

    /// The step to take back, now on the redo side.
    pub fn undo(&mut self) -> Option<&mut Edit> {
        self.typing = false;
        let edit = self.done.pop_back()?;
        self.undone.push(edit);
        self.undone.last_mut()
    }

    /// The step to do again, now on the undo side.
    pub fn redo(&mut self) -> Option<&mut Edit> {
        self.typing = false;
        let edit = self.undone.pop()?;
        self.done.push_back(edit);
        self.done.back_mut()
    }

    pub fn last_undone(&mut self) -> Option<&mut Edit> {
        self.undone.last_mut()
    }

    pub fn last_done(&mut self) -> Option<&mut Edit> {
        self.done.back_mut()
    }
}
