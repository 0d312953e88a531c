//! Ingestion errors: each names the input (file, `file:line` for JSON Lines rows, or `-`) and
//! what is wrong with it.

use std::fmt;

/// An input that could not be turned into a document. Other inputs are unaffected.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {problem}")]
pub struct IngestError {
    /// The file path, `path:LINE` for a JSON Lines row, or `-` for standard input.
    pub source_name: String,
    pub problem: Problem,
}

impl IngestError {
    /// A bug in dyad met while processing this input; reported like bad input so that the run
    /// goes on.
    pub fn internal(source_name: impl Into<String>, message: String) -> IngestError {
        IngestError { source_name: source_name.into(), problem: Problem::Internal(message) }
    }

    pub(crate) fn new(source_name: impl Into<String>, problem: Problem) -> IngestError {
        IngestError { source_name: source_name.into(), problem }
    }
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("no such file or directory")]
    NotFound,
    #[error("binary content (NUL byte at offset {offset}), not an article")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at byte {offset} (line {line})")]
    InvalidUtf8 { offset: usize, line: usize },
    #[error("empty document")]
    Empty,
    #[error("{} is larger than the {} limit for one article", Bytes(*size), Bytes(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("JSON Lines row has neither a \"text\" nor an \"html\" string field")]
    MissingText,
    #[error("internal error (please report it): {0}")]
    Internal(String),
    #[error("invalid \"published\" date {0:?} (expected YYYY-MM-DD)")]
    BadDate(String),
}

/// A byte count printed for people.
struct Bytes(u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0 as f64;
        if b >= 1e6 {
            write!(f, "{:.1} MB", b / 1e6)
        } else if b >= 1e3 {
            write!(f, "{:.1} kB", b / 1e3)
        } else {
            write!(f, "{} bytes", self.0)
        }
    }
}
