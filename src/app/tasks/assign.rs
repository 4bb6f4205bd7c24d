//! Giving members tasks: the new-task and bulk forms, what saving them writes, and
//! what happens to the tasks of a member who leaves the active roster.

use super::{StatusFilter, TaskView};
use crate::app::form::{Field, FieldId, Form, FormPurpose};
use crate::app::resolutions::{Resolutions, Saved};
use crate::app::{App, Ctx, Screen, Status};
use crate::domain::member::{Member, MemberId};
use crate::domain::resolution::{ResolutionId, ResolutionState};
use crate::domain::task::{Task, TaskId, TaskNote, end_of_month};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

/// A new task (for `lead`, when one is selected), or the bulk form for `count` members.
pub(super) fn task_form(
    purpose: FormPurpose,
    lead: Option<MemberId>,
    count: usize,
    ctx: &Ctx,
) -> Form {
    let mut fields = vec![
        Field::text(FieldId::Title, Msg::FieldTaskContent, "").required(),
        Field::text(FieldId::Details, Msg::FieldDetails, ""),
        Field::options(
            FieldId::Category,
            Msg::FieldCategory,
            ctx.categories.to_vec(),
            0,
        ),
    ];
    let title = if purpose == FormPurpose::BulkTask {
        fields.push(Field::choice(
            FieldId::Mode,
            Msg::FieldMode,
            vec![Msg::ModeEach, Msg::ModeShared],
            0,
        ));
        Msg::FormBulkTask.fill(ctx.lang, &[("n", &count)])
    } else {
        fields.push(Field::member(FieldId::Lead, Msg::FieldLead, ctx.named(lead)).required());
        fields.push(Field::members(
            FieldId::Helpers,
            Msg::FieldHelpers,
            Vec::new(),
        ));
        ctx.t(Msg::FormNewTask).to_string()
    };
    fields.push(Field::text(FieldId::Area, Msg::FieldArea, ""));
    fields
        .push(Field::date(FieldId::Due, Msg::FieldDue, Some(end_of_month(ctx.today()))).required());
    // optionally an item of a resolution in force: one record, followed up there too
    let mut links = vec![ctx.t(Msg::NoResolutionLink).to_string()];
    links.extend(
        linkable_resolutions(ctx.resolutions)
            .iter()
            .map(|(_, n)| n.clone()),
    );
    fields.push(Field::options(
        FieldId::Link,
        Msg::FieldResolutionLink,
        links,
        0,
    ));
    Form::new(purpose, title, fields)
}

/// Resolutions a new task may belong to: adopted, still being carried out.
fn linkable_resolutions(resolutions: &Resolutions) -> Vec<(ResolutionId, String)> {
    resolutions
        .all()
        .iter()
        .filter(|r| resolutions.state_of(r) == ResolutionState::InForce)
        .map(|r| (r.id, format!("{} — {}", r.number, r.title)))
        .collect()
}

impl App {
    pub(in crate::app) fn submit_task_form(&mut self, form: &Form) -> Saved {
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let due = match form.date(FieldId::Due) {
            Ok(Some(d)) => d,
            Ok(None) => return Ok(Err((FieldId::Due, Msg::ErrRequired))),
            Err(e) => return Ok(Err(e)),
        };
        let today = self.today();
        let make = |lead: Option<MemberId>, helpers: Vec<MemberId>| {
            let mut t = Task::new(&form.text(FieldId::Title), due);
            t.details = form.text(FieldId::Details);
            t.category = form.option(FieldId::Category);
            t.area = form.text(FieldId::Area);
            t.lead = lead;
            t.helpers = helpers.into_iter().filter(|h| Some(*h) != lead).collect();
            t.created = Some(today);
            t
        };
        let chosen: Vec<MemberId> = match form.purpose {
            FormPurpose::BulkTask => self.tasks.bulk.clone(),
            _ => form
                .member(FieldId::Lead)
                .into_iter()
                .chain(form.members_of(FieldId::Helpers))
                .collect(),
        };
        if let Some(why) = self.refuse_unassignable(chosen) {
            self.status = Some(Status::Error(why));
            return Ok(Err((FieldId::Lead, Msg::ErrNotAssignable)));
        }
        let mut tasks: Vec<Task> = match form.purpose {
            FormPurpose::BulkTask => {
                let members = std::mem::take(&mut self.tasks.bulk);
                if form.choice(FieldId::Mode) == 1 {
                    let (lead, helpers) = members
                        .split_first()
                        .map(|(l, h)| (Some(*l), h.to_vec()))
                        .unwrap_or((None, Vec::new()));
                    vec![make(lead, helpers)]
                } else {
                    members
                        .into_iter()
                        .map(|m| make(Some(m), Vec::new()))
                        .collect()
                }
            }
            _ => vec![make(
                form.member(FieldId::Lead),
                form.members_of(FieldId::Helpers),
            )],
        };
        let n = tasks.len();
        let link = form
            .choice(FieldId::Link)
            .checked_sub(1)
            .and_then(|i| linkable_resolutions(&self.resolutions).get(i).map(|r| r.0));
        match link {
            Some(id) => {
                let mut r = self.store.resolution(id)?.ok_or(StoreError::NotFound)?;
                self.store
                    .save_resolution(&mut r, &mut tasks, self.now(), "assign")?;
                self.tasks_saved(&tasks, Some(r));
            }
            None => {
                self.store.save_tasks(&mut tasks, self.now(), "assign")?;
                self.tasks_saved(&tasks, None);
            }
        }
        self.tasks.marked.clear();
        Ok(Ok(Msg::Assigned.fill(self.lang, &[("n", &n)])))
    }

    /// After a member leaves the active roster: takes them off the open tasks they only
    /// help with (dated), then opens those they lead, to reassign or close.
    pub(in crate::app) fn release_tasks_of(&mut self, member: MemberId) {
        let today = self.today();
        let helping: Vec<TaskId> = self
            .resolutions
            .tasks()
            .filter(|t| t.status.is_open() && t.helped_only_by(member))
            .map(|t| t.id)
            .collect();
        for id in &helping {
            self.edit_task(*id, "remove_helper", |t| {
                t.remove_helper(member, TaskNote::new(today, ""));
            });
        }
        let leads = self
            .resolutions
            .tasks()
            .any(|t| t.status.is_open() && t.lead == Some(member));
        if leads {
            self.open_tasks_of(member);
        }
        if !helping.is_empty() && !matches!(self.status, Some(Status::Error(_))) {
            let name = self
                .roster
                .members()
                .iter()
                .find(|m| m.id == member)
                .map(Member::full_name)
                .unwrap_or_default();
            self.status = Some(Status::Info(
                Msg::HelperRemoved.fill(self.lang, &[("name", &name), ("n", &helping.len())]),
            ));
        }
    }

    /// The first of `ids` who may not be given a task, with the message saying why.
    pub(in crate::app) fn refuse_unassignable(
        &self,
        ids: impl IntoIterator<Item = MemberId>,
    ) -> Option<String> {
        ids.into_iter().find_map(|id| {
            let m = self.roster.members().iter().find(|m| m.id == id)?;
            m.assignable()
                .err()
                .map(|_| not_assignable_text(self.lang, &m.full_name(), m.activity))
        })
    }

    /// After a member leaves the active roster: their open tasks, to reassign or close.
    pub(in crate::app) fn open_tasks_of(&mut self, member: MemberId) {
        self.screen = Screen::Tasks;
        self.tasks.view = TaskView::All;
        self.tasks.clear();
        self.tasks.member = Some(member);
        self.tasks.status = Some(StatusFilter::Open);
    }
}

/// Why a member cannot be given a task: exempt, or left the branch.
pub fn not_assignable_text(
    lang: crate::i18n::Lang,
    name: &str,
    activity: crate::domain::member::Activity,
) -> String {
    use crate::domain::member::Activity;
    if activity == Activity::Exempt {
        Msg::ErrExemptNoTask.fill(lang, &[("name", &name)])
    } else {
        let label = crate::i18n::labels::activity(activity).get(lang);
        Msg::ErrLeftNoTask.fill(lang, &[("name", &name), ("activity", &label)])
    }
}
