//! Weekdays against their dates: "Thursday, November 7, 2025" when November 7, 2025 was a
//! Friday. The weekday may open the time expression, stand just before it ("on Thursday,
//! November 7") or follow it in brackets ("November 7 (Thursday)"); names and abbreviations are
//! read as the time stage reads them.

use crate::DocumentView;
use dyad_model::{Finding, Granularity, Span, Weekday};

fn name(w: Weekday) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [w.index() as usize]
}

pub fn check(doc: &DocumentView<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in doc.times {
        let (Some(from), Some(to)) = (t.from, t.to) else { continue };
        if t.granularity != Granularity::Day || from != to {
            continue;
        }
        // Only a date written out in full says which day it is: "on Thursday" alone is how the
        // date was found, not a second statement.
        let own = &doc.text[t.span.start..t.span.end];
        if !own.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some((stated, at)) = stated_weekday(doc.text, t.span) else { continue };
        if stated == from.weekday() {
            continue;
        }
        let span = Span::new(at.start.min(t.span.start), at.end.max(t.span.end));
        let quote = &doc.text[span.start..span.end];
        out.push(Finding {
            kind: "date",
            explanation: format!(
                "{quote:?} names a {} but {from} was a {}",
                name(stated),
                name(from.weekday())
            ),
            span,
            claim: format!("{from} is a {}", name(stated)),
            other: None,
            reference: Some(format!("the calendar: {from} is a {}", name(from.weekday()))),
        });
    }
    out
}

/// A weekday written in, just before, or in brackets just after the span.
fn stated_weekday(text: &str, span: Span) -> Option<(Weekday, Span)> {
    let own = &text[span.start..span.end];
    let first = own.split(|c: char| !c.is_alphabetic() && c != '.').next().unwrap_or("");
    if let Some(w) = dyad_temporal::weekday_from_name(first) {
        return Some((w, Span::new(span.start, span.start + first.len())));
    }
    let mut from = span.start.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..span.start];
    let trimmed = before.trim_end_matches([',', ' ']);
    if let Some(word) = trimmed.rsplit(|c: char| !c.is_alphabetic() && c != '.').next() {
        if let Some(w) = dyad_temporal::weekday_from_name(word) {
            let start = span.start - (before.len() - trimmed.len()) - word.len();
            return Some((w, Span::new(start, start + word.len())));
        }
    }
    let mut to = (span.end + 14).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = &text[span.end..to];
    if let Some(inner) = after.strip_prefix(" (").and_then(|a| a.split(')').next()) {
        if let Some(w) = dyad_temporal::weekday_from_name(inner) {
            let start = span.end + 2;
            return Some((w, Span::new(start, start + inner.len())));
        }
    }
    None
}
