//! A meeting's agenda before and after it is held: its items planned, renamed, moved
//! and timed, the console started, the minutes read back, approved and amended. The
//! agenda is the meetings screen's own; what it asks of the rest of the app (the
//! console, the resolution draft, the grading sheet, a save) it asks by a `Request`.

use super::Meetings;
use crate::app::form::{Field, FieldId, Form, FormPurpose};
use crate::app::picker::{PickPurpose, Picker};
use crate::app::{App, Ctx, Outcome, Overlay, Request, Status, export};
use crate::command::Action;
use crate::domain::meeting::{EntryKind, Meeting, MeetingId, MeetingStatus};
use crate::i18n::Msg;

/// A change of a meeting's agenda, saved by the app (`App::edit_meeting`), into the
/// console's working copy when the console is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaEdit {
    Remove(usize),
    /// The item at the first index trades places with the one at the second.
    Swap(usize, usize),
    /// Five minutes more, or less, for the item.
    Minutes(usize, bool),
}

impl AgendaEdit {
    fn apply(self, m: &mut Meeting) {
        match self {
            AgendaEdit::Remove(i) if i < m.agenda.len() => {
                m.agenda.remove(i);
            }
            AgendaEdit::Swap(i, j) if i.max(j) < m.agenda.len() => m.agenda.swap(i, j),
            AgendaEdit::Minutes(i, more) => {
                if let Some(item) = m.agenda.get_mut(i) {
                    item.planned_minutes = if more {
                        item.planned_minutes + 5
                    } else {
                        item.planned_minutes.saturating_sub(5)
                    };
                }
            }
            AgendaEdit::Remove(_) | AgendaEdit::Swap(..) => {}
        }
    }
}

impl Meetings {
    /// The keys of the open meeting's agenda.
    pub fn update_agenda(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        let Some(meeting) = self.open_meeting().cloned() else {
            self.open = None;
            return Outcome::Done;
        };
        let n = meeting.agenda.len();
        let locked = meeting.is_locked();
        let item = self.item.selected().min(n.saturating_sub(1));
        if self.item.apply(action, n) {
            return Outcome::Done;
        }
        let id = meeting.id;
        match action {
            A::Cancel => self.open = None,
            A::Search if n > 0 => {
                let picker = Picker::agenda(&meeting, item);
                return Outcome::Open(Overlay::Picker(Box::new(picker)));
            }
            A::StartMeeting => return Outcome::Request(Request::StartMeeting(id)),
            A::ExportMinutes => {
                return Outcome::form(export::format_form(export::ExportTarget::Minutes(id), ctx));
            }
            A::DraftResolution => return Outcome::Request(Request::DraftResolution(id)),
            A::Grading => return Outcome::Request(Request::Grading(id)),
            A::PreviewMinutes => return Outcome::Request(Request::PreviewMinutes(id)),
            A::Approve => {
                return match meeting.status() {
                    // the branch votes on the minutes read back; the vote goes into them
                    MeetingStatus::Ended => Outcome::Request(Request::ApprovalVote(id)),
                    MeetingStatus::Approved => ctx.info(Msg::AlreadyApproved),
                    _ => ctx.error(Msg::NotEndedYet),
                };
            }
            A::Amend if locked => {
                // who asked for it: a member picked, or a name typed (a guest, the
                // upper level's representative)
                let fields = vec![
                    Field::member(FieldId::Author, Msg::FieldAmendmentBy, None),
                    Field::text(FieldId::AuthorName, Msg::FieldAmendmentByName, ""),
                    Field::text(FieldId::Reason, Msg::FieldReason, "").required(),
                    Field::lines(FieldId::Text, Msg::FieldAmendment, "").required(),
                ];
                let form = Form::new(
                    FormPurpose::Amend(id),
                    ctx.t(Msg::FormAmend).to_string(),
                    fields,
                );
                return Outcome::form(form);
            }
            A::Amend => return ctx.error(Msg::AmendOnlyApproved),
            _ if locked => return ctx.error(Msg::MinutesLocked),
            A::Edit => return Outcome::form(super::plan_form(ctx, Some(&meeting))),
            A::AddItem | A::RenameItem => {
                let existing = if action == A::RenameItem {
                    meeting.agenda.get(item)
                } else {
                    None
                };
                let fields = vec![
                    Field::text(
                        FieldId::Title,
                        Msg::FieldItemTitle,
                        existing.map(|i| i.title.as_str()).unwrap_or(""),
                    )
                    .required(),
                    Field::number(
                        FieldId::Minutes,
                        Msg::FieldItemMinutes,
                        existing.map(|i| i.planned_minutes).unwrap_or(10),
                    ),
                ];
                let index = existing.map(|_| item);
                let title = if index.is_some() {
                    Msg::FormRenameItem
                } else {
                    Msg::FormAddItem
                };
                let form = Form::new(
                    FormPurpose::AgendaItem(index),
                    ctx.t(title).to_string(),
                    fields,
                );
                return Outcome::form(form);
            }
            A::RemoveItem if n > 0 => {
                let minuted = meeting.agenda[item]
                    .entries
                    .iter()
                    .any(|e| !e.text.is_empty() || matches!(e.kind, EntryKind::Vote(_)));
                return if minuted {
                    ctx.error(Msg::ItemHasMinutes)
                } else {
                    Outcome::Request(Request::EditAgenda(id, AgendaEdit::Remove(item)))
                };
            }
            A::MoveItemUp if item > 0 => {
                self.item.select(item - 1, n);
                return Outcome::Request(Request::EditAgenda(id, AgendaEdit::Swap(item, item - 1)));
            }
            A::MoveItemDown if item + 1 < n => {
                self.item.select(item + 1, n);
                return Outcome::Request(Request::EditAgenda(id, AgendaEdit::Swap(item, item + 1)));
            }
            A::MoreMinutes | A::FewerMinutes if n > 0 => {
                let more = action == A::MoreMinutes;
                return Outcome::Request(Request::EditAgenda(id, AgendaEdit::Minutes(item, more)));
            }
            A::Presenter if n > 0 => {
                let picker = Picker::new(
                    PickPurpose::Presenter,
                    ctx.members.iter().filter(|m| m.activity.on_roster()),
                );
                return Outcome::Open(Overlay::Picker(Box::new(picker)));
            }
            _ => {}
        }
        Outcome::Done
    }
}

impl App {
    /// The console opens on the meeting (`Request::StartMeeting`), read whole from the
    /// store.
    pub(in crate::app) fn start_meeting(&mut self, id: MeetingId) {
        match self.full_meeting(id) {
            Ok(full) => self.open_console(full),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    /// The minutes read back (`Request::PreviewMinutes`): the console's working copy
    /// while it is open, with what is typed.
    pub(in crate::app) fn preview_meeting(&mut self, id: MeetingId) {
        let meeting = match &self.meetings.console {
            Some(c) if c.meeting.id == id => Some(c.meeting.clone()),
            _ => self.meetings.get(id).cloned(),
        };
        if let Some(meeting) = meeting {
            self.preview_minutes(&meeting);
        }
    }

    /// The form of the branch's vote on the minutes (`Request::ApprovalVote`).
    pub(in crate::app) fn open_approval_vote(&mut self, id: MeetingId) {
        let form = self.approval_form(id);
        self.open(Overlay::Form(Box::new(form)));
    }

    /// A change of the agenda saved (`Request::EditAgenda`).
    pub(in crate::app) fn edit_agenda(&mut self, id: MeetingId, edit: AgendaEdit) {
        self.edit_meeting(id, "agenda", |m| edit.apply(m));
    }
}
