//! What every request shares: a small pool of read connections to the store, the lexicon, and
//! the corpus-wide views (actor table, conflicts, source profiles, actor network) that are
//! computed once on first use and dropped when a document is ingested.

use crate::error::ApiError;
use dyad_lexicon::Lexicon;
use dyad_reconcile::conflicts::Conflict;
use dyad_reconcile::sources::{DocumentProfile, OutletProfile};
use dyad_store::{ActorCount, EventQuery, SqliteStore, Store, StoreCounts};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Connections kept open between requests; more are opened under load and closed after.
const IDLE_CONNECTIONS: usize = 8;

#[derive(Debug)]
pub struct AppState {
    db: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    pub lexicon: Arc<Lexicon>,
    derived: Mutex<Option<Arc<Derived>>>,
    /// The bearer token that `POST /api/documents` needs; `None`: ingestion is off.
    pub ingest_token: Option<String>,
    /// Serialises writers: SQLite takes one at a time anyway, this keeps them from timing out.
    pub write_lock: tokio::sync::Mutex<()>,
}

/// An actor with its display name and counts.
#[derive(Debug, Clone)]
pub struct ActorRow {
    pub count: ActorCount,
    pub name: String,
}

/// An edge of the actor network: events from `source` to `target`.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    pub events: usize,
    pub goldstein: f64,
}

/// Views over the whole corpus, computed together.
#[derive(Debug)]
pub struct Derived {
    pub counts: StoreCounts,
    pub actors: Vec<ActorRow>,
    pub conflicts: Vec<Conflict>,
    pub documents: Vec<DocumentProfile>,
    pub outlets: Vec<OutletProfile>,
    pub edges: BTreeMap<(String, String), Edge>,
}

impl AppState {
    pub fn new(db: PathBuf, lexicon: Lexicon, ingest_token: Option<String>) -> AppState {
        AppState {
            db,
            idle: Mutex::new(Vec::new()),
            lexicon: Arc::new(lexicon),
            derived: Mutex::new(None),
            ingest_token,
            write_lock: tokio::sync::Mutex::new(()),
        }
    }

    fn checkout(&self) -> Result<SqliteStore, ApiError> {
        if let Some(store) = self.idle.lock().map_err(|_| poisoned())?.pop() {
            return Ok(store);
        }
        Ok(SqliteStore::open(&self.db)?)
    }

    fn give_back(&self, store: SqliteStore) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < IDLE_CONNECTIONS {
                idle.push(store);
            }
        }
    }

    /// Runs `f` with a store connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore, &AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = state.checkout()?;
            let out = f(&store, &state);
            state.give_back(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
    }

    /// The corpus-wide views, computing them on first use.
    pub fn derived(&self, store: &SqliteStore) -> Result<Arc<Derived>, ApiError> {
        let mut slot = self.derived.lock().map_err(|_| poisoned())?;
        if let Some(d) = slot.as_ref() {
            return Ok(Arc::clone(d));
        }
        let d = Arc::new(compute(store, &self.lexicon)?);
        *slot = Some(Arc::clone(&d));
        Ok(d)
    }

    /// Forgets the corpus-wide views (after a write).
    pub fn invalidate(&self) {
        if let Ok(mut slot) = self.derived.lock() {
            *slot = None;
        }
    }

    /// A connection for writing (not pooled).
    pub fn open_for_write(&self) -> Result<SqliteStore, ApiError> {
        Ok(SqliteStore::open(&self.db)?)
    }
}

fn poisoned() -> ApiError {
    ApiError::internal("a previous request panicked while holding the connection pool")
}

fn compute(store: &SqliteStore, lex: &Lexicon) -> Result<Derived, ApiError> {
    let actors = store
        .actor_counts()?
        .into_iter()
        .map(|count| {
            let name = lex.display_name(&count.entity).to_string();
            ActorRow { count, name }
        })
        .collect();
    let quantities = store.quantities()?;
    let conflicts = dyad_reconcile::conflicts::in_store(lex, store)?;
    let all_claims = store.query_claims(&dyad_store::ClaimQuery::default())?.0;
    let (documents, outlets) = dyad_reconcile::sources::profiles(
        &store.documents()?,
        &all_claims,
        &quantities,
        &conflicts,
    );
    let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
    for e in store.query_events(&EventQuery::default())?.0 {
        for s in &e.source {
            for t in &e.target {
                if s != t {
                    let edge = edges.entry((s.clone(), t.clone())).or_default();
                    edge.events += 1;
                    edge.goldstein += e.goldstein;
                }
            }
        }
    }
    Ok(Derived { counts: store.counts()?, actors, conflicts, documents, outlets, edges })
}
