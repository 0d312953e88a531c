//! Attachment: what a quantity measures (the nearest measure word in its sentence), for whom
//! (the states named in its sentence, nearest first; for bilateral trade with none named, the
//! two states the document is about), and when (the nearest dated time expression in its
//! sentence; none stated stays open).

use crate::grammar::Found;
use crate::units::MEASURES;
use dyad_model::{ActorKind, EntityId, Mention, Span, TimeExpr, TimeKind};

pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) sentence: Span,
    pub(crate) mentions: &'a [Mention],
    pub(crate) times: &'a [TimeExpr],
    /// The two states the document names most, for bilateral measures without a named pair.
    pub(crate) main_pair: &'a [EntityId],
}

/// The measure named nearest to `span` within the sentence: before it (up to ~80 bytes) or
/// after it (up to ~60 bytes).
pub(crate) fn measure(cx: &Context<'_>, f: &Found) -> Option<String> {
    let lower = cx.sentence.slice(cx.text).to_lowercase();
    let base = cx.sentence.start;
    let (qs, qe) = (f.span.start - base, f.span.end - base);
    let mut best: Option<(usize, &str)> = None;
    let share_of = f.unit == "percent" && lower[qe..].starts_with(" of ");
    for (key, measure) in MEASURES {
        for (pos, _) in lower.match_indices(key) {
            let end = pos + key.len();
            let word_bounded =
                lower[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                    && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if !word_bounded || (pos < qe && end > qs) {
                continue;
            }
            // A measure named before the amount governs it ("trade reached $236.2 million
            // (exports: ...)"), except for shares, which name it after ("10% of its exports").
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
    for m in cx
        .mentions
        .iter()
        .rev()
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
