//! Arguments of a trigger: the source actors before it and the target actors after it, inside
//! its clause. Passive voice ("was condemned by X") swaps them; coordinated actors ("Bahrain,
//! Morocco and the UAE") are all kept. Also finds the reporting frame of a sentence ("Trump
//! announced that ..."), whose speaker the events of the complement are attributed to.

use crate::actors::{self, Actor};
use crate::triggers::Hit;
use crate::DocumentView;
use dyad_lexicon::{EventLexicon, Lexicon};
use dyad_model::{EntityId, Span};
use dyad_segment::Token;

#[derive(Debug, Default)]
pub(crate) struct Arguments {
    pub(crate) source: Vec<Actor>,
    pub(crate) target: Vec<Actor>,
    /// The actors after "with" in the trigger's clause ("discussed the accords with Saudi
    /// Arabia"): the target when the first group turns out not to be one.
    pub(crate) with_target: Vec<Actor>,
    pub(crate) clause_start: usize,
}

/// Words that end a clause before or after a trigger.
const BOUNDARIES: &[&str] = &[
    ";", ":", "that", "which", "who", "whom", "while", "but", "because", "although", "though",
    "whereas", "(", ")", "\"", "“", "”", "—", "–",
];

/// Words through which coordinated actors continue ("Bahrain, Morocco, and the UAE").
const COORDINATION: &[&str] = &[",", "and", "the", "or", "as", "well", "both", "its", "their"];

fn clause_start(lower: &[&str], trigger: usize) -> usize {
    (0..trigger).rev().find(|&k| BOUNDARIES.contains(&lower[k])).map_or(0, |k| k + 1)
}

fn clause_end(lower: &[&str], trigger_end: usize) -> usize {
    (trigger_end..lower.len())
        .find(|&k| {
            BOUNDARIES.contains(&lower[k])
                || lower[k] == "."
                // ", and China rejected it": a new clause.
                || (lower[k] == ","
                    && lower.get(k + 1).is_some_and(|w| {
                        matches!(*w, "and" | "but" | "while" | "as" | "which" | "who" | "after" | "before")
                    }))
        })
        .unwrap_or(lower.len())
}

/// The actors mentioned in tokens `[from, to)`, in order, deduplicated.
fn actors_between(
    doc: &DocumentView<'_>,
    toks: &[Token],
    from: usize,
    to: usize,
    lex: &Lexicon,
) -> Vec<(usize, Actor)> {
    if from >= to {
        return Vec::new();
    }
    let span = Span::new(toks[from].span.start, toks[to - 1].span.end);
    let mut out: Vec<(usize, Actor)> = Vec::new();
    for m in doc.mentions.iter().filter(|m| span.contains(m.span)) {
        if let Some(a) = actors::of(m, doc.text, lex) {
            let tok = toks.partition_point(|t| t.span.end <= m.span.start);
            if !out.iter().any(|(_, x)| x.id == a.id) {
                out.push((tok, a));
            }
        }
    }
    out
}

/// The first group of coordinated actors at or after token `from`.
fn first_group(found: &[(usize, Actor)], lower: &[&str]) -> Vec<Actor> {
    let Some(&(first, _)) = found.first() else { return Vec::new() };
    let mut out = vec![found[0].1.clone()];
    let mut last = first;
    for (tok, a) in &found[1..] {
        let gap_ok = (last + 1..*tok).all(|k| COORDINATION.contains(&lower[k]) || k > last + 4);
        if !gap_ok || *tok > last + 6 {
            break;
        }
        out.push(a.clone());
        last = *tok;
    }
    out
}

/// The last group of coordinated actors before token `to`, nearest first in the group's order.
fn last_group(found: &[(usize, Actor)], lower: &[&str]) -> Vec<Actor> {
    let Some((last_tok, _)) = found.last() else { return Vec::new() };
    let mut group = vec![found[found.len() - 1].1.clone()];
    let mut next = *last_tok;
    for (tok, a) in found[..found.len() - 1].iter().rev() {
        let between_ok =
            (*tok + 1..next).all(|k| COORDINATION.contains(&lower[k]) || next - *tok <= 3);
        if !between_ok {
            break;
        }
        group.insert(0, a.clone());
        next = *tok;
    }
    group
}

pub(crate) fn find(
    doc: &DocumentView<'_>,
    toks: &[Token],
    lower: &[&str],
    hit: &Hit,
    lex: &Lexicon,
) -> Arguments {
    let mut start = clause_start(lower, hit.start);
    let end = clause_end(lower, hit.end);
    let mut before = actors_between(doc, toks, start, hit.start, lex);
    // Relative clauses: "Iran, which criticized Israel, met Kazakhstan". Inside the relative
    // clause the source is the noun it hangs on; after it closes, the main clause's subject is
    // the one before "which".
    if start >= 1 && matches!(lower[start - 1], "which" | "who") {
        let closed = (start..hit.start).any(|k| lower[k] == ",");
        if before.is_empty() || closed {
            let head_end =
                if start >= 2 && lower[start - 2] == "," { start - 2 } else { start - 1 };
            let head_start = clause_start(lower, head_end);
            before = actors_between(doc, toks, head_start, head_end, lex);
            start = head_start;
        }
    }
    let after = actors_between(doc, toks, hit.end, end, lex);
    // Passive: "was condemned by X".
    let passive = hit.start >= 1
        && (hit.start.saturating_sub(2)..hit.start)
            .any(|k| matches!(lower[k], "was" | "were" | "been" | "being" | "is" | "are" | "be"))
        && (hit.end..end).any(|k| lower[k] == "by");
    if passive {
        let by = (hit.end..end).find(|&k| lower[k] == "by").unwrap_or(end);
        let agents = actors_between(doc, toks, by + 1, end, lex);
        return Arguments {
            source: first_group(&agents, lower),
            target: last_group(&before, lower),
            with_target: Vec::new(),
            clause_start: start,
        };
    }
    let mut target = first_group(&after, lower);
    // "Trump announced that Kazakhstan would join": the statement is addressed to, and about, the
    // complement's subject.
    if target.is_empty() && lower.get(hit.end).is_some_and(|w| *w == "that") {
        let complement_end = clause_end(lower, hit.end + 1);
        let inner = actors_between(doc, toks, hit.end + 1, complement_end, lex);
        target = first_group(&inner, lower);
    }
    let with_target = (hit.end..end)
        .find(|&k| lower[k] == "with")
        .map(|k| first_group(&actors_between(doc, toks, k + 1, end, lex), lower))
        .unwrap_or_default();
    Arguments { source: last_group(&before, lower), target, with_target, clause_start: start }
}

/// "Trump announced that Kazakhstan would join": a reporting verb with its speaker before it and
/// the complement after it.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) actor: EntityId,
    pub(crate) trigger_end: usize,
    pub(crate) complement_start: usize,
}

pub(crate) fn reporting_frame(
    doc: &DocumentView<'_>,
    toks: &[Token],
    lower: &[&str],
    hits: &[Hit],
    events: &EventLexicon,
    lex: &Lexicon,
) -> Option<Frame> {
    for hit in hits {
        if !events.verbs[hit.verb].reported_speech {
            continue;
        }
        let start = clause_start(lower, hit.start);
        let before = actors_between(doc, toks, start, hit.start, lex);
        let speaker = before.last()?.1.id.clone();
        let complement_start =
            if lower.get(hit.end).is_some_and(|w| *w == "that") { hit.end + 1 } else { hit.end };
        return Some(Frame { actor: speaker, trigger_end: hit.end, complement_start });
    }
    None
}
