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
