//! The branch's own grade (đánh giá, xếp loại tổ chức đảng, DOMAIN.md §The year): its
//! criteria as data (the `[branch.*]` tables of `evaluation.toml`), the year's facts
//! they are measured on — meetings held, resolution items done, members with a task,
//! meetings of quality — and the grade proposed from them.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::evaluation::{RuleFile, RulesError};
use super::meeting::{Meeting, MeetingKind};
use super::member::Member;
use super::quality::year_quality;
use super::resolution::Resolution;
use super::task::{Task, TaskStatus};

/// The four grades of a party organisation, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BranchGrade {
    /// Trong sạch, vững mạnh (hoàn thành xuất sắc nhiệm vụ).
    Strong,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Done,
    /// Không hoàn thành nhiệm vụ.
    NotDone,
}

impl BranchGrade {
    pub const ALL: [BranchGrade; 4] = [
        BranchGrade::Strong,
        BranchGrade::Good,
        BranchGrade::Done,
        BranchGrade::NotDone,
    ];

    pub fn key(self) -> &'static str {
        match self {
            BranchGrade::Strong => "strong",
            BranchGrade::Good => "good",
            BranchGrade::Done => "done",
            BranchGrade::NotDone => "not_done",
        }
    }
}

/// What the branch is measured on, each in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// Months of the year (to the review) in which the branch met.
    Meetings,
    /// Items of the resolutions adopted in the year that are done (cancelled ones left out).
    ItemsDone,
    /// Members graded who had at least one task in the year.
    TaskCoverage,
    /// Meetings held that lasted their minimum and whose resolution names who does
    /// every item.
    Quality,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::Meetings,
        Criterion::ItemsDone,
        Criterion::TaskCoverage,
        Criterion::Quality,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Criterion::Meetings => "meetings_percent",
            Criterion::ItemsDone => "items_done_percent",
            Criterion::TaskCoverage => "task_coverage_percent",
            Criterion::Quality => "quality_percent",
        }
    }
}

/// One threshold with where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub value: u32,
    pub file: RuleFile,
    pub line: usize,
}

/// The least of each criterion for the three grades above "không hoàn thành".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchRules {
    /// Strong, good, done; each criterion in `Criterion::ALL` order.
    levels: [[Threshold; 4]; 3],
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLevel {
    meetings_percent: Option<toml::Spanned<u32>>,
    items_done_percent: Option<toml::Spanned<u32>>,
    task_coverage_percent: Option<toml::Spanned<u32>>,
    quality_percent: Option<toml::Spanned<u32>>,
}

impl RawLevel {
    fn get(&self, c: Criterion) -> Option<&toml::Spanned<u32>> {
        match c {
            Criterion::Meetings => self.meetings_percent.as_ref(),
            Criterion::ItemsDone => self.items_done_percent.as_ref(),
            Criterion::TaskCoverage => self.task_coverage_percent.as_ref(),
            Criterion::Quality => self.quality_percent.as_ref(),
        }
    }
}

/// The `[branch]` table of a rules file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBranch {
    strong: Option<RawLevel>,
    good: Option<RawLevel>,
    done: Option<RawLevel>,
}

const LEVELS: [BranchGrade; 3] = [BranchGrade::Strong, BranchGrade::Good, BranchGrade::Done];

fn level_index(g: BranchGrade) -> Option<usize> {
    LEVELS.iter().position(|l| *l == g)
}

impl BranchRules {
    /// The thresholds read from the shipped file (or none there: everything at 0).
    pub(crate) fn from_raw(text: &str, raw: Option<&RawBranch>, file: RuleFile) -> BranchRules {
        let mut r = BranchRules {
            levels: [[Threshold {
                value: 0,
                file,
                line: 0,
            }; 4]; 3],
        };
        r.apply(text, raw, file);
        r
    }

    fn apply(&mut self, text: &str, raw: Option<&RawBranch>, file: RuleFile) {
        let Some(raw) = raw else { return };
        for (i, level) in [&raw.strong, &raw.good, &raw.done].into_iter().enumerate() {
            let Some(level) = level else { continue };
            for (j, c) in Criterion::ALL.into_iter().enumerate() {
                if let Some(s) = level.get(c) {
                    self.levels[i][j] = Threshold {
                        value: *s.get_ref(),
                        file,
                        line: super::text::line_col(text, s.span().start).0,
                    };
                }
            }
        }
    }

    /// These rules with the user's values over them: a percent above 100, or a lower
    /// grade asking more than a higher one, is refused with its line.
    pub(crate) fn with_user(
        &self,
        text: &str,
        raw: Option<&RawBranch>,
    ) -> Result<Self, RulesError> {
        let mut r = self.clone();
        r.apply(text, raw, RuleFile::User);
        for level in &r.levels {
            for (j, t) in level.iter().enumerate() {
                if t.value > 100 {
                    return Err(RulesError {
                        line: t.line,
                        column: 1,
                        message: format!("{} = {}: at most 100", Criterion::ALL[j].key(), t.value),
                    });
                }
            }
        }
        for i in 1..3 {
            for j in 0..4 {
                let (upper, lower) = (r.levels[i - 1][j], r.levels[i][j]);
                if lower.value > upper.value {
                    let line = if lower.file == RuleFile::User {
                        lower.line
                    } else {
                        upper.line
                    };
                    return Err(RulesError {
                        line,
                        column: 1,
                        message: format!(
                            "branch.{}.{key} ({}) must not exceed branch.{}.{key} ({})",
                            LEVELS[i].key(),
                            lower.value,
                            LEVELS[i - 1].key(),
                            upper.value,
                            key = Criterion::ALL[j].key(),
                        ),
                    });
                }
            }
        }
        Ok(r)
    }

    /// The least of `c` for `grade` (none for "không hoàn thành").
    pub fn threshold(&self, grade: BranchGrade, c: Criterion) -> Option<Threshold> {
        let i = level_index(grade)?;
        let j = Criterion::ALL.iter().position(|x| *x == c)?;
        Some(self.levels[i][j])
    }
}

/// The year's facts the branch is graded on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BranchFacts {
    /// Months (to the review) with a branch meeting held, of the months counted.
    pub months_met: u32,
    pub months: u32,
    pub resolutions_adopted: u32,
    /// Items of those resolutions done, of the items not cancelled.
    pub items_done: u32,
    pub items: u32,
    /// Members graded with a task in the year, of the members graded.
    pub members_with_task: u32,
    pub members: u32,
    /// Meetings held of quality, of the meetings held (committee meetings left out).
    pub meetings_of_quality: u32,
    pub meetings_held: u32,
}

fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        100
    } else {
        (part * 200 + whole) / (2 * whole)
    }
}

impl BranchFacts {
    pub fn percent(&self, c: Criterion) -> u32 {
        match c {
            Criterion::Meetings => percent(self.months_met, self.months),
            Criterion::ItemsDone => percent(self.items_done, self.items),
            Criterion::TaskCoverage => percent(self.members_with_task, self.members),
            Criterion::Quality => percent(self.meetings_of_quality, self.meetings_held),
        }
    }
}

/// What the facts are read from.
pub struct YearRecord<'a> {
    pub year: i32,
    /// The last month counted (the review's month).
    pub through_month: u32,
    pub meetings: &'a [Meeting],
    pub members: &'a [Member],
    /// The members graded in the year.
    pub graded: &'a [&'a Member],
    pub resolutions: &'a [Resolution],
    pub tasks: &'a [Task],
}

/// The facts of `y`.
pub fn branch_facts(y: &YearRecord) -> BranchFacts {
    let of_year = |m: &&Meeting| {
        m.date.year() == y.year
            && m.date.month() <= y.through_month
            && m.kind != MeetingKind::Committee
            && m.started_at.is_some()
    };
    let mut months: Vec<u32> = y
        .meetings
        .iter()
        .filter(of_year)
        .map(|m| m.date.month())
        .collect();
    months.sort_unstable();
    months.dedup();
    let adopted: Vec<&Resolution> = y
        .resolutions
        .iter()
        .filter(|r| r.adopted_on.is_some_and(|d| d.year() == y.year))
        .collect();
    let items: Vec<&Task> = y
        .tasks
        .iter()
        .filter(|t| adopted.iter().any(|r| r.items.contains(&t.id)))
        .filter(|t| t.status != TaskStatus::Cancelled)
        .collect();
    let with_task = y
        .graded
        .iter()
        .filter(|m| {
            y.tasks.iter().any(|t| {
                t.involves(m.id) && t.status != TaskStatus::Cancelled && t.due.year() == y.year
            })
        })
        .count();
    let held = year_quality(y.year, y.meetings, y.members, y.resolutions, y.tasks);
    let of_quality = held
        .iter()
        .filter(|q| q.long_enough() != Some(false) && (q.items == 0 || q.concrete()))
        .count();
    BranchFacts {
        months_met: months.len() as u32,
        months: y.through_month,
        resolutions_adopted: adopted.len() as u32,
        items_done: items
            .iter()
            .filter(|t| t.status == TaskStatus::Done)
            .count() as u32,
        items: items.len() as u32,
        members_with_task: with_task as u32,
        members: y.graded.len() as u32,
        meetings_of_quality: of_quality as u32,
        meetings_held: held.len() as u32,
    }
}

/// A criterion that keeps the branch from the grade above the one proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub criterion: Criterion,
    /// The grade it misses.
    pub grade: BranchGrade,
    pub percent: u32,
    pub needed: u32,
}

/// The highest grade whose every threshold the facts meet, with what held it there.
pub fn propose_branch(facts: &BranchFacts, rules: &BranchRules) -> (BranchGrade, Vec<Shortfall>) {
    let shortfalls = |g: BranchGrade| -> Vec<Shortfall> {
        Criterion::ALL
            .into_iter()
            .filter_map(|c| {
                let t = rules.threshold(g, c)?;
                let p = facts.percent(c);
                (p < t.value).then_some(Shortfall {
                    criterion: c,
                    grade: g,
                    percent: p,
                    needed: t.value,
                })
            })
            .collect()
    };
    let mut missed = Vec::new();
    for g in LEVELS {
        let s = shortfalls(g);
        if s.is_empty() {
            return (g, missed);
        }
        missed = s;
    }
    (BranchGrade::NotDone, missed)
}

/// A decided branch grade above what the facts allow: the first criterion it breaks.
pub fn check_branch(
    given: BranchGrade,
    facts: &BranchFacts,
    rules: &BranchRules,
) -> Option<Shortfall> {
    let (allowed, _) = propose_branch(facts, rules);
    if given >= allowed {
        return None;
    }
    Criterion::ALL.into_iter().find_map(|c| {
        let t = rules.threshold(given, c)?;
        let p = facts.percent(c);
        (p < t.value).then_some(Shortfall {
            criterion: c,
            grade: given,
            percent: p,
            needed: t.value,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluation::{DEFAULT_RULES, Rules};

    fn facts(months_met: u32, items_done: u32, with_task: u32, quality: u32) -> BranchFacts {
        BranchFacts {
            months_met,
            months: 12,
            resolutions_adopted: 12,
            items_done,
            items: 100,
            members_with_task: with_task,
            members: 10,
            meetings_of_quality: quality,
            meetings_held: 12,
        }
    }

    #[test]
    fn the_shipped_criteria_are_read_with_their_lines() {
        let r = Rules::shipped();
        for g in LEVELS {
            for c in Criterion::ALL {
                let t = r.branch.threshold(g, c).unwrap();
                assert_eq!(t.file, RuleFile::Shipped);
                let line = DEFAULT_RULES.lines().nth(t.line - 1).unwrap();
                assert!(line.starts_with(c.key()), "{g:?} {c:?}: {line}");
            }
        }
        assert!(
            r.branch
                .threshold(BranchGrade::NotDone, Criterion::Meetings)
                .is_none()
        );
    }

    #[test]
    fn the_branch_is_proposed_the_highest_grade_it_meets() {
        let r = Rules::shipped().branch;
        assert_eq!(
            propose_branch(&facts(12, 95, 10, 12), &r).0,
            BranchGrade::Strong
        );
        // items done fall short of the strong grade: good, and the shortfall says why
        let (g, why) = propose_branch(&facts(12, 80, 10, 12), &r);
        assert_eq!(g, BranchGrade::Good);
        assert_eq!(why[0].criterion, Criterion::ItemsDone);
        assert_eq!((why[0].percent, why[0].grade), (80, BranchGrade::Strong));
        // half the months without a meeting: not done
        assert_eq!(
            propose_branch(&facts(6, 95, 10, 12), &r).0,
            BranchGrade::NotDone
        );
        // deciding "strong" on facts that do not allow it names the criterion
        let s = check_branch(BranchGrade::Strong, &facts(12, 80, 10, 12), &r).unwrap();
        assert_eq!(s.criterion, Criterion::ItemsDone);
        assert!(check_branch(BranchGrade::Good, &facts(12, 80, 10, 12), &r).is_none());
    }

    #[test]
    fn a_user_file_changes_a_criterion_and_a_wrong_order_is_refused() {
        let r = Rules::with_user("[branch.strong]\nitems_done_percent = 75\n").unwrap();
        let t = r
            .branch
            .threshold(BranchGrade::Strong, Criterion::ItemsDone)
            .unwrap();
        assert_eq!((t.value, t.file, t.line), (75, RuleFile::User, 2));
        assert_eq!(
            propose_branch(&facts(12, 80, 10, 12), &r.branch).0,
            BranchGrade::Strong
        );
        let e = Rules::with_user("[branch.done]\n\nmeetings_percent = 100\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("branch.done.meetings_percent"), "{e}");
        let e = Rules::with_user("[branch.good]\nquality_percent = 120\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Rules::with_user("[branch.good]\nspeeches_percent = 50\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
