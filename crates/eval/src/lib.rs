//! Scoring dyad against public gold suites. Each suite reads its files, runs the stage it
//! tests on the raw text, and returns a report whose last line is `N passed, M failed`.
//!
//! - [`timeml`]: TempEval-3 TimeML files (TimeBank, AQUAINT): time expression extraction
//!   (strict and relaxed spans) and value accuracy, as TempEval-3 scores them.
//! - [`recognizers`]: Microsoft Recognizers-Text English specs for numbers, percentages, number
//!   ranges and currency: value normalisation accuracy per file.
//! - [`events`]: coded events against a hand annotation (`eval/seeds/events.gold.jsonl`):
//!   source, target and CAMEO root recall and precision, and date accuracy. The caller runs
//!   the analysis; this crate only scores it.

pub mod events;
pub mod recognizers;
pub mod timeml;

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(
        correct_of_system: usize,
        system: usize,
        correct_of_gold: usize,
        gold: usize,
    ) -> Prf {
        let p = if system == 0 { 0.0 } else { correct_of_system as f64 / system as f64 };
        let r = if gold == 0 { 0.0 } else { correct_of_gold as f64 / gold as f64 };
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { precision: p, recall: r, f1 }
    }
}

/// A suite file that could not be read or understood.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct EvalError {
    pub file: String,
    pub message: String,
}
