//! Micro-benchmarks of each stage on the committed sample (`benches/sample`: 31 generated
//! articles, 0.2 MB, in text, Markdown, HTML and JSON Lines; `dyad-bench gen --size 150KB
//! --seed 3`). Each benchmark runs its stage over every document of the sample, with the
//! earlier stages' output computed once beforehand, so a regression shows in the stage that
//! caused it.
//!
//! ```sh
//! cargo bench -p dyad-bench --bench stages
//! ```
//!
//! CI only builds them (`cargo bench --no-run`): timings belong in docs/BENCHMARKS.md, not in
//! tests.

use dyad_ingest::{build_document, inputs, RawInput, ReadConfig};
use dyad_lexicon::Lexicon;
use dyad_model::{Analysis, Document, Mention, Sentence, Span, TimeExpr};
use dyad_store::{SqliteStore, Store};
use std::path::PathBuf;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// The sample's raw inputs, read once.
static RAW: LazyLock<Vec<RawInput>> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/sample");
    inputs(&[dir], ReadConfig::default()).map(|r| r.expect("sample input reads")).collect()
});

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::builtin().expect("lexicon"));

/// Each document with the output of every stage, for the stages that read earlier ones.
struct Prepared {
    doc: Document,
    sentences: Vec<Sentence>,
    spans: Vec<Span>,
    mentions: Vec<Mention>,
    times: Vec<TimeExpr>,
}

static PREPARED: LazyLock<Vec<Prepared>> = LazyLock::new(|| {
    let recognizer = dyad_recognize::Recognizer::new(&LEXICON);
    RAW.iter()
        .map(|raw| {
            let doc = build_document(raw.clone()).expect("sample document builds");
            let sentences = dyad_segment::sentences(&doc.text);
            let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
            let mentions = recognizer.recognize(&dyad_recognize::DocumentView {
                text: &doc.text,
                date: doc.meta.published,
                sentences: &sentences,
            });
            let times = dyad_temporal::find_times(&doc.text, &spans, doc.meta.published);
            Prepared { doc, sentences, spans, mentions, times }
        })
        .collect()
});

/// Every document analysed, for the store benchmark.
static ANALYSES: LazyLock<Vec<Analysis>> = LazyLock::new(|| {
    let analyzer = dyad_pipeline::Analyzer::new(&LEXICON);
    RAW.iter().map(|raw| analyzer.analyze(build_document(raw.clone()).expect("builds"))).collect()
});

fn text_bytes() -> u64 {
    PREPARED.iter().map(|p| p.doc.text.len() as u64).sum()
}

fn input_bytes() -> u64 {
    RAW.iter().map(|r| r.content.len() as u64).sum()
}

/// Runs `stage` over every prepared document, counting text bytes, and sums what it returns
/// (a count of items found, so that the work cannot be optimised away).
fn over_sample(bencher: divan::Bencher, stage: impl Fn(&Prepared) -> usize + Sync) {
    bencher
        .counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| PREPARED.iter().map(&stage).sum::<usize>());
}

#[divan::bench]
fn ingest(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(input_bytes()))
        .with_inputs(|| RAW.clone())
        .bench_values(|raws| {
            raws.into_iter().map(|r| build_document(r).expect("builds")).collect::<Vec<_>>()
        });
}

#[divan::bench]
fn segment(bencher: divan::Bencher) {
    over_sample(bencher, |p| dyad_segment::sentences(&p.doc.text).len());
}

#[divan::bench]
fn recognize(bencher: divan::Bencher) {
    let recognizer = dyad_recognize::Recognizer::new(&LEXICON);
    over_sample(bencher, |p| {
        let view = dyad_recognize::DocumentView {
            text: &p.doc.text,
            date: p.doc.meta.published,
            sentences: &p.sentences,
        };
        recognizer.recognize(&view).len()
    });
}

#[divan::bench]
fn temporal(bencher: divan::Bencher) {
    over_sample(bencher, |p| {
        dyad_temporal::find_times(&p.doc.text, &p.spans, p.doc.meta.published).len()
    });
}

#[divan::bench]
fn quantities(bencher: divan::Bencher) {
    over_sample(bencher, |p| {
        dyad_quantity::find_quantities(&p.doc.text, &p.spans, &p.mentions, &p.times).len()
    });
}

#[divan::bench]
fn events(bencher: divan::Bencher) {
    let coder = dyad_code::Coder::new(&LEXICON);
    over_sample(bencher, |p| {
        let view = dyad_code::DocumentView {
            text: &p.doc.text,
            date: p.doc.meta.published,
            sentences: &p.sentences,
            mentions: &p.mentions,
            times: &p.times,
        };
        coder.code(&view).len()
    });
}

/// Every per-document stage together, one document at a time ([`dyad_pipeline::Analyzer::analyze`]).
#[divan::bench]
fn pipeline(bencher: divan::Bencher) {
    let analyzer = dyad_pipeline::Analyzer::new(&LEXICON);
    bencher
        .counter(divan::counter::BytesCount::new(input_bytes()))
        .with_inputs(|| RAW.clone())
        .bench_values(|raws| {
            raws.into_iter()
                .map(|r| analyzer.analyze(build_document(r).expect("builds")).events.len())
                .sum::<usize>()
        });
}

/// One transaction writing every analysed document into a fresh in-memory store.
#[divan::bench]
fn store(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(text_bytes()))
        .with_inputs(|| SqliteStore::open_in_memory().expect("in-memory store"))
        .bench_local_values(|mut store| {
            store.write_batch(&ANALYSES).expect("batch writes");
            store
        });
}

/// The same, stage by stage over all documents ([`dyad_pipeline::Analyzer::analyze_all`]), as
/// `dyad analyze` runs each chunk of documents.
#[divan::bench]
fn pipeline_stage_major(bencher: divan::Bencher) {
    let analyzer = dyad_pipeline::Analyzer::new(&LEXICON);
    bencher
        .counter(divan::counter::BytesCount::new(input_bytes()))
        .with_inputs(|| RAW.clone())
        .bench_values(|raws| {
            let docs = raws.into_iter().map(|r| build_document(r).expect("builds")).collect();
            analyzer.analyze_all(docs).iter().map(|a| a.events.len()).sum::<usize>()
        });
}
