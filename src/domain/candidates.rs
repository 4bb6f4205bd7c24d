// Over 500 lines: one procedure, step by step with its limits and ages; its tests a quarter of it.
//! Candidates for membership (quần chúng ưu tú, DOMAIN.md §Candidates): the person
//! (only what the procedure needs), the steps taken with their date and proof, the
//! next step, how long the stage has waited and the time limits that apply. The steps
//! and limits are data (`candidates.toml`: the shipped file with the user's values
//! over it). A candidate who stops is closed with a reason, never deleted.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{WorkCalendar, add_months};
use super::member::{Gender, Member, MemberId, Standing};
use super::task::TaskId;
use super::text;

/// The shipped steps and limits.
pub const DEFAULT_RULES: &str = include_str!("candidates.toml");

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct CandidateId(pub u64);

/// A step on the way to membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Học lớp bồi dưỡng nhận thức về Đảng (its certificate).
    Class,
    /// Đơn xin vào Đảng.
    Application,
    /// Lý lịch của người xin vào Đảng.
    Background,
    /// Thẩm tra lý lịch.
    Verification,
    /// Giới thiệu: two official members, or the youth union / trade union.
    Introduction,
    /// Nhận xét của đoàn thể và của chi ủy nơi cư trú.
    Comments,
    /// The branch's vote (2/3 of the official members), taken in a meeting.
    Vote,
    /// The upper level's decision (number, date).
    Decision,
    /// Lễ kết nạp: the candidate becomes a probationary member.
    Ceremony,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Class,
        Step::Application,
        Step::Background,
        Step::Verification,
        Step::Introduction,
        Step::Comments,
        Step::Vote,
        Step::Decision,
        Step::Ceremony,
    ];

    /// Its name in `candidates.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Step::Class => "class",
            Step::Application => "application",
            Step::Background => "background",
            Step::Verification => "verification",
            Step::Introduction => "introduction",
            Step::Comments => "comments",
            Step::Vote => "vote",
            Step::Decision => "decision",
            Step::Ceremony => "ceremony",
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }
}

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

/// A step taken: its date and what proves it (certificate number, decision number…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub step: Step,
    pub date: NaiveDate,
    #[serde(default)]
    pub proof: String,
}

/// Why a candidate stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    pub date: NaiveDate,
    pub reason: String,
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
    pub vote: Option<super::discipline::VoteRef>,
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

/// What needs the secretary's eye on a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// `step` is due by `due`; `overdue` once that day has passed.
    Limit {
        step: Step,
        due: NaiveDate,
        overdue: bool,
    },
    /// The age (today, or at the ceremony) is outside the rules': an exception is
    /// needed.
    Age(u32),
}

/// Whole years from `born` to `on`.
pub fn age(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0) as u32
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

    /// Closes the candidate with a reason: kept, never deleted.
    pub fn close(
        &mut self,
        date: NaiveDate,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), CandidateError> {
        if !self.is_open() {
            return Err(CandidateError::Finished);
        }
        if date > today {
            return Err(CandidateError::InFuture);
        }
        if date < self.stage_began() {
            return Err(CandidateError::BeforeStage);
        }
        let reason = text::clean(reason);
        if reason.is_empty() {
            return Err(CandidateError::NoReason);
        }
        self.closed = Some(Closed { date, reason });
        Ok(())
    }

    /// The time limits that apply now (announced `warn_days` ahead, or run out) and
    /// an age outside the rules', for a candidate on the way.
    pub fn warnings(&self, today: NaiveDate, rules: &Rules, cal: &WorkCalendar) -> Vec<Warning> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        for l in &rules.limits {
            let Some(after) = self.taken(l.after) else {
                continue;
            };
            if self.done(l.step) {
                continue;
            }
            let due = l.span.end(after.date, cal);
            if (due - today).num_days() <= i64::from(rules.warn_days) {
                out.push(Warning::Limit {
                    step: l.step,
                    due,
                    overdue: today > due,
                });
            }
        }
        if let Some(born) = self.birth_date {
            let a = age(born, today);
            if a < rules.min_age || a > rules.max_age {
                out.push(Warning::Age(a));
            }
        }
        out
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

/// The branch's vote on admitting `c`: the latest admission vote of the minutes whose
/// subject names the candidate ("Kết nạp quần chúng Nguyễn Thị Hoa"), held on or after
/// the day the present stage began; with the meeting's date.
pub fn admission_vote<'a>(
    c: &Candidate,
    meetings: &'a [super::meeting::Meeting],
) -> Option<(super::discipline::VoteRef, NaiveDate, &'a super::vote::Vote)> {
    let name = text::fold(&c.full_name());
    let mut found = None;
    for m in meetings.iter().filter(|m| m.date >= c.stage_began()) {
        for (i, item) in m.agenda.iter().enumerate() {
            for (e, entry) in item.entries.iter().enumerate() {
                if let super::meeting::EntryKind::Vote(v) = &entry.kind
                    && v.kind == super::vote::VoteSubject::Admission
                    && text::fold(&v.subject).contains(&name)
                    && found.is_none_or(|(_, d, _)| m.date >= d)
                {
                    found = Some(((m.id, i, e), m.date, v));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn walk(c: &mut Candidate, rules: &Rules, until: Step, start: NaiveDate) -> NaiveDate {
        let mut day = start;
        for s in rules.steps.clone() {
            c.record(s, day, &format!("{} proof", s.key()), d(2030, 1, 1), rules)
                .unwrap();
            if s == until {
                break;
            }
            day += chrono::Duration::days(10);
        }
        day
    }

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

    #[test]
    fn limits_are_announced_ahead_and_run_out() {
        let r = Rules::shipped();
        let cal = WorkCalendar::vietnam();
        let mut c = Candidate::new("Phạm", "", "Lan", d(2026, 1, 1));
        let decided = walk(&mut c, &r, Step::Decision, d(2026, 1, 5));
        let due = cal.add_working_days(decided, 30);
        assert!(c.warnings(decided, &r, &cal).is_empty(), "far away");
        let near = due - chrono::Duration::days(7);
        assert_eq!(
            c.warnings(near, &r, &cal),
            vec![Warning::Limit {
                step: Step::Ceremony,
                due,
                overdue: false
            }]
        );
        let late = due + chrono::Duration::days(1);
        assert_eq!(
            c.warnings(late, &r, &cal),
            vec![Warning::Limit {
                step: Step::Ceremony,
                due,
                overdue: true
            }]
        );
        // closed: no more warnings
        c.close(late, "Chuyển nơi cư trú", late).unwrap();
        assert!(c.warnings(late, &r, &cal).is_empty());
    }

    #[test]
    fn an_age_outside_the_rules_is_warned() {
        let r = Rules::shipped();
        let cal = WorkCalendar::vietnam();
        let mut c = Candidate::new("Võ", "", "An", d(2026, 1, 1));
        c.birth_date = Some(d(2009, 6, 1));
        assert_eq!(c.warnings(d(2026, 5, 31), &r, &cal), vec![Warning::Age(16)]);
        c.birth_date = Some(d(1990, 6, 1));
        assert!(c.warnings(d(2026, 5, 31), &r, &cal).is_empty());
        assert_eq!(age(d(2000, 2, 29), d(2018, 2, 28)), 17);
    }

    #[test]
    fn closing_needs_a_reason_and_ends_the_way() {
        let r = Rules::shipped();
        let today = d(2026, 12, 2);
        let mut c = Candidate::new("Đỗ", "", "Minh", d(2026, 3, 1));
        assert_eq!(c.close(today, " ", today), Err(CandidateError::NoReason));
        assert!(c.closed.is_none());
        c.close(today, "Xin thôi", today).unwrap();
        assert_eq!(c.next_step(&r), None);
        assert_eq!(
            c.record(Step::Class, today, "x", today, &r),
            Err(CandidateError::Finished)
        );
        assert_eq!(
            c.close(today, "again", today),
            Err(CandidateError::Finished)
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
