//! Everything a key can ask for. Keymap values deserialize into this enum, so an unknown
//! action name is a load error, and the help text of each action lives in `i18n`.

use serde::Deserialize;

use crate::i18n::Msg;

/// Declares the actions once, each with its description: the enum, `ALL` and `describe`
/// cannot disagree.
macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident => $msg:ident,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $($(#[$doc])* $name,)*
        }

        impl Action {
            /// Every action, for validation and documentation.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];

            /// The short description shown in the help overlay and the footer.
            pub fn describe(self) -> Msg {
                match self {
                    $(Action::$name => Msg::$msg,)*
                }
            }
        }
    };
}

actions! {
    Help => ActHelp,
    Quit => ActQuit,
    DismissWarning => ActDismissWarning,
    NextScreen => ActNextScreen,
    PrevScreen => ActPrevScreen,
    ScreenRoster => ScreenRoster,
    ScreenMeetings => ScreenMeetings,
    ScreenResolutions => ScreenResolutions,
    ScreenTasks => ScreenTasks,
    MoveUp => ActMoveUp,
    MoveDown => ActMoveDown,
    PageUp => ActPageUp,
    PageDown => ActPageDown,
    First => ActFirst,
    Last => ActLast,
    Cancel => ActCancel,
    Confirm => ActConfirm,
    Search => ActSearch,
    New => ActNew,
    Open => ActOpen,
    Edit => ActEdit,
    ChangeStatus => ActChangeStatus,
    /// The upper level's decision recognizing a probationary member as official.
    RecognitionDecision => ActRecognitionDecision,
    /// A note in the member's notebook.
    AddNote => ActAddNote,
    /// An award of the member.
    AddAward => ActAddAward,
    /// A discipline decision on the member.
    AddDiscipline => ActAddDiscipline,
    /// The year-end check of the member's next commitment or shortcoming.
    CheckCommitment => ActCheckCommitment,
    Delete => ActDelete,
    FilterStanding => ActFilterStanding,
    FilterActivity => ActFilterActivity,
    FilterRole => ActFilterRole,
    NextField => ActNextField,
    PrevField => ActPrevField,
    Save => ActSave,
    CreateBranch => ActCreateBranch,
    LoadDemo => ActLoadDemo,
    FilterYear => ActFilterYear,
    FilterKind => ActFilterKind,
    AddItem => ActAddItem,
    RenameItem => ActRenameItem,
    RemoveItem => ActRemoveItem,
    MoveItemUp => ActMoveItemUp,
    MoveItemDown => ActMoveItemDown,
    Presenter => ActPresenter,
    MoreMinutes => ActMoreMinutes,
    FewerMinutes => ActFewerMinutes,
    StartMeeting => ActStartMeeting,
    EndMeeting => ActEndMeeting,
    Approve => ActApprove,
    Amend => ActAmend,
    ExportMinutes => ActExportMinutes,
    ExportMembers => ActExportMembers,
    PreviewMinutes => ActPreviewMinutes,
    NextItem => ActNextItem,
    PrevItem => ActPrevItem,
    Speech => ActSpeech,
    Vote => ActVote,
    CorrectVote => ActCorrectVote,
    Conclusion => ActConclusion,
    Note => ActNote,
    RollCall => ActRollCall,
    PrevEntry => ActPrevEntry,
    NextEntry => ActNextEntry,
    MarkPresent => ActMarkPresent,
    MarkLate => ActMarkLate,
    MarkExcused => ActMarkExcused,
    MarkAbsent => ActMarkAbsent,
    MarkAllPresent => ActMarkAllPresent,
    FilterState => ActFilterState,
    Progress => ActProgress,
    MarkDone => ActMarkDone,
    CarryOver => ActCarryOver,
    Reassign => ActReassign,
    CancelItem => ActCancelItem,
    Adopt => ActAdopt,
    Supersede => ActSupersede,
    ExportResolution => ActExportResolution,
    FollowUp => ActFollowUp,
    DraftResolution => ActDraftResolution,
    Review => ActReview,
    ToggleView => ActToggleView,
    Mark => ActMark,
    BulkAssign => ActBulkAssign,
    AssignUnassigned => ActAssignUnassigned,
    FilterSource => ActFilterSource,
    FilterMonth => ActFilterMonth,
    PrevMonth => ActPrevMonth,
    NextMonth => ActNextMonth,
    Pay => ActPay,
    SetBasis => ActSetBasis,
    CorrectDues => ActCorrectDues,
    MarkSent => ActMarkSent,
    MarkPaid => ActMarkPaid,
    ScreenDues => ScreenDues,
    // grading at the year-end meeting
    Grading => ActGrading,
    SelfGrade => ActSelfGrade,
    ProposeGrade => ActProposeGrade,
    AcceptProposal => ActAcceptProposal,
    DiscussionNote => ActDiscussionNote,
    DecideGrade => ActDecideGrade,
    GradePoints => ActGradePoints,
    // candidates
    ScreenCandidates => ScreenCandidates,
    RecordStep => ActRecordStep,
    AssignHelper => ActAssignHelper,
    CloseCandidate => ActCloseCandidate,
}

impl Action {
    /// Parses a snake_case action name.
    pub fn from_name(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Action::deserialize(de).ok()
    }

    /// Moves the selection of a list (the global arrows, pages, first and last).
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Action::MoveUp
                | Action::MoveDown
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{Section, commands};
    use crate::i18n::Lang;

    #[test]
    fn names_parse_and_all_has_no_twice() {
        assert_eq!(
            Action::from_name("change_status"),
            Some(Action::ChangeStatus)
        );
        assert_eq!(Action::from_name("fly"), None);
        let mut sorted = Action::ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), Action::ALL.len());
    }

    /// An action nobody can find is dead code: each is described, and offered somewhere.
    #[test]
    fn every_action_is_described_and_offered_by_a_section() {
        for a in Action::ALL {
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    !a.describe().get(lang).trim().is_empty(),
                    "{a:?} in {lang:?}"
                );
            }
            let offered = Section::ALL.into_iter().any(|s| commands(s).offers(*a));
            assert!(offered, "{a:?} is in no section's commands");
        }
    }
}
