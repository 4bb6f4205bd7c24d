//! Draws the grading sheet of a year-end meeting: one line per member with the year's
//! record and the grades, the branch's line, the selected line in full with the rules
//! its grades break, and the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::layout::popup;
use super::table::{Cell, Column, Row};
use crate::app::App;
use crate::app::grading::{
    GradingSheet, MemberLine, branch_grade_msg, grade_label, shortfall_text,
};
use crate::app::mouse::ListArea;
use crate::domain::branch_grade::BranchGrade;
use crate::domain::evaluation::{Grade, Grading};
use crate::i18n::{Msg, labels};

fn short(g: Grade) -> Msg {
    match g {
        Grade::Excellent => Msg::GradeShortExcellent,
        Grade::Good => Msg::GradeShortGood,
        Grade::Done => Msg::GradeShortDone,
        Grade::NotDone => Msg::GradeShortNotDone,
    }
}

fn short_branch(g: BranchGrade) -> Msg {
    match g {
        BranchGrade::Strong => Msg::BranchShortStrong,
        BranchGrade::Good => Msg::GradeShortGood,
        BranchGrade::Done => Msg::GradeShortDone,
        BranchGrade::NotDone => Msg::GradeShortNotDone,
    }
}

fn member_row(app: &App, s: &GradingSheet, i: usize, l: &MemberLine) -> Row {
    let t = |m: Msg| app.t(m).to_string();
    let r = &l.record;
    let warned = |decision: bool| {
        s.warnings
            .iter()
            .any(|w| w.line == Some(i) && w.decision == decision)
    };
    let mark = |text: String, decision: bool| {
        if warned(decision) && !text.is_empty() {
            Cell::styled(format!("! {text}"), app.theme.warn())
        } else {
            Cell::new(text)
        }
    };
    let graded = l.grading == Grading::Graded;
    let proposed = match (l.sheet.proposed, &l.computed) {
        (Some(g), _) => t(short(g)),
        // not accepted yet: the record's grade in brackets
        (None, Some(p)) => format!("({})", t(short(p.grade))),
        (None, None) => t(Msg::GradingNotGraded),
    };
    let records = format!("{}/{}", r.discipline.len(), r.awards.len());
    let row = Row::new([
        Cell::new(r.member.clone()),
        Cell::new(
            r.attendance_percent
                .map(|p| format!("{p}%"))
                .unwrap_or_default(),
        ),
        Cell::new(format!("{}/{}", r.tasks_on_time, r.tasks)),
        Cell::new(r.tasks_exceeded.to_string()),
        Cell::new(format!("+{} −{}", r.strengths, r.shortcomings)),
        Cell::new(records),
        Cell::new(l.sheet.self_grade.map(|g| t(short(g))).unwrap_or_default()),
        if l.sheet.proposed.is_some() {
            mark(proposed, false)
        } else {
            Cell::styled(proposed, app.theme.dim())
        },
        mark(
            l.sheet.decided().map(|g| t(short(g))).unwrap_or_default(),
            true,
        ),
    ]);
    if graded {
        row
    } else {
        row.style(app.theme.dim())
    }
}

fn branch_row(app: &App, s: &GradingSheet) -> Row {
    let t = |m: Msg| app.t(m).to_string();
    let b = &s.branch;
    let line = s.members.len();
    let cell = |text: String, decision: bool| {
        let warned = s
            .warnings
            .iter()
            .any(|w| w.line == Some(line) && w.decision == decision);
        if warned && !text.is_empty() {
            Cell::styled(format!("! {text}"), app.theme.warn())
        } else {
            Cell::new(text)
        }
    };
    let proposed = match b.sheet.proposed {
        Some(g) => cell(t(short_branch(g)), false),
        None => Cell::styled(
            format!("({})", t(short_branch(b.computed))),
            app.theme.dim(),
        ),
    };
    Row::new([
        Cell::styled(t(Msg::GradingBranchRow), app.theme.header()),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        proposed,
        cell(
            b.sheet
                .decided()
                .map(|g| t(short_branch(g)))
                .unwrap_or_default(),
            true,
        ),
    ])
}

/// The selected line in full.
fn detail(app: &App, s: &GradingSheet) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out: Vec<Line> = Vec::new();
    let vote_line = |grade: String, v: &crate::domain::vote::Vote| {
        Msg::GradingDecisionLine.fill(
            lang,
            &[
                ("grade", &grade),
                ("for", &v.in_favour),
                ("of", &v.denominator()),
                ("rule", &app.t(labels::vote_rule(v.rule))),
            ],
        )
    };
    let (note, decided, earlier) = match s.members.get(s.selected) {
        Some(l) => {
            match &l.computed {
                Some(p) => {
                    let how = if p.points_entered {
                        ""
                    } else {
                        app.t(Msg::GradingPointsWeighed)
                    };
                    out.push(Line::from(Msg::GradingComputed.fill(
                        lang,
                        &[
                            ("grade", &app.t(grade_label(Some(p.grade)))),
                            ("points", &p.points),
                            ("points_how", &how),
                        ],
                    )));
                    if !p.reasons.is_empty() {
                        let reasons: Vec<String> = p
                            .reasons
                            .iter()
                            .map(|r| crate::export::evaluation::reason_text(r, lang))
                            .collect();
                        out.push(Line::from(
                            Msg::GradingHeldBy.fill(lang, &[("reasons", &reasons.join("; "))]),
                        ));
                    }
                }
                None => out.push(Line::from(Msg::GradingNotGradedWhy.fill(
                    lang,
                    &[
                        ("who", &l.record.member),
                        (
                            "why",
                            &app.t(match l.grading {
                                Grading::Exempt => Msg::EvalExempt,
                                Grading::JoinedLate => Msg::EvalJoinedLate,
                                _ => Msg::EvalLeft,
                            }),
                        ),
                    ],
                ))),
            }
            (
                l.sheet.note.clone(),
                l.sheet
                    .decision
                    .as_ref()
                    .map(|d| vote_line(app.t(grade_label(Some(d.grade))).to_string(), &d.vote)),
                l.sheet
                    .earlier
                    .last()
                    .map(|d| app.t(grade_label(Some(d.grade))).to_string()),
            )
        }
        None => {
            let b = &s.branch;
            let f = &b.facts;
            out.push(Line::from(Msg::GradingBranchFacts.fill(
                lang,
                &[
                    ("met", &f.months_met),
                    ("months", &f.months),
                    ("resolutions", &f.resolutions_adopted),
                    ("done", &f.items_done),
                    ("items", &f.items),
                    ("with", &f.members_with_task),
                    ("members", &f.members),
                    ("quality", &f.meetings_of_quality),
                    ("held", &f.meetings_held),
                ],
            )));
            out.push(Line::from(
                Msg::EvalBranchProposed
                    .fill(lang, &[("grade", &app.t(branch_grade_msg(b.computed)))]),
            ));
            if !b.shortfalls.is_empty() {
                let reasons: Vec<String> = b
                    .shortfalls
                    .iter()
                    .map(|x| shortfall_text(x, lang))
                    .collect();
                out.push(Line::from(
                    Msg::GradingHeldBy.fill(lang, &[("reasons", &reasons.join("; "))]),
                ));
            }
            (
                b.sheet.note.clone(),
                b.sheet
                    .decision
                    .as_ref()
                    .map(|d| vote_line(app.t(branch_grade_msg(d.grade)).to_string(), &d.vote)),
                b.sheet
                    .earlier
                    .last()
                    .map(|d| app.t(branch_grade_msg(d.grade)).to_string()),
            )
        }
    };
    if !note.is_empty() {
        out.push(Line::from(
            Msg::GradingNoteLine.fill(lang, &[("note", &note)]),
        ));
    }
    if let Some(d) = decided {
        out.push(Line::from(d));
    }
    if let Some(e) = earlier {
        out.push(Line::from(
            Msg::GradingEarlierLine.fill(lang, &[("grade", &e)]),
        ));
    }
    for w in s.warnings_of(s.selected) {
        out.push(Line::from(Span::styled(
            format!("! {}", w.text),
            app.theme.warn(),
        )));
    }
    out
}

/// The sheet's table and the selected line in full, inside the popup.
fn layout(area: Rect, inner: Rect) -> [Rect; 2] {
    super::layout::vertical(
        inner,
        [
            Constraint::Min(4),
            Constraint::Length(if area.height > 30 { 9 } else { 6 }),
        ],
    )
}

/// The first of `len` lines the sheet shows in `shown` rows, the selected one in view.
fn first_shown(s: &GradingSheet, len: usize, shown: usize) -> usize {
    let mut cursor = crate::app::list::Cursor::default();
    cursor.set_page(shown, len);
    cursor.select(s.selected, len);
    cursor.first_shown(len, shown)
}

/// Where the sheet's lines are, for a click.
pub(super) fn list(s: &GradingSheet, area: Rect) -> Option<ListArea> {
    let inner = Block::default().borders(Borders::ALL).inner(area);
    let [table, _] = layout(area, inner);
    // the members' lines and the branch's
    let len = s.members.len() + 1;
    let first = first_shown(s, len, table.height.saturating_sub(1) as usize);
    super::table::window(table, len, first, s.selected)
}

pub fn render(app: &App, s: &GradingSheet, frame: &mut Frame, area: Rect) {
    let mut title = s.title.clone();
    if s.locked {
        title = format!("{title} ({})", app.t(Msg::GradingLockedTitle));
    }
    let inner = popup(app, frame, area, &title);
    let [table, info] = layout(area, inner);
    let t = |m: Msg| app.t(m).to_string();
    let columns = [
        Column::new(t(Msg::RptColMember)).grow().min(12),
        Column::new(t(Msg::GradingColAttended)).cap(6),
        Column::new(t(Msg::GradingColOnTime)).cap(8),
        Column::new(t(Msg::GradingColExceeded)).cap(5).min(3),
        Column::new(t(Msg::GradingColNotebook)).cap(7),
        Column::new(t(Msg::GradingColRecords)).cap(9).min(3),
        Column::new(t(Msg::GradingColSelf)).cap(10),
        Column::new(t(Msg::GradingColProposed)).cap(14),
        Column::new(t(Msg::GradingColDecided)).cap(14),
    ];
    let mut rows: Vec<Row> = s
        .members
        .iter()
        .enumerate()
        .map(|(i, l)| member_row(app, s, i, l))
        .collect();
    rows.push(branch_row(app, s));
    let shown = table.height.saturating_sub(1) as usize;
    let first = first_shown(s, rows.len(), shown);
    let visible: Vec<Row> = rows.into_iter().skip(first).take(shown).collect();
    super::table::render(
        app,
        frame,
        table,
        &columns,
        visible,
        Some(s.selected - first),
    );
    let block = Block::default().borders(Borders::TOP);
    let inner_info = block.inner(info);
    frame.render_widget(block, info);
    frame.render_widget(
        Paragraph::new(detail(app, s)).wrap(Wrap { trim: false }),
        inner_info,
    );
}
