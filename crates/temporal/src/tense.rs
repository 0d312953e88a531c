//! The tense around a time expression, which decides whether "Thursday" or "in March" is the
//! last one or the next one. Like HeidelTime, dyad looks at the verbs nearest the expression in
//! its clause ("said on Friday that the talks would continue": "said" governs "Friday"). When no
//! verb is near, the tense is unknown and each kind of expression takes its own default.

use crate::lexer::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// A past verb elsewhere in the sentence, not in the expression's clause: past, but a date
    /// soon after the reference is still a schedule ("declared a dividend, payable Dec. 15").
    DistantPast,
    /// No verb says: weekdays are taken as past (news reports what happened), calendar dates
    /// as the last one unless they come soon after the reference ("payable Jan. 2" in a
    /// November paper).
    Unknown,
}

fn future_marker(toks: &[Tok], i: usize) -> bool {
    let next = toks.get(i + 1).map(|n| n.lower).unwrap_or("");
    match toks[i].lower {
        "will" | "'ll" | "shall" | "would" | "should" | "must" | "upcoming" | "forthcoming" => true,
        "going" | "expected" | "scheduled" | "set" | "due" | "planned" | "plans" | "plan"
        | "intends" | "hopes" | "aims" | "supposed" | "decided" | "agreed" | "promised"
        | "pledged" | "vowed" | "voted" | "likely" | "ready" | "expects" | "expect" => {
            next == "to" && !after_had(toks, i)
        }
        // "is to resume trading Tuesday"
        "is" | "are" => next == "to",
        _ => false,
    }
}

/// A present passive: "the case is heard in May", "closing is expected in December". Neither
/// past nor future by its form; what it dates is a schedule or a habit.
fn present_passive(toks: &[Tok], i: usize) -> bool {
    i > 0
        && toks[i - 1].any(&["is", "are", "am"])
        && (irregular_past(toks[i].lower) || past_marker(&toks[i]))
}

/// "had been scheduled to expire Friday": a plan in the past perfect is a past one.
fn after_had(toks: &[Tok], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map(|p| toks[p].lower);
    before(1) == Some("had") || (before(1) == Some("been") && before(2) == Some("had"))
}

/// Common irregular past forms (regular ones end in "-ed"); forms that are also the present
/// ("put", "set", "cut", "read") are left out.
pub fn irregular_past(word: &str) -> bool {
    // A `match` compiles to a switch on length and bytes, cheaper than scanning a list for
    // every word near every time expression.
    matches!(
        word,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "been"
            | "came"
            | "went"
            | "took"
            | "began"
            | "met"
            | "made"
            | "gave"
            | "held"
            | "left"
            | "saw"
            | "got"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "sent"
            | "led"
            | "brought"
            | "bought"
            | "sold"
            | "thought"
            | "found"
            | "became"
            | "kept"
            | "paid"
            | "spoke"
            | "wrote"
            | "broke"
            | "chose"
            | "drove"
            | "flew"
            | "fought"
            | "grew"
            | "knew"
            | "meant"
            | "ran"
            | "sought"
            | "stood"
            | "struck"
            | "taught"
            | "threw"
            | "understood"
            | "wore"
            | "felt"
            | "heard"
            | "built"
            | "spent"
            | "sank"
            | "swore"
            | "froze"
            | "forgot"
            | "forgave"
            | "overtook"
            | "withdrew"
            | "undertook"
    )
}

/// A form in "-ed" right after a determiner is an adjective: "the reduced dividend", "a still
/// unspecified date".
fn adjectival(toks: &[Tok], i: usize) -> bool {
    const DETERMINERS: &[&str] =
        &["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"];
    let before = |k: usize| i.checked_sub(k).map(|p| &toks[p]);
    before(1).is_some_and(|p| p.any(DETERMINERS))
        || (before(1).is_some_and(|p| p.lower.ends_with("ly") || p.is("still"))
            && before(2).is_some_and(|p| p.any(DETERMINERS)))
}

fn past_marker_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    // "will be paid Dec. 14": a participle after "be" is not the tense; the auxiliary is.
    if i > 0 && toks[i - 1].any(&["be", "being"]) {
        return false;
    }
    if irregular_past(t.lower) || t.is("ago") {
        return true;
    }
    past_marker(t) && !adjectival(toks, i)
}

fn past_marker(t: &Tok) -> bool {
    const NOT_PAST: &[&str] = &[
        "need", "speed", "feed", "seed", "indeed", "united", "red", "bed", "hundred", "proceed",
        "exceed", "succeed", "embed", "creed", "shed", "breed", "greed", "weed", "deed", "bleed",
        "wed", "led",
    ];
    let w = t.lower;
    w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w)
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
        if present_passive(toks, i) {
            return Tense::Unknown;
        }
        if past_marker_at(toks, i) {
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
        if past_marker_at(toks, i) {
            return Tense::Past;
        }
        if clause_boundary(&toks[i]) && i > end {
            break;
        }
    }
    // No verb in the clause ("who stepped down as chairman, president and chief executive in
    // March"): the nearest verb of the sentence, before the expression and then after it.
    let before = (start.saturating_sub(SENTENCE_REACH)..start).rev();
    for i in before.chain(end..(end + SENTENCE_REACH).min(toks.len())) {
        if future_marker(toks, i) {
            return Tense::Future;
        }
        if past_marker_at(toks, i) {
            return Tense::DistantPast;
        }
    }
    Tense::Unknown
}

/// How far, in tokens, the sentence-wide search for a verb looks on each side.
const SENTENCE_REACH: usize = 20;
