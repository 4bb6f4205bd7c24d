//! Autosave of the minutes: the typing is written at most a second after it happens (the
//! loop asks `needs_save` and calls `save_now`); a write the store refuses keeps the
//! typing in the console, says why, and leaves a copy to rescue when chibo must close.

use super::super::{App, Status};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

impl App {
    /// Whether typing waits to be written.
    pub fn needs_save(&self) -> bool {
        self.meetings.console.as_ref().is_some_and(|c| c.unsaved)
    }

    /// Writes the console's typing to the store now. On failure the typing stays in
    /// the console, the message line says why, and the error is returned.
    pub fn save_now(&mut self) -> Result<(), StoreError> {
        let Some(c) = self.meetings.console.as_mut() else {
            return Ok(());
        };
        if !c.unsaved {
            return Ok(());
        }
        c.remember_position(self.clock.now());
        self.save_console(None)
    }

    /// Writes the console's meeting, with an audit line for `action`; keeps it marked
    /// unsaved and says why on the message line when the store refuses it.
    pub(super) fn save_console(&mut self, action: Option<&str>) -> Result<(), StoreError> {
        let now = self.clock.now();
        let Some(c) = self.meetings.console.as_mut() else {
            return Ok(());
        };
        match self.store.save_meeting(&mut c.meeting, now, action) {
            Ok(()) => {
                c.unsaved = false;
                // the message of an earlier failed save is no longer true
                if self.save_failed {
                    self.status = Some(Status::Info(self.t(Msg::SavedAgain).to_string()));
                }
                self.save_failed = false;
                Ok(())
            }
            Err(e) => {
                c.unsaved = true;
                let msg = self.typing_not_saved(&e);
                self.status = Some(Status::Error(msg));
                self.save_failed = true;
                Err(e)
            }
        }
    }

    /// Why the typing is not saved, on one line of an 80-column terminal.
    fn typing_not_saved(&self, e: &StoreError) -> String {
        match e {
            StoreError::DiskFull => self.t(Msg::TypingDiskFull).to_string(),
            StoreError::ReadOnly => self.t(Msg::TypingReadOnly).to_string(),
            StoreError::WritesStopped => self.t(Msg::TypingWritesStopped).to_string(),
            other => Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(other))]),
        }
    }

    /// The minutes as typed so far, in Markdown, while the console holds typing the
    /// store would not take: what is left to save them by when chibo must close.
    pub fn unsaved_minutes(&self) -> Option<(String, String)> {
        let c = self.meetings.console.as_ref().filter(|c| c.unsaved)?;
        let meeting = &c.meeting;
        // the review of last month's items is saved apart from the typing; the rescue
        // copy is about what was typed
        let text = crate::export::minutes::render(
            meeting,
            self.roster.members(),
            self.branch.as_ref(),
            &[],
            crate::export::minutes::Format::Markdown,
        );
        let name = format!(
            "bien-ban-chua-luu-{}-{}.md",
            meeting.date.format("%Y-%m"),
            self.clock.now().format("%Y%m%d-%H%M%S")
        );
        Some((name, text))
    }
}
