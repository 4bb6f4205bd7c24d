// Over 500 lines: nearly half of it is the tests of every voting rule.
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
    pub const ALL: [VoteMethod; 3] = [
        VoteMethod::ShowOfHands,
        VoteMethod::Card,
        VoteMethod::SecretBallot,
    ];
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
}

/// What a vote decides, which fixes the rule it needs (Điều lệ Đảng; QĐ 23-QĐ/TW):
/// the personnel matters and expulsion need 2/3 of the branch, other discipline more
/// than 1/2 of it, everything else a simple majority of the votes cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VoteSubject {
    /// Thông qua nghị quyết, kết luận, chương trình…
    #[default]
    Ordinary,
    /// Kết nạp đảng viên.
    Admission,
    /// Công nhận đảng viên chính thức.
    OfficialRecognition,
    /// Xóa tên đảng viên.
    StrikingOff,
    /// Khai trừ.
    Expulsion,
    /// Kỷ luật (khiển trách, cảnh cáo, cách chức).
    Discipline,
}

impl VoteSubject {
    pub const ALL: [VoteSubject; 6] = [
        VoteSubject::Ordinary,
        VoteSubject::Admission,
        VoteSubject::OfficialRecognition,
        VoteSubject::StrikingOff,
        VoteSubject::Expulsion,
        VoteSubject::Discipline,
    ];

    /// The rule this kind of decision needs.
    pub fn rule(self) -> VoteRule {
        match self {
            VoteSubject::Ordinary => VoteRule::SimpleMajority,
            VoteSubject::Admission
            | VoteSubject::OfficialRecognition
            | VoteSubject::StrikingOff
            | VoteSubject::Expulsion => VoteRule::TwoThirdsOfBranch,
            VoteSubject::Discipline => VoteRule::MajorityOfBranch,
        }
    }

    /// The kind a subject's wording names ("Kết nạp quần chúng …", "Đề nghị công nhận
    /// chính thức …", "Thi hành kỷ luật …"), read without diacritics; anything else is
    /// ordinary. Only the wording's start and its verb phrases count, so "Thông qua
    /// nghị quyết về công tác kết nạp" stays ordinary.
    pub fn from_text(subject: &str) -> VoteSubject {
        let folded = super::text::fold(subject);
        let mut rest = folded.trim_start();
        for lead in [
            "de nghi ",
            "bieu quyet ",
            "xet ",
            "xem xet ",
            "thi hanh ",
            "quyet dinh ",
        ] {
            if let Some(r) = rest.strip_prefix(lead) {
                rest = r.trim_start();
            }
        }
        let starts = |words: &[&str]| words.iter().any(|w| rest.starts_with(w));
        if starts(&["khai tru"]) || rest.starts_with("ky luat") && rest.contains("khai tru") {
            VoteSubject::Expulsion
        } else if starts(&["ket nap"]) {
            VoteSubject::Admission
        } else if starts(&[
            "cong nhan chinh thuc",
            "cong nhan dang vien chinh thuc",
            "chuyen dang chinh thuc",
        ]) {
            VoteSubject::OfficialRecognition
        } else if starts(&["xoa ten"]) {
            VoteSubject::StrikingOff
        } else if starts(&["ky luat", "khien trach", "canh cao", "cach chuc"]) {
            VoteSubject::Discipline
        } else {
            VoteSubject::Ordinary
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
pub fn electorate<'a>(
    members: impl IntoIterator<Item = &'a Member>,
    present: impl Fn(MemberId) -> bool,
) -> Electorate {
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
    /// What it decides: fixes the rule (older votes have none recorded: ordinary).
    #[serde(default)]
    pub kind: VoteSubject,
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
    /// The rule chosen is not the one the subject needs (never a silent simple majority
    /// for admission, recognition, striking off, expulsion or discipline).
    #[error("this subject needs the rule {required:?}")]
    WrongRule { required: VoteRule },
}

/// What a vote came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    NotPassed,
    /// The counts are missing or impossible: no result can be stated.
    NotCounted(VoteError),
}

impl Vote {
    /// A vote with every eligible member in favour, the default to adjust; its kind is
    /// read from the subject's wording ([`VoteSubject::from_text`]).
    pub fn new(
        subject: &str,
        method: VoteMethod,
        rule: VoteRule,
        electorate: &Electorate,
        temporary_present: u32,
    ) -> Vote {
        // on branch-rule matters the temporarily attached do not vote
        let eligible = electorate.present.len() as u32
            - if rule.counts_branch() {
                temporary_present
            } else {
                0
            };
        Vote {
            subject: super::text::clean(subject),
            kind: VoteSubject::from_text(subject),
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

    /// Counts must be entered and not exceed the members who may vote, and a
    /// personnel or discipline subject must have the rule it needs (an ordinary one may
    /// be held to a stricter rule the secretary chose).
    pub fn check(&self) -> Result<(), VoteError> {
        if self.kind != VoteSubject::Ordinary && self.rule != self.kind.rule() {
            return Err(VoteError::WrongRule {
                required: self.kind.rule(),
            });
        }
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

    /// Passed, not passed, or not countable (then no figure may be shown as a result).
    pub fn outcome(&self) -> Outcome {
        match self.check() {
            Err(e) => Outcome::NotCounted(e),
            Ok(()) if self.passed() => Outcome::Passed,
            Ok(()) => Outcome::NotPassed,
        }
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
        let mut v = Vote::new(
            "x",
            VoteMethod::ShowOfHands,
            VoteRule::SimpleMajority,
            &e,
            0,
        );
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
    fn the_subject_chooses_the_rule() {
        for (text, kind, rule) in [
            (
                "Thông qua nghị quyết tháng 12",
                VoteSubject::Ordinary,
                VoteRule::SimpleMajority,
            ),
            (
                "Đề nghị kết nạp quần chúng Lê Văn B",
                VoteSubject::Admission,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Kết nạp đảng viên",
                VoteSubject::Admission,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Công nhận chính thức đ/c Bích",
                VoteSubject::OfficialRecognition,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Xét công nhận đảng viên chính thức",
                VoteSubject::OfficialRecognition,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Xóa tên đảng viên Lê Văn C",
                VoteSubject::StrikingOff,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Thi hành kỷ luật khai trừ",
                VoteSubject::Expulsion,
                VoteRule::TwoThirdsOfBranch,
            ),
            (
                "Kỷ luật khiển trách đ/c D",
                VoteSubject::Discipline,
                VoteRule::MajorityOfBranch,
            ),
            (
                "Thông qua nghị quyết về công tác kết nạp",
                VoteSubject::Ordinary,
                VoteRule::SimpleMajority,
            ),
        ] {
            assert_eq!(VoteSubject::from_text(text), kind, "{text}");
            assert_eq!(kind.rule(), rule, "{text}");
        }
    }

    #[test]
    fn a_personnel_vote_by_simple_majority_is_refused() {
        let e = electorate(&branch(), |id| matches!(id.0, 1..=5));
        let v = Vote::new(
            "Kết nạp quần chúng Lê Văn B",
            VoteMethod::ShowOfHands,
            VoteRule::SimpleMajority,
            &e,
            0,
        );
        assert_eq!(
            v.check(),
            Err(VoteError::WrongRule {
                required: VoteRule::TwoThirdsOfBranch
            })
        );
        assert!(!v.passed());
        let v = Vote::new(
            "Kỷ luật cảnh cáo",
            VoteMethod::SecretBallot,
            VoteRule::TwoThirdsOfBranch,
            &e,
            0,
        );
        assert_eq!(
            v.check(),
            Err(VoteError::WrongRule {
                required: VoteRule::MajorityOfBranch
            })
        );
    }

    #[test]
    fn no_counts_or_too_many_have_no_result() {
        // nobody marked present yet: 0 may vote, the old default of 30 in favour
        let e = electorate(&branch(), |_| false);
        let mut v = Vote::new(
            "x",
            VoteMethod::ShowOfHands,
            VoteRule::SimpleMajority,
            &e,
            0,
        );
        assert_eq!(v.outcome(), Outcome::NotCounted(VoteError::NoVotes));
        v.in_favour = 30;
        assert!(matches!(
            v.outcome(),
            Outcome::NotCounted(VoteError::TooManyVotes { .. })
        ));
        let e = electorate(&branch(), |id| matches!(id.0, 1..=5));
        let mut v = Vote::new(
            "x",
            VoteMethod::ShowOfHands,
            VoteRule::SimpleMajority,
            &e,
            0,
        );
        assert_eq!(v.outcome(), Outcome::Passed);
        v.in_favour = 0;
        v.against = 5;
        assert_eq!(v.outcome(), Outcome::NotPassed);
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
