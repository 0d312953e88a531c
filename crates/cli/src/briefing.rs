//! The briefing `dyad analyze` prints: the documents with their dates and outlets, the actors
//! each names, totals, unknown names worth adding to the lexicon, and warnings. Memory stays
//! bounded on large runs: only the first documents are listed individually.

use dyad_lexicon::Lexicon;
use dyad_model::Analysis;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Documents listed one by one; the rest are only counted.
const LISTED_DOCUMENTS: usize = 50;
/// Distinct unknown names tracked.
const TRACKED_UNKNOWN: usize = 10_000;

#[derive(Debug)]
struct DocLine {
    id: String,
    source: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    basis: Option<&'static str>,
    actors: Vec<(String, usize)>,
}

#[derive(Debug, Default)]
pub(crate) struct Briefing {
    docs: Vec<DocLine>,
    documents: usize,
    /// entity -> (mentions, documents)
    actors: HashMap<String, (usize, usize)>,
    kinds: HashMap<String, &'static str>,
    unknown: HashMap<String, usize>,
    warnings: BTreeMap<&'static str, usize>,
    pub(crate) inserted: usize,
    pub(crate) unchanged: usize,
}

impl Briefing {
    pub(crate) fn add(&mut self, a: &Analysis) {
        self.documents += 1;
        let mut per_doc: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &a.mentions {
            match &m.entity {
                // Places (cities, regions) are where things happen, not actors.
                Some(_) if m.kind == dyad_model::ActorKind::Place => {}
                Some(e) => {
                    *per_doc.entry(e.as_ref()).or_default() += 1;
                    // Looked up before inserting: an owned key per mention cost an allocation
                    // per mention of a run.
                    if !self.kinds.contains_key(e.as_ref()) {
                        self.kinds.insert(e.to_string(), m.kind.as_str());
                    }
                }
                None if m.how == dyad_model::MentionHow::Unknown => {
                    let name = m.span.slice(&a.document.text);
                    if let Some(n) = self.unknown.get_mut(name) {
                        *n += 1;
                    } else if self.unknown.len() < TRACKED_UNKNOWN {
                        self.unknown.insert(name.to_string(), 1);
                    }
                }
                None => {}
            }
        }
        for (&e, &n) in &per_doc {
            match self.actors.get_mut(e) {
                Some(entry) => *entry = (entry.0 + n, entry.1 + 1),
                None => {
                    self.actors.insert(e.to_string(), (n, 1));
                }
            }
        }
        for d in &a.diagnostics {
            *self.warnings.entry(d.code).or_default() += 1;
        }
        if self.docs.len() < LISTED_DOCUMENTS {
            let mut actors: Vec<(String, usize)> =
                per_doc.into_iter().map(|(e, n)| (e.to_string(), n)).collect();
            actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let meta = &a.document.meta;
            self.docs.push(DocLine {
                id: a.document.id.clone(),
                source: a.document.source.clone(),
                title: meta.title.clone(),
                outlet: meta.outlet.clone(),
                published: meta.published.map(|d| d.to_string()),
                basis: meta.published_basis.map(|b| b.as_str()),
                actors,
            });
        }
    }

    pub(crate) fn render(&self, lex: &Lexicon, failures: usize) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Documents ({}; {} new, {} already stored)",
            self.documents, self.inserted, self.unchanged
        );
        for d in &self.docs {
            let date = match (&d.published, d.basis) {
                (Some(p), Some(b)) => format!("{p} ({b})"),
                _ => "date unknown".to_string(),
            };
            let _ = writeln!(s, "  {}  {}  {}", d.id, date, d.source);
            if let Some(t) = &d.title {
                let _ = writeln!(s, "      title:  {t}");
            }
            if let Some(o) = &d.outlet {
                let _ = writeln!(s, "      outlet: {o}");
            }
            let names: Vec<String> = d
                .actors
                .iter()
                .take(12)
                .map(|(e, n)| format!("{} ({n})", lex.display_name(e)))
                .collect();
            let more = d.actors.len().saturating_sub(12);
            let tail = if more > 0 { format!(", and {more} more") } else { String::new() };
            let _ = writeln!(s, "      actors: {}{tail}", names.join(", "));
        }
        if self.documents > self.docs.len() {
            let _ = writeln!(s, "  ... and {} more documents", self.documents - self.docs.len());
        }
        let mut actors: Vec<(&String, &(usize, usize))> = self.actors.iter().collect();
        actors.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(b.1 .0.cmp(&a.1 .0)).then(a.0.cmp(b.0)));
        let _ = writeln!(s, "\nActors ({} distinct; by documents, then mentions)", actors.len());
        for (id, (mentions, docs)) in actors.iter().take(25) {
            let kind = self.kinds.get(*id).copied().unwrap_or("");
            let _ = writeln!(
                s,
                "  {:<24} {:<13} {:<34} {docs:>4} docs {mentions:>6} mentions",
                id,
                kind,
                lex.display_name(id)
            );
        }
        if actors.len() > 25 {
            let _ = writeln!(s, "  ... and {} more (dyad actors)", actors.len() - 25);
        }
        let mut unknown: Vec<(&String, &usize)> = self.unknown.iter().collect();
        unknown.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if !unknown.is_empty() {
            let list: Vec<String> =
                unknown.iter().take(15).map(|(n, c)| format!("{n} ({c})")).collect();
            let _ = writeln!(
                s,
                "\nNames not in the lexicon ({}; add them with --lexicon FILE)\n  {}",
                unknown.len(),
                list.join(", ")
            );
        }
        if !self.warnings.is_empty() || failures > 0 {
            let _ = writeln!(s, "\nWarnings");
            for (code, n) in &self.warnings {
                let _ = writeln!(s, "  {code}: {n} document(s)");
            }
            if failures > 0 {
                let _ = writeln!(s, "  {failures} input(s) failed (named above on stderr)");
            }
        }
        s
    }
}
