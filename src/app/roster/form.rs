//! The member's forms: adding and editing a member, a change of status, the recognition
//! decision, and what saving each (and a note, an award, the branch) writes.

use chrono::{NaiveDate, NaiveDateTime};

use crate::app::form::{self, Field, FieldError, FieldId, Form, FormPurpose};
use crate::app::resolutions::Saved;
use crate::app::{App, Confirm, Overlay, notebook};
use crate::domain::member::{
    Activity, CommitteeRole, Gender, Member, MemberError, MemberId, Standing,
};
use crate::i18n::{Lang, Msg, labels};
use crate::store::{Records, StoreError};

const GENDERS: [Option<Gender>; 3] = [None, Some(Gender::Male), Some(Gender::Female)];
const STANDINGS: [Standing; 2] = [Standing::Official, Standing::Probationary];

/// The add/edit form, filled from a member (or blank).
pub fn member_form(lang: Lang, member: Option<&Member>) -> Form {
    let blank = Member::new("", "", "");
    let m = member.unwrap_or(&blank);
    let (purpose, title) = match member {
        Some(m) => (
            FormPurpose::EditMember(m.id),
            Msg::FormEditMember.get(lang).to_string(),
        ),
        None => (
            FormPurpose::NewMember,
            Msg::FormNewMember.get(lang).to_string(),
        ),
    };
    let fields = vec![
        Field::text(FieldId::Family, Msg::FieldFamily, &m.family_name).required(),
        Field::text(FieldId::Middle, Msg::FieldMiddle, &m.middle_name),
        Field::text(FieldId::Given, Msg::FieldGiven, &m.given_name).required(),
        Field::choice(
            FieldId::Gender,
            Msg::FieldGender,
            GENDERS.iter().map(|g| labels::gender(*g)).collect(),
            GENDERS.iter().position(|g| *g == m.gender).unwrap_or(0),
        ),
        Field::date(FieldId::Birth, Msg::FieldBirth, m.birth_date),
        Field::date(FieldId::Admission, Msg::FieldAdmission, m.admission_date),
        Field::choice(
            FieldId::Standing,
            Msg::FieldStanding,
            STANDINGS.iter().map(|s| labels::standing(*s)).collect(),
            STANDINGS.iter().position(|s| *s == m.standing).unwrap_or(0),
        ),
        Field::date(FieldId::Official, Msg::FieldOfficial, m.official_date),
        Field::text(FieldId::Card, Msg::FieldCard, &m.card_number),
        Field::choice(
            FieldId::Role,
            Msg::FieldRole,
            CommitteeRole::ALL
                .iter()
                .map(|r| labels::role(*r))
                .collect(),
            CommitteeRole::ALL
                .iter()
                .position(|r| *r == m.committee_role)
                .unwrap_or(0),
        ),
        Field::text(FieldId::Phone, Msg::FieldPhone, &m.phone),
        Field::text(FieldId::Residence, Msg::FieldResidence, &m.residence),
        Field::text(FieldId::Workplace, Msg::FieldWorkplace, &m.workplace),
        Field::text(FieldId::Notes, Msg::FieldNotes, &m.notes),
    ];
    Form::new(purpose, title, fields)
}

/// The member a filled form describes, over `base` (the record being edited).
pub fn member_from_form(form: &Form, base: Option<&Member>) -> Result<Member, FieldError> {
    form.check()?;
    let mut m = base.cloned().unwrap_or_else(|| Member::new("", "", ""));
    m.family_name = form.text(FieldId::Family);
    m.middle_name = form.text(FieldId::Middle);
    m.given_name = form.text(FieldId::Given);
    m.gender = GENDERS.get(form.choice(FieldId::Gender)).copied().flatten();
    m.birth_date = form.date(FieldId::Birth)?;
    m.admission_date = form.date(FieldId::Admission)?;
    m.standing = STANDINGS
        .get(form.choice(FieldId::Standing))
        .copied()
        .unwrap_or_default();
    m.official_date = form.date(FieldId::Official)?;
    m.card_number = form.text(FieldId::Card);
    m.committee_role = CommitteeRole::ALL
        .get(form.choice(FieldId::Role))
        .copied()
        .unwrap_or_default();
    m.phone = form.text(FieldId::Phone);
    m.residence = form.text(FieldId::Residence);
    m.workplace = form.text(FieldId::Workplace);
    m.notes = form.text(FieldId::Notes);
    m.validate().map_err(|e| match e {
        MemberError::MissingFamilyName => (FieldId::Family, Msg::ErrRequired),
        MemberError::MissingGivenName => (FieldId::Given, Msg::ErrRequired),
        MemberError::OfficialBeforeAdmission => {
            (FieldId::Official, Msg::ErrOfficialBeforeAdmission)
        }
        MemberError::AdmissionBeforeBirth => (FieldId::Admission, Msg::ErrAdmissionBeforeBirth),
        MemberError::ProbationaryWithOfficialDate => {
            (FieldId::Official, Msg::ErrProbationaryOfficialDate)
        }
    })?;
    Ok(m)
}

/// The status-change form: new activity, date (today), reason.
pub fn status_form(lang: Lang, member: &Member, today: NaiveDate) -> Form {
    let current = Activity::ALL
        .iter()
        .position(|a| *a == member.activity)
        .unwrap_or(0);
    let fields = vec![
        Field::choice(
            FieldId::NewActivity,
            Msg::FieldNewActivity,
            Activity::ALL.iter().map(|a| labels::activity(*a)).collect(),
            (current + 1) % Activity::ALL.len(),
        ),
        Field::date(FieldId::Date, Msg::FieldDate, Some(today)).required(),
        Field::text(FieldId::Reason, Msg::FieldReason, ""),
    ];
    let title = Msg::FormStatus.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::Status(member.id), title, fields)
}

/// The form of the upper level's decision recognizing a probationary member as
/// official: its number and date.
pub fn recognition_form(lang: Lang, member: &Member) -> Form {
    let fields = vec![
        Field::text(FieldId::Number, Msg::FieldDecisionNumber, "").required(),
        Field::date(FieldId::Date, Msg::FieldDecisionDate, None).required(),
    ];
    let title = Msg::FormRecognition.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::Recognition(member.id), title, fields)
}

/// The change a filled status form asks for.
pub fn status_from_form(
    form: &Form,
    member: &Member,
    today: NaiveDate,
) -> Result<(Activity, NaiveDate, String), FieldError> {
    form.check()?;
    let to = Activity::ALL
        .get(form.choice(FieldId::NewActivity))
        .copied()
        .unwrap_or_default();
    if to == member.activity {
        return Err((FieldId::NewActivity, Msg::ErrSameStatus));
    }
    let date = form
        .date(FieldId::Date)?
        .ok_or((FieldId::Date, Msg::ErrRequired))?;
    if date > today {
        return Err((FieldId::Date, Msg::ErrFuture));
    }
    Ok((to, date, form.text(FieldId::Reason)))
}

impl App {
    /// Saves a form opened on the roster or a member's detail: each purpose by a step
    /// of its own.
    pub(in crate::app) fn submit_roster_form(&mut self, form: &Form) -> Saved {
        let now = self.clock.now();
        match form.purpose {
            FormPurpose::NewMember => self.save_member_form(form, None, now),
            FormPurpose::EditMember(id) => self.save_member_form(form, Some(id), now),
            FormPurpose::Status(id) => self.save_status_form(form, id, now),
            FormPurpose::Recognition(id) => self.save_recognition_form(form, id, now),
            FormPurpose::NewAward(id) => self.save_award_form(form, id, now),
            FormPurpose::NewNote(id, _) => self.save_note_form(form, id, now),
            _ => self.save_branch_form(form),
        }
    }

    /// A new member, or member `editing` changed; the roster selects them.
    fn save_member_form(
        &mut self,
        form: &Form,
        editing: Option<MemberId>,
        now: NaiveDateTime,
    ) -> Saved {
        let base = match editing {
            Some(id) => self.store.member(id)?,
            None => None,
        };
        let mut member = match member_from_form(form, base.as_ref()) {
            Ok(m) => m,
            Err(e) => return Ok(Err(e)),
        };
        let verb = if base.is_some() { "edit" } else { "add" };
        self.store.save_member(&mut member, now, verb)?;
        self.reload()?;
        self.roster.select_id(member.id);
        Ok(Ok(self.t(Msg::Saved).to_string()))
    }

    /// A member's activity changed; leaving the active roster with open tasks asks
    /// whether to reassign them.
    fn save_status_form(&mut self, form: &Form, id: MemberId, now: NaiveDateTime) -> Saved {
        let today = now.date();
        let mut member = self.store.member(id)?.ok_or(StoreError::NotFound)?;
        let (to, date, reason) = match status_from_form(form, &member, today) {
            Ok(c) => c,
            Err(e) => return Ok(Err(e)),
        };
        member.change_activity(to, date, &reason);
        self.store.save_member(&mut member, now, "status")?;
        // leaving the active roster with open tasks: offer to reassign them
        if !crate::domain::record::expects_task(&member) {
            let tasks = self.store.tasks()?;
            let open: Vec<_> = crate::domain::record::open_tasks(member.id, &tasks).collect();
            let helping = open.iter().filter(|t| t.helped_only_by(member.id)).count();
            if !open.is_empty() {
                self.overlays.push(Overlay::Confirm(Confirm::OpenTasks(
                    member.id,
                    member.full_name(),
                    open.len() - helping,
                    helping,
                )));
            }
        }
        let status = self.t(labels::activity(to));
        Ok(Ok(Msg::StatusChanged.fill(
            self.lang,
            &[("name", &member.full_name()), ("status", &status)],
        )))
    }

    /// The decision recognising a probationary member as official.
    fn save_recognition_form(&mut self, form: &Form, id: MemberId, now: NaiveDateTime) -> Saved {
        use crate::domain::member::RecognitionError as E;
        let today = now.date();
        if let Err(e) = form.check() {
            return Ok(Err(e));
        }
        let date = match form.date(form::FieldId::Date) {
            Ok(Some(d)) => d,
            Ok(None) => return Ok(Err((form::FieldId::Date, Msg::ErrRequired))),
            Err(e) => return Ok(Err(e)),
        };
        let mut member = self.store.member(id)?.ok_or(StoreError::NotFound)?;
        let number = form.text(form::FieldId::Number);
        if let Err(e) = member.recognize(&number, date, today) {
            let msg = match e {
                E::NotProbationary => Msg::ErrNotProbationary,
                E::BeforeVote => Msg::ErrDecisionBeforeVote,
                E::BeforeAdmission => Msg::ErrDecisionBeforeAdmission,
                E::InFuture => Msg::ErrDecisionInFuture,
            };
            return Ok(Err((form::FieldId::Date, msg)));
        }
        self.store
            .save_member(&mut member, now, "recognition_decision")?;
        Ok(Ok(Msg::Recognized.fill(
            self.lang,
            &[
                ("name", &member.full_name()),
                ("date", &crate::domain::calendar::format_date(date)),
                ("number", &number),
            ],
        )))
    }

    /// An award of a member.
    fn save_award_form(&mut self, form: &Form, id: MemberId, now: NaiveDateTime) -> Saved {
        let today = now.date();
        let member = self.store.member(id)?.ok_or(StoreError::NotFound)?;
        let mut award = match notebook::award_from_form(form, &member, today) {
            Ok(a) => a,
            Err(e) => return Ok(Err(e)),
        };
        self.store.save_award(&mut award, now)?;
        Ok(Ok(Msg::AwardSaved.fill(
            self.lang,
            &[("name", &member.full_name()), ("form", &award.form)],
        )))
    }

    /// A note of a member's notebook.
    fn save_note_form(&mut self, form: &Form, id: MemberId, now: NaiveDateTime) -> Saved {
        let today = now.date();
        let member = self.store.member(id)?.ok_or(StoreError::NotFound)?;
        let mut note = match notebook::note_from_form(form, &member, today) {
            Ok(n) => n,
            Err(e) => return Ok(Err(e)),
        };
        self.store.save_note(&mut note, now)?;
        Ok(Ok(Msg::NoteSaved.fill(
            self.lang,
            &[
                ("name", &member.full_name()),
                ("kind", &self.t(labels::note_kind(note.kind))),
            ],
        )))
    }

    /// The branch's name and settings.
    fn save_branch_form(&mut self, form: &Form) -> Saved {
        match crate::app::form::branch_from_form(form) {
            Ok(mut branch) => {
                // the demo branch edited is the demo still
                branch.demo = self.branch.as_ref().is_some_and(|b| b.demo);
                self.store.save_branch(&branch)?;
                Ok(Ok(self.t(Msg::Saved).to_string()))
            }
            Err(e) => Ok(Err(e)),
        }
    }
}
