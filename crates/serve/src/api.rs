//! The read endpoints of the JSON API (docs/API.md). Each handler checks its parameters, then
//! reads the store on a blocking thread through [`AppState::read`].

use crate::error::ApiError;
use crate::json::{self, Utf16Offsets};
use crate::params::Params;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use dyad_store::{ClaimQuery, EventQuery, Store};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

type Shared = State<Arc<AppState>>;
type Pairs = Query<Vec<(String, String)>>;
type Reply = Result<Json<Value>, ApiError>;

/// Events shown on an actor page per direction.
const ACTOR_EVENTS: usize = 200;

pub async fn openapi() -> ([(axum::http::HeaderName, &'static str); 1], &'static str) {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], include_str!("openapi.json"))
}

pub async fn stats(State(st): Shared, Query(q): Pairs) -> Reply {
    Params::new(q, &[])?;
    st.read(|store, st| {
        let d = st.derived(store)?;
        let c = d.counts;
        Ok(Json(json!({
            "documents": c.documents, "actors": c.actors, "events": c.events, "claims": c.claims,
            "quantities": c.quantities, "conflicts": d.conflicts.len(), "outlets": c.outlets,
        })))
    })
    .await
}

pub async fn documents(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["limit", "offset"])?;
    let (limit, offset) = p.page()?;
    st.read(move |store, _| {
        let (docs, total) = store.documents_page(limit, offset)?;
        let items = docs.iter().map(json::document_summary).collect();
        Ok(Json(json::page(items, total, limit, offset)))
    })
    .await
}

pub async fn document(State(st): Shared, Path(id): Path<String>, Query(q): Pairs) -> Reply {
    Params::new(q, &[])?;
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let Some((summary, text, mentions)) = store.document(&id)? else {
            return Err(ApiError::not_found(format!("no document with id {id:?}")));
        };
        let u16 = Utf16Offsets::new(&text);
        let slice = |s: (usize, usize)| text.get(s.0..s.1).unwrap_or_default();
        let mentions: Vec<Value> = mentions
            .iter()
            .map(|m| {
                let s = (m.span.start, m.span.end);
                json!({
                    "span": json::span(s), "u16": u16.span(s), "text": slice(s),
                    "entity": m.entity.as_deref(), "name": m.entity.as_deref().map(|e| lex.display_name(e)),
                    "kind": m.kind.as_str(), "how": m.how.as_str(),
                })
            })
            .collect();
        let times: Vec<Value> = store
            .document_times(&id)?
            .iter()
            .map(|t| {
                json!({
                    "span": json::span(t.span), "u16": u16.span(t.span), "text": slice(t.span),
                    "value": t.value, "from": json::date(t.from), "to": json::date(t.to),
                    "granularity": t.granularity, "kind": t.kind,
                })
            })
            .collect();
        let quantities: Vec<Value> = store
            .document_quantities(&id)?
            .iter()
            .map(|q| {
                json!({
                    "span": json::span(q.span), "u16": u16.span(q.span), "text": q.quote,
                    "value": q.value, "low": q.low, "high": q.high, "unit": q.unit, "scale": q.scale,
                    "approx": q.approx, "measure": q.measure, "subjects": q.subjects,
                })
            })
            .collect();
        let query = EventQuery { doc: Some(id.clone()), ..EventQuery::default() };
        let events: Vec<Value> = store
            .query_events(&query)?
            .0
            .iter()
            .map(|e| {
                let mut v = json::event(e, lex);
                v["u16"] = u16.span(e.span);
                v
            })
            .collect();
        let claims: Vec<Value> = store
            .query_claims(&ClaimQuery { doc: Some(id.clone()), ..ClaimQuery::default() })?
            .0
            .iter()
            .map(|c| {
                let mut v = json::claim(c, lex);
                v["u16"] = u16.span(c.span);
                v
            })
            .collect();
        let mut document = json::document_summary(&summary);
        document["url"] = json!(summary.url);
        document["author"] = json!(summary.author);
        document["dateline"] = json!(summary.dateline);
        Ok(Json(json!({
            "document": document, "text": text, "mentions": mentions, "times": times,
            "quantities": quantities, "events": events, "claims": claims,
        })))
    })
    .await
}

fn matches(needle: &str, hay: &[&str]) -> bool {
    let needle = needle.to_lowercase();
    hay.iter().any(|h| h.to_lowercase().contains(&needle))
}

pub async fn actors(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["q", "kind", "limit", "offset"])?;
    let (limit, offset) = p.page()?;
    let (needle, kind) = (p.text("q"), p.text("kind"));
    st.read(move |store, st| {
        let d = st.derived(store)?;
        let rows: Vec<_> = d
            .actors
            .iter()
            .filter(|a| kind.as_ref().is_none_or(|k| &a.count.kind == k))
            .filter(|a| needle.as_ref().is_none_or(|n| matches(n, &[&a.count.entity, &a.name])))
            .collect();
        let items = rows
            .iter()
            .skip(offset)
            .take(limit)
            .map(|a| {
                json!({"id": a.count.entity, "name": a.name, "kind": a.count.kind,
                       "documents": a.count.documents, "mentions": a.count.mentions})
            })
            .collect();
        Ok(Json(json::page(items, rows.len(), limit, offset)))
    })
    .await
}

pub async fn actor(State(st): Shared, Path(id): Path<String>, Query(q): Pairs) -> Reply {
    Params::new(q, &[])?;
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let d = st.derived(store)?;
        let counted = d.actors.iter().find(|a| a.count.entity == id);
        let kind = if let Some(a) = counted {
            a.count.kind.clone()
        } else if lex.state(&id).is_some() {
            "state".to_string()
        } else if lex.person(&id).is_some() {
            "person".to_string()
        } else if let Some(o) = lex.org(&id) {
            if o.kind == dyad_lexicon::OrgKind::Agreement { "agreement" } else { "organization" }
                .to_string()
        } else {
            return Err(ApiError::not_found(format!("no actor with id {id:?}")));
        };
        // Offices: a person's terms, or the holders of a state's offices.
        let term = |p: &dyad_lexicon::Person, t: &dyad_lexicon::OfficeTerm| {
            json!({"person": p.id, "person_name": p.name, "office": t.office, "state": t.of,
                   "state_name": lex.display_name(&t.of), "from": json::date(t.from), "to": json::date(t.to)})
        };
        let mut offices: Vec<Value> = Vec::new();
        for p in &lex.people {
            for t in &p.offices {
                if p.id == id || t.of == id {
                    offices.push(term(p, t));
                }
            }
        }
        // Memberships: the reference data's, then what documents claim.
        let mut memberships: Vec<Value> = Vec::new();
        for o in &lex.orgs {
            for m in o.members.iter().filter(|m| m.id == id) {
                memberships.push(json!({"org": o.id, "org_name": o.name, "from": json::date(m.from),
                    "to": json::date(m.to), "basis": "reference", "evidence": []}));
            }
        }
        let claimed = store
            .query_claims(&ClaimQuery {
                subject: Some(id.clone()),
                predicate: Some("member_of".into()),
                ..ClaimQuery::default()
            })?
            .0;
        let mut by_org: BTreeMap<&str, Vec<&dyad_store::StoredClaim>> = BTreeMap::new();
        for c in &claimed {
            if let Some(o) = c.object.as_deref() {
                by_org.entry(o).or_default().push(c);
            }
        }
        for (org, claims) in by_org {
            let from = claims.iter().filter_map(|c| c.from).min();
            memberships.push(json!({"org": org, "org_name": lex.display_name(org), "from": json::date(from),
                "to": null, "basis": "documents", "evidence": claims.iter().map(|c| json::evidence(c)).collect::<Vec<_>>()}));
        }
        let events_where = |q: EventQuery| -> Result<Vec<Value>, ApiError> {
            Ok(store.query_events(&q)?.0.iter().map(|e| json::event(e, lex)).collect())
        };
        let limit = Some(ACTOR_EVENTS);
        let as_source =
            events_where(EventQuery { source: Some(id.clone()), limit, ..EventQuery::default() })?;
        let as_target =
            events_where(EventQuery { target: Some(id.clone()), limit, ..EventQuery::default() })?;
        let in_documents: Vec<Value> = store
            .documents_mentioning(&id, 100)?
            .iter()
            .map(|(s, n)| json!({"id": s.id, "title": s.title, "published": json::date(s.published), "mentions": n}))
            .collect();
        Ok(Json(json!({
            "id": id, "name": lex.display_name(&id), "kind": kind,
            "documents": counted.map_or(0, |a| a.count.documents), "mentions": counted.map_or(0, |a| a.count.mentions),
            "offices": offices, "memberships": memberships,
            "events_as_source": as_source, "events_as_target": as_target, "in_documents": in_documents,
        })))
    })
    .await
}

pub async fn organisations(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["limit", "offset"])?;
    let (limit, offset) = p.page()?;
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let claims = store.claims("member_of", None)?;
        let mut claimed: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for c in &claims {
            if let Some(o) = c.object.as_deref() {
                claimed.entry(o).or_default().insert(&c.subject);
            }
        }
        let mut rows: Vec<Value> = lex
            .orgs
            .iter()
            .filter(|o| !o.members.is_empty() || claimed.contains_key(o.id.as_str()))
            .map(|o| {
                json!({"id": o.id, "name": o.name, "kind": org_kind(o.kind),
                       "reference_members": o.members.len(),
                       "claimed_members": claimed.get(o.id.as_str()).map_or(0, |s| s.len())})
            })
            .collect();
        rows.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
        let total = rows.len();
        let items = rows.into_iter().skip(offset).take(limit).collect();
        Ok(Json(json::page(items, total, limit, offset)))
    })
    .await
}

fn org_kind(k: dyad_lexicon::OrgKind) -> &'static str {
    use dyad_lexicon::OrgKind::*;
    match k {
        Organization => "organization",
        Agreement => "agreement",
        Format => "format",
        ArmedGroup => "armed_group",
        Agency => "agency",
        Company => "company",
    }
}

pub async fn organisation(State(st): Shared, Path(id): Path<String>, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["as_of"])?;
    let as_of = p.date("as_of")?;
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let Some(org) = lex.org(&id) else {
            return Err(ApiError::not_found(format!(
                "no organisation or agreement with id {id:?}"
            )));
        };
        let claims = store.claims("member_of", Some(&id))?;
        let members: Vec<Value> = dyad_reconcile::members::members(lex, &id, as_of, &claims)
            .iter()
            .map(|m| {
                json!({
                    "id": m.id, "name": lex.display_name(&m.id), "status": m.status.as_str(),
                    "joined": json::date(m.joined), "reference_from": json::date(m.reference_from),
                    "sources": m.sources, "explanation": m.explanation,
                    "evidence": m.claims.iter().map(|c| json::evidence(c)).collect::<Vec<_>>(),
                })
            })
            .collect();
        Ok(Json(json!({"id": org.id, "name": org.name, "kind": org_kind(org.kind),
                       "as_of": json::date(as_of), "members": members})))
    })
    .await
}

fn event_query(p: &Params) -> Result<EventQuery, ApiError> {
    let dyad = match p.text("dyad") {
        None => None,
        Some(v) => match v.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Some((a.trim().to_string(), b.trim().to_string()))
            }
            _ => {
                return Err(ApiError::bad_request(format!(
                    "dyad: {v:?} is not two actor ids separated by a comma"
                )))
            }
        },
    };
    let code = p.text("code");
    if let Some(c) = &code {
        if !(1..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad_request(format!(
                "code: {c:?} is not a CAMEO code or prefix (1-4 digits)"
            )));
        }
    }
    let root = p.text("root");
    if let Some(r) = &root {
        if r.len() != 2 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad_request(format!(
                "root: {r:?} is not a CAMEO root (two digits, 01-20)"
            )));
        }
        if code.as_ref().is_some_and(|c| !c.starts_with(r.as_str())) {
            return Err(ApiError::bad_request("code and root disagree"));
        }
    }
    let modality = p.text("modality");
    const MODALITIES: &[&str] = &["asserted", "planned", "hypothetical", "reported", "negated"];
    if let Some(m) = &modality {
        if !MODALITIES.contains(&m.as_str()) {
            return Err(ApiError::bad_request(format!(
                "modality: {m:?} is not one of {}",
                MODALITIES.join(", ")
            )));
        }
    }
    let (limit, offset) = p.page()?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad_request(format!("from {f} is after to {t}")));
        }
    }
    Ok(EventQuery {
        actor: p.text("actor"),
        source: p.text("source"),
        target: p.text("target"),
        dyad,
        code: code.or(root),
        modality,
        doc: p.text("doc"),
        from,
        to,
        limit: Some(limit),
        offset,
        exact: None,
    })
}

pub async fn events(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(
        q,
        &[
            "actor", "source", "target", "dyad", "code", "root", "from", "to", "modality", "doc",
            "limit", "offset",
        ],
    )?;
    let query = event_query(&p)?;
    st.read(move |store, st| {
        let (rows, total) = store.query_events(&query)?;
        let items = rows.iter().map(|e| json::event(e, &st.lexicon)).collect();
        Ok(Json(json::page(items, total, query.limit.unwrap_or(0), query.offset)))
    })
    .await
}

pub async fn dyad(
    State(st): Shared,
    Path((a, b)): Path<(String, String)>,
    Query(q): Pairs,
) -> Reply {
    Params::new(q, &[])?;
    if a == b {
        return Err(ApiError::bad_request("a dyad needs two different actors"));
    }
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let known = |id: &str| lex.contains(id) || store.documents_mentioning(id, 1).is_ok_and(|d| !d.is_empty());
        for id in [&a, &b] {
            if !known(id) {
                return Err(ApiError::not_found(format!("no actor with id {id:?}")));
            }
        }
        let query = EventQuery { dyad: Some((a.clone(), b.clone())), ..EventQuery::default() };
        let rows = store.query_events(&query)?.0;
        let mut series: BTreeMap<String, (usize, f64, f64, f64)> = BTreeMap::new();
        for e in &rows {
            if let Some(d) = e.date_from {
                let s = series.entry(format!("{:04}-{:02}", d.year(), d.month())).or_default();
                s.0 += 1;
                s.1 += e.goldstein;
                if e.goldstein > 0.0 {
                    s.2 += e.goldstein;
                } else {
                    s.3 += e.goldstein;
                }
            }
        }
        let series: Vec<Value> = series
            .into_iter()
            .map(|(period, (n, g, coop, conf))| json!({"period": period, "events": n, "goldstein": g, "cooperation": coop, "conflict": conf}))
            .collect();
        let mut claims = Vec::new();
        for (s, o) in [(&a, &b), (&b, &a)] {
            let q = ClaimQuery { subject: Some(s.clone()), object: Some(o.clone()), ..ClaimQuery::default() };
            claims.extend(store.query_claims(&q)?.0.iter().map(|c| json::claim(c, lex)));
        }
        Ok(Json(json!({
            "a": a, "b": b, "a_name": lex.display_name(&a), "b_name": lex.display_name(&b),
            "claims": claims,
            "events": rows.iter().map(|e| json::event(e, lex)).collect::<Vec<_>>(), "series": series,
        })))
    })
    .await
}

pub async fn claims(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["subject", "predicate", "object", "doc", "limit", "offset"])?;
    let (limit, offset) = p.page()?;
    let query = ClaimQuery {
        subject: p.text("subject"),
        predicate: p.text("predicate"),
        object: p.text("object"),
        doc: p.text("doc"),
        limit: Some(limit),
        offset,
    };
    st.read(move |store, st| {
        let (rows, total) = store.query_claims(&query)?;
        let items = rows.iter().map(|c| json::claim(c, &st.lexicon)).collect();
        Ok(Json(json::page(items, total, limit, offset)))
    })
    .await
}

pub async fn conflicts(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["kind", "limit", "offset"])?;
    let (limit, offset) = p.page()?;
    let kind = p.text("kind");
    st.read(move |store, st| {
        let d = st.derived(store)?;
        let docs: BTreeMap<&str, &dyad_reconcile::sources::DocumentProfile> =
            d.documents.iter().map(|p| (p.doc.as_str(), p)).collect();
        let chosen: Vec<(usize, &dyad_reconcile::conflicts::Conflict)> = d
            .conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| kind.as_ref().is_none_or(|k| c.kind == k))
            .collect();
        let items = chosen
            .iter()
            .skip(offset)
            .take(limit)
            .map(|(i, c)| {
                let sides: Vec<Value> = c
                    .sides
                    .iter()
                    .map(|s| {
                        let doc = s.doc.as_deref().and_then(|id| docs.get(id));
                        json!({"doc": s.doc, "title": doc.and_then(|d| d.title.clone()),
                               "outlet": doc.and_then(|d| d.outlet.clone()),
                               "published": json::date(doc.and_then(|d| d.published)),
                               "span": s.span.map(json::span), "claim": s.claim, "quote": s.quote})
                    })
                    .collect();
                json!({"id": i, "kind": c.kind, "explanation": c.explanation, "sides": sides})
            })
            .collect();
        Ok(Json(json::page(items, chosen.len(), limit, offset)))
    })
    .await
}

pub async fn sources(State(st): Shared, Query(q): Pairs) -> Reply {
    Params::new(q, &[])?;
    st.read(|store, st| {
        let d = st.derived(store)?;
        let tally = |t: &dyad_reconcile::sources::Tally| {
            json!({"claims": t.claims, "corroborated": t.corroborated, "contradicted": t.contradicted, "unique": t.unique})
        };
        let documents: Vec<Value> = d
            .documents
            .iter()
            .map(|p| {
                let mut v = json!({"doc": p.doc, "title": p.title, "outlet": p.outlet, "published": json::date(p.published)});
                merge(&mut v, tally(&p.tally));
                v
            })
            .collect();
        let outlets: Vec<Value> = d
            .outlets
            .iter()
            .map(|o| {
                let mut v = json!({"outlet": o.outlet, "documents": o.documents});
                merge(&mut v, tally(&o.tally));
                v
            })
            .collect();
        Ok(Json(json!({"documents": documents, "outlets": outlets})))
    })
    .await
}

fn merge(into: &mut Value, from: Value) {
    if let (Some(a), Value::Object(b)) = (into.as_object_mut(), from) {
        a.extend(b);
    }
}

pub async fn network(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["min_events"])?;
    let min = p.number("min_events", 1, usize::MAX)?.max(1);
    st.read(move |store, st| {
        let d = st.derived(store)?;
        let kinds: BTreeMap<&str, &str> =
            d.actors.iter().map(|a| (a.count.entity.as_str(), a.count.kind.as_str())).collect();
        let mut nodes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut edges = Vec::new();
        for ((s, t), e) in d.edges.iter().filter(|(_, e)| e.events >= min) {
            *nodes.entry(s).or_default() += e.events;
            *nodes.entry(t).or_default() += e.events;
            edges.push(json!({"source": s, "target": t, "events": e.events, "goldstein": e.goldstein}));
        }
        let nodes: Vec<Value> = nodes
            .iter()
            .map(|(id, n)| json!({"id": id, "name": st.lexicon.display_name(id), "kind": kinds.get(id).copied().unwrap_or("other"), "events": n}))
            .collect();
        Ok(Json(json!({"nodes": nodes, "edges": edges})))
    })
    .await
}

/// Results per kind in a search.
const SEARCH_LIMIT: usize = 20;

pub async fn search(State(st): Shared, Query(q): Pairs) -> Reply {
    let p = Params::new(q, &["q"])?;
    let Some(needle) = p.text("q") else {
        return Err(ApiError::bad_request("q: give the words to search for"));
    };
    if needle.chars().count() > 200 {
        return Err(ApiError::bad_request("q: at most 200 characters"));
    }
    st.read(move |store, st| {
        let lex = &st.lexicon;
        let d = st.derived(store)?;
        let actors: Vec<Value> = d
            .actors
            .iter()
            .filter(|a| matches(&needle, &[&a.count.entity, &a.name]))
            .take(SEARCH_LIMIT)
            .map(|a| json!({"id": a.count.entity, "name": a.name, "kind": a.count.kind, "mentions": a.count.mentions}))
            .collect();
        let organisations: Vec<Value> = lex
            .orgs
            .iter()
            .filter(|o| {
                let mut hay: Vec<&str> = vec![&o.id, &o.name];
                hay.extend(o.aliases.iter().map(String::as_str));
                hay.extend(o.acronyms.iter().map(String::as_str));
                matches(&needle, &hay)
            })
            .take(SEARCH_LIMIT)
            .map(|o| json!({"id": o.id, "name": o.name, "kind": org_kind(o.kind)}))
            .collect();
        let documents: Vec<Value> =
            store.search_documents(&needle, SEARCH_LIMIT)?.iter().map(json::document_summary).collect();
        Ok(Json(json!({"actors": actors, "organisations": organisations, "documents": documents})))
    })
    .await
}
