//! People: surnames standing alone, and titles.
//!
//! A surname alone ("Tokayev") names a person when the document also names them in full, or
//! when they held a head-of-state or head-of-government office at the document date; a title
//! right before it ("President Tokayev") that matches one of their offices also settles it. A
//! surname right after an unknown first name ("Melania Trump") is someone else.
//!
//! A title without a name is resolved through office terms at the document date when a state
//! is attached to it: "the Kazakh President", "Kazakhstan's foreign minister", "the President of
//! Kazakhstan".

use crate::gazetteer::{Candidate, Gazetteer, Pattern, Role};
use crate::{DocumentView, Found};
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, MentionHow, Span};

pub(crate) fn resolve_surname(
    doc: &DocumentView<'_>,
    cand: &Candidate,
    pattern: &Pattern,
    titles: &[&Candidate],
    gaz: &Gazetteer,
    lex: &Lexicon,
    found: &mut Found,
) {
    let text = doc.text;
    // "Melania Trump": a capitalised word right before that is not a title.
    let before = &text[..cand.span.start];
    if let Some(prev) = before.strip_suffix(' ') {
        let word: String = prev
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let is_title_word = title_before(cand.span, titles, gaz).is_some();
        let starts_sentence =
            doc.sentences.iter().any(|s| s.span.start == cand.span.start - word.len() - 1);
        if word.chars().next().is_some_and(char::is_uppercase)
            && !is_title_word
            && !starts_sentence
            && !is_known_word(&word)
        {
            return;
        }
    }
    let title_office = title_before(cand.span, titles, gaz);
    let candidates: Vec<u32> =
        pattern.targets.iter().filter(|t| t.role == Role::Surname).map(|t| t.entity).collect();
    let pick = |pred: &dyn Fn(u32) -> bool| -> Option<u32> {
        let hits: Vec<u32> = candidates.iter().copied().filter(|&e| pred(e)).collect();
        (hits.len() == 1).then(|| hits[0])
    };
    let person_of = |e: u32| lex.person(&gaz.entity(e).id);
    let chosen = pick(&|e| found.full_people.contains(&e))
        .or_else(|| {
            let office = title_office?;
            pick(&|e| {
                person_of(e).is_some_and(|p| {
                    p.offices
                        .iter()
                        .any(|t| t.office == office && doc.date.is_none_or(|d| t.covers(d)))
                })
            })
        })
        .or_else(|| pick(&|e| person_of(e).is_some_and(|p| lex.is_top_office_holder(p, doc.date))))
        // The lexicon lists a surname only where it names its bearer alone in news: a surname
        // only one person has is theirs.
        .or_else(|| (candidates.len() == 1).then(|| candidates[0]));
    match chosen {
        Some(e) => found.push(cand.span, e, ActorKind::Person, MentionHow::Surname),
        None => found.push_unresolved(cand.span, ActorKind::Person, MentionHow::Surname),
    }
}

/// Words that may stand capitalised before a surname without being a first name.
fn is_known_word(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Former"
            | "Then"
            | "Both"
            | "And"
            | "But"
            | "With"
            | "As"
            | "By"
            | "For"
            | "To"
    )
}

/// The office named by a title right before `span` ("President Tokayev"), if any.
fn title_before<'g>(span: Span, titles: &[&Candidate], gaz: &'g Gazetteer) -> Option<&'g str> {
    titles.iter().find(|t| t.span.end + 1 == span.start).and_then(|t| {
        match gaz.pattern(t.pattern).targets[0].role {
            Role::Title(office) => Some(gaz.offices[office as usize].as_str()),
            _ => None,
        }
    })
}

/// Resolves a title without a following known name to the office holder at the document date.
pub(crate) fn resolve_title(
    doc: &DocumentView<'_>,
    cand: &Candidate,
    gaz: &Gazetteer,
    lex: &Lexicon,
    found: &mut Found,
) {
    let Role::Title(office) = gaz.pattern(cand.pattern).targets[0].role else { return };
    let office = &gaz.offices[office as usize];
    let text = doc.text;
    // Followed by a name: the person recognizers (or the unknown-name pass) handle it.
    let after = &text[cand.span.end..];
    if let Some(next) = after.strip_prefix(' ') {
        if next.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
    }
    let Some(date) = doc.date else { return };
    // A state right before: "Kazakh President", "Kazakhstan's President", "US Special Envoy".
    let state_before = found.mentions.iter().zip(&found.entity_index).rev().find(|(m, e)| {
        **e != u32::MAX
            && gaz.entity(**e).kind == ActorKind::State
            && m.kind == ActorKind::State
            && {
                let gap = text.get(m.span.end..cand.span.start).unwrap_or("");
                matches!(gap, " " | "'s " | "’s ")
            }
    });
    // Or right after: "the President of Kazakhstan".
    let state_after = || {
        found.mentions.iter().zip(&found.entity_index).find(|(m, e)| {
            **e != u32::MAX && gaz.entity(**e).kind == ActorKind::State && {
                let gap = text.get(cand.span.end..m.span.start).unwrap_or("");
                matches!(gap, " of " | " of the ")
            }
        })
    };
    let (span, state) = match state_before {
        Some((m, e)) => (Span::new(m.span.start, cand.span.end), *e),
        None => match state_after() {
            Some((m, e)) => (Span::new(cand.span.start, m.span.end), *e),
            None => return,
        },
    };
    let state_id = &gaz.entity(state).id;
    let holders: Vec<&str> =
        lex.holders_at(office, state_id, date).map(|p| p.id.as_str()).collect();
    if let [holder] = holders.as_slice() {
        if let Some(e) = gaz.entity_index(holder) {
            found.push(span, e, ActorKind::Person, MentionHow::Title);
        }
    }
}
