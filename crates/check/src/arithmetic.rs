//! Date arithmetic against the document's date: "Four years after their 2020 launch, the
//! Abraham Accords have stalled" says the present is 2024; in a text that speaks from 2025 that
//! is an anachronism (a sentence kept from an older draft, or a slip). Only durations in years
//! counted from a year, in a present-tense clause, are checked.

use crate::as_of::AsOf;
use crate::DocumentView;
use dyad_model::{Finding, Granularity, Span};

/// How far the year may follow the duration ("four years after their 2020 launch").
const WINDOW: usize = 40;

pub fn check(doc: &DocumentView<'_>, as_of: Option<&AsOf>) -> Vec<Finding> {
    let Some(as_of) = as_of else { return Vec::new() };
    let mut out = Vec::new();
    for (i, duration) in doc.times.iter().enumerate() {
        let Some(years) = whole_years(&duration.value) else { continue };
        let after_duration = &doc.text[duration.span.end..];
        let Some(rest) = ["after", "since"].iter().find_map(|w| {
            after_duration.strip_prefix(' ').and_then(|r| r.strip_prefix(w)).map(|r| (w, r))
        }) else {
            continue;
        };
        let _ = rest;
        let Some(year) = doc.times[i + 1..].iter().take(2).find(|t| {
            t.granularity == Granularity::Year
                && t.span.start >= duration.span.end
                && t.span.start - duration.span.end <= WINDOW
                && !doc.text[duration.span.end..t.span.start].contains(['.', ';'])
        }) else {
            continue;
        };
        let Some(base) = year.from.map(|d| d.year()) else { continue };
        let now = base + years;
        let sentence = crate::sentence_of(doc, duration.span.start);
        let clause_end = sentence.map_or(doc.text.len(), |s| s.span.end);
        let clause = &doc.text[year.span.end..clause_end];
        if !present_tense(clause) || as_of.date.year() <= now {
            continue;
        }
        let span = Span::new(duration.span.start, year.span.end);
        let quote = &doc.text[span.start..span.end];
        out.push(Finding {
            kind: "anachronism",
            explanation: format!(
                "{quote:?} puts the present in {now}, but the document speaks from {} or later ({})",
                as_of.date.year(),
                as_of.basis
            ),
            span,
            claim: format!("now = {base} + {years} = {now}"),
            other: None,
            reference: Some(as_of.basis.clone()),
        });
    }
    out
}

/// `P4Y` -> 4.
fn whole_years(value: &str) -> Option<i32> {
    value.strip_prefix('P')?.strip_suffix('Y')?.parse().ok()
}

/// Whether the clause's first verb is in the present or present perfect ("have stalled", "is").
fn present_tense(clause: &str) -> bool {
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    for w in words {
        match w.to_ascii_lowercase().as_str() {
            "is" | "are" | "has" | "have" | "remains" | "remain" | "stands" | "stand" => {
                return true
            }
            "was" | "were" | "had" | "did" | "would" | "will" => return false,
            _ => {}
        }
    }
    false
}
