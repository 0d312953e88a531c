//! Ordinals and counts against the reference members: "Kazakhstan becomes the seventh nation to
//! formally join the Abraham Accords after the UAE, Bahrain, Morocco, Sudan, Oman, and Saudi
//! Arabia". With a list of predecessors, the list is checked: members the reference data does not
//! know make the count wrong, and a count that differs from the list's length contradicts the
//! text itself. Without a list, the ordinal must fall between the count of states that joined
//! after the founders and the count of all earlier members, plus one.

use crate::DocumentView;
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, Finding, Mention, Span};

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
const NOUNS: &[&str] = &["nation", "country", "state", "member", "signatory", "government"];
const VERBS: &[&str] = &["join", "sign", "accede", "enter", "become"];
const ADVERBS: &[&str] = &["formally", "officially", "fully", "publicly"];
/// Words after the organisation that narrow the count to a period or a group.
const QUALIFIERS: &[&str] =
    &["in", "since", "from", "among", "during", "under", "this", "outside", "within", "of", "for"];

fn ordinal(word: &str) -> Option<usize> {
    let w = word.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return Some(i + 1);
    }
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    (!digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th"))
        .then(|| digits.parse().ok())
        .flatten()
}

pub fn check(doc: &DocumentView<'_>, lex: &Lexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    for sentence in doc.sentences {
        let text = &doc.text[sentence.span.start..sentence.span.end];
        // Most sentences hold no "... to join/sign/accede ..." at all: skip them cheaply.
        if !text.contains(" to ") || !VERBS.iter().any(|v| text.contains(v)) {
            continue;
        }
        let words = words(text);
        for (i, &(at, word)) in words.iter().enumerate() {
            let Some(n) = ordinal(word) else { continue };
            // ORDINAL NOUN to [ADVERB] VERB ... ORG
            let Some(&(_, noun)) = words.get(i + 1) else { continue };
            if !NOUNS.iter().any(|x| noun.eq_ignore_ascii_case(x)) {
                continue;
            }
            let mut j = i + 2;
            if words.get(j).is_none_or(|(_, w)| *w != "to") {
                continue;
            }
            j += 1;
            if words.get(j).is_some_and(|(_, w)| ADVERBS.contains(&w.to_ascii_lowercase().as_str()))
            {
                j += 1;
            }
            let Some(&(verb_at, verb)) = words.get(j) else { continue };
            if !VERBS.iter().any(|v| verb.to_ascii_lowercase().starts_with(v)) {
                continue;
            }
            let start = sentence.span.start + at;
            let verb_end = sentence.span.start + verb_at + verb.len();
            let in_sentence = |m: &&Mention| {
                m.span.start >= sentence.span.start && m.span.end <= sentence.span.end
            };
            let Some(org_mention) = doc.mentions.iter().filter(in_sentence).find(|m| {
                m.span.start >= verb_end
                    && m.span.start - verb_end <= 30
                    && m.entity.as_deref().and_then(|e| lex.org(e)).is_some()
            }) else {
                continue;
            };
            let Some(subject) =
                doc.mentions.iter().filter(in_sentence).rfind(|m| {
                    m.span.end <= start && m.kind == ActorKind::State && m.entity.is_some()
                })
            else {
                continue;
            };
            // "the first country to join X in Trump's second term / since the war / from the
            // region" counts within a subset that the reference data cannot check.
            let after_org = doc.text[org_mention.span.end..sentence.span.end].trim_start();
            let next_word = after_org.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            if QUALIFIERS.contains(&next_word.to_ascii_lowercase().as_str()) {
                continue;
            }
            let org = lex.org(org_mention.entity.as_deref().expect("filtered")).expect("filtered");
            let subject_id = subject.entity.as_deref().expect("filtered");
            let Some(joined) = org.members.iter().find(|m| m.id == subject_id).and_then(|m| m.from)
            else {
                continue;
            };
            let earlier: Vec<&str> = org
                .members
                .iter()
                .filter(|m| m.id != subject_id && m.from.is_some_and(|f| f < joined))
                .map(|m| m.id.as_str())
                .collect();
            let founded = org.members.iter().filter_map(|m| m.from).min();
            let founders =
                org.members.iter().filter(|m| m.from.is_some() && m.from == founded).count();
            let span = Span::new(start, org_mention.span.end);
            let quote = &doc.text[span.start..span.end];
            let listed = list_after(doc, sentence.span.end, org_mention.span.end);
            let reference = format!(
                "by the reference data, {} member(s) preceded {subject_id} in {} ({})",
                earlier.len(),
                org.id,
                earlier.join(", ")
            );
            if !listed.is_empty() {
                let unknown: Vec<&str> =
                    listed.iter().copied().filter(|id| !earlier.contains(id)).collect();
                if !unknown.is_empty() && n == listed.len() + 1 {
                    out.push(Finding {
                        kind: "count",
                        explanation: format!(
                            "{quote:?} counts {} among earlier members, which the reference data does not list; without them {subject_id} would be number {}",
                            unknown.join(" and "),
                            n - unknown.len()
                        ),
                        span,
                        claim: format!("{subject_id} is member number {n} of {}", org.id),
                        other: None,
                        reference: Some(reference),
                    });
                } else if n != listed.len() + 1 {
                    out.push(Finding {
                        kind: "count",
                        explanation: format!(
                            "{quote:?} makes {subject_id} number {n} but names {} before it",
                            listed.len()
                        ),
                        span,
                        claim: format!("{subject_id} is member number {n} of {}", org.id),
                        other: None,
                        reference: Some(format!("the same sentence lists {}", listed.join(", "))),
                    });
                }
            } else {
                let low = earlier.len().saturating_sub(founders) + 1;
                let high = earlier.len() + 1;
                if n < low || n > high {
                    out.push(Finding {
                        kind: "count",
                        explanation: format!(
                            "{quote:?} makes {subject_id} number {n}, but {reference}, so it is number {low} to {high} depending on whether founders count"
                        ),
                        span,
                        claim: format!("{subject_id} is member number {n} of {}", org.id),
                        other: None,
                        reference: Some(reference),
                    });
                }
            }
        }
    }
    out
}

/// The states listed after "after" / "following" / "alongside" that follow `from`.
fn list_after<'a>(doc: &DocumentView<'a>, sentence_end: usize, from: usize) -> Vec<&'a str> {
    let rest = &doc.text[from..sentence_end];
    let Some(opener) = ["after ", "following ", "alongside ", "joining "]
        .iter()
        .filter_map(|w| rest.find(w).map(|i| i + w.len()))
        .filter(|&i| i <= 12)
        .min()
    else {
        return Vec::new();
    };
    let mut last_end = from + opener;
    let mut out = Vec::new();
    let begin = last_end;
    for m in doc.mentions.iter().filter(|m| m.span.start >= begin && m.span.end <= sentence_end) {
        let gap = &doc.text[last_end..m.span.start];
        let ok = gap
            .split(|c: char| c == ',' || c.is_whitespace())
            .all(|w| matches!(w, "" | "and" | "the"));
        if !ok || m.kind != ActorKind::State {
            break;
        }
        let Some(id) = m.entity.as_deref() else { break };
        out.push(id);
        last_end = m.span.end;
    }
    out
}

/// The word tokens of a sentence with their offsets inside it (the segmenter's tokens).
fn words(text: &str) -> Vec<(usize, &str)> {
    dyad_segment::tokens(text, Span::new(0, text.len()))
        .into_iter()
        .map(|t| (t.span.start, t.span.slice(text)))
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .collect()
}
