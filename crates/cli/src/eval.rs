//! `dyad time` and `dyad eval`.

use crate::Outcome;
use dyad_model::record::TimeRecord;
use dyad_model::Date;
use std::path::PathBuf;

pub(crate) fn time(text: &str, reference: Option<Date>) -> anyhow::Result<Outcome> {
    let found = dyad_temporal::normalize_phrase(text, reference);
    match found {
        Some(t) => println!("{}", serde_json::to_string(&TimeRecord::new("-", text, &t))?),
        None => println!(
            "{}",
            serde_json::json!({"type": "time", "doc": "-", "span": null, "text": text, "value": null, "from": null, "to": null, "granularity": null, "kind": null})
        ),
    }
    Ok(Outcome::AllProcessed)
}

pub(crate) fn timeml(paths: &[PathBuf], show: usize) -> anyhow::Result<Outcome> {
    let (report, _) = dyad_eval::timeml::run(paths, show)?;
    print!("{report}");
    Ok(Outcome::AllProcessed)
}

pub(crate) fn recognizers(paths: &[PathBuf], show: usize) -> anyhow::Result<Outcome> {
    let (report, _, _) = dyad_eval::recognizers::run(paths, show)?;
    print!("{report}");
    Ok(Outcome::AllProcessed)
}

/// `dyad eval petrarch RECORDS --dicts DIR [--parse]`: PETRARCH's unit-test records coded from
/// their raw text (or, with `--parse`, from the words of their parse, reported as such).
pub(crate) fn petrarch(
    paths: &[PathBuf],
    dicts: Option<&std::path::Path>,
    parse: bool,
    show: usize,
) -> anyhow::Result<Outcome> {
    let [records] = paths else {
        anyhow::bail!("eval petrarch takes one records file (PETR.UnitTest.records.xml)");
    };
    let dicts = match dicts {
        Some(d) => d.to_path_buf(),
        None => records.parent().map(std::path::Path::to_path_buf).unwrap_or_default(),
    };
    let report = dyad_petrarch::evaluate(records, &dicts, show, parse)?;
    print!("{}", report.render());
    Ok(Outcome::AllProcessed)
}

/// `dyad eval events GOLD --corpus DIR`: the events `dyad extract` codes for the corpus, scored
/// against a hand annotation of it (`eval/seeds/events.gold.jsonl` for the seeds).
pub(crate) fn events(
    paths: &[PathBuf],
    corpus: Option<&std::path::Path>,
    lexicon_files: &[PathBuf],
    show: usize,
) -> anyhow::Result<Outcome> {
    let [gold_path] = paths else {
        anyhow::bail!("eval events takes one gold file (eval/seeds/events.gold.jsonl)");
    };
    let Some(corpus) = corpus else {
        anyhow::bail!("eval events needs --corpus DIR, the articles the gold file annotates");
    };
    let gold = dyad_eval::events::Gold::read(gold_path)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    let mut docs = Vec::new();
    let outcome =
        crate::extract::analyse(&[corpus.to_path_buf()], &lex, 10_000_000, None, |a, events| {
            let source = std::path::Path::new(&a.document.source);
            docs.push(dyad_eval::events::SystemDoc {
                name: source.file_name().map_or_else(
                    || a.document.source.clone(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                text: a.document.text.clone(),
                events: events.to_vec(),
            });
            Ok(())
        })?;
    let report = dyad_eval::events::score(&gold, &docs)?;
    print!("{}", report.render(show));
    Ok(outcome)
}
