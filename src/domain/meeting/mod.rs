//! A branch meeting (sinh hoạt chi bộ): kind, plan, agenda, attendance, the minutes'
//! entries, votes, end, approval and amendments.
//!
//! `kind` names the kinds and the least each lasts, `record` is the meeting from plan to
//! amended minutes, `agenda` its items and the entries under them, `times` when it is
//! held, `attendance` who came and the report read out, `missing` what the minutes lack
//! before approval, `templates` the agenda of a new meeting (`agenda.toml`).

mod agenda;
mod attendance;
mod kind;
mod missing;
mod record;
mod templates;
mod times;

pub use agenda::{AgendaItem, Entry, EntryKind, reviews_resolution};
pub use attendance::{AttendanceReport, Presence, attendance_report, expected};
pub use kind::{MeetingKind, minimum_minutes};
pub use missing::Missing;
pub use record::{Amendment, Meeting, MeetingId, MeetingStatus, RosterEntry};
pub use templates::{Template, TemplateItem, Templates};
pub use times::TimesError;

pub const DEFAULT_TEMPLATES: &str = include_str!("agenda.toml");

#[cfg(test)]
mod testing {
    use chrono::NaiveDate;

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
}
