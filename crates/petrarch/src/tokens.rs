//! Sentence tokens: upper-case words with byte spans, Treebank-style contractions
//! (`didn't` = `DID` `N'T`), possessives folded into a flag, punctuation as tokens.

/// A token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Upper-case text.
    pub(crate) up: String,
    /// Byte span in the sentence.
    pub(crate) span: (usize, usize),
    /// Starts with an upper-case letter in the text.
    pub(crate) cap: bool,
    /// Followed by a possessive `'s` (dropped).
    pub(crate) poss: bool,
    /// Punctuation.
    pub(crate) punct: bool,
}

const LEAD: &[char] = &['(', '"', '\'', '`', '[', '{', '“', '‘'];
const TRAIL: &[char] = &[',', '.', ';', ':', '!', '?', ')', '"', '\'', '`', ']', '}', '”', '’'];

/// Splits a sentence into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        for (k, c) in text[i..].char_indices() {
            if c.is_whitespace() {
                break;
            }
            end = i + k + c.len_utf8();
        }
        chunk(text, start, end, &mut out);
        i = end;
    }
    out
}

fn punct(text: &str, a: usize, b: usize, out: &mut Vec<Tok>) {
    out.push(Tok {
        up: text[a..b].to_string(),
        span: (a, b),
        cap: false,
        poss: false,
        punct: true,
    });
}

fn chunk(text: &str, mut a: usize, mut b: usize, out: &mut Vec<Tok>) {
    // Leading punctuation.
    while a < b {
        let c = text[a..b].chars().next().expect("non-empty");
        if LEAD.contains(&c) {
            punct(text, a, a + c.len_utf8(), out);
            a += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, kept in order.
    let mut trail = Vec::new();
    while a < b {
        let s = &text[a..b];
        if s.ends_with("--") {
            trail.push((b - 2, b));
            b -= 2;
            continue;
        }
        let c = s.chars().next_back().expect("non-empty");
        if !TRAIL.contains(&c) {
            break;
        }
        if (c == '\'' || c == '’') && (s.ends_with("s'") || s.ends_with("s’")) && s.len() > 2 {
            break;
        }
        if c == '.' {
            let body = &s[..s.len() - 1];
            let abbrev = body.contains('.')
                || (body.chars().count() == 1 && body.chars().all(char::is_alphabetic));
            if abbrev {
                break;
            }
        }
        trail.push((b - c.len_utf8(), b));
        b -= c.len_utf8();
    }
    if a < b {
        word(text, a, b, out);
    }
    for (x, y) in trail.into_iter().rev() {
        punct(text, x, y, out);
    }
}

fn word(text: &str, a: usize, b: usize, out: &mut Vec<Tok>) {
    let s = &text[a..b];
    let lower = s.to_lowercase();
    // Possessives: "Gondor's", "girls'".
    let strip = if (lower.ends_with("'s") || lower.ends_with("’s")) && lower.chars().count() > 2 {
        Some(if lower.ends_with("'s") { 2 } else { "’s".len() })
    } else if (lower.ends_with("s'") || lower.ends_with("s’")) && lower.chars().count() > 2 {
        Some(if lower.ends_with('\'') { 1 } else { "’".len() })
    } else {
        None
    };
    if let Some(n) = strip {
        word(text, a, b - n, out);
        if let Some(last) = out.last_mut() {
            last.poss = true;
        }
        return;
    }
    // Contractions: "didn't" -> "did" "n't".
    for suffix in ["n't", "n’t"] {
        if lower.ends_with(suffix) && s.len() > suffix.len() {
            let cut = b - suffix.len();
            word(text, a, cut, out);
            out.push(Tok {
                up: "N'T".into(),
                span: (cut, b),
                cap: false,
                poss: false,
                punct: false,
            });
            return;
        }
    }
    // Underscores join words in some texts ("Dol_Amroth").
    if s.contains('_') {
        let mut k = a;
        for part in s.split('_') {
            if !part.is_empty() {
                word(text, k, k + part.len(), out);
            }
            k += part.len() + 1;
        }
        return;
    }
    let cap = s.chars().next().is_some_and(char::is_uppercase);
    out.push(Tok { up: s.to_uppercase(), span: (a, b), cap, poss: false, punct: false });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ups(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.up).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            ups("The K.U. team, (EU) didn't can't stop 50,000 Dol_Amroth."),
            vec![
                "THE", "K.U.", "TEAM", ",", "(", "EU", ")", "DID", "N'T", "CA", "N'T", "STOP",
                "50,000", "DOL", "AMROTH", "."
            ]
        );
        let t = tokenize("Gondor's army and the girls' ideas");
        assert_eq!(t[0].up, "GONDOR");
        assert!(t[0].poss);
        assert_eq!(t[4].up, "GIRLS");
        assert!(t[4].poss);
        assert_eq!(&"Gondor's army"[t[0].span.0..t[0].span.1], "Gondor");
    }
}
