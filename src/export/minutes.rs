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

use super::document::{Block, Document, ListItem, Paragraph, PartyHeader, SignatureColumn, Span};

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
            let role = members
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.committee_role);
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
        if r.exempt_members.is_empty() {
            lines.push(format!(
                "Miễn công tác và sinh hoạt đảng: {} đồng chí.",
                r.exempt
            ));
        } else {
            lines.push(format!(
                "Miễn công tác và sinh hoạt đảng: {} đồng chí: {}.",
                r.exempt,
                names(&r.exempt_members)
            ));
        }
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
        MeetingKind::YearEnd => format!(
            "BIÊN BẢN SINH HOẠT CHI BỘ KIỂM ĐIỂM CUỐI NĂM {}",
            m.date.format("%Y")
        ),
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
    match t.status {
        TaskStatus::Done => match t.done_on {
            Some(d) if d < m.date => format!("hoàn thành trước cuộc họp ({})", format_date(d)),
            _ => "hoàn thành".into(),
        },
        TaskStatus::CarriedOver => format!("chuyển kỳ sau, hạn mới {}", format_date(t.due)),
        TaskStatus::Cancelled => "hủy".into(),
        _ if t.due < m.date => format!("quá hạn (hạn {})", format_date(t.due)),
        TaskStatus::InProgress => format!("đang thực hiện, hạn {}", format_date(t.due)),
        _ => format!("chưa thực hiện, hạn {}", format_date(t.due)),
    }
}

fn review_items(m: &Meeting, reviewed: &[Reviewed], members: &[Member]) -> Vec<ListItem> {
    let mut lines = Vec::new();
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
        let said = if notes.is_empty() {
            standing(m, t)
        } else {
            notes.join("; ")
        };
        lines.push(ListItem {
            text: Paragraph::plain(format!(
                "{number}{} ({lead}): {said}.{result}",
                t.title.trim_end_matches('.'),
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
    let mut doc = Document::new();
    doc.push(Block::Header(PartyHeader::of(branch, Some(m.date), None)));
    doc.push(Block::Title {
        main: title(m),
        sub: None,
    });
    let started = m.started_at.map(|s| s.time()).unwrap_or(m.start);
    doc.para(format!(
        "Thời gian: bắt đầu lúc {}, ngày {}.",
        clock(started),
        format_date(m.date)
    ));
    doc.para(format!(
        "Địa điểm: {}.",
        if m.place.is_empty() {
            "(chưa ghi)"
        } else {
            &m.place
        }
    ));
    doc.para(format!("Chủ trì: {}.", comrade(members, m.chair)));
    doc.para(format!("Thư ký: {}.", comrade(members, m.secretary)));
    doc.para(format!(
        "Khách mời: {}.",
        if m.guests.is_empty() {
            "không có"
        } else {
            &m.guests
        }
    ));

    doc.heading("I. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP");
    let report = attendance_report(m, members);
    for line in attendance_lines(&report, members) {
        doc.para(line);
    }

    doc.heading("II. NỘI DUNG");
    let review_item = m.agenda.iter().position(|i| {
        crate::domain::text::fold(&i.title).contains("danh gia ket qua thuc hien nghi quyet")
    });
    for (i, item) in m.agenda.iter().enumerate() {
        let mut head = format!("{}. {}", i + 1, item.title);
        if let Some(p) = item.presenter {
            head.push_str(&format!(" (trình bày: đồng chí {})", name(members, p)));
        }
        doc.paragraph(Paragraph::bold(head));
        for e in &item.entries {
            let text = e.text.trim();
            match &e.kind {
                EntryKind::Note if text.is_empty() => {}
                EntryKind::Note => doc.para(text),
                EntryKind::Speech(id) => doc.paragraph(Paragraph::of(vec![
                    Span::italic(format!("Đồng chí {}:", name(members, *id))),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::GuestSpeech(guest) => doc.paragraph(Paragraph::of(vec![
                    Span::italic(format!(
                        "Đ/c {}:",
                        guest.strip_prefix("đồng chí ").unwrap_or(guest)
                    )),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::Conclusion => doc.paragraph(Paragraph::of(vec![
                    Span::italic("Kết luận của chủ trì:"),
                    Span::plain(format!(" {text}")),
                ])),
                EntryKind::Vote(v) => doc.para(vote_line(v)),
            }
        }
        if Some(i) == review_item.or(m.agenda.len().checked_sub(1)) && !reviewed.is_empty() {
            doc.para("Kết quả thực hiện nghị quyết được đánh giá tại cuộc họp:");
            doc.push(Block::List(review_items(m, reviewed, members)));
        }
    }

    doc.para(ended_line(m));
    if let Some(at) = m.approved_at {
        doc.para(match &m.approval {
            Some(v) => format!(
                "Biên bản đã được đọc lại và thông qua ngày {}: tán thành {}/{}, không tán thành {}, ý kiến khác {}.",
                amendment_date(at),
                v.in_favour,
                v.eligible,
                v.against,
                v.other
            ),
            None => format!("Biên bản đã được đọc lại và thông qua ngày {}.", amendment_date(at)),
        });
    }
    let signer = |title: &str, who: Option<MemberId>| SignatureColumn::Signer {
        titles: vec![title.to_string()],
        hint: Some("(ký, ghi rõ họ tên)".into()),
        name: who.map(|id| name(members, id)).unwrap_or_default(),
    };
    doc.push(Block::Signatures(vec![
        signer("THƯ KÝ", m.secretary),
        signer("CHỦ TRÌ", m.chair),
    ]));
    // a later correction stands after the signatures, each signed on its own, so the
    // signatures above never seem to cover it
    if !m.amendments.is_empty() {
        doc.heading("III. SỬA ĐỔI, BỔ SUNG SAU KHI THÔNG QUA");
        for a in &m.amendments {
            let mut lines = a.text.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or("");
            doc.para(format!(
                "- Ngày {}: {} (lý do: {})",
                amendment_date(a.at),
                first,
                a.reason
            ));
            for more in lines {
                doc.para(more.trim());
            }
            doc.push(Block::Signatures(vec![
                signer("THƯ KÝ", m.secretary),
                signer("CHỦ TRÌ", m.chair),
            ]));
        }
    }
    doc
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
