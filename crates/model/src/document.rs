//! Documents: normalised text plus the metadata found for it, and its sentences.

use crate::{Date, OffsetMap, Span};
use serde::Serialize;

/// What kind of input a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl InputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

/// Where a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A date line or "Author: ... / date" block near the top of the text.
    Byline,
    /// A dateline opening the story ("Astana | November 7, 2025").
    Dateline,
    /// HTML `<meta>`, JSON-LD, `<time>`, or a field supplied with the input (JSON Lines).
    Meta,
    /// A sentence of the text, such as a closing "Published in ..., December 2, 2025." line.
    Text,
}

impl DateBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Byline => "byline",
            DateBasis::Dateline => "dateline",
            DateBasis::Meta => "meta",
            DateBasis::Text => "text",
        }
    }

    pub fn parse(s: &str) -> Option<DateBasis> {
        Some(match s {
            "byline" => DateBasis::Byline,
            "dateline" => DateBasis::Dateline,
            "meta" => DateBasis::Meta,
            "text" => DateBasis::Text,
            _ => return None,
        })
    }
}

/// Metadata of a document; every field is `None` when the input does not state it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// An identifier supplied with the input (JSON Lines `id`), kept besides the content hash.
    pub external_id: Option<String>,
    pub published: Option<Date>,
    pub published_basis: Option<DateBasis>,
    /// The place named in a dateline ("Astana").
    pub dateline_place: Option<String>,
}

/// One article after ingestion: normalised text, metadata and the way back to the raw bytes.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable content hash of the normalised text (16 lower-case hex digits).
    pub id: String,
    /// File path (with `:LINE` for JSON Lines rows), URL, or `-` for stdin.
    pub source: String,
    pub format: InputFormat,
    pub meta: DocumentMeta,
    /// NFC text with normalised whitespace: lines separated by `\n`, paragraphs by a blank line
    /// where the input had one. Every span in dyad indexes into this string.
    pub text: String,
    /// Maps offsets in `text` back to the input the text was taken from.
    pub offsets: OffsetMap,
}

/// A sentence (or a headline line) with the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph (a line of the normalised text) holding the sentence.
    pub paragraph: u32,
}
