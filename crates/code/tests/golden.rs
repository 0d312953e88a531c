//! Golden tests for event coding: each `test_data/NAME.txt` starts with `# date: YYYY-MM-DD`;
//! `NAME.events.txt` lists every event with its trigger, source, target, codes, date and
//! modality, coded with the real actor and time stages around it.

use dyad_code::{Coder, DocumentView};
use dyad_lexicon::Lexicon;
use dyad_model::{Date, Span};
use std::fmt::Write;
use std::path::Path;

/// Reads a golden input and runs the real actor and time stages on it, then `f` on the view.
fn analysed<R>(lex: &Lexicon, path: &Path, f: impl FnOnce(&str, &DocumentView<'_>) -> R) -> R {
    let raw = std::fs::read_to_string(path).expect("read input");
    let (date, text) = dyad_testkit::dated(&raw);
    let date = date.and_then(Date::parse_iso);
    let sentences = dyad_segment::sentences(text);
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    let rec = dyad_recognize::Recognizer::new(lex);
    let mentions =
        rec.recognize(&dyad_recognize::DocumentView { text, date, sentences: &sentences });
    let times = dyad_temporal::find_times(text, &spans, date);
    let doc =
        DocumentView { text, date, sentences: &sentences, mentions: &mentions, times: &times };
    f(text, &doc)
}

/// What the claims golden files render: one line per claim.
fn render_claims(lex: &Lexicon, coder: &Coder<'_>, path: &Path) -> String {
    analysed(lex, path, |text, doc| claims_lines(coder, text, doc))
}

fn claims_lines(coder: &Coder<'_>, text: &str, doc: &DocumentView<'_>) -> String {
    let events = coder.code(doc);
    let mut out = String::new();
    for c in coder.claims(doc, &events) {
        let _ = writeln!(
            out,
            "[{}..{}) {:?} {}({}, {}) from={} modality={} basis={}",
            c.span.start,
            c.span.end,
            c.span.slice(text),
            c.predicate,
            c.subject,
            c.object.as_deref().unwrap_or("-"),
            c.from.map_or("-".to_string(), |d| d.to_string()),
            c.modality.as_str(),
            c.basis,
        );
    }
    out
}

fn render(lex: &Lexicon, coder: &Coder<'_>, path: &Path) -> String {
    analysed(lex, path, |text, doc| event_lines(coder, text, doc))
}

fn event_lines(coder: &Coder<'_>, text: &str, doc: &DocumentView<'_>) -> String {
    let mut out = String::new();
    for e in coder.code(doc) {
        let _ = writeln!(
            out,
            "[{}..{}) {:?} {}->{} cameo={} root={} goldstein={} quad={} plover={} date={} modality={} by={}",
            e.span.start,
            e.span.end,
            e.span.slice(text),
            e.source.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join(","),
            e.target.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join(","),
            e.cameo,
            e.root,
            e.goldstein,
            e.quad,
            e.plover,
            e.date.as_ref().map_or("-".to_string(), |d| format!("{}({:?})", d.value, d.basis)),
            e.modality.as_str(),
            e.attributed_to.as_deref().unwrap_or("-"),
        );
        if e.source_agent.is_some() || e.target_agent.is_some() {
            out.pop();
            let _ = writeln!(
                out,
                " agents={}->{}",
                e.source_agent.as_deref().unwrap_or("-"),
                e.target_agent.as_deref().unwrap_or("-")
            );
        }
    }
    out
}

#[test]
fn golden_events() {
    let lex = Lexicon::builtin().expect("lexicon");
    let coder = Coder::new(&lex);
    dyad_testkit::run(Path::new("test_data"), &["txt"], "events", |p| render(&lex, &coder, p));
}

#[test]
fn golden_claims() {
    let lex = Lexicon::builtin().expect("lexicon");
    let coder = Coder::new(&lex);
    dyad_testkit::run(Path::new("test_data/claims"), &["txt"], "claims", |p| {
        render_claims(&lex, &coder, p)
    });
}
