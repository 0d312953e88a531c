//! Reconciliation: claims from many documents merged by key, counted by source, and checked
//! against the lexicon's reference data.
//!
//! - [`members`]: who belongs to an organisation or agreement as of a date, with join dates, the
//!   documents that say so, and entries the documents claim but the reference data disputes.
//! - [`conflicts`]: incompatible figures, accession status that differs between sources, and
//!   members the reference data does not list, each with both sides quoted.
//! - [`claims`]: claims merged by key with their evidence and corroboration;
//! - [`collect`]: the rows reconciliation reads, gathered from analyses without a store;
//! - [`sources`]: per document and outlet, claims made, corroborated, contradicted and unique.

pub mod claims;
pub mod collect;
pub mod conflicts;
pub mod members;
pub mod sources;
