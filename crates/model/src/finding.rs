//! A problem one document shows by itself, found while it is analysed: a title its holder did
//! not hold at the document's date, date arithmetic that lands in another year, a weekday that
//! does not match its date, an ordinal that the reference members contradict. Conflicts between
//! documents are found later, over the store, by reconciliation.

use crate::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// A conflict kind of the contract: `anachronism`, `date`, `count`, `arithmetic`, ...
    pub kind: &'static str,
    /// One sentence for people.
    pub explanation: String,
    /// The words at fault, and what they claim.
    pub span: Span,
    pub claim: String,
    /// The other side: a span of the same document that says otherwise, with its claim, or
    /// `None` when the other side is the reference data (described in `reference`).
    pub other: Option<(Span, String)>,
    pub reference: Option<String>,
}
