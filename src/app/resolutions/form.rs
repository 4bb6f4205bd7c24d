//! The forms of a resolution: the resolution itself, an item, adopting a draft (with
//! the vote that adopted it) and superseding it by another.

use chrono::Datelike;

use crate::app::Ctx;
use crate::app::form::{Field, FieldId, Form, FormPurpose};
use crate::app::meetings::Meetings;
use crate::domain::meeting::{EntryKind, Meeting, MeetingId};
use crate::domain::resolution::{Resolution, ResolutionKind, format_number, next_seq};
use crate::domain::task::{Task, end_of_month};
use crate::i18n::{Msg, labels};

/// A new resolution (numbered after those of `all` this year), or `res` to edit.
pub(super) fn resolution_form(res: Option<&Resolution>, all: &[Resolution], ctx: &Ctx) -> Form {
    let today = ctx.today();
    let number = res
        .map(|r| r.number.clone())
        .unwrap_or_else(|| format_number(next_seq(all, today.year()), &ctx.suffix()));
    let kind = res.map(|r| r.kind).unwrap_or_default();
    let kinds = ResolutionKind::ALL
        .iter()
        .map(|k| labels::resolution_kind(*k))
        .collect();
    let mut fields = vec![
        Field::choice(
            FieldId::Kind,
            Msg::FieldResolutionKind,
            kinds,
            ResolutionKind::ALL
                .iter()
                .position(|k| *k == kind)
                .unwrap_or(0),
        ),
        Field::text(FieldId::Number, Msg::FieldNumber, &number).required(),
        Field::text(
            FieldId::Title,
            Msg::FieldResolutionTitle,
            res.map(|r| r.title.as_str()).unwrap_or(""),
        )
        .required(),
        Field::text(
            FieldId::Basis,
            Msg::FieldBasis,
            res.map(|r| r.basis.as_str()).unwrap_or(""),
        ),
        Field::text(
            FieldId::Results,
            Msg::FieldResults,
            res.map(|r| r.results.as_str()).unwrap_or(""),
        ),
    ];
    // a new resolution is a draft, adopted by its own step (date and vote); only an
    // adopted one has its date here, to correct it
    if let Some(adopted) = res.and_then(|r| r.adopted_on) {
        fields.insert(
            3,
            Field::date(FieldId::AdoptedOn, Msg::FieldAdoptedOn, Some(adopted)).required(),
        );
    }
    let (purpose, title) = match res {
        Some(r) => (FormPurpose::EditResolution(r.id), Msg::FormEditResolution),
        None => (FormPurpose::NewResolution, Msg::FormNewResolution),
    };
    Form::new(purpose, ctx.t(title).to_string(), fields)
}

/// A new item of `res`, or its item `task` renamed (its content, people and due date).
pub(super) fn item_form(res: &Resolution, task: Option<&Task>, ctx: &Ctx) -> Form {
    let due = task
        .map(|t| t.due)
        .unwrap_or_else(|| end_of_month(res.adopted_on.unwrap_or(ctx.today())));
    let fields = vec![
        Field::text(
            FieldId::Title,
            Msg::FieldTaskContent,
            task.map(|t| t.title.as_str()).unwrap_or(""),
        )
        .required(),
        Field::member(
            FieldId::Lead,
            Msg::FieldLead,
            ctx.named(task.and_then(|t| t.lead)),
        ),
        Field::members(
            FieldId::Helpers,
            Msg::FieldHelpers,
            task.map(|t| {
                t.helpers
                    .iter()
                    .filter_map(|h| ctx.named(Some(*h)))
                    .collect()
            })
            .unwrap_or_default(),
        ),
        Field::date(FieldId::Due, Msg::FieldDue, Some(due)).required(),
    ];
    let title = ctx
        .t(if task.is_some() {
            Msg::FormEditTask
        } else {
            Msg::FormAddTask
        })
        .to_string();
    Form::new(
        FormPurpose::ResolutionItem(res.id, task.map(|t| t.id)),
        title,
        fields,
    )
}

/// The number of the resolution that supersedes `res`.
pub(super) fn supersede_form(res: &Resolution, ctx: &Ctx) -> Form {
    let fields = vec![Field::text(FieldId::Number, Msg::FieldSupersededBy, "").required()];
    Form::new(
        FormPurpose::Supersede(res.id),
        ctx.t(Msg::FormSupersede).to_string(),
        fields,
    )
}

/// The votes that could have adopted `res`: those passed in its meeting, or in any
/// meeting held when it has none (latest first), each with where it is recorded.
pub(super) fn adoption_votes(
    res: &Resolution,
    meetings: &Meetings,
) -> Vec<(MeetingId, usize, usize, String)> {
    let mut held: Vec<&Meeting> = meetings
        .all()
        .iter()
        .filter(|m| m.started_at.is_some() && res.meeting.is_none_or(|id| id == m.id))
        .collect();
    held.sort_by_key(|m| std::cmp::Reverse((m.date, m.start)));
    let mut out = Vec::new();
    for m in held {
        for (i, item) in m.agenda.iter().enumerate() {
            for (e, entry) in item.entries.iter().enumerate() {
                if let EntryKind::Vote(v) = &entry.kind
                    && v.passed()
                {
                    let label = format!(
                        "{}: {}",
                        crate::domain::calendar::format_date(m.date),
                        v.subject
                    );
                    out.push((m.id, i, e, label));
                }
            }
        }
    }
    out
}

/// Adopting a draft: the date (the meeting's, or today) and the vote that adopted it.
pub(super) fn adopt_form(res: &Resolution, ctx: &Ctx) -> Form {
    let date = res
        .meeting
        .and_then(|id| ctx.meetings.get(id))
        .map(|m| m.date)
        .unwrap_or_else(|| ctx.today());
    let votes = adoption_votes(res, ctx.meetings);
    let mut options = vec![ctx.t(Msg::NoVoteLink).to_string()];
    options.extend(votes.iter().map(|v| v.3.clone()));
    let fields = vec![
        Field::date(FieldId::AdoptedOn, Msg::FieldAdoptedOn, Some(date)).required(),
        // the vote that put it through, proposed when there is one
        Field::options(
            FieldId::Link,
            Msg::FieldAdoptedBy,
            options,
            usize::from(!votes.is_empty()),
        ),
    ];
    let title = format!("{}: {}", ctx.t(Msg::FormAdopt), res.number);
    Form::new(FormPurpose::Adopt(res.id), title, fields)
}
