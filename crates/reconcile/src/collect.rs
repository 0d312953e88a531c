//! What reconciliation needs of a freshly analysed document, without a store: its claims,
//! measured quantities, one-time events and findings in the store's row types, so that
//! `dyad extract` can reconcile a stream of documents while keeping only these small rows.

use dyad_model::{Analysis, DateBasisKind};
use dyad_store::{StoredClaim, StoredEvent, StoredFinding, StoredQuantity};

/// The rows of one or more documents that reconciliation reads.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    pub claims: Vec<StoredClaim>,
    pub quantities: Vec<StoredQuantity>,
    /// Joins (057) and establishments of relations (054) only.
    pub events: Vec<StoredEvent>,
    pub findings: Vec<StoredFinding>,
}

impl Collected {
    /// Adds one document's rows.
    pub fn add(&mut self, a: &Analysis) {
        let doc = &a.document;
        let text = doc.text.as_str();
        let slice = |s: dyad_model::Span| text.get(s.start..s.end).unwrap_or_default().to_string();
        for c in &a.claims {
            self.claims.push(StoredClaim {
                doc: doc.id.clone(),
                title: doc.meta.title.clone(),
                outlet: doc.meta.outlet.clone(),
                published: doc.meta.published,
                subject: c.subject.to_string(),
                predicate: c.predicate.to_string(),
                value: c.value.clone(),
                object: c.object.as_ref().map(|o| o.to_string()),
                from: c.from,
                to: c.to,
                span: (c.span.start, c.span.end),
                quote: slice(c.span),
                modality: c.modality.as_str().to_string(),
                basis: c.basis.to_string(),
            });
        }
        for q in a.quantities.iter().filter(|q| q.measure.is_some()) {
            let mut subjects: Vec<String> = q.subjects.iter().map(|s| s.to_string()).collect();
            subjects.sort();
            self.quantities.push(StoredQuantity {
                doc: doc.id.clone(),
                outlet: doc.meta.outlet.clone(),
                span: (q.span.start, q.span.end),
                quote: slice(q.span),
                value: q.value,
                low: q.low,
                high: q.high,
                unit: q.unit.clone(),
                scale: q.scale.map(str::to_string),
                approx: q.approx.map(str::to_string),
                measure: q.measure.clone(),
                subjects,
                from: q.from,
                to: q.to,
            });
        }
        for e in a.events.iter().filter(|e| matches!(e.cameo.as_str(), "057" | "054")) {
            let ids =
                |v: &[dyad_model::EntityId]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
            self.events.push(StoredEvent {
                doc: doc.id.clone(),
                url: doc.meta.url.clone(),
                outlet: doc.meta.outlet.clone(),
                title: doc.meta.title.clone(),
                span: (e.span.start, e.span.end),
                quote: slice(e.span),
                sentence_text: slice(e.sentence),
                sentence: (e.sentence.start, e.sentence.end),
                source: ids(&e.source),
                target: ids(&e.target),
                source_agent: e.source_agent.clone(),
                target_agent: e.target_agent.clone(),
                cameo: e.cameo.clone(),
                root: e.root.clone(),
                goldstein: e.goldstein,
                quad: e.quad,
                plover: e.plover.clone(),
                date_value: e.date.as_ref().map(|d| d.value.clone()),
                date_from: e.date.as_ref().and_then(|d| d.from),
                date_to: e.date.as_ref().and_then(|d| d.to),
                date_basis: e.date.as_ref().map(|d| {
                    match d.basis {
                        DateBasisKind::Text => "text",
                        DateBasisKind::Document => "document",
                    }
                    .to_string()
                }),
                modality: e.modality.as_str().to_string(),
                attributed_to: e.attributed_to.as_ref().map(|x| x.to_string()),
            });
        }
        for f in &a.findings {
            self.findings.push(StoredFinding {
                doc: doc.id.clone(),
                kind: f.kind.to_string(),
                explanation: f.explanation.clone(),
                span: (f.span.start, f.span.end),
                quote: slice(f.span),
                claim: f.claim.clone(),
                other: f.other.as_ref().map(|(s, c)| ((s.start, s.end), slice(*s), c.clone())),
                reference: f.reference.clone(),
            });
        }
    }

    /// Every conflict among the collected rows.
    pub fn conflicts(&self, lex: &dyad_lexicon::Lexicon) -> Vec<crate::conflicts::Conflict> {
        let members: Vec<StoredClaim> =
            self.claims.iter().filter(|c| c.predicate == "member_of").cloned().collect();
        crate::conflicts::all(lex, &members, &self.events, &self.quantities, &self.findings)
    }
}
