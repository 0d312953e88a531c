//! Text normalisation with an offset map back to the source: Unicode NFC, one space for any run
//! of spaces, `\n` line ends, at most one blank line between paragraphs, no zero-width
//! characters, and LaTeX escapes from pasted text (`\$236 million`) unescaped.

use dyad_model::OffsetMap;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalises `source`; the map sends offsets in the result back to offsets in `source`.
pub fn normalize(source: &str) -> (String, OffsetMap) {
    normalize_pieces([(source, 0)])
}

/// Normalises the concatenation of `pieces`, each a slice of kept text with the source offset
/// it starts at. Extractors (Markdown, HTML) use this to drop markup while keeping the map.
pub fn normalize_pieces<'a>(
    pieces: impl IntoIterator<Item = (&'a str, usize)>,
) -> (String, OffsetMap) {
    let mut n = Normalizer::default();
    for (piece, start) in pieces {
        if matches!(is_nfc_quick(piece.chars()), IsNormalized::Yes) {
            n.feed(piece, |i| start + i);
        } else {
            // Rare path: compose each run that starts at an ASCII character separately, so that
            // every composed character maps to the start of the run it came from.
            let mut run_start = 0;
            let bytes = piece.as_bytes();
            for i in 1..=piece.len() {
                if i == piece.len() || (bytes[i].is_ascii() && piece.is_char_boundary(i)) {
                    let run = &piece[run_start..i];
                    let composed: String = run.nfc().collect();
                    if composed == run {
                        n.feed(run, |j| start + run_start + j);
                    } else {
                        n.feed(&composed, |_| start + run_start);
                    }
                    run_start = i;
                }
            }
        }
    }
    n.finish()
}

/// The length of the prefix of `bytes` that normalisation leaves unchanged: printable ASCII
/// other than the backslash, where a space is only kept when a printable character follows it.
fn ordinary_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while n < bytes.len() {
        let b = bytes[n];
        if b == b' ' {
            match bytes.get(n + 1) {
                Some(&next) if (0x21..0x7f).contains(&next) && next != b'\\' => n += 2,
                _ => break,
            }
        } else if (0x21..0x7f).contains(&b) && b != b'\\' {
            n += 1;
        } else {
            break;
        }
    }
    n
}

#[derive(Default)]
struct Normalizer {
    out: String,
    map: OffsetMap,
    /// Source offset of the first blank of a pending run of spaces on the current line.
    pending_space: Option<usize>,
    /// Line breaks seen since the last emitted character, and where the first one was.
    pending_newlines: u8,
    newline_source: usize,
    /// A backslash waiting to see whether it escapes the next character.
    pending_backslash: Option<usize>,
    /// The previous character was `\r`, so a following `\n` is part of the same line break.
    after_cr: bool,
}

impl Normalizer {
    fn feed(&mut self, text: &str, source_of: impl Fn(usize) -> usize) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: a run of ordinary ASCII (letters, digits, punctuation, single spaces
            // between them) is copied in one go, with one offset checkpoint.
            let clean_state = self.pending_newlines == 0
                && self.pending_space.is_none()
                && self.pending_backslash.is_none();
            if clean_state && !(self.out.is_empty() && bytes[i] == b' ') {
                let run = ordinary_run(&bytes[i..]);
                if run > 0 {
                    self.after_cr = false;
                    self.map.push(self.out.len(), source_of(i));
                    self.out.push_str(&text[i..i + run]);
                    i += run;
                    continue;
                }
            }
            let c = text[i..].chars().next().expect("char boundary");
            self.feed_char(c, source_of(i));
            i += c.len_utf8();
        }
    }

    fn feed_char(&mut self, c: char, src: usize) {
        {
            if let Some(bs) = self.pending_backslash.take() {
                if !matches!(c, '$' | '%' | '&' | '#' | '_') {
                    self.emit('\\', bs);
                }
            }
            let was_cr = std::mem::replace(&mut self.after_cr, c == '\r');
            match c {
                '\n' if was_cr => {}
                '\n' | '\r' | '\u{2028}' | '\u{85}' => self.newline(src, 1),
                '\u{2029}' => self.newline(src, 2),
                ' '
                | '\t'
                | '\u{a0}'
                | '\u{1680}'
                | '\u{2000}'..='\u{200a}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{b}'
                | '\u{c}' => {
                    if self.pending_space.is_none() {
                        self.pending_space = Some(src);
                    }
                }
                '\u{200b}' | '\u{feff}' | '\u{ad}' | '\u{2060}' => {}
                '\\' => self.pending_backslash = Some(src),
                c if c.is_control() => {}
                c => self.emit(c, src),
            }
        }
    }

    fn newline(&mut self, src: usize, weight: u8) {
        if self.pending_newlines == 0 {
            self.newline_source = src;
        }
        self.pending_newlines = self.pending_newlines.saturating_add(weight);
        // Trailing blanks of a line are dropped.
        self.pending_space = None;
    }

    fn emit(&mut self, c: char, src: usize) {
        if self.pending_newlines > 0 {
            if !self.out.is_empty() {
                self.map.push(self.out.len(), self.newline_source);
                self.out.push('\n');
                if self.pending_newlines > 1 {
                    self.out.push('\n');
                }
            }
            self.pending_newlines = 0;
            // Leading blanks of a line are dropped.
            self.pending_space = None;
        }
        if let Some(space_src) = self.pending_space.take() {
            if !self.out.is_empty() {
                self.map.push(self.out.len(), space_src);
                self.out.push(' ');
            }
        }
        self.map.push(self.out.len(), src);
        self.out.push(c);
    }

    fn finish(mut self) -> (String, OffsetMap) {
        if let Some(bs) = self.pending_backslash.take() {
            self.emit('\\', bs);
        }
        if self.map.checkpoints().is_empty() {
            self.map = OffsetMap::identity();
        }
        (self.out, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(source: &str, text: &str, map: &OffsetMap) {
        // Every character of the output that is not inserted whitespace maps to the same
        // character in the source.
        for (i, c) in text.char_indices() {
            if c == ' ' || c == '\n' {
                continue;
            }
            let s = map.to_source(i);
            let sc = source[s..].chars().next().unwrap();
            assert!(sc == c || !c.is_ascii(), "offset {i} ({c:?}) maps to {s} ({sc:?})");
        }
    }

    #[test]
    fn collapses_whitespace_and_keeps_paragraphs() {
        let src = "  Title\t here \r\n\r\n\r\n\nBody  text\u{a0}with\u{200b}nbsp\n";
        let (text, map) = normalize(src);
        assert_eq!(text, "Title here\n\nBody text withnbsp");
        check_map(src, &text, &map);
    }

    #[test]
    fn composes_to_nfc() {
        let src = "Caf\u{65}\u{301} in Qaz\u{61}\u{306}";
        let (text, map) = normalize(src);
        assert_eq!(text, "Caf\u{e9} in Qaz\u{103}");
        check_map(src, &text, &map);
    }

    #[test]
    fn unescapes_latex_dollars() {
        let src = r"trade of \$236.2 million and a \path";
        let (text, map) = normalize(src);
        assert_eq!(text, r"trade of $236.2 million and a \path");
        assert_eq!(map.to_source(text.find('$').unwrap()), src.find('$').unwrap());
    }

    #[test]
    fn empty_input_gives_empty_text() {
        assert_eq!(normalize(" \n\t ").0, "");
        assert_eq!(normalize(" leading and trailing ").0, "leading and trailing");
    }
}
