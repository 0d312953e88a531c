//! Joint acts: "Kazakhstan and Israel signed an agreement", "the two countries established
//! diplomatic relations", "Japan and Korea held talks". Two or more coordinated sources and no
//! other party: each acts on each other, one event per ordered pair.
//!
//! What it codes: the CAMEO codes of acts that need a partner and are done together: intent to
//! cooperate or meet (030, 031, 032, 036), meetings and negotiations (040, 041, 044, 046),
//! diplomatic cooperation, recognition and agreements (050, 054, 057), material cooperation
//! (060-064).
//!
//! Example: "Egypt and Jordan signed a trade deal" -> EGY 057 JOR and JOR 057 EGY.
//!
//! Not coded when: the clause names another target ("Egypt and Jordan signed a deal with
//! Iraq": both act on Iraq); the act is one-sided ("Egypt and Jordan condemned the attack",
//! "Egypt and Jordan visited the site"); only one source.
//!
//! Codebook: ICEWS and Phoenix code a joint signing or meeting in both directions; PETRARCH
//! codes one event per coordinated source.

use crate::actors::Actor;

/// CAMEO codes of acts two parties do together.
const MUTUAL: &[&str] = &[
    "030", "031", "032", "036", "040", "041", "044", "046", "050", "054", "057", "060", "061",
    "062", "063", "064",
];

/// Whether `code` is a joint act.
pub(crate) fn is_mutual(code: &str) -> bool {
    MUTUAL.contains(&code) || (code.len() > 3 && MUTUAL.contains(&&code[..3]))
}

/// The sources as each other's targets, when the act is joint and the clause names no other
/// party (a target that is itself one of the sources is no other party: "Egypt and Jordan
/// signed a deal that Jordan ratified").
pub(crate) fn targets<'a>(
    code: &str,
    source: &'a [Actor],
    target: &[Actor],
) -> Option<&'a [Actor]> {
    let distinct = source.iter().skip(1).any(|s| s.id != source[0].id);
    let no_other_party = target.iter().all(|t| source.iter().any(|s| s.id == t.id));
    (distinct && no_other_party && is_mutual(code)).then_some(source)
}
