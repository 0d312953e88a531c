//! Descriptive phrases standing for states mentioned just before: "the two countries" (the
//! last two distinct states), "the Central Asian state" (the last state of that region). Only
//! the previous few sentences are searched, and nothing is resolved when no state fits.

use crate::gazetteer::{Candidate, CorefKind, Gazetteer};
use crate::{DocumentView, Found};
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, MentionHow};

/// How many sentences back a phrase may reach.
const WINDOW_SENTENCES: usize = 4;

pub(crate) const PAIR_PHRASES: &[&str] = &[
    "the two countries",
    "both countries",
    "the two nations",
    "both nations",
    "the two states",
    "both states",
    "the two governments",
    "both governments",
    "the two neighbours",
    "the two neighbors",
];

pub(crate) const STATE_NOUNS: &[&str] =
    &["state", "nation", "country", "republic", "kingdom", "monarchy", "emirate"];

/// Which states a descriptive adjective fits.
#[derive(Debug)]
pub(crate) enum Fits {
    Regions(&'static [&'static str]),
    Ids(&'static [&'static str]),
    MuslimMajority,
}

const GULF: &[&str] = &["SAU", "ARE", "QAT", "KWT", "BHR", "OMN"];
const ARAB: &[&str] = &[
    "ARE", "BHR", "DZA", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR", "MRT", "OMN", "PSE",
    "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "YEM", "DJI", "COM",
];

pub(crate) const REGION_PHRASES: &[(&str, Fits)] = &[
    ("Central Asian", Fits::Regions(&["Central Asia"])),
    ("Middle Eastern", Fits::Regions(&["Middle East"])),
    ("Gulf", Fits::Ids(GULF)),
    ("Arab", Fits::Ids(ARAB)),
    ("Caucasian", Fits::Regions(&["Caucasus"])),
    ("South Caucasus", Fits::Regions(&["Caucasus"])),
    ("East Asian", Fits::Regions(&["East Asia"])),
    ("Southeast Asian", Fits::Regions(&["Southeast Asia"])),
    ("South Asian", Fits::Regions(&["South Asia"])),
    ("European", Fits::Regions(&["Europe", "Eastern Europe"])),
    ("Eastern European", Fits::Regions(&["Eastern Europe"])),
    ("North African", Fits::Regions(&["North Africa"])),
    ("African", Fits::Regions(&["North Africa", "Sub-Saharan Africa"])),
    ("Latin American", Fits::Regions(&["South America", "Central America", "Caribbean"])),
    ("South American", Fits::Regions(&["South America"])),
    ("Muslim-majority", Fits::MuslimMajority),
    ("Muslim", Fits::MuslimMajority),
];

pub(crate) fn resolve(
    doc: &DocumentView<'_>,
    phrases: &[&Candidate],
    gaz: &Gazetteer,
    _lex: &Lexicon,
    found: &mut Found,
) {
    let sentence_of = |pos: usize| doc.sentences.partition_point(|s| s.span.end <= pos);
    let mut new = Vec::new();
    for cand in phrases {
        let crate::gazetteer::Role::Coref(kind) = gaz.pattern(cand.pattern).targets[0].role else {
            continue;
        };
        let here = sentence_of(cand.span.start);
        let earliest = here.saturating_sub(WINDOW_SENTENCES);
        let window_start = doc.sentences.get(earliest).map_or(0, |s| s.span.start);
        let earlier = found.mentions.iter().zip(&found.entity_index).rev().filter(|(m, e)| {
            m.span.end <= cand.span.start
                && m.span.start >= window_start
                && m.kind == ActorKind::State
                && **e != u32::MAX
                && gaz.entity(**e).kind == ActorKind::State
        });
        match kind {
            CorefKind::Pair => {
                let mut ids: Vec<u32> = Vec::new();
                for (_, e) in earlier {
                    if !ids.contains(e) {
                        ids.push(*e);
                    }
                    if ids.len() == 2 {
                        break;
                    }
                }
                if ids.len() == 2 {
                    ids.reverse();
                    for e in ids {
                        new.push((cand.span, e));
                    }
                }
            }
            CorefKind::Region(i) => {
                let fits = &REGION_PHRASES[i as usize].1;
                let hit = earlier.map(|(_, e)| *e).find(|&e| {
                    let entity = gaz.entity(e);
                    match fits {
                        Fits::Regions(regions) => regions.contains(&entity.region.as_str()),
                        Fits::Ids(ids) => ids.contains(&entity.id.as_str()),
                        Fits::MuslimMajority => entity.muslim_majority,
                    }
                });
                if let Some(e) = hit {
                    new.push((cand.span, e));
                }
            }
        }
    }
    for (span, e) in new {
        found.push(span, e, ActorKind::State, MentionHow::Coref);
    }
}

/// Short names: "the Accords" after "the Abraham Accords", "the Consortium" after "the Caspian
/// Pipeline Consortium". A capitalised word after "the" that is the last word of an
/// organisation or agreement named earlier in the document refers to the latest such one.
pub(crate) fn short_names(
    doc: &DocumentView<'_>,
    gaz: &Gazetteer,
    found: &mut Found,
    claimed: &mut Vec<dyad_model::Span>,
) {
    let text = doc.text;
    // (head word, entity, where the full name ends), in document order.
    let mut named: Vec<(&str, u32, usize)> = Vec::new();
    for (m, &e) in found.mentions.iter().zip(&found.entity_index) {
        if e == u32::MAX || !matches!(m.how, MentionHow::Name | MentionHow::Alias) {
            continue;
        }
        if !matches!(
            gaz.entity(e).kind,
            ActorKind::Organization | ActorKind::Agreement | ActorKind::Company
        ) {
            continue;
        }
        let name = m.span.slice(text);
        if let Some((_, head)) = name.rsplit_once(' ') {
            if head.chars().next().is_some_and(char::is_uppercase) && head.len() >= 4 {
                named.push((head, e, m.span.end));
            }
        }
    }
    if named.is_empty() {
        return;
    }
    named.sort_by_key(|n| n.2);
    let mut new = Vec::new();
    for (pos, _) in text.match_indices("the ").chain(text.match_indices("The ")) {
        let word_start = pos + 4;
        let word: &str = text[word_start..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        if word.is_empty() {
            continue;
        }
        let span = dyad_model::Span::new(word_start, word_start + word.len());
        // Only a bare head word: "the Accords'", "the Accords,", not "the Accords Secretariat".
        let next = text[span.end..].chars().next();
        let next_word = text[span.end..].strip_prefix(' ').and_then(|r| r.chars().next());
        if next_word.is_some_and(char::is_uppercase) || next.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(&(_, e, _)) =
            named.iter().rev().find(|(head, _, end)| *head == word && *end <= span.start)
        {
            if crate::overlaps_any(claimed, span) {
                continue;
            }
            new.push((span, e));
        }
    }
    for (span, e) in new {
        found.push(span, e, gaz.entity(e).kind, MentionHow::Coref);
        let i = claimed.partition_point(|c| c.start < span.start);
        claimed.insert(i, span);
    }
}
