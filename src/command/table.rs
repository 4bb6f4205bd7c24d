//! What each section offers: its commands in the order of the shipped map, those that
//! must keep a key, and its footer. `keymaps/default.toml` gives them their default keys;
//! a test checks that the two agree.
//! Over 500 lines because it is data: every section's table side by side, read as one list.

use super::{Commands, Footer, Rest, Section, cmd, key};
use crate::command::Action::*;
use crate::i18n::Msg;

/// The commands of `section`.
pub fn commands(section: Section) -> &'static Commands {
    match section {
        Section::Global => &GLOBAL,
        Section::Roster => &ROSTER,
        Section::Search => &SEARCH,
        Section::Detail => &DETAIL,
        Section::Form => &FORM,
        Section::Confirm => &CONFIRM,
        Section::Welcome => &WELCOME,
        Section::Help => &HELP,
        Section::Meetings => &MEETINGS,
        Section::Agenda => &AGENDA,
        Section::Console => &CONSOLE,
        Section::RollCall => &ROLL_CALL,
        Section::Picker => &PICKER,
        Section::Resolutions => &RESOLUTIONS,
        Section::Resolution => &RESOLUTION,
        Section::FollowUp => &FOLLOW_UP,
        Section::Review => &REVIEW,
        Section::Tasks => &TASKS,
        Section::Dues => &DUES,
        Section::Grading => &GRADING,
        Section::Candidates => &CANDIDATES,
    }
}

/// What every section that falls back to `global` also answers.
static GLOBAL: Commands = Commands {
    own: &[
        key(Help),
        key(Quit),
        cmd(DismissWarning),
        cmd(NextScreen),
        cmd(PrevScreen),
        cmd(ScreenRoster),
        cmd(ScreenMeetings),
        cmd(ScreenResolutions),
        cmd(ScreenTasks),
        cmd(ScreenDues),
        cmd(ScreenCandidates),
        key(MoveUp),
        key(MoveDown),
        cmd(PageUp),
        cmd(PageDown),
        cmd(First),
        cmd(Last),
        cmd(Cancel),
    ],
    moves: false,
    footer: Footer::open(&[NextScreen, Help, Quit]),
    ..Commands::EMPTY
};

static ROSTER: Commands = Commands {
    own: &[
        key(Search),
        key(New),
        key(Open),
        key(Edit),
        cmd(ChangeStatus),
        cmd(Delete),
        cmd(FilterStanding),
        cmd(FilterActivity),
        cmd(FilterRole),
        cmd(ExportMembers),
    ],
    moves: true,
    footer: Footer::open(&[
        Search,
        New,
        Open,
        Edit,
        ChangeStatus,
        Help,
        Quit,
        FilterStanding,
        FilterActivity,
        FilterRole,
    ]),
    ..Commands::EMPTY
};

/// Typing a search over a list (the roster's, the resolutions', the tasks').
static SEARCH: Commands = Commands {
    own: &[key(Cancel), key(Confirm), cmd(MoveUp), cmd(MoveDown)],
    moves: true,
    footer: Footer::closed(&[Confirm, Cancel]),
    ..Commands::EMPTY
};

/// A member's detail, over the roster.
static DETAIL: Commands = Commands {
    own: &[
        key(Cancel),
        cmd(Edit),
        cmd(ChangeStatus),
        cmd(RecognitionDecision),
        cmd(AddNote),
        cmd(AddAward),
        cmd(AddDiscipline),
        cmd(CheckCommitment),
        cmd(FilterYear),
        cmd(Delete),
        cmd(MoveUp),
        cmd(MoveDown),
        cmd(PageUp),
        cmd(PageDown),
    ],
    moves: true,
    footer: Footer::open(&[
        Edit,
        ChangeStatus,
        AddNote,
        AddAward,
        AddDiscipline,
        CheckCommitment,
        FilterYear,
        RecognitionDecision,
        Delete,
        Cancel,
    ]),
    // a member's detail has many keys: the longest say less in its footer
    footer_words: &[
        (RecognitionDecision, Msg::ActRecognitionShort),
        (CheckCommitment, Msg::ActCheckShort),
    ],
    ..Commands::EMPTY
};

static FORM: Commands = Commands {
    own: &[
        key(NextField),
        cmd(PrevField),
        cmd(Confirm),
        key(Save),
        key(Cancel),
    ],
    moves: false,
    footer: Footer::closed(&[NextField, Save, Cancel]),
    ..Commands::EMPTY
};

static CONFIRM: Commands = Commands {
    own: &[key(Confirm), key(Cancel)],
    moves: false,
    footer: Footer::closed(&[Confirm, Cancel]),
    ..Commands::EMPTY
};

/// The first start, before there is a branch.
static WELCOME: Commands = Commands {
    own: &[key(CreateBranch), key(LoadDemo), key(Quit)],
    moves: false,
    footer: Footer::closed(&[CreateBranch, LoadDemo, Quit]),
    ..Commands::EMPTY
};

static HELP: Commands = Commands {
    own: &[
        key(Cancel),
        cmd(MoveUp),
        cmd(MoveDown),
        cmd(PageUp),
        cmd(PageDown),
        cmd(First),
        cmd(Last),
    ],
    moves: true,
    footer: Footer::closed(&[Cancel]),
    ..Commands::EMPTY
};

static MEETINGS: Commands = Commands {
    own: &[key(New), key(Open), cmd(FilterYear), cmd(FilterKind)],
    moves: true,
    footer: Footer::open(&[New, Open, FilterYear, FilterKind, Help, Quit]),
    ..Commands::EMPTY
};

/// A meeting opened from the list: its agenda, and its minutes once held.
static AGENDA: Commands = Commands {
    own: &[
        key(Cancel),
        cmd(Search),
        cmd(Edit),
        key(AddItem),
        cmd(RenameItem),
        cmd(RemoveItem),
        cmd(MoveItemUp),
        cmd(MoveItemDown),
        cmd(Presenter),
        cmd(MoreMinutes),
        cmd(FewerMinutes),
        key(StartMeeting),
        key(ExportMinutes),
        cmd(PreviewMinutes),
        cmd(Approve),
        cmd(Amend),
        cmd(DraftResolution),
        cmd(Grading),
    ],
    moves: true,
    footer: Footer::open(&[
        StartMeeting,
        Approve,
        PreviewMinutes,
        ExportMinutes,
        Edit,
        AddItem,
        RenameItem,
        MoveItemUp,
        Presenter,
        Cancel,
    ]),
    ..Commands::EMPTY
};

/// The live minutes of a meeting: letters type, so every command is a chord.
static CONSOLE: Commands = Commands {
    own: &[
        key(NextItem),
        key(PrevItem),
        key(Speech),
        key(Vote),
        cmd(CorrectVote),
        cmd(PreviewMinutes),
        key(Conclusion),
        cmd(Note),
        key(RollCall),
        cmd(PrevEntry),
        cmd(NextEntry),
        key(EndMeeting),
        cmd(Review),
        cmd(DraftResolution),
        cmd(Search),
        cmd(Grading),
        cmd(AddNote),
        key(Cancel),
    ],
    // the arrows move the caret
    moves: false,
    // most used first: what does not fit at 80 columns is dropped from the end
    footer: Footer::closed(&[
        Speech,
        Vote,
        RollCall,
        EndMeeting,
        Cancel,
        Help,
        NextItem,
        Conclusion,
        CorrectVote,
        PreviewMinutes,
        PrevItem,
        Note,
    ]),
    // esc leaves the console; the meeting goes on
    footer_words: &[(Cancel, Msg::ActLeaveConsole)],
    ..Commands::EMPTY
};

static ROLL_CALL: Commands = Commands {
    own: &[
        cmd(MoveUp),
        cmd(MoveDown),
        key(MarkPresent),
        key(MarkLate),
        key(MarkExcused),
        key(MarkAbsent),
        cmd(MarkAllPresent),
        cmd(MarkPaid),
        cmd(AddNote),
        cmd(Search),
        cmd(First),
        cmd(Last),
        cmd(PageUp),
        cmd(PageDown),
        key(Cancel),
    ],
    moves: true,
    footer: Footer::closed(&[
        MarkPresent,
        MarkAllPresent,
        MarkLate,
        MarkExcused,
        MarkAbsent,
        Search,
        Cancel,
    ]),
    ..Commands::EMPTY
};

/// Choosing a member (or an item) from a list filtered as one types.
static PICKER: Commands = Commands {
    own: &[cmd(MoveUp), cmd(MoveDown), key(Confirm), key(Cancel)],
    moves: true,
    footer: Footer::closed(&[Confirm, Cancel]),
    ..Commands::EMPTY
};

static RESOLUTIONS: Commands = Commands {
    own: &[
        key(New),
        key(Open),
        cmd(Search),
        cmd(FilterState),
        cmd(FilterYear),
        cmd(FilterKind),
        key(FollowUp),
    ],
    moves: true,
    footer: Footer::open(&[
        Open,
        New,
        FollowUp,
        Search,
        FilterState,
        FilterYear,
        Help,
        Quit,
    ]),
    ..Commands::EMPTY
};

/// One resolution opened: its items and their tasks.
static RESOLUTION: Commands = Commands {
    own: &[
        key(Cancel),
        cmd(Edit),
        key(AddItem),
        cmd(RenameItem),
        key(Progress),
        key(MarkDone),
        cmd(CarryOver),
        cmd(Reassign),
        cmd(CancelItem),
        cmd(Adopt),
        cmd(Supersede),
        cmd(ExportResolution),
        cmd(FollowUp),
    ],
    moves: true,
    footer: Footer::open(&[
        Progress,
        MarkDone,
        CarryOver,
        Reassign,
        CancelItem,
        AddItem,
        RenameItem,
        Adopt,
        ExportResolution,
        Cancel,
    ]),
    ..Commands::EMPTY
};

/// The items still open across resolutions, to follow up.
static FOLLOW_UP: Commands = Commands {
    own: &[
        key(Cancel),
        cmd(Open),
        key(Progress),
        key(MarkDone),
        key(CarryOver),
        cmd(Reassign),
        cmd(CancelItem),
    ],
    moves: true,
    footer: Footer::open(&[
        Progress, MarkDone, CarryOver, Reassign, CancelItem, Open, Cancel,
    ]),
    ..Commands::EMPTY
};

/// The open items reviewed during a meeting.
static REVIEW: Commands = Commands {
    own: &[
        cmd(MoveUp),
        cmd(MoveDown),
        key(Progress),
        key(MarkDone),
        key(CarryOver),
        key(CancelItem),
        key(Cancel),
    ],
    moves: true,
    footer: Footer::closed(&[Progress, MarkDone, CarryOver, CancelItem, Cancel]),
    ..Commands::EMPTY
};

static TASKS: Commands = Commands {
    own: &[
        key(ToggleView),
        key(Mark),
        key(New),
        cmd(BulkAssign),
        key(AssignUnassigned),
        cmd(Open),
        cmd(Search),
        cmd(FilterState),
        cmd(FilterKind),
        cmd(FilterMonth),
        cmd(FilterSource),
        cmd(Progress),
        cmd(MarkDone),
        cmd(CarryOver),
        cmd(Reassign),
        cmd(CancelItem),
        cmd(AddNote),
    ],
    moves: true,
    // the members' view: a task's own keys belong to the other view
    footer: Footer {
        first: &[
            New,
            Mark,
            BulkAssign,
            AssignUnassigned,
            Open,
            ToggleView,
            Help,
            Search,
        ],
        rest: Rest::Others {
            except: &[Progress, MarkDone, CarryOver, Reassign, CancelItem],
        },
    },
    // every task in one list, most used first; the members' view keys are not its own
    other_view: Some(Footer {
        first: &[
            Progress,
            MarkDone,
            ToggleView,
            New,
            Search,
            FilterState,
            Help,
            CarryOver,
            Reassign,
            CancelItem,
            FilterKind,
            FilterMonth,
            FilterSource,
        ],
        rest: Rest::Others {
            except: &[Mark, BulkAssign, AssignUnassigned, Open],
        },
    }),
    ..Commands::EMPTY
};

/// Party dues, month by month.
static DUES: Commands = Commands {
    own: &[
        key(Pay),
        cmd(SetBasis),
        cmd(CorrectDues),
        cmd(MarkSent),
        key(PrevMonth),
        key(NextMonth),
    ],
    moves: true,
    footer: Footer::open(&[
        Pay,
        PrevMonth,
        NextMonth,
        SetBasis,
        CorrectDues,
        MarkSent,
        Help,
        Quit,
    ]),
    ..Commands::EMPTY
};

/// Grading members at the year-end meeting.
static GRADING: Commands = Commands {
    own: &[
        cmd(MoveUp),
        cmd(MoveDown),
        cmd(First),
        cmd(Last),
        cmd(SelfGrade),
        cmd(GradePoints),
        cmd(ProposeGrade),
        cmd(AcceptProposal),
        cmd(DiscussionNote),
        key(DecideGrade),
        key(Cancel),
    ],
    moves: true,
    footer: Footer::closed(&[
        DecideGrade,
        AcceptProposal,
        SelfGrade,
        DiscussionNote,
        ProposeGrade,
        GradePoints,
        Help,
        Cancel,
    ]),
    ..Commands::EMPTY
};

/// People on their way to admission.
static CANDIDATES: Commands = Commands {
    own: &[
        key(New),
        key(RecordStep),
        key(AssignHelper),
        key(CloseCandidate),
    ],
    moves: true,
    footer: Footer::open(&[New, RecordStep, AssignHelper, CloseCandidate, Help, Quit]),
    ..Commands::EMPTY
};
