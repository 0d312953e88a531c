//! Capitalised names that no other recognizer claimed ("Zohran Mamdani", "Washington
//! Institute", "MAGA") become mentions with `entity: None`, so users see what to add to the
//! lexicon. Sentence-initial words, function words, months, weekdays and Title Case headlines are
//! left out; a title right before makes the name a person, an institutional word an organisation.

use crate::coref::ShortName;
use crate::gazetteer::Gazetteer;
use crate::{DocumentView, Found};
use dyad_model::{ActorKind, MentionHow, Span};
use dyad_segment::{SentenceTokens, Token, TokenKind};
use std::sync::LazyLock;

/// Capitalised words that are not names (sentence openers, pronouns, calendar words).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "By",
    "As",
    "But",
    "And",
    "Or",
    "Nor",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "Though",
    "However",
    "Moreover",
    "Meanwhile",
    "Furthermore",
    "Indeed",
    "Yet",
    "Still",
    "Also",
    "Unlike",
    "Alongside",
    "Following",
    "Despite",
    "Just",
    "Even",
    "Such",
    "So",
    "Then",
    "There",
    "Here",
    "What",
    "Why",
    "How",
    "Who",
    "Whom",
    "Which",
    "Where",
    "Both",
    "All",
    "Some",
    "Many",
    "Most",
    "Several",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Ten",
    "No",
    "Not",
    "Only",
    "Every",
    "Each",
    "Any",
    "Other",
    "Another",
    "Unfortunately",
    "Conversely",
    "Instead",
    "Rather",
    "Perhaps",
    "Thus",
    "Therefore",
    "Nevertheless",
    "Nonetheless",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Early",
    "Late",
    "Mid",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Former",
    "Senior",
    "Deputy",
    "Acting",
    "According",
    "Among",
    "Against",
    "Under",
    "Over",
    "During",
    "Through",
    "Until",
    "Without",
    "Within",
    "Between",
    "Photo",
    "Editor",
    "Author",
    "Read",
    "Related",
    "Recent",
    "Published",
    "Updated",
    "Yes",
    "Ahead",
    "Amid",
    "About",
    "Because",
    "Once",
    "Like",
    "Whether",
    "Regional",
    "Analysts",
    "Experts",
    "Officials",
    "Home",
    "Share",
    "Comments",
    "Minister",
    "Ministers",
    "Advisor",
    "Adviser",
    "Chief",
    "Justice",
    "Secretary",
    "Senator",
    "Governor",
    "Mayor",
    "Director",
    "Chairman",
    "Chairwoman",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Official",
    "General",
    "Commander",
    "Head",
    "Leader",
    "Leaders",
    "Envoy",
    "Ambassador",
    "Representative",
    "Prince",
    "Sheikh",
    "Vice",
    "Speaker",
    "Congressman",
    "Congresswoman",
];

/// Capitalised adjectives and group nouns that are not actors in themselves (regions,
/// religions, political families). Runs made only of these are not reported.
const ADJECTIVES: &[&str] = &[
    "Central",
    "Asian",
    "Asia",
    "Muslim",
    "Muslims",
    "Arab",
    "Arabs",
    "Gulf",
    "Jewish",
    "Jews",
    "Christian",
    "Christians",
    "Islamic",
    "Islamist",
    "Islamists",
    "Sunni",
    "Shia",
    "Shiite",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Middle",
    "Eastern",
    "European",
    "Europeans",
    "African",
    "Africans",
    "Eurasian",
    "Caucasian",
    "Caspian",
    "Democrat",
    "Democrats",
    "Democratic",
    "Republican",
    "Republicans",
    "Communist",
    "Soviet-era",
    "Orthodox",
    "Catholic",
    "Buddhist",
    "Hindu",
    "Persian",
    "Turkic",
    "Slavic",
    "Latin",
    "Nordic",
    "Baltic",
    "Balkan",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Arctic",
    "Global",
    "South",
    "North",
    "East",
    "West",
    "Abrahamic",
    "Zionist",
    "Holocaust",
    "Internet",
    "English",
    "Islam",
    "Judaism",
    "Christianity",
    "Buddhism",
    "Hinduism",
];

/// Words that join the parts of a name ("Council on Foreign Relations", "Mohammed bin Salman").
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "for", "on", "and", "the", "de", "al", "bin", "ibn", "von", "van", "der", "du", "la", "&",
];

/// Words that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "Institute",
    "Council",
    "Center",
    "Centre",
    "Ministry",
    "Department",
    "Agency",
    "Bank",
    "Fund",
    "Foundation",
    "University",
    "Party",
    "Corporation",
    "Company",
    "Group",
    "Association",
    "Organization",
    "Organisation",
    "Committee",
    "Forum",
    "Commission",
    "Office",
    "Authority",
    "Consortium",
    "Academy",
    "Post",
    "Times",
    "News",
    "Media",
    "Inc",
    "Ltd",
    "Corp",
    "Capital",
    "Holdings",
    "Airlines",
    "Airways",
    "Energy",
    "Systems",
    "Initiative",
    "Network",
    "Service",
    "Services",
    "Union",
    "League",
    "Movement",
    "Front",
    "Army",
    "Forces",
    "Guard",
    "Parliament",
    "Assembly",
    "Court",
    "Chamber",
    "Board",
    "Bureau",
    "Trust",
    "Society",
    "School",
    "College",
    "Journal",
    "Review",
    "Herald",
    "Tribune",
    "Gazette",
    "Press",
    "Daily",
    "Weekly",
    "Radio",
    "Television",
    "Club",
    "Industries",
    "Technologies",
    "Partners",
    "Exchange",
    "Railways",
    "Lab",
    "Labs",
    "Analytics",
    "Studies",
    "Program",
    "Programme",
];

static NOT_NAME_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| NOT_NAMES.iter().copied().collect());
static ADJECTIVE_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| ADJECTIVES.iter().copied().collect());
static ORG_WORD_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| ORG_WORDS.iter().copied().collect());

pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn is_not_name(word: &str) -> bool {
    let w = strip_possessive(word);
    NOT_NAME_SET.contains(w)
        || dyad_temporal::month_from_name(w).is_some()
        || dyad_temporal::weekday_from_name(w).is_some()
}

/// An adjective or group noun, or a compound of them ("Muslim-majority", "Arab-Israeli").
fn is_adjective(word: &str) -> bool {
    ADJECTIVE_SET.contains(word)
        || (word.contains('-')
            && word
                .split('-')
                .all(|p| ADJECTIVE_SET.contains(p) || p.chars().all(char::is_lowercase)))
}

pub(crate) fn find(
    doc: &DocumentView<'_>,
    claimed: &[Span],
    titles: &[Span],
    short_names: &[ShortName<'_>],
    gaz: &Gazetteer,
    tokens: &SentenceTokens,
    found: &mut Found,
) {
    let text = doc.text;
    let overlaps_claimed = |span: Span| crate::overlaps_any(claimed, span);
    let mut people: Vec<&str> = Vec::new();
    for (number, sentence) in doc.sentences.iter().enumerate() {
        // Most sentences have no capital after their first word: skip them cheaply.
        let first_space = sentence.span.slice(text).find(' ').unwrap_or(sentence.span.len());
        if !text[sentence.span.start + first_space..sentence.span.end]
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b >= 0x80)
        {
            continue;
        }
        let toks = tokens.of(number);
        if crate::headline::is_headline(text, sentence.span, toks) {
            continue;
        }
        let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let word = t.span.slice(text);
            // "US$", "HK$": currency codes.
            if text[t.span.end..].starts_with('$') {
                i += 1;
                continue;
            }
            if t.kind != TokenKind::Word
                || !is_capitalized(word)
                || is_not_name(word)
                || overlaps_claimed(t.span)
            {
                i += 1;
                continue;
            }
            // Grow the run over capitalised words and connectors followed by one.
            let start = i;
            let mut end = i;
            let mut j = i + 1;
            while j < toks.len() {
                let w = toks[j].span.slice(text);
                let adjacent =
                    text[toks[j - 1].span.end..toks[j].span.start].bytes().all(|c| c == b' ');
                if !adjacent || toks[j].kind != TokenKind::Word || overlaps_claimed(toks[j].span) {
                    break;
                }
                if is_capitalized(w) && !is_not_name(w) {
                    end = j;
                    if strip_possessive(w) != w {
                        break;
                    }
                    j += 1;
                } else if CONNECTORS.contains(&w) {
                    j += 1;
                } else {
                    break;
                }
            }
            i = end + 1;
            let last = toks[end].span;
            let last_word = strip_possessive(last.slice(text));
            let span = Span::new(toks[start].span.start, last.start + last_word.len());
            if start == end {
                // "the Accords" after "the Abraham Accords".
                // After "the", or as a modifier ("Accords membership") for longer head words.
                let after_the =
                    text[..span.start].ends_with("the ") || text[..span.start].ends_with("The ");
                let head =
                    last_word.split('-').next().unwrap_or(last_word).trim_end_matches(['’', '\'']);
                let short =
                    short_names.iter().rev().find(|n| n.head == head && n.after <= span.start);
                // As a modifier only plural heads ("Accords membership"), not "Cooperation".
                let modifier = head.len() >= 6
                    && head.ends_with('s')
                    && text[span.end..].starts_with([' ', '-']);
                if let (true, Some(n)) = (after_the || modifier, short) {
                    let span = Span::new(span.start, span.start + head.len());
                    found.push(span, n.entity, gaz.entity(n.entity).kind, MentionHow::Coref);
                    continue;
                }
                if Some(start) == first_word {
                    continue;
                }
            }
            // "Timur Baisalov of the Aral Sea Policy Lab": a name, a connector, and an
            // institution are two mentions.
            let is_org =
                |k: usize| ORG_WORD_SET.contains(strip_possessive(toks[k].span.slice(text)));
            let split = (start + 1..end).find(|&k| {
                matches!(toks[k].span.slice(text), "of" | "for" | "at")
                    && !(start..k).any(is_org)
                    && (k + 1..=end).any(is_org)
            });
            let halves = match split {
                Some(k) => {
                    let right =
                        (k + 1..=end).find(|&r| toks[r].span.slice(text) != "the").unwrap_or(end);
                    vec![(start, k - 1), (right, end)]
                }
                None => vec![(start, end)],
            };
            // "Gershom Sachs and Emily Miliken": two names joined by "and", when the part is not
            // an institution ("Ministry of Water Resources and Irrigation" stays whole).
            let mut parts = Vec::with_capacity(halves.len() + 1);
            for (a, b) in halves {
                let and = (a + 2..b.saturating_sub(1))
                    .find(|&k| toks[k].span.slice(text) == "and" && !(a..=b).any(is_org));
                match and {
                    Some(k) => parts.extend([(a, k - 1), (k + 1, b)]),
                    None => parts.push((a, b)),
                }
            }
            for (a, b) in parts {
                let span = Span::new(
                    toks[a].span.start,
                    if b == end { span.end } else { toks[b].span.end },
                );
                emit(doc, toks, a, b, span, titles, &mut people, found);
            }
        }
    }
}

/// Words after a name that make it a person: "X said", "X, a researcher at ...".
fn followed_like_person(text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    const VERBS: &[&str] = &[
        " said",
        " says",
        " told",
        " added",
        " argued",
        " noted",
        " wrote",
        " warned",
        " stressed",
        " explained",
    ];
    if VERBS.iter().any(|v| after.starts_with(v)) {
        return true;
    }
    for article in [", a ", ", an ", ", the "] {
        if let Some(rest) = after.strip_prefix(article) {
            return rest.starts_with(|c: char| c.is_lowercase());
        }
    }
    let before = text[..span.start].trim_end();
    const ROLES: &[&str] = &[
        "said",
        "says",
        "to",
        "colleague",
        "researcher",
        "analyst",
        "economist",
        "expert",
        "professor",
        "journalist",
        "diplomat",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "lawmaker",
        "senator",
        "author",
        "director",
        "chairman",
        "chief",
        "fellow",
    ];
    let prev = before.rsplit(' ').next().unwrap_or("");
    ROLES.contains(&prev) && (prev != "to" || before.ends_with("according to"))
}

/// Classifies and records one unknown name.
#[allow(clippy::too_many_arguments)]
fn emit<'t>(
    doc: &DocumentView<'t>,
    toks: &[Token],
    start: usize,
    end: usize,
    span: Span,
    titles: &[Span],
    people: &mut Vec<&'t str>,
    found: &mut Found,
) {
    let text = doc.text;
    if span.len() < 2 {
        return;
    }
    let words = || (start..=end).map(|k| strip_possessive(toks[k].span.slice(text)));
    if words().all(|w| is_adjective(w) || CONNECTORS.contains(&w)) {
        return;
    }
    let name = span.slice(text);
    let kind = if words().any(|w| ORG_WORD_SET.contains(w)) {
        ActorKind::Organization
    } else if titles.iter().any(|t| t.end + 1 == span.start)
        || (start < end && end - start <= 3 && followed_like_person(text, span))
        || (start == end && people.contains(&name))
    {
        ActorKind::Person
    } else {
        ActorKind::Other
    };
    if kind == ActorKind::Person && start < end {
        // Later mentions of the surname alone are the same person.
        if let Some(last) = name.rsplit(' ').next() {
            people.push(last);
        }
    }
    found.push_unresolved(span, kind, MentionHow::Unknown);
}
