//! The application state and its pure update: keys become actions through the keymap,
//! actions change the state and write to the store. Nothing here touches the terminal,
//! so tests drive an `App` with keys and render it into a `TestBackend`.

/// What a screen's update may read ([`Ctx`]), borrowed field by field so that the screen
/// itself can be borrowed mutably beside it.
macro_rules! ctx {
    ($app:expr) => {
        $crate::app::Ctx {
            store: &$app.store,
            lang: $app.lang,
            now: $app.clock.now(),
            pdf: $app.pdf,
        }
    };
}

pub mod candidates;
pub mod discipline;
pub mod dues;
pub mod export;
pub mod form;
pub mod grading;
pub mod list;
pub mod meetings;
pub mod minutes;
pub mod mouse;
pub mod notebook;
pub mod picker;
pub mod resolutions;
pub mod roster;
mod screen;
pub mod tasks;
pub mod text_input;

use std::path::PathBuf;

use chrono::{Local, NaiveDate, NaiveDateTime};

use form::{FieldKind, Form, FormPurpose};
use meetings::Meetings;
use picker::{PickPurpose, Picker};
use resolutions::Resolutions;
use roster::Roster;
pub use screen::{Ctx, Effect, Outcome};
use tasks::Tasks;

use crate::command::{Action, Section};
use crate::domain::branch::Branch;
use crate::domain::calendar::WorkCalendar;
use crate::domain::meeting::{EntryKind, MeetingId, MeetingStatus, Templates};
use crate::domain::member::{MemberId, ProbationReminder, probation_reminder};
use crate::i18n::{Lang, Msg};
use crate::keymap::{Key, Keymap, Lookup};
use crate::store::{Records, Store, StoreError, Tracked, Tree, Written};

/// Where "now" comes from: the system clock, or a fixed one in tests.
pub trait Clock: Send {
    fn now(&self) -> NaiveDateTime;
    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        Local::now().naive_local()
    }
}

pub struct FixedClock(pub NaiveDateTime);

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}

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

/// What a confirmation is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    DeleteMember(MemberId, String),
    /// A member left the active roster with open tasks: those they lead, those they
    /// only help with.
    OpenTasks(MemberId, String, usize, usize),
    EndMeeting,
    /// Approving the minutes with the branch's vote on them.
    Approve(MeetingId, Box<crate::domain::vote::Vote>),
    /// Quitting while the store refuses the console's typing (the reason inside).
    QuitUnsaved(String),
    /// Quitting in the middle of a meeting (it stays in progress).
    QuitMeeting,
    /// Removing a saved vote from the minutes: its item, entry and subject.
    RemoveVote(usize, usize, String),
    /// The admission ceremony: the candidate with the ceremony recorded, not saved yet.
    Ceremony(Box<crate::domain::candidates::Candidate>),
    /// An expulsion checked and not saved yet: the member leaves on its date. The
    /// form it came from comes back when it is not confirmed.
    Expulsion(Box<crate::domain::discipline::Discipline>, Box<Form>),
}

/// Popups above the screen; the top one gets the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Welcome,
    Help {
        section: Section,
        scroll: usize,
    },
    Detail,
    Form(Box<Form>),
    Confirm(Confirm),
    Picker(Box<Picker>),
    RollCall {
        selected: usize,
        /// Letters typed to find a member (without diacritics), while finding.
        find: Option<String>,
    },
    /// Last month's resolution reviewed in the console.
    Review {
        selected: usize,
    },
    /// The biên bản as it is exported, read back before approval.
    Preview {
        lines: Vec<String>,
        scroll: usize,
    },
    /// The grading sheet of a year-end meeting.
    Grading(Box<grading::GradingSheet>),
}

impl Overlay {
    fn section(&self) -> Section {
        match self {
            Overlay::Picker(_) => Section::Picker,
            // finding a member: letters are typed, not marks
            Overlay::RollCall { find: Some(_), .. } => Section::Picker,
            Overlay::RollCall { .. } => Section::RollCall,
            Overlay::Review { .. } => Section::Review,
            Overlay::Welcome => Section::Welcome,
            // read and scrolled like help
            Overlay::Help { .. } | Overlay::Preview { .. } => Section::Help,
            Overlay::Detail => Section::Detail,
            Overlay::Form(_) => Section::Form,
            Overlay::Confirm(_) => Section::Confirm,
            Overlay::Grading(_) => Section::Grading,
        }
    }
}

/// The message line under the screen, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

/// How the application was opened.
pub struct Options {
    pub lang: Lang,
    pub keymap: Keymap,
    /// What is wrong in the settings files (and a failed daily backup): shown on the
    /// message line until dismissed.
    pub warnings: Vec<String>,
    /// Where automatic backups go (after minutes are approved); none in tests.
    pub backups: Option<PathBuf>,
    pub clock: Box<dyn Clock>,
    pub calendar: WorkCalendar,
    /// Shown on the welcome screen; exports are written under it.
    pub data_dir: PathBuf,
    /// Load meetings, resolutions and tasks only when `load_rest` is called (the
    /// terminal draws the roster first); otherwise everything loads in `new`.
    pub defer_loading: bool,
    pub templates: Templates,
    pub categories: Vec<String>,
    pub theme: crate::ui::Theme,
    /// LibreOffice is installed: the export key offers PDF.
    pub pdf: bool,
    /// The dues rates and shares of `dues.toml`.
    pub dues: crate::domain::dues::Rates,
    /// The candidates' steps and limits of `candidates.toml`.
    pub candidates: crate::domain::candidates::Rules,
    /// The grading rules of `evaluation.toml`.
    pub evaluation: crate::domain::evaluation::Rules,
    /// Where the mouse is used (`config.toml`).
    pub mouse: mouse::Mouse,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Vi,
            keymap: Keymap::defaults(),
            warnings: Vec::new(),
            backups: None,
            clock: Box::new(SystemClock),
            calendar: WorkCalendar::vietnam(),
            data_dir: PathBuf::new(),
            defer_loading: false,
            templates: Templates::shipped(),
            categories: crate::domain::task::DEFAULT_CATEGORIES
                .iter()
                .map(|c| c.to_string())
                .collect(),
            theme: crate::ui::Theme::default(),
            pdf: false,
            dues: crate::domain::dues::Rates::shipped(),
            candidates: crate::domain::candidates::Rules::shipped(),
            evaluation: crate::domain::evaluation::Rules::shipped(),
            mouse: mouse::Mouse::default(),
        }
    }
}

pub struct App {
    /// Notes what each save wrote, so that only that is read again.
    store: Tracked,
    pub lang: Lang,
    pub keymap: Keymap,
    /// Colours and symbols for this terminal.
    pub theme: crate::ui::Theme,
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
    /// The lists the last frame drew with a selection, in the order drawn (the last
    /// one is in front): what a click on a row selects.
    pub drawn: std::cell::RefCell<Vec<mouse::DrawnList>>,
}

impl App {
    pub fn new(store: Box<dyn Store>, options: Options) -> Result<App, StoreError> {
        let defer_loading = options.defer_loading;
        store.check_schema()?;
        store.ensure_open_index()?;
        let mut app = App {
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
            drawn: Default::default(),
        };
        let defer = defer_loading;
        app.load_roster()?;
        if !defer {
            app.load_rest()?;
        }
        if app.branch.is_none() {
            if app.roster.members().is_empty() {
                app.overlays.push(Overlay::Welcome);
            } else {
                // members imported before the branch was named: ask for its name
                let form = form::branch_form(app.lang, None);
                app.overlays.push(Overlay::Form(Box::new(form)));
            }
        }
        Ok(app)
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

    /// Loads meetings, resolutions and tasks (after the first frame, in the terminal),
    /// and reopens a meeting left in progress (quit or crash) where it was.
    pub fn load_rest(&mut self) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.load_meetings()?;
        self.load_resolutions()?;
        self.reload_dues()?;
        self.reload_notebook()?;
        self.reload_candidates()?;
        self.store.forget_written();
        self.loaded = true;
        if let Some(m) = self
            .meetings
            .all()
            .iter()
            .find(|m| m.status() == MeetingStatus::InProgress)
            .cloned()
        {
            self.open_console(m);
        }
        Ok(())
    }

    /// After a write: what it wrote is read again and put in its place in memory,
    /// nothing else (everything, after a write of very many records).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        if !self.loaded {
            self.store.forget_written();
            self.load_roster()?;
            return self.load_rest();
        }
        match self.store.take_written() {
            Written::Nothing => Ok(()),
            Written::Everything => self.reload_everything(),
            Written::Records(written) => {
                let result = self.reload_records(&written);
                if result.is_err() {
                    // what could not be read is tried again on the next save
                    self.store.forget_written();
                }
                result
            }
        }
    }

    /// Reads everything again.
    fn reload_everything(&mut self) -> Result<(), StoreError> {
        self.store.forget_written();
        self.load_roster()?;
        self.load_meetings()?;
        self.load_resolutions()?;
        self.reload_notebook()?;
        self.reload_candidates()?;
        self.reload_dues()
    }

    /// The notes of the members' notebook and the awards, as stored.
    fn reload_notebook(&mut self) -> Result<(), StoreError> {
        self.notebook.notes = self.store.notes()?;
        self.notebook.awards = self.store.awards()?;
        self.notebook.discipline = self.store.discipline()?;
        Ok(())
    }

    /// Puts each record written in its place in memory (gone from memory if deleted).
    fn reload_records(
        &mut self,
        written: &std::collections::BTreeSet<(Tree, Vec<u8>)>,
    ) -> Result<(), StoreError> {
        self.generation += 1;
        let id_of = |key: &[u8]| key.try_into().ok().map(u64::from_be_bytes);
        let mut members = Vec::new();
        let mut dues = false;
        let mut notes = false;
        let mut candidates = false;
        let mut tasks = Vec::new();
        for (tree, key) in written {
            match tree {
                Tree::Meta if key.as_slice() == b"branch" => self.branch = self.store.branch()?,
                Tree::Members => {
                    if let Some(id) = id_of(key).map(MemberId) {
                        members.push((id, self.store.member(id)?));
                    }
                }
                Tree::Meetings => {
                    let Some(id) = id_of(key).map(MeetingId) else {
                        continue;
                    };
                    match self.store.meeting(id)? {
                        Some(m) => self.put_meeting(m),
                        None => self.meetings.remove(id),
                    }
                }
                Tree::Resolutions => {
                    let Some(id) = id_of(key).map(crate::domain::resolution::ResolutionId) else {
                        continue;
                    };
                    if let Some(r) = self.store.resolution(id)? {
                        self.resolutions.put_resolution(r);
                    }
                }
                Tree::Tasks => {
                    let Some(id) = id_of(key).map(crate::domain::task::TaskId) else {
                        continue;
                    };
                    if let Some(t) = self.store.task(id)? {
                        tasks.push(t);
                    }
                }
                Tree::Dues => dues = true,
                Tree::Notebook | Tree::Awards | Tree::Discipline => notes = true,
                // read from the store where they are shown, when they are shown
                Tree::Candidates => candidates = true,
                Tree::Meta | Tree::Audit | Tree::OpenTasks | Tree::TaskDates => {}
            }
        }
        if !tasks.is_empty() {
            self.resolutions.put_tasks(&tasks);
        }
        if dues {
            self.reload_dues()?;
        }
        if candidates {
            self.reload_candidates()?;
        }
        if notes {
            self.reload_notebook()?;
        }
        if !members.is_empty() {
            let mut list = self.roster.members().to_vec();
            for (id, member) in members {
                list.retain(|m| m.id != id);
                list.extend(member);
            }
            self.set_roster(list);
        }
        Ok(())
    }

    fn load_roster(&mut self) -> Result<(), StoreError> {
        self.branch = self.store.branch()?;
        let members = self.store.members()?;
        self.set_roster(members);
        Ok(())
    }

    /// The roster becomes `members`; the probation reminders follow.
    fn set_roster(&mut self, members: Vec<crate::domain::member::Member>) {
        self.generation += 1;
        self.roster.load(members);
        let today = self.today();
        self.reminders = self
            .roster
            .members()
            .iter()
            .filter_map(|m| probation_reminder(m, today, &self.calendar))
            .collect();
        self.reminders.sort_by_key(|r| r.ends);
    }

    /// The lists learn how many rows they show at the terminal's size (before each
    /// frame): how far a page key moves, and the first row that keeps the selection in
    /// view.
    pub fn set_list_rows(&mut self, rows: list::ListRows) {
        // the rows the frame will draw, computed here so that drawing only reads them
        match self.screen {
            Screen::Tasks => self.refresh_tasks(),
            Screen::Dues => self.refresh_dues(),
            _ => {}
        }
        self.roster.list.set_page(rows.roster);
        self.meetings.shown.set_page(rows.meetings);
        let agenda = self.meetings.open_meeting().map_or(0, |m| m.agenda.len());
        self.meetings.item.set_page(rows.agenda, agenda);
        self.resolutions.shown.set_page(rows.resolutions);
        let items = self
            .resolutions
            .open_resolution()
            .map_or(0, |r| r.items.len());
        self.resolutions.item.set_page(rows.items, items);
        if self.screen == Screen::Resolutions && self.resolutions.followup {
            let n = self.resolutions.followup(self.today()).len();
            self.resolutions.fu.set_page(rows.followup, n);
        }
        if self.screen == Screen::Tasks {
            let n = match self.tasks.view {
                tasks::TaskView::ByMember => self.task_loads().len(),
                tasks::TaskView::All => self.task_row_ids().len(),
            };
            self.tasks.cursor.set_page(rows.tasks, n);
        }
        if self.screen == Screen::Candidates {
            let n = self.candidates.all().len();
            self.candidates.cursor.set_page(rows.candidates, n);
        }
        if self.screen == Screen::Dues {
            let n = self.dues_view().rows.len();
            self.dues.cursor.set_page(rows.dues, n);
        }
        if let Some(Overlay::Picker(p)) = self.overlays.last_mut() {
            p.shown.set_page(rows.picker);
        }
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

    /// Applies an action to whatever has the keys.
    pub fn update(&mut self, action: Action) {
        if matches!(self.overlays.last(), Some(Overlay::RollCall { .. })) {
            self.update_rollcall(action);
            return;
        }
        match self.overlays.last().map(Overlay::section) {
            Some(Section::Welcome) => self.update_welcome(action),
            Some(Section::Help) => self.update_help(action),
            Some(Section::Detail) => self.update_detail(action),
            Some(Section::Form) => self.update_form(action),
            Some(Section::Confirm) => self.update_confirm(action),
            Some(Section::Picker) => self.update_picker(action),
            Some(Section::RollCall) => self.update_rollcall(action),
            Some(Section::Review) => self.update_review(action),
            Some(Section::Grading) => self.update_grading(action),
            _ => self.update_screen(action),
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
                self.screen = Screen::ALL[(idx + Screen::ALL.len() - 1) % Screen::ALL.len()]
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
                self.update_resolutions(action)
            }
            Section::Search if self.screen == Screen::Tasks => self.update_tasks(action),
            Section::Roster | Section::Search => self.roster.update(action, &ctx!(self)),
            Section::Tasks => self.update_tasks(action),
            Section::Resolutions => self.update_resolutions(action),
            Section::Resolution | Section::FollowUp => {
                let section = self.section();
                let own = self
                    .keymap
                    .bindings(section)
                    .iter()
                    .any(|b| b.action == action)
                    || list::is_movement(action);
                match section {
                    _ if !own => Outcome::NotMine,
                    Section::FollowUp => self.update_followup(action),
                    _ => self.update_resolution_detail(action),
                }
            }
            Section::Console => {
                let own = self
                    .keymap
                    .bindings(Section::Console)
                    .iter()
                    .any(|b| b.action == action);
                if own {
                    self.update_console(action);
                }
                Outcome::handled(own)
            }
            Section::Agenda => {
                let own = self
                    .keymap
                    .bindings(Section::Agenda)
                    .iter()
                    .any(|b| b.action == action)
                    || list::is_movement(action);
                if own {
                    self.update_agenda(action)
                } else {
                    Outcome::NotMine
                }
            }
            Section::Meetings => self.update_meetings(action),
            Section::Dues => Outcome::handled(self.update_dues(action)),
            Section::Candidates => self.update_candidates(action),
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
        }
    }

    /// Opens an overlay above the screen; a member's detail opens at its top.
    pub(crate) fn open(&mut self, overlay: Overlay) {
        if overlay == Overlay::Detail {
            self.notebook.scroll = 0;
        }
        self.overlays.push(overlay);
    }

    fn update_picker(&mut self, action: Action) {
        let Some(Overlay::Picker(p)) = self.overlays.last_mut() else {
            return;
        };
        if p.shown.apply(action) {
            return;
        }
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Confirm => {
                let purpose = p.purpose;
                if matches!(purpose, PickPurpose::Vote | PickPurpose::AgendaItem) {
                    // letters that match nothing keep the list open, to type again
                    let Some(index) = p.chosen_index() else {
                        return;
                    };
                    self.overlays.pop();
                    match purpose {
                        PickPurpose::Vote => self.vote_picked(index),
                        _ => self.agenda_item_picked(index),
                    }
                    return;
                }
                if let Some(guest) = p.chosen_guest() {
                    self.overlays.pop();
                    self.guest_speaks(guest);
                    return;
                }
                let Some((id, name)) = p.chosen() else { return };
                // exempt members and those who left carry no task: say why, keep the picker
                if p.is_for_task()
                    && let Some(activity) = p.chosen_mark()
                {
                    self.status = Some(Status::Error(tasks::not_assignable_text(
                        self.lang, &name, activity,
                    )));
                    return;
                }
                self.overlays.pop();
                let now = self.clock.now();
                match purpose {
                    PickPurpose::Field(field) => {
                        if let Some(Overlay::Form(form)) = self.overlays.last_mut() {
                            let several = form
                                .field(field)
                                .is_some_and(|f| f.kind == FieldKind::Members);
                            form.set_member(field, Some((id, name)));
                            // a several-member field stays for the next pick
                            if !several {
                                form.next_field();
                            }
                        }
                    }
                    PickPurpose::Speaker => {
                        if let Some(c) = self.meetings.console.as_mut() {
                            let at = c.stamp(now).time();
                            c.new_entry(EntryKind::Speech(id), at);
                        }
                    }
                    PickPurpose::Presenter => self.set_presenter(id),
                    PickPurpose::Lead(task) => self.set_lead(task, id),
                    PickPurpose::Vote | PickPurpose::AgendaItem => {}
                }
            }
            _ => {}
        }
    }

    fn update_help(&mut self, action: Action) {
        if let Some(Overlay::Help { scroll, .. } | Overlay::Preview { scroll, .. }) =
            self.overlays.last_mut()
        {
            // the renderer stops the scroll at the end
            const PAGE: usize = 15;
            match action {
                Action::MoveUp => *scroll = scroll.saturating_sub(1),
                Action::MoveDown => *scroll += 1,
                Action::PageUp => *scroll = scroll.saturating_sub(PAGE),
                Action::PageDown => *scroll += PAGE,
                Action::First => *scroll = 0,
                Action::Last => *scroll = usize::MAX / 2,
                Action::Cancel => {
                    self.overlays.pop();
                }
                _ => {}
            }
        }
    }

    fn update_welcome(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::CreateBranch => {
                let form = crate::app::form::branch_form(self.lang, self.branch.as_ref());
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            Action::LoadDemo => {
                let today = self.today();
                let now = self.clock.now();
                let result = crate::demo::generate(
                    self.store.as_ref(),
                    &crate::demo::DemoOptions::default(),
                    today,
                    now,
                )
                .and_then(|_| self.reload());
                match result {
                    Ok(()) => {
                        self.overlays.retain(|o| *o != Overlay::Welcome);
                        let n = self.roster.members().len();
                        self.status =
                            Some(Status::Info(Msg::DemoLoaded.fill(self.lang, &[("n", &n)])));
                    }
                    Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
                }
            }
            _ => {}
        }
    }

    fn update_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm(what)) = self.overlays.last().cloned() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.overlays.pop();
                if let Confirm::Expulsion(_, form) = what {
                    self.overlays.push(Overlay::Form(form));
                }
            }
            Action::Confirm => {
                self.overlays.pop();
                match what {
                    Confirm::DeleteMember(id, name) => self.delete_member(id, &name),
                    Confirm::EndMeeting => self.end_meeting(),
                    Confirm::Approve(id, vote) => self.approve(id, *vote),
                    Confirm::OpenTasks(id, ..) => self.release_tasks_of(id),
                    Confirm::QuitUnsaved(_) => self.quit = true,
                    Confirm::QuitMeeting => self.request_quit(),
                    Confirm::RemoveVote(item, entry, _) => self.remove_vote(item, entry),
                    Confirm::Ceremony(c) => self.hold_ceremony(*c),
                    Confirm::Expulsion(r, _) => self.expel(*r),
                }
            }
            _ => {}
        }
    }

    fn update_form(&mut self, action: Action) {
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::Confirm if form.focused_field().is_some_and(|f| f.is_member()) => {
                let id = form.focused_field().map(|f| f.id);
                if let Some(id) = id {
                    self.pick_for_field(id);
                }
            }
            // enter breaks the line in a field of several lines
            Action::Confirm
                if form
                    .focused_field()
                    .is_some_and(|f| f.kind == FieldKind::Lines) =>
            {
                form.type_char('\n');
            }
            Action::Confirm if !form.on_last_field() => form.next_field(),
            Action::Confirm | Action::Save => self.submit_form(),
            _ => {}
        }
    }

    /// Saves what the top form describes; on a problem, shows it under its field and
    /// saves nothing.
    fn submit_form(&mut self) {
        let Some(Overlay::Form(form)) = self.overlays.last() else {
            return;
        };
        let form = form.as_ref().clone();
        self.updated_in_place = false;
        let outcome = match form.purpose {
            FormPurpose::NewMember
            | FormPurpose::EditMember(_)
            | FormPurpose::Status(_)
            | FormPurpose::Recognition(_)
            | FormPurpose::NewNote(..)
            | FormPurpose::NewAward(_)
            | FormPurpose::Branch => self.submit_roster_form(&form),
            FormPurpose::NewMeeting
            | FormPurpose::EditMeeting(_)
            | FormPurpose::AgendaItem(_)
            | FormPurpose::Amend(_) => self.submit_meeting_form(&form),
            FormPurpose::Vote
            | FormPurpose::EditVote(..)
            | FormPurpose::ApprovalVote(_)
            | FormPurpose::Excuse(_)
            | FormPurpose::Late(_) => self.submit_console_form(&form),
            FormPurpose::NewResolution
            | FormPurpose::EditResolution(_)
            | FormPurpose::ResolutionItem(..)
            | FormPurpose::Progress(..)
            | FormPurpose::Done(..)
            | FormPurpose::CarryOver(..)
            | FormPurpose::CancelTask(..)
            | FormPurpose::Supersede(_)
            | FormPurpose::Adopt(_) => self.submit_resolution_form(&form),
            FormPurpose::NewTask | FormPurpose::BulkTask => self.submit_task_form(&form),
            FormPurpose::Export(_) => self.submit_export_form(&form),
            FormPurpose::Payment(_)
            | FormPurpose::DuesBasis(_)
            | FormPurpose::DuesCorrection(_)
            | FormPurpose::DuesSent(_) => self.submit_dues_form(&form),
            FormPurpose::Grade(..) => self.submit_grading_form(&form),
            FormPurpose::NewDiscipline(id) => self.submit_discipline_form(&form, id),
            FormPurpose::CheckNote(id) => self.submit_check_form(&form, id),
            FormPurpose::NewCandidate
            | FormPurpose::CandidateStep(..)
            | FormPurpose::CandidateHelper(_)
            | FormPurpose::CloseCandidate(_) => self.submit_candidate_form(&form),
        };
        match outcome {
            Ok(Ok(message)) => {
                // the form is the top overlay still: saving may have opened nothing above it
                if let Some(pos) = self
                    .overlays
                    .iter()
                    .rposition(|o| matches!(o, Overlay::Form(f) if f.purpose == form.purpose))
                {
                    self.overlays.remove(pos);
                }
                if form.purpose == FormPurpose::Branch {
                    self.overlays.retain(|o| *o != Overlay::Welcome);
                }
                let reloaded = if std::mem::take(&mut self.updated_in_place) {
                    Ok(())
                } else {
                    self.reload()
                };
                if let Err(e) = reloaded {
                    self.status = Some(Status::Error(self.store_error(&e)));
                } else if !message.is_empty() {
                    self.status = Some(Status::Info(message));
                }
            }
            Ok(Err(field_error)) => {
                if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
                    f.show_error(field_error);
                }
            }
            Err(e) => {
                let msg = Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(&e))]);
                self.status = Some(Status::Error(msg));
            }
        }
    }

    /// A store error in the user's language.
    pub fn store_error(&self, e: &StoreError) -> String {
        store_error_text(e, self.lang)
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

    /// Saves what is being typed and makes everything durable (on quit).
    pub fn shutdown(&mut self) -> Result<(), StoreError> {
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut() {
            c.remember_position(now);
            c.unsaved = true;
        }
        self.save_now()?;
        self.store.flush()
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

/// A store error as a user reads it.
pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::InUse(dir) => Msg::ErrInUse.fill(lang, &[("dir", &dir.display())]),
        StoreError::NoData(dir) => Msg::ErrNoData.fill(lang, &[("dir", &dir.display())]),
        StoreError::NotChibos(dir) => Msg::ErrNotChibos.fill(lang, &[("dir", &dir.display())]),
        StoreError::NotRegularFile(path) => {
            Msg::ErrNotRegularFile.fill(lang, &[("path", &path.display())])
        }
        StoreError::LinkRefused(path) => {
            Msg::ErrLinkRefused.fill(lang, &[("path", &path.display())])
        }
        StoreError::NotADirectory(path) => {
            Msg::ErrNotADirectory.fill(lang, &[("path", &path.display())])
        }
        StoreError::NewerSchema { found, supported } => {
            Msg::ErrNewerSchema.fill(lang, &[("found", found), ("supported", supported)])
        }
        StoreError::DiskFull => Msg::ErrDiskFull.get(lang).to_string(),
        StoreError::ReadOnly => Msg::ErrReadOnly.get(lang).to_string(),
        StoreError::WritesStopped => Msg::ErrWritesStopped.get(lang).to_string(),
        other => Msg::ErrStorage.fill(lang, &[("err", other)]),
    }
}
