//! The resolution as branches issue it: the two-column header, "NGHỊ QUYẾT" with number
//! and date, căn cứ, last month's results, tasks with who and by when, and the
//! "T/M CHI BỘ — BÍ THƯ" signature. Once adopted it prints the text as adopted; what
//! the follow-up did since comes after the signature, in its own section.

use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::{AdoptedItem, AdoptedText, Resolution};
use crate::domain::task::{Task, TaskStatus};

use super::document::{Align, Document, Paragraph, says, word};
use super::minutes::Format;
use super::report::status_vi;
use crate::i18n::Msg;

fn name(members: &[Member], id: MemberId) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(Member::full_name)
        .unwrap_or_default()
}

/// The resolution as a document.
pub fn document(
    r: &Resolution,
    items: &[Task],
    members: &[Member],
    branch: Option<&Branch>,
) -> Document {
    // the text as adopted once it is; a draft shows its items as they stand
    let text = r.adopted.clone().unwrap_or_else(|| AdoptedText {
        title: r.title.clone(),
        basis: r.basis.clone(),
        results: r.results.clone(),
        items: items
            .iter()
            .map(|t| AdoptedItem::of(t, &|id| name(members, id)))
            .collect(),
    });
    let mut doc = Document::issued(
        branch,
        r.adopted_on,
        Some(says(Msg::DocResolutionNumber, &[("number", &r.number)])),
        word(Msg::DocResolution).into(),
        Some(text.title.clone()),
    );
    if !text.basis.is_empty() {
        doc.para(says(
            Msg::DocBasis,
            &[("basis", &text.basis.trim_end_matches('.'))],
        ));
    }
    let resolves = says(
        Msg::DocResolves,
        &[(
            "branch",
            &branch
                .map(|b| b.name.to_uppercase())
                .unwrap_or_else(|| word(Msg::DocTheBranch).into()),
        )],
    );
    doc.paragraph(Paragraph::bold(resolves).align(Align::Center));
    doc.heading(word(Msg::DocResultsHeading));
    doc.para(if text.results.is_empty() {
        word(Msg::DocNotRecorded)
    } else {
        &text.results
    });
    doc.heading(word(Msg::DocTasksHeading));
    let comrade = |name: &str| says(Msg::DocComrade, &[("name", &name)]);
    for (i, t) in text.items.iter().enumerate() {
        let who = if t.lead.is_empty() {
            word(Msg::DocNoLead).to_string()
        } else {
            comrade(&t.lead)
        };
        let helpers: Vec<String> = t.helpers.iter().map(|h| comrade(h)).collect();
        let helpers = if helpers.is_empty() {
            String::new()
        } else {
            says(Msg::DocHelpers, &[("names", &helpers.join(", "))])
        };
        doc.para(says(
            Msg::DocTask,
            &[
                ("n", &(i + 1)),
                ("title", &t.title.trim_end_matches('.')),
                ("who", &who),
                ("helpers", &helpers),
                ("due", &format_date(t.due)),
            ],
        ));
    }
    if text.items.is_empty() {
        doc.para(word(Msg::DocNoTasks));
    }
    doc.heading(word(Msg::DocExecutionHeading));
    doc.para(word(Msg::DocExecution));
    let secretary = members
        .iter()
        .find(|m| m.committee_role == CommitteeRole::Secretary && m.activity.on_roster())
        .map(Member::full_name)
        .unwrap_or_default();
    doc.sign_for_branch(secretary);
    if r.adopted.is_some() {
        follow_up(&mut doc, &text, items, members);
    }
    doc
}

/// What became of the items after adoption, apart from the text as adopted: status,
/// new due dates, a change of lead, the latest note, items added later. Nothing is
/// printed while nothing has happened.
fn follow_up(doc: &mut Document, text: &AdoptedText, items: &[Task], members: &[Member]) {
    let mut lines = Vec::new();
    for (i, a) in text.items.iter().enumerate() {
        let Some(t) = items.iter().find(|t| t.id == a.task) else {
            continue;
        };
        let mut parts = Vec::new();
        let lead = t.lead.map(|id| name(members, id)).unwrap_or_default();
        let reported = t
            .history
            .iter()
            .any(|n| n.status.is_some() || n.percent.is_some() || !n.text.is_empty());
        if t.status != TaskStatus::NotStarted || reported {
            parts.push(status_vi(t.status).to_string());
        }
        let dates: Vec<String> = t.due_dates().into_iter().skip(1).map(format_date).collect();
        if !dates.is_empty() {
            parts.push(says(
                Msg::DocNewDues,
                &[("dates", &dates.join(word(Msg::DocThen)))],
            ));
        }
        if lead != a.lead && !lead.is_empty() {
            parts.push(says(Msg::DocNowLed, &[("lead", &lead)]));
        }
        if let Some(note) = t.latest_note() {
            parts.push(says(
                Msg::DocNoted,
                &[("note", &note.trim_end_matches('.'))],
            ));
        }
        if !parts.is_empty() {
            lines.push(says(
                Msg::DocFollowedItem,
                &[
                    ("n", &(i + 1)),
                    ("title", &a.title.trim_end_matches('.')),
                    ("parts", &parts.join("; ")),
                ],
            ));
        }
    }
    for t in items
        .iter()
        .filter(|t| !text.items.iter().any(|a| a.task == t.id))
    {
        lines.push(says(
            Msg::DocAddedLater,
            &[
                ("title", &t.title.trim_end_matches('.')),
                ("due", &format_date(t.due)),
                ("status", &status_vi(t.status)),
            ],
        ));
    }
    if lines.is_empty() {
        return;
    }
    doc.heading(word(Msg::DocFollowUpHeading));
    for l in lines {
        doc.para(l);
    }
}

/// The resolution as Markdown or plain text.
pub fn render(
    r: &Resolution,
    items: &[Task],
    members: &[Member],
    branch: Option<&Branch>,
    format: Format,
) -> String {
    let doc = document(r, items, members, branch);
    match format {
        Format::Markdown => doc.to_markdown(),
        Format::Text => doc.to_text(),
    }
}
