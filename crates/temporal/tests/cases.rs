//! The hand-checked cases in `test_data/cases.tsv`: each sentence marks one time expression in
//! brackets with its expected value, interval and kind (or none, for sentences that only look
//! like they hold a date). Cases listed in `test_data/cases.known-failures.txt` are expected to
//! fail for now; the test fails if any other case fails, or if a listed case starts passing
//! (so that the list is kept current).

use dyad_model::{Date, Span};
use std::collections::BTreeSet;

struct Case {
    line: usize,
    reference: Option<Date>,
    text: String,
    span: Option<Span>,
    value: String,
    from: String,
    to: String,
    kind: String,
}

fn cases() -> Vec<Case> {
    let data = std::fs::read_to_string("test_data/cases.tsv").expect("cases.tsv");
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "line {}: {line}", i + 1);
        let raw = cols[1];
        let span = raw.find('[').map(|a| {
            let b = raw.find(']').expect("closing bracket");
            Span::new(a, b - 1)
        });
        let text = raw.replace(['[', ']'], "");
        out.push(Case {
            line: i + 1,
            reference: Date::parse_iso(cols[0]),
            text,
            span,
            value: cols[2].into(),
            from: cols[3].into(),
            to: cols[4].into(),
            kind: cols[5].into(),
        });
    }
    out
}

fn show(d: Option<Date>) -> String {
    d.map_or_else(|| "-".into(), |d| d.to_string())
}

/// Runs one case; `Err` describes the difference.
fn check(c: &Case) -> Result<(), String> {
    let sentences: Vec<Span> = dyad_segment::sentences(&c.text).iter().map(|s| s.span).collect();
    let times = dyad_temporal::find_times(&c.text, &sentences, c.reference);
    let Some(span) = c.span else {
        return match times.first() {
            None => Ok(()),
            Some(t) => {
                Err(format!("expected nothing, found {:?} = {}", t.span.slice(&c.text), t.value))
            }
        };
    };
    let expected = span.slice(&c.text);
    let Some(t) = times.iter().find(|t| t.span.overlaps(span)) else {
        let found: Vec<String> =
            times.iter().map(|t| format!("{:?}={}", t.span.slice(&c.text), t.value)).collect();
        return Err(format!("{expected:?} not found (found {found:?})"));
    };
    let got = (t.span.slice(&c.text), t.value.as_str(), show(t.from), show(t.to), t.kind.as_str());
    let want = (expected, c.value.as_str(), c.from.clone(), c.to.clone(), c.kind.as_str());
    if got == want {
        Ok(())
    } else {
        Err(format!("want {want:?}\n              got  {got:?}"))
    }
}

#[test]
fn hand_checked_cases() {
    let known: BTreeSet<usize> = std::fs::read_to_string("test_data/cases.known-failures.txt")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    let all = cases();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for c in &all {
        match (check(c), known.contains(&c.line)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => fixed.push(c.line),
            (Err(e), false) => unexpected.push(format!("line {}: {}\n    {e}", c.line, c.text)),
            (Err(_), true) => {}
        }
    }
    eprintln!("{passed} of {} cases pass; {} known failures", all.len(), known.len());
    assert!(
        unexpected.is_empty(),
        "{} unexpected failures:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(fixed.is_empty(), "now passing, remove from cases.known-failures.txt: {fixed:?}");
}
