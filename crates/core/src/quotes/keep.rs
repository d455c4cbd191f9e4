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

/// How far `model` scores keeping the quotation whose keep features are `keep`
/// above dropping it ([`keeps`] tells from it whether it is kept).
pub(super) fn keep_margin(model: &LinearModel, keep: &[Feature]) -> f32 {
    let drop: Vec<Feature> = drop_features();
    model.score(keep) - model.score(&drop)
}

/// Whether a quotation whose keep margin is `margin` is kept: where keeping scores
/// at least as well as dropping (the first of equal candidates wins).
pub(super) fn keeps(margin: f32) -> bool {
    margin >= 0.0
}

/// The features of dropping a quotation: one weight, the threshold keeping must
/// pass.
pub(super) fn drop_features<F: Features>() -> F {
    let mut out = F::default();
    out.add(&["drop"]);
    out
}

/// The sentences in which the rules' quotations of an article close, sorted, to
/// tell each labelled quotation how far back the rules last found reported speech
/// without a pass over all of them (an article of many quotes is no quadratic work).
pub(super) struct RuleClosings(Vec<usize>);

impl RuleClosings {
    /// The closing sentences of the rules' quotations `rules`.
    pub(super) fn new(cx: &Context<'_>, rules: &[Found]) -> Self {
        let mut closings: Vec<usize> = rules.iter().map(|r| closing_sentence(cx, r)).collect();
        closings.sort_unstable();
        Self(closings)
    }

    /// How many sentences before sentence `s` (0: in it) a rules' quotation last
    /// closed, if any did by then.
    fn gap(&self, s: usize) -> Option<usize> {
        let up_to = self.0.partition_point(|&c| c <= s);
        up_to.checked_sub(1).map(|i| s - self.0[i])
    }
}

/// The features of keeping the labelled quotation `q`; `rules` are where the
/// rules' quotations of the article close.
pub(super) fn features<F: Features>(
    cx: &Context<'_>,
    facts: &SentenceFacts,
    rules: &RuleClosings,
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
    // whether unlabelled news has its speaker's words as a speech verb's subject
    if let Some(a) = &f.speaker {
        let tokens = cx.token_after(a.span.start)..cx.token_after(a.span.end);
        let most = cx
            .lexicon
            .likeliest_speaker_word(tokens.clone().map(|k| cx.words[k]));
        out.add(&["spM=", most]);
        out.add(&["spM=", most, " spk=", from]);
        let mut kinds: Vec<&str> = tokens.map(|k| super::features::entity(cx, k)).collect();
        kinds.dedup();
        out.add(&["spE=", &kinds.join("+")]);
    }
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
    out.add(&["rulegap=", rules.gap(s).map_or("none", gap_bucket)]);
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
        let margin = |text: &str| keep_margin(&model(text), &keep);
        // a model without weights keeps everything
        assert!(keeps(margin("# none\n")));
        assert!(!keeps(margin("drop\t1\n")));
        assert!(keeps(margin("drop\t1\nkeep\t0.5\nlen=1\t0.6\n")));
        assert!(!keeps(margin("drop\t1\nkeep\t0.5\nlen=1\t0.4\n")));
        assert!((margin("drop\t1\nkeep\t0.5\nlen=1\t0.75\n") - 0.25).abs() < 1e-6);
    }

    #[test]
    fn the_rule_gap_is_to_the_last_closing_at_or_before_a_sentence() {
        let rules = RuleClosings(vec![2, 5, 5, 9]);
        assert_eq!(rules.gap(1), None);
        assert_eq!(rules.gap(2), Some(0));
        assert_eq!(rules.gap(4), Some(2));
        assert_eq!(rules.gap(8), Some(3));
        assert_eq!(rules.gap(12), Some(3));
    }

    #[test]
    fn the_shipped_model_reads() {
        assert!(shipped_model().is_ok());
    }
}
