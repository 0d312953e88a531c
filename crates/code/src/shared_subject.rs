//! Coordinated verbs share their subject: "Chile met Peru in Lima and praised Bolivia" (Chile
//! praised Bolivia, not Peru), "Oman hosted Iran, then signed a deal with Iraq".
//!
//! What it codes: the source of a trigger right after "and" (or ", and", "and then", "and
//! later", "and also") with no actor of its own before it: the source of the verb before "and".
//!
//! Example: "Chile met Peru in Lima on Monday and praised Bolivia" -> CHL 040 PER, CHL 051 BOL.
//!
//! Not coded when: the second verb has its own subject ("Chile met Peru, and Bolivia praised
//! Ecuador"); no verb of the lexicon before "and" in the clause.

use crate::actors::Actor;
use crate::arguments::{actors_between, clause_start, last_group, Context};
use crate::DocumentView;
use dyad_lexicon::Lexicon;

/// The shared subject of the trigger at `trigger`, if it is the second of two coordinated verbs.
pub(crate) fn source(
    doc: &DocumentView<'_>,
    c: &Context<'_>,
    start: usize,
    trigger: usize,
    lex: &Lexicon,
) -> Option<Vec<Actor>> {
    let lower = c.lower;
    let mut k = trigger.checked_sub(1)?;
    if matches!(lower[k], "then" | "later" | "also" | "subsequently") {
        k = k.checked_sub(1)?;
    }
    if lower[k] != "and" || k == 0 {
        return None;
    }
    let and = if lower[k - 1] == "," { k - 1 } else { k };
    // ", and then signed": the clause of the verb before "and" started earlier.
    let start = if and <= start { clause_start(lower, and) } else { start };
    // The verb before "and", not a trigger in its object ("condemned the Hamas attacks and
    // called for ...": "condemned").
    let n = (0..c.hits.len()).rev().find(|&n| {
        let h = &c.hits[n];
        h.end <= and
            && h.start >= start
            && !crate::objects::object_of_previous(c.hits, n, lower)
            // "condemned Peru's raid and called for": a possessed noun is not the verb.
            && !crate::restatements::possessed(lower, h.start)
    })?;
    let previous = &c.hits[n];
    let mut subject = actors_between(doc, c.toks, start, previous.start, lex);
    // "visited Baku and discussed ...": a place is never the subject.
    subject.retain(|f| !f.actor.place);
    let group = last_group(&subject, c);
    (!group.is_empty()).then_some(group)
}
