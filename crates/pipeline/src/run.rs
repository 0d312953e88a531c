//! Streaming runs: a reader thread walks the inputs and fills batches (bounded by documents and
//! bytes), worker threads analyse each batch in parallel (in chunks of documents taken stage by
//! stage), and a writer thread hands each analysed batch whole to the caller's sink. At most two
//! batches wait in each channel, so memory does not grow with the corpus.

use crate::Analyzer;
use dyad_ingest::{build_document, inputs, IngestError, RawInput, ReadConfig};
use dyad_model::{Analysis, Document};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

/// How a run batches its work.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub read: ReadConfig,
    /// The most documents in one batch (one store transaction).
    pub batch_documents: usize,
    /// The most input bytes in one batch.
    pub batch_bytes: usize,
}

impl Default for RunConfig {
    fn default() -> Self {
        // Both cores wait at the end of each batch for its last chunk: 1,024 documents (32
        // chunks) make that wait a small share of the batch. `dyad analyze` on 100 MB, two runs
        // each, interleaved: run phase 10.79 and 10.92 s with batches of 256; 10.31, 9.63, 10.71
        // and 9.94 s with 1,024 (2,048: no faster).
        RunConfig { read: ReadConfig::default(), batch_documents: 1024, batch_bytes: 16 << 20 }
    }
}

/// Progress so far, for progress bars.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub documents: usize,
    pub bytes: u64,
    pub failed: usize,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct RunReport {
    /// Documents analysed and handed to the sink.
    pub documents: usize,
    /// Input bytes of those documents.
    pub bytes: u64,
    /// Inputs that failed, each with its source and reason, in input order.
    pub failures: Vec<IngestError>,
    pub wall: Duration,
    /// Time spent in analysis (summed over threads) and in the sink (on its own thread).
    pub analyze_cpu: Duration,
    pub sink: Duration,
}

enum Item {
    Ok(RawInput),
    Err(IngestError),
}

/// Runs the pipeline over `paths`, calling `sink` with each analysed batch (in input order) and
/// `on_failure` with each input that failed. Stops at the first sink error.
pub fn run<E: Send>(
    paths: &[PathBuf],
    analyzer: &Analyzer<'_>,
    config: &RunConfig,
    mut sink: impl FnMut(Vec<Analysis>) -> Result<(), E> + Send,
    mut on_failure: impl FnMut(&IngestError),
    mut on_progress: impl FnMut(Progress),
) -> Result<RunReport, E> {
    let started = Instant::now();
    let mut report = RunReport::default();
    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let read_config = config.read.clone();
    let (max_docs, max_bytes) = (config.batch_documents.max(1), config.batch_bytes.max(1));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .thread_name(|i| format!("dyad-analyze-{i}"))
        .start_handler(|_| yield_to_writer())
        .build()
        .expect("analysis thread pool");
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for item in inputs(paths, read_config) {
                match item {
                    Ok(raw) => {
                        bytes += raw.content.len();
                        batch.push(Item::Ok(raw));
                    }
                    Err(e) => batch.push(Item::Err(e)),
                }
                if batch.len() >= max_docs || bytes >= max_bytes {
                    bytes = 0;
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        // The sink (a store transaction, a writer) runs on its own thread, so that writing one
        // batch overlaps analysing the next. At most two analysed batches wait for it.
        let (done_tx, done_rx) = sync_channel::<Vec<Analysis>>(2);
        let writer = scope.spawn(move || -> Result<Duration, E> {
            let mut busy = Duration::ZERO;
            for analyses in done_rx {
                let t = Instant::now();
                sink(analyses)?;
                busy += t.elapsed();
            }
            Ok(busy)
        });
        let mut progress = Progress::default();
        for batch in rx {
            // Documents are analysed in small chunks, stage by stage within a chunk
            // ([`Analyzer::analyze_all`]); chunks run in parallel.
            let results: Vec<(Result<Analysis, IngestError>, u64, Duration)> = pool.install(|| {
                batch
                    .into_par_iter()
                    .chunks(STAGE_MAJOR_CHUNK)
                    .flat_map_iter(|chunk| analyze_chunk(analyzer, chunk))
                    .collect()
            });
            let mut analyses = Vec::with_capacity(results.len());
            for (r, size, cpu) in results {
                report.analyze_cpu += cpu;
                match r {
                    Ok(a) => {
                        report.bytes += size;
                        progress.bytes += size;
                        analyses.push(a);
                    }
                    Err(e) => {
                        on_failure(&e);
                        progress.failed += 1;
                        report.failures.push(e);
                    }
                }
            }
            report.documents += analyses.len();
            progress.documents += analyses.len();
            if done_tx.send(analyses).is_err() {
                break; // the sink failed; its error is returned below
            }
            on_progress(progress);
        }
        drop(done_tx);
        report.sink = writer.join().expect("sink thread panicked")?;
        Ok::<(), E>(())
    })?;
    report.wall = started.elapsed();
    Ok(report)
}

/// Documents analysed stage by stage together: each stage's code, branch history and tables stay
/// warm over several documents, and a batch of 1,024 still splits into chunks enough to keep every
/// core busy. (`dyad-bench run /tmp/bench100 --threads 1`, interleaved: one document at a time
/// 42,768-47,438 sentences/s; chunks of 8 48,977-53,001; of 32 56,040-59,807; of 128
/// 60,159-61,130.)
const STAGE_MAJOR_CHUNK: usize = 32;

/// Builds and analyses one chunk of inputs, keeping their order. A bug in a stage must cost one
/// document, not the run: when the chunk panics, its documents are analysed again one by one.
fn analyze_chunk(
    analyzer: &Analyzer<'_>,
    chunk: Vec<Item>,
) -> Vec<(Result<Analysis, IngestError>, u64, Duration)> {
    let t = Instant::now();
    let mut built: Vec<(Result<Document, IngestError>, u64)> = Vec::with_capacity(chunk.len());
    for item in chunk {
        built.push(match item {
            Item::Ok(raw) => {
                let size = raw.content.len() as u64;
                let source = raw.source.clone();
                let doc =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build_document(raw)))
                        .unwrap_or_else(|panic| {
                            Err(IngestError::internal(source, panic_message(&*panic)))
                        });
                (doc, size)
            }
            Item::Err(e) => (Err(e), 0),
        });
    }
    let docs: Vec<&Document> = built.iter().filter_map(|(d, _)| d.as_ref().ok()).collect();
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer.find_all(&docs)));
    let mut found = found.ok().map(Vec::into_iter);
    let n = built.len().max(1) as u32;
    let mut results: Vec<(Result<Analysis, IngestError>, u64, Duration)> = built
        .into_iter()
        .map(|(doc, size)| {
            let analysis = doc.and_then(|doc| match found.as_mut() {
                Some(found) => Ok(found.next().expect("findings per document").into_analysis(doc)),
                None => {
                    let source = doc.source.clone();
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer.analyze(doc)))
                        .map_err(|panic| IngestError::internal(source, panic_message(&*panic)))
                }
            });
            (analysis, size, Duration::ZERO)
        })
        .collect();
    let elapsed = t.elapsed() / n;
    for r in &mut results {
        r.2 = elapsed;
    }
    results
}

/// The niceness of analysis threads. The sink is the one serial stage: with more runnable
/// threads than cores it would otherwise get only its share of a core while analysed batches
/// wait for it. On a 1 GB corpus on two cores (`dyad analyze --stats`) the run took 143.2 s with
/// the workers at the sink's priority and 117.0 s with them at 10; on 100 MB, where analysis is
/// the bound, 0, 5 and 10 ran within noise of each other.
const WORKER_NICE: i32 = 10;

/// Lowers the calling thread's priority to [`WORKER_NICE`] (Linux only; elsewhere threads keep
/// the default).
fn yield_to_writer() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling weight; on Linux, PRIO_PROCESS with
    // `who = 0` names the calling thread alone.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, WORKER_NICE);
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}
