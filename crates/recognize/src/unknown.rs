//! Capitalised names that no other recognizer claimed ("Zohran Mamdani", "Washington
//! Institute", "MAGA") become mentions with `entity: None`, so users see what to add to the
//! lexicon. Sentence-initial words, function words, months, weekdays and Title Case headlines are
//! left out; a title right before makes the name a person, an institutional word an organisation.

use crate::{DocumentView, Found};
use dyad_model::{ActorKind, MentionHow, Span};
use dyad_segment::{tokens, TokenKind};

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
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "Research",
    "Home",
    "Share",
    "Comments",
];

/// Capitalised adjectives and group nouns that are not actors in themselves (regions,
/// religions, political families). Runs made only of these are not reported.
const ADJECTIVES: &[&str] = &[
    "Central",
    "Asian",
    "Asia",
    "Muslim",
    "Muslims",
    "Muslim-majority",
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
];

/// Words that join the parts of a name ("Council on Foreign Relations", "Mohammed bin Salman").
const CONNECTORS: &[&str] = &[
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
];

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

pub(crate) fn find(doc: &DocumentView<'_>, claimed: &[Span], titles: &[Span], found: &mut Found) {
    let text = doc.text;
    let overlaps_claimed = |span: Span| crate::overlaps_any(claimed, span);
    for sentence in doc.sentences {
        let toks = tokens(text, sentence.span);
        let words: Vec<&str> =
            toks.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(text)).collect();
        let ends_like_prose = sentence.span.slice(text).ends_with(['.', '"', '”']);
        if words.len() >= 2 && !ends_like_prose {
            let caps = words.iter().filter(|w| is_capitalized(w) || CONNECTORS.contains(w)).count();
            if caps * 10 >= words.len() * 7 {
                continue; // a Title Case headline
            }
        }
        let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let word = t.span.slice(text);
            if t.kind != TokenKind::Word
                || !is_capitalized(word)
                || overlaps_claimed(t.span)
                || NOT_NAMES.contains(&strip_possessive(word))
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
                    text[toks[j - 1].span.end..toks[j].span.start].chars().all(|c| c == ' ');
                if !adjacent || toks[j].kind != TokenKind::Word || overlaps_claimed(toks[j].span) {
                    break;
                }
                if is_capitalized(w) && !NOT_NAMES.contains(&w) {
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
            let at_sentence_start = Some(start) == first_word;
            if start == end && at_sentence_start {
                continue;
            }
            let last = toks[end].span;
            let last_word = strip_possessive(last.slice(text));
            let span = Span::new(toks[start].span.start, last.start + last_word.len());
            if span.len() < 2 {
                continue;
            }
            let name_words: Vec<&str> = (start..=end).map(|k| toks[k].span.slice(text)).collect();
            if name_words
                .iter()
                .all(|w| ADJECTIVES.contains(&strip_possessive(w)) || CONNECTORS.contains(w))
            {
                continue;
            }
            let kind = if name_words.iter().any(|w| ORG_WORDS.contains(&strip_possessive(w))) {
                ActorKind::Organization
            } else if titles.iter().any(|t| t.end + 1 == span.start) {
                ActorKind::Person
            } else {
                ActorKind::Other
            };
            found.push_unresolved(span, kind, MentionHow::Unknown);
        }
    }
}
