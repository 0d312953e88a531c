//! Nominal restatements: "Chile's accession to the alliance brings opportunities" names an act the
//! text already reported ("Chile joined the alliance on Monday"); it refers back to that event
//! rather than reporting a new one, and is not coded again.
//!
//! What it codes: nothing; it drops a trigger in a possessed noun phrase ("X's accession", "its
//! visit", "their recognition") or a gerund subject ("For X, joining the alliance is a signal")
//! when an event with the same source, target and CAMEO root was coded earlier in the document.
//!
//! Example: "Chile joined the Pacific Alliance. Chile's accession to the Pacific Alliance brings
//! risks." -> one event, `joined`.
//!
//! Not coded when: always applies. Kept: the first mention, even nominal ("Peru's visit to
//! Chile angered Bolivia"); a dated mention ("Peru's 2019 visit to Chile": the year stands
//! between the possessive and the noun, so it names an event of its own); a verb.

use rustc_hash::FxHashSet;
use std::hash::{Hash, Hasher};

/// Whether the trigger starting at token `start` is a possessed noun ("Chile's accession",
/// "its visit").
pub(crate) fn possessed(lower: &[&str], start: usize) -> bool {
    start > 0 && {
        let w = lower[start - 1];
        w.ends_with("'s")
            || w.ends_with("’s")
            || w.ends_with("s'")
            || matches!(w, "its" | "their" | "his" | "her")
    }
}

/// Whether the trigger `[start, end)` is a gerund that is the subject of its sentence's verb
/// ("joining the accords is a signal", "For Chile, joining the alliance was a choice"): it names
/// the act to say something about it. Its object runs to a copula or modal within six words,
/// with no comma between.
pub(crate) fn gerund_subject(lower: &[&str], start: usize, end: usize) -> bool {
    let opens = start == 0 || matches!(lower[start - 1], "," | ":");
    opens
        && lower[start].ends_with("ing")
        && lower.iter().skip(end).take(6).take_while(|w| !matches!(**w, "," | ";" | ".")).any(|w| {
            matches!(
                *w,
                "is" | "was" | "are" | "were" | "would" | "will" | "could" | "may" | "might"
            )
        })
}

/// The events coded so far in a document, by (source, target, root).
#[derive(Debug, Default)]
pub(crate) struct Seen {
    keys: FxHashSet<u64>,
}

impl Seen {
    fn key(source: &str, target: &str, root: &str) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        (source, target, root).hash(&mut h);
        h.finish()
    }

    pub(crate) fn contains(&self, source: &str, target: &str, root: &str) -> bool {
        self.keys.contains(&Self::key(source, target, root))
    }

    pub(crate) fn insert(&mut self, source: &str, target: &str, root: &str) {
        self.keys.insert(Self::key(source, target, root));
    }
}
