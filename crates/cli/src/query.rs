//! Queries over the store: `dyad actors`, `dyad docs`.

use crate::{Outcome, QueryFormat};
use dyad_store::{SqliteStore, Store};
use serde_json::json;
use std::path::{Path, PathBuf};

fn open(db: &Path) -> anyhow::Result<SqliteStore> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (run `dyad analyze` first, or pass --db)",
            db.display()
        );
    }
    Ok(SqliteStore::open(db)?)
}

pub(crate) fn actors(
    db: &Path,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    for a in actors_and_names(&store, &lex)? {
        match format {
            QueryFormat::Text => println!(
                "{:<24} {:<13} {:<34} {:>4} docs {:>6} mentions",
                a.0.entity, a.0.kind, a.1, a.0.documents, a.0.mentions
            ),
            QueryFormat::Jsonl => println!(
                "{}",
                json!({"type": "actor", "entity": a.0.entity, "kind": a.0.kind, "name": a.1, "documents": a.0.documents, "mentions": a.0.mentions})
            ),
        }
    }
    Ok(Outcome::AllProcessed)
}

pub(crate) fn docs(db: &Path, format: QueryFormat) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    for d in store.documents()? {
        match format {
            QueryFormat::Text => println!(
                "{}  {:<10}  {:<8}  {:>4} mentions  {}  {}",
                d.id,
                d.published.map_or_else(|| "-".to_string(), |p| p.to_string()),
                d.published_basis.as_deref().unwrap_or("-"),
                d.mentions,
                d.source,
                d.title.as_deref().unwrap_or("")
            ),
            QueryFormat::Jsonl => println!(
                "{}",
                json!({"type": "document_summary", "doc": d.id, "source": d.source, "title": d.title, "outlet": d.outlet,
                       "published": d.published.map(|p| p.to_string()), "published_basis": d.published_basis, "mentions": d.mentions})
            ),
        }
    }
    Ok(Outcome::AllProcessed)
}

fn actors_and_names(
    store: &SqliteStore,
    lex: &dyad_lexicon::Lexicon,
) -> anyhow::Result<Vec<(dyad_store::ActorCount, String)>> {
    Ok(store
        .actor_counts()?
        .into_iter()
        .map(|a| {
            let name = crate::lexicon::display_name(lex, &a.entity).to_string();
            (a, name)
        })
        .collect())
}
