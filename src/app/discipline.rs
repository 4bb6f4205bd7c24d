//! Discipline (kỷ luật) entered from a member's detail: the form, the deciding body and
//! the decision's number, the reason, the branch's vote that proposed it (one passed in
//! a meeting under the discipline rule) and the year it counts for. Expulsion is saved
//! only after a deliberate confirmation and changes the standing on its date.

use chrono::{Datelike, NaiveDate};

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::meetings::Meetings;
use super::{App, Confirm, Overlay, Status};
use crate::domain::discipline::{Discipline, DisciplineForm, RecordError, VoteRef};
use crate::domain::meeting::EntryKind;
use crate::domain::member::{Member, MemberId};
use crate::domain::vote::{Vote, VoteRule, VoteSubject};
use crate::i18n::{Lang, Msg, labels};
use crate::store::{Records, StoreError};

/// A vote the branch passed in a meeting that may have proposed a discipline: where
/// it is recorded, the meeting's date, the vote.
pub struct ProposingVote {
    pub at: VoteRef,
    pub date: NaiveDate,
    pub vote: Vote,
}

impl ProposingVote {
    pub fn label(&self) -> String {
        format!(
            "{}: {} ({}/{})",
            crate::domain::calendar::format_date(self.date),
            self.vote.subject,
            self.vote.in_favour,
            self.vote.branch
        )
    }
}

/// Whether `vote` is held to the rule `form` needs: more than half of the branch for
/// reprimand, warning and removal, two thirds of it for expulsion.
pub fn vote_fits(form: DisciplineForm, vote: &Vote) -> bool {
    let needed = match form {
        DisciplineForm::Expulsion => VoteSubject::Expulsion.rule(),
        _ => VoteSubject::Discipline.rule(),
    };
    vote.rule == needed && vote.passed()
}

/// The form of a discipline decision on `member`; `votes` are offered after "none",
/// the latest first and preselected.
pub fn discipline_form(
    lang: Lang,
    member: &Member,
    votes: &[ProposingVote],
    today: NaiveDate,
) -> Form {
    let mut options = vec![Msg::NoVoteLink.get(lang).to_string()];
    options.extend(votes.iter().map(ProposingVote::label));
    let fields = vec![
        Field::choice(
            FieldId::Kind,
            Msg::FieldDisciplineForm,
            DisciplineForm::ALL
                .iter()
                .map(|f| labels::discipline_form(*f))
                .collect(),
            0,
        ),
        Field::date(FieldId::Date, Msg::FieldDecisionDate, Some(today)).required(),
        Field::text(FieldId::Parent, Msg::FieldDecidingBody, "").required(),
        Field::text(FieldId::Number, Msg::FieldDecisionNumber, ""),
        Field::text(FieldId::Reason, Msg::FieldReason, "").required(),
        Field::options(
            FieldId::Link,
            Msg::FieldProposedBy,
            options,
            usize::from(!votes.is_empty()),
        ),
        Field::number(FieldId::Term, Msg::FieldCountsFor, today.year() as u32).required(),
    ];
    let title = Msg::FormDiscipline.fill(lang, &[("name", &member.full_name())]);
    Form::new(FormPurpose::NewDiscipline(member.id), title, fields)
}

/// The record a filled form describes, checked against the member on `today`.
pub fn discipline_from_form(
    form: &Form,
    member: &Member,
    votes: &[ProposingVote],
    today: NaiveDate,
) -> Result<Discipline, FieldError> {
    form.check()?;
    let kind = DisciplineForm::ALL
        .get(form.choice(FieldId::Kind))
        .copied()
        .unwrap_or(DisciplineForm::Reprimand);
    let date = form
        .date(FieldId::Date)?
        .ok_or((FieldId::Date, Msg::ErrRequired))?;
    let clean = |id| crate::domain::text::clean(form.text(id).trim());
    let mut record = Discipline::new(member.id, kind, date);
    record.body = clean(FieldId::Parent);
    record.number = clean(FieldId::Number);
    record.reason = clean(FieldId::Reason);
    let year = form.number(FieldId::Term)? as i32;
    if year != date.year() && year != date.year() - 1 {
        return Err((FieldId::Term, Msg::ErrCountsFor));
    }
    record.counts_for = year;
    if let Some(v) = form
        .choice(FieldId::Link)
        .checked_sub(1)
        .and_then(|i| votes.get(i))
    {
        if !vote_fits(kind, &v.vote) {
            let msg = match kind {
                DisciplineForm::Expulsion => Msg::ErrExpulsionVoteRule,
                _ => Msg::ErrDisciplineVoteRule,
            };
            return Err((FieldId::Link, msg));
        }
        if v.date > date {
            return Err((FieldId::Link, Msg::ErrVoteAfterDecision));
        }
        record.vote = Some(v.at);
    }
    record.validate(member, today).map_err(|e| match e {
        RecordError::NotForProbationary(_) => (FieldId::Kind, Msg::ErrProbationaryDiscipline),
        RecordError::MissingBody => (FieldId::Parent, Msg::ErrRequired),
        RecordError::MissingReason => (FieldId::Reason, Msg::ErrRequired),
        RecordError::InTheFuture => (FieldId::Date, Msg::ErrFuture),
        RecordError::MissingForm => (FieldId::Kind, Msg::ErrRequired),
    })?;
    Ok(record)
}

/// The votes passed in the branch's meetings under the discipline rule (more than half
/// of the branch) or on an expulsion, latest first.
pub(super) fn discipline_votes(meetings: &Meetings) -> Vec<ProposingVote> {
    let mut held: Vec<_> = meetings
        .all()
        .iter()
        .filter(|m| m.started_at.is_some())
        .collect();
    held.sort_by_key(|m| std::cmp::Reverse((m.date, m.start)));
    let mut out = Vec::new();
    for m in held {
        for (i, item) in m.agenda.iter().enumerate() {
            for (e, entry) in item.entries.iter().enumerate() {
                if let EntryKind::Vote(v) = &entry.kind
                    && v.passed()
                    && (v.rule == VoteRule::MajorityOfBranch || v.kind == VoteSubject::Expulsion)
                {
                    out.push(ProposingVote {
                        at: (m.id, i, e),
                        date: m.date,
                        vote: v.clone(),
                    });
                }
            }
        }
    }
    out
}

impl App {
    pub(super) fn submit_discipline_form(
        &mut self,
        form: &Form,
        id: MemberId,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let now = self.clock.now();
        let member = self.store.member(id)?.ok_or(StoreError::NotFound)?;
        let votes = discipline_votes(&self.meetings);
        let mut record = match discipline_from_form(form, &member, &votes, now.date()) {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        if record.form == DisciplineForm::Expulsion {
            self.overlays.push(Overlay::Confirm(Confirm::Expulsion(
                Box::new(record),
                Box::new(form.clone()),
            )));
            return Ok(Ok(String::new()));
        }
        self.store.save_discipline(&mut record, now)?;
        Ok(Ok(self.discipline_saved(&member, &record)))
    }

    fn discipline_saved(&self, member: &Member, record: &Discipline) -> String {
        Msg::DisciplineSaved.fill(
            self.lang,
            &[
                ("name", &member.full_name()),
                ("form", &self.t(labels::discipline_form(record.form))),
            ],
        )
    }

    /// Saves an expulsion confirmed: the member leaves the roster on its date.
    pub(super) fn expel(&mut self, mut record: Discipline) {
        let now = self.clock.now();
        let saved = self.store.save_discipline(&mut record, now).and_then(|()| {
            let member = self
                .store
                .member(record.member)?
                .ok_or(StoreError::NotFound)?;
            Ok(member)
        });
        match saved {
            Ok(member) => {
                // the member has left the roster shown: their detail closes with them
                self.overlays.retain(|o| *o != Overlay::Detail);
                let msg = self.discipline_saved(&member, &record);
                match self.reload() {
                    Ok(()) => self.status = Some(Status::Info(msg)),
                    Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
                }
            }
            Err(e) => {
                let msg = Msg::SaveFailed.fill(self.lang, &[("err", &self.store_error(&e))]);
                self.status = Some(Status::Error(msg));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_input::TextInput;
    use crate::domain::meeting::MeetingId;
    use crate::domain::member::Standing;
    use crate::domain::vote::{Electorate, VoteMethod};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(standing: Standing) -> Member {
        let mut m = Member::new("Trần", "Văn", "Đức");
        m.id = MemberId(3);
        m.standing = standing;
        m.admission_date = Some(day(2010, 1, 1));
        if standing == Standing::Official {
            m.official_date = Some(day(2011, 1, 1));
        }
        m
    }

    fn vote(subject: &str, rule: VoteRule, date: NaiveDate) -> ProposingVote {
        let electorate = Electorate {
            present: (1..=10).map(MemberId).collect(),
            branch: 12,
        };
        ProposingVote {
            at: (MeetingId(9), 1, 0),
            date,
            vote: Vote::new(subject, VoteMethod::ShowOfHands, rule, &electorate, 0),
        }
    }

    fn filled(votes: &[ProposingVote], kind: usize, link: usize) -> Form {
        let today = day(2026, 12, 2);
        let mut f = discipline_form(Lang::Vi, &member(Standing::Official), votes, today);
        for field in &mut f.fields {
            match field.id {
                FieldId::Kind => field.choice = kind,
                FieldId::Date => field.input = TextInput::new("20/11/2026"),
                FieldId::Parent => field.input = TextInput::new("Chi bộ Khu phố 3"),
                FieldId::Number => field.input = TextInput::new("05-QĐ/CB"),
                FieldId::Reason => field.input = TextInput::new("Vắng sinh hoạt ba kỳ liền"),
                FieldId::Link => field.choice = link,
                _ => {}
            }
        }
        f
    }

    #[test]
    fn a_filled_form_gives_the_record_linked_to_the_vote_that_proposed_it() {
        let today = day(2026, 12, 2);
        let votes = [vote(
            "Thi hành kỷ luật khiển trách đ/c Đức",
            VoteRule::MajorityOfBranch,
            day(2026, 11, 15),
        )];
        let m = member(Standing::Official);
        let r = discipline_from_form(&filled(&votes, 0, 1), &m, &votes, today).unwrap();
        assert_eq!(r.form, DisciplineForm::Reprimand);
        assert_eq!(r.body, "Chi bộ Khu phố 3");
        assert_eq!(r.vote, Some((MeetingId(9), 1, 0)));
        assert_eq!(r.counts_for, 2026);
        // an expulsion needs a two-thirds vote: this one was held to more than half
        let e = discipline_from_form(&filled(&votes, 3, 1), &m, &votes, today).unwrap_err();
        assert_eq!(e, (FieldId::Link, Msg::ErrExpulsionVoteRule));
        let none = discipline_from_form(&filled(&votes, 3, 0), &m, &votes, today).unwrap();
        assert_eq!(none.vote, None);
    }

    #[test]
    fn a_probationary_member_is_refused_removal_and_a_later_vote_is_refused() {
        let today = day(2026, 12, 2);
        let late = [vote(
            "Thi hành kỷ luật cảnh cáo",
            VoteRule::MajorityOfBranch,
            day(2026, 11, 25),
        )];
        let m = member(Standing::Probationary);
        let e = discipline_from_form(&filled(&late, 2, 0), &m, &late, today).unwrap_err();
        assert_eq!(e, (FieldId::Kind, Msg::ErrProbationaryDiscipline));
        let e = discipline_from_form(&filled(&late, 1, 1), &m, &late, today).unwrap_err();
        assert_eq!(e, (FieldId::Link, Msg::ErrVoteAfterDecision));
    }
}
