//! The result of analysing one document: everything the stages found, ready to store or print.

use crate::{Claim, Diagnostic, Document, Event, Mention, Quantity, Sentence, TimeExpr};

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
    pub diagnostics: Vec<Diagnostic>,
}
