//! Lasting states and habits are not events: "Since 1992, the two nations have cooperated across
//! many sectors", "For decades, Chile has complied with the rulings" describe a relationship over
//! a span of time, not an act done at one time (CAMEO codes discrete events).
//!
//! What it codes: nothing; it drops a verb in the perfect ("has cooperated", "have long
//! traded", "had supplied") when the sentence gives it a duration: "since" before a number
//! ("since 1992", "since 2014"), "for decades", "for years", "for months", "for the past ...",
//! "for more than ...", "for over ...", "over the years".
//!
//! Example: "Since 1992, Chile and Peru have cooperated on fisheries." -> nothing.
//!
//! Not coded when: always applies. Kept: a perfect without a duration ("Chile has joined the
//! alliance"), a duration with a simple past ("Since 2020, Chile joined two alliances" stays,
//! as a count of acts), a nominal trigger.

/// Whether the trigger at token `start` is a perfect ("has cooperated", "have long traded").
fn perfect(lower: &[&str], start: usize) -> bool {
    let from = start.saturating_sub(3);
    let mut k = start;
    while k > from {
        k -= 1;
        match lower[k] {
            "has" | "have" | "had" => return true,
            "long" | "also" | "already" | "consistently" | "repeatedly" | "steadily" => {}
            w if w.ends_with("ly") => {}
            _ => return false,
        }
    }
    false
}

/// Whether the sentence gives a duration ("since 1992", "for decades", "over the years").
fn duration(lower: &[&str]) -> bool {
    lower.windows(2).any(|p| match p {
        ["since", w] => w.starts_with(|c: char| c.is_ascii_digit()),
        ["for", w] => matches!(*w, "decades" | "years" | "months" | "centuries" | "generations"),
        _ => false,
    }) || lower.windows(3).any(|p| {
        matches!(
            p,
            ["for", "the", "past"]
                | ["for", "more", "than"]
                | ["for", "over", _]
                | ["over", "the", "years"]
                | ["over", "the", "decades"]
        )
    })
}

/// Whether the trigger at token `start` states a lasting relationship rather than an act.
pub(crate) fn is_lasting(lower: &[&str], start: usize) -> bool {
    perfect(lower, start) && duration(lower)
}
