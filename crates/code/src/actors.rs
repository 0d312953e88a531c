//! The actor an event is coded for, from a mention: states as themselves, leaders and national
//! agencies as their state (PETRARCH codes "Tokayev" as Kazakhstan's government), organisations,
//! agreements and companies as themselves. A place of the lexicon that belongs to a state
//! ("Gaza", "Tel Aviv") or a capital named as a city ("visited Washington") stands for that
//! state, but only as the target of a visit or of force ("began its invasion of Gaza"); other
//! places and unresolved names are not actors.
//!
//! Each actor also gets its agent (sector) code where the text says which part of the state
//! acts, as in CAMEO and Phoenix: `GOV` for office holders and ministries, `MIL` for defence
//! bodies and "Kazakh troops", `LEG`, `JUD`, `COP`, `SPY` for parliaments, courts, police and
//! intelligence services, `BUS` for companies and "Israeli firms", `REB`, `OPP`, `CVL` for
//! rebels, opposition and protesters named by their nationality.

use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, EntityId, Mention};

/// An actor of an event: who, and which part of it (the agent code), when the text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Actor {
    pub(crate) id: EntityId,
    pub(crate) agent: Option<&'static str>,
    /// Named by a place of the state ("Gaza" for PSE), not by the state itself.
    pub(crate) place: bool,
}

/// Agents named by the noun after a nationality: "Kazakh troops", "Israeli officials".
const GROUP_NOUNS: &[(&str, &str)] = &[
    ("troops", "MIL"),
    ("forces", "MIL"),
    ("army", "MIL"),
    ("military", "MIL"),
    ("soldiers", "MIL"),
    ("navy", "MIL"),
    ("warplanes", "MIL"),
    ("jets", "MIL"),
    ("border", "MIL"),
    ("guards", "MIL"),
    ("officials", "GOV"),
    ("government", "GOV"),
    ("authorities", "GOV"),
    ("diplomats", "GOV"),
    ("ministers", "GOV"),
    ("leaders", "GOV"),
    ("leadership", "GOV"),
    ("negotiators", "GOV"),
    ("lawmakers", "LEG"),
    ("parliament", "LEG"),
    ("legislators", "LEG"),
    ("police", "COP"),
    ("judges", "JUD"),
    ("courts", "JUD"),
    ("intelligence", "SPY"),
    ("companies", "BUS"),
    ("firms", "BUS"),
    ("businesses", "BUS"),
    ("investors", "BUS"),
    ("rebels", "REB"),
    ("insurgents", "REB"),
    ("militants", "REB"),
    ("opposition", "OPP"),
    ("protesters", "CVL"),
    ("activists", "CVL"),
    ("citizens", "CVL"),
];

/// The agent of a national agency, from its name.
fn agency_agent(name: &str) -> &'static str {
    let n = name.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&[
        "defence",
        "defense",
        "armed forces",
        "army",
        "military",
        "navy",
        "air force",
        "general staff",
    ]) {
        "MIL"
    } else if has(&[
        "parliament",
        "senate",
        "congress",
        "assembly",
        "mazhilis",
        "duma",
        "knesset",
        "majlis",
    ]) {
        "LEG"
    } else if has(&["court", "judicia", "prosecutor"]) {
        "JUD"
    } else if has(&["police", "interior"]) {
        "COP"
    } else if has(&["intelligence", "security service", "mossad", "fsb", "cia"]) {
        "SPY"
    } else {
        "GOV"
    }
}

/// A state's id, shared from the lexicon when it is one (no string allocated per mention).
fn state_id(lex: &Lexicon, id: &str) -> EntityId {
    lex.state_entity(id).cloned().unwrap_or_else(|| EntityId::from(id))
}

/// The alphabetic word at the start of `at`, and its length.
fn word_at(at: &str) -> (&str, usize) {
    let len = at.find(|c: char| !c.is_alphabetic()).unwrap_or(at.len());
    (&at[..len], len)
}

pub(crate) fn of(m: &Mention, text: &str, lex: &Lexicon) -> Option<Actor> {
    let e = m.entity.as_ref()?;
    let actor = |id: EntityId, agent: Option<&'static str>| Some(Actor { id, agent, place: false });
    match m.kind {
        ActorKind::State => {
            // "Kazakh troops"; "Armenian and Azerbaijani troops" (the noun after the pair).
            let group = |w: &str| {
                GROUP_NOUNS.iter().find(|(g, _)| w.eq_ignore_ascii_case(g)).map(|(_, a)| *a)
            };
            let rest = text[m.span.end..].strip_prefix(' ').unwrap_or("");
            let (next, len) = word_at(rest);
            let mut agent = group(next);
            if agent.is_none() && next == "and" && m.how == dyad_model::MentionHow::Demonym {
                let rest = rest[len..].strip_prefix(' ').unwrap_or("");
                let (other, len) = word_at(rest);
                if other.starts_with(char::is_uppercase) {
                    let (noun, _) = word_at(rest[len..].strip_prefix(' ').unwrap_or(""));
                    agent = group(noun);
                }
            }
            actor(e.clone(), agent)
        }
        ActorKind::Person => lex.person(e).and_then(|p| {
            let agent = (!p.offices.is_empty()).then_some("GOV");
            actor(state_id(lex, &p.country), agent)
        }),
        ActorKind::Organization | ActorKind::Agreement | ActorKind::Company => {
            // National agencies (a foreign ministry, a parliament) act for their state.
            match lex.org(e) {
                Some(o) if o.kind == dyad_lexicon::OrgKind::Agency => match o.country.as_deref() {
                    Some(c) => actor(state_id(lex, c), Some(agency_agent(&o.name))),
                    None => actor(e.clone(), Some(agency_agent(&o.name))),
                },
                Some(o) if o.kind == dyad_lexicon::OrgKind::Company => {
                    actor(e.clone(), Some("BUS"))
                }
                Some(o) if o.kind == dyad_lexicon::OrgKind::ArmedGroup => {
                    actor(e.clone(), Some("REB"))
                }
                _ => actor(e.clone(), None),
            }
        }
        ActorKind::Place => {
            let state = match m.how {
                // "to visit Washington": a capital named as the city.
                dyad_model::MentionHow::Capital => {
                    let name = m.span.slice(text);
                    let name = name.trim_end_matches(" D.C.").trim_end_matches(" DC");
                    lex.state_of_capital(name)
                }
                _ => lex.state_of_place(e),
            };
            state.map(|state| Actor { id: state.clone(), agent: None, place: true })
        }
        ActorKind::Other => None,
    }
}
