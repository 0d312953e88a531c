//! Membership as of a date: the reference members (with their join and leave dates, from the
//! lexicon) merged with the `member_of` claims the documents make. A state that documents name
//! as a member but the reference data does not list is reported as claimed and disputed, with
//! the claiming sources; an announced or planned accession is reported as such.

use dyad_lexicon::Lexicon;
use dyad_model::Date;
use dyad_store::StoredClaim;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A member by the reference data (and perhaps by documents too).
    Member,
    /// Named as a member by documents, and the reference data does not list it.
    Disputed,
    /// Named as a member by documents; there is no reference list to check against.
    Claimed,
    /// Only announced, planned or expected.
    Announced,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Member => "member",
            Status::Disputed => "disputed",
            Status::Claimed => "claimed",
            Status::Announced => "announced",
        }
    }
}

/// One row of the membership table.
#[derive(Debug, Clone)]
pub struct Member<'c> {
    pub id: String,
    pub status: Status,
    /// Join date: the reference data's, else the earliest date a document gives.
    pub joined: Option<Date>,
    pub reference_from: Option<Date>,
    /// The claims about this member, asserting or announcing.
    pub claims: Vec<&'c StoredClaim>,
    /// Distinct documents that assert membership.
    pub sources: usize,
    pub explanation: String,
}

fn asserting(c: &StoredClaim) -> bool {
    matches!(c.modality.as_str(), "asserted" | "reported")
}

/// The members of `org` as of `as_of` (today's knowledge when `None`).
pub fn members<'c>(
    lex: &Lexicon,
    org: &str,
    as_of: Option<Date>,
    claims: &'c [StoredClaim],
) -> Vec<Member<'c>> {
    let reference = lex.org(org).map(|o| o.members.as_slice()).unwrap_or(&[]);
    let has_reference = !reference.is_empty();
    let in_force = |from: Option<Date>, to: Option<Date>| {
        as_of.is_none_or(|d| from.is_none_or(|f| f <= d) && to.is_none_or(|t| d < t))
    };
    // The organisation's claims sorted by subject, so that each member's are one range:
    // O(n log n) in the number of claims, however many members there are.
    let mut about: Vec<&StoredClaim> =
        claims.iter().filter(|c| c.object.as_deref() == Some(org)).collect();
    about.sort_by(|a, b| a.subject.cmp(&b.subject));
    let mut ids: Vec<String> = reference.iter().map(|m| m.id.clone()).collect();
    let mut claimed: Vec<&str> = about.iter().map(|c| c.subject.as_str()).collect();
    claimed.dedup();
    for id in claimed {
        if !reference.iter().any(|m| m.id == id) {
            ids.push(id.to_string());
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let first = about.partition_point(|c| c.subject < id);
        let last = about.partition_point(|c| c.subject <= id);
        let mine: Vec<&StoredClaim> = about[first..last]
            .iter()
            .copied()
            .filter(|c| c.modality != "negated")
            // A document can only speak of what had happened by the date asked about.
            .filter(|c| as_of.is_none_or(|d| c.from.or(c.published).is_none_or(|f| f <= d)))
            .collect();
        let mut docs: Vec<&str> =
            mine.iter().filter(|c| asserting(c)).map(|c| c.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        let reference_entry = reference.iter().find(|m| m.id == id);
        // The date the documents give most often (the earliest among equals): one stray date
        // from a sentence that names another year does not move it.
        let claimed_from = {
            let mut dates: Vec<Date> =
                mine.iter().filter(|c| asserting(c)).filter_map(|c| c.from).collect();
            dates.sort_unstable();
            let mut best: Option<(usize, Date)> = None;
            for chunk in dates.chunk_by(|a, b| a == b) {
                if best.is_none_or(|(n, _)| chunk.len() > n) {
                    best = Some((chunk.len(), chunk[0]));
                }
            }
            // A date no two documents share is no consensus.
            best.filter(|(n, _)| *n > 1 || dates.len() == 1).map(|(_, d)| d)
        };
        let (status, explanation) = match reference_entry {
            Some(m) if in_force(m.from, m.to) => {
                let note = match (docs.len(), m.from, claimed_from) {
                    (0, _, _) => "member by the reference data; no document here says so".to_string(),
                    (n, Some(r), Some(c)) if r != c => format!("member by the reference data (from {r}); {n} document(s) agree, dating it {c}"),
                    (n, _, _) => format!("member by the reference data; {n} document(s) agree"),
                };
                (Status::Member, note)
            }
            Some(_) => continue, // joined after the date asked about, or left before it
            None if docs.is_empty() && mine.is_empty() => continue,
            None if docs.is_empty() => (
                Status::Announced,
                format!("announced or planned in {} document(s), not stated as done", mine.len()),
            ),
            None if has_reference => (
                Status::Disputed,
                format!(
                    "named as a member by {} document(s), but the reference data does not list it",
                    docs.len()
                ),
            ),
            None => (Status::Claimed, format!("named as a member by {} document(s)", docs.len())),
        };
        out.push(Member {
            joined: reference_entry.and_then(|m| m.from).or(claimed_from),
            reference_from: reference_entry.and_then(|m| m.from),
            id,
            status,
            sources: docs.len(),
            claims: mine,
            explanation,
        });
    }
    out.sort_by(|a, b| {
        (a.status != Status::Member, a.status as u8, a.joined, &a.id).cmp(&(
            b.status != Status::Member,
            b.status as u8,
            b.joined,
            &b.id,
        ))
    });
    out
}
