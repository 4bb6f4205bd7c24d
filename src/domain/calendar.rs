// Over 500 lines: a third of it is the tests of the date rules (lunar holidays, working days).
//! Dates as the branch writes them (dd/mm/yyyy, "ngày 05 tháng 12 năm 2026") and working
//! days, with public holidays kept as data.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;

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
    format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        d.month(),
        d.year()
    )
}

/// The same date `months` later, clamped to the month's end (31/01 + 1 → 28/02).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

/// Which days are rest days: weekends, the public holidays computed from the rules of
/// `holidays.toml` (fixed dates, lunar dates, compensating days) and the yearly
/// decisions (days added or given back as working days) loaded as data.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    fixed: Vec<FixedRule>,
    lunar: Vec<LunarRule>,
    compensate: bool,
    days_off: BTreeSet<NaiveDate>,
    working_days: BTreeSet<NaiveDate>,
    decided: BTreeSet<i32>,
}

/// A holiday on the same day every year (Labour Code 2019, art. 112).
#[derive(Debug, Clone, PartialEq, Eq)]
struct FixedRule {
    day: u32,
    month: u32,
    /// Also the adjacent day: the day before when it is Monday to Friday, else the day
    /// after (Quốc khánh 2/9 "and one day before or after").
    adjacent_day: bool,
}

/// A holiday on a lunar date: `days_before` days before it and `days` days from it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LunarRule {
    day: u32,
    month: u32,
    days_before: u32,
    days: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    #[serde(default)]
    fixed: Vec<FixedEntry>,
    #[serde(default)]
    lunar: Vec<LunarEntry>,
    #[serde(default)]
    compensation: Option<CompensationEntry>,
    #[serde(default)]
    year: Vec<YearEntry>,
    /// The earlier form: named lists of days off.
    #[serde(default)]
    holiday: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixedEntry {
    #[allow(dead_code)]
    name: String,
    date: Spanned<String>,
    #[serde(default)]
    adjacent_day: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LunarEntry {
    #[allow(dead_code)]
    name: String,
    day: Spanned<u32>,
    month: Spanned<u32>,
    #[serde(default)]
    days_before: u32,
    days: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompensationEntry {
    weekend_holiday_moves_to_next_working_day: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearEntry {
    year: i32,
    #[allow(dead_code)]
    #[serde(default)]
    source: String,
    #[serde(default)]
    days_off: Vec<Spanned<String>>,
    #[serde(default)]
    working_days: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    #[allow(dead_code)]
    name: String,
    dates: Vec<Spanned<String>>,
}

/// The holiday rules and yearly decisions shipped with chibo.
pub const DEFAULT_HOLIDAYS: &str = include_str!("holidays.toml");

/// The longest holiday period a rule may give; more is a typing mistake.
const MAX_RULE_DAYS: u32 = 15;

impl WorkCalendar {
    /// The shipped rules and decisions.
    pub fn vietnam() -> Self {
        let mut cal = Self::default();
        // The shipped file is tested to parse; an error here cannot come from a user.
        let _ = cal.add_toml(DEFAULT_HOLIDAYS);
        cal
    }

    /// Adds the rules and yearly decisions of a file in the shipped form; returns a
    /// readable error and changes nothing when any part of it is wrong. A refused value
    /// is told with its place, as TOML tells its own errors ("TOML parse error at line
    /// L, column C", then what is wrong).
    pub fn add_toml(&mut self, text: &str) -> Result<(), String> {
        let file: HolidayFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let at = |span: std::ops::Range<usize>, what: String| {
            let (line, column) = super::text::line_col(text, span.start);
            format!("TOML parse error at line {line}, column {column}\n{what}")
        };
        let mut next = self.clone();
        for f in file.fixed {
            let bad = || {
                at(
                    f.date.span(),
                    format!("not a day and month: \"{}\"", f.date.get_ref()),
                )
            };
            let (d, m) = f.date.get_ref().trim().split_once('/').ok_or_else(bad)?;
            let (day, month) = (
                d.trim().parse().map_err(|_| bad())?,
                m.trim().parse().map_err(|_| bad())?,
            );
            // 2024 is a leap year: 29/02 is a possible day and month
            NaiveDate::from_ymd_opt(2024, month, day).ok_or_else(bad)?;
            next.fixed.push(FixedRule {
                day,
                month,
                adjacent_day: f.adjacent_day,
            });
        }
        for l in file.lunar {
            let (day, month, days) = (*l.day.get_ref(), *l.month.get_ref(), *l.days.get_ref());
            if !(1..=30).contains(&day) {
                return Err(at(
                    l.day.span(),
                    format!("day = {day}: a lunar day is 1 to 30"),
                ));
            }
            if !(1..=12).contains(&month) {
                return Err(at(
                    l.month.span(),
                    format!("month = {month}: a lunar month is 1 to 12"),
                ));
            }
            if days == 0 || days + l.days_before > MAX_RULE_DAYS {
                return Err(at(
                    l.days.span(),
                    format!(
                        "{} days off in a row: a rule gives 1 to {MAX_RULE_DAYS}",
                        days + l.days_before
                    ),
                ));
            }
            next.lunar.push(LunarRule {
                day,
                month,
                days_before: l.days_before,
                days,
            });
        }
        if let Some(c) = file.compensation {
            next.compensate = c.weekend_holiday_moves_to_next_working_day;
        }
        let parse = |s: &Spanned<String>, year: Option<i32>| -> Result<NaiveDate, String> {
            let date = parse_date(s.get_ref())
                .ok_or_else(|| at(s.span(), format!("not a date: \"{}\"", s.get_ref())))?;
            match year {
                Some(y) if date.year() != y => Err(at(
                    s.span(),
                    format!("{} is not in the year {y}", s.get_ref()),
                )),
                _ => Ok(date),
            }
        };
        for y in file.year {
            for s in &y.days_off {
                let date = parse(s, Some(y.year))?;
                next.working_days.remove(&date);
                next.days_off.insert(date);
            }
            for s in &y.working_days {
                let date = parse(s, Some(y.year))?;
                next.days_off.remove(&date);
                next.working_days.insert(date);
            }
            next.decided.insert(y.year);
        }
        for h in file.holiday {
            for s in &h.dates {
                let date = parse(s, None)?;
                next.working_days.remove(&date);
                next.days_off.insert(date);
                next.decided.insert(date.year());
            }
        }
        *self = next;
        Ok(())
    }

    /// Whether the government's schedule of days off for `year` is recorded (shipped or
    /// in the user's `holidays.toml`). Other years follow the rules alone: Tết and the
    /// compensating days are right, but swapped working days are not known yet.
    pub fn is_decided(&self, year: i32) -> bool {
        self.decided.contains(&year)
    }

    /// The public holidays of `year` that the rules give, compensating days included,
    /// before the yearly decisions.
    pub fn rule_holidays(&self, year: i32) -> BTreeSet<NaiveDate> {
        let mut days = BTreeSet::new();
        for f in &self.fixed {
            let Some(d) = NaiveDate::from_ymd_opt(year, f.month, f.day) else {
                continue; // 29/02 in a common year
            };
            days.insert(d);
            if f.adjacent_day {
                let before = d.pred_opt().unwrap_or(d);
                let adjacent = if is_weekend(before) {
                    d.succ_opt().unwrap_or(d)
                } else {
                    before
                };
                days.insert(adjacent);
            }
        }
        for l in &self.lunar {
            // the lunar year starting in `year`, and the one before for a period that
            // crosses 1 January
            for lunar_year in [year - 1, year] {
                let Some(start) = super::lunar::lunar_to_solar(l.day, l.month, lunar_year) else {
                    continue;
                };
                let first = start - chrono::Duration::days(i64::from(l.days_before));
                for d in first.iter_days().take((l.days_before + l.days) as usize) {
                    if d.year() == year {
                        days.insert(d);
                    }
                }
            }
        }
        if self.compensate {
            let weekend: Vec<NaiveDate> = days.iter().copied().filter(|d| is_weekend(*d)).collect();
            for h in weekend {
                let mut d = h;
                loop {
                    d = d.succ_opt().unwrap_or(d);
                    if !is_weekend(d) && !days.contains(&d) {
                        break;
                    }
                }
                days.insert(d);
            }
        }
        days
    }

    /// The days off of `year` that are not weekends: the rules' holidays with the yearly
    /// decisions applied.
    pub fn holidays(&self, year: i32) -> BTreeSet<NaiveDate> {
        let mut days = self.rule_holidays(year);
        days.extend(self.days_off.iter().copied().filter(|d| d.year() == year));
        days.retain(|d| !is_weekend(*d) && !self.working_days.contains(d));
        days
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.working_in(d, &self.holidays(d.year()))
    }

    fn working_in(&self, d: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
        self.working_days.contains(&d) || (!is_weekend(d) && !holidays.contains(&d))
    }

    /// The date on which `n` working days after `start` have passed: the first working
    /// day counted is the one after `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        let mut year = d.year();
        let mut holidays = self.holidays(year);
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if d.year() != year {
                year = d.year();
                holidays = self.holidays(year);
            }
            if self.working_in(d, &holidays) {
                left -= 1;
            }
        }
        d
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_both_forms_and_rejects_impossible_dates() {
        assert_eq!(
            parse_date("05/12/2026"),
            NaiveDate::from_ymd_opt(2026, 12, 5)
        );
        assert_eq!(parse_date("5/1/2026"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(
            parse_date("2026-12-05"),
            NaiveDate::from_ymd_opt(2026, 12, 5)
        );
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

    fn dates(list: &[&str]) -> BTreeSet<NaiveDate> {
        list.iter().map(|s| d(s)).collect()
    }

    #[test]
    fn rules_and_decisions_give_the_announced_days_of_2024_to_2026() {
        let cal = WorkCalendar::vietnam();
        // the days off of the published schedules, as the earlier per-year list had them
        assert_eq!(
            cal.holidays(2024),
            dates(&[
                "01/01/2024",
                "08/02/2024",
                "09/02/2024",
                "12/02/2024",
                "13/02/2024",
                "14/02/2024",
                "18/04/2024",
                "29/04/2024",
                "30/04/2024",
                "01/05/2024",
                "02/09/2024",
                "03/09/2024",
            ])
        );
        assert_eq!(
            cal.holidays(2025),
            dates(&[
                "01/01/2025",
                "27/01/2025",
                "28/01/2025",
                "29/01/2025",
                "30/01/2025",
                "31/01/2025",
                "07/04/2025",
                "30/04/2025",
                "01/05/2025",
                "02/05/2025",
                "01/09/2025",
                "02/09/2025",
            ])
        );
        assert_eq!(
            cal.holidays(2026),
            dates(&[
                "01/01/2026",
                "16/02/2026",
                "17/02/2026",
                "18/02/2026",
                "19/02/2026",
                "20/02/2026",
                "27/04/2026",
                "30/04/2026",
                "01/05/2026",
                "01/09/2026",
                "02/09/2026",
            ])
        );
        // a swapped Saturday is a working day
        assert!(cal.is_working_day(d("04/05/2024")));
        assert!(cal.is_decided(2026) && !cal.is_decided(2027));
    }

    #[test]
    fn any_year_follows_the_rules_with_compensating_days() {
        let cal = WorkCalendar::vietnam();
        // Tết 2027 is Saturday 06/02: the last day of the old year (Fri 05/02), Sat, Sun,
        // Mon, Tue, and the Saturday and Sunday compensated on Wed 10/02 and Thu 11/02
        let tet: Vec<NaiveDate> = cal
            .holidays(2027)
            .into_iter()
            .filter(|d| d.month() == 2)
            .collect();
        assert_eq!(
            tet,
            dates(&[
                "05/02/2027",
                "08/02/2027",
                "09/02/2027",
                "10/02/2027",
                "11/02/2027"
            ])
            .into_iter()
            .collect::<Vec<_>>()
        );
        // Giỗ Tổ 2027 is Friday 16/04; 2/9/2027 is a Thursday, so Wednesday 01/09 too
        assert!(!cal.is_working_day(d("16/04/2027")));
        assert!(!cal.is_working_day(d("01/09/2027")));
        // 2/9/2029 is a Sunday: the day after (Mon 03/09) and its compensation (Tue 04/09)
        assert!(cal.is_working_day(d("31/08/2029")));
        assert!(!cal.is_working_day(d("03/09/2029")) && !cal.is_working_day(d("04/09/2029")));
        // 30/04/2044 is a Saturday and 01/05 a Sunday: Monday and Tuesday off
        assert!(!cal.is_working_day(d("02/05/2044")) && !cal.is_working_day(d("03/05/2044")));
        // Tết 2060 (02/02) is computed too
        assert!(!cal.is_working_day(d("02/02/2060")));
    }

    #[test]
    fn thirty_working_days_across_tet_2027() {
        let cal = WorkCalendar::vietnam();
        // probation ending Tuesday 05/01/2027: 30 working days skip the five days of Tết
        assert_eq!(cal.add_working_days(d("05/01/2027"), 30), d("23/02/2027"));
        let mut no_tet = WorkCalendar::default();
        no_tet
            .add_toml("[[fixed]]\nname = \"Tết Dương lịch\"\ndate = \"01/01\"")
            .unwrap();
        assert_eq!(
            no_tet.add_working_days(d("05/01/2027"), 30),
            d("16/02/2027")
        );
    }

    #[test]
    fn a_user_file_adds_and_removes_days_of_a_year() {
        let mut cal = WorkCalendar::vietnam();
        cal.add_toml(
            "[[year]]\nyear = 2027\ndays_off = [\"12/02/2027\"]\nworking_days = [\"11/02/2027\", \"20/02/2027\"]",
        )
        .unwrap();
        assert!(cal.is_decided(2027));
        assert!(!cal.is_working_day(d("12/02/2027")));
        assert!(cal.is_working_day(d("11/02/2027")));
        // a Saturday made a working day (làm bù)
        assert!(cal.is_working_day(d("20/02/2027")));
        // the earlier form still adds days off
        cal.add_toml("[[holiday]]\nname = \"Nghỉ bù\"\ndates = [\"15/03/2028\"]")
            .unwrap();
        assert!(!cal.is_working_day(d("15/03/2028")) && cal.is_decided(2028));
    }

    #[test]
    fn a_wrong_user_file_is_refused_whole_and_changes_nothing() {
        let mut cal = WorkCalendar::vietnam();
        for bad in [
            "[[year]]\nyear = 2027\ndays_off = [\"12/02/2027\", \"31/02/2027\"]",
            "[[year]]\nyear = 2027\ndays_off = [\"12/02/2028\"]",
            "[[fixed]]\nname = \"x\"\ndate = \"32/01\"",
            "[[lunar]]\nname = \"x\"\nday = 1\nmonth = 13\ndays = 1",
            "[[yaer]]\nyear = 2027",
            "[[year]]\nyear = 2027\ndays_of = [\"12/02/2027\"]",
        ] {
            assert!(cal.add_toml(bad).is_err(), "{bad}");
        }
        assert!(cal.is_working_day(d("12/02/2027")));
        assert!(!cal.is_decided(2027));
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
