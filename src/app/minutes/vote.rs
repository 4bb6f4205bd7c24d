//! Votes in the minutes: the vote form and its preview (who may vote, the result by the
//! rule), a vote corrected or removed until approval, the vote on the minutes
//! themselves, and what a vote on a member's official recognition records.

use chrono::NaiveTime;

use super::super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::super::picker::{PickPurpose, Picker};
use super::super::{App, Confirm, Overlay, Status};
use crate::domain::meeting::{EntryKind, Meeting, Presence, expected};
use crate::domain::member::{Activity, Member, MemberId};
use crate::domain::vote::{Vote, VoteMethod, VoteRule, electorate};
use crate::i18n::{Msg, labels};
use crate::store::{Records, StoreError};

/// Where `x` is among `all` (the first when not given).
fn position<T: PartialEq>(all: &[T], x: Option<T>) -> usize {
    x.and_then(|x| all.iter().position(|a| *a == x))
        .unwrap_or(0)
}

/// A count of the vote form: empty until typed (or the saved count), and required.
pub(in crate::app) fn count(id: FieldId, label: Msg, saved: Option<u32>) -> Field {
    Field {
        kind: crate::app::form::FieldKind::Number,
        ..Field::text(id, label, &saved.map(|n| n.to_string()).unwrap_or_default())
    }
    .required()
}

/// Every vote of a meeting's minutes, in their order: item, entry, the vote, its time.
pub fn meeting_votes(m: &Meeting) -> Vec<(usize, usize, Vote, NaiveTime)> {
    m.agenda
        .iter()
        .enumerate()
        .flat_map(|(i, item)| {
            item.entries
                .iter()
                .enumerate()
                .filter_map(move |(j, e)| match &e.kind {
                    EntryKind::Vote(v) => Some((i, j, v.clone(), e.at)),
                    _ => None,
                })
        })
        .collect()
}

impl App {
    /// A vote on a probationary member's official recognition does its work: passed,
    /// it records that the branch has considered the member it names (the roster's
    /// reminder then awaits the upper level's decision); corrected to a failure or
    /// removed, that record goes. Returns what was recorded, for the message line.
    fn recognition_effect(
        &mut self,
        subject: &str,
        passed: bool,
    ) -> Result<Option<String>, StoreError> {
        use crate::domain::member::Standing;
        use crate::domain::vote::VoteSubject;
        if VoteSubject::from_text(subject) != VoteSubject::OfficialRecognition {
            return Ok(None);
        }
        let Some(day) = self.meetings.console.as_ref().map(|c| c.meeting.date) else {
            return Ok(None);
        };
        let said = crate::domain::text::fold(subject);
        let Some(mut member) = self
            .roster
            .members()
            .iter()
            .filter(|m| m.standing == Standing::Probationary)
            .find(|m| said.contains(&crate::domain::text::fold(&m.full_name())))
            .cloned()
        else {
            return Ok(None);
        };
        let voted = passed.then_some(day);
        if member.recognition_voted == voted || (!passed && member.recognition_voted != Some(day)) {
            return Ok(None);
        }
        member.recognition_voted = voted;
        self.store
            .save_member(&mut member, self.clock.now(), "recognition")?;
        Ok(Some(
            Msg::RecognitionVoted.fill(self.lang, &[("name", &member.full_name())]),
        ))
    }

    /// The form of the branch's vote on a meeting's minutes: counts empty, required.
    pub(in crate::app) fn approval_form(&self, id: crate::domain::meeting::MeetingId) -> Form {
        let fields = vec![
            count(FieldId::InFavour, Msg::FieldInFavour, None),
            count(FieldId::Against, Msg::FieldAgainst, None),
            count(FieldId::Other, Msg::FieldOther, None),
        ];
        let mut form = Form::new(
            FormPurpose::ApprovalVote(id),
            self.t(Msg::FormApprovalVote).to_string(),
            fields,
        );
        form.note = self.vote_preview(&form);
        form
    }

    fn present_at(&self, meeting: &Meeting) -> Vec<&Member> {
        present_at(self.roster.members(), meeting)
    }

    fn electorate_now(&self) -> (crate::domain::vote::Electorate, u32) {
        match &self.meetings.console {
            Some(c) => self.electorate_at(&c.meeting),
            None => Default::default(),
        }
    }

    /// Who may vote on what the form is about: the console's meeting, or the meeting
    /// whose minutes are put to the vote.
    fn form_electorate(&self, form: &Form) -> (crate::domain::vote::Electorate, u32) {
        match form.purpose {
            FormPurpose::ApprovalVote(id) | FormPurpose::Grade(id, ..) => {
                match self.meetings.get(id) {
                    Some(m) => self.electorate_at(m),
                    None => Default::default(),
                }
            }
            _ => self.electorate_now(),
        }
    }

    pub(in crate::app) fn electorate_at(
        &self,
        meeting: &Meeting,
    ) -> (crate::domain::vote::Electorate, u32) {
        let present: Vec<MemberId> = self.present_at(meeting).iter().map(|m| m.id).collect();
        let e = electorate(self.roster.members(), |id| present.contains(&id));
        let temporary = self
            .roster
            .members()
            .iter()
            .filter(|m| m.activity == Activity::TemporaryIn && present.contains(&m.id))
            .count() as u32;
        (e, temporary)
    }

    /// A vote as the list of votes to correct shows it: "Mục 7 · 20:41 · Công nhận …
    /// — 16/25: không thông qua".
    pub(super) fn vote_label(&self, item: usize, v: &Vote, at: NaiveTime) -> String {
        let result = self.t(if v.passed() {
            Msg::Passed
        } else {
            Msg::NotPassed
        });
        let line = |subject: &str| {
            Msg::VotePickLine.fill(
                self.lang,
                &[
                    ("item", &(item + 1)),
                    ("time", &at.format("%H:%M")),
                    ("subject", &subject),
                    ("for", &v.in_favour),
                    ("of", &v.denominator()),
                    ("result", &result),
                ],
            )
        };
        // the whole line fits the list at 80 columns: a long subject is shortened
        const ROOM: usize = 73;
        let full = line(&v.subject);
        let over = unicode_width::UnicodeWidthStr::width(full.as_str()).saturating_sub(ROOM);
        if over == 0 {
            return full;
        }
        let keep = v.subject.chars().count().saturating_sub(over + 1);
        line(&format!(
            "{}…",
            v.subject.chars().take(keep).collect::<String>()
        ))
    }

    /// The vote picked from the list of the meeting's votes: its form, to correct or
    /// remove it.
    pub(in crate::app) fn vote_picked(&mut self, index: usize) {
        let Some(c) = self.meetings.console.as_ref() else {
            return;
        };
        if let Some((item, entry, vote, _)) = meeting_votes(&c.meeting).into_iter().nth(index) {
            let form = self.vote_form(Some((item, entry, &vote)));
            self.overlays.push(Overlay::Form(Box::new(form)));
        }
    }

    /// Removes a saved vote from the minutes, once the removal is confirmed.
    pub(in crate::app) fn remove_vote(&mut self, item: usize, entry: usize) {
        let subject = match self
            .meetings
            .console
            .as_ref()
            .and_then(|c| c.meeting.agenda.get(item))
            .and_then(|i| i.entries.get(entry))
            .map(|e| &e.kind)
        {
            Some(EntryKind::Vote(v)) => v.subject.clone(),
            _ => return,
        };
        if let Some(c) = self.meetings.console.as_mut() {
            c.replace_vote(item, entry, None);
        }
        if self.save_now().is_err() {
            return; // the message line says why
        }
        let mut message = self.t(Msg::VoteRemoved).to_string();
        match self.recognition_effect(&subject, false) {
            Ok(Some(done)) => message = format!("{message} {done}"),
            Ok(None) => {}
            Err(e) => {
                self.status = Some(Status::Error(self.store_error(&e)));
                return;
            }
        }
        if let Err(e) = self.load_roster() {
            self.status = Some(Status::Error(self.store_error(&e)));
            return;
        }
        self.status = Some(Status::Info(message));
    }

    /// The form of a new vote of the console's item (`Request::VoteForm`).
    pub(in crate::app) fn open_vote_form(&mut self) {
        let form = self.vote_form(None);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// A vote of the console's meeting corrected (`Request::CorrectVote`): any vote, to
    /// correct or remove until approval, the only one straight away, otherwise picked
    /// from a list (the latest selected).
    pub(in crate::app) fn correct_vote(&mut self) {
        let Some(c) = self.meetings.console.as_ref() else {
            return;
        };
        let votes = meeting_votes(&c.meeting);
        match votes.as_slice() {
            [] => self.error(Msg::NoVoteHere),
            [(item, entry, vote, _)] => {
                let form = self.vote_form(Some((*item, *entry, vote)));
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            _ => {
                let labels = votes
                    .iter()
                    .map(|(item, _, v, at)| self.vote_label(*item, v, *at))
                    .collect();
                let picker = Picker::labels(PickPurpose::Vote, labels);
                self.overlays.push(Overlay::Picker(Box::new(picker)));
            }
        }
    }

    /// A new vote's form, or a saved one's (its item and entry) to correct or remove.
    pub(super) fn vote_form(&self, saved: Option<(usize, usize, &Vote)>) -> Form {
        let methods = VoteMethod::ALL
            .iter()
            .map(|m| labels::vote_method(*m))
            .collect();
        let rules = VoteRule::ALL
            .iter()
            .map(|r| labels::vote_rule(*r))
            .collect();
        let v = saved.map(|s| s.2);
        let mut fields = vec![
            Field::text(
                FieldId::Subject,
                Msg::FieldSubject,
                v.map_or("", |v| v.subject.as_str()),
            )
            .required(),
            Field::choice(
                FieldId::Method,
                Msg::FieldMethod,
                methods,
                position(&VoteMethod::ALL, v.map(|v| v.method)),
            ),
            // preselected from the subject as it is typed (2/3 for admission…)
            Field::choice(
                FieldId::Rule,
                Msg::FieldRule,
                rules,
                position(&VoteRule::ALL, v.map(|v| v.rule)),
            )
            .follows(FieldId::Subject, crate::app::form::Preselect::VoteRule),
            // counted, never assumed: a pre-filled "all in favour" invites a wrong
            // unanimous result
            count(
                FieldId::InFavour,
                Msg::FieldInFavour,
                v.map(|v| v.in_favour),
            ),
            count(FieldId::Against, Msg::FieldAgainst, v.map(|v| v.against)),
            count(FieldId::Other, Msg::FieldOther, v.map(|v| v.other)),
        ];
        let (purpose, title) = match saved {
            Some((item, entry, _)) => {
                fields.push(Field::choice(
                    FieldId::Remove,
                    Msg::FieldVoteKeep,
                    vec![Msg::VoteKeep, Msg::VoteRemove],
                    0,
                ));
                (FormPurpose::EditVote(item, entry), Msg::FormCorrectVote)
            }
            None => (FormPurpose::Vote, Msg::FormVote),
        };
        let mut form = Form::new(purpose, self.t(title).to_string(), fields);
        form.note = self.vote_preview(&form);
        form
    }

    /// The vote a filled form describes, with its counts checked.
    pub(in crate::app) fn vote_from_form(&self, form: &Form) -> Result<Vote, FieldError> {
        form.check()?;
        let (e, temporary) = self.form_electorate(form);
        let method = VoteMethod::ALL
            .get(form.choice(FieldId::Method))
            .copied()
            .unwrap_or_default();
        let rule = VoteRule::ALL
            .get(form.choice(FieldId::Rule))
            .copied()
            .unwrap_or_default();
        let mut vote = Vote::new(&form.text(FieldId::Subject), method, rule, &e, temporary);
        vote.in_favour = form.number(FieldId::InFavour)?;
        vote.against = form.number(FieldId::Against)?;
        vote.other = form.number(FieldId::Other)?;
        match vote.check() {
            Ok(()) => Ok(vote),
            Err(crate::domain::vote::VoteError::TooManyVotes { .. }) => {
                Err((FieldId::InFavour, Msg::ErrTooManyVotes))
            }
            Err(crate::domain::vote::VoteError::NoVotes) => {
                Err((FieldId::InFavour, Msg::ErrNoVotes))
            }
            Err(crate::domain::vote::VoteError::WrongRule { required }) => {
                Err((FieldId::Rule, labels::vote_rule_required(required)))
            }
        }
    }

    /// The line under the vote form: who may vote and the result by the rule.
    pub(in crate::app) fn vote_preview(&self, form: &Form) -> Option<String> {
        let (e, temporary) = self.form_electorate(form);
        let rule = VoteRule::ALL
            .get(form.choice(FieldId::Rule))
            .copied()
            .unwrap_or_default();
        let mut vote = Vote::new("", VoteMethod::default(), rule, &e, temporary);
        let counted = [FieldId::InFavour, FieldId::Against, FieldId::Other];
        if counted.iter().any(|id| form.text(*id).is_empty()) {
            return Some(Msg::VoteEligible.fill(
                self.lang,
                &[("eligible", &vote.eligible), ("branch", &vote.branch)],
            ));
        }
        vote.in_favour = form.number(FieldId::InFavour).ok()?;
        vote.against = form.number(FieldId::Against).ok()?;
        vote.other = form.number(FieldId::Other).ok()?;
        let result = if vote.passed() {
            Msg::Passed
        } else {
            Msg::NotPassed
        };
        Some(Msg::VotePreview.fill(
            self.lang,
            &[
                ("eligible", &vote.eligible),
                ("branch", &vote.branch),
                ("result", &self.t(result)),
                ("for", &vote.in_favour),
                ("of", &vote.denominator()),
            ],
        ))
    }

    pub(in crate::app) fn submit_console_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let now = self.clock.now();
        match form.purpose {
            FormPurpose::Vote => {
                let vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let passed = vote.passed();
                let subject = vote.subject.clone();
                if let Some(c) = self.meetings.console.as_mut() {
                    let at = c.stamp(now).time();
                    c.add_vote(vote, at);
                }
                let _ = self.save_now(); // a failure is on the message line
                let mut message = self
                    .t(if passed { Msg::Passed } else { Msg::NotPassed })
                    .to_string();
                if let Some(done) = self.recognition_effect(&subject, passed)? {
                    message = format!("{message}. {done}");
                }
                Ok(Ok(message))
            }
            FormPurpose::EditVote(item, entry) => {
                if form.choice(FieldId::Remove) == 1 {
                    // removing a vote from the minutes is asked once more, in a dialog
                    // typing cannot answer
                    let subject = form.text(FieldId::Subject);
                    self.overlays
                        .push(Overlay::Confirm(Confirm::RemoveVote(item, entry, subject)));
                    return Ok(Ok(String::new()));
                }
                let vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let mut message = self
                    .t(if vote.passed() {
                        Msg::Passed
                    } else {
                        Msg::NotPassed
                    })
                    .to_string();
                let (subject, passed) = (vote.subject.clone(), vote.passed());
                if let Some(c) = self.meetings.console.as_mut() {
                    c.replace_vote(item, entry, Some(vote));
                }
                let _ = self.save_now(); // a failure is on the message line
                if let Some(done) = self.recognition_effect(&subject, passed)?
                    && passed
                {
                    message = format!("{message}. {done}");
                }
                Ok(Ok(message))
            }
            FormPurpose::ApprovalVote(id) => {
                let mut vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                if !vote.passed() {
                    return Ok(Err((FieldId::InFavour, Msg::ErrApprovalNotPassed)));
                }
                vote.subject = self.t(Msg::ApprovalVoteSubject).to_string();
                self.overlays
                    .push(Overlay::Confirm(Confirm::Approve(id, Box::new(vote))));
                Ok(Ok(String::new()))
            }
            FormPurpose::Late(_) | FormPurpose::Excuse(_) => Ok(self.submit_roll_call_form(form)),
            _ => Ok(Ok(String::new())),
        }
    }
}

/// Who is present at `meeting`: marked present, or, before the roll call, everyone
/// expected.
pub(super) fn present_at<'a>(members: &'a [Member], meeting: &Meeting) -> Vec<&'a Member> {
    let att = &meeting.attendance;
    if att.values().any(Presence::is_present) {
        members
            .iter()
            .filter(|m| att.get(&m.id).is_some_and(Presence::is_present))
            .collect()
    } else {
        members.iter().filter(|m| expected(m)).collect()
    }
}
