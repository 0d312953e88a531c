//! The gazetteer: every surface form in the lexicon compiled into one Aho-Corasick automaton,
//! and a scan that keeps matches on word boundaries whose casing fits the form.
//!
//! Casing rules: short all-capital forms (`US`, `UAE`, `CPC`, `U.S.`) match only exactly;
//! titles and descriptive phrases match in any case ("the Kazakh president"); other names must
//! start with a capital, except inside an all-lower-case line (a URL slug or breadcrumb), where
//! names of six letters or more are accepted.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};
use dyad_lexicon::{Lexicon, OrgKind};
use dyad_model::{ActorKind, MentionHow, Span};
use std::collections::HashMap;

/// What a surface form says about its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Name,
    Alias,
    Acronym,
    Demonym,
    Capital,
    Surname,
    Place,
    /// A title; the payload indexes `Gazetteer::offices`.
    Title(u32),
    /// A descriptive phrase standing for earlier mentions.
    Coref(CorefKind),
}

impl Role {
    pub(crate) fn how(self) -> MentionHow {
        match self {
            Role::Name | Role::Place => MentionHow::Name,
            Role::Alias => MentionHow::Alias,
            Role::Acronym => MentionHow::Acronym,
            Role::Demonym => MentionHow::Demonym,
            Role::Capital => MentionHow::Capital,
            Role::Surname => MentionHow::Surname,
            Role::Title(_) => MentionHow::Title,
            Role::Coref(_) => MentionHow::Coref,
        }
    }
}

/// Descriptive phrases: "the two countries", or "the Central Asian state" (a region filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CorefKind {
    Pair,
    /// Index into `coref::REGION_PHRASES`.
    Region(u16),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    /// Index into `Gazetteer::entities` (unused for titles and descriptive phrases).
    pub(crate) entity: u32,
    pub(crate) role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Casing {
    Exact,
    Any,
    Capitalized,
}

#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) text: String,
    casing: Casing,
    pub(crate) targets: Vec<Target>,
}

/// An entity the gazetteer can name.
#[derive(Debug)]
pub(crate) struct Entity {
    pub(crate) id: dyad_model::EntityId,
    pub(crate) kind: ActorKind,
    /// For states: the region; for others: empty.
    pub(crate) region: String,
    pub(crate) muslim_majority: bool,
    /// For people, organisations and places: the state they belong to.
    pub(crate) country: Option<String>,
    /// Lower-case words that favour this entity when a form is shared.
    pub(crate) context: Vec<String>,
    /// For historical states: when the state ceased to exist.
    pub(crate) ended: Option<dyad_model::Date>,
}

/// A match kept by the scan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
}

#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// Every form, searched anchored at word starts (see [`Gazetteer::scan`]).
    automaton: AhoCorasick,
    /// The bytes some form begins with: no other byte needs a search.
    first_bytes: [bool; 256],
    /// The pattern each automaton form belongs to.
    form_pattern: Vec<u32>,
    patterns: Vec<Pattern>,
    entities: Vec<Entity>,
    by_id: HashMap<String, u32>,
    pub(crate) offices: Vec<String>,
}

#[derive(Default)]
struct Builder {
    patterns: Vec<Pattern>,
    by_text: HashMap<String, usize>,
    entities: Vec<Entity>,
}

impl Builder {
    fn entity(&mut self, id: &str, kind: ActorKind) -> u32 {
        self.entities.push(Entity {
            id: id.into(),
            kind,
            region: String::new(),
            muslim_majority: false,
            country: None,
            context: Vec::new(),
            ended: None,
        });
        (self.entities.len() - 1) as u32
    }

    fn add(&mut self, text: &str, entity: u32, role: Role) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.add_one(text, entity, role);
        if text.contains('\'') {
            self.add_one(&text.replace('\'', "’"), entity, role);
        }
        if text.contains('–') || text.contains('—') {
            self.add_one(&text.replace(['–', '—'], "-"), entity, role);
        }
    }

    fn add_one(&mut self, text: &str, entity: u32, role: Role) {
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let casing = match role {
            Role::Title(_) | Role::Coref(_) => Casing::Any,
            _ if letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()) => Casing::Exact,
            _ => Casing::Capitalized,
        };
        let target = Target { entity, role };
        match self.by_text.get(text) {
            Some(&i) => {
                let p = &mut self.patterns[i];
                let dup = p.targets.iter().any(|t| {
                    t.entity == entity
                        && std::mem::discriminant(&t.role) == std::mem::discriminant(&role)
                });
                if !dup {
                    p.targets.push(target);
                    // A name beats an alias, an alias a demonym, and so on: keep the best first.
                    p.targets.sort_by_key(|t| role_rank(t.role));
                }
            }
            None => {
                self.by_text.insert(text.to_string(), self.patterns.len());
                self.patterns.push(Pattern {
                    text: text.to_string(),
                    casing,
                    targets: vec![target],
                });
            }
        }
    }
}

fn role_rank(role: Role) -> u8 {
    match role {
        Role::Name => 0,
        Role::Alias => 1,
        Role::Place => 2,
        Role::Acronym => 3,
        Role::Demonym => 4,
        Role::Capital => 5,
        Role::Surname => 6,
        Role::Title(_) => 7,
        Role::Coref(_) => 8,
    }
}

fn org_kind(kind: OrgKind) -> ActorKind {
    match kind {
        OrgKind::Agreement | OrgKind::Format => ActorKind::Agreement,
        OrgKind::Company => ActorKind::Company,
        OrgKind::Organization | OrgKind::ArmedGroup | OrgKind::Agency => ActorKind::Organization,
    }
}

impl Gazetteer {
    pub(crate) fn build(lex: &Lexicon) -> Gazetteer {
        let mut b = Builder::default();
        for s in &lex.states {
            let e = b.entity(&s.id, ActorKind::State);
            b.entities[e as usize].region = s.region.clone();
            b.entities[e as usize].muslim_majority = s.muslim_majority;
            b.entities[e as usize].ended = s.to;
            b.add(&s.name, e, Role::Name);
            for a in s.official.iter().chain(&s.aliases) {
                b.add(a, e, Role::Alias);
            }
            for d in &s.demonyms {
                b.add(d, e, Role::Demonym);
            }
            for c in &s.capitals {
                b.add(c, e, Role::Capital);
            }
        }
        for o in &lex.orgs {
            let e = b.entity(&o.id, org_kind(o.kind));
            b.entities[e as usize].country = o.country.clone();
            b.entities[e as usize].context = o.context.clone();
            b.add(&o.name, e, Role::Name);
            for a in &o.aliases {
                b.add(a, e, Role::Alias);
            }
            for a in &o.acronyms {
                b.add(a, e, Role::Acronym);
            }
        }
        for p in &lex.people {
            let e = b.entity(&p.id, ActorKind::Person);
            b.entities[e as usize].country = Some(p.country.clone());
            b.add(&p.name, e, Role::Name);
            for a in &p.aliases {
                b.add(a, e, Role::Alias);
            }
            for s in &p.surnames {
                b.add(s, e, Role::Surname);
            }
        }
        for p in &lex.places {
            let e = b.entity(&p.id, ActorKind::Place);
            b.entities[e as usize].country = p.state.clone();
            for n in &p.names {
                b.add(n, e, Role::Place);
            }
        }
        let mut offices: Vec<String> = Vec::new();
        for t in &lex.titles {
            let idx = offices.iter().position(|o| *o == t.office).unwrap_or_else(|| {
                offices.push(t.office.clone());
                offices.len() - 1
            });
            for w in &t.words {
                b.add(w, u32::MAX, Role::Title(idx as u32));
            }
        }
        for phrase in crate::coref::PAIR_PHRASES {
            b.add(phrase, u32::MAX, Role::Coref(CorefKind::Pair));
        }
        for (i, (adjective, _)) in crate::coref::REGION_PHRASES.iter().enumerate() {
            for noun in crate::coref::STATE_NOUNS {
                b.add(
                    &format!("the {adjective} {noun}"),
                    u32::MAX,
                    Role::Coref(CorefKind::Region(i as u16)),
                );
            }
        }
        // The automaton is case-sensitive over the casings news actually uses (as listed,
        // lower case for slugs, upper case for shouting headlines, capitalised, Title Case):
        // matching every form case-insensitively would report "us" inside "business" for "US".
        let mut forms: Vec<String> = Vec::new();
        let mut form_pattern: Vec<u32> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, p) in b.patterns.iter().enumerate() {
            for form in casings(&p.text, p.casing) {
                if seen.insert(form.clone()) {
                    forms.push(form);
                    form_pattern.push(i as u32);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&forms)
            .expect("gazetteer patterns compile");
        let mut first_bytes = [false; 256];
        for form in &forms {
            if let Some(&b) = form.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        let by_id =
            b.entities.iter().enumerate().map(|(i, e)| (e.id.to_string(), i as u32)).collect();
        Gazetteer {
            automaton,
            first_bytes,
            form_pattern,
            patterns: b.patterns,
            entities: b.entities,
            by_id,
            offices,
        }
    }

    pub(crate) fn pattern(&self, i: u32) -> &Pattern {
        &self.patterns[i as usize]
    }

    pub(crate) fn entity(&self, i: u32) -> &Entity {
        &self.entities[i as usize]
    }

    /// The entity index of a lexicon id.
    pub(crate) fn entity_index(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Matches on word boundaries whose casing fits, without overlaps (longest first).
    ///
    /// A form can only be kept where a word starts, so the automaton is run anchored at each
    /// such position whose byte some form begins with, rather than over every byte: the walk
    /// from the root ends within a few bytes for most words and touches only the hot top of
    /// the trie. At each start the longest form wins; when it fails the boundary or casing
    /// rules, the scan moves on one character, so a shorter valid form at a later position is
    /// not lost (the same matches as a leftmost-longest search over the whole text).
    pub(crate) fn scan(&self, text: &str) -> Vec<Candidate> {
        let bytes = text.as_bytes();
        let mut kept: Vec<Candidate> = Vec::new();
        // `pos` is always where a word may start: it follows no letter or digit.
        let mut pos = 0;
        while pos < bytes.len() {
            if self.first_bytes[bytes[pos] as usize] {
                let input = aho_corasick::Input::new(text)
                    .range(pos..)
                    .anchored(aho_corasick::Anchored::Yes);
                if let Some(m) = self.automaton.find(input) {
                    let span = Span::new(m.start(), m.end());
                    let index = self.form_pattern[m.pattern().as_usize()];
                    let pattern = &self.patterns[index as usize];
                    if on_word_boundaries(text, span) && casing_fits(text, span, pattern) {
                        kept.push(Candidate { span, pattern: index });
                        pos = m.end();
                        if !starts_word(text, pos) {
                            pos = next_start(text, pos);
                        }
                        continue;
                    }
                }
            }
            pos = next_start(text, pos);
        }
        kept
    }
}

/// The next position after `pos` that follows no letter or digit: past the character at
/// `pos`, and past the rest of the word when that character is part of one.
fn next_start(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii() {
            pos += 1;
            if !b.is_ascii_alphanumeric() {
                return pos;
            }
        } else {
            let c = text[pos..].chars().next().unwrap_or(' ');
            pos += c.len_utf8();
            if !c.is_alphanumeric() {
                return pos;
            }
        }
    }
    pos
}

/// Whether `pos` (a character boundary) follows no letter or digit, as a form's start must.
fn starts_word(text: &str, pos: usize) -> bool {
    match text.as_bytes()[..pos].last() {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric()),
    }
}

/// The casings of a form that the automaton looks for.
fn casings(text: &str, casing: Casing) -> Vec<String> {
    let capitalize = |s: &str| {
        let mut c = s.chars();
        c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
    };
    let mut out = vec![text.to_string()];
    if casing == Casing::Exact {
        return out;
    }
    out.push(text.to_lowercase());
    out.push(text.to_uppercase());
    out.push(capitalize(text));
    // "C5+1 summit" for "C5+1 Summit": capitalised first word, the rest in lower case.
    out.push(capitalize(&text.to_lowercase()));
    if casing == Casing::Any {
        out.push(text.split(' ').map(capitalize).collect::<Vec<_>>().join(" "));
    }
    out
}

fn on_word_boundaries(text: &str, span: Span) -> bool {
    // "US$300 million", "HK$": a currency code, not the state.
    if text[span.end..].starts_with('$') {
        return false;
    }
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let last = text[span.start..span.end].chars().next_back();
    // A form that ends with a period ("U.S.") may be followed by anything.
    before.is_none_or(|c| !c.is_alphanumeric())
        && (last == Some('.') || after.is_none_or(|c| !c.is_alphanumeric()))
}

fn casing_fits(text: &str, span: Span, pattern: &Pattern) -> bool {
    let matched = span.slice(text);
    match pattern.casing {
        Casing::Any => true,
        Casing::Exact => matched == pattern.text,
        Casing::Capitalized => {
            let first = matched.chars().next().unwrap_or(' ');
            if first.is_uppercase() || matched == pattern.text {
                return true;
            }
            pattern.text.chars().filter(|c| c.is_alphabetic()).count() >= 6
                && line_is_lowercase(text, span)
        }
    }
}

fn line_is_lowercase(text: &str, span: Span) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    !text[start..end].chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        g.scan(text).iter().map(|c| c.span.slice(text).to_string()).collect()
    }

    #[test]
    fn forms_match_only_where_a_word_starts_and_ends() {
        let lex = Lexicon::builtin().expect("builtin lexicon");
        let g = Gazetteer::build(&lex);
        // "US" inside "business" or "focus" is no mention; at a word start after punctuation
        // or a non-ASCII character it is.
        assert_eq!(found(&g, "business focus"), Vec::<String>::new());
        assert_eq!(found(&g, "(US) and «Iran»"), ["US", "Iran"]);
        assert_eq!(found(&g, "éIran Irané Iran"), ["Iran"]);
        // A form that ends with a period may touch the next word.
        assert_eq!(found(&g, "the U.S.-led talks"), ["U.S."]);
        // When the longest form at a start fails its right boundary, the scan goes on and
        // still finds the forms after it.
        assert_eq!(found(&g, "Chinas China"), ["China"]);
    }
}
