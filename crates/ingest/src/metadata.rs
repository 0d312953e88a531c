//! Metadata from the text itself: datelines ("Astana | November 7, 2025", "RABAT, Dec. 10
//! (Wire) —"), title lines, bylines and date lines near the top ("Author: ...", "01/29/2026"),
//! site headers ("CPC - Caspian Policy Center") and closing lines ("Published in The Jerusalem
//! Post, December 2, 2025."). Anything not found stays `None`.

use dyad_model::{DateBasis, DocumentMeta};
use dyad_temporal::parse_date;

/// How many non-empty lines at the top are searched for titles, bylines and dates.
const HEAD_LINES: usize = 12;
/// How many non-empty lines at the end are searched for a "Published in" line.
const TAIL_LINES: usize = 6;

/// The longest line taken for a closing "Published in ..." line.
const MAX_CLOSING_LINE: usize = 200;

/// Words that make up navigation lines rather than titles.
const CHROME_WORDS: &[&str] = &[
    "home",
    "research",
    "news",
    "menu",
    "search",
    "subscribe",
    "recent articles",
    "related articles",
    "latest",
    "opinion",
    "analysis",
    "share",
    "print",
    "login",
    "log in",
    "sign in",
    "advertisement",
];

pub(crate) fn detect(text: &str) -> DocumentMeta {
    let mut meta = DocumentMeta::default();
    let head: Vec<&str> =
        text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES).collect();
    let head = head.as_slice();

    for (i, line) in head.iter().enumerate() {
        if is_body(line) && i > 0 {
            // Datelines also open the first paragraph: "RABAT, Dec. 10 (Wire) — ...".
            if meta.dateline_place.is_none() {
                wire_dateline(line, &mut meta);
            }
            break;
        }
        if meta.dateline_place.is_none() && meta.published.is_none() {
            if let Some((place, date)) = dateline(line) {
                meta.dateline_place = Some(place);
                if let Some(d) = date {
                    meta.published = Some(d);
                    meta.published_basis = Some(DateBasis::Dateline);
                }
                continue;
            }
            if i <= 2 && wire_dateline(line, &mut meta) {
                break;
            }
        }
        if meta.published.is_none() {
            if let Some(d) = byline_date(line) {
                meta.published = Some(d);
                meta.published_basis = Some(DateBasis::Byline);
                continue;
            }
        }
        if meta.author.is_none() {
            if let Some(author) = byline_author(line) {
                meta.author = Some(author);
                continue;
            }
        }
        if meta.outlet.is_none() && i == 0 {
            if let Some(outlet) = site_header(line) {
                meta.outlet = Some(outlet);
                continue;
            }
        }
        if meta.title.is_none() {
            // A breadcrumb line ("Home Title") followed by the title itself: take the latter.
            let shorter = head[i + 1..]
                .iter()
                .find(|l| l.len() < line.len() && line.ends_with(*l) && title_line(l).is_some());
            if let Some(title) = shorter.map(|l| l.to_string()).or_else(|| title_line(line)) {
                // A lower-case slug line ("kazakhstan joins ...") yields to its capitalised twin.
                let twin = head[i + 1..].iter().find(|l| l.eq_ignore_ascii_case(&title));
                meta.title = Some(twin.map_or(title, |t| t.to_string()));
            }
        }
    }

    let tail = text.rsplit('\n').map(str::trim).filter(|l| !l.is_empty()).take(TAIL_LINES);
    // A closing line is short; long paragraphs are not searched.
    for line in tail.filter(|l| l.len() <= MAX_CLOSING_LINE) {
        if let Some((outlet, date)) = closing_line(line) {
            if meta.outlet.is_none() {
                meta.outlet = Some(outlet);
            }
            if meta.published.is_none() {
                meta.published = Some(date);
                meta.published_basis = Some(DateBasis::Text);
            }
            break;
        }
    }
    meta
}

/// A line of running prose rather than a heading or a metadata line.
fn is_body(line: &str) -> bool {
    line.split_whitespace().count() > 30
        || (line.ends_with('.') && line.split_whitespace().count() > 12)
}

/// One to four capitalised words of letters, hyphens, dots and apostrophes.
fn looks_like_place(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        let place_word = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
        if words > 4 || !place_word {
            return false;
        }
    }
    words > 0
}

/// "Astana | November 7, 2025", "ASTANA, November 7, 2025", "Astana — 7 November 2025".
fn dateline(line: &str) -> Option<(String, Option<dyad_model::Date>)> {
    // The date needs its year's digits.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for sep in ["|", " — ", " – ", " - ", ","] {
        if let Some((place, rest)) = line.split_once(sep) {
            let place = place.trim();
            if looks_like_place(place) {
                if let Some(d) = parse_date(rest) {
                    return Some((title_case_place(place), Some(d)));
                }
            }
        }
    }
    None
}

/// "RABAT, Dec. 10 (Steppe Wire) — The ...": an upper-case place, a date (perhaps without a
/// year), an optional agency, and a dash. Returns whether a dateline was found.
fn wire_dateline(line: &str, meta: &mut DocumentMeta) -> bool {
    let head = line.char_indices().nth(100).map_or(line, |(end, _)| &line[..end]);
    let Some((dash, hyphen)) = ["—", "–", " -- ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, *d == " - ")))
        .min()
    else {
        return false;
    };
    let mut prefix = head[..dash].trim().to_string();
    if let (Some(open), true) = (prefix.find('('), prefix.ends_with(')')) {
        let agency = prefix[open + 1..prefix.len() - 1].trim().to_string();
        if meta.outlet.is_none() && !agency.is_empty() {
            meta.outlet = Some(agency);
        }
        prefix = prefix[..open].trim().to_string();
    }
    let (place, date) = match prefix.split_once(',') {
        Some((p, d)) => (p.trim(), Some(d.trim())),
        None => (prefix.as_str(), None),
    };
    let upper = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if place.len() < 3 || !upper || !looks_like_place(place) {
        return false;
    }
    // A spaced hyphen also separates a site's name from its owner ("CPC - Caspian Policy
    // Center"): after a hyphen, only a place with a full date is a dateline.
    if hyphen && date.and_then(parse_date).is_none() {
        return false;
    }
    meta.dateline_place = Some(title_case_place(place));
    if let Some(d) = date.and_then(parse_date) {
        meta.published = Some(d);
        meta.published_basis = Some(DateBasis::Dateline);
    }
    true
}

fn title_case_place(place: &str) -> String {
    if !place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return place.to_string();
    }
    place
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |f| f.to_string() + &cs.as_str().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line that is only a date, or "Published: DATE", "Updated DATE", "Date: DATE".
fn byline_date(line: &str) -> Option<dyad_model::Date> {
    let rest = [
        "published:",
        "published on",
        "published",
        "posted on",
        "posted:",
        "date:",
        "updated:",
        "updated",
    ]
    .iter()
    .find(|p| line.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
    .map_or(line, |p| &line[p.len()..]);
    // "By Jane Doe | November 7, 2025" and "Jane Doe · 7 November 2025".
    let rest = rest.rsplit(['|', '·']).next().unwrap_or(rest);
    parse_date(rest)
}

fn byline_author(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("Author:")
        .or_else(|| line.strip_prefix("By "))
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("Written by "))?;
    let name = rest.split(['|', '·']).next()?.trim();
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && name.chars().next().is_some_and(char::is_uppercase))
        .then(|| name.to_string())
}

/// "CPC - Caspian Policy Center": an acronym whose letters are the initials of the name.
fn site_header(line: &str) -> Option<String> {
    let (acro, name) = line.split_once(" - ").or_else(|| line.split_once(" | "))?;
    let acro = acro.trim();
    let name = name.trim();
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (acro.len() >= 2 && acro.chars().all(|c| c.is_ascii_uppercase()) && initials == acro)
        .then(|| name.to_string())
}

/// A headline: a few words, no final full stop, not a date, not navigation.
fn title_line(line: &str) -> Option<String> {
    let mut line = line.trim();
    // Breadcrumbs: "Home      Title" or "Home > World > Title".
    for crumb in CHROME_WORDS {
        if line.len() > crumb.len()
            && line.get(..crumb.len()).is_some_and(|h| h.eq_ignore_ascii_case(crumb))
        {
            let rest = &line[crumb.len()..];
            let gap = rest.len() - rest.trim_start_matches([' ', '>', '/', '»', '|']).len();
            if gap >= 2 || rest.trim_start().starts_with(['>', '/', '»', '|']) {
                line = rest.trim_start_matches([' ', '>', '/', '»', '|']).trim();
            }
        }
    }
    let words = line.split_whitespace().count();
    if !(3..=30).contains(&words)
        || line.ends_with('.')
        || line.ends_with(':')
        || parse_date(line).is_some()
        || CHROME_WORDS.iter().any(|w| w.eq_ignore_ascii_case(line))
        || !line.chars().any(char::is_alphabetic)
    {
        return None;
    }
    Some(line.to_string())
}

/// "Published in The Jerusalem Post, December 2, 2025." and "First published by X on DATE."
fn closing_line(line: &str) -> Option<(String, dyad_model::Date)> {
    let lower = line.to_lowercase();
    let at = [
        "published in ",
        "published by ",
        "appeared in ",
        "appeared first in ",
        "appeared first on ",
    ]
    .iter()
    .find_map(|p| lower.find(p).map(|i| i + p.len()))?;
    let rest = line[at..].trim().trim_end_matches('.');
    // Try each comma or " on " as the boundary between outlet and date.
    let mut cuts: Vec<(usize, usize)> =
        rest.match_indices(',').map(|(i, s)| (i, i + s.len())).collect();
    cuts.extend(rest.match_indices(" on ").map(|(i, s)| (i, i + s.len())));
    cuts.sort_unstable();
    cuts.into_iter().find_map(|(end, start)| {
        let outlet = rest[..end].trim();
        let date = parse_date(&rest[start..])?;
        (!outlet.is_empty()).then(|| (outlet.to_string(), date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> DocumentMeta {
        detect(text)
    }

    #[test]
    fn pipe_dateline() {
        let m = meta("Astana | November 7, 2025\nKazakhstan has officially joined the accords today, officials said in a statement on Friday.");
        assert_eq!(m.published.unwrap().to_string(), "2025-11-07");
        assert_eq!(m.published_basis, Some(DateBasis::Dateline));
        assert_eq!(m.dateline_place.as_deref(), Some("Astana"));
        assert_eq!(m.title, None);
    }

    #[test]
    fn wire_dateline_without_year_keeps_date_unknown() {
        let m = meta("RABAT, Dec. 10 (Steppe Wire) — Morocco said on Wednesday that it would host the talks.");
        assert_eq!(m.dateline_place.as_deref(), Some("Rabat"));
        assert_eq!(m.outlet.as_deref(), Some("Steppe Wire"));
        assert_eq!(m.published, None);
    }

    #[test]
    fn wire_dateline_with_a_spaced_hyphen() {
        let m = meta(
            "Talks resume\nLONDON, March 3, 2025 - Britain said on Monday that talks would resume.",
        );
        assert_eq!(m.dateline_place.as_deref(), Some("London"));
        assert_eq!(m.published.unwrap().to_string(), "2025-03-03");
    }

    #[test]
    fn site_header_byline_and_slug_title() {
        let text = "CPC - Caspian Policy Center\n\nResearch\n\nkazakhstan joins the accords: risks\n\nKazakhstan Joins the Accords: Risks\n\nAuthor: Jane Roe\n\n01/29/2026\n\nOn November 6, 2025, Kazakhstan became the first country in its region to join the accords, officials said.";
        let m = meta(text);
        assert_eq!(m.outlet.as_deref(), Some("Caspian Policy Center"));
        assert_eq!(m.title.as_deref(), Some("Kazakhstan Joins the Accords: Risks"));
        assert_eq!(m.author.as_deref(), Some("Jane Roe"));
        assert_eq!(m.published.unwrap().to_string(), "2026-01-29");
        assert_eq!(m.published_basis, Some(DateBasis::Byline));
    }

    #[test]
    fn closing_published_line() {
        let m = meta("However, there is one small problem with the plan, and it is older than the plan itself.\nPublished in The Jerusalem Post, December 2, 2025.");
        assert_eq!(m.outlet.as_deref(), Some("The Jerusalem Post"));
        assert_eq!(m.published.unwrap().to_string(), "2025-12-02");
        assert_eq!(m.published_basis, Some(DateBasis::Text));
        assert_eq!(m.title, None);
    }

    #[test]
    fn breadcrumb_title() {
        let m = meta("Home An Unusual Addition to the Accords\n\nAn Unusual Addition to the Accords\n\nTwo years into the war, the country has volunteered to join the initiative to forge closer ties.");
        assert_eq!(m.title.as_deref(), Some("An Unusual Addition to the Accords"));
        assert_eq!(m.published, None);
    }
}
