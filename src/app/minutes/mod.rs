//! The minutes, taken live in the meeting console: the current agenda item, its entries
//! (notes, speeches, votes, conclusions) and the editor the thư ký types into while
//! people speak. Typing is saved at most a second after it happens; nothing asks to be
//! saved.

mod autosave;
mod console;
mod end;
mod roll_call;
mod vote;

pub use console::Console;
pub use roll_call::roll_call_members;
pub(in crate::app) use vote::count;
pub use vote::meeting_votes;

use super::picker::{PickPurpose, Picker};
use super::{App, Confirm, Overlay, Status};
use crate::domain::meeting::{Entry, EntryKind, Meeting, MeetingStatus};
use crate::i18n::Msg;
use crate::store::Records;

impl App {
    /// Opens the console on a meeting (starting it if it was only planned).
    pub(in crate::app) fn open_console(&mut self, mut meeting: Meeting) {
        if meeting.is_locked() {
            self.error(Msg::MinutesLocked);
            return;
        }
        if meeting.agenda.is_empty() {
            self.error(Msg::NoAgenda);
            return;
        }
        let now = self.clock.now();
        if let Some(c) = &self.meetings.console
            && c.meeting.id == meeting.id
        {
            return;
        }
        // typing the store would not take stays in the console that holds it
        if self.save_now().is_err() {
            return;
        }
        if meeting.status() == MeetingStatus::Planned {
            // the meeting began at the time it was called for, unless corrected in its
            // details; opening the console late does not move it
            meeting.hold(now);
            meeting.freeze_roster(self.roster.members());
            if let Err(e) = self.store.save_meeting(&mut meeting, now, Some("start")) {
                self.status = Some(Status::Error(self.store_error(&e)));
                return;
            }
        }
        self.meetings.open = Some(meeting.id);
        self.meetings.console = Some(Console::new(meeting, now));
        self.screen = crate::app::Screen::Meetings;
    }

    /// Whether the top dialog settles something typing must not settle: ending the
    /// meeting or approving the minutes. Its confirm key is never a printable one, and
    /// the terminal lets no key answer it right after a paste or its opening.
    pub fn deliberate(&self) -> bool {
        matches!(
            self.overlays.last(),
            Some(Overlay::Confirm(
                Confirm::EndMeeting | Confirm::Approve(..) | Confirm::RemoveVote(..)
            ))
        )
    }

    /// Closes a deliberate dialog that keys carried by a paste opened.
    pub fn refuse_deliberate(&mut self) {
        if self.deliberate() {
            self.overlays.pop();
            self.error(Msg::IgnoredAfterPaste);
        }
    }

    /// ctrl-c in the console: asks first, since a meeting is being minuted.
    pub(in crate::app) fn quit_from_console(&mut self) -> bool {
        if self.meetings.console.is_none()
            || matches!(self.overlays.last(), Some(Overlay::Confirm(_)))
        {
            return false;
        }
        self.overlays.push(Overlay::Confirm(Confirm::QuitMeeting));
        true
    }

    /// Whether something on screen moves with time (the meeting clock).
    pub fn wants_tick(&self) -> bool {
        self.screen == crate::app::Screen::Meetings && self.meetings.console.is_some()
    }

    /// Leaves the console; the meeting stays in progress.
    fn leave_console(&mut self) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            c.sync_editor();
            c.drop_empty_active();
            c.account_time(now);
            c.unsaved = true;
        }
        // typing the store would not take keeps the console open
        if self.save_now().is_err() {
            return;
        }
        self.meetings.console = None;
        if let Err(e) = self.reload_meetings() {
            self.status = Some(Status::Error(self.store_error(&e)));
        }
    }

    pub(in crate::app) fn update_console(&mut self, action: crate::command::Action) {
        use crate::command::Action as A;
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return;
        };
        let at = c.stamp(now).time();
        match action {
            A::NextItem => c.go_item(c.item + 1, now),
            A::PrevItem if c.item > 0 => c.go_item(c.item - 1, now),
            A::PrevEntry => c.move_entry(false),
            A::NextEntry => c.move_entry(true),
            A::Conclusion => c.new_entry(EntryKind::Conclusion, at),
            A::Note => c.new_entry(EntryKind::Note, at),
            A::Speech => {
                let guests = c.meeting.guest_list();
                let picker =
                    Picker::new(PickPurpose::Speaker, self.present_members()).with_guests(guests);
                self.overlays.push(Overlay::Picker(Box::new(picker)));
            }
            A::Vote => {
                let form = self.vote_form(None);
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            A::PreviewMinutes => {
                c.sync_editor();
                let meeting = c.meeting.clone();
                self.preview_minutes(&meeting);
            }
            A::CorrectVote => {
                // any vote of the meeting, to correct or remove until approval: the only
                // one straight away, otherwise picked from a list (the latest selected)
                let votes = meeting_votes(&c.meeting);
                match votes.as_slice() {
                    [] => self.error(Msg::NoVoteHere),
                    [(item, entry, vote, _)] => {
                        let form = self.vote_form(Some((*item, *entry, vote)));
                        self.overlays.push(Overlay::Form(Box::new(form)));
                    }
                    _ => {
                        let labels = votes
                            .iter()
                            .map(|(item, _, v, at)| self.vote_label(*item, v, *at))
                            .collect();
                        let picker = Picker::labels(PickPurpose::Vote, labels);
                        self.overlays.push(Overlay::Picker(Box::new(picker)));
                    }
                }
            }
            A::Search => {
                let picker = Picker::agenda(&c.meeting, c.item);
                self.overlays.push(Overlay::Picker(Box::new(picker)));
            }
            A::RollCall => self.overlays.push(Overlay::RollCall {
                selected: 0,
                find: None,
            }),
            A::EndMeeting => self.overlays.push(Overlay::Confirm(Confirm::EndMeeting)),
            A::Review => self.open_review(),
            A::DraftResolution => {
                let id = c.meeting.id;
                self.draft_resolution(id);
            }
            A::Grading => {
                let id = c.meeting.id;
                self.open_grading(id);
            }
            A::AddNote => {
                c.sync_editor();
                let entry = c
                    .meeting
                    .agenda
                    .get(c.item)
                    .and_then(|i| i.entries.get(c.entry));
                match entry {
                    Some(Entry {
                        kind: EntryKind::Speech(member),
                        text,
                        ..
                    }) => {
                        let (member, text) = (*member, text.clone());
                        self.note_from_meeting(member, &text);
                    }
                    _ => self.error(Msg::NoteNotASpeech),
                }
                return;
            }
            A::Cancel => self.leave_console(),
            _ => return,
        }
        if matches!(action, A::NextItem | A::PrevItem) {
            let _ = self.save_now(); // a failure is on the message line
        }
    }

    /// The item found in the agenda: selected in the meeting's agenda list, or, in the
    /// console, the item the minutes go on with (its time counted as for ctrl-n).
    pub(in crate::app) fn agenda_item_picked(&mut self, index: usize) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            if index != c.item {
                c.go_item(index, now);
                let _ = self.save_now(); // a failure is on the message line
            }
            return;
        }
        let n = self.meetings.open_meeting().map_or(0, |m| m.agenda.len());
        self.meetings.item.select(index, n);
    }

    /// A guest named in the meeting's details takes the floor.
    pub(in crate::app) fn guest_speaks(&mut self, guest: String) {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            let at = c.stamp(now).time();
            c.new_entry(EntryKind::GuestSpeech(guest), at);
        }
    }
}
