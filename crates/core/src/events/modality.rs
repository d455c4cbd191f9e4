//! How sure the text is of an event: negated, planned, hypothetical, or only
//! claimed by a speaker whose quotation contains it.

use super::clauses::Tokens;
use super::lexicon::{Trigger, WordClass};
use crate::model::ActorRef;
use std::ops::Range;

/// What the text says of an event's reality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Modality {
    /// "nicht", "kein" in its clause.
    pub negated: bool,
    /// A plan, an intention or a future date.
    pub planned: bool,
    /// A condition or possibility.
    pub hypothetical: bool,
    /// The speaker of the quotation the trigger lies in.
    pub claimed_by: Option<ActorRef>,
}

/// The modality of the trigger at `at` in `clause`; `participle` tells whether the
/// trigger is a past participle and `timex` is the clause's time expression.
pub fn read(
    cx: &Tokens<'_>,
    trigger: &Trigger,
    participle: bool,
    clause: &Range<usize>,
    at: usize,
    timex: Option<usize>,
) -> Modality {
    let has = |class: WordClass| clause.clone().any(|i| cx.is(class, i));
    let negated = clause.clone().any(|i| {
        cx.is(WordClass::Negation, i)
            && !cx.is(WordClass::NotNegation, i + 1)
            // "nicht zugestimmt und verlangt": the negation stays in its conjunct
            && !(i < at && (i + 1..at).any(|j| cx.words[j].chars().all(char::is_alphabetic) && cx.is(WordClass::Coordinator, j)))
            // "kein" negates a noun; it negates a noun trigger only right before it
            && (cx.words[i] == "nicht"
                || cx.words[i] == "nie"
                || cx.words[i] == "niemals"
                || !trigger.noun
                || (i < at && at - i <= 2))
    });
    let future_date = timex
        .and_then(|t| cx.analysis.timexes.get(t))
        .zip(cx.analysis.article.published)
        .is_some_and(|(t, published)| is_after(&t.value, &published.to_string()));
    // "kündigte an, Kiew zu besuchen", "zögere, sich mit Selenskyj zu treffen": an act
    // in a zu-infinitive is intended, not done
    let infinitive = !trigger.noun && at > clause.start && cx.is(WordClass::Infinitive, at - 1);
    let planned = has(WordClass::Planned)
        || (has(WordClass::Future) && !participle)
        || future_date
        || infinitive;
    let claimed_by = cx.quote_at[at]
        .and_then(|q| cx.analysis.quotes.get(q))
        .and_then(|q| q.speaker.clone());
    Modality {
        negated,
        planned,
        hypothetical: has(WordClass::Hypothetical),
        claimed_by,
    }
}

/// Whether the TIMEX3 calendar value `value` ("2025-09", "2025-09-01") lies after
/// the day `published` ("2025-08-26").
fn is_after(value: &str, published: &str) -> bool {
    let n = value.len().min(published.len());
    let calendar =
        value.bytes().all(|b| b.is_ascii_digit() || b == b'-') && matches!(n, 4 | 7 | 10);
    calendar && value[..n] > published[..n]
}

#[cfg(test)]
mod tests {
    use super::is_after;

    #[test]
    fn compares_calendar_values_at_their_precision() {
        assert!(is_after("2025-09", "2025-08-26"));
        assert!(is_after("2025-08-27", "2025-08-26"));
        assert!(!is_after("2025-08", "2025-08-26"));
        assert!(!is_after("2025-W35", "2025-08-26"));
        assert!(!is_after("PRESENT_REF", "2025-08-26"));
    }
}
