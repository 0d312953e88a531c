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
pub use tense::irregular_past;
pub use words::{cardinal, month_from_name, weekday_from_name};

use dyad_model::{Date, Granularity, Span, TimeBasis, TimeExpr, TimeKind};
use resolve::{Context, Resolved};

/// Every time expression in `text`, sentence by sentence (`sentences` are spans of `text`;
/// expressions never cross them), resolved against `reference` when it is known.
pub fn find_times(text: &str, sentences: &[Span], reference: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut anchor: Option<Resolved> = None;
    let mut focus_quarter: Option<(i32, u8)> = None;
    let mut lower_buf = String::new();
    let mut k = 0;
    while k < sentences.len() {
        let mut sentence = sentences[k];
        k += 1;
        // "at 10 p.m. Wednesday": the segmenter may end a sentence at the abbreviation's period,
        // but a day or a time zone after it belongs to the clock time.
        while k < sentences.len()
            && ends_with_clock(sentence.slice(text))
            && continues_clock(sentences[k].slice(text))
        {
            sentence = Span::new(sentence.start, sentences[k].end);
            k += 1;
        }
        if !might_hold_time(sentence.slice(text)) {
            continue;
        }
        let toks = lexer::lex(text, sentence, &mut lower_buf);
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
            let mut tense = tense::around(&toks, m.start, m.end);
            // A deadline after a verb looks forward whatever the verb's tense ("postponed until
            // Tuesday"); "Until Thursday, they had ..." at the head of a clause follows it.
            if matches!(m.expr, expr::Expr::Until(_))
                && toks[m.start].any(&["until", "till", "by"])
                && m.start > 0
                && toks[m.start - 1].word
            {
                tense = tense::Tense::Future;
            }
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
                        let v = resolve::resolve(&sub.0, &resolve::endpoint_context(&m.expr, &cx))?;
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

/// Whether a sentence ends with "a.m." or "p.m.".
fn ends_with_clock(s: &str) -> bool {
    let tail = s.len().checked_sub(4).and_then(|i| s.get(i..));
    tail.is_some_and(|t| t.eq_ignore_ascii_case("a.m.") || t.eq_ignore_ascii_case("p.m."))
}

/// Whether a sentence starts with a word that can follow a clock time: a weekday, a month, a
/// relative day or a time zone ("10 p.m. Wednesday", "5 p.m. EST Nov. 9").
fn continues_clock(s: &str) -> bool {
    let w = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    words::weekday_from_name(w).is_some()
        || words::month_from_name(w).is_some()
        || ["today", "tomorrow", "yesterday", "tonight"].iter().any(|d| w.eq_ignore_ascii_case(d))
        || words::is_time_zone(&w.to_ascii_lowercase())
}

/// A cheap filter: sentences with no digit and no time word are skipped without tokenising.
fn might_hold_time(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || s.split(|c: char| !c.is_alphabetic()).any(|w| {
            // Every time word is short and ASCII: fold into a stack buffer, no allocation.
            let mut buf = [0u8; 24];
            if w.is_empty() || w.len() > buf.len() || !w.is_ascii() {
                return false;
            }
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..w.len()]).is_ok_and(words::is_time_word)
        })
}

/// Normalises one phrase against a reference date: the longest expression found in it.
pub fn normalize_phrase(phrase: &str, reference: Option<Date>) -> Option<TimeExpr> {
    let times = find_times(phrase, &[Span::new(0, phrase.len())], reference);
    times.into_iter().max_by_key(|t| t.span.len())
}

/// For a document without a date: gives year-less dates ("7 November", "October") the year of
/// the latest month or day the document states in full ("November 2025"), as a reader would,
/// and marks them resolved against an anchor. Returns how many were filled. Does nothing when
/// the document states no full month or day.
pub fn fill_years(times: &mut [TimeExpr]) -> usize {
    let year = times
        .iter()
        .filter(|t| {
            t.basis == TimeBasis::Absolute
                && matches!(t.granularity, Granularity::Day | Granularity::Month)
                && t.value.as_bytes().first().is_some_and(u8::is_ascii_digit)
        })
        .filter_map(|t| t.from)
        .max()
        .map(Date::year);
    let Some(year) = year else { return 0 };
    let mut filled = 0;
    for t in times.iter_mut() {
        let Some(rest) = t.value.strip_prefix("XXXX-") else { continue };
        let mut parts = rest.split('-');
        let month = parts.next().and_then(|m| m.parse::<u8>().ok());
        let day = parts.next().and_then(|d| d.parse::<u8>().ok());
        if parts.next().is_some() {
            continue;
        }
        let (from, to) = match (month, day, t.granularity) {
            (Some(m), Some(d), Granularity::Day) => match Date::new(year, m, d) {
                Some(date) => (date, date),
                None => continue,
            },
            (Some(m), None, Granularity::Month) => match Date::new(year, m, 1) {
                Some(date) => (date, date.end_of_month()),
                None => continue,
            },
            _ => continue,
        };
        t.value = format!("{year:04}-{rest}");
        t.from = Some(from);
        t.to = Some(to);
        t.basis = TimeBasis::Anchor;
        filled += 1;
    }
    filled
}

#[cfg(test)]
mod fill_years_tests {
    use super::*;

    #[test]
    fn year_less_dates_take_the_latest_full_year_stated() {
        let text = "Trump spoke on 7 November. In January 2024 and November 2025 talks were held. October was calm.";
        let spans = vec![Span::new(0, text.len())];
        let mut times = find_times(text, &spans, None);
        assert_eq!(fill_years(&mut times), 2);
        let values: Vec<&str> = times.iter().map(|t| t.value.as_str()).collect();
        assert!(values.contains(&"2025-11-07"), "{values:?}");
        assert!(values.contains(&"2025-10"), "{values:?}");
        let mut none = find_times("Trump spoke on 7 November.", &[Span::new(0, 26)], None);
        assert_eq!(fill_years(&mut none), 0);
        assert_eq!(none[0].value, "XXXX-11-07");
    }
}
