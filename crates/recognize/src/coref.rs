//! Descriptive phrases standing for states mentioned just before: "the two countries" (the
//! last two distinct states), "the Central Asian state" (the last state of that region). Only
//! the previous few sentences are searched, and nothing is resolved when no state fits.

use crate::gazetteer::{Candidate, CorefKind, Gazetteer};
use crate::{DocumentView, Found};
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
                // The two states the window talks about most (then most recently), leaving out
                // states that no longer existed at the document date.
                let mut counts: Vec<(u32, usize, usize)> = Vec::new(); // (entity, count, last)
                for (m, e) in earlier {
                    // Without a date, a historical state is unlikely to be one of "the two".
                    if gaz.entity(*e).ended.is_some_and(|end| doc.date.is_none_or(|d| end < d)) {
                        continue;
                    }
                    match counts.iter_mut().find(|c| c.0 == *e) {
                        Some(c) => c.1 += 1,
                        None => counts.push((*e, 1, m.span.start)),
                    }
                }
                counts.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
                if counts.len() >= 2 {
                    let mut pair = [counts[0], counts[1]];
                    pair.sort_by_key(|c| c.2);
                    for c in pair {
                        new.push((cand.span, c.0));
                    }
                }
            }
            CorefKind::Region(i) => {
                let fits = &REGION_PHRASES[i as usize].1;
                let hit = earlier.map(|(_, e)| *e).find(|&e| {
                    let entity = gaz.entity(e);
                    match fits {
                        Fits::Regions(regions) => regions.contains(&entity.region.as_str()),
                        Fits::Ids(ids) => ids.contains(&&*entity.id),
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

/// A short name: the last word of an organisation or agreement named in the document.
#[derive(Debug)]
pub(crate) struct ShortName<'t> {
    pub(crate) head: &'t str,
    pub(crate) entity: u32,
    /// Where the full name ends: only later occurrences refer to it.
    pub(crate) after: usize,
}

/// Short names: "the Accords" after "the Abraham Accords", "the Consortium" after "the Caspian
/// Pipeline Consortium". The unknown-name pass resolves a capitalised word after "the" that is
/// the last word of an organisation or agreement named earlier to the latest such one.
pub(crate) fn short_names<'t>(
    doc: &DocumentView<'t>,
    gaz: &Gazetteer,
    found: &Found,
) -> Vec<ShortName<'t>> {
    let text = doc.text;
    let mut named = Vec::new();
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
        if let Some((_, head)) = m.span.slice(text).rsplit_once(' ') {
            if head.chars().next().is_some_and(char::is_uppercase) && head.len() >= 4 {
                named.push(ShortName { head, entity: e, after: m.span.end });
            }
        }
    }
    named.sort_by_key(|n| n.after);
    named
}
