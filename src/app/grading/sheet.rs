//! The grading sheet as the screen shows it: each member's line with the year's record
//! and what the review wrote, the branch's line with its facts, and the warnings that
//! name the rule a proposal or decision breaks and its line in `evaluation.toml`.

use chrono::Datelike;

use crate::domain::branch_grade::{
    BranchFacts, BranchGrade, Shortfall, YearRecord, branch_facts, check_branch, propose_branch,
};
use crate::domain::evaluation::{Grade, Grading, Proposal, RuleFile, Warning, check, propose};
use crate::domain::meeting::{Meeting, MeetingId};
use crate::domain::member::{Member, MemberId};
use crate::domain::review::{Sheet, Whom};
use crate::export::evaluation::{
    MemberRow, Year, branch_grade_msg, evaluation, grade_msg, reason_text,
};
use crate::export::grading::shortfall_text;
use crate::i18n::{Lang, Msg};

/// A member's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberLine {
    pub member: MemberId,
    /// The year's record, as the evaluation report lists it.
    pub record: MemberRow,
    pub grading: Grading,
    /// The grade the record allows (members graded only).
    pub computed: Option<Proposal>,
    pub sheet: Sheet<Grade>,
}

/// The branch's own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchLine {
    pub facts: BranchFacts,
    pub computed: BranchGrade,
    /// What keeps the computed grade from the one above.
    pub shortfalls: Vec<Shortfall>,
    pub sheet: Sheet<BranchGrade>,
}

/// A warning of the sheet: the line it is about (none: the whole sheet) and its words,
/// the rule and its place included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetWarning {
    pub line: Option<usize>,
    /// About a decided grade (otherwise a proposed one).
    pub decision: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradingSheet {
    pub meeting: MeetingId,
    pub title: String,
    pub year: i32,
    pub locked: bool,
    pub members: Vec<MemberLine>,
    pub branch: BranchLine,
    /// The line selected: a member's, or the branch's after them.
    pub selected: usize,
    pub warnings: Vec<SheetWarning>,
}

impl GradingSheet {
    pub fn len(&self) -> usize {
        self.members.len() + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn whom(&self, line: usize) -> Whom {
        match self.members.get(line) {
            Some(m) => Whom::Member(m.member),
            None => Whom::Branch,
        }
    }

    /// The lines graded (decided or proposed) and their warnings, for the report too.
    pub fn warnings_of(&self, line: usize) -> impl Iterator<Item = &SheetWarning> {
        self.warnings
            .iter()
            .filter(move |w| w.line.is_none_or(|l| l == line))
    }
}

pub(crate) fn grade_label(g: Option<Grade>) -> Msg {
    g.map_or(Msg::GradeNone, grade_msg)
}

fn file_name(file: RuleFile) -> &'static str {
    match file {
        RuleFile::Shipped => "evaluation.toml (chibo)",
        RuleFile::User => "evaluation.toml",
    }
}

/// Why a member is not graded.
pub(crate) fn not_graded_msg(g: Grading) -> Msg {
    match g {
        Grading::Exempt => Msg::EvalExempt,
        Grading::JoinedLate => Msg::EvalJoinedLate,
        _ => Msg::EvalLeft,
    }
}

/// What the sheet of `meeting` is made from.
pub struct SheetData<'a> {
    pub meeting: &'a Meeting,
    pub members: &'a [Member],
    pub meetings: &'a [Meeting],
    pub resolutions: &'a [crate::domain::resolution::Resolution],
    pub tasks: &'a [crate::domain::task::Task],
    pub notes: &'a [crate::domain::notebook::Note],
    pub discipline: &'a [crate::domain::discipline::Discipline],
    pub awards: &'a [crate::domain::discipline::Award],
    pub rules: &'a crate::domain::evaluation::Rules,
}

/// The grading sheet of `d.meeting`, its record as of the meeting's day.
pub fn sheet(d: &SheetData, selected: usize, lang: Lang) -> GradingSheet {
    let m = d.meeting;
    let year = m.review.as_ref().map_or(m.date.year(), |r| r.year);
    let y = Year {
        year,
        members: d.members,
        meetings: d.meetings,
        tasks: d.tasks,
        notes: d.notes,
        discipline: d.discipline,
        awards: d.awards,
        resolutions: d.resolutions,
        rules: d.rules,
    };
    let report = evaluation(&y, m.date, None, lang);
    let review = m.review.as_ref();
    let by_id = |id: u64| d.members.iter().find(|x| x.id.0 == id);
    let members: Vec<MemberLine> = report
        .members
        .into_iter()
        .filter_map(|record| {
            let member = by_id(record.member_id)?;
            let grading = crate::domain::evaluation::grading(member, year, d.rules);
            let computed = (grading == Grading::Graded).then(|| propose(&record.evidence, d.rules));
            let sheet = review
                .and_then(|r| r.member(member.id))
                .cloned()
                .unwrap_or_default();
            Some(MemberLine {
                member: member.id,
                record,
                grading,
                computed,
                sheet,
            })
        })
        .collect();
    let graded: Vec<&Member> = members
        .iter()
        .filter(|l| l.grading == Grading::Graded)
        .filter_map(|l| by_id(l.member.0))
        .collect();
    let facts = branch_facts(&YearRecord {
        year,
        through_month: if m.date.year() == year {
            m.date.month()
        } else {
            12
        },
        meetings: d.meetings,
        members: d.members,
        graded: &graded,
        resolutions: d.resolutions,
        tasks: d.tasks,
    });
    let (computed, shortfalls) = propose_branch(&facts, &d.rules.branch);
    let branch = BranchLine {
        facts,
        computed,
        shortfalls,
        sheet: review.map(|r| r.branch.clone()).unwrap_or_default(),
    };
    let mut out = GradingSheet {
        meeting: m.id,
        title: Msg::GradingTitle.fill(
            lang,
            &[
                ("year", &year),
                ("meeting", &crate::domain::calendar::format_date(m.date)),
            ],
        ),
        year,
        locked: m.is_locked(),
        members,
        branch,
        selected: 0,
        warnings: Vec::new(),
    };
    out.selected = selected.min(out.len() - 1);
    out.warnings = warnings(&out, d.rules, lang);
    out
}

/// The proposals and the decisions checked against the rules, each set apart.
fn warnings(
    s: &GradingSheet,
    rules: &crate::domain::evaluation::Rules,
    lang: Lang,
) -> Vec<SheetWarning> {
    let mut out = Vec::new();
    let graded: Vec<usize> = (0..s.members.len())
        .filter(|&i| s.members[i].grading == Grading::Graded)
        .collect();
    let place = |w: &Warning| {
        let (file, line) = rules.place(w.rule());
        Msg::EvalRuleAt.fill(
            lang,
            &[
                ("rule", &w.rule().key()),
                ("file", &file_name(file)),
                ("line", &line),
            ],
        )
    };
    for (which, given) in [
        (
            Msg::GradingWarnProposal,
            &(|l: &MemberLine| l.sheet.proposed) as &dyn Fn(&MemberLine) -> Option<Grade>,
        ),
        (Msg::GradingWarnDecision, &|l: &MemberLine| {
            l.sheet.decided()
        }),
    ] {
        let lines: Vec<usize> = graded
            .iter()
            .copied()
            .filter(|&i| given(&s.members[i]).is_some())
            .collect();
        let pairs: Vec<(Grade, crate::domain::evaluation::Evidence)> = lines
            .iter()
            .filter_map(|&i| Some((given(&s.members[i])?, s.members[i].record.evidence)))
            .collect();
        for w in check(&pairs, rules) {
            let (line, text) = match &w {
                Warning::AboveEvidence {
                    member,
                    given,
                    allowed,
                    reason,
                } => {
                    let line = lines[*member];
                    let text = Msg::EvalAboveEvidence.fill(
                        lang,
                        &[
                            ("member", &s.members[line].record.member),
                            ("given", &grade_msg(*given).get(lang)),
                            ("allowed", &grade_msg(*allowed).get(lang)),
                            ("reason", &reason_text(reason, lang)),
                        ],
                    );
                    (Some(line), text)
                }
                Warning::OverCap {
                    excellent,
                    good,
                    cap,
                } => (
                    None,
                    Msg::EvalOverCap.fill(
                        lang,
                        &[("excellent", excellent), ("good", good), ("cap", cap)],
                    ),
                ),
            };
            out.push(SheetWarning {
                line,
                decision: which == Msg::GradingWarnDecision,
                text: format!("{} ({})", which.fill(lang, &[("text", &text)]), place(&w)),
            });
        }
    }
    let b = &s.branch;
    for (which, given) in [
        (Msg::GradingWarnProposal, b.sheet.proposed),
        (Msg::GradingWarnDecision, b.sheet.decided()),
    ] {
        let Some(given) = given else { continue };
        if let Some(short) = check_branch(given, &b.facts, &rules.branch) {
            let t = rules.branch.threshold(short.grade, short.criterion);
            let text = Msg::GradingBranchBelow.fill(
                lang,
                &[
                    ("grade", &branch_grade_msg(given).get(lang)),
                    ("shortfall", &shortfall_text(&short, lang)),
                ],
            );
            let rule = format!("branch.{}.{}", short.grade.key(), short.criterion.key());
            let at = Msg::EvalRuleAt.fill(
                lang,
                &[
                    ("rule", &rule),
                    ("file", &t.map_or("", |t| file_name(t.file))),
                    ("line", &t.map_or(0, |t| t.line)),
                ],
            );
            out.push(SheetWarning {
                line: Some(s.members.len()),
                decision: which == Msg::GradingWarnDecision,
                text: format!("{} ({at})", which.fill(lang, &[("text", &text)])),
            });
        }
    }
    out
}
