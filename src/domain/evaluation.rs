//! Grading members at the year-end review (đánh giá, xếp loại, DOMAIN.md §The year):
//! the rules as data (`evaluation.toml`: the shipped file with the user's values over
//! it, each rule remembering the file and line it came from), a proposal from the
//! year's evidence, and the checks that warn when a grade breaks a rule.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::member::{Activity, Member};

pub const DEFAULT_RULES: &str = include_str!("evaluation.toml");

/// The four grades, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Done,
    /// Không hoàn thành nhiệm vụ.
    NotDone,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Done, Grade::NotDone];
}

/// Where a rule's value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFile {
    Shipped,
    /// The user's `evaluation.toml`.
    User,
}

/// A rule's value with the place it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule<T> {
    pub value: T,
    pub file: RuleFile,
    pub line: usize,
}

/// The names of the rules, as in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleName {
    ExcellentPoints,
    GoodPoints,
    DonePoints,
    ExcellentExceededPercent,
    GoodOnTimePercent,
    NotDoneBelowPercent,
    DisciplinedAtMost,
    ExcellentCapPercent,
    AttendanceWeight,
    TasksWeight,
    ExemptNotGraded,
    JoinedWithinMonths,
}

impl RuleName {
    pub fn key(self) -> &'static str {
        match self {
            RuleName::ExcellentPoints => "excellent_points",
            RuleName::GoodPoints => "good_points",
            RuleName::DonePoints => "done_points",
            RuleName::ExcellentExceededPercent => "excellent_exceeded_percent",
            RuleName::GoodOnTimePercent => "good_on_time_percent",
            RuleName::NotDoneBelowPercent => "not_done_below_percent",
            RuleName::DisciplinedAtMost => "disciplined_at_most",
            RuleName::ExcellentCapPercent => "excellent_cap_percent",
            RuleName::AttendanceWeight => "attendance_weight",
            RuleName::TasksWeight => "tasks_weight",
            RuleName::ExemptNotGraded => "exempt_not_graded",
            RuleName::JoinedWithinMonths => "joined_within_months",
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    excellent_points: Option<toml::Spanned<u32>>,
    good_points: Option<toml::Spanned<u32>>,
    done_points: Option<toml::Spanned<u32>>,
    excellent_exceeded_percent: Option<toml::Spanned<u32>>,
    good_on_time_percent: Option<toml::Spanned<u32>>,
    not_done_below_percent: Option<toml::Spanned<u32>>,
    disciplined_at_most: Option<toml::Spanned<Grade>>,
    excellent_cap_percent: Option<toml::Spanned<u32>>,
    attendance_weight: Option<toml::Spanned<u32>>,
    tasks_weight: Option<toml::Spanned<u32>>,
    exempt_not_graded: Option<toml::Spanned<bool>>,
    joined_within_months: Option<toml::Spanned<u32>>,
    branch: Option<super::branch_grade::RawBranch>,
}

/// The rules of grading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub excellent_points: Rule<u32>,
    pub good_points: Rule<u32>,
    pub done_points: Rule<u32>,
    pub excellent_exceeded_percent: Rule<u32>,
    pub good_on_time_percent: Rule<u32>,
    pub not_done_below_percent: Rule<u32>,
    pub disciplined_at_most: Rule<Grade>,
    pub excellent_cap_percent: Rule<u32>,
    pub attendance_weight: Rule<u32>,
    pub tasks_weight: Rule<u32>,
    pub exempt_not_graded: Rule<bool>,
    pub joined_within_months: Rule<u32>,
    /// The criteria of the branch's own grade.
    pub branch: super::branch_grade::BranchRules,
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    super::text::line_col(text, offset).0
}

fn rule<T: Copy>(text: &str, file: RuleFile, s: &toml::Spanned<T>) -> Rule<T> {
    Rule {
        value: *s.get_ref(),
        file,
        line: line_of(text, s.span().start),
    }
}

/// An error in a rules file, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for RulesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

fn parse(text: &str) -> Result<RawRules, RulesError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = super::text::line_col(text, e.span().map_or(0, |s| s.start));
        RulesError {
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

impl Rules {
    /// The shipped rules (tested to parse completely).
    pub fn shipped() -> Rules {
        let raw = parse(DEFAULT_RULES).unwrap_or_default();
        let text = DEFAULT_RULES;
        let shipped = |s: &Option<toml::Spanned<u32>>, fallback: u32| {
            s.as_ref()
                .map(|s| rule(text, RuleFile::Shipped, s))
                .unwrap_or(Rule {
                    value: fallback,
                    file: RuleFile::Shipped,
                    line: 0,
                })
        };
        Rules {
            excellent_points: shipped(&raw.excellent_points, 90),
            good_points: shipped(&raw.good_points, 70),
            done_points: shipped(&raw.done_points, 50),
            excellent_exceeded_percent: shipped(&raw.excellent_exceeded_percent, 30),
            good_on_time_percent: shipped(&raw.good_on_time_percent, 100),
            not_done_below_percent: shipped(&raw.not_done_below_percent, 50),
            disciplined_at_most: raw
                .disciplined_at_most
                .as_ref()
                .map(|s| rule(text, RuleFile::Shipped, s))
                .unwrap_or(Rule {
                    value: Grade::NotDone,
                    file: RuleFile::Shipped,
                    line: 0,
                }),
            excellent_cap_percent: shipped(&raw.excellent_cap_percent, 20),
            attendance_weight: shipped(&raw.attendance_weight, 30),
            tasks_weight: shipped(&raw.tasks_weight, 70),
            exempt_not_graded: raw
                .exempt_not_graded
                .as_ref()
                .map(|s| rule(text, RuleFile::Shipped, s))
                .unwrap_or(Rule {
                    value: true,
                    file: RuleFile::Shipped,
                    line: 0,
                }),
            joined_within_months: shipped(&raw.joined_within_months, 6),
            branch: super::branch_grade::BranchRules::from_raw(
                text,
                raw.branch.as_ref(),
                RuleFile::Shipped,
            ),
        }
    }

    /// The shipped rules with the values a user's file names; a value out of range or
    /// bands out of order are refused with their line.
    pub fn with_user(text: &str) -> Result<Rules, RulesError> {
        let raw = parse(text)?;
        let mut r = Rules::shipped();
        let user = |s: &toml::Spanned<u32>| rule(text, RuleFile::User, s);
        let out_of_range = |s: &toml::Spanned<u32>, max: u32, name: &str| {
            (*s.get_ref() > max).then(|| RulesError {
                line: line_of(text, s.span().start),
                column: 1,
                message: format!("{name} = {}: at most {max}", s.get_ref()),
            })
        };
        for (s, field, name) in [
            (
                &raw.excellent_points,
                &mut r.excellent_points,
                "excellent_points",
            ),
            (&raw.good_points, &mut r.good_points, "good_points"),
            (&raw.done_points, &mut r.done_points, "done_points"),
            (
                &raw.excellent_exceeded_percent,
                &mut r.excellent_exceeded_percent,
                "excellent_exceeded_percent",
            ),
            (
                &raw.good_on_time_percent,
                &mut r.good_on_time_percent,
                "good_on_time_percent",
            ),
            (
                &raw.not_done_below_percent,
                &mut r.not_done_below_percent,
                "not_done_below_percent",
            ),
            (
                &raw.excellent_cap_percent,
                &mut r.excellent_cap_percent,
                "excellent_cap_percent",
            ),
            (
                &raw.attendance_weight,
                &mut r.attendance_weight,
                "attendance_weight",
            ),
            (&raw.tasks_weight, &mut r.tasks_weight, "tasks_weight"),
        ] {
            if let Some(s) = s {
                if let Some(e) = out_of_range(s, 100, name) {
                    return Err(e);
                }
                *field = user(s);
            }
        }
        if let Some(s) = &raw.joined_within_months {
            if let Some(e) = out_of_range(s, 24, "joined_within_months") {
                return Err(e);
            }
            r.joined_within_months = user(s);
        }
        if let Some(s) = &raw.disciplined_at_most {
            r.disciplined_at_most = rule(text, RuleFile::User, s);
        }
        if let Some(s) = &raw.exempt_not_graded {
            r.exempt_not_graded = rule(text, RuleFile::User, s);
        }
        r.branch = r.branch.with_user(text, raw.branch.as_ref())?;
        let bands = [r.excellent_points, r.good_points, r.done_points];
        if !(bands[0].value > bands[1].value && bands[1].value > bands[2].value) {
            let worst = bands
                .iter()
                .filter(|b| b.file == RuleFile::User)
                .map(|b| b.line)
                .max()
                .unwrap_or(1);
            return Err(RulesError {
                line: worst,
                column: 1,
                message: format!(
                    "excellent_points ({}) > good_points ({}) > done_points ({}) is required",
                    bands[0].value, bands[1].value, bands[2].value
                ),
            });
        }
        if r.attendance_weight.value + r.tasks_weight.value != 100 {
            let line = [r.attendance_weight, r.tasks_weight]
                .iter()
                .filter(|b| b.file == RuleFile::User)
                .map(|b| b.line)
                .max()
                .unwrap_or(1);
            return Err(RulesError {
                line,
                column: 1,
                message: format!(
                    "attendance_weight ({}) + tasks_weight ({}) must make 100",
                    r.attendance_weight.value, r.tasks_weight.value
                ),
            });
        }
        Ok(r)
    }

    /// The file and line of a rule.
    pub fn place(&self, name: RuleName) -> (RuleFile, usize) {
        let (file, line) = match name {
            RuleName::ExcellentPoints => (self.excellent_points.file, self.excellent_points.line),
            RuleName::GoodPoints => (self.good_points.file, self.good_points.line),
            RuleName::DonePoints => (self.done_points.file, self.done_points.line),
            RuleName::ExcellentExceededPercent => (
                self.excellent_exceeded_percent.file,
                self.excellent_exceeded_percent.line,
            ),
            RuleName::GoodOnTimePercent => (
                self.good_on_time_percent.file,
                self.good_on_time_percent.line,
            ),
            RuleName::NotDoneBelowPercent => (
                self.not_done_below_percent.file,
                self.not_done_below_percent.line,
            ),
            RuleName::DisciplinedAtMost => {
                (self.disciplined_at_most.file, self.disciplined_at_most.line)
            }
            RuleName::ExcellentCapPercent => (
                self.excellent_cap_percent.file,
                self.excellent_cap_percent.line,
            ),
            RuleName::AttendanceWeight => {
                (self.attendance_weight.file, self.attendance_weight.line)
            }
            RuleName::TasksWeight => (self.tasks_weight.file, self.tasks_weight.line),
            RuleName::ExemptNotGraded => (self.exempt_not_graded.file, self.exempt_not_graded.line),
            RuleName::JoinedWithinMonths => (
                self.joined_within_months.file,
                self.joined_within_months.line,
            ),
        };
        (file, line)
    }
}

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

/// Whether and how a member is graded for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grading {
    Graded,
    /// Exempt from activity all year.
    Exempt,
    /// Admitted fewer months before the year's end than the rules ask.
    JoinedLate,
    /// Left the branch in the year (transferred, struck off, expelled, died).
    Left,
}

/// How `m` is graded for `year`, from the member's record as it is now.
pub fn grading(m: &Member, year: i32, rules: &Rules) -> Grading {
    if !m.activity.on_roster() {
        return Grading::Left;
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MIN);
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    if rules.exempt_not_graded.value && m.activity == Activity::Exempt {
        // exempt all year: no change of activity during the year
        let changed_in_year = m
            .history
            .iter()
            .any(|c| c.date >= year_start && c.date <= year_end && c.to == Activity::Exempt);
        if !changed_in_year {
            return Grading::Exempt;
        }
    }
    if let Some(admitted) = m.admission_date {
        let months = (year_end.year() - admitted.year()) * 12 + year_end.month() as i32
            - admitted.month() as i32;
        if admitted > year_end || months < rules.joined_within_months.value as i32 {
            return Grading::JoinedLate;
        }
    }
    Grading::Graded
}

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
    use super::*;
    use crate::domain::member::{MemberId, StatusChange};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn all_done(points: u32, tasks: u32, exceeded: u32) -> Evidence {
        Evidence {
            points: Some(points),
            attendance_percent: Some(100),
            assigned: tasks,
            on_time: tasks,
            exceeded,
            ..Evidence::default()
        }
    }

    #[test]
    fn the_shipped_rules_parse_completely_and_know_their_lines() {
        let r = Rules::shipped();
        // every rule was read from the file, none fell back
        for name in [
            RuleName::ExcellentPoints,
            RuleName::GoodPoints,
            RuleName::DonePoints,
            RuleName::ExcellentExceededPercent,
            RuleName::GoodOnTimePercent,
            RuleName::NotDoneBelowPercent,
            RuleName::DisciplinedAtMost,
            RuleName::ExcellentCapPercent,
            RuleName::AttendanceWeight,
            RuleName::TasksWeight,
            RuleName::ExemptNotGraded,
            RuleName::JoinedWithinMonths,
        ] {
            let (file, line) = r.place(name);
            assert_eq!(file, RuleFile::Shipped);
            let text = DEFAULT_RULES.lines().nth(line - 1).unwrap();
            assert!(
                text.starts_with(name.key()),
                "{name:?} at line {line}: {text}"
            );
        }
        assert!(parse(DEFAULT_RULES).is_ok());
        assert_eq!(r.excellent_points.value, 90);
        assert_eq!(r.excellent_cap_percent.value, 20);
        assert_eq!(r.disciplined_at_most.value, Grade::NotDone);
    }

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

    fn line_in_shipped(key: &str) -> usize {
        DEFAULT_RULES
            .lines()
            .position(|l| l.starts_with(key))
            .unwrap()
            + 1
    }

    #[test]
    fn a_broken_user_file_is_refused_with_its_line() {
        let e = Rules::with_user("good_points = 70\nexcellent_points = 120\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("at most 100"), "{e}");
        let e = Rules::with_user("good_points = 95\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.message
                .contains("excellent_points (90) > good_points (95)"),
            "{e}"
        );
        let e = Rules::with_user("\nunknown_rule = 3\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Rules::with_user("attendance_weight = 40\n").unwrap_err();
        assert!(e.message.contains("must make 100"), "{e}");
        let e = Rules::with_user("disciplined_at_most = \"best\"\n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn exempt_new_and_departed_members_are_not_graded() {
        let r = Rules::shipped();
        let mut m = Member::new("Phạm", "Văn", "Hùng");
        m.id = MemberId(1);
        m.admission_date = Some(d(2010, 5, 1));
        assert_eq!(grading(&m, 2026, &r), Grading::Graded);
        m.activity = Activity::Exempt;
        assert_eq!(grading(&m, 2026, &r), Grading::Exempt);
        // exempt from September: graded for the year, with what came before
        m.history.push(StatusChange {
            date: d(2026, 9, 1),
            from: Activity::Active,
            to: Activity::Exempt,
            reason: "sức khỏe".into(),
        });
        assert_eq!(grading(&m, 2026, &r), Grading::Graded);
        assert_eq!(grading(&m, 2027, &r), Grading::Exempt);
        let mut new = Member::new("Lê", "Thị", "Mai");
        new.admission_date = Some(d(2026, 8, 19));
        assert_eq!(grading(&new, 2026, &r), Grading::JoinedLate);
        new.admission_date = Some(d(2026, 6, 19));
        assert_eq!(grading(&new, 2026, &r), Grading::Graded);
        new.activity = Activity::Transferred;
        assert_eq!(grading(&new, 2026, &r), Grading::Left);
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
