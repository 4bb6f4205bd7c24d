//! Reading the resolutions and their tasks into memory, and saving the resolution forms:
//! each form is read (its fields parsed), checked against what is stored, built into
//! the record and saved, in steps of those names.

use chrono::{Datelike, NaiveDate};

use super::form::adoption_votes;
use crate::app::form::{FieldError, FieldId, Form, FormPurpose};
use crate::app::{App, Status};
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::resolution::{Resolution, ResolutionId, ResolutionKind, number_taken, seq_of};
use crate::domain::task::{Task, TaskNote};
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

/// What saving a form came to: the message to show, a field's problem (nothing saved),
/// or the store's failure.
pub(in crate::app) type Saved = Result<Result<String, FieldError>, StoreError>;

/// The resolution form's fields, read.
struct ResolutionFields {
    kind: ResolutionKind,
    adopted: Option<NaiveDate>,
    /// The year it is numbered in: of its adoption, or this year for a draft.
    year: i32,
    number: String,
    title: String,
    basis: String,
    results: String,
}

/// Reads the resolution form.
fn parse_resolution(form: &Form, today: NaiveDate) -> Result<ResolutionFields, FieldError> {
    let kind = ResolutionKind::ALL
        .get(form.choice(FieldId::Kind))
        .copied()
        .unwrap_or_default();
    let adopted = form.date(FieldId::AdoptedOn)?;
    Ok(ResolutionFields {
        kind,
        adopted,
        year: adopted.unwrap_or(today).year(),
        number: form.text(FieldId::Number),
        title: form.text(FieldId::Title),
        basis: form.text(FieldId::Basis),
        results: form.text(FieldId::Results),
    })
}

/// The number's sequence, if the number is free this year among `all` (the resolution
/// edited aside) and of the numbered form (an upper level's is not numbered here).
fn validate_number(
    f: &ResolutionFields,
    all: &[Resolution],
    editing: Option<ResolutionId>,
) -> Result<u32, FieldError> {
    if number_taken(all, f.year, &f.number, editing) {
        return Err((FieldId::Number, Msg::ErrNumberTaken));
    }
    match (f.kind, seq_of(&f.number)) {
        (ResolutionKind::UpperLevel, _) => Ok(0),
        (_, Some(n)) => Ok(n),
        (_, None) => Err((FieldId::Number, Msg::ErrNumberForm)),
    }
}

/// The resolution the form describes: `editing` changed, or a new draft.
fn build_resolution(editing: Option<Resolution>, f: ResolutionFields, seq: u32) -> Resolution {
    let mut r = editing.unwrap_or(Resolution {
        id: ResolutionId(0),
        kind: f.kind,
        year: f.year,
        seq,
        number: String::new(),
        title: String::new(),
        adopted_on: None,
        meeting: None,
        adopted_by: None,
        basis: String::new(),
        results: String::new(),
        items: Vec::new(),
        superseded_by: None,
        supersedes: None,
        adopted: None,
    });
    r.kind = f.kind;
    r.year = f.year;
    r.seq = seq;
    r.number = f.number;
    r.title = f.title;
    r.adopted_on = f.adopted;
    r.basis = f.basis;
    r.results = f.results;
    r
}

/// The due date of a form's required date field.
fn required_date(form: &Form, id: FieldId) -> Result<NaiveDate, FieldError> {
    match form.date(id) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err((id, Msg::ErrRequired)),
        Err(e) => Err(e),
    }
}

impl App {
    /// After a write: what it changed is read again (`App::reload`).
    pub(in crate::app) fn reload_resolutions(&mut self) -> Result<(), StoreError> {
        self.reload()
    }

    /// Reads the resolutions and the tasks kept in memory.
    pub(in crate::app) fn load_resolutions(&mut self) -> Result<(), StoreError> {
        self.generation += 1;
        // this year and last, and everything open: older closed tasks live in reports
        let since = NaiveDate::from_ymd_opt(self.today().year() - 1, 1, 1).unwrap_or_default();
        let list = self.store.resolutions()?;
        let mut tasks = self.store.working_tasks(since)?;
        // every resolution's items, old ones too: a resolution's state follows them
        for id in list.iter().flat_map(|r| r.items.iter()) {
            if !tasks.contains_key(id)
                && let Some(t) = self.store.task(*id)?
            {
                tasks.insert(t.id, t);
            }
        }
        self.resolutions.load(list, tasks);
        Ok(())
    }

    /// After tasks (and perhaps their resolution) were saved: what is held of them is
    /// replaced, nothing is read again, and the form's save reloads nothing.
    pub(in crate::app) fn tasks_saved(&mut self, tasks: &[Task], resolution: Option<Resolution>) {
        self.generation += 1;
        if let Some(r) = resolution {
            self.resolutions.put_resolution(r);
        }
        self.resolutions.put_tasks(tasks);
        self.updated_in_place = true;
    }

    /// Saves a form opened on the resolutions screen (a task's follow-up forms are the
    /// tasks screen's).
    pub(in crate::app) fn submit_resolution_form(&mut self, form: &Form) -> Saved {
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        match form.purpose {
            FormPurpose::NewResolution => self.save_resolution_form(form, None),
            FormPurpose::EditResolution(id) => self.save_resolution_form(form, Some(id)),
            FormPurpose::ResolutionItem(res, task) => self.save_item_form(form, res, task),
            FormPurpose::Progress(..)
            | FormPurpose::Done(..)
            | FormPurpose::CarryOver(..)
            | FormPurpose::CancelTask(..) => self.submit_followup_form(form),
            FormPurpose::Adopt(id) => self.save_adopt_form(form, id),
            FormPurpose::Supersede(id) => self.save_supersede_form(form, id),
            _ => Ok(Ok(String::new())),
        }
    }

    /// A new resolution (a draft unless dated), or `editing` changed.
    fn save_resolution_form(&mut self, form: &Form, editing: Option<ResolutionId>) -> Saved {
        let editing = match editing {
            Some(id) => self.store.resolution(id)?,
            None => None,
        };
        let fields = match parse_resolution(form, self.today()) {
            Ok(f) => f,
            Err(e) => return Ok(Err(e)),
        };
        let all = self.store.resolutions()?;
        let seq = match validate_number(&fields, &all, editing.as_ref().map(|r| r.id)) {
            Ok(seq) => seq,
            Err(e) => return Ok(Err(e)),
        };
        let mut r = build_resolution(editing, fields, seq);
        self.store
            .save_resolution(&mut r, &mut [], self.now(), "resolution")?;
        self.reload_resolutions()?;
        self.resolutions.open = Some(r.id);
        let msg = if r.adopted_on.is_none() {
            Msg::SavedDraft
        } else {
            Msg::Saved
        };
        Ok(Ok(self.t(msg).to_string()))
    }

    /// A new item of resolution `res`, or its item `task` changed; a member newly named
    /// must be one who may carry tasks, and a new lead is noted in its history.
    fn save_item_form(
        &mut self,
        form: &Form,
        res: ResolutionId,
        task: Option<crate::domain::task::TaskId>,
    ) -> Saved {
        let due = match required_date(form, FieldId::Due) {
            Ok(d) => d,
            Err(e) => return Ok(Err(e)),
        };
        let mut r = self.store.resolution(res)?.ok_or(StoreError::NotFound)?;
        let mut t = match task {
            Some(id) => self.store.task(id)?.ok_or(StoreError::NotFound)?,
            None => {
                let mut t = Task::new("", due);
                t.created = Some(self.today());
                t
            }
        };
        t.title = form.text(FieldId::Title);
        t.due = due;
        let lead = form.member(FieldId::Lead);
        let named: Vec<MemberId> = lead
            .into_iter()
            .chain(form.members_of(FieldId::Helpers))
            .filter(|m| !t.involves(*m))
            .collect();
        if let Some(why) = self.refuse_unassignable(named) {
            self.status = Some(Status::Error(why));
            return Ok(Err((FieldId::Lead, Msg::ErrNotAssignable)));
        }
        if task.is_some() && lead != t.lead && lead.is_some() {
            let mut note = TaskNote::new(self.today(), "");
            note.lead = lead;
            t.history.push(note);
        }
        t.lead = lead;
        t.helpers = form
            .members_of(FieldId::Helpers)
            .into_iter()
            .filter(|h| Some(*h) != lead)
            .collect();
        self.store
            .save_resolution(&mut r, std::slice::from_mut(&mut t), self.now(), "item")?;
        self.reload_resolutions()?;
        Ok(Ok(self.t(Msg::Saved).to_string()))
    }

    /// Adopts draft `id` on the form's date, linked to the vote chosen (held no later).
    fn save_adopt_form(&mut self, form: &Form, id: ResolutionId) -> Saved {
        let date = match required_date(form, FieldId::AdoptedOn) {
            Ok(d) => d,
            Err(e) => return Ok(Err(e)),
        };
        let mut r = self.store.resolution(id)?.ok_or(StoreError::NotFound)?;
        let vote: Option<(MeetingId, usize, usize, String)> = form
            .choice(FieldId::Link)
            .checked_sub(1)
            .and_then(|i| adoption_votes(&r, &self.meetings).get(i).cloned());
        if let Some((meeting, ..)) = &vote
            && self.meetings.get(*meeting).is_some_and(|m| m.date > date)
        {
            return Ok(Err((FieldId::AdoptedOn, Msg::ErrAdoptedBeforeVote)));
        }
        r.adopted_on = Some(date);
        if let Some((meeting, item, entry, _)) = vote {
            r.meeting = Some(meeting);
            r.adopted_by = Some((item, entry));
        }
        self.store
            .save_resolution(&mut r, &mut [], self.now(), "adopt")?;
        self.reload_resolutions()?;
        Ok(Ok(self.t(Msg::ResolutionAdopted).to_string()))
    }

    /// Resolution `id` superseded by the one of the number given (its latest of that
    /// number), each pointing at the other.
    fn save_supersede_form(&mut self, form: &Form, id: ResolutionId) -> Saved {
        let now = self.now();
        let key = form.text(FieldId::Number).to_lowercase();
        let by = self
            .store
            .resolutions()?
            .into_iter()
            .filter(|r| r.id != id && r.number.to_lowercase() == key)
            .max_by_key(|r| (r.year, r.seq));
        let Some(mut by) = by else {
            return Ok(Err((FieldId::Number, Msg::ErrNoSuchResolution)));
        };
        let mut old = self.store.resolution(id)?.ok_or(StoreError::NotFound)?;
        old.superseded_by = Some(by.id);
        by.supersedes = Some(old.id);
        self.store
            .save_resolution(&mut old, &mut [], now, "supersede")?;
        self.store
            .save_resolution(&mut by, &mut [], now, "supersede")?;
        self.reload_resolutions()?;
        Ok(Ok(self.t(Msg::Saved).to_string()))
    }
}
