//! Triggers in the object of the trigger just before them: "signed the declaration", "signed a
//! lucrative cooperation deal", "provided aid". One act, coded once: by the verb, except after a
//! reporting verb, whose object says what was announced ("announced their intention to expand
//! the accords" is intent, 030; "announced sanctions on Iran" is a sanction).
//!
//! What it codes: decides which of the two triggers codes.
//!
//! Example: "Chile signed the declaration" -> one event, `signed`; "Peru announced its intention
//! to join the alliance" -> one event, `intention to` (030), attributed to Peru's announcement.
//!
//! Not coded when: a preposition, conjunction or more than two modifiers stand between ("signed
//! a deal on trade with Peru": both code), the second word is capitalised (a name).

use crate::triggers::Hit;
use dyad_lexicon::EventLexicon;

/// Whether trigger `n` is in the object of trigger `n - 1`.
pub(crate) fn object_of_previous(found: &[Hit], n: usize, lower: &[&str]) -> bool {
    if n == 0 || found[n - 1].end > found[n].start {
        return false;
    }
    let between = found[n - 1].end..found[n].start;
    let modifiers = between
        .clone()
        .filter(|&k| {
            !matches!(lower[k], "the" | "a" | "an" | "its" | "their" | "his" | "her" | "new")
        })
        .count();
    modifiers <= 2
        && between.clone().all(|k| {
            lower[k].bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !matches!(
                    lower[k],
                    "to" | "and"
                        | "or"
                        | "with"
                        | "on"
                        | "in"
                        | "for"
                        | "of"
                        | "by"
                        | "at"
                        | "from"
                        | "that"
                        | "which"
                        | "as"
                        | "after"
                        | "before"
                        | "against"
                )
        })
}

/// Marks in `skip` (one flag per trigger) the triggers that do not code of their own.
pub(crate) fn skipped(
    found: &[Hit],
    lower: &[&str],
    events: &EventLexicon,
    triggers: &crate::triggers::Triggers,
    skip: &mut Vec<bool>,
) {
    skip.clear();
    skip.resize(found.len(), false);
    for n in 1..found.len() {
        if !object_of_previous(found, n, lower) {
            continue;
        }
        // A reporting verb whose own pattern matched ("reaffirmed plans to", 030) keeps it.
        let reporting = &events.verbs[found[n - 1].verb];
        let reports = reporting.reported_speech
            && crate::triggers::code_for(triggers, reporting, lower, &found[n - 1])
                .is_some_and(|c| c == reporting.code);
        // "is planned to visit", "was set to sign": a passive intent verb is the modality of
        // the act after it, which codes (and reads as planned).
        let passive_intent = lower[found[n - 1].end - 1] == "to"
            && found[n - 1].start >= 1
            && matches!(
                lower[found[n - 1].start - 1],
                "is" | "are" | "was" | "were" | "be" | "been"
            );
        if passive_intent || (reports && !events.verbs[found[n].verb].reported_speech) {
            skip[n - 1] = true;
        } else {
            skip[n] = true;
        }
    }
}
