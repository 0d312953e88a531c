//! Discard lists: one phrase a line; `+PHRASE` discards the whole story, a bare phrase only
//! the sentence.

use std::path::Path;

use super::{clean_lines, phrase_words, read_text, Trie};
use crate::PetrarchError;

/// What a discard phrase throws away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardKind {
    /// The sentence.
    Sentence,
    /// The whole story.
    Story,
}

/// Discard phrases.
#[derive(Debug, Clone, Default)]
pub struct DiscardDictionary {
    pub(crate) trie: Trie<DiscardKind>,
}

impl DiscardDictionary {
    /// Reads a discard file.
    pub fn read(path: &Path) -> Result<Self, PetrarchError> {
        let mut d = DiscardDictionary::default();
        d.add_text(&read_text(path)?, path)?;
        Ok(d)
    }

    /// Adds phrases from text; `path` names the source in errors.
    pub fn add_text(&mut self, text: &str, path: &Path) -> Result<(), PetrarchError> {
        for (line_no, line) in clean_lines(text) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (kind, phrase) = match line.strip_prefix('+') {
                Some(p) => (DiscardKind::Story, p),
                None => (DiscardKind::Sentence, line),
            };
            let words = phrase_words(phrase);
            if words.is_empty() {
                return Err(PetrarchError::syntax(path, line_no, "empty discard phrase"));
            }
            let slot = self.trie.slot(&words);
            if slot.is_none() {
                *slot = Some(kind);
            }
        }
        Ok(())
    }

    /// The first discard phrase in `words`, story discards winning over sentence discards.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Option<DiscardKind> {
        let mut found = None;
        for i in 0..words.len() {
            match self.trie.longest(words, i) {
                Some((_, DiscardKind::Story)) => return Some(DiscardKind::Story),
                Some((_, k)) => found = Some(*k),
                None => {}
            }
        }
        found
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence() {
        let mut d = DiscardDictionary::default();
        d.add_text("# c\nBASEBALL\n+World Golf Championships # x\n", Path::new("d")).unwrap();
        assert_eq!(d.find(&["A", "BASEBALL"]), Some(DiscardKind::Sentence));
        assert_eq!(
            d.find(&["BASEBALL", "WORLD", "GOLF", "CHAMPIONSHIPS"]),
            Some(DiscardKind::Story)
        );
        assert_eq!(d.find(&["WORLD", "GOLF"]), None);
    }
}
