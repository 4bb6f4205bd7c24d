//! The rules of grading as data: `evaluation.toml`, the shipped file with the user's
//! values over it, each rule remembering the file and line it came from.

use serde::Deserialize;

use super::{DEFAULT_RULES, Grade};

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
    branch: Option<crate::domain::branch_grade::RawBranch>,
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
    pub branch: crate::domain::branch_grade::BranchRules,
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    crate::domain::text::line_col(text, offset).0
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
        let (line, column) = crate::domain::text::line_col(text, e.span().map_or(0, |s| s.start));
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
            branch: crate::domain::branch_grade::BranchRules::from_raw(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
