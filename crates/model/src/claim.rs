//! Claims: normalised statements a document makes, with their evidence, to be merged and
//! checked across documents (`member_of(KAZ, ABRAHAM_ACCORDS)` from 2025-11-06).

use crate::{Date, EntityId, Modality, Span};

/// One statement of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub subject: EntityId,
    /// `member_of`, `diplomatic_relations`, ...
    pub predicate: &'static str,
    pub object: Option<EntityId>,
    /// A third argument: the office of `holds_office` ("president").
    pub value: Option<String>,
    /// Valid time: when the statement holds from and until, as the document says.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The text that makes the claim.
    pub span: Span,
    pub modality: Modality,
    /// How the claim was read: `event` (a coded join), `list` (named among members).
    pub basis: &'static str,
}
