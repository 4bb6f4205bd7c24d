//! The grade a member's year allows under the rules: the evidence of the grading sheet,
//! the proposal, and the reasons that keep it from a higher grade.

use super::{Grade, RuleName, Rules};

/// What the year shows of a member, for the grading sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evidence {
    /// Points on 100 when the branch scores; otherwise proposed from the weights.
    pub points: Option<u32>,
    pub attendance_percent: Option<u32>,
    /// Tasks assigned in the year (led or helped), done on time, done late, and rated
    /// "vượt mức".
    pub assigned: u32,
    pub on_time: u32,
    pub late: u32,
    pub exceeded: u32,
    pub disciplined: bool,
    /// Shortcomings noted in the year and not corrected.
    pub shortcomings_open: usize,
}

impl Evidence {
    fn percent(&self, part: u32) -> u32 {
        if self.assigned == 0 {
            100
        } else {
            (part * 200 + self.assigned) / (2 * self.assigned)
        }
    }

    fn on_time_percent(&self) -> u32 {
        self.percent(self.on_time)
    }

    fn done_percent(&self) -> u32 {
        self.percent(self.on_time + self.late)
    }

    fn exceeded_percent(&self) -> u32 {
        self.percent(self.exceeded)
            .min(if self.assigned == 0 { 0 } else { 100 })
    }
}

/// Why a grade is not higher: the rule that holds it, for the sheet and the warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The points are below the grade's band.
    Points {
        points: u32,
        needed: u32,
        rule: RuleName,
    },
    /// Not every task done on time.
    OnTime {
        percent: u32,
        needed: u32,
    },
    /// Too few tasks beyond what was required.
    Exceeded {
        percent: u32,
        needed: u32,
    },
    /// A shortcoming not corrected.
    ShortcomingsOpen(usize),
    /// Under the share of tasks done.
    TooFewDone {
        percent: u32,
        needed: u32,
    },
    Disciplined(Grade),
}

impl Reason {
    pub fn rule(&self) -> RuleName {
        match self {
            Reason::Points { rule, .. } => *rule,
            Reason::OnTime { .. } => RuleName::GoodOnTimePercent,
            Reason::Exceeded { .. } | Reason::ShortcomingsOpen(_) => {
                RuleName::ExcellentExceededPercent
            }
            Reason::TooFewDone { .. } => RuleName::NotDoneBelowPercent,
            Reason::Disciplined(_) => RuleName::DisciplinedAtMost,
        }
    }
}

/// The proposed grade and the points it rests on, with what kept it from a higher one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub grade: Grade,
    pub points: u32,
    /// Whether the points were entered or weighed from attendance and tasks.
    pub points_entered: bool,
    pub reasons: Vec<Reason>,
}

/// The highest grade the evidence allows under the rules.
pub fn propose(e: &Evidence, rules: &Rules) -> Proposal {
    let points = e.points.unwrap_or_else(|| {
        let attendance = e.attendance_percent.unwrap_or(100);
        let weighted = attendance * rules.attendance_weight.value
            + e.on_time_percent() * rules.tasks_weight.value;
        (weighted + 50) / 100
    });
    let mut reasons = Vec::new();
    // each grade's conditions, highest first; the first whose conditions all hold
    let excellent = {
        let mut ok = true;
        if points < rules.excellent_points.value {
            reasons.push(Reason::Points {
                points,
                needed: rules.excellent_points.value,
                rule: RuleName::ExcellentPoints,
            });
            ok = false;
        }
        if e.exceeded_percent() < rules.excellent_exceeded_percent.value {
            reasons.push(Reason::Exceeded {
                percent: e.exceeded_percent(),
                needed: rules.excellent_exceeded_percent.value,
            });
            ok = false;
        }
        if e.shortcomings_open > 0 {
            reasons.push(Reason::ShortcomingsOpen(e.shortcomings_open));
            ok = false;
        }
        ok
    };
    let on_time_ok = e.on_time_percent() >= rules.good_on_time_percent.value;
    if !on_time_ok {
        reasons.push(Reason::OnTime {
            percent: e.on_time_percent(),
            needed: rules.good_on_time_percent.value,
        });
    }
    let good = points >= rules.good_points.value && on_time_ok;
    if points < rules.good_points.value {
        reasons.push(Reason::Points {
            points,
            needed: rules.good_points.value,
            rule: RuleName::GoodPoints,
        });
    }
    let mut grade = if excellent && good {
        Grade::Excellent
    } else if good {
        Grade::Good
    } else if points >= rules.done_points.value {
        Grade::Done
    } else {
        reasons.push(Reason::Points {
            points,
            needed: rules.done_points.value,
            rule: RuleName::DonePoints,
        });
        Grade::NotDone
    };
    if e.done_percent() < rules.not_done_below_percent.value {
        reasons.push(Reason::TooFewDone {
            percent: e.done_percent(),
            needed: rules.not_done_below_percent.value,
        });
        grade = Grade::NotDone;
    }
    if e.disciplined && grade < rules.disciplined_at_most.value {
        reasons.push(Reason::Disciplined(rules.disciplined_at_most.value));
        grade = rules.disciplined_at_most.value;
    }
    // keep only the reasons that hold the grade below the one above it
    reasons.retain(|r| match r {
        Reason::Points { rule, .. } => match grade {
            Grade::Excellent => false,
            Grade::Good => *rule == RuleName::ExcellentPoints,
            Grade::Done => *rule == RuleName::GoodPoints,
            Grade::NotDone => *rule == RuleName::DonePoints,
        },
        Reason::Exceeded { .. } | Reason::ShortcomingsOpen(_) => grade == Grade::Good,
        Reason::OnTime { .. } => grade == Grade::Done,
        Reason::TooFewDone { .. } | Reason::Disciplined(_) => true,
    });
    Proposal {
        grade,
        points,
        points_entered: e.points.is_some(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::super::RuleFile;
    use super::super::testing::all_done;
    use super::*;

    #[test]
    fn grades_follow_the_bands_and_conditions() {
        let r = Rules::shipped();
        // 92 points, every task on time, 4 of 10 beyond: excellent
        assert_eq!(propose(&all_done(92, 10, 4), &r).grade, Grade::Excellent);
        // 2 of 10 beyond: only good, and the reason names the rule
        let p = propose(&all_done(92, 10, 2), &r);
        assert_eq!(p.grade, Grade::Good);
        assert_eq!(
            p.reasons,
            [Reason::Exceeded {
                percent: 20,
                needed: 30
            }]
        );
        // a shortcoming not corrected keeps it from excellent
        let mut e = all_done(95, 10, 5);
        e.shortcomings_open = 1;
        assert_eq!(propose(&e, &r).grade, Grade::Good);
        // one task late: at most "hoàn thành"
        let mut late = all_done(85, 10, 0);
        late.on_time = 9;
        late.late = 1;
        let p = propose(&late, &r);
        assert_eq!(p.grade, Grade::Done);
        assert_eq!(p.reasons[0].rule(), RuleName::GoodOnTimePercent);
        // 70 exactly is good, 69 is done, 49 is not done
        assert_eq!(propose(&all_done(70, 3, 0), &r).grade, Grade::Good);
        assert_eq!(propose(&all_done(69, 3, 0), &r).grade, Grade::Done);
        assert_eq!(propose(&all_done(49, 3, 0), &r).grade, Grade::NotDone);
        // under half the tasks done: not done whatever the points
        let mut few = all_done(80, 10, 0);
        few.on_time = 4;
        let p = propose(&few, &r);
        assert_eq!(p.grade, Grade::NotDone);
        assert!(p.reasons.contains(&Reason::TooFewDone {
            percent: 40,
            needed: 50
        }));
    }

    #[test]
    fn a_member_disciplined_in_the_year_is_capped_by_the_rule() {
        let mut e = all_done(95, 10, 5);
        e.disciplined = true;
        let shipped = Rules::shipped();
        let p = propose(&e, &shipped);
        assert_eq!(p.grade, Grade::NotDone);
        assert_eq!(p.reasons, [Reason::Disciplined(Grade::NotDone)]);
        // a branch whose upper level allows "hoàn thành" for them
        let user = Rules::with_user("\n\ndisciplined_at_most = \"done\"\n").unwrap();
        assert_eq!(user.place(RuleName::DisciplinedAtMost), (RuleFile::User, 3));
        assert_eq!(propose(&e, &user).grade, Grade::Done);
    }

    #[test]
    fn without_points_the_proposal_weighs_attendance_and_tasks() {
        let r = Rules::shipped();
        let e = Evidence {
            points: None,
            attendance_percent: Some(80),
            assigned: 4,
            on_time: 4,
            ..Evidence::default()
        };
        // 30 × 80% + 70 × 100% = 94
        let p = propose(&e, &r);
        assert_eq!((p.points, p.points_entered), (94, false));
        // nothing beyond what was asked: good, not excellent
        assert_eq!(p.grade, Grade::Good);
    }
}
