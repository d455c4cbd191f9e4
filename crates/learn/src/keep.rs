//! Trains the keep model ([`depesche_core::quotes::keep`]) from the
//! quotation-attribution corpus.
//!
//! Each quotation the labeller proposes is one example with two candidates, keep
//! and drop. Keeping gains the share of its tokens that lie in a gold quotation
//! (its precision); dropping gains [`DROP_GAIN`]. The ranking of
//! [`crate::ranking`] then learns to keep a quotation where its expected precision
//! beats that threshold. As for speakers, the proposals must come from a labeller
//! that did not see the article.

use crate::ranking::RankingExample;
use crate::speakers::tokens_of;
use depesche_core::quotes::KeepChoice;
use depesche_core::Analysis;
use depesche_eval::quotes::{QuoteDocument, QuoteType};

/// What dropping a quotation gains: a quotation raises micro F1 exactly where its
/// precision exceeds half the F1 (adding tp true and fp false tokens to TP, FP and
/// FN raises 2TP/(2TP+FP+FN) iff tp/(tp+fp) > TP/(2TP+FP+FN) = F1/2), and the
/// stage's quote span F1 is about 0.7.
pub const DROP_GAIN: f64 = 0.35;

/// The examples of one article: `choices` are the quote stage's labelled
/// quotations on `analysis`, the analysis of `gold.text`.
pub fn examples(
    analysis: &Analysis,
    gold: &QuoteDocument,
    choices: Vec<KeepChoice>,
) -> Vec<RankingExample> {
    let mut in_gold = vec![false; analysis.tokens.len()];
    for q in gold.quotes.iter().filter(|q| q.kind != QuoteType::Reported) {
        for t in tokens_of(analysis, &q.quote) {
            in_gold[t] = true;
        }
    }
    choices
        .into_iter()
        .map(|choice| RankingExample {
            gains: vec![precision(choice.quote, &in_gold), DROP_GAIN],
            candidates: choice.candidates.into(),
        })
        .collect()
}

/// The share of the tokens `quote` that `in_gold` marks (0 for no tokens).
fn precision(quote: std::ops::Range<usize>, in_gold: &[bool]) -> f64 {
    let tokens = quote.len();
    let right = quote.filter(|&t| in_gold.get(t) == Some(&true)).count();
    right as f64 / tokens.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeping_gains_the_share_of_gold_tokens() {
        let in_gold = [false, true, true, true, false];
        assert_eq!(precision(1..4, &in_gold), 1.0);
        assert_eq!(precision(2..6, &in_gold), 0.5);
        assert_eq!(precision(4..5, &in_gold), 0.0);
        assert_eq!(precision(3..3, &in_gold), 0.0);
    }
}
