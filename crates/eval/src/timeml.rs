//! TempEval-3 scoring of time expressions on TimeML files.
//!
//! For each `.tml` file, the text inside `<TEXT>` is stripped of markup (keeping the offsets of
//! every `<TIMEX3>`), dyad finds and normalises times in it with the document creation time
//! (`<DCT>`) as the reference date, and the result is compared with the annotation:
//! - extraction: a system expression matches a gold one strictly when the spans are equal and
//!   relaxedly when they overlap; precision, recall and F1 for both;
//! - value: among relaxed matches, the TIMEX3 values must be equal; value precision, recall and
//!   F1 count correct values over system and gold expressions (TempEval-3's attribute F1).
//!
//! TimeML annotates the endpoints of a range separately ("since [1992]"), so a dyad range is
//! scored through its parts. An annotated expression "passes" when some dyad expression
//! overlaps it and has its value.

use crate::{EvalError, Prf};
use dyad_model::{Date, Span};
use std::fmt::Write;
use std::path::PathBuf;

/// One annotated or found expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub value: String,
    pub kind: String,
}

/// A TimeML document: plain text, creation time and gold expressions.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    pub name: String,
    pub text: String,
    pub dct: Option<Date>,
    pub gold: Vec<Timex>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (name, c) in
        [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')]
    {
        if s.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    None
}

/// Parses one TimeML file.
pub fn parse(name: &str, xml: &str) -> Result<TimemlDoc, EvalError> {
    let err = |m: &str| EvalError { file: name.to_string(), message: m.to_string() };
    let dct = xml.find("<DCT>").and_then(|i| attr(&xml[i..], "value")).and_then(|v| {
        Date::parse_iso(v).or_else(|| {
            Date::parse_iso(&format!("{}-{}-{}", v.get(0..4)?, v.get(4..6)?, v.get(6..8)?))
        })
    });
    let start = xml.find("<TEXT>").ok_or_else(|| err("no <TEXT> element"))? + "<TEXT>".len();
    let end = xml.find("</TEXT>").ok_or_else(|| err("no </TEXT> element"))?;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| err("unclosed tag"))?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                let value = attr(tag, "value").unwrap_or("").to_string();
                let kind = attr(tag, "type").unwrap_or("").to_string();
                open = Some((text.len(), value, kind));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, value, kind)) = open.take() {
                    gold.push(Timex { span: Span::new(s, text.len()), value, kind });
                }
            }
            i += close + 1;
        } else if let Some((c, len)) = rest.starts_with('&').then(|| decode_entity(rest)).flatten()
        {
            text.push(c);
            i += len;
        } else {
            let c = rest.chars().next().expect("char boundary");
            text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(TimemlDoc { name: name.to_string(), text, dct, gold })
}

/// dyad's expressions for a document, in TimeML's shape (range endpoints separately).
pub fn system(doc: &TimemlDoc) -> Vec<Timex> {
    let sentences: Vec<Span> = dyad_segment::sentences(&doc.text).iter().map(|s| s.span).collect();
    let mut out = Vec::new();
    for t in dyad_temporal::find_times(&doc.text, &sentences, doc.dct) {
        if t.kind == dyad_model::TimeKind::Range && !t.parts.is_empty() {
            for (span, value) in &t.parts {
                out.push(Timex { span: *span, value: value.clone(), kind: "date".into() });
            }
        } else {
            out.push(Timex { span: t.span, value: t.value, kind: t.kind.as_str().into() });
        }
    }
    out
}

/// Counts for one document or a whole suite.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict_system: usize,
    pub strict_gold: usize,
    pub relaxed_system: usize,
    pub relaxed_gold: usize,
    pub value_correct: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict_system += o.strict_system;
        self.strict_gold += o.strict_gold;
        self.relaxed_system += o.relaxed_system;
        self.relaxed_gold += o.relaxed_gold;
        self.value_correct += o.value_correct;
    }
    pub fn strict(&self) -> Prf {
        Prf::new(self.strict_system, self.system, self.strict_gold, self.gold)
    }
    pub fn relaxed(&self) -> Prf {
        Prf::new(self.relaxed_system, self.system, self.relaxed_gold, self.gold)
    }
    pub fn value(&self) -> Prf {
        Prf::new(self.value_correct, self.system, self.value_correct, self.gold)
    }
}

/// A gold expression dyad missed or normalised differently.
#[derive(Debug, Clone)]
pub struct Miss {
    pub doc: String,
    pub text: String,
    pub expected: String,
    pub got: Option<(String, String)>,
}

/// System expressions that overlap no annotation.
pub fn spurious(doc: &TimemlDoc, sys: &[Timex]) -> Vec<Miss> {
    sys.iter()
        .filter(|s| !doc.gold.iter().any(|g| g.span.overlaps(s.span)))
        .map(|s| Miss {
            doc: doc.name.clone(),
            text: s.span.slice(&doc.text).to_string(),
            expected: "nothing".into(),
            got: Some((s.span.slice(&doc.text).to_string(), s.value.clone())),
        })
        .collect()
}

pub fn score(doc: &TimemlDoc, sys: &[Timex]) -> (Counts, Vec<Miss>) {
    let mut c = Counts { gold: doc.gold.len(), system: sys.len(), ..Counts::default() };
    c.strict_system = sys.iter().filter(|s| doc.gold.iter().any(|g| g.span == s.span)).count();
    c.strict_gold = doc.gold.iter().filter(|g| sys.iter().any(|s| g.span == s.span)).count();
    c.relaxed_system =
        sys.iter().filter(|s| doc.gold.iter().any(|g| g.span.overlaps(s.span))).count();
    c.relaxed_gold =
        doc.gold.iter().filter(|g| sys.iter().any(|s| g.span.overlaps(s.span))).count();
    let mut misses = Vec::new();
    for g in &doc.gold {
        // The best overlapping system expression: the one with the right value, if any.
        let overlapping: Vec<&Timex> = sys.iter().filter(|s| g.span.overlaps(s.span)).collect();
        if overlapping.iter().any(|s| s.value == g.value) {
            c.value_correct += 1;
        } else {
            misses.push(Miss {
                doc: doc.name.clone(),
                text: g.span.slice(&doc.text).to_string(),
                expected: g.value.clone(),
                got: overlapping
                    .first()
                    .map(|s| (s.span.slice(&doc.text).to_string(), s.value.clone())),
            });
        }
    }
    (c, misses)
}

/// The `.tml` files under `paths`, sorted.
pub fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(dir) = stack.pop() {
                if let Ok(entries) = std::fs::read_dir(&dir) {
                    for e in entries.flatten() {
                        let path = e.path();
                        if path.is_dir() {
                            stack.push(path);
                        } else if path.extension().is_some_and(|x| x == "tml") {
                            out.push(path);
                        }
                    }
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out
}

/// Runs the suite and renders the report; returns the report and whether every file parsed.
pub fn run(paths: &[PathBuf], show_misses: usize) -> Result<(String, Counts), EvalError> {
    let mut total = Counts::default();
    let mut misses = Vec::new();
    let mut extra = Vec::new();
    let mut bounds: Vec<(String, String)> = Vec::new();
    let files = files(paths);
    if files.is_empty() {
        return Err(EvalError {
            file: paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" "),
            message: "no .tml files".into(),
        });
    }
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let xml = std::fs::read_to_string(f)
            .map_err(|e| EvalError { file: f.display().to_string(), message: e.to_string() })?;
        let doc = parse(&name, &xml)?;
        let sys = system(&doc);
        let (c, m) = score(&doc, &sys);
        total.add(c);
        misses.extend(m);
        extra.extend(spurious(&doc, &sys));
        for g in &doc.gold {
            if let Some(sys) = sys.iter().find(|x| x.span.overlaps(g.span) && x.span != g.span) {
                bounds.push((
                    g.span.slice(&doc.text).to_string(),
                    sys.span.slice(&doc.text).to_string(),
                ));
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "TimeML: {} documents, {} gold expressions, {} found",
        files.len(),
        total.gold,
        total.system
    );
    for (name, prf) in [
        ("strict span", total.strict()),
        ("relaxed span", total.relaxed()),
        ("value", total.value()),
    ] {
        let _ = writeln!(
            out,
            "  {name:<13} P {:5.1}  R {:5.1}  F1 {:5.1}",
            prf.precision * 100.0,
            prf.recall * 100.0,
            prf.f1 * 100.0
        );
    }
    let _ =
        writeln!(out, "  (HeidelTime on the TempEval-3 test set: relaxed F1 90.3, value F1 77.6)");
    if show_misses > 0 {
        let _ = writeln!(out, "\nMissed or wrongly normalised (first {show_misses}):");
        for m in misses.iter().take(show_misses) {
            let got =
                m.got.as_ref().map_or("not found".to_string(), |(t, v)| format!("{t:?} = {v}"));
            let _ =
                writeln!(out, "  {:<28} {:?} expected {}, got {}", m.doc, m.text, m.expected, got);
        }
    }
    if show_misses > 0 {
        let _ = writeln!(out, "\nFound with other bounds (first {show_misses}):");
        for (g, s) in bounds.iter().take(show_misses) {
            let _ = writeln!(out, "  annotated {g:?}, found {s:?}");
        }
        let _ = writeln!(out, "\nFound but not annotated (first {show_misses}):");
        for m in extra.iter().take(show_misses) {
            let _ = writeln!(
                out,
                "  {:<28} {:?} = {}",
                m.doc,
                m.text,
                m.got.as_ref().map_or("", |g| g.1.as_str())
            );
        }
    }
    let _ = writeln!(
        out,
        "{} passed, {} failed",
        total.value_correct,
        total.gold - total.value_correct
    );
    Ok((out, total))
}
