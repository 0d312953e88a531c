//! Per-stage throughput on one thread: documents are read and built once, then each stage runs
//! over all of them in memory and is timed on its own.

use anyhow::Context;
use dyad_ingest::{build_document, inputs, ReadConfig};
use dyad_lexicon::Lexicon;
use dyad_model::Span;
use dyad_recognize::{DocumentView, Recognizer};
use std::path::Path;
use std::time::Instant;

fn report(stage: &str, secs: f64, bytes: usize, words: usize, items: usize, what: &str) {
    println!(
        "{stage:<22} {secs:7.3} s  {:8.1} MB/s  {:>12.0} words/s  {:>10.0} {what}/s",
        bytes as f64 / 1e6 / secs,
        words as f64 / secs,
        items as f64 / secs
    );
}

pub(crate) fn run(dir: &Path, max_mb: usize) -> anyhow::Result<()> {
    let t = Instant::now();
    let mut raws = Vec::new();
    let mut bytes = 0;
    for item in inputs(&[dir.to_path_buf()], ReadConfig::default()) {
        let raw = item.context("reading corpus")?;
        bytes += raw.content.len();
        raws.push(raw);
        if bytes >= max_mb * 1_000_000 {
            break;
        }
    }
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let docs: Vec<_> = raws.into_iter().map(build_document).collect::<Result<_, _>>()?;
    let ingest = t.elapsed().as_secs_f64();
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    println!(
        "{} documents, {:.1} MB input, {:.1} MB text, {} words (read in {read:.2} s)",
        docs.len(),
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        words
    );
    report("ingest (build)", ingest, bytes, words, docs.len(), "docs");

    let t = Instant::now();
    let sentences: Vec<Vec<dyad_model::Sentence>> =
        docs.iter().map(|d| dyad_segment::sentences(&d.text)).collect();
    let n_sentences: usize = sentences.iter().map(Vec::len).sum();
    report("segment", t.elapsed().as_secs_f64(), text_bytes, words, n_sentences, "sentences");

    let lex = Lexicon::builtin()?;
    let rec = Recognizer::new(&lex);
    let t = Instant::now();
    let mut mentions = 0;
    for (d, s) in docs.iter().zip(&sentences) {
        mentions += rec
            .recognize(&DocumentView { text: &d.text, date: d.meta.published, sentences: s })
            .len();
    }
    report("recognize actors", t.elapsed().as_secs_f64(), text_bytes, words, mentions, "mentions");

    let spans: Vec<Vec<Span>> =
        sentences.iter().map(|s| s.iter().map(|x| x.span).collect()).collect();
    let t = Instant::now();
    let mut times = 0;
    for (d, s) in docs.iter().zip(&spans) {
        times += dyad_temporal::find_times(&d.text, s, d.meta.published).len();
    }
    report("temporal", t.elapsed().as_secs_f64(), text_bytes, words, times, "times");

    // Quantities use the actors and times found above.
    let found: Vec<(Vec<dyad_model::Mention>, Vec<dyad_model::TimeExpr>)> = docs
        .iter()
        .zip(&sentences)
        .zip(&spans)
        .map(|((d, s), sp)| {
            let m = rec.recognize(&DocumentView {
                text: &d.text,
                date: d.meta.published,
                sentences: s,
            });
            (m, dyad_temporal::find_times(&d.text, sp, d.meta.published))
        })
        .collect();
    let t = Instant::now();
    let mut quantities = 0;
    for ((d, sp), (m, ts)) in docs.iter().zip(&spans).zip(&found) {
        quantities += dyad_quantity::find_quantities(&d.text, sp, m, ts).len();
    }
    report("quantities", t.elapsed().as_secs_f64(), text_bytes, words, quantities, "quantities");

    let coder = dyad_code::Coder::new(&lex);
    let t = Instant::now();
    let mut events = 0;
    for ((d, s), (m, ts)) in docs.iter().zip(&sentences).zip(&found) {
        let view = dyad_code::DocumentView {
            text: &d.text,
            date: d.meta.published,
            sentences: s,
            mentions: m,
            times: ts,
        };
        events += coder.code(&view).len();
    }
    report("events", t.elapsed().as_secs_f64(), text_bytes, words, n_sentences, "sentences");
    println!("{events} events coded");
    Ok(())
}
