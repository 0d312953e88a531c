//! Capitals: the seat of government standing for the government ("Astana's move", "Moscow
//! warned", "a signal to Washington") versus the city as a place ("the Expo held in Astana",
//! "he flew to Moscow"), versus the first word of a longer name ("Washington Institute").

use crate::gazetteer::{Candidate, Gazetteer, Pattern};
use crate::Found;
use dyad_model::{ActorKind, MentionHow};

/// Words that, right before a city, make it a location.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "into",
    "via",
    "visit",
    "visited",
    "visiting",
    "visits",
    "toured",
    "leave",
    "left",
    "leaving",
    "reached",
    "streets",
    "downtown",
    "central",
];

/// Motion words that make a following "to"/"from" a location ("flew to Moscow").
const MOTION: &[&str] = &[
    "flew",
    "fly",
    "flying",
    "travelled",
    "traveled",
    "travel",
    "trip",
    "visit",
    "journey",
    "way",
    "returned",
    "return",
    "returning",
    "came",
    "went",
    "moved",
    "arrived",
    "flight",
    "flights",
    "route",
    "road",
    "train",
    "trains",
    "railway",
    "move",
    "relocated",
    "headed",
];

pub(crate) fn resolve(
    text: &str,
    cand: &Candidate,
    pattern: &Pattern,
    gaz: &Gazetteer,
    found: &mut Found,
) {
    let target = pattern.targets[0];
    let after = &text[cand.span.end..];
    if is_dateline(text, cand) || after.starts_with("-based") {
        found.push(cand.span, target.entity, ActorKind::Place, MentionHow::Capital);
        return;
    }
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    if !possessive {
        // "Washington Institute", "Moscow Times": part of a longer capitalised name. "Washington
        // D.C." is the city.
        if let Some(next) = after.strip_prefix(' ') {
            let word: String =
                next.chars().take_while(|c| c.is_alphanumeric() || *c == '.').collect();
            if word.starts_with("D.C") || word == "DC" {
                found.push(cand.span, target.entity, ActorKind::Place, MentionHow::Capital);
                return;
            }
            if word.chars().next().is_some_and(char::is_uppercase)
                && !ends_clause(&text[..cand.span.end])
            {
                return;
            }
        }
    }
    let before: Vec<String> = text[..cand.span.start]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let prev = before.first().map(String::as_str).unwrap_or("");
    let prev2 = before.get(1).map(String::as_str).unwrap_or("");
    let place = !possessive
        && (LOCATIVE.contains(&prev)
            || (matches!(prev, "to" | "from") && MOTION.contains(&prev2))
            || (prev == "the" && prev2 == "in"));
    let _ = gaz;
    if place {
        found.push(cand.span, target.entity, ActorKind::Place, MentionHow::Capital);
    } else {
        found.push(cand.span, target.entity, ActorKind::State, MentionHow::Capital);
    }
}

/// "Astana | November 7, 2025", "ASTANA, Nov. 7 —", "TASHKENT — ...": a city opening a line
/// as a dateline is where the story was filed.
fn is_dateline(text: &str, cand: &Candidate) -> bool {
    let line_start = text[..cand.span.start].rfind('\n').map_or(0, |i| i + 1);
    if line_start != cand.span.start {
        return false;
    }
    let after = &text[cand.span.end..];
    after.starts_with(" |")
        || after.starts_with(" —")
        || after.starts_with(" –")
        || after.starts_with(" -")
        || (after.starts_with(", ")
            && after[2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        || after.starts_with(" (")
}

/// Whether the text ends a clause (so a following capital starts something new).
fn ends_clause(before: &str) -> bool {
    before.trim_end().ends_with([',', ';', ':'])
}

/// The id of a city named as a place: its name as a lower-case slug ("Washington, D.C." ->
/// `washington`, "Nur-Sultan" -> `nur_sultan`).
pub(crate) fn city_id(name: &str) -> String {
    let name = name.split(',').next().unwrap_or(name);
    let name = name.trim_end_matches(" D.C.").trim_end_matches(" DC");
    let mut id = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_string()
}
