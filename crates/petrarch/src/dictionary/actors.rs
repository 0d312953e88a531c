//! Actor dictionaries: `PHRASE [CODE]`, `+SYNONYM` lines, and date-restricted codes
//! (`[CODE <YYMMDD]`, `[CODE >YYMMDD]`, `[CODE YYMMDD-YYMMDD]`) on the entry's line or the
//! lines after it. A code `[A/B/C]` names several actors at once.

use std::path::Path;

use super::{clean_lines, parse_date, phrase_words, read_text, split_brackets, Trie};
use crate::PetrarchError;

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRange {
    /// No restriction: the default code.
    Always,
    /// Strictly before the date (`YYYYMMDD`).
    Before(u32),
    /// Strictly after the date.
    After(u32),
    /// From the first to the second date, both included.
    Between(u32, u32),
}

impl DateRange {
    fn contains(self, date: u32) -> bool {
        match self {
            DateRange::Always => true,
            DateRange::Before(d) => date < d,
            DateRange::After(d) => date > d,
            DateRange::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// One code of an actor with the dates it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code, e.g. `HOBGOV`; `A/B` means several actors.
    pub code: String,
    /// When it applies.
    pub when: DateRange,
}

/// An actor entry: its codes in dictionary order.
#[derive(Debug, Clone, Default)]
pub struct ActorEntry {
    /// Codes in the order written; the first restricted code matching a date wins, else the
    /// first unrestricted one.
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code at a date (`YYYYMMDD`), or the default code without a date.
    pub fn code_at(&self, date: Option<u32>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) =
                self.codes.iter().find(|c| c.when != DateRange::Always && c.when.contains(d))
            {
                return Some(&c.code);
            }
        }
        self.codes
            .iter()
            .find(|c| c.when == DateRange::Always)
            .or_else(|| if date.is_none() { self.codes.first() } else { None })
            .map(|c| c.code.as_str())
    }
}

/// Actor phrases to entries.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    pub(crate) trie: Trie<u32>,
    /// The entries, indexed by the trie.
    pub entries: Vec<ActorEntry>,
    /// Codes skipped because their date restriction could not be read (file and line).
    pub warnings: Vec<String>,
}

impl ActorDictionary {
    /// Reads an actor file.
    pub fn read(path: &Path) -> Result<Self, PetrarchError> {
        let mut d = ActorDictionary::default();
        d.add_file(path)?;
        Ok(d)
    }

    /// Adds the entries of an actor file (an earlier entry for a phrase wins).
    pub fn add_file(&mut self, path: &Path) -> Result<(), PetrarchError> {
        let text = read_text(path)?;
        self.add_text(&text, path)
    }

    /// Adds entries from text; `path` names the source in errors.
    pub fn add_text(&mut self, text: &str, path: &Path) -> Result<(), PetrarchError> {
        let mut current: Option<usize> = None;
        for (line_no, line) in clean_lines(text) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (head, groups) = split_brackets(line);
            let mut codes = Vec::with_capacity(groups.len());
            for g in groups {
                match parse_code(g) {
                    Ok(c) => codes.push(c),
                    // A malformed date ("9008223") loses that code only, not the file.
                    Err(m) if m.starts_with("bad date") => {
                        self.warnings.push(PetrarchError::syntax(path, line_no, m).to_string());
                    }
                    Err(m) => return Err(PetrarchError::syntax(path, line_no, m)),
                }
            }
            if let Some(syn) = head.trim().strip_prefix('+') {
                let Some(entry) = current else {
                    return Err(PetrarchError::syntax(path, line_no, "synonym before any actor"));
                };
                self.entries[entry].codes.extend(codes);
                self.add_phrase(syn, entry);
            } else if head.trim().is_empty() {
                let Some(entry) = current else {
                    return Err(PetrarchError::syntax(path, line_no, "code before any actor"));
                };
                self.entries[entry].codes.extend(codes);
            } else {
                let entry = self.entries.len();
                self.entries.push(ActorEntry { codes });
                self.add_phrase(head, entry);
                current = Some(entry);
            }
        }
        Ok(())
    }

    fn add_phrase(&mut self, phrase: &str, entry: usize) {
        let words = phrase_words(phrase);
        if words.is_empty() {
            return;
        }
        let slot = self.trie.slot(&words);
        if slot.is_none() {
            *slot = Some(entry as u32);
        }
    }

    /// The longest actor phrase starting at `start`: its length and entry.
    pub fn longest<S: AsRef<str>>(
        &self,
        words: &[S],
        start: usize,
    ) -> Option<(usize, &ActorEntry)> {
        self.trie.longest(words, start).map(|(n, &e)| (n, &self.entries[e as usize]))
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.trie.len()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Parses the inside of `[...]`: a code and an optional date restriction.
fn parse_code(group: &str) -> Result<DatedCode, String> {
    let g = group.trim();
    let (code, rest) = match g.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(i) => (&g[..i], g[i..].trim()),
        None => (g, ""),
    };
    if code.is_empty() || code.as_bytes()[0].is_ascii_digit() {
        return Err(format!("bad actor code [{group}]"));
    }
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || format!("bad date restriction in [{group}]");
    let when = if rest.is_empty() {
        DateRange::Always
    } else if let Some(d) = rest.strip_prefix('<') {
        DateRange::Before(parse_date(d).ok_or_else(bad)?)
    } else if let Some(d) = rest.strip_prefix('>') {
        DateRange::After(parse_date(d).ok_or_else(bad)?)
    } else if let Some((a, b)) = rest.split_once('-') {
        DateRange::Between(parse_date(a).ok_or_else(bad)?, parse_date(b).ok_or_else(bad)?)
    } else {
        return Err(bad());
    };
    Ok(DatedCode { code: code.to_uppercase(), when })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
<!-- test actors -->
OSGILIATH  [OSG]
NEW_ZEALAND [NZE]
DENMARK  [DNK]
+DANISH
+ZEALAND
SMEAGOL  ; no code yet
+STINKER
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SHIRE [FRO/BIL]
";

    fn dict() -> ActorDictionary {
        let mut d = ActorDictionary::default();
        d.add_text(SAMPLE, Path::new("t.actors")).unwrap();
        d
    }

    #[test]
    fn synonyms_and_longest_match() {
        let d = dict();
        let words = ["NEW", "ZEALAND"];
        assert_eq!(d.longest(&words, 0).unwrap().1.code_at(None), Some("NZE"));
        assert_eq!(d.longest(&words, 1).unwrap().1.code_at(None), Some("DNK"));
        assert_eq!(d.longest(&["DANISH"], 0).unwrap().1.code_at(None), Some("DNK"));
    }

    #[test]
    fn date_restrictions() {
        let d = dict();
        let e = d.longest(&["STINKER"], 0).unwrap().1;
        assert_eq!(e.code_at(Some(19920102)), Some("HOB"));
        assert_eq!(e.code_at(Some(19950601)), Some("HOBGOV"));
        assert_eq!(e.code_at(Some(19990815)), Some("HOBGOV"));
        assert_eq!(e.code_at(Some(20010101)), Some("HOBREB"));
        assert_eq!(d.longest(&["SHIRE"], 0).unwrap().1.code_at(None), Some("FRO/BIL"));
    }

    #[test]
    fn errors_name_the_line() {
        let mut d = ActorDictionary::default();
        let err = d.add_text("A [X]\nB [123]\n", Path::new("bad.txt")).unwrap_err();
        assert!(err.to_string().starts_with("bad.txt:2:"), "{err}");
        d.add_text("C [Y 95x601-990101]\n[Z]\n", Path::new("dates.txt")).unwrap();
        assert!(d.warnings[0].starts_with("dates.txt:1:"), "{}", d.warnings[0]);
        assert_eq!(d.longest(&["C"], 0).unwrap().1.code_at(None), Some("Z"));
        let mut d = ActorDictionary::default();
        assert!(d.add_text("+ORPHAN\n", Path::new("bad.txt")).is_err());
    }
}
