//! Readers for the PETRARCH/TABARI dictionary formats and the word trie they share.
//!
//! All four formats are line based. Comments are `<!-- ... -->` blocks (possibly spanning
//! lines), and `#` or `;` to the end of a line when they stand outside `[...]` and start a
//! line or follow a blank. Phrases join words with `_` or a blank; matching is on upper-case
//! words.

pub mod actors;
pub mod agents;
pub mod discards;
pub mod verbs;

use std::collections::HashMap;
use std::path::Path;

use crate::PetrarchError;

/// Reads a dictionary file as text (lossy on invalid UTF-8: some dictionaries carry Latin-1).
pub(crate) fn read_text(path: &Path) -> Result<String, PetrarchError> {
    let bytes = std::fs::read(path).map_err(|e| PetrarchError::io(path, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// The lines of a dictionary with comments removed, each with its 1-based line number.
/// `<!-- -->` blocks are blanked; `#` and `;` comments are cut.
pub(crate) fn clean_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_block {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_block = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!") {
                    Some(start) => {
                        line.push_str(&rest[..start]);
                        line.push(' ');
                        rest = &rest[start + 2..];
                        in_block = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        out.push((i + 1, strip_comment(&line).to_string()));
    }
    out
}

/// Cuts a `#` or `;` comment that stands outside brackets at the start of the line or after
/// a blank.
pub(crate) fn strip_comment(line: &str) -> &str {
    let mut depth = 0i32;
    let mut prev_blank = true;
    for (i, c) in line.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            '#' | ';' if depth <= 0 && prev_blank => return line[..i].trim_end(),
            _ => {}
        }
        prev_blank = c.is_whitespace();
    }
    line.trim_end()
}

/// Splits a dictionary phrase into upper-case words (`_` and blanks separate words).
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect()
}

/// The `[...]` groups of a line and the text before the first one.
pub(crate) fn split_brackets(line: &str) -> (&str, Vec<&str>) {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut groups = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(open) = rest.find('[') {
        match rest[open..].find(']') {
            Some(close) => {
                groups.push(&rest[open + 1..open + close]);
                rest = &rest[open + close + 1..];
            }
            None => {
                groups.push(&rest[open + 1..]);
                break;
            }
        }
    }
    (&line[..head_end], groups)
}

/// A word trie: phrases of upper-case words to values.
#[derive(Debug, Clone)]
pub(crate) struct Trie<V> {
    nodes: Vec<TrieNode<V>>,
}

#[derive(Debug, Clone)]
struct TrieNode<V> {
    children: HashMap<Box<str>, u32>,
    value: Option<V>,
}

impl<V> Default for Trie<V> {
    fn default() -> Self {
        Trie { nodes: vec![TrieNode { children: HashMap::new(), value: None }] }
    }
}

impl<V> Trie<V> {
    /// The value slot of a phrase, created if absent.
    pub(crate) fn slot(&mut self, words: &[String]) -> &mut Option<V> {
        let mut node = 0usize;
        for w in words {
            let next = match self.nodes[node].children.get(w.as_str()) {
                Some(&n) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(TrieNode { children: HashMap::new(), value: None });
                    self.nodes[node].children.insert(w.as_str().into(), n as u32);
                    n
                }
            };
            node = next;
        }
        &mut self.nodes[node].value
    }

    /// The child of a node for a word.
    pub(crate) fn step(&self, node: usize, word: &str) -> Option<usize> {
        self.nodes[node].children.get(word).map(|&n| n as usize)
    }

    /// The value stored at a node.
    pub(crate) fn value(&self, node: usize) -> Option<&V> {
        self.nodes[node].value.as_ref()
    }

    /// The longest phrase starting at `start` of `words`: its length in words and value.
    pub(crate) fn longest<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<(usize, &V)> {
        let mut node = 0usize;
        let mut best = None;
        for (k, w) in words[start..].iter().enumerate() {
            match self.step(node, w.as_ref()) {
                Some(n) => node = n,
                None => break,
            }
            if let Some(v) = self.value(node) {
                best = Some((k + 1, v));
            }
        }
        best
    }

    /// Number of phrases stored.
    pub(crate) fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.value.is_some()).count()
    }
}

/// A date as `YYYYMMDD`, from `YYMMDD` (years before 30 are 20YY) or `YYYYMMDD`.
pub(crate) fn parse_date(s: &str) -> Option<u32> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    match s.len() {
        6 => {
            let yy = n / 10000;
            let year = if yy < 30 { 2000 + yy } else { 1900 + yy };
            Some(year * 10000 + n % 10000)
        }
        8 => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed() {
        let lines = clean_lines("A [X] ; note\n<!-- one\ntwo -->B [###] # c\nC#D");
        assert_eq!(lines[0].1, "A [X]");
        assert_eq!(lines[1].1, "");
        assert_eq!(lines[2].1.trim(), "B [###]");
        assert_eq!(lines[3].1, "C#D");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("950601"), Some(19950601));
        assert_eq!(parse_date("070723"), Some(20070723));
        assert_eq!(parse_date("20121109"), Some(20121109));
        assert_eq!(parse_date("95x601"), None);
    }

    #[test]
    fn trie_longest() {
        let mut t: Trie<u32> = Trie::default();
        *t.slot(&phrase_words("NEW_ZEALAND")) = Some(1);
        *t.slot(&phrase_words("ZEALAND")) = Some(2);
        *t.slot(&phrase_words("NEW")) = Some(3);
        let words = ["NEW", "ZEALAND", "X"];
        assert_eq!(t.longest(&words, 0), Some((2, &1)));
        assert_eq!(t.longest(&words, 1), Some((1, &2)));
        assert_eq!(t.longest(&words, 2), None);
        assert_eq!(t.len(), 3);
    }
}
