//! The embedded SQLite store (the default; bundled, no server).

use crate::error::StoreError;
use crate::schema::{MIGRATIONS, SECONDARY_INDEXES};
use crate::{
    ActorCount, ClaimQuery, DocumentSummary, EventQuery, Store, StoreCounts, StoredClaim,
    StoredEvent, StoredFinding, StoredQuantity, StoredTime, WriteOutcome,
};
use dyad_model::{ActorKind, Analysis, Date, Mention, MentionHow, Span, TimeExpr};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// A SQLite database file in WAL mode: readers never block the writer, and a crash loses at
/// most the batch being written.
#[derive(Debug)]
pub struct SqliteStore {
    pub(crate) conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path)
            .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
        conn.execute_batch(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
        )
            .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
        SqliteStore::from_new_connection(conn, &name)
    }

    /// Migrates the database behind a connection just opened and configured, and builds any
    /// index a killed bulk load left missing.
    pub(crate) fn from_new_connection(
        conn: Connection,
        name: &str,
    ) -> Result<SqliteStore, StoreError> {
        let mut store = SqliteStore { conn };
        store.migrate(name)?;
        store.restore_indexes()?;
        Ok(store)
    }

    /// Opens an existing, already migrated store for reading only, without building missing
    /// indexes: a second connection that reconciles while the first builds the indexes after a
    /// bulk load (WAL mode lets one write while the other reads). Its page cache, which also
    /// bounds its sorter's memory, is a quarter of a writer's, so that the two together stay
    /// within the memory of one.
    pub fn open_reader(path: &Path) -> Result<SqliteStore, StoreError> {
        let name = path.display().to_string();
        // No per-connection mutex: a `Connection` is used by one thread at a time, and in the
        // default serialised mode every column read took and released one.
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
        conn.execute_batch(
            "PRAGMA busy_timeout = 5000; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;",
        )
        .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = MIGRATIONS.len() as i64;
        if version > supported {
            return Err(StoreError::TooNew { path: name, found: version, supported });
        }
        if version < supported {
            return Err(StoreError::NotMigrated {
                path: name,
                found: version,
                expected: supported,
            });
        }
        Ok(SqliteStore { conn })
    }

    /// Drops the secondary indexes for a bulk load into a store that holds fewer than
    /// `max_documents` documents, and says whether it did; [`SqliteStore::restore_indexes`]
    /// builds them again. Queries stay correct meanwhile, only slower.
    pub(crate) fn defer_indexes(&mut self, max_documents: usize) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        if n as usize >= max_documents {
            return Ok(false);
        }
        for (name, _) in SECONDARY_INDEXES {
            self.conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
        Ok(true)
    }

    /// Creates the secondary indexes that are missing.
    pub(crate) fn restore_indexes(&mut self) -> Result<(), StoreError> {
        // Index builds sort the whole table: let the sorter spill to temporary files rather than
        // hold it in memory, so that memory does not grow with the store.
        // (Letting the sorter use more threads, `PRAGMA threads`, was measured: no faster on a
        // 1 GB corpus, and each thread's buffers took peak RSS from 178 to 304 MB.)
        // The sorter's memory follows the page cache size; a smaller one sorts as fast (the
        // actor index of schemas 11-16, 14 million rows of a 1 GB store: 14.7 s with 64 MiB,
        // 13.2 s with 16 MiB) and leaves room for the reconciling connection beside it.
        self.conn.execute_batch("PRAGMA temp_store = FILE; PRAGMA cache_size = -16384")?;
        for (_, sql) in SECONDARY_INDEXES {
            self.conn.execute_batch(sql)?;
        }
        self.conn.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536")?;
        Ok(())
    }

    /// A private in-memory database, for tests and stateless runs.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = SqliteStore { conn };
        store.migrate(":memory:")?;
        Ok(store)
    }

    fn migrate(&mut self, name: &str) -> Result<(), StoreError> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = MIGRATIONS.len() as i64;
        if version > supported {
            return Err(StoreError::TooNew { path: name.to_string(), found: version, supported });
        }
        if version == supported {
            return Ok(());
        }
        // Migrations rebuild indexes and rewrite tables: their sorts and temporary tables spill
        // to files, so that migrating a large store does not take memory in proportion to it
        // (a 4 GB store held 1.5 GB while its actor index was rebuilt in memory).
        self.conn.execute_batch("PRAGMA temp_store = FILE")?;
        let tx = self.conn.transaction()?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        self.conn.execute_batch("PRAGMA temp_store = MEMORY")?;
        Ok(())
    }
}

impl SqliteStore {
    /// Runs `scan` with SQLite's sorter spilling to temporary files, so that a query sorting a
    /// whole table keeps memory bounded whatever the store's size.
    fn sorted_on_disk<T>(
        &self,
        scan: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.execute_batch("PRAGMA temp_store = FILE")?;
        let result = scan();
        self.conn.execute_batch("PRAGMA temp_store = MEMORY")?;
        result
    }

    fn read_quantities<P: rusqlite::Params>(
        &self,
        condition: &str,
        params: P,
    ) -> Result<Vec<StoredQuantity>, StoreError> {
        let mut out = Vec::new();
        self.each_quantity(condition, "q.measure, d.id, q.start", "", params, &mut |q| {
            out.push(q)
        })?;
        Ok(out)
    }

    /// Quantities matching `condition`, in `order`, one at a time; `hint` is an index clause for
    /// the table (`NOT INDEXED` for a scan sorted by SQLite rather than walked by an index).
    fn each_quantity<P: rusqlite::Params>(
        &self,
        condition: &str,
        order: &str,
        hint: &str,
        params: P,
        f: &mut dyn FnMut(StoredQuantity),
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT d.id, d.outlet, q.start, q.end, q.quote,
                    q.value, q.low, q.high, q.unit, q.scale, q.approx, q.measure, q.subjects, q.date_from, q.date_to
             FROM quantities q {hint} JOIN documents d ON d.seq = q.doc
             WHERE {condition} ORDER BY {order}"
        ))?;
        let rows = stmt.query_map(params, |r| {
            let date = |i: usize| {
                r.get::<_, Option<String>>(i).map(|v| v.as_deref().and_then(Date::parse_iso))
            };
            let mut subjects: Vec<String> = r
                .get::<_, String>(12)?
                .split(' ')
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect();
            subjects.sort();
            Ok(StoredQuantity {
                doc: r.get(0)?,
                outlet: r.get(1)?,
                span: (r.get::<_, i64>(2)? as usize, r.get::<_, i64>(3)? as usize),
                quote: r.get(4)?,
                value: r.get(5)?,
                low: r.get(6)?,
                high: r.get(7)?,
                unit: r.get(8)?,
                scale: r.get(9)?,
                approx: r.get(10)?,
                measure: r.get(11)?,
                subjects,
                from: date(13)?,
                to: date(14)?,
            })
        })?;
        for q in rows {
            f(q?);
        }
        Ok(())
    }
}

impl SqliteStore {
    /// Every finding, in the order documents were stored, then by position, one at a time (the
    /// `findings_doc` index gives that order without sorting every finding in memory).
    fn each_finding(&self, f: &mut dyn FnMut(StoredFinding)) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, f.kind, f.explanation, f.start, f.end, f.claim, f.other_start, f.other_end, f.other_claim, f.reference, d.seq
             FROM findings f JOIN documents d ON d.seq = f.doc ORDER BY f.doc, f.start, f.end",
        )?;
        let mut rows = stmt.query([])?;
        let mut texts = Texts::new(&self.conn)?;
        while let Some(r) = rows.next()? {
            let span = (r.get::<_, i64>(3)? as usize, r.get::<_, i64>(4)? as usize);
            let seq: i64 = r.get(10)?;
            let other = match (
                r.get::<_, Option<i64>>(6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ) {
                (Some(s), Some(e), Some(c)) => {
                    let other_span = (s as usize, e as usize);
                    Some((other_span, texts.slice(seq, other_span)?, c))
                }
                _ => None,
            };
            f(StoredFinding {
                doc: r.get(0)?,
                kind: r.get(1)?,
                explanation: r.get(2)?,
                span,
                quote: texts.slice(seq, span)?,
                claim: r.get(5)?,
                other,
                reference: r.get(9)?,
            });
        }
        Ok(())
    }
}

/// The columns [`event_row`] reads.
const EVENT_COLUMNS: &str = "d.id, d.url, d.outlet, e.start, e.end, e.sentence_start, e.sentence_end, e.source, e.target, e.cameo, e.root,
    e.goldstein, e.quad, e.plover, e.date_value, e.date_from, e.date_to, e.date_basis, e.modality, e.attributed_to,
    d.title, d.seq, e.source_agent, e.target_agent";

/// A stored event (quotes still empty) and its document's `seq`.
fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredEvent, i64)> {
    let split =
        |s: String| s.split(' ').filter(|x| !x.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let date =
        |i: usize| r.get::<_, Option<String>>(i).map(|v| v.as_deref().and_then(Date::parse_iso));
    Ok(StoredEvent {
        doc: r.get(0)?,
        url: r.get(1)?,
        outlet: r.get(2)?,
        title: r.get(20)?,
        span: (r.get::<_, i64>(3)? as usize, r.get::<_, i64>(4)? as usize),
        // Filled from the document text below.
        quote: String::new(),
        sentence_text: String::new(),
        sentence: (r.get::<_, i64>(5)? as usize, r.get::<_, i64>(6)? as usize),
        source: split(r.get(7)?),
        target: split(r.get(8)?),
        source_agent: r.get(22)?,
        target_agent: r.get(23)?,
        cameo: r.get(9)?,
        root: r.get(10)?,
        goldstein: r.get(11)?,
        quad: r.get::<_, i64>(12)? as u8,
        plover: r.get(13)?,
        date_value: r.get(14)?,
        date_from: date(15)?,
        date_to: date(16)?,
        date_basis: r.get(17)?,
        modality: r.get(18)?,
        attributed_to: r.get(19)?,
    }
    .with_seq(r.get(21)?))
}

const CLAIM_COLUMNS: &str = "d.id, d.outlet, d.published, c.subject, c.predicate, c.object, c.date_from, c.date_to, c.start, c.end,
    c.quote, c.modality, c.basis, d.title, c.value";

/// The order claims are listed in.
const CLAIM_ORDER: &str =
    "c.subject, c.date_from IS NULL, c.date_from, d.id, c.start, c.predicate, c.object";

fn claim_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredClaim> {
    let date =
        |i: usize| r.get::<_, Option<String>>(i).map(|v| v.as_deref().and_then(Date::parse_iso));
    Ok(StoredClaim {
        doc: r.get(0)?,
        title: r.get(13)?,
        outlet: r.get(1)?,
        published: date(2)?,
        subject: r.get(3)?,
        predicate: r.get(4)?,
        object: r.get(5)?,
        value: r.get(14)?,
        from: date(6)?,
        to: date(7)?,
        span: (r.get::<_, i64>(8)? as usize, r.get::<_, i64>(9)? as usize),
        quote: r.get(10)?,
        modality: r.get(11)?,
        basis: r.get(12)?,
    })
}

/// Hands `f` each run of consecutive rows that `same` says share a key: the scans read rows
/// sorted by their key, so a run is one group.
struct Runs<'f, T> {
    group: Vec<T>,
    f: &'f mut dyn FnMut(&[T]),
}

impl<'f, T> Runs<'f, T> {
    fn new(f: &'f mut dyn FnMut(&[T])) -> Runs<'f, T> {
        Runs { group: Vec::new(), f }
    }

    fn push(&mut self, row: T, same: impl Fn(&T, &T) -> bool) {
        if self.group.last().is_some_and(|last| !same(last, &row)) {
            (self.f)(&self.group);
            self.group.clear();
        }
        self.group.push(row);
    }

    fn finish(self) {
        if !self.group.is_empty() {
            (self.f)(&self.group);
        }
    }
}

/// Every mention span must lie on char boundaries inside its document.
fn check_spans(id: &str, text: &str, mentions: &[Mention]) -> Result<(), StoreError> {
    for m in mentions {
        if m.span.end > text.len()
            || !text.is_char_boundary(m.span.start)
            || !text.is_char_boundary(m.span.end)
        {
            return Err(StoreError::Corrupt(format!(
                "mention span {:?} outside document {id}",
                m.span
            )));
        }
    }
    Ok(())
}

/// Pairs a row with its document's `seq`, to slice its quotes afterwards.
trait WithSeq: Sized {
    fn with_seq(self, seq: i64) -> (Self, i64) {
        (self, seq)
    }
}
impl WithSeq for StoredEvent {}

/// Document texts read once per query to slice quotes in Rust: SQLite's `substr` counts
/// characters, and casting the text to a blob for every row copies the whole document each time.
struct Texts<'c> {
    stmt: rusqlite::CachedStatement<'c>,
    cache: std::collections::HashMap<i64, String>,
}

impl<'c> Texts<'c> {
    fn new(conn: &'c Connection) -> Result<Texts<'c>, StoreError> {
        Ok(Texts {
            stmt: conn.prepare_cached("SELECT text FROM document_texts WHERE seq = ?1")?,
            cache: std::collections::HashMap::new(),
        })
    }

    fn slice(&mut self, seq: i64, span: (usize, usize)) -> Result<String, StoreError> {
        if !self.cache.contains_key(&seq) {
            // Streaming reads touch every document once: keep only the recent ones.
            if self.cache.len() >= 64 {
                self.cache.clear();
            }
            let text: String = self.stmt.query_row([seq], |r| r.get(0))?;
            self.cache.insert(seq, text);
        }
        let text = &self.cache[&seq];
        text.get(span.0..span.1)
            .map(str::to_string)
            .ok_or_else(|| StoreError::Corrupt(format!("span {span:?} outside document #{seq}")))
    }
}

/// A `WHERE` clause assembled from optional filters, with its positional parameters.
#[derive(Default)]
struct Filter {
    conditions: Vec<String>,
    params: Vec<String>,
}

impl Filter {
    fn push<const N: usize>(&mut self, condition: &str, params: [String; N]) {
        self.conditions.push(condition.to_string());
        self.params.extend(params);
    }

    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }

    fn count(&self, conn: &Connection, from: &str) -> Result<usize, StoreError> {
        let sql = format!("SELECT COUNT(*) {from} {}", self.where_clause());
        Ok(conn.query_row(&sql, rusqlite::params_from_iter(self.params.iter()), |r| {
            r.get::<_, i64>(0)
        })? as usize)
    }
}

/// `id` as a whole word of a space-separated list padded with spaces (for `instr`).
fn word_pattern(id: &str) -> String {
    format!(" {id} ")
}

fn limit_clause(limit: Option<usize>, offset: usize) -> String {
    match limit {
        Some(l) => format!("LIMIT {l} OFFSET {offset}"),
        None if offset > 0 => format!("LIMIT -1 OFFSET {offset}"),
        None => String::new(),
    }
}

/// The documents of one batch that mention one entity: a row of `actor_postings`.
struct Posting<'a> {
    /// The least of the kinds the entity was first mentioned as, per document.
    kind: &'a str,
    mentions: i64,
    documents: i64,
    /// `[[seq, mentions], ...]` in document order (JSON, so that `json_each` reads it in SQL).
    docs: String,
}

impl<'a> Posting<'a> {
    fn new(kind: &'a str) -> Posting<'a> {
        Posting { kind, mentions: 0, documents: 0, docs: String::from("[") }
    }

    fn add(&mut self, seq: i64, kind: &'a str, mentions: i64) {
        use std::fmt::Write as _;
        self.kind = self.kind.min(kind);
        if self.documents > 0 {
            self.docs.push(',');
        }
        self.mentions += mentions;
        self.documents += 1;
        let _ = write!(self.docs, "[{seq},{mentions}]");
    }
}

/// One time expression as stored in its document's `times` array (schema 16): start, end,
/// value, first and last day, granularity, kind and modifier.
type TimeRow =
    (usize, usize, String, Option<String>, Option<String>, String, String, Option<String>);

/// A document's time expressions as one JSON array of [`TimeRow`]s, or `None` without any.
fn times_json(times: &[TimeExpr]) -> Option<String> {
    if times.is_empty() {
        return None;
    }
    let rows: Vec<_> = times
        .iter()
        .map(|t| {
            (
                t.span.start,
                t.span.end,
                &t.value,
                t.from.map(|d| d.to_string()),
                t.to.map(|d| d.to_string()),
                t.granularity.as_str(),
                t.kind.as_str(),
                &t.modifier,
            )
        })
        .collect();
    Some(serde_json::to_string(&rows).expect("time rows serialise"))
}

fn offsets_blob(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::with_capacity(a.document.offsets.checkpoints().len() * 8);
    for (n, s) in a.document.offsets.checkpoints() {
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

fn parse_kind(s: &str) -> ActorKind {
    match s {
        "state" => ActorKind::State,
        "person" => ActorKind::Person,
        "organization" => ActorKind::Organization,
        "agreement" => ActorKind::Agreement,
        "company" => ActorKind::Company,
        "place" => ActorKind::Place,
        _ => ActorKind::Other,
    }
}

fn parse_how(s: &str) -> MentionHow {
    match s {
        "name" => MentionHow::Name,
        "alias" => MentionHow::Alias,
        "acronym" => MentionHow::Acronym,
        "demonym" => MentionHow::Demonym,
        "capital" => MentionHow::Capital,
        "title" => MentionHow::Title,
        "surname" => MentionHow::Surname,
        "coref" => MentionHow::Coref,
        _ => MentionHow::Unknown,
    }
}

const SUMMARY_COLUMNS: &str =
    "d.id, d.source, d.title, d.outlet, d.published, d.published_basis, d.mention_count, d.seq, d.url, d.author, d.dateline";

fn summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentSummary> {
    let published: Option<String> = row.get(4)?;
    Ok(DocumentSummary {
        id: row.get(0)?,
        source: row.get(1)?,
        title: row.get(2)?,
        outlet: row.get(3)?,
        published: published.as_deref().and_then(Date::parse_iso),
        published_basis: row.get(5)?,
        mentions: row.get::<_, i64>(6)? as usize,
        url: row.get(8)?,
        author: row.get(9)?,
        dateline: row.get(10)?,
    })
}

impl Store for SqliteStore {
    fn write_batch(&mut self, batch: &[Analysis]) -> Result<WriteOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcome = WriteOutcome::default();
        {
            let mut insert_doc = tx.prepare_cached(
                "INSERT OR IGNORE INTO documents (id, source, format, title, outlet, author, url, external_id, published, published_basis, dateline, mention_count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            let mut insert_text = tx.prepare_cached(
                "INSERT INTO document_texts (seq, text, offsets, mention_blob, times) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            // Which documents of the batch mention each entity, how often: one postings row per
            // entity at the end of the batch (schema 17).
            let mut postings: std::collections::BTreeMap<&str, Posting<'_>> =
                std::collections::BTreeMap::new();
            let mut insert_unknown =
                tx.prepare_cached("INSERT INTO unknown_names (doc, name, n) VALUES (?1, ?2, ?3)")?;
            let mut insert_quantity = tx.prepare_cached(
                "INSERT INTO quantities (doc, start, end, value, low, high, unit, scale, approx, measure, subjects, date_from, date_to, quote)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?;
            let mut insert_event = tx.prepare_cached(
                "INSERT INTO events (doc, start, end, sentence_start, sentence_end, source, target, cameo, root, goldstein, quad, plover,
                    date_value, date_from, date_to, date_basis, modality, attributed_to, source_agent, target_agent)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            )?;
            let mut insert_claim = tx.prepare_cached(
                "INSERT INTO claims (doc, subject, predicate, object, date_from, date_to, start, end, modality, basis, value, quote)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            let mut insert_finding = tx.prepare_cached(
                "INSERT INTO findings (doc, kind, explanation, start, end, claim, other_start, other_end, other_claim, reference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut insert_diag = tx.prepare_cached(
                "INSERT INTO diagnostics (doc, severity, code, message, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for a in batch {
                let d = &a.document;
                let m = &d.meta;
                let changed = insert_doc.execute(params![
                    d.id,
                    d.source,
                    d.format.as_str(),
                    m.title,
                    m.outlet,
                    m.author,
                    m.url,
                    m.external_id,
                    m.published.map(|p| p.to_string()),
                    m.published_basis.map(|b| b.as_str()),
                    m.dateline_place,
                    a.mentions.len() as i64,
                ])?;
                if changed == 0 {
                    outcome.unchanged += 1;
                    continue;
                }
                outcome.inserted += 1;
                let seq = tx.last_insert_rowid();
                insert_text.execute(params![
                    seq,
                    d.text,
                    offsets_blob(a),
                    crate::mention_blob::encode(&a.mentions),
                    times_json(&a.times),
                ])?;
                // Per entity and per unknown name, one row for the document: what cross-document
                // queries need, without a row per mention.
                let mut per_entity: std::collections::BTreeMap<&str, (&str, i64)> =
                    std::collections::BTreeMap::new();
                let mut unknown: std::collections::BTreeMap<&str, i64> =
                    std::collections::BTreeMap::new();
                for mention in &a.mentions {
                    match mention.entity.as_deref() {
                        Some(e) => per_entity.entry(e).or_insert((mention.kind.as_str(), 0)).1 += 1,
                        None if mention.how == MentionHow::Unknown => {
                            if let Some(name) = d.text.get(mention.span.start..mention.span.end) {
                                *unknown.entry(name).or_default() += 1;
                            }
                        }
                        None => {}
                    }
                }
                for (entity, (kind, n)) in per_entity {
                    postings.entry(entity).or_insert_with(|| Posting::new(kind)).add(seq, kind, n);
                }
                for (name, n) in unknown {
                    insert_unknown.execute(params![seq, name, n])?;
                }
                for q in &a.quantities {
                    // Sorted, so that one figure's key is one string whatever the order named.
                    let mut subjects = q.subjects.iter().map(|e| e.as_ref()).collect::<Vec<&str>>();
                    subjects.sort_unstable();
                    let subjects = subjects.join(" ");
                    insert_quantity.execute(params![
                        seq,
                        q.span.start as i64,
                        q.span.end as i64,
                        q.value,
                        q.low,
                        q.high,
                        q.unit,
                        q.scale,
                        q.approx,
                        q.measure,
                        subjects,
                        q.from.map(|d| d.to_string()),
                        q.to.map(|d| d.to_string()),
                        d.text.get(q.span.start..q.span.end).unwrap_or_default(),
                    ])?;
                }
                for e in &a.events {
                    let join = |v: &[dyad_model::EntityId]| {
                        v.iter().map(|x| x.as_ref()).collect::<Vec<&str>>().join(" ")
                    };
                    let basis = e.date.as_ref().map(|d| match d.basis {
                        dyad_model::DateBasisKind::Text => "text",
                        dyad_model::DateBasisKind::Document => "document",
                    });
                    insert_event.execute(params![
                        seq,
                        e.span.start as i64,
                        e.span.end as i64,
                        e.sentence.start as i64,
                        e.sentence.end as i64,
                        join(&e.source),
                        join(&e.target),
                        e.cameo,
                        e.root,
                        e.goldstein,
                        i64::from(e.quad),
                        e.plover,
                        e.date.as_ref().map(|d| d.value.as_str()),
                        e.date.as_ref().and_then(|d| d.from.map(|x| x.to_string())),
                        e.date.as_ref().and_then(|d| d.to.map(|x| x.to_string())),
                        basis,
                        e.modality.as_str(),
                        e.attributed_to.as_deref(),
                        e.source_agent.as_deref(),
                        e.target_agent.as_deref(),
                    ])?;
                }
                for c in &a.claims {
                    insert_claim.execute(params![
                        seq,
                        c.subject.as_ref(),
                        c.predicate,
                        c.object.as_deref(),
                        c.from.map(|d| d.to_string()),
                        c.to.map(|d| d.to_string()),
                        c.span.start as i64,
                        c.span.end as i64,
                        c.modality.as_str(),
                        c.basis,
                        c.value.as_deref(),
                        d.text.get(c.span.start..c.span.end).unwrap_or_default(),
                    ])?;
                }
                for f in &a.findings {
                    insert_finding.execute(params![
                        seq,
                        f.kind,
                        f.explanation,
                        f.span.start as i64,
                        f.span.end as i64,
                        f.claim,
                        f.other.as_ref().map(|(s, _)| s.start as i64),
                        f.other.as_ref().map(|(s, _)| s.end as i64),
                        f.other.as_ref().map(|(_, c)| c.as_str()),
                        f.reference.as_deref(),
                    ])?;
                }
                for diag in &a.diagnostics {
                    let severity = match diag.severity {
                        dyad_model::Severity::Info => "info",
                        dyad_model::Severity::Warning => "warning",
                    };
                    insert_diag.execute(params![
                        seq,
                        severity,
                        diag.code,
                        diag.message,
                        diag.span.map(|s| s.start as i64),
                        diag.span.map(|s| s.end as i64),
                    ])?;
                }
            }
            let mut insert_posting = tx.prepare_cached(
                "INSERT INTO actor_postings (entity, kind, mentions, documents, docs) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (entity, mut p) in postings {
                p.docs.push(']');
                insert_posting.execute(params![entity, p.kind, p.mentions, p.documents, p.docs])?;
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM documents d ORDER BY d.published IS NULL, d.published, d.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], summary)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn document(
        &self,
        id: &str,
    ) -> Result<Option<(DocumentSummary, String, Vec<Mention>)>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, t.text FROM documents d JOIN document_texts t ON t.seq = d.seq WHERE d.id = ?1"
        );
        let found = self
            .conn
            .query_row(&sql, [id], |r| {
                Ok((summary(r)?, r.get::<_, i64>(7)?, r.get::<_, String>(11)?))
            })
            .optional()?;
        let Some((summary, seq, text)) = found else { return Ok(None) };
        let blob: Option<Vec<u8>> = self.conn.query_row(
            "SELECT mention_blob FROM document_texts WHERE seq = ?1",
            [seq],
            |r| r.get(0),
        )?;
        if let Some(blob) = blob {
            let mentions = crate::mention_blob::decode(&blob).ok_or_else(|| {
                StoreError::Corrupt(format!("the mentions of document {id} do not decode"))
            })?;
            check_spans(id, &text, &mentions)?;
            return Ok(Some((summary, text, mentions)));
        }
        // Documents stored before schema 11 keep a row per mention.
        let mut stmt = self.conn.prepare(
            "SELECT start, end, entity, kind, how FROM mentions WHERE doc = ?1 ORDER BY start, end",
        )?;
        let mentions = stmt
            .query_map([seq], |r| {
                let (start, end): (i64, i64) = (r.get(0)?, r.get(1)?);
                Ok(Mention {
                    span: Span::new(start as usize, end as usize),
                    entity: r.get::<_, Option<String>>(2)?.map(Into::into),
                    kind: parse_kind(&r.get::<_, String>(3)?),
                    how: parse_how(&r.get::<_, String>(4)?),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        check_spans(id, &text, &mentions)?;
        Ok(Some((summary, text, mentions)))
    }

    fn actor_counts(&self) -> Result<Vec<ActorCount>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT entity, MIN(kind), SUM(mentions), SUM(documents) FROM actor_postings
             GROUP BY entity ORDER BY SUM(mentions) DESC, entity",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ActorCount {
                entity: r.get(0)?,
                kind: r.get(1)?,
                mentions: r.get::<_, i64>(2)? as usize,
                documents: r.get::<_, i64>(3)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn events(&self) -> Result<Vec<StoredEvent>, StoreError> {
        Ok(self.query_events(&EventQuery::default())?.0)
    }

    fn query_events(&self, q: &EventQuery) -> Result<(Vec<StoredEvent>, usize), StoreError> {
        let mut filter = Filter::default();
        if let Some(a) = &q.actor {
            filter.push(
                "(instr(' ' || e.source || ' ', ?) > 0 OR instr(' ' || e.target || ' ', ?) > 0)",
                [word_pattern(a), word_pattern(a)],
            );
        }
        if let Some(a) = &q.source {
            filter.push("instr(' ' || e.source || ' ', ?) > 0", [word_pattern(a)]);
        }
        if let Some(a) = &q.target {
            filter.push("instr(' ' || e.target || ' ', ?) > 0", [word_pattern(a)]);
        }
        if let Some((a, b)) = &q.dyad {
            filter.push(
                "((instr(' ' || e.source || ' ', ?) > 0 AND instr(' ' || e.target || ' ', ?) > 0) OR (instr(' ' || e.source || ' ', ?) > 0 AND instr(' ' || e.target || ' ', ?) > 0))",
                [word_pattern(a), word_pattern(b), word_pattern(b), word_pattern(a)],
            );
        }
        if let Some((s, t)) = &q.exact {
            filter.push("e.source = ? AND e.target = ?", [s.clone(), t.clone()]);
        }
        if let Some(code) = &q.code {
            filter.push("substr(e.cameo, 1, length(?)) = ?", [code.clone(), code.clone()]);
        }
        if let Some(m) = &q.modality {
            filter.push("e.modality = ?", [m.clone()]);
        }
        if let Some(d) = &q.doc {
            filter.push("d.id = ?", [d.clone()]);
        }
        if let Some(f) = q.from {
            filter.push("e.date_from >= ?", [f.to_string()]);
        }
        if let Some(t) = q.to {
            filter.push("e.date_from <= ?", [t.to_string()]);
        }
        let from = "FROM events e JOIN documents d ON d.seq = e.doc";
        let total = filter.count(&self.conn, from)?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS} {from} {} ORDER BY e.date_from IS NULL, e.date_from, d.id, e.start, e.source, e.target {}",
            filter.where_clause(),
            limit_clause(q.limit, q.offset)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(filter.params.iter()), event_row)?;
        let rows: Vec<(StoredEvent, i64)> = rows.collect::<Result<_, _>>()?;
        let mut texts = Texts::new(&self.conn)?;
        let mut out = Vec::with_capacity(rows.len());
        for (mut e, seq) in rows {
            e.quote = texts.slice(seq, e.span)?;
            e.sentence_text = texts.slice(seq, e.sentence)?;
            out.push(e);
        }
        Ok((out, total))
    }

    fn claims(
        &self,
        predicate: &str,
        object: Option<&str>,
    ) -> Result<Vec<StoredClaim>, StoreError> {
        let query = ClaimQuery {
            predicate: Some(predicate.to_string()),
            object: object.map(str::to_string),
            ..ClaimQuery::default()
        };
        Ok(self.query_claims(&query)?.0)
    }

    fn query_claims(&self, q: &ClaimQuery) -> Result<(Vec<StoredClaim>, usize), StoreError> {
        let mut filter = Filter::default();
        for (column, value) in [
            ("c.subject", &q.subject),
            ("c.predicate", &q.predicate),
            ("c.object", &q.object),
            ("d.id", &q.doc),
        ] {
            if let Some(v) = value {
                filter.push(&format!("{column} = ?"), [v.clone()]);
            }
        }
        let from = "FROM claims c JOIN documents d ON d.seq = c.doc";
        // Without a page, every row is read anyway: no separate count.
        let paged = q.limit.is_some() || q.offset > 0;
        let total = if paged { filter.count(&self.conn, from)? } else { 0 };
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} {from} {} ORDER BY {CLAIM_ORDER} {}",
            filter.where_clause(),
            limit_clause(q.limit, q.offset)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(filter.params.iter()), claim_row)?;
        let out: Vec<StoredClaim> = rows.collect::<Result<_, _>>()?;
        let total = if paged { total } else { out.len() };
        Ok((out, total))
    }

    fn document_times(&self, id: &str) -> Result<Vec<StoredTime>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT t.times FROM document_texts t JOIN documents d ON d.seq = t.seq WHERE d.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let Some(json) = json else {
            return Ok(Vec::new());
        };
        let rows: Vec<TimeRow> = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("times of document {id}: {e}")))?;
        let mut times: Vec<StoredTime> = rows
            .into_iter()
            .map(|(start, end, value, from, to, granularity, kind, _modifier)| StoredTime {
                span: (start, end),
                value,
                from: from.as_deref().and_then(Date::parse_iso),
                to: to.as_deref().and_then(Date::parse_iso),
                granularity,
                kind,
            })
            .collect();
        times.sort_by_key(|t| t.span);
        Ok(times)
    }

    fn document_quantities(&self, id: &str) -> Result<Vec<StoredQuantity>, StoreError> {
        self.read_quantities("d.id = ?1", [id])
    }

    fn documents_page(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<DocumentSummary>, usize), StoreError> {
        let total =
            self.conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))?
                as usize;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM documents d ORDER BY d.published IS NULL, d.published, d.id {}",
            limit_clause(Some(limit), offset)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], summary)?;
        Ok((rows.collect::<Result<_, _>>()?, total))
    }

    fn search_documents(
        &self,
        needle: &str,
        limit: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM documents d JOIN document_texts t ON t.seq = d.seq
             WHERE instr(lower(coalesce(d.title, '')), lower(?1)) > 0 OR instr(lower(t.text), lower(?1)) > 0
             ORDER BY d.published IS NULL, d.published, d.id LIMIT ?2"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![needle, limit as i64], summary)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn documents_mentioning(
        &self,
        entity: &str,
        limit: usize,
    ) -> Result<Vec<(DocumentSummary, usize)>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, p.value ->> 1 AS n FROM actor_postings a, json_each(a.docs) p
             JOIN documents d ON d.seq = p.value ->> 0 WHERE a.entity = ?1 ORDER BY n DESC, d.id LIMIT ?2"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![entity, limit as i64], |r| {
            Ok((summary(r)?, r.get::<_, i64>(11)? as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn scan_claim_groups(
        &self,
        predicate: &str,
        f: &mut dyn FnMut(&[StoredClaim]),
    ) -> Result<(), StoreError> {
        // One pass over the table sorted by SQLite's external sorter (see scan_quantity_groups),
        // rather than an index walk per object with a random row read per claim.
        self.sorted_on_disk(|| {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {CLAIM_COLUMNS} FROM claims c NOT INDEXED JOIN documents d ON d.seq = c.doc
                 WHERE c.predicate = ?1 AND c.object IS NOT NULL ORDER BY c.object, {CLAIM_ORDER}"
            ))?;
            let mut rows = stmt.query([predicate])?;
            let mut runs = Runs::new(f);
            while let Some(r) = rows.next()? {
                runs.push(claim_row(r)?, |a, b| a.object == b.object);
            }
            runs.finish();
            Ok(())
        })
    }

    fn scan_quantity_groups(&self, f: &mut dyn FnMut(&[StoredQuantity])) -> Result<(), StoreError> {
        // Subjects are stored sorted (schema 9 on), so equal keys are adjacent in this order;
        // reconciliation orders each group itself. The table is read in storage order and
        // sorted by SQLite's external sorter, spilling to temporary files: walking the key
        // index instead costs a random row read per figure once the table outgrows the page
        // cache (measured on a 1 GB corpus's 2.9 million figures: 26.6 s by the index, 10.7 s
        // sorted; the same at 100 MB).
        let mut runs = Runs::new(f);
        self.sorted_on_disk(|| {
            self.each_quantity(
                "q.measure IS NOT NULL AND q.subjects != ''",
                "q.measure, q.unit, q.subjects",
                "NOT INDEXED",
                [],
                &mut |q| {
                    runs.push(q, |a, b| {
                        (&a.measure, &a.unit, &a.subjects) == (&b.measure, &b.unit, &b.subjects)
                    })
                },
            )
        })?;
        runs.finish();
        Ok(())
    }

    fn scan_one_time_event_groups(
        &self,
        f: &mut dyn FnMut(&[StoredEvent]),
    ) -> Result<(), StoreError> {
        // The quotes are cut from each document's text before the sort, while the events are
        // read in document order: cut after it, every event cost a random read of its document
        // (1 GB store, 0.7 million events: the query 3.7 s, the texts several more; cut in SQL,
        // the query 5.7 s and nothing after).
        self.sorted_on_disk(|| {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {EVENT_COLUMNS},
                    CAST(substr(CAST(t.text AS BLOB), e.start + 1, e.end - e.start) AS TEXT),
                    CAST(substr(CAST(t.text AS BLOB), e.sentence_start + 1, e.sentence_end - e.sentence_start) AS TEXT)
                 FROM events e NOT INDEXED JOIN documents d ON d.seq = e.doc
                    JOIN document_texts t ON t.seq = e.doc
                 WHERE e.cameo IN ('054', '057') AND e.date_basis = 'text'
                    AND e.modality NOT IN ('negated', 'hypothetical')
                 ORDER BY e.cameo, e.source, e.target"
            ))?;
            let mut rows = stmt.query([])?;
            let mut runs = Runs::new(f);
            let quote_column = EVENT_COLUMNS.split(',').count();
            while let Some(r) = rows.next()? {
                let (mut e, _) = event_row(r)?;
                e.quote = r.get(quote_column)?;
                e.sentence_text = r.get(quote_column + 1)?;
                runs.push(e, |a, b| {
                    (&a.cameo, &a.source, &a.target) == (&b.cameo, &b.source, &b.target)
                });
            }
            runs.finish();
            Ok(())
        })
    }

    fn scan_findings(&self, f: &mut dyn FnMut(StoredFinding)) -> Result<(), StoreError> {
        // While the `findings_doc` index is being built (by another connection, at the end of
        // a bulk load), the order comes from the on-disk sorter instead.
        self.sorted_on_disk(|| self.each_finding(f))
    }

    fn findings(&self) -> Result<Vec<StoredFinding>, StoreError> {
        let mut out = Vec::new();
        self.each_finding(&mut |f| out.push(f))?;
        Ok(out)
    }

    fn counts(&self) -> Result<StoreCounts, StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(StoreCounts {
            documents: count("SELECT COUNT(*) FROM documents")?,
            actors: count("SELECT COUNT(DISTINCT entity) FROM actor_postings")?,
            events: count("SELECT COUNT(*) FROM events")?,
            claims: count("SELECT COUNT(*) FROM claims")?,
            quantities: count("SELECT COUNT(*) FROM quantities")?,
            outlets: count(
                "SELECT COUNT(DISTINCT outlet) FROM documents WHERE outlet IS NOT NULL",
            )?,
        })
    }

    fn quantities(&self) -> Result<Vec<StoredQuantity>, StoreError> {
        self.read_quantities("q.measure IS NOT NULL", [])
    }

    fn unknown_names(&self, limit: usize) -> Result<Vec<(String, usize)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name, SUM(n) FROM unknown_names GROUP BY name ORDER BY SUM(n) DESC, name LIMIT ?1",
        )?;
        let rows =
            stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// An in-memory database as a store written at schema `version` left it.
    fn database_at_schema(version: usize) -> Connection {
        let conn = Connection::open_in_memory().expect("memory");
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).expect("old schema");
        }
        conn.pragma_update(None, "user_version", version as i64).expect("version");
        conn
    }

    /// A store written before schema 17 (a row per entity and document) opens with postings of
    /// at most 1,024 documents each, and reads back the same counts and documents.
    #[test]
    fn schema_17_turns_actor_rows_into_postings() {
        let conn = database_at_schema(16);
        for seq in 1..=1500_i64 {
            conn.execute(
                "INSERT INTO documents (seq, id, source, format) VALUES (?1, ?2, 'a.txt', 'text')",
                params![seq, format!("d{seq:04}")],
            )
            .expect("document");
            conn.execute(
                "INSERT INTO actor_docs (entity, doc, kind, mentions) VALUES ('KAZ', ?1, 'state', ?2)",
                params![seq, 1 + seq % 3],
            )
            .expect("row");
        }
        conn.execute_batch(
            "INSERT INTO actor_docs (entity, doc, kind, mentions) VALUES ('ISR', 7, 'state', 9)",
        )
        .expect("row");
        let mut store = SqliteStore { conn };
        store.migrate("old.db").expect("migrates");
        let postings: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM actor_postings WHERE entity = 'KAZ'", [], |r| r.get(0))
            .expect("postings");
        assert_eq!(postings, 2, "1,500 documents make two postings of at most 1,024");
        let counts = store.actor_counts().expect("counts");
        let kaz = counts.iter().find(|c| c.entity == "KAZ").expect("KAZ");
        assert_eq!(kaz.documents, 1500);
        assert_eq!(kaz.mentions, (1..=1500_usize).map(|s| 1 + s % 3).sum::<usize>());
        assert_eq!(kaz.kind, "state");
        assert_eq!(store.counts().expect("counts").actors, 2);
        let top = store.documents_mentioning("KAZ", 3).expect("documents");
        assert_eq!(top.len(), 3);
        assert!(top.iter().all(|(_, n)| *n == 3), "the most mentions first: {top:?}");
        assert_eq!(top[0].0.id, "d0002", "ties in document id order");
        let isr = store.documents_mentioning("ISR", 10).expect("documents");
        assert_eq!(
            isr.iter().map(|(d, n)| (d.id.as_str(), *n)).collect::<Vec<_>>(),
            [("d0007", 9)]
        );
    }

    /// A store written before schema 16 (a row per time expression) opens with each document's
    /// times in one array, read back in text order with their dates.
    #[test]
    fn schema_16_folds_time_rows_into_their_document() {
        let conn = database_at_schema(15);
        conn.execute_batch(
            "INSERT INTO documents (id, source, format, mention_count) VALUES ('d1', 'a.txt', 'text', 0);
             INSERT INTO documents (id, source, format, mention_count) VALUES ('d2', 'b.txt', 'text', 0);
             INSERT INTO document_texts (seq, text, offsets) VALUES (1, 'On 7 November 2025 and in 1992.', x'');
             INSERT INTO document_texts (seq, text, offsets) VALUES (2, 'No dates here.', x'');
             INSERT INTO times (doc, start, end, value, date_from, date_to, granularity, kind)
                 VALUES (1, 26, 30, '1992', '1992-01-01', '1992-12-31', 'year', 'date');
             INSERT INTO times (doc, start, end, value, date_from, date_to, granularity, kind)
                 VALUES (1, 3, 18, '2025-11-07', '2025-11-07', '2025-11-07', 'day', 'date');",
        )
        .expect("old rows");
        let mut store = SqliteStore { conn };
        store.migrate("old.db").expect("migrates");
        let times = store.document_times("d1").expect("times");
        let spans: Vec<_> = times.iter().map(|t| t.span).collect();
        assert_eq!(spans, vec![(3, 18), (26, 30)]);
        assert_eq!(times[0].from, Date::parse_iso("2025-11-07"));
        assert_eq!(times[1].to, Date::parse_iso("1992-12-31"));
        assert_eq!(times[1].granularity, "year");
        assert!(store.document_times("d2").expect("none").is_empty());
        let tables: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'times'", [], |r| r.get(0))
            .expect("schema");
        assert_eq!(tables, 0);
    }

    /// A store written before schema 12 (texts inside `documents`, figures and claims without
    /// their words) opens with its texts moved and every figure and claim quoted from its
    /// document.
    #[test]
    fn schemas_12_and_13_move_texts_out_and_quote_figures_and_claims() {
        let conn = database_at_schema(11);
        let text = "Trade reached €200 million in 2024.";
        conn.execute(
            "INSERT INTO documents (id, source, format, text, offsets, mention_count)
             VALUES ('d1', 'a.txt', 'text', ?1, x'', 0)",
            [text],
        )
        .expect("document");
        conn.execute(
            "INSERT INTO quantities (doc, start, end, value, unit, measure, subjects)
             VALUES (1, 14, 28, 2e8, 'EUR', 'trade volume', 'ISR KAZ')",
            [],
        )
        .expect("quantity");
        conn.execute(
            "INSERT INTO claims (doc, subject, predicate, object, start, end, modality, basis)
             VALUES (1, 'KAZ', 'member_of', 'ABRAHAM_ACCORDS', 6, 13, 'asserted', 'event')",
            [],
        )
        .expect("claim");
        let mut store = SqliteStore { conn };
        store.migrate("old.db").expect("migrates");
        let (_, stored, mentions) = store.document("d1").expect("reads").expect("present");
        assert_eq!(stored, text);
        assert!(mentions.is_empty());
        let quote: String =
            store.conn.query_row("SELECT quote FROM quantities", [], |r| r.get(0)).expect("quote");
        assert_eq!(quote, "€200 million");
        let claims = store.claims("member_of", Some("ABRAHAM_ACCORDS")).expect("claims");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].quote, "reached");
        let columns: Vec<String> = store
            .conn
            .prepare("SELECT name FROM pragma_table_info('documents')")
            .expect("columns")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("names");
        assert!(!columns.iter().any(|c| c == "text" || c == "mention_blob"), "{columns:?}");
    }

    /// A reader sees what a writer stored while the writer builds indexes, and refuses a store
    /// that is not migrated rather than migrating it.
    #[test]
    fn reader_connection_reads_beside_the_writer_and_never_migrates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.db");
        let mut writer = SqliteStore::open(&path).expect("writer");
        writer.conn.execute(
            "INSERT INTO documents (id, source, format, mention_count) VALUES ('d1', 'a.txt', 'text', 0)",
            [],
        )
        .expect("document");
        writer.conn.execute(
            "INSERT INTO claims (doc, subject, predicate, object, start, end, modality, basis, quote)
             VALUES (1, 'KAZ', 'member_of', 'ABRAHAM_ACCORDS', 0, 4, 'asserted', 'event', 'join')",
            [],
        )
        .expect("claim");
        assert!(writer.defer_indexes(10).expect("defer"));
        let reader = SqliteStore::open_reader(&path).expect("reader");
        writer.restore_indexes().expect("indexes");
        let mut groups = Vec::new();
        reader.scan_claim_groups("member_of", &mut |g| groups.push(g.len())).expect("scan");
        assert_eq!(groups, vec![1]);

        let old = dir.path().join("old.db");
        Connection::open(&old).expect("old").execute_batch(MIGRATIONS[0]).expect("schema 1");
        match SqliteStore::open_reader(&old) {
            Err(StoreError::NotMigrated { found: 0, .. }) => {}
            other => panic!("expected NotMigrated, got {:?}", other.map(|_| ())),
        }
    }
}
