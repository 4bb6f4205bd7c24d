//! Everything a key can ask for. Keymap values deserialize into this enum, so an unknown
//! action name is a load error, and the help text of each action lives in `i18n`.

use serde::Deserialize;

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Help,
    Quit,
    NextScreen,
    PrevScreen,
    ScreenRoster,
    ScreenMeetings,
    ScreenResolutions,
    ScreenTasks,
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    First,
    Last,
    Cancel,
    Confirm,
    Search,
    New,
    Open,
    Edit,
    ChangeStatus,
    Delete,
    FilterStanding,
    FilterActivity,
    FilterRole,
    NextField,
    PrevField,
    Save,
    CreateBranch,
    LoadDemo,
    FilterYear,
    FilterKind,
    AddItem,
    RenameItem,
    RemoveItem,
    MoveItemUp,
    MoveItemDown,
    Presenter,
    MoreMinutes,
    FewerMinutes,
    StartMeeting,
    EndMeeting,
    Approve,
    Amend,
    ExportMinutes,
    NextItem,
    PrevItem,
    Speech,
    Vote,
    Conclusion,
    Note,
    RollCall,
    PrevEntry,
    NextEntry,
    MarkPresent,
    MarkLate,
    MarkExcused,
    MarkAbsent,
    MarkAllPresent,
}

impl Action {
    /// Every action, for validation and documentation.
    pub const ALL: &'static [Action] = &[
        Action::Help,
        Action::Quit,
        Action::NextScreen,
        Action::PrevScreen,
        Action::ScreenRoster,
        Action::ScreenMeetings,
        Action::ScreenResolutions,
        Action::ScreenTasks,
        Action::MoveUp,
        Action::MoveDown,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::Cancel,
        Action::Confirm,
        Action::Search,
        Action::New,
        Action::Open,
        Action::Edit,
        Action::ChangeStatus,
        Action::Delete,
        Action::FilterStanding,
        Action::FilterActivity,
        Action::FilterRole,
        Action::NextField,
        Action::PrevField,
        Action::Save,
        Action::CreateBranch,
        Action::LoadDemo,
        Action::FilterYear,
        Action::FilterKind,
        Action::AddItem,
        Action::RenameItem,
        Action::RemoveItem,
        Action::MoveItemUp,
        Action::MoveItemDown,
        Action::Presenter,
        Action::MoreMinutes,
        Action::FewerMinutes,
        Action::StartMeeting,
        Action::EndMeeting,
        Action::Approve,
        Action::Amend,
        Action::ExportMinutes,
        Action::NextItem,
        Action::PrevItem,
        Action::Speech,
        Action::Vote,
        Action::Conclusion,
        Action::Note,
        Action::RollCall,
        Action::PrevEntry,
        Action::NextEntry,
        Action::MarkPresent,
        Action::MarkLate,
        Action::MarkExcused,
        Action::MarkAbsent,
        Action::MarkAllPresent,
    ];

    /// Parses a snake_case action name.
    pub fn from_name(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
        Action::deserialize(de).ok()
    }

    /// The short description shown in the help overlay and the footer.
    pub fn describe(self) -> Msg {
        match self {
            Action::Help => Msg::ActHelp,
            Action::Quit => Msg::ActQuit,
            Action::NextScreen => Msg::ActNextScreen,
            Action::PrevScreen => Msg::ActPrevScreen,
            Action::ScreenRoster => Msg::ScreenRoster,
            Action::ScreenMeetings => Msg::ScreenMeetings,
            Action::ScreenResolutions => Msg::ScreenResolutions,
            Action::ScreenTasks => Msg::ScreenTasks,
            Action::MoveUp => Msg::ActMoveUp,
            Action::MoveDown => Msg::ActMoveDown,
            Action::PageUp => Msg::ActPageUp,
            Action::PageDown => Msg::ActPageDown,
            Action::First => Msg::ActFirst,
            Action::Last => Msg::ActLast,
            Action::Cancel => Msg::ActCancel,
            Action::Confirm => Msg::ActConfirm,
            Action::Search => Msg::ActSearch,
            Action::New => Msg::ActNew,
            Action::Open => Msg::ActOpen,
            Action::Edit => Msg::ActEdit,
            Action::ChangeStatus => Msg::ActChangeStatus,
            Action::Delete => Msg::ActDelete,
            Action::FilterStanding => Msg::ActFilterStanding,
            Action::FilterActivity => Msg::ActFilterActivity,
            Action::FilterRole => Msg::ActFilterRole,
            Action::NextField => Msg::ActNextField,
            Action::PrevField => Msg::ActPrevField,
            Action::Save => Msg::ActSave,
            Action::CreateBranch => Msg::ActCreateBranch,
            Action::LoadDemo => Msg::ActLoadDemo,
            Action::FilterYear => Msg::ActFilterYear,
            Action::FilterKind => Msg::ActFilterKind,
            Action::AddItem => Msg::ActAddItem,
            Action::RenameItem => Msg::ActRenameItem,
            Action::RemoveItem => Msg::ActRemoveItem,
            Action::MoveItemUp => Msg::ActMoveItemUp,
            Action::MoveItemDown => Msg::ActMoveItemDown,
            Action::Presenter => Msg::ActPresenter,
            Action::MoreMinutes => Msg::ActMoreMinutes,
            Action::FewerMinutes => Msg::ActFewerMinutes,
            Action::StartMeeting => Msg::ActStartMeeting,
            Action::EndMeeting => Msg::ActEndMeeting,
            Action::Approve => Msg::ActApprove,
            Action::Amend => Msg::ActAmend,
            Action::ExportMinutes => Msg::ActExportMinutes,
            Action::NextItem => Msg::ActNextItem,
            Action::PrevItem => Msg::ActPrevItem,
            Action::Speech => Msg::ActSpeech,
            Action::Vote => Msg::ActVote,
            Action::Conclusion => Msg::ActConclusion,
            Action::Note => Msg::ActNote,
            Action::RollCall => Msg::ActRollCall,
            Action::PrevEntry => Msg::ActPrevEntry,
            Action::NextEntry => Msg::ActNextEntry,
            Action::MarkPresent => Msg::ActMarkPresent,
            Action::MarkLate => Msg::ActMarkLate,
            Action::MarkExcused => Msg::ActMarkExcused,
            Action::MarkAbsent => Msg::ActMarkAbsent,
            Action::MarkAllPresent => Msg::ActMarkAllPresent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_all_is_complete() {
        assert_eq!(Action::from_name("change_status"), Some(Action::ChangeStatus));
        assert_eq!(Action::from_name("fly"), None);
        let mut sorted = Action::ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), Action::ALL.len());
        // `ALL` names every variant: `describe` is exhaustive, and this count follows it.
        assert_eq!(Action::ALL.len(), 59);
    }
}
