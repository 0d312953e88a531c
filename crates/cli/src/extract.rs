//! `dyad extract`: the analysis as JSON Lines on stdout, nothing stored. Each document's records
//! follow its `document` record; the merged `claim` records and the `conflict` records come last.

use crate::Outcome;
use anyhow::Context;
use dyad_model::record::{DocumentRecord, EventRecord, MentionRecord, QuantityRecord, TimeRecord};
use dyad_pipeline::{Analyzer, RunConfig};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Events coded with PETRARCH/TABARI dictionaries instead of dyad's lexicon: the dictionaries'
/// actor codes become the ids and their event codes the CAMEO codes; Goldstein score, quad
/// class and PLOVER type come from dyad's codebook for that code.
struct PetrarchCoding {
    dictionaries: dyad_petrarch::Dictionaries,
    coder: dyad_petrarch::Coder,
}

impl PetrarchCoding {
    fn events(
        &self,
        a: &dyad_model::Analysis,
        lex: &dyad_lexicon::Lexicon,
    ) -> Vec<dyad_model::Event> {
        let date = a.document.meta.published.map(|d| (d.year(), d.month(), d.day()));
        let mut out = Vec::new();
        for sentence in &a.sentences {
            let text = sentence.span.slice(&a.document.text);
            for e in self.coder.code_sentence(&self.dictionaries, text, date) {
                let info = lex.events.code(&e.code);
                let start = sentence.span.start + e.span.0;
                out.push(dyad_model::Event {
                    span: dyad_model::Span::new(start, sentence.span.start + e.span.1),
                    sentence: sentence.span,
                    source: vec![e.source.as_str().into()],
                    target: vec![e.target.as_str().into()],
                    // The dictionaries' codes carry their agents (`GONMIL`): no separate field.
                    source_agent: None,
                    target_agent: None,
                    root: e.code.chars().take(2).collect(),
                    goldstein: info.map_or(0.0, |c| c.goldstein),
                    quad: info.map_or(0, |c| c.quad),
                    plover: info.map_or_else(String::new, |c| c.plover.clone()),
                    cameo: e.code,
                    date: a.document.meta.published.map(|d| dyad_model::EventDate {
                        value: d.to_string(),
                        from: Some(d),
                        to: Some(d),
                        basis: dyad_model::DateBasisKind::Document,
                    }),
                    modality: dyad_model::Modality::Asserted,
                    attributed_to: None,
                });
            }
        }
        out
    }
}

pub(crate) fn run(
    paths: &[PathBuf],
    lexicon_files: &[PathBuf],
    max_document_bytes: u64,
    petrarch_dicts: Option<&std::path::Path>,
) -> anyhow::Result<Outcome> {
    let lex = crate::lexicon::load(lexicon_files)?;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    // Cross-document records come last; only the small rows they need are kept.
    let mut collected = dyad_reconcile::collect::Collected::default();
    let outcome = analyse(paths, &lex, max_document_bytes, petrarch_dicts, |a, events| {
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
        for e in events {
            write_line(&mut out, &EventRecord::new(id, text, e))?;
        }
        collected.add(a);
        Ok(())
    })?;
    for claim in dyad_reconcile::claims::merge(&collected.claims) {
        write_line(&mut out, &crate::query::claim_json(&claim))?;
    }
    for conflict in collected.conflicts(&lex) {
        write_line(&mut out, &crate::query::conflict_json(&conflict))?;
    }
    out.flush()?;
    Ok(outcome)
}

/// The analysis `dyad extract` writes: runs the pipeline over `paths` and hands each document's
/// analysis, in input order, to `each` with the events to report for it (dyad's, or with
/// `petrarch_dicts` the PETRARCH dictionaries'). Inputs that fail are named on stderr. `dyad eval
/// events` scores exactly this.
pub(crate) fn analyse(
    paths: &[PathBuf],
    lex: &dyad_lexicon::Lexicon,
    max_document_bytes: u64,
    petrarch_dicts: Option<&std::path::Path>,
    mut each: impl FnMut(&dyad_model::Analysis, &[dyad_model::Event]) -> anyhow::Result<()> + Send,
) -> anyhow::Result<Outcome> {
    let petrarch = match petrarch_dicts {
        Some(dir) => Some(PetrarchCoding {
            dictionaries: dyad_petrarch::Dictionaries::load_dir(dir)
                .with_context(|| format!("{}: PETRARCH dictionaries", dir.display()))?,
            coder: dyad_petrarch::Coder::new(dyad_petrarch::CoderConfig::default()),
        }),
        None => None,
    };
    let analyzer = Analyzer::new(lex);
    let mut config = RunConfig::default();
    config.read.max_document_bytes = max_document_bytes;
    let report = dyad_pipeline::run(
        paths,
        &analyzer,
        &config,
        |batch| -> anyhow::Result<()> {
            for a in &batch {
                let petrarch_events = petrarch.as_ref().map(|p| p.events(a, lex));
                each(a, petrarch_events.as_ref().unwrap_or(&a.events))?;
            }
            Ok(())
        },
        |e| eprintln!("dyad: {e}"),
        |_| {},
    )
    .context("writing records")?;
    Ok(if report.failures.is_empty() { Outcome::AllProcessed } else { Outcome::SomeFailed })
}

/// Writes one record as a JSON line.
fn write_line(out: &mut impl Write, record: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}
