//! Tokens for the time grammar: words (lower-cased copy kept), numbers (with their value),
//! and punctuation, each with its byte span.

use dyad_model::Span;
use dyad_segment::char_at;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok<'s> {
    pub(crate) span: Span,
    /// Lower-case text (in the sentence's lower-case buffer, see `lex`).
    pub(crate) lower: &'s str,
    /// Value of a number token ("2025", "3.5", "1,200").
    pub(crate) num: Option<f64>,
    /// Digits only, without separators or decimals, and how many (for years and days).
    pub(crate) digits: u8,
    pub(crate) word: bool,
}

impl Tok<'_> {
    pub(crate) fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    pub(crate) fn any(&self, ws: &[&str]) -> bool {
        ws.contains(&self.lower)
    }
    pub(crate) fn int(&self) -> Option<i64> {
        self.num.filter(|n| n.fract() == 0.0 && self.digits > 0).map(|n| n as i64)
    }
}

/// Splits `text[span]` into tokens. Hyphens split words ("mid-2024" -> mid, -, 2024), except
/// inside number words written with them ("twenty-four" stays one token). The tokens' lower-case
/// texts are written one after another into `lower` (cleared first), so a sentence costs two
/// allocations, not one per token.
pub(crate) fn lex<'s>(text: &str, span: Span, lower: &'s mut String) -> Vec<Tok<'s>> {
    let s = span.slice(text);
    let b = s.as_bytes();
    lower.clear();
    // Tokens with the byte range of their lower-case text in `lower`.
    let mut out: Vec<(Tok<'static>, usize, usize)> = Vec::with_capacity(s.len() / 5);
    let mut push = |lower: &mut String, tok: Tok<'static>, folded: &dyn Fn(&mut String)| {
        let at = lower.len();
        folded(lower);
        out.push((tok, at, lower.len()));
    };
    let mut i = 0;
    while i < b.len() {
        let (c, w) = char_at(s, i);
        if c.is_whitespace() {
            i += w;
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            let mut j = i;
            let mut digits = 0u8;
            let mut plain = true;
            while j < b.len() {
                let d = b[j];
                if d.is_ascii_digit() {
                    digits = digits.saturating_add(1);
                    j += 1;
                } else if (d == b',' || d == b'.')
                    && b.get(j + 1).is_some_and(u8::is_ascii_digit)
                    && j > start
                {
                    // "1,200" and "3.5", but a date "29.01.2026" is several numbers.
                    if d == b'.'
                        && s[j + 1..].chars().take_while(char::is_ascii_digit).count() == 2
                        && s.get(j + 3..).is_some_and(|r| r.starts_with('.'))
                    {
                        break;
                    }
                    plain = false;
                    j += 1;
                } else {
                    break;
                }
            }
            let raw = &s[start..j];
            let num = if raw.contains(',') {
                raw.replace(',', "").parse::<f64>().ok()
            } else {
                raw.parse::<f64>().ok()
            };
            // Ordinal suffixes: "7th", "1st".
            let mut end = j;
            for suffix in ["st", "nd", "rd", "th"] {
                let follows = s.get(j..j + 2).is_some_and(|x| x.eq_ignore_ascii_case(suffix));
                if follows && !s[j + 2..].starts_with(|c: char| c.is_alphanumeric()) {
                    end = j + 2;
                }
            }
            let raw = &s[start..end];
            push(
                lower,
                Tok {
                    span: Span::new(span.start + start, span.start + end),
                    lower: "",
                    num,
                    digits: if plain { digits } else { 0 },
                    word: false,
                },
                &|l| l.extend(raw.chars().map(|c| c.to_ascii_lowercase())),
            );
            i = end;
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            let mut j = i;
            while j < b.len() {
                let (d, _) = char_at(s, j);
                if d.is_alphabetic()
                    || d == '\''
                    || d == '’'
                    || (d == '.' && j - start <= 4 && is_abbrev_dot(s, start, j))
                {
                    j += d.len_utf8();
                } else if d == '-' && is_number_word_hyphen(s, start, j) {
                    j += 1;
                } else {
                    break;
                }
            }
            // A possessive is its own token: "Thursday's" -> Thursday, 's.
            let word = &s[start..j];
            let stem = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .filter(|w| !w.is_empty())
                .unwrap_or(word);
            let stem_end = start + stem.len();
            push(
                lower,
                Tok {
                    span: Span::new(span.start + start, span.start + stem_end),
                    lower: "",
                    num: None,
                    digits: 0,
                    word: true,
                },
                &|l| fold_word(l, stem),
            );
            if stem_end < j {
                push(
                    lower,
                    Tok {
                        span: Span::new(span.start + stem_end, span.start + j),
                        lower: "",
                        num: None,
                        digits: 0,
                        word: true,
                    },
                    &|l| l.push_str("'s"),
                );
            }
            i = j;
            continue;
        }
        push(
            lower,
            Tok {
                span: Span::new(span.start + i, span.start + i + w),
                lower: "",
                num: None,
                digits: 0,
                word: false,
            },
            &|l| l.push(c),
        );
        i += w;
    }
    let lower: &'s str = lower;
    out.into_iter().map(|(tok, from, to)| Tok { lower: &lower[from..to], ..tok }).collect()
}

/// Appends a word in lower case, typographic apostrophes made straight.
fn fold_word(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        out.push(if c == '’' { '\'' } else { c });
    }
}

/// A period that belongs to an abbreviation: "Nov.", "Sept.", "a.m.", "p.m.".
fn is_abbrev_dot(s: &str, start: usize, dot: usize) -> bool {
    const ABBREVIATIONS: [&str; 26] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a", "p", "a.m", "p.m",
    ];
    let word = &s[start..dot];
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_number_word_hyphen(s: &str, start: usize, hyphen: usize) -> bool {
    const TENS: [&str; 8] =
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let word = &s[start..hyphen];
    TENS.iter().any(|t| t.eq_ignore_ascii_case(word))
        && s[hyphen + 1..].starts_with(|c: char| c.is_alphabetic())
}
