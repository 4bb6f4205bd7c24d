//! The steps and limits a branch follows: `candidates.toml`, the shipped file with the
//! user's values over it, a wrong value refused with its line.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{DEFAULT_RULES, Step};
use crate::domain::calendar::{WorkCalendar, add_months};
use crate::domain::text;

/// How long a time limit runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    WorkingDays(u32),
    Months(u32),
}

impl Span {
    /// The last day of the span begun on `from`.
    pub fn end(self, from: NaiveDate, cal: &WorkCalendar) -> NaiveDate {
        match self {
            Span::Days(n) => from + chrono::Duration::days(i64::from(n)),
            Span::WorkingDays(n) => cal.add_working_days(from, n),
            Span::Months(n) => add_months(from, n),
        }
    }
}

/// `step` is due within `span` of the day `after` was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub step: Step,
    pub after: Step,
    pub span: Span,
}

/// The steps and limits a branch follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub steps: Vec<Step>,
    pub limits: Vec<Limit>,
    /// A limit is announced this many days ahead.
    pub warn_days: u32,
    pub min_age: u32,
    pub max_age: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimit {
    step: toml::Spanned<String>,
    after: toml::Spanned<String>,
    days: Option<u32>,
    working_days: Option<u32>,
    months: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    steps: Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    warn_days: Option<u32>,
    min_age: Option<toml::Spanned<u32>>,
    max_age: Option<u32>,
    limit: Option<Vec<toml::Spanned<RawLimit>>>,
}

/// A refusal placed as TOML places its own errors, so the settings loader names the
/// file, line and column.
fn at(text: &str, offset: usize, what: String) -> String {
    let (line, column) = text::line_col(text, offset);
    format!("TOML parse error at line {line}, column {column}\n{what}")
}

impl Rules {
    /// The rules of the shipped `candidates.toml`.
    pub fn shipped() -> Rules {
        let fallback = Rules {
            steps: Step::ALL.to_vec(),
            limits: Vec::new(),
            warn_days: 7,
            min_age: 18,
            max_age: 60,
        };
        Rules::over(fallback.clone(), DEFAULT_RULES).unwrap_or(fallback)
    }

    /// The shipped rules with what a user's file names in their place.
    pub fn with_user(text: &str) -> Result<Rules, String> {
        Rules::over(Rules::shipped(), text)
    }

    fn over(mut r: Rules, text: &str) -> Result<Rules, String> {
        let raw: RawRules = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(steps) = raw.steps {
            let start = steps.span().start;
            let mut list = Vec::new();
            for s in steps.into_inner() {
                let Some(step) = Step::from_key(s.get_ref()) else {
                    let known: Vec<&str> = Step::ALL.iter().map(|s| s.key()).collect();
                    return Err(at(
                        text,
                        s.span().start,
                        format!(
                            "unknown step \"{}\" (known: {})",
                            s.get_ref(),
                            known.join(", ")
                        ),
                    ));
                };
                if list.contains(&step) {
                    return Err(at(
                        text,
                        s.span().start,
                        format!("the step \"{}\" is named twice", step.key()),
                    ));
                }
                list.push(step);
            }
            if !list.ends_with(&[Step::Vote, Step::Decision, Step::Ceremony]) {
                return Err(at(
                    text,
                    start,
                    "the steps end with \"vote\", \"decision\", \"ceremony\"".into(),
                ));
            }
            r.steps = list;
            // the limits of steps no longer taken do not apply
            let steps = r.steps.clone();
            r.limits
                .retain(|l| steps.contains(&l.step) && steps.contains(&l.after));
        }
        if let Some(w) = raw.warn_days {
            r.warn_days = w;
        }
        if let Some(a) = &raw.min_age {
            r.min_age = *a.get_ref();
        }
        if let Some(a) = raw.max_age {
            r.max_age = a;
        }
        if r.min_age > r.max_age {
            let offset = raw.min_age.as_ref().map_or(0, |a| a.span().start);
            return Err(at(
                text,
                offset,
                format!("min_age = {} is above max_age = {}", r.min_age, r.max_age),
            ));
        }
        if let Some(limits) = raw.limit {
            let mut list = Vec::new();
            for l in limits {
                let start = l.span().start;
                let l = l.into_inner();
                let step = |s: &toml::Spanned<String>| {
                    Step::from_key(s.get_ref())
                        .filter(|st| r.steps.contains(st))
                        .ok_or_else(|| {
                            at(
                                text,
                                s.span().start,
                                format!("\"{}\" is not one of the steps", s.get_ref()),
                            )
                        })
                };
                let (limited, after) = (step(&l.step)?, step(&l.after)?);
                let pos = |s: Step| r.steps.iter().position(|x| *x == s);
                if pos(after) >= pos(limited) {
                    return Err(at(
                        text,
                        l.after.span().start,
                        format!(
                            "\"{}\" comes before \"{}\" in the steps",
                            after.key(),
                            limited.key()
                        ),
                    ));
                }
                let span = match (l.days, l.working_days, l.months) {
                    (Some(n), None, None) => Span::Days(n),
                    (None, Some(n), None) => Span::WorkingDays(n),
                    (None, None, Some(n)) => Span::Months(n),
                    _ => {
                        return Err(at(
                            text,
                            start,
                            "a limit has one of days, working_days or months".into(),
                        ));
                    }
                };
                list.push(Limit {
                    step: limited,
                    after,
                    span,
                });
            }
            r.limits = list;
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_gives_every_step_and_the_three_limits() {
        let r = Rules::shipped();
        assert_eq!(r.steps, Step::ALL.to_vec());
        assert_eq!(r.warn_days, 7);
        assert_eq!((r.min_age, r.max_age), (18, 60));
        assert_eq!(
            r.limits,
            vec![
                Limit {
                    step: Step::Vote,
                    after: Step::Class,
                    span: Span::Months(60)
                },
                Limit {
                    step: Step::Decision,
                    after: Step::Vote,
                    span: Span::WorkingDays(30)
                },
                Limit {
                    step: Step::Ceremony,
                    after: Step::Decision,
                    span: Span::WorkingDays(30)
                },
            ]
        );
    }

    #[test]
    fn a_user_file_replaces_the_steps_and_limits_it_names() {
        let r = Rules::with_user(
            "warn_days = 14\nsteps = [\"application\", \"vote\", \"decision\", \"ceremony\"]\n",
        )
        .unwrap();
        assert_eq!(r.warn_days, 14);
        assert_eq!(r.steps.len(), 4);
        // the class is no longer a step: its limit goes with it
        assert_eq!(r.limits.len(), 2);
        let r = Rules::with_user("[[limit]]\nstep = \"ceremony\"\nafter = \"vote\"\ndays = 90\n")
            .unwrap();
        assert_eq!(
            r.limits,
            vec![Limit {
                step: Step::Ceremony,
                after: Step::Vote,
                span: Span::Days(90)
            }]
        );
        assert_eq!(r.steps, Step::ALL.to_vec());
    }

    #[test]
    fn a_wrong_user_file_is_refused_with_its_line() {
        let line = |text: &str| {
            let e = Rules::with_user(text).unwrap_err();
            let first = e.lines().next().unwrap().to_string();
            (first, e)
        };
        let (at, e) = line("warn_days = 3\nsteps = [\"class\", \"party\"]\n");
        assert!(at.contains("line 2"), "{e}");
        assert!(e.contains("unknown step \"party\""), "{e}");
        let (at, e) = line("\nsteps = [\"vote\", \"ceremony\", \"decision\"]\n");
        assert!(at.contains("line 2"), "{e}");
        assert!(e.contains("end with"), "{e}");
        let (_, e) = line("steps = [\"class\", \"class\", \"vote\", \"decision\", \"ceremony\"]");
        assert!(e.contains("named twice"), "{e}");
        let (at, e) = line("\n\n[[limit]]\nstep = \"class\"\nafter = \"ceremony\"\ndays = 3\n");
        assert!(at.contains("line 5"), "{e}");
        let (_, e) =
            line("[[limit]]\nstep = \"ceremony\"\nafter = \"vote\"\ndays = 3\nmonths = 1\n");
        assert!(e.contains("one of days"), "{e}");
        let (at, e) = line("\nmin_age = 70\n");
        assert!(at.contains("line 2"), "{e}");
        assert!(Rules::with_user("colour = 1").is_err(), "an unknown key");
    }
}
