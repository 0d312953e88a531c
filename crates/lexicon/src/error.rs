//! Lexicon loading errors, naming the file and the entry at fault.

/// A lexicon file that could not be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: cannot read: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: entry {id:?}: invalid date {value:?} (expected YYYY-MM-DD)")]
    Date { file: String, id: String, value: String },
    #[error("{file}: entry {id:?}: unknown {what} {value:?}")]
    Unknown { file: String, id: String, what: &'static str, value: String },
}
