//! `dyad extract`: the analysis as JSON Lines on stdout, nothing stored.

use crate::Outcome;
use anyhow::Context;
use dyad_model::record::{DocumentRecord, EventRecord, MentionRecord, QuantityRecord, TimeRecord};
use dyad_pipeline::{Analyzer, RunConfig};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub(crate) fn run(
    paths: &[PathBuf],
    lexicon_files: &[PathBuf],
    max_document_bytes: u64,
) -> anyhow::Result<Outcome> {
    let lex = crate::lexicon::load(lexicon_files)?;
    let analyzer = Analyzer::new(&lex);
    let mut config = RunConfig::default();
    config.read.max_document_bytes = max_document_bytes;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    let report = dyad_pipeline::run(
        paths,
        &analyzer,
        &config,
        |batch| -> anyhow::Result<()> {
            for a in &batch {
                let doc = &a.document;
                serde_json::to_writer(&mut out, &DocumentRecord::new(doc))?;
                out.write_all(b"\n")?;
                for m in &a.mentions {
                    serde_json::to_writer(&mut out, &MentionRecord::new(&doc.id, &doc.text, m))?;
                    out.write_all(b"\n")?;
                }
                for t in &a.times {
                    serde_json::to_writer(&mut out, &TimeRecord::new(&doc.id, &doc.text, t))?;
                    out.write_all(b"\n")?;
                }
                for q in &a.quantities {
                    serde_json::to_writer(&mut out, &QuantityRecord::new(&doc.id, &doc.text, q))?;
                    out.write_all(b"\n")?;
                }
                for e in &a.events {
                    serde_json::to_writer(&mut out, &EventRecord::new(&doc.id, &doc.text, e))?;
                    out.write_all(b"\n")?;
                }
            }
            Ok(())
        },
        |e| eprintln!("dyad: {e}"),
        |_| {},
    )
    .context("writing records")?;
    out.flush()?;
    Ok(if report.failures.is_empty() { Outcome::AllProcessed } else { Outcome::SomeFailed })
}
