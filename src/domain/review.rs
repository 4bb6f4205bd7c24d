//! The grading of the year-end review (kiểm điểm cuối năm, DOMAIN.md §The year), kept
//! with its meeting: for each member the self-grade, the chi ủy's proposal, the branch's
//! discussion note and the grade the branch decided by vote (the vote, and so its rule,
//! recorded); the branch's own grade decided the same way. The grades are locked with
//! the minutes: a later change is an amendment, and the decision it replaces stays.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::branch_grade::BranchGrade;
use super::evaluation::Grade;
use super::meeting::{Amendment, Meeting, MeetingKind};
use super::member::MemberId;
use super::vote::{Vote, VoteError};

/// A grade the branch decided, with the vote that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision<G> {
    pub grade: G,
    pub vote: Vote,
}

/// One line of the grading sheet: a member's, or the branch's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "G: Deserialize<'de>"))]
pub struct Sheet<G> {
    /// The member's own grade from the self-review (the branch has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_grade: Option<G>,
    /// The chi ủy's (or secretary's) proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<G>,
    /// Points on 100 when the branch scores its members (the grade's bands then rest
    /// on them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// What the branch said in its discussion.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision<G>>,
    /// Decisions an amendment replaced after the minutes were approved, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Decision<G>>,
}

impl<G> Default for Sheet<G> {
    fn default() -> Self {
        Sheet {
            self_grade: None,
            points: None,
            proposed: None,
            note: String::new(),
            decision: None,
            earlier: Vec::new(),
        }
    }
}

impl<G: Copy> Sheet<G> {
    /// The grade decided, if any.
    pub fn decided(&self) -> Option<G> {
        self.decision.as_ref().map(|d| d.grade)
    }

    fn decide(&mut self, grade: G, vote: Vote) -> Result<(), ReviewError> {
        vote.check().map_err(ReviewError::Vote)?;
        if !vote.passed() {
            return Err(ReviewError::NotPassed);
        }
        self.decision = Some(Decision { grade, vote });
        Ok(())
    }
}

/// The grading of a year-end meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The year graded.
    pub year: i32,
    #[serde(default)]
    pub members: BTreeMap<MemberId, Sheet<Grade>>,
    #[serde(default)]
    pub branch: Sheet<BranchGrade>,
}

impl Review {
    pub fn new(year: i32) -> Review {
        Review {
            year,
            members: BTreeMap::new(),
            branch: Sheet::default(),
        }
    }

    /// A member's line (empty when nothing is written for them yet).
    pub fn member(&self, id: MemberId) -> Option<&Sheet<Grade>> {
        self.members.get(&id)
    }
}

/// Why a change to the grading is refused (nothing is changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("only a year-end meeting grades its members")]
    NotYearEnd,
    #[error("the minutes are approved: a change is an amendment")]
    Locked,
    #[error("the minutes are not approved yet: change the grade directly")]
    NotLocked,
    #[error("the vote does not pass: the grade is not decided")]
    NotPassed,
    #[error("the vote cannot be counted: {0}")]
    Vote(VoteError),
    #[error("an amendment needs its reason")]
    NoReason,
    #[error("nothing was decided to amend")]
    NothingDecided,
    #[error("points are counted on 100")]
    Points,
}

/// Whose line of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whom {
    Member(MemberId),
    Branch,
}

/// A change to one line of the sheet before the minutes are approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    SelfGrade(Option<Grade>),
    /// A member's points on 100 (none: weighed from attendance and tasks).
    Points(Option<u32>),
    Propose(Option<Grade>),
    ProposeBranch(Option<BranchGrade>),
    Note(String),
    Decide(Grade, Vote),
    DecideBranch(BranchGrade, Vote),
}

impl Meeting {
    /// The grading, opened for `year` on first use.
    fn review_to_edit(&mut self) -> Result<&mut Review, ReviewError> {
        if self.kind != MeetingKind::YearEnd {
            return Err(ReviewError::NotYearEnd);
        }
        let year = chrono::Datelike::year(&self.date);
        Ok(self.review.get_or_insert_with(|| Review::new(year)))
    }

    /// Applies `change` to `whom`'s line; refused once the minutes are approved, and for
    /// a self-grade of the branch (it has none) or a member's grade on the branch's line.
    pub fn grade(&mut self, whom: Whom, change: Change) -> Result<(), ReviewError> {
        if self.is_locked() {
            return Err(ReviewError::Locked);
        }
        // a failed vote changes nothing: work on a copy
        let review = self.review_to_edit()?;
        let mut next = review.clone();
        match (whom, change) {
            (Whom::Member(id), change) => {
                let sheet = next.members.entry(id).or_default();
                match change {
                    Change::SelfGrade(g) => sheet.self_grade = g,
                    Change::Points(Some(p)) if p > 100 => return Err(ReviewError::Points),
                    Change::Points(p) => sheet.points = p,
                    Change::Propose(g) => sheet.proposed = g,
                    Change::Note(text) => sheet.note = super::text::clean(&text),
                    Change::Decide(g, vote) => sheet.decide(g, vote)?,
                    Change::ProposeBranch(_) | Change::DecideBranch(..) => {
                        return Err(ReviewError::NotYearEnd);
                    }
                }
                if *sheet == Sheet::default() {
                    next.members.remove(&id);
                }
            }
            (Whom::Branch, change) => {
                let sheet = &mut next.branch;
                match change {
                    Change::ProposeBranch(g) => sheet.proposed = g,
                    Change::Note(text) => sheet.note = super::text::clean(&text),
                    Change::DecideBranch(g, vote) => sheet.decide(g, vote)?,
                    Change::SelfGrade(_)
                    | Change::Points(_)
                    | Change::Propose(_)
                    | Change::Decide(..) => {
                        return Err(ReviewError::NotYearEnd);
                    }
                }
            }
        }
        *review = next;
        Ok(())
    }

    /// Changes a decided grade after the minutes were approved: the vote must pass and
    /// the amendment give its reason; the earlier decision is kept and the amendment
    /// joins the minutes' amendments.
    pub fn amend_grade(
        &mut self,
        whom: Whom,
        change: Change,
        amendment: Amendment,
    ) -> Result<(), ReviewError> {
        if !self.is_locked() {
            return Err(ReviewError::NotLocked);
        }
        if amendment.reason.trim().is_empty() {
            return Err(ReviewError::NoReason);
        }
        let review = self.review.as_mut().ok_or(ReviewError::NothingDecided)?;
        let mut next = review.clone();
        match (whom, change) {
            (Whom::Member(id), Change::Decide(g, vote)) => {
                let sheet = next
                    .members
                    .get_mut(&id)
                    .ok_or(ReviewError::NothingDecided)?;
                let old = sheet.decision.clone().ok_or(ReviewError::NothingDecided)?;
                sheet.decide(g, vote)?;
                sheet.earlier.push(old);
            }
            (Whom::Branch, Change::DecideBranch(g, vote)) => {
                let sheet = &mut next.branch;
                let old = sheet.decision.clone().ok_or(ReviewError::NothingDecided)?;
                sheet.decide(g, vote)?;
                sheet.earlier.push(old);
            }
            _ => return Err(ReviewError::Locked),
        }
        *review = next;
        self.amendments.push(amendment);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vote::{VoteMethod, VoteRule};
    use chrono::{NaiveDate, NaiveTime};

    fn year_end() -> Meeting {
        let mut m = Meeting::new(
            MeetingKind::YearEnd,
            NaiveDate::from_ymd_opt(2026, 12, 12).unwrap(),
            NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        );
        m.id = crate::domain::meeting::MeetingId(7);
        m
    }

    fn vote(for_: u32, against: u32) -> Vote {
        Vote {
            subject: "Xếp loại đồng chí Lê Văn An".into(),
            kind: Default::default(),
            method: VoteMethod::ShowOfHands,
            rule: VoteRule::SimpleMajority,
            eligible: 10,
            branch: 10,
            in_favour: for_,
            against,
            other: 0,
        }
    }

    fn amendment(reason: &str) -> Amendment {
        Amendment {
            at: NaiveDate::from_ymd_opt(2027, 1, 5)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            reason: reason.into(),
            text: "Xếp loại đồng chí Lê Văn An: Hoàn thành nhiệm vụ".into(),
            member: None,
            by: String::new(),
        }
    }

    const AN: MemberId = MemberId(3);

    #[test]
    fn a_member_is_graded_step_by_step_and_the_decision_keeps_its_vote() {
        let mut m = year_end();
        assert!(m.review.is_none());
        m.grade(Whom::Member(AN), Change::SelfGrade(Some(Grade::Excellent)))
            .unwrap();
        m.grade(Whom::Member(AN), Change::Propose(Some(Grade::Good)))
            .unwrap();
        m.grade(
            Whom::Member(AN),
            Change::Note("  Gương mẫu, cần   tích cực hơn ".into()),
        )
        .unwrap();
        m.grade(Whom::Member(AN), Change::Decide(Grade::Good, vote(9, 1)))
            .unwrap();
        m.grade(Whom::Member(AN), Change::Points(Some(84))).unwrap();
        assert_eq!(
            m.grade(Whom::Member(AN), Change::Points(Some(101))),
            Err(ReviewError::Points)
        );
        let r = m.review.as_ref().unwrap();
        assert_eq!(r.member(AN).unwrap().points, Some(84));
        assert_eq!(r.year, 2026);
        let s = r.member(AN).unwrap();
        assert_eq!(s.self_grade, Some(Grade::Excellent));
        assert_eq!(s.proposed, Some(Grade::Good));
        assert_eq!(s.decided(), Some(Grade::Good));
        assert_eq!(
            s.decision.as_ref().unwrap().vote.rule,
            VoteRule::SimpleMajority
        );
        assert_eq!(s.note, "Gương mẫu, cần tích cực hơn");
    }

    #[test]
    fn a_vote_that_does_not_pass_decides_nothing() {
        let mut m = year_end();
        m.grade(Whom::Member(AN), Change::Decide(Grade::Good, vote(9, 0)))
            .unwrap();
        let before = m.clone();
        assert_eq!(
            m.grade(
                Whom::Member(AN),
                Change::Decide(Grade::Excellent, vote(4, 6))
            ),
            Err(ReviewError::NotPassed)
        );
        assert!(matches!(
            m.grade(
                Whom::Member(AN),
                Change::Decide(Grade::Excellent, vote(0, 0))
            ),
            Err(ReviewError::Vote(_))
        ));
        assert_eq!(m, before);
    }

    #[test]
    fn the_branch_grades_itself_and_other_meetings_grade_nobody() {
        let mut m = year_end();
        m.grade(Whom::Branch, Change::ProposeBranch(Some(BranchGrade::Good)))
            .unwrap();
        m.grade(
            Whom::Branch,
            Change::DecideBranch(BranchGrade::Good, vote(10, 0)),
        )
        .unwrap();
        assert_eq!(
            m.review.as_ref().unwrap().branch.decided(),
            Some(BranchGrade::Good)
        );
        assert!(
            m.grade(Whom::Branch, Change::SelfGrade(Some(Grade::Good)))
                .is_err()
        );
        let mut regular = Meeting::new(MeetingKind::Regular, m.date, m.start);
        assert_eq!(
            regular.grade(Whom::Member(AN), Change::Propose(Some(Grade::Good))),
            Err(ReviewError::NotYearEnd)
        );
        assert!(regular.review.is_none());
    }

    #[test]
    fn approved_minutes_lock_the_grades_and_a_later_change_is_an_amendment() {
        let mut m = year_end();
        m.grade(Whom::Member(AN), Change::Decide(Grade::Good, vote(9, 1)))
            .unwrap();
        m.approved_at = Some(m.date.and_hms_opt(11, 0, 0).unwrap());
        let locked = m.clone();
        assert_eq!(
            m.grade(Whom::Member(AN), Change::Note("thêm".into())),
            Err(ReviewError::Locked)
        );
        assert_eq!(
            m.amend_grade(
                Whom::Member(AN),
                Change::Decide(Grade::Done, vote(8, 2)),
                amendment(" ")
            ),
            Err(ReviewError::NoReason)
        );
        assert_eq!(
            m.amend_grade(
                Whom::Member(MemberId(99)),
                Change::Decide(Grade::Done, vote(8, 2)),
                amendment("bị kỷ luật")
            ),
            Err(ReviewError::NothingDecided)
        );
        assert_eq!(m, locked);
        m.amend_grade(
            Whom::Member(AN),
            Change::Decide(Grade::Done, vote(8, 2)),
            amendment("bị kỷ luật sau kỳ họp"),
        )
        .unwrap();
        let s = m.review.as_ref().unwrap().member(AN).unwrap();
        assert_eq!(s.decided(), Some(Grade::Done));
        assert_eq!(s.earlier[0].grade, Grade::Good);
        assert_eq!(m.amendments.len(), 1);
    }

    #[test]
    fn meetings_saved_before_the_grading_open_without_one_and_stay_as_they_were() {
        let text = include_str!("../../tests/fixtures/backup-schema1.json");
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let meetings = v["trees"]["meetings"].as_object().unwrap();
        assert!(!meetings.is_empty());
        for (id, stored) in meetings {
            let m: Meeting = serde_json::from_value(stored.clone()).unwrap();
            assert!(m.review.is_none(), "meeting {id}");
            let again = serde_json::to_value(&m).unwrap();
            assert!(again.get("review").is_none(), "meeting {id}");
        }
        // a graded meeting reads back as it was written
        let mut m = year_end();
        m.grade(Whom::Member(AN), Change::Decide(Grade::Good, vote(9, 1)))
            .unwrap();
        let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back.review, m.review);
    }
}
