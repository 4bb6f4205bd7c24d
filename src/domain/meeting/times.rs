//! When a meeting is held: its start when the console first opens, and the times
//! written in its details.

use chrono::{NaiveDateTime, NaiveTime, Timelike};

use super::Meeting;

impl Meeting {
    /// Starts the meeting when its console first opens at `now`: held today, at the
    /// time it was called for when that is today (the console is often opened late),
    /// unless it is opened well before that time; on another day than the one planned,
    /// or well early, it starts now. Both can be corrected until approval.
    pub fn hold(&mut self, now: NaiveDateTime) {
        let today = now.date();
        let planned = today.and_time(self.start);
        let start = if self.date != today || now + chrono::Duration::minutes(30) < planned {
            now.with_second(0).unwrap_or(now)
        } else {
            planned
        };
        self.date = today;
        self.start = start.time();
        self.started_at = Some(start);
    }

    /// Sets the start (and the end, once the meeting has ended) to the times written
    /// in its details, on the day it was held. An end before the start is refused.
    pub fn set_times(
        &mut self,
        start: NaiveTime,
        end: Option<NaiveTime>,
    ) -> Result<(), TimesError> {
        let started = self.date.and_time(start);
        let ended = match (end, self.ended_at) {
            (Some(e), Some(_)) => {
                let mut at = self.date.and_time(e);
                // a meeting that went past midnight
                if at < started && e < NaiveTime::from_hms_opt(6, 0, 0).unwrap_or(NaiveTime::MIN) {
                    at += chrono::Duration::days(1);
                }
                if at < started {
                    return Err(TimesError::EndBeforeStart);
                }
                Some(at)
            }
            (_, ended) => ended,
        };
        self.start = start;
        if self.started_at.is_some() {
            self.started_at = Some(started);
            self.ended_at = ended;
        }
        Ok(())
    }
}

/// Times of a meeting that cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimesError {
    #[error("the end is before the start")]
    EndBeforeStart,
}

#[cfg(test)]
mod tests {
    use super::super::MeetingKind;
    use super::super::testing::d;
    use super::*;

    #[test]
    fn a_meeting_starts_at_its_time_on_its_day_and_now_on_another() {
        let at = |day, h, m| d(2026, 12, day).and_hms_opt(h, m, 20).unwrap();
        let planned = || {
            Meeting::new(
                MeetingKind::Regular,
                d(2026, 12, 5),
                NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
            )
        };
        // on the day, opened late: the time it was called for
        let mut m = planned();
        m.hold(at(5, 19, 52));
        assert_eq!(
            m.started_at,
            Some(at(5, 19, 30) - chrono::Duration::seconds(20))
        );
        // on the day, well early: now
        let mut m = planned();
        m.hold(at(5, 18, 0));
        assert_eq!(
            m.started_at,
            Some(at(5, 18, 0) - chrono::Duration::seconds(20))
        );
        // three days early, in the evening: now, on that day, and not 19:30 of it
        let mut m = planned();
        m.hold(at(2, 21, 21));
        assert_eq!(m.date, d(2026, 12, 2));
        assert_eq!(
            m.started_at,
            Some(at(2, 21, 21) - chrono::Duration::seconds(20))
        );
        assert_eq!(m.start, NaiveTime::from_hms_opt(21, 21, 0).unwrap());
        // a day late, in the evening: now too
        let mut m = planned();
        m.hold(at(6, 20, 5));
        assert_eq!(
            m.started_at,
            Some(at(6, 20, 5) - chrono::Duration::seconds(20))
        );
    }
}
