//! The demo branch's candidates for membership, at several stages: one just proposed,
//! one a few steps in, one waiting for the branch's vote, one admitted by a vote held in
//! one of the demo's meetings whose ceremony is overdue, and one who stopped.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::domain::candidates::{Candidate, Rules, Step};
use crate::domain::meeting::{Entry, EntryKind, Meeting, MeetingId, MeetingStatus};
use crate::domain::member::{Gender, Member, Standing};
use crate::domain::task::Task;
use crate::domain::vote::{Vote, VoteMethod, VoteRule, VoteSubject};

/// A candidate with the rules' first `steps` steps taken, `gap` days apart, the first
/// `start` days before today.
fn walked(
    name: (&str, &str, &str),
    born: NaiveDate,
    gender: Gender,
    today: NaiveDate,
    start: i64,
    steps: usize,
    gap: i64,
) -> Candidate {
    let rules = Rules::shipped();
    let since = today - Duration::days(start + 20);
    let mut c = Candidate::new(name.0, name.1, name.2, since);
    c.birth_date = Some(born);
    c.gender = Some(gender);
    c.residence = "Khu phố 3, phường An Phú".into();
    let proofs = [
        "Giấy chứng nhận số 215-GCN/TTCT",
        "Đơn xin vào Đảng",
        "Lý lịch người xin vào Đảng",
        "Công văn thẩm tra lý lịch số 18-CV/ĐU",
        "Đảng viên chính thức giới thiệu",
        "Nhận xét của Chi đoàn và chi ủy nơi cư trú",
    ];
    for (i, s) in rules.steps.iter().take(steps).enumerate() {
        let day = (today - Duration::days(start)) + Duration::days(gap * i as i64);
        let proof = proofs.get(i).copied().unwrap_or("—");
        let _ = c.record(*s, day.min(today), proof, today, &rules);
    }
    c
}

/// The demo's candidates while its meetings are made and saved: the admission vote is
/// held in the first of them that fits (`hold_vote`), and the helpers' tasks are given
/// once it is known who is still on the way (`with_tasks`).
pub struct Candidates {
    list: Vec<Candidate>,
    /// Which of `list` is admitted by a vote of the branch.
    voted: usize,
    /// Official members on the roster: the branch that votes.
    branch: u32,
    today: NaiveDate,
    /// The meeting of the vote was found (among the meetings seen, the first that fits).
    found: bool,
    /// The vote was recorded in the candidate: the meeting's id is to name once saved.
    recorded: bool,
}

impl Candidates {
    /// The candidates, at their stages before the vote.
    pub fn new(ms: &[Member], today: NaiveDate) -> Candidates {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(today);
        let mut list = Vec::new();
        let mut proposed = walked(
            ("Võ", "Thị Thanh", "Trúc"),
            d(2003, 4, 9),
            Gender::Female,
            today,
            0,
            0,
            0,
        );
        proposed.since = today - Duration::days(45);
        list.push(proposed);
        list.push(walked(
            ("Huỳnh", "Minh", "Khang"),
            d(1999, 8, 17),
            Gender::Male,
            today,
            150,
            3,
            30,
        ));
        list.push(walked(
            ("Lâm", "Ngọc", "Bích"),
            d(1996, 1, 30),
            Gender::Female,
            today,
            240,
            6,
            35,
        ));
        // the one admitted by a vote in a meeting already held, and decided
        list.push(walked(
            ("Đặng", "Quốc", "Bảo"),
            d(1994, 11, 2),
            Gender::Male,
            today,
            420,
            6,
            40,
        ));
        let voted = list.len() - 1;
        let mut stopped = walked(
            ("Trương", "Văn", "Hiếu"),
            d(1990, 6, 12),
            Gender::Male,
            today,
            300,
            2,
            30,
        );
        let _ = stopped.close(
            (today - Duration::days(200)).max(stopped.stage_began()),
            "Chuyển đến nơi cư trú khác",
            today,
        );
        list.push(stopped);
        let branch = ms
            .iter()
            .filter(|m| m.activity.on_roster() && m.standing == Standing::Official)
            .count() as u32;
        Candidates {
            list,
            voted,
            branch,
            today,
            found: false,
            recorded: false,
        }
    }

    /// Handed each meeting in date order before it is saved: the first approved one
    /// after the candidate's stage began and at least 90 days ago holds the admission
    /// vote, added to its last agenda item. Returns whether `m` is that meeting and
    /// the vote is recorded in the candidate (then call `voted_in` once it is saved).
    pub fn hold_vote(&mut self, m: &mut Meeting) -> bool {
        let today = self.today;
        let voted = &mut self.list[self.voted];
        let fits = m.status() == MeetingStatus::Approved
            && m.date > voted.stage_began()
            && m.date < today - Duration::days(90);
        if self.found || !fits {
            return false;
        }
        self.found = true;
        let branch = self.branch;
        let Some((i, item)) = m.agenda.iter_mut().enumerate().last() else {
            return false;
        };
        if branch < 3 {
            return false;
        }
        let rules = Rules::shipped();
        let subject = format!("Kết nạp quần chúng {}", voted.full_name());
        item.entries.push(Entry {
            at: NaiveTime::from_hms_opt(20, 30, 0).unwrap_or_default(),
            kind: EntryKind::Vote(Vote {
                subject: subject.clone(),
                kind: VoteSubject::Admission,
                method: VoteMethod::ShowOfHands,
                rule: VoteRule::TwoThirdsOfBranch,
                eligible: branch,
                branch,
                in_favour: branch - 1,
                against: 0,
                other: 1,
            }),
            text: String::new(),
        });
        let proof = format!("Họp chi bộ: {}/{branch} đảng viên tán thành", branch - 1);
        if voted
            .record(Step::Vote, m.date, &proof, today, &rules)
            .is_err()
        {
            return false;
        }
        voted.vote = Some((m.id, i, item.entries.len() - 1));
        let decided = (m.date + Duration::days(25)).min(today);
        let _ = voted.record(
            Step::Decision,
            decided,
            "Quyết định số 112-QĐ/ĐU",
            today,
            &rules,
        );
        self.recorded = true;
        true
    }

    /// The vote `hold_vote` recorded names its meeting, saved as `id`.
    pub fn voted_in(&mut self, id: MeetingId) {
        if let Some((_, item, entry)) = self.list[self.voted].vote.filter(|_| self.recorded) {
            self.list[self.voted].vote = Some((id, item, entry));
        }
    }

    /// The candidates, with a helper's task for those on the way (by the first
    /// official members of the roster).
    pub fn with_tasks(self, ms: &[Member]) -> Vec<(Candidate, Option<Task>)> {
        let today = self.today;
        let helpers: Vec<&Member> = ms
            .iter()
            .filter(|m| m.activity.on_roster() && m.standing == Standing::Official)
            .filter(|m| m.assignable().is_ok())
            .skip(2)
            .take(3)
            .collect();
        self.list
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let task = (c.is_open())
                    .then(|| helpers.get(i % helpers.len().max(1)))
                    .flatten()
                    .map(|h| {
                        let mut t = Task::new(
                            &format!("Giúp đỡ quần chúng {} phấn đấu vào Đảng", c.full_name()),
                            crate::domain::calendar::add_months(today, 6),
                        );
                        t.lead = Some(h.id);
                        t.created = Some(c.since);
                        t.category = "Giúp đỡ đảng viên dự bị, quần chúng".into();
                        t
                    });
                (c, task)
            })
            .collect()
    }
}
