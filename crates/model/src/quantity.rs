//! Quantities: a number with its unit, scale, approximator and bounds, and what it measures.

use crate::{Date, EntityId, Span};

/// A quantity found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Span,
    /// The value in the unit (scale applied): "$236.2 million" is 236200000. For ranges and
    /// bounds without a point value, `None`.
    pub value: Option<f64>,
    /// Lower and upper bounds: both ends of a range, or one end of "over", "up to".
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `USD`, `EUR`, `percent`, `count`, `rank`, `barrels`, ... (ISO 4217 codes for money).
    pub unit: String,
    /// The scale word as written ("million", "bn"), kept apart from the unit.
    pub scale: Option<&'static str>,
    /// `around`, `over`, `under`, `up_to`, `at_least`, `nearly`.
    pub approx: Option<&'static str>,
    /// What is measured: "trade volume", "exports", "share of imports", "deal value", ...
    pub measure: Option<String>,
    /// The actors it is measured for ("bilateral trade between Kazakhstan and Israel").
    pub subjects: Vec<EntityId>,
    /// The period it refers to, from a time expression in its clause; `None` when not stated.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// For counts: the thing counted as written ("deals", "companies").
    pub counted: Option<String>,
}
