//! A form's keys, and saving it: routed by its purpose to the screen that opened it,
//! the form closed and the message line set by what that came to.

use super::{FieldKind, FormPurpose};
use crate::app::{Action, App, Overlay, Status};
use crate::i18n::Msg;

impl App {
    pub(in crate::app) fn update_form(&mut self, action: Action) {
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
    pub(in crate::app) fn submit_form(&mut self) {
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
}
