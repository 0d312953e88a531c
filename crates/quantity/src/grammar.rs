//! Finding quantities in a sentence: approximator, currency, number (or range of numbers), and
//! unit, in the orders news writes them: "around $200 million", "10–25%", "between 10 and 25
//! percent", "2,500-3,500 people", "over a quarter of", "29 deals", "the seventh nation".

use crate::number::{Number, Reader};
use crate::units::{Bound, APPROX, CURRENCY_COUNTRY, PREFIXES, SUFFIXES};
use dyad_model::Span;
use dyad_segment::TokenKind;

/// A quantity before attachment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) value: Option<f64>,
    pub(crate) low: Option<f64>,
    pub(crate) high: Option<f64>,
    pub(crate) unit: String,
    pub(crate) scale: Option<&'static str>,
    pub(crate) approx: Option<&'static str>,
    pub(crate) counted: Option<String>,
}

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

const RANK_NOUNS: &[&str] = &[
    "nation",
    "country",
    "state",
    "member",
    "signatory",
    "party",
    "republic",
    "kingdom",
    "government",
    "leader",
    "president",
    "partner",
];

/// Words after a number that are not counted things.
const NOT_COUNTED: &[&str] = &[
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "the",
    "a",
    "an",
    "with",
    "as",
    "than",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "per",
    "percent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "decades",
    "decade",
    "centuries",
    "times",
    "out",
    "into",
    "more",
    "less",
    "each",
    "a.m",
    "p.m",
    "said",
    "says",
];

pub(crate) struct Options {
    /// Emit numbers with no unit or counted noun (for number-recognition suites).
    pub(crate) bare_numbers: bool,
}

pub(crate) fn find(r: &Reader<'_>, blocked: &[Span], opts: &Options) -> Vec<Found> {
    let out = find_each(r, blocked, opts);
    merge_bounds(r, out)
}

/// "greater than 100 and smaller than 300", "at most 100 and at least 20": two bounds of the
/// same unit joined by "and"/"but" make one range.
fn merge_bounds(r: &Reader<'_>, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(prev) = out.last_mut() {
            let between = &r.text[prev.span.end..f.span.start.max(prev.span.end)];
            let joined = matches!(between.trim().trim_matches(','), "and" | "but" | "," | "")
                && between.len() <= 6;
            let one_sided = |q: &Found| q.value.is_some() && (q.low.is_some() ^ q.high.is_some());
            if joined
                && prev.unit == f.unit
                && one_sided(prev)
                && one_sided(&f)
                && (prev.low.is_some() != f.low.is_some())
            {
                let low = prev.low.or(f.low);
                let high = prev.high.or(f.high);
                prev.span = Span::new(prev.span.start, f.span.end);
                prev.low = low;
                prev.high = high;
                prev.value = None;
                continue;
            }
        }
        out.push(f);
    }
    out
}

fn find_each(r: &Reader<'_>, blocked: &[Span], opts: &Options) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.toks.len() {
        if blocked.iter().any(|b| b.overlaps(r.toks[i].span)) {
            i += 1;
            continue;
        }
        // The token in lower case, once: most tokens are tested against the starters only.
        let mut buf = [0u8; MAX_STARTER];
        let first = lowered(r.toks[i].span.slice(r.text), &mut buf);
        if !may_start(r, i, first.as_deref()) {
            i += 1;
            continue;
        }
        match at(r, i, opts, first.as_deref().unwrap_or("")) {
            Some((f, end)) if !blocked.iter().any(|b| b.contains(f.span)) => {
                out.push(f);
                i = end.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

fn prefix(r: &Reader<'_>, i: usize) -> Option<(&'static str, usize)> {
    let w = r.word(i)?;
    // "US$", "A$": a word and "$" written together.
    if r.adjacent(i) && r.is(i + 1, "$") {
        let code = PREFIXES.iter().find(|(p, _)| *p == format!("{w}$"))?.1;
        return Some((code, i + 2));
    }
    PREFIXES.iter().find(|(p, _)| *p == w).map(|(_, c)| (*c, i + 1))
}

/// A quantity starting at token `i`, whose lower-case form is `first` ("" when too long to
/// start one with a word).
fn at(r: &Reader<'_>, i: usize, opts: &Options, first: &str) -> Option<(Found, usize)> {
    let start = i;
    let mut j = i;
    let mut approx = None;
    let mut bound = None;
    for (words, name, b) in APPROX {
        if words[0] == first && words[1..].iter().enumerate().all(|(k, w)| r.is(i + 1 + k, w)) {
            approx = Some(*name);
            bound = Some(*b);
            j = i + words.len();
            break;
        }
    }
    let between = r.is(j, "between");
    let from_to = r.is(j, "from");
    if between || from_to {
        j += 1;
    }
    // Ordinal rank claims: "the seventh nation", "the first country".
    if approx.is_none() && first == "the" {
        if let Some(rank) = r.word(i + 1).and_then(|w| ORDINALS.iter().position(|o| *o == w)) {
            let noun = r.word(i + 2)?;
            let noun_ok = RANK_NOUNS.contains(&noun.as_ref())
                || (r.word(i + 3).is_some_and(|n| RANK_NOUNS.contains(&n.as_ref())));
            if noun_ok {
                let end = i + 2;
                let span = Span::new(r.toks[i].span.start, r.toks[end - 1].span.end);
                return Some((
                    Found {
                        span,
                        value: Some(rank as f64 + 1.0),
                        low: None,
                        high: None,
                        unit: "rank".into(),
                        scale: None,
                        approx: None,
                        counted: Some(noun.into_owned()),
                    },
                    end,
                ));
            }
        }
    }
    // "minus five", "-9.2": a sign before the number.
    let mut negative = false;
    if r.is(j, "minus")
        || r.is(j, "negative")
        || (r.is(j, "-") && r.adjacent(j) && (j == 0 || !r.adjacent(j - 1)))
    {
        negative = true;
        j += 1;
    }
    let (currency, after_prefix) = match prefix(r, j) {
        Some((c, k)) => (Some(c), k),
        None => (None, j),
    };
    // "+1-222-2222": a telephone number.
    if after_prefix > 0 && r.is(after_prefix - 1, "+") && r.adjacent(after_prefix - 1) {
        return None;
    }
    let mut first = r.number(after_prefix)?;
    if negative {
        first.value = -first.value;
    }
    let mut end = first.end;
    // A second number: "10–25%", "2,500-3,500", "between 10 and 25", "$10-15 million".
    let mut second: Option<Number> = None;
    let joiners: &[&str] = if between {
        &["and", "-", "–"]
    } else if from_to {
        &["to", "-", "–"]
    } else {
        &["-", "–", "to", "through"]
    };
    if joiners.iter().any(|w| r.is(end, w)) {
        let k = if prefix(r, end + 1).is_some() {
            prefix(r, end + 1).map(|p| p.1).unwrap_or(end + 1)
        } else {
            end + 1
        };
        if let Some(n2) = r.number(k) {
            // "to" only joins two amounts of the same kind; "-" must touch its numbers.
            let dash_ok =
                !r.is(end, "-") && !r.is(end, "–") || (r.adjacent(end - 1) && r.adjacent(end));
            if dash_ok && n2.value >= first.value * 0.5 {
                second = Some(n2);
                end = n2.end;
            }
        }
    }
    if (between || from_to) && second.is_none() {
        return None;
    }
    // Unit after the number(s).
    let mut unit: Option<String> = currency.map(str::to_string);
    let mut counted = None;
    if let Some(w) = r.word(end) {
        if w == "%" || w == "percent" || w == "pct" {
            unit = Some("percent".into());
            end += 1;
            if r.is(end, "points") {
                unit = Some("percentage_points".into());
                end += 1;
            }
        } else if w == "per" && r.is(end + 1, "cent") {
            unit = Some("percent".into());
            end += 2;
        } else if w == "percentage" && r.is(end + 1, "points") {
            unit = Some("percentage_points".into());
            end += 2;
        } else if let Some((_, _, code)) = CURRENCY_COUNTRY
            .iter()
            .find(|(a, b, _)| *a == w && r.word(end + 1).as_deref() == Some(*b))
        {
            if currency.is_none() {
                unit = Some(code.to_string());
                end += 2;
                // "hong kong dollars", "new zealand dollars", "south african rand"
                if r.word(end).as_deref().is_some_and(|x| SUFFIXES.iter().any(|(s, _)| *s == x)) {
                    end += 1;
                }
            }
        } else if let Some((_, code)) = SUFFIXES.iter().find(|(s, _)| *s == w) {
            if currency.is_none() {
                unit = Some(code.to_string());
                end += 1;
            } else if *code == "USD" {
                end += 1; // "$5 million dollars"
            }
        }
    }
    let mut value_scale = first.scale.or(second.and_then(|s| s.scale));
    let mut v1 = first.value;
    // "$10-15 million": the scale of the second number applies to the first.
    if let (Some(n2), None) = (second, first.scale) {
        if let Some(s) = n2.scale {
            let factor = crate::number::scale(s).map_or(1.0, |x| x.0);
            if first.value < 1000.0 && n2.value >= factor {
                v1 *= factor;
                value_scale = Some(s);
            }
        }
    }
    // "over a quarter of X's imports": a fraction of something is a share.
    if unit.is_none() && first.fraction && second.is_none() && r.is(end, "of") {
        unit = Some("percent".into());
        v1 *= 100.0;
    }
    if unit.is_none() {
        // A count: the plural noun after the number, perhaps past an adjective or two ("29
        // deals", "five Central Asian nations", "68,000 Palestinians").
        let digits = r.toks[after_prefix].kind == TokenKind::Number;
        let raw = r.toks[after_prefix].span.slice(r.text);
        let yearish = digits
            && raw.len() == 4
            && !raw.contains(',')
            && (1000.0..=2100.0).contains(&first.value);
        // "C5+1", "G7": a number glued to a name is part of it.
        let glued =
            after_prefix > 0 && (r.adjacent(after_prefix - 1) && !r.is(after_prefix - 1, "$"));
        let mut noun = None;
        if !first.fraction && !yearish && !glued && (digits || first.value >= 2.0) {
            for k in end..(end + 3).min(r.toks.len()) {
                let t = r.toks[k];
                let w = t.span.slice(r.text);
                let lower = w.to_lowercase();
                if t.kind != TokenKind::Word || NOT_COUNTED.contains(&lower.as_str()) {
                    break;
                }
                let plural = lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3;
                if plural
                    || (k == end && digits && w.chars().next().is_some_and(char::is_lowercase))
                {
                    noun = Some(lower);
                    break;
                }
            }
        }
        match noun {
            Some(n) => {
                unit = Some("count".into());
                counted = Some(n);
            }
            None if opts.bare_numbers => unit = Some("number".into()),
            // "numbers 2,500-3,500", "killed over 68,000": a plain amount, kept when its clause
            // names what it measures (decided on attachment).
            None if digits
                && !yearish
                && !glued
                && (second.is_some() || approx.is_some() || raw.contains(',')) =>
            {
                unit = Some("number".into())
            }
            None => return None,
        }
    }
    let unit = unit.expect("unit decided");
    // "500 or more", "200 or greater", "100 or less".
    if second.is_none() && bound.is_none() && r.is(end, "or")
        || r.is(end, "and") && r.is(end + 1, "more")
    {
        match r.word(end + 1).as_deref() {
            Some("more" | "greater" | "higher" | "above" | "over") => {
                bound = Some(Bound::Lower);
                approx = Some("at_least");
                end += 2;
            }
            Some("less" | "fewer" | "lower" | "below" | "under") => {
                bound = Some(Bound::Upper);
                approx = Some("up_to");
                end += 2;
            }
            _ => {}
        }
    }
    let span = Span::new(r.toks[start].span.start, r.toks[end - 1].span.end);
    let (value, low, high) = match (second, bound) {
        (Some(n2), _) => (None, Some(v1), Some(n2.value)),
        (None, Some(Bound::Lower)) => (Some(v1), Some(v1), None),
        (None, Some(Bound::Upper)) => (Some(v1), None, Some(v1)),
        _ => (Some(v1), None, None),
    };
    Some((Found { span, value, low, high, unit, scale: value_scale, approx, counted }, end))
}

static STARTERS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        let mut set: rustc_hash::FxHashSet<String> =
            APPROX.iter().map(|(w, _, _)| w[0].to_string()).collect();
        set.extend(PREFIXES.iter().map(|(p, _)| p.to_string()));
        set.extend(CURRENCY_COUNTRY.iter().map(|(a, _, _)| a.to_string()));
        for w in [
            "the", "between", "from", "minus", "negative", "a", "an", "half", "hundred", "dozen",
            "us", "c", "a", "hk", "-", "first", "quarter",
        ] {
            set.insert(w.to_string());
        }
        set
    });

/// Whether a quantity can start at token `i`: a digit, a number word, an approximator, a sign
/// or a currency; other tokens are skipped without trying the grammar.
fn may_start(r: &Reader<'_>, i: usize, lower: Option<&str>) -> bool {
    if r.toks[i].kind == TokenKind::Number {
        return true;
    }
    let Some(lower) = lower else {
        return false;
    };
    STARTERS.contains(lower) || crate::number::small_word(lower).is_some() || lower == "."
}

/// The longest word (in bytes) that may start a quantity.
const MAX_STARTER: usize = 14;

/// `w` in lower case, in `buf` when it is ASCII; `None` when it is longer than any starter.
fn lowered<'b>(w: &str, buf: &'b mut [u8; MAX_STARTER]) -> Option<std::borrow::Cow<'b, str>> {
    if w.len() > MAX_STARTER {
        return None;
    }
    if !w.is_ascii() {
        return Some(std::borrow::Cow::Owned(w.to_lowercase()));
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok().map(std::borrow::Cow::Borrowed)
}
