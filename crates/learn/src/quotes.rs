//! Trains the quote labeller from the quotation-attribution corpus (Petersen-Frey &
//! Biemann 2024): each sentence of an analysed article becomes a sequence whose
//! tokens carry BIO labels of the gold quotations' parts (quote by type, speaker,
//! cue, addressee), learnt by the CRF the NER model uses.
//!
//! Left out: `Reported` annotations (speech acts without content are events in
//! depesche) and nested quotations (their words are labelled by the quotation
//! around them). A token belongs to a gold span when their characters overlap.

use crate::ner::{train_sequences, NerTraining};
use depesche_core::entities::clusters::WordClusters;
use depesche_core::entities::features::Feature;
use depesche_core::entities::ner::NerModel;
use depesche_core::quotes::labeller::{article_features, Part};
use depesche_core::quotes::lexicon::QuoteLexicon;
use depesche_core::Analysis;
use depesche_eval::quotes::{CharSpan, QuoteDocument, QuoteType};

/// A training sequence: each token's features and its gold label.
pub type Sequence = (Vec<Vec<Feature>>, Vec<String>);

/// The part a gold quotation's content is labelled as (none for `Reported`).
fn content_part(kind: QuoteType) -> Option<Part> {
    match kind {
        QuoteType::Direct => Some(Part::Direct),
        QuoteType::Indirect => Some(Part::Indirect),
        QuoteType::FreeIndirect => Some(Part::FreeIndirect),
        QuoteType::IndirectFreeIndirect => Some(Part::ContinuedIndirect),
        QuoteType::Reported => None,
    }
}

/// The labelled sentences of one article, only `parts` labelled: `analysis` is the
/// pipeline's analysis of `gold.text`.
pub fn sequences(
    analysis: &Analysis,
    gold: &QuoteDocument,
    lexicon: &QuoteLexicon,
    clusters: &WordClusters,
    parts: &[Part],
) -> Vec<Sequence> {
    let tokens = &analysis.tokens;
    // per token: the part and the annotation it belongs to
    let mut owner: Vec<Option<(Part, usize)>> = vec![None; tokens.len()];
    let mut mark = |spans: &[CharSpan], part: Part, id: usize| {
        if !parts.contains(&part) {
            return;
        }
        for &(a, b) in spans {
            let from = tokens.partition_point(|t| t.span.end <= a);
            for (i, t) in tokens.iter().enumerate().skip(from) {
                if t.span.start >= b {
                    break;
                }
                owner[i] = Some((part, id));
            }
        }
    };
    let annotations: Vec<(usize, Part, _)> = gold
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.nested)
        .filter_map(|(id, q)| content_part(q.kind).map(|p| (id, p, q)))
        .collect();
    // speakers, cues and addressees first, so that content wins where they overlap
    for &(id, _, q) in &annotations {
        mark(&q.speaker, Part::Speaker, id);
        mark(&q.cue, Part::Cue, id);
        mark(&q.addressee, Part::Addressee, id);
    }
    for &(id, part, q) in &annotations {
        mark(&q.quote, part, id);
    }
    let features = article_features(analysis, lexicon, clusters);
    analysis
        .sentences
        .iter()
        .zip(features)
        .map(|(s, f)| {
            let range = s.first_token..s.end_token.min(tokens.len());
            let labels = range
                .clone()
                .map(|i| match owner[i] {
                    None => "O".to_string(),
                    Some((part, id)) => {
                        let continues = i > range.start && owner[i - 1] == Some((part, id));
                        format!("{}-{}", if continues { "I" } else { "B" }, part.tag())
                    }
                })
                .collect();
            (f, labels)
        })
        .collect()
}

/// Trains the labeller on `sequences`.
pub fn train(sequences: &[Sequence], settings: &NerTraining) -> NerModel {
    train_sequences(
        sequences
            .iter()
            .map(|(f, labels)| (f.clone(), labels.as_slice()))
            .collect(),
        settings,
    )
}
