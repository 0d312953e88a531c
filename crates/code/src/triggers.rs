//! Triggers: the verbs, nouns and phrases of the verb lexicon found in a sentence, longest
//! first ("establish diplomatic relations" before "establish").

use dyad_lexicon::{EventLexicon, Verb};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) verb: usize,
    /// Token range of the trigger.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Triggers {
    /// First word -> (all words, verb index), longest phrases first.
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    /// Per verb, its patterns as the words that must follow the trigger (the lemma's words,
    /// slots and articles left out), with the code; split once here, not per occurrence.
    patterns: Vec<Vec<(Vec<String>, String)>>,
}

/// Articles and possessives, skipped in patterns as in the text.
fn is_article(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "its" | "their")
}

impl Triggers {
    pub(crate) fn build(events: &EventLexicon) -> Triggers {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for (i, v) in events.verbs.iter().enumerate() {
            for form in &v.forms {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, i));
                }
            }
        }
        // Sorting each list does not depend on the map's order.
        #[allow(clippy::iter_over_hash_type)]
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        let patterns = events
            .verbs
            .iter()
            .map(|v| {
                // A pattern starts with the lemma, of one word or more ("call for the release
                // of *").
                let lemma_words = v.lemma.split_whitespace().filter(|w| !is_article(w)).count();
                v.patterns
                    .iter()
                    .map(|p| {
                        let words = p
                            .phrase
                            .split_whitespace()
                            .filter(|w| !matches!(*w, "*" | "$") && !is_article(w))
                            .skip(lemma_words.max(1))
                            .map(str::to_string)
                            .collect();
                        (words, p.code.clone())
                    })
                    .collect()
            })
            .collect();
        Triggers { by_first, patterns }
    }

    pub(crate) fn find(&self, lower: &[&str]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < lower.len() {
            let Some(list) = self.by_first.get(lower[i]) else {
                i += 1;
                continue;
            };
            match list.iter().find(|(words, _)| {
                lower.get(i..i + words.len()).is_some_and(|w| w == words.as_slice())
            }) {
                Some((words, verb)) => {
                    out.push(Hit { verb: *verb, start: i, end: i + words.len() });
                    i += words.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The code for this occurrence: a pattern of the verb whose words follow the trigger (articles
/// skipped), else the verb's own code; `None` for a verb that needs a pattern and has none here.
pub(crate) fn code_for(
    triggers: &Triggers,
    verb: &Verb,
    lower: &[&str],
    hit: &Hit,
) -> Option<String> {
    let mut following = lower[hit.end..].iter().copied().filter(|w| !is_article(w));
    // Most verbs have no patterns, and most that do need only the next word or two: the words
    // after the trigger are read lazily, at most as many as the longest pattern needs.
    let mut seen: [&str; 8] = [""; 8];
    let mut known = 0usize;
    for (words, code) in &triggers.patterns[hit.verb] {
        // The pattern's words after the verb itself must appear right after the trigger.
        if words.is_empty() || words.len() > seen.len() {
            continue;
        }
        while known < words.len() {
            match following.next() {
                Some(x) => {
                    seen[known] = x;
                    known += 1;
                }
                None => break,
            }
        }
        if known >= words.len() && words.iter().zip(&seen).all(|(w, x)| w == x) {
            return Some(code.clone());
        }
    }
    (!verb.requires_pattern).then(|| verb.code.clone())
}
