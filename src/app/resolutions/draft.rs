//! Drafting the monthly resolution from a meeting whose conclusion the branch voted
//! through: which lines become items, which vote adopted it, and the due dates the
//! conclusion gives.

use chrono::Datelike;

use crate::app::{Action, App, Screen, Status};
use crate::domain::meeting::{EntryKind, Meeting, MeetingId};
use crate::domain::resolution::{
    Resolution, ResolutionId, ResolutionKind, format_number, next_seq,
};
use crate::domain::task::{Task, end_of_month};
use crate::domain::text::fold;
use crate::i18n::Msg;
use crate::store::Records;

/// Lines of a meeting's minutes that become draft items: the chair's conclusions and
/// each line of the "next month's tasks" item.
pub fn draft_lines(m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    for item in &m.agenda {
        let next_month = fold(&item.title).contains("nhiem vu thang toi");
        for e in &item.entries {
            let take = matches!(e.kind, EntryKind::Conclusion)
                || (next_month && e.kind == EntryKind::Note);
            if take {
                for line in e.text.lines() {
                    let line = line.trim().trim_start_matches(['-', '•', '+', '*']).trim();
                    if !line.is_empty() {
                        out.push(line.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Why a meeting's conclusion cannot become its resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftRefusal {
    /// The chair's conclusion is not written.
    NoConclusion,
    /// No vote on the conclusion (or the resolution) is recorded.
    NotVoted,
    /// The vote on it did not pass (its subject).
    NotPassed(String),
}

/// The vote that put the meeting's conclusion through: (item, entry) in its minutes.
/// The vote is the one whose subject names the resolution or the conclusion, or else
/// an ordinary vote held in the item of the chair's conclusion; the last passed one
/// counts. A meeting whose conclusion was not voted through drafts nothing.
pub fn conclusion_vote(m: &Meeting) -> Result<(usize, usize), DraftRefusal> {
    use crate::domain::vote::VoteSubject;
    let concluded = |item: &crate::domain::meeting::AgendaItem| {
        item.entries
            .iter()
            .any(|e| e.kind == EntryKind::Conclusion && !e.text.trim().is_empty())
    };
    if !m.agenda.iter().any(concluded) {
        return Err(DraftRefusal::NoConclusion);
    }
    let votes = |named: bool| {
        let mut found = Vec::new();
        for (i, item) in m.agenda.iter().enumerate() {
            for (j, e) in item.entries.iter().enumerate() {
                if let EntryKind::Vote(v) = &e.kind {
                    let subject = fold(&v.subject);
                    let names = subject.contains("nghi quyet") || subject.contains("ket luan");
                    let ordinary = VoteSubject::from_text(&v.subject) == VoteSubject::Ordinary;
                    if (named && names) || (!named && ordinary && concluded(item)) {
                        found.push(((i, j), v));
                    }
                }
            }
        }
        found
    };
    let mut held = votes(true);
    if held.is_empty() {
        held = votes(false);
    }
    if let Some((at, _)) = held.iter().rev().find(|(_, v)| v.passed()) {
        return Ok(*at);
    }
    match held.last() {
        Some((_, v)) => Err(DraftRefusal::NotPassed(v.subject.clone())),
        None => Err(DraftRefusal::NotVoted),
    }
}

/// The due date a conclusion's line gives ("hoàn thành trước 15/12/2026", "hạn
/// 20/1"), on or after the meeting: a day without its year is the next such day.
pub fn due_given(line: &str, meeting: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    line.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| w.contains('/') && w.chars().all(|c| c.is_ascii_digit() || c == '/'))
        .find_map(|w| {
            let parts: Vec<&str> = w.split('/').collect();
            match parts.len() {
                3 => crate::domain::calendar::parse_date(w),
                2 => {
                    let (d, m): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
                    let this = chrono::NaiveDate::from_ymd_opt(meeting.year(), m, d)?;
                    if this >= meeting {
                        Some(this)
                    } else {
                        chrono::NaiveDate::from_ymd_opt(meeting.year() + 1, m, d)
                    }
                }
                _ => None,
            }
        })
        .filter(|d| *d >= meeting)
}

impl App {
    /// Drafts the monthly resolution from a meeting whose conclusion the branch voted
    /// through: its conclusions and next month's tasks become items to confirm, assign
    /// and date, due when the conclusion says, adopted on the day of the meeting and
    /// linked to that vote. Otherwise nothing changes and the message line says why.
    pub(in crate::app) fn draft_resolution(&mut self, meeting_id: MeetingId) {
        if self.save_now().is_err() {
            return;
        }
        let Some(meeting) = self.meetings.get(meeting_id).cloned() else {
            return;
        };
        if let Some(existing) = self
            .resolutions
            .all()
            .iter()
            .find(|r| r.meeting == Some(meeting_id))
        {
            let id = existing.id;
            self.screen = Screen::Resolutions;
            self.resolutions.open = Some(id);
            self.info(Msg::ResolutionExists);
            return;
        }
        // a resolution comes from a conclusion the branch voted through; otherwise
        // nothing is drafted and the message line says what is missing
        let adopted_by = match conclusion_vote(&meeting) {
            Ok(at) => at,
            Err(refusal) => {
                let key = |a| {
                    self.keymap
                        .key_for(crate::command::Section::Console, a)
                        .unwrap_or_default()
                };
                let msg = match refusal {
                    DraftRefusal::NoConclusion => {
                        Msg::DraftNoConclusion.fill(self.lang, &[("key", &key(Action::Conclusion))])
                    }
                    DraftRefusal::NotVoted => {
                        Msg::DraftNotVoted.fill(self.lang, &[("key", &key(Action::Vote))])
                    }
                    DraftRefusal::NotPassed(subject) => {
                        Msg::DraftNotPassed.fill(self.lang, &[("subject", &subject)])
                    }
                };
                self.status = Some(Status::Error(msg));
                return;
            }
        };
        let now = self.now();
        let year = meeting.date.year();
        let seq = next_seq(self.resolutions.all(), year);
        let mut r = Resolution {
            id: ResolutionId(0),
            kind: ResolutionKind::Monthly,
            year,
            seq,
            number: format_number(seq, &ctx!(self).suffix()),
            title: format!("Nghị quyết chi bộ tháng {}", meeting.month_label()),
            adopted_on: Some(meeting.date),
            meeting: Some(meeting_id),
            adopted_by: Some(adopted_by),
            basis: format!(
                "kết quả sinh hoạt chi bộ thường kỳ ngày {}",
                crate::domain::calendar::format_date(meeting.date)
            ),
            results: String::new(),
            items: Vec::new(),
            superseded_by: None,
            supersedes: None,
            adopted: None,
        };
        // the month the resolution is adopted for
        let due = end_of_month(meeting.date);
        let mut tasks: Vec<Task> = draft_lines(&meeting)
            .iter()
            .map(|line| {
                // the conclusion's own deadline, where it gives one
                let mut t = Task::new(line, due_given(line, meeting.date).unwrap_or(due));
                t.created = Some(meeting.date);
                t
            })
            .collect();
        match self
            .store
            .save_resolution(&mut r, &mut tasks, now, "draft")
            .and_then(|()| self.reload_resolutions())
        {
            Ok(()) => {
                self.screen = Screen::Resolutions;
                self.resolutions.open = Some(r.id);
                self.resolutions.item.select(0, 0);
                let n = tasks.len();
                self.status = Some(Status::Info(
                    Msg::Drafted.fill(self.lang, &[("number", &r.number), ("n", &n)]),
                ));
            }
            Err(e) => self.status = Some(Status::Error(self.store_error(&e))),
        }
    }
}
