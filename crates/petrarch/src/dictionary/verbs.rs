//! Verb dictionaries: `&SYNSET` lists of `+` members, and `--- NAME [CODE] ---` blocks whose
//! first lines are verbs (`WORD {IRREGULAR FORMS} [CODE]`, multi-word verbs marking their
//! head with `+`: `WIRE_+TAP`, `+CORDON_OFF`) and whose `- ` lines are patterns.
//!
//! In a pattern `*` is the verb, `$` the source, `+` the target, `%` a compound actor, `^`
//! skips a noun phrase, `&NAME` is any member of a synset. Words joined by `_` must be
//! adjacent; a blank lets other words come between. A code `[A:B]` is a pair of events:
//! source to target coded A, target to source coded B; `[---]` codes nothing.

use std::collections::HashMap;
use std::path::Path;

use super::{clean_lines, phrase_words, read_text, split_brackets};
use crate::PetrarchError;

/// An event code; `reverse` is the code of the paired event from target to source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCode {
    /// Source-to-target code.
    pub code: String,
    /// Target-to-source code of a paired event (`[032:033]`).
    pub reverse: Option<String>,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A literal word.
    Word(String),
    /// Any member of a synset (`&NAME`).
    Synset(String),
    /// The source actor (`$`).
    Source,
    /// The target actor (`+`).
    Target,
    /// A compound actor (`%`).
    Compound,
    /// Skip one noun phrase (`^`).
    Skip,
}

/// A pattern element and whether it must touch its neighbour toward the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternElem {
    /// The element.
    pub elem: Elem,
    /// Joined by `_` to the element on its verb side (or to the verb itself).
    pub closed: bool,
}

/// A verb pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Elements before the verb, nearest the verb first.
    pub upper: Vec<PatternElem>,
    /// Elements after the verb, nearest the verb first.
    pub lower: Vec<PatternElem>,
    /// The code; `None` for `[---]`.
    pub code: Option<EventCode>,
    /// The pattern as written.
    pub text: String,
}

impl Pattern {
    /// Number of elements: longer patterns are tried first.
    pub fn len(&self) -> usize {
        self.upper.len() + self.lower.len()
    }

    /// Whether the pattern is only the verb.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A verb block: default code and patterns shared by its verbs.
#[derive(Debug, Clone)]
pub struct VerbBlock {
    /// The block's name (`--- NAME [...] ---`).
    pub name: String,
    /// The default code; `None` for `[---]`.
    pub code: Option<EventCode>,
    /// Patterns, longest first (dictionary order among equals).
    pub patterns: Vec<Pattern>,
}

/// One verb form: words before the head, the head, words after.
#[derive(Debug, Clone)]
pub struct VerbForm {
    /// Words that must come right before the head.
    pub before: Vec<String>,
    /// Words that must come right after the head.
    pub after: Vec<String>,
    /// The verb's own block.
    pub block: u32,
    /// The verb's own code (a synonym with `[CODE]`), overriding the block's.
    pub code: Option<Option<EventCode>>,
}

/// The verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synsets by name (with `&`): their members as word sequences (may name other synsets).
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// Head word form to verb forms.
    pub(crate) forms: HashMap<String, Vec<VerbForm>>,
    /// Patterns and verb lines skipped as unreadable (file and line).
    pub warnings: Vec<String>,
}

enum Mode {
    None,
    Synset(String),
    Block(usize),
}

impl VerbDictionary {
    /// Reads a verb file.
    pub fn read(path: &Path) -> Result<Self, PetrarchError> {
        let mut d = VerbDictionary::default();
        d.add_text(&read_text(path)?, path)?;
        Ok(d)
    }

    /// Adds synsets and blocks from text; `path` names the source in errors.
    pub fn add_text(&mut self, text: &str, path: &Path) -> Result<(), PetrarchError> {
        let mut mode = Mode::None;
        let mut verbs_open = false;
        let first_block = self.blocks.len();
        for (line_no, line) in clean_lines(text) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: String| PetrarchError::syntax(path, line_no, m);
            if line.starts_with("---") {
                let inner = line.trim_start_matches('-').trim_end_matches('-');
                let (name, groups) = split_brackets(inner);
                let code = match groups.first() {
                    Some(g) => parse_event_code(g).map_err(err)?,
                    None => None,
                };
                self.blocks.push(VerbBlock {
                    name: name.trim().to_string(),
                    code,
                    patterns: Vec::new(),
                });
                mode = Mode::Block(self.blocks.len() - 1);
                verbs_open = true;
                continue;
            }
            if line.starts_with('&') {
                let name = line.split_whitespace().next().unwrap_or("").to_uppercase();
                self.synsets.entry(name.clone()).or_default();
                mode = Mode::Synset(name);
                continue;
            }
            match &mode {
                Mode::None => return Err(err("line outside any block or synset".into())),
                Mode::Synset(name) => {
                    let Some(member) = line.strip_prefix('+') else {
                        return Err(err(format!("synset {name} member lacks '+'")));
                    };
                    let words = phrase_words(member);
                    if !words.is_empty() {
                        self.synsets.get_mut(name).expect("created").push(words);
                    }
                }
                Mode::Block(b) => {
                    let b = *b;
                    // One unreadable pattern or verb line is skipped with a warning.
                    let result = if let Some(p) = line.strip_prefix('-') {
                        verbs_open = false;
                        parse_pattern(p).map(|pat| self.blocks[b].patterns.push(pat))
                    } else if verbs_open {
                        self.add_verb_line(line, b)
                    } else {
                        Err("verb after the block's patterns".to_string())
                    };
                    if let Err(m) = result {
                        self.warnings.push(err(m).to_string());
                    }
                }
            }
        }
        for block in &mut self.blocks[first_block..] {
            block.patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Ok(())
    }

    fn add_verb_line(&mut self, line: &str, block: usize) -> Result<(), String> {
        let (head, groups) = split_brackets(line);
        let code = match groups.first() {
            Some(g) => Some(parse_event_code(g)?),
            None => None,
        };
        let (phrase, irregular) = match (head.find('{'), head.find('}')) {
            (Some(a), Some(b)) if a < b => (&head[..a], Some(&head[a + 1..b])),
            (Some(_), _) => return Err("unclosed '{'".into()),
            _ => (head, None),
        };
        let (before, verb, after) = split_verb(phrase.trim())?;
        for f in regular_forms(&verb) {
            self.insert(&before, f, &after, block, &code);
        }
        if let Some(list) = irregular {
            for form in list.split_whitespace() {
                let (b, v, a) = split_verb(form)?;
                self.insert(&b, v, &a, block, &code);
            }
        }
        Ok(())
    }

    fn insert(
        &mut self,
        before: &[String],
        head: String,
        after: &[String],
        block: usize,
        code: &Option<Option<EventCode>>,
    ) {
        let list = self.forms.entry(head).or_default();
        if list.iter().any(|f| f.before == before && f.after == after && f.block == block as u32) {
            return;
        }
        list.push(VerbForm {
            before: before.to_vec(),
            after: after.to_vec(),
            block: block as u32,
            code: code.clone(),
        });
    }

    /// Verb forms whose head is `word` (upper case).
    pub fn forms(&self, word: &str) -> &[VerbForm] {
        self.forms.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` is the head of some verb form.
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.forms.contains_key(word)
    }

    /// The members of a synset with nested synsets expanded.
    pub fn synset_members(&self, name: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        self.expand_synset(name, 0, &mut out);
        out
    }

    fn expand_synset(&self, name: &str, depth: usize, out: &mut Vec<Vec<String>>) {
        if depth > 8 {
            return;
        }
        for m in self.synsets.get(name).map_or(&[][..], Vec::as_slice) {
            if m.len() == 1 && m[0].starts_with('&') {
                self.expand_synset(&m[0], depth + 1, out);
            } else {
                out.push(m.clone());
            }
        }
    }
}

/// Splits `WIRE_+TAP` into (before, head, after); without `+` the first word is the head.
fn split_verb(phrase: &str) -> Result<(Vec<String>, String, Vec<String>), String> {
    let parts: Vec<&str> =
        phrase.split(|c: char| c == '_' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err("empty verb".into());
    }
    let head = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let up = |p: &&str| p.trim_start_matches('+').to_uppercase();
    Ok((
        parts[..head].iter().map(up).collect(),
        up(&parts[head]),
        parts[head + 1..].iter().map(up).collect(),
    ))
}

/// Regular forms of a verb: itself, -S/-ES, -ED/-D, -ING.
pub(crate) fn regular_forms(verb: &str) -> Vec<String> {
    let v = verb;
    let n = v.len();
    let b = v.as_bytes();
    let vowel = |c: u8| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U');
    let mut out = vec![v.to_string()];
    if n == 0 {
        return out;
    }
    let cons_y = v.ends_with('Y') && n > 1 && !vowel(b[n - 2]);
    if cons_y {
        out.push(format!("{}IES", &v[..n - 1]));
        out.push(format!("{}IED", &v[..n - 1]));
    } else {
        if v.ends_with('S')
            || v.ends_with('X')
            || v.ends_with('Z')
            || v.ends_with("CH")
            || v.ends_with("SH")
        {
            out.push(format!("{v}ES"));
        } else {
            out.push(format!("{v}S"));
        }
        if v.ends_with('E') {
            out.push(format!("{v}D"));
        } else {
            out.push(format!("{v}ED"));
        }
    }
    if v.ends_with('E') && !v.ends_with("EE") && n > 2 {
        out.push(format!("{}ING", &v[..n - 1]));
    } else {
        out.push(format!("{v}ING"));
    }
    out
}

/// `[CODE]`, `[A:B]` or `[---]`.
fn parse_event_code(group: &str) -> Result<Option<EventCode>, String> {
    let g = group.trim();
    if g.is_empty() {
        return Err("empty event code".into());
    }
    if g == "---" {
        return Ok(None);
    }
    let (a, b) = match g.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (g, None),
    };
    if a.contains(char::is_whitespace) {
        return Err(format!("bad event code [{g}]"));
    }
    Ok(Some(EventCode {
        code: a.to_string(),
        reverse: b.filter(|b| !b.is_empty() && *b != "---").map(str::to_string),
    }))
}

/// Parses the text after `- `: elements and `[code]`.
fn parse_pattern(text: &str) -> Result<Pattern, String> {
    let (body, groups) = split_brackets(text);
    let Some(group) = groups.first() else {
        return Err(format!("pattern without [code]: {}", text.trim()));
    };
    let code = parse_event_code(group)?;
    // Flat list of (element text, joined to the next element by '_').
    let mut parts: Vec<(String, bool)> = Vec::new();
    for token in body.split_whitespace() {
        let pieces: Vec<&str> = token.split('_').filter(|p| !p.is_empty()).collect();
        for (k, p) in pieces.iter().enumerate() {
            parts.push((p.to_uppercase(), k + 1 < pieces.len()));
        }
    }
    let star = parts.iter().position(|(p, _)| p == "*");
    let elem = |s: &str| match s {
        "$" => Elem::Source,
        "+" => Elem::Target,
        "%" => Elem::Compound,
        "^" => Elem::Skip,
        s if s.starts_with('&') && s.len() > 1 => Elem::Synset(s.to_string()),
        s => Elem::Word(s.to_string()),
    };
    let (upper, lower) = match star {
        Some(i) => {
            let upper = parts[..i]
                .iter()
                .rev()
                .map(|(p, joined)| PatternElem { elem: elem(p), closed: *joined })
                .collect();
            let lower = (i + 1..parts.len())
                .map(|k| PatternElem { elem: elem(&parts[k].0), closed: parts[k - 1].1 })
                .collect();
            (upper, lower)
        }
        None => (
            Vec::new(),
            parts
                .iter()
                .enumerate()
                .map(|(k, (p, _))| PatternElem { elem: elem(p), closed: k > 0 && parts[k - 1].1 })
                .collect(),
        ),
    };
    Ok(Pattern { upper, lower, code, text: body.trim().to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&TIETYPES
+MILITARY
+ECONOMIC

&NEG
+DID N'T
+&TIETYPES

--- ABANDON  [345]  ---
ABANDON    # note
KLM_NOP_+RST [002]
- * NEW_&TIETYPES_RELATIONS [903]
- * EFFORT  [987]
- + KNOWN_ * IN_ $  [076]

--- LEFT  [032:033]  ---
LEFT
BREAK { BROKE BROKEN  }
WIRE_+TAP {WIRE_+TAPPED}
- SAID * [---]
";

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        d.add_text(SAMPLE, Path::new("v.txt")).unwrap();
        d
    }

    #[test]
    fn forms_and_codes() {
        let d = dict();
        assert_eq!(d.forms("ABANDONED").len(), 1);
        assert_eq!(d.forms("ABANDONING").len(), 1);
        assert!(d.forms("ABANDONES").is_empty());
        assert_eq!(d.forms("BROKEN").len(), 1);
        let tap = &d.forms("TAPPED")[0];
        assert_eq!(tap.before, vec!["WIRE".to_string()]);
        let rst = &d.forms("RST")[0];
        assert_eq!(rst.before, vec!["KLM".to_string(), "NOP".to_string()]);
        assert_eq!(rst.code, Some(Some(EventCode { code: "002".into(), reverse: None })));
        let left = &d.blocks[d.forms("LEFT")[0].block as usize];
        assert_eq!(left.code.as_ref().unwrap().reverse.as_deref(), Some("033"));
        assert!(left.patterns[0].code.is_none());
        assert_eq!(regular_forms("DEPLORE"), vec!["DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING"]);
        assert_eq!(regular_forms("DENY"), vec!["DENY", "DENIES", "DENIED", "DENYING"]);
    }

    #[test]
    fn patterns() {
        let d = dict();
        let b = &d.blocks[0];
        assert_eq!(b.patterns[0].text, "+ KNOWN_ * IN_ $");
        let p = &b.patterns[0];
        assert_eq!(p.upper[0], PatternElem { elem: Elem::Word("KNOWN".into()), closed: false });
        assert_eq!(p.upper[1], PatternElem { elem: Elem::Target, closed: false });
        assert_eq!(p.lower[1], PatternElem { elem: Elem::Source, closed: false });
        let q = &b.patterns[1];
        assert_eq!(q.lower[0], PatternElem { elem: Elem::Word("NEW".into()), closed: false });
        assert_eq!(
            q.lower[1],
            PatternElem { elem: Elem::Synset("&TIETYPES".into()), closed: true }
        );
        assert_eq!(d.synset_members("&NEG").len(), 3);
    }

    #[test]
    fn errors_name_the_line() {
        let mut d = VerbDictionary::default();
        d.add_text("--- A [1] ---\nA\n- * B\n", Path::new("v.txt")).unwrap();
        assert!(d.warnings[0].starts_with("v.txt:3:"), "{}", d.warnings[0]);
        let e = d.add_text("LOOSE\n", Path::new("w.txt")).unwrap_err();
        assert!(e.to_string().starts_with("w.txt:1:"), "{e}");
    }
}
