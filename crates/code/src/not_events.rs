//! Trigger words that are not events where they stand: a word of an actor's name, half of a
//! hyphenated modifier, the noun or particle reading of a verb the lexicon lists as a verb only.
//!
//! What it codes: nothing; it drops trigger hits before arguments are looked for.
//!
//! Example: "the United States signed" (the `states` of the name is not the verb "state"),
//! "Minister of Regional Cooperation" (a title, not cooperation),
//! "a Saudi-backed plan" (`backed` modifies "plan", nobody backs anything), "Gulf states",
//! "diplomatic and trade relations", "a state visit",
//! "under public pressure", "ties that date back to 1992".
//!
//! Not dropped when: the word is the verb ("Russia states that", "Iran pressured Iraq",
//! "Egypt backed the plan"), or a nominal the lexicon lists on purpose ("the visit", "talks").
//!
//! Codebook: CAMEO codes verbs; PETRARCH gets this from its parser's part-of-speech tags, which a
//! sparse coder does not have, so the cues are the neighbouring words.

use crate::triggers::Hit;
use dyad_lexicon::Verb;
use dyad_model::Mention;
use dyad_segment::Token;

/// Verbs whose noun or adjective reading is not an event (the lexicon's notes say "verb
/// only"): their base and `-s` forms need a verb's context to code.
const VERB_ONLY: &[&str] = &[
    "state", "fear", "back", "trade", "pressure", "arm", "free", "march", "fine", "gas", "press",
    "signal", "import", "export", "supply",
];

/// Words after which a noun, not a finite verb, follows.
const NOUN_CUES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "'s",
    "’s",
    "of",
    "in",
    "on",
    "at",
    "under",
    "with",
    "without",
    "for",
    "from",
    "into",
    "by",
    "against",
    "amid",
    "despite",
    "after",
    "before",
    "over",
    "through",
    "more",
    "less",
    "much",
    "no",
    "any",
    "some",
    "such",
    "every",
    "each",
    "member",
    "many",
    "several",
    "all",
    "both",
    "other",
    "new",
    "foreign",
    "great",
    "growing",
    "mounting",
    "increasing",
    "first",
    "second",
    "third",
    "last",
    "next",
    "latest",
    "only",
    "sovereign",
    "independent",
];

/// Nouns that make a compound with a verb-only word before them ("trade relations").
const COMPOUND_HEADS: &[&str] = &[
    "relations",
    "ties",
    "links",
    "deal",
    "deals",
    "agreement",
    "agreements",
    "partner",
    "partners",
    "partnership",
    "route",
    "routes",
    "volume",
    "volumes",
    "flows",
    "chain",
    "chains",
    "balance",
    "war",
    "wars",
    "policy",
    "policies",
    "ministry",
    "minister",
    "zone",
    "zones",
    "surplus",
    "deficit",
    "barriers",
    "visit",
    "visits",
    "media",
    "groups",
    "tactics",
    "campaign",
    "officials",
];

/// Verbs that take "back" as a particle ("date back", "go back", "push back").
const BACK_PARTICLE_HEADS: &[&str] = &[
    "date",
    "dates",
    "dated",
    "dating",
    "go",
    "goes",
    "went",
    "gone",
    "going",
    "come",
    "comes",
    "came",
    "coming",
    "look",
    "looks",
    "looked",
    "looking",
    "step",
    "stepped",
    "hold",
    "held",
    "push",
    "pushed",
    "pushing",
    "fight",
    "fought",
    "fighting",
    "roll",
    "rolled",
    "bring",
    "brought",
    "turn",
    "turned",
    "pull",
    "pulled",
    "get",
    "got",
    "pay",
    "paid",
    "send",
    "sent",
    "give",
    "gave",
    "hit",
    "strike",
    "struck",
    "trace",
    "traced",
    "traces",
    "stretch",
    "stretches",
    "way",
];

/// The mentions that start inside bytes `[start, end)` (a sentence), from mentions sorted by
/// span: two binary searches, no scan of the document.
pub(crate) fn mentions_in(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    let from = mentions.partition_point(|m| m.span.start < start);
    let to = mentions.partition_point(|m| m.span.start < end);
    &mentions[from..to.max(from)]
}

/// Whether the trigger is not an event in its context.
pub(crate) fn drop(
    hit: &Hit,
    verb: &Verb,
    text: &str,
    toks: &[Token],
    lower: &[&str],
    sentence_mentions: &[Mention],
) -> bool {
    inside_actor_name(hit, toks, sentence_mentions)
        || inside_title(hit, text, toks, lower)
        || hyphenated_modifier(hit, toks, lower)
        || noun_reading(hit, verb, text, toks, lower, sentence_mentions)
        || unowned_deal(hit, verb, text, toks, sentence_mentions)
        || recognition_of_a_thing(hit, verb, toks, lower, sentence_mentions)
}

/// "recognizes the enormous economic potential of Kazakhstan": recognition is diplomatic
/// (054) only when a party is its object, right after the verb ("recognized Kosovo",
/// "recognition of Israel", "formally recognise the State of Palestine").
fn recognition_of_a_thing(
    hit: &Hit,
    verb: &Verb,
    toks: &[Token],
    lower: &[&str],
    mentions: &[Mention],
) -> bool {
    if verb.lemma != "recognize" {
        return false;
    }
    let mut k = hit.end;
    while k < lower.len() && matches!(lower[k], "the" | "of" | "formally" | "officially" | "as") {
        k += 1;
    }
    let Some(next) = toks.get(k) else { return true };
    !mentions.iter().any(|m| m.entity.is_some() && m.span.start == next.span.start)
}

/// The noun "deal" codes only with its parties right before it, as a hyphenated pair or a
/// possessive, with at most two words between ("the new U.S.-Kazakhstan economic deals",
/// "Egypt's deal with Jordan"); "a deal", "the deal" and the verb "deal with" code nothing of
/// their own (the verb before them codes: "signed a deal").
fn unowned_deal(hit: &Hit, verb: &Verb, text: &str, toks: &[Token], mentions: &[Mention]) -> bool {
    if verb.lemma != "deal" {
        return false;
    }
    if hit.start == 0 {
        return true;
    }
    let from = toks[hit.start.saturating_sub(3)].span.start;
    let to = toks[hit.start].span.start;
    let owner = |m: &&Mention| {
        if m.entity.is_none() || m.span.end <= from || m.span.end > to {
            return false;
        }
        let after = &text[m.span.end..];
        let before = &text[..m.span.start];
        (after.starts_with("'s") || after.starts_with("’s") || before.ends_with('-'))
            && !text[m.span.end..to].split_whitespace().any(|w| {
                matches!(w, "will" | "would" | "to" | "can" | "could" | "must" | "should" | "may")
            })
    };
    !mentions.iter().any(|m| owner(&m))
}

/// "the United States", "the Free Syrian Army": a trigger word inside a resolved name.
fn inside_actor_name(hit: &Hit, toks: &[Token], mentions: &[Mention]) -> bool {
    let (start, end) = (toks[hit.start].span.start, toks[hit.end - 1].span.end);
    mentions.iter().any(|m| m.entity.is_some() && m.span.start < end && start < m.span.end)
}

/// "Minister of Regional Cooperation", "the Ministry of Trade": a capitalised noun after a
/// capitalised word (or "of" after one) in the middle of a sentence is part of a name or title.
/// Inflected verbs in title-case headlines ("Kenya Joins", "Egypt Signed") are not nouns.
fn inside_title(hit: &Hit, text: &str, toks: &[Token], lower: &[&str]) -> bool {
    let capital =
        |k: usize| toks[k].span.slice(text).chars().next().is_some_and(char::is_uppercase);
    let word = lower[hit.start];
    if hit.start < 2 || !capital(hit.start) || word.ends_with('s') || word.ends_with("ed") {
        return false;
    }
    let previous = hit.start - 1;
    (capital(previous) && lower[previous].len() > 1)
        || (matches!(lower[previous], "of" | "for") && capital(previous - 1))
}

/// "U.S.-backed", "Saudi-led": a word joined by a hyphen to the word before it is part of a
/// modifier.
fn hyphenated_modifier(hit: &Hit, toks: &[Token], lower: &[&str]) -> bool {
    hit.start >= 2
        && matches!(lower[hit.start - 1], "-" | "‑")
        && toks[hit.start - 1].span.end == toks[hit.start].span.start
        && toks[hit.start - 2].span.end == toks[hit.start - 1].span.start
}

/// "Gulf states", "under pressure", "trade with", "date back": a verb-only word read as a noun
/// or a particle.
fn noun_reading(
    hit: &Hit,
    verb: &Verb,
    text: &str,
    toks: &[Token],
    lower: &[&str],
    mentions: &[Mention],
) -> bool {
    if hit.end - hit.start != 1 || !VERB_ONLY.contains(&verb.lemma.as_str()) {
        return false;
    }
    let word = lower[hit.start];
    // Past forms and participles are verbs here ("pressured", "backed"); the "-ing" form is an
    // adjective ("pressing issues") when a lower-case word that cannot be its object follows
    // and no auxiliary or preposition before it makes it a verb ("is pressing", "by pressing").
    // "supplying" is the verb ("supplying arms to Y"); only "supply" and "supplies" have a noun
    // reading ("energy supply chains").
    if word.ends_with("ing") && verb.lemma == "supply" {
        return false;
    }
    if word.ends_with("ing") {
        let next = hit.end;
        let progressive = hit.start > 0
            && matches!(
                lower[hit.start - 1],
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "am"
                    | "'s"
                    | "’s"
                    | "keep"
                    | "keeps"
                    | "kept"
                    | "began"
                    | "begun"
                    | "start"
                    | "started"
                    | "continue"
                    | "continues"
                    | "continued"
                    | "by"
                    | "while"
                    | "after"
                    | "before"
                    | "without"
            );
        return !progressive
            && next < lower.len()
            && toks[next].span.slice(text).chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                lower[next],
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "for"
                    | "to"
                    | "on"
                    | "ahead"
                    | "them"
                    | "him"
                    | "it"
                    | "us"
            );
    }
    if word.ends_with("ed") {
        return false;
    }
    if hit.start == 0 {
        return false;
    }
    let previous = lower[hit.start - 1];
    // "Morocco-Spain trade", "long-term pressure": a hyphenated compound before the word
    // modifies a noun.
    if previous.contains('-')
        || (hit.start >= 3
            && hyphenated_modifier(&Hit { start: hit.start - 1, ..*hit }, toks, lower))
    {
        return true;
    }
    // An actor right before the word is its subject: "Russia states that", "Nepal backs".
    let prev_tok = toks[hit.start - 1];
    let is_actor = mentions.iter().any(|m| {
        m.entity.is_some()
            && m.kind != dyad_model::ActorKind::Place
            && m.span.start < prev_tok.span.end
            && prev_tok.span.start < m.span.end
    });
    if is_actor {
        return false;
    }
    // "Israel's crude imports", "oil exports": trade flows. Without an actor right before it,
    // the plural is the noun.
    if matches!(word, "imports" | "exports") {
        return true;
    }
    // "pressure on the government", "fear of reprisals": verbs that take a direct object do
    // not take "of" or "on" ("march on the capital" does).
    let next = lower.get(hit.end).copied().unwrap_or("");
    if next == "of" || (next == "on" && verb.lemma != "march") {
        return true;
    }
    // "trade relations", "state visit", "pressure groups": the first noun of a compound.
    if COMPOUND_HEADS.contains(&next) {
        return true;
    }
    if word == "back" && BACK_PARTICLE_HEADS.contains(&previous) {
        return true;
    }
    if NOUN_CUES.contains(&previous) || previous.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // "public pressure", "political pressure": an adjective by its ending.
    let adjective = ["al", "ic", "ive", "ous", "ful", "ary", "ern", "ese", "ish", "ian", "nal"]
        .iter()
        .any(|s| previous.len() > 4 && previous.ends_with(s));
    if adjective {
        return true;
    }
    // "Gulf states", "Arab states": a capitalised word that is not an actor and does not start
    // the sentence.
    let capitalised = prev_tok.span.slice(text).chars().next().is_some_and(char::is_uppercase);
    capitalised && hit.start >= 2
}
