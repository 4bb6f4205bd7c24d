//! The resolution as branches issue it: the two-column header, "NGHỊ QUYẾT" with number
//! and date, căn cứ, last month's results, tasks with who and by when, and the
//! "T/M CHI BỘ — BÍ THƯ" signature.

use crate::domain::branch::Branch;
use crate::domain::calendar::{format_date, long_date};
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::Task;

use super::minutes::Format;

fn name(members: &[Member], id: MemberId) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(Member::full_name)
        .unwrap_or_default()
}

pub fn render(r: &Resolution, items: &[Task], members: &[Member], branch: Option<&Branch>, format: Format) -> String {
    let md = format == Format::Markdown;
    let parent = branch.map(|b| b.parent.to_uppercase()).unwrap_or_default();
    let branch_name = branch.map(|b| b.name.to_uppercase()).unwrap_or_default();
    let place = branch
        .map(|b| b.place.as_str())
        .filter(|p| !p.is_empty())
        .unwrap_or("……");
    let date = r
        .adopted_on
        .map(long_date)
        .unwrap_or_else(|| "ngày …… tháng …… năm ……".into());
    let date_line = format!("{place}, {date}");
    let mut out = String::new();
    let para = |out: &mut String, text: &str| {
        out.push_str(text);
        out.push_str("\n\n");
    };
    if md {
        out.push_str(&format!(
            "| {parent}<br>**{branch_name}**<br>Số {} | **ĐẢNG CỘNG SẢN VIỆT NAM**<br><br>*{date_line}* |\n|:---:|:---:|\n\n",
            r.number
        ));
        para(&mut out, "## NGHỊ QUYẾT");
        para(&mut out, &format!("**{}**", r.title));
    } else {
        let col = |left: &str, right: &str| {
            let pad = 38usize.saturating_sub(unicode_width::UnicodeWidthStr::width(left));
            format!("{}\n", format!("{left}{}{right}", " ".repeat(pad)).trim_end())
        };
        out.push_str(&col(&parent, "ĐẢNG CỘNG SẢN VIỆT NAM"));
        out.push_str(&col(&branch_name, ""));
        out.push_str(&col(&format!("Số {}", r.number), &date_line));
        out.push('\n');
        let center = |t: &str| {
            let pad = 78usize.saturating_sub(unicode_width::UnicodeWidthStr::width(t)) / 2;
            format!("{}{t}", " ".repeat(pad))
        };
        para(&mut out, &center("NGHỊ QUYẾT"));
        para(&mut out, &center(&r.title));
    }
    let heading = |t: &str| if md { format!("### {t}") } else { t.to_string() };
    if !r.basis.is_empty() {
        para(&mut out, &format!("Căn cứ {}.", r.basis.trim_end_matches('.')));
    }
    let resolves = format!(
        "{} QUYẾT NGHỊ",
        branch.map(|b| b.name.to_uppercase()).unwrap_or_else(|| "CHI BỘ".into())
    );
    para(&mut out, &if md { format!("**{resolves}**") } else { resolves });
    para(&mut out, &heading("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC"));
    para(
        &mut out,
        if r.results.is_empty() {
            "(chưa ghi)"
        } else {
            &r.results
        },
    );
    para(&mut out, &heading("II. NHIỆM VỤ, GIẢI PHÁP"));
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
        para(
            &mut out,
            &format!(
                "{}. {}. Chủ trì thực hiện: {who}{helpers}. Thời hạn: {}.",
                i + 1,
                t.title.trim_end_matches('.'),
                format_date(t.due)
            ),
        );
    }
    if items.is_empty() {
        para(&mut out, "(chưa có nhiệm vụ)");
    }
    para(&mut out, &heading("III. TỔ CHỨC THỰC HIỆN"));
    para(
        &mut out,
        "Chi ủy chi bộ chỉ đạo, theo dõi, kiểm tra việc thực hiện; từng đồng chí đảng viên được phân công có trách nhiệm thực hiện và báo cáo kết quả tại kỳ sinh hoạt tháng sau.",
    );
    let secretary = members
        .iter()
        .find(|m| m.committee_role == CommitteeRole::Secretary && m.activity.on_roster())
        .map(Member::full_name)
        .unwrap_or_default();
    if md {
        out.push_str("| | T/M CHI BỘ<br>BÍ THƯ |\n|:---:|:---:|\n");
        out.push_str(&format!("| *Nơi nhận:*<br>- Đảng ủy cấp trên (để b/c),<br>- Đảng viên chi bộ,<br>- Lưu. | <br><br>**{secretary}** |\n"));
    } else {
        let right = |t: &str| {
            format!(
                "{}{t}\n",
                " ".repeat(50usize.saturating_sub(unicode_width::UnicodeWidthStr::width(t) / 2))
            )
        };
        out.push_str(&right("T/M CHI BỘ"));
        out.push_str(&right("BÍ THƯ"));
        out.push_str("\n\n");
        out.push_str(&right(&secretary));
        out.push_str("\nNơi nhận:\n- Đảng ủy cấp trên (để b/c),\n- Đảng viên chi bộ,\n- Lưu.\n");
    }
    out
}
