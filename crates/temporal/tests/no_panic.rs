//! The time grammar must not panic on any input: deterministic pseudo-random strings built from
//! time words, digits, punctuation and multi-byte characters are thrown at it with random
//! reference dates. (The cargo-fuzz target in `fuzz/` does the same without bounds.)

use dyad_model::{Date, Span};

const PIECES: &[&str] = &[
    "the",
    "last",
    "next",
    "early",
    "mid-",
    "late",
    "since",
    "from",
    "to",
    "between",
    "and",
    "by",
    "until",
    "ago",
    "later",
    "earlier",
    "year",
    "years",
    "quarter",
    "third-quarter",
    "Q3",
    "FY",
    "2025",
    "1992",
    "19",
    "7",
    "31",
    "2,500",
    "10-25%",
    "Nov.",
    "November",
    "May",
    "Thursday",
    "Sun.",
    "evening",
    "a",
    "half",
    "dozen",
    "twenty-four",
    "every",
    "each",
    "'90s",
    "1990s",
    "s",
    "/",
    "-",
    "–",
    ".",
    ",",
    "'s",
    "’s",
    "é",
    "日本",
    "\n",
    " ",
    "  ",
    "$",
    "%",
    "week",
    "weekend",
    "the following",
    "the same",
    "that",
    "this",
    "current",
    "recent",
    "now",
    "the past",
    "decade",
];

fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

#[test]
fn random_phrases_do_not_panic() {
    let mut s = 0x5eed_u64;
    for _ in 0..20_000 {
        let n = 1 + next(&mut s) as usize % 12;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[next(&mut s) as usize % PIECES.len()]);
            if !next(&mut s).is_multiple_of(3) {
                text.push(' ');
            }
        }
        let reference = if next(&mut s).is_multiple_of(5) {
            None
        } else {
            Date::new(
                1900 + (next(&mut s) % 200) as i32,
                1 + (next(&mut s) % 12) as u8,
                1 + (next(&mut s) % 28) as u8,
            )
        };
        let times = dyad_temporal::find_times(&text, &[Span::new(0, text.len())], reference);
        for t in times {
            assert!(
                t.span.end <= text.len()
                    && text.is_char_boundary(t.span.start)
                    && text.is_char_boundary(t.span.end)
            );
            if let (Some(a), Some(b)) = (t.from, t.to) {
                assert!(a <= b, "{text:?}: {} from {a} to {b}", t.value);
            }
        }
    }
}
