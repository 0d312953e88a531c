//! The tense around a time expression, which decides whether "Thursday" or "in March" is the
//! last one or the next one. Like HeidelTime, dyad looks at the verbs nearest the expression in
//! its clause ("said on Friday that the talks would continue": "said" governs "Friday"). When no
//! verb is near, the tense is unknown and each kind of expression takes its own default.

use crate::lexer::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// No verb says: weekdays are taken as past (news reports what happened), calendar dates
    /// as the nearest one ("payable Dec. 15" in a November paper).
    Unknown,
}

fn future_marker(toks: &[Tok], i: usize) -> bool {
    let next = toks.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
    match toks[i].lower.as_str() {
        "will" | "'ll" | "shall" | "would" | "should" | "must" | "upcoming" | "forthcoming" => true,
        "going" | "expected" | "scheduled" | "set" | "due" | "planned" | "plans" | "plan"
        | "intends" | "hopes" | "aims" => next == "to",
        _ => false,
    }
}

fn past_marker(t: &Tok) -> bool {
    const NOT_PAST: &[&str] = &[
        "need", "speed", "feed", "seed", "indeed", "united", "red", "bed", "hundred", "proceed",
        "exceed", "succeed", "embed", "creed", "shed", "breed", "greed", "weed", "deed", "bleed",
        "wed", "led",
    ];
    match t.lower.as_str() {
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "been" | "came" | "went"
        | "took" | "began" | "met" | "made" | "gave" | "held" | "left" | "saw" | "got" | "won"
        | "lost" | "fell" | "rose" | "sent" | "led" | "signed" => true,
        w => w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w),
    }
}

fn clause_boundary(t: &Tok) -> bool {
    t.any(&[
        ",", ";", ":", "that", "but", "and", "while", "when", "after", "before", "because", "\"",
        "“", "”",
    ])
}

/// The tense governing the expression at tokens `start..end`.
pub(crate) fn around(toks: &[Tok], start: usize, end: usize) -> Tense {
    // Nearest marker before the expression, within its clause.
    for i in (start.saturating_sub(8)..start).rev() {
        if future_marker(toks, i) {
            return Tense::Future;
        }
        if past_marker(&toks[i]) {
            return Tense::Past;
        }
        if clause_boundary(&toks[i]) {
            break;
        }
    }
    // Then after it ("Thursday's talks will ...", "on Friday, officials said").
    for i in end..(end + 6).min(toks.len()) {
        if future_marker(toks, i) {
            return Tense::Future;
        }
        if past_marker(&toks[i]) {
            return Tense::Past;
        }
        if clause_boundary(&toks[i]) && i > end {
            break;
        }
    }
    Tense::Unknown
}
