//! The date a document speaks from. Its publication date when known. Otherwise a lower bound
//! from its own statements: the latest date that an accession it reports as done took effect,
//! by the reference data ("Kazakhstan has officially joined the Abraham Accords" cannot have
//! been written before 2025-11-06), or the latest date it gives an event it asserts.

use crate::DocumentView;
use dyad_lexicon::Lexicon;
use dyad_model::{Date, DateBasisKind, Modality};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOf {
    pub date: Date,
    /// Whether `date` is the publication date (else a lower bound).
    pub exact: bool,
    /// How it was found, for explanations.
    pub basis: String,
}

pub fn as_of(doc: &DocumentView<'_>, lex: &Lexicon) -> Option<AsOf> {
    if let Some(date) = doc.date {
        return Some(AsOf { date, exact: true, basis: format!("the document is dated {date}") });
    }
    let mut best: Option<AsOf> = None;
    let mut consider = |date: Date, basis: String| {
        if best.as_ref().is_none_or(|b| date > b.date) {
            best = Some(AsOf { date, exact: false, basis });
        }
    };
    for c in doc.claims.iter().filter(|c| {
        c.predicate == "member_of" && c.basis == "event" && c.modality == Modality::Asserted
    }) {
        let Some(org) = c.object.as_deref().and_then(|o| lex.org(o)) else { continue };
        if let Some(joined) = org.members.iter().find(|m| *m.id == *c.subject).and_then(|m| m.from)
        {
            consider(
                joined,
                format!(
                    "the document reports that {} joined {}, which took effect on {joined} by the reference data",
                    c.subject, org.id
                ),
            );
        }
    }
    for e in doc.events.iter().filter(|e| e.modality == Modality::Asserted) {
        if let Some(d) = e.date.as_ref().filter(|d| d.basis == DateBasisKind::Text) {
            if let (Some(from), Some(to)) = (d.from, d.to) {
                // Only precise dates: "in the 1990s" says little about when the text was written.
                if (to.to_days() - from.to_days()) <= 31 {
                    consider(from, format!("the document reports an event on {}", d.value));
                }
            }
        }
    }
    best
}
