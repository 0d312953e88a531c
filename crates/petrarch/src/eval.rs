//! `dyad eval petrarch`: code each unit-test record and compare the set of
//! (source, target, code) triples with its `<EventCoding>` elements.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::coder::{Coder, SentenceStatus};
use crate::records::{parse_text, read_records, Expected, Triple};
use crate::{Dictionaries, PetrarchError};

/// The result of one record.
#[derive(Debug, Clone)]
pub struct RecordResult {
    /// Record id.
    pub id: String,
    /// Record category.
    pub category: String,
    /// Whether the record is marked valid.
    pub valid: bool,
    /// The text coded.
    pub text: String,
    /// Expected, as sorted strings ("SRC TGT CODE", or "error: KIND").
    pub expected: Vec<String>,
    /// Got, in the same form.
    pub got: Vec<String>,
    /// Whether they agree.
    pub passed: bool,
}

/// Results of a run.
#[derive(Debug, Clone)]
pub struct Report {
    /// "raw text" or "parse words".
    pub mode: &'static str,
    /// Per record, in file order.
    pub results: Vec<RecordResult>,
    /// Per category: (passed, failed), sorted by category.
    pub categories: BTreeMap<String, (usize, usize)>,
    /// How many failures `render` prints.
    pub show: usize,
    /// Seconds spent coding (dictionary loading excluded).
    pub coding_seconds: f64,
    /// Seconds spent loading dictionaries.
    pub loading_seconds: f64,
}

impl Report {
    /// Records passed.
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed).count()
    }

    /// Records failed.
    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// Failures (expected versus got, up to `show`), a per-category table, then
    /// `N passed, M failed`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for r in self.results.iter().filter(|r| !r.passed).take(self.show) {
            let _ = writeln!(
                out,
                "FAIL {} [{}{}]: {}",
                r.id,
                r.category,
                if r.valid { "" } else { ", valid=false" },
                r.text
            );
            let show =
                |v: &[String]| if v.is_empty() { "(none)".to_string() } else { v.join("; ") };
            let _ = writeln!(out, "  expected: {}", show(&r.expected));
            let _ = writeln!(out, "  got:      {}", show(&r.got));
        }
        let hidden = self.failed().saturating_sub(self.show);
        if hidden > 0 {
            let _ = writeln!(out, "({hidden} more failures not shown)");
        }
        let _ = writeln!(out, "\nPETRARCH unit tests, coded from {}:", self.mode);
        let _ = writeln!(out, "{:<12} {:>6} {:>6} {:>6}", "category", "passed", "failed", "total");
        for (cat, (p, f)) in &self.categories {
            let _ = writeln!(out, "{:<12} {:>6} {:>6} {:>6}", cat, p, f, p + f);
        }
        let n = self.results.len().max(1) as f64;
        let _ = writeln!(
            out,
            "coding: {:.1} ms for {} sentences ({:.0} sentences/s); dictionaries loaded in {:.1} ms",
            self.coding_seconds * 1000.0,
            self.results.len(),
            n / self.coding_seconds.max(1e-9),
            self.loading_seconds * 1000.0
        );
        let _ = writeln!(out, "{} passed, {} failed", self.passed(), self.failed());
        out
    }
}

/// Codes every record of `records` with the dictionaries its `<Environment>` names (found in
/// `dicts`) and compares with the expected events. With `use_parse`, the words of each
/// record's Penn Treebank parse are coded instead of its `<Text>` (an unbalanced parse is the
/// `bad_input_parse` error).
pub fn evaluate(
    records: &Path,
    dicts: &Path,
    show: usize,
    use_parse: bool,
) -> Result<Report, PetrarchError> {
    let (env, recs) = read_records(records)?;
    let t0 = Instant::now();
    let file = |name: &Option<String>, what: &'static str| -> Result<Vec<PathBuf>, PetrarchError> {
        match name {
            Some(n) => Ok(vec![dicts.join(n)]),
            None => Err(PetrarchError::Missing { dir: dicts.to_path_buf(), what }),
        }
    };
    let dictionaries = Dictionaries::load_files(
        &file(&env.actors, "actor")?,
        &env.agents.as_ref().map(|n| vec![dicts.join(n)]).unwrap_or_default(),
        &file(&env.verbs, "verb")?,
        &env.discards.as_ref().map(|n| vec![dicts.join(n)]).unwrap_or_default(),
    )?;
    let loading_seconds = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let mut results = Vec::with_capacity(recs.len());
    for rec in &recs {
        let coder = Coder::new(rec.config.clone());
        let (text, bad_parse) = if use_parse {
            match rec.parse.as_deref().map(parse_text) {
                Some(Some(t)) => (t, false),
                Some(None) => (rec.text.clone(), true),
                None => (rec.text.clone(), false),
            }
        } else {
            (rec.text.clone(), false)
        };
        let got: Vec<String> = if bad_parse {
            vec!["error: bad_input_parse".to_string()]
        } else {
            let coded = coder.code_sentence_full(&dictionaries, &text, rec.date);
            match coded.status {
                SentenceStatus::Coded => {
                    let mut v: Vec<Triple> = coded
                        .events
                        .into_iter()
                        .map(|e| Triple { source: e.source, target: e.target, code: e.code })
                        .collect();
                    v.sort();
                    v.dedup();
                    v.iter().map(Triple::to_string).collect()
                }
                SentenceStatus::StoryDiscard => vec!["error: storydiscard".into()],
                SentenceStatus::SentenceDiscard => vec!["error: sentencediscard".into()],
                SentenceStatus::Dateline => vec!["error: dateline".into()],
            }
        };
        let expected: Vec<String> = match &rec.expected {
            Expected::Events(v) => {
                let mut v = v.clone();
                v.sort();
                v.dedup();
                v.iter().map(Triple::to_string).collect()
            }
            Expected::Error(e) => vec![format!("error: {e}")],
        };
        results.push(RecordResult {
            id: rec.id.clone(),
            category: rec.category.clone(),
            valid: rec.valid,
            text,
            passed: expected == got,
            expected,
            got,
        });
    }
    let coding_seconds = t1.elapsed().as_secs_f64();
    let mut categories: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in &results {
        let e = categories.entry(r.category.clone()).or_default();
        if r.passed {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    Ok(Report {
        mode: if use_parse { "parse words" } else { "raw text" },
        results,
        categories,
        show,
        coding_seconds,
        loading_seconds,
    })
}
