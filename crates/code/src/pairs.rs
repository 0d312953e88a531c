//! "Both sides", "the two leaders": a phrase for the two parties of an exchange, resolved to
//! the two actors the sentence (or, when it names none before the phrase, the sentence before
//! it) names, so that joint acts code in both directions.
//!
//! What it codes: nothing by itself; it adds the two parties as actors at the phrase.
//!
//! Example: "During Iran's president's visit to Kazakhstan, both sides reaffirmed plans to
//! deepen cooperation" -> IRN 030 KAZ and KAZ 030 IRN.
//!
//! Not coded when: the sentence before the phrase names one actor or more than two, or names
//! none and the previous sentence does not name exactly two; the recogniser already resolved
//! the phrase ("the two countries" after "Israel and Kazakhstan").

use crate::actors;
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, EntityId, Mention, MentionHow, Span};
use dyad_segment::Token;

const HEADS: &[&str] = &["both", "two"];
const NOUNS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "states",
    "governments",
    "leaders",
    "ministers",
    "parties",
    "presidents",
    "delegations",
    "neighbours",
    "neighbors",
];

/// The distinct actors (as coded) of `mentions`, up to three.
fn parties<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    text: &str,
    lex: &Lexicon,
) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = Vec::new();
    for m in mentions {
        let Some(a) = actors::of(m, text, lex) else { continue };
        if lex.org(&a.id).is_some_and(|o| o.kind == dyad_lexicon::OrgKind::Agreement) {
            continue;
        }
        if !out.contains(&a.id) {
            out.push(a.id);
            if out.len() > 2 {
                break;
            }
        }
    }
    out
}

/// Mentions for the pair phrases of a sentence: two per phrase, on the phrase's span.
pub(crate) fn resolve(
    text: &str,
    toks: &[Token],
    lower: &[&str],
    sentence: &[Mention],
    previous: &[Mention],
    lex: &Lexicon,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for k in 1..lower.len() {
        if !NOUNS.contains(&lower[k]) || !HEADS.contains(&lower[k - 1]) {
            continue;
        }
        let start =
            if lower[k - 1] == "two" && k >= 2 && lower[k - 2] == "the" { k - 2 } else { k - 1 };
        let span = Span::new(toks[start].span.start, toks[k].span.end);
        if sentence.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
            continue;
        }
        let mut pair = parties(sentence.iter().filter(|m| m.span.end <= span.start), text, lex);
        if pair.is_empty() {
            pair = parties(previous, text, lex);
        }
        if pair.len() != 2 {
            continue;
        }
        for id in pair {
            out.push(Mention {
                span,
                entity: Some(id),
                kind: ActorKind::State,
                how: MentionHow::Coref,
            });
        }
    }
    out
}
