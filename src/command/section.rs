//! The sections of the keymap: one per screen or mode, then `global`. A section is
//! where a key is looked up, and what has a table of commands (`super::table`).

/// A keymap section: one per screen or mode, then `global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Global,
    Roster,
    Meetings,
    Resolutions,
    Tasks,
    Search,
    Detail,
    Form,
    Confirm,
    Welcome,
    Help,
    Agenda,
    Console,
    RollCall,
    Picker,
    Resolution,
    FollowUp,
    Review,
    Dues,
    Grading,
    Candidates,
}

impl Section {
    pub const ALL: [Section; 21] = [
        Section::Global,
        Section::Roster,
        Section::Meetings,
        Section::Resolutions,
        Section::Tasks,
        Section::Search,
        Section::Detail,
        Section::Form,
        Section::Confirm,
        Section::Welcome,
        Section::Help,
        Section::Agenda,
        Section::Console,
        Section::RollCall,
        Section::Picker,
        Section::Resolution,
        Section::FollowUp,
        Section::Review,
        Section::Dues,
        Section::Grading,
        Section::Candidates,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::Roster => "roster",
            Section::Meetings => "meetings",
            Section::Resolutions => "resolutions",
            Section::Tasks => "tasks",
            Section::Search => "search",
            Section::Detail => "detail",
            Section::Form => "form",
            Section::Confirm => "confirm",
            Section::Welcome => "welcome",
            Section::Help => "help",
            Section::Agenda => "agenda",
            Section::Console => "console",
            Section::RollCall => "rollcall",
            Section::Picker => "picker",
            Section::Resolution => "resolution",
            Section::FollowUp => "followup",
            Section::Review => "review",
            Section::Dues => "dues",
            Section::Grading => "grading",
            Section::Candidates => "candidates",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Sections where typing goes to a text field: printable keys are never commands.
    pub fn is_text_entry(self) -> bool {
        matches!(
            self,
            Section::Search | Section::Form | Section::Console | Section::Picker
        )
    }

    /// Modal sections do not fall back to `global`: a form or a question must be
    /// answered before a screen key works again.
    pub fn falls_back_to_global(self) -> bool {
        !matches!(
            self,
            Section::Form | Section::Confirm | Section::Welcome | Section::Help
        )
    }
}
