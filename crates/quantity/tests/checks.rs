//! Arithmetic checks: parts against totals and points against ranges, with near misses that
//! must not be reported.

use dyad_model::Span;

fn diagnostics(text: &str) -> Vec<String> {
    let sentences: Vec<Span> = dyad_segment::sentences(text).iter().map(|s| s.span).collect();
    let q = dyad_quantity::find_quantities(text, &sentences, &[], &[]);
    dyad_quantity::check(&q).into_iter().map(|d| d.message).collect()
}

#[test]
fn parts_that_do_not_add_up_are_reported() {
    let d = diagnostics("Trade reached $300 million (exports: $167.6m; imports: $68.5m).");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].contains("add up to"), "{d:?}");
}

#[test]
fn rounding_is_not_a_contradiction() {
    assert!(
        diagnostics("Trade reached $236.2 million (exports: $167.6m; imports: $68.5m).").is_empty()
    );
    assert!(
        diagnostics("Trade reached $236 million (exports: $167.6m; imports: $68.5m).").is_empty()
    );
}

#[test]
fn a_point_outside_a_range_is_reported_but_not_a_bound_that_overlaps() {
    let d = diagnostics(
        "The community numbers 2,500-3,500. Later the report put the community at 5,000 people.",
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(diagnostics(
        "The community numbers 2,500-3,500. Another count put the community at over 3,000 people."
    )
    .is_empty());
}
