//! "Netanyahu praised the decision": a target that is an act ("the decision", "the move"),
//! resolved to the actor whose act it is when the text said so shortly before ("Astana's
//! decision reflects confidence ..."): the last actor named as the possessor of the same noun.
//!
//! What it codes: the trigger's target when its clause names no actor and its object is
//! "the/this/that NOUN" for an act noun (decision, move, step, announcement, accession, entry,
//! initiative, choice, bid).
//!
//! Example: "Kenya's decision surprised many. Uganda praised the decision." -> UGA 051 KEN.
//!
//! Not coded when: no "X's NOUN" for an act noun in the last five sentences ("Officials
//! welcomed the move" after a paragraph that never says whose move); the possessor is the
//! source itself. The same noun is preferred; another act noun names the same act ("Kenya's
//! decision ... Uganda praised the move"); with no possessor written, the act is the asserted
//! event of the sentence before ("Kenya joined the alliance. Uganda welcomed the move." -> UGA
//! 051 KEN).

use crate::actors;
use dyad_lexicon::Lexicon;
use dyad_model::{EntityId, Mention};

pub(crate) const ACT_NOUNS: &[&str] = &[
    "decision",
    "move",
    "step",
    "announcement",
    "accession",
    "entry",
    "initiative",
    "choice",
    "bid",
];

/// How many sentences back an "X's NOUN" still resolves "the NOUN".
const REACH: usize = 5;

/// How many sentences back the last asserted act resolves "the NOUN" when no possessor was
/// written: the sentence before, no farther (a paragraph later "the move" is another act).
const LAST_ACT_REACH: usize = 1;

/// The possessors of act nouns seen so far: (noun, actor, sentence number), newest last.
#[derive(Debug, Default)]
pub(crate) struct Acts {
    seen: Vec<(&'static str, EntityId, usize)>,
    /// The source of the last sentence's first asserted event, and that sentence's number:
    /// "the move" when no "X's move" was written ("Russia attacked Ukraine. The US condemned
    /// the move.").
    last_act: Option<(EntityId, usize)>,
}

impl Acts {
    /// Notes "X's decision" in a sentence's mentions.
    pub(crate) fn note(
        &mut self,
        text: &str,
        mentions: &[Mention],
        sentence: usize,
        lex: &Lexicon,
    ) {
        for m in mentions {
            let after = &text[m.span.end..];
            let Some(rest) = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s")) else {
                continue;
            };
            let word = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let Some(noun) = ACT_NOUNS.iter().find(|n| word.eq_ignore_ascii_case(n)) else {
                continue;
            };
            if let Some(a) = actors::of(m, text, lex) {
                self.seen.retain(|(n, _, _)| n != noun);
                self.seen.push((noun, a.id, sentence));
            }
        }
    }

    /// The actor whose act "the NOUN" right after the trigger is, if the text said so.
    pub(crate) fn target(
        &self,
        lower: &[&str],
        trigger_end: usize,
        sentence: usize,
    ) -> Option<&EntityId> {
        let mut words = lower[trigger_end..].iter().copied();
        let first = words.next()?;
        if !matches!(first, "the" | "this" | "that") {
            return None;
        }
        let noun = words.next()?;
        let recent = |(_, _, at): &&(&str, EntityId, usize)| sentence.saturating_sub(*at) <= REACH;
        // The same noun first; else another act noun names the same act ("Kazakhstan's
        // decision ... the PA criticized the move").
        self.seen
            .iter()
            .rev()
            .filter(recent)
            .find(|(n, _, _)| *n == noun)
            .or_else(|| {
                ACT_NOUNS.contains(&noun).then(|| self.seen.iter().rev().find(recent)).flatten()
            })
            .map(|(_, id, _)| id)
            .or_else(|| {
                self.last_act
                    .as_ref()
                    .filter(|(_, at)| {
                        ACT_NOUNS.contains(&noun) && sentence.saturating_sub(*at) <= LAST_ACT_REACH
                    })
                    .map(|(id, _)| id)
            })
    }

    /// Notes the act a sentence reported: the source of its first asserted event.
    pub(crate) fn note_event(&mut self, source: &EntityId, sentence: usize) {
        self.last_act = Some((source.clone(), sentence));
    }
}
