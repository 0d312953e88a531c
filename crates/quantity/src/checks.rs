//! Arithmetic checks inside one document, reported as diagnostics that reconciliation can turn
//! into conflicts: parts that do not add up to their total (exports + imports against trade
//! volume), and a point value outside a range the same document gives for the same measure,
//! subjects and period. Differences within the precision written are not reported
//! ("$236.2 million" against exports of $167.6m and imports of $68.5m adds up to $236.1m).

use dyad_model::{Diagnostic, Quantity};

/// The key two quantities must share to be compared.
fn same_key(a: &Quantity, b: &Quantity) -> bool {
    let mut sa = a.subjects.clone();
    let mut sb = b.subjects.clone();
    sa.sort();
    sb.sort();
    a.unit == b.unit && sa == sb && a.from == b.from && a.to == b.to
}

/// Half a unit in the last digit written, as a fraction of the value: "$236.2 million" is
/// precise to 0.05 million.
fn tolerance(q: &Quantity, value: f64) -> f64 {
    let scale = match q.scale {
        Some("thousand") => 1e3,
        Some("million") => 1e6,
        Some("billion") => 1e9,
        Some("trillion") => 1e12,
        _ => 1.0,
    };
    let shown = value / scale;
    let decimals = format!("{shown}").split('.').nth(1).map_or(0, str::len).min(6);
    0.5 * scale / 10f64.powi(decimals as i32) + value.abs() * 1e-9
}

pub fn check(quantities: &[Quantity]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let by = |m: &'static str| {
        quantities.iter().filter(move |q| q.measure.as_deref() == Some(m) && q.value.is_some())
    };
    // Parts against totals.
    for total in by("trade volume") {
        for exports in by("exports").filter(|e| same_key(e, total)) {
            for imports in by("imports").filter(|i| same_key(i, total)) {
                let (t, e, i) = (
                    total.value.unwrap_or(0.0),
                    exports.value.unwrap_or(0.0),
                    imports.value.unwrap_or(0.0),
                );
                let slack = tolerance(total, t) + tolerance(exports, e) + tolerance(imports, i);
                if (e + i - t).abs() > slack && total.approx.is_none() {
                    out.push(
                        Diagnostic::warning(
                            "arithmetic",
                            format!("exports ({e}) and imports ({i}) add up to {}, not the trade volume stated ({t})", e + i),
                        )
                        .at(total.span),
                    );
                }
            }
        }
    }
    // Point values outside a range for the same key.
    for range in
        quantities.iter().filter(|q| q.value.is_none() && q.low.is_some() && q.high.is_some())
    {
        let (low, high) = (range.low.unwrap_or(f64::MIN), range.high.unwrap_or(f64::MAX));
        for point in quantities.iter().filter(|q| {
            q.measure.is_some()
                && q.measure == range.measure
                && q.value.is_some()
                && same_key(q, range)
        }) {
            let v = point.value.unwrap_or(0.0);
            let inside_bound = match point.approx {
                Some("over" | "at_least") => v <= high,
                Some("under" | "up_to" | "nearly") => v >= low,
                _ => v >= low - tolerance(point, v) && v <= high + tolerance(point, v),
            };
            if !inside_bound {
                out.push(
                    Diagnostic::warning(
                        "arithmetic",
                        format!("{} {v} lies outside the range {low}-{high} stated for the same measure", point.measure.as_deref().unwrap_or("value")),
                    )
                    .at(point.span),
                );
            }
        }
    }
    out
}
