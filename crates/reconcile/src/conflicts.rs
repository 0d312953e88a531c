//! Conflicts between sources, each with its kind, both sides quoted, and a one-sentence
//! explanation:
//! - `value`: two documents give incompatible figures for the same measure, subjects and period,
//!   judged as intervals ("around $200 million" is 180-220 million; "over a quarter" is more
//!   than 25%; "$236.2 million" is 236.15-236.25 million), so that rounding is not a conflict;
//! - `status`: one document states an accession as done, another only as announced or planned;
//! - `reference`: documents name a member the reference data does not list, or date an
//!   accession differently from it;
//! - `date`: two documents put the same one-time event (an accession, the establishment of
//!   relations) on dates that cannot both hold;
//! - and what single documents contradict by themselves (`anachronism`, `count`, `date`: see
//!   `dyad-check`), turned into conflicts with the document on one side and the reference data
//!   or the document's other words on the other.

use crate::members::{self, Status};
use dyad_lexicon::Lexicon;
use dyad_store::{StoredClaim, StoredEvent, StoredFinding, StoredQuantity};

/// One side of a conflict: a document's words, or the reference data.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// `None` for the reference data.
    pub doc: Option<String>,
    pub span: Option<(usize, usize)>,
    /// What the claim says, normalised.
    pub claim: String,
    /// The document's own words (the span's text); `None` for the reference data.
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: &'static str,
    pub explanation: String,
    pub sides: Vec<Side>,
}

/// The interval a quantity allows, with open ends as infinities.
fn interval(q: &StoredQuantity) -> (f64, f64) {
    let precision = |v: f64| {
        let scale = match q.scale.as_deref() {
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("trillion") => 1e12,
            _ => 1.0,
        };
        let shown = v / scale;
        let decimals = format!("{shown}").split('.').nth(1).map_or(0, str::len).min(6);
        0.5 * scale / 10f64.powi(decimals as i32)
    };
    // Strict bounds: "over 25%" excludes 25 itself.
    let nudge = |v: f64| v.abs().max(1.0) * 1e-9;
    match (q.value, q.low, q.high, q.approx.as_deref()) {
        // A range's ends are stated limits: "10-25%" excludes 26%.
        (_, Some(l), Some(h), _) => (l, h),
        (Some(v), _, _, Some("around")) => (v * 0.9, v * 1.1),
        (Some(v), _, _, Some("over")) => (v + nudge(v), f64::INFINITY),
        (Some(v), _, _, Some("at_least")) => (v, f64::INFINITY),
        (Some(v), _, _, Some("under")) => (f64::NEG_INFINITY, v - nudge(v)),
        (Some(v), _, _, Some("up_to")) => (f64::NEG_INFINITY, v),
        (Some(v), _, _, Some("nearly")) => (v * 0.9, v),
        (Some(v), _, _, _) => (v - precision(v), v + precision(v)),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    }
}

fn periods_overlap(a: &StoredQuantity, b: &StoredQuantity) -> bool {
    match (a.from, a.to, b.from, b.to) {
        (Some(af), Some(at), Some(bf), Some(bt)) => af <= bt && bf <= at,
        // An undated figure can be about any period.
        _ => true,
    }
}

fn describe(q: &StoredQuantity) -> String {
    let period = match (q.from, q.to) {
        (Some(f), Some(t)) if f.year() == t.year() => format!(" in {}", f.year()),
        _ => String::new(),
    };
    format!("{} = {}{period}", q.measure.as_deref().unwrap_or("value"), q.quote)
}

/// Figures for the same key that no single value could satisfy.
///
/// Quantities are grouped by (measure, unit, subjects); inside a group they are swept in order
/// of their lower bound while the smallest upper bound seen so far is kept: a figure that starts
/// above it cannot agree with that figure. Each figure is reported at most once, against the
/// tightest figure below it, so the work is O(n log n) however many sources agree or disagree.
pub fn values(quantities: &[StoredQuantity]) -> Vec<Conflict> {
    let mut keyed: Vec<(&StoredQuantity, (f64, f64))> = quantities
        .iter()
        .filter(|q| q.measure.is_some() && !q.subjects.is_empty())
        .map(|q| (q, interval(q)))
        .collect();
    keyed.sort_by(|(a, ia), (b, ib)| {
        (&a.measure, &a.unit, &a.subjects)
            .cmp(&(&b.measure, &b.unit, &b.subjects))
            .then(ia.0.total_cmp(&ib.0))
            // Ties in a stable order: the result must not depend on how the rows were read.
            .then_with(|| (&a.doc, a.span).cmp(&(&b.doc, b.span)))
    });
    let mut out = Vec::new();
    for group in keyed.chunk_by(|(a, _), (b, _)| {
        (&a.measure, &a.unit, &a.subjects) == (&b.measure, &b.unit, &b.subjects)
    }) {
        let mut tightest: Option<(&StoredQuantity, f64)> = None;
        for &(b, (low, high)) in group {
            if let Some((a, a_high)) = tightest {
                if low > a_high && a.doc != b.doc && periods_overlap(a, b) {
                    out.push(conflict(a, b));
                }
            }
            if tightest.is_none_or(|(_, h)| high < h) {
                tightest = Some((b, high));
            }
        }
    }
    out
}

fn conflict(a: &StoredQuantity, b: &StoredQuantity) -> Conflict {
    Conflict {
        kind: "value",
        explanation: format!(
            "{} for {} is given as {:?} in one source and {:?} in another, which cannot both hold",
            a.measure.as_deref().unwrap_or("the value"),
            a.subjects.join("-"),
            a.quote,
            b.quote
        ),
        sides: vec![
            Side {
                doc: Some(a.doc.clone()),
                span: Some(a.span),
                claim: describe(a),
                quote: Some(a.quote.clone()),
            },
            Side {
                doc: Some(b.doc.clone()),
                span: Some(b.span),
                claim: describe(b),
                quote: Some(b.quote.clone()),
            },
        ],
    }
}

/// Accessions stated as done in one document and only announced in another; members the
/// reference data does not list.
pub fn membership(lex: &Lexicon, claims: &[StoredClaim]) -> Vec<Conflict> {
    // One pass per organisation over its own claims only.
    let mut by_org: Vec<&StoredClaim> = claims.iter().filter(|c| c.object.is_some()).collect();
    by_org.sort_by(|a, b| a.object.cmp(&b.object));
    let mut out = Vec::new();
    for group in by_org.chunk_by(|a, b| a.object == b.object) {
        let org = group[0].object.as_deref().expect("filtered");
        let mine: Vec<StoredClaim> = group.iter().map(|c| (*c).clone()).collect();
        for row in members::members(lex, org, None, &mine) {
            if row.status == Status::Disputed {
                let c = row.claims[0];
                // Another document's list of members that leaves this state out: the sources
                // disagree with each other, not only with the reference data.
                let claiming: Vec<&str> = row.claims.iter().map(|c| c.doc.as_str()).collect();
                let other_list = list_excluding(group, &row.id, &claiming);
                if let Some((listed, first)) = other_list {
                    out.push(Conflict {
                        kind: "membership",
                        explanation: format!(
                            "one source lists {} among the members of {org}; another lists its members as {} without it, and the reference data does not list it either",
                            row.id,
                            listed.join(", ")
                        ),
                        sides: vec![
                            Side { doc: Some(c.doc.clone()), span: Some(c.span), claim: format!("member_of({}, {org}): {:?}", row.id, c.quote), quote: Some(c.quote.clone()) },
                            Side { doc: Some(first.doc.clone()), span: Some(first.span), claim: format!("members of {org}: {} (not {})", listed.join(", "), row.id), quote: Some(first.quote.clone()) },
                            Side { doc: None, span: None, claim: format!("{} is not a member of {org}", row.id), quote: None },
                        ],
                    });
                    continue;
                }
                out.push(Conflict {
                    kind: "reference",
                    explanation: format!(
                        "{} is named as a member of {org} by {} source(s), but the reference data does not list it as a member",
                        row.id, row.sources
                    ),
                    sides: vec![
                        Side { doc: Some(c.doc.clone()), span: Some(c.span), claim: format!("member_of({}, {org}): {:?}", row.id, c.quote), quote: Some(c.quote.clone()) },
                        Side { doc: None, span: None, claim: format!("{} is not a member of {org}", row.id), quote: None },
                    ],
                });
            }
            // Done in one document, only announced in another.
            let done = row.claims.iter().find(|c| {
                matches!(c.modality.as_str(), "asserted" | "reported") && c.basis == "event"
            });
            let planned = row
                .claims
                .iter()
                .find(|c| c.modality == "planned" && done.is_some_and(|d| d.doc != c.doc));
            if let (Some(d), Some(p)) = (done, planned) {
                let only_planned =
                    !row.claims.iter().any(|c| c.doc == p.doc && c.modality != "planned");
                if only_planned {
                    out.push(Conflict {
                        kind: "status",
                        explanation: format!("one source states that {} joined {org}; another only that it would or planned to", row.id),
                        sides: vec![
                            Side { doc: Some(d.doc.clone()), span: Some(d.span), claim: format!("{} joined ({})", row.id, d.modality), quote: Some(d.quote.clone()) },
                            Side { doc: Some(p.doc.clone()), span: Some(p.span), claim: format!("{} would join (planned)", row.id), quote: Some(p.quote.clone()) },
                        ],
                    });
                }
            }
        }
    }
    out
}

/// A member list (at least two states named in one document as members) from a document other
/// than `claiming` that does not include `id`: the states it lists and its first claim.
fn list_excluding<'c>(
    claims: &[&'c StoredClaim],
    id: &str,
    claiming: &[&str],
) -> Option<(Vec<String>, &'c StoredClaim)> {
    let mut lists: Vec<&StoredClaim> = claims
        .iter()
        .copied()
        .filter(|c| {
            c.basis == "list" && c.modality == "asserted" && !claiming.contains(&c.doc.as_str())
        })
        .collect();
    lists.sort_by(|a, b| (&a.doc, a.span).cmp(&(&b.doc, b.span)));
    lists.chunk_by(|a, b| a.doc == b.doc).find_map(|doc_claims| {
        let mut listed: Vec<String> = doc_claims.iter().map(|c| c.subject.clone()).collect();
        listed.sort();
        listed.dedup();
        (listed.len() >= 2 && !listed.iter().any(|l| l == id)).then(|| (listed, doc_claims[0]))
    })
}

/// The conflict kinds of the contract.
const KINDS: [&str; 8] =
    ["value", "date", "membership", "count", "anachronism", "arithmetic", "status", "reference"];

/// What single documents contradict by themselves.
pub fn from_findings(findings: &[StoredFinding]) -> Vec<Conflict> {
    findings
        .iter()
        .map(|f| {
            let kind = KINDS.iter().find(|k| **k == f.kind).copied().unwrap_or("reference");
            let mut sides = vec![Side {
                doc: Some(f.doc.clone()),
                span: Some(f.span),
                claim: f.claim.clone(),
                quote: Some(f.quote.clone()),
            }];
            match &f.other {
                Some((span, quote, claim)) => sides.push(Side {
                    doc: Some(f.doc.clone()),
                    span: Some(*span),
                    claim: claim.clone(),
                    quote: Some(quote.clone()),
                }),
                None => sides.push(Side {
                    doc: None,
                    span: None,
                    claim: f.reference.clone().unwrap_or_else(|| "reference data".into()),
                    quote: None,
                }),
            }
            Conflict { kind, explanation: f.explanation.clone(), sides }
        })
        .collect()
}

/// Whether an event happens once between the same parties: joining an organisation or
/// agreement (057 with an organisation as target), establishing relations (054).
fn one_time(lex: &Lexicon, e: &StoredEvent) -> bool {
    match e.cameo.as_str() {
        "057" => e.target.first().is_some_and(|t| lex.org(t).is_some()),
        "054" => true,
        _ => false,
    }
}

fn stated_interval(e: &StoredEvent) -> Option<(dyad_model::Date, dyad_model::Date)> {
    if e.date_basis.as_deref() != Some("text")
        || matches!(e.modality.as_str(), "negated" | "hypothetical")
    {
        return None;
    }
    Some((e.date_from?, e.date_to?))
}

fn what(e: &StoredEvent) -> String {
    let verb = if e.cameo == "054" { "established relations with" } else { "joined" };
    format!("{} {verb} {}", e.source.join(", "), e.target.join(", "))
}

/// One-time events dated differently by different documents, and accessions dated differently
/// from the reference data. Events are grouped by (source, code, target) and swept in order of
/// their start date, keeping the earliest end seen: an event that starts after it cannot be the
/// same day, month or year. O(n log n).
pub fn dates(lex: &Lexicon, events: &[StoredEvent]) -> Vec<Conflict> {
    let mut dated: Vec<(&StoredEvent, (dyad_model::Date, dyad_model::Date))> = events
        .iter()
        .filter(|e| one_time(lex, e))
        .filter_map(|e| Some((e, stated_interval(e)?)))
        .collect();
    dated.sort_by(|(a, ia), (b, ib)| {
        (&a.source, &a.cameo, &a.target)
            .cmp(&(&b.source, &b.cameo, &b.target))
            .then(ia.cmp(ib))
            .then_with(|| (&a.doc, a.span).cmp(&(&b.doc, b.span)))
    });
    let mut out = Vec::new();
    for group in dated.chunk_by(|(a, _), (b, _)| {
        (&a.source, &a.cameo, &a.target) == (&b.source, &b.cameo, &b.target)
    }) {
        let mut earliest: Option<(&StoredEvent, dyad_model::Date)> = None;
        for &(e, (from, to)) in group {
            if let Some((a, a_to)) = earliest {
                if from > a_to && a.doc != e.doc {
                    let (av, ev) = (
                        a.date_value.as_deref().unwrap_or("?"),
                        e.date_value.as_deref().unwrap_or("?"),
                    );
                    out.push(Conflict {
                        kind: "date",
                        explanation: format!(
                            "one source says {} on {av} ({:?}), another on {ev} ({:?}); a one-time event cannot have both dates",
                            what(e), a.quote, e.quote
                        ),
                        sides: vec![
                            Side { doc: Some(a.doc.clone()), span: Some(a.sentence), claim: format!("{} on {av} ({})", what(a), a.modality), quote: Some(a.sentence_text.clone()) },
                            Side { doc: Some(e.doc.clone()), span: Some(e.sentence), claim: format!("{} on {ev} ({})", what(e), e.modality), quote: Some(e.sentence_text.clone()) },
                        ],
                    });
                }
            }
            if earliest.is_none_or(|(_, t)| to < t) {
                earliest = Some((e, to));
            }
        }
    }
    // Accessions stated as done on a date the reference data contradicts.
    for &(e, (from, to)) in &dated {
        if e.cameo != "057" || !matches!(e.modality.as_str(), "asserted" | "reported") {
            continue;
        }
        let (Some(s), Some(org)) = (e.source.first(), e.target.first().and_then(|t| lex.org(t)))
        else {
            continue;
        };
        let Some(joined) = org.members.iter().find(|m| &m.id == s).and_then(|m| m.from) else {
            continue;
        };
        if joined < from || joined > to {
            let v = e.date_value.as_deref().unwrap_or("?");
            out.push(Conflict {
                kind: "reference",
                explanation: format!(
                    "a source says {s} joined {} on {v}, but the reference data has {joined}",
                    org.id
                ),
                sides: vec![
                    Side {
                        doc: Some(e.doc.clone()),
                        span: Some(e.sentence),
                        claim: format!("{} on {v}", what(e)),
                        quote: Some(e.sentence_text.clone()),
                    },
                    Side {
                        doc: None,
                        span: None,
                        claim: format!("{s} is a member of {} since {joined}", org.id),
                        quote: None,
                    },
                ],
            });
        }
    }
    out
}

/// Every conflict in a store (see [`all`]), read one group at a time (an organisation's
/// membership claims, one one-time event's reports, one figure's key), so that memory is bounded
/// by the largest group rather than the corpus.
pub fn in_store(
    lex: &Lexicon,
    store: &impl dyad_store::Store,
) -> Result<Vec<Conflict>, dyad_store::StoreError> {
    let mut out = Vec::new();
    for_each_in_store(lex, store, &mut |c| out.push(c))?;
    Ok(out)
}

/// Every conflict in a store, handed to `f` as each group is done: memory stays bounded by the
/// largest group even when the conflicts themselves are many.
pub fn for_each_in_store(
    lex: &Lexicon,
    store: &impl dyad_store::Store,
    f: &mut dyn FnMut(Conflict),
) -> Result<(), dyad_store::StoreError> {
    let mut emit = |found: Vec<Conflict>| found.into_iter().for_each(&mut *f);
    store.scan_claim_groups("member_of", &mut |group| emit(membership(lex, group)))?;
    store.scan_one_time_event_groups(&mut |group| emit(dates(lex, group)))?;
    store.scan_quantity_groups(&mut |group| emit(values(group)))?;
    store.scan_findings(&mut |finding| emit(from_findings(std::slice::from_ref(&finding))))?;
    Ok(())
}

/// Every conflict: membership and status, dates, values, and what single documents contradict.
pub fn all(
    lex: &Lexicon,
    member_claims: &[StoredClaim],
    one_time_events: &[StoredEvent],
    quantities: &[StoredQuantity],
    findings: &[StoredFinding],
) -> Vec<Conflict> {
    let mut out = membership(lex, member_claims);
    out.extend(dates(lex, one_time_events));
    out.extend(values(quantities));
    out.extend(from_findings(findings));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::too_many_arguments)]
    fn q(
        doc: &str,
        quote: &str,
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        scale: Option<&str>,
        approx: Option<&str>,
        unit: &str,
    ) -> StoredQuantity {
        StoredQuantity {
            doc: doc.into(),
            outlet: None,
            span: (0, quote.len()),
            quote: quote.into(),
            value,
            low,
            high,
            unit: unit.into(),
            scale: scale.map(str::to_string),
            approx: approx.map(str::to_string),
            measure: Some("trade volume".into()),
            subjects: vec!["ISR".into(), "KAZ".into()],
            from: None,
            to: None,
        }
    }

    #[test]
    fn an_approximation_that_misses_is_a_conflict_and_rounding_is_not() {
        let around = q(
            "a",
            "around $200 million",
            Some(2e8),
            None,
            None,
            Some("million"),
            Some("around"),
            "USD",
        );
        let exact =
            q("b", "$236.2 million", Some(236.2e6), None, None, Some("million"), None, "USD");
        let rounded = q("c", "$236 million", Some(236e6), None, None, Some("million"), None, "USD");
        let close = q(
            "d",
            "about $230 million",
            Some(230e6),
            None,
            None,
            Some("million"),
            Some("around"),
            "USD",
        );
        assert_eq!(values(&[around.clone(), exact.clone()]).len(), 1);
        assert!(values(&[exact.clone(), rounded]).is_empty(), "rounding is not a conflict");
        assert!(
            values(&[close, exact]).is_empty(),
            "an approximation that covers the value is not a conflict"
        );
    }

    #[test]
    fn ranges_and_bounds() {
        let range = q("a", "10-25%", None, Some(10.0), Some(25.0), None, None, "percent");
        let over =
            q("b", "over a quarter", Some(25.0), Some(25.0), None, None, Some("over"), "percent");
        let inside = q("c", "about 20%", Some(20.0), None, None, None, Some("around"), "percent");
        assert_eq!(values(&[range.clone(), over]).len(), 1);
        assert!(values(&[range, inside]).is_empty());
    }

    #[test]
    fn same_document_and_other_periods_are_not_compared() {
        let mut a = q("a", "$100 million", Some(1e8), None, None, Some("million"), None, "USD");
        let mut b = q("a", "$300 million", Some(3e8), None, None, Some("million"), None, "USD");
        assert!(
            values(&[a.clone(), b.clone()]).is_empty(),
            "one document's own figures are checked elsewhere"
        );
        b.doc = "b".into();
        a.from = dyad_model::Date::new(2020, 1, 1);
        a.to = dyad_model::Date::new(2020, 12, 31);
        b.from = dyad_model::Date::new(2024, 1, 1);
        b.to = dyad_model::Date::new(2024, 12, 31);
        assert!(values(&[a, b]).is_empty(), "different years may differ");
    }
}
