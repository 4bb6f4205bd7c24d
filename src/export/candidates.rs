//! `chibo report candidates`: every candidate for membership — stage, the day it
//! began, days waiting, the next step, the helper, the time limits and ages that need
//! attention — and each one's steps with their dates and proofs. The words of stages
//! and warnings are shared with the candidates screen.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Block, Document as Page, ListItem, Paragraph, Table, Value, table};
use super::report::{Document, Head, csv_header};
use crate::domain::branch::Branch;
use crate::domain::calendar::{WorkCalendar, format_date};
use crate::domain::candidates::{Candidate, Rules, Step, Warning};
use crate::i18n::{Lang, Msg};

/// A step's name.
pub fn step_name(step: Step) -> Msg {
    match step {
        Step::Class => Msg::StepClass,
        Step::Application => Msg::StepApplication,
        Step::Background => Msg::StepBackground,
        Step::Verification => Msg::StepVerification,
        Step::Introduction => Msg::StepIntroduction,
        Step::Comments => Msg::StepComments,
        Step::Vote => Msg::StepVote,
        Step::Decision => Msg::StepDecision,
        Step::Ceremony => Msg::StepCeremony,
    }
}

/// Where a candidate is: the last step taken, proposed, admitted or stopped.
pub fn stage_text(lang: Lang, c: &Candidate) -> String {
    if let Some(closed) = &c.closed {
        return Msg::CandClosed.fill(lang, &[("reason", &closed.reason)]);
    }
    if c.member.is_some() {
        return Msg::CandAdmitted.get(lang).to_string();
    }
    match c.stage() {
        Some(done) => step_name(done.step).get(lang).to_string(),
        None => Msg::CandProposed.get(lang).to_string(),
    }
}

/// A warning in words.
pub fn warning_text(lang: Lang, w: &Warning) -> String {
    match w {
        Warning::Limit { step, due, overdue } => {
            let msg = if *overdue {
                Msg::CandLimitOver
            } else {
                Msg::CandLimitDue
            };
            msg.fill(
                lang,
                &[
                    ("step", &step_name(*step).get(lang)),
                    ("date", &format_date(*due)),
                ],
            )
        }
        Warning::Age(age) => Msg::CandAge.fill(lang, &[("age", age)]),
    }
}

/// A step taken, as the JSON gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepRow {
    /// The step's name in `candidates.toml` ("class", "vote", "ceremony"…).
    pub step: &'static str,
    pub date: NaiveDate,
    pub proof: String,
}

/// A time limit that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitRow {
    pub step: &'static str,
    pub due: NaiveDate,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateRow {
    pub candidate_id: u64,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// "on_the_way", "admitted" or "closed".
    pub status: &'static str,
    /// The last step taken (null: just proposed).
    pub stage: Option<&'static str>,
    pub stage_began: NaiveDate,
    /// Days since the stage began, while on the way (null otherwise).
    pub days_waiting: Option<i64>,
    pub next_step: Option<&'static str>,
    /// The member helping (the lead of the helper's task).
    pub helper: Option<String>,
    pub limits: Vec<LimitRow>,
    /// The age today, when outside the rules' (an exception is needed).
    pub age_outside_rules: Option<u32>,
    pub steps: Vec<StepRow>,
    /// The probationary member the ceremony made.
    pub member_id: Option<u64>,
    pub closed_on: Option<NaiveDate>,
    pub closed_reason: Option<String>,
    #[serde(skip)]
    warnings: Vec<Warning>,
    #[serde(skip)]
    stage_shown: String,
    #[serde(skip)]
    next_shown: Option<Step>,
    #[serde(skip)]
    taken: Vec<(Step, NaiveDate, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidatesReport {
    /// "candidates".
    pub report: &'static str,
    pub as_of: NaiveDate,
    pub on_the_way: usize,
    pub admitted: usize,
    pub closed: usize,
    pub candidates: Vec<CandidateRow>,
    #[serde(skip)]
    pub lang: Lang,
}

/// The report of `candidates` (in the order given) as of `today`; `helper` names the
/// member helping a candidate.
pub fn report(
    candidates: &[Candidate],
    helper: &dyn Fn(&Candidate) -> Option<String>,
    rules: &Rules,
    cal: &WorkCalendar,
    today: NaiveDate,
    lang: Lang,
) -> CandidatesReport {
    let rows: Vec<CandidateRow> = candidates
        .iter()
        .map(|c| {
            let warnings = c.warnings(today, rules, cal);
            CandidateRow {
                candidate_id: c.id.0,
                name: c.full_name(),
                birth_date: c.birth_date,
                status: if c.closed.is_some() {
                    "closed"
                } else if c.is_open() {
                    "on_the_way"
                } else {
                    "admitted"
                },
                stage: c.stage().map(|d| d.step.key()),
                stage_began: c.stage_began(),
                days_waiting: c.days_waiting(today),
                next_step: c.next_step(rules).map(Step::key),
                helper: helper(c),
                limits: warnings
                    .iter()
                    .filter_map(|w| match w {
                        Warning::Limit { step, due, overdue } => Some(LimitRow {
                            step: step.key(),
                            due: *due,
                            overdue: *overdue,
                        }),
                        Warning::Age(_) => None,
                    })
                    .collect(),
                age_outside_rules: warnings.iter().find_map(|w| match w {
                    Warning::Age(a) => Some(*a),
                    Warning::Limit { .. } => None,
                }),
                steps: c
                    .steps
                    .iter()
                    .map(|d| StepRow {
                        step: d.step.key(),
                        date: d.date,
                        proof: d.proof.clone(),
                    })
                    .collect(),
                member_id: c.member.map(|m| m.0),
                closed_on: c.closed.as_ref().map(|x| x.date),
                closed_reason: c.closed.as_ref().map(|x| x.reason.clone()),
                stage_shown: stage_text(lang, c),
                next_shown: c.next_step(rules),
                taken: c
                    .steps
                    .iter()
                    .map(|d| (d.step, d.date, d.proof.clone()))
                    .collect(),
                warnings,
            }
        })
        .collect();
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    CandidatesReport {
        report: "candidates",
        as_of: today,
        on_the_way: count("on_the_way"),
        admitted: count("admitted"),
        closed: count("closed"),
        candidates: rows,
        lang,
    }
}

const CSV: [[&str; 7]; 2] = [
    [
        "ho_ten",
        "giai_doan",
        "tu_ngay",
        "so_ngay_cho",
        "buoc_tiep",
        "nguoi_giup_do",
        "luu_y",
    ],
    [
        "name",
        "stage",
        "stage_began",
        "days_waiting",
        "next_step",
        "helper",
        "warnings",
    ],
];

impl CandidatesReport {
    fn warnings_of(&self, r: &CandidateRow) -> String {
        r.warnings
            .iter()
            .map(|w| warning_text(self.lang, w))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn next_of(&self, r: &CandidateRow) -> String {
        r.next_shown
            .filter(|_| r.status == "on_the_way")
            .map(|s| step_name(s).get(self.lang).to_string())
            .unwrap_or_default()
    }
}

impl Document for CandidatesReport {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let rows = self
            .candidates
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.stage_shown.clone(),
                    format_date(r.stage_began),
                    r.days_waiting.map(|d| d.to_string()).unwrap_or_default(),
                    self.next_of(r),
                    r.helper.clone().unwrap_or_default(),
                    self.warnings_of(r),
                ]
            })
            .collect();
        (csv_header(&CSV, self.lang), rows)
    }

    fn table(&self) -> Table {
        table(
            self.lang,
            &[
                Msg::ColName,
                Msg::ColStage,
                Msg::ColStageBegan,
                Msg::RptColDaysWaiting,
                Msg::ColNextStep,
                Msg::ColHelper,
                Msg::ColCandWarning,
            ],
            &self.candidates,
            |r| {
                vec![
                    Value::text(r.name.clone()),
                    Value::text(r.stage_shown.clone()),
                    Value::Date(r.stage_began),
                    r.days_waiting.map(Value::Int).unwrap_or(Value::Empty),
                    Value::text(self.next_of(r)),
                    Value::text(r.helper.clone().unwrap_or_default()),
                    Value::text(self.warnings_of(r)),
                ]
            },
        )
    }

    fn head(&self) -> Head {
        let title = Msg::RptCandidatesTitle.get(self.lang).to_string();
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetCandidates)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        page.landscape = true;
        page.para(Msg::RptCandidatesCounts.fill(
            lang,
            &[
                ("open", &self.on_the_way),
                ("admitted", &self.admitted),
                ("closed", &self.closed),
            ],
        ));
        if self.candidates.is_empty() {
            page.para(Msg::RptCandidatesNone.get(lang));
            return page;
        }
        page.push(Block::Table(self.table()));
        page.heading(Msg::RptCandidatesSteps.get(lang));
        for r in &self.candidates {
            let items: Vec<ListItem> = r
                .taken
                .iter()
                .map(|(step, date, proof)| ListItem {
                    text: Paragraph::plain(format!(
                        "{} — {}: {proof}",
                        format_date(*date),
                        step_name(*step).get(lang)
                    )),
                    detail: None,
                })
                .collect();
            page.paragraph(Paragraph::bold(format!("{} ({})", r.name, r.stage_shown)));
            if items.is_empty() {
                page.para(Msg::RptCandidatesNoStep.get(lang));
            } else {
                page.push(Block::List(items));
            }
        }
        page
    }
}
