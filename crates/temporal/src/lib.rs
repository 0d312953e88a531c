//! Time expressions: here is a phrase and a document date, which interval is meant?
//!
//! The stage is pure: it never reads the clock; the reference date (the document's publication
//! date) is passed in. [`find_times`] tags and normalises every expression in a text: absolute
//! dates in news forms, fuzzy parts of periods ("early 2026"), relative expressions resolved by
//! tense ("on Thursday" in a past-tense sentence is the last Thursday), ranges and open
//! intervals ("since 1992"), durations, sets, and expressions anchored to an earlier date in the
//! text ("two days later"). Values follow TimeML TIMEX3, with the explicit inclusive interval.
//!
//! ```
//! use dyad_model::{Date, Span};
//! let text = "The announcement, made Thursday evening, followed talks in September 2020.";
//! let times = dyad_temporal::find_times(text, &[Span::new(0, text.len())], Date::new(2025, 11, 7));
//! assert_eq!(times[0].value, "2025-11-06TEV");
//! assert_eq!(times[1].value, "2020-09");
//! ```

mod absolute;
mod expr;
mod grammar;
mod lexer;
mod resolve;
mod tense;
mod words;

pub use absolute::{parse_date, DateOrder};
pub use words::{cardinal, month_from_name, weekday_from_name};

use dyad_model::{Date, Granularity, Span, TimeExpr, TimeKind};
use resolve::{Context, Resolved};

/// Every time expression in `text`, sentence by sentence (`sentences` are spans of `text`;
/// expressions never cross them), resolved against `reference` when it is known.
pub fn find_times(text: &str, sentences: &[Span], reference: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut anchor: Option<Resolved> = None;
    let mut focus_quarter: Option<(i32, u8)> = None;
    for &sentence in sentences {
        if !might_hold_time(sentence.slice(text)) {
            continue;
        }
        let toks = lexer::lex(text, sentence);
        let g = grammar::Grammar::new(&toks, text);
        let mut i = 0;
        while i < toks.len() {
            if !words::may_start(&toks[i]) {
                i += 1;
                continue;
            }
            let Some(m) = g.at(i) else {
                i += 1;
                continue;
            };
            let tense = tense::around(&toks, m.start, m.end);
            let cx = Context { reference, tense, anchor, focus_quarter };
            if let Some(o) = resolve::resolve(&m.expr, &cx) {
                let span = Span::new(toks[m.start].span.start, toks[m.end - 1].span.end);
                // Only a quarter named as such becomes the focus ("third-quarter", "Q3"), not
                // one reached by arithmetic ("a year ago"), or a chain would drift.
                if matches!(m.expr, expr::Expr::Quarter { .. }) && o.kind == TimeKind::Date {
                    if let Some(from) = o.from {
                        focus_quarter = Some((from.year(), (from.month() - 1) / 3 + 1));
                    }
                }
                if let Some(r) = o.resolved().filter(|r| r.granularity != Granularity::Vague) {
                    anchor = Some(r);
                }
                let parts = m
                    .parts
                    .iter()
                    .filter_map(|&(a, b)| {
                        let sub = g.point(a).filter(|(_, end)| *end == b)?;
                        let v = resolve::resolve(&sub.0, &cx)?;
                        Some((Span::new(toks[a].span.start, toks[b - 1].span.end), v.value))
                    })
                    .collect();
                out.push(TimeExpr {
                    span,
                    value: o.value,
                    from: o.from,
                    to: o.to,
                    granularity: o.granularity,
                    kind: o.kind,
                    modifier: o.modifier,
                    basis: o.basis,
                    parts,
                });
            }
            i = m.end;
        }
    }
    out
}

/// A cheap filter: sentences with no digit and no time word are skipped without tokenising.
fn might_hold_time(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || s.split(|c: char| !c.is_alphabetic()).any(|w| {
            let w = w.to_ascii_lowercase();
            words::is_time_word(&w)
        })
}

/// Normalises one phrase against a reference date: the longest expression found in it.
pub fn normalize_phrase(phrase: &str, reference: Option<Date>) -> Option<TimeExpr> {
    let times = find_times(phrase, &[Span::new(0, phrase.len())], reference);
    times.into_iter().max_by_key(|t| t.span.len())
}
