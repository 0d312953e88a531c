//! Golden tests for actor recognition: each `test_data/NAME.txt` starts with `# date:
//! YYYY-MM-DD` (the document date); `NAME.actors.txt` lists every mention with its span, text,
//! kind, entity and how it was recognised.

use dyad_lexicon::Lexicon;
use dyad_model::Date;
use dyad_recognize::{DocumentView, Recognizer};
use std::fmt::Write;
use std::path::Path;

fn render(rec: &Recognizer<'_>, path: &Path) -> String {
    let raw = std::fs::read_to_string(path).expect("read input");
    let (date, text) = dyad_testkit::dated(&raw);
    let date = date.and_then(Date::parse_iso);
    let sentences = dyad_segment::sentences(text);
    let doc = DocumentView { text, date, sentences: &sentences };
    let mut out = String::new();
    for m in rec.recognize(&doc) {
        let _ = writeln!(
            out,
            "[{}..{}) {} {}:{} {}",
            m.span.start,
            m.span.end,
            dyad_testkit::quote(m.span.slice(text)),
            m.kind.as_str(),
            m.entity.as_deref().unwrap_or("?"),
            m.how.as_str()
        );
    }
    out
}

#[test]
fn golden_actors() {
    let lex = Lexicon::builtin().expect("lexicon");
    let rec = Recognizer::new(&lex);
    dyad_testkit::run(Path::new("test_data"), &["txt"], "actors", |p| render(&rec, p));
}
