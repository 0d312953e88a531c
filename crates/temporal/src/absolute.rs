//! Absolute calendar dates written out in full: "November 7, 2025", "7 November 2025",
//! "Nov. 7, 2025", "Friday, November 7, 2025", "2025-11-07", "11/07/2025", "29/01/2026".

use crate::words::{month_from_name, weekday_from_name};
use dyad_model::Date;

/// How to read an all-numeric date whose day and month are both 12 or less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 01/02/2026 is January 2 (the usual reading in US English news).
    #[default]
    MonthFirst,
    /// 01/02/2026 is 1 February.
    DayFirst,
}

/// Parses a string that is exactly one full calendar date (surrounding whitespace and a final
/// period are allowed). Numeric dates with both parts at most 12 are read month first; use
/// [`parse_date_with_order`] to choose.
pub fn parse_date(s: &str) -> Option<Date> {
    parse_date_with_order(s, DateOrder::MonthFirst)
}

pub(crate) fn parse_date_with_order(s: &str, order: DateOrder) -> Option<Date> {
    let s = s.trim().trim_end_matches('.').trim();
    // Every form has a four-digit year: a line without a digit is rejected without splitting it
    // (metadata detection tries each line at the top of a document).
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    if let Some(d) = parse_numeric(s, order) {
        return Some(d);
    }
    parse_words(s)
}

fn parse_numeric(s: &str, order: DateOrder) -> Option<Date> {
    // "12/31/2025" is the longest form: a longer string is not split.
    if s.len() > "12/31/2025".len() {
        return None;
    }
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (a, b, y): (u8, u8, i32) =
        (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    if parts[2].len() != 4 {
        return None;
    }
    let (month, day) = if a > 12 {
        (b, a)
    } else if b > 12 {
        (a, b)
    } else {
        match order {
            DateOrder::MonthFirst => (a, b),
            DateOrder::DayFirst => (b, a),
        }
    };
    Date::new(y, month, day)
}

fn parse_words(s: &str) -> Option<Date> {
    // At most four words (a weekday, month, day and year): a fifth means this is no date, and
    // the rest of a long line is not split.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let mut words = words.as_slice();
    // An optional leading weekday: "Friday, November 7, 2025".
    if words.len() == 4 && weekday_from_name(words[0]).is_some() {
        words = &words[1..];
    }
    if words.len() != 3 {
        return None;
    }
    let year: i32 = parse_year(words[2])?;
    if let Some(month) = month_from_name(words[0]) {
        let day = parse_day(words[1])?;
        return Date::new(year, month, day);
    }
    let day = parse_day(words[0])?;
    let month = month_from_name(words[1])?;
    Date::new(year, month, day)
}

fn parse_year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// "7", "07", "7th", "1st", "22nd", "3rd".
fn parse_day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn news_forms() {
        assert_eq!(d("November 7, 2025").as_deref(), Some("2025-11-07"));
        assert_eq!(d("7 November 2025").as_deref(), Some("2025-11-07"));
        assert_eq!(d("Nov. 7, 2025").as_deref(), Some("2025-11-07"));
        assert_eq!(d("Friday, November 7, 2025").as_deref(), Some("2025-11-07"));
        assert_eq!(d("December 2, 2025.").as_deref(), Some("2025-12-02"));
        assert_eq!(d("01/29/2026").as_deref(), Some("2026-01-29"));
        assert_eq!(d("29/01/2026").as_deref(), Some("2026-01-29"));
        assert_eq!(d("2025-11-07").as_deref(), Some("2025-11-07"));
        assert_eq!(d("3rd March 2024").as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn not_dates() {
        assert_eq!(d("November 2025"), None);
        assert_eq!(d("Dec. 10"), None);
        assert_eq!(d("10-25%"), None);
        assert_eq!(d("February 30, 2025"), None);
        assert_eq!(d("May be 2025"), None);
    }

    #[test]
    fn ambiguous_numeric_order() {
        assert_eq!(
            parse_date_with_order("01/02/2026", DateOrder::DayFirst).unwrap().to_string(),
            "2026-02-01"
        );
        assert_eq!(parse_date("01/02/2026").unwrap().to_string(), "2026-01-02");
    }
}
