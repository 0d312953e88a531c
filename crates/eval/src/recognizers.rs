//! Recognizers-Text specs (`NumberModel.json`, `PercentModel.json`, `NumberRangeModel.json`,
//! `CurrencyModel.json`): each case is an input sentence and the values a recogniser should
//! find. dyad's quantities are read the way each model reports them (every number; percentages;
//! ranges as their two ends; money with its currency), and a case passes when the values found
//! equal the expected ones. Deliberate differences from those conventions are listed in
//! docs/QUANTITIES.md rather than tuned to.

use crate::EvalError;
use dyad_model::{Quantity, Span};
use serde_json::Value;
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Model {
    Number,
    Percent,
    Range,
    Currency,
}

fn model_of(path: &Path) -> Model {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    if name.contains("range") {
        Model::Range
    } else if name.contains("percent") {
        Model::Percent
    } else if name.contains("currency") {
        Model::Currency
    } else {
        Model::Number
    }
}

fn currency_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "Dollar" | "United States dollar" => "USD",
        "Euro" => "EUR",
        "British pound" | "Pound" | "Pound sterling" => "GBP",
        "Cent" => "USD_CENT",
        "Pence" | "Penny" => "GBP_PENCE",
        "Swiss franc" => "CHF",
        "Australian dollar" => "AUD",
        "Canadian dollar" => "CAD",
        "Japanese yen" | "Yen" => "JPY",
        "Chinese yuan" | "Yuan" => "CNY",
        _ => return None,
    })
}

/// What dyad reports for one case, in the model's terms: (low, high) pairs and units.
fn found(model: Model, input: &str) -> Vec<(f64, f64, Option<String>)> {
    let qs: Vec<Quantity> = dyad_quantity::find_numbers(input, &[Span::new(0, input.len())]);
    let mut out = Vec::new();
    for q in qs {
        let pair = match (q.value, q.low, q.high) {
            (_, Some(l), Some(h)) => (l, h),
            (Some(v), _, _) => (v, v),
            (None, Some(l), None) => (l, f64::INFINITY),
            (None, None, Some(h)) => (f64::NEG_INFINITY, h),
            _ => continue,
        };
        match model {
            Model::Number => {
                if q.unit == "percent" || q.unit == "rank" {
                    continue;
                }
                out.push((pair.0, pair.0, None));
                if pair.1 != pair.0 && pair.1.is_finite() {
                    out.push((pair.1, pair.1, None));
                }
            }
            Model::Percent if q.unit == "percent" => out.push((pair.0, pair.1, None)),
            Model::Range if q.low.is_some() || q.high.is_some() => {
                let low = q.low.unwrap_or(f64::NEG_INFINITY);
                let high = q.high.unwrap_or(f64::INFINITY);
                out.push((low, high, None));
            }
            Model::Currency
                if q.unit.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                    && q.unit.len() >= 3 =>
            {
                out.push((pair.0, pair.1, Some(q.unit.clone())));
            }
            _ => {}
        }
    }
    out
}

fn expected(model: Model, result: &Value) -> Option<(f64, f64, Option<String>)> {
    let res = &result["Resolution"];
    let value = res["value"].as_str()?;
    match model {
        Model::Number => {
            let v: f64 = value.parse().ok()?;
            Some((v, v, None))
        }
        Model::Percent => {
            let v: f64 = value.trim_end_matches('%').parse().ok()?;
            Some((v, v, None))
        }
        Model::Range => {
            let inner = value.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
            let (a, b) = inner.split_once(',')?;
            let low = if a.is_empty() { f64::NEG_INFINITY } else { a.parse().ok()? };
            let high = if b.is_empty() { f64::INFINITY } else { b.parse().ok()? };
            Some((low, high, None))
        }
        Model::Currency => {
            let v: f64 = value.parse().ok()?;
            let unit = res["unit"].as_str().and_then(currency_code).map(str::to_string);
            Some((v, v, unit))
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn same(
    mut got: Vec<(f64, f64, Option<String>)>,
    mut want: Vec<(f64, f64, Option<String>)>,
) -> bool {
    if got.len() != want.len() {
        return false;
    }
    let key = |x: &(f64, f64, Option<String>)| (x.0, x.1);
    got.sort_by(|a, b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal));
    want.sort_by(|a, b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal));
    got.iter()
        .zip(&want)
        .all(|(g, w)| close(g.0, w.0) && close(g.1, w.1) && (w.2.is_none() || g.2 == w.2))
}

/// Scores each file; returns the report (last line `N passed, M failed`) and the totals.
pub fn run(paths: &[PathBuf], show: usize) -> Result<(String, usize, usize), EvalError> {
    let mut out = String::new();
    let (mut passed, mut failed) = (0, 0);
    let mut failures = Vec::new();
    for path in paths {
        let err = |m: String| EvalError { file: path.display().to_string(), message: m };
        let data = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let cases: Vec<Value> = serde_json::from_str(&data).map_err(|e| err(e.to_string()))?;
        let model = model_of(path);
        let (mut p, mut f) = (0, 0);
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or("");
            let want: Vec<_> = case["Results"]
                .as_array()
                .map(|r| r.iter().filter_map(|x| expected(model, x)).collect())
                .unwrap_or_default();
            let got = found(model, input);
            if same(got.clone(), want.clone()) {
                p += 1;
            } else {
                f += 1;
                failures.push(format!(
                    "{:?} {input:?}: expected {:?}, got {:?}",
                    model,
                    want.iter().map(|w| (w.0, w.1)).collect::<Vec<_>>(),
                    got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>()
                ));
            }
        }
        let _ = writeln!(
            out,
            "{:<24} {p:>4} of {:>4} right ({:.1}%)",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            p + f,
            100.0 * p as f64 / (p + f).max(1) as f64
        );
        passed += p;
        failed += f;
    }
    if show > 0 {
        let _ = writeln!(out, "\nFailures (first {show}):");
        for line in failures.iter().take(show) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    Ok((out, passed, failed))
}
