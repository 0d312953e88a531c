//! Mentions of actors: a span, the entity it resolves to (or none), and how it was recognised.

use crate::Span;
use serde::Serialize;

/// The kind of actor a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    State,
    Person,
    Organization,
    Agreement,
    Company,
    Place,
    Other,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Agreement => "agreement",
            ActorKind::Company => "company",
            ActorKind::Place => "place",
            ActorKind::Other => "other",
        }
    }
}

/// The evidence a recognizer used to resolve a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionHow {
    /// The canonical name.
    Name,
    /// Another name or spelling listed in the lexicon.
    Alias,
    /// An acronym, disambiguated by the document when it is shared.
    Acronym,
    /// A demonym or adjective ("Kazakh", "Emirati").
    Demonym,
    /// A capital used for its government ("Astana's move").
    Capital,
    /// A title resolved through office terms at the document date ("the Kazakh President").
    Title,
    /// A surname alone, after a full mention or for a well-known office holder.
    Surname,
    /// A descriptive phrase resolved to earlier mentions ("the two countries").
    Coref,
    /// A capitalised name that is not in the lexicon.
    Unknown,
}

impl MentionHow {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionHow::Name => "name",
            MentionHow::Alias => "alias",
            MentionHow::Acronym => "acronym",
            MentionHow::Demonym => "demonym",
            MentionHow::Capital => "capital",
            MentionHow::Title => "title",
            MentionHow::Surname => "surname",
            MentionHow::Coref => "coref",
            MentionHow::Unknown => "unknown",
        }
    }
}

/// An entity id, shared rather than copied: one document names the same few entities many
/// times, and a stream names them millions of times.
pub type EntityId = std::sync::Arc<str>;

/// A recognised mention of an actor (or a capitalised name dyad could not resolve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Entity id (`KAZ`, `ABRAHAM_ACCORDS`, `donald_trump`), `None` when unresolved.
    pub entity: Option<EntityId>,
    pub kind: ActorKind,
    pub how: MentionHow,
}
