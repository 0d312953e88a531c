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
    /// Per verb, its patterns as the words that must follow the trigger (the lemma's words and
    /// articles left out), with the code; compiled once here, not per occurrence.
    patterns: Vec<Vec<Pattern>>,
}

/// A verb pattern after its lemma: literal words, each with whether a slot ("*" or "$") stands
/// before it, where a few words of the text may stand ("call on * to release" matches "called
/// on Israel to release").
#[derive(Debug)]
struct Pattern {
    words: Vec<(bool, String)>,
    code: String,
}

/// How many words a slot inside a pattern may stand for ("the Lebanese government").
const SLOT_WORDS: usize = 4;

/// How many words after a trigger a pattern may read.
const PATTERN_WINDOW: usize = 16;

impl Pattern {
    /// Compiles `phrase`; `None` when it does not start with the lemma (a source slot before
    /// the verb, "$ and * agree", is not read after the trigger).
    fn compile(phrase: &str, lemma: &str, code: &str) -> Option<Pattern> {
        let lemma: Vec<&str> = lemma.split_whitespace().filter(|w| !is_article(w)).collect();
        let mut tokens = phrase.split_whitespace().filter(|w| !is_article(w));
        for l in &lemma {
            if tokens.next()? != *l {
                return None;
            }
        }
        let mut words = Vec::new();
        let mut slot = false;
        for t in tokens {
            if matches!(t, "*" | "$") {
                slot = true;
            } else {
                words.push((slot, t.to_lowercase()));
                slot = false;
            }
        }
        (!words.is_empty()).then(|| Pattern { words, code: code.to_string() })
    }

    /// Whether the pattern's words follow in `after` (the text's words after the trigger,
    /// articles left out).
    fn matches(&self, after: &[&str]) -> bool {
        fn at(words: &[(bool, String)], after: &[&str], from: usize) -> bool {
            let Some(((slot, word), rest)) = words.split_first() else { return true };
            let most = if *slot { SLOT_WORDS } else { 0 };
            for skip in 0..=most {
                let k = from + skip;
                let Some(w) = after.get(k) else { return false };
                // A slot does not reach across punctuation.
                if skip > 0 && matches!(after[k - 1], "," | "." | ";" | ":" | "(" | ")") {
                    return false;
                }
                if *w == word && at(rest, after, k + 1) {
                    return true;
                }
            }
            false
        }
        at(&self.words, after, 0)
    }
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
        // A pattern starts with the lemma, of one word or more ("call for the release of *").
        let patterns = events
            .verbs
            .iter()
            .map(|v| {
                v.patterns
                    .iter()
                    .filter_map(|p| Pattern::compile(&p.phrase, &v.lemma, &p.code))
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
/// skipped, a slot standing for a few words), else the verb's own code; `None` for a verb that
/// needs a pattern and has none here.
pub(crate) fn code_for(
    triggers: &Triggers,
    verb: &Verb,
    lower: &[&str],
    hit: &Hit,
) -> Option<String> {
    let patterns = &triggers.patterns[hit.verb];
    if !patterns.is_empty() {
        let mut after: [&str; PATTERN_WINDOW] = [""; PATTERN_WINDOW];
        let mut n = 0;
        for w in lower[hit.end..].iter().copied().filter(|w| !is_article(w)) {
            if n == PATTERN_WINDOW {
                break;
            }
            after[n] = w;
            n += 1;
        }
        if let Some(p) = patterns.iter().find(|p| p.matches(&after[..n])) {
            return Some(p.code.clone());
        }
    }
    (!verb.requires_pattern).then(|| verb.code.clone())
}
