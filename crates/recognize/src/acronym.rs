//! Forms shared by several entries (the acronym "CPC" for the Caspian Pipeline Consortium and
//! the Caspian Policy Center; a name used by two agencies) are settled by the document: the
//! entry whose full name the document uses wins, then the one with more of its context words
//! in the document, then the one whose country the document names. Ties stay unresolved.

use crate::gazetteer::{Candidate, Gazetteer, Pattern, Role};
use crate::Found;
use dyad_model::{ActorKind, MentionHow};
use std::collections::HashSet;

/// What the document says that helps choose between entries. Built for every document, so it
/// borrows and keeps sorted vectors (no hashing, no string copies); the document's words are
/// only collected when an entry's context words are needed.
#[derive(Debug)]
pub(crate) struct Context<'t> {
    text: &'t str,
    /// Entities named in full (sorted, no repeats).
    named: Vec<u32>,
    /// States mentioned, by id (sorted, no repeats).
    states: Vec<&'t str>,
    /// Lower-case words of the document, computed on first need.
    words: std::cell::OnceCell<HashSet<String>>,
}

impl<'t> Context<'t> {
    pub(crate) fn new(text: &'t str, found: &Found, gaz: &'t Gazetteer) -> Context<'t> {
        let mut states: Vec<&'t str> = found
            .entity_index
            .iter()
            .filter(|&&e| e != u32::MAX && gaz.entity(e).kind == ActorKind::State)
            .map(|&e| &*gaz.entity(e).id)
            .collect();
        states.sort_unstable();
        states.dedup();
        let mut named = found.named.clone();
        named.sort_unstable();
        named.dedup();
        Context { text, named, states, words: std::cell::OnceCell::new() }
    }

    fn words(&self) -> &HashSet<String> {
        self.words.get_or_init(|| {
            self.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_lowercase)
                .collect()
        })
    }
}

pub(crate) fn resolve(
    cand: &Candidate,
    pattern: &Pattern,
    gaz: &Gazetteer,
    cx: &Context<'_>,
    found: &mut Found,
) {
    let best_role = pattern.targets[0].role;
    let same_role: Vec<_> = pattern.targets.iter().filter(|t| t.role == best_role).collect();
    if same_role.len() == 1 {
        let t = same_role[0];
        found.push(cand.span, t.entity, gaz.entity(t.entity).kind, t.role.how());
        return;
    }
    // An acronym written beside a full name stands for it: "CPC - Caspian Policy Center",
    // "Caspian Pipeline Consortium (CPC)".
    let beside = found.mentions.iter().zip(&found.entity_index).find_map(|(m, &e)| {
        let gap = if m.span.end <= cand.span.start {
            cx.text.get(m.span.end..cand.span.start)?
        } else {
            cx.text.get(cand.span.end..m.span.start)?
        };
        let adjacent = gap.len() <= 4
            && gap.chars().all(|c| matches!(c, ' ' | '-' | '–' | '—' | '(' | ')' | ',' | ':'));
        (adjacent && same_role.iter().any(|t| t.entity == e)).then_some(e)
    });
    if let Some(e) = beside {
        found.push(cand.span, e, gaz.entity(e).kind, best_role.how());
        return;
    }
    let lexicon_context = |e: u32| -> usize {
        let entity = gaz.entity(e);
        let words = cx.words();
        let context_hits = entity.context.iter().filter(|w| words.contains(w.as_str())).count();
        let named = if cx.named.binary_search(&e).is_ok() { 100 } else { 0 };
        let country =
            entity.country.as_ref().is_some_and(|c| cx.states.binary_search(&c.as_str()).is_ok())
                as usize;
        named + 3 * context_hits + country
    };
    let mut scored: Vec<(usize, u32)> =
        same_role.iter().map(|t| (lexicon_context(t.entity), t.entity)).collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    let kind = gaz.entity(scored[0].1).kind;
    if scored[0].0 > scored[1].0 {
        found.push(cand.span, scored[0].1, kind, best_role.how());
    } else {
        let how = if best_role == Role::Acronym { MentionHow::Acronym } else { best_role.how() };
        found.push_unresolved(cand.span, kind, how);
    }
}
