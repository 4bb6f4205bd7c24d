//! What a key can ask for (`Action`), where it is asked (`Section`), and what each
//! section offers (`table`): the one list the keymap's validation, the footer, the help
//! overlay and routing read. It knows nothing of the application, the keymap or the
//! screen, so every one of them can import it.

mod action;
mod section;
mod table;

pub use action::Action;
pub use section::Section;
pub use table::commands;

use crate::i18n::Msg;

/// One command of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    /// Must keep a key (in the section, or in `global` where it falls back), or the
    /// user could get stuck.
    pub needs_key: bool,
}

/// A command that must keep a key.
const fn key(action: Action) -> Command {
    Command {
        action,
        needs_key: true,
    }
}

/// A command that may be left without a key.
const fn cmd(action: Action) -> Command {
    Command {
        action,
        needs_key: false,
    }
}

/// What follows a footer's first actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    /// Nothing: the section's dialog keeps the order it is given.
    None,
    /// The section's other commands that have a key in it, in table order (movement
    /// and `except` left out), then help.
    Others { except: &'static [Action] },
}

/// A footer: the actions most used first (what does not fit is dropped from the end,
/// help excepted), then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footer {
    pub first: &'static [Action],
    pub rest: Rest,
}

impl Footer {
    const fn open(first: &'static [Action]) -> Footer {
        Footer {
            first,
            rest: Rest::Others { except: &[] },
        }
    }

    const fn closed(first: &'static [Action]) -> Footer {
        Footer {
            first,
            rest: Rest::None,
        }
    }
}

/// What a section offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commands {
    /// The section's own commands, in the order of the shipped map: routing gives
    /// these to the section, anything else goes on to `global`.
    pub own: &'static [Command],
    /// The section's list takes the global movement keys (arrows, pages, first, last).
    pub moves: bool,
    pub footer: Footer,
    /// The footer of the section's second view (all tasks, beside the members' view).
    pub other_view: Option<Footer>,
    /// The footer's words where they differ from the action's description.
    pub footer_words: &'static [(Action, Msg)],
}

impl Commands {
    const EMPTY: Commands = Commands {
        own: &[],
        moves: false,
        footer: Footer::closed(&[]),
        other_view: None,
        footer_words: &[],
    };

    /// Whether the section has `action` among its own commands.
    pub fn offers(&self, action: Action) -> bool {
        self.own.iter().any(|c| c.action == action)
    }

    /// Whether `action` is the section's to carry out: its own commands, and the
    /// movement keys when the section has a list that moves.
    pub fn owns(&self, action: Action) -> bool {
        self.offers(action) || (self.moves && action.is_movement())
    }

    /// The actions that must keep a key.
    pub fn needing_a_key(&self) -> impl Iterator<Item = Action> + '_ {
        self.own.iter().filter(|c| c.needs_key).map(|c| c.action)
    }

    /// The footer of the section's first view, or of its other one.
    pub fn footer(&self, other_view: bool) -> &Footer {
        match (other_view, &self.other_view) {
            (true, Some(f)) => f,
            _ => &self.footer,
        }
    }

    /// What the footer says for `action`.
    pub fn footer_word(&self, action: Action) -> Msg {
        self.footer_words
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(action.describe(), |(_, m)| *m)
    }
}

impl Section {
    /// Whether `action` is this section's own (see `Commands::owns`); otherwise it
    /// goes on to `global`.
    pub fn owns(self, action: Action) -> bool {
        commands(self).owns(action)
    }

    /// Whether a key bound to `action` here does something: the section's own
    /// command, or a global one the section falls back to.
    pub fn answers(self, action: Action) -> bool {
        self.owns(action)
            || (self != Section::Global
                && self.falls_back_to_global()
                && Section::Global.owns(action))
    }

    /// The section's commands.
    pub fn commands(self) -> &'static Commands {
        commands(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Routing reads the tables: the agenda's list moves with the global arrows, while
    /// in the console they move the caret and a key of `global` stays global's.
    #[test]
    fn a_section_owns_its_commands_and_its_list_movement() {
        assert!(Section::Agenda.owns(Action::AddItem));
        assert!(Section::Agenda.owns(Action::MoveDown));
        assert!(!Section::Agenda.owns(Action::Quit));
        assert!(Section::Console.owns(Action::EndMeeting));
        assert!(!Section::Console.owns(Action::MoveDown));
        assert!(Section::FollowUp.owns(Action::PageDown));
        assert!(!Section::Resolution.owns(Action::ScreenTasks));
    }

    #[test]
    fn footer_words_and_views() {
        let console = Section::Console.commands();
        assert_eq!(console.footer_word(Action::Cancel), Msg::ActLeaveConsole);
        assert_eq!(
            console.footer_word(Action::Speech),
            Action::Speech.describe()
        );
        let tasks = Section::Tasks.commands();
        assert_eq!(tasks.footer(false).first[0], Action::New);
        assert_eq!(tasks.footer(true).first[0], Action::Progress);
        // a section with one view shows it for both
        assert_eq!(
            Section::Roster.commands().footer(true),
            &Section::Roster.commands().footer
        );
    }
}
