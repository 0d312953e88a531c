//! The tense of a sentence, which decides whether "Thursday" or "in March" is the last one or
//! the next one. News is written in the past by default; a future marker anywhere in the
//! sentence turns it forward.

use crate::lexer::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

pub(crate) fn of_sentence(toks: &[Tok]) -> Tense {
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
        let future = match t.lower.as_str() {
            "will" | "'ll" | "shall" | "upcoming" | "forthcoming" => true,
            "going" | "expected" | "scheduled" | "set" | "due" | "planned" | "plans" | "plan" | "intends" | "hopes" => next == "to",
            "next" => true,
            _ => false,
        };
        if future {
            return Tense::Future;
        }
    }
    Tense::Past
}
