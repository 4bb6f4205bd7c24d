//! The shape of a screen: what its update reads besides its own state ([`Ctx`]), what
//! it comes to ([`Outcome`]), and the effects it leaves for the edge. `App` routes an
//! action to the screen in front, acts on the outcome, and queues every [`Effect`] for
//! the terminal loop (or a test standing in for it) to carry out, so that nothing in
//! `app` touches the file system.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::form::Form;
use super::meetings::Meetings;
use super::resolutions::Resolutions;
use super::{App, Overlay, Status};
use crate::command::Section;
use crate::domain::branch::Branch;
use crate::domain::meeting::MeetingId;
use crate::domain::member::{Member, MemberId};
use crate::export::file::FileWrite;
use crate::i18n::{Lang, Msg};
use crate::store::{BackupReason, Store, StoreError};

/// The screens, switched with tab or 1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Roster,
    Meetings,
    Resolutions,
    Tasks,
    Dues,
    Candidates,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Roster,
        Screen::Meetings,
        Screen::Resolutions,
        Screen::Tasks,
        Screen::Dues,
        Screen::Candidates,
    ];

    pub fn title(self) -> Msg {
        match self {
            Screen::Roster => Msg::ScreenRoster,
            Screen::Meetings => Msg::ScreenMeetings,
            Screen::Resolutions => Msg::ScreenResolutions,
            Screen::Tasks => Msg::ScreenTasks,
            Screen::Dues => Msg::ScreenDues,
            Screen::Candidates => Msg::ScreenCandidates,
        }
    }

    pub fn section(self) -> Section {
        match self {
            Screen::Roster => Section::Roster,
            Screen::Meetings => Section::Meetings,
            Screen::Resolutions => Section::Resolutions,
            Screen::Tasks => Section::Tasks,
            Screen::Dues => Section::Dues,
            Screen::Candidates => Section::Candidates,
        }
    }
}

/// What a screen's update may read besides its own state: borrowed, read-only. While a
/// screen's update runs, that screen is out of the app ([`App::route`]): its own data is
/// in `self`, and what the context would lend of it is empty.
pub struct Ctx<'a> {
    pub store: &'a dyn Store,
    pub lang: Lang,
    /// The clock's reading when the action came.
    pub now: NaiveDateTime,
    /// LibreOffice is installed: the export offers PDF.
    pub pdf: bool,
    /// Every member, in roster order.
    pub members: &'a [Member],
    pub meetings: &'a Meetings,
    /// The resolutions and every task in memory.
    pub resolutions: &'a Resolutions,
    pub branch: Option<&'a Branch>,
    /// The branch's task categories.
    pub categories: &'a [String],
    /// Counts every load of data (`App::generation`): cached rows know when they are stale.
    pub generation: u64,
}

impl Ctx<'_> {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        msg.get(self.lang)
    }

    /// A member's id and full name, for a member field.
    pub fn named(&self, id: Option<MemberId>) -> Option<(MemberId, String)> {
        let id = id?;
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| (m.id, m.full_name()))
    }

    /// The suffix of the branch's resolution numbers.
    pub fn suffix(&self) -> String {
        self.branch
            .map(|b| b.resolution_suffix.clone())
            .unwrap_or_else(|| crate::domain::branch::DEFAULT_SUFFIX.into())
    }

    /// Handled: the message line says `msg`.
    pub fn info(&self, msg: Msg) -> Outcome {
        Outcome::Message(Status::Info(self.t(msg).to_string()))
    }

    /// Handled, refused: the message line says why.
    pub fn error(&self, msg: Msg) -> Outcome {
        Outcome::Message(Status::Error(self.t(msg).to_string()))
    }
}

/// What a screen did with an action.
#[derive(Debug)]
pub enum Outcome {
    /// Not this screen's action: the global keys get it.
    NotMine,
    /// Handled here; whatever changed is in the screen's state or the store.
    Done,
    /// Handled: this overlay opens above the screen.
    Open(Overlay),
    /// Handled: the edge has something to do.
    Effect(Effect),
    /// Handled: the message line says this.
    Message(Status),
    /// Handled: the screen wrote to the store (`Ctx::store`); what it wrote is read
    /// again, then the message line says this.
    Saved(String),
    /// Handled: the app does this, which reaches beyond the screen.
    Request(Request),
}

/// What a screen asks of the app that reaches beyond the screen: the meeting console,
/// another screen's work, or a save the console's working copy must take part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The console opens on the meeting (read whole from the store).
    StartMeeting(MeetingId),
    /// The resolution drafted from the meeting's conclusions.
    DraftResolution(MeetingId),
    /// The grading sheet of the year-end meeting.
    Grading(MeetingId),
    /// The minutes read back.
    PreviewMinutes(MeetingId),
    /// The branch's vote on the minutes, with who is present counted.
    ApprovalVote(MeetingId),
    /// The agenda changed and saved.
    EditAgenda(MeetingId, super::meetings::AgendaEdit),
    /// The console's typing saved now (moving to another item).
    SaveNow,
    /// The console left, the meeting still in progress.
    LeaveConsole,
    /// The vote form, for a new vote.
    VoteForm,
    /// A vote of the meeting corrected: the only one, or one picked.
    CorrectVote,
    /// Last month's resolution reviewed, item by item.
    Review,
    /// A note for the member's notebook, from what they said.
    NoteFromSpeech(MemberId, String),
}

impl Outcome {
    /// A form opens above the screen.
    pub fn form(form: Form) -> Outcome {
        Outcome::Open(Overlay::Form(Box::new(form)))
    }
}

/// Work with files that the edge carries out, then reports back to `App`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write a file (a document, the roster) with the command line's rules; `done`
    /// says where it went, on the message line.
    Write(FileWrite, Msg),
    /// Take an automatic backup into `dir` (approved minutes are a permanent record).
    Backup {
        dir: PathBuf,
        at: NaiveDateTime,
        reason: BackupReason,
    },
}

impl App {
    /// Routes an action to a screen the app holds: the screen is taken out while its
    /// update runs, so that everything else can be lent to it in the [`Ctx`].
    pub(crate) fn route<S: Default>(
        &mut self,
        screen: fn(&mut App) -> &mut S,
        update: impl FnOnce(&mut S, &Ctx) -> Outcome,
    ) -> Outcome {
        let mut taken = std::mem::take(screen(self));
        let outcome = update(&mut taken, &ctx!(self));
        *screen(self) = taken;
        outcome
    }

    /// Asks the edge for an automatic backup, if backups are kept.
    pub(crate) fn auto_backup(&mut self, reason: crate::store::BackupReason) {
        let Some(dir) = self.backups.clone() else {
            return;
        };
        self.effects.push(Effect::Backup {
            dir,
            at: self.clock.now(),
            reason,
        });
    }

    /// The files to write and backups to take, for the edge to carry out (and report
    /// back with [`App::written`] and [`App::backed_up`]).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// What an automatic backup came to: a failure is said on the message line and
    /// stops nothing.
    pub fn backed_up(&mut self, result: Result<(), StoreError>) {
        if let Err(e) = result {
            self.status = Some(Status::Error(
                Msg::BackupFailed.fill(self.lang, &[("err", &self.store_error(&e))]),
            ));
        }
    }
}
