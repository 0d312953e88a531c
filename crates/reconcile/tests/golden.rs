//! Golden tests for reconciliation: each folder of `test_data/` is a small corpus of articles we
//! wrote, analysed with the real pipeline into an in-memory store; `FOLDER.conflicts.txt` lists
//! every conflict found. Each conflict kind has a folder that must show it and a `_near_miss`
//! folder that differs only in a way that must not count (rounding, a coarser date, the same
//! status, a list the reference data agrees with).

use dyad_ingest::RawInput;
use dyad_model::{DocumentMeta, InputFormat};
use dyad_store::{SqliteStore, Store};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn render(lex: &dyad_lexicon::Lexicon, dir: &Path) -> String {
    let analyzer = dyad_pipeline::Analyzer::new(lex);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut names = Vec::new();
    let analyses: Vec<_> = files
        .iter()
        .map(|f| {
            let raw = RawInput {
                source: f.file_name().unwrap().to_string_lossy().into_owned(),
                format: InputFormat::Text,
                content: std::fs::read_to_string(f).unwrap(),
                is_html: false,
                supplied: DocumentMeta::default(),
            };
            let a = analyzer.analyze(dyad_ingest::build_document(raw).unwrap());
            names.push((a.document.id.clone(), a.document.source.clone()));
            a
        })
        .collect();
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.write_batch(&analyses).unwrap();
    let name =
        |id: &str| names.iter().find(|(i, _)| i == id).map_or(id.to_string(), |(_, n)| n.clone());
    let mut out = String::new();
    for c in dyad_reconcile::conflicts::in_store(lex, &store).unwrap() {
        let _ = writeln!(out, "[{}] {}", c.kind, c.explanation);
        for s in &c.sides {
            match (&s.doc, s.span) {
                (Some(d), Some((a, b))) => {
                    let _ = writeln!(
                        out,
                        "    {} [{a}..{b}) {} {:?}",
                        name(d),
                        s.claim,
                        s.quote.as_deref().unwrap_or("")
                    );
                }
                _ => {
                    let _ = writeln!(out, "    reference data: {}", s.claim);
                }
            }
        }
    }
    out
}

#[test]
fn golden_conflicts() {
    let lex = dyad_lexicon::Lexicon::builtin().unwrap();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("test_data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "one folder per kind and one near miss each");
    let failures: Vec<String> =
        dirs.iter().filter_map(|d| dyad_testkit::check(d, "conflicts", &render(&lex, d))).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for d in dirs.iter().filter(|d| d.to_string_lossy().ends_with("_near_miss")) {
        assert_eq!(render(&lex, d), "", "{} must show no conflict", d.display());
    }
}
