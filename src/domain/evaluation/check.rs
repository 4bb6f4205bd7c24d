//! A set of grades checked against the rules — a grade above its evidence, too many
//! "xuất sắc" against those graded "tốt" — and the counts and shares of each grade.

use super::{Evidence, Grade, Reason, RuleName, Rules, propose};

/// A grade that breaks a rule, with the rule (and so its file and line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A member given a higher grade than the evidence allows.
    AboveEvidence {
        member: usize,
        given: Grade,
        allowed: Grade,
        reason: Reason,
    },
    /// More "xuất sắc" than the cap allows against those graded "tốt".
    OverCap {
        excellent: usize,
        good: usize,
        cap: usize,
    },
}

impl Warning {
    pub fn rule(&self) -> RuleName {
        match self {
            Warning::AboveEvidence { reason, .. } => reason.rule(),
            Warning::OverCap { .. } => RuleName::ExcellentCapPercent,
        }
    }
}

/// Checks a set of grades (proposed or decided) against the rules: each with the
/// evidence it rests on, by position.
pub fn check(grades: &[(Grade, Evidence)], rules: &Rules) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (i, (given, e)) in grades.iter().enumerate() {
        let p = propose(e, rules);
        if *given < p.grade {
            // the reason that holds the allowed grade where it is
            if let Some(reason) = p.reasons.first() {
                warnings.push(Warning::AboveEvidence {
                    member: i,
                    given: *given,
                    allowed: p.grade,
                    reason: *reason,
                });
            }
        }
    }
    let excellent = grades
        .iter()
        .filter(|(g, _)| *g == Grade::Excellent)
        .count();
    let good = grades.iter().filter(|(g, _)| *g == Grade::Good).count();
    let cap_percent = rules.excellent_cap_percent.value as usize;
    if cap_percent > 0 {
        let cap = good * cap_percent / 100;
        if excellent > cap {
            warnings.push(Warning::OverCap {
                excellent,
                good,
                cap,
            });
        }
    }
    warnings
}

/// The grades' counts and shares of those graded, highest first.
pub fn tally(grades: &[Grade]) -> [(Grade, usize, u32); 4] {
    let n = grades.len();
    Grade::ALL.map(|g| {
        let count = grades.iter().filter(|x| **x == g).count();
        let share = if n == 0 {
            0
        } else {
            ((count * 200 + n) / (2 * n)) as u32
        };
        (g, count, share)
    })
}

#[cfg(test)]
mod tests {
    use super::super::RuleFile;
    use super::super::testing::{all_done, line_in_shipped};
    use super::*;

    #[test]
    fn the_cap_on_excellent_and_grades_above_the_evidence_are_warned_with_their_rule() {
        let r = Rules::shipped();
        let strong = all_done(95, 10, 5);
        let fair = all_done(75, 10, 0);
        // 2 excellent against 5 good: the cap is 20% of 5 = 1
        let mut grades = vec![(Grade::Excellent, strong), (Grade::Excellent, strong)];
        grades.extend(std::iter::repeat_n((Grade::Good, fair), 5));
        let w = check(&grades, &r);
        assert_eq!(
            w,
            [Warning::OverCap {
                excellent: 2,
                good: 5,
                cap: 1
            }]
        );
        assert_eq!(
            r.place(w[0].rule()),
            (RuleFile::Shipped, line_in_shipped("excellent_cap_percent"))
        );
        // a member graded excellent on fair evidence (and over the cap: nobody is "tốt")
        let w = check(&[(Grade::Excellent, fair), (Grade::Good, fair)], &r);
        assert!(
            matches!(
                w[..],
                [
                    Warning::AboveEvidence {
                        member: 0,
                        given: Grade::Excellent,
                        allowed: Grade::Good,
                        ..
                    },
                    Warning::OverCap {
                        excellent: 1,
                        good: 1,
                        cap: 0
                    }
                ]
            ),
            "{w:?}"
        );
        assert_eq!(w[0].rule(), RuleName::ExcellentPoints);
        // with the cap switched off by the user, none
        let off = Rules::with_user("excellent_cap_percent = 0").unwrap();
        assert!(check(&grades, &off).is_empty());
    }

    #[test]
    fn the_tally_counts_and_shares_each_grade() {
        let grades = [Grade::Good, Grade::Good, Grade::Excellent, Grade::Done];
        assert_eq!(
            tally(&grades),
            [
                (Grade::Excellent, 1, 25),
                (Grade::Good, 2, 50),
                (Grade::Done, 1, 25),
                (Grade::NotDone, 0, 0)
            ]
        );
    }
}
