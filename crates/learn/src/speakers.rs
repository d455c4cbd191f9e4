//! Trains the speaker model ([`depesche_core::quotes::speakers`]) from the
//! quotation-attribution corpus.
//!
//! Each quotation the quote stage finds becomes one example: its candidate speakers,
//! each with its gain, what choosing it adds to the corpus' micro speaker F1 against
//! the gold speaker of the gold quotation it overlaps most ([`candidate_gain`]: its right
//! tokens less [`WRONG_TOKEN_COST`] per wrong one; "no speaker" gains 0, and any
//! speaker of a quotation without a gold counterpart only loses, as the corpus'
//! scoring counts it as wrong). An averaged perceptron learns to rank the candidate
//! of the highest gain first, each mistake weighted by the gain it loses.
//!
//! The candidates must come from a labeller that did not see the example's article:
//! on its own training data the labeller marks speakers almost without fault, and a
//! ranking learnt there would only learn to trust it. `depesche train quotes` labels
//! each part of the training split with models trained on the others (three, each
//! on its own shuffle, so that the ranking does not learn one labeller's quirks).

use crate::ranking::RankingExample;
use depesche_core::quotes::SpeakerChoice;
use depesche_core::Analysis;
use depesche_eval::quotes::{CharSpan, QuoteDocument, QuoteType};

/// The tokens of `analysis` that `spans` (character offsets) overlap.
pub(crate) fn tokens_of(analysis: &Analysis, spans: &[CharSpan]) -> Vec<usize> {
    let tokens = &analysis.tokens;
    let mut out = Vec::new();
    for &(a, b) in spans {
        let from = tokens.partition_point(|t| t.span.end <= a);
        out.extend((from..tokens.len()).take_while(|&i| tokens[i].span.start < b));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What a wrong speaker token costs against a right one. Choosing a speaker of `tp`
/// right and `fp` wrong tokens for a quotation whose gold speaker has `g` tokens
/// moves micro F1 = 2TP / (2TP + FP + FN) by a multiple of
/// tp (FP + FN) − TP (fp + g − tp) = (TP + FP + FN) (tp − fp · TP / (TP + FP + FN))
/// less a constant, so a wrong token costs TP / (TP + FP + FN) = F1 / (2 − F1) right
/// ones: 0.43 at the stage's speaker F1 of about 0.6. A per-quotation F1 as the gain
/// weighs a one-word speaker as much as a ten-word one, which the micro score does
/// not (held out: speaker F1 0.603 with it, 0.607 with this; 0.605 and 0.607 with
/// costs 0.3 and 0.55).
pub const WRONG_TOKEN_COST: f64 = 0.43;

/// The gain of a candidate speaker of tokens `candidate` (sorted) where the gold
/// speaker has tokens `gold` (sorted): right tokens less [`WRONG_TOKEN_COST`] per
/// wrong one.
pub(crate) fn candidate_gain(gold: &[usize], candidate: &[usize]) -> f64 {
    let right = candidate
        .iter()
        .filter(|t| gold.binary_search(t).is_ok())
        .count();
    right as f64 - WRONG_TOKEN_COST * (candidate.len() - right) as f64
}

/// Token F1 of two sets of token indices (each sorted).
pub(crate) fn f1(gold: &[usize], predicted: &[usize]) -> f64 {
    let shared = predicted
        .iter()
        .filter(|t| gold.binary_search(t).is_ok())
        .count();
    if shared == 0 {
        return 0.0;
    }
    2.0 * shared as f64 / (gold.len() + predicted.len()) as f64
}

/// The examples of one article: `choices` are the quote stage's candidates on
/// `analysis`, the analysis of `gold.text`.
pub fn examples(
    analysis: &Analysis,
    gold: &QuoteDocument,
    choices: Vec<SpeakerChoice>,
) -> Vec<RankingExample> {
    let gold_quotes: Vec<(Vec<usize>, Vec<usize>)> = gold
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteType::Reported)
        .map(|q| {
            (
                tokens_of(analysis, &q.quote),
                tokens_of(analysis, &q.speaker),
            )
        })
        .collect();
    choices
        .into_iter()
        .map(|choice| {
            let quote: Vec<usize> = choice.quote.clone().collect();
            let speaker = gold_quotes
                .iter()
                .map(|(q, s)| (f1(q, &quote), s))
                .filter(|(overlap, _)| *overlap > 0.0)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map_or(&[][..], |(_, s)| s.as_slice());
            let gains = choice
                .candidates
                .iter()
                .map(|c| match &c.tokens {
                    Some(range) => candidate_gain(speaker, &range.clone().collect::<Vec<_>>()),
                    None => 0.0,
                })
                .collect();
            RankingExample {
                candidates: choice.candidates.into_iter().map(|c| c.features).collect(),
                gains,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_gains_its_right_tokens_less_the_cost_of_wrong_ones() {
        assert_eq!(candidate_gain(&[1, 2, 3], &[1, 2, 3]), 3.0);
        assert_eq!(candidate_gain(&[1, 2, 3], &[]), 0.0);
        assert!((candidate_gain(&[2, 3], &[1, 2]) - (1.0 - WRONG_TOKEN_COST)).abs() < 1e-12);
        assert!((candidate_gain(&[], &[5, 6]) + 2.0 * WRONG_TOKEN_COST).abs() < 1e-12);
    }

    #[test]
    fn f1_of_token_sets() {
        assert_eq!(f1(&[1, 2, 3], &[2, 3]), 0.8);
        assert_eq!(f1(&[], &[2]), 0.0);
        assert_eq!(f1(&[4], &[4]), 1.0);
    }
}
