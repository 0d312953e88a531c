//! Golden tests for quantities: each `test_data/NAME.txt` starts with `# date: YYYY-MM-DD`;
//! `NAME.quantities.txt` lists every quantity with its value, bounds, unit, approximator,
//! measure, subjects and period, found with the real actor and time stages around it.

use dyad_lexicon::Lexicon;
use dyad_model::{Date, Span};
use dyad_recognize::{DocumentView, Recognizer};
use std::fmt::Write;
use std::path::Path;

fn render(rec: &Recognizer<'_>, path: &Path) -> String {
    let raw = std::fs::read_to_string(path).expect("read input");
    let (date, text) = dyad_testkit::dated(&raw);
    let date = date.and_then(Date::parse_iso);
    let sentences = dyad_segment::sentences(text);
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    let mentions = rec.recognize(&DocumentView { text, date, sentences: &sentences });
    let times = dyad_temporal::find_times(text, &spans, date);
    let mut out = String::new();
    let num = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |x| format!("{x}"));
    for q in dyad_quantity::find_quantities(text, &spans, &mentions, &times) {
        let subjects: Vec<&str> = q.subjects.iter().map(|s| s.as_ref()).collect();
        let _ = writeln!(
            out,
            "[{}..{}) {:?} value={} low={} high={} unit={} approx={} measure={} subjects={} period={}..{}",
            q.span.start,
            q.span.end,
            q.span.slice(text),
            num(q.value),
            num(q.low),
            num(q.high),
            q.unit,
            q.approx.unwrap_or("-"),
            q.measure.as_deref().unwrap_or("-"),
            if subjects.is_empty() { "-".to_string() } else { subjects.join(",") },
            q.from.map_or("-".to_string(), |d| d.to_string()),
            q.to.map_or("-".to_string(), |d| d.to_string()),
        );
    }
    out
}

#[test]
fn golden_quantities() {
    let lex = Lexicon::builtin().expect("lexicon");
    let rec = Recognizer::new(&lex);
    dyad_testkit::run(Path::new("test_data"), &["txt"], "quantities", |p| render(&rec, p));
}
