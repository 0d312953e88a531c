//! Store errors.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The cause is part of the message, not a `source` the caller would print a second time.
    #[error("database {path}: {cause}")]
    Open { path: String, cause: rusqlite::Error },
    #[error("database {path} has schema version {found}, newer than this dyad understands ({supported}); upgrade dyad")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("database {path} has schema version {found}, not {expected}: open it for writing first to migrate it")]
    NotMigrated { path: String, found: i64, expected: i64 },
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("{path} is being loaded by another process; wait for it to finish")]
    Busy { path: String },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored value is corrupt: {0}")]
    Corrupt(String),
}
