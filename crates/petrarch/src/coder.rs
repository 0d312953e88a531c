//! A shallow coder driven by the dictionaries: no parser. It finds actor and agent phrases
//! (longest match), groups them into noun phrases and coordinations, finds verbs (the
//! dictionary's forms and regular inflections, not after a determiner), matches each verb's
//! patterns around it, and otherwise takes the clause's first actor phrase before the verb as
//! the source and the first one after it as the target (swapped in the passive with "by").

use std::collections::HashSet;

use crate::dictionary::agents::AgentCode;
use crate::dictionary::discards::DiscardKind;
use crate::dictionary::verbs::{Elem, EventCode, Pattern, PatternElem, VerbForm};
use crate::tokens::{tokenize, Tok};
use crate::Dictionaries;

/// Options of PETRARCH's configuration that change coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoderConfig {
    /// Code only events with both a source and a target (else a missing target is `---`).
    pub require_dyad: bool,
    /// Noun phrases of at most this many words with no dictionary actor become actors coded
    /// by their words in quotes; 0 turns this off.
    pub new_actor_length: usize,
    /// Interior comma clauses of `comma_min..=comma_max` words are dropped (max 0: never).
    pub comma_min: usize,
    /// See `comma_min`.
    pub comma_max: usize,
    /// Initial comma clauses of `comma_bmin..=comma_bmax` words are dropped.
    pub comma_bmin: usize,
    /// See `comma_bmin`.
    pub comma_bmax: usize,
    /// Final comma clauses of `comma_emin..=comma_emax` words are dropped.
    pub comma_emin: usize,
    /// See `comma_emin`.
    pub comma_emax: usize,
}

impl Default for CoderConfig {
    fn default() -> Self {
        CoderConfig {
            require_dyad: true,
            new_actor_length: 0,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
        }
    }
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodedEvent {
    /// Source actor code (`---` plus agents for an agent without actor).
    pub source: String,
    /// Target actor code (`---` when none and dyads are not required).
    pub target: String,
    /// Event code.
    pub code: String,
    /// Byte span of the verb in the sentence.
    pub span: (usize, usize),
}

/// Why a sentence was not coded normally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceStatus {
    /// Coded (possibly with no events).
    Coded,
    /// A sentence discard phrase occurs.
    SentenceDiscard,
    /// A story discard phrase occurs.
    StoryDiscard,
    /// The sentence starts with a dateline ("CEBU CITY: --").
    Dateline,
}

/// Events and status of one sentence.
#[derive(Debug, Clone)]
pub struct CodedSentence {
    /// Events, de-duplicated, in order of their verbs.
    pub events: Vec<CodedEvent>,
    /// Status.
    pub status: SentenceStatus,
}

/// The coder: configuration only; dictionaries are passed in.
#[derive(Debug, Clone, Default)]
pub struct Coder {
    /// Options.
    pub config: CoderConfig,
}

const DETERMINERS: &[&str] = &[
    "A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE",
    "SOME", "ANY", "EVERY", "EACH",
];
const PREPOSITIONS: &[&str] = &[
    "OF", "IN", "ON", "AT", "BY", "FOR", "FROM", "TO", "WITH", "INTO", "ONTO", "OVER", "UNDER",
    "ABOUT", "AGAINST", "BETWEEN", "AMONG", "DURING", "TOWARD", "TOWARDS", "NEAR", "THROUGH",
    "ACROSS", "WITHIN", "WITHOUT", "UPON", "VIA", "ALONG", "AROUND",
];
const SUBORDINATORS: &[&str] = &[
    "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "WHERE", "WHEN", "WHILE", "AFTER", "BEFORE",
    "BECAUSE", "ALTHOUGH", "THOUGH", "IF", "UNLESS", "UNTIL", "WHETHER", "SINCE",
];
const BE: &[&str] = &["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM"];
const AUX: &[&str] = &[
    "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT",
    "MUST", "DO", "DOES", "DID", "NOT", "N'T", "CA", "WO", "TO", "NEVER", "EVER", "ALSO", "AGAIN",
    "JUST", "NOW", "STILL", "ALREADY",
];
/// Past tenses that are not nouns after a determiner ("the official said").
const IRREGULAR_PAST: &[&str] = &[
    "SAID", "LEFT", "MET", "HELD", "SHOT", "FOUGHT", "FOUND", "BEGAN", "SANK", "WON", "LENT",
    "BROKE", "BROKEN", "DRAWN", "RISEN", "MADE", "PAID", "SOUGHT", "TOLD", "GAVE", "TOOK", "WENT",
    "CAME", "SENT", "KEPT", "STRUCK", "SPOKE", "WROTE", "CAUGHT", "BROUGHT", "BOUGHT", "THOUGHT",
    "FLED", "LED", "FELT", "SAW", "KNEW", "GREW", "THREW", "FELL", "ROSE", "STOOD", "SPENT",
    "BUILT", "LOST", "WORE", "FORGAVE", "SOLD", "SHUT", "SET", "BEGUN", "GIVEN", "TAKEN",
];
const CONJ: &[&str] = &["AND", "OR", "NOR", "BUT"];
const OTHER_FUNCTION: &[&str] = &[
    "IT",
    "HE",
    "SHE",
    "THEY",
    "WE",
    "I",
    "YOU",
    "THEM",
    "HIM",
    "US",
    "WHAT",
    "NEITHER",
    "EITHER",
    "BOTH",
    "AS",
    "THAN",
    "SO",
    "THERE",
    "ACCORDING",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn is_function(w: &str) -> bool {
    is_in(DETERMINERS, w)
        || is_in(PREPOSITIONS, w)
        || is_in(SUBORDINATORS, w)
        || is_in(BE, w)
        || is_in(AUX, w)
        || is_in(CONJ, w)
        || is_in(OTHER_FUNCTION, w)
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("LY") || matches!(w, "EARLIER" | "LATER" | "AGAIN" | "NOW" | "EVER")
}

/// One member of an actor phrase: an actor code (date resolved) and agents.
#[derive(Debug, Clone)]
struct Member {
    actor: Option<String>,
    agents: Vec<AgentCode>,
    /// A phrase coded by its own words (`new_actor_length`).
    new: bool,
}

/// A noun phrase or a coordination of them.
#[derive(Debug, Clone)]
struct Group {
    members: Vec<Member>,
    start: usize,
    end: usize,
    /// The actor part alone, before an agent prefix was merged in.
    inner: Option<Box<Group>>,
}

impl Group {
    fn codes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for m in &self.members {
            for c in member_codes(m) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    fn is_new(&self) -> bool {
        self.members.iter().all(|m| m.new)
    }

    fn real_actor_count(&self) -> usize {
        self.members.iter().filter(|m| m.actor.is_some()).count()
    }
}

fn has_chunk(code: &str, agent: &str) -> bool {
    let c = code.as_bytes();
    let a = agent.as_bytes();
    let mut k = 0;
    while k + a.len() <= c.len() {
        if &c[k..k + a.len()] == a {
            return true;
        }
        k += 3;
    }
    false
}

fn member_codes(m: &Member) -> Vec<String> {
    let actors: Vec<String> = match &m.actor {
        Some(a) => a.split('/').map(str::to_string).collect(),
        None => vec!["---".to_string()],
    };
    actors
        .into_iter()
        .map(|mut code| {
            for ag in &m.agents {
                if ag.code.is_empty() || has_chunk(&code, &ag.code) {
                    continue;
                }
                if ag.prefix {
                    code = format!("{}{}", ag.code, code);
                } else {
                    code.push_str(&ag.code);
                }
            }
            code
        })
        .collect()
}

/// A verb found in the sentence.
#[derive(Debug, Clone)]
struct VerbHit<'d> {
    start: usize,
    end: usize,
    head: usize,
    /// Every dictionary form of this span (a verb may sit in several blocks).
    forms: Vec<&'d VerbForm>,
}

struct Sentence<'a> {
    toks: Vec<Tok>,
    /// Actor match covering each token: (match start, match end, code).
    actor_at: Vec<Option<usize>>,
    actors: Vec<(usize, usize, Option<String>)>,
    agent_cover: Vec<bool>,
    agents: Vec<(usize, usize, &'a AgentCode)>,
    verb_at: Vec<bool>,
    groups: Vec<Group>,
}

impl Coder {
    /// A coder with the given options.
    pub fn new(config: CoderConfig) -> Self {
        Coder { config }
    }

    /// Codes one sentence: its events (none for a discarded sentence).
    pub fn code_sentence(
        &self,
        dicts: &Dictionaries,
        text: &str,
        date: Option<(i32, u8, u8)>,
    ) -> Vec<CodedEvent> {
        self.code_sentence_full(dicts, text, date).events
    }

    /// Codes one sentence and says whether it was discarded.
    pub fn code_sentence_full(
        &self,
        dicts: &Dictionaries,
        text: &str,
        date: Option<(i32, u8, u8)>,
    ) -> CodedSentence {
        let date =
            date.map(|(y, m, d)| (y.max(0) as u32) * 10000 + u32::from(m) * 100 + u32::from(d));
        let toks = tokenize(text);
        if is_dateline(text, &toks) {
            return CodedSentence { events: Vec::new(), status: SentenceStatus::Dateline };
        }
        let words: Vec<&str> = toks.iter().map(|t| t.up.as_str()).collect();
        match dicts.discards.find(&words) {
            Some(DiscardKind::Story) => {
                return CodedSentence { events: Vec::new(), status: SentenceStatus::StoryDiscard }
            }
            Some(DiscardKind::Sentence) => {
                return CodedSentence {
                    events: Vec::new(),
                    status: SentenceStatus::SentenceDiscard,
                }
            }
            None => {}
        }
        let toks = self.drop_comma_clauses(dicts, toks);
        let mut s = analyse(dicts, toks, date, &self.config);
        let events = self.code_verbs(dicts, &mut s);
        CodedSentence { events, status: SentenceStatus::Coded }
    }

    /// Drops comma-delimited clauses whose length is in the configured ranges and that hold
    /// a verb-like word.
    fn drop_comma_clauses(&self, dicts: &Dictionaries, toks: Vec<Tok>) -> Vec<Tok> {
        let c = &self.config;
        // A comma between two lower-case adjectives ("complete, full ties") is inside a
        // noun phrase, not a clause boundary.
        let plain =
            |t: &Tok| !t.punct && !t.cap && !is_function(&t.up) && !dicts.verbs.is_verb_form(&t.up);
        let commas: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                t.up == ","
                    && !(*i > 0
                        && *i + 1 < toks.len()
                        && plain(&toks[i - 1])
                        && plain(&toks[i + 1]))
            })
            .map(|(i, _)| i)
            .collect();
        if commas.is_empty() {
            return toks;
        }
        let end = match toks.last() {
            Some(t) if t.punct && matches!(t.up.as_str(), "." | "!" | "?") => toks.len() - 1,
            _ => toks.len(),
        };
        let verbish = |a: usize, b: usize| {
            toks[a..b].iter().any(|t| {
                !t.punct
                    && (dicts.verbs.is_verb_form(&t.up)
                        || (t.up.ends_with("ED") && t.up.len() > 4)
                        || matches!(t.up.as_str(), "SAID" | "SAYS" | "SEEMS" | "TOLD"))
            })
        };
        let words = |a: usize, b: usize| toks[a..b].iter().filter(|t| !t.punct).count();
        let mut drop = vec![false; toks.len()];
        let in_range = |n: usize, lo: usize, hi: usize| hi > 0 && n >= lo && n <= hi;
        // Initial clause.
        let first = commas[0];
        if in_range(words(0, first), c.comma_bmin, c.comma_bmax) && verbish(0, first) {
            drop[..=first].iter_mut().for_each(|d| *d = true);
        }
        // Interior clauses.
        for w in commas.windows(2) {
            let (a, b) = (w[0], w[1]);
            // Counted like PETRARCH: the clause's first word is not counted.
            let n = words(a + 1, b).saturating_sub(1);
            if in_range(n, c.comma_min, c.comma_max) && verbish(a + 1, b) {
                drop[a..=b].iter_mut().for_each(|d| *d = true);
            }
        }
        // Final clause.
        let last = *commas.last().expect("non-empty");
        if last + 1 < end
            && in_range(words(last + 1, end), c.comma_emin, c.comma_emax)
            && verbish(last + 1, end)
        {
            drop[last..end].iter_mut().for_each(|d| *d = true);
        }
        toks.into_iter().zip(drop).filter(|(_, d)| !d).map(|(t, _)| t).collect()
    }

    fn code_verbs(&self, dicts: &Dictionaries, s: &mut Sentence<'_>) -> Vec<CodedEvent> {
        let verbs = find_verbs(dicts, s);
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut last_coded: Option<usize> = None;
        let mut consumed = HashSet::new();
        for (vi, v) in verbs.iter().enumerate() {
            if consumed.contains(&vi) {
                continue;
            }
            if let Some(lc) = last_coded {
                if subordinate_between(s, lc, v.start) {
                    continue;
                }
            }
            let blocks: Vec<&crate::dictionary::verbs::VerbBlock> =
                v.forms.iter().map(|f| &dicts.verbs.blocks[f.block as usize]).collect();
            let matched = blocks.iter().find_map(|block| {
                block
                    .patterns
                    .iter()
                    .find_map(|p| match_pattern(dicts, s, p, v.start, v.end).map(|b| (p, b)))
            });
            // A verb right before another (auxiliary-like: "should have acted") yields to it
            // unless one of its patterns matched.
            if matched.is_none() {
                if let Some(next) = verbs.get(vi + 1) {
                    if chained(s, v.end, next.start) {
                        continue;
                    }
                }
            } else if let Some(next) = verbs.get(vi + 1) {
                if chained(s, v.end, next.start) {
                    consumed.insert(vi + 1);
                }
            }
            let (code, bind, has_compound): (Option<&EventCode>, Bindings, bool) = match &matched {
                Some((p, b)) => (p.code.as_ref(), b.clone(), pattern_has(p, &Elem::Compound)),
                None => {
                    let code = v.forms.iter().zip(&blocks).find_map(|(f, b)| match &f.code {
                        Some(c) => c.as_ref(),
                        None => b.code.as_ref(),
                    });
                    (code, Bindings::default(), false)
                }
            };
            let Some(code) = code else { continue };
            let upper_target = matched
                .as_ref()
                .is_some_and(|(p, _)| p.upper.iter().any(|e| e.elem == Elem::Target));
            // Source.
            let clause = clause_start(s, v.start);
            let mut source =
                bind.source.clone().or_else(|| bind.compound.clone().filter(|g| g.end <= v.start));
            let mut target =
                bind.target.clone().or_else(|| bind.compound.clone().filter(|g| g.start >= v.end));
            let passive_by =
                if source.is_none() && target.is_none() { passive_agent(s, v) } else { None };
            if source.is_none() {
                let limit =
                    target.as_ref().filter(|t| t.end <= v.start).map_or(v.start, |t| t.start);
                source = s.groups.iter().find(|g| g.start >= clause && g.end <= limit).cloned();
                if source.is_none() && upper_target {
                    source = s.groups.iter().find(|g| g.end <= limit).cloned();
                }
            }
            if let Some(by) = passive_by {
                target = source.take();
                source = Some(by);
            }
            let Some(source) = source else { continue };
            if target.is_none() {
                let skip: Vec<usize> = bind.skipped.clone();
                let after = |g: &&Group| {
                    g.start >= v.end && g.start != source.start && !skip.contains(&g.start)
                };
                let stop = clause_end(s, v.end);
                // Dictionary actors first; a phrase coded by its words only failing them.
                target = s
                    .groups
                    .iter()
                    .filter(|g| g.start < stop)
                    .filter(after)
                    .find(|g| !g.is_new())
                    .or_else(|| s.groups.iter().filter(|g| g.start < stop).find(after))
                    .cloned();
            }
            let span = (s.toks[v.start].span.0, s.toks[v.end - 1].span.1);
            let src_codes = source.codes();
            let mut push = |a: &str, b: &str, c: &str| {
                let e = CodedEvent {
                    source: a.to_string(),
                    target: b.to_string(),
                    code: c.to_string(),
                    span,
                };
                if !events
                    .iter()
                    .any(|x| x.source == e.source && x.target == e.target && x.code == e.code)
                {
                    events.push(e);
                }
            };
            match target {
                Some(t) => {
                    for a in &src_codes {
                        for b in t.codes() {
                            if *a == b {
                                continue;
                            }
                            push(a, &b, &code.code);
                            if let Some(r) = &code.reverse {
                                push(&b, a, r);
                            }
                        }
                    }
                }
                None => {
                    if source.real_actor_count() >= 2 && (has_compound || code.reverse.is_some()) {
                        for a in &src_codes {
                            for b in &src_codes {
                                if a != b {
                                    push(a, b, &code.code);
                                    if let Some(r) = &code.reverse {
                                        push(b, a, r);
                                    }
                                }
                            }
                        }
                    } else if !self.config.require_dyad && noun_phrase_after(s, v.end) {
                        for a in &src_codes {
                            push(a, "---", &code.code);
                        }
                    } else {
                        continue;
                    }
                }
            }
            last_coded = Some(v.end);
        }
        events
    }
}

fn pattern_has(p: &Pattern, e: &Elem) -> bool {
    p.upper.iter().chain(&p.lower).any(|x| &x.elem == e)
}

/// "CEBU CITY: --": upper-case words then a colon or a double dash open the sentence.
fn is_dateline(text: &str, toks: &[Tok]) -> bool {
    for (k, t) in toks.iter().take(8).enumerate() {
        if t.punct {
            return k > 0 && (t.up == ":" || t.up == "--");
        }
        let original = &text[t.span.0..t.span.1];
        let letters = original.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || original.chars().any(char::is_lowercase) {
            return false;
        }
    }
    false
}

fn analyse<'d>(
    dicts: &'d Dictionaries,
    toks: Vec<Tok>,
    date: Option<u32>,
    config: &CoderConfig,
) -> Sentence<'d> {
    let n = toks.len();
    let words: Vec<&str> = toks.iter().map(|t| t.up.as_str()).collect();
    // Actors: longest match, left to right; one gap word allowed inside a multi-word phrase.
    let mut actors = Vec::new();
    let mut actor_at = vec![None; n];
    let mut i = 0;
    while i < n {
        if toks[i].punct {
            i += 1;
            continue;
        }
        if let Some((len, entry)) = actor_match(dicts, &toks, &words, i) {
            let code = entry.code_at(date).map(str::to_string);
            for slot in &mut actor_at[i..i + len] {
                *slot = Some(actors.len());
            }
            actors.push((i, i + len, code));
            i += len;
        } else {
            i += 1;
        }
    }
    // Agents: longest match at every start outside actors.
    let mut agents = Vec::new();
    let mut agent_cover = vec![false; n];
    for i in 0..n {
        if toks[i].punct || actor_at[i].is_some() {
            continue;
        }
        if let Some((len, code)) = dicts.agents.longest(&words, i) {
            if (i..i + len).any(|k| actor_at[k].is_some())
                || toks[i..i + len - 1].iter().any(|t| t.poss)
            {
                continue;
            }
            agents.push((i, i + len, code));
            for c in &mut agent_cover[i..i + len] {
                *c = true;
            }
        }
    }
    let mut s = Sentence {
        toks,
        actor_at,
        actors,
        agent_cover,
        agents,
        verb_at: vec![false; n],
        groups: Vec::new(),
    };
    for v in find_verbs(dicts, &s) {
        for k in v.start..v.end {
            s.verb_at[k] = true;
        }
    }
    s.groups = build_groups(&s, config);
    s
}

fn actor_match<'d>(
    dicts: &'d Dictionaries,
    toks: &[Tok],
    words: &[&str],
    i: usize,
) -> Option<(usize, &'d crate::dictionary::actors::ActorEntry)> {
    let trie = &dicts.actors.trie;
    let mut best: Option<(usize, u32)> = None;
    // Contiguous walk, with at most one gap of a lower-case content word.
    let mut stack = vec![(0usize, i, false)];
    while let Some((node, pos, gapped)) = stack.pop() {
        if pos >= words.len() || toks[pos].punct {
            continue;
        }
        if let Some(next) = trie.step(node, words[pos]) {
            if let Some(&e) = trie.value(next) {
                let len = pos + 1 - i;
                if best.is_none_or(|(l, _)| len > l) {
                    best = Some((len, e));
                }
            }
            if !toks[pos].poss {
                stack.push((next, pos + 1, gapped));
            }
        }
        if !gapped && node != 0 && !toks[pos].cap && !is_function(words[pos]) {
            stack.push((node, pos + 1, true));
        }
    }
    best.map(|(len, e)| (len, &dicts.actors.entries[e as usize]))
}

fn find_verbs<'d>(dicts: &'d Dictionaries, s: &Sentence<'_>) -> Vec<VerbHit<'d>> {
    let toks = &s.toks;
    let n = toks.len();
    let mut out: Vec<VerbHit<'d>> = Vec::new();
    let mut i = 0;
    while i < n {
        if toks[i].punct || s.actor_at[i].is_some() || s.agent_cover[i] {
            i += 1;
            continue;
        }
        let mut best: Option<VerbHit<'d>> = None;
        for form in dicts.verbs.forms(&toks[i].up) {
            let b = form.before.len();
            let a = form.after.len();
            if i < b || i + 1 + a > n {
                continue;
            }
            let ok_before = form.before.iter().enumerate().all(|(k, w)| toks[i - b + k].up == *w);
            let ok_after = form.after.iter().enumerate().all(|(k, w)| toks[i + 1 + k].up == *w);
            if !(ok_before && ok_after) {
                continue;
            }
            let (start, end) = (i - b, i + 1 + a);
            match &mut best {
                Some(h) if h.end - h.start > end - start => {}
                Some(h) if h.start == start && h.end == end => h.forms.push(form),
                _ => best = Some(VerbHit { start, end, head: i, forms: vec![form] }),
            }
        }
        match best {
            Some(h) if !is_noun_use(s, h.start, h.head) => {
                i = h.end;
                out.push(h);
            }
            _ => i += 1,
        }
    }
    out
}

/// A verb form used as a noun: after a determiner or a possessive, or a gerund after a
/// preposition.
fn is_noun_use(s: &Sentence<'_>, start: usize, head: usize) -> bool {
    let up = s.toks[head].up.as_str();
    if start == 0 {
        return false;
    }
    let prev = &s.toks[start - 1];
    if prev.up == "TO" {
        return false;
    }
    if prev.poss {
        return true;
    }
    if up.ends_with("ING") && is_in(PREPOSITIONS, &prev.up) {
        return true;
    }
    if up.ends_with("ED") || is_in(IRREGULAR_PAST, up) {
        return false;
    }
    if matches!(prev.up.as_str(), "VERY" | "TOO" | "MORE" | "MOST" | "LESS" | "LEAST") {
        return true;
    }
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let t = &s.toks[k];
        if is_in(DETERMINERS, &t.up) || t.up == "NO" {
            // "the Philippines agree": a determiner and an actor make a whole phrase.
            let actor_right_after =
                s.actor_at[k + 1].is_some_and(|a| s.actors[a].0 == k + 1 && s.actors[a].1 == start);
            return !actor_right_after;
        }
        if t.punct || is_function(&t.up) {
            return false;
        }
    }
    false
}

fn is_modifier(s: &Sentence<'_>, k: usize) -> bool {
    let t = &s.toks[k];
    !t.punct && !s.verb_at[k] && !is_function(&t.up) && t.up != "NO"
}

fn build_groups(s: &Sentence<'_>, config: &CoderConfig) -> Vec<Group> {
    let n = s.toks.len();
    // Units: runs of determiners, modifiers, actors and agents holding an actor or an agent
    // (or, with new actors allowed, short runs of other words).
    let mut units: Vec<(Group, bool)> = Vec::new();
    let mut i = 0;
    while i < n {
        let unit_tok = |k: usize| {
            s.actor_at[k].is_some()
                || s.agent_cover[k]
                || is_modifier(s, k)
                || is_in(DETERMINERS, &s.toks[k].up)
        };
        if !unit_tok(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < n && unit_tok(end) {
            // A determiner inside a run starts a new phrase.
            if end > start && is_in(DETERMINERS, &s.toks[end].up) {
                break;
            }
            end += 1;
        }
        i = end.max(start + 1);
        let actor = (start..end).find_map(|k| s.actor_at[k]);
        let agents: Vec<AgentCode> = s
            .agents
            .iter()
            .filter(|(a, b, _)| *a >= start && *b <= end)
            .map(|(_, _, c)| (*c).clone())
            .collect();
        let (member, poss) = match actor {
            Some(ai) => {
                let (_, ae, code) = &s.actors[ai];
                if code.is_none() {
                    continue;
                }
                (Member { actor: code.clone(), agents, new: false }, s.toks[ae - 1].poss)
            }
            None if !agents.is_empty() => (Member { actor: None, agents, new: false }, false),
            None if config.new_actor_length > 0 => {
                match new_actor(s, start, end, config.new_actor_length) {
                    Some(m) => (m, false),
                    None => continue,
                }
            }
            None => continue,
        };
        let end = if member.new { new_actor_end(s, end) } else { end };
        i = i.max(end);
        units.push((Group { members: vec![member], start, end, inner: None }, poss));
    }
    // Coordinations: units separated only by ",", "and", "or", "nor".
    let mut groups: Vec<(Group, bool)> = Vec::new();
    for (u, poss) in units {
        if let Some((last, last_poss)) = groups.last_mut() {
            let between = &s.toks[last.end..u.start];
            let joins = !between.is_empty()
                && between.iter().all(|t| matches!(t.up.as_str(), "," | "AND" | "OR" | "NOR"))
                && between.iter().any(|t| t.up != ",")
                || (between.len() == 1 && between[0].up == "," && list_continues(s, u.end));
            if joins {
                let prev = last.members.last_mut().expect("non-empty");
                if *last_poss && prev.agents.is_empty() && !u.members[0].agents.is_empty() {
                    // "Ithilen's awful and evil minister": one phrase, the possessor's.
                    prev.agents = u.members[0].agents.clone();
                    last.end = u.end;
                    continue;
                }
                last.members.extend(u.members);
                last.end = u.end;
                *last_poss = poss;
                continue;
            }
        }
        groups.push((u, poss));
    }
    // "officials of X", "lawmakers in X and Y", "soldiers from X": trailing agent-only
    // members take the actors that follow.
    let mut merged: Vec<Group> = Vec::new();
    let mut k = 0;
    while k < groups.len() {
        let g = &groups[k].0;
        let trailing = g.members.iter().rev().take_while(|m| m.actor.is_none() && !m.new).count();
        if trailing > 0 && k + 1 < groups.len() {
            let h = &groups[k + 1].0;
            let between = &s.toks[g.end..h.start];
            if between.len() == 1
                && matches!(between[0].up.as_str(), "OF" | "IN" | "FROM")
                && h.members.iter().all(|m| m.actor.is_some() && !m.new)
            {
                let keep = g.members.len() - trailing;
                let mut members: Vec<Member> = g.members[..keep].to_vec();
                for a in &g.members[keep..] {
                    for m in &h.members {
                        let mut agents = a.agents.clone();
                        agents.extend(m.agents.clone());
                        members.push(Member { actor: m.actor.clone(), agents, new: false });
                    }
                }
                merged.push(Group {
                    members,
                    start: g.start,
                    end: h.end,
                    inner: Some(Box::new(h.clone())),
                });
                k += 2;
                continue;
            }
        }
        merged.push(g.clone());
        k += 1;
    }
    // An agent-only member after an actor in a coordination takes that actor ("Danish media
    // and government": DNKMED, DNKGOV).
    for g in &mut merged {
        for m in 1..g.members.len() {
            let (before, after) = g.members.split_at_mut(m);
            let prev = &before[m - 1];
            let cur = &mut after[0];
            if cur.actor.is_none() && !cur.new && prev.actor.is_some() && !prev.new {
                let mut agents: Vec<AgentCode> =
                    prev.agents[..prev.agents.len().saturating_sub(1)].to_vec();
                agents.extend(cur.agents.clone());
                *cur = Member { actor: prev.actor.clone(), agents, new: false };
            }
        }
    }
    merged
}

/// A list comma is followed by more of the list: another phrase then "," or "and".
fn list_continues(s: &Sentence<'_>, from: usize) -> bool {
    s.toks.get(from).is_some_and(|t| matches!(t.up.as_str(), "," | "AND" | "OR"))
}

/// Where a new actor phrase ends: it takes "of X" ("the Ministry of Magic").
fn new_actor_end(s: &Sentence<'_>, end: usize) -> usize {
    if end + 1 < s.toks.len() && s.toks[end].up == "OF" && s.toks[end + 1].cap {
        let mut e = end + 1;
        while e < s.toks.len() && s.toks[e].cap && is_modifier(s, e) {
            e += 1;
        }
        return e;
    }
    end
}

/// A phrase of words no dictionary knows, coded by its words, when short enough.
fn new_actor(s: &Sentence<'_>, start: usize, end: usize, max: usize) -> Option<Member> {
    let end = new_actor_end(s, end);
    let words: Vec<&str> = s.toks[start..end].iter().map(|t| t.up.as_str()).collect();
    if words.len() > max {
        return None;
    }
    Some(Member { actor: Some(format!("\"{}\"", words.join(" "))), agents: Vec::new(), new: true })
}

/// Where the clause holding token `at` begins.
fn clause_start(s: &Sentence<'_>, at: usize) -> usize {
    let mut k = at;
    while k > 0 {
        k -= 1;
        let t = &s.toks[k];
        if is_in(SUBORDINATORS, &t.up) || t.up == ";" {
            return k + 1;
        }
        if t.up == "," {
            // A comma inside a group (a list) does not end the clause.
            let inside = s.groups.iter().any(|g| g.start < k && k < g.end);
            if !inside {
                return k + 1;
            }
        }
    }
    0
}

/// Where the clause after a verb ends: the sentence end, or a comma that opens a new clause
/// (a phrase and then a verb: ", a senior official said").
fn clause_end(s: &Sentence<'_>, from: usize) -> usize {
    for k in from..s.toks.len() {
        if s.toks[k].up == ";" {
            return k;
        }
        if s.toks[k].up == "," {
            if let Some(g) = s.groups.iter().find(|g| g.start == k + 1) {
                let mut e = g.end;
                while e < s.toks.len() && (is_in(AUX, &s.toks[e].up) || is_adverb(&s.toks[e].up)) {
                    e += 1;
                }
                if e < s.toks.len() && s.verb_at[e] {
                    return k;
                }
            }
        }
    }
    s.toks.len()
}

/// Some noun phrase follows the verb in its clause ("said on Saturday", not "said today"):
/// PETRARCH codes a null target only then.
fn noun_phrase_after(s: &Sentence<'_>, from: usize) -> bool {
    let end = clause_end(s, from);
    (from..end).take_while(|&k| s.toks[k].up != ",").any(|k| {
        is_modifier(s, k)
            && !matches!(s.toks[k].up.as_str(), "TODAY" | "YESTERDAY" | "TONIGHT" | "NOW")
            && !is_adverb(&s.toks[k].up)
    })
}

/// Whether a subordinate clause opens between a coded verb and this one.
fn subordinate_between(s: &Sentence<'_>, from: usize, to: usize) -> bool {
    let mut sub = false;
    for k in from..to {
        let t = &s.toks[k].up;
        if is_in(SUBORDINATORS, t) {
            sub = true;
        } else if t == "," || t == ";" {
            sub = false;
        } else if t == "TO"
            && s.toks[k + 1..to]
                .iter()
                .all(|x| is_in(AUX, &x.up) || is_in(BE, &x.up) || is_adverb(&x.up))
        {
            sub = true;
        }
    }
    sub
}

/// Only auxiliaries, adverbs and "to" between two verbs.
fn chained(s: &Sentence<'_>, from: usize, to: usize) -> bool {
    s.toks[from..to].iter().all(|t| is_in(AUX, &t.up) || is_in(BE, &t.up) || is_adverb(&t.up))
}

/// "was opposed (earlier) by X": the group after "by".
fn passive_agent(s: &Sentence<'_>, v: &VerbHit<'_>) -> Option<Group> {
    let head = &s.toks[v.head].up;
    if !(head.ends_with("ED") || head.ends_with("EN") || head == "SHOT" || head == "HELD") {
        return None;
    }
    let mut k = v.start;
    let mut be = false;
    while k > 0 {
        k -= 1;
        let t = &s.toks[k].up;
        if is_in(BE, t) {
            be = true;
            break;
        }
        if !is_adverb(t) && t != "NOT" && t != "N'T" {
            break;
        }
    }
    if !be {
        return None;
    }
    let mut k = v.end;
    let mut skipped = 0;
    while k < s.toks.len() && skipped <= 2 {
        if s.toks[k].up == "BY" {
            return s.groups.iter().find(|g| g.start == k + 1).cloned();
        }
        if s.toks[k].punct {
            return None;
        }
        skipped += 1;
        k += 1;
    }
    None
}

#[derive(Debug, Clone, Default)]
struct Bindings {
    source: Option<Group>,
    target: Option<Group>,
    compound: Option<Group>,
    skipped: Vec<usize>,
}

fn match_pattern(
    dicts: &Dictionaries,
    s: &Sentence<'_>,
    p: &Pattern,
    vstart: usize,
    vend: usize,
) -> Option<Bindings> {
    let mut b = Bindings::default();
    // Lower part: forward from the verb.
    let mut pos = vend;
    for e in &p.lower {
        pos = match_forward(dicts, s, e, pos, &mut b)?;
    }
    // Upper part: backward from the verb.
    let mut pos = vstart;
    for e in &p.upper {
        pos = match_backward(dicts, s, e, pos, &mut b)?;
    }
    Some(b)
}

fn words_at(s: &Sentence<'_>, words: &[String], at: usize) -> bool {
    at + words.len() <= s.toks.len()
        && words.iter().enumerate().all(|(k, w)| s.toks[at + k].up == *w)
}

fn group_from(s: &Sentence<'_>, pos: usize, closed: bool) -> Option<Group> {
    for g in &s.groups {
        if g.end <= pos {
            continue;
        }
        if g.start >= pos {
            if closed && g.start > pos {
                return None;
            }
            return Some(g.clone());
        }
        // The position falls inside a merged "officials of X" group: the actor part only.
        if let Some(inner) = &g.inner {
            if inner.start >= pos {
                return Some((**inner).clone());
            }
        }
    }
    None
}

fn match_forward(
    dicts: &Dictionaries,
    s: &Sentence<'_>,
    e: &PatternElem,
    pos: usize,
    b: &mut Bindings,
) -> Option<usize> {
    let n = s.toks.len();
    match &e.elem {
        Elem::Word(w) => {
            if e.closed {
                (pos < n && s.toks[pos].up == *w).then_some(pos + 1)
            } else {
                (pos..n).find(|&k| s.toks[k].up == *w).map(|k| k + 1)
            }
        }
        Elem::Synset(name) => {
            let members = dicts.verbs.synset_members(name);
            let try_at =
                |k: usize| members.iter().filter(|m| words_at(s, m, k)).map(|m| k + m.len()).max();
            if e.closed {
                try_at(pos)
            } else {
                (pos..n).find_map(try_at)
            }
        }
        Elem::Source | Elem::Target | Elem::Compound => {
            let g = group_from(s, pos, e.closed)?;
            if e.elem == Elem::Compound && g.members.len() < 2 {
                return None;
            }
            let end = g.end;
            match e.elem {
                Elem::Source => b.source = Some(g),
                Elem::Target => b.target = Some(g),
                _ => b.compound = Some(g),
            }
            Some(end)
        }
        Elem::Skip => {
            let mut k = pos;
            while k < n && is_function(&s.toks[k].up) && !is_in(DETERMINERS, &s.toks[k].up) {
                k += 1;
            }
            let start = k;
            while k < n
                && (is_modifier(s, k)
                    || s.actor_at[k].is_some()
                    || s.agent_cover[k]
                    || (k == start && is_in(DETERMINERS, &s.toks[k].up)))
            {
                k += 1;
            }
            if k == start {
                return None;
            }
            if let Some(g) = s.groups.iter().find(|g| g.start >= start && g.start < k) {
                b.skipped.push(g.start);
            }
            Some(k)
        }
    }
}

fn match_backward(
    dicts: &Dictionaries,
    s: &Sentence<'_>,
    e: &PatternElem,
    pos: usize,
    b: &mut Bindings,
) -> Option<usize> {
    match &e.elem {
        Elem::Word(w) => {
            if e.closed {
                (pos > 0 && s.toks[pos - 1].up == *w).then(|| pos - 1)
            } else {
                (0..pos).rev().find(|&k| s.toks[k].up == *w)
            }
        }
        Elem::Synset(name) => {
            let members = dicts.verbs.synset_members(name);
            let try_end = |end: usize| {
                members
                    .iter()
                    .filter(|m| m.len() <= end && words_at(s, m, end - m.len()))
                    .map(|m| end - m.len())
                    .min()
            };
            if e.closed {
                try_end(pos)
            } else {
                (0..=pos).rev().find_map(try_end)
            }
        }
        Elem::Source | Elem::Target | Elem::Compound => {
            let g = s.groups.iter().rev().find(|g| g.end <= pos)?;
            if e.closed && g.end != pos {
                return None;
            }
            if e.elem == Elem::Compound && g.members.len() < 2 {
                return None;
            }
            let start = g.start;
            let g = g.clone();
            match e.elem {
                Elem::Source => b.source = Some(g),
                Elem::Target => b.target = Some(g),
                _ => b.compound = Some(g),
            }
            Some(start)
        }
        Elem::Skip => {
            let mut k = pos;
            while k > 0 && is_function(&s.toks[k - 1].up) {
                k -= 1;
            }
            let end = k;
            while k > 0
                && (is_modifier(s, k - 1) || s.actor_at[k - 1].is_some() || s.agent_cover[k - 1])
            {
                k -= 1;
            }
            if k > 0 && is_in(DETERMINERS, &s.toks[k - 1].up) {
                k -= 1;
            }
            (k < end).then_some(k)
        }
    }
}
