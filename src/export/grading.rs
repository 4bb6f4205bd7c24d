//! What the year-end review decided, in the evaluation report: each member's
//! self-grade, the chi ủy's proposal, the discussion and the grade decided with its
//! vote; the branch's own grade from its criteria and the branch's decision.

use chrono::Datelike;
use serde::Serialize;

use super::document::{Block, Document as Page};
use super::evaluation::{branch_grade_msg, grade_msg};
use crate::domain::branch_grade::{
    BranchGrade, Criterion, Shortfall, YearRecord, branch_facts, check_branch, propose_branch,
};
use crate::domain::evaluation::{Grade, Rules};
use crate::domain::meeting::{Meeting, MeetingKind};
use crate::domain::member::Member;
use crate::domain::resolution::Resolution;
use crate::domain::review::{Review, Sheet};
use crate::domain::task::Task;
use crate::domain::vote::{Vote, VoteRule};
use crate::i18n::{Lang, Msg, labels};

/// The year-end meeting that grades `year`: the latest one with a grading.
pub fn review_of(meetings: &[Meeting], year: i32) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.kind == MeetingKind::YearEnd)
        .filter(|m| m.review.as_ref().is_some_and(|r| r.year == year))
        .max_by_key(|m| (m.date, m.start, m.id))
}

fn criterion_msg(c: Criterion) -> Msg {
    match c {
        Criterion::Meetings => Msg::CritMeetings,
        Criterion::ItemsDone => Msg::CritItemsDone,
        Criterion::TaskCoverage => Msg::CritCoverage,
        Criterion::Quality => Msg::CritQuality,
    }
}

pub(crate) fn shortfall_text(s: &Shortfall, lang: Lang) -> String {
    Msg::GradingShortfall.fill(
        lang,
        &[
            ("criterion", &criterion_msg(s.criterion).get(lang)),
            ("percent", &s.percent),
            ("grade", &branch_grade_msg(s.grade).get(lang)),
            ("needed", &s.needed),
        ],
    )
}

/// A vote as the report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteCount {
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    pub other: u32,
    /// The count the rule divides by.
    pub of: u32,
    pub rule: VoteRule,
}

impl VoteCount {
    pub fn of(v: &Vote) -> VoteCount {
        VoteCount {
            in_favour: v.in_favour,
            against: v.against,
            other: v.other,
            of: v.denominator(),
            rule: v.rule,
        }
    }
}

/// A member's line of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Decided {
    pub self_grade: Option<Grade>,
    /// The chi ủy's proposal.
    pub committee_proposed: Option<Grade>,
    pub decided: Option<Grade>,
    pub vote: Option<VoteCount>,
    pub discussion: String,
    /// The decision was changed by an amendment after the minutes were approved.
    pub amended: bool,
}

impl Decided {
    pub fn of(s: Option<&Sheet<Grade>>) -> Decided {
        let Some(s) = s else {
            return Decided::default();
        };
        Decided {
            self_grade: s.self_grade,
            committee_proposed: s.proposed,
            decided: s.decided(),
            vote: s.decision.as_ref().map(|d| VoteCount::of(&d.vote)),
            discussion: s.note.clone(),
            amended: !s.earlier.is_empty(),
        }
    }
}

/// The branch's own grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BranchRow {
    pub months_met: u32,
    pub months: u32,
    pub resolutions_adopted: u32,
    pub items_done: u32,
    pub items: u32,
    pub members_with_task: u32,
    pub members: u32,
    pub meetings_of_quality: u32,
    pub meetings_held: u32,
    /// From the criteria.
    pub proposed: BranchGrade,
    /// The criteria that keep it from the grade above, by their names in the file.
    pub held_by: Vec<String>,
    pub committee_proposed: Option<BranchGrade>,
    pub decided: Option<BranchGrade>,
    pub vote: Option<VoteCount>,
    pub discussion: String,
    /// A decided grade the criteria do not allow: the criterion, its file and line.
    pub warning: Option<String>,
}

/// What the branch's row is made from.
pub struct BranchYear<'a> {
    pub year: i32,
    pub as_of: chrono::NaiveDate,
    pub meetings: &'a [Meeting],
    pub members: &'a [Member],
    pub graded: &'a [&'a Member],
    pub resolutions: &'a [Resolution],
    pub tasks: &'a [Task],
    pub review: Option<&'a Meeting>,
    pub rules: &'a Rules,
}

pub fn branch_row(b: &BranchYear, lang: Lang) -> BranchRow {
    let through_month = match b.review {
        Some(m) if m.date.year() == b.year => m.date.month(),
        _ => b.as_of.month(),
    };
    let f = branch_facts(&YearRecord {
        year: b.year,
        through_month,
        meetings: b.meetings,
        members: b.members,
        graded: b.graded,
        resolutions: b.resolutions,
        tasks: b.tasks,
    });
    let (proposed, shortfalls) = propose_branch(&f, &b.rules.branch);
    let sheet = b
        .review
        .and_then(|m| m.review.as_ref())
        .map(|r: &Review| &r.branch);
    let decided = sheet.and_then(|s| s.decided());
    let warning = decided
        .and_then(|g| check_branch(g, &f, &b.rules.branch))
        .map(|s| {
            let t = b.rules.branch.threshold(s.grade, s.criterion);
            let rule = format!("branch.{}.{}", s.grade.key(), s.criterion.key());
            format!(
                "{} ({})",
                shortfall_text(&s, lang),
                Msg::EvalRuleAt.fill(
                    lang,
                    &[
                        ("rule", &rule),
                        (
                            "file",
                            &t.map_or("", |t| match t.file {
                                crate::domain::evaluation::RuleFile::Shipped => {
                                    "evaluation.toml (chibo)"
                                }
                                crate::domain::evaluation::RuleFile::User => "evaluation.toml",
                            }),
                        ),
                        ("line", &t.map_or(0, |t| t.line)),
                    ],
                )
            )
        });
    BranchRow {
        months_met: f.months_met,
        months: f.months,
        resolutions_adopted: f.resolutions_adopted,
        items_done: f.items_done,
        items: f.items,
        members_with_task: f.members_with_task,
        members: f.members,
        meetings_of_quality: f.meetings_of_quality,
        meetings_held: f.meetings_held,
        proposed,
        held_by: shortfalls
            .iter()
            .map(|s| format!("branch.{}.{}", s.grade.key(), s.criterion.key()))
            .collect(),
        committee_proposed: sheet.and_then(|s| s.proposed),
        decided,
        vote: sheet
            .and_then(|s| s.decision.as_ref())
            .map(|d| VoteCount::of(&d.vote)),
        discussion: sheet.map(|s| s.note.clone()).unwrap_or_default(),
        warning,
    }
}

fn vote_text(v: &VoteCount, lang: Lang) -> String {
    Msg::EvalVoteCell.fill(
        lang,
        &[
            ("for", &v.in_favour),
            ("of", &v.of),
            ("rule", &labels::vote_rule(v.rule).get(lang).to_string()),
        ],
    )
}

/// The branch's part of the printed report.
pub fn branch_section(page: &mut Page, b: &BranchRow, lang: Lang) {
    page.heading(Msg::EvalBranchHeading.get(lang));
    let mut lines = vec![
        Msg::GradingBranchFacts.fill(
            lang,
            &[
                ("met", &b.months_met),
                ("months", &b.months),
                ("resolutions", &b.resolutions_adopted),
                ("done", &b.items_done),
                ("items", &b.items),
                ("with", &b.members_with_task),
                ("members", &b.members),
                ("quality", &b.meetings_of_quality),
                ("held", &b.meetings_held),
            ],
        ),
        Msg::EvalBranchProposed.fill(lang, &[("grade", &branch_grade_msg(b.proposed).get(lang))]),
    ];
    if let Some(g) = b.committee_proposed {
        lines.push(
            Msg::EvalCommitteeProposed.fill(lang, &[("grade", &branch_grade_msg(g).get(lang))]),
        );
    }
    match (b.decided, &b.vote) {
        (Some(g), Some(v)) => lines.push(Msg::EvalDecidedLine.fill(
            lang,
            &[
                ("grade", &branch_grade_msg(g).get(lang)),
                ("vote", &vote_text(v, lang)),
            ],
        )),
        _ => lines.push(Msg::EvalNotDecided.get(lang).to_string()),
    }
    if let Some(w) = &b.warning {
        lines.push(w.clone());
    }
    page.push(Block::lines(lines));
}

/// One member's review, for their own sheet.
pub fn member_section(page: &mut Page, d: &Decided, lang: Lang) {
    page.heading(Msg::EvalReviewHeading.get(lang));
    let grade = |g: Option<Grade>| {
        g.map(|g| grade_msg(g).get(lang).to_string())
            .unwrap_or_else(|| Msg::GradeNone.get(lang).to_string())
    };
    let mut lines = vec![
        Msg::EvalSelfGrade.fill(lang, &[("grade", &grade(d.self_grade))]),
        Msg::EvalCommitteeProposed.fill(lang, &[("grade", &grade(d.committee_proposed))]),
    ];
    if !d.discussion.is_empty() {
        lines.push(Msg::GradingNoteLine.fill(lang, &[("note", &d.discussion)]));
    }
    match (d.decided, &d.vote) {
        (Some(g), Some(v)) => lines.push(Msg::EvalDecidedLine.fill(
            lang,
            &[
                ("grade", &grade_msg(g).get(lang)),
                ("vote", &vote_text(v, lang)),
            ],
        )),
        _ => lines.push(Msg::EvalNotDecided.get(lang).to_string()),
    }
    page.push(Block::lines(lines));
}
