//! Segmentation: paragraphs (lines of the normalised text), sentences and tokens, each with byte
//! spans into the document text.
//!
//! Sentences never cross a line break: ingestion keeps one paragraph or headline per line, so a
//! headline without final punctuation is a sentence of its own. Inside a line, a sentence ends at
//! `.`, `!`, `?` or `…` (with any closing quotes and brackets) followed by a space and a capital,
//! digit or opening quote, unless the word before the stop is an abbreviation ("U.S.", "Dr.",
//! "Jan."), an initial ("H. W."), or the stop is inside a number ("$236.2").
//!
//! ```
//! let text = "Dr. Aliyev met U.S. envoys on Jan. 5. Talks lasted 2.5 hours.";
//! let s = dyad_segment::sentences(text);
//! assert_eq!(s.len(), 2);
//! assert_eq!(s[1].span.slice(text), "Talks lasted 2.5 hours.");
//! ```

mod sentence;
mod token;

pub use sentence::{paragraphs, sentences};
pub use token::{char_at, tokens, tokens_into, SentenceTokens, Token, TokenKind};
