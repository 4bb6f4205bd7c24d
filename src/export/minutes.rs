// Over 500 lines: one document, the biên bản, written section by section as the branch files it.
//! The biên bản: the minutes in the form the branch files them, in Vietnamese, as one
//! document (Markdown, plain text or Word).

use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike};

use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::meeting::{
    AttendanceReport, EntryKind, Meeting, MeetingKind, attendance_report,
};
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::{Task, TaskStatus};
use crate::domain::vote::{Vote, VoteMethod};

use super::document::{Block, Document, ListItem, Paragraph, Span, says, word};
use crate::i18n::{Msg, labels};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

fn name(members: &[Member], id: MemberId) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(Member::full_name)
        .unwrap_or_else(|| says(Msg::DocUnknownMember, &[("id", &id.0)]))
}

fn comrade(members: &[Member], id: Option<MemberId>) -> String {
    match id {
        Some(id) => {
            let role = members
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.committee_role);
            let title = match role {
                Some(CommitteeRole::Secretary) => word(Msg::DocRoleSecretary),
                Some(CommitteeRole::Deputy) => word(Msg::DocRoleDeputy),
                Some(CommitteeRole::Member) => word(Msg::DocRoleMember),
                _ => "",
            };
            format!("{}{title}", comrade_named(members, id))
        }
        None => word(Msg::DocNotRecorded).into(),
    }
}

/// "đồng chí Nguyễn Văn Hùng".
fn comrade_named(members: &[Member], id: MemberId) -> String {
    says(Msg::DocComrade, &[("name", &name(members, id))])
}

/// "đồng chí Nguyễn Văn Hùng (ốm)".
fn comrade_with(members: &[Member], id: MemberId, detail: &dyn std::fmt::Display) -> String {
    says(
        Msg::DocComradeWith,
        &[("name", &name(members, id)), ("detail", detail)],
    )
}

fn clock(t: NaiveTime) -> String {
    says(
        Msg::DocClock,
        &[
            ("hour", &t.hour()),
            ("minute", &format!("{:02}", t.minute())),
        ],
    )
}

/// "Có mặt 22 đồng chí; vắng có lý do 2 đồng chí (đồng chí A: ốm; …)" — the report
/// read out at the opening.
pub fn attendance_lines(r: &AttendanceReport, members: &[Member]) -> Vec<String> {
    let names = |ids: &[MemberId]| {
        ids.iter()
            .map(|id| comrade_named(members, *id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![says(
        Msg::DocTotal,
        &[
            ("total", &r.total),
            ("official", &r.official),
            ("probationary", &r.probationary),
        ],
    )];
    if !r.temporary_out.is_empty() {
        lines.push(says(
            Msg::DocTemporaryOut,
            &[
                ("n", &r.temporary_out.len()),
                ("names", &names(&r.temporary_out)),
            ],
        ));
    }
    if r.exempt > 0 {
        if r.exempt_members.is_empty() {
            lines.push(says(Msg::DocExempt, &[("n", &r.exempt)]));
        } else {
            lines.push(says(
                Msg::DocExemptNamed,
                &[("n", &r.exempt), ("names", &names(&r.exempt_members))],
            ));
        }
    }
    if r.temporary > 0 {
        let mut line = says(
            Msg::DocTemporaryIn,
            &[("n", &r.temporary), ("present", &r.temporary_present.len())],
        );
        if !r.temporary_absent.is_empty() {
            line.push_str(&says(
                Msg::DocTemporaryAbsent,
                &[("names", &names(&r.temporary_absent))],
            ));
        }
        lines.push(line);
    }
    let mut present = says(Msg::DocPresent, &[("n", &r.present.len())]);
    if !r.late.is_empty() {
        let late: Vec<String> = r
            .late
            .iter()
            .map(|(id, t)| comrade_with(members, *id, &t.format("%H:%M")))
            .collect();
        present.push_str(&says(Msg::DocLate, &[("names", &late.join(", "))]));
    }
    lines.push(present);
    if r.excused.is_empty() {
        lines.push(word(Msg::DocExcusedNone).into());
    } else {
        let excused: Vec<String> = r
            .excused
            .iter()
            .map(|(id, why)| {
                if why.is_empty() {
                    comrade_named(members, *id)
                } else {
                    comrade_with(members, *id, why)
                }
            })
            .collect();
        lines.push(says(
            Msg::DocExcused,
            &[("n", &r.excused.len()), ("names", &excused.join("; "))],
        ));
    }
    if r.absent.is_empty() {
        lines.push(word(Msg::DocAbsentNone).into());
    } else {
        lines.push(says(
            Msg::DocAbsent,
            &[("n", &r.absent.len()), ("names", &names(&r.absent))],
        ));
    }
    if r.unmarked > 0 {
        lines.push(says(Msg::DocUnmarked, &[("n", &r.unmarked)]));
    }
    lines
}

fn method(m: VoteMethod) -> &'static str {
    word(labels::vote_method(m))
}

/// The rule as the minutes state it next to the result.
fn rule_statement(r: crate::domain::vote::VoteRule) -> &'static str {
    use crate::domain::vote::VoteRule as R;
    word(match r {
        R::SimpleMajority => Msg::DocRuleSimple,
        R::TwoThirdsOfBranch => Msg::DocRuleTwoThirds,
        R::MajorityOfBranch => Msg::DocRuleMajorityOfBranch,
    })
}

/// A vote as the minutes record it: subject, method, who could vote, counts, result
/// and the rule applied.
pub fn vote_line(v: &Vote) -> String {
    let result = match v.outcome() {
        crate::domain::vote::Outcome::NotCounted(_) => {
            // missing or impossible counts: no result and no percentage is stated
            word(Msg::DocVoteUncounted).to_string()
        }
        outcome => {
            let result = if outcome == crate::domain::vote::Outcome::Passed {
                Msg::DocPassed
            } else {
                Msg::DocNotPassed
            };
            let denominator = v.denominator().max(1);
            says(
                Msg::DocVoteResult,
                &[
                    ("word", &word(result)),
                    ("for", &v.in_favour),
                    ("of", &v.denominator()),
                    (
                        "pct",
                        &((v.in_favour * 100 + denominator / 2) / denominator),
                    ),
                ],
            )
        }
    };
    says(
        Msg::DocVote,
        &[
            ("subject", &v.subject),
            ("method", &method(v.method)),
            ("eligible", &v.eligible),
            ("branch", &v.branch),
            ("for", &v.in_favour),
            ("against", &v.against),
            ("other", &v.other),
            ("result", &result),
            ("rule", &rule_statement(v.rule)),
        ],
    )
}

fn title(m: &Meeting) -> String {
    let kind = if m.kind == MeetingKind::Regular && m.with_thematic {
        word(Msg::DocRegularAndThematic).to_string()
    } else {
        m.kind.title_word().to_string()
    };
    let month = m.month_label();
    match m.kind {
        MeetingKind::Committee => says(Msg::DocTitleCommittee, &[("month", &month)]),
        MeetingKind::YearEnd => says(Msg::DocTitleYearEnd, &[("year", &m.date.format("%Y"))]),
        _ => says(Msg::DocTitleMeeting, &[("kind", &kind), ("month", &month)]),
    }
}

fn ended_line(m: &Meeting) -> String {
    match m.ended_at {
        Some(end) => {
            let same_day = end.date() == m.started_at.map(|s| s.date()).unwrap_or(m.date);
            if same_day {
                says(Msg::DocEndedSameDay, &[("time", &clock(end.time()))])
            } else {
                says(
                    Msg::DocEndedOn,
                    &[
                        ("time", &clock(end.time())),
                        ("date", &format_date(end.date())),
                    ],
                )
            }
        }
        None => word(Msg::DocNotEnded).into(),
    }
}

fn amendment_date(at: NaiveDateTime) -> String {
    says(
        Msg::DocDateAt,
        &[
            ("date", &format_date(at.date())),
            ("time", &at.format("%H:%M")),
        ],
    )
}

/// A resolution item reviewed at the meeting, with its resolution's number.
pub struct Reviewed<'a> {
    pub number: &'a str,
    pub task: &'a Task,
}

/// The items due for review at meeting `m`, each with its status: every item of the
/// last monthly resolution adopted before it, and every task due before the meeting
/// that was still open before the previous month began or was followed up at `m` —
/// done before the meeting, carried over, overdue, not only those updated at it.
pub fn reviewed_at<'a>(
    m: &Meeting,
    tasks: &'a [Task],
    resolutions: &'a [Resolution],
) -> Vec<Reviewed<'a>> {
    use crate::domain::resolution::ResolutionKind;
    let last = resolutions
        .iter()
        .filter(|r| r.kind == ResolutionKind::Monthly && r.meeting != Some(m.id))
        .filter(|r| r.adopted_on.is_some_and(|d| d < m.date))
        .max_by_key(|r| (r.adopted_on, r.year, r.seq));
    let previous_month = m
        .date
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .and_then(|d| d.with_day(1))
        .unwrap_or(m.date);
    let due = |t: &Task| {
        let of_last = last.is_some_and(|r| r.items.contains(&t.id));
        let noted_here = t.history.iter().any(|n| n.meeting == Some(m.id));
        let open_and_due = t.status.is_open() && t.due < m.date;
        let due_last_month =
            t.due >= previous_month && t.due < m.date && t.status != TaskStatus::Cancelled;
        of_last || noted_here || open_and_due || due_last_month
    };
    let mut out: Vec<Reviewed> = tasks
        .iter()
        .filter(|t| due(t))
        .map(|t| Reviewed {
            number: t
                .resolution
                .and_then(|id| resolutions.iter().find(|r| r.id == id))
                .map(|r| r.number.as_str())
                .unwrap_or(""),
            task: t,
        })
        .collect();
    out.sort_by_key(|r| (r.number, r.task.id));
    out
}

/// A reviewed item's standing on the day of the meeting.
fn standing(m: &Meeting, t: &Task) -> String {
    let on = |msg: Msg, d| says(msg, &[("date", &format_date(d))]);
    match t.status {
        TaskStatus::Done => match t.done_on {
            Some(d) if d < m.date => on(Msg::DocDoneBefore, d),
            _ => word(Msg::DocStatusDone).into(),
        },
        TaskStatus::CarriedOver => on(Msg::DocCarriedTo, t.due),
        TaskStatus::Cancelled => word(Msg::DocStatusCancelled).into(),
        _ if t.due < m.date => on(Msg::DocOverdue, t.due),
        TaskStatus::InProgress => on(Msg::DocInProgressDue, t.due),
        TaskStatus::NotStarted => on(Msg::DocNotStartedDue, t.due),
    }
}

fn review_items(m: &Meeting, reviewed: &[Reviewed], members: &[Member]) -> Vec<ListItem> {
    let mut lines = Vec::new();
    for r in reviewed {
        let t = r.task;
        let lead = t
            .lead
            .map(|id| comrade_named(members, id))
            .unwrap_or_else(|| word(Msg::DocNotAssigned).into());
        let notes: Vec<String> = t
            .history
            .iter()
            .filter(|n| n.meeting == Some(m.id))
            .map(|n| {
                let status = n.status.map(|s| match s {
                    TaskStatus::NotStarted => Msg::DocStatusNotStarted,
                    TaskStatus::InProgress => Msg::DocStatusInProgress,
                    TaskStatus::Done => Msg::DocStatusDone,
                    TaskStatus::CarriedOver => Msg::DocStatusCarried,
                    TaskStatus::Cancelled => Msg::DocStatusCancelled,
                });
                let mut parts: Vec<String> =
                    status.map(|s| word(s).to_string()).into_iter().collect();
                if let Some(p) = n.percent.filter(|p| *p < 100) {
                    parts.push(format!("{p}%"));
                }
                if !n.text.is_empty() {
                    parts.push(n.text.clone());
                }
                if let Some(d) = n.due {
                    parts.push(says(Msg::DocNewDue, &[("date", &format_date(d))]));
                }
                parts.join(", ")
            })
            .collect();
        let number = if r.number.is_empty() {
            String::new()
        } else {
            format!("[{}] ", r.number)
        };
        let result = if t.result.is_empty() || t.status != TaskStatus::Done {
            String::new()
        } else {
            says(Msg::DocItemResult, &[("result", &t.result)])
        };
        let said = if notes.is_empty() {
            standing(m, t)
        } else {
            notes.join("; ")
        };
        lines.push(ListItem {
            text: Paragraph::plain(says(
                Msg::DocReviewed,
                &[
                    ("number", &number),
                    ("title", &t.title.trim_end_matches('.')),
                    ("lead", &lead),
                    ("said", &said),
                    ("result", &result),
                ],
            )),
            detail: None,
        });
    }
    lines
}

/// The biên bản of a meeting as a document; `reviewed` are the resolution items
/// followed up at it (shown under the item that reviews last month's resolution).
pub fn document(
    m: &Meeting,
    members: &[Member],
    branch: Option<&Branch>,
    reviewed: &[Reviewed],
) -> Document {
    let mut doc = Document::issued(branch, Some(m.date), None, title(m), None);
    let started = m.started_at.map(|s| s.time()).unwrap_or(m.start);
    doc.para(says(
        Msg::DocTime,
        &[("time", &clock(started)), ("date", &format_date(m.date))],
    ));
    let or = |text: &str, none: Msg| {
        if text.is_empty() {
            word(none).to_string()
        } else {
            text.to_string()
        }
    };
    doc.para(says(
        Msg::DocPlace,
        &[("place", &or(&m.place, Msg::DocNotRecorded))],
    ));
    doc.para(says(
        Msg::DocChairLine,
        &[("who", &comrade(members, m.chair))],
    ));
    doc.para(says(
        Msg::DocSecretaryLine,
        &[("who", &comrade(members, m.secretary))],
    ));
    doc.para(says(
        Msg::DocGuests,
        &[("who", &or(&m.guests, Msg::DocNoGuests))],
    ));

    doc.heading(word(Msg::DocAttendanceHeading));
    let report = attendance_report(m, members);
    for line in attendance_lines(&report, members) {
        doc.para(line);
    }

    doc.heading(word(Msg::DocContentHeading));
    let review_item = m
        .agenda
        .iter()
        .position(|i| crate::domain::meeting::reviews_resolution(&i.title));
    // a guest typed as "đồng chí …" is written "Đ/c …:", as a member is
    let comrade = says(Msg::DocComrade, &[("name", &"")]);
    for (i, item) in m.agenda.iter().enumerate() {
        let mut head = format!("{}. {}", i + 1, item.title);
        if let Some(p) = item.presenter {
            head.push_str(&says(Msg::DocPresenter, &[("name", &name(members, p))]));
        }
        doc.paragraph(Paragraph::bold(head));
        for e in &item.entries {
            let text = e.text.trim();
            match &e.kind {
                EntryKind::Note if text.is_empty() => {}
                EntryKind::Note => doc.para(text),
                EntryKind::Speech(id) => doc.paragraph(Paragraph::of(vec![
                    Span::italic(says(Msg::DocSpeaker, &[("name", &name(members, *id))])),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::GuestSpeech(guest) => doc.paragraph(Paragraph::of(vec![
                    Span::italic(says(
                        Msg::DocGuestSpeaker,
                        &[("name", &guest.strip_prefix(&comrade).unwrap_or(guest))],
                    )),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::Conclusion => doc.paragraph(Paragraph::of(vec![
                    Span::italic(word(Msg::DocConclusion)),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::Vote(v) => doc.para(vote_line(v)),
            }
        }
        if Some(i) == review_item.or(m.agenda.len().checked_sub(1)) && !reviewed.is_empty() {
            doc.para(word(Msg::DocReviewIntro));
            doc.push(Block::List(review_items(m, reviewed, members)));
        }
    }

    grading_section(&mut doc, m, members);
    doc.para(ended_line(m));
    if let Some(at) = m.approved_at {
        doc.para(match &m.approval {
            Some(v) => says(
                Msg::DocApprovedVote,
                &[
                    ("at", &amendment_date(at)),
                    ("for", &v.in_favour),
                    ("eligible", &v.eligible),
                    ("against", &v.against),
                    ("other", &v.other),
                ],
            ),
            None => says(Msg::DocApproved, &[("at", &amendment_date(at))]),
        });
    }
    let signed = |who: Option<MemberId>| who.map(|id| name(members, id)).unwrap_or_default();
    doc.sign_minutes(signed(m.secretary), signed(m.chair));
    // a later correction stands after the signatures, each signed on its own, so the
    // signatures above never seem to cover it
    if !m.amendments.is_empty() {
        doc.heading(word(Msg::DocAmendmentsHeading));
        for a in &m.amendments {
            let mut lines = a.text.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or("");
            // who asked for it, when recorded (older amendments name no one)
            let (msg, by) = if a.by.is_empty() {
                (Msg::DocAmendment, "")
            } else {
                (Msg::DocAmendmentBy, a.by.as_str())
            };
            doc.para(says(
                msg,
                &[
                    ("at", &amendment_date(a.at)),
                    ("by", &by),
                    ("text", &first),
                    ("reason", &a.reason),
                ],
            ));
            for more in lines {
                doc.para(more.trim());
            }
            doc.sign_minutes(signed(m.secretary), signed(m.chair));
        }
    }
    doc
}

/// The grades the branch decided at a year-end meeting, each with its vote, the
/// branch's own grade and the count per grade.
fn grading_section(doc: &mut Document, m: &Meeting, members: &[Member]) {
    let Some(review) = &m.review else { return };
    let decided: Vec<(
        MemberId,
        &crate::domain::review::Decision<crate::domain::evaluation::Grade>,
    )> = members
        .iter()
        .filter_map(|x| Some((x.id, review.member(x.id)?.decision.as_ref()?)))
        .collect();
    let branch = review.branch.decision.as_ref();
    if decided.is_empty() && branch.is_none() {
        return;
    }
    doc.heading(says(Msg::DocGradingHeading, &[("year", &review.year)]));
    let lines = decided.iter().enumerate().map(|(i, (id, d))| {
        says(
            Msg::DocGradeLine,
            &[
                ("n", &(i + 1)),
                ("name", &name(members, *id)),
                (
                    "grade",
                    &word(crate::export::evaluation::grade_msg(d.grade)),
                ),
                ("for", &d.vote.in_favour),
                ("of", &d.vote.denominator()),
            ],
        )
    });
    doc.push(Block::lines(lines));
    if !decided.is_empty() {
        let grades: Vec<_> = decided.iter().map(|(_, d)| d.grade).collect();
        let [excellent, good, done, not_done] =
            crate::domain::evaluation::tally(&grades).map(|(_, n, _)| n);
        doc.para(says(
            Msg::DocGradeTally,
            &[
                ("excellent", &excellent),
                ("good", &good),
                ("done", &done),
                ("not_done", &not_done),
            ],
        ));
    }
    if let Some(d) = branch {
        doc.para(says(
            Msg::DocBranchGradeLine,
            &[
                (
                    "grade",
                    &word(crate::export::evaluation::branch_grade_msg(d.grade)),
                ),
                ("for", &d.vote.in_favour),
                ("of", &d.vote.denominator()),
            ],
        ));
    }
}

/// Writes the biên bản of a meeting as Markdown or plain text.
pub fn render(
    m: &Meeting,
    members: &[Member],
    branch: Option<&Branch>,
    reviewed: &[Reviewed],
    format: Format,
) -> String {
    let doc = document(m, members, branch, reviewed);
    match format {
        Format::Markdown => doc.to_markdown(),
        Format::Text => doc.to_text(),
    }
}
