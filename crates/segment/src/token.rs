//! Tokens: words (with inner hyphens, apostrophes and dotted abbreviations), numbers (with
//! separators and decimals) and single punctuation marks.

use dyad_model::{Sentence, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// The tokens inside `span` of `text`.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5);
    tokens_into(text, span, &mut out);
    out
}

/// The tokens of each sentence of a document, found once for every stage that reads words
/// (actor recognition, quantities and the event coder each walked every sentence again).
/// Sentence `i`'s tokens are exactly what [`tokens`] gives for its span.
#[derive(Debug, Clone, Default)]
pub struct SentenceTokens {
    tokens: Vec<Token>,
    /// Where each sentence's tokens end in `tokens`.
    ends: Vec<usize>,
}

impl SentenceTokens {
    /// Tokenises each of `sentences`, in order.
    pub fn new(text: &str, sentences: &[Sentence]) -> SentenceTokens {
        let mut out = SentenceTokens {
            tokens: Vec::with_capacity(text.len() / 5),
            ends: Vec::with_capacity(sentences.len()),
        };
        for sentence in sentences {
            tokens_into(text, sentence.span, &mut out.tokens);
            out.ends.push(out.tokens.len());
        }
        out
    }

    /// The tokens of sentence `i`.
    ///
    /// # Panics
    /// If there is no sentence `i`.
    pub fn of(&self, i: usize) -> &[Token] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.tokens[start..self.ends[i]]
    }

    /// How many sentences were tokenised.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no sentence was tokenised.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Like [`tokens`], appending to a buffer the caller reuses (no allocation per call).
///
/// Every stage that reads words tokenises each sentence it reads, so this walks bytes and
/// decodes a character only where a byte is not ASCII.
pub fn tokens_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let mut i = 0;
    while i < s.len() {
        let (c, width) = char_at(s, i);
        if c.is_whitespace() {
            i += width;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphanumeric() {
            TokenKind::Word
        } else {
            out.push(Token {
                span: Span::new(span.start + i, span.start + i + width),
                kind: TokenKind::Punct,
            });
            i += width;
            continue;
        };
        let mut end = i + width;
        let bytes = s.as_bytes();
        while end < s.len() {
            // The common case first: an ASCII letter or digit goes on with the token.
            if bytes[end].is_ascii_alphanumeric() {
                end += 1;
                continue;
            }
            let (d, d_width) = char_at(s, end);
            let joins = (!d.is_ascii() && d.is_alphanumeric())
                || (matches!(d, '-' | '\'' | '’' | '.' | ',') && end + d_width < s.len() && {
                    let (n, _) = char_at(s, end + d_width);
                    if kind == TokenKind::Number {
                        n.is_ascii_digit() && matches!(d, '.' | ',')
                    } else {
                        n.is_alphanumeric() && d != ','
                    }
                });
            if !joins {
                break;
            }
            end += d_width;
        }
        out.push(Token { span: Span::new(span.start + i, span.start + end), kind });
        i = end;
    }
}

/// The character at byte `i` of `s` (a character boundary) and its length in bytes, decoded
/// only when the byte is not ASCII: the fast step of every byte walk over text.
#[inline]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let lead = s.as_bytes()[i];
    if lead.is_ascii() {
        return (char::from(lead), 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_tokens_are_each_sentences_own() {
        let text = "Kazakhstan joined. It signed on 7 Nov., said Reuters.";
        let sentences = crate::sentences(text);
        assert_eq!(sentences.len(), 2);
        let shared = SentenceTokens::new(text, &sentences);
        assert_eq!(shared.len(), 2);
        for (i, sentence) in sentences.iter().enumerate() {
            assert_eq!(shared.of(i), tokens(text, sentence.span).as_slice());
        }
        assert!(SentenceTokens::new(text, &[]).is_empty());
    }

    /// The tokeniser written plainly over characters: the byte walk must agree with it.
    fn reference(text: &str) -> Vec<(usize, usize, TokenKind)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            k += 1;
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else if c.is_alphanumeric() {
                TokenKind::Word
            } else {
                out.push((i, i + c.len_utf8(), TokenKind::Punct));
                continue;
            };
            let mut end = i + c.len_utf8();
            while k < chars.len() {
                let (j, d) = chars[k];
                let next = chars.get(k + 1).map(|&(_, n)| n);
                let joins = d.is_alphanumeric()
                    || (matches!(d, '-' | '\'' | '’' | '.' | ',')
                        && next.is_some_and(|n| {
                            if kind == TokenKind::Number {
                                n.is_ascii_digit() && matches!(d, '.' | ',')
                            } else {
                                n.is_alphanumeric() && d != ','
                            }
                        }));
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                k += 1;
            }
            out.push((i, end, kind));
        }
        out
    }

    #[test]
    fn the_byte_walk_agrees_with_the_plain_tokeniser() {
        for text in [
            "Côte d’Ivoire’s 3,5 bn «Astana» talks—on 29.01.2026, U.S.-led.",
            "a\u{a0}b\u{2009}c\u{b}d\te\r\nf 1.2.3 x-,y '90s don't 7th.",
            "Ελλάδα και Türkiye: ٣ 日本 -5 ,5 5, end-",
            "",
            "’",
        ] {
            let fast: Vec<(usize, usize, TokenKind)> = tokens(text, Span::new(0, text.len()))
                .iter()
                .map(|t| (t.span.start, t.span.end, t.kind))
                .collect();
            assert_eq!(fast, reference(text), "{text}");
        }
    }

    #[test]
    fn words_numbers_punct() {
        let text = "Kazakh-Israeli trade: $236.2 million, 2,500 people (Kazakhstan’s).";
        let toks: Vec<&str> =
            tokens(text, Span::new(0, text.len())).iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(
            toks,
            [
                "Kazakh-Israeli",
                "trade",
                ":",
                "$",
                "236.2",
                "million",
                ",",
                "2,500",
                "people",
                "(",
                "Kazakhstan’s",
                ")",
                "."
            ]
        );
    }
}
