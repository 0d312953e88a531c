//! Event coding from raw text, without a parser: who did what to whom, when, in CAMEO and
//! PLOVER, with the trigger span as evidence.
//!
//! The approach is TABARI's sparse parsing: find the verb first (`triggers`, from the verb
//! lexicon), then the source actors before it and the target actors after it inside its clause
//! (`arguments`), with rules for passive voice, coordination ("Bahrain, Morocco and the UAE"),
//! reported speech ("X announced that Y would join"), negation and modality (`modality`).
//! Actors are the recognised mentions, mapped to the actors events are coded for (`actors`): a
//! leader or a ministry codes as its state, an agreement or organisation as itself.

mod actors;
mod antecedents;
mod appositions;
mod arguments;
mod claims;
mod lasting;
mod modality;
mod mutual;
mod not_events;
mod objects;
mod pairs;
mod participles;
mod pronouns;
mod restatements;
mod shared_subject;
mod shared_target;
mod titles;
mod triggers;

use dyad_lexicon::{EventLexicon, Lexicon};
use dyad_model::{
    Date, DateBasisKind, Event, EventDate, Mention, Modality, Sentence, Span, TimeExpr, TimeKind,
};

/// The bare statement (CAMEO 010, "make statement"), coded for a reporting verb only when its
/// complement codes no event.
const STATEMENT: &str = "010";

/// What the coder needs to know about a document.
#[derive(Debug, Clone, Copy)]
pub struct DocumentView<'a> {
    pub text: &'a str,
    pub date: Option<Date>,
    pub sentences: &'a [Sentence],
    pub mentions: &'a [Mention],
    pub times: &'a [TimeExpr],
}

/// Codes events; build once, share across threads.
#[derive(Debug)]
pub struct Coder<'l> {
    lexicon: &'l Lexicon,
    events: &'l EventLexicon,
    triggers: triggers::Triggers,
}

impl<'l> Coder<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Coder<'l> {
        let events = &lexicon.events;
        Coder { lexicon, events, triggers: triggers::Triggers::build(events) }
    }

    /// All events of the document, in text order.
    pub fn code(&self, outer: &DocumentView<'_>) -> Vec<Event> {
        let tokens = dyad_segment::SentenceTokens::new(outer.text, outer.sentences);
        self.code_tokenized(outer, &tokens)
    }

    /// [`Coder::code`] with the document's sentences already tokenised, shared with the
    /// earlier stages.
    pub fn code_tokenized(
        &self,
        outer: &DocumentView<'_>,
        tokens: &dyad_segment::SentenceTokens,
    ) -> Vec<Event> {
        let mut out = Vec::new();
        let mut toks = Vec::new();
        let mut previous: &[Mention] = &[];
        let mut acts = antecedents::Acts::default();
        let mut skip = Vec::new();
        let mut seen = restatements::Seen::default();
        // The distinct sources of the previous sentence's events, for "It ..." and "They ...".
        let mut antecedents: Vec<dyad_model::EntityId> = Vec::new();
        let titles = titles::Titles::collect(outer.text, outer.sentences, &mut toks);
        for (number, sentence) in outer.sentences.iter().enumerate() {
            let mut doc = outer;
            let title = titles.prefix(outer.text, sentence.span);
            if title == sentence.span.len() {
                antecedents.clear();
                continue;
            }
            let toks = tokens.of(number);
            // One lower-cased copy of the sentence, sliced per token: ASCII lower-casing keeps
            // byte offsets, and the verb lexicon and boundary words are ASCII.
            let lowered = sentence.span.slice(doc.text).to_ascii_lowercase();
            let mut lower: Vec<&str> = toks
                .iter()
                .map(|t| {
                    lowered
                        .get(t.span.start - sentence.span.start..t.span.end - sentence.span.start)
                        .unwrap_or("")
                })
                .collect();
            let own =
                not_events::mentions_in(outer.mentions, sentence.span.start, sentence.span.end);
            appositions::read_as_commas(toks, &mut lower, own);
            let mut sentence_mentions = own;
            let mut pairs = pairs::resolve(outer.text, toks, &lower, own, previous, self.lexicon);
            pairs.extend(pronouns::resolve(toks, &lower, own, &antecedents, self.lexicon));
            previous = own;
            // "Both sides": the sentence is coded with the two parties added at the phrase (an
            // allocation only for the rare sentence that has such a phrase).
            let view;
            let mut with_pairs: Vec<Mention> = Vec::new();
            if !pairs.is_empty() {
                with_pairs.extend(own.iter().cloned());
                with_pairs.extend(pairs);
                with_pairs.sort_by_key(|m| (m.span.start, m.span.end));
                view = DocumentView { mentions: &with_pairs, ..*outer };
                doc = &view;
                sentence_mentions = &with_pairs;
            }
            let mut found = self.triggers.find(&lower);
            found.retain(|hit| {
                if toks[hit.start].span.start < sentence.span.start + title
                    || lasting::is_lasting(&lower, hit.start)
                {
                    return false;
                }
                let verb = &self.events.verbs[hit.verb];
                !not_events::drop(hit, verb, doc.text, toks, &lower, sentence_mentions)
            });
            let speaker =
                arguments::reporting_frame(doc, toks, &lower, &found, self.events, self.lexicon);
            // "Erdogan said that he had met Putin": the pronoun is the speaker.
            let speaker_view;
            let mut with_speaker: Vec<Mention> = Vec::new();
            if let Some(m) = speaker.as_ref().and_then(|frame| {
                pronouns::speaker(toks, &lower, frame, sentence_mentions, self.lexicon)
            }) {
                with_speaker.extend(sentence_mentions.iter().cloned());
                with_speaker.push(m);
                with_speaker.sort_by_key(|m| (m.span.start, m.span.end));
                speaker_view = DocumentView { mentions: &with_speaker, ..*doc };
                doc = &speaker_view;
            }
            objects::skipped(&found, &lower, self.events, &self.triggers, &mut skip);
            let first_event = out.len();
            for (n, hit) in found.iter().enumerate() {
                let verb = &self.events.verbs[hit.verb];
                if skip[n] {
                    continue;
                }
                let mut args = arguments::find(doc, toks, &lower, hit, &found, self.lexicon);
                if args.source.is_empty() {
                    continue;
                }
                let Some(code) = triggers::code_for(&self.triggers, verb, &lower, hit) else {
                    continue;
                };
                let joint = if args.between {
                    // "clashes between Armenia and Azerbaijan": joint, whatever the act.
                    Some(&args.source[..])
                } else if args.with_target.is_empty() && args.source_is_subject {
                    mutual::targets(&code, &args.source, &args.target)
                } else {
                    None
                };
                // "Netanyahu's 2016 visit, the first by an Israeli premier": a target that is
                // only the source again is none.
                let only_sources =
                    args.target.iter().all(|t| args.source.iter().any(|s| s.id == t.id));
                if only_sources && joint.is_none() {
                    args.target = shared_target::targets(
                        &out[first_event..],
                        toks,
                        &lower,
                        hit.start,
                        &args.source,
                    );
                }
                // "praised the decision": the actor whose decision the text named shortly before.
                if args.target.is_empty() && joint.is_none() {
                    let Some(id) = acts.target(&lower, hit.end, number) else { continue };
                    args.target = vec![actors::Actor { id: id.clone(), agent: None, place: false }];
                }
                let mut modality = modality::of(&lower, hit.start, args.clause_start);
                // "a deal brokered by China": a participle modifying a noun is not governed
                // by the main verb's modal ("agreed to ..., in a deal brokered by").
                if matches!(modality, Modality::Planned | Modality::Hypothetical)
                    && lower.get(hit.end) == Some(&"by")
                    && hit.start > 0
                    && !matches!(
                        lower[hit.start - 1],
                        "be" | "been" | "being" | "is" | "are" | "was" | "were"
                    )
                {
                    modality = Modality::Asserted;
                }
                let Some(cameo) = self.events.code(&code) else { continue };
                let inside_report = speaker
                    .as_ref()
                    .filter(|s| s.complement_start <= hit.start && s.trigger_end <= hit.start);
                let attributed_to = inside_report.map(|s| s.actor.clone());
                if modality == Modality::Asserted && attributed_to.is_some() {
                    modality = Modality::Reported;
                }
                let trigger = Span::new(toks[hit.start].span.start, toks[hit.end - 1].span.end);
                let mut date = event_date(doc, sentence.span, trigger);
                // "Netanyahu on December 26 announced that Israel will establish relations with
                // Somaliland": a reported event the complement does not date is dated by its
                // report.
                if let Some(frame) = inside_report {
                    if date.as_ref().is_none_or(|d| d.basis == DateBasisKind::Document) {
                        let said = Span::new(
                            toks[frame.trigger_start].span.start,
                            toks[frame.trigger_end - 1].span.end,
                        );
                        if let Some(d) = event_date(doc, sentence.span, said)
                            .filter(|d| d.basis == DateBasisKind::Text)
                        {
                            date = Some(d);
                        }
                    }
                }
                let trigger_words = &lower[hit.start..hit.end];
                let nominal = restatements::possessed(&lower, hit.start)
                    || restatements::gerund_subject(&lower, hit.start, hit.end);
                // "discussed the Abraham Accords with Saudi Arabia": when no target can take the
                // event, the actors after "with" are its target.
                let any_plausible = args.source.iter().any(|s| {
                    args.target.iter().any(|t| {
                        s.id != t.id
                            && plausible(self.lexicon, &cameo.code, trigger_words, &s.id, &t.id)
                    })
                });
                let targets = match joint {
                    Some(sources) => sources,
                    None if any_plausible => &args.target,
                    None => &args.with_target,
                };
                // A place stands for its state only as the target of a visit or of force.
                let place_target = cameo.code.starts_with("04") || cameo.code.as_str() >= "15";
                for s in args.source.iter().filter(|s| !s.place) {
                    for t in targets.iter().filter(|t| !t.place || place_target) {
                        if s.id == t.id
                            || !plausible(self.lexicon, &cameo.code, trigger_words, &s.id, &t.id)
                        {
                            continue;
                        }
                        let root = &cameo.code[..2];
                        if nominal && seen.contains(&s.id, &t.id, root) {
                            continue;
                        }
                        seen.insert(&s.id, &t.id, root);
                        out.push(Event {
                            span: trigger,
                            sentence: sentence.span,
                            source: vec![s.id.clone()],
                            target: vec![t.id.clone()],
                            source_agent: s.agent.map(str::to_string),
                            target_agent: t.agent.map(str::to_string),
                            cameo: cameo.code.clone(),
                            root: cameo.code[..2].to_string(),
                            goldstein: cameo.goldstein,
                            quad: cameo.quad,
                            plover: cameo.plover.clone(),
                            date: date.clone(),
                            modality,
                            attributed_to: attributed_to.clone(),
                        });
                    }
                }
            }
            // "X announced that Y joined Z": the reported event is what is coded, not X's bare
            // statement (PETRARCH practice); the statement stays when its complement codes none.
            if let Some(frame) = &speaker {
                let reporting_end = toks[frame.trigger_end - 1].span.end;
                if out[first_event..].iter().any(|e| e.attributed_to.is_some()) {
                    // Only this sentence's events are looked at (the tail of `out`).
                    let mut k = first_event;
                    while k < out.len() {
                        if out[k].cameo == STATEMENT && out[k].span.end == reporting_end {
                            out.remove(k);
                        } else {
                            k += 1;
                        }
                    }
                }
            }
            antecedents.clear();
            for e in &out[first_event..] {
                if let Some(s) = e.source.first() {
                    if !antecedents.contains(s) {
                        antecedents.push(s.clone());
                    }
                }
            }
            acts.note(outer.text, own, number, self.lexicon);
            if let Some(e) = out[first_event..].iter().find(|e| e.modality == Modality::Asserted) {
                if let Some(s) = e.source.first() {
                    acts.note_event(s, number);
                }
            }
        }
        out
    }
}

impl Coder<'_> {
    /// The claims a document's events and membership statements make (`member_of`,
    /// `diplomatic_relations`).
    pub fn claims(&self, doc: &DocumentView<'_>, events: &[Event]) -> Vec<dyad_model::Claim> {
        let mut out = claims::from_events(doc, events, self.lexicon);
        let statements = claims::from_statements(doc, self.lexicon);
        for c in statements.into_iter().chain(claims::relation_statements(doc)) {
            if !out
                .iter()
                .any(|x| x.subject == c.subject && x.object == c.object && x.span == c.span)
            {
                out.push(c);
            }
        }
        out
    }
}

/// Whether an actor pair can carry the event at all. An agreement does not act ("the accords
/// require", "the Abraham Accords echoes"): it is never a source, and it is a target only of
/// joining, signing, support, criticism and intent ("joined the accords", "criticised the
/// accords", "announced their intention to expand the accords").
/// One joins an organisation or agreement, not a state: "joining Bahrain and Morocco" (in the
/// accords) and "the US-led accords" do not code a join with Bahrain or the US. One launches an
/// agreement, and inaugurates or co-founds an agreement or organisation.
fn plausible(lex: &Lexicon, code: &str, trigger: &[&str], source: &str, target: &str) -> bool {
    let is_agreement =
        |id: &str| lex.org(id).is_some_and(|o| o.kind == dyad_lexicon::OrgKind::Agreement);
    if is_agreement(source) {
        return false;
    }
    if is_agreement(target) && !["03", "05", "11", "12"].iter().any(|root| code.starts_with(root)) {
        return false;
    }
    let joins = trigger.first().is_some_and(|w| {
        w.starts_with("join") || w.starts_with("acced") || *w == "become" || *w == "became"
    });
    if code == "057" && joins && lex.org(target).is_none() {
        return false;
    }
    // "launched the framework", "inaugurated the forum": founding codes 057 only for what is
    // founded; "launched missiles at Chile" is not a signing.
    let founds = |w: &&str| w.starts_with("inaugurat") || w.starts_with("co-found");
    if code == "057" && trigger.first().is_some_and(|w| w.starts_with("launch")) {
        return is_agreement(target);
    }
    if code == "057" && trigger.first().is_some_and(founds) {
        return lex.org(target).is_some();
    }
    true
}

/// Whether a time expression can date the trigger: not when another clause or another verb
/// stands between them ("joined the accords, launched by Trump in 2020": 2020 dates "launched").
fn governed_by_trigger(text: &str, sentence: Span, trigger: Span, time: Span) -> bool {
    let between = if time.end <= trigger.start {
        &text[time.end..trigger.start]
    } else {
        &text[trigger.end..time.start]
    };
    // "... signed a memorandum in Astana, November 11, 2025.": a date that closes the sentence
    // after a comma dates it, as in photo captions and datelines, unless a clause of its own
    // comes between ("..., which takes effect on May 1").
    let closing = time.start > trigger.end
        && text[time.end..sentence.end].chars().all(|c| !c.is_alphanumeric())
        && text[..time.start].trim_end().ends_with(',')
        && !between.split(|c: char| !c.is_alphabetic()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "which"
                    | "that"
                    | "who"
                    | "when"
                    | "until"
                    | "while"
                    | "before"
                    | "after"
                    | "since"
            )
        });
    if between.contains([';', '(', ')', '—', '–'])
        || between.contains(" - ")
        || between.contains(", ") && time.start > trigger.end && !closing
    {
        return false;
    }
    // A participle or finite verb of its own between them ("launched", "taken", "was").
    !between.split(|c: char| !c.is_alphabetic()).any(|w| {
        // Most words are lower case already: copy only the others.
        let w: std::borrow::Cow<'_, str> = if w.bytes().any(|b| b.is_ascii_uppercase()) {
            w.to_ascii_lowercase().into()
        } else {
            w.into()
        };
        (w.len() > 4
            && (w.ends_with("ed") || w.ends_with("en"))
            && !matches!(
                &*w,
                "between" | "seven" | "eleven" | "often" | "even" | "green" | "screen" | "citizen"
            ))
            || matches!(&*w, "was" | "were" | "is" | "are" | "had" | "has" | "said" | "says")
            // "to join the accords since war in Gaza began in 2023": an irregular past after
            // the trigger ("On May 4, Chile became the first to join" keeps its date).
            || (time.start > trigger.end && dyad_temporal::irregular_past(&w))
    })
}

/// The date of an event: the nearest dated time expression in its sentence, else the
/// document's date.
/// A year used as a modifier names a thing, not when the event happened: "the 1967 borders",
/// "their 2020 launch", "its 2024 report".
fn names_a_thing(text: &str, time: Span) -> bool {
    let own = &text[time.start..time.end];
    if own.len() != 4 || !own.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = text[..time.start].trim_end();
    let previous = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let after = text[time.end..].trim_start();
    let next_is_word = after.chars().next().is_some_and(char::is_lowercase);
    next_is_word
        && matches!(
            previous.to_ascii_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "that"
                | "whose"
        )
}

fn event_date(doc: &DocumentView<'_>, sentence: Span, trigger: Span) -> Option<EventDate> {
    let nearest = doc
        .times
        .iter()
        .filter(|t| {
            sentence.contains(t.span)
                && t.kind == TimeKind::Date
                && t.from.is_some()
                && t.granularity != dyad_model::Granularity::Vague
                && governed_by_trigger(doc.text, sentence, trigger, t.span)
                && !names_a_thing(doc.text, t.span)
        })
        .min_by_key(|t| {
            if t.span.end <= trigger.start {
                trigger.start - t.span.end
            } else {
                t.span.start.saturating_sub(trigger.end)
            }
        });
    match nearest {
        Some(t) => Some(EventDate {
            value: t.value.clone(),
            from: t.from,
            to: t.to,
            basis: DateBasisKind::Text,
        }),
        None => doc.date.map(|d| EventDate {
            value: d.to_string(),
            from: Some(d),
            to: Some(d),
            basis: DateBasisKind::Document,
        }),
    }
}
