//! Paragraph and sentence boundaries.

use dyad_model::{Sentence, Span};

/// Abbreviations that do not end a sentence, compared without their final period and in lower
/// case. Month abbreviations are included: "Jan. 5" is not a boundary.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "sgt", "capt", "cmdr", "adm",
    "sen", "rep", "gov", "pres", "amb", "st", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "vs",
    "etc", "e.g", "i.e", "cf", "approx", "no", "nos", "vol", "fig", "ca", "est", "dept", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "rev", "hon", "messrs", "gens", "govt", "min", "u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m",
    "p.m", "d.c", "n.y", "al", "op", "pp", "para", "art", "sec",
];

/// Abbreviations that often end a sentence too ("... in the U.S. The next day ..."): after
/// these, a following word that usually starts sentences makes a boundary.
const TERMINAL_ABBREVIATIONS: &[&str] = &["u.s", "u.k", "u.n", "e.u", "d.c"];

/// Abbreviations that end names or times ("Caspian Logistics Inc.", "6 p.m."): a capitalised
/// word after them starts a new sentence.
const CLOSING_ABBREVIATIONS: &[&str] =
    &["a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "jr", "sr"];

/// Words that start sentences far more often than they continue a name.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "There",
    "Some",
    "Many",
    "Both",
    "After",
    "Before",
    "Since",
    "Yet",
    "Still",
    "Moreover",
    "Also",
];

/// The lines of `text` that hold something, as spans.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end_matches('\n').len();
        if end > start {
            out.push(Span::new(start, end));
        }
        start += line.len();
    }
    out
}

/// All sentences of `text`, in order, with the index of their paragraph.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        split_paragraph(text, para, p as u32, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, paragraph: u32, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        let stop_len = match b {
            b'.' | b'!' | b'?' => 1,
            // U+2026 HORIZONTAL ELLIPSIS
            0xE2 if bytes[i..].starts_with("…".as_bytes()) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut end = i + stop_len;
        // Runs of stops ("?!", "...") and closing quotes or brackets belong to the sentence.
        while end < para.end {
            let rest = &text[end..para.end];
            let c = rest.chars().next().unwrap_or(' ');
            if matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '…')
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if is_boundary(text, para, start, i, end) {
            out.push(Sentence { span: trim(text, Span::new(start, end)), paragraph });
            start = end;
            while start < para.end && bytes[start] == b' ' {
                start += 1;
            }
        }
        i = end;
    }
    if start < para.end {
        let span = trim(text, Span::new(start, para.end));
        if !span.is_empty() {
            out.push(Sentence { span, paragraph });
        }
    }
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Whether the stop at `stop` (its run ending at `end`) ends the sentence begun at `start`.
fn is_boundary(text: &str, para: Span, start: usize, stop: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // A stop must be followed by a space (or the end of the line).
    if end >= para.end {
        return false; // the paragraph's end closes the sentence anyway
    }
    if bytes[end] != b' ' {
        // Pasted text sometimes loses the space: "in 2017.Unfortunately, ...".
        let glued = bytes[end].is_ascii_uppercase()
            && bytes.get(end + 1).is_some_and(u8::is_ascii_lowercase)
            && bytes[stop] == b'.'
            && stop >= start + 3
            && bytes[stop - 1].is_ascii_alphanumeric()
            && bytes[stop - 2].is_ascii_alphanumeric()
            && bytes[stop - 3].is_ascii_alphanumeric();
        return glued && !text[start..stop].ends_with(|c: char| c.is_ascii_uppercase());
    }
    let next_word = text[end..para.end].trim_start();
    let Some(next) = next_word.chars().next() else { return false };
    let opens = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '$' | '€' | '£');
    if !opens {
        return false;
    }
    if bytes[stop] != b'.' || end - stop > 1 {
        return true;
    }
    // The word the period is attached to: back to the previous space or the sentence start.
    let word_start = text[start..stop].rfind([' ', '(', '"', '“']).map_or(start, |k| start + k + 1);
    let word = &text[word_start..stop];
    if word.is_empty() {
        return true;
    }
    // Initials: "H." in "George H. W. Bush", "J." in "J. D. Vance".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(['(', '"', '\'']);
    if CLOSING_ABBREVIATIONS.contains(&lower) {
        return next.is_uppercase();
    }
    if ABBREVIATIONS.contains(&lower) {
        if TERMINAL_ABBREVIATIONS.contains(&lower) {
            let first: String = next_word.chars().take_while(|c| c.is_alphabetic()).collect();
            return SENTENCE_STARTERS.contains(&first.as_str());
        }
        return false;
    }
    // Dotted acronyms not in the list ("U.A.E."): letters separated by periods.
    if lower.len() >= 3 && lower.split('.').all(|p| p.chars().count() == 1) {
        let first: String = next_word.chars().take_while(|c| c.is_alphabetic()).collect();
        return SENTENCE_STARTERS.contains(&first.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee. George H. W. Bush came."),
            ["Mr. Smith met Gen. Lee.", "George H. W. Bush came."]
        );
        assert_eq!(
            split("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        assert_eq!(
            split("The U.S. Secretary of State spoke."),
            ["The U.S. Secretary of State spoke."]
        );
    }

    #[test]
    fn quotes_brackets_numbers() {
        assert_eq!(split("“We agree.” Then he left."), ["“We agree.”", "Then he left."]);
        assert_eq!(
            split("Trade hit $236.2 million (exports: $167.6m). It grew."),
            ["Trade hit $236.2 million (exports: $167.6m).", "It grew."]
        );
        assert_eq!(split("Is it? yes it is."), ["Is it? yes it is."]);
        assert_eq!(
            split("held in Astana in 2017.Unfortunately, trade fell."),
            ["held in Astana in 2017.", "Unfortunately, trade fell."]
        );
        assert_eq!(split("See example.com for more."), ["See example.com for more."]);
    }

    #[test]
    fn lines_are_boundaries() {
        let text = "A Headline Without Stop\nBody one. Body two.";
        assert_eq!(split(text), ["A Headline Without Stop", "Body one.", "Body two."]);
        assert_eq!(sentences(text)[2].paragraph, 1);
    }
}
