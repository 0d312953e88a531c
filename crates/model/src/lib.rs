//! The data model shared by every dyad stage: documents, spans, sentences, mentions,
//! diagnostics, and the JSON Lines records of `CONTRACT.md`.
//!
//! This crate does no IO and knows nothing about storage, HTTP or the command line. Every type
//! that points at text does so with a [`Span`]: byte offsets into the document's normalised text.
//!
//! ```
//! use dyad_model::{Date, Span};
//! let d = Date::parse_iso("2025-11-07").unwrap();
//! assert_eq!(d.to_string(), "2025-11-07");
//! assert_eq!(Span::new(0, 6).slice("Astana | November 7, 2025"), "Astana");
//! ```

mod analysis;
mod claim;
mod date;
mod diagnostic;
mod document;
mod event;
mod finding;
mod mention;
mod offsets;
mod quantity;
pub mod record;
mod span;
mod time;

pub use analysis::Analysis;
pub use claim::Claim;
pub use date::{Date, Weekday};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{DateBasis, Document, DocumentMeta, InputFormat, Sentence};
pub use event::{DateBasisKind, Event, EventDate, Modality};
pub use finding::Finding;
pub use mention::{ActorKind, EntityId, Mention, MentionHow};
pub use offsets::OffsetMap;
pub use quantity::Quantity;
pub use span::Span;
pub use time::{Granularity, TimeBasis, TimeExpr, TimeKind};
