//! Document checks: what one document contradicts by itself, found while it is analysed (the
//! text is at hand then; reconciliation over the store only sees claims).
//!
//! [`run`] runs them all.
//!
//! - [`as_of`]: the date the document speaks from: its publication date, or, when that is
//!   unknown, the latest thing it reports as done (an accession the reference data dates);
//! - [`titles`]: "former President X" while X held the office at that date;
//! - [`arithmetic`]: "four years after their 2020 launch" in the present tense, when the
//!   document speaks from a later year;
//! - [`weekdays`]: "Thursday, November 7, 2025" when November 7, 2025 was a Friday;
//! - [`ordinals`]: "the seventh nation to join ORG" against the members the reference data knows.
//!
//! Each check returns [`Finding`]s: kind, explanation, the span at fault, and the other side
//! (another span of the document, or the reference data).

pub mod arithmetic;
pub mod as_of;
pub mod ordinals;
pub mod titles;
pub mod weekdays;

use dyad_lexicon::Lexicon;
use dyad_model::{Claim, Date, Event, Finding, Mention, Sentence, TimeExpr};

/// What the checks read of a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentView<'a> {
    pub text: &'a str,
    pub date: Option<Date>,
    pub sentences: &'a [Sentence],
    pub mentions: &'a [Mention],
    pub times: &'a [TimeExpr],
    pub events: &'a [Event],
    pub claims: &'a [Claim],
}

/// What the checks find, and the claims they read off titles on the way.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// In text order.
    pub findings: Vec<Finding>,
    /// `holds_office(person, state)` with the office as value (see [`titles::office_claims`]).
    pub office_claims: Vec<Claim>,
}

/// Every check, with the date the document speaks from found once for all of them.
pub fn run(doc: &DocumentView<'_>, lex: &Lexicon) -> Checked {
    let as_of = as_of::as_of(doc, lex);
    let mut findings = Vec::new();
    findings.extend(titles::check(doc, lex, as_of.as_ref()));
    findings.extend(arithmetic::check(doc, as_of.as_ref()));
    findings.extend(weekdays::check(doc));
    findings.extend(ordinals::check(doc, lex));
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    Checked { findings, office_claims: titles::office_claims(doc, lex, as_of.as_ref()) }
}

/// The quantity stage's arithmetic diagnostics (parts that do not add up to their total, a
/// figure outside a range the document gives for the same key) as findings of kind
/// `arithmetic`, so that they are reported with the conflicts.
pub fn from_arithmetic(text: &str, diagnostics: &[dyad_model::Diagnostic]) -> Vec<Finding> {
    diagnostics
        .iter()
        .filter(|d| d.code == "arithmetic")
        .filter_map(|d| {
            let span = d.span?;
            Some(Finding {
                kind: "arithmetic",
                explanation: d.message.clone(),
                span,
                claim: text.get(span.start..span.end).unwrap_or_default().to_string(),
                other: None,
                reference: Some("the document's own figures for the same measure".into()),
            })
        })
        .collect()
}

/// The sentence holding `at`.
fn sentence_of<'a>(doc: &DocumentView<'a>, at: usize) -> Option<&'a Sentence> {
    doc.sentences.iter().find(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
}
