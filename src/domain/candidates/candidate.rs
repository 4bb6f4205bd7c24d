//! A candidate's record (only the personal data the procedure needs) and the steps it
//! takes: the stage, the next step, how long the stage has waited, the member the
//! ceremony makes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Closed, Rules, Step};
use crate::domain::member::{Gender, Member, MemberId, Standing};
use crate::domain::task::TaskId;
use crate::domain::text;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct CandidateId(pub u64);

/// A step taken: its date and what proves it (certificate number, decision number…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub step: Step,
    pub date: NaiveDate,
    #[serde(default)]
    pub proof: String,
}

/// A candidate: only the personal data the procedure needs. Fields added later carry
/// `#[serde(default)]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    #[serde(default)]
    pub id: CandidateId,
    pub family_name: String,
    #[serde(default)]
    pub middle_name: String,
    pub given_name: String,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// Nơi cư trú: where the residence's party cell comments from.
    #[serde(default)]
    pub residence: String,
    /// Đơn vị công tác: where the mass organisation comments from.
    #[serde(default)]
    pub workplace: String,
    /// The day the branch took the person on as a candidate.
    pub since: NaiveDate,
    /// The steps taken, in order.
    #[serde(default)]
    pub steps: Vec<Done>,
    /// The task assigning a member to help the candidate (an ordinary task).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper_task: Option<TaskId>,
    /// The branch's vote on the admission: (meeting, agenda item, entry) of its minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<crate::domain::discipline::VoteRef>,
    /// The probationary member the ceremony made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closed>,
}

/// Why a step or a closing cannot be entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateError {
    /// The family or given name is missing.
    NoName,
    /// The step is not the next one (the next one is named).
    NotNext(Option<Step>),
    /// Dated before the stage began.
    BeforeStage,
    /// Dated after today.
    InFuture,
    /// No proof given.
    NoProof,
    /// No reason given for closing.
    NoReason,
    /// Closed, or admitted already: nothing more is entered.
    Finished,
}

impl Candidate {
    pub fn new(family: &str, middle: &str, given: &str, since: NaiveDate) -> Candidate {
        Candidate {
            id: CandidateId(0),
            family_name: text::clean(family),
            middle_name: text::clean(middle),
            given_name: text::clean(given),
            gender: None,
            birth_date: None,
            residence: String::new(),
            workplace: String::new(),
            since,
            steps: Vec::new(),
            helper_task: None,
            vote: None,
            member: None,
            closed: None,
        }
    }

    pub fn full_name(&self) -> String {
        [&self.family_name, &self.middle_name, &self.given_name]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Tên, then họ, then tên đệm, in Vietnamese collation (as the roster).
    pub fn sort_key(&self) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        (
            text::sort_key(&self.given_name),
            text::sort_key(&self.family_name),
            text::sort_key(&self.middle_name),
        )
    }

    pub fn validate(&self) -> Result<(), CandidateError> {
        if self.family_name.is_empty() || self.given_name.is_empty() {
            return Err(CandidateError::NoName);
        }
        Ok(())
    }

    /// Still on the way: neither closed nor admitted.
    pub fn is_open(&self) -> bool {
        self.closed.is_none() && self.member.is_none() && !self.done(Step::Ceremony)
    }

    pub fn done(&self, step: Step) -> bool {
        self.taken(step).is_some()
    }

    pub fn taken(&self, step: Step) -> Option<&Done> {
        self.steps.iter().find(|d| d.step == step)
    }

    /// The last step taken: the stage the candidate is at (none: just proposed).
    pub fn stage(&self) -> Option<&Done> {
        self.steps.last()
    }

    /// The first step of the rules not yet taken; none once admitted or closed.
    pub fn next_step(&self, rules: &Rules) -> Option<Step> {
        if self.closed.is_some() {
            return None;
        }
        rules.steps.iter().copied().find(|s| !self.done(*s))
    }

    /// The day the present stage began: the last step's, or the day taken on.
    pub fn stage_began(&self) -> NaiveDate {
        self.stage().map_or(self.since, |d| d.date)
    }

    /// Days since the stage began, while the candidate is on the way.
    pub fn days_waiting(&self, today: NaiveDate) -> Option<i64> {
        self.is_open()
            .then(|| (today - self.stage_began()).num_days().max(0))
    }

    /// Enters the next step, dated on or after the stage began and not after today,
    /// with its proof. Nothing changes when it is refused.
    pub fn record(
        &mut self,
        step: Step,
        date: NaiveDate,
        proof: &str,
        today: NaiveDate,
        rules: &Rules,
    ) -> Result<(), CandidateError> {
        if !self.is_open() {
            return Err(CandidateError::Finished);
        }
        let next = self.next_step(rules);
        if next != Some(step) {
            return Err(CandidateError::NotNext(next));
        }
        if date > today {
            return Err(CandidateError::InFuture);
        }
        if date < self.stage_began() {
            return Err(CandidateError::BeforeStage);
        }
        let proof = text::clean(proof);
        if proof.is_empty() {
            return Err(CandidateError::NoProof);
        }
        self.steps.push(Done { step, date, proof });
        Ok(())
    }

    /// The probationary member the ceremony makes, from this record: the names,
    /// gender, birth date, residence and workplace, admitted on the ceremony's date
    /// (so the 12 months of probation count from it). None before the ceremony.
    pub fn admitted_member(&self) -> Option<Member> {
        let ceremony = self.taken(Step::Ceremony)?;
        let mut m = Member::new(&self.family_name, &self.middle_name, &self.given_name);
        m.gender = self.gender;
        m.birth_date = self.birth_date;
        m.residence = self.residence.clone();
        m.workplace = self.workplace.clone();
        m.admission_date = Some(ceremony.date);
        m.standing = Standing::Probationary;
        Some(m)
    }

    /// Searchable text: the name, folded.
    pub fn search_text(&self) -> String {
        text::fold(&self.full_name())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{d, walk};
    use super::*;

    #[test]
    fn steps_are_taken_in_order_with_a_date_and_proof() {
        let r = Rules::shipped();
        let today = d(2026, 12, 2);
        let mut c = Candidate::new("Nguyễn", "Thị", "Hoa", d(2026, 3, 1));
        assert_eq!(c.next_step(&r), Some(Step::Class));
        assert_eq!(c.days_waiting(today), Some(276));
        // out of order, undated proof, in the future, before the stage: refused
        assert_eq!(
            c.record(Step::Application, d(2026, 4, 1), "x", today, &r),
            Err(CandidateError::NotNext(Some(Step::Class)))
        );
        assert_eq!(
            c.record(Step::Class, d(2026, 4, 1), "  ", today, &r),
            Err(CandidateError::NoProof)
        );
        assert_eq!(
            c.record(Step::Class, d(2026, 12, 3), "GCN 12", today, &r),
            Err(CandidateError::InFuture)
        );
        assert_eq!(
            c.record(Step::Class, d(2026, 2, 1), "GCN 12", today, &r),
            Err(CandidateError::BeforeStage)
        );
        assert!(c.steps.is_empty(), "nothing changed");
        c.record(
            Step::Class,
            d(2026, 4, 1),
            "Giấy chứng nhận số 12/GCN",
            today,
            &r,
        )
        .unwrap();
        assert_eq!(c.stage().unwrap().step, Step::Class);
        assert_eq!(c.stage_began(), d(2026, 4, 1));
        assert_eq!(c.next_step(&r), Some(Step::Application));
        assert_eq!(c.days_waiting(today), Some(245));
    }

    #[test]
    fn the_ceremony_makes_a_probationary_member_from_the_record() {
        let r = Rules::shipped();
        let mut c = Candidate::new("Lê", "Văn", "Đức", d(2025, 1, 1));
        c.birth_date = Some(d(2000, 5, 6));
        c.gender = Some(Gender::Male);
        c.residence = "Tổ 5, khu phố 3".into();
        assert!(c.admitted_member().is_none());
        walk(&mut c, &r, Step::Ceremony, d(2025, 2, 1));
        assert!(!c.is_open());
        assert_eq!(c.next_step(&r), None);
        assert_eq!(c.days_waiting(d(2026, 1, 1)), None);
        let m = c.admitted_member().unwrap();
        assert_eq!(m.full_name(), "Lê Văn Đức");
        assert_eq!(m.standing, Standing::Probationary);
        assert_eq!(
            m.admission_date,
            Some(c.taken(Step::Ceremony).unwrap().date)
        );
        assert_eq!(m.birth_date, c.birth_date);
        assert_eq!(m.residence, "Tổ 5, khu phố 3");
        assert!(m.probation_end().is_some(), "the probation counts from it");
    }
}
