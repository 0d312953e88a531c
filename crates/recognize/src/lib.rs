//! Actor recognition: finds the states, people, organisations, agreements, companies and places
//! a document names, resolves each to a lexicon id, and keeps capitalised names it cannot resolve
//! as `entity: None` so that users see what to add to the lexicon.
//!
//! One module per recognizer, run in this order over one gazetteer scan:
//! - [`gazetteer`]: every lexicon name, alias, demonym, capital, acronym, surname, title and
//!   descriptive phrase, found in one Aho-Corasick pass with word-boundary and casing rules;
//! - [`capital`]: a capital used for its government ("Astana's move") or as a place ("the Expo
//!   held in Astana");
//! - [`acronym`]: an acronym or name shared by several entries, settled by the document
//!   ("CPC": the pipeline consortium or the think tank);
//! - [`person`]: surnames after a first full mention or for heads of state and government, and
//!   titles resolved through office terms at the document date ("the Kazakh President");
//! - [`coref`]: "the two countries", "the Central Asian state", and lower-case nouns for a
//!   named agreement ("the accords", "the framework");
//! - [`unknown`]: capitalised names that no other recognizer claimed.
//!
//! The recognizers know nothing about storage, output formats or HTTP.
//!
//! ```
//! use dyad_recognize::{Recognizer, DocumentView};
//! let lex = dyad_lexicon::Lexicon::builtin().unwrap();
//! let rec = Recognizer::new(&lex);
//! let text = "Kazakh President Kassym-Jomart Tokayev met Netanyahu.";
//! let sentences = dyad_segment::sentences(text);
//! let doc = DocumentView { text, date: None, sentences: &sentences };
//! let mentions = rec.recognize(&doc);
//! let ids: Vec<&str> = mentions.iter().filter_map(|m| m.entity.as_deref()).collect();
//! assert_eq!(ids, ["KAZ", "kassym_jomart_tokayev", "benjamin_netanyahu"]);
//! ```

mod acronym;
mod capital;
mod coref;
mod gazetteer;
pub mod headline;
mod person;
mod unknown;

use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, Date, Mention, MentionHow, Sentence, Span};
use gazetteer::{Candidate, Gazetteer, Role};

/// What the recognizers need to know about a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentView<'a> {
    pub text: &'a str,
    /// The publication date, used to resolve titles through office terms.
    pub date: Option<Date>,
    pub sentences: &'a [Sentence],
}

/// Recognizes actors; build once per lexicon and share across threads.
#[derive(Debug)]
pub struct Recognizer<'l> {
    lexicon: &'l Lexicon,
    gazetteer: Gazetteer,
}

impl<'l> Recognizer<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Recognizer<'l> {
        Recognizer { lexicon, gazetteer: Gazetteer::build(lexicon) }
    }

    /// All mentions in the document, sorted by span.
    pub fn recognize(&self, doc: &DocumentView<'_>) -> Vec<Mention> {
        let tokens = dyad_segment::SentenceTokens::new(doc.text, doc.sentences);
        self.recognize_tokenized(doc, &tokens)
    }

    /// [`Recognizer::recognize`] with the document's sentences already tokenised, shared with
    /// the later stages.
    pub fn recognize_tokenized(
        &self,
        doc: &DocumentView<'_>,
        tokens: &dyad_segment::SentenceTokens,
    ) -> Vec<Mention> {
        let candidates = self.gazetteer.scan(doc.text);
        let mut found = Found::default();
        let mut deferred: Vec<&Candidate> = Vec::new();
        for cand in &candidates {
            let pattern = self.gazetteer.pattern(cand.pattern);
            let target = &pattern.targets[0];
            match target.role {
                Role::Name | Role::Alias | Role::Demonym | Role::Place
                    if pattern.targets.len() == 1 =>
                {
                    let entity = self.gazetteer.entity(target.entity);
                    if entity.kind == ActorKind::Person {
                        found.full_people.push(target.entity);
                    }
                    if matches!(target.role, Role::Name | Role::Alias) {
                        found.named.push(target.entity);
                    }
                    found.push(cand.span, target.entity, entity.kind, target.role.how());
                }
                _ => deferred.push(cand),
            }
        }
        let context = acronym::Context::new(doc.text, &found, &self.gazetteer);
        let titles: Vec<&Candidate> = deferred
            .iter()
            .copied()
            .filter(|c| matches!(self.gazetteer.pattern(c.pattern).targets[0].role, Role::Title(_)))
            .collect();
        for cand in &deferred {
            let pattern = self.gazetteer.pattern(cand.pattern);
            match pattern.targets[0].role {
                Role::Capital => {
                    capital::resolve(doc.text, cand, pattern, &self.gazetteer, &mut found)
                }
                Role::Name | Role::Alias | Role::Acronym | Role::Demonym | Role::Place => {
                    acronym::resolve(cand, pattern, &self.gazetteer, &context, &mut found)
                }
                Role::Surname => person::resolve_surname(
                    doc,
                    cand,
                    pattern,
                    &titles,
                    &self.gazetteer,
                    self.lexicon,
                    &mut found,
                ),
                Role::Title(_) => {}
                Role::Coref(_) => {}
            }
        }
        found.sort();
        for cand in &titles {
            person::resolve_title(doc, cand, &self.gazetteer, self.lexicon, &mut found);
        }
        found.sort();
        let corefs: Vec<&Candidate> = deferred
            .iter()
            .copied()
            .filter(|c| matches!(self.gazetteer.pattern(c.pattern).targets[0].role, Role::Coref(_)))
            .collect();
        coref::resolve(doc, &corefs, &self.gazetteer, &mut found);
        let title_spans: Vec<Span> = titles.iter().map(|c| c.span).collect();
        // Spans already explained: mentions, titles, and descriptive phrases. Candidates that a
        // recognizer dropped (the "Washington" of "Washington Institute") are free again.
        let mut claimed: Vec<Span> =
            found.mentions.iter().map(|m| m.span).chain(title_spans.iter().copied()).collect();
        claimed.extend(corefs.iter().map(|c| c.span));
        claimed.sort();
        let short_names = coref::short_names(doc, &self.gazetteer, &found);
        unknown::find(
            doc,
            &claimed,
            &title_spans,
            &short_names,
            &self.gazetteer,
            tokens,
            &mut found,
        );
        found.sort();
        if coref::agreement_nouns(doc, &self.gazetteer, &mut found) {
            found.sort();
        }
        let Found { mut mentions, entity_index, .. } = found;
        for (m, e) in mentions.iter_mut().zip(entity_index) {
            if e == u32::MAX {
                continue;
            }
            m.entity = Some(if m.kind == ActorKind::Place && m.how == MentionHow::Capital {
                // A capital named as a place is the city, not the state.
                capital::city_id(m.span.slice(doc.text)).into()
            } else {
                self.gazetteer.entity(e).id.clone()
            });
        }
        mentions
    }
}

/// Whether `span` overlaps any span of `sorted` (sorted by start; spans may nest).
pub(crate) fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    // Mentions are short: no span is longer than this many bytes.
    const LONGEST: usize = 400;
    let upto = sorted.partition_point(|c| c.start < span.end);
    sorted[..upto]
        .iter()
        .rev()
        .take_while(|c| c.start + LONGEST > span.start)
        .any(|c| c.overlaps(span))
}

/// Mentions found so far, with what later recognizers need to know about them.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) mentions: Vec<Mention>,
    /// Entity indexes of people mentioned by a full name.
    pub(crate) full_people: Vec<u32>,
    /// Entity indexes mentioned by a name or alias (not an acronym).
    pub(crate) named: Vec<u32>,
    /// Entity index of each resolved mention, parallel to `mentions` (u32::MAX when none).
    pub(crate) entity_index: Vec<u32>,
}

impl Found {
    pub(crate) fn push(&mut self, span: Span, entity: u32, kind: ActorKind, how: MentionHow) {
        self.mentions.push(Mention { span, entity: None, kind, how });
        self.entity_index.push(entity);
    }

    pub(crate) fn push_unresolved(&mut self, span: Span, kind: ActorKind, how: MentionHow) {
        self.mentions.push(Mention { span, entity: None, kind, how });
        self.entity_index.push(u32::MAX);
    }

    fn sort(&mut self) {
        let mut pairs: Vec<(Mention, u32)> =
            self.mentions.drain(..).zip(self.entity_index.drain(..)).collect();
        pairs.sort_by(|a, b| a.0.span.cmp(&b.0.span).then(a.1.cmp(&b.1)));
        pairs.dedup_by(|a, b| a.0.span == b.0.span && a.1 == b.1);
        for (m, e) in pairs {
            self.mentions.push(m);
            self.entity_index.push(e);
        }
    }
}
