//! The grading sheet of a year-end meeting (kiểm điểm cuối năm): one line per member
//! with the year's record, the self-grade, the proposal, the discussion note and the
//! grade decided by vote, then the branch's own line; what breaks a rule of
//! `evaluation.toml` is warned about with the rule and its line. Approved minutes lock
//! the sheet: a decided grade is then changed by an amendment. The forms of a line's
//! steps, and saving them, are in `form`.

use super::{App, Overlay, Status};
use crate::domain::evaluation::Grading;
use crate::domain::meeting::{Meeting, MeetingId, MeetingKind};
use crate::domain::review::{Change, ReviewError, Whom};
pub(crate) use crate::export::evaluation::branch_grade_msg;
pub(crate) use crate::export::grading::shortfall_text;
use crate::i18n::Msg;
use crate::store::{Records, StoreError};

mod form;
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
}
