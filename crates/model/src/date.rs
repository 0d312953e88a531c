//! A proleptic Gregorian calendar date without time zone, with the arithmetic the stages need
//! (day counts, weekdays). Kept here so that the model does not depend on a date crate.

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first as in ISO 8601.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(i: u8) -> Weekday {
        use Weekday::*;
        [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday][(i % 7) as usize]
    }
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None` when the day does not exist in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`, also accepting a trailing time part (`2025-06-18T09:30:00Z`), which
    /// is ignored: a publication timestamp names the day in the publisher's zone.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let year = s[0..4].parse().ok()?;
        let month = s[5..7].parse().ok()?;
        let day = s[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(((self.to_days() + 3).rem_euclid(7)) as u8)
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> Date {
        Date { day: days_in_month(self.year, self.month), ..self }
    }

    /// The first day of this date's month.
    pub fn start_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The same day `n` months later (earlier when negative), clamped to the month's end.
    pub fn add_months(self, n: i64) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The ISO 8601 week-numbering year and week of this date.
    pub fn iso_week(self) -> (i32, u8) {
        // The Thursday of this date's week decides the year.
        let thursday = self.add_days(3 - i64::from(self.weekday().index()));
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// The Monday of ISO week `week` of `year`.
    pub fn from_iso_week(year: i32, week: u8) -> Option<Date> {
        let jan4 = Date::new(year, 1, 4)?;
        let week1_monday = jan4.add_days(-i64::from(jan4.weekday().index()));
        let monday = week1_monday.add_days(7 * (i64::from(week) - 1));
        (monday.iso_week() == (year, week)).then_some(monday)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The store and the exports format millions of dates: years 0 to 9999 are written
        // digit by digit, without the formatting machinery.
        if !(0..=9999).contains(&self.year) {
            return write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year as u32, u32::from(self.month), u32::from(self.day));
        let iso = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        f.write_str(std::str::from_utf8(&iso).map_err(|_| fmt::Error)?)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_eras() {
        for days in [-800_000_i64, -1, 0, 1, 10_957, 20_399, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
    }

    #[test]
    fn dates_print_as_iso_8601_with_padded_fields() {
        let printed = |y, m, d| Date::new(y, m, d).unwrap().to_string();
        assert_eq!(printed(2025, 11, 7), "2025-11-07");
        assert_eq!(printed(992, 1, 31), "0992-01-31");
        assert_eq!(printed(1, 12, 1), "0001-12-01");
        assert_eq!(printed(9999, 12, 31), "9999-12-31");
        // Years outside 0-9999 keep the formatter's form.
        assert_eq!(Date::from_days(-800_000).to_string(), "-221-09-04");
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(Date::new(2025, 11, 6).unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tuesday);
    }

    #[test]
    fn iso_weeks_and_months() {
        let d = Date::new(2025, 12, 31).unwrap();
        assert_eq!(d.iso_week(), (2026, 1));
        assert_eq!(Date::from_iso_week(2026, 1), Date::new(2025, 12, 29));
        assert_eq!(Date::new(2025, 11, 7).unwrap().iso_week(), (2025, 45));
        assert_eq!(Some(Date::new(2024, 3, 31).unwrap().add_months(-1)), Date::new(2024, 2, 29));
        assert_eq!(Some(Date::new(2025, 1, 15).unwrap().add_months(-13)), Date::new(2023, 12, 15));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::parse_iso("2025-13-01").is_none());
        assert_eq!(Date::parse_iso("2025-06-18T09:30:00Z"), Date::new(2025, 6, 18));
        assert!(Date::parse_iso("2025-06-18x").is_none());
    }
}
