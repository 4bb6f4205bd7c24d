//! The grading sheet of a year-end meeting (kiểm điểm cuối năm): one line per member
//! with the year's record, the self-grade, the proposal, the discussion note and the
//! grade decided by vote, then the branch's own line; what breaks a rule of
//! `evaluation.toml` is warned about with the rule and its line. Approved minutes lock
//! the sheet: a decided grade is then changed by an amendment.

use chrono::Datelike;

use super::form::{Field, FieldError, FieldId, Form, FormPurpose};
use super::{App, Overlay, Status};
use crate::domain::branch_grade::{
    BranchFacts, BranchGrade, Shortfall, YearRecord, branch_facts, check_branch, propose_branch,
};
use crate::domain::evaluation::{Grade, Grading, Proposal, RuleFile, Warning, check, propose};
use crate::domain::meeting::{Amendment, Meeting, MeetingId, MeetingKind};
use crate::domain::member::{Member, MemberId};
use crate::domain::review::{Change, ReviewError, Sheet, Whom};
use crate::domain::vote::VoteMethod;
pub(crate) use crate::export::evaluation::branch_grade_msg;
use crate::export::evaluation::{MemberRow, Year, evaluation, grade_msg, reason_text};
pub(crate) use crate::export::grading::shortfall_text;
use crate::i18n::{Lang, Msg, labels};
use crate::store::{Records, StoreError};

/// Which part of a line a form writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    SelfGrade,
    Proposal,
    Note,
    Decision,
}

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
fn not_graded_msg(g: Grading) -> Msg {
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

impl App {
    /// The meeting as it is now: the console's copy while it is open.
    fn grading_meeting(&self, id: MeetingId) -> Option<&Meeting> {
        match &self.meetings.console {
            Some(c) if c.meeting.id == id => Some(&c.meeting),
            _ => self.meetings.get(id),
        }
    }

    fn build_sheet(
        &self,
        id: MeetingId,
        selected: usize,
    ) -> Result<Option<GradingSheet>, StoreError> {
        let Some(meeting) = self.grading_meeting(id) else {
            return Ok(None);
        };
        let discipline = self.store.discipline()?;
        let meetings: Vec<Meeting> = self
            .meetings
            .all()
            .iter()
            .map(|m| {
                if m.id == id {
                    meeting.clone()
                } else {
                    m.clone()
                }
            })
            .collect();
        let tasks: Vec<crate::domain::task::Task> = self.all_tasks().into_iter().cloned().collect();
        let data = SheetData {
            meeting,
            members: self.roster.members(),
            meetings: &meetings,
            resolutions: self.resolutions.all(),
            tasks: &tasks,
            notes: &self.notebook.notes,
            discipline: &discipline,
            awards: &self.notebook.awards,
            rules: &self.rules,
        };
        Ok(Some(sheet(&data, selected, self.lang)))
    }

    /// Opens the grading sheet of a year-end meeting.
    pub(super) fn open_grading(&mut self, id: MeetingId) {
        if self
            .grading_meeting(id)
            .is_none_or(|m| m.kind != MeetingKind::YearEnd)
        {
            self.error(Msg::GradingNotYearEnd);
            return;
        }
        match self.build_sheet(id, 0) {
            Ok(Some(s)) => self.overlays.push(Overlay::Grading(Box::new(s))),
            Ok(None) => self.error(Msg::GradingNotYearEnd),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    /// The sheet read again after a change, its selection kept.
    fn refresh_grading(&mut self) {
        let Some(pos) = self
            .overlays
            .iter()
            .rposition(|o| matches!(o, Overlay::Grading(_)))
        else {
            return;
        };
        let Overlay::Grading(s) = &self.overlays[pos] else {
            return;
        };
        let (id, selected) = (s.meeting, s.selected);
        match self.build_sheet(id, selected) {
            Ok(Some(s)) => self.overlays[pos] = Overlay::Grading(Box::new(s)),
            Ok(None) => {}
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    fn top_sheet(&self) -> Option<&GradingSheet> {
        match self.overlays.last() {
            Some(Overlay::Grading(s)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn update_grading(&mut self, action: super::Action) {
        use super::Action as A;
        let Some(s) = self.top_sheet() else { return };
        let n = s.len();
        let selected = s.selected;
        let next = match action {
            A::Cancel => {
                self.overlays.pop();
                return;
            }
            A::MoveUp => selected.saturating_sub(1),
            A::MoveDown => (selected + 1).min(n - 1),
            A::First => 0,
            A::Last => n - 1,
            A::SelfGrade => return self.grading_form(Step::SelfGrade),
            A::ProposeGrade => return self.grading_form(Step::Proposal),
            A::DiscussionNote => return self.grading_form(Step::Note),
            A::DecideGrade => return self.grading_form(Step::Decision),
            A::AcceptProposal => return self.accept_proposal(),
            _ => return,
        };
        if let Some(Overlay::Grading(s)) = self.overlays.last_mut() {
            s.selected = next;
        }
    }

    /// Whether the selected line may take `step`; the message why not otherwise.
    fn refuse(&self, s: &GradingSheet, step: Step) -> Option<String> {
        if s.locked && step != Step::Decision {
            return Some(self.t(Msg::GradingLocked).to_string());
        }
        match s.members.get(s.selected) {
            Some(l) if l.grading != Grading::Graded => Some(Msg::GradingNotGradedWhy.fill(
                self.lang,
                &[
                    ("who", &l.record.member),
                    ("why", &self.t(not_graded_msg(l.grading))),
                ],
            )),
            None if step == Step::SelfGrade => Some(self.t(Msg::GradingBranchNoSelf).to_string()),
            Some(l) if s.locked && l.sheet.decision.is_none() => {
                Some(self.t(Msg::GradingNothingDecided).to_string())
            }
            None if s.locked && s.branch.sheet.decision.is_none() => {
                Some(self.t(Msg::GradingNothingDecided).to_string())
            }
            _ => None,
        }
    }

    fn line_name(&self, s: &GradingSheet) -> String {
        match s.members.get(s.selected) {
            Some(l) => Msg::GradingMember.fill(self.lang, &[("name", &l.record.member)]),
            None => self.t(Msg::GradingBranchRow).to_string(),
        }
    }

    fn accept_proposal(&mut self) {
        let Some(s) = self.top_sheet() else { return };
        if let Some(why) = self.refuse(s, Step::Proposal) {
            self.status = Some(Status::Error(why));
            return;
        }
        let who = self.line_name(s);
        let (whom, change, label) = match s.members.get(s.selected) {
            Some(l) => {
                let g = l.computed.as_ref().map(|p| p.grade);
                (
                    Whom::Member(l.member),
                    Change::Propose(g),
                    self.t(grade_label(g)).to_string(),
                )
            }
            None => (
                Whom::Branch,
                Change::ProposeBranch(Some(s.branch.computed)),
                self.t(branch_grade_msg(s.branch.computed)).to_string(),
            ),
        };
        let id = s.meeting;
        match self.change_grading(id, |m| m.grade(whom, change)) {
            Ok(Ok(())) => {
                self.refresh_grading();
                self.status = Some(Status::Info(
                    Msg::GradingAccepted.fill(self.lang, &[("who", &who), ("grade", &label)]),
                ));
            }
            Ok(Err(e)) => self.status = Some(Status::Error(self.review_error(&e))),
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }

    fn review_error(&self, e: &ReviewError) -> String {
        self.t(match e {
            ReviewError::NotYearEnd => Msg::GradingNotYearEnd,
            ReviewError::Locked => Msg::GradingLocked,
            ReviewError::NotPassed | ReviewError::Vote(_) => Msg::GradingNotPassed,
            ReviewError::NoReason => Msg::ErrRequired,
            ReviewError::NotLocked | ReviewError::NothingDecided => Msg::GradingNothingDecided,
        })
        .to_string()
    }

    /// Applies `f` to the meeting and saves what it changed of the grading (and the
    /// amendments); when `f` refuses, nothing is saved.
    fn change_grading(
        &mut self,
        id: MeetingId,
        f: impl FnOnce(&mut Meeting) -> Result<(), ReviewError>,
    ) -> Result<Result<(), ReviewError>, StoreError> {
        let Some(current) = self.grading_meeting(id) else {
            return Ok(Err(ReviewError::NotYearEnd));
        };
        let mut next = current.clone();
        if let Err(e) = f(&mut next) {
            return Ok(Err(e));
        }
        let now = self.clock.now();
        if let Some(c) = self.meetings.console.as_mut()
            && c.meeting.id == id
        {
            c.meeting.review = next.review;
            c.meeting.amendments = next.amendments;
            self.store
                .save_meeting(&mut c.meeting, now, Some("grade"))?;
        } else {
            let mut m = self.store.meeting(id)?.ok_or(StoreError::NotFound)?;
            m.review = next.review;
            m.amendments = next.amendments;
            self.store.save_meeting(&mut m, now, Some("grade"))?;
        }
        self.reload_meetings()?;
        Ok(Ok(()))
    }

    fn grading_form(&mut self, step: Step) {
        let Some(s) = self.top_sheet() else { return };
        if let Some(why) = self.refuse(s, step) {
            self.status = Some(Status::Error(why));
            return;
        }
        let who = self.line_name(s);
        let whom = s.whom(s.selected);
        let member = s.members.get(s.selected);
        let grades: Vec<Msg> = Grade::ALL.iter().map(|g| grade_msg(*g)).collect();
        let branch_grades: Vec<Msg> = BranchGrade::ALL
            .iter()
            .map(|g| branch_grade_msg(*g))
            .collect();
        let at = |all: &[Grade], g: Option<Grade>| {
            g.and_then(|g| all.iter().position(|x| *x == g))
                .map_or(0, |i| i + 1)
        };
        let with_none = |options: &[Msg]| {
            let mut v = vec![Msg::GradeNone];
            v.extend_from_slice(options);
            v
        };
        let computed = member.and_then(|l| l.computed.as_ref().map(|p| p.grade));
        let (title, fields) = match (step, member) {
            (Step::SelfGrade, Some(l)) => (
                Msg::FormSelfGrade,
                vec![Field::choice(
                    FieldId::Grade,
                    Msg::FieldGrade,
                    with_none(&grades),
                    at(&Grade::ALL, l.sheet.self_grade),
                )],
            ),
            (Step::Proposal, Some(l)) => (
                Msg::FormProposeGrade,
                vec![Field::choice(
                    FieldId::Grade,
                    Msg::FieldGrade,
                    with_none(&grades),
                    at(&Grade::ALL, l.sheet.proposed.or(computed)),
                )],
            ),
            (Step::Proposal, None) => {
                let g = s.branch.sheet.proposed.unwrap_or(s.branch.computed);
                let i = BranchGrade::ALL
                    .iter()
                    .position(|x| *x == g)
                    .map_or(0, |i| i + 1);
                (
                    Msg::FormProposeGrade,
                    vec![Field::choice(
                        FieldId::Grade,
                        Msg::FieldGrade,
                        with_none(&branch_grades),
                        i,
                    )],
                )
            }
            (Step::Note, _) => {
                let note = member.map_or(s.branch.sheet.note.as_str(), |l| l.sheet.note.as_str());
                (
                    Msg::FormDiscussion,
                    vec![Field::text(FieldId::Text, Msg::FieldDiscussion, note)],
                )
            }
            (Step::Decision, _) => {
                let (options, choice) = match member {
                    Some(l) => {
                        let g = l.sheet.decided().or(l.sheet.proposed).or(computed);
                        (grades, at(&Grade::ALL, g).saturating_sub(1))
                    }
                    None => {
                        let b = &s.branch.sheet;
                        let g = b.decided().or(b.proposed).unwrap_or(s.branch.computed);
                        let i = BranchGrade::ALL.iter().position(|x| *x == g).unwrap_or(0);
                        (branch_grades, i)
                    }
                };
                let methods = VoteMethod::ALL
                    .iter()
                    .map(|m| labels::vote_method(*m))
                    .collect();
                let mut fields = vec![
                    Field::choice(FieldId::Grade, Msg::FieldGrade, options, choice),
                    Field::choice(FieldId::Method, Msg::FieldMethod, methods, 0),
                    super::console::count(FieldId::InFavour, Msg::FieldInFavour, None),
                    super::console::count(FieldId::Against, Msg::FieldAgainst, None),
                    super::console::count(FieldId::Other, Msg::FieldOther, None),
                ];
                if s.locked {
                    fields.push(Field::text(FieldId::Reason, Msg::FieldReason, "").required());
                    fields.push(Field::text(
                        FieldId::AuthorName,
                        Msg::FieldAmendmentByName,
                        "",
                    ));
                }
                let title = if s.locked {
                    Msg::FormAmendGrade
                } else {
                    Msg::FormDecideGrade
                };
                (title, fields)
            }
            // the branch has no self-grade: refused above
            (Step::SelfGrade, None) => return,
        };
        let purpose = FormPurpose::Grade(s.meeting, step, whom);
        let mut form = Form::new(purpose, title.fill(self.lang, &[("who", &who)]), fields);
        if step == Step::Decision {
            form.note = self.vote_preview(&form);
        }
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    pub(super) fn submit_grading_form(
        &mut self,
        form: &Form,
    ) -> Result<Result<String, FieldError>, StoreError> {
        let FormPurpose::Grade(id, step, whom) = form.purpose else {
            return Ok(Ok(String::new()));
        };
        let Some(s) = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Grading(s) if s.meeting == id => Some(s.as_ref()),
            _ => None,
        }) else {
            return Ok(Ok(String::new()));
        };
        let who = self.line_name(s);
        let locked = s.locked;
        let old = match whom {
            Whom::Member(m) => s
                .members
                .iter()
                .find(|l| l.member == m)
                .and_then(|l| l.sheet.decided())
                .map(|g| self.t(grade_msg(g)).to_string()),
            Whom::Branch => s
                .branch
                .sheet
                .decided()
                .map(|g| self.t(branch_grade_msg(g)).to_string()),
        };
        let choice = form.choice(FieldId::Grade);
        let optional = |i: usize| i.checked_sub(1);
        let mut decided_label = String::new();
        let change = match (step, whom) {
            (Step::SelfGrade, _) => {
                Change::SelfGrade(optional(choice).and_then(|i| Grade::ALL.get(i).copied()))
            }
            (Step::Proposal, Whom::Member(_)) => {
                Change::Propose(optional(choice).and_then(|i| Grade::ALL.get(i).copied()))
            }
            (Step::Proposal, Whom::Branch) => Change::ProposeBranch(
                optional(choice).and_then(|i| BranchGrade::ALL.get(i).copied()),
            ),
            (Step::Note, _) => Change::Note(form.text(FieldId::Text)),
            (Step::Decision, _) => {
                let mut vote = match self.vote_from_form(form) {
                    Ok(v) => v,
                    Err(e) => return Ok(Err(e)),
                };
                let (change, label) = match whom {
                    Whom::Member(_) => {
                        let g = Grade::ALL.get(choice).copied().unwrap_or(Grade::Done);
                        (Change::Decide(g, vote.clone()), self.t(grade_msg(g)))
                    }
                    Whom::Branch => {
                        let g = BranchGrade::ALL
                            .get(choice)
                            .copied()
                            .unwrap_or(BranchGrade::Done);
                        (
                            Change::DecideBranch(g, vote.clone()),
                            self.t(branch_grade_msg(g)),
                        )
                    }
                };
                vote.subject =
                    Msg::GradingVoteSubject.fill(self.lang, &[("who", &who), ("grade", &label)]);
                decided_label = label.to_string();
                match change {
                    Change::Decide(g, _) => Change::Decide(g, vote),
                    Change::DecideBranch(g, _) => Change::DecideBranch(g, vote),
                    other => other,
                }
            }
        };
        let result = if step == Step::Decision && locked {
            let amendment = Amendment {
                at: self.clock.now(),
                reason: form.text(FieldId::Reason),
                text: Msg::GradingAmendText.fill(
                    self.lang,
                    &[
                        ("who", &who),
                        ("old", &old.unwrap_or_default()),
                        ("new", &decided_label),
                    ],
                ),
                member: None,
                by: form.text(FieldId::AuthorName),
            };
            self.change_grading(id, |m| m.amend_grade(whom, change, amendment))?
        } else {
            self.change_grading(id, |m| m.grade(whom, change))?
        };
        match result {
            Ok(()) => {
                // the meeting is read again already: nothing more to reload
                self.updated_in_place = true;
                self.refresh_grading();
                Ok(Ok(if step == Step::Decision {
                    Msg::GradingDecided.fill(self.lang, &[("who", &who), ("grade", &decided_label)])
                } else {
                    Msg::GradingSaved.fill(self.lang, &[("who", &who)])
                }))
            }
            Err(ReviewError::NotPassed | ReviewError::Vote(_)) => {
                Ok(Err((FieldId::InFavour, Msg::GradingNotPassed)))
            }
            Err(ReviewError::NoReason) => Ok(Err((FieldId::Reason, Msg::ErrRequired))),
            Err(_) => Ok(Err((FieldId::Grade, Msg::GradingLocked))),
        }
    }
}
