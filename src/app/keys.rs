//! Key entry: a key becomes an action through the keymap, unless it types into the text
//! field in front (a form's field, the picker's query, the roll call's search, the
//! minutes, a screen's search); keys of a longer sequence wait in `App::pending`; pasted
//! text goes where typing would.

use super::form::FormPurpose;
use super::{App, Overlay, Screen, grading, text_input};
use crate::command::Section;
use crate::keymap::{Key, Lookup};

impl App {
    /// Handles one key (the terminal's, converted at the edge); returns whether the
    /// screen must be drawn again.
    pub fn handle(&mut self, key: Key) -> bool {
        // a letter typed into the minutes never ends a meeting or approves minutes
        if self.deliberate() && key.printable().is_some() {
            return false;
        }
        let section = self.section();
        let had_status = self.status.take().is_some();
        if section.is_text_entry()
            && self.pending.is_empty()
            && let Some(c) = key.printable()
        {
            self.type_char(c);
            return true;
        }
        // the section's own keys, then the field's editing keys, then global ones: an
        // arrow key moves the caret in a text field, and the selection elsewhere
        let mut lookup = self.keymap.resolve_in(section, &self.pending, key);
        if lookup == Lookup::Unbound && self.pending.is_empty() && self.edit_key(key) {
            self.after_edit();
            return true;
        }
        if lookup == Lookup::Unbound && section.falls_back_to_global() {
            lookup = self.keymap.resolve_in(Section::Global, &self.pending, key);
        }
        match lookup {
            Lookup::Pending => {
                self.pending.push(key);
                true
            }
            Lookup::Action(action) => {
                self.pending.clear();
                self.update(action);
                self.after_edit();
                true
            }
            Lookup::Unbound => {
                let was_pending = !self.pending.is_empty();
                self.pending.clear();
                was_pending || had_status
            }
        }
    }

    /// Keeps derived lines in step with what was typed (the vote form's result).
    fn after_edit(&mut self) {
        let preview = match self.overlays.last() {
            Some(Overlay::Form(f))
                if matches!(
                    f.purpose,
                    FormPurpose::Vote
                        | FormPurpose::EditVote(..)
                        | FormPurpose::ApprovalVote(_)
                        | FormPurpose::Grade(_, grading::Step::Decision, _)
                ) =>
            {
                self.vote_preview(f)
            }
            Some(Overlay::Form(f)) if matches!(f.purpose, FormPurpose::Payment(_)) => {
                self.payment_preview(f)
            }
            _ => return,
        };
        if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
            f.note = preview;
        }
    }

    /// Pasted text (bracketed paste) goes to the field being typed in, if any.
    pub fn paste(&mut self, text: &str) -> bool {
        let section = self.section();
        match self.overlays.last_mut() {
            Some(Overlay::Form(form)) => {
                form.paste(text);
                true
            }
            Some(Overlay::Picker(p)) => {
                p.query.insert_str(text);
                p.refilter();
                true
            }
            None if section == Section::Console => {
                if let Some(c) = self.meetings.console.as_mut() {
                    c.paste(text);
                }
                true
            }
            None if section == Section::Search => {
                self.with_search(|q| q.insert_str(text));
                true
            }
            _ => false,
        }
    }

    fn type_char(&mut self, c: char) {
        let section = self.section();
        let member_field = match self.overlays.last() {
            Some(Overlay::Form(form)) => {
                form.focused_field().filter(|f| f.is_member()).map(|f| f.id)
            }
            _ => None,
        };
        if let Some(id) = member_field {
            // a member is picked, not typed: space opens the picker
            if c == ' ' {
                self.pick_for_field(id);
            }
            return;
        }
        match self.overlays.last_mut() {
            Some(Overlay::Form(form)) => {
                form.type_char(c);
                self.after_edit();
            }
            Some(Overlay::Picker(p)) => {
                p.query.insert(c);
                p.refilter();
            }
            Some(Overlay::RollCall { find: Some(q), .. }) => {
                q.push(c);
                self.find_in_roll_call();
            }
            None if section == Section::Console => {
                if let Some(console) = self.meetings.console.as_mut() {
                    console.type_char(c);
                }
            }
            _ => self.with_search(|q| q.insert(c)),
        }
    }

    fn edit_key(&mut self, key: Key) -> bool {
        let section = self.section();
        match self.overlays.last_mut() {
            Some(Overlay::Form(form)) => form.edit_key(key),
            Some(Overlay::Picker(p)) => {
                let handled = crate::app::text_input::edit(&mut p.query, key);
                p.refilter();
                handled
            }
            Some(Overlay::RollCall { find: Some(q), .. })
                if key.code == crate::keymap::Code::Backspace =>
            {
                q.pop();
                self.find_in_roll_call();
                true
            }
            None if section == Section::Console => self
                .meetings
                .console
                .as_mut()
                .is_some_and(|c| c.edit_key(key)),
            None if section == Section::Search => {
                let mut handled = false;
                self.with_search(|q| handled = crate::app::text_input::edit(q, key));
                handled
            }
            _ => false,
        }
    }

    /// Edits the search field of the screen shown, then filters again.
    fn with_search(&mut self, f: impl FnOnce(&mut text_input::TextInput)) {
        if self.screen == Screen::Resolutions {
            f(&mut self.resolutions.query);
            self.resolutions.refilter();
        } else if self.screen == Screen::Tasks {
            f(&mut self.tasks.query);
            self.tasks.cursor.select(0, 0);
        } else {
            f(&mut self.roster.query);
            self.roster.refilter();
        }
    }
}
