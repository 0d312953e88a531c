//! Claims from coded events: a join, accession or signing (CAMEO 057) whose target is an
//! organisation or agreement claims `member_of(source, target)` from the event's date; states
//! listed beside it as earlier members ("the seventh nation to join the Abraham Accords after the
//! UAE, Bahrain, Morocco ...") claim `member_of` too; establishing diplomatic relations (054)
//! claims `diplomatic_relations`.
//!
//! Statements of membership that are not events claim `member_of` too ([`from_statements`]):
//! "the Abraham Accords, whose members are the UAE, Bahrain and Morocco", "the members of NATO
//! include ...", "Bahrain and Morocco are signatories to the Abraham Accords"; "X is not a member
//! of Y" claims it negated.

use crate::DocumentView;
use dyad_lexicon::Lexicon;
use dyad_model::{ActorKind, Claim, Event, Mention, Modality};
use std::sync::LazyLock;

/// Words after which a list names earlier members.
const LIST_OPENERS: &[&str] = &["after", "joining", "alongside", "following", "like", "with"];

pub(crate) fn from_events(doc: &DocumentView<'_>, events: &[Event], lex: &Lexicon) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for e in events {
        // Valid time comes from the text; the document date is when it was reported, not when
        // it happened.
        let date = e
            .date
            .as_ref()
            .filter(|d| d.basis == dyad_model::DateBasisKind::Text)
            .and_then(|d| d.from);
        for (s, t) in e.source.iter().zip(&e.target) {
            let is_org = lex.org(t).is_some();
            let predicate = match (e.cameo.as_str(), is_org) {
                ("057", true) => "member_of",
                // Relations are between states: not "the accords established relations".
                ("054", false) if lex.state(s).is_some() && lex.state(t).is_some() => {
                    "diplomatic_relations"
                }
                _ => continue,
            };
            push(
                &mut out,
                Claim {
                    subject: s.clone(),
                    predicate,
                    value: None,
                    object: Some(t.clone()),
                    from: date,
                    to: None,
                    span: e.span,
                    modality: e.modality,
                    basis: "event",
                },
            );
        }
        // Members listed beside a join: "... join the Abraham Accords after the UAE, Bahrain, ...".
        if e.cameo == "057" {
            let Some(org) = e.target.first().filter(|t| lex.org(t).is_some()) else { continue };
            let sentence_text = e.sentence.slice(doc.text);
            let after_trigger = e.span.end - e.sentence.start;
            let rest = &sentence_text[after_trigger..];
            let lower = rest.to_ascii_lowercase();
            let Some(opener) = LIST_OPENERS
                .iter()
                .filter_map(|w| lower.find(&format!(" {w} ")).map(|i| i + 1))
                .min()
            else {
                continue;
            };
            let list_start = e.span.end + opener;
            let list = doc.mentions.iter().filter(|m| {
                m.span.start >= list_start
                    && m.span.end <= e.sentence.end
                    && m.kind == ActorKind::State
                    && m.entity.is_some()
            });
            let mut last_end = list_start;
            for m in list {
                // The list runs while only commas, "and" and articles separate its names.
                let gap = doc.text[last_end..m.span.start].trim();
                let gap_ok = last_end == list_start
                    || gap
                        .split(|c: char| c == ',' || c.is_whitespace())
                        .all(|w| matches!(w, "" | "and" | "the" | "as" | "well"));
                if !gap_ok {
                    break;
                }
                last_end = m.span.end;
                let subject = m.entity.clone().expect("filtered");
                if e.source.contains(&subject) {
                    continue;
                }
                push(
                    &mut out,
                    Claim {
                        subject,
                        predicate: "member_of",
                        value: None,
                        object: Some(org.clone()),
                        from: None,
                        to: None,
                        span: m.span,
                        modality: Modality::Asserted,
                        basis: "list",
                    },
                );
            }
        }
    }
    out
}

/// Words that introduce a list of members after the organisation's name, within a few words
/// of it: "the Abraham Accords, whose members are ...".
const MEMBERS_AFTER: &[&str] = &[
    "whose members are",
    "whose members include",
    "whose members now include",
    "whose signatories are",
    "whose signatories include",
    "whose member states are",
    "whose member states include",
    "which includes",
    "which include",
    "which now includes",
    "which now include",
    "which comprises",
    "which brings together",
    "which groups",
];

/// "members of [ORG] are ...": before the name, and after it.
const MEMBERS_OF: &[&str] =
    &["members of", "member states of", "signatories of", "signatories to", "parties to"];
const MEMBERS_OF_THEN: &[&str] =
    &["are", "include", "now include", "such as", "like", "are now", "—", ":", "were"];

/// "... are members of [ORG]", read backwards from the name.
const ARE_MEMBERS: &[&str] = &[
    "member of",
    "members of",
    "signatory to",
    "signatories to",
    "signatory of",
    "signatories of",
    "party to",
    "parties to",
    "member state of",
    "member states of",
];
const COPULAS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "became",
    "become",
    "has become",
    "have become",
    "remains",
    "remain",
    "is now",
    "are now",
    "is already",
    "are already",
    "is still",
    "are still",
];

/// Membership stated outright (not as a join event).
pub(crate) fn from_statements(doc: &DocumentView<'_>, lex: &Lexicon) -> Vec<Claim> {
    let mut out = Vec::new();
    let is_body = |m: &&&Mention| {
        m.entity.as_deref().and_then(|e| lex.org(e)).is_some_and(|o| {
            matches!(o.kind, dyad_lexicon::OrgKind::Agreement | dyad_lexicon::OrgKind::Organization)
        })
    };
    for sentence in doc.sentences {
        let in_sentence: Vec<&Mention> = mentions_in(doc.mentions, sentence.span);
        if !in_sentence.iter().any(|m| is_body(&m)) {
            continue;
        }
        for org_mention in in_sentence.iter().filter(is_body) {
            let org = org_mention.entity.clone().expect("filtered");
            // The cues sit within a few words of the name: only that much of the sentence on
            // either side is read.
            let after_end =
                floor_boundary(doc.text, (org_mention.span.end + 96).min(sentence.span.end));
            let after = &doc.text[org_mention.span.end..after_end];
            let before_start = ceil_boundary(
                doc.text,
                org_mention.span.start.saturating_sub(96).max(sentence.span.start),
            );
            let before = &doc.text[before_start..org_mention.span.start];
            let list_after = |cue_end: usize| -> Vec<&Mention> {
                state_list_forward(doc, &in_sentence, org_mention.span.end + cue_end)
            };
            let mut listed: Vec<(&Mention, Modality)> = Vec::new();
            // "ORG, whose members are A, B and C"
            let lower_after = after.to_ascii_lowercase();
            // Every cue starts with "whose" or "which": most windows have neither, and are
            // not searched cue by cue (a substring search costs its setup every time).
            let has_relative =
                lower_after.as_bytes().windows(5).any(|w| w == b"whose" || w == b"which");
            if let Some(end) = MEMBERS_AFTER.iter().filter(|_| has_relative).find_map(|cue| {
                let at = lower_after.find(cue)?;
                let gap = &lower_after[..at];
                (gap.len() <= 24 && !gap.contains(['.', ';'])).then_some(at + cue.len())
            }) {
                listed.extend(list_after(end).into_iter().map(|m| (m, Modality::Asserted)));
            }
            // "the members of ORG are A, B and C"
            let lower_before = before.to_ascii_lowercase();
            let before_trim = lower_before.trim_end().trim_end_matches("the").trim_end();
            if MEMBERS_OF.iter().any(|cue| before_trim.ends_with(cue)) {
                let rest = lower_after.trim_start_matches([',', ' ']);
                if let Some(cue) = MEMBERS_OF_THEN
                    .iter()
                    .find(|c| rest.starts_with(*c) && rest[c.len()..].starts_with([' ', ',']))
                {
                    let skipped = lower_after.len() - rest.len() + cue.len();
                    listed.extend(list_after(skipped).into_iter().map(|m| (m, Modality::Asserted)));
                }
            }
            // "A and B are (not) members of ORG"
            if let Some(cue) = ARE_MEMBERS.iter().find(|c| before_trim.ends_with(*c)) {
                let head = before_trim[..before_trim.len() - cue.len()].trim_end();
                let head = head
                    .trim_end_matches("founding")
                    .trim_end()
                    .trim_end_matches(" a")
                    .trim_end_matches(" an")
                    .trim_end_matches(" the")
                    .trim_end();
                let (head, negated) = match head.strip_suffix(" not") {
                    Some(h) => (h.trim_end(), true),
                    None => match head.strip_suffix(" no longer") {
                        Some(h) => (h.trim_end(), true),
                        None => (head, false),
                    },
                };
                if let Some(copula) = COPULAS
                    .iter()
                    .find(|c| head.ends_with(*c) && head[..head.len() - c.len()].ends_with(' '))
                {
                    let list_end = before_start + head.len() - copula.len();
                    let modality = if negated { Modality::Negated } else { Modality::Asserted };
                    listed.extend(
                        state_list_backward(doc, &in_sentence, list_end)
                            .into_iter()
                            .map(|m| (m, modality)),
                    );
                }
            }
            for (m, modality) in listed {
                push(
                    &mut out,
                    Claim {
                        subject: m.entity.clone().expect("states in lists are resolved"),
                        predicate: "member_of",
                        value: None,
                        object: Some(org.clone()),
                        from: None,
                        to: None,
                        span: m.span,
                        modality,
                        basis: "list",
                    },
                );
            }
        }
    }
    out
}

/// The mentions inside `span`; `mentions` are in text order.
fn mentions_in(mentions: &[Mention], span: dyad_model::Span) -> Vec<&Mention> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .filter(|m| m.span.end <= span.end)
        .collect()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Verbs that state a standing relation ("have maintained diplomatic relations since 1992").
const RELATION_VERBS: &[&str] = &[
    "maintained",
    "maintain",
    "maintains",
    "established",
    "establish",
    "had",
    "have",
    "has",
    "restored",
    "normalized",
    "normalised",
    "opened",
    "enjoyed",
    "enjoy",
];

/// "X and Y have maintained (full) diplomatic relations since 1992": `diplomatic_relations`
/// between both, from the year when one is given in the clause ("since", "in", "from").
pub(crate) fn relation_statements(doc: &DocumentView<'_>) -> Vec<Claim> {
    let mut out = Vec::new();
    // Most documents never say "diplomatic": the lower-case copy is made only for those that do.
    static DIPLOMATIC: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("iplomatic"));
    if DIPLOMATIC.find(doc.text.as_bytes()).is_none() {
        return out;
    }
    let lower = doc.text.to_ascii_lowercase();
    for cue in ["diplomatic relations", "diplomatic ties"] {
        for at in memchr::memmem::find_iter(lower.as_bytes(), cue) {
            let Some(sentence) =
                doc.sentences.iter().find(|s| s.span.start <= at && at < s.span.end)
            else {
                continue;
            };
            // The words just before the cue: [already] VERB [full|formal|official].
            let head = lower[sentence.span.start..at].trim_end();
            let head = ["full", "formal", "official", "steady", "close"]
                .iter()
                .find_map(|w| head.strip_suffix(w))
                .map_or(head, str::trim_end);
            let Some(verb) = RELATION_VERBS
                .iter()
                .find(|v| head.ends_with(*v) && head[..head.len() - v.len()].ends_with(' '))
            else {
                continue;
            };
            let mut subject_end = sentence.span.start + head.len() - verb.len();
            // Auxiliaries and adverbs between the parties and the verb.
            loop {
                let before = lower[sentence.span.start..subject_end].trim_end();
                let Some(w) =
                    ["have", "has", "had", "already", "long", "also", "since", "ever"].iter().find(
                        |w| before.ends_with(*w) && before[..before.len() - w.len()].ends_with(' '),
                    )
                else {
                    break;
                };
                subject_end = sentence.span.start + before.len() - w.len();
            }
            let in_sentence: Vec<&Mention> = mentions_in(doc.mentions, sentence.span);
            let parties = state_list_backward(doc, &in_sentence, subject_end);
            if parties.len() != 2 {
                continue;
            }
            let clause_end = doc.text[at..sentence.span.end]
                .find([';', '—'])
                .map_or(sentence.span.end, |i| at + i);
            let since = doc.times.iter().find(|t| {
                t.span.start >= at && t.span.end <= clause_end && t.from.is_some() && {
                    let gap = lower[at + cue.len()..t.span.start].trim();
                    gap.is_empty()
                        || gap.ends_with("since")
                        || gap.ends_with("in")
                        || gap.ends_with("from")
                        || gap.ends_with("independence in")
                }
            });
            let span = dyad_model::Span::new(at, at + cue.len());
            let (a, b) = (
                parties[0].entity.clone().expect("resolved"),
                parties[1].entity.clone().expect("resolved"),
            );
            for (s, o) in [(a.clone(), b.clone()), (b, a)] {
                push(
                    &mut out,
                    Claim {
                        subject: s,
                        predicate: "diplomatic_relations",
                        value: None,
                        object: Some(o),
                        from: since.and_then(|t| t.from),
                        to: None,
                        span,
                        modality: Modality::Asserted,
                        basis: "statement",
                    },
                );
            }
        }
    }
    out
}

/// Whether only commas, "and", articles and "as well as" separate two list items.
fn list_gap(gap: &str) -> bool {
    gap.split(|c: char| c == ',' || c.is_whitespace())
        .all(|w| matches!(w, "" | "and" | "the" | "as" | "well" | "also" | "now"))
}

/// The states listed from `start` on, while only list punctuation separates them.
fn state_list_forward<'m>(
    doc: &DocumentView<'_>,
    mentions: &[&'m Mention],
    start: usize,
) -> Vec<&'m Mention> {
    let mut out = Vec::new();
    let mut last_end = start;
    for m in mentions.iter().filter(|m| m.span.start >= start) {
        if m.span.start < last_end {
            continue; // nested in the previous item
        }
        if !list_gap(&doc.text[last_end..m.span.start]) {
            break;
        }
        last_end = m.span.end;
        if m.kind == ActorKind::State && m.entity.is_some() {
            out.push(*m);
        } else {
            break;
        }
    }
    out
}

/// The states listed just before `end`, read backwards.
fn state_list_backward<'m>(
    doc: &DocumentView<'_>,
    mentions: &[&'m Mention],
    end: usize,
) -> Vec<&'m Mention> {
    let mut out = Vec::new();
    let mut first_start = end;
    for m in mentions.iter().rev().filter(|m| m.span.end <= end) {
        if m.span.end > first_start {
            continue; // nested in the previous item
        }
        if !list_gap(&doc.text[m.span.end..first_start]) {
            break;
        }
        first_start = m.span.start;
        if m.kind == ActorKind::State && m.entity.is_some() {
            out.push(*m);
        } else {
            break;
        }
    }
    out.reverse();
    out
}

fn push(out: &mut Vec<Claim>, c: Claim) {
    if !out.iter().any(|x| {
        x.subject == c.subject
            && x.predicate == c.predicate
            && x.object == c.object
            && x.span == c.span
    }) {
        out.push(c);
    }
}
