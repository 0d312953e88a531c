//! Arguments of a trigger: the source actors before it and the target actors after it, inside
//! its clause. Passive voice ("was condemned by X") swaps them; coordinated actors ("Bahrain,
//! Morocco and the UAE") are all kept. Also finds the reporting frame of a sentence ("Trump
//! announced that ..."), whose speaker the events of the complement are attributed to.

use crate::actors::{self, Actor};
use crate::participles;
use crate::shared_subject;
use crate::triggers::Hit;
use crate::DocumentView;
use dyad_lexicon::{EventLexicon, Lexicon};
use dyad_model::{EntityId, Span};
use dyad_segment::Token;

#[derive(Debug, Default)]
pub(crate) struct Arguments {
    pub(crate) source: Vec<Actor>,
    pub(crate) target: Vec<Actor>,
    /// The actors after "with" in the trigger's clause ("discussed the accords with Saudi
    /// Arabia"): the target when the first group turns out not to be one.
    pub(crate) with_target: Vec<Actor>,
    pub(crate) clause_start: usize,
    /// The sources are the subject right before the trigger ("Egypt and Jordan signed"), not
    /// modifiers of another noun.
    pub(crate) source_is_subject: bool,
    /// The parties were named after "between" ("clashes between Armenia and Azerbaijan"): the
    /// act is joint whatever its kind.
    pub(crate) between: bool,
}

/// Words that end a clause before or after a trigger.
const BOUNDARIES: &[&str] = &[
    ";", ":", "that", "which", "who", "whom", "while", "but", "because", "although", "though",
    "whereas", "when", "(", ")", "\"", "“", "”", "—", "–",
];

/// Words through which coordinated actors continue ("Bahrain, Morocco, and the UAE").
pub(crate) const COORDINATION: &[&str] =
    &[",", "and", "the", "or", "as", "well", "both", "its", "their"];

pub(crate) fn clause_start(lower: &[&str], trigger: usize) -> usize {
    let start = (0..trigger).rev().find(|&k| BOUNDARIES.contains(&lower[k])).map_or(0, |k| k + 1);
    // "While Chile's move surprised Peru, the decision signals ...": a clause opened by a
    // subordinator ends at the comma before the main clause's subject; the main clause's
    // trigger does not take its source from the subordinate one. The subject is told from a
    // list's next item by its determiner or pronoun ("Russia, China and the US, it is ...").
    if start > 0 && SUBORDINATORS.contains(&lower[start - 1]) {
        if let Some(comma) = (start..trigger).find(|&k| {
            lower[k] == "," && lower.get(k + 1).is_some_and(|w| MAIN_SUBJECTS.contains(w))
        }) {
            return comma + 1;
        }
    }
    start
}

/// Boundary words that open a subordinate clause ending at a comma.
const SUBORDINATORS: &[&str] = &["while", "because", "although", "though", "whereas"];

/// Words that begin a main clause's subject after a subordinate clause's comma.
const MAIN_SUBJECTS: &[&str] = &[
    "the", "this", "that", "these", "those", "it", "they", "there", "such", "its", "their", "a",
    "an",
];

/// Whether the comma at `k` is the serial comma of a list ("Jordan, Iraq, and Syria", "Bahrain,
/// the UAE, Morocco, and Sudan"): ", and" after an item of one or two words that itself follows
/// a comma continues the list instead of starting a clause.
fn serial_comma(lower: &[&str], from: usize, k: usize) -> bool {
    lower.get(k + 1) == Some(&"and")
        && ((k >= from + 2 && lower[k - 2] == ",")
            || (k >= from + 3 && lower[k - 3] == "," && lower[k - 2] == "the"))
}

fn clause_end(lower: &[&str], trigger_end: usize) -> usize {
    (trigger_end..lower.len())
        .find(|&k| {
            BOUNDARIES.contains(&lower[k])
                // The dot after "U.S" or "D.C" belongs to the abbreviation.
                || (lower[k] == "." && !(k > 0 && lower[k - 1].contains('.')))
                // ", and China rejected it": a new clause.
                || (lower[k] == ","
                    && lower.get(k + 1).is_some_and(|w| {
                        matches!(*w, "and" | "but" | "while" | "as" | "which" | "who" | "after" | "before")
                            // ", becoming the first ...": a participle clause of its own.
                            || (w.len() > 5 && w.ends_with("ing"))
                    })
                    && !serial_comma(lower, trigger_end, k))
        })
        .unwrap_or(lower.len())
}

/// An actor mentioned in a clause, with the token range of its mention.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The mention's bytes.
    pub(crate) span: Span,
    pub(crate) actor: Actor,
    /// Named by its demonym ("Israeli"): a modifier when a noun follows.
    pub(crate) demonym: bool,
}

/// The actors mentioned in tokens `[from, to)`, in order; one actor may be mentioned twice
/// ("Israeli Prime Minister Netanyahu"), the groups keep it once.
pub(crate) fn actors_between(
    doc: &DocumentView<'_>,
    toks: &[Token],
    from: usize,
    to: usize,
    lex: &Lexicon,
) -> Vec<Found> {
    if from >= to {
        return Vec::new();
    }
    let span = Span::new(toks[from].span.start, toks[to - 1].span.end);
    let mut out: Vec<Found> = Vec::new();
    let first = doc.mentions.partition_point(|m| m.span.start < span.start);
    let last = doc.mentions.partition_point(|m| m.span.start < span.end);
    for m in doc.mentions[first..last.max(first)].iter().filter(|m| span.contains(m.span)) {
        if let Some(a) = actors::of(m, doc.text, lex) {
            let start = toks.partition_point(|t| t.span.end <= m.span.start);
            let end = toks.partition_point(|t| t.span.start < m.span.end).max(start + 1);
            out.push(Found {
                start,
                end,
                span: m.span,
                actor: a,
                demonym: m.how == dyad_model::MentionHow::Demonym,
            });
        }
    }
    out
}

/// Prepositions that open an introductory phrase ("During the summit, ...", "Ahead of the
/// talks, ...", "According to Reuters, ..."); a `match`, checked for every trigger.
fn is_introductory(w: &str) -> bool {
    matches!(
        w,
        "according"
            | "during"
            | "after"
            | "before"
            | "following"
            | "at"
            | "in"
            | "on"
            | "amid"
            | "despite"
            | "ahead"
            | "since"
            | "under"
            | "unlike"
            | "like"
            | "for"
            | "with"
    )
}

/// Words that end a list of parties: the next actor is not one of them.
const LIST_BREAKERS: &[&str] = &[
    "with", "to", "against", "by", "from", "in", "on", "at", "into", "between", "after", "before",
    "since", "over", "than", "toward", "towards", "about", "amid", "without", "via", "said",
    "says", "under", "within", "through",
];

/// Lower-case words of a title in a list of parties ("the foreign minister of Bahrain").
const TITLE_WORDS: &[&str] = &[
    "the",
    "of",
    "for",
    "and",
    ",",
    ".",
    "'s",
    "’s",
    "-",
    "minister",
    "ministers",
    "president",
    "prime",
    "foreign",
    "secretary",
    "envoy",
    "special",
    "ambassador",
    "king",
    "crown",
    "prince",
    "emir",
    "sheikh",
    "leader",
    "chief",
    "deputy",
    "vice",
    "state",
    "affairs",
    "defence",
    "defense",
    "counterpart",
    "chancellor",
    "premier",
    "senior",
    "officials",
];

/// Whether the tokens `[from, to)` between two actors join them into one list: only list words
/// ("Bahrain, Morocco and the UAE"), a short gap ("Israel's Netanyahu"), or titles and names
/// around a comma or "and" ("Trump, Minister of Foreign Affairs of Bahrain Al-Zayani, Netanyahu
/// and the foreign minister of the UAE", "Kazakh Minister of Water Resources Nurzhigitov and
/// Israeli Minister ..."), or a title between two mentions of one party ("Israeli Minister of
/// Regional Cooperation David Amsalem"); never across a verb of the lexicon.
fn coordinated(c: &Context<'_>, from: usize, to: usize, same_party: bool) -> bool {
    let lower = c.lower;
    if (from..to).all(|k| COORDINATION.contains(&lower[k])) {
        return true;
    }
    if c.hits.iter().any(|h| h.start < to && from < h.end) {
        return false;
    }
    let title_word = |k: usize| {
        TITLE_WORDS.contains(&lower[k])
            || c.toks[k].span.slice(c.text).chars().next().is_some_and(char::is_uppercase)
    };
    // "During the C5+1 summit, Trump said": a comma after a plain noun closes a phrase.
    let noun_then_comma = (from..to).any(|k| lower[k] == ",")
        && (from..to).any(|k| !title_word(k) && !COORDINATION.contains(&lower[k]));
    if to <= from + 3 && !noun_then_comma && !(from..to).any(|k| LIST_BREAKERS.contains(&lower[k]))
    {
        return true;
    }
    to <= from + 12
        && (same_party || (from..to).any(|k| matches!(lower[k], "," | "and")))
        && (from..to).all(title_word)
        && !(from..to).any(|k| LIST_BREAKERS.contains(&lower[k]) || BOUNDARIES.contains(&lower[k]))
}

/// What the list rules read: the sentence's tokens, their lower-case text and the trigger hits.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) lower: &'a [&'a str],
    pub(crate) hits: &'a [Hit],
}

/// Words that may stand between a subject and its verb: auxiliaries, adverbs, "together", and
/// the group noun after a demonym ("Israeli and Kazakh officials signed").
fn subject_gap_word(w: &str) -> bool {
    matches!(
        w,
        "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "also"
            | "together"
            | "both"
            | "then"
            | "later"
            | "now"
            | "today"
            | "yesterday"
            | "each"
            | "all"
            | "two"
            | "sides"
            | "officials"
            | "ministers"
            | "leaders"
            | "governments"
            | "delegations"
            | "presidents"
            | "envoys"
            | "representatives"
            | "negotiators"
            | "diplomats"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Whether the source group is the subject of the trigger: only auxiliaries, adverbs or a
/// group noun stand between them, and a demonym is not right before a noun ("Kazakh-American
/// cooperation", "a U.S.-Israeli foothold signals").
fn subject_of(found: &[Found], c: &Context<'_>, trigger: usize) -> bool {
    let Some(last) = found.last() else { return false };
    if last.end == trigger {
        return !last.demonym;
    }
    // "the new U.S.-Kazakhstan economic deals": a hyphenated pair of parties and up to two
    // lower-case modifiers before a nominal trigger.
    let hyphen_pair = found.len() >= 2 && {
        let first = &found[found.len() - 2];
        first.span.end <= last.span.start
            && matches!(&c.text[first.span.end..last.span.start], "-" | "–" | "‑")
    };
    if hyphen_pair
        && trigger - last.end <= 2
        && (last.end..trigger).all(|k| TOPICS.contains(&c.lower[k]))
    {
        return true;
    }
    // "Israeli Minister of Regional Cooperation David Amsalem signed": a title and a name.
    let title_or_name = |k: usize| {
        (TITLE_WORDS.contains(&c.lower[k]) && !matches!(c.lower[k], "," | "and"))
            || c.toks[k].span.slice(c.text).chars().next().is_some_and(char::is_uppercase)
    };
    (last.end..trigger).all(|k| subject_gap_word(c.lower[k]) || title_or_name(k))
}

/// The first group of coordinated actors at or after token `from`.
pub(crate) fn first_group(found: &[Found], c: &Context<'_>) -> Vec<Actor> {
    let Some(first) = found.first() else { return Vec::new() };
    let mut out = vec![first.actor.clone()];
    let mut last = first.end;
    let mut last_id = &first.actor.id;
    for f in &found[1..] {
        if f.start >= last && !coordinated(c, last, f.start, *last_id == f.actor.id) {
            break;
        }
        // "a visit to Chile and Scholz's 2022 visit": a possessor of the next act is not in
        // the list.
        if f.start >= last && *last_id != f.actor.id && possessor_of_act(c, f) {
            break;
        }
        last_id = &f.actor.id;
        if !out.iter().any(|a| a.id == f.actor.id) {
            out.push(f.actor.clone());
        }
        last = last.max(f.end);
    }
    out
}

/// The party in the possessive right before a nominal trigger, alone: "a visit to Kazakhstan
/// and Netanyahu's 2016 visit" (Netanyahu, not the list "Kazakhstan and Netanyahu"). At most two
/// words (a year, an adjective) between the possessive and the trigger.
fn possessor(before: &[Found], lower: &[&str], trigger: usize) -> Option<Vec<Actor>> {
    let k = (trigger.saturating_sub(3)..trigger).rev().find(|&k| is_possessive(lower[k]))?;
    if (k + 1..trigger).any(|j| lower[j] == "," || lower[j] == "and") {
        return None;
    }
    let last = before.last().filter(|f| f.end == k + 1)?;
    Some(vec![last.actor.clone()])
}

/// A word in the possessive ("Netanyahu's", "Kazakhstan’s").
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The token before a mention, "the" skipped ("at the White House": "at").
fn word_before(lower: &[&str], f: &Found) -> Option<usize> {
    let k = if f.start >= 1 && lower[f.start - 1] == "the" { f.start - 1 } else { f.start };
    k.checked_sub(1)
}

/// Modifiers between a hyphenated pair of parties and a nominal trigger ("U.S.-Kazakhstan
/// economic deals", "Israel-Jordan water talks"); any other word is a noun the pair modifies
/// ("A U.S.-Israeli foothold signals").
const TOPICS: &[&str] = &[
    "new",
    "economic",
    "trade",
    "security",
    "military",
    "bilateral",
    "energy",
    "defence",
    "defense",
    "nuclear",
    "strategic",
    "mineral",
    "minerals",
    "border",
    "water",
    "gas",
    "oil",
    "arms",
    "peace",
    "diplomatic",
    "political",
    "cultural",
    "technology",
    "maritime",
    "naval",
    "business",
    "financial",
    "commercial",
    "investment",
    "landmark",
    "historic",
    "joint",
];

/// The possessor of an act that is the subject of a passive verb: "Kazakhstan's decision to
/// join the accords was welcomed by Israel" (Kazakhstan, not the accords named after it).
fn act_possessor(before: &[Found], lower: &[&str]) -> Option<Vec<Actor>> {
    let first = before.first()?;
    let word = lower.get(first.end - 1)?;
    let noun = lower.get(first.end)?;
    (is_possessive(word) && crate::antecedents::ACT_NOUNS.contains(noun))
        .then(|| vec![first.actor.clone()])
}

/// Whether the party starting at `f` is in the possessive right before a trigger ("German
/// Chancellor Olaf Scholz's 2022 visit"): a few words on, a word in "'s" followed by a trigger
/// within two words.
fn possessor_of_act(c: &Context<'_>, f: &Found) -> bool {
    let lower = c.lower;
    (f.start..(f.start + 6).min(lower.len()))
        .find(|&k| is_possessive(lower[k]))
        .is_some_and(|k| c.hits.iter().any(|h| h.start > k && h.start <= k + 2))
}

/// The last group of coordinated actors before token `to`, in the text's order.
pub(crate) fn last_group(found: &[Found], c: &Context<'_>) -> Vec<Actor> {
    let Some(last) = found.last() else { return Vec::new() };
    let mut group = vec![last.actor.clone()];
    let mut next = last.start;
    let mut next_id = &last.actor.id;
    for f in found[..found.len() - 1].iter().rev() {
        // A mention overlapping the one after it is part of the same party.
        if f.end <= next && !coordinated(c, f.end, next, *next_id == f.actor.id) {
            break;
        }
        next_id = &f.actor.id;
        if let Some(k) = group.iter().position(|a| a.id == f.actor.id) {
            group.remove(k);
        }
        group.insert(0, f.actor.clone());
        next = next.min(f.start);
    }
    group
}

pub(crate) fn find(
    doc: &DocumentView<'_>,
    toks: &[Token],
    lower: &[&str],
    hit: &Hit,
    hits: &[Hit],
    lex: &Lexicon,
) -> Arguments {
    let c = Context { text: doc.text, toks, lower, hits };
    // "A meeting between Putin and Erdogan", "talks between Armenia and Azerbaijan": the parties
    // after "between" act on each other (the caller codes a joint act both ways).
    // Only when no actor stands before the trigger in its clause: "Qatar offered to mediate
    // between Israel and Hamas" is Qatar's act towards both.
    if lower.get(hit.end) == Some(&"between") {
        let start = clause_start(lower, hit.start);
        let end = clause_end(lower, hit.end + 1);
        let parties = first_group(&actors_between(doc, toks, hit.end + 1, end, lex), &c);
        if parties.iter().skip(1).any(|p| p.id != parties[0].id)
            && actors_between(doc, toks, start, hit.start, lex).is_empty()
        {
            return Arguments {
                source: parties,
                target: Vec::new(),
                with_target: Vec::new(),
                clause_start: start,
                source_is_subject: true,
                between: true,
            };
        }
    }
    let mut start = clause_start(lower, hit.start);
    // "Chile met Peru, and Bolivia praised Ecuador": ", and" after a verb of the lexicon starts
    // a new clause (after a list of names it joins the list: "France, Germany, and Italy").
    if let Some(and) = (start + 1..hit.start)
        .rev()
        .find(|&k| lower[k - 1] == "," && matches!(lower[k], "and" | "but" | "while"))
    {
        if hits.iter().any(|h| h.start >= start && h.end < and)
            && !serial_comma(lower, start, and - 1)
        {
            start = and + 1;
        }
    }
    let mut end = clause_end(lower, hit.end);
    // "Although Chile rejected the plan, its officials met Peru": a subordinate clause ends at
    // the comma before the main clause's subject.
    let subordinate = start > 0 && SUBORDINATORS.contains(&lower[start - 1]);
    if subordinate {
        if let Some(comma) = (hit.end..end).find(|&k| {
            lower[k] == "," && lower.get(k + 1).is_some_and(|w| MAIN_SUBJECTS.contains(w))
        }) {
            end = comma;
        }
    }
    let mut before = actors_between(doc, toks, start, hit.start, lex);
    // Relative clauses: "Iran, which criticized Israel, met Kazakhstan". Inside the relative
    // clause the source is the noun it hangs on; after it closes, the main clause's subject is
    // the one before "which".
    if start >= 1 && matches!(lower[start - 1], "which" | "who") {
        let closed = (start..hit.start).any(|k| lower[k] == ",");
        if before.is_empty() || closed {
            let head_end =
                if start >= 2 && lower[start - 2] == "," { start - 2 } else { start - 1 };
            let head_start = clause_start(lower, head_end);
            before = actors_between(doc, toks, head_start, head_end, lex);
            start = head_start;
        }
    }
    // "During the C5+1 summit, Trump said": the actors of an introductory phrase closed by a
    // comma are not the subject when one follows.
    if is_introductory(lower[start]) {
        if let Some(comma) = (start + 1..hit.start).find(|&k| lower[k] == ",") {
            if before.iter().any(|f| f.start > comma) && before.iter().any(|f| f.end <= comma) {
                before.retain(|f| f.start > comma);
            }
        }
    }
    // "While Azerbaijan did not join the accords, its officials contacted ...": a main clause's
    // subject "its/their officials" after a subordinate clause is the state that clause named.
    if before.is_empty()
        && start >= 2
        && lower[start - 1] == ","
        && matches!(lower[start], "its" | "their")
        && lower.get(start + 1).is_some_and(|w| {
            matches!(
                *w,
                "officials"
                    | "government"
                    | "leaders"
                    | "diplomats"
                    | "ministers"
                    | "envoys"
                    | "forces"
                    | "troops"
                    | "military"
                    | "leadership"
                    | "president"
            )
        })
    {
        let earlier = actors_between(doc, toks, 0, start - 1, lex);
        let states: Vec<Found> = earlier
            .into_iter()
            .filter(|f| lex.state(&f.actor.id).is_some() && !f.actor.place)
            .collect();
        if let Some(last) = states.last() {
            before.push(Found { start, end: start + 1, ..last.clone() });
        }
    }
    if before.is_empty() {
        if let Some((source, target)) =
            participles::leading(doc, &c, start, (hit.start, hit.end), end, lex)
        {
            return Arguments {
                source,
                target,
                with_target: Vec::new(),
                clause_start: start,
                source_is_subject: false,
                between: false,
            };
        }
    }
    let mut after = actors_between(doc, toks, hit.end, end, lex);
    // "began its invasion of Gaza in October, Saudi Arabia halted ...": an actor after a comma
    // that is the subject of the next verb opens a clause of its own; it is not a target.
    if let Some(k) = after.iter().position(|f| next_subject(&c, f, hit.end)) {
        after.truncate(k);
    }
    // Passive: "was condemned by X".
    let passive_verb = hit.start >= 1
        && (hit.start.saturating_sub(2)..hit.start)
            .any(|k| matches!(lower[k], "was" | "were" | "been" | "being" | "is" | "are" | "be"));
    if passive_verb && !(hit.end..end).any(|k| lower[k] == "by") {
        if let Some(agents) = dash_agents(doc, &c, end, lex) {
            return Arguments {
                source: agents,
                target: last_group(&before, &c),
                with_target: Vec::new(),
                clause_start: start,
                source_is_subject: false,
                between: false,
            };
        }
    }
    // "Chile, attacked by Peru, ...", "the framework launched by Chile": a participle
    // modifier's agent is the source, the noun it modifies the target.
    if let Some(by) = participles::passive_modifier(lower, (hit.start, hit.end)) {
        let agents = actors_between(doc, toks, by + 1, end, lex);
        if !agents.is_empty() {
            return Arguments {
                source: first_group(&agents, &c),
                target: last_group(&before, &c),
                with_target: Vec::new(),
                clause_start: start,
                source_is_subject: false,
                between: false,
            };
        }
    }
    // "Chile, attacked by Peru last week, appealed to Bolivia": the subject is before the
    // parenthetical participle clause.
    if let Some((open, close)) = participles::parenthetical(lower, start, hit.start) {
        before.retain(|f| f.end <= open || f.start > close);
    }
    let passive = passive_verb && (hit.end..end).any(|k| lower[k] == "by");
    if passive {
        let by = (hit.end..end).find(|&k| lower[k] == "by").unwrap_or(end);
        let agents = actors_between(doc, toks, by + 1, end, lex);
        return Arguments {
            source: first_group(&agents, &c),
            target: act_possessor(&before, lower).unwrap_or_else(|| last_group(&before, &c)),
            with_target: Vec::new(),
            clause_start: start,
            source_is_subject: false,
            between: false,
        };
    }
    // "initialed a peace agreement at the White House": a venue after "at" is not a party to
    // a cooperative or verbal act ("missiles aimed at Poland" keeps its target).
    if lex.events.verbs[hit.verb].code.as_str() < "14" {
        after.retain(|f| word_before(lower, f).is_none_or(|k| lower[k] != "at"));
    }
    // "..., per the Astana Times", "according to Reuters": the source of the report is not a
    // party to the event.
    if let Some(k) = (hit.end..end).find(|&k| matches!(lower[k], "per" | "according")) {
        after.retain(|f| f.start < k);
    }
    // "agreed to restore relations in a deal brokered by China": the agent of a participle in
    // an adjunct after the trigger belongs to the participle, not to the trigger ("condemned
    // the blockade imposed by Colombia" keeps Colombia: the participle modifies the object).
    if let Some(by) = (hit.end + 1..end).find(|&k| {
        lower[k] == "by" && {
            let w = lower[k - 1];
            (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
                || hits.iter().any(|h| h.end == k && h.start > hit.start)
        }
    }) {
        let adjunct = (hit.end..by).any(|k| {
            matches!(lower[k], "in" | "under" | "through" | "via" | "as" | "at" | "after" | "amid")
        });
        if adjunct {
            after.retain(|f| f.start < by);
        }
    }
    let mut target = first_group(&after, &c);
    // "Trump announced that Kazakhstan would join": the statement is addressed to, and about, the
    // complement's subject.
    if target.is_empty() && lower.get(hit.end).is_some_and(|w| *w == "that") {
        let complement_end = clause_end(lower, hit.end + 1);
        let inner = actors_between(doc, toks, hit.end + 1, complement_end, lex);
        target = first_group(&inner, &c);
    }
    let with_target = (hit.end..end)
        .find(|&k| lower[k] == "with")
        .map(|k| first_group(&actors_between(doc, toks, k + 1, end, lex), &c))
        .unwrap_or_default();
    // "Israel's ambassador to Kazakhstan praised ...": the state after "ambassador to" is part
    // of the title, not the subject.
    before.retain(|f| {
        !word_before(lower, f).is_some_and(|k| {
            k >= 1
                && matches!(lower[k], "to" | "in")
                && matches!(
                    lower[k - 1],
                    "ambassador" | "envoy" | "representative" | "emissary" | "embassy" | "consul"
                )
        })
    });
    let source = participles::trailing(doc, &c, start, hit.start, lex)
        .or_else(|| shared_subject::source(doc, &c, start, hit.start, lex))
        .unwrap_or_else(|| {
            // A place stands for its state only as a target.
            before.retain(|f| !f.actor.place);
            possessor(&before, lower, hit.start).unwrap_or_else(|| last_group(&before, &c))
        });
    Arguments {
        source,
        target,
        with_target,
        clause_start: start,
        source_is_subject: subject_of(&before, &c, hit.start),
        between: false,
    }
}

/// Whether `f`, after the trigger ending at `trigger_end`, follows a comma (with at most "the"
/// between) and is the subject of the next verb of the lexicon ("..., Saudi Arabia halted").
fn next_subject(c: &Context<'_>, f: &Found, trigger_end: usize) -> bool {
    let lower = c.lower;
    let comma = match f.start.checked_sub(1) {
        Some(k) if k >= trigger_end && lower[k] == "the" => k.checked_sub(1),
        k => k,
    };
    if !comma.is_some_and(|k| k >= trigger_end && lower[k] == ",") {
        return false;
    }
    let gap = |k: usize| {
        subject_gap_word(lower[k])
            || matches!(
                lower[k],
                "government" | "ministry" | "army" | "military" | "president" | "spokesman"
            )
    };
    c.hits.iter().any(|h| h.start >= f.end && (f.end..h.start).all(gap))
}

/// Words that may stand between a dash and the "by" of a passive agent ("– once by Iran and
/// once by Israel", "— first by Russia, then by China").
const AGENT_ADVERBS: &[&str] =
    &["once", "twice", "first", "then", "again", "later", "both", "and", "also", "reportedly"];

/// The passive agents in a phrase after the dash that closes a passive clause: "it was bombed
/// twice – once by Iran and once by Israel" -> Iran, Israel. Each "by" brings its own group; an
/// actor in the possessive ("Israel, America's closest ally") modifies an apposition, it is not
/// an agent. None when the dash is not followed (after adverbs) by "by".
fn dash_agents(
    doc: &DocumentView<'_>,
    c: &Context<'_>,
    dash: usize,
    lex: &Lexicon,
) -> Option<Vec<Actor>> {
    let lower = c.lower;
    if !lower.get(dash).is_some_and(|w| matches!(*w, "–" | "—")) {
        return None;
    }
    let first_by = (dash + 1..lower.len()).find(|&k| !AGENT_ADVERBS.contains(&lower[k]))?;
    if lower[first_by] != "by" {
        return None;
    }
    let end = clause_end(lower, first_by + 1);
    let mut agents: Vec<Actor> = Vec::new();
    let mut k = first_by;
    while k < end {
        let next = (k + 1..end).find(|&j| lower[j] == "by").unwrap_or(end);
        let found: Vec<Found> = actors_between(doc, c.toks, k + 1, next, lex)
            .into_iter()
            .filter(|f| !is_possessive(lower[f.end - 1]))
            .collect();
        for a in first_group(&found, c) {
            if !agents.iter().any(|b| b.id == a.id) {
                agents.push(a);
            }
        }
        k = next;
    }
    (!agents.is_empty()).then_some(agents)
}

/// "Trump announced that Kazakhstan would join": a reporting verb with its speaker before it and
/// the complement after it.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) actor: EntityId,
    pub(crate) trigger_start: usize,
    pub(crate) trigger_end: usize,
    pub(crate) complement_start: usize,
    /// The speaker is the reporting verb's own subject, right before it ("Egypt said", "Egypt
    /// has also said"), not an actor of an earlier verb ("Kenya praised Uganda and said").
    pub(crate) subject_adjacent: bool,
}

pub(crate) fn reporting_frame(
    doc: &DocumentView<'_>,
    toks: &[Token],
    lower: &[&str],
    hits: &[Hit],
    events: &EventLexicon,
    lex: &Lexicon,
) -> Option<Frame> {
    for hit in hits {
        if !events.verbs[hit.verb].reported_speech {
            continue;
        }
        let start = clause_start(lower, hit.start);
        let before = actors_between(doc, toks, start, hit.start, lex);
        let last = before.last()?;
        let speaker = last.actor.id.clone();
        let subject_adjacent = (last.end..hit.start).all(|k| {
            matches!(lower[k], "has" | "have" | "had" | "also" | "then" | "later")
                || lower[k].ends_with("ly")
        });
        let complement_start =
            if lower.get(hit.end).is_some_and(|w| *w == "that") { hit.end + 1 } else { hit.end };
        return Some(Frame {
            actor: speaker,
            trigger_start: hit.start,
            trigger_end: hit.end,
            complement_start,
            subject_adjacent,
        });
    }
    None
}
