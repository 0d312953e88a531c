//! A sentence whose subject is "It" or "They" continues the sentence before: "Chile condemned
//! the attack. It also sent aid to Peru." The pronoun stands for the actor that acted in the
//! sentence before, when that is unambiguous.
//!
//! What it codes: nothing by itself; it adds the antecedent as an actor at the pronoun, so that
//! the pronoun is a source ("it sent aid to Peru") or, in the passive, a target ("it was
//! attacked by Bolivia").
//!
//! Example: "Chile condemned the attack on Peru. It also sent aid to Peru." -> CHL 111 PER,
//! CHL 070 PER.
//!
//! The subject pronoun of a reported clause is the speaker: "Erdogan said that he had met
//! Putin" -> TUR 040 RUS, reported by Turkey; only when the speaker is the reporting verb's own
//! subject ("Kenya praised Uganda and said that it would ..." is left alone).
//!
//! Not coded when: the pronoun is not the subject at the start of the sentence (after at most
//! an introductory phrase closed by a comma, "In the past year alone, it ..."); the sentence
//! before coded no event, or events of more than one source for "it" (of other than two for
//! "they"); the antecedent is an agreement.

use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, EntityId, Mention, MentionHow, Span};
use dyad_segment::Token;

/// An introductory phrase ("Conversely,", "In the past year alone,") is at most this many
/// tokens before its comma.
const MAX_INTRO: usize = 6;

/// The subject pronoun of the sentence, as a token index: the first word, or the first word
/// after an introductory phrase that names no actor.
fn subject_pronoun(toks: &[Token], lower: &[&str], mentions: &[Mention]) -> Option<usize> {
    let is_pronoun = |k: usize| matches!(lower.get(k), Some(&"it") | Some(&"they"));
    if is_pronoun(0) {
        return Some(0);
    }
    let comma = lower.iter().take(MAX_INTRO + 1).position(|w| *w == ",")?;
    let intro_end = toks[comma].span.start;
    if mentions.iter().any(|m| m.span.start < intro_end) {
        return None;
    }
    is_pronoun(comma + 1).then_some(comma + 1)
}

/// Mentions for the sentence's subject pronoun, standing for `antecedents` (the distinct
/// sources of the sentence before, in order).
pub(crate) fn resolve(
    toks: &[Token],
    lower: &[&str],
    mentions: &[Mention],
    antecedents: &[EntityId],
    lex: &Lexicon,
) -> Vec<Mention> {
    let Some(k) = subject_pronoun(toks, lower, mentions) else { return Vec::new() };
    let wanted = if lower[k] == "it" { 1 } else { 2 };
    if antecedents.len() != wanted {
        return Vec::new();
    }
    let span = Span::new(toks[k].span.start, toks[k].span.end);
    if mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for id in antecedents {
        let kind = match lex.org(id) {
            Some(o) if o.kind == dyad_lexicon::OrgKind::Agreement => return Vec::new(),
            Some(_) => ActorKind::Organization,
            None => ActorKind::State,
        };
        out.push(Mention { span, entity: Some(id.clone()), kind, how: MentionHow::Coref });
    }
    out
}

/// A mention of the speaker at the subject pronoun that opens a reporting verb's complement
/// ("said that he had met", "announced it would join").
pub(crate) fn speaker(
    toks: &[Token],
    lower: &[&str],
    frame: &crate::arguments::Frame,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<Mention> {
    let k = frame.complement_start;
    if !frame.subject_adjacent
        || !matches!(lower.get(k), Some(&"he") | Some(&"she") | Some(&"it") | Some(&"they"))
    {
        return None;
    }
    let span = toks[k].span;
    if mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
        return None;
    }
    let kind = match lex.org(&frame.actor) {
        Some(o) if o.kind == dyad_lexicon::OrgKind::Agreement => return None,
        Some(_) => ActorKind::Organization,
        None => ActorKind::State,
    };
    Some(Mention { span, entity: Some(frame.actor.clone()), kind, how: MentionHow::Coref })
}
