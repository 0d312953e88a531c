//! Claims merged across documents: one row per (subject, predicate, object), with every piece
//! of evidence, the earliest start a document states, and how many distinct documents and
//! outlets assert it (corroboration). Negated claims are kept apart from asserted ones.

use dyad_model::Date;
use dyad_store::StoredClaim;

#[derive(Debug, Clone)]
pub struct MergedClaim<'c> {
    pub subject: String,
    pub predicate: String,
    pub object: Option<String>,
    pub value: Option<String>,
    /// `asserted` when any document asserts or reports it, else the strongest other modality
    /// (`planned`, `hypothetical`, `negated`).
    pub status: &'static str,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub evidence: Vec<&'c StoredClaim>,
    /// Distinct documents, and distinct named outlets, among the evidence.
    pub sources: usize,
    pub outlets: usize,
}

fn status(c: &StoredClaim) -> &'static str {
    match c.modality.as_str() {
        "asserted" | "reported" => "asserted",
        "planned" => "planned",
        "hypothetical" => "hypothetical",
        _ => "negated",
    }
}

/// Merges claims by key; the result is ordered by subject, predicate, object and status.
pub fn merge(claims: &[StoredClaim]) -> Vec<MergedClaim<'_>> {
    fn key(c: &StoredClaim) -> (&str, &str, Option<&str>, Option<&str>, bool) {
        (&c.subject, &c.predicate, c.object.as_deref(), c.value.as_deref(), status(c) == "negated")
    }
    let mut sorted: Vec<&StoredClaim> = claims.iter().collect();
    sorted.sort_by(|a, b| key(a).cmp(&key(b)).then(a.doc.cmp(&b.doc)).then(a.span.cmp(&b.span)));
    sorted
        .chunk_by(|a, b| key(a) == key(b))
        .map(|group| {
            let first = group[0];
            let rank = |s: &str| {
                ["asserted", "planned", "hypothetical", "negated"]
                    .iter()
                    .position(|x| *x == s)
                    .unwrap_or(3)
            };
            let strongest =
                group.iter().map(|c| status(c)).min_by_key(|s| rank(s)).unwrap_or("asserted");
            let mut docs: Vec<&str> = group.iter().map(|c| c.doc.as_str()).collect();
            docs.sort_unstable();
            docs.dedup();
            let mut outlets: Vec<&str> = group.iter().filter_map(|c| c.outlet.as_deref()).collect();
            outlets.sort_unstable();
            outlets.dedup();
            MergedClaim {
                subject: first.subject.clone(),
                predicate: first.predicate.clone(),
                object: first.object.clone(),
                value: first.value.clone(),
                status: strongest,
                from: group.iter().filter(|c| status(c) == "asserted").filter_map(|c| c.from).min(),
                to: group.iter().filter_map(|c| c.to).max(),
                evidence: group.to_vec(),
                sources: docs.len(),
                outlets: outlets.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(
        doc: &str,
        outlet: Option<&str>,
        subject: &str,
        modality: &str,
        from: Option<&str>,
    ) -> StoredClaim {
        StoredClaim {
            doc: doc.into(),
            title: None,
            outlet: outlet.map(str::to_string),
            published: None,
            subject: subject.into(),
            predicate: "member_of".into(),
            value: None,
            object: Some("EAEU".into()),
            from: from.and_then(Date::parse_iso),
            to: None,
            span: (0, 4),
            quote: subject.into(),
            modality: modality.into(),
            basis: "event".into(),
        }
    }

    #[test]
    fn corroborating_documents_merge_and_negations_stay_apart() {
        let claims = [
            claim("a", Some("Wire"), "ARM", "asserted", Some("2015-01-02")),
            claim("b", Some("Wire"), "ARM", "reported", None),
            claim("c", None, "ARM", "planned", Some("2014-10-10")),
            claim("d", None, "ARM", "negated", None),
        ];
        let merged = merge(&claims);
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[0].sources, merged[0].outlets, merged[0].status), (3, 1, "asserted"));
        assert_eq!(merged[0].from, Date::parse_iso("2015-01-02"), "only asserted starts count");
        assert_eq!(merged[1].status, "negated");
    }
}
