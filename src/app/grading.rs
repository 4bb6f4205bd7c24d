//! The grading sheet of a year-end meeting (kiểm điểm cuối năm): one line per member
//! with the year's record, the self-grade, the proposal, the discussion note and the
//! grade decided by vote, then the branch's own line; what breaks a rule of
//! `evaluation.toml` is warned about with the rule and its line. Approved minutes lock
//! the sheet: a decided grade is then changed by an amendment.
//! Over 500 lines: the sheet's steps and their forms follow one rule file together.

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{App, Overlay, Status};
use crate::domain::branch_grade::BranchGrade;
use crate::domain::evaluation::{Grade, Grading};
use crate::domain::meeting::{Amendment, Meeting, MeetingId, MeetingKind};
use crate::domain::review::{Change, ReviewError, Whom};
use crate::domain::vote::VoteMethod;
pub(crate) use crate::export::evaluation::branch_grade_msg;
use crate::export::evaluation::grade_msg;
pub(crate) use crate::export::grading::shortfall_text;
use crate::i18n::{Msg, labels};
use crate::store::{Records, StoreError};

mod sheet;

pub use sheet::{BranchLine, GradingSheet, MemberLine, SheetData, SheetWarning, sheet};
pub(crate) use sheet::{grade_label, not_graded_msg};

/// Which part of a line a form writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    SelfGrade,
    Points,
    Proposal,
    Note,
    Decision,
}

impl App {
    /// Members graded for the year of a year-end meeting whose grade is not decided.
    pub(super) fn undecided_grades(&self, m: &Meeting) -> usize {
        let year = m
            .review
            .as_ref()
            .map_or(chrono::Datelike::year(&m.date), |r| r.year);
        self.roster
            .members()
            .iter()
            .filter(|x| crate::domain::evaluation::grading(x, year, &self.rules) == Grading::Graded)
            .filter(|x| {
                m.review
                    .as_ref()
                    .and_then(|r| r.member(x.id))
                    .is_none_or(|s| s.decision.is_none())
            })
            .count()
    }

    /// The meeting as it is now: the console's copy while it is open.
    fn grading_meeting(&self, id: MeetingId) -> Option<&Meeting> {
        match &self.meetings.console {
            Some(c) if c.meeting.id == id => Some(&c.meeting),
            _ => self.meetings.get(id),
        }
    }

    fn build_sheet(
        &self,
        id: MeetingId,
        selected: usize,
    ) -> Result<Option<GradingSheet>, StoreError> {
        let Some(meeting) = self.grading_meeting(id) else {
            return Ok(None);
        };
        let discipline = self.store.discipline()?;
        let meetings: Vec<Meeting> = self
            .meetings
            .all()
            .iter()
            .map(|m| {
                if m.id == id {
                    meeting.clone()
                } else {
                    m.clone()
                }
            })
            .collect();
        let tasks: Vec<crate::domain::task::Task> = self.all_tasks().into_iter().cloned().collect();
        let data = SheetData {
            meeting,
            members: self.roster.members(),
            meetings: &meetings,
            resolutions: self.resolutions.all(),
            tasks: &tasks,
            notes: &self.notebook.notes,
            discipline: &discipline,
            awards: &self.notebook.awards,
            rules: &self.rules,
        };
        Ok(Some(sheet(&data, selected, self.lang)))
    }

    /// Opens the grading sheet of a year-end meeting.
    pub(super) fn open_grading(&mut self, id: MeetingId) {
        if self
            .grading_meeting(id)
            .is_none_or(|m| m.kind != MeetingKind::YearEnd)
        {
            self.error(Msg::GradingNotYearEnd);
            return;
        }
        match self.build_sheet(id, 0) {
            Ok(Some(s)) => self.overlays.push(Overlay::Grading(Box::new(s))),
            Ok(None) => self.error(Msg::GradingNotYearEnd),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    /// The sheet read again after a change, its selection kept.
    fn refresh_grading(&mut self) {
        let Some(pos) = self
            .overlays
            .iter()
            .rposition(|o| matches!(o, Overlay::Grading(_)))
        else {
            return;
        };
        let Overlay::Grading(s) = &self.overlays[pos] else {
            return;
        };
        let (id, selected) = (s.meeting, s.selected);
        match self.build_sheet(id, selected) {
            Ok(Some(s)) => self.overlays[pos] = Overlay::Grading(Box::new(s)),
            Ok(None) => {}
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    fn top_sheet(&self) -> Option<&GradingSheet> {
        match self.overlays.last() {
            Some(Overlay::Grading(s)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn update_grading(&mut self, action: super::Action) {
        use super::Action as A;
        let Some(s) = self.top_sheet() else { return };
        let n = s.len();
        let selected = s.selected;
        let next = match action {
            A::Cancel => {
                self.overlays.pop();
                return;
            }
            A::MoveUp => selected.saturating_sub(1),
            A::MoveDown => (selected + 1).min(n - 1),
            A::First => 0,
            A::Last => n - 1,
            A::SelfGrade => return self.grading_form(Step::SelfGrade),
            A::GradePoints => return self.grading_form(Step::Points),
            A::ProposeGrade => return self.grading_form(Step::Proposal),
            A::DiscussionNote => return self.grading_form(Step::Note),
            A::DecideGrade => return self.grading_form(Step::Decision),
            A::AcceptProposal => return self.accept_proposal(),
            _ => return,
        };
        if let Some(Overlay::Grading(s)) = self.overlays.last_mut() {
            s.selected = next;
        }
    }

    /// Whether the selected line may take `step`; the message why not otherwise.
    fn refuse(&self, s: &GradingSheet, step: Step) -> Option<String> {
        if s.locked && step != Step::Decision {
            return Some(self.t(Msg::GradingLocked).to_string());
        }
        match s.members.get(s.selected) {
            Some(l) if l.grading != Grading::Graded => Some(Msg::GradingNotGradedWhy.fill(
                self.lang,
                &[
                    ("who", &l.record.member),
                    ("why", &self.t(not_graded_msg(l.grading))),
                ],
            )),
            None if matches!(step, Step::SelfGrade | Step::Points) => {
                Some(self.t(Msg::GradingBranchNoSelf).to_string())
            }
            Some(l) if s.locked && l.sheet.decision.is_none() => {
                Some(self.t(Msg::GradingNothingDecided).to_string())
            }
            None if s.locked && s.branch.sheet.decision.is_none() => {
                Some(self.t(Msg::GradingNothingDecided).to_string())
            }
            _ => None,
        }
    }

    fn line_name(&self, s: &GradingSheet) -> String {
        match s.members.get(s.selected) {
            Some(l) => Msg::GradingMember.fill(self.lang, &[("name", &l.record.member)]),
            None => self.t(Msg::GradingBranchRow).to_string(),
        }
    }

    fn accept_proposal(&mut self) {
        let Some(s) = self.top_sheet() else { return };
        if let Some(why) = self.refuse(s, Step::Proposal) {
            self.status = Some(Status::Error(why));
            return;
        }
        let who = self.line_name(s);
        let (whom, change, label) = match s.members.get(s.selected) {
            Some(l) => {
                let g = l.computed.as_ref().map(|p| p.grade);
                (
                    Whom::Member(l.member),
                    Change::Propose(g),
                    self.t(grade_label(g)).to_string(),
                )
            }
            None => (
                Whom::Branch,
                Change::ProposeBranch(Some(s.branch.computed)),
                self.t(branch_grade_msg(s.branch.computed)).to_string(),
            ),
        };
        let id = s.meeting;
        match self.change_grading(id, |m| m.grade(whom, change)) {
            Ok(Ok(())) => {
                self.refresh_grading();
                self.status = Some(Status::Info(
                    Msg::GradingAccepted.fill(self.lang, &[("who", &who), ("grade", &label)]),
                ));
            }
            Ok(Err(e)) => self.status = Some(Status::Error(self.review_error(&e))),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    fn review_error(&self, e: &ReviewError) -> String {
        self.t(match e {
            ReviewError::NotYearEnd => Msg::GradingNotYearEnd,
            ReviewError::Locked => Msg::GradingLocked,
            ReviewError::NotPassed | ReviewError::Vote(_) => Msg::GradingNotPassed,
            ReviewError::NoReason => Msg::ErrRequired,
            ReviewError::NotLocked | ReviewError::NothingDecided => Msg::GradingNothingDecided,
            ReviewError::Points => Msg::GradingPointsRange,
        })
        .to_string()
    }

    /// Applies `f` to the meeting and saves what it changed of the grading (and the
    /// amendments); when `f` refuses, nothing is saved.
    fn change_grading(
        &mut self,
        id: MeetingId,
        f: impl FnOnce(&mut Meeting) -> Result<(), ReviewError>,
    ) -> Result<Result<(), ReviewError>, StoreError> {
        let Some(current) = self.grading_meeting(id) else {
            return Ok(Err(ReviewError::NotYearEnd));
        };
        let mut next = current.clone();
        if let Err(e) = f(&mut next) {
            return Ok(Err(e));
        }
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut()
            && c.meeting.id == id
        {
            c.meeting.review = next.review;
            c.meeting.amendments = next.amendments;
            self.store
                .save_meeting(&mut c.meeting, now, Some("grade"))?;
        } else {
            let mut m = self.store.meeting(id)?.ok_or(StoreError::NotFound)?;
            m.review = next.review;
            m.amendments = next.amendments;
            self.store.save_meeting(&mut m, now, Some("grade"))?;
        }
        self.reload_meetings()?;
        Ok(Ok(()))
    }

    fn grading_form(&mut self, step: Step) {
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
                    super::minutes::count(FieldId::InFavour, Msg::FieldInFavour, None),
                    super::minutes::count(FieldId::Against, Msg::FieldAgainst, None),
                    super::minutes::count(FieldId::Other, Msg::FieldOther, None),
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

    pub(super) fn submit_grading_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
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
