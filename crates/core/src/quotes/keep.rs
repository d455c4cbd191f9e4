//! Whether to keep a quotation the labeller proposes.
//!
//! The labeller marks more reported speech than the corpus holds: a stray word
//! ("Gleichzeitig"), a relative clause, the journalist's own remark after a quote.
//! Each costs precision of the quote span and, with a speaker, of the speaker. So
//! each labelled quotation is a choice between keeping and dropping it, made by a
//! linear model ([`LinearModel`], `data/quotes/keep.tsv`) from what the quotation is
//! (its type, length and words at its edges), how its speaker was found, and the
//! marks of reported speech in its sentence and the one before. The rules'
//! quotations are not asked: where they apply they are precise.
//!
//! The weights are learnt by `depesche train quotes` (`crates/learn/src/keep.rs`) on
//! the quotations that labellers trained on the other folds propose; a model without
//! weights keeps everything.

use super::attribution::Context;
use super::combine::{closing_sentence, LabelledQuote};
use super::features::SentenceFacts;
use super::linear::{yes, Features, LinearModel, LinearModelError};
use super::Found;
use crate::entities::features::Feature;

/// The shipped keep model (`data/quotes/keep.tsv`, made by `depesche train quotes`).
pub const KEEP_MODEL: &str = include_str!("../../data/quotes/keep.tsv");

/// The file name of the keep model in a model directory.
pub const KEEP_MODEL_FILE: &str = "keep.tsv";

/// The shipped keep model.
pub fn shipped_model() -> Result<LinearModel, LinearModelError> {
    LinearModel::parse("data/quotes/keep.tsv", KEEP_MODEL)
}

/// Whether `model` keeps the quotation whose keep features are `keep`.
pub(super) fn keeps(model: &LinearModel, keep: &[Feature]) -> bool {
    let drop: Vec<Feature> = drop_features();
    model.choose([keep, drop.as_slice()]) == 0
}

/// The features of dropping a quotation: one weight, the threshold keeping must
/// pass.
pub(super) fn drop_features<F: Features>() -> F {
    let mut out = F::default();
    out.add(&["drop"]);
    out
}

/// The features of keeping the labelled quotation `q`; `rules` are the rules'
/// quotations of the article.
pub(super) fn features<F: Features>(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    rules: &[Found],
    q: &LabelledQuote,
) -> F {
    let f = &q.found;
    let mut out = F::default();
    let s = f.sentence;
    let sentence = cx.sentence(s);
    let part = q.part.tag();
    let from = q.speaker_from.name();
    let length = length_bucket(f.end - f.start);
    out.add(&["keep"]);
    out.add(&["part=", part]);
    out.add(&["part=", part, " spk=", from]);
    out.add(&["spk=", from]);
    out.add(&["len=", length]);
    out.add(&["part=", part, " len=", length]);
    out.add(&["spk=", from, " len=", length]);
    // how much of its sentence it fills
    let content_end = (sentence.start..sentence.end)
        .rev()
        .find(|&k| facts.class(k) != "punct")
        .map_or(sentence.end, |k| k + 1);
    let starts = f.start == sentence.start;
    let ends = f.end >= content_end;
    out.add(&["start=", yes(starts), " end=", yes(ends)]);
    out.add(&["cue=", yes(f.cue.is_some())]);
    if let Some(c) = f.cue {
        out.add(&["cueword=", &cx.words[c].to_lowercase()]);
    }
    for fact in facts.of(s) {
        out.add(&["fact=", fact]);
        out.add(&["fact=", fact, " spk=", from]);
    }
    match s.checked_sub(1) {
        Some(p) => facts
            .of(p)
            .iter()
            .for_each(|fact| out.add(&["prev=", fact])),
        None => out.add(&["prev=<none>"]),
    }
    // the words and classes at its edges
    let before = f.start.checked_sub(1).filter(|&k| k >= sentence.start);
    let word = |k: Option<usize>| k.map_or("<s>".to_string(), |k| cx.words[k].to_lowercase());
    let class = |k: Option<usize>| k.map_or("<s>", |k| facts.class(k));
    let last = Some(f.end.saturating_sub(1).max(f.start));
    let after = Some(f.end).filter(|&k| k < sentence.end);
    out.add(&["w0=", &word(Some(f.start))]);
    out.add(&["wb=", &word(before)]);
    out.add(&["wl=", &word(last)]);
    out.add(&["c0=", class(Some(f.start)), " cb=", class(before)]);
    out.add(&["cl=", class(last), " ca=", class(after)]);
    // what is inside it
    let inside = |c: &str| (f.start..f.end).any(|k| facts.class(k) == c);
    out.add(&["konj-in=", yes(inside("konj"))]);
    out.add(&["verb-in=", yes(inside("verb"))]);
    out.add(&["marks-in=", yes((f.start..f.end).any(|k| facts.quoted(k)))]);
    // how far back the rules last found reported speech
    let gap = rules
        .iter()
        .map(|r| closing_sentence(cx, r))
        .filter(|&c| c <= s)
        .map(|c| s - c)
        .min();
    out.add(&["rulegap=", gap.map_or("none", gap_bucket)]);
    out.add(&["heading=", yes(cx.in_heading(s))]);
    out
}

/// A rough size of a quotation's length in tokens.
fn length_bucket(n: usize) -> &'static str {
    match n {
        0 | 1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        13..=25 => "13-25",
        _ => "26+",
    }
}

/// A rough size of a distance in sentences.
fn gap_bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3+",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::feature_hash;

    #[test]
    fn keeps_what_scores_above_dropping() {
        let keep = [feature_hash("keep"), feature_hash("len=1")];
        let model = |text: &str| LinearModel::parse("m", text).unwrap();
        // a model without weights keeps everything
        assert!(keeps(&model("# none\n"), &keep));
        assert!(!keeps(&model("drop\t1\n"), &keep));
        assert!(keeps(&model("drop\t1\nkeep\t0.5\nlen=1\t0.6\n"), &keep));
        assert!(!keeps(&model("drop\t1\nkeep\t0.5\nlen=1\t0.4\n"), &keep));
    }

    #[test]
    fn the_shipped_model_reads() {
        assert!(shipped_model().is_ok());
    }
}
