//! The facade the CLI and the server use: runs ingest -> segment -> recognize over files and
//! folders, streaming documents through the stages in parallel with bounded memory, and hands
//! each finished batch to a sink (the store, a JSON Lines writer, a test collector).
//!
//! ```
//! use dyad_pipeline::Analyzer;
//! let lex = dyad_lexicon::Lexicon::builtin().unwrap();
//! let analyzer = Analyzer::new(&lex);
//! let raw = dyad_ingest::RawInput {
//!     source: "a.txt".into(),
//!     format: dyad_model::InputFormat::Text,
//!     is_html: false,
//!     content: "Astana | November 7, 2025\nKazakhstan joined the Abraham Accords.".into(),
//!     supplied: Default::default(),
//! };
//! let analysis = analyzer.analyze(dyad_ingest::build_document(raw).unwrap());
//! let ids: Vec<_> = analysis.mentions.iter().filter_map(|m| m.entity.as_deref()).collect();
//! // The dateline city is a place; the state and the agreement are actors.
//! assert_eq!(ids, ["astana", "KAZ", "ABRAHAM_ACCORDS"]);
//! ```

mod run;

pub use run::{run, Progress, RunConfig, RunReport};

use dyad_lexicon::Lexicon;
use dyad_model::{Analysis, Diagnostic, Document};
use dyad_recognize::{DocumentView, Recognizer};

/// Runs the per-document stages. Build once; `analyze` is thread-safe.
#[derive(Debug)]
pub struct Analyzer<'l> {
    recognizer: Recognizer<'l>,
    coder: dyad_code::Coder<'l>,
    lexicon: &'l Lexicon,
}

impl<'l> Analyzer<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Analyzer<'l> {
        Analyzer {
            recognizer: Recognizer::new(lexicon),
            coder: dyad_code::Coder::new(lexicon),
            lexicon,
        }
    }

    /// Segments the document, recognises its actors, normalises its time expressions, finds its
    /// quantities, codes its events and claims, and checks it against itself and the reference
    /// data.
    pub fn analyze(&self, document: Document) -> Analysis {
        let sentences = dyad_segment::sentences(&document.text);
        let view = DocumentView {
            text: &document.text,
            date: document.meta.published,
            sentences: &sentences,
        };
        let mentions = self.recognizer.recognize(&view);
        let sentence_spans: Vec<dyad_model::Span> = sentences.iter().map(|s| s.span).collect();
        let mut times =
            dyad_temporal::find_times(&document.text, &sentence_spans, document.meta.published);
        if document.meta.published.is_none() {
            dyad_temporal::fill_years(&mut times);
        }
        let quantities =
            dyad_quantity::find_quantities(&document.text, &sentence_spans, &mentions, &times);
        let view = dyad_code::DocumentView {
            text: &document.text,
            date: document.meta.published,
            sentences: &sentences,
            mentions: &mentions,
            times: &times,
        };
        let events = self.coder.code(&view);
        let claims = self.coder.claims(&view, &events);
        let check_view = dyad_check::DocumentView {
            text: &document.text,
            date: document.meta.published,
            sentences: &sentences,
            mentions: &mentions,
            times: &times,
            events: &events,
            claims: &claims,
        };
        let checked = dyad_check::run(&check_view, self.lexicon);
        let findings = checked.findings;
        let mut claims = claims;
        claims.extend(checked.office_claims);
        let mut diagnostics = dyad_quantity::check(&quantities);
        let mut findings = findings;
        findings.extend(dyad_check::from_arithmetic(&document.text, &diagnostics));
        if document.meta.published.is_none() {
            diagnostics.push(Diagnostic::warning(
                "no-date",
                "no publication date found: titles and relative times cannot be resolved against it",
            ));
        }
        Analysis {
            document,
            sentences,
            mentions,
            times,
            quantities,
            events,
            claims,
            findings,
            diagnostics,
        }
    }
}
