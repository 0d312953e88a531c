//! Ingestion, the only stage that reads files: turns text, Markdown, HTML pages and JSON Lines
//! rows into [`Document`]s with normalised text, an offset map back to the input, metadata
//! (title, outlet, author, dateline, publication date and where it was found) and a stable
//! content-hash id.
//!
//! ```
//! use dyad_ingest::{build_document, RawInput};
//! use dyad_model::{DocumentMeta, InputFormat};
//! let raw = RawInput {
//!     source: "example.txt".into(),
//!     format: InputFormat::Text,
//!     is_html: false,
//!     content: "Astana | November 7, 2025\nKazakhstan  joined the accords.".into(),
//!     supplied: DocumentMeta::default(),
//! };
//! let doc = build_document(raw).unwrap();
//! assert_eq!(doc.text, "Astana | November 7, 2025\nKazakhstan joined the accords.");
//! assert_eq!(doc.meta.published.unwrap().to_string(), "2025-11-07");
//! ```

mod error;
mod html;
mod markdown;
mod metadata;
mod normalize;
mod read;

pub use error::{IngestError, Problem};
pub use normalize::{normalize, normalize_pieces};
pub use read::{inputs, Inputs, RawInput, ReadConfig};

use dyad_model::{Document, DocumentMeta, InputFormat};

/// Extracts, normalises and identifies one article. Fails only when no text is left.
pub fn build_document(raw: RawInput) -> Result<Document, IngestError> {
    let (text, offsets, found) = if raw.is_html {
        let article = html::extract(&raw.content);
        let (text, offsets) = normalize(&article.text);
        let mut meta = article.meta;
        fill(&mut meta, metadata::detect(&text));
        (text, offsets, meta)
    } else if raw.format == InputFormat::Markdown {
        let (pieces, title) = markdown::strip(&raw.content);
        let (text, offsets) = normalize_pieces(pieces);
        let mut meta = DocumentMeta { title, ..DocumentMeta::default() };
        fill(&mut meta, metadata::detect(&text));
        (text, offsets, meta)
    } else {
        let (text, offsets) = normalize(&raw.content);
        let meta = metadata::detect(&text);
        (text, offsets, meta)
    };
    if text.is_empty() {
        return Err(IngestError::new(raw.source, Problem::Empty));
    }
    let mut meta = raw.supplied;
    fill(&mut meta, found);
    Ok(Document {
        id: content_id(&text),
        source: raw.source,
        format: raw.format,
        meta,
        text,
        offsets,
    })
}

/// The document id: the first 64 bits of the BLAKE3 hash of the normalised text, in hex. The
/// same article ingested twice, from any file, gets the same id.
pub fn content_id(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    hash.as_bytes()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Fills the fields of `meta` that are still unknown from `other`.
fn fill(meta: &mut DocumentMeta, other: DocumentMeta) {
    if meta.published.is_none() {
        meta.published = other.published;
        meta.published_basis = other.published_basis;
    }
    meta.title = meta.title.take().or(other.title);
    meta.outlet = meta.outlet.take().or(other.outlet);
    meta.author = meta.author.take().or(other.author);
    meta.url = meta.url.take().or(other.url);
    meta.external_id = meta.external_id.take().or(other.external_id);
    meta.dateline_place = meta.dateline_place.take().or(other.dateline_place);
}
