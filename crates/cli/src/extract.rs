//! `dyad extract`: the analysis as JSON Lines on stdout, nothing stored. Each document's records
//! follow its `document` record; the merged `claim` records and the `conflict` records come last.

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
    // Cross-document records come last; only the small rows they need are kept.
    let mut collected = dyad_reconcile::collect::Collected::default();
    let report = dyad_pipeline::run(
        paths,
        &analyzer,
        &config,
        |batch| -> anyhow::Result<()> {
            for a in &batch {
                let doc = &a.document;
                let (id, text) = (doc.id.as_str(), doc.text.as_str());
                write_line(&mut out, &DocumentRecord::new(doc))?;
                for m in &a.mentions {
                    write_line(&mut out, &MentionRecord::new(id, text, m))?;
                }
                for t in &a.times {
                    write_line(&mut out, &TimeRecord::new(id, text, t))?;
                }
                for q in &a.quantities {
                    write_line(&mut out, &QuantityRecord::new(id, text, q))?;
                }
                for e in &a.events {
                    write_line(&mut out, &EventRecord::new(id, text, e))?;
                }
                collected.add(a);
            }
            Ok(())
        },
        |e| eprintln!("dyad: {e}"),
        |_| {},
    )
    .context("writing records")?;
    for claim in dyad_reconcile::claims::merge(&collected.claims) {
        write_line(&mut out, &crate::query::claim_json(&claim))?;
    }
    for conflict in collected.conflicts(&lex) {
        write_line(&mut out, &crate::query::conflict_json(&conflict))?;
    }
    out.flush()?;
    Ok(if report.failures.is_empty() { Outcome::AllProcessed } else { Outcome::SomeFailed })
}

/// Writes one record as a JSON line.
fn write_line(out: &mut impl Write, record: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}
