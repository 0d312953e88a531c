//! Month and weekday names with their news abbreviations.

use dyad_model::Weekday;

/// The month number (1-12) of an English month name or abbreviation, case-insensitive, with or
/// without a final period ("Sept.", "Dec", "november").
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    // Most words are rejected on their length or first letter (j f m a s o n d).
    if w.len() < 3
        || w.len() > 9
        || !matches!(w.as_bytes()[0] | 0x20, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    {
        return None;
    }
    let mut buf = [0u8; 9];
    month_from_lower(ascii_lower(w, &mut buf)?)
}

fn month_from_lower(lower: &[u8]) -> Option<u8> {
    const MONTHS: [&[u8]; 12] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
    ];
    if lower == b"sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|name| lower == *name || (lower.len() == 3 && name.starts_with(lower)))
        .map(|i| i as u8 + 1)
}

/// The weekday of an English weekday name or abbreviation ("Thursday", "Thu.", "Thurs").
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    if w.len() < 3
        || w.len() > 9
        || !matches!(w.as_bytes()[0] | 0x20, b'm' | b't' | b'w' | b'f' | b's')
    {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = ascii_lower(w, &mut buf)?;
    const DAYS: [&[u8]; 7] =
        [b"monday", b"tuesday", b"wednesday", b"thursday", b"friday", b"saturday", b"sunday"];
    // No two days share their first two letters: at most one can match.
    let i = match &lower[..2] {
        b"mo" => 0,
        b"tu" => 1,
        b"we" => 2,
        b"th" => 3,
        b"fr" => 4,
        b"sa" => 5,
        b"su" => 6,
        _ => return None,
    };
    let day = DAYS[i];
    (lower == day || (lower.len() <= 5 && day.starts_with(lower)))
        .then(|| Weekday::from_index(i as u8))
}

/// The bytes of `w` (at most 9) in ASCII lower case, in `buf`; `None` when it is not ASCII (no
/// month or weekday name is). Bytes, not a `str`: names are compared byte for byte, and a
/// `str` would be validated again on every call.
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 9]) -> Option<&'b [u8]> {
    if !w.is_ascii() || w.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    Some(out)
}

/// The value of an English cardinal from zero to ninety-nine ("seven", "forty", "twenty-two").
/// Shared with the quantity stage.
pub fn cardinal(w: &str) -> Option<i64> {
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
    // Most words are rejected on their length or first letter (z o t f s e n).
    if !(3..=13).contains(&w.len())
        || !matches!(w.as_bytes()[0], b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    {
        return None;
    }
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as i64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == w) {
        return Some(i as i64 * 10);
    }
    let (t, o) = w.split_once('-')?;
    let tens = TENS.iter().position(|x| !x.is_empty() && *x == t)? as i64 * 10;
    let ones = ONES[1..10].iter().position(|x| *x == o)? as i64 + 1;
    Some(tens + ones)
}

/// The value of a number word or phrase head: a cardinal, "a dozen", "hundred", "a"/"an".
pub(crate) fn number_word(w: &str) -> Option<i64> {
    if let Some(n) = cardinal(w) {
        return Some(n);
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

/// Time zone abbreviations written after clock times in news ("7:15 p.m. EDT").
pub(crate) const TIME_ZONES: &[&str] =
    &["edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "bst", "cet", "et"];

pub(crate) fn is_time_zone(w: &str) -> bool {
    TIME_ZONES.contains(&w)
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
                | "nineteen"
                | "eighteen"
                | "thousand"
                | "noon"
                | "midday"
                | "midnight"
                | "q"
        )
}

/// Words an expression can start with; any other token is skipped without trying the grammar.
static STARTERS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        [
            "the",
            "a",
            "an",
            "last",
            "next",
            "this",
            "that",
            "past",
            "coming",
            "previous",
            "early",
            "mid",
            "middle",
            "late",
            "end",
            "beginning",
            "start",
            "since",
            "from",
            "between",
            "until",
            "till",
            "through",
            "thru",
            "by",
            "every",
            "each",
            "half",
            "several",
            "many",
            "few",
            "some",
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "now",
            "currently",
            "nowadays",
            "recently",
            "lately",
            "recent",
            "current",
            "more",
            "over",
            "at",
            "less",
            "fewer",
            "under",
            "up",
            "nearly",
            "almost",
            "about",
            "around",
            "roughly",
            "approximately",
            "fy",
            "fiscal",
            "q",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "earlier",
            "later",
            "annually",
            "yearly",
            "monthly",
            "weekly",
            "daily",
            "hourly",
            "quarterly",
            "year",
            "years",
            "month",
            "months",
            "week",
            "weeks",
            "day",
            "days",
            "decade",
            "decades",
            "century",
            "centuries",
            "hours",
            "minutes",
            "'",
            "’",
            "first",
            "second",
            "third",
            "fourth",
            "final",
            "weekend",
            "future",
            "single",
            "dozen",
            "hundred",
            "same",
            "very",
            "following",
            "noon",
            "midday",
            "midnight",
        ]
        .into_iter()
        .collect()
    });

/// Whether an expression may start at this token.
pub(crate) fn may_start(t: &crate::lexer::Tok) -> bool {
    t.num.is_some()
        || STARTERS.contains(t.lower)
        || (t.word && (month_from_name(t.lower).is_some() || weekday_from_name(t.lower).is_some()))
        || number_word(t.lower).is_some()
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
        assert_eq!(weekday_from_name("Sun."), Some(Weekday::Sunday));
        assert_eq!(weekday_from_name("SAT"), Some(Weekday::Saturday));
        assert_eq!(weekday_from_name("Wed"), Some(Weekday::Wednesday));
        // Words sharing a day's first letters are not days.
        assert_eq!(weekday_from_name("the"), None);
        assert_eq!(weekday_from_name("Sundays"), None);
        assert_eq!(weekday_from_name("Mondayx"), None);
    }

    #[test]
    fn cardinals() {
        assert_eq!(cardinal("zero"), Some(0));
        assert_eq!(cardinal("nineteen"), Some(19));
        assert_eq!(cardinal("forty"), Some(40));
        assert_eq!(cardinal("seventy-seven"), Some(77));
        assert_eq!(cardinal("twenty-one"), Some(21));
        assert_eq!(cardinal("Seven"), None);
        assert_eq!(cardinal("the"), None);
        assert_eq!(cardinal("twenty-"), None);
    }
}
