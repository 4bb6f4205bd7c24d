//! Following a task up: a progress note, done, carried over, cancelled, reassigned — the
//! same keys on a task wherever it shows (the tasks screen, a resolution, its follow-up,
//! the review inside a meeting), and saving what their forms say.

use chrono::NaiveDate;

use crate::app::form::{Field, FieldError, FieldId, FieldKind, Form, FormPurpose};
use crate::app::picker::{PickPurpose, Picker};
use crate::app::resolutions::Saved;
use crate::app::{App, Ctx, Outcome, Overlay, Status};
use crate::command::Action;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::task::{Rating, Task, TaskId, TaskNote, proposed_carry_due};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

/// Keys on one task, in the tasks screen, a resolution's detail, the follow-up view or
/// a meeting's review (`at_meeting`: notes are dated on its day).
pub fn task_action(
    action: Action,
    task: &Task,
    at_meeting: Option<MeetingId>,
    ctx: &Ctx,
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
                    Some(note_date(at_meeting, ctx)),
                )
                .required(),
                // no percentage is assumed: empty unless the member gave one
                Field {
                    kind: FieldKind::Number,
                    ..Field::text(FieldId::Percent, Msg::FieldPercent, "")
                },
                Field::member(FieldId::Reporter, Msg::FieldReporter, ctx.named(task.lead)),
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
                    Some(proposed_carry_due(task.due, note_date(at_meeting, ctx))),
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
                ctx.members.iter().filter(|m| m.activity.on_roster()),
            );
            return Outcome::Open(Overlay::Picker(Box::new(picker)));
        }
        _ => return Outcome::NotMine,
    };
    if !task.status.is_open() && action != A::MarkDone {
        return ctx.error(Msg::TaskClosed);
    }
    let title = format!("{}: {}", ctx.t(title), task.title);
    Outcome::form(Form::new(purpose, title, fields))
}

/// The date of a follow-up note: the meeting's when reviewed there.
fn note_date(meeting: Option<MeetingId>, ctx: &Ctx) -> NaiveDate {
    meeting
        .and_then(|id| ctx.meetings.get(id))
        .map(|m| m.date)
        .unwrap_or_else(|| ctx.today())
}

/// What a follow-up form says, read and checked.
struct FollowUp {
    note: TaskNote,
    percent: Option<u8>,
    carry_to: Option<NaiveDate>,
    text: String,
    reason: String,
    result: String,
    rating: Option<Rating>,
    reporter: Option<MemberId>,
}

/// Reads a follow-up form on `task` (as held in memory, if it is): a percentage is of
/// 0–100, and a task is carried over only to a later date.
fn parse_followup(
    form: &Form,
    mut note: TaskNote,
    task: Option<&Task>,
) -> Result<FollowUp, FieldError> {
    let percent = match form.number(FieldId::Percent) {
        _ if form.text(FieldId::Percent).is_empty() => None,
        Ok(p) if p <= 100 => Some(p as u8),
        Ok(_) => return Err((FieldId::Percent, Msg::ErrPercent)),
        Err(e) => return Err(e),
    };
    if let Some(date) = form.date(FieldId::Date).ok().flatten() {
        note.date = date;
    }
    let carry_to = form.date(FieldId::Due).ok().flatten();
    if let (Some(to), Some(task)) = (carry_to, task)
        && to <= task.due
    {
        return Err((FieldId::Due, Msg::ErrDueNotLater));
    }
    Ok(FollowUp {
        note,
        percent,
        carry_to,
        text: form.text(FieldId::Text),
        reason: form.text(FieldId::Reason),
        result: form.text(FieldId::Result),
        rating: match form.choice(FieldId::Rating) {
            1 => Some(Rating::Exceeded),
            2 => Some(Rating::Met),
            3 => Some(Rating::NotMet),
            _ => None,
        },
        reporter: form.member(FieldId::Reporter),
    })
}

/// What a follow-up form does to its task.
fn apply_followup(purpose: FormPurpose, f: FollowUp, t: &mut Task) {
    let mut note = f.note;
    match purpose {
        FormPurpose::Progress(..) => {
            note.text = f.text;
            note.percent = f.percent;
            note.reporter = f.reporter;
            t.progress(note);
        }
        FormPurpose::Done(..) => {
            t.complete(note, &f.result);
            t.rating = f.rating;
        }
        FormPurpose::CarryOver(..) => {
            note.text = f.reason;
            // checked against the stored due date when the form was read
            let to = f.carry_to.unwrap_or(t.due);
            let _ = t.carry_over(note, to);
        }
        _ => {
            note.text = f.reason;
            t.cancel(note);
        }
    }
}

impl App {
    /// Saves a follow-up form (progress, done, carried over, cancelled) on its task.
    pub(in crate::app) fn submit_followup_form(&mut self, form: &Form) -> Saved {
        let purpose = form.purpose;
        let (FormPurpose::Progress(id, meeting)
        | FormPurpose::Done(id, meeting)
        | FormPurpose::CarryOver(id, meeting)
        | FormPurpose::CancelTask(id, meeting)) = purpose
        else {
            return Ok(Ok(String::new()));
        };
        let (action, msg) = match purpose {
            FormPurpose::Progress(..) => ("progress", Msg::ProgressNoted),
            FormPurpose::Done(..) => ("done", Msg::TaskDone),
            FormPurpose::CarryOver(..) => ("carry_over", Msg::TaskCarried),
            _ => ("cancel", Msg::TaskCancelled),
        };
        let mut note = TaskNote::new(note_date(meeting, &ctx!(self)), "");
        note.meeting = meeting;
        let followup = match parse_followup(form, note, self.resolutions.task(id)) {
            Ok(f) => f,
            Err(e) => return Ok(Err(e)),
        };
        self.edit_task(id, action, |t| apply_followup(purpose, followup, t));
        Ok(Ok(self.t(msg).to_string()))
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

    pub(in crate::app) fn set_lead(&mut self, task: TaskId, lead: MemberId) {
        let date = self.today();
        self.edit_task(task, "reassign", |t| {
            t.reassign(lead, TaskNote::new(date, ""));
        });
        self.info(Msg::Reassigned);
    }
}
