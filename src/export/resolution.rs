//! The resolution as branches issue it: the two-column header, "NGHỊ QUYẾT" with number
//! and date, căn cứ, last month's results, tasks with who and by when, and the
//! "T/M CHI BỘ — BÍ THƯ" signature.

use crate::domain::branch::Branch;
use crate::domain::calendar::format_date;
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::Task;

use super::document::{Align, Block, Document, Paragraph, PartyHeader, SignatureColumn};
use super::minutes::Format;

fn name(members: &[Member], id: MemberId) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(Member::full_name)
        .unwrap_or_default()
}

/// The resolution as a document.
pub fn document(r: &Resolution, items: &[Task], members: &[Member], branch: Option<&Branch>) -> Document {
    let mut doc = Document::new();
    doc.push(Block::Header(PartyHeader::of(
        branch,
        r.adopted_on,
        Some(format!("Số {}", r.number)),
    )));
    doc.push(Block::Title {
        main: "NGHỊ QUYẾT".into(),
        sub: Some(r.title.clone()),
    });
    if !r.basis.is_empty() {
        doc.para(format!("Căn cứ {}.", r.basis.trim_end_matches('.')));
    }
    let resolves = format!(
        "{} QUYẾT NGHỊ",
        branch.map(|b| b.name.to_uppercase()).unwrap_or_else(|| "CHI BỘ".into())
    );
    doc.paragraph(Paragraph::bold(resolves).align(Align::Center));
    doc.heading("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC");
    doc.para(if r.results.is_empty() {
        "(chưa ghi)"
    } else {
        &r.results
    });
    doc.heading("II. NHIỆM VỤ, GIẢI PHÁP");
    for (i, t) in items.iter().enumerate() {
        let who = t
            .lead
            .map(|id| format!("đồng chí {}", name(members, id)))
            .unwrap_or_else(|| "(chưa phân công)".into());
        let helpers: Vec<String> = t
            .helpers
            .iter()
            .map(|h| format!("đồng chí {}", name(members, *h)))
            .collect();
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
    if items.is_empty() {
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
    doc
}

/// The resolution as Markdown or plain text.
pub fn render(r: &Resolution, items: &[Task], members: &[Member], branch: Option<&Branch>, format: Format) -> String {
    let doc = document(r, items, members, branch);
    match format {
        Format::Markdown => doc.to_markdown(),
        Format::Text => doc.to_text(),
    }
}
