//! Measures ingest + segmentation + actor recognition over a corpus folder.

use anyhow::Context;
use dyad_lexicon::Lexicon;
use dyad_pipeline::{Analyzer, RunConfig};
use std::path::Path;
use std::time::Instant;

pub(crate) fn run(dir: &Path, threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().context("thread pool")?;
    }
    let t = Instant::now();
    let lex = Lexicon::builtin()?;
    let analyzer = Analyzer::new(&lex);
    let setup = t.elapsed();
    let mut mentions = 0usize;
    let mut sentences = 0usize;
    let report = dyad_pipeline::run(
        &[dir.to_path_buf()],
        &analyzer,
        &RunConfig::default(),
        |batch| -> anyhow::Result<()> {
            for a in &batch {
                mentions += a.mentions.len();
                sentences += a.sentences.len();
            }
            Ok(())
        },
        |e| eprintln!("{e}"),
        |_| {},
    )?;
    let secs = report.wall.as_secs_f64();
    let mb = report.bytes as f64 / 1e6;
    let threads = rayon::current_num_threads();
    println!(
        "corpus: {} ({} documents, {:.1} MB, {} failed)",
        dir.display(),
        report.documents,
        mb,
        report.failures.len()
    );
    println!("setup (lexicon + gazetteer): {:.1} ms", setup.as_secs_f64() * 1e3);
    println!(
        "all per-document stages: {:.2} s wall on {threads} threads: {:.1} MB/s ({:.1} MB/s per thread), {:.0} docs/s, {:.0} sentences/s, {:.0} mentions/s",
        secs,
        mb / secs,
        mb / secs / threads as f64,
        report.documents as f64 / secs,
        sentences as f64 / secs,
        mentions as f64 / secs
    );
    println!(
        "analysis cpu time: {:.2} s ({:.1} MB/s per core)",
        report.analyze_cpu.as_secs_f64(),
        mb / report.analyze_cpu.as_secs_f64()
    );
    println!(
        "peak RSS: {}",
        peak_rss_kb().map_or("unknown".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
    );
    Ok(())
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}
