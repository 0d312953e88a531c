//! Claims from coded events: a join, accession or signing (CAMEO 057) whose target is an
//! organisation or agreement claims `member_of(source, target)` from the event's date; states
//! listed beside it as earlier members ("the seventh nation to join the Abraham Accords after the
//! UAE, Bahrain, Morocco ...") claim `member_of` too; establishing diplomatic relations (054)
//! claims `diplomatic_relations`.

use crate::DocumentView;
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, Claim, Event, Modality};

/// Words after which a list names earlier members.
const LIST_OPENERS: &[&str] = &["after", "joining", "alongside", "following", "like", "with"];

pub(crate) fn from_events(doc: &DocumentView<'_>, events: &[Event], lex: &Lexicon) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for e in events {
        // Valid time comes from the text; the document date is when it was reported, not when
        // it happened.
        let date = e
            .date
            .as_ref()
            .filter(|d| d.basis == dyad_model::DateBasisKind::Text)
            .and_then(|d| d.from);
        for (s, t) in e.source.iter().zip(&e.target) {
            let is_org = lex.org(t).is_some();
            let predicate = match (e.cameo.as_str(), is_org) {
                ("057", true) => "member_of",
                ("054", false) => "diplomatic_relations",
                _ => continue,
            };
            push(
                &mut out,
                Claim {
                    subject: s.clone(),
                    predicate,
                    object: Some(t.clone()),
                    from: date,
                    to: None,
                    span: e.span,
                    modality: e.modality,
                    basis: "event",
                },
            );
        }
        // Members listed beside a join: "... join the Abraham Accords after the UAE, Bahrain, ...".
        if e.cameo == "057" {
            let Some(org) = e.target.first().filter(|t| lex.org(t).is_some()) else { continue };
            let sentence_text = e.sentence.slice(doc.text);
            let after_trigger = e.span.end - e.sentence.start;
            let rest = &sentence_text[after_trigger..];
            let lower = rest.to_lowercase();
            let Some(opener) = LIST_OPENERS
                .iter()
                .filter_map(|w| lower.find(&format!(" {w} ")).map(|i| i + 1))
                .min()
            else {
                continue;
            };
            let list_start = e.span.end + opener;
            let list = doc.mentions.iter().filter(|m| {
                m.span.start >= list_start
                    && m.span.end <= e.sentence.end
                    && m.kind == ActorKind::State
                    && m.entity.is_some()
            });
            let mut last_end = list_start;
            for m in list {
                // The list runs while only commas, "and" and articles separate its names.
                let gap = doc.text[last_end..m.span.start].trim();
                let gap_ok = last_end == list_start
                    || gap
                        .split(|c: char| c == ',' || c.is_whitespace())
                        .all(|w| matches!(w, "" | "and" | "the" | "as" | "well"));
                if !gap_ok {
                    break;
                }
                last_end = m.span.end;
                let subject = m.entity.clone().expect("filtered");
                if e.source.contains(&subject) {
                    continue;
                }
                push(
                    &mut out,
                    Claim {
                        subject,
                        predicate: "member_of",
                        object: Some(org.clone()),
                        from: None,
                        to: None,
                        span: m.span,
                        modality: Modality::Asserted,
                        basis: "list",
                    },
                );
            }
        }
    }
    out
}

fn push(out: &mut Vec<Claim>, c: Claim) {
    if !out.iter().any(|x| {
        x.subject == c.subject
            && x.predicate == c.predicate
            && x.object == c.object
            && x.span == c.span
    }) {
        out.push(c);
    }
}
