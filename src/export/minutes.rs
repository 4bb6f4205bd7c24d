//! The biên bản: the minutes in the form the branch files them, in Vietnamese, as
//! Markdown or plain text.

use chrono::{NaiveDateTime, NaiveTime, Timelike};

use crate::domain::branch::Branch;
use crate::domain::calendar::{format_date, long_date};
use crate::domain::meeting::{AttendanceReport, EntryKind, Meeting, MeetingKind, attendance_report};
use crate::domain::member::{CommitteeRole, Member, MemberId};
use crate::domain::resolution::Resolution;
use crate::domain::task::{Task, TaskStatus};
use crate::domain::vote::{Vote, VoteMethod};

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
        .unwrap_or_else(|| format!("(mã {})", id.0))
}

fn comrade(members: &[Member], id: Option<MemberId>) -> String {
    match id {
        Some(id) => {
            let role = members.iter().find(|m| m.id == id).map(|m| m.committee_role);
            let title = match role {
                Some(CommitteeRole::Secretary) => ", Bí thư chi bộ",
                Some(CommitteeRole::Deputy) => ", Phó Bí thư chi bộ",
                Some(CommitteeRole::Member) => ", Chi ủy viên",
                _ => "",
            };
            format!("đồng chí {}{title}", name(members, id))
        }
        None => "(chưa ghi)".into(),
    }
}

fn clock(t: NaiveTime) -> String {
    format!("{} giờ {:02} phút", t.hour(), t.minute())
}

/// "Có mặt 22 đồng chí; vắng có lý do 2 đồng chí (đồng chí A: ốm; …)" — the report
/// read out at the opening.
pub fn attendance_lines(r: &AttendanceReport, members: &[Member]) -> Vec<String> {
    let names = |ids: &[MemberId]| {
        ids.iter()
            .map(|id| format!("đồng chí {}", name(members, *id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![format!(
        "Tổng số đảng viên của chi bộ: {} đồng chí (chính thức {}, dự bị {}).",
        r.total, r.official, r.probationary,
    )];
    if !r.temporary_out.is_empty() {
        lines.push(format!(
            "Sinh hoạt tạm thời nơi khác: {} đồng chí: {}.",
            r.temporary_out.len(),
            names(&r.temporary_out)
        ));
    }
    if r.exempt > 0 {
        lines.push(format!("Miễn công tác và sinh hoạt đảng: {} đồng chí.", r.exempt));
    }
    if r.temporary > 0 {
        let mut line = format!(
            "Đảng viên sinh hoạt tạm thời: {} đồng chí, có mặt {}.",
            r.temporary,
            r.temporary_present.len()
        );
        if !r.temporary_absent.is_empty() {
            line.push_str(&format!(" Vắng: {}.", names(&r.temporary_absent)));
        }
        lines.push(line);
    }
    let mut present = format!("Có mặt: {} đồng chí.", r.present.len());
    if !r.late.is_empty() {
        let late: Vec<String> = r
            .late
            .iter()
            .map(|(id, t)| format!("đồng chí {} ({})", name(members, *id), t.format("%H:%M")))
            .collect();
        present.push_str(&format!(" Đến muộn: {}.", late.join(", ")));
    }
    lines.push(present);
    if r.excused.is_empty() {
        lines.push("Vắng có lý do: không.".into());
    } else {
        let excused: Vec<String> = r
            .excused
            .iter()
            .map(|(id, why)| {
                if why.is_empty() {
                    format!("đồng chí {}", name(members, *id))
                } else {
                    format!("đồng chí {} ({why})", name(members, *id))
                }
            })
            .collect();
        lines.push(format!(
            "Vắng có lý do: {} đồng chí: {}.",
            r.excused.len(),
            excused.join("; ")
        ));
    }
    if r.absent.is_empty() {
        lines.push("Vắng không lý do: không.".into());
    } else {
        lines.push(format!(
            "Vắng không lý do: {} đồng chí: {}.",
            r.absent.len(),
            names(&r.absent)
        ));
    }
    if r.unmarked > 0 {
        lines.push(format!("Chưa điểm danh: {} đồng chí.", r.unmarked));
    }
    lines
}

fn method(m: VoteMethod) -> &'static str {
    match m {
        VoteMethod::ShowOfHands => "giơ tay",
        VoteMethod::Card => "giơ thẻ đảng viên",
        VoteMethod::SecretBallot => "bỏ phiếu kín",
    }
}

/// A vote as the minutes record it: subject, method, who could vote, counts, result
/// and the rule applied.
pub fn vote_line(v: &Vote) -> String {
    let result = match v.outcome() {
        crate::domain::vote::Outcome::NotCounted(_) => {
            // missing or impossible counts: no result and no percentage is stated
            "CHƯA XÁC ĐỊNH (số phiếu chưa đầy đủ hoặc không hợp lệ)".to_string()
        }
        outcome => {
            let word = if outcome == crate::domain::vote::Outcome::Passed {
                "THÔNG QUA"
            } else {
                "KHÔNG THÔNG QUA"
            };
            let denominator = v.denominator().max(1);
            format!(
                "{word} ({}/{}, {}%)",
                v.in_favour,
                v.denominator(),
                (v.in_favour * 100 + denominator / 2) / denominator
            )
        }
    };
    format!(
        "Biểu quyết: {}. Hình thức: {}. Số đảng viên có quyền biểu quyết có mặt: {} (chi bộ có {} đảng viên chính thức được tính). Tán thành: {}; không tán thành: {}; ý kiến khác: {}. Kết quả: {}. Nguyên tắc áp dụng: {}.",
        v.subject,
        method(v.method),
        v.eligible,
        v.branch,
        v.in_favour,
        v.against,
        v.other,
        result,
        v.rule.statement()
    )
}

fn title(m: &Meeting) -> String {
    let kind = if m.kind == MeetingKind::Regular && m.with_thematic {
        "THƯỜNG KỲ VÀ CHUYÊN ĐỀ".to_string()
    } else {
        m.kind.title_word().to_string()
    };
    match m.kind {
        MeetingKind::Committee => format!("BIÊN BẢN HỌP CHI ỦY THÁNG {}", m.month_label()),
        MeetingKind::YearEnd => format!("BIÊN BẢN SINH HOẠT CHI BỘ KIỂM ĐIỂM CUỐI NĂM {}", m.date.format("%Y")),
        _ => format!("BIÊN BẢN SINH HOẠT CHI BỘ {kind} THÁNG {}", m.month_label()),
    }
}

fn ended_line(m: &Meeting) -> String {
    match m.ended_at {
        Some(end) => {
            let same_day = end.date() == m.started_at.map(|s| s.date()).unwrap_or(m.date);
            if same_day {
                format!("Cuộc họp kết thúc lúc {} cùng ngày.", clock(end.time()))
            } else {
                format!(
                    "Cuộc họp kết thúc lúc {}, ngày {}.",
                    clock(end.time()),
                    format_date(end.date())
                )
            }
        }
        None => "(Cuộc họp chưa kết thúc.)".into(),
    }
}

fn amendment_date(at: NaiveDateTime) -> String {
    format!("{} lúc {}", format_date(at.date()), at.format("%H:%M"))
}

/// A resolution item reviewed at the meeting, with its resolution's number.
pub struct Reviewed<'a> {
    pub number: &'a str,
    pub task: &'a Task,
}

/// The items of `resolutions` that have a follow-up note taken at meeting `m`.
pub fn reviewed_at<'a>(m: &Meeting, tasks: &'a [Task], resolutions: &'a [Resolution]) -> Vec<Reviewed<'a>> {
    let mut out: Vec<Reviewed> = tasks
        .iter()
        .filter(|t| t.history.iter().any(|n| n.meeting == Some(m.id)))
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

fn review_lines(m: &Meeting, reviewed: &[Reviewed], members: &[Member]) -> Vec<String> {
    let mut lines = vec!["Kết quả thực hiện nghị quyết được đánh giá tại cuộc họp:".to_string()];
    for r in reviewed {
        let t = r.task;
        let lead = t
            .lead
            .map(|id| format!("đồng chí {}", name(members, id)))
            .unwrap_or_else(|| "chưa phân công".into());
        let notes: Vec<String> = t
            .history
            .iter()
            .filter(|n| n.meeting == Some(m.id))
            .map(|n| {
                let status = n.status.map(|s| match s {
                    TaskStatus::NotStarted => "chưa thực hiện",
                    TaskStatus::InProgress => "đang thực hiện",
                    TaskStatus::Done => "hoàn thành",
                    TaskStatus::CarriedOver => "chuyển kỳ sau",
                    TaskStatus::Cancelled => "hủy",
                });
                let mut parts: Vec<String> = status.into_iter().map(str::to_string).collect();
                if let Some(p) = n.percent.filter(|p| *p < 100) {
                    parts.push(format!("{p}%"));
                }
                if !n.text.is_empty() {
                    parts.push(n.text.clone());
                }
                if let Some(d) = n.due {
                    parts.push(format!("hạn mới {}", format_date(d)));
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
            format!(" Kết quả: {}.", t.result)
        };
        lines.push(format!(
            "- {number}{} ({lead}): {}.{result}",
            t.title.trim_end_matches('.'),
            notes.join("; ")
        ));
    }
    lines
}

/// Writes the biên bản of a meeting; `reviewed` are the resolution items followed up
/// at it (shown under the item that reviews last month's resolution).
pub fn render(
    m: &Meeting,
    members: &[Member],
    branch: Option<&Branch>,
    reviewed: &[Reviewed],
    format: Format,
) -> String {
    let md = format == Format::Markdown;
    let parent = branch.map(|b| b.parent.to_uppercase()).unwrap_or_default();
    let branch_name = branch.map(|b| b.name.to_uppercase()).unwrap_or_default();
    let place = branch
        .map(|b| b.place.as_str())
        .filter(|p| !p.is_empty())
        .unwrap_or("……");
    let date_line = format!("{place}, {}", long_date(m.date));
    let mut out = String::new();
    let para = |out: &mut String, text: &str| {
        out.push_str(text);
        out.push_str("\n\n");
    };
    if md {
        out.push_str(&format!(
            "| {parent}<br>**{branch_name}**<br>\\* | **ĐẢNG CỘNG SẢN VIỆT NAM**<br><br>*{date_line}* |\n"
        ));
        out.push_str("|:---:|:---:|\n\n");
        para(&mut out, &format!("## {}", title(m)));
    } else {
        let col = |left: &str, right: &str| {
            let pad = 38usize.saturating_sub(unicode_width::UnicodeWidthStr::width(left));
            format!("{}\n", format!("{left}{}{right}", " ".repeat(pad)).trim_end())
        };
        out.push_str(&col(&parent, "ĐẢNG CỘNG SẢN VIỆT NAM"));
        out.push_str(&col(&branch_name, ""));
        out.push_str(&col("        *", &date_line));
        out.push('\n');
        let t = title(m);
        let pad = 78usize.saturating_sub(unicode_width::UnicodeWidthStr::width(t.as_str())) / 2;
        para(&mut out, &format!("{}{t}", " ".repeat(pad)));
    }
    let heading = |text: &str| if md { format!("### {text}") } else { text.to_string() };
    let started = m.started_at.map(|s| s.time()).unwrap_or(m.start);
    para(
        &mut out,
        &format!(
            "Thời gian: bắt đầu lúc {}, ngày {}.",
            clock(started),
            format_date(m.date)
        ),
    );
    para(
        &mut out,
        &format!(
            "Địa điểm: {}.",
            if m.place.is_empty() { "(chưa ghi)" } else { &m.place }
        ),
    );
    para(&mut out, &format!("Chủ trì: {}.", comrade(members, m.chair)));
    para(&mut out, &format!("Thư ký: {}.", comrade(members, m.secretary)));
    para(
        &mut out,
        &format!(
            "Khách mời: {}.",
            if m.guests.is_empty() { "không có" } else { &m.guests }
        ),
    );

    para(&mut out, &heading("I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP"));
    let report = attendance_report(m, members);
    for line in attendance_lines(&report, members) {
        para(&mut out, &line);
    }

    para(&mut out, &heading("II. NỘI DUNG"));
    let review_item = m
        .agenda
        .iter()
        .position(|i| crate::domain::text::fold(&i.title).contains("danh gia ket qua thuc hien nghi quyet"));
    for (i, item) in m.agenda.iter().enumerate() {
        let mut head = format!("{}. {}", i + 1, item.title);
        if let Some(p) = item.presenter {
            head.push_str(&format!(" (trình bày: đồng chí {})", name(members, p)));
        }
        para(&mut out, &if md { format!("**{head}**") } else { head });
        for e in &item.entries {
            let text = e.text.trim();
            match &e.kind {
                EntryKind::Note if text.is_empty() => {}
                EntryKind::Note => para(&mut out, text),
                EntryKind::Speech(id) => {
                    let who = format!("Đồng chí {}", name(members, *id));
                    let who = if md { format!("*{who}:*") } else { format!("{who}:") };
                    para(&mut out, &format!("{who} {text}"));
                }
                EntryKind::GuestSpeech(guest) => {
                    let who = format!("Đ/c {}", guest.strip_prefix("đồng chí ").unwrap_or(guest));
                    let who = if md { format!("*{who}:*") } else { format!("{who}:") };
                    para(&mut out, &format!("{who} {text}"));
                }
                EntryKind::Conclusion => {
                    let who = if md {
                        "*Kết luận của chủ trì:*"
                    } else {
                        "Kết luận của chủ trì:"
                    };
                    para(&mut out, &format!("{who} {text}"));
                }
                EntryKind::Vote(v) => para(&mut out, &vote_line(v)),
            }
        }
        if Some(i) == review_item.or(m.agenda.len().checked_sub(1)) && !reviewed.is_empty() {
            for line in review_lines(m, reviewed, members) {
                para(&mut out, &line);
            }
        }
    }

    if !m.amendments.is_empty() {
        para(&mut out, &heading("III. SỬA ĐỔI, BỔ SUNG SAU KHI THÔNG QUA"));
        for a in &m.amendments {
            para(
                &mut out,
                &format!("- Ngày {}: {} (lý do: {})", amendment_date(a.at), a.text, a.reason),
            );
        }
    }

    para(&mut out, &ended_line(m));
    if let Some(at) = m.approved_at {
        para(
            &mut out,
            &match &m.approval {
                Some(v) => format!(
                    "Biên bản đã được đọc lại và thông qua ngày {}: tán thành {}/{}, không tán thành {}, ý kiến khác {}.",
                    amendment_date(at),
                    v.in_favour,
                    v.eligible,
                    v.against,
                    v.other
                ),
                None => format!("Biên bản đã được đọc lại và thông qua ngày {}.", amendment_date(at)),
            },
        );
    }
    let secretary = m.secretary.map(|id| name(members, id)).unwrap_or_default();
    let chair = m.chair.map(|id| name(members, id)).unwrap_or_default();
    if md {
        out.push_str("| THƯ KÝ | CHỦ TRÌ |\n|:---:|:---:|\n");
        out.push_str("| *(ký, ghi rõ họ tên)* | *(ký, ghi rõ họ tên)* |\n");
        out.push_str(&format!("| <br><br>**{secretary}** | <br><br>**{chair}** |\n"));
    } else {
        let col = |left: &str, right: &str| {
            let w = unicode_width::UnicodeWidthStr::width(left);
            let lpad = 20usize.saturating_sub(w / 2);
            let gap = 40usize.saturating_sub(lpad + w);
            let rpad = 20usize.saturating_sub(unicode_width::UnicodeWidthStr::width(right) / 2);
            format!(
                "{}\n",
                format!(
                    "{}{left}{}{}{right}",
                    " ".repeat(lpad),
                    " ".repeat(gap),
                    " ".repeat(rpad)
                )
                .trim_end()
            )
        };
        out.push_str(&col("THƯ KÝ", "CHỦ TRÌ"));
        out.push_str(&col("(ký, ghi rõ họ tên)", "(ký, ghi rõ họ tên)"));
        out.push_str("\n\n");
        out.push_str(&col(&secretary, &chair));
    }
    out
}
