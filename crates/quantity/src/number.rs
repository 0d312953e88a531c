//! Numbers as written in news: digits with separators and decimals ("2,500", "236.2", ".5"),
//! suffixed scales ("236.2m", "1.5bn", "40k"), words ("thirty", "one hundred and three",
//! "twenty-two", "a dozen"), fractions ("half", "two-thirds", "a quarter"), and scale words
//! after them ("million", "billion").

use dyad_segment::{Token, TokenKind};

/// A parsed number: its value with any scale applied, the scale word, and the token index just
/// past it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub(crate) value: f64,
    pub(crate) scale: Option<&'static str>,
    pub(crate) end: usize,
    /// Written as a fraction ("half", "a quarter"), which reads as a share.
    pub(crate) fraction: bool,
}

/// A cardinal word ("seven", "twenty-two") as a number.
pub(crate) fn small_word(w: &str) -> Option<f64> {
    dyad_temporal::cardinal(w).map(|n| n as f64)
}

/// Scale words and suffixes with their factors.
pub(crate) fn scale(w: &str) -> Option<(f64, &'static str)> {
    Some(match w {
        "thousand" | "k" => (1e3, "thousand"),
        "million" | "millions" | "m" | "mn" | "mln" => (1e6, "million"),
        "billion" | "billions" | "bn" | "b" | "bln" => (1e9, "billion"),
        "trillion" | "trillions" | "tn" | "trn" => (1e12, "trillion"),
        _ => return None,
    })
}

fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 0.5,
        "third" | "thirds" => 1.0 / 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 0.25,
        "fifth" | "fifths" => 0.2,
        "sixth" | "sixths" => 1.0 / 6.0,
        "seventh" | "sevenths" => 1.0 / 7.0,
        "eighth" | "eighths" => 0.125,
        "ninth" | "ninths" => 1.0 / 9.0,
        "tenth" | "tenths" => 0.1,
        "hundredth" | "hundredths" => 0.01,
        _ => return None,
    })
}

pub(crate) struct Reader<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
}

impl<'a> Reader<'a> {
    /// Token `i` lower-cased; borrowed when it already is (most words), so that the scans
    /// that read words around every number do not allocate.
    pub(crate) fn word(&self, i: usize) -> Option<std::borrow::Cow<'a, str>> {
        self.toks.get(i).map(|t| {
            let w = t.span.slice(self.text);
            if w.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(w.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
    }

    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.span.slice(self.text).eq_ignore_ascii_case(w))
    }

    pub(crate) fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// A number starting at token `i`.
    pub(crate) fn number(&self, i: usize) -> Option<Number> {
        let t = self.toks.get(i)?;
        let raw = t.span.slice(self.text);
        let mut n = if t.kind == TokenKind::Number || raw.starts_with('.') {
            self.digits(i)?
        } else {
            self.words(i)?
        };
        // A following scale word: "236.2 million", "a dozen", "two million".
        if n.scale.is_none() {
            if let Some((f, name)) = self.word(n.end).as_deref().and_then(scale) {
                if self.word(n.end).is_some_and(|w| w.len() > 2) {
                    n.value *= f;
                    n.scale = Some(name);
                    n.end += 1;
                }
            }
        }
        Some(n)
    }

    fn digits(&self, i: usize) -> Option<Number> {
        let t = self.toks[i];
        // The middle or end of "5/17/2018": not a number of its own.
        if i > 0 && self.is(i - 1, "/") && self.adjacent(i - 1) {
            return None;
        }
        let mut raw = t.span.slice(self.text).to_string();
        let mut end = i + 1;
        // ".5": the segmenter makes "." its own token.
        if raw == "." {
            let next =
                self.toks.get(i + 1).filter(|n| n.kind == TokenKind::Number && self.adjacent(i))?;
            raw = format!("0.{}", next.span.slice(self.text));
            end = i + 2;
        }
        let digits_end =
            raw.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(raw.len());
        let (num, suffix) = raw.split_at(digits_end);
        // Thousands separators must be groups of three ("2,500"); otherwise the comma is a list.
        let clean: String = num.chars().filter(|&c| c != ',').collect();
        if num.contains(',')
            && !num.split(',').skip(1).all(|g| {
                g.len() == 3
                    || g.starts_with(|c: char| c.is_ascii_digit())
                        && g.split('.').next().is_some_and(|x| x.len() == 3)
            })
        {
            return None;
        }
        let mut value: f64 = clean.parse().ok()?;
        let mut scale_name = None;
        let suffix = suffix.to_ascii_lowercase();
        if !suffix.is_empty() {
            match scale(&suffix) {
                Some((f, name)) => {
                    value *= f;
                    scale_name = Some(name);
                }
                // "7th", "2nd": ordinals are not amounts.
                None => return None,
            }
        }
        // "3/4", "2 1/4": a fraction written with a slash (not a date: no second slash).
        if scale_name.is_none() && self.is(end, "/") && self.adjacent(end - 1) && self.adjacent(end)
        {
            let den = self.toks.get(end + 1).filter(|t| t.kind == TokenKind::Number)?;
            let d: f64 = den.span.slice(self.text).parse().ok()?;
            if !self.is(end + 2, "/") && d != 0.0 && value.fract() == 0.0 && d.fract() == 0.0 {
                return Some(Number {
                    value: value / d,
                    scale: None,
                    end: end + 2,
                    fraction: true,
                });
            }
            return None;
        }
        if self.word(end).is_some_and(|w| w == "dozen" || w == "dozens") {
            return Some(Number {
                value: value * 12.0,
                scale: None,
                end: end + 1,
                fraction: false,
            });
        }
        if scale_name.is_none() && self.word(end).is_some_and(|w| w == "hundred") {
            return Some(Number {
                value: value * 100.0,
                scale: None,
                end: end + 1,
                fraction: false,
            });
        }
        Some(Number { value, scale: scale_name, end, fraction: false })
    }

    /// Number words, "and" joining hundreds ("one hundred and three"), fractions.
    fn words(&self, i: usize) -> Option<Number> {
        let w = self.word(i)?;
        // "a dozen", "a half", "a quarter", "half a".
        if w == "a" || w == "an" {
            let next = self.word(i + 1)?;
            if next == "dozen" {
                return Some(Number { value: 12.0, scale: None, end: i + 2, fraction: false });
            }
            if next == "hundred" {
                return Some(Number { value: 100.0, scale: None, end: i + 2, fraction: false });
            }
            if let Some((f, name)) = scale(&next).filter(|_| next.len() > 2) {
                return Some(Number {
                    value: f,
                    scale: (f >= 1e6).then_some(name),
                    end: i + 2,
                    fraction: false,
                });
            }
            if let Some(f) = fraction_word(&next).filter(|_| next != "fourth" && next != "tenth") {
                return Some(Number { value: f, scale: None, end: i + 2, fraction: true });
            }
            return None;
        }
        if w == "half" {
            if self.word(i + 1).as_deref() == Some("a")
                && self.word(i + 2).as_deref() == Some("dozen")
            {
                return Some(Number { value: 6.0, scale: None, end: i + 3, fraction: false });
            }
            return Some(Number { value: 0.5, scale: None, end: i + 1, fraction: true });
        }
        if let Some((a, b)) = w.split_once('-') {
            if let (Some(n), Some(f)) = (small_word(a), fraction_word(b)) {
                return Some(Number { value: n * f, scale: None, end: i + 1, fraction: true });
            }
        }
        let mut total = 0.0;
        let mut current = small_word(&w)?;
        let mut big_scale: Option<&'static str> = None;
        let mut j = i + 1;
        while let Some(next) = self.word(j) {
            if let Some(v) = small_word(&next) {
                let tens_then_ones =
                    current % 10.0 == 0.0 && current >= 20.0 && v < 10.0 && current % 100.0 != 0.0;
                let after_hundred = current >= 100.0 && current % 100.0 == 0.0 && v < 100.0;
                let after_scale = current == 0.0 && total > 0.0;
                if tens_then_ones || after_hundred || after_scale {
                    current += v;
                    j += 1;
                    continue;
                }
                break;
            }
            if next == "hundred" {
                current = if current == 0.0 { 100.0 } else { current * 100.0 };
                j += 1;
                continue;
            }
            if next == "dozen" || next == "dozens" {
                current *= 12.0;
                j += 1;
                continue;
            }
            if let Some((f, name)) = scale(&next).filter(|_| next.len() > 2 && next != "thousands")
            {
                total += current.max(1.0) * f;
                current = 0.0;
                if f >= 1e6 {
                    big_scale = Some(name);
                }
                j += 1;
                continue;
            }
            if next == "and" && self.word(j + 1).as_deref().and_then(small_word).is_some() {
                j += 1;
                continue;
            }
            // "two thirds", "three quarters", "two-thirds".
            if let Some(f) =
                fraction_word(&next).filter(|_| (1.0..10.0).contains(&current) && total == 0.0)
            {
                return Some(Number {
                    value: current * f,
                    scale: None,
                    end: j + 1,
                    fraction: true,
                });
            }
            break;
        }
        // "two and a half", "five and a quarter".
        if self.word(j).as_deref() == Some("and")
            && matches!(self.word(j + 1).as_deref(), Some("a" | "an"))
        {
            if let Some(f) = self.word(j + 2).as_deref().and_then(fraction_word) {
                current += f;
                j += 3;
            }
        }
        if let Some(name) = big_scale {
            return Some(Number {
                value: total + current,
                scale: Some(name),
                end: j,
                fraction: false,
            });
        }
        Some(Number { value: total + current, scale: None, end: j, fraction: false })
    }
}
