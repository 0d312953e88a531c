//! Coded events: who did what to whom and when, in CAMEO and PLOVER, with the evidence.

use crate::{Date, EntityId, Span};
use serde::Serialize;

/// How an event is asserted by the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened or happening.
    Asserted,
    /// Stated as not having happened ("did not join").
    Negated,
    /// Stated as intended or expected ("will join", "is expected to sign").
    Planned,
    /// Stated as possible or conditional ("could sign", "would join if").
    Hypothetical,
    /// Reported by someone else ("Trump announced that Kazakhstan joined").
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Reported => "reported",
        }
    }
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasisKind {
    /// A time expression in the event's sentence.
    Text,
    /// The document's publication date.
    Document,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    pub value: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub basis: DateBasisKind,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The trigger: the verb or noun that carries the event.
    pub span: Span,
    pub sentence: Span,
    pub source: Vec<EntityId>,
    pub target: Vec<EntityId>,
    /// The part of the source and target that acts, when the text says: CAMEO agent codes
    /// (`GOV`, `MIL`, `BUS`, ...), as in Phoenix's `source_agent` and `target_agent`.
    pub source_agent: Option<String>,
    pub target_agent: Option<String>,
    /// CAMEO code (3 or 4 digits) and its root.
    pub cameo: String,
    pub root: String,
    pub goldstein: f64,
    pub quad: u8,
    pub plover: String,
    pub date: Option<EventDate>,
    pub modality: Modality,
    /// For reported events: who reports them.
    pub attributed_to: Option<EntityId>,
}
