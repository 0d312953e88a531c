//! Titles and headings are not coded: a headline restates the lede, and a section heading
//! ("Condemning the Attack") names a topic rather than asserting an event.
//!
//! What it codes: nothing; it drops the triggers of a title line.
//!
//! A title line is a line of its own in Title Case without final punctuation (the recognizer's
//! `headline::is_headline`). A line that repeats a title in another case ("kazakhstan joins the
//! accords", as site furniture prints it) is one too, and so is a title printed again at the
//! start of a line before a photo caption ("Chile Joins the Alliance: Risks and Gains  Chilean
//! Minister X signs ..."): the caption after it is coded, the title is not.
//!
//! Example: "Chile Joins the Pacific Alliance" on a line of its own -> nothing.
//!
//! Not coded when: always applies; a line with final punctuation ("Chile Joins the Alliance.")
//! or in sentence case ("Chile joins the alliance", unless it repeats a title) is prose.

use dyad_model::{Sentence, Span};
use dyad_segment::Token;

/// At most this many title lines are kept, so that looking a sentence up stays cheap.
const MAX_TITLES: usize = 16;

/// A title printed again before a caption is recognised only when it is this long (bytes): a
/// short heading ("Joint Statement") may begin a sentence of prose.
const MIN_PREFIX_TITLE: usize = 20;

/// The title lines of a document, as spans into its text.
#[derive(Debug, Default)]
pub(crate) struct Titles {
    spans: Vec<Span>,
}

impl Titles {
    pub(crate) fn collect(text: &str, sentences: &[Sentence], toks: &mut Vec<Token>) -> Titles {
        let mut spans = Vec::new();
        for s in sentences {
            if spans.len() == MAX_TITLES {
                break;
            }
            if !whole_line(text, s.span) || s.span.slice(text).ends_with(['.', '!', '"', '”']) {
                continue;
            }
            toks.clear();
            dyad_segment::tokens_into(text, s.span, toks);
            if dyad_recognize::headline::is_headline(text, s.span, toks) {
                spans.push(s.span);
            }
        }
        Titles { spans }
    }

    /// How many bytes at the start of the sentence are a title: all of it, a title printed
    /// before a caption, or none.
    pub(crate) fn prefix(&self, text: &str, sentence: Span) -> usize {
        let own = sentence.slice(text);
        for t in &self.spans {
            let title = t.slice(text);
            if own.len() == title.len() && own.eq_ignore_ascii_case(title) {
                return own.len();
            }
            if title.len() >= MIN_PREFIX_TITLE
                && own.len() > title.len()
                && own.starts_with(title)
                && own[title.len()..].starts_with(char::is_whitespace)
            {
                return title.len();
            }
        }
        0
    }
}

fn whole_line(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with('\n'))
}
