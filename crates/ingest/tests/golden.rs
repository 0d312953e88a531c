//! Golden tests for ingestion: each file in `test_data/` is read and built into documents; the
//! expected `NAME.ingest.txt` shows the metadata found and the normalised text.

use dyad_ingest::{build_document, inputs, ReadConfig};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn render(path: &Path) -> String {
    let mut out = String::new();
    for item in inputs(&[PathBuf::from(path)], ReadConfig::default()) {
        let doc = match item.and_then(build_document) {
            Ok(d) => d,
            Err(e) => {
                let _ = writeln!(out, "error: {}", e.problem);
                continue;
            }
        };
        let m = &doc.meta;
        let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
        let _ = writeln!(out, "format: {}", doc.format.as_str());
        let _ = writeln!(out, "title: {}", opt(&m.title));
        let _ = writeln!(out, "outlet: {}", opt(&m.outlet));
        let _ = writeln!(out, "author: {}", opt(&m.author));
        let _ = writeln!(out, "url: {}", opt(&m.url));
        let _ = writeln!(out, "external_id: {}", opt(&m.external_id));
        let _ = writeln!(
            out,
            "published: {} ({})",
            m.published.map_or("-".into(), |d| d.to_string()),
            m.published_basis.map_or("-", |b| b.as_str())
        );
        let _ = writeln!(out, "dateline: {}", opt(&m.dateline_place));
        let _ = writeln!(out, "---");
        let _ = writeln!(out, "{}", doc.text);
        let _ = writeln!(out, "===");
    }
    out
}

#[test]
fn golden_ingest() {
    dyad_testkit::run(Path::new("test_data"), &["txt", "md", "html", "jsonl"], "ingest", render);
}
