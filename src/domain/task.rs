//! An assignment (nhiệm vụ): an item of a resolution or a task given directly — one
//! kind of record, so follow-up works the same for both. Overdue (quá hạn) is derived
//! from the due date, never stored.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::meeting::MeetingId;
use super::member::MemberId;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct TaskId(pub u64);

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ResolutionId(pub u64);

/// Where an assignment stands (quá hạn is shown, not stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Chưa thực hiện.
    #[default]
    NotStarted,
    /// Đang thực hiện.
    InProgress,
    /// Hoàn thành.
    Done,
    /// Chuyển kỳ sau: carried on into next month with a new due date.
    CarriedOver,
    /// Hủy.
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 5] = [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::CarriedOver,
        TaskStatus::Cancelled,
    ];

    /// Still to be carried out.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TaskStatus::NotStarted | TaskStatus::InProgress | TaskStatus::CarriedOver
        )
    }
}

/// How well an assignment was carried out, for the annual evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Vượt mức.
    Exceeded,
    /// Đạt.
    Met,
    /// Không đạt.
    NotMet,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Exceeded, Rating::Met, Rating::NotMet];
}

/// The task categories a branch starts with; the branch edits the list in
/// `categories.toml` in the config directory.
pub const DEFAULT_CATEGORIES: &[&str] = &[
    "Xây dựng chi bộ",
    "Phát triển đảng viên",
    "Giúp đỡ đảng viên dự bị, quần chúng",
    "Phụ trách địa bàn, hộ gia đình",
    "Dân vận",
    "An ninh trật tự",
    "Chuyên đề",
    "Khác",
];

/// What the tracker shows: the stored status, or overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Status(TaskStatus),
    Overdue,
}

/// A dated line of follow-up: progress, a change of status, who reported it, and the
/// meeting where it was reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskNote {
    pub date: NaiveDate,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub percent: Option<u8>,
    #[serde(default)]
    pub reporter: Option<MemberId>,
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// The status it changed to, if it did.
    #[serde(default)]
    pub status: Option<TaskStatus>,
    /// The lead it changed to, for a reassignment.
    #[serde(default)]
    pub lead: Option<MemberId>,
    /// The due date it moved to, for a carry-over.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The due date it had before, for a carry-over: the item keeps its history.
    #[serde(default)]
    pub previous_due: Option<NaiveDate>,
    /// The helper it took off, when a helper left.
    #[serde(default)]
    pub removed_helper: Option<MemberId>,
}

impl TaskNote {
    pub fn new(date: NaiveDate, text: &str) -> TaskNote {
        TaskNote {
            date,
            text: super::text::clean(text),
            percent: None,
            reporter: None,
            meeting: None,
            status: None,
            lead: None,
            due: None,
            previous_due: None,
            removed_helper: None,
        }
    }
}

/// Why a follow-up change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TaskError {
    /// A carried-over item must get a due date later than the one it had.
    #[error("the new due date must be after {0}")]
    DueNotLater(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    #[serde(default)]
    pub id: TaskId,
    pub title: String,
    #[serde(default)]
    pub details: String,
    #[serde(default)]
    pub lead: Option<MemberId>,
    #[serde(default)]
    pub helpers: Vec<MemberId>,
    pub due: NaiveDate,
    #[serde(default)]
    pub status: TaskStatus,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// One of the branch's categories ("Dân vận" …).
    #[serde(default)]
    pub category: String,
    /// The area or households the member looks after.
    #[serde(default)]
    pub area: String,
    /// The resolution this is an item of.
    #[serde(default)]
    pub resolution: Option<ResolutionId>,
    #[serde(default)]
    pub created: Option<NaiveDate>,
    /// When it was done (for on-time counts).
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    #[serde(default)]
    pub history: Vec<TaskNote>,
}

/// The due date proposed when carrying an item over on `today`: the end of the month
/// after its due date, and never before the end of the current month.
pub fn proposed_carry_due(due: NaiveDate, today: NaiveDate) -> NaiveDate {
    end_of_next_month(due).max(end_of_month(today))
}

/// The last day of the month after `d`.
pub fn end_of_next_month(d: NaiveDate) -> NaiveDate {
    let first_next = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
        .and_then(|f| f.checked_add_months(chrono::Months::new(2)))
        .unwrap_or(d);
    first_next.pred_opt().unwrap_or(d)
}

/// The last day of `d`'s month.
pub fn end_of_month(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
        .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
        .and_then(|f| f.pred_opt())
        .unwrap_or(d)
}

impl Task {
    pub fn new(title: &str, due: NaiveDate) -> Task {
        Task {
            id: TaskId(0),
            title: super::text::clean(title),
            details: String::new(),
            lead: None,
            helpers: Vec::new(),
            due,
            status: TaskStatus::NotStarted,
            result: String::new(),
            rating: None,
            category: String::new(),
            area: String::new(),
            resolution: None,
            created: None,
            done_on: None,
            history: Vec::new(),
        }
    }

    /// Open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due < today
    }

    pub fn shown(&self, today: NaiveDate) -> Shown {
        if self.is_overdue(today) {
            Shown::Overdue
        } else {
            Shown::Status(self.status)
        }
    }

    /// Every member the task names.
    pub fn member_refs(&self) -> Vec<MemberId> {
        let mut refs: Vec<MemberId> = self
            .lead
            .into_iter()
            .chain(self.helpers.iter().copied())
            .collect();
        refs.extend(self.history.iter().filter_map(|n| n.reporter));
        refs.extend(self.history.iter().filter_map(|n| n.lead));
        refs.extend(self.history.iter().filter_map(|n| n.removed_helper));
        refs
    }

    /// A dated progress note (with a percentage), moving a task not started to in
    /// progress.
    pub fn progress(&mut self, mut note: TaskNote) {
        if self.status == TaskStatus::NotStarted {
            self.status = TaskStatus::InProgress;
            note.status = Some(TaskStatus::InProgress);
        }
        self.history.push(note);
    }

    /// Done on or before its due date.
    pub fn done_on_time(&self) -> bool {
        self.status == TaskStatus::Done && self.done_on.is_some_and(|d| d <= self.due)
    }

    /// Whether a member carries it (as lead or helper).
    pub fn involves(&self, m: MemberId) -> bool {
        self.lead == Some(m) || self.helpers.contains(&m)
    }

    pub fn complete(&mut self, mut note: TaskNote, result: &str) {
        self.status = TaskStatus::Done;
        self.done_on = Some(note.date);
        self.result = super::text::clean(result);
        note.status = Some(TaskStatus::Done);
        note.percent = Some(100);
        self.history.push(note);
    }

    /// Carried on (chuyển kỳ sau) to `new_due`, which must be later than the current
    /// due date; the note keeps the due date it had.
    pub fn carry_over(&mut self, mut note: TaskNote, new_due: NaiveDate) -> Result<(), TaskError> {
        if new_due <= self.due {
            return Err(TaskError::DueNotLater(self.due));
        }
        note.status = Some(TaskStatus::CarriedOver);
        note.previous_due = Some(self.due);
        note.due = Some(new_due);
        self.status = TaskStatus::CarriedOver;
        self.due = new_due;
        self.history.push(note);
        Ok(())
    }

    /// Every due date the item has had, first (as adopted) to current.
    pub fn due_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = Vec::new();
        for n in self
            .history
            .iter()
            .filter(|n| n.status == Some(TaskStatus::CarriedOver))
        {
            if let Some(p) = n.previous_due
                && dates.last() != Some(&p)
            {
                dates.push(p);
            }
            if let Some(d) = n.due {
                dates.push(d);
            }
        }
        if dates.last() != Some(&self.due) {
            dates.push(self.due);
        }
        dates
    }

    /// The due date as adopted, before any carry-over.
    pub fn original_due(&self) -> NaiveDate {
        self.due_dates().first().copied().unwrap_or(self.due)
    }

    /// Whether any of its due dates fell in `month`'s month.
    pub fn was_due_in(&self, month: NaiveDate) -> bool {
        self.due_dates()
            .iter()
            .any(|d| (d.year(), d.month()) == (month.year(), month.month()))
    }

    /// The latest word on it: the result once done, else the latest note with text.
    pub fn latest_note(&self) -> Option<&str> {
        if self.status == TaskStatus::Done && !self.result.is_empty() {
            return Some(&self.result);
        }
        self.history
            .iter()
            .rev()
            .find(|n| !n.text.is_empty())
            .map(|n| n.text.as_str())
    }

    pub fn cancel(&mut self, mut note: TaskNote) {
        self.status = TaskStatus::Cancelled;
        note.status = Some(TaskStatus::Cancelled);
        self.history.push(note);
    }

    /// Whether `m` only helps with it (does not lead it).
    pub fn helped_only_by(&self, m: MemberId) -> bool {
        self.lead != Some(m) && self.helpers.contains(&m)
    }

    /// Takes a helper off (one who left), dated in the history.
    pub fn remove_helper(&mut self, m: MemberId, mut note: TaskNote) {
        if self.helpers.contains(&m) {
            self.helpers.retain(|h| *h != m);
            note.removed_helper = Some(m);
            self.history.push(note);
        }
    }

    pub fn reassign(&mut self, lead: MemberId, mut note: TaskNote) {
        self.lead = Some(lead);
        self.helpers.retain(|h| *h != lead);
        note.lead = Some(lead);
        self.history.push(note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn overdue_is_derived_from_the_due_date() {
        let mut t = Task::new("Vận động quỹ vì người nghèo", d(2026, 12, 31));
        assert_eq!(
            t.shown(d(2026, 12, 31)),
            Shown::Status(TaskStatus::NotStarted),
            "due today is not late"
        );
        assert_eq!(t.shown(d(2027, 1, 1)), Shown::Overdue);
        t.complete(
            TaskNote::new(d(2027, 1, 3), "xong"),
            "Vận động được 12 triệu đồng",
        );
        assert_eq!(t.shown(d(2027, 1, 5)), Shown::Status(TaskStatus::Done));
        assert_eq!(t.done_on, Some(d(2027, 1, 3)));
    }

    #[test]
    fn carrying_over_moves_the_due_date_and_keeps_history() {
        let mut t = Task::new("Sửa đèn hẻm 12", d(2026, 11, 30));
        t.progress(TaskNote::new(d(2026, 11, 20), "đã khảo sát"));
        assert_eq!(t.status, TaskStatus::InProgress);
        // carried on 01/12: proposed end of December, not end of January
        assert_eq!(proposed_carry_due(t.due, d(2026, 12, 1)), d(2026, 12, 31));
        // carried long after: never before the end of the current month
        assert_eq!(
            proposed_carry_due(d(2026, 9, 30), d(2026, 12, 5)),
            d(2026, 12, 31)
        );
        assert_eq!(
            t.carry_over(TaskNote::new(d(2026, 12, 1), "x"), d(2026, 11, 30)),
            Err(TaskError::DueNotLater(d(2026, 11, 30)))
        );
        assert_eq!(t.history.len(), 1, "a refused carry-over changes nothing");
        t.carry_over(
            TaskNote::new(d(2026, 12, 1), "chờ kinh phí"),
            d(2026, 12, 31),
        )
        .unwrap();
        assert_eq!(t.status, TaskStatus::CarriedOver);
        assert_eq!(t.due, d(2026, 12, 31));
        assert_eq!(t.history.len(), 2);
        assert!(t.status.is_open());
        t.carry_over(TaskNote::new(d(2027, 1, 5), "chưa xong"), d(2027, 2, 28))
            .unwrap();
        // the due date as adopted stays in the history
        assert_eq!(t.original_due(), d(2026, 11, 30));
        assert_eq!(
            t.due_dates(),
            [d(2026, 11, 30), d(2026, 12, 31), d(2027, 2, 28)]
        );
        assert!(t.was_due_in(d(2026, 11, 1)) && t.was_due_in(d(2026, 12, 1)));
        assert!(!t.was_due_in(d(2027, 1, 1)));
    }

    #[test]
    fn the_latest_note_of_a_done_item_is_its_result() {
        let mut t = Task::new("Thu quỹ", d(2026, 11, 30));
        t.progress(TaskNote::new(d(2026, 11, 10), "đã thu 5 hộ"));
        assert_eq!(t.latest_note(), Some("đã thu 5 hộ"));
        t.complete(TaskNote::new(d(2026, 11, 28), ""), "Thu đủ 40 hộ");
        assert_eq!(t.latest_note(), Some("Thu đủ 40 hộ"));
    }

    #[test]
    fn a_helper_who_left_is_taken_off_with_a_dated_note() {
        let mut t = Task::new("x", d(2026, 12, 31));
        t.lead = Some(MemberId(1));
        t.helpers = vec![MemberId(2), MemberId(3)];
        assert!(t.helped_only_by(MemberId(2)) && !t.helped_only_by(MemberId(1)));
        t.remove_helper(MemberId(2), TaskNote::new(d(2026, 12, 5), ""));
        assert_eq!(t.helpers, [MemberId(3)]);
        assert_eq!(t.history.last().unwrap().removed_helper, Some(MemberId(2)));
        assert!(
            t.member_refs().contains(&MemberId(2)),
            "the history still names them"
        );
        t.remove_helper(MemberId(2), TaskNote::new(d(2026, 12, 6), ""));
        assert_eq!(t.history.len(), 1, "not a helper any more: nothing to note");
    }

    #[test]
    fn month_ends() {
        assert_eq!(end_of_next_month(d(2026, 12, 5)), d(2027, 1, 31));
        assert_eq!(end_of_next_month(d(2027, 1, 31)), d(2027, 2, 28));
        assert_eq!(end_of_month(d(2028, 2, 10)), d(2028, 2, 29));
    }
}
