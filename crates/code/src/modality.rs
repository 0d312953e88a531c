//! Negation and modality from the words between the clause start and the trigger: "did not
//! join" is negated, "will join", "is expected to join" planned, "could join" hypothetical.

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
    {
        return Modality::Negated;
    }
    if has("could") || has("might") || has("may") || has("if") {
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
