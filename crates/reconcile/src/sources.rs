//! Source profiles: for each document and each outlet, how many distinct claims it makes, how
//! many of them another document also makes (corroborated), how many a conflict sets against
//! another source or the reference data (contradicted), and how many no other document makes
//! (unique).
//!
//! A claim's key is its predicate, subject and object (`member_of(KAZ, ABRAHAM_ACCORDS)`), or for
//! a figure its measure, unit and subjects: two documents giving the trade volume of ISR-KAZ
//! speak of the same thing whether or not their numbers agree (when they do not, the figure is
//! also contradicted). A document stating a claim twice counts it once.

use crate::conflicts::Conflict;
use dyad_model::Date;
use dyad_store::{DocumentSummary, StoredClaim, StoredQuantity};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Counts of distinct claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub claims: usize,
    pub corroborated: usize,
    pub contradicted: usize,
    pub unique: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentProfile {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletProfile {
    pub outlet: String,
    pub documents: usize,
    pub tally: Tally,
}

/// One claim occurrence: (document, key, span).
type Occurrence<'a> = (&'a str, String, (usize, usize));

/// Profiles of every document in `documents` (in that order) and of every named outlet (by name).
pub fn profiles(
    documents: &[DocumentSummary],
    claims: &[StoredClaim],
    quantities: &[StoredQuantity],
    conflicts: &[Conflict],
) -> (Vec<DocumentProfile>, Vec<OutletProfile>) {
    let mut occurrences: Vec<Occurrence<'_>> = Vec::new();
    for c in claims.iter().filter(|c| c.modality != "negated") {
        let key = format!("{}({}, {})", c.predicate, c.subject, c.object.as_deref().unwrap_or(""));
        occurrences.push((&c.doc, key, c.span));
    }
    for q in quantities {
        if let Some(measure) = &q.measure {
            let key = format!("{measure} [{}] of {}", q.unit, q.subjects.join("-"));
            occurrences.push((&q.doc, key, q.span));
        }
    }
    let contradicted_spans: HashSet<(&str, (usize, usize))> = conflicts
        .iter()
        .flat_map(|c| &c.sides)
        .filter_map(|s| Some((s.doc.as_deref()?, s.span?)))
        .collect();

    // Which documents make each key, and which (doc, key) pairs are contradicted.
    let mut docs_by_key: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut contradicted: HashSet<(&str, &str)> = HashSet::new();
    for (doc, key, span) in &occurrences {
        docs_by_key.entry(key.as_str()).or_default().insert(doc);
        if contradicted_spans.contains(&(*doc, *span)) {
            contradicted.insert((doc, key.as_str()));
        }
    }
    let mut keys_by_doc: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (doc, key, _) in &occurrences {
        keys_by_doc.entry(doc).or_default().insert(key.as_str());
    }
    let tally_of = |doc: &str| {
        let mut t = Tally::default();
        for key in keys_by_doc.get(doc).into_iter().flatten() {
            t.claims += 1;
            if docs_by_key.get(key).is_some_and(|d| d.len() > 1) {
                t.corroborated += 1;
            } else {
                t.unique += 1;
            }
            if contradicted.contains(&(doc, *key)) {
                t.contradicted += 1;
            }
        }
        t
    };

    let mut by_doc = Vec::with_capacity(documents.len());
    let mut by_outlet: BTreeMap<&str, OutletProfile> = BTreeMap::new();
    for d in documents {
        let tally = tally_of(&d.id);
        if let Some(outlet) = &d.outlet {
            let o = by_outlet.entry(outlet).or_insert_with(|| OutletProfile {
                outlet: outlet.clone(),
                documents: 0,
                tally: Tally::default(),
            });
            o.documents += 1;
            o.tally.claims += tally.claims;
            o.tally.corroborated += tally.corroborated;
            o.tally.contradicted += tally.contradicted;
            o.tally.unique += tally.unique;
        }
        by_doc.push(DocumentProfile {
            doc: d.id.clone(),
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            published: d.published,
            tally,
        });
    }
    (by_doc, by_outlet.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::Side;

    fn doc(id: &str, outlet: &str) -> DocumentSummary {
        DocumentSummary {
            id: id.into(),
            source: format!("{id}.txt"),
            title: None,
            outlet: Some(outlet.into()),
            published: None,
            published_basis: None,
            mentions: 0,
            url: None,
            author: None,
            dateline: None,
        }
    }

    fn member(doc: &str, subject: &str, start: usize) -> StoredClaim {
        StoredClaim {
            doc: doc.into(),
            title: None,
            outlet: None,
            published: None,
            subject: subject.into(),
            predicate: "member_of".into(),
            value: None,
            object: Some("ABRAHAM_ACCORDS".into()),
            from: None,
            to: None,
            span: (start, start + 4),
            quote: subject.into(),
            modality: "asserted".into(),
            basis: "list".into(),
        }
    }

    #[test]
    fn shared_claims_are_corroborated_lone_ones_unique_and_conflict_sides_contradicted() {
        let docs = [doc("a", "Wire"), doc("b", "Wire"), doc("c", "Blog")];
        let claims = [
            member("a", "KAZ", 0),
            member("a", "KAZ", 50), // repeated in the same document: counted once
            member("b", "KAZ", 10),
            member("c", "OMN", 20),
        ];
        let conflict = Conflict {
            kind: "reference",
            explanation: String::new(),
            sides: vec![Side {
                doc: Some("c".into()),
                span: Some((20, 24)),
                claim: String::new(),
                quote: None,
            }],
        };
        let (by_doc, by_outlet) = profiles(&docs, &claims, &[], &[conflict]);
        let t = |i: usize| by_doc[i].tally;
        assert_eq!(t(0), Tally { claims: 1, corroborated: 1, contradicted: 0, unique: 0 });
        assert_eq!(t(2), Tally { claims: 1, corroborated: 0, contradicted: 1, unique: 1 });
        assert_eq!(by_outlet.len(), 2);
        assert_eq!(by_outlet[1].outlet, "Wire");
        assert_eq!(by_outlet[1].documents, 2);
        assert_eq!(by_outlet[1].tally.corroborated, 2);
    }
}
