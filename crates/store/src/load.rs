//! A bulk load: many batches written into one store, then its indexes built.
//!
//! Into a store that already exists the batches go through the store's write-ahead log, so that
//! a crash loses at most the batch being written and readers keep working.
//!
//! A store that does not exist yet has nothing to lose, so it is built under a temporary name
//! beside the target (`<name>.loading`) without the log: a rollback journal kept in memory
//! (a failed batch still rolls back), no `fsync`, and the file locked for this process alone.
//! Every page is then written once instead of twice (to the log, then to the file), which halves
//! what a load writes to disk. The tables go to disk in the background while the indexes are
//! built; [`BulkLoad::finish`] puts the file in WAL mode, syncs it and renames it into place, so
//! the target either does not exist or is a complete store; a load that dies midway leaves only
//! the temporary file, which the next load replaces.

use crate::error::StoreError;
use crate::SqliteStore;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Stores holding fewer documents than this are loaded with their secondary indexes dropped and
/// built again at the end (see [`SqliteStore::defer_indexes`]).
pub(crate) const DEFER_INDEXES_BELOW_DOCUMENTS: usize = 10_000;

/// A store open for a bulk load; see the module documentation.
#[derive(Debug)]
pub struct BulkLoad {
    store: SqliteStore,
    target: PathBuf,
    /// Set when the store is new and being written under this temporary name.
    loading: Option<PathBuf>,
    /// Whether the secondary indexes were dropped for the load.
    deferred: bool,
    /// Writes the loaded tables out to disk while the indexes are built (see `end_writes`).
    flushing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl BulkLoad {
    /// Opens `target` for a bulk load, creating it (under a temporary name until
    /// [`BulkLoad::finish`]) if it does not exist.
    pub fn open(target: &Path) -> Result<BulkLoad, StoreError> {
        let (mut store, loading) = if target.exists() {
            (SqliteStore::open(target)?, None)
        } else {
            if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
                if !folder.is_dir() {
                    return Err(StoreError::Io {
                        path: target.display().to_string(),
                        cause: std::io::Error::new(
                            std::io::ErrorKind::NotFound,
                            format!("cannot create the store: no folder {}", folder.display()),
                        ),
                    });
                }
            }
            let loading = loading_path(target);
            (open_unjournaled(&loading)?, Some(loading))
        };
        let deferred = store.defer_indexes(DEFER_INDEXES_BELOW_DOCUMENTS)?;
        Ok(BulkLoad { store, target: target.to_path_buf(), loading, deferred, flushing: None })
    }

    /// The store to write batches into.
    pub fn store(&mut self) -> &mut SqliteStore {
        &mut self.store
    }

    /// Ends the batch writes and returns the file a second, read-only connection
    /// ([`SqliteStore::open_reader`]) can read beside [`BulkLoad::build_indexes`]: a new store
    /// goes to WAL mode, as an existing one already is.
    pub fn end_writes(&mut self) -> Result<&Path, StoreError> {
        if let Some(loading) = &self.loading {
            // Normal locking first: a file that enters WAL mode under an exclusive lock keeps
            // that lock until it leaves WAL mode, and the reading connection must share it.
            self.store.conn.execute_batch("PRAGMA locking_mode = NORMAL")?;
            self.store.conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
            // Nothing was synced during the load: the disk takes the tables while the cores
            // build indexes and reconcile, rather than all at once in `finish`.
            let file = loading.clone();
            self.flushing = Some(std::thread::spawn(move || {
                std::fs::File::open(file).and_then(|f| f.sync_data())
            }));
            Ok(loading)
        } else {
            Ok(&self.target)
        }
    }

    /// Builds the secondary indexes the load dropped, if it dropped them.
    pub fn build_indexes(&mut self) -> Result<(), StoreError> {
        if self.deferred {
            self.store.restore_indexes()?;
        }
        Ok(())
    }

    /// Makes the load durable and, for a new store, puts it in place under its name.
    pub fn finish(self) -> Result<(), StoreError> {
        let BulkLoad { store, target, loading, flushing, .. } = self;
        let Some(loading) = loading else {
            return Ok(());
        };
        let io = |source| StoreError::Io { path: loading.display().to_string(), cause: source };
        if let Some(flushing) = flushing {
            flushing.join().expect("the flushing thread does not panic").map_err(io)?;
        }
        // Back to the usual settings, everything moved from the log into the file, and the file
        // synced before it takes the target's name, so that the name never points at a store
        // whose pages are still in flight.
        store.conn.execute_batch(
            "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
        )?;
        store.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        store.conn.close().map_err(|(_, e)| StoreError::Sql(e))?;
        std::fs::File::open(&loading).and_then(|f| f.sync_all()).map_err(io)?;
        std::fs::rename(&loading, &target).map_err(io)?;
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The rename itself is durable once the directory is synced; where a platform cannot
            // open a directory, the store is still whole, only its name may not survive a crash.
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

/// `<target>.loading`, beside the target.
fn loading_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".loading");
    PathBuf::from(name)
}

/// Opens a new store at `loading` for a bulk load without a write-ahead log: replaces what a
/// killed load left there, unless another process is loading it now.
fn open_unjournaled(loading: &Path) -> Result<SqliteStore, StoreError> {
    let name = loading.display().to_string();
    if loading.exists() {
        claim_abandoned(loading)?;
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut file = loading.as_os_str().to_owned();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::Io { path: name, cause: e });
                }
                _ => {}
            }
        }
    }
    let conn = Connection::open(loading)
        .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
    // The page size must be set before the first table; the rest is the load's own setting,
    // undone by `finish`.
    conn.execute_batch(
        "PRAGMA page_size = 16384; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY;
         PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;
         PRAGMA temp_store = MEMORY;",
    )
    .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
    SqliteStore::from_new_connection(conn, &name)
}

/// Fails if another process holds `loading` (a load in progress holds it exclusively).
fn claim_abandoned(loading: &Path) -> Result<(), StoreError> {
    let name = loading.display().to_string();
    let conn = Connection::open(loading)
        .map_err(|source| StoreError::Open { path: name.clone(), cause: source })?;
    conn.busy_timeout(std::time::Duration::ZERO)?;
    match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
        Ok(()) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            Err(StoreError::Busy { path: name })
        }
        // Not a database (a load killed before its first page): replaced all the same.
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn store_path(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("new.db")
    }

    #[test]
    fn a_new_store_appears_under_its_name_only_when_finished() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = store_path(&dir);
        let mut load = BulkLoad::open(&target).expect("open");
        assert!(load.loading.is_some(), "a new store is loaded under a temporary name");
        assert!(!target.exists(), "the target must not exist before the load is finished");
        assert!(loading_path(&target).exists());
        load.store().write_batch(&[]).expect("empty batch");
        let reader_path = load.end_writes().expect("end writes").to_path_buf();
        let reader = SqliteStore::open_reader(&reader_path).expect("reader beside the indexing");
        load.build_indexes().expect("indexes");
        assert_eq!(reader.documents().expect("documents").len(), 0);
        drop(reader);
        load.finish().expect("finish");
        assert!(target.exists());
        assert!(!loading_path(&target).exists());
        let store = SqliteStore::open(&target).expect("reopen");
        let mode: String =
            store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_failed_transaction_rolls_back_without_the_log() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut load = BulkLoad::open(&store_path(&dir)).expect("open");
        let conn = &mut load.store().conn;
        let insert =
            "INSERT INTO documents (seq, id, source, format) VALUES (1, 'd', 'd.txt', 'text');
            INSERT INTO unknown_names (doc, name, n) VALUES (1, 'Ruritania', 1);";
        let tx = conn.transaction().expect("begin");
        tx.execute_batch(insert).expect("first rows");
        assert!(tx.execute_batch("INSERT INTO unknown_names (doc, name) VALUES (1, 'x')").is_err());
        drop(tx);
        let rows: i64 =
            conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).expect("count");
        assert_eq!(rows, 0, "the rows of a failed transaction must be rolled back");
    }

    #[test]
    fn an_abandoned_loading_file_is_replaced_and_a_live_one_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = store_path(&dir);
        std::fs::write(loading_path(&target), b"left by a killed load").expect("write");
        let first = BulkLoad::open(&target).expect("an abandoned file is replaced");
        let second = BulkLoad::open(&target);
        assert!(
            matches!(second, Err(StoreError::Busy { .. })),
            "a second load of the same new store must be refused, got {second:?}"
        );
        drop(first);
    }

    #[test]
    fn a_store_in_a_missing_folder_is_refused_by_its_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("missing").join("new.db");
        let err = BulkLoad::open(&target).expect_err("no folder");
        let message = err.to_string();
        assert!(message.contains("new.db") && message.contains("no folder"), "{message}");
        assert!(!message.contains(".loading"), "{message}");
    }

    #[test]
    fn an_existing_store_is_loaded_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = store_path(&dir);
        drop(SqliteStore::open(&target).expect("create"));
        let mut load = BulkLoad::open(&target).expect("open");
        assert!(load.loading.is_none(), "an existing store is loaded in place");
        assert_eq!(load.end_writes().expect("end writes"), target.as_path());
        load.build_indexes().expect("indexes");
        load.finish().expect("finish");
        assert!(!loading_path(&target).exists());
    }
}
