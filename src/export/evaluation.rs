// Over 500 lines: one report, each member's year of evidence as the upper level asks for it.
//! `chibo report evaluation`: the list the upper level asks for at the year's end —
//! each member with the year's evidence (attendance, tasks, the notebook, discipline
//! and awards), the grade proposed from it under the rules of `evaluation.toml`, the
//! counts and shares per grade, and the warnings that name the rule a grade breaks —
//! and one member's own sheet (`--member`).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::document::{Block, Document as Page, ListItem, Paragraph, Table, Value, table};
use super::report::{Document, Head, csv_header, year_as_of};
use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::discipline::{Award, Discipline, DisciplineForm, disciplined_in};
use crate::domain::evaluation::{
    Evidence, Grade, Grading, Reason, RuleFile, Rules, Warning, check, grading, propose, tally,
};
use crate::domain::meeting::Meeting;
use crate::domain::member::Member;
use crate::domain::notebook::{Note, summary};
use crate::domain::record::member_record;
use crate::domain::task::Task;
use crate::i18n::{Lang, Msg};

/// One member of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberRow {
    pub member_id: u64,
    pub member: String,
    /// graded, exempt, joined_late, left.
    pub grading: &'static str,
    pub attendance_percent: Option<u32>,
    /// Tasks due in the year whose outcome is known (done, or due and not done).
    pub tasks: u32,
    pub tasks_on_time: u32,
    pub tasks_late: u32,
    pub tasks_exceeded: u32,
    pub strengths: usize,
    pub shortcomings: usize,
    pub shortcomings_open: usize,
    pub commitments: usize,
    pub commitments_met: usize,
    /// The discipline forms that count for the year.
    pub discipline: Vec<DisciplineForm>,
    /// The awards of the year.
    pub awards: Vec<String>,
    /// Points on 100: entered at the year-end meeting, or weighed from attendance and
    /// tasks.
    pub points: Option<u32>,
    pub points_entered: bool,
    /// excellent, good, done, not_done; none for a member not graded.
    pub proposed: Option<Grade>,
    /// The rules that keep the grade from a higher one, by their names in the file.
    pub held_by: Vec<&'static str>,
    /// What the year-end review wrote and decided.
    #[serde(flatten)]
    pub review: super::grading::Decided,
    /// What the proposal rests on, for the grading sheet's checks.
    #[serde(skip)]
    pub evidence: Evidence,
}

/// A warning: the rule, where it is written, and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleWarning {
    pub rule: &'static str,
    /// "evaluation.toml" of the config folder, or the shipped rules.
    pub file: &'static str,
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeCount {
    pub grade: Grade,
    pub count: usize,
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub report: &'static str,
    pub year: i32,
    pub as_of: NaiveDate,
    pub members: Vec<MemberRow>,
    /// The grades the branch decided at the year-end meeting, counted.
    pub grades: Vec<GradeCount>,
    /// The grades proposed from the record, counted, of the members graded.
    pub proposed_grades: Vec<GradeCount>,
    /// The branch's own grade (the whole list only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<super::grading::BranchRow>,
    pub warnings: Vec<RuleWarning>,
    /// One member's sheet: notes and records listed in full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Sheet>,
    #[serde(skip)]
    pub lang: Lang,
}

/// What one member's own sheet lists beyond the row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sheet {
    pub notes: Vec<SheetNote>,
    pub discipline: Vec<SheetRecord>,
    pub awards: Vec<SheetRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetNote {
    pub date: NaiveDate,
    pub kind: crate::domain::notebook::NoteKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetRecord {
    pub date: NaiveDate,
    pub what: String,
    pub number: String,
    pub reason: String,
}

/// What the report is made from.
pub struct Year<'a> {
    pub year: i32,
    pub members: &'a [Member],
    pub meetings: &'a [Meeting],
    pub tasks: &'a [Task],
    pub notes: &'a [Note],
    pub discipline: &'a [Discipline],
    pub awards: &'a [Award],
    pub resolutions: &'a [crate::domain::resolution::Resolution],
    pub rules: &'a Rules,
}

fn grading_key(g: Grading) -> &'static str {
    match g {
        Grading::Graded => "graded",
        Grading::Exempt => "exempt",
        Grading::JoinedLate => "joined_late",
        Grading::Left => "left",
    }
}

pub(crate) fn branch_grade_msg(g: crate::domain::branch_grade::BranchGrade) -> Msg {
    use crate::domain::branch_grade::BranchGrade as B;
    match g {
        B::Strong => Msg::BranchGradeStrong,
        B::Good => Msg::BranchGradeGood,
        B::Done => Msg::BranchGradeDone,
        B::NotDone => Msg::BranchGradeNotDone,
    }
}

pub(crate) fn grade_msg(g: Grade) -> Msg {
    match g {
        Grade::Excellent => Msg::GradeExcellent,
        Grade::Good => Msg::GradeGood,
        Grade::Done => Msg::GradeDone,
        Grade::NotDone => Msg::GradeNotDone,
    }
}

fn discipline_msg(f: DisciplineForm) -> Msg {
    match f {
        DisciplineForm::Reprimand => Msg::DisciplineReprimand,
        DisciplineForm::Warning => Msg::DisciplineWarning,
        DisciplineForm::Removal => Msg::DisciplineRemoval,
        DisciplineForm::Expulsion => Msg::DisciplineExpulsion,
    }
}

/// The report for `y.year`, as of `today`; for one member when `only` is given.
pub fn evaluation(y: &Year, today: NaiveDate, only: Option<&Member>, lang: Lang) -> Evaluation {
    let as_of = year_as_of(y.year, today);
    let review_meeting = super::grading::review_of(y.meetings, y.year);
    let review = review_meeting.and_then(|m| m.review.as_ref());
    let mut rows = Vec::new();
    let mut graded: Vec<(usize, Grade, Evidence)> = Vec::new();
    // the members of the year: those on the roster, and those who left during it
    let of_year = y.members.iter().filter(|m| {
        m.activity.on_roster()
            || m.history
                .last()
                .is_some_and(|c| c.date.year() == y.year && !c.to.on_roster())
    });
    for m in of_year {
        if only.is_some_and(|o| o.id != m.id) {
            continue;
        }
        let r = member_record(
            m,
            y.year,
            y.meetings,
            y.tasks.iter().filter(|t| t.involves(m.id)),
            as_of,
        );
        let notebook = summary(y.notes, m.id, y.year);
        let evidence = Evidence {
            // the points the year-end meeting entered, when the branch scores
            points: review.and_then(|r| r.member(m.id)).and_then(|s| s.points),
            attendance_percent: r.attendance_percent(),
            assigned: r.on_time + r.late + r.not_done,
            on_time: r.on_time,
            late: r.late,
            exceeded: r.exceeded,
            disciplined: disciplined_in(y.discipline, m.id, y.year),
            shortcomings_open: notebook.shortcomings_open,
        };
        let how = grading(m, y.year, y.rules);
        let proposal = (how == Grading::Graded).then(|| propose(&evidence, y.rules));
        if let Some(p) = &proposal {
            graded.push((rows.len(), p.grade, evidence));
        }
        rows.push(MemberRow {
            member_id: m.id.0,
            member: m.full_name(),
            grading: grading_key(how),
            attendance_percent: r.attendance_percent(),
            tasks: evidence.assigned,
            tasks_on_time: r.on_time,
            tasks_late: r.late,
            tasks_exceeded: r.exceeded,
            strengths: notebook.strengths,
            shortcomings: notebook.shortcomings,
            shortcomings_open: notebook.shortcomings_open,
            commitments: notebook.commitments,
            commitments_met: notebook.commitments_met,
            discipline: y
                .discipline
                .iter()
                .filter(|d| d.member == m.id && d.counts_for == y.year)
                .map(|d| d.form)
                .collect(),
            awards: y
                .awards
                .iter()
                .filter(|a| a.member == m.id && a.date.year() == y.year)
                .map(|a| a.form.clone())
                .collect(),
            points: proposal.as_ref().map(|p| p.points),
            points_entered: proposal.as_ref().is_some_and(|p| p.points_entered),
            proposed: proposal.as_ref().map(|p| p.grade),
            held_by: proposal
                .as_ref()
                .map(|p| p.reasons.iter().map(|r| r.rule().key()).collect())
                .unwrap_or_default(),
            review: if how == Grading::Graded {
                super::grading::Decided::of(review.and_then(|r| r.member(m.id)))
            } else {
                super::grading::Decided::default()
            },
            evidence,
        });
    }
    let counted = |grades: &[Grade]| -> Vec<GradeCount> {
        tally(grades)
            .into_iter()
            .map(|(grade, count, percent)| GradeCount {
                grade,
                count,
                percent,
            })
            .collect()
    };
    let proposed: Vec<Grade> = graded.iter().map(|(_, g, _)| *g).collect();
    // the decisions, each with the evidence it rests on
    let decided: Vec<(usize, Grade, Evidence)> = graded
        .iter()
        .filter_map(|(row, _, e)| Some((*row, rows[*row].review.decided?, *e)))
        .collect();
    let decided_grades: Vec<Grade> = decided.iter().map(|(_, g, _)| *g).collect();
    let mut warnings = Vec::new();
    for (set, decision) in [(&graded, false), (&decided, true)] {
        let pairs: Vec<(Grade, Evidence)> = set.iter().map(|(_, g, e)| (*g, *e)).collect();
        for w in check(&pairs, y.rules) {
            let (file, line) = y.rules.place(w.rule());
            let text = warning_text(&w, &rows, set, lang);
            warnings.push(RuleWarning {
                rule: w.rule().key(),
                file: match file {
                    RuleFile::Shipped => "evaluation.toml (chibo)",
                    RuleFile::User => "evaluation.toml",
                },
                line,
                text: if decision {
                    Msg::GradingWarnDecision.fill(lang, &[("text", &text)])
                } else {
                    text
                },
            });
        }
    }
    let branch = only.is_none().then(|| {
        let graded_members: Vec<&Member> = graded
            .iter()
            .filter_map(|(row, ..)| y.members.iter().find(|m| m.id.0 == rows[*row].member_id))
            .collect();
        super::grading::branch_row(
            &super::grading::BranchYear {
                year: y.year,
                as_of,
                meetings: y.meetings,
                members: y.members,
                graded: &graded_members,
                resolutions: y.resolutions,
                tasks: y.tasks,
                review: review_meeting,
                rules: y.rules,
            },
            lang,
        )
    });
    let sheet = only.map(|m| Sheet {
        notes: crate::domain::notebook::of_year(y.notes, m.id, y.year)
            .into_iter()
            .map(|n| SheetNote {
                date: n.date,
                kind: n.kind,
                text: n.text.clone(),
            })
            .collect(),
        discipline: y
            .discipline
            .iter()
            .filter(|d| d.member == m.id)
            .map(|d| SheetRecord {
                date: d.date,
                what: format!("{} — {}", discipline_msg(d.form).get(lang), d.body),
                number: d.number.clone(),
                reason: d.reason.clone(),
            })
            .collect(),
        awards: y
            .awards
            .iter()
            .filter(|a| a.member == m.id)
            .map(|a| SheetRecord {
                date: a.date,
                what: [a.form.as_str(), a.level.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" — "),
                number: a.number.clone(),
                reason: a.reason.clone(),
            })
            .collect(),
    });
    Evaluation {
        report: "evaluation",
        year: y.year,
        as_of,
        members: rows,
        grades: counted(&decided_grades),
        proposed_grades: counted(&proposed),
        branch,
        warnings,
        sheet,
        lang,
    }
}

pub(crate) fn reason_text(r: &Reason, lang: Lang) -> String {
    match r {
        Reason::Points { points, needed, .. } => {
            Msg::EvalReasonPoints.fill(lang, &[("points", points), ("needed", needed)])
        }
        Reason::OnTime { percent, needed } => {
            Msg::EvalReasonOnTime.fill(lang, &[("percent", percent), ("needed", needed)])
        }
        Reason::Exceeded { percent, needed } => {
            Msg::EvalReasonExceeded.fill(lang, &[("percent", percent), ("needed", needed)])
        }
        Reason::ShortcomingsOpen(n) => Msg::EvalReasonShortcomings.fill(lang, &[("n", n)]),
        Reason::TooFewDone { percent, needed } => {
            Msg::EvalReasonTooFew.fill(lang, &[("percent", percent), ("needed", needed)])
        }
        Reason::Disciplined(g) => {
            Msg::EvalReasonDisciplined.fill(lang, &[("grade", &grade_msg(*g).get(lang))])
        }
    }
}

fn warning_text(
    w: &Warning,
    rows: &[MemberRow],
    graded: &[(usize, Grade, Evidence)],
    lang: Lang,
) -> String {
    match w {
        Warning::AboveEvidence {
            member,
            given,
            allowed,
            reason,
        } => {
            let name = graded
                .get(*member)
                .and_then(|(row, ..)| rows.get(*row))
                .map(|r| r.member.as_str())
                .unwrap_or_default();
            Msg::EvalAboveEvidence.fill(
                lang,
                &[
                    ("member", &name),
                    ("given", &grade_msg(*given).get(lang)),
                    ("allowed", &grade_msg(*allowed).get(lang)),
                    ("reason", &reason_text(reason, lang)),
                ],
            )
        }
        Warning::OverCap {
            excellent,
            good,
            cap,
        } => Msg::EvalOverCap.fill(
            lang,
            &[("excellent", excellent), ("good", good), ("cap", cap)],
        ),
    }
}

const EVALUATION_CSV: [[&str; 15]; 2] = [
    [
        "ho_ten",
        "xep_loai",
        "ty_le_du_hop",
        "nhiem_vu",
        "dung_han",
        "tre_han",
        "vuot_muc",
        "uu_diem",
        "khuyet_diem_chua_sua",
        "cam_ket_da_thuc_hien",
        "ky_luat",
        "khen_thuong",
        "de_xuat",
        "tu_xep_loai",
        "quyet_dinh",
    ],
    [
        "member",
        "grading",
        "attendance_percent",
        "tasks",
        "tasks_on_time",
        "tasks_late",
        "tasks_exceeded",
        "strengths",
        "shortcomings_open",
        "commitments_met",
        "discipline",
        "awards",
        "proposed",
        "self_grade",
        "decided",
    ],
];

impl Evaluation {
    fn proposed_text(&self, r: &MemberRow) -> String {
        match r.proposed {
            Some(g) => grade_msg(g).get(self.lang).to_string(),
            None => match r.grading {
                "exempt" => Msg::EvalExempt,
                "joined_late" => Msg::EvalJoinedLate,
                _ => Msg::EvalLeft,
            }
            .get(self.lang)
            .to_string(),
        }
    }

    fn grade_text(&self, g: Option<Grade>) -> String {
        g.map(|g| grade_msg(g).get(self.lang).to_string())
            .unwrap_or_default()
    }

    fn discipline_text(&self, r: &MemberRow) -> String {
        r.discipline
            .iter()
            .map(|f| discipline_msg(*f).get(self.lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl Document for Evaluation {
    fn csv(&self) -> (&'static [&'static str], Vec<Vec<String>>) {
        let header = csv_header(&EVALUATION_CSV, self.lang);
        let pct = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_default();
        let rows = self
            .members
            .iter()
            .map(|r| {
                vec![
                    r.member.clone(),
                    r.grading.to_string(),
                    pct(r.attendance_percent),
                    r.tasks.to_string(),
                    r.tasks_on_time.to_string(),
                    r.tasks_late.to_string(),
                    r.tasks_exceeded.to_string(),
                    r.strengths.to_string(),
                    r.shortcomings_open.to_string(),
                    format!("{}/{}", r.commitments_met, r.commitments),
                    self.discipline_text(r),
                    r.awards.join("; "),
                    self.proposed_text(r),
                    self.grade_text(r.review.self_grade),
                    self.grade_text(r.review.decided),
                ]
            })
            .collect();
        (header, rows)
    }

    fn head(&self) -> Head {
        let title = Msg::RptEvaluationTitle.fill(self.lang, &[("year", &self.year)]);
        Head::dated(self.lang, self.as_of, title, Msg::RptSheetEvaluation)
    }

    fn page(&self, branch: Option<&Branch>) -> Page {
        let lang = self.lang;
        let mut page = self.opening(branch);
        page.landscape = true;
        page.para(Msg::EvalProposedNote.get(lang));
        page.push(Block::Table(self.table()));
        page.heading(Msg::EvalTally.get(lang));
        page.push(Block::Table(table(
            lang,
            &[
                Msg::EvalColGrade,
                Msg::EvalDecidedCount,
                Msg::EvalColShare,
                Msg::EvalProposedCount,
                Msg::EvalColShare,
            ],
            self.grades.iter().zip(&self.proposed_grades),
            |(g, p)| {
                vec![
                    Value::text(grade_msg(g.grade).get(lang)),
                    Value::Int(g.count as i64),
                    Value::Int(i64::from(g.percent)),
                    Value::Int(p.count as i64),
                    Value::Int(i64::from(p.percent)),
                ]
            },
        )));
        if let Some(b) = &self.branch {
            super::grading::branch_section(&mut page, b, lang);
        }
        if !self.warnings.is_empty() {
            page.heading(Msg::RptToNote.get(lang));
            page.push(Block::List(
                self.warnings
                    .iter()
                    .map(|w| ListItem {
                        text: Paragraph::plain(w.text.clone()),
                        detail: Some(Msg::EvalRuleAt.fill(
                            lang,
                            &[("rule", &w.rule), ("file", &w.file), ("line", &w.line)],
                        )),
                    })
                    .collect(),
            ));
        }
        if let Some(sheet) = &self.sheet {
            if let Some(r) = self.members.first() {
                super::grading::member_section(&mut page, &r.review, lang);
            }
            page.heading(Msg::EvalNotebook.get(lang));
            if sheet.notes.is_empty() {
                page.para(Msg::EvalNothing.get(lang));
            } else {
                page.push(Block::lines(sheet.notes.iter().map(|n| {
                    format!(
                        "{} ({}): {}",
                        format_date(n.date),
                        crate::i18n::labels::note_kind(n.kind).get(lang),
                        n.text
                    )
                })));
            }
            for (heading, records) in [
                (Msg::EvalDiscipline, &sheet.discipline),
                (Msg::EvalAwards, &sheet.awards),
            ] {
                page.heading(heading.get(lang));
                if records.is_empty() {
                    page.para(Msg::EvalNothing.get(lang));
                    continue;
                }
                page.push(Block::lines(records.iter().map(|r| {
                    let mut line = format!("{}: {}", format_date(r.date), r.what);
                    if !r.number.is_empty() {
                        line.push_str(&format!(" ({})", r.number));
                    }
                    if !r.reason.is_empty() {
                        line.push_str(&format!(" — {}", r.reason));
                    }
                    line
                })));
            }
        }
        page
    }

    fn table(&self) -> Table {
        let lang = self.lang;
        table(
            lang,
            &[
                Msg::RptColMember,
                Msg::RptColAttendedPct,
                Msg::EvalColTasks,
                Msg::RptColExceeded,
                Msg::EvalColNotebook,
                Msg::EvalColDiscipline,
                Msg::EvalColAwards,
                Msg::EvalColPoints,
                Msg::EvalColProposed,
                Msg::EvalDecidedCount,
            ],
            &self.members,
            |r| {
                vec![
                    Value::text(r.member.clone()),
                    r.attendance_percent
                        .map(|p| Value::Int(i64::from(p)))
                        .unwrap_or(Value::Empty),
                    Value::text(format!("{}/{}", r.tasks_on_time, r.tasks)),
                    Value::Int(i64::from(r.tasks_exceeded)),
                    Value::text(Msg::EvalNotebookCell.fill(
                        lang,
                        &[
                            ("strengths", &r.strengths),
                            ("open", &r.shortcomings_open),
                            ("met", &r.commitments_met),
                            ("commitments", &r.commitments),
                        ],
                    )),
                    Value::text(self.discipline_text(r)),
                    Value::text(r.awards.join("; ")),
                    r.points
                        .map(|p| Value::Int(i64::from(p)))
                        .unwrap_or(Value::Empty),
                    Value::text(self.proposed_text(r)),
                    Value::text(self.grade_text(r.review.decided)),
                ]
            },
        )
    }
}
