//! The versioned SQLite schema. Each migration moves the database from version `i` to `i + 1`
//! (`PRAGMA user_version`); never edit a migration that has shipped, add a new one.

pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents and actor mentions.
    "CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        author TEXT,
        url TEXT,
        external_id TEXT,
        published TEXT,
        published_basis TEXT,
        dateline TEXT,
        text TEXT NOT NULL,
        offsets BLOB NOT NULL
    );
    CREATE TABLE mentions (
        doc TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        entity TEXT,
        kind TEXT NOT NULL,
        how TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc, start);
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE diagnostics (
        doc TEXT NOT NULL REFERENCES documents(id),
        severity TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        start INTEGER,
        end INTEGER
    );",
];
