//! `dyad analyze`: ingest, analyse, store, and print a briefing.

use crate::briefing::Briefing;
use crate::Outcome;
use anyhow::Context;
use dyad_pipeline::{Analyzer, RunConfig};
use dyad_store::{BulkLoad, SqliteStore, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};

pub(crate) fn run(
    paths: &[PathBuf],
    db: &Path,
    lexicon_files: &[PathBuf],
    stats: bool,
    max_document_bytes: u64,
) -> anyhow::Result<Outcome> {
    let lex = crate::lexicon::load(lexicon_files)?;
    let analyzer = Analyzer::new(&lex);
    // A new store is written under a temporary name without a write-ahead log and renamed into
    // place at the end; a small one has its secondary indexes built once at the end (and again at
    // the next open if this run is killed). See `dyad_store::BulkLoad`.
    let mut load = BulkLoad::open(db)?;
    let mut config = RunConfig::default();
    config.read.max_document_bytes = max_document_bytes;
    // Drawn only when stderr is a terminal.
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").expect("valid template"),
    );
    let mut briefing = Briefing::default();
    let report = dyad_pipeline::run(
        paths,
        &analyzer,
        &config,
        |batch| -> anyhow::Result<()> {
            let outcome = load
                .store()
                .write_batch(&batch)
                .with_context(|| format!("writing to {}", db.display()))?;
            briefing.inserted += outcome.inserted;
            briefing.unchanged += outcome.unchanged;
            for a in &batch {
                briefing.add(a);
            }
            Ok(())
        },
        |e| bar.suspend(|| eprintln!("dyad: {e}")),
        |p| {
            bar.set_message(format!(
                "{} documents, {:.1} MB, {} failed",
                p.documents,
                p.bytes as f64 / 1e6,
                p.failed
            ))
        },
    );
    bar.finish_and_clear();
    // What was written stays: a new store is finished and put in place even when the run stopped
    // on an error, which is reported after.
    let reader_path = load.end_writes()?.to_path_buf();
    // What the sources disagree on, across everything stored, is found on a second, read-only
    // connection while this one builds the secondary indexes: the conflict scans sort for
    // themselves and need none of them, so the two use both cores. Streamed: only the first
    // conflicts are kept, the rest counted by kind.
    let (conflicts, indexed, indexing) = std::thread::scope(|scope| {
        let reconcile = scope.spawn(|| -> anyhow::Result<_> {
            let started = std::time::Instant::now();
            let reader = SqliteStore::open_reader(&reader_path)?;
            let mut shown = Vec::new();
            let mut by_kind: std::collections::BTreeMap<&'static str, usize> = Default::default();
            dyad_reconcile::conflicts::for_each_in_store(&lex, &reader, &mut |c| {
                *by_kind.entry(c.kind).or_default() += 1;
                if shown.len() < SHOWN_CONFLICTS {
                    shown.push(c);
                }
            })?;
            Ok((shown, by_kind, started.elapsed()))
        });
        let started = std::time::Instant::now();
        let indexed = load.build_indexes().with_context(|| format!("indexing {}", db.display()));
        let indexing = started.elapsed();
        let conflicts = reconcile.join().expect("the reconciling thread does not panic");
        (conflicts, indexed, indexing)
    });
    // A store missing an index is still whole (its next open builds the index), so it is put in
    // place before any error is reported.
    let started = std::time::Instant::now();
    let finished = load.finish().with_context(|| format!("finishing {}", db.display()));
    let finishing = started.elapsed();
    let report = report?;
    indexed?;
    finished?;
    let (shown, by_kind, reconciling) =
        conflicts.with_context(|| format!("reading conflicts from {}", db.display()))?;
    print!("{}", briefing.render(&lex, report.failures.len()));
    let total: usize = by_kind.values().sum();
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!(
        "\nConflicts between sources ({total}{})",
        if kinds.is_empty() { String::new() } else { format!(": {}", kinds.join(", ")) }
    );
    for c in &shown {
        print!("{}", crate::query::render_conflict(c));
    }
    if total > shown.len() {
        println!("  ... and {} more (dyad conflicts)", total - shown.len());
    }
    println!("\nStored in {}", db.display());
    if stats {
        let secs = report.wall.as_secs_f64().max(1e-9);
        eprintln!(
            "stats: {} documents, {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} docs/s); analysis {:.2} s cpu, store {:.2} s, then indexes {:.2} s beside conflicts {:.2} s, made durable in {:.2} s; peak RSS {}",
            report.documents,
            report.bytes as f64 / 1e6,
            secs,
            report.bytes as f64 / 1e6 / secs,
            report.documents as f64 / secs,
            report.analyze_cpu.as_secs_f64(),
            report.sink.as_secs_f64(),
            indexing.as_secs_f64(),
            reconciling.as_secs_f64(),
            finishing.as_secs_f64(),
            peak_rss().map_or_else(|| "unknown".to_string(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
        );
    }
    Ok(if report.failures.is_empty() { Outcome::AllProcessed } else { Outcome::SomeFailed })
}

/// Conflicts the briefing prints in full.
const SHOWN_CONFLICTS: usize = 30;

/// Peak resident set size in kB (Linux), from /proc/self/status.
pub(crate) fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
