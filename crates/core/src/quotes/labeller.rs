//! The quote labeller: a sequence model that marks, in each sentence, the tokens of
//! reported speech (by type), of speakers and of cues. It is trained by
//! `depesche train quotes` on the quotation-attribution corpus and stored in
//! `data/quotes/quotes.model`; it finds the reported speech that the rules of
//! [`super`] miss, above all indirect speech that carries on without a cue.

use super::attribution::Context;
use super::features::{sentence_features, SentenceFacts, SentenceFeatures};
use super::lexicon::QuoteLexicon;
use crate::entities::clusters::WordClusters;
use crate::entities::features::Feature;
use crate::entities::ner::{ModelError, NerModel};
use crate::model::Analysis;
use std::sync::Arc;

/// The file names of the two models in a model directory: quotes, speakers and cues;
/// addressees.
pub const MODEL_FILES: [&str; 2] = ["quotes.model", "addressees.model"];

/// The shipped quote model (`data/quotes/quotes.model`, made by `depesche train
/// quotes`): quoted content by type, speakers and cues.
pub const QUOTE_MODEL: &[u8] = include_bytes!("../../data/quotes/quotes.model");

/// The shipped addressee model (`data/quotes/addressees.model`): a model of its own,
/// as addressees are rare (7 % of the corpus' quotations) and learning them in the
/// quote model cost that model speakers.
pub const ADDRESSEE_MODEL: &[u8] = include_bytes!("../../data/quotes/addressees.model");

/// Added to the score of the labels of quoted content on every token. The model
/// alone marks more reported speech than the corpus holds; before the keep model
/// ([`super::keep`]) a bias of −1.0 held that back (tuned on the dev split). Now the
/// keep model drops the doubtful quotations, and the labeller does best unbiased
/// (held out on the training documents: speaker F1 0.574, 0.574, 0.580, 0.579, 0.563
/// at −1, −0.5, 0, 0.5 and 1).
pub const CONTENT_BIAS: f32 = 0.0;

/// Added to the score of the speaker labels: the model alone stops speaker phrases
/// short of the corpus' spans ("John Kline, ein Repräsentant aus Minnesota"), and
/// leaves some speakers out (tuned on the dev split).
pub const SPEAKER_BIAS: f32 = 0.5;

/// What a labelled token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Words in quotation marks.
    Direct,
    /// Reported speech with a cue or source in its sentence.
    Indirect,
    /// A speaker's view without a frame or Konjunktiv.
    FreeIndirect,
    /// Reported speech (in Konjunktiv) that carries on a frame of a sentence before.
    ContinuedIndirect,
    /// Who speaks.
    Speaker,
    /// The speech verb or source word.
    Cue,
    /// To whom it was said ("auf Nachfrage von Journalisten", "der Zeitung").
    Addressee,
}

impl Part {
    /// Every part, in label order.
    pub const ALL: [Part; 7] = [
        Part::Direct,
        Part::Indirect,
        Part::FreeIndirect,
        Part::ContinuedIndirect,
        Part::Speaker,
        Part::Cue,
        Part::Addressee,
    ];

    /// The part's name in the model's BIO labels (`B-IND`, `I-SPK` …).
    pub fn tag(self) -> &'static str {
        match self {
            Part::Direct => "DIR",
            Part::Indirect => "IND",
            Part::FreeIndirect => "FI",
            Part::ContinuedIndirect => "IFI",
            Part::Speaker => "SPK",
            Part::Cue => "CUE",
            Part::Addressee => "ADR",
        }
    }

    /// The part a BIO label names (`B-IND` → Indirect); none for `O`.
    pub fn of_label(label: &str) -> Option<Part> {
        let tag = label.split_once('-')?.1;
        Part::ALL.into_iter().find(|p| p.tag() == tag)
    }

    /// Whether the part is quoted content (not a speaker, cue or addressee).
    pub fn is_quote(self) -> bool {
        !matches!(self, Part::Speaker | Part::Cue | Part::Addressee)
    }
}

/// A labelled stretch of tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labelled {
    /// What it is.
    pub part: Part,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// The trained labeller.
pub struct QuoteLabeller {
    model: NerModel,
    addressees: NerModel,
    clusters: Arc<WordClusters>,
}

impl QuoteLabeller {
    /// The shipped model, with the word clusters its features read.
    pub fn shipped(clusters: Arc<WordClusters>) -> Result<QuoteLabeller, ModelError> {
        Ok(QuoteLabeller::new(
            NerModel::from_bytes(QUOTE_MODEL)?,
            NerModel::from_bytes(ADDRESSEE_MODEL)?,
            clusters,
        ))
    }

    /// A labeller over the quote and addressee models (as `depesche train quotes`
    /// makes them). The label biases ([`CONTENT_BIAS`], [`SPEAKER_BIAS`]) are set here.
    pub fn new(
        model: NerModel,
        addressees: NerModel,
        clusters: Arc<WordClusters>,
    ) -> QuoteLabeller {
        let model = model.with_label_bias(|label| match Part::of_label(label) {
            Some(Part::Speaker) => SPEAKER_BIAS,
            Some(p) if p.is_quote() => CONTENT_BIAS,
            _ => 0.0,
        });
        QuoteLabeller {
            model,
            addressees,
            clusters,
        }
    }

    /// The features of sentence `s`, which both models read.
    pub fn features(&self, cx: &Context<'_>, facts: &SentenceFacts, s: usize) -> SentenceFeatures {
        sentence_features(cx, facts, &self.clusters, s)
    }

    /// The labelled quotes, speakers and cues of the sentence whose first token is
    /// `start` and whose features are `f`.
    pub fn label(&self, f: &SentenceFeatures, start: usize) -> Vec<Labelled> {
        stretches(&self.model, f, start)
    }

    /// The labelled addressees of the sentence whose first token is `start`.
    pub fn addressees(&self, f: &SentenceFeatures, start: usize) -> Vec<Labelled> {
        stretches(&self.addressees, f, start)
    }
}

/// The stretches `model` labels in a sentence (features `f`, first token `start`).
fn stretches(model: &NerModel, f: &SentenceFeatures, start: usize) -> Vec<Labelled> {
    let labels = model.label_grouped(&f.tokens, &f.groups, &f.group_of);
    let mut out: Vec<Labelled> = Vec::new();
    for (t, label) in labels.iter().enumerate() {
        let Some(part) = Part::of_label(label) else {
            continue;
        };
        let continues = label.starts_with("I-");
        match out.last_mut() {
            Some(last) if continues && last.part == part && last.end == start + t => {
                last.end += 1;
            }
            _ => out.push(Labelled {
                part,
                start: start + t,
                end: start + t + 1,
            }),
        }
    }
    out
}

/// The features of every sentence of an analysed article, as the labeller sees them
/// (for training).
pub fn article_features(
    analysis: &Analysis,
    lexicon: &QuoteLexicon,
    clusters: &WordClusters,
) -> Vec<Vec<Vec<Feature>>> {
    let cx = Context::new(analysis, lexicon);
    let facts = SentenceFacts::new(&cx);
    (0..analysis.sentences.len())
        .map(|s| sentence_features(&cx, &facts, clusters, s).flattened())
        .collect()
}
