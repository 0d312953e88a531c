//! Participle clauses, whose subject is the main clause's: "By joining the accords, Kenya
//! expands its options" (the subject comes after the comma), "Kenya joined the accords,
//! becoming the latest state to normalize relations with Israel" (the subject is the main
//! clause's, before the comma). A past participle with a "by" agent modifies the noun before
//! it, in the passive: "Chile, attacked by Peru last week, appealed to Bolivia" (Peru attacked
//! Chile; Chile, not Peru, appealed).
//!
//! What it codes: the trigger inside the participle clause, with the main clause's subject as
//! its source; in a leading clause the target is looked for only before the comma.
//!
//! Example: "By joining the Abraham Accords, Kazakhstan expands ..." -> KAZ 057 ABRAHAM_ACCORDS;
//! "Oman signed the deal, becoming the first state to recognize Kosovo" -> OMN 054 KOS;
//! "Chile, attacked by Peru, appealed to Bolivia" -> PER 190 CHL, CHL 020 BOL.
//!
//! Not coded when: the subject after a leading clause is not right after its comma, or is a
//! name modifying it ("Since joining the accords, Israel-UAE trade grew"); the
//! participle clause names its own actor before the trigger ("..., with Libya condemning
//! Chad": Libya is the source).

use crate::actors::Actor;
use crate::arguments::{actors_between, first_group, last_group, Context};
use crate::DocumentView;
use dyad_lexicon::Lexicon;

/// Prepositions that open a leading participle clause ("By joining", "After signing").
const OPENERS: &[&str] = &["by", "after", "before", "since", "upon", "on", "in", "while", "when"];

/// "By joining X, Y ...": the source after the comma and the target before it, for a trigger
/// in "-ing" that opens its clause.
pub(crate) fn leading(
    doc: &DocumentView<'_>,
    c: &Context<'_>,
    start: usize,
    trigger: (usize, usize),
    end: usize,
    lex: &Lexicon,
) -> Option<(Vec<Actor>, Vec<Actor>)> {
    let lower = c.lower;
    let (t_start, t_end) = trigger;
    let opens = t_start == start || (t_start == start + 1 && OPENERS.contains(&lower[start]));
    if !opens || !lower[t_start].ends_with("ing") {
        return None;
    }
    let comma = (t_end..end).find(|&k| lower[k] == ",")?;
    let subject = actors_between(doc, c.toks, comma + 1, end, lex);
    // The subject is the main clause's first words ("Kazakhstan", "the Central Asian state").
    let first = subject.first()?;
    // "Since joining the accords, Israel-UAE trade grew": a name joined by a hyphen modifies
    // the subject, it is not the subject.
    let hyphenated = c.toks.get(first.end).is_some_and(|t| {
        matches!(lower[first.end], "-" | "‑") && t.span.start == c.toks[first.end - 1].span.end
    }) || c.toks[first.end - 1].span.end > first.span.end
        || c.toks[first.start].span.start < first.span.start;
    if hyphenated || first.start > comma + 4 || (comma + 1..first.start).any(|k| lower[k] == ",") {
        return None;
    }
    let objects = actors_between(doc, c.toks, t_end, comma, lex);
    Some((first_group(&subject, c), first_group(&objects, c)))
}

/// "X V-ed Y, becoming the first to V Z": the source of a trigger inside a participle clause
/// after a comma, when the clause names no actor before the trigger: the subject of the last
/// verb before the comma.
pub(crate) fn trailing(
    doc: &DocumentView<'_>,
    c: &Context<'_>,
    start: usize,
    trigger: usize,
    lex: &Lexicon,
) -> Option<Vec<Actor>> {
    let lower = c.lower;
    let participle = (start + 1..=trigger)
        .rev()
        .take_while(|&k| lower[k] != ",")
        .find(|&k| lower[k - 1] == "," && lower[k].ends_with("ing") && lower[k].len() > 4)?;
    if !actors_between(doc, c.toks, participle, trigger, lex).is_empty() {
        return None;
    }
    let comma = participle - 1;
    let main = c.hits.iter().rev().find(|h| h.end <= comma && h.start >= start)?;
    let subject = actors_between(doc, c.toks, start, main.start, lex);
    let group = last_group(&subject, c);
    (!group.is_empty()).then_some(group)
}

/// Auxiliaries whose presence makes a "V-ed by X" an ordinary passive, read elsewhere.
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// A past participle modifying the noun before it, with its agent: "Chile, attacked by Peru,
/// ...", "the framework launched by Chile": the trigger's last word ends in "-ed", "by" follows
/// it, no form of "be" precedes it, and the agent is not a gerund ("responded by expelling").
/// Returns the token of "by".
pub(crate) fn passive_modifier(lower: &[&str], trigger: (usize, usize)) -> Option<usize> {
    let (t_start, t_end) = trigger;
    let last = lower[t_end - 1];
    if !last.ends_with("ed") || lower.get(t_end) != Some(&"by") {
        return None;
    }
    if (t_start.saturating_sub(2)..t_start).any(|k| BE.contains(&lower[k])) {
        return None;
    }
    if lower.get(t_end + 1).is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    Some(t_end)
}

/// The token range `[open, close]` of a parenthetical participle clause between commas right
/// before a trigger ("Chile, attacked by Peru last week, appealed to Bolivia"): its agent is
/// not the main verb's subject.
pub(crate) fn parenthetical(
    lower: &[&str],
    start: usize,
    trigger: usize,
) -> Option<(usize, usize)> {
    let close = trigger.checked_sub(1).filter(|&k| k > start && lower[k] == ",")?;
    let open = (start..close).rev().find(|&k| lower[k] == ",")?;
    let participle = lower.get(open + 1)?;
    (participle.ends_with("ed") && lower.get(open + 2) == Some(&"by")).then_some((open, close))
}
