//! Quantities: money, percentages, counts, ranges and rank claims, tied to what they measure,
//! for whom and when.
//!
//! [`find_quantities`] reads each sentence for numbers (digits, words, fractions, suffixed
//! scales) with their currency or unit, approximator and bounds, skipping numbers that belong
//! to time expressions; then attaches each to a measure, its subjects (actor ids) and a period
//! from the time expressions around it. Value, unit and scale are kept apart:
//! "$236.2 million" has value 236,200,000, unit `USD`, scale `million`. [`check`] compares the
//! quantities of one document with each other (parts against totals, points against ranges).
//!
//! ```
//! use dyad_model::Span;
//! let text = "Bilateral trade reached around $200 million.";
//! let q = dyad_quantity::find_quantities(text, &[Span::new(0, text.len())], &[], &[]);
//! assert_eq!(q[0].value, Some(200_000_000.0));
//! assert_eq!((q[0].unit.as_str(), q[0].approx), ("USD", Some("around")));
//! assert_eq!(q[0].measure.as_deref(), Some("trade volume"));
//! ```

mod attach;
mod checks;
mod grammar;
mod number;
mod units;

pub use checks::check;

use dyad_model::{ActorKind, EntityId, Mention, Quantity, Span, TimeExpr};
use dyad_segment::SentenceTokens;
use std::collections::BTreeMap;

/// Every quantity in `text`, attached to measures, subjects and periods.
pub fn find_quantities(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Quantity> {
    find_with(text, sentences, None, mentions, times, false)
}

/// [`find_quantities`] with the sentences already tokenised (`tokens.of(i)` for
/// `sentences[i]`), shared with the other stages.
pub fn find_quantities_tokenized(
    text: &str,
    sentences: &[Span],
    tokens: &SentenceTokens,
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Quantity> {
    find_with(text, sentences, Some(tokens), mentions, times, false)
}

/// Like [`find_quantities`], also emitting bare numbers with no unit (unit `number`), as
/// number-recognition suites expect.
pub fn find_numbers(text: &str, sentences: &[Span]) -> Vec<Quantity> {
    find_with(text, sentences, None, &[], &[], true)
}

fn main_pair(mentions: &[Mention]) -> Vec<EntityId> {
    let mut counts: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == ActorKind::State) {
        if let Some(e) = &m.entity {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut v: Vec<(&EntityId, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut pair: Vec<EntityId> = v.into_iter().take(2).map(|(e, _)| e.clone()).collect();
    pair.sort();
    pair
}

fn find_with(
    text: &str,
    sentences: &[Span],
    tokenized: Option<&SentenceTokens>,
    mentions: &[Mention],
    times: &[TimeExpr],
    bare: bool,
) -> Vec<Quantity> {
    let pair = main_pair(mentions);
    let opts = grammar::Options { bare_numbers: bare };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for (number, &sentence) in sentences.iter().enumerate() {
        let s = sentence.slice(text);
        if !s.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(s) {
            continue;
        }
        let toks: &[dyad_segment::Token] = match tokenized {
            Some(shared) => shared.of(number),
            None => {
                toks.clear();
                dyad_segment::tokens_into(text, sentence, &mut toks);
                &toks
            }
        };
        // Numbers inside time expressions ("in 2024", "three years") belong to them; ranges and
        // durations are blocked whole, dates too.
        let blocked: Vec<Span> =
            times.iter().filter(|t| sentence.contains(t.span)).map(|t| t.span).collect();
        let reader = number::Reader { text, toks };
        // Only the mentions and times of this sentence (both lists are in text order).
        let m_from = mentions.partition_point(|m| m.span.start < sentence.start);
        let m_to = mentions.partition_point(|m| m.span.start < sentence.end);
        let lower = s.to_lowercase();
        let cx = attach::Context {
            text,
            lower: &lower,
            sentence,
            mentions: &mentions[m_from..m_to],
            all_mentions: mentions,
            times,
            main_pair: &pair,
        };
        for f in grammar::find(&reader, &blocked, &opts) {
            let mut f = f;
            let measure = attach::measure(&cx, &f);
            if f.unit == "number" && !bare {
                if measure.is_none() {
                    continue;
                }
                f.unit = "count".into();
            }
            let subjects = attach::subjects(&cx, &f, measure.as_deref());
            let period = attach::period(&cx, &f);
            out.push(Quantity {
                span: f.span,
                value: f.value,
                low: f.low,
                high: f.high,
                unit: f.unit,
                scale: f.scale,
                approx: f.approx,
                measure,
                subjects,
                from: period.and_then(|t| t.from),
                to: period.and_then(|t| t.to),
                counted: f.counted,
            });
        }
    }
    out
}

fn has_number_word(s: &str) -> bool {
    let mut buf = [0u8; 16];
    s.split(|c: char| !c.is_ascii_alphabetic() && c != '-').any(|w| {
        if w.len() < 3 || w.len() > buf.len() {
            return false;
        }
        // Lower-case into a stack buffer: no allocation per word.
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        let w = std::str::from_utf8(&buf[..w.len()]).unwrap_or("");
        number::small_word(w).is_some()
            || matches!(
                w,
                "hundred"
                    | "thousand"
                    | "million"
                    | "billion"
                    | "trillion"
                    | "dozen"
                    | "dozens"
                    | "half"
                    | "quarter"
                    | "third"
                    | "thirds"
                    | "quarters"
                    | "first"
                    | "second"
                    | "fourth"
                    | "fifth"
                    | "sixth"
                    | "seventh"
                    | "eighth"
                    | "ninth"
                    | "tenth"
                    | "minus"
            )
            || w.contains('-')
                && w.split('-')
                    .all(|p| number::small_word(p).is_some() || matches!(p, "thirds" | "quarters"))
    })
}
