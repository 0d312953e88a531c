//! Attachment: what a quantity measures (the nearest measure word in its sentence), for whom
//! (the states named in its sentence, nearest first; for bilateral trade with none named, the
//! two states the document is about), and when (the nearest dated time expression in its
//! sentence; none stated stays open).

use crate::grammar::Found;
use crate::units::MEASURES;
use dyad_model::{ActorKind, EntityId, Mention, Span, TimeExpr, TimeKind};

pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    /// The sentence in lower case (same byte offsets for the ASCII text measures are found in).
    pub(crate) lower: &'a str,
    pub(crate) sentence: Span,
    /// The mentions inside the sentence.
    pub(crate) mentions: &'a [Mention],
    /// All mentions of the document, in text order.
    pub(crate) all_mentions: &'a [Mention],
    pub(crate) times: &'a [TimeExpr],
    /// The two states the document names most, for bilateral measures without a named pair.
    pub(crate) main_pair: &'a [EntityId],
}

/// The measure named nearest to `span` within the sentence: before it (up to ~80 bytes) or
/// after it (up to ~60 bytes).
pub(crate) fn measure(cx: &Context<'_>, f: &Found) -> Option<String> {
    let lower = cx.lower;
    if lower.len() != cx.sentence.len() {
        return None; // case folding changed lengths (rare scripts): no safe offsets
    }
    let base = cx.sentence.start;
    let (qs, qe) = (f.span.start - base, f.span.end - base);
    let mut best: Option<(usize, &str)> = None;
    let share_of = f.unit == "percent" && lower[qe..].starts_with(" of ");
    // Only the neighbourhood of the quantity can hold its measure. Its words (and word pairs)
    // are looked up in the measure table.
    let lo = floor_boundary(lower, qs.saturating_sub(130));
    let hi = floor_boundary(lower, (qe + 110).min(lower.len()));
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(48);
    let mut start = None;
    for (k, c) in lower[lo..hi].char_indices().map(|(k, c)| (k + lo, c)) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(k),
            (false, Some(st)) => {
                words.push((st, k));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        words.push((st, hi));
    }
    let mut consider = |pos: usize, end: usize, measure: &'static str| {
        if pos < qe && end > qs {
            return;
        }
        let after_penalty = if share_of { 0 } else { 40 };
        let before_penalty = if share_of { 40 } else { 0 };
        let distance = if end <= qs {
            qs - end + before_penalty
        } else {
            pos.saturating_sub(qe) + after_penalty
        };
        let reach = if end <= qs { 80 + before_penalty } else { 60 + after_penalty };
        if distance <= reach && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, measure));
        }
    };
    let mut pair = String::with_capacity(48);
    for (k, &(ws, we)) in words.iter().enumerate() {
        if let Some(&(nws, nwe)) = words.get(k + 1) {
            if lower[we..nws].bytes().all(|b| b == b' ') {
                pair.clear();
                pair.push_str(&lower[ws..we]);
                pair.push(' ');
                pair.push_str(&lower[nws..nwe]);
                if let Some(m) = measure_of(&pair) {
                    consider(ws, nwe, m);
                    continue;
                }
            }
        }
        if let Some(m) = measure_of(&lower[ws..we]) {
            consider(ws, we, m);
        }
    }
    let mut m = best.map(|(_, m)| m.to_string());
    if let Some(noun) = &f.counted {
        // A count measures what it counts, unless the clause says it is a toll or a size.
        let toll = matches!(
            m.as_deref(),
            Some(
                "death toll"
                    | "casualties"
                    | "community size"
                    | "population"
                    | "refugees"
                    | "troops"
            )
        );
        if !toll {
            m = Some(format!("number of {noun}"));
        }
    }
    if f.unit == "rank" {
        return Some("rank".into());
    }
    if f.unit == "percent" {
        if let Some(inner) = m.as_deref().filter(|x| {
            matches!(*x, "exports" | "imports" | "trade volume" | "production" | "budget" | "GDP")
        }) {
            return Some(format!("share of {inner}"));
        }
    }
    m
}

static MEASURE_MAP: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| MEASURES.iter().rev().map(|(k, v)| (*k, *v)).collect());

fn measure_of(words: &str) -> Option<&'static str> {
    MEASURE_MAP.get(words).copied()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The states a quantity is measured for.
pub(crate) fn subjects(cx: &Context<'_>, f: &Found, measure: Option<&str>) -> Vec<EntityId> {
    let mut near: Vec<(usize, usize, EntityId)> = Vec::new(); // (distance, position, entity)
    for m in cx.mentions {
        if !cx.sentence.contains(m.span) || m.kind != ActorKind::State {
            continue;
        }
        let Some(e) = &m.entity else { continue };
        let d = if m.span.end <= f.span.start {
            f.span.start - m.span.end
        } else {
            m.span.start.saturating_sub(f.span.end)
        };
        match near.iter_mut().find(|x| x.2 == *e) {
            Some(x) if d < x.0 => {
                x.0 = d;
                x.1 = m.span.start;
            }
            Some(_) => {}
            None => near.push((d, m.span.start, e.clone())),
        }
    }
    near.sort_by_key(|x| x.0);
    near.truncate(2);
    near.sort_by_key(|x| x.1);
    let mut out: Vec<EntityId> = near.into_iter().map(|x| x.2).collect();
    // Trade figures without their states in the sentence take them from the sentences just
    // before ("... Astana in 2017. Trade between the countries remained low at $200 million"),
    // else from the two states the document is about.
    let trade = matches!(measure, Some("trade volume" | "exports" | "imports"));
    if trade && out.len() < 2 {
        let earlier: Vec<EntityId> = recent_states(cx, f.span.start);
        if earlier.len() >= 2 {
            out = earlier;
        } else if cx.main_pair.len() == 2 {
            out = cx.main_pair.to_vec();
        }
    }
    out
}

/// The last two distinct states named before `pos`, within a few hundred bytes.
fn recent_states(cx: &Context<'_>, pos: usize) -> Vec<EntityId> {
    let window = pos.saturating_sub(600);
    let mut out: Vec<EntityId> = Vec::new();
    let upto = cx.all_mentions.partition_point(|m| m.span.start < pos);
    for m in cx.all_mentions[..upto]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= window)
        .filter(|m| m.span.end <= pos && m.span.start >= window && m.kind == ActorKind::State)
    {
        if let Some(e) = &m.entity {
            if !out.contains(e) {
                out.push(e.clone());
            }
        }
        if out.len() == 2 {
            break;
        }
    }
    out.sort();
    out
}

/// The dated time expression nearest the quantity in its sentence.
pub(crate) fn period<'t>(cx: &Context<'t>, f: &Found) -> Option<&'t TimeExpr> {
    cx.times
        .iter()
        .filter(|t| {
            cx.sentence.contains(t.span)
                && matches!(t.kind, TimeKind::Date | TimeKind::Range)
                && t.from.is_some()
                && !t.span.overlaps(f.span)
        })
        .filter(|t| t.granularity != dyad_model::Granularity::Vague)
        .min_by_key(|t| {
            if t.span.end <= f.span.start {
                f.span.start - t.span.end
            } else {
                // "$1.2 billion in 2021": a period right after the amount is its own.
                let gap = &cx.text[f.span.end..t.span.start];
                if matches!(gap, " in " | " as of " | " for " | " by " | " in fiscal " | " during ")
                {
                    0
                } else {
                    t.span.start - f.span.end
                }
            }
        })
}
