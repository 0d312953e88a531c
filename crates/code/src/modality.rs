//! Negation and modality from the words between the clause start and the trigger: "did not
//! join" is negated (the six words before the trigger), "will join", "is expected to join"
//! planned, "could join", "may worry about expanded cooperation" hypothetical (up to fifteen
//! words before it).

use dyad_model::Modality;

pub(crate) fn of(lower: &[&str], trigger: usize, clause_start: usize) -> Modality {
    let from = clause_start.max(trigger.saturating_sub(6));
    let window = &lower[from..trigger];
    let has = |w: &str| window.contains(&w);
    let pair = |a: &str, b: &str| window.windows(2).any(|p| p[0] == a && p[1] == b);
    if has("not")
        || has("n't")
        || has("never")
        || has("no")
        || pair("failed", "to")
        || pair("refused", "to")
        // "declined an invitation to join", "rejected calls to join" (not "exports declined")
        || verb_then_to(window, &["declined", "declines", "rejected", "rejects"])
    {
        return Modality::Negated;
    }
    // A modal governs the whole verb phrase after it, events named in its object included
    // ("may worry about expanded cooperation with X", "was set to become the next state to
    // recognise X"): modality is read from the whole clause before the trigger, up to fifteen
    // words, while negation stays with the nearest words.
    let window = &lower[clause_start.max(trigger.saturating_sub(15))..trigger];
    let has = |w: &str| window.contains(&w);
    let pair = |a: &str, b: &str| window.windows(2).any(|p| p[0] == a && p[1] == b);
    // "Netanyahu invited Tokayev to visit Israel", "urged Iran to release": the act asked for
    // has not happened.
    let requested = verb_then_to(
        window,
        &[
            "invited",
            "invites",
            "invite",
            "urged",
            "urges",
            "urge",
            "asked",
            "asks",
            "pressed",
            "presses",
            "encouraged",
            "encourages",
            "wants",
            "wanted",
            "proposed",
            "proposes",
        ],
    );
    if requested {
        return Modality::Hypothetical;
    }
    // "in May and met": the month is not the modal.
    let modal_may = window.iter().enumerate().any(|(k, w)| {
        *w == "may"
            && !(k > 0
                && matches!(
                    window[k - 1],
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "from"
                        | "to"
                        | "through"
                        | "during"
                        | "on"
                ))
            && !window.get(k + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    });
    if has("could") || has("might") || modal_may || has("if") {
        return Modality::Hypothetical;
    }
    if has("will")
        || has("would")
        || has("shall")
        || has("'ll")
        || has("soon")
        || pair("expected", "to")
        || pair("plans", "to")
        || pair("plan", "to")
        || pair("planned", "to")
        || pair("planning", "to")
        || pair("scheduled", "to")
        || pair("set", "to")
        || pair("intends", "to")
        || pair("going", "to")
        || pair("agreed", "to")
        || pair("volunteered", "to")
        || pair("decided", "to")
        || pair("is", "to")
    {
        return Modality::Planned;
    }
    Modality::Asserted
}

/// Whether one of `verbs` stands in `window` with a "to" after it ("urged Iran to", "declined an
/// invitation to").
fn verb_then_to(window: &[&str], verbs: &[&str]) -> bool {
    window.iter().enumerate().any(|(k, w)| verbs.contains(w) && window[k + 1..].contains(&"to"))
}
