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

use super::meetings::Meetings;
use super::picker::{PickPurpose, Picker};
use super::{App, Confirm, Ctx, Outcome, Overlay, Request, Status};
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

    /// Leaves the console; the meeting stays in progress (`Request::LeaveConsole`).
    pub(in crate::app) fn leave_console(&mut self) {
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

impl Meetings {
    /// The console's keys: moving through the agenda and the entries, a new note,
    /// speech, vote or conclusion, and what the meeting may open from here.
    pub fn update_console(&mut self, action: crate::command::Action, ctx: &Ctx) -> Outcome {
        use crate::command::Action as A;
        let now = ctx.now;
        let Some(c) = self.console.as_mut() else {
            return Outcome::Done;
        };
        let at = c.stamp(now).time();
        match action {
            A::NextItem => {
                c.go_item(c.item + 1, now);
                return Outcome::Request(Request::SaveNow);
            }
            A::PrevItem if c.item > 0 => {
                c.go_item(c.item - 1, now);
                return Outcome::Request(Request::SaveNow);
            }
            A::PrevEntry => c.move_entry(false),
            A::NextEntry => c.move_entry(true),
            A::Conclusion => c.new_entry(EntryKind::Conclusion, at),
            A::Note => c.new_entry(EntryKind::Note, at),
            A::Speech => {
                let guests = c.meeting.guest_list();
                let present = vote::present_at(ctx.members, &c.meeting);
                let picker = Picker::new(PickPurpose::Speaker, present).with_guests(guests);
                return Outcome::Open(Overlay::Picker(Box::new(picker)));
            }
            A::Vote => return Outcome::Request(Request::VoteForm),
            A::PreviewMinutes => {
                c.sync_editor();
                return Outcome::Request(Request::PreviewMinutes(c.meeting.id));
            }
            A::CorrectVote => return Outcome::Request(Request::CorrectVote),
            A::Search => {
                let picker = Picker::agenda(&c.meeting, c.item);
                return Outcome::Open(Overlay::Picker(Box::new(picker)));
            }
            A::RollCall => {
                return Outcome::Open(Overlay::RollCall {
                    selected: 0,
                    find: None,
                });
            }
            A::EndMeeting => return Outcome::Open(Overlay::Confirm(Confirm::EndMeeting)),
            A::Review => return Outcome::Request(Request::Review),
            A::DraftResolution => return Outcome::Request(Request::DraftResolution(c.meeting.id)),
            A::Grading => return Outcome::Request(Request::Grading(c.meeting.id)),
            A::AddNote => {
                c.sync_editor();
                let entry = c
                    .meeting
                    .agenda
                    .get(c.item)
                    .and_then(|i| i.entries.get(c.entry));
                return match entry {
                    Some(Entry {
                        kind: EntryKind::Speech(member),
                        text,
                        ..
                    }) => Outcome::Request(Request::NoteFromSpeech(*member, text.clone())),
                    _ => ctx.error(Msg::NoteNotASpeech),
                };
            }
            A::Cancel => return Outcome::Request(Request::LeaveConsole),
            _ => {}
        }
        Outcome::Done
    }
}
