//! The branch's vote on admitting a candidate, found in the minutes.

use chrono::NaiveDate;

use super::Candidate;
use crate::domain::text;

/// The branch's vote on admitting `c`: the latest admission vote of the minutes whose
/// subject names the candidate ("Kết nạp quần chúng Nguyễn Thị Hoa"), held on or after
/// the day the present stage began; with the meeting's date.
pub fn admission_vote<'a>(
    c: &Candidate,
    meetings: &'a [crate::domain::meeting::Meeting],
) -> Option<(
    crate::domain::discipline::VoteRef,
    NaiveDate,
    &'a crate::domain::vote::Vote,
)> {
    let name = text::fold(&c.full_name());
    let mut found = None;
    for m in meetings.iter().filter(|m| m.date >= c.stage_began()) {
        for (i, item) in m.agenda.iter().enumerate() {
            for (e, entry) in item.entries.iter().enumerate() {
                if let crate::domain::meeting::EntryKind::Vote(v) = &entry.kind
                    && v.kind == crate::domain::vote::VoteSubject::Admission
                    && text::fold(&v.subject).contains(&name)
                    && found.is_none_or(|(_, d, _)| m.date >= d)
                {
                    found = Some(((m.id, i, e), m.date, v));
                }
            }
        }
    }
    found
}
