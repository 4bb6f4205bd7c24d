//! The application state and its pure update: keys become actions through the keymap
//! (`keys.rs`), actions are routed to what has the keys, which changes the state and
//! writes to the store. Nothing here touches the terminal, so tests drive an `App` with
//! keys and render it into a `TestBackend`.

/// What a screen's update may read ([`Ctx`]), borrowed field by field so that a screen
/// the context does not lend can be borrowed mutably beside it (the others go through
/// [`App::route`]).
macro_rules! ctx {
    ($app:expr) => {
        $crate::app::Ctx {
            store: &$app.store,
            lang: $app.lang,
            now: $app.clock.now(),
            pdf: $app.pdf,
            members: $app.roster.members(),
            meetings: &$app.meetings,
            resolutions: &$app.resolutions,
            branch: $app.branch.as_ref(),
            categories: &$app.categories,
            generation: $app.generation,
        }
    };
}

pub mod candidates;
mod clock;
pub mod discipline;
pub mod dues;
pub mod export;
pub mod form;
pub mod grading;
mod keys;
pub mod list;
mod load;
pub mod meetings;
pub mod minutes;
pub mod mouse;
pub mod notebook;
mod options;
mod overlay;
pub mod picker;
pub mod resolutions;
pub mod roster;
mod screen;
mod store_error;
pub mod tasks;
pub mod text_input;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

pub use clock::{Clock, FixedClock, SystemClock};
use meetings::Meetings;
pub use options::Options;
pub use overlay::{Confirm, Overlay};
use resolutions::Resolutions;
use roster::Roster;
pub use screen::{Ctx, Effect, Outcome, Request, Screen};
pub use store_error::store_error_text;
use tasks::Tasks;

use crate::command::{Action, Section};
use crate::domain::branch::Branch;
use crate::domain::calendar::WorkCalendar;
use crate::domain::meeting::Templates;
use crate::domain::member::ProbationReminder;
use crate::i18n::{Lang, Msg};
use crate::keymap::{Key, Keymap};
use crate::store::{Records, Store, StoreError, Tracked};

/// The message line under the screen, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

pub struct App {
    /// Notes what each save wrote, so that only that is read again.
    store: Tracked,
    pub lang: Lang,
    pub keymap: Keymap,
    /// Colours and symbols for this terminal.
    pub theme: crate::look::Theme,
    clock: Box<dyn Clock>,
    pub calendar: WorkCalendar,
    pub data_dir: PathBuf,
    pub branch: Option<Branch>,
    pub screen: Screen,
    pub roster: Roster,
    pub meetings: Meetings,
    pub resolutions: Resolutions,
    pub tasks: Tasks,
    pub dues: dues::Dues,
    pub candidates: candidates::Candidates,
    /// The notes of the members' notebook and the awards, read with the rest of the data
    /// and again after one of them is saved.
    pub notebook: notebook::Notebook,
    pub templates: Templates,
    /// The branch's task categories.
    pub categories: Vec<String>,
    pub overlays: Vec<Overlay>,
    pub status: Option<Status>,
    /// Warnings that stay on the message line (when it says nothing else) until
    /// dismissed, the first one shown.
    pub warnings: Vec<String>,
    /// Keys typed so far of a longer sequence ("g" of "g g").
    pub pending: Vec<Key>,
    /// Reminders about probationary members, computed on load.
    pub reminders: Vec<ProbationReminder>,
    pub quit: bool,
    /// The last write of the console's typing failed; the typing is still held.
    pub save_failed: bool,
    /// Meetings, resolutions and tasks are in memory.
    pub loaded: bool,
    /// Counts every load of data, so cached rows know when they are stale.
    pub generation: u64,
    /// The last save already updated in memory what it changed: nothing is reloaded.
    updated_in_place: bool,
    backups: Option<PathBuf>,
    /// LibreOffice is installed.
    pdf: bool,
    /// Files to write and backups to take, waiting for the edge to carry them out.
    effects: Vec<Effect>,
    /// The grading rules of `evaluation.toml`.
    pub rules: crate::domain::evaluation::Rules,
    /// Where the mouse is used.
    pub mouse: mouse::Mouse,
    /// The terminal's size (columns, rows), told on each resize: where the lists a
    /// click answers are laid out.
    pub terminal: (u16, u16),
    /// The roster is kept in the data folder's roster cache on closing.
    keeps_roster: bool,
    /// The roster cache the first frame was drawn from, until `confirm_opened` has
    /// checked it against the store.
    unconfirmed: Option<crate::store::RosterCache>,
    /// The roster cache in the data folder was found to hold what the store holds.
    cache_current: bool,
}

impl App {
    pub fn new(store: Box<dyn Store>, options: Options) -> Result<App, StoreError> {
        let defer = options.defer_loading;
        store.check_schema()?;
        store.ensure_open_index()?;
        let mut app = App::over(store, options);
        app.load_roster()?;
        if !defer {
            app.load_rest()?;
        }
        app.ask_for_branch();
        Ok(app)
    }

    /// The application over data still being opened (`store::Opening`): the first
    /// frame shows the branch and roster of the roster cache, and `confirm_opened`
    /// checks them against the store once it is open. Loads the rest only when
    /// `load_rest` is called.
    pub fn from_cache(
        store: Box<dyn Store>,
        mut cache: crate::store::RosterCache,
        options: Options,
    ) -> App {
        let mut app = App::over(store, options);
        app.branch = cache.branch.take();
        app.set_roster(std::mem::take(&mut cache.members));
        app.unconfirmed = Some(cache);
        app.ask_for_branch();
        app
    }

    /// After the first frame drawn from the roster cache: opens the store (its error if
    /// that fails: nothing can go on then), and reads the roster again from it if it is
    /// not what the cache held.
    pub fn confirm_opened(&mut self) -> Result<(), StoreError> {
        let Some(cache) = self.unconfirmed.take() else {
            return Ok(());
        };
        self.store.ensure_open_index()?;
        self.cache_current = cache.matches(&self.store)?;
        if !self.cache_current {
            self.load_roster()?;
            // what the cache's branch asked for (nothing else is open before the first
            // key) is asked again of the store's
            self.overlays.clear();
            self.ask_for_branch();
        }
        Ok(())
    }

    /// A branch with no name yet: the welcome screen, or its form.
    fn ask_for_branch(&mut self) {
        if self.branch.is_some() {
            return;
        }
        if self.roster.members().is_empty() {
            self.overlays.push(Overlay::Welcome);
        } else {
            // members imported before the branch was named: ask for its name
            let form = form::branch_form(self.lang, None);
            self.overlays.push(Overlay::Form(Box::new(form)));
        }
    }

    /// The application's state over `store`, nothing read yet.
    fn over(store: Box<dyn Store>, options: Options) -> App {
        App {
            store: Tracked::new(store),
            lang: options.lang,
            keymap: options.keymap,
            theme: options.theme,
            clock: options.clock,
            calendar: options.calendar,
            data_dir: options.data_dir,
            branch: None,
            screen: Screen::Roster,
            roster: Roster::default(),
            meetings: Meetings::default(),
            resolutions: Resolutions::default(),
            tasks: Tasks::default(),
            dues: dues::Dues::new(options.dues),
            candidates: candidates::Candidates::new(options.candidates),
            notebook: notebook::Notebook::default(),
            categories: options.categories,
            templates: options.templates,
            overlays: Vec::new(),
            status: None,
            warnings: options.warnings,
            pending: Vec::new(),
            reminders: Vec::new(),
            quit: false,
            save_failed: false,
            loaded: false,
            generation: 0,
            updated_in_place: false,
            backups: options.backups,
            pdf: options.pdf,
            effects: Vec::new(),
            rules: options.evaluation,
            mouse: options.mouse,
            terminal: (0, 0),
            keeps_roster: options.keeps_roster,
            unconfirmed: None,
            cache_current: false,
        }
    }

    pub fn store(&self) -> &dyn Store {
        &self.store
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        msg.get(self.lang)
    }

    /// The keymap section that receives keys now.
    pub fn section(&self) -> Section {
        match self.overlays.last() {
            Some(o) => o.section(),
            None if self.screen == Screen::Roster && self.roster.searching => Section::Search,
            None if self.screen == Screen::Meetings && self.meetings.console.is_some() => {
                Section::Console
            }
            None if self.screen == Screen::Meetings && self.meetings.open.is_some() => {
                Section::Agenda
            }
            None if self.screen == Screen::Resolutions && self.resolutions.searching => {
                Section::Search
            }
            None if self.screen == Screen::Tasks && self.tasks.searching => Section::Search,
            None if self.screen == Screen::Resolutions && self.resolutions.followup => {
                Section::FollowUp
            }
            None if self.screen == Screen::Resolutions && self.resolutions.open.is_some() => {
                Section::Resolution
            }
            None => self.screen.section(),
        }
    }

    /// Applies an action to whatever has the keys.
    pub fn update(&mut self, action: Action) {
        if matches!(self.overlays.last(), Some(Overlay::RollCall { .. })) {
            self.update_rollcall(action);
            return;
        }
        match self.overlays.last().map(Overlay::section) {
            Some(Section::Welcome) => self.update_welcome(action),
            Some(Section::Help) => self.update_help(action),
            Some(Section::Detail) => self.update_member_detail(action),
            Some(Section::Form) => self.update_form(action),
            Some(Section::Confirm) => self.update_confirm(action),
            Some(Section::Picker) => self.update_picker(action),
            Some(Section::RollCall) => self.update_rollcall(action),
            Some(Section::Review) => self.update_review(action),
            Some(Section::Grading) => self.update_grading(action),
            _ => self.update_screen(action),
        }
    }

    /// Routes an action in a member's detail: the notebook's keys first, then the
    /// roster's (moving to another member, changing or closing the member).
    fn update_member_detail(&mut self, action: Action) {
        let member = self.roster.selected_member().map(|m| m.id);
        let outcome = self.route(|a| &mut a.notebook, |n, ctx| n.update(action, member, ctx));
        if let Outcome::NotMine = outcome {
            self.update_detail(action);
        } else {
            self.act_on(outcome);
        }
    }

    fn update_global(&mut self, action: Action) -> bool {
        let idx = Screen::ALL
            .iter()
            .position(|s| *s == self.screen)
            .unwrap_or(0);
        match action {
            Action::Quit if self.quit_from_console() => {}
            Action::Quit => self.request_quit(),
            Action::DismissWarning if !self.warnings.is_empty() => {
                self.warnings.remove(0);
            }
            Action::Help => self.overlays.push(Overlay::Help {
                section: self.section(),
                scroll: 0,
            }),
            Action::NextScreen => self.screen = Screen::ALL[(idx + 1) % Screen::ALL.len()],
            Action::PrevScreen => {
                self.screen = Screen::ALL[(idx + Screen::ALL.len() - 1) % Screen::ALL.len()];
            }
            Action::ScreenRoster => self.screen = Screen::Roster,
            Action::ScreenMeetings => self.screen = Screen::Meetings,
            Action::ScreenResolutions => self.screen = Screen::Resolutions,
            Action::ScreenTasks => self.screen = Screen::Tasks,
            Action::ScreenDues => self.screen = Screen::Dues,
            Action::ScreenCandidates => self.screen = Screen::Candidates,
            _ => return false,
        }
        true
    }

    /// Routes an action to the screen in front (in the mode it is in), then acts on what
    /// the screen made of it; what no screen takes goes to the global keys.
    fn update_screen(&mut self, action: Action) {
        let outcome = match self.section() {
            Section::Search if self.screen == Screen::Resolutions => {
                self.route(|a| &mut a.resolutions, |r, ctx| r.update(action, ctx))
            }
            Section::Search if self.screen == Screen::Tasks => {
                self.tasks.update(action, &ctx!(self))
            }
            Section::Roster | Section::Search => {
                self.route(|a| &mut a.roster, |r, ctx| r.update(action, ctx))
            }
            Section::Tasks => self.tasks.update(action, &ctx!(self)),
            Section::Resolutions => {
                self.route(|a| &mut a.resolutions, |r, ctx| r.update(action, ctx))
            }
            // these modes take only their own commands (and moves); the rest is global
            section @ (Section::Resolution
            | Section::FollowUp
            | Section::Console
            | Section::Agenda)
                if !section.owns(action) =>
            {
                Outcome::NotMine
            }
            Section::FollowUp => self.route(
                |a| &mut a.resolutions,
                |r, ctx| r.update_followup(action, ctx),
            ),
            Section::Resolution => self.route(
                |a| &mut a.resolutions,
                |r, ctx| r.update_detail(action, ctx),
            ),
            Section::Console => {
                self.route(|a| &mut a.meetings, |m, ctx| m.update_console(action, ctx))
            }
            Section::Agenda => {
                self.route(|a| &mut a.meetings, |m, ctx| m.update_agenda(action, ctx))
            }
            Section::Meetings => self.route(|a| &mut a.meetings, |m, ctx| m.update(action, ctx)),
            Section::Dues => self.dues.update(action, &ctx!(self)),
            Section::Candidates => self.candidates.update(action, &ctx!(self)),
            _ => Outcome::NotMine,
        };
        if let Outcome::NotMine = outcome {
            self.update_global(action);
        } else {
            self.act_on(outcome);
        }
    }

    /// Carries out what an update came to: an overlay opens, an effect waits for the
    /// edge.
    pub(crate) fn act_on(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::NotMine | Outcome::Done => {}
            Outcome::Open(overlay) => self.open(overlay),
            Outcome::Effect(effect) => self.effects.push(effect),
            Outcome::Message(status) => self.status = Some(status),
            Outcome::Saved(message) => match self.reload() {
                Ok(()) => self.status = Some(Status::Info(message)),
                Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
            },
            Outcome::Request(request) => self.carry_out_request(request),
        }
    }

    /// Carries out what a screen asked of the app, each by the screen it belongs to.
    /// No arm for "anything else": a new request is carried out, or does not compile.
    fn carry_out_request(&mut self, request: Request) {
        match request {
            Request::StartMeeting(id) => self.start_meeting(id),
            Request::DraftResolution(id) => self.draft_resolution(id),
            Request::Grading(id) => self.open_grading(id),
            Request::PreviewMinutes(id) => self.preview_meeting(id),
            Request::ApprovalVote(id) => self.open_approval_vote(id),
            Request::EditAgenda(id, edit) => self.edit_agenda(id, edit),
            Request::SaveNow => {
                let _ = self.save_now(); // a failure is on the message line
            }
            Request::LeaveConsole => self.leave_console(),
            Request::VoteForm => self.open_vote_form(),
            Request::CorrectVote => self.correct_vote(),
            Request::Review => self.open_review(),
            Request::NoteFromSpeech(member, text) => self.note_from_meeting(member, &text),
        }
    }

    /// Opens an overlay above the screen; a member's detail opens at its top.
    pub(crate) fn open(&mut self, overlay: Overlay) {
        if overlay == Overlay::Detail {
            self.notebook.scroll = 0;
        }
        self.overlays.push(overlay);
    }

    /// Saves what is being typed and makes everything durable (on quit).
    pub fn shutdown(&mut self) -> Result<(), StoreError> {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            c.remember_position(now);
            c.unsaved = true;
        }
        self.save_now()?;
        self.store.flush()?;
        self.keep_roster();
        Ok(())
    }

    /// Writes the roster cache for the next opening's first frame, unless the one in
    /// the data folder still holds what the store holds (a write of the roster removes
    /// it). Only a speed-up: when it cannot be written, the next opening reads the
    /// database instead.
    fn keep_roster(&mut self) {
        if !self.keeps_roster || self.unconfirmed.is_some() {
            return;
        }
        let path = self.data_dir.join(crate::store::ROSTER_CACHE);
        if self.cache_current && path.exists() {
            return;
        }
        self.cache_current = crate::store::RosterCache::write(&self.data_dir, &self.store).is_ok();
    }

    /// Quits, unless the console holds typing the store will not take: then asks
    /// first, saying why (chibo keeps trying to save meanwhile).
    fn request_quit(&mut self) {
        match self.save_now() {
            Ok(()) => self.quit = true,
            Err(e) => {
                let why = self.store_error(&e);
                self.overlays
                    .push(Overlay::Confirm(Confirm::QuitUnsaved(why)));
            }
        }
    }
}
