//! Month and weekday names with their news abbreviations.

use dyad_model::Weekday;

/// The month number (1-12) of an English month name or abbreviation, case-insensitive, with or
/// without a final period ("Sept.", "Dec", "november").
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|name| {
            lower == *name || (lower.len() == 3 && name.starts_with(&lower)) || lower == "sept"
        })
        .map(|i| if lower == "sept" { 9 } else { i as u8 + 1 })
}

/// The weekday of an English weekday name or abbreviation ("Thursday", "Thu.", "Thurs").
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    const DAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    DAYS.iter()
        .position(|d| {
            lower == *d || (lower.len() >= 3 && lower.len() <= 5 && d.starts_with(lower.as_str()))
        })
        .map(|i| Weekday::from_index(i as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_abbreviations() {
        assert_eq!(month_from_name("Dec."), Some(12));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("november"), Some(11));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Mayor"), None);
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday_from_name("Thurs"), Some(Weekday::Thursday));
        assert_eq!(weekday_from_name("Thursday"), Some(Weekday::Thursday));
        assert_eq!(weekday_from_name("Th"), None);
    }
}

/// The value of a number word or phrase head: "one" .. "ninety-nine", "a dozen", "hundred".
pub(crate) fn number_word(w: &str) -> Option<i64> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as i64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == w) {
        return Some(i as i64 * 10);
    }
    if let Some((t, o)) = w.split_once('-') {
        let tens = TENS.iter().position(|x| !x.is_empty() && *x == t)? as i64 * 10;
        let ones = ONES[1..10].iter().position(|x| *x == o)? as i64 + 1;
        return Some(tens + ones);
    }
    match w {
        "a" | "an" | "single" => Some(1),
        "dozen" => Some(12),
        "hundred" => Some(100),
        _ => None,
    }
}

/// The position (1-based) of an ordinal word: "first" -> 1, "third" -> 3, "7th" -> 7.
pub(crate) fn ordinal(w: &str) -> Option<i64> {
    const ORD: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    if let Some(i) = ORD.iter().position(|o| *o == w) {
        return Some(i as i64 + 1);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() < w.len() && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

/// Words that can take part in a time expression (a fast pre-filter for sentences).
pub(crate) fn is_time_word(w: &str) -> bool {
    month_from_name(w).is_some()
        || weekday_from_name(w).is_some()
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "recently"
                | "lately"
                | "soon"
                | "recent"
                | "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "day"
                | "days"
                | "decade"
                | "decades"
                | "century"
                | "centuries"
                | "quarter"
                | "quarters"
                | "hour"
                | "hours"
                | "minute"
                | "minutes"
                | "morning"
                | "evening"
                | "night"
                | "afternoon"
                | "summer"
                | "winter"
                | "spring"
                | "autumn"
                | "fall"
                | "annually"
                | "yearly"
                | "monthly"
                | "weekly"
                | "daily"
                | "hourly"
                | "quarterly"
                | "weekend"
                | "future"
                | "past"
                | "present"
                | "fy"
                | "fiscal"
                | "fortnight"
                | "half"
                | "overnight"
                | "q"
        )
}
