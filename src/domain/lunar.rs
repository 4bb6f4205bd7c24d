//! The Vietnamese lunar calendar (âm lịch), computed for UTC+7 by the published
//! astronomical method of Hồ Ngọc Đức: each month starts on the day of a new moon,
//! month 11 holds the winter solstice, and a leap month is the first month of a
//! 13-month year without a major solar term.

use chrono::NaiveDate;

/// Vietnam's time zone, in hours east of UTC. The Chinese calendar uses UTC+8, which
/// moves the new moon to another day in some years (Tết 2007, 1985, 2030, 2053).
pub const VIETNAM_TIME_ZONE: f64 = 7.0;

/// The synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530588853;
/// Julian day of the new moon of 1 January 1900, the origin of the lunation count.
const NEW_MOON_EPOCH: f64 = 2415021.076998695;

fn julian_day(d: NaiveDate) -> i64 {
    use chrono::Datelike;
    // chrono counts days from 01/01/0001 (day 1); that day is Julian day 1721426.
    i64::from(d.num_days_from_ce()) + 1_721_425
}

fn from_julian_day(jd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jd - 1_721_425).ok()?)
}

/// The Julian date (and time) of the `k`-th new moon after 01/01/1900.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = std::f64::consts::PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Julian day number of the local day on which the `k`-th new moon falls.
fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i64
}

/// The sun's longitude, in radians within [0, 2π), at Julian date `jdn`.
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = std::f64::consts::PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    let tau = 2.0 * std::f64::consts::PI;
    l - tau * (l / tau).floor()
}

/// Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of
/// local day `day`.
fn solar_term(day: i64, tz: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - tz / 24.0) / std::f64::consts::PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 (the month holding the winter solstice) of
/// Gregorian year `year`.
fn month_11_start(year: i32, tz: f64) -> Option<i64> {
    let dec31 = julian_day(NaiveDate::from_ymd_opt(year, 12, 31)?);
    let k = ((dec31 - 2415021) as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k, tz);
    Some(if solar_term(nm, tz) >= 9 {
        new_moon_day(k - 1, tz)
    } else {
        nm
    })
}

/// In a 13-month year starting at month 11 (`a11`), the offset of the leap month:
/// the first month without a change of solar term.
fn leap_month_offset(a11: i64, tz: f64) -> i64 {
    let k = ((a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = solar_term(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = solar_term(new_moon_day(k + i, tz), tz);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The Gregorian date of lunar day `day` of the regular (not leap) month `month` of
/// the lunar year that begins in Gregorian year `year`, in time zone `tz`.
pub fn lunar_to_solar_in(day: u32, month: u32, year: i32, tz: f64) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (month_11_start(year - 1, tz)?, month_11_start(year, tz)?)
    } else {
        (month_11_start(year, tz)?, month_11_start(year + 1, tz)?)
    };
    let k = (0.5 + (a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut off = i64::from(month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 && off >= leap_month_offset(a11, tz) {
        off += 1;
    }
    let start = new_moon_day(k + off, tz);
    from_julian_day(start + i64::from(day) - 1)
}

/// [`lunar_to_solar_in`] for Vietnam (UTC+7).
pub fn lunar_to_solar(day: u32, month: u32, year: i32) -> Option<NaiveDate> {
    lunar_to_solar_in(day, month, year, VIETNAM_TIME_ZONE)
}

/// Tết Nguyên đán (1/1 lunar) of Gregorian year `year`.
pub fn tet(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(1, 1, year)
}

/// Giỗ Tổ Hùng Vương (10/3 lunar) of Gregorian year `year`.
pub fn gio_to(year: i32) -> Option<NaiveDate> {
    lunar_to_solar(10, 3, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn tet_and_gio_to_match_the_known_table_1990_to_2060() {
        let table = include_str!("../../tests/fixtures/lunar-holidays.csv");
        let mut rows = 0;
        for line in table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("year"))
        {
            let cols: Vec<&str> = line.split(',').collect();
            let year: i32 = cols[0].parse().unwrap();
            assert_eq!(tet(year), Some(d(cols[1])), "Tết {year}");
            assert_eq!(gio_to(year), Some(d(cols[2])), "Giỗ Tổ {year}");
            rows += 1;
        }
        assert_eq!(rows, 71);
    }

    #[test]
    fn vietnam_differs_from_china_where_the_new_moon_is_near_midnight() {
        assert_eq!(tet(2007), Some(d("2007-02-17")));
        assert_eq!(lunar_to_solar_in(1, 1, 2007, 8.0), Some(d("2007-02-18")));
        assert_eq!(tet(1985), Some(d("1985-01-21")));
        assert_eq!(lunar_to_solar_in(1, 1, 1985, 8.0), Some(d("1985-02-20")));
    }

    #[test]
    fn impossible_lunar_dates_are_refused() {
        assert_eq!(lunar_to_solar(0, 1, 2026), None);
        assert_eq!(lunar_to_solar(1, 13, 2026), None);
    }
}
