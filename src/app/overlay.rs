//! The popups above the screen (the top one gets the keys), and the keys of the small
//! ones: help and the preview, the welcome, a confirmation.

use super::form::Form;
use super::picker::Picker;
use super::{Action, App, Status, grading};
use crate::command::Section;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::i18n::Msg;

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
    pub(super) fn section(&self) -> Section {
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

impl App {
    pub(super) fn update_help(&mut self, action: Action) {
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

    pub(super) fn update_welcome(&mut self, action: Action) {
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

    pub(super) fn update_confirm(&mut self, action: Action) {
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
}
