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
        self.analyze_all(vec![document]).pop().expect("one analysis per document")
    }

    /// Analyses several documents stage by stage: every document is segmented, then every
    /// document's actors are recognised, and so on. Each stage's code and tables stay in the
    /// caches while it runs over the documents, instead of five stages taking turns per
    /// document. The results are those of [`Analyzer::analyze`] on each document, in order.
    pub fn analyze_all(&self, documents: Vec<Document>) -> Vec<Analysis> {
        let found = self.find_all(&documents.iter().collect::<Vec<_>>());
        documents
            .into_iter()
            .zip(found)
            .map(|(document, found)| found.into_analysis(document))
            .collect()
    }

    /// What [`Analyzer::analyze_all`] finds in each document, without the documents (which
    /// the caller keeps, to analyse one by one should a stage panic).
    pub fn find_all(&self, documents: &[&Document]) -> Vec<Found> {
        let sentences: Vec<Vec<dyad_model::Sentence>> =
            documents.iter().map(|d| dyad_segment::sentences(&d.text)).collect();
        // Each sentence is tokenised once, for recognition, quantities and the coder.
        let tokens: Vec<dyad_segment::SentenceTokens> = documents
            .iter()
            .zip(&sentences)
            .map(|(d, s)| dyad_segment::SentenceTokens::new(&d.text, s))
            .collect();
        let mentions: Vec<Vec<dyad_model::Mention>> = (0..documents.len())
            .map(|i| {
                let view = DocumentView {
                    text: &documents[i].text,
                    date: documents[i].meta.published,
                    sentences: &sentences[i],
                };
                self.recognizer.recognize_tokenized(&view, &tokens[i])
            })
            .collect();
        let spans: Vec<Vec<dyad_model::Span>> =
            sentences.iter().map(|s| s.iter().map(|x| x.span).collect()).collect();
        let times: Vec<Vec<dyad_model::TimeExpr>> = documents
            .iter()
            .zip(&spans)
            .map(|(d, s)| {
                let mut times = dyad_temporal::find_times(&d.text, s, d.meta.published);
                if d.meta.published.is_none() {
                    dyad_temporal::fill_years(&mut times);
                }
                times
            })
            .collect();
        let quantities: Vec<Vec<dyad_model::Quantity>> = (0..documents.len())
            .map(|i| {
                dyad_quantity::find_quantities_tokenized(
                    &documents[i].text,
                    &spans[i],
                    &tokens[i],
                    &mentions[i],
                    &times[i],
                )
            })
            .collect();
        let code_view = |i: usize| dyad_code::DocumentView {
            text: &documents[i].text,
            date: documents[i].meta.published,
            sentences: &sentences[i],
            mentions: &mentions[i],
            times: &times[i],
        };
        let events: Vec<Vec<dyad_model::Event>> = (0..documents.len())
            .map(|i| self.coder.code_tokenized(&code_view(i), &tokens[i]))
            .collect();
        let claims: Vec<Vec<dyad_model::Claim>> =
            (0..documents.len()).map(|i| self.coder.claims(&code_view(i), &events[i])).collect();
        let checked: Vec<dyad_check::Checked> = (0..documents.len())
            .map(|i| {
                let d = &documents[i];
                dyad_check::run(
                    &dyad_check::DocumentView {
                        text: &d.text,
                        date: d.meta.published,
                        sentences: &sentences[i],
                        mentions: &mentions[i],
                        times: &times[i],
                        events: &events[i],
                        claims: &claims[i],
                    },
                    self.lexicon,
                )
            })
            .collect();
        sentences
            .into_iter()
            .zip(mentions)
            .zip(times)
            .zip(quantities)
            .zip(events)
            .zip(claims)
            .zip(checked)
            .map(|((((((sentences, mentions), times), quantities), events), claims), checked)| {
                Found { sentences, mentions, times, quantities, events, claims, checked }
            })
            .collect()
    }
}

/// Everything the stages find in one document ([`Analyzer::find_all`]).
#[derive(Debug)]
pub struct Found {
    sentences: Vec<dyad_model::Sentence>,
    mentions: Vec<dyad_model::Mention>,
    times: Vec<dyad_model::TimeExpr>,
    quantities: Vec<dyad_model::Quantity>,
    events: Vec<dyad_model::Event>,
    claims: Vec<dyad_model::Claim>,
    checked: dyad_check::Checked,
}

impl Found {
    /// The analysis of `document`, whose findings these are.
    pub fn into_analysis(self, document: Document) -> Analysis {
        let Found { sentences, mentions, times, quantities, events, mut claims, checked } = self;
        claims.extend(checked.office_claims);
        let mut diagnostics = dyad_quantity::check(&quantities);
        let mut findings = checked.findings;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled example corpus: several formats, a document without a date.
    fn example_documents() -> Vec<Document> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        dyad_ingest::inputs(&[dir], dyad_ingest::ReadConfig::default())
            .map(|raw| dyad_ingest::build_document(raw.expect("reads")).expect("builds"))
            .collect()
    }

    #[test]
    fn stage_by_stage_analysis_equals_one_document_at_a_time() {
        let lex = Lexicon::builtin().expect("lexicon");
        let analyzer = Analyzer::new(&lex);
        let docs = example_documents();
        assert!(docs.len() >= 5, "the example corpus has its documents");
        let together = analyzer.analyze_all(docs.clone());
        let one_by_one: Vec<Analysis> = docs.into_iter().map(|d| analyzer.analyze(d)).collect();
        assert_eq!(together.len(), one_by_one.len());
        for (a, b) in together.iter().zip(&one_by_one) {
            assert!(!b.mentions.is_empty(), "{} has mentions", b.document.source);
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{}", b.document.source);
        }
    }
}
