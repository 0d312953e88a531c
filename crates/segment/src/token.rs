//! Tokens: words (with inner hyphens, apostrophes and dotted abbreviations), numbers (with
//! separators and decimals) and single punctuation marks.

use dyad_model::Span;

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

/// Like [`tokens`], appending to a buffer the caller reuses (no allocation per call).
pub fn tokens_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphanumeric() {
            TokenKind::Word
        } else {
            out.push(Token {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let joins = d.is_alphanumeric()
                || (matches!(d, '-' | '\'' | '’' | '.' | ',')
                    && s[j + d.len_utf8()..].chars().next().is_some_and(|n| {
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
            chars.next();
        }
        out.push(Token { span: Span::new(span.start + i, span.start + end), kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
