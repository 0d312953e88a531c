//! Typed errors: every dictionary problem names its file and line.

use std::path::PathBuf;

/// What can go wrong reading dictionaries or unit-test records.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A dictionary line could not be understood.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The dictionary file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The records file is not well-formed XML or lacks a required part.
    #[error("{path}: {message}")]
    Records {
        /// The records file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A dictionary directory lacks a required file.
    #[error("{dir}: no {what} dictionary found")]
    Missing {
        /// The directory searched.
        dir: PathBuf,
        /// Which kind of dictionary is missing.
        what: &'static str,
    },
}

impl PetrarchError {
    pub(crate) fn syntax(path: &std::path::Path, line: usize, message: impl Into<String>) -> Self {
        PetrarchError::Syntax { path: path.to_path_buf(), line, message: message.into() }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        PetrarchError::Io { path: path.to_path_buf(), source }
    }
}
