//! Titles against office terms: "former President Donald Trump" in a text written while Trump
//! held the presidency, or "President X" in a text written before X first took that office.
//! Titles come from the lexicon (`[[title]]` words per office), terms from its office holders.
//! Plain titles of past holders ("President Obama" in 2020) are usual usage and not flagged.

use crate::as_of::AsOf;
use crate::DocumentView;
use dyad_lexicon::{Lexicon, OfficeTerm, Person};
use dyad_model::{ActorKind, Claim, Finding, MentionHow, Modality, Span};

/// `holds_office(person, state)` with the office as the claim's value, from a title before a
/// name ("Kazakh President Kassym-Jomart Tokayev") or a title standing for its holder ("the
/// Kazakh President"), valid at the date the document speaks from; "former" titles claim it
/// negated. Only offices the lexicon knows the person held count, so the state comes from the
/// office term.
pub fn office_claims(doc: &DocumentView<'_>, lex: &Lexicon, as_of: Option<&AsOf>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.kind == ActorKind::Person) {
        let Some(person) = m.entity.as_deref().and_then(|id| lex.person(id)) else { continue };
        let sentence_start = crate::sentence_of(doc, m.span.start).map_or(0, |s| s.span.start);
        let mut start = m.span.start.saturating_sub(TITLE_WINDOW).max(sentence_start);
        while !doc.text.is_char_boundary(start) {
            start += 1;
        }
        let (office, span, former) = if m.how == MentionHow::Title {
            let own = &doc.text[m.span.start..m.span.end];
            let Some(t) =
                lex.titles.iter().find(|t| t.words.iter().any(|w| own.contains(w.as_str())))
            else {
                continue;
            };
            (t.office.clone(), m.span, false)
        } else {
            let before = doc.text[start..m.span.start].trim_end();
            let Some((office, title_start, former)) = title_before(before, lex) else { continue };
            (office, Span::new(start + title_start, m.span.end), former)
        };
        let date = as_of.filter(|a| a.exact).map(|a| a.date);
        let term = person
            .offices
            .iter()
            .filter(|t| t.office == office)
            .find(|t| date.is_none_or(|d| t.covers(d)))
            .or_else(|| person.offices.iter().find(|t| t.office == office));
        let Some(term) = term else { continue };
        let claim = Claim {
            subject: person.id.as_str().into(),
            predicate: "holds_office",
            value: Some(office),
            object: Some(term.of.as_str().into()),
            from: date,
            to: date,
            span,
            modality: if former { Modality::Negated } else { Modality::Asserted },
            basis: "title",
        };
        if !out.iter().any(|c| {
            c.subject == claim.subject && c.value == claim.value && c.modality == claim.modality
        }) {
            out.push(claim);
        }
    }
    out
}

/// How far before a name a title may start, in bytes.
const TITLE_WINDOW: usize = 80;

pub fn check(doc: &DocumentView<'_>, lex: &Lexicon, as_of: Option<&AsOf>) -> Vec<Finding> {
    let Some(as_of) = as_of else { return Vec::new() };
    let mut out = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.kind == ActorKind::Person) {
        let Some(person) = m.entity.as_deref().and_then(|id| lex.person(id)) else { continue };
        let sentence_start = crate::sentence_of(doc, m.span.start).map_or(0, |s| s.span.start);
        let mut start = m.span.start.saturating_sub(TITLE_WINDOW).max(sentence_start);
        while !doc.text.is_char_boundary(start) {
            start += 1;
        }
        let before = doc.text[start..m.span.start].trim_end();
        let Some((office, title_start, former)) = title_before(before, lex) else { continue };
        let terms: Vec<&OfficeTerm> =
            person.offices.iter().filter(|t| t.office == office).collect();
        if terms.is_empty() {
            continue;
        }
        let title_span = dyad_model::Span::new(start + title_start, m.span.end);
        let quote = &doc.text[title_span.start..title_span.end];
        if former {
            // In office at the date, and (when that date is only a lower bound) still in office.
            let Some(term) =
                terms.iter().find(|t| t.covers(as_of.date) && (as_of.exact || t.to.is_none()))
            else {
                continue;
            };
            out.push(finding(person, term, title_span, quote, as_of, "former"));
        } else if as_of.exact && terms.iter().all(|t| t.from.is_some_and(|f| f > as_of.date)) {
            out.push(finding(person, terms[0], title_span, quote, as_of, "not yet"));
        }
    }
    out
}

fn finding(
    person: &Person,
    term: &OfficeTerm,
    span: dyad_model::Span,
    quote: &str,
    as_of: &AsOf,
    how: &str,
) -> Finding {
    let office = term.office.replace('_', " ");
    let period = match (term.from, term.to) {
        (Some(f), Some(t)) => format!("from {f} to {t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "at some time".to_string(),
    };
    let explanation = if how == "former" {
        format!(
            "{quote:?} calls {} a former {office}, but {} was {office} of {} {period}, which covers the document's date ({})",
            person.name, person.name, term.of, as_of.basis
        )
    } else {
        format!(
            "{quote:?} gives {} the title of {office} before taking office ({period}; {})",
            person.name, as_of.basis
        )
    };
    Finding {
        kind: "anachronism",
        explanation,
        span,
        claim: format!(
            "{} {} {office} as of {}",
            person.id,
            if how == "former" { "is no longer" } else { "is" },
            as_of.date
        ),
        other: None,
        reference: Some(format!("{} holds office of {office} of {} {period}", person.id, term.of)),
    }
}

/// The office a title just before a name stands for, where the title starts in `before`, and
/// whether it is "former" / "ex-". An adjective of country may stand between ("former US
/// President").
fn title_before(before: &str, lex: &Lexicon) -> Option<(String, usize, bool)> {
    let (office, word) = lex
        .titles_ending_like(before)
        .filter(|(_, w)| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|(_, w)| w.len())?;
    let mut head_end = before.len() - word.len();
    let mut head = before[..head_end].trim_end();
    if head.ends_with("ex-") || head.ends_with("Ex-") {
        return Some((office.to_string(), head.len() - 3, true));
    }
    // "US", "Kazakh", "American": one country word between "former" and the title.
    if let Some((rest, last)) = head.rsplit_once(' ') {
        if is_country_word(last, lex) {
            head_end = rest.len();
            head = rest.trim_end();
        }
    }
    let _ = head_end;
    for former in ["former", "Former", "ex", "Ex"] {
        if let Some(rest) = head.strip_suffix(former) {
            if rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()) {
                return Some((office.to_string(), rest.len(), true));
            }
        }
    }
    let title_start = before.len() - word.len();
    Some((office.to_string(), title_start, false))
}

fn is_country_word(word: &str, lex: &Lexicon) -> bool {
    matches!(word, "US" | "U.S." | "UK" | "U.K." | "American" | "British")
        || lex.state_by_word(word).is_some()
}
