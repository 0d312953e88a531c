//! Golden tests for segmentation: `NAME.segment.txt` lists each sentence with its byte span and
//! paragraph.

use dyad_model::Span;
use std::fmt::Write;
use std::path::Path;

fn render(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read input");
    let mut out = String::new();
    for s in dyad_segment::sentences(&text) {
        let _ = writeln!(
            out,
            "p{} [{}..{}) {}",
            s.paragraph,
            s.span.start,
            s.span.end,
            dyad_testkit::quote(s.span.slice(&text))
        );
    }
    let all = Span::new(0, text.len());
    let words = dyad_segment::tokens(&text, all).len();
    let _ = writeln!(out, "tokens: {words}");
    out
}

#[test]
fn golden_segment() {
    dyad_testkit::run(Path::new("test_data"), &["txt"], "segment", render);
}
