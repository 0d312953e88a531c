//! Headline lines: a Title Case line without final punctuation ("A Boost for Regional
//! Diplomacy") is a title or section heading, not prose. The recognizers do not take its
//! capitalised words for names, and the event coder does not code it (a headline restates the
//! lede).

use crate::unknown::{is_capitalized, CONNECTORS};
use dyad_model::Span;
use dyad_segment::{Token, TokenKind};

/// Whether the sentence is a Title Case line: no final full stop or closing quote, and at least
/// seven words in ten capitalised or connectors ("of", "and", "the", ...).
///
/// ```
/// let text = "Kazakhstan Joins the Abraham Accords: Risks and Opportunities";
/// let span = dyad_model::Span::new(0, text.len());
/// let toks = dyad_segment::tokens(text, span);
/// assert!(dyad_recognize::headline::is_headline(text, span, &toks));
/// let text = "Kazakhstan joined the accords on Thursday.";
/// let span = dyad_model::Span::new(0, text.len());
/// let toks = dyad_segment::tokens(text, span);
/// assert!(!dyad_recognize::headline::is_headline(text, span, &toks));
/// ```
pub fn is_headline(text: &str, sentence: Span, toks: &[Token]) -> bool {
    if sentence.slice(text).ends_with(['.', '"', '”']) {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.span.slice(text);
        words += 1;
        if is_capitalized(w) || CONNECTORS.contains(&w) {
            caps += 1;
        }
    }
    words >= 2 && caps * 10 >= words * 7
}
