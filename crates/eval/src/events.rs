//! Event coding scored against a hand annotation, such as `eval/seeds/events.gold.jsonl` for the
//! seed articles.
//!
//! The gold file has one event per line: `{"doc": FILE NAME, "quote": EXACT TEXT, "source": ID,
//! "target": ID or null, "root": "05", "code": "057" or null, "date": "2025-11" or null}`, with
//! an optional `occurrence` (1-based) when the quote appears more than once and an optional
//! `note`. The quote locates the event in the document's normalised text (whitespace compared
//! loosely).
//!
//! System events are first split into one event per (source, target) pair, the way an annotator
//! codes "Bahrain, Morocco and the UAE" as three events. Then, per document, system and gold
//! events are matched one to one when source, target and CAMEO root agree (a gold `null` target
//! wants no target) and the system event's trigger or sentence overlaps the quote, preferring an
//! overlapping trigger, then the nearest trigger. Matching stays inside the quote's sentence
//! because the annotation, like the coder, goes sentence by sentence: an event with the same
//! labels in another sentence is usually another mention (a headline, a restatement), so it is
//! only named as a hint beside the miss. Recall is the share of gold events matched, precision
//! the share of system events matched. A match has
//! the right date when the system's interval lies inside the gold date at the gold's granularity
//! (a day inside "2016-12"); a gold `null` (the text does not date the event) wants the
//! document's date or none. A gold event passes when it is matched with the right date.
//!
//! Only documents named in the gold file are scored; the others are listed.

use dyad_model::{Date, DateBasisKind, Event, EventDate, Span};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::{self, Write};
use std::path::Path;

/// A gold file that cannot be read, or that does not fit the documents it annotates.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("{file}: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Record { file: String, line: usize, message: String },
    #[error("{file}:{line}: document {doc} is not in the corpus")]
    UnknownDocument { file: String, line: usize, doc: String },
    #[error("{file}:{line}: quote {quote:?} (occurrence {occurrence}) not found in {doc}")]
    QuoteNotFound { file: String, line: usize, doc: String, quote: String, occurrence: usize },
}

/// A date at the granularity the text gives it: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoldDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl GoldDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<GoldDate> {
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let mut number = |max: u8| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(p) if p.len() == 2 => {
                    p.parse().ok().filter(|n| (1..=max).contains(n)).map(Some)
                }
                Some(_) => None,
            }
        };
        let month = number(12)?;
        let day = number(31)?;
        if parts.next().is_some() || (day.is_some() && Date::parse_iso(s).is_none()) {
            return None;
        }
        Some(GoldDate { year, month, day })
    }

    /// Whether `d` falls inside this year, month or day.
    pub fn covers(&self, d: Date) -> bool {
        d.year() == self.year
            && self.month.is_none_or(|m| d.month() == m)
            && self.day.is_none_or(|day| d.day() == day)
    }
}

impl fmt::Display for GoldDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// One annotated event.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    /// Line in the gold file (1-based).
    pub line: usize,
    pub doc: String,
    pub quote: String,
    pub occurrence: usize,
    pub source: String,
    pub target: Option<String>,
    pub root: String,
    pub code: Option<String>,
    pub date: Option<GoldDate>,
}

/// A gold file: its name (for messages) and its events in file order.
#[derive(Debug, Clone)]
pub struct Gold {
    pub file: String,
    pub events: Vec<GoldEvent>,
}

impl Gold {
    pub fn read(path: &Path) -> Result<Gold, EventsError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| EventsError::Read { file: file.clone(), source })?;
        Gold::parse(&file, &text)
    }

    /// Parses JSON Lines; blank lines are skipped.
    pub fn parse(file: &str, text: &str) -> Result<Gold, EventsError> {
        let mut events = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let line = i + 1;
            let err =
                |message: String| EventsError::Record { file: file.to_string(), line, message };
            let v: Value = serde_json::from_str(raw).map_err(|e| err(e.to_string()))?;
            let text_field = |name: &str| -> Result<Option<String>, EventsError> {
                match &v[name] {
                    Value::Null => Ok(None),
                    Value::String(s) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
                    other => Err(err(format!("{name}: expected a string or null, got {other}"))),
                }
            };
            let required = |name: &str| -> Result<String, EventsError> {
                text_field(name)?.ok_or_else(|| err(format!("{name} is missing")))
            };
            let root = required("root")?;
            if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("root {root:?} is not a two-digit CAMEO root")));
            }
            let date = match text_field("date")? {
                None => None,
                Some(d) => Some(GoldDate::parse(&d).ok_or_else(|| {
                    err(format!("date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))
                })?),
            };
            let occurrence = match &v["occurrence"] {
                Value::Null => 1,
                n => n
                    .as_u64()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| err(format!("occurrence {n} is not a positive integer")))?
                    as usize,
            };
            events.push(GoldEvent {
                line,
                doc: required("doc")?,
                quote: required("quote")?,
                occurrence,
                source: required("source")?,
                target: text_field("target")?,
                root,
                code: text_field("code")?,
                date,
            });
        }
        Ok(Gold { file: file.to_string(), events })
    }
}

/// One analysed document: its file name (what gold `doc` names), normalised text and events.
#[derive(Debug, Clone)]
pub struct SystemDoc {
    pub name: String,
    pub text: String,
    pub events: Vec<Event>,
}

/// One (source, target) pair of a system event.
#[derive(Debug, Clone, Copy)]
struct Atom<'a> {
    event: &'a Event,
    source: &'a str,
    target: Option<&'a str>,
}

fn atoms(events: &[Event]) -> Vec<Atom<'_>> {
    let mut out = Vec::new();
    for event in events {
        let targets: Vec<Option<&str>> = if event.target.is_empty() {
            vec![None]
        } else {
            event.target.iter().map(|t| Some(&**t)).collect()
        };
        let sources: Vec<&str> = if event.source.is_empty() {
            vec!["-"]
        } else {
            event.source.iter().map(|s| &**s).collect()
        };
        for &source in &sources {
            for &target in &targets {
                out.push(Atom { event, source, target });
            }
        }
    }
    out
}

fn agrees(g: &GoldEvent, a: &Atom<'_>) -> bool {
    g.source == a.source && g.target.as_deref() == a.target && g.root == a.event.root
}

/// Whether the system's date is the gold's at the gold's granularity.
fn date_agrees(gold: Option<&GoldDate>, system: Option<&EventDate>) -> bool {
    match (gold, system) {
        (None, None) => true,
        (None, Some(d)) => d.basis == DateBasisKind::Document,
        (Some(_), None) => false,
        (Some(g), Some(d)) => match (d.from, d.to) {
            (Some(from), Some(to)) => g.covers(from) && g.covers(to),
            _ => false,
        },
    }
}

/// Finds the `occurrence`-th appearance of `quote` in `text`, treating every run of whitespace
/// (non-breaking spaces included) as one space on both sides.
pub fn locate(text: &str, quote: &str, occurrence: usize) -> Option<Span> {
    let (squeezed, origin) = squeeze(text);
    let (needle, _) = squeeze(quote.trim());
    if needle.is_empty() || occurrence == 0 {
        return None;
    }
    let (start, _) = squeezed.match_indices(needle.as_str()).nth(occurrence - 1)?;
    let end = start + needle.len();
    Some(Span::new(origin[start], origin[end]))
}

/// The text with whitespace runs as single spaces, and for each of its bytes (plus the end) the
/// byte offset in the original.
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                origin.push(i);
            }
            in_space = true;
        } else {
            out.push(c);
            origin.extend(i..i + c.len_utf8());
            in_space = false;
        }
    }
    origin.push(text.len());
    (out, origin)
}

/// Where a system event lies relative to the gold quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Trigger,
    Sentence,
    Elsewhere,
}

/// Counts for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocScore {
    pub name: String,
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
    /// Matches with the right date.
    pub dated: usize,
}

/// The scores, and the lines that explain them.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub gold_file: String,
    pub docs: Vec<DocScore>,
    /// Corpus documents the gold file does not name (not scored).
    pub unscored: Vec<String>,
    pub misses: Vec<String>,
    pub wrong_dates: Vec<String>,
    pub spurious: Vec<String>,
}

impl Report {
    pub fn total(&self) -> DocScore {
        let mut t = DocScore { name: "all".into(), ..DocScore::default() };
        for d in &self.docs {
            t.gold += d.gold;
            t.system += d.system;
            t.matched += d.matched;
            t.dated += d.dated;
        }
        t
    }

    /// Gold events matched with the right date.
    pub fn passed(&self) -> usize {
        self.total().dated
    }

    pub fn failed(&self) -> usize {
        let t = self.total();
        t.gold - t.dated
    }

    /// The report; at most `show` lines of each list. The last line is `N passed, M failed`.
    pub fn render(&self, show: usize) -> String {
        let mut out = String::new();
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        let _ = writeln!(out, "events against the hand annotation {}", self.gold_file);
        let _ = writeln!(
            out,
            "{:<28} {:>5} {:>6} {:>7} {:>7} {:>9} {:>7}",
            "document", "gold", "system", "matched", "recall", "precision", "dates"
        );
        let t = self.total();
        for d in self.docs.iter().chain(std::iter::once(&t)) {
            let _ = writeln!(
                out,
                "{:<28} {:>5} {:>6} {:>7} {:>6.1}% {:>8.1}% {:>7}",
                d.name,
                d.gold,
                d.system,
                d.matched,
                pct(d.matched, d.gold),
                pct(d.matched, d.system),
                format!("{}/{}", d.dated, d.matched)
            );
        }
        let _ = writeln!(
            out,
            "recall (gold events with source, target and root right): {} of {} = {:.1}%",
            t.matched,
            t.gold,
            pct(t.matched, t.gold)
        );
        let _ = writeln!(
            out,
            "precision (system events, one per source-target pair, matching a gold one): {} of {} = {:.1}%",
            t.matched,
            t.system,
            pct(t.matched, t.system)
        );
        let _ = writeln!(
            out,
            "date right among matched: {} of {} = {:.1}%",
            t.dated,
            t.matched,
            pct(t.dated, t.matched)
        );
        if !self.unscored.is_empty() {
            let _ =
                writeln!(out, "not in the gold file (not scored): {}", self.unscored.join(", "));
        }
        let lists = [
            ("Misses (gold events not found)", &self.misses),
            ("Wrong dates (matched, date differs)", &self.wrong_dates),
            ("Spurious (system events matching no gold event)", &self.spurious),
        ];
        for (title, lines) in lists {
            if show == 0 || lines.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{title}: {} (first {})", lines.len(), show.min(lines.len()));
            for line in lines.iter().take(show) {
                let _ = writeln!(out, "  {line}");
            }
        }
        let _ = writeln!(out, "{} passed, {} failed", self.passed(), self.failed());
        out
    }
}

fn short(name: &str) -> &str {
    name.get(..3).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).unwrap_or(name)
}

fn describe_gold(g: &GoldEvent) -> String {
    format!(
        "{} -> {} {}{} date {}",
        g.source,
        g.target.as_deref().unwrap_or("-"),
        g.root,
        g.code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default(),
        g.date.map_or_else(|| "none in the text".to_string(), |d| d.to_string())
    )
}

fn describe_date(d: Option<&EventDate>) -> String {
    match d {
        None => "none".into(),
        Some(d) => {
            let basis = match d.basis {
                DateBasisKind::Text => "text",
                DateBasisKind::Document => "document",
            };
            format!("{} ({basis})", d.value)
        }
    }
}

fn describe_atom(a: &Atom<'_>, text: &str) -> String {
    format!(
        "{} -> {} {} ({}) {:?} date {}",
        a.source,
        a.target.unwrap_or("-"),
        a.event.root,
        a.event.cameo,
        a.event.span.slice(text),
        describe_date(a.event.date.as_ref())
    )
}

/// What a near miss got wrong.
fn differences(g: &GoldEvent, a: &Atom<'_>) -> String {
    let mut d = Vec::new();
    if g.source != a.source {
        d.push(format!("source {} not {}", a.source, g.source));
    }
    if g.target.as_deref() != a.target {
        d.push(format!(
            "target {} not {}",
            a.target.unwrap_or("none"),
            g.target.as_deref().unwrap_or("none")
        ));
    }
    if g.root != a.event.root {
        d.push(format!("root {} not {}", a.event.root, g.root));
    }
    d.join(", ")
}

fn excerpt(text: &str, span: Span, max: usize) -> String {
    let s = span.slice(text);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}...")
}

/// Scores the documents named in `gold` against their analyses in `docs`.
pub fn score(gold: &Gold, docs: &[SystemDoc]) -> Result<Report, EventsError> {
    let mut by_doc: BTreeMap<&str, Vec<&GoldEvent>> = BTreeMap::new();
    for g in &gold.events {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut report = Report { gold_file: gold.file.clone(), ..Report::default() };
    let mut names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    report.unscored =
        names.iter().filter(|n| !by_doc.contains_key(*n)).map(|n| n.to_string()).collect();
    for (name, golds) in by_doc {
        let Some(doc) = docs.iter().find(|d| d.name == name) else {
            return Err(EventsError::UnknownDocument {
                file: gold.file.clone(),
                line: golds[0].line,
                doc: name.to_string(),
            });
        };
        score_document(&gold.file, doc, &golds, &mut report)?;
    }
    Ok(report)
}

fn score_document(
    file: &str,
    doc: &SystemDoc,
    golds: &[&GoldEvent],
    report: &mut Report,
) -> Result<(), EventsError> {
    let text = doc.text.as_str();
    let mut spans = Vec::with_capacity(golds.len());
    for g in golds {
        let span =
            locate(text, &g.quote, g.occurrence).ok_or_else(|| EventsError::QuoteNotFound {
                file: file.to_string(),
                line: g.line,
                doc: g.doc.clone(),
                quote: g.quote.clone(),
                occurrence: g.occurrence,
            })?;
        spans.push(span);
    }
    let atoms = atoms(&doc.events);
    let place = |gi: usize, a: &Atom<'_>| {
        if a.event.span.overlaps(spans[gi]) {
            Place::Trigger
        } else if a.event.sentence.overlaps(spans[gi]) {
            Place::Sentence
        } else {
            Place::Elsewhere
        }
    };
    // Candidate pairs, best first: nearer places, then nearer triggers; the file order breaks ties.
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (ai, a) in atoms.iter().enumerate() {
            if agrees(g, a) && place(gi, a) != Place::Elsewhere {
                let distance = a.event.span.start.abs_diff(spans[gi].start);
                pairs.push((place(gi, a), distance, gi, ai));
            }
        }
    }
    pairs.sort_unstable();
    let mut gold_match: Vec<Option<usize>> = vec![None; golds.len()];
    let mut atom_taken = vec![false; atoms.len()];
    for (_, _, gi, ai) in pairs {
        if gold_match[gi].is_none() && !atom_taken[ai] {
            gold_match[gi] = Some(ai);
            atom_taken[ai] = true;
        }
    }

    let mut score = DocScore {
        name: doc.name.clone(),
        gold: golds.len(),
        system: atoms.len(),
        ..DocScore::default()
    };
    let tag = short(&doc.name);
    for (gi, g) in golds.iter().enumerate() {
        let head = format!("{tag} line {} {:?}: {}", g.line, g.quote, describe_gold(g));
        match gold_match[gi] {
            Some(ai) => {
                let a = &atoms[ai];
                score.matched += 1;
                if date_agrees(g.date.as_ref(), a.event.date.as_ref()) {
                    score.dated += 1;
                } else {
                    report.wrong_dates.push(format!(
                        "{head}; system date {} (trigger {:?})",
                        describe_date(a.event.date.as_ref()),
                        a.event.span.slice(text)
                    ));
                }
            }
            None => {
                // The closest system event in the quote's sentence: most fields right, then an
                // overlapping trigger, then one not matched to another gold event.
                let near = atoms
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| place(gi, a) != Place::Elsewhere)
                    .max_by_key(|&(ai, a)| {
                        let right = usize::from(g.source == a.source)
                            + usize::from(g.target.as_deref() == a.target)
                            + usize::from(g.root == a.event.root);
                        (right, place(gi, a) == Place::Trigger, !atom_taken[ai], usize::MAX - ai)
                    });
                let mut line = match near {
                    Some((ai, a)) => format!(
                        "{head}\n      near miss: {}: {}{}",
                        describe_atom(a, text),
                        differences(g, a),
                        if atom_taken[ai] { " (matched to another gold event)" } else { "" }
                    ),
                    None => format!("{head}\n      nothing coded in its sentence"),
                };
                if let Some(a) = atoms.iter().find(|a| agrees(g, a)) {
                    let _ = write!(
                        line,
                        "\n      same labels coded in another sentence: {:?}",
                        excerpt(text, a.event.sentence, 80)
                    );
                }
                report.misses.push(line);
            }
        }
    }
    for (ai, a) in atoms.iter().enumerate() {
        if !atom_taken[ai] {
            report.spurious.push(format!(
                "{tag} {} in {:?}",
                describe_atom(a, text),
                excerpt(text, a.event.sentence, 100)
            ));
        }
    }
    report.docs.push(score);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Modality;

    const TEXT: &str = "Kazakhstan joined the Abraham Accords on 6 November 2025. \
                        Israel praised the decision. Egypt condemned Israel.";

    fn event(
        text: &str,
        trigger: &str,
        sentence: &str,
        source: &str,
        target: &str,
        code: &str,
    ) -> Event {
        let at = |s: &str| {
            let start = text.find(s).expect("in the text");
            Span::new(start, start + s.len())
        };
        let sentence = at(sentence);
        let trigger = {
            let start = sentence.start + sentence.slice(text).find(trigger).expect("in sentence");
            Span::new(start, start + trigger.len())
        };
        Event {
            span: trigger,
            sentence,
            source: vec![source.into()],
            target: if target.is_empty() { vec![] } else { vec![target.into()] },
            source_agent: None,
            target_agent: None,
            cameo: code.into(),
            root: code[..2].into(),
            goldstein: 0.0,
            quad: 0,
            plover: String::new(),
            date: None,
            modality: Modality::Asserted,
            attributed_to: None,
        }
    }

    fn dated(mut e: Event, value: &str, basis: DateBasisKind) -> Event {
        let (from, to) = match GoldDate::parse(value) {
            Some(GoldDate { year, month: Some(m), day: Some(d) }) => {
                (Date::new(year, m, d), Date::new(year, m, d))
            }
            Some(GoldDate { year, month: Some(m), day: None }) => {
                (Date::new(year, m, 1), Date::new(year, m, 28))
            }
            _ => (None, None),
        };
        e.date = Some(EventDate { value: value.into(), from, to, basis });
        e
    }

    fn gold(lines: &[&str]) -> Gold {
        Gold::parse("gold.jsonl", &lines.join("\n")).expect("valid gold")
    }

    fn doc(events: Vec<Event>) -> SystemDoc {
        SystemDoc { name: "a.txt".into(), text: TEXT.into(), events }
    }

    const JOIN: &str = r#"{"doc":"a.txt","quote":"joined the Abraham","source":"KAZ","target":"ABRAHAM_ACCORDS","root":"05","code":"057","date":"2025-11-06"}"#;
    const PRAISE: &str = r#"{"doc":"a.txt","quote":"Israel praised","source":"ISR","target":"KAZ","root":"05","date":null}"#;
    const CONDEMN: &str = r#"{"doc":"a.txt","quote":"Egypt condemned","source":"EGY","target":"ISR","root":"11","date":"2025"}"#;

    #[test]
    fn matches_count_recall_precision_and_dates() {
        let first = "Kazakhstan joined the Abraham Accords on 6 November 2025.";
        let join = event(TEXT, "joined", first, "KAZ", "ABRAHAM_ACCORDS", "057");
        let praise = event(TEXT, "praised", "Israel praised the decision.", "ISR", "", "051");
        let condemn = event(TEXT, "condemned", "Egypt condemned Israel.", "EGY", "ISR", "111");
        let docs = [doc(vec![
            dated(join, "2025-11-06", DateBasisKind::Text),
            dated(praise, "2025-11-07", DateBasisKind::Document),
            dated(condemn, "2024-05", DateBasisKind::Text),
        ])];
        let r = score(&gold(&[JOIN, PRAISE, CONDEMN]), &docs).expect("scores");
        let t = r.total();
        // The praise has no target where the gold wants KAZ.
        assert_eq!((t.gold, t.system, t.matched, t.dated), (3, 3, 2, 1));
        assert_eq!((r.passed(), r.failed()), (1, 2));
        assert_eq!(r.misses.len(), 1);
        assert!(r.misses[0].contains("target none not KAZ"), "{}", r.misses[0]);
        assert_eq!(r.spurious.len(), 1);
        assert_eq!(r.wrong_dates.len(), 1);
        assert!(r.wrong_dates[0].contains("2024-05"));
        let text = r.render(10);
        assert!(text.ends_with("1 passed, 2 failed\n"), "{text}");
        assert!(text.contains("recall (gold events with source, target and root right): 2 of 3"));
    }

    #[test]
    fn a_null_target_wants_none_and_a_null_date_wants_the_document_date() {
        let g = gold(&[
            r#"{"doc":"a.txt","quote":"Israel praised","source":"ISR","target":null,"root":"05","date":null}"#,
        ]);
        let praise = event(TEXT, "praised", "Israel praised the decision.", "ISR", "", "051");
        let r =
            score(&g, &[doc(vec![dated(praise.clone(), "2025-11-07", DateBasisKind::Document)])])
                .expect("scores");
        assert_eq!(r.passed(), 1);
        let r = score(&g, &[doc(vec![dated(praise, "2025-11-07", DateBasisKind::Text)])])
            .expect("scores");
        assert_eq!((r.total().matched, r.passed()), (1, 0));
    }

    #[test]
    fn one_to_one_prefers_the_event_at_the_quote() {
        // Two gold joins in two sentences, two system joins: each goes to its own sentence, and a
        // third system join is spurious however well it agrees.
        let text = "Kazakhstan joined the Accords. Later, Kazakhstan joined the Accords again.";
        let s1 = "Kazakhstan joined the Accords.";
        let s2 = "Later, Kazakhstan joined the Accords again.";
        let g = gold(&[
            r#"{"doc":"a.txt","quote":"Later, Kazakhstan joined","source":"KAZ","target":"ABRAHAM_ACCORDS","root":"05"}"#,
            r#"{"doc":"a.txt","quote":"joined the Accords.","source":"KAZ","target":"ABRAHAM_ACCORDS","root":"05"}"#,
        ]);
        let e1 = event(text, "joined", s1, "KAZ", "ABRAHAM_ACCORDS", "057");
        let e2 = event(text, "joined", s2, "KAZ", "ABRAHAM_ACCORDS", "057");
        let d =
            SystemDoc { name: "a.txt".into(), text: text.into(), events: vec![e1.clone(), e2, e1] };
        let r = score(&g, &[d]).expect("scores");
        let t = r.total();
        assert_eq!((t.gold, t.system, t.matched), (2, 3, 2));
        assert_eq!(r.spurious.len(), 1);
    }

    #[test]
    fn the_same_labels_in_another_sentence_are_a_hint_not_a_match() {
        let g = gold(&[CONDEMN]);
        let first = "Kazakhstan joined the Abraham Accords on 6 November 2025.";
        let wrong_place = event(TEXT, "joined", first, "EGY", "ISR", "111");
        let r = score(&g, &[doc(vec![wrong_place])]).expect("scores");
        assert_eq!((r.total().matched, r.spurious.len()), (0, 1));
        assert!(r.misses[0].contains("nothing coded in its sentence"), "{}", r.misses[0]);
        assert!(r.misses[0].contains("same labels coded in another sentence"), "{}", r.misses[0]);
    }

    #[test]
    fn coordinated_targets_are_one_event_each() {
        let text = "The US thanked Bahrain and Morocco.";
        let mut e = event(text, "thanked", text, "USA", "BHR", "051");
        e.target.push("MAR".into());
        let g = gold(&[
            r#"{"doc":"a.txt","quote":"thanked","source":"USA","target":"BHR","root":"05"}"#,
            r#"{"doc":"a.txt","quote":"thanked","source":"USA","target":"MAR","root":"05"}"#,
        ]);
        let d = SystemDoc { name: "a.txt".into(), text: text.into(), events: vec![e] };
        let t = score(&g, &[d]).expect("scores").total();
        assert_eq!((t.gold, t.system, t.matched), (2, 2, 2));
    }

    #[test]
    fn near_misses_name_what_differs() {
        let g = gold(&[CONDEMN]);
        let wrong_root = event(TEXT, "condemned", "Egypt condemned Israel.", "EGY", "ISR", "120");
        let r = score(&g, &[doc(vec![wrong_root])]).expect("scores");
        assert_eq!(r.misses.len(), 1);
        assert!(r.misses[0].contains("root 12 not 11"), "{}", r.misses[0]);
        let r = score(&g, &[doc(vec![])]).expect("scores");
        assert!(r.misses[0].contains("nothing coded in its sentence"));
        assert_eq!(r.render(0).lines().last(), Some("0 passed, 1 failed"));
    }

    #[test]
    fn quotes_are_found_across_odd_whitespace_and_by_occurrence() {
        let text = "in\u{a0}1992 they met. They met again.";
        assert_eq!(locate(text, "in 1992", 1), Some(Span::new(0, 8)));
        assert_eq!(locate(text, "met", 2).map(|s| s.slice(text)), Some("met"));
        assert_eq!(locate(text, "met", 2).map(|s| s.start), Some(text.rfind("met").unwrap()));
        assert_eq!(locate(text, "met", 3), None);
    }

    #[test]
    fn gold_dates_compare_at_their_granularity() {
        let month = GoldDate::parse("2016-12").expect("a month");
        assert!(month.covers(Date::new(2016, 12, 5).unwrap()));
        assert!(!month.covers(Date::new(2016, 11, 30).unwrap()));
        let year = EventDate {
            value: "2016".into(),
            from: Date::new(2016, 1, 1),
            to: Date::new(2016, 12, 31),
            basis: DateBasisKind::Text,
        };
        assert!(!date_agrees(Some(&month), Some(&year)));
        assert!(date_agrees(GoldDate::parse("2016").as_ref(), Some(&year)));
        assert_eq!(GoldDate::parse("2016-13"), None);
        assert_eq!(GoldDate::parse("2025-02-30"), None);
        assert_eq!(month.to_string(), "2016-12");
    }

    #[test]
    fn bad_gold_and_unknown_documents_are_errors_with_lines() {
        let e = Gold::parse(
            "g",
            "\n{\"doc\":\"a.txt\",\"quote\":\"x\",\"source\":\"KAZ\",\"root\":\"5\"}",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "g:2: root \"5\" is not a two-digit CAMEO root");
        let e = score(&gold(&[JOIN]), &[]).unwrap_err();
        assert!(matches!(e, EventsError::UnknownDocument { line: 1, .. }));
        let g = gold(&[r#"{"doc":"a.txt","quote":"not there","source":"KAZ","root":"05"}"#]);
        assert!(matches!(score(&g, &[doc(vec![])]), Err(EventsError::QuoteNotFound { .. })));
    }
}
