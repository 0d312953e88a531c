//! Queries over the store: `dyad actors`, `docs`, `events`, `members`, `claims`, `relations`,
//! `conflicts`, `sources`.

use crate::{EventFormat, Outcome, QueryFormat};
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
            let name = lex.display_name(&a.entity).to_string();
            (a, name)
        })
        .collect())
}

/// The 26 columns of the Phoenix event data TSV layout.
const PHOENIX_COLUMNS: [&str; 26] = [
    "id",
    "date",
    "year",
    "month",
    "day",
    "source",
    "source_root",
    "source_agent",
    "source_others",
    "target",
    "target_root",
    "target_agent",
    "target_others",
    "code",
    "root_code",
    "quad_class",
    "goldstein",
    "issues",
    "lat",
    "lon",
    "placeName",
    "stateName",
    "countryName",
    "ids",
    "urls",
    "sources",
];

/// The contract's `event` record for a stored event.
fn event_json(e: &dyad_store::StoredEvent) -> serde_json::Value {
    json!({
        "type": "event", "doc": e.doc, "span": [e.span.0, e.span.1], "sentence": [e.sentence.0, e.sentence.1],
        "text": e.quote, "source": e.source, "target": e.target,
        "source_agent": e.source_agent, "target_agent": e.target_agent, "cameo": e.cameo, "root": e.root, "goldstein": e.goldstein,
        "quad": e.quad, "plover": e.plover,
        "date": e.date_value.as_ref().map(|v| json!({"value": v, "from": e.date_from.map(|d| d.to_string()),
            "to": e.date_to.map(|d| d.to_string()), "basis": e.date_basis})),
        "modality": e.modality, "attributed_to": e.attributed_to,
    })
}

pub(crate) fn events(db: &Path, format: EventFormat) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let events = store.events()?;
    let stdout = std::io::stdout();
    match format {
        EventFormat::Jsonl => {
            for e in &events {
                println!("{}", event_json(e));
            }
        }
        EventFormat::Csv => {
            let mut w = csv::Writer::from_writer(stdout.lock());
            w.write_record([
                "doc",
                "start",
                "end",
                "date",
                "source",
                "target",
                "cameo",
                "root",
                "quad",
                "goldstein",
                "plover",
                "modality",
                "attributed_to",
            ])?;
            for e in &events {
                w.write_record([
                    e.doc.clone(),
                    e.span.0.to_string(),
                    e.span.1.to_string(),
                    e.date_from.map(|d| d.to_string()).unwrap_or_default(),
                    e.source.join(";"),
                    e.target.join(";"),
                    e.cameo.clone(),
                    e.root.clone(),
                    e.quad.to_string(),
                    e.goldstein.to_string(),
                    e.plover.clone(),
                    e.modality.clone(),
                    e.attributed_to.clone().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        EventFormat::Phoenix => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(b'\t')
                .quote_style(csv::QuoteStyle::Never)
                .from_writer(stdout.lock());
            w.write_record(PHOENIX_COLUMNS)?;
            for (i, e) in events.iter().enumerate() {
                let d = e.date_from;
                let actor = |v: &[String]| v.first().cloned().unwrap_or_default();
                let root = |v: &[String]| {
                    v.first().map(|a| a.chars().take(3).collect::<String>()).unwrap_or_default()
                };
                let others = |v: &[String]| v.iter().skip(1).cloned().collect::<Vec<_>>().join(";");
                w.write_record([
                    format!("{}-{}-{}", e.doc, e.span.0, i),
                    d.map(|d| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()))
                        .unwrap_or_default(),
                    d.map(|d| d.year().to_string()).unwrap_or_default(),
                    d.map(|d| d.month().to_string()).unwrap_or_default(),
                    d.map(|d| d.day().to_string()).unwrap_or_default(),
                    format!("{}{}", actor(&e.source), e.source_agent.as_deref().unwrap_or("")),
                    root(&e.source),
                    e.source_agent.clone().unwrap_or_default(),
                    others(&e.source),
                    format!("{}{}", actor(&e.target), e.target_agent.as_deref().unwrap_or("")),
                    root(&e.target),
                    e.target_agent.clone().unwrap_or_default(),
                    others(&e.target),
                    e.cameo.clone(),
                    e.root.clone(),
                    e.quad.to_string(),
                    e.goldstein.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    e.doc.clone(),
                    e.url.clone().unwrap_or_default(),
                    e.outlet.clone().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(Outcome::AllProcessed)
}

pub(crate) fn members(
    db: &Path,
    org: &str,
    as_of: Option<dyad_model::Date>,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    if lex.org(org).is_none() {
        anyhow::bail!("{org}: not an organisation or agreement in the lexicon (ids are upper case, e.g. ABRAHAM_ACCORDS)");
    }
    let claims = store.claims("member_of", Some(org))?;
    let rows = dyad_reconcile::members::members(&lex, org, as_of, &claims);
    match format {
        QueryFormat::Text => {
            let name = lex.display_name(org);
            let when = as_of.map_or_else(|| "today's knowledge".to_string(), |d| d.to_string());
            println!("{name} ({org}) as of {when}");
            for r in &rows {
                println!(
                    "  {:<10} {:<24} {:<10} joined {:<10} {:>2} source(s)  {}",
                    r.status.as_str(),
                    lex.display_name(&r.id),
                    r.id,
                    r.joined.map_or_else(|| "?".to_string(), |d| d.to_string()),
                    r.sources,
                    r.explanation
                );
                for c in r.claims.iter().take(3) {
                    println!(
                        "      {} [{}..{}) {:?} ({}, {})",
                        c.doc,
                        c.span.0,
                        c.span.1,
                        c.quote,
                        c.outlet.as_deref().unwrap_or("outlet unknown"),
                        c.modality
                    );
                }
            }
        }
        QueryFormat::Jsonl => {
            for r in &rows {
                println!(
                    "{}",
                    json!({
                        "type": "claim", "subject": r.id, "predicate": "member_of", "object": org, "value": null,
                        "from": r.joined.map(|d| d.to_string()), "to": null,
                        "evidence": r.claims.iter().map(|c| json!({"doc": c.doc, "span": [c.span.0, c.span.1], "quote": c.quote, "modality": c.modality})).collect::<Vec<_>>(),
                        "sources": r.sources, "status": r.status.as_str(), "reference_from": r.reference_from.map(|d| d.to_string()),
                        "explanation": r.explanation,
                    })
                );
            }
        }
    }
    Ok(Outcome::AllProcessed)
}

/// One line per side, for people.
pub(crate) fn render_conflict(c: &dyad_reconcile::conflicts::Conflict) -> String {
    let mut s = format!("  [{}] {}\n", c.kind, c.explanation);
    for side in &c.sides {
        let at = match (&side.doc, side.span) {
            (Some(d), Some((a, b))) => format!("{d} [{a}..{b})"),
            _ => "reference data".to_string(),
        };
        s.push_str(&format!("      {at}: {}\n", side.claim));
    }
    s
}

pub(crate) fn conflicts(
    db: &Path,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    // Streamed as each group is reconciled: memory does not grow with the number of conflicts.
    dyad_reconcile::conflicts::for_each_in_store(&lex, &store, &mut |c| match format {
        QueryFormat::Text => print!("{}", render_conflict(&c)),
        QueryFormat::Jsonl => println!("{}", conflict_json(&c)),
    })?;
    Ok(Outcome::AllProcessed)
}

/// The contract's `conflict` record (with each side's quote besides its claim).
pub(crate) fn conflict_json(c: &dyad_reconcile::conflicts::Conflict) -> serde_json::Value {
    json!({
        "type": "conflict", "kind": c.kind, "explanation": c.explanation,
        "sides": c.sides.iter().map(|s| json!({"doc": s.doc, "span": s.span.map(|(a, b)| [a, b]), "claim": s.claim, "quote": s.quote})).collect::<Vec<_>>(),
    })
}

/// The contract's `claim` record for claims merged across documents.
pub(crate) fn claim_json(m: &dyad_reconcile::claims::MergedClaim<'_>) -> serde_json::Value {
    json!({
        "type": "claim", "subject": m.subject, "predicate": m.predicate, "object": m.object, "value": m.value,
        "from": m.from.map(|d| d.to_string()), "to": m.to.map(|d| d.to_string()),
        "evidence": m.evidence.iter().map(|c| json!({"doc": c.doc, "span": [c.span.0, c.span.1], "quote": c.quote, "modality": c.modality})).collect::<Vec<_>>(),
        "sources": m.sources, "outlets": m.outlets, "status": m.status,
    })
}

fn render_claim(
    lex: &dyad_lexicon::Lexicon,
    m: &dyad_reconcile::claims::MergedClaim<'_>,
) -> String {
    let mut s = format!(
        "  {}({}, {}{}) {} from {} - {} source(s)\n",
        m.predicate,
        lex.display_name(&m.subject),
        m.object.as_deref().map_or("-", |o| lex.display_name(o)),
        m.value.as_deref().map_or(String::new(), |v| format!(", {v}")),
        m.status,
        m.from.map_or_else(|| "?".to_string(), |d| d.to_string()),
        m.sources
    );
    for c in m.evidence.iter().take(3) {
        s.push_str(&format!(
            "      {} [{}..{}) {:?} ({})\n",
            c.doc, c.span.0, c.span.1, c.quote, c.modality
        ));
    }
    s
}

pub(crate) fn claims(
    db: &Path,
    filter: &dyad_store::ClaimQuery,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    let rows = store.query_claims(filter)?.0;
    for m in dyad_reconcile::claims::merge(&rows) {
        match format {
            QueryFormat::Text => print!("{}", render_claim(&lex, &m)),
            QueryFormat::Jsonl => println!("{}", claim_json(&m)),
        }
    }
    Ok(Outcome::AllProcessed)
}

/// Everything the store says between two actors: relation claims in both directions, then
/// their events by date.
pub(crate) fn relations(
    db: &Path,
    a: &str,
    b: &str,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    let mut rows = Vec::new();
    for (s, o) in [(a, b), (b, a)] {
        let q = dyad_store::ClaimQuery {
            subject: Some(s.into()),
            object: Some(o.into()),
            ..Default::default()
        };
        rows.extend(store.query_claims(&q)?.0);
    }
    let events = store
        .query_events(&dyad_store::EventQuery {
            dyad: Some((a.into(), b.into())),
            ..Default::default()
        })?
        .0;
    match format {
        QueryFormat::Text => {
            println!("{} ({a}) and {} ({b})", lex.display_name(a), lex.display_name(b));
            println!("Relations claimed ({}):", rows.len());
            for m in dyad_reconcile::claims::merge(&rows) {
                print!("{}", render_claim(&lex, &m));
            }
            let total: f64 = events.iter().map(|e| e.goldstein).sum();
            println!("Events ({}, Goldstein sum {total:+.1}):", events.len());
            for e in &events {
                println!(
                    "  {:<10} {} -> {} {} ({}) {:+.1} {} {:?} [{} {}..{})",
                    e.date_from.map_or_else(|| "-".to_string(), |d| d.to_string()),
                    e.source.join(","),
                    e.target.join(","),
                    e.cameo,
                    e.plover,
                    e.goldstein,
                    e.modality,
                    e.quote,
                    e.doc,
                    e.span.0,
                    e.span.1
                );
            }
        }
        QueryFormat::Jsonl => {
            for m in dyad_reconcile::claims::merge(&rows) {
                println!("{}", claim_json(&m));
            }
            for e in &events {
                println!("{}", event_json(e));
            }
        }
    }
    Ok(Outcome::AllProcessed)
}

/// Per document and per outlet: claims made, corroborated, contradicted, unique.
pub(crate) fn sources(
    db: &Path,
    format: QueryFormat,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let lex = crate::lexicon::load(lexicon_files)?;
    let conflicts = dyad_reconcile::conflicts::in_store(&lex, &store)?;
    let claims = store.query_claims(&dyad_store::ClaimQuery::default())?.0;
    let (docs, outlets) = dyad_reconcile::sources::profiles(
        &store.documents()?,
        &claims,
        &store.quantities()?,
        &conflicts,
    );
    match format {
        QueryFormat::Text => {
            println!(
                "{:<16} {:<10} {:>6} {:>12} {:>12} {:>6}  outlet / title",
                "document", "date", "claims", "corroborated", "contradicted", "unique"
            );
            for d in &docs {
                let t = d.tally;
                println!(
                    "{:<16} {:<10} {:>6} {:>12} {:>12} {:>6}  {} / {}",
                    d.doc,
                    d.published.map_or_else(|| "-".to_string(), |p| p.to_string()),
                    t.claims,
                    t.corroborated,
                    t.contradicted,
                    t.unique,
                    d.outlet.as_deref().unwrap_or("?"),
                    d.title.as_deref().unwrap_or("")
                );
            }
            println!();
            for o in &outlets {
                let t = o.tally;
                println!(
                    "outlet {:<30} {:>3} doc(s) {:>5} claims {:>4} corroborated {:>4} contradicted {:>4} unique",
                    o.outlet, o.documents, t.claims, t.corroborated, t.contradicted, t.unique
                );
            }
        }
        QueryFormat::Jsonl => {
            for d in &docs {
                let t = d.tally;
                println!(
                    "{}",
                    json!({"type": "source", "doc": d.doc, "title": d.title, "outlet": d.outlet,
                    "published": d.published.map(|p| p.to_string()), "claims": t.claims, "corroborated": t.corroborated,
                    "contradicted": t.contradicted, "unique": t.unique})
                );
            }
            for o in &outlets {
                let t = o.tally;
                println!(
                    "{}",
                    json!({"type": "outlet", "outlet": o.outlet, "documents": o.documents, "claims": t.claims,
                    "corroborated": t.corroborated, "contradicted": t.contradicted, "unique": t.unique})
                );
            }
        }
    }
    Ok(Outcome::AllProcessed)
}
