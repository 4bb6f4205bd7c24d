//! Ending the meeting: what the minutes still lack, said in the confirmation, then the
//! end time, the roster frozen as it was, and the meeting written and closed.

use super::super::{App, Status};
use super::roll_call_members;
use crate::i18n::Msg;

impl App {
    /// What the minutes lack, for the end-of-meeting confirmation.
    pub fn missing_now(&self) -> Vec<crate::domain::meeting::Missing> {
        let Some(c) = &self.meetings.console else {
            return Vec::new();
        };
        let (expected, _) = roll_call_members(self.roster.members());
        let mut missing = c.meeting.missing(&expected, self.clock.now());
        if c.meeting.kind == crate::domain::meeting::MeetingKind::YearEnd {
            let undecided = self.undecided_grades(&c.meeting);
            if undecided > 0 {
                missing.push(crate::domain::meeting::Missing::Undecided(undecided));
            }
        }
        missing
    }

    pub(in crate::app) fn end_meeting(&mut self) {
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return;
        };
        c.sync_editor();
        c.drop_empty_active();
        c.account_time(now);
        let was_ended = c.meeting.ended_at.is_some();
        let end = c.stamp(now);
        if !was_ended {
            c.meeting.ended_at = Some(end);
            c.meeting.freeze_roster(self.roster.members());
        }
        let id = c.meeting.id;
        if self.save_console(Some("end")).is_err() {
            // the meeting goes on in the console, with everything typed, until the
            // store takes it
            if !was_ended && let Some(c) = self.meetings.console.as_mut() {
                c.meeting.ended_at = None;
            }
            return;
        }
        self.meetings.console = None;
        match self.reload_meetings() {
            Ok(()) => {
                self.meetings.open = Some(id);
                let time = end.format("%H:%M").to_string();
                self.status = Some(Status::Info(Msg::Ended.fill(self.lang, &[("time", &time)])));
            }
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }
}
