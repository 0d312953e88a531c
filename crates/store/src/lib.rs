//! Storage behind the [`Store`] trait, so that a server database can be added beside the
//! default: [`SqliteStore`], an embedded SQLite file (`./dyad.db`) with a versioned schema.
//!
//! Writes are transactional: a batch of documents is written in one transaction, a document is
//! never split across transactions, and a document already stored (same content id) is skipped,
//! so re-ingesting changes nothing and a run killed midway leaves only whole documents.
//!
//! ```
//! use dyad_store::{SqliteStore, Store};
//! let store = SqliteStore::open_in_memory().unwrap();
//! assert_eq!(store.documents().unwrap().len(), 0);
//! ```

mod error;
mod load;
mod mention_blob;
mod schema;
mod sqlite;

pub use error::StoreError;
pub use load::BulkLoad;
pub use sqlite::SqliteStore;

use dyad_model::{Analysis, Date, Mention};

/// What a batch write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteOutcome {
    /// Documents stored by this write.
    pub inserted: usize,
    /// Documents skipped because the same content was already stored.
    pub unchanged: usize,
}

/// A stored document without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub published_basis: Option<String>,
    pub mentions: usize,
    pub url: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
}

/// A stored event, with the document it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub doc: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub span: (usize, usize),
    /// The trigger's text.
    pub quote: String,
    /// The sentence's text.
    pub sentence_text: String,
    pub sentence: (usize, usize),
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub source_agent: Option<String>,
    pub target_agent: Option<String>,
    pub cameo: String,
    pub root: String,
    pub goldstein: f64,
    pub quad: u8,
    pub plover: String,
    pub date_value: Option<String>,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub date_basis: Option<String>,
    pub modality: String,
    pub attributed_to: Option<String>,
}

/// A stored claim with the document that makes it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredClaim {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub subject: String,
    pub predicate: String,
    pub object: Option<String>,
    /// A third argument: the office of `holds_office`.
    pub value: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub span: (usize, usize),
    /// The sentence-free evidence text: the span's text.
    pub quote: String,
    pub modality: String,
    pub basis: String,
}

/// A stored quantity with the document it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredQuantity {
    pub doc: String,
    pub outlet: Option<String>,
    pub span: (usize, usize),
    pub quote: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: String,
    pub scale: Option<String>,
    pub approx: Option<String>,
    pub measure: Option<String>,
    /// Actor ids, sorted.
    pub subjects: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A stored time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTime {
    pub span: (usize, usize),
    pub value: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub granularity: String,
    pub kind: String,
}

/// Which events to read: every filter that is set must hold. Results are ordered by date
/// (unknown last), document and position, then cut to `offset..offset + limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// The actor is a source or a target.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Events between these two, in either direction.
    pub dyad: Option<(String, String)>,
    /// Events whose whole source and target lists are exactly these (uses the index).
    pub exact: Option<(String, String)>,
    /// A CAMEO code prefix ("05", "057").
    pub code: Option<String>,
    pub modality: Option<String>,
    pub doc: Option<String>,
    /// Events dated on or after / on or before (by the start of their date).
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// Which claims to read; ordered by subject, date, document and position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    pub subject: Option<String>,
    pub predicate: Option<String>,
    pub object: Option<String>,
    pub doc: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// A stored finding: what one document contradicts by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFinding {
    pub doc: String,
    pub kind: String,
    pub explanation: String,
    pub span: (usize, usize),
    pub quote: String,
    pub claim: String,
    /// Another span of the same document, its text and claim; `None`: see `reference`.
    pub other: Option<((usize, usize), String, String)>,
    pub reference: Option<String>,
}

/// Row counts of the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub documents: usize,
    pub actors: usize,
    pub events: usize,
    pub claims: usize,
    pub quantities: usize,
    pub outlets: usize,
}

/// How often an actor is mentioned across the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCount {
    pub entity: String,
    pub kind: String,
    pub mentions: usize,
    pub documents: usize,
}

/// A store of analysed documents. Implementations must keep writes transactional per batch.
pub trait Store {
    /// Stores the analyses that are not stored yet, all in one transaction.
    fn write_batch(&mut self, batch: &[Analysis]) -> Result<WriteOutcome, StoreError>;
    /// Whether a document with this id is stored.
    fn contains(&self, id: &str) -> Result<bool, StoreError>;
    /// All documents, ordered by publication date (unknown last), then id.
    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError>;
    /// A document's text and mentions.
    fn document(
        &self,
        id: &str,
    ) -> Result<Option<(DocumentSummary, String, Vec<Mention>)>, StoreError>;
    /// Resolved actors by number of mentions (then id).
    fn actor_counts(&self) -> Result<Vec<ActorCount>, StoreError>;
    /// All events, ordered by date (unknown last), document and position.
    fn events(&self) -> Result<Vec<StoredEvent>, StoreError>;
    /// Claims with this predicate (and object, when given), ordered by subject, date, document.
    fn claims(&self, predicate: &str, object: Option<&str>)
        -> Result<Vec<StoredClaim>, StoreError>;
    /// Quantities that have a measure, ordered by measure, document and position.
    fn quantities(&self) -> Result<Vec<StoredQuantity>, StoreError>;
    /// Events matching `query`, and how many match without the limit.
    fn query_events(&self, query: &EventQuery) -> Result<(Vec<StoredEvent>, usize), StoreError>;
    /// Claims matching `query`, and how many match without the limit.
    fn query_claims(&self, query: &ClaimQuery) -> Result<(Vec<StoredClaim>, usize), StoreError>;
    /// A document's time expressions, in text order.
    fn document_times(&self, id: &str) -> Result<Vec<StoredTime>, StoreError>;
    /// A document's quantities (with or without a measure), in text order.
    fn document_quantities(&self, id: &str) -> Result<Vec<StoredQuantity>, StoreError>;
    /// One page of [`Store::documents`], and the number of documents.
    fn documents_page(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<DocumentSummary>, usize), StoreError>;
    /// Documents whose title or text contains `needle` (ASCII case-insensitive), by date.
    fn search_documents(
        &self,
        needle: &str,
        limit: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError>;
    /// The documents that mention `entity`, most mentions first: (summary, mentions of it).
    fn documents_mentioning(
        &self,
        entity: &str,
        limit: usize,
    ) -> Result<Vec<(DocumentSummary, usize)>, StoreError>;
    /// The claims of one predicate that have an object, one object at a time, each group in
    /// the order `claims` lists them; memory is bounded by the largest group.
    fn scan_claim_groups(
        &self,
        predicate: &str,
        f: &mut dyn FnMut(&[StoredClaim]),
    ) -> Result<(), StoreError>;
    /// Measured quantities with subjects, one (measure, unit, subjects) group at a time, so that
    /// reconciliation's memory is bounded by the largest group rather than the corpus.
    fn scan_quantity_groups(&self, f: &mut dyn FnMut(&[StoredQuantity])) -> Result<(), StoreError>;
    /// Joins (057) and establishments of relations (054) that their own text dates and that are
    /// not negated or hypothetical (the only ones dates can be compared for), one (code,
    /// source, target) group at a time.
    fn scan_one_time_event_groups(
        &self,
        f: &mut dyn FnMut(&[StoredEvent]),
    ) -> Result<(), StoreError>;
    /// Every finding, one at a time.
    fn scan_findings(&self, f: &mut dyn FnMut(StoredFinding)) -> Result<(), StoreError>;
    /// Every finding, by document and position.
    fn findings(&self) -> Result<Vec<StoredFinding>, StoreError>;
    /// Row counts.
    fn counts(&self) -> Result<StoreCounts, StoreError>;
    /// Unresolved capitalised names by frequency: what to add to the lexicon.
    fn unknown_names(&self, limit: usize) -> Result<Vec<(String, usize)>, StoreError>;
}
