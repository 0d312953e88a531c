//! Triggers: the verbs, nouns and phrases of the verb lexicon found in a sentence, longest
//! first ("establish diplomatic relations" before "establish").

use dyad_lexicon::{EventLexicon, Verb};
use std::collections::HashMap;

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
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Triggers {
    pub(crate) fn build(events: &EventLexicon) -> Triggers {
        let mut by_first: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
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
        Triggers { by_first }
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
pub(crate) fn code_for(verb: &Verb, lower: &[&str], hit: &Hit) -> Option<String> {
    let following: Vec<&str> = lower[hit.end..]
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "a" | "an" | "the" | "its" | "their"))
        .collect();
    for p in &verb.patterns {
        let words: Vec<&str> =
            p.phrase.split_whitespace().filter(|w| *w != "*" && *w != "$").collect();
        // The pattern's words after the verb itself must appear right after the trigger.
        let rest: Vec<&str> = words.iter().skip(1).copied().collect();
        if !rest.is_empty()
            && rest.iter().enumerate().all(|(k, w)| following.get(k).is_some_and(|x| x == w))
        {
            return Some(p.code.clone());
        }
    }
    (!verb.requires_pattern).then(|| verb.code.clone())
}
