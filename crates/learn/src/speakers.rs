//! Trains the speaker model ([`depesche_core::quotes::speakers`]) from the
//! quotation-attribution corpus.
//!
//! Each quotation the quote stage finds becomes one example: its candidate speakers,
//! each with its gain, the token F1 of the candidate against the gold speaker of the
//! gold quotation it overlaps most ("no speaker" gains 1 where that speaker is empty
//! or the quotation has no gold counterpart, as the corpus' scoring counts any speaker
//! of an unmatched quotation as wrong). An averaged perceptron learns to rank the
//! candidate of the highest gain first, each mistake weighted by the gain it loses.
//!
//! The candidates must come from a labeller that did not see the example's article:
//! on its own training data the labeller marks speakers almost without fault, and a
//! ranking learnt there would only learn to trust it. `depesche train quotes` labels
//! each part of the training split with a model trained on the others.

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
                    Some(range) => f1(speaker, &range.clone().collect::<Vec<_>>()),
                    None => f64::from(u8::from(speaker.is_empty())),
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
    fn f1_of_token_sets() {
        assert_eq!(f1(&[1, 2, 3], &[2, 3]), 0.8);
        assert_eq!(f1(&[], &[2]), 0.0);
        assert_eq!(f1(&[4], &[4]), 1.0);
    }
}
