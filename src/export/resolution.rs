//! The resolution as branches issue it: the two-column header, "NGHỊ QUYẾT" with number
//! and date, căn cứ, last month's results, tasks with who and by when, and the
//! "T/M CHI BỘ — BÍ THƯ" signature. Once adopted it prints the text as adopted; what
//! the follow-up did since comes after the signature, in its own section.

use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::{AdoptedItem, AdoptedText, Resolution};
use crate::domain::task::{Task, TaskStatus};

use super::document::{Align, Block, Document, Paragraph, PartyHeader, SignatureColumn};
use super::minutes::Format;
use super::report::status_vi;

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
    let mut doc = Document::new();
    doc.push(Block::Header(PartyHeader::of(
        branch,
        r.adopted_on,
        Some(format!("Số {}", r.number)),
    )));
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
    doc.push(Block::Title {
        main: "NGHỊ QUYẾT".into(),
        sub: Some(text.title.clone()),
    });
    if !text.basis.is_empty() {
        doc.para(format!("Căn cứ {}.", text.basis.trim_end_matches('.')));
    }
    let resolves = format!(
        "{} QUYẾT NGHỊ",
        branch
            .map(|b| b.name.to_uppercase())
            .unwrap_or_else(|| "CHI BỘ".into())
    );
    doc.paragraph(Paragraph::bold(resolves).align(Align::Center));
    doc.heading("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC");
    doc.para(if text.results.is_empty() {
        "(chưa ghi)"
    } else {
        &text.results
    });
    doc.heading("II. NHIỆM VỤ, GIẢI PHÁP");
    for (i, t) in text.items.iter().enumerate() {
        let who = if t.lead.is_empty() {
            "(chưa phân công)".to_string()
        } else {
            format!("đồng chí {}", t.lead)
        };
        let helpers: Vec<String> = t.helpers.iter().map(|h| format!("đồng chí {h}")).collect();
        let helpers = if helpers.is_empty() {
            String::new()
        } else {
            format!("; phối hợp: {}", helpers.join(", "))
        };
        doc.para(format!(
            "{}. {}. Chủ trì thực hiện: {who}{helpers}. Thời hạn: {}.",
            i + 1,
            t.title.trim_end_matches('.'),
            format_date(t.due)
        ));
    }
    if text.items.is_empty() {
        doc.para("(chưa có nhiệm vụ)");
    }
    doc.heading("III. TỔ CHỨC THỰC HIỆN");
    doc.para(
        "Chi ủy chi bộ chỉ đạo, theo dõi, kiểm tra việc thực hiện; từng đồng chí đảng viên được phân công có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt tháng sau.",
    );
    let secretary = members
        .iter()
        .find(|m| m.committee_role == CommitteeRole::Secretary && m.activity.on_roster())
        .map(Member::full_name)
        .unwrap_or_default();
    doc.push(Block::Signatures(vec![
        SignatureColumn::Recipients {
            label: "Nơi nhận:".into(),
            lines: vec![
                "- Đảng ủy cấp trên (để b/c),".into(),
                "- Đảng viên chi bộ,".into(),
                "- Lưu.".into(),
            ],
        },
        SignatureColumn::Signer {
            titles: vec!["T/M CHI BỘ".into(), "BÍ THƯ".into()],
            hint: None,
            name: secretary,
        },
    ]));
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
            parts.push(format!("hạn mới {}", dates.join(", rồi ")));
        }
        if lead != a.lead && !lead.is_empty() {
            parts.push(format!("nay do đồng chí {lead} chủ trì"));
        }
        if let Some(note) = t.latest_note() {
            parts.push(format!("ghi nhận: {}", note.trim_end_matches('.')));
        }
        if !parts.is_empty() {
            lines.push(format!(
                "{}. {}: {}.",
                i + 1,
                a.title.trim_end_matches('.'),
                parts.join("; ")
            ));
        }
    }
    for t in items
        .iter()
        .filter(|t| !text.items.iter().any(|a| a.task == t.id))
    {
        lines.push(format!(
            "Bổ sung sau khi thông qua: {}. Thời hạn: {}; {}.",
            t.title.trim_end_matches('.'),
            format_date(t.due),
            status_vi(t.status)
        ));
    }
    if lines.is_empty() {
        return;
    }
    doc.heading("THEO DÕI THỰC HIỆN (ghi sau khi thông qua)");
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
