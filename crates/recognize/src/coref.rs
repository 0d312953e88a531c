//! Descriptive phrases standing for states mentioned just before: "the two countries" (the
//! last two distinct states), "the Central Asian state" (the last state of that region). Only
//! the previous few sentences are searched, and nothing is resolved when no state fits.

use crate::gazetteer::{Candidate, CorefKind, Gazetteer};
use crate::{DocumentView, Found};
use dyad_model::{ActorKind, MentionHow, Span};

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

/// Lower-case nouns that refer back to an agreement the document named: "the accords" after
/// "the Abraham Accords", "the multilateral framework", "the pact".
const AGREEMENT_NOUNS: &[&str] = &["accords", "accord", "framework", "agreement", "pact", "treaty"];

/// Adjectives that may stand between the determiner and the noun without making it another
/// agreement ("the multilateral framework"; not "the trade agreement").
const AGREEMENT_ADJECTIVES: &[&str] = &[
    "multilateral",
    "historic",
    "landmark",
    "regional",
    "normalization",
    "normalisation",
    "original",
    "entire",
    "whole",
    "expanded",
    "broader",
    "diplomatic",
    "us-brokered",
    "u.s.-brokered",
    "us-led",
    "u.s.-led",
];

/// Words after the noun that make it a different agreement ("the agreement on fisheries", "the
/// treaty between Chile and Peru").
const NEW_AGREEMENT_AFTER: &[&str] = &["of", "on", "between", "with", "for", "among", "to"];

/// How many sentences after the last mention of an agreement a lower-case noun may refer to it.
const AGREEMENT_WINDOW_SENTENCES: usize = 8;

/// "the accords", "the framework", "this pact": a definite lower-case agreement noun stands for
/// the agreement the document named last (within a few sentences). "accord(s)" must be the last
/// word of that agreement's name; "framework", "agreement", "pact" and "treaty" fit any
/// agreement. Nothing is resolved before the first named agreement, after "a"/"another", or when
/// the noun starts a new one ("the agreement on fisheries", "the trade agreement"). Returns
/// whether it added a mention.
pub(crate) fn agreement_nouns(doc: &DocumentView<'_>, gaz: &Gazetteer, found: &mut Found) -> bool {
    let text = doc.text;
    // (end of mention, entity, lower-case last word of the mention)
    let mut antecedents: Vec<(usize, u32, String)> = found
        .mentions
        .iter()
        .zip(&found.entity_index)
        .filter(|(_, &e)| e != u32::MAX && gaz.entity(e).kind == ActorKind::Agreement)
        .map(|(m, &e)| {
            let name = m.span.slice(text);
            let head = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
            (m.span.end, e, head)
        })
        .collect();
    let Some(first) = antecedents.iter().map(|a| a.0).min() else { return false };
    // Only documents that name an agreement are searched, and only in the windows after a name:
    // a small automaton of its own (adding the nouns to the gazetteer's automaton slowed every
    // document's scan by 5%).
    static NOUNS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let automaton = NOUNS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(AGREEMENT_NOUNS)
            .expect("agreement nouns compile")
    });
    let sentence_of = |pos: usize| doc.sentences.partition_point(|s| s.span.end <= pos);
    // Where a window of AGREEMENT_WINDOW_SENTENCES after the sentence holding `pos` ends.
    let window_end = |pos: usize| {
        doc.sentences
            .get(sentence_of(pos.saturating_sub(1)) + AGREEMENT_WINDOW_SENTENCES)
            .map_or(text.len(), |s| s.span.end)
    };
    let mut named_ends: Vec<usize> = antecedents.iter().map(|a| a.0).collect();
    named_ends.sort_unstable();
    let mut claimed: Vec<Span> = found.mentions.iter().map(|m| m.span).collect();
    claimed.sort();
    let mut new = Vec::new();
    // Only the windows after the names (and after nouns already resolved) are searched.
    let (mut pos, mut reach) = (first, window_end(first));
    loop {
        let hit = automaton.find(aho_corasick::Input::new(text).range(pos..reach.max(pos)));
        let Some(m) = hit else {
            // The next name beyond the window opens a new one.
            match named_ends.iter().find(|&&end| end > reach) {
                Some(&end) => {
                    (pos, reach) = (end, window_end(end));
                    continue;
                }
                None => break,
            }
        };
        pos = m.end();
        let span = Span::new(m.start(), m.end());
        let (start, noun) = (span.start, span.slice(text));
        if crate::overlaps_any(&claimed, span)
            || !text[..start].ends_with(' ')
            || text[span.end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
            || !definite_before(text, start)
        {
            continue;
        }
        let next = text[span.end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if NEW_AGREEMENT_AFTER.contains(&next.as_str()) {
            continue;
        }
        let Some(&(last_end, entity, ref head)) =
            antecedents.iter().filter(|a| a.0 <= start).max_by_key(|a| a.0)
        else {
            continue;
        };
        if noun.starts_with("accord") && !head.starts_with("accord") {
            continue;
        }
        if sentence_of(start) > sentence_of(last_end.saturating_sub(1)) + AGREEMENT_WINDOW_SENTENCES
        {
            continue;
        }
        let head = head.clone();
        new.push((span, entity));
        antecedents.push((span.end, entity, head));
        reach = reach.max(window_end(span.end));
    }
    let any = !new.is_empty();
    for (span, e) in new {
        found.push(span, e, ActorKind::Agreement, MentionHow::Coref);
    }
    any
}

/// Whether the words before `start` are "the" or "this" (any case), with at most two
/// adjectives of [`AGREEMENT_ADJECTIVES`] between.
fn definite_before(text: &str, start: usize) -> bool {
    let mut words = text[..start].rsplit(' ').skip(1);
    for _ in 0..3 {
        let Some(word) = words.next() else { return false };
        let word = word.to_ascii_lowercase();
        if word == "the" || word == "this" {
            return true;
        }
        if !AGREEMENT_ADJECTIVES.contains(&word.as_str()) {
            return false;
        }
    }
    false
}
