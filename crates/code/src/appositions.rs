//! A list of actors set off by dashes is an apposition, not a clause: "four Arab states—Bahrain,
//! the UAE, Morocco, and Sudan—to establish relations with Israel" names the states the
//! sentence goes on about. Dashes otherwise end a clause ("– such as whether X decides to V –").
//!
//! What it codes: nothing by itself; the two dashes read as commas, so that the actors between
//! them are arguments of the verbs around them.
//!
//! Example: "Egypt persuaded two states—Jordan and Iraq—to sign the accord" -> the list
//! continues across the dashes.
//!
//! Not coded when: anything but actors and coordination words ("and", "the", ",") stands
//! between the dashes; the dashes do not come in a pair.

use crate::arguments::COORDINATION;
use dyad_model::Mention;
use dyad_segment::Token;

fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–")
}

/// Rewrites, in the sentence's lower-cased words, each pair of dashes that encloses only actors
/// and coordination words as two commas.
pub(crate) fn read_as_commas(toks: &[Token], lower: &mut [&str], mentions: &[Mention]) {
    let mut i = 0;
    while i < lower.len() {
        if !is_dash(lower[i]) {
            i += 1;
            continue;
        }
        let Some(j) = (i + 1..lower.len()).find(|&k| is_dash(lower[k])) else { return };
        let in_mention =
            |k: usize| mentions.iter().any(|m| m.span.contains(toks[k].span) && m.entity.is_some());
        let inside = i + 1..j;
        if !inside.is_empty()
            && inside.clone().any(in_mention)
            && inside.clone().all(|k| in_mention(k) || COORDINATION.contains(&lower[k]))
        {
            lower[i] = ",";
            lower[j] = ",";
        }
        i = j + 1;
    }
}
