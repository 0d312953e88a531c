//! Time expressions: here is a phrase and a document date, which interval is meant?
//!
//! This stage is pure: it never reads the clock; the reference date is always passed in. For
//! now it parses absolute calendar dates in the forms news uses, which ingestion needs to read
//! datelines and bylines.
//!
//! ```
//! use dyad_temporal::parse_date;
//! assert_eq!(parse_date("November 7, 2025").unwrap().to_string(), "2025-11-07");
//! assert_eq!(parse_date("29/01/2026").unwrap().to_string(), "2026-01-29");
//! ```

mod absolute;
mod words;

pub use absolute::{parse_date, DateOrder};
pub use words::{month_from_name, weekday_from_name};
