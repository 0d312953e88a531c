//! The versioned SQLite schema. Each migration moves the database from version `i` to `i + 1`
//! (`PRAGMA user_version`); never edit a migration that has shipped, add a new one.
//!
//! Mentions point at their document by its integer `seq` (not the 16-character content id) and
//! do not repeat their text, which is sliced from the document when read: mention rows are by
//! far the most numerous, so every byte per row matters for ingest speed.

pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents and actor mentions.
    "CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
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
        doc INTEGER NOT NULL REFERENCES documents(seq),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        entity TEXT,
        kind TEXT NOT NULL,
        how TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc);
    CREATE INDEX mentions_entity ON mentions(entity) WHERE entity IS NOT NULL;
    CREATE TABLE diagnostics (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        severity TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        start INTEGER,
        end INTEGER
    );",
    // 2: normalised time expressions.
    "CREATE TABLE times (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value TEXT NOT NULL,
        date_from TEXT,
        date_to TEXT,
        granularity TEXT NOT NULL,
        kind TEXT NOT NULL,
        modifier TEXT
    );
    CREATE INDEX times_doc ON times(doc);",
    // 3: quantities and what they measure.
    "CREATE TABLE quantities (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT NOT NULL,
        scale TEXT,
        approx TEXT,
        measure TEXT,
        subjects TEXT NOT NULL,
        date_from TEXT,
        date_to TEXT
    );
    CREATE INDEX quantities_doc ON quantities(doc);
    CREATE INDEX quantities_measure ON quantities(measure);",
    // 4: coded events.
    "CREATE TABLE events (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        goldstein REAL NOT NULL,
        quad INTEGER NOT NULL,
        plover TEXT NOT NULL,
        date_value TEXT,
        date_from TEXT,
        date_to TEXT,
        date_basis TEXT,
        modality TEXT NOT NULL,
        attributed_to TEXT
    );
    CREATE INDEX events_doc ON events(doc);
    CREATE INDEX events_dyad ON events(source, target);",
    // 5: claims (normalised statements with their evidence).
    "CREATE TABLE claims (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        subject TEXT NOT NULL,
        predicate TEXT NOT NULL,
        object TEXT,
        date_from TEXT,
        date_to TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        modality TEXT NOT NULL,
        basis TEXT NOT NULL
    );
    CREATE INDEX claims_key ON claims(predicate, object, subject);",
    // 6: what a document contradicts by itself (dyad-check findings).
    "CREATE TABLE findings (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        kind TEXT NOT NULL,
        explanation TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        claim TEXT NOT NULL,
        other_start INTEGER,
        other_end INTEGER,
        other_claim TEXT,
        reference TEXT
    );
    CREATE INDEX findings_doc ON findings(doc);",
    // 7: a third argument for claims (the office of holds_office).
    "ALTER TABLE claims ADD COLUMN value TEXT;",
    // 8: agent (sector) codes of an event's source and target.
    "ALTER TABLE events ADD COLUMN source_agent TEXT;
    ALTER TABLE events ADD COLUMN target_agent TEXT;",
    // 9: reconciliation reads quantities one (measure, unit, subjects) group at a time.
    "CREATE INDEX quantities_key ON quantities(measure, unit, subjects);",
    // 10: reconciliation reads one-time events one (code, source, target) group at a time.
    "CREATE INDEX events_key ON events(cameo, source, target);",
    // 11: mentions as one blob per document, with per-document counts by entity and by unknown
    // name for the queries across documents (a row per mention cost most of the store time).
    "ALTER TABLE documents ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN mention_blob BLOB;
    CREATE TABLE actor_docs (
        entity TEXT NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(seq),
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX actor_docs_entity ON actor_docs(entity, doc);
    CREATE TABLE unknown_names (
        doc INTEGER NOT NULL REFERENCES documents(seq),
        name TEXT NOT NULL,
        n INTEGER NOT NULL
    );
    INSERT INTO actor_docs (entity, doc, kind, mentions)
        SELECT entity, doc, MIN(kind), COUNT(*) FROM mentions WHERE entity IS NOT NULL GROUP BY entity, doc;
    INSERT INTO unknown_names (doc, name, n)
        SELECT m.doc, CAST(substr(CAST(d.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT), COUNT(*)
        FROM mentions m JOIN documents d ON d.seq = m.doc
        WHERE m.entity IS NULL AND m.how = 'unknown' GROUP BY 1, 2;
    UPDATE documents SET mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.doc = documents.seq);",
    // 12: texts, offsets and mention blobs in a table of their own, so that the documents table
    // (read for every event, claim and quantity row joined to its document) stays small enough
    // to sit in the page cache; a quantity keeps its own words, read by reconciliation.
    "CREATE TABLE document_texts (
        seq INTEGER PRIMARY KEY REFERENCES documents(seq),
        text TEXT NOT NULL,
        offsets BLOB NOT NULL,
        mention_blob BLOB
    );
    INSERT INTO document_texts (seq, text, offsets, mention_blob)
        SELECT seq, text, offsets, mention_blob FROM documents;
    ALTER TABLE quantities ADD COLUMN quote TEXT NOT NULL DEFAULT '';
    UPDATE quantities SET quote = (
        SELECT CAST(substr(CAST(t.text AS BLOB), quantities.start + 1, quantities.end - quantities.start) AS TEXT)
        FROM document_texts t WHERE t.seq = quantities.doc);
    ALTER TABLE documents DROP COLUMN text;
    ALTER TABLE documents DROP COLUMN offsets;
    ALTER TABLE documents DROP COLUMN mention_blob;",
    // 13: a claim keeps its own words too: listing an organisation's members no longer reads
    // every member's document.
    "ALTER TABLE claims ADD COLUMN quote TEXT NOT NULL DEFAULT '';
    UPDATE claims SET quote = (
        SELECT CAST(substr(CAST(t.text AS BLOB), claims.start + 1, claims.end - claims.start) AS TEXT)
        FROM document_texts t WHERE t.seq = claims.doc);",
    // 14: reconciliation sorts figures and one-time events itself (see `scan_quantity_groups`),
    // and no query filters on these keys: their indexes only cost time at the end of a load.
    "DROP INDEX IF EXISTS quantities_key;
    DROP INDEX IF EXISTS events_key;",
    // 15: the actor index keys on the entity alone. Rows arrive in document order, so the rowid
    // it ends with already orders one entity's documents, and the build sorts a shorter key:
    // 14.9 s -> 8.5 s on a 1 GB store (`sqlite3` shell, 16 MiB cache, 14.3 million rows).
    "DROP INDEX IF EXISTS actor_docs_entity;
    CREATE INDEX actor_docs_entity ON actor_docs(entity);",
    // 16: a document's time expressions as one JSON array beside its text: they are only ever
    // read a document at a time, and as rows they were a fifth of all rows written (with an index
    // to build at the end of a load). `json_each(times)` still reads them in SQL.
    "ALTER TABLE document_texts ADD COLUMN times TEXT;
    UPDATE document_texts SET times = (
        SELECT json_group_array(json_array(start, end, value, date_from, date_to, granularity, kind, modifier))
        FROM (SELECT * FROM times t WHERE t.doc = document_texts.seq ORDER BY t.start, t.end))
    WHERE seq IN (SELECT doc FROM times);
    DROP INDEX IF EXISTS times_doc;
    DROP TABLE times;",
    // 17: which documents mention an entity, as postings: one row per entity per written batch
    // (at most 1,024 documents) with the documents and their mention counts as a JSON array
    // `[[seq, mentions], ...]`, instead of a row per (entity, document). Those rows were half of
    // all rows a load wrote, and their index the longest to build.
    "CREATE TABLE actor_postings (
        entity TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        docs TEXT NOT NULL
    );
    INSERT INTO actor_postings (entity, kind, mentions, documents, docs)
        SELECT entity, MIN(kind), SUM(mentions), COUNT(*), json_group_array(json_array(doc, mentions))
        FROM (SELECT * FROM actor_docs ORDER BY entity, doc) GROUP BY entity, doc / 1024;
    CREATE INDEX actor_postings_entity ON actor_postings(entity);
    DROP INDEX IF EXISTS actor_docs_entity;
    DROP TABLE actor_docs;",
];

/// The secondary indexes, by name, with the statement that creates each. A bulk load drops them
/// and creates them again at the end ([`crate::SqliteStore::defer_indexes`]): building an index
/// once by sorting is far cheaper than inserting each row into a B-tree that no longer fits the
/// page cache. Opening a store creates any that are missing (a bulk load killed midway).
pub(crate) const SECONDARY_INDEXES: &[(&str, &str)] = &[
    ("mentions_doc", "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc)"),
    (
        "mentions_entity",
        "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity) WHERE entity IS NOT NULL",
    ),
    ("quantities_doc", "CREATE INDEX IF NOT EXISTS quantities_doc ON quantities(doc)"),
    ("quantities_measure", "CREATE INDEX IF NOT EXISTS quantities_measure ON quantities(measure)"),
    ("events_doc", "CREATE INDEX IF NOT EXISTS events_doc ON events(doc)"),
    ("events_dyad", "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target)"),
    ("claims_key", "CREATE INDEX IF NOT EXISTS claims_key ON claims(predicate, object, subject)"),
    ("findings_doc", "CREATE INDEX IF NOT EXISTS findings_doc ON findings(doc)"),
    (
        "actor_postings_entity",
        "CREATE INDEX IF NOT EXISTS actor_postings_entity ON actor_postings(entity)",
    ),
];
