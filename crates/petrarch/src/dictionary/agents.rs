//! Agent dictionaries: `PHRASE {PLURALS} [~CODE]` (a suffix agent: the actor's code comes
//! first, `ARN` + `GOV` = `ARNGOV`) or `[CODE~]` (a prefix agent: `NGO` + `ARN` = `NGOARN`).
//! Without `{...}` a regular plural is generated; `{}` means none; `{A_B C}` lists them.
//! `!NAME! = A, B` defines a substitution set used inside phrases (`CONGRESS!PERSON!`).

use std::collections::HashMap;
use std::path::Path;

use super::{clean_lines, phrase_words, read_text, split_brackets, Trie};
use crate::PetrarchError;

/// An agent's code and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentCode {
    /// The code without `~`, e.g. `GOV`.
    pub code: String,
    /// True for `[CODE~]`: written before the actor's code.
    pub prefix: bool,
}

/// Agent phrases to codes.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    pub(crate) trie: Trie<AgentCode>,
    /// Lines skipped because they carry no code (file and line).
    pub warnings: Vec<String>,
}

impl AgentDictionary {
    /// Reads an agent file.
    pub fn read(path: &Path) -> Result<Self, PetrarchError> {
        let mut d = AgentDictionary::default();
        d.add_file(path)?;
        Ok(d)
    }

    /// Adds the entries of an agent file.
    pub fn add_file(&mut self, path: &Path) -> Result<(), PetrarchError> {
        let text = read_text(path)?;
        self.add_text(&text, path)
    }

    /// Adds entries from text; `path` names the source in errors.
    pub fn add_text(&mut self, text: &str, path: &Path) -> Result<(), PetrarchError> {
        let mut subs: HashMap<String, Vec<String>> = HashMap::new();
        for (line_no, line) in clean_lines(text) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('!') {
                if let Some((name, list)) = line.split_once('=') {
                    let items = list
                        .split(',')
                        .map(|s| s.trim().to_uppercase())
                        .filter(|s| !s.is_empty())
                        .collect();
                    subs.insert(name.trim().to_uppercase(), items);
                    continue;
                }
            }
            let (head, groups) = split_brackets(line);
            let Some(group) = groups.first() else {
                // A phrase without a code (a slip in the dictionary) is skipped, not fatal.
                self.warnings
                    .push(PetrarchError::syntax(path, line_no, "agent without [code]").to_string());
                continue;
            };
            let raw = group.trim();
            let (code, prefix) = if let Some(c) = raw.strip_prefix('~') {
                (c.trim(), false)
            } else if let Some(c) = raw.strip_suffix('~') {
                (c.trim(), true)
            } else {
                return Err(PetrarchError::syntax(
                    path,
                    line_no,
                    format!("agent code [{raw}] lacks '~'"),
                ));
            };
            let agent = AgentCode { code: code.to_uppercase(), prefix };
            let (phrase, plurals) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(b)) if a < b => (&head[..a], Some(&head[a + 1..b])),
                (Some(_), _) => {
                    return Err(PetrarchError::syntax(path, line_no, "unclosed '{'"));
                }
                _ => (head, None),
            };
            for phrase in expand(phrase.trim(), &subs) {
                let words = phrase_words(&phrase);
                if words.is_empty() {
                    return Err(PetrarchError::syntax(path, line_no, "empty agent phrase"));
                }
                match plurals {
                    None => {
                        for p in plural_forms(words.last().map_or("", |w| w.as_str())) {
                            let mut pw = words.clone();
                            *pw.last_mut().expect("non-empty") = p;
                            self.insert(&pw, &agent);
                        }
                    }
                    Some(list) => {
                        for p in list.split_whitespace() {
                            for p in expand(p, &subs) {
                                self.insert(&phrase_words(&p), &agent);
                            }
                        }
                    }
                }
                self.insert(&words, &agent);
            }
        }
        Ok(())
    }

    fn insert(&mut self, words: &[String], agent: &AgentCode) {
        if words.is_empty() {
            return;
        }
        let slot = self.trie.slot(words);
        if slot.is_none() {
            *slot = Some(agent.clone());
        }
    }

    /// The longest agent phrase starting at `start`: its length and code.
    pub fn longest<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<(usize, &AgentCode)> {
        self.trie.longest(words, start)
    }

    /// Number of phrases (plurals included).
    pub fn len(&self) -> usize {
        self.trie.len()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Expands `!NAME!` substitution markers (each occurrence takes every alternative).
fn expand(phrase: &str, subs: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = phrase.find('!') else { return vec![phrase.to_string()] };
    let Some(len) = phrase[start + 1..].find('!') else { return vec![phrase.to_string()] };
    let name = phrase[start..start + len + 2].to_uppercase();
    let rest = &phrase[start + len + 2..];
    match subs.get(&name) {
        Some(alts) => alts
            .iter()
            .flat_map(|a| expand(&format!("{}{}{}", &phrase[..start], a, rest), subs))
            .collect(),
        None => vec![phrase.to_string()],
    }
}

/// Regular plural forms of an English noun (upper case).
pub(crate) fn plural_forms(word: &str) -> Vec<String> {
    let w = word;
    let mut out = Vec::new();
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return out;
    }
    let vowel = |c: u8| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U');
    if w.ends_with('Y') && n > 1 && !vowel(b[n - 2]) {
        out.push(format!("{}IES", &w[..n - 1]));
    } else if w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with('Z')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        out.push(format!("{w}ES"));
    } else {
        out.push(format!("{w}S"));
    }
    if let Some(stem) = w.strip_suffix("MAN") {
        out.push(format!("{stem}MEN"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
!PERSON! = MAN, MEN
PRESIDENT [~GOVPRS] # note
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_ACTIVIST  [HGM~]
AUTHORITY [~GOV]
";

    fn dict() -> AgentDictionary {
        let mut d = AgentDictionary::default();
        d.add_text(SAMPLE, Path::new("t.agents")).unwrap();
        d
    }

    fn code(d: &AgentDictionary, s: &str) -> Option<AgentCode> {
        let words: Vec<String> = s.split(' ').map(str::to_string).collect();
        d.longest(&words, 0).filter(|(n, _)| *n == words.len()).map(|(_, c)| c.clone())
    }

    #[test]
    fn plurals_and_substitutions() {
        let d = dict();
        assert_eq!(code(&d, "PRESIDENTS").unwrap().code, "GOVPRS");
        assert!(code(&d, "POLICES").is_none());
        assert_eq!(code(&d, "POLICE").unwrap().code, "COP");
        assert_eq!(code(&d, "GOLDEN GEESE").unwrap().code, "GGS");
        assert!(code(&d, "GOLDEN GOOSES").is_none());
        assert_eq!(code(&d, "CONGRESSMEN").unwrap().code, "LEG");
        assert_eq!(code(&d, "AUTHORITIES").unwrap().code, "GOV");
        let h = code(&d, "HUMAN RIGHTS ACTIVISTS").unwrap();
        assert!(h.prefix);
        assert_eq!(h.code, "HGM");
    }

    #[test]
    fn missing_tilde_is_an_error() {
        let mut d = AgentDictionary::default();
        let e = d.add_text("X [~A]\nY [B]\n", Path::new("a.txt")).unwrap_err();
        assert!(e.to_string().starts_with("a.txt:2:"), "{e}");
        d.add_text("Z\n", Path::new("b.txt")).unwrap();
        assert!(d.warnings[0].starts_with("b.txt:1:"), "{}", d.warnings[0]);
    }
}
