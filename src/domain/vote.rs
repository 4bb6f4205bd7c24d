//! Votes (biểu quyết) by the branch's rules: who may vote, the denominator each rule
//! counts against, and the result — computed, never typed.

use serde::{Deserialize, Serialize};

use super::member::{Activity, Member, MemberId, Standing};

/// How the members voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    /// Giơ tay.
    #[default]
    ShowOfHands,
    /// Giơ thẻ đảng viên.
    Card,
    /// Bỏ phiếu kín.
    SecretBallot,
}

impl VoteMethod {
    pub const ALL: [VoteMethod; 3] = [VoteMethod::ShowOfHands, VoteMethod::Card, VoteMethod::SecretBallot];
}

/// What a vote needs to pass. Thresholds are rules, kept here and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VoteRule {
    /// Ordinary conclusions: more than half of the votes cast.
    #[default]
    SimpleMajority,
    /// Admission, official recognition, striking off, expulsion: at least two thirds of
    /// the branch's voting members.
    TwoThirdsOfBranch,
    /// Other discipline: more than half of the branch's voting members.
    MajorityOfBranch,
}

impl VoteRule {
    pub const ALL: [VoteRule; 3] = [
        VoteRule::SimpleMajority,
        VoteRule::TwoThirdsOfBranch,
        VoteRule::MajorityOfBranch,
    ];

    /// Whether the rule counts against the whole branch rather than the votes cast.
    pub fn counts_branch(self) -> bool {
        !matches!(self, VoteRule::SimpleMajority)
    }

    /// The rule as the minutes state it next to the result.
    pub fn statement(self) -> &'static str {
        match self {
            VoteRule::SimpleMajority => "quá nửa số phiếu biểu quyết của đảng viên chính thức có mặt",
            VoteRule::TwoThirdsOfBranch => {
                "ít nhất 2/3 tổng số đảng viên chính thức của chi bộ (trừ đảng viên sinh hoạt tạm thời nơi khác và đảng viên miễn sinh hoạt vắng mặt)"
            }
            VoteRule::MajorityOfBranch => {
                "quá 1/2 tổng số đảng viên chính thức của chi bộ (trừ đảng viên sinh hoạt tạm thời nơi khác và đảng viên miễn sinh hoạt vắng mặt)"
            }
        }
    }
}

/// Who may vote at a meeting, and the branch's voting membership.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Electorate {
    /// Official members present (probationary members never vote).
    pub present: Vec<MemberId>,
    /// The denominator of branch rules: official members of the branch, less those
    /// attached elsewhere, less exempt members who are not present.
    pub branch: u32,
}

/// The electorate of a meeting, from the roster and who is present. Temporarily
/// attached members vote on ordinary matters but are not members of this branch: they
/// are neither in the branch count nor voters on branch-rule matters.
pub fn electorate<'a>(members: impl IntoIterator<Item = &'a Member>, present: impl Fn(MemberId) -> bool) -> Electorate {
    let mut e = Electorate::default();
    for m in members {
        if m.standing != Standing::Official {
            continue;
        }
        let here = present(m.id);
        match m.activity {
            Activity::Active => {
                e.branch += 1;
                if here {
                    e.present.push(m.id);
                }
            }
            Activity::Exempt if here => {
                e.branch += 1;
                e.present.push(m.id);
            }
            Activity::TemporaryIn if here => e.present.push(m.id),
            _ => {}
        }
    }
    e
}

/// A vote held in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub subject: String,
    #[serde(default)]
    pub method: VoteMethod,
    #[serde(default)]
    pub rule: VoteRule,
    /// Members entitled to vote on it, present.
    pub eligible: u32,
    /// The branch's voting members (the denominator of branch rules).
    pub branch: u32,
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    /// Abstentions and other opinions (ý kiến khác).
    pub other: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("{counted} votes counted but only {eligible} members may vote")]
    TooManyVotes { counted: u32, eligible: u32 },
    #[error("no vote counted")]
    NoVotes,
}

impl Vote {
    /// A vote with every eligible member in favour, the default to adjust.
    pub fn new(
        subject: &str,
        method: VoteMethod,
        rule: VoteRule,
        electorate: &Electorate,
        temporary_present: u32,
    ) -> Vote {
        // on branch-rule matters the temporarily attached do not vote
        let eligible = electorate.present.len() as u32 - if rule.counts_branch() { temporary_present } else { 0 };
        Vote {
            subject: super::text::clean(subject),
            method,
            rule,
            eligible,
            branch: electorate.branch,
            in_favour: eligible,
            against: 0,
            other: 0,
        }
    }

    pub fn counted(&self) -> u32 {
        self.in_favour + self.against + self.other
    }

    /// Counts must not exceed the members who may vote.
    pub fn check(&self) -> Result<(), VoteError> {
        if self.counted() > self.eligible {
            return Err(VoteError::TooManyVotes {
                counted: self.counted(),
                eligible: self.eligible,
            });
        }
        if self.counted() == 0 {
            return Err(VoteError::NoVotes);
        }
        Ok(())
    }

    /// Whether it passes (thông qua) under its rule.
    pub fn passed(&self) -> bool {
        if self.check().is_err() {
            return false;
        }
        match self.rule {
            VoteRule::SimpleMajority => self.in_favour * 2 > self.counted(),
            VoteRule::TwoThirdsOfBranch => self.in_favour * 3 >= self.branch * 2 && self.branch > 0,
            VoteRule::MajorityOfBranch => self.in_favour * 2 > self.branch,
        }
    }

    /// The count the rule divides by.
    pub fn denominator(&self) -> u32 {
        if self.rule.counts_branch() {
            self.branch
        } else {
            self.counted()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: u64, standing: Standing, activity: Activity) -> Member {
        let mut m = Member::new("Nguyễn", "Văn", "A");
        m.id = MemberId(id);
        m.standing = standing;
        m.activity = activity;
        m
    }

    fn branch() -> Vec<Member> {
        vec![
            member(1, Standing::Official, Activity::Active),
            member(2, Standing::Official, Activity::Active),
            member(3, Standing::Official, Activity::Active),
            member(4, Standing::Official, Activity::Active),
            member(5, Standing::Official, Activity::Active),
            member(6, Standing::Official, Activity::Active),
            member(7, Standing::Probationary, Activity::Active),
            member(8, Standing::Official, Activity::Exempt),
            member(9, Standing::Official, Activity::Exempt),
            member(10, Standing::Official, Activity::TemporaryOut),
            member(11, Standing::Official, Activity::Transferred),
            member(12, Standing::Official, Activity::TemporaryIn),
        ]
    }

    #[test]
    fn probationary_members_never_vote_and_exempt_ones_count_only_when_present() {
        let ms = branch();
        // present: 1..5, the probationary 7, exempt 8, attached 12
        let e = electorate(&ms, |id| matches!(id.0, 1..=5 | 7 | 8 | 12));
        assert_eq!(e.present, [1, 2, 3, 4, 5, 8, 12].map(MemberId));
        // official active 1..6 (6) + exempt present 8 = 7; not 9 (exempt, away), not 10
        // (attached elsewhere), not 12 (attached here), not 11 (gone)
        assert_eq!(e.branch, 7);
    }

    #[test]
    fn simple_majority_of_votes_cast() {
        let e = electorate(&branch(), |id| matches!(id.0, 1..=5));
        let mut v = Vote::new(
            "Thông qua nghị quyết tháng 12",
            VoteMethod::ShowOfHands,
            VoteRule::SimpleMajority,
            &e,
            0,
        );
        assert_eq!((v.eligible, v.in_favour), (5, 5));
        assert!(v.passed());
        v.in_favour = 2;
        v.against = 2;
        v.other = 1;
        assert!(!v.passed(), "2 of 5 is not more than half");
        v.in_favour = 3;
        v.other = 0;
        assert!(v.passed());
    }

    #[test]
    fn two_thirds_counts_absent_members_in_the_denominator() {
        // 3 of the 6 voting members present (exempt 8 away is not counted), all in
        // favour: 3/6 < 2/3
        let e = electorate(&branch(), |id| matches!(id.0, 1..=3));
        let v = Vote::new(
            "Đề nghị kết nạp quần chúng Lê Văn B",
            VoteMethod::SecretBallot,
            VoteRule::TwoThirdsOfBranch,
            &e,
            0,
        );
        assert_eq!((v.in_favour, v.branch), (3, 6));
        assert!(!v.passed());
        // 4 of 6 is exactly two thirds: passes
        let e = electorate(&branch(), |id| matches!(id.0, 1..=4));
        let v = Vote::new(
            "Công nhận chính thức",
            VoteMethod::SecretBallot,
            VoteRule::TwoThirdsOfBranch,
            &e,
            0,
        );
        assert_eq!((v.in_favour, v.branch), (4, 6));
        assert!(v.passed());
        // the exempt member who attends counts: 4 of 7 is short
        let e = electorate(&branch(), |id| matches!(id.0, 1..=3 | 8));
        let v = Vote::new(
            "Công nhận chính thức",
            VoteMethod::SecretBallot,
            VoteRule::TwoThirdsOfBranch,
            &e,
            0,
        );
        assert_eq!((v.in_favour, v.branch), (4, 7));
        assert!(!v.passed());
    }

    #[test]
    fn temporarily_attached_members_do_not_vote_on_personnel() {
        let e = electorate(&branch(), |id| matches!(id.0, 1..=5 | 12));
        assert_eq!(
            Vote::new("x", VoteMethod::Card, VoteRule::SimpleMajority, &e, 1).eligible,
            6
        );
        assert_eq!(
            Vote::new("x", VoteMethod::Card, VoteRule::TwoThirdsOfBranch, &e, 1).eligible,
            5
        );
    }

    #[test]
    fn counts_beyond_the_eligible_number_are_rejected() {
        let e = electorate(&branch(), |id| matches!(id.0, 1..=5));
        let mut v = Vote::new("x", VoteMethod::ShowOfHands, VoteRule::SimpleMajority, &e, 0);
        v.against = 1;
        assert_eq!(
            v.check(),
            Err(VoteError::TooManyVotes {
                counted: 6,
                eligible: 5
            })
        );
        assert!(!v.passed());
    }

    #[test]
    fn majority_of_branch_for_discipline() {
        let e = electorate(&branch(), |id| matches!(id.0, 1..=6));
        let mut v = Vote::new(
            "Kỷ luật khiển trách",
            VoteMethod::SecretBallot,
            VoteRule::MajorityOfBranch,
            &e,
            0,
        );
        v.in_favour = 4;
        v.against = 2;
        assert!(v.passed(), "4 > 7/2");
        v.in_favour = 3;
        v.against = 3;
        assert!(!v.passed());
    }
}
