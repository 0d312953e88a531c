//! Coordinated acts share their target: "condemned the Hamas attacks and called for the release
//! of all hostages" (the appeal is addressed to Hamas too), "Peres's 2009 visit to Kazakhstan and
//! Netanyahu's 2016 visit" (the second visit is to Kazakhstan as well).
//!
//! What it codes: a trigger with no target of its own, a few words after "and", takes the
//! targets of the event coded just before it in the sentence when both have the same source or
//! the trigger repeats the same word (an elided "to Kazakhstan").
//!
//! Example: "Chile condemned Peru's raid and called for the release of the fishermen" -> CHL 111
//! PER, CHL 0253 PER.
//!
//! Not coded when: the sources and words differ ("Chile condemned Peru, and Bolivia called for
//! calm"); a clause boundary stands between ("..., but", "; ", "which"); the trigger is more
//! than eight words after "and".

use crate::actors::Actor;
use dyad_model::{EntityId, Event};
use dyad_segment::Token;

/// How many tokens may stand between "and" and the trigger ("and Prime Minister Benjamin
/// Netanyahu's 2016 visit").
const MAX_GAP: usize = 8;

const BREAKS: &[&str] =
    &[";", ":", "but", "while", "which", "who", "that", "although", "because", "(", ")", "whereas"];

/// The targets of the sentence's previous event, when the trigger at token `trigger` is
/// coordinated with it and has the same sources.
pub(crate) fn targets(
    sentence_events: &[Event],
    toks: &[Token],
    lower: &[&str],
    trigger: usize,
    sources: &[Actor],
) -> Vec<Actor> {
    let Some(last) = sentence_events.last() else { return Vec::new() };
    let previous_end = toks.partition_point(|t| t.span.start < last.span.end);
    if previous_end > trigger {
        return Vec::new();
    }
    let Some(and) = (previous_end..trigger).rev().find(|&k| lower[k] == "and") else {
        return Vec::new();
    };
    if trigger - and > MAX_GAP || (previous_end..trigger).any(|k| BREAKS.contains(&lower[k])) {
        return Vec::new();
    }
    let previous: Vec<&Event> = sentence_events.iter().filter(|e| e.span == last.span).collect();
    let same_sources = sources.iter().all(|s| previous.iter().any(|e| e.source.contains(&s.id)))
        && previous.iter().all(|e| e.source.iter().all(|id| sources.iter().any(|s| s.id == *id)));
    // "Macron's 2019 visit to Chile and Scholz's 2022 visit": the same word again, elided.
    let same_word = text_of(last, toks, lower) == lower[trigger];
    if !same_sources && !same_word {
        return Vec::new();
    }
    let mut out: Vec<Actor> = Vec::new();
    for id in previous.iter().flat_map(|e| e.target.iter()) {
        if !out.iter().any(|a| a.id == *id) {
            out.push(Actor { id: EntityId::clone(id), agent: None, place: false });
        }
    }
    out
}

/// The lower-case first word of an event's trigger.
fn text_of<'a>(event: &Event, toks: &[Token], lower: &[&'a str]) -> &'a str {
    let k = toks.partition_point(|t| t.span.start < event.span.start);
    lower.get(k).copied().unwrap_or("")
}
