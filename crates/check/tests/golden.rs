//! Golden tests for the document checks: each `test_data/NAME.txt` (optionally starting with
//! `# date: YYYY-MM-DD`) is analysed with the real stages and `NAME.findings.txt` lists every
//! finding (after the `holds_office` claims read off titles). Each file has sentences that must
//! be flagged and near misses that must not.

use dyad_code::Coder;
use dyad_lexicon::Lexicon;
use dyad_model::{Date, Span};
use std::fmt::Write;
use std::path::Path;

fn render(lex: &Lexicon, coder: &Coder<'_>, path: &Path) -> String {
    let raw = std::fs::read_to_string(path).expect("read input");
    let (date, text) = dyad_testkit::dated(&raw);
    let date = date.and_then(Date::parse_iso);
    let sentences = dyad_segment::sentences(text);
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    let rec = dyad_recognize::Recognizer::new(lex);
    let mentions =
        rec.recognize(&dyad_recognize::DocumentView { text, date, sentences: &sentences });
    let times = dyad_temporal::find_times(text, &spans, date);
    let view = dyad_code::DocumentView {
        text,
        date,
        sentences: &sentences,
        mentions: &mentions,
        times: &times,
    };
    let events = coder.code(&view);
    let claims = coder.claims(&view, &events);
    let doc = dyad_check::DocumentView {
        text,
        date,
        sentences: &sentences,
        mentions: &mentions,
        times: &times,
        events: &events,
        claims: &claims,
    };
    let mut out = String::new();
    let checked = dyad_check::run(&doc, lex);
    for c in &checked.office_claims {
        let _ = writeln!(
            out,
            "[{}..{}) {:?} holds_office({}, {}, {}) at {} modality={}",
            c.span.start,
            c.span.end,
            c.span.slice(text),
            c.subject,
            c.object.as_deref().unwrap_or("-"),
            c.value.as_deref().unwrap_or("-"),
            c.from.map_or("-".to_string(), |d| d.to_string()),
            c.modality.as_str()
        );
    }
    for f in &checked.findings {
        let _ = writeln!(
            out,
            "[{}..{}) {:?} {}: {}\n    claim: {}\n    other: {}",
            f.span.start,
            f.span.end,
            f.span.slice(text),
            f.kind,
            f.explanation,
            f.claim,
            match (&f.other, &f.reference) {
                (Some((span, claim)), _) => format!("[{}..{}) {claim}", span.start, span.end),
                (None, Some(r)) => format!("reference: {r}"),
                (None, None) => "-".to_string(),
            }
        );
    }
    out
}

#[test]
fn golden_findings() {
    let lex = Lexicon::builtin().expect("lexicon");
    let coder = Coder::new(&lex);
    dyad_testkit::run(Path::new("test_data"), &["txt"], "findings", |p| render(&lex, &coder, p));
}
