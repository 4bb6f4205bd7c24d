//! The forms of a grading line's steps (self-grade, points, proposal, discussion note,
//! decision by vote, or its amendment once the minutes are approved) and saving them.

use super::{Step, branch_grade_msg};
use crate::app::form::{Field, FieldId, Form, FormPurpose};
use crate::app::resolutions::Saved;
use crate::app::{App, Overlay, Status};
use crate::domain::branch_grade::BranchGrade;
use crate::domain::evaluation::Grade;
use crate::domain::meeting::Amendment;
use crate::domain::review::{Change, ReviewError, Whom};
use crate::domain::vote::VoteMethod;
use crate::export::evaluation::grade_msg;
use crate::i18n::{Msg, labels};

impl App {
    pub(super) fn grading_form(&mut self, step: Step) {
        let Some(s) = self.top_sheet() else { return };
        if let Some(why) = self.refuse(s, step) {
            self.status = Some(Status::Error(why));
            return;
        }
        let who = self.line_name(s);
        let whom = s.whom(s.selected);
        let member = s.members.get(s.selected);
        let grades: Vec<Msg> = Grade::ALL.iter().map(|g| grade_msg(*g)).collect();
        let branch_grades: Vec<Msg> = BranchGrade::ALL
            .iter()
            .map(|g| branch_grade_msg(*g))
            .collect();
        let at = |all: &[Grade], g: Option<Grade>| {
            g.and_then(|g| all.iter().position(|x| *x == g))
                .map_or(0, |i| i + 1)
        };
        let with_none = |options: &[Msg]| {
            let mut v = vec![Msg::GradeNone];
            v.extend_from_slice(options);
            v
        };
        let computed = member.and_then(|l| l.computed.as_ref().map(|p| p.grade));
        let (title, fields) = match (step, member) {
            (Step::SelfGrade, Some(l)) => (
                Msg::FormSelfGrade,
                vec![Field::choice(
                    FieldId::Grade,
                    Msg::FieldGrade,
                    with_none(&grades),
                    at(&Grade::ALL, l.sheet.self_grade),
                )],
            ),
            (Step::Proposal, Some(l)) => (
                Msg::FormProposeGrade,
                vec![Field::choice(
                    FieldId::Grade,
                    Msg::FieldGrade,
                    with_none(&grades),
                    at(&Grade::ALL, l.sheet.proposed.or(computed)),
                )],
            ),
            (Step::Proposal, None) => {
                let g = s.branch.sheet.proposed.unwrap_or(s.branch.computed);
                let i = BranchGrade::ALL
                    .iter()
                    .position(|x| *x == g)
                    .map_or(0, |i| i + 1);
                (
                    Msg::FormProposeGrade,
                    vec![Field::choice(
                        FieldId::Grade,
                        Msg::FieldGrade,
                        with_none(&branch_grades),
                        i,
                    )],
                )
            }
            (Step::Points, Some(l)) => (
                Msg::FormGradePoints,
                vec![Field::text(
                    FieldId::Number,
                    Msg::FieldPoints,
                    &l.sheet.points.map(|p| p.to_string()).unwrap_or_default(),
                )],
            ),
            (Step::Note, _) => {
                let note = member.map_or(s.branch.sheet.note.as_str(), |l| l.sheet.note.as_str());
                (
                    Msg::FormDiscussion,
                    vec![Field::text(FieldId::Text, Msg::FieldDiscussion, note)],
                )
            }
            (Step::Decision, _) => {
                let (options, choice) = match member {
                    Some(l) => {
                        let g = l.sheet.decided().or(l.sheet.proposed).or(computed);
                        (grades, at(&Grade::ALL, g).saturating_sub(1))
                    }
                    None => {
                        let b = &s.branch.sheet;
                        let g = b.decided().or(b.proposed).unwrap_or(s.branch.computed);
                        let i = BranchGrade::ALL.iter().position(|x| *x == g).unwrap_or(0);
                        (branch_grades, i)
                    }
                };
                let methods = VoteMethod::ALL
                    .iter()
                    .map(|m| labels::vote_method(*m))
                    .collect();
                let mut fields = vec![
                    Field::choice(FieldId::Grade, Msg::FieldGrade, options, choice),
                    Field::choice(FieldId::Method, Msg::FieldMethod, methods, 0),
                    crate::app::minutes::count(FieldId::InFavour, Msg::FieldInFavour, None),
                    crate::app::minutes::count(FieldId::Against, Msg::FieldAgainst, None),
                    crate::app::minutes::count(FieldId::Other, Msg::FieldOther, None),
                ];
                if s.locked {
                    fields.push(Field::text(FieldId::Reason, Msg::FieldReason, "").required());
                    fields.push(Field::text(
                        FieldId::AuthorName,
                        Msg::FieldAmendmentByName,
                        "",
                    ));
                }
                let title = if s.locked {
                    Msg::FormAmendGrade
                } else {
                    Msg::FormDecideGrade
                };
                (title, fields)
            }
            // the branch has no self-grade: refused above
            (Step::SelfGrade | Step::Points, None) => return,
        };
        let purpose = FormPurpose::Grade(s.meeting, step, whom);
        let mut form = Form::new(purpose, title.fill(self.lang, &[("who", &who)]), fields);
        match step {
            Step::Decision => form.note = self.vote_preview(&form),
            Step::Points => form.note = Some(self.t(Msg::GradingPointsHint).to_string()),
            _ => {}
        }
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    pub(in crate::app) fn submit_grading_form(&mut self, form: &Form) -> Saved {
        let FormPurpose::Grade(id, step, whom) = form.purpose else {
            return Ok(Ok(String::new()));
        };
        let Some(s) = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Grading(s) if s.meeting == id => Some(s.as_ref()),
            _ => None,
        }) else {
            return Ok(Ok(String::new()));
        };
        let who = self.line_name(s);
        let locked = s.locked;
        let old = match whom {
            Whom::Member(m) => s
                .members
                .iter()
                .find(|l| l.member == m)
                .and_then(|l| l.sheet.decided())
                .map(|g| self.t(grade_msg(g)).to_string()),
            Whom::Branch => s
                .branch
                .sheet
                .decided()
                .map(|g| self.t(branch_grade_msg(g)).to_string()),
        };
        let choice = form.choice(FieldId::Grade);
        let optional = |i: usize| i.checked_sub(1);
        let mut decided_label = String::new();
        let change = match (step, whom) {
            (Step::SelfGrade, _) => {
                Change::SelfGrade(optional(choice).and_then(|i| Grade::ALL.get(i).copied()))
            }
            (Step::Proposal, Whom::Member(_)) => {
                Change::Propose(optional(choice).and_then(|i| Grade::ALL.get(i).copied()))
            }
            (Step::Proposal, Whom::Branch) => Change::ProposeBranch(
                optional(choice).and_then(|i| BranchGrade::ALL.get(i).copied()),
            ),
            (Step::Points, _) => {
                let text = form.text(FieldId::Number);
                if text.is_empty() {
                    Change::Points(None)
                } else {
                    match text.parse::<u32>() {
                        Ok(p) if p <= 100 => Change::Points(Some(p)),
                        _ => return Ok(Err((FieldId::Number, Msg::GradingPointsRange))),
                    }
                }
            }
            (Step::Note, _) => Change::Note(form.text(FieldId::Text)),
            (Step::Decision, _) => {
                let mut vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let (change, label) = match whom {
                    Whom::Member(_) => {
                        let g = Grade::ALL.get(choice).copied().unwrap_or(Grade::Done);
                        (Change::Decide(g, vote.clone()), self.t(grade_msg(g)))
                    }
                    Whom::Branch => {
                        let g = BranchGrade::ALL
                            .get(choice)
                            .copied()
                            .unwrap_or(BranchGrade::Done);
                        (
                            Change::DecideBranch(g, vote.clone()),
                            self.t(branch_grade_msg(g)),
                        )
                    }
                };
                vote.subject =
                    Msg::GradingVoteSubject.fill(self.lang, &[("who", &who), ("grade", &label)]);
                decided_label = label.to_string();
                match change {
                    Change::Decide(g, _) => Change::Decide(g, vote),
                    Change::DecideBranch(g, _) => Change::DecideBranch(g, vote),
                    other => other,
                }
            }
        };
        let result = if step == Step::Decision && locked {
            let amendment = Amendment {
                at: self.clock.now(),
                reason: form.text(FieldId::Reason),
                text: Msg::GradingAmendText.fill(
                    self.lang,
                    &[
                        ("who", &who),
                        ("old", &old.unwrap_or_default()),
                        ("new", &decided_label),
                    ],
                ),
                member: None,
                by: form.text(FieldId::AuthorName),
            };
            self.change_grading(id, |m| m.amend_grade(whom, change, amendment))?
        } else {
            self.change_grading(id, |m| m.grade(whom, change))?
        };
        match result {
            Ok(()) => {
                // the meeting is read again already: nothing more to reload
                self.updated_in_place = true;
                self.refresh_grading();
                Ok(Ok(if step == Step::Decision {
                    Msg::GradingDecided.fill(self.lang, &[("who", &who), ("grade", &decided_label)])
                } else {
                    Msg::GradingSaved.fill(self.lang, &[("who", &who)])
                }))
            }
            Err(ReviewError::NotPassed | ReviewError::Vote(_)) => {
                Ok(Err((FieldId::InFavour, Msg::GradingNotPassed)))
            }
            Err(ReviewError::NoReason) => Ok(Err((FieldId::Reason, Msg::ErrRequired))),
            Err(ReviewError::Points) => Ok(Err((FieldId::Number, Msg::GradingPointsRange))),
            Err(_) => Ok(Err((FieldId::Grade, Msg::GradingLocked))),
        }
    }
}
