//! Following a task up: a progress note, done, carried over, cancelled, reassigned — the
//! same keys on a task wherever it shows (the tasks screen, a resolution, its follow-up,
//! the review inside a meeting).

use chrono::NaiveDate;

use crate::app::form::{Field, FieldId, FieldKind, Form, FormPurpose};
use crate::app::picker::{PickPurpose, Picker};
use crate::app::{App, Outcome, Overlay, Status};
use crate::command::Action;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::task::{Rating, Task, TaskId, TaskNote, proposed_carry_due};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

impl App {
    /// Keys on one task, in the detail, the follow-up view or a meeting's review.
    pub(in crate::app) fn task_action(
        &mut self,
        action: Action,
        task: &Task,
        at_meeting: Option<MeetingId>,
    ) -> Outcome {
        use crate::command::Action as A;
        let (purpose, title, fields) = match action {
            A::Progress => (
                FormPurpose::Progress(task.id, at_meeting),
                Msg::FormProgress,
                vec![
                    Field::text(FieldId::Text, Msg::FieldProgress, "").required(),
                    Field::date(
                        FieldId::Date,
                        Msg::FieldNoteDate,
                        Some(self.note_date(at_meeting)),
                    )
                    .required(),
                    // no percentage is assumed: empty unless the member gave one
                    Field {
                        kind: FieldKind::Number,
                        ..Field::text(FieldId::Percent, Msg::FieldPercent, "")
                    },
                    Field::member(FieldId::Reporter, Msg::FieldReporter, self.named(task.lead)),
                ],
            ),
            A::MarkDone => (
                FormPurpose::Done(task.id, at_meeting),
                Msg::FormDone,
                vec![
                    Field::text(FieldId::Result, Msg::FieldResult, &task.result).required(),
                    Field::choice(
                        FieldId::Rating,
                        Msg::FieldRating,
                        vec![
                            Msg::RatingNone,
                            Msg::RatingExceeded,
                            Msg::RatingMet,
                            Msg::RatingNotMet,
                        ],
                        match task.rating {
                            None => 0,
                            Some(Rating::Exceeded) => 1,
                            Some(Rating::Met) => 2,
                            Some(Rating::NotMet) => 3,
                        },
                    ),
                ],
            ),
            A::CarryOver => (
                FormPurpose::CarryOver(task.id, at_meeting),
                Msg::FormCarryOver,
                vec![
                    Field::date(
                        FieldId::Due,
                        Msg::FieldNewDue,
                        Some(proposed_carry_due(task.due, self.note_date(at_meeting))),
                    )
                    .required(),
                    Field::text(FieldId::Reason, Msg::FieldReason, ""),
                ],
            ),
            A::CancelItem => (
                FormPurpose::CancelTask(task.id, at_meeting),
                Msg::FormCancelTask,
                vec![Field::text(FieldId::Reason, Msg::FieldReason, "").required()],
            ),
            A::Reassign => {
                let picker = Picker::new(
                    PickPurpose::Lead(task.id),
                    self.roster
                        .members()
                        .iter()
                        .filter(|m| m.activity.on_roster()),
                );
                return Outcome::Open(Overlay::Picker(Box::new(picker)));
            }
            _ => return Outcome::NotMine,
        };
        if !task.status.is_open() && action != A::MarkDone {
            self.error(Msg::TaskClosed);
            return Outcome::Done;
        }
        let title = format!("{}: {}", self.t(title), task.title);
        Outcome::form(Form::new(purpose, title, fields))
    }

    /// Changes a task and saves it, dated.
    pub(in crate::app) fn edit_task(
        &mut self,
        id: TaskId,
        action: &str,
        f: impl FnOnce(&mut Task),
    ) {
        let now = self.now();
        let result = (|| -> Result<(), StoreError> {
            let mut t = self.store.task(id)?.ok_or(StoreError::NotFound)?;
            f(&mut t);
            self.store
                .save_tasks(std::slice::from_mut(&mut t), now, action)?;
            self.tasks_saved(std::slice::from_ref(&t), None);
            Ok(())
        })();
        if let Err(e) = result {
            self.status = Some(Status::Error(self.store_error(&e)));
        }
    }

    /// The date of a follow-up note: the meeting's when reviewed there.
    pub(in crate::app) fn note_date(&self, meeting: Option<MeetingId>) -> NaiveDate {
        meeting
            .and_then(|id| self.meetings.get(id))
            .map(|m| m.date)
            .unwrap_or_else(|| self.today())
    }

    pub(in crate::app) fn set_lead(&mut self, task: TaskId, lead: MemberId) {
        let date = self.today();
        self.edit_task(task, "reassign", |t| {
            t.reassign(lead, TaskNote::new(date, ""));
        });
        self.info(Msg::Reassigned);
    }
}
