//! The candidates screen (phát triển đảng viên): each candidate's stage, next step,
//! helper, the day the stage began, days waiting and the time limits that apply; a
//! candidate added, the next step recorded with its date and proof (the branch's vote
//! taken from the minutes of the meeting that held it), a helper assigned by an
//! ordinary task, a candidate closed with a reason; the ceremony, once confirmed,
//! makes the probationary member from the candidate's record.

use chrono::NaiveDate;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{Action, App, Confirm, Ctx, Outcome, Overlay, Status, store_error_text};
use crate::domain::calendar::{add_months, format_date};
use crate::domain::candidates::{Candidate, CandidateError, Rules, Step, admission_vote};
use crate::domain::member::{Gender, MemberId};
use crate::domain::task::{Task, TaskNote};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

const GENDERS: [Option<Gender>; 3] = [None, Some(Gender::Male), Some(Gender::Female)];

#[derive(Debug)]
pub struct Candidates {
    /// On the way first, then admitted and closed; by name within each.
    list: Vec<Candidate>,
    pub rules: Rules,
    pub cursor: super::list::Cursor,
}

impl Candidates {
    pub fn new(rules: Rules) -> Candidates {
        Candidates {
            list: Vec::new(),
            rules,
            cursor: super::list::Cursor::default(),
        }
    }

    pub fn all(&self) -> &[Candidate] {
        &self.list
    }

    pub fn selected(&self) -> Option<&Candidate> {
        self.list.get(self.cursor.selected())
    }

    fn set(&mut self, mut list: Vec<Candidate>) {
        list.sort_by_cached_key(|c| (!c.is_open(), c.closed.is_some(), c.sort_key()));
        self.list = list;
        self.cursor.clamp(self.list.len());
    }
}

pub use crate::export::candidates::{stage_text, step_name, warning_text};

/// Why a step or a closing was refused, under the field it concerns.
fn refusal(e: CandidateError) -> FieldError {
    match e {
        CandidateError::NoName => (FieldId::Given, Msg::ErrRequired),
        CandidateError::NotNext(_) => (FieldId::Date, Msg::ErrCandNotNext),
        CandidateError::Finished => (FieldId::Date, Msg::ErrCandFinished),
        CandidateError::BeforeStage => (FieldId::Date, Msg::ErrCandBeforeStage),
        CandidateError::InFuture => (FieldId::Date, Msg::ErrFuture),
        CandidateError::NoProof => (FieldId::Text, Msg::ErrCandNoProof),
        CandidateError::NoReason => (FieldId::Reason, Msg::ErrRequired),
    }
}

impl App {
    pub(super) fn reload_candidates(&mut self) -> Result<(), StoreError> {
        let list = self.store.candidates()?;
        self.candidates.set(list);
        Ok(())
    }

    /// The name of the member helping `c`: the lead of the helper's task.
    pub fn helper_name(&self, c: &Candidate) -> Option<String> {
        let task = self.resolutions.task(c.helper_task?)?;
        let lead = task.lead?;
        self.roster
            .members()
            .iter()
            .find(|m| m.id == lead)
            .map(|m| m.full_name())
    }
}

impl Candidates {
    /// The candidates screen's keys: moving, adding, and on the candidate selected (on
    /// the way still) its next step, its helper or its closing.
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        use Action as A;
        if self.cursor.apply(action, self.list.len()) {
            return Outcome::Done;
        }
        if action == A::New {
            return Outcome::form(new_candidate_form(ctx));
        }
        if !matches!(
            action,
            A::RecordStep | A::AssignHelper | A::CloseCandidate | A::Open
        ) {
            return Outcome::NotMine;
        }
        let Some(c) = self.selected().cloned() else {
            return ctx.error(Msg::CandNoSelection);
        };
        if !c.is_open() {
            return ctx.error(Msg::ErrCandFinished);
        }
        match action {
            A::RecordStep | A::Open => self.next_step_of(c, ctx),
            A::AssignHelper => Outcome::form(helper_form(&c, ctx)),
            _ => Outcome::form(close_form(&c, ctx)),
        }
    }

    /// The next step: the vote read from the minutes; any other a form of its date
    /// and proof.
    fn next_step_of(&self, c: Candidate, ctx: &Ctx) -> Outcome {
        let Some(step) = c.next_step(&self.rules) else {
            return ctx.error(Msg::ErrCandFinished);
        };
        if step == Step::Vote {
            return self.record_vote(c, ctx);
        }
        let title = Msg::FormCandStep.fill(
            ctx.lang,
            &[
                ("step", &step_name(step).get(ctx.lang)),
                ("name", &c.full_name()),
            ],
        );
        Outcome::form(Form::new(
            FormPurpose::CandidateStep(c.id, step),
            title,
            vec![
                Field::date(FieldId::Date, Msg::FieldDate, Some(ctx.today())).required(),
                Field::text(FieldId::Text, Msg::FieldProof, "").required(),
            ],
        ))
    }

    /// The branch's vote on the admission, as the minutes hold it: recorded when it
    /// reached two thirds of the branch; otherwise the reason, and nothing changes.
    fn record_vote(&self, mut c: Candidate, ctx: &Ctx) -> Outcome {
        let lang = ctx.lang;
        let refused = |msg: String| Outcome::Message(Status::Error(msg));
        let found = admission_vote(&c, ctx.meetings.all()).map(|(r, d, v)| (r, d, v.clone()));
        let Some((vote_ref, date, vote)) = found else {
            let name = c.full_name();
            return refused(Msg::CandVoteNone.fill(lang, &[("name", &name)]));
        };
        let counts: [(&str, &dyn std::fmt::Display); 3] = [
            ("date", &format_date(date)),
            ("for", &vote.in_favour),
            ("branch", &vote.branch),
        ];
        if !vote.passed() {
            return refused(Msg::CandVoteFailed.fill(lang, &counts));
        }
        let proof = Msg::CandVoteProof.fill(lang, &counts);
        if let Err(e) = c.record(Step::Vote, date, &proof, ctx.today(), &self.rules) {
            let (_, msg) = refusal(e);
            return ctx.error(msg);
        }
        c.vote = Some(vote_ref);
        let message = Msg::CandVoteRecorded.fill(
            lang,
            &[("date", &format_date(date)), ("name", &c.full_name())],
        );
        match ctx.store.save_candidate(&mut c, None, ctx.now) {
            Ok(()) => Outcome::Saved(message),
            Err(e) => refused(Msg::SaveFailed.fill(lang, &[("err", &store_error_text(&e, lang))])),
        }
    }
}

fn new_candidate_form(ctx: &Ctx) -> Form {
    Form::new(
        FormPurpose::NewCandidate,
        ctx.t(Msg::FormNewCandidate).to_string(),
        vec![
            Field::text(FieldId::Family, Msg::FieldFamily, "").required(),
            Field::text(FieldId::Middle, Msg::FieldMiddle, ""),
            Field::text(FieldId::Given, Msg::FieldGiven, "").required(),
            Field::choice(
                FieldId::Gender,
                Msg::FieldGender,
                GENDERS
                    .iter()
                    .map(|g| crate::i18n::labels::gender(*g))
                    .collect(),
                0,
            ),
            Field::date(FieldId::Birth, Msg::FieldBirth, None),
            Field::text(FieldId::Residence, Msg::FieldResidence, ""),
            Field::text(FieldId::Workplace, Msg::FieldWorkplace, ""),
            Field::date(FieldId::Date, Msg::FieldCandSince, Some(ctx.today())).required(),
        ],
    )
}

fn helper_form(c: &Candidate, ctx: &Ctx) -> Form {
    let current = c
        .helper_task
        .and_then(|t| ctx.resolutions.task(t))
        .and_then(|t| ctx.named(t.lead));
    let title = Msg::FormCandHelper.fill(ctx.lang, &[("name", &c.full_name())]);
    Form::new(
        FormPurpose::CandidateHelper(c.id),
        title,
        vec![
            Field::member(FieldId::Lead, Msg::FieldCandHelper, current).required(),
            Field::date(
                FieldId::Due,
                Msg::FieldDue,
                Some(add_months(ctx.today(), 12)),
            )
            .required(),
        ],
    )
}

fn close_form(c: &Candidate, ctx: &Ctx) -> Form {
    let title = Msg::FormCandClose.fill(ctx.lang, &[("name", &c.full_name())]);
    Form::new(
        FormPurpose::CloseCandidate(c.id),
        title,
        vec![
            Field::date(FieldId::Date, Msg::FieldDate, Some(ctx.today())).required(),
            Field::text(FieldId::Reason, Msg::FieldReason, "").required(),
        ],
    )
}

impl App {
    /// Saves a candidates form; the problem under its field and nothing written when
    /// something is wrong. The ceremony asks for a confirmation first.
    pub(super) fn submit_candidate_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let today = self.today();
        let now = self.now();
        let lang = self.lang;
        let date = |form: &Form| form.date(FieldId::Date).map(|d| d.unwrap_or(today));
        match form.purpose {
            FormPurpose::NewCandidate => {
                let since = match date(form) {
                    Ok(d) if d > today => return Ok(Err((FieldId::Date, Msg::ErrFuture))),
                    Ok(d) => d,
                    Err(e) => return Ok(Err(e)),
                };
                let mut c = Candidate::new(
                    &form.text(FieldId::Family),
                    &form.text(FieldId::Middle),
                    &form.text(FieldId::Given),
                    since,
                );
                if c.validate().is_err() {
                    return Ok(Err((FieldId::Given, Msg::ErrRequired)));
                }
                c.gender = GENDERS[form.choice(FieldId::Gender).min(2)];
                c.birth_date = match form.date(FieldId::Birth) {
                    Ok(Some(b)) if b >= today => return Ok(Err((FieldId::Birth, Msg::ErrFuture))),
                    Ok(b) => b,
                    Err(e) => return Ok(Err(e)),
                };
                c.residence = crate::domain::text::clean(&form.text(FieldId::Residence));
                c.workplace = crate::domain::text::clean(&form.text(FieldId::Workplace));
                self.store.save_candidate(&mut c, None, now)?;
                Ok(Ok(Msg::CandAdded.fill(lang, &[("name", &c.full_name())])))
            }
            FormPurpose::CandidateStep(id, step) => {
                let mut c = self.store.candidate(id)?.ok_or(StoreError::NotFound)?;
                let day = match date(form) {
                    Ok(d) => d,
                    Err(e) => return Ok(Err(e)),
                };
                let rules = self.candidates.rules.clone();
                if let Err(e) = c.record(step, day, &form.text(FieldId::Text), today, &rules) {
                    return Ok(Err(refusal(e)));
                }
                if step == Step::Ceremony {
                    self.overlays
                        .push(Overlay::Confirm(Confirm::Ceremony(Box::new(c))));
                    return Ok(Ok(String::new()));
                }
                self.store.save_candidate(&mut c, None, now)?;
                Ok(Ok(Msg::CandStepSaved.fill(
                    lang,
                    &[
                        ("step", &step_name(step).get(lang)),
                        ("name", &c.full_name()),
                    ],
                )))
            }
            FormPurpose::CandidateHelper(id) => {
                let mut c = self.store.candidate(id)?.ok_or(StoreError::NotFound)?;
                let Some(lead) = form.member(FieldId::Lead) else {
                    return Ok(Err((FieldId::Lead, Msg::ErrRequired)));
                };
                let due = match form.date(FieldId::Due) {
                    Ok(Some(d)) if d >= today => d,
                    Ok(_) => return Ok(Err((FieldId::Due, Msg::ErrCandDue))),
                    Err(e) => return Ok(Err(e)),
                };
                let Some(member) = self.roster.members().iter().find(|m| m.id == lead) else {
                    return Ok(Err((FieldId::Lead, Msg::ErrRequired)));
                };
                if member.assignable().is_err() {
                    return Ok(Err((FieldId::Lead, Msg::ErrCandHelper)));
                }
                let helper = member.full_name();
                let mut task = self.helper_task(&c, lead, due)?;
                self.store.save_candidate(&mut c, Some(&mut task), now)?;
                Ok(Ok(Msg::CandHelperSet.fill(
                    lang,
                    &[("member", &helper), ("name", &c.full_name())],
                )))
            }
            FormPurpose::CloseCandidate(id) => {
                let mut c = self.store.candidate(id)?.ok_or(StoreError::NotFound)?;
                let day = match date(form) {
                    Ok(d) => d,
                    Err(e) => return Ok(Err(e)),
                };
                if let Err(e) = c.close(day, &form.text(FieldId::Reason), today) {
                    return Ok(Err(refusal(e)));
                }
                self.store.save_candidate(&mut c, None, now)?;
                Ok(Ok(
                    Msg::CandClosedSaved.fill(lang, &[("name", &c.full_name())])
                ))
            }
            _ => Ok(Ok(String::new())),
        }
    }

    /// The helper's task: the one the candidate has, given to `lead` (its history
    /// says so), or a new ordinary task in the branch's category for helping
    /// candidates.
    fn helper_task(
        &self,
        c: &Candidate,
        lead: MemberId,
        due: NaiveDate,
    ) -> Result<Task, StoreError> {
        let today = self.today();
        if let Some(id) = c.helper_task
            && let Some(mut task) = self.store.task(id)?
            && task.status.is_open()
        {
            if task.lead != Some(lead) {
                task.reassign(lead, TaskNote::new(today, ""));
            }
            task.due = due;
            return Ok(task);
        }
        let title = Msg::CandHelperTask.fill(self.lang, &[("name", &c.full_name())]);
        let mut task = Task::new(&title, due);
        task.lead = Some(lead);
        task.created = Some(today);
        task.category = self
            .categories
            .iter()
            .find(|k| crate::domain::text::fold(k).contains("quan chung"))
            .or_else(|| self.categories.first())
            .cloned()
            .unwrap_or_default();
        Ok(task)
    }

    /// The ceremony confirmed: the member made from the record, in one write.
    pub(super) fn hold_ceremony(&mut self, mut c: Candidate) {
        let now = self.now();
        match self.store.admit_candidate(&mut c, now) {
            Ok(Some(m)) => {
                let date = m.admission_date.map(format_date).unwrap_or_default();
                let msg = Msg::CandAdmittedSaved
                    .fill(self.lang, &[("name", &m.full_name()), ("date", &date)]);
                match self.reload() {
                    Ok(()) => self.status = Some(Status::Info(msg)),
                    Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
                }
            }
            Ok(None) => self.error(Msg::ErrCandFinished),
            Err(e) => {
                let msg = Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(&e))]);
                self.status = Some(Status::Error(msg));
            }
        }
    }
}
