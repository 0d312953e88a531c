//! The actor an event is coded for, from a mention: states as themselves, leaders and national
//! agencies as their state (PETRARCH codes "Tokayev" as Kazakhstan's government), organisations,
//! agreements and companies as themselves. Places and unresolved names are not actors.

use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, EntityId, Mention};

pub(crate) fn of(m: &Mention, lex: &Lexicon) -> Option<EntityId> {
    let e = m.entity.as_ref()?;
    match m.kind {
        ActorKind::State => Some(e.clone()),
        ActorKind::Person => lex.person(e).map(|p| EntityId::from(p.country.as_str())),
        ActorKind::Organization | ActorKind::Agreement | ActorKind::Company => {
            // National agencies (a foreign ministry, a parliament) act for their state.
            match lex.org(e) {
                Some(o) if o.kind == dyad_lexicon::OrgKind::Agency => {
                    o.country.as_deref().map(EntityId::from).or(Some(e.clone()))
                }
                _ => Some(e.clone()),
            }
        }
        ActorKind::Place | ActorKind::Other => None,
    }
}
