//! The result of analysing one document: everything the stages found, ready to store or print.

use crate::{Claim, Diagnostic, Document, Event, Finding, Mention, Quantity, Sentence, TimeExpr};

/// One document with what the stages extracted from it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub times: Vec<TimeExpr>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    /// What the document contradicts by itself (against the reference data or its own words).
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
}
