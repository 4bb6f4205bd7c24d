//! Dates as the branch writes them (dd/mm/yyyy, "ngày 05 tháng 12 năm 2026") and working
//! days, with public holidays kept as data.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::Deserialize;

/// Parses dd/mm/yyyy (also d/m/yyyy and dd-mm-yyyy) or yyyy-mm-dd.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 10 && s.as_bytes()[4] == b'-' {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts[2].len() != 4
        || parts[0].is_empty()
        || parts[0].len() > 2
        || parts[1].is_empty()
        || parts[1].len() > 2
    {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let year: i32 = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// dd/mm/yyyy.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// dd/mm/yyyy or nothing.
pub fn format_opt(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

/// The date line of documents: "ngày 05 tháng 12 năm 2026".
pub fn long_date(d: NaiveDate) -> String {
    format!("ngày {:02} tháng {:02} năm {}", d.day(), d.month(), d.year())
}

/// The same date `months` later, clamped to the month's end (31/01 + 1 → 28/02).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

/// Which days are rest days: weekends and the public holidays loaded as data.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
}

#[derive(Deserialize)]
struct HolidayFile {
    #[serde(default)]
    holiday: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
struct HolidayEntry {
    #[allow(dead_code)]
    name: String,
    dates: Vec<String>,
}

/// The holidays shipped with chibo.
pub const DEFAULT_HOLIDAYS: &str = include_str!("holidays.toml");

impl WorkCalendar {
    /// The shipped holidays.
    pub fn vietnam() -> Self {
        let mut cal = Self::default();
        // The shipped file is tested to parse; an error here cannot come from a user.
        let _ = cal.add_toml(DEFAULT_HOLIDAYS);
        cal
    }

    /// Adds the holidays of a file in the shipped form; returns a readable error.
    pub fn add_toml(&mut self, text: &str) -> Result<(), String> {
        let file: HolidayFile = toml::from_str(text).map_err(|e| e.to_string())?;
        for entry in file.holiday {
            for d in entry.dates {
                let date = parse_date(&d).ok_or_else(|| format!("ngày không hợp lệ: {d}"))?;
                self.holidays.insert(date);
            }
        }
        Ok(())
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    /// The date on which `n` working days after `start` have passed: the first working
    /// day counted is the one after `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_both_forms_and_rejects_impossible_dates() {
        assert_eq!(parse_date("05/12/2026"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(parse_date("5/1/2026"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(parse_date("2026-12-05"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(parse_date("31/02/2026"), None);
        assert_eq!(parse_date("29/02/2025"), None);
        assert_eq!(parse_date("12/2026"), None);
        assert_eq!(parse_date("05/12/26"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn long_form() {
        assert_eq!(long_date(d("05/12/2026")), "ngày 05 tháng 12 năm 2026");
    }

    #[test]
    fn shipped_holidays_parse() {
        let mut cal = WorkCalendar::default();
        cal.add_toml(DEFAULT_HOLIDAYS).unwrap();
        assert!(!cal.is_working_day(d("02/09/2026")));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let cal = WorkCalendar::vietnam();
        // Friday 24/04/2026 + 1 working day: Sat, Sun skipped, Mon 27/04 is the
        // observed Giỗ Tổ holiday, so Tuesday 28/04.
        assert_eq!(cal.add_working_days(d("24/04/2026"), 1), d("28/04/2026"));
        // 30 working days after Monday 02/11/2026: six full weeks.
        assert_eq!(cal.add_working_days(d("01/11/2026"), 30), d("11/12/2026"));
    }
}
