//! Stage 2, **text**: German tokens and sentences.
//!
//! [`tokenize`] cuts a block into raw tokens (words, numbers, punctuation, quotes,
//! URLs, …) in one pass; [`sentences`] walks those tokens once, decides at every
//! `.`, `!`, `?` and `…` whether a sentence ends there, and folds the period of
//! abbreviations, initials and ordinals into their token. What counts as an
//! abbreviation or an ordinal context is data ([`TextLexicon`]).
//! Sentences never cross block boundaries: every block (also a headline without
//! final punctuation) holds at least one sentence. A wire story's opening
//! [`dateline`] ("Berlin (dpa) - ") is a sentence of its own.

pub mod dateline;
mod lexicon;
pub mod sentences;
pub mod tokenize;

pub use lexicon::{LexiconError, TextLexicon};

use crate::model::{Analysis, Block, BlockKind, Sentence, Token};
use crate::pipeline::Stage;

/// The segmentation stage: fills `Analysis::tokens` and `Analysis::sentences`.
pub struct Segmenter {
    lexicon: TextLexicon,
}

impl Segmenter {
    /// A segmenter using `lexicon`.
    pub fn new(lexicon: TextLexicon) -> Segmenter {
        Segmenter { lexicon }
    }

    /// Tokens and sentences of the `blocks` of `text`.
    pub fn segment(&self, text: &str, blocks: &[Block]) -> (Vec<Token>, Vec<Sentence>) {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(text.len() / 100);
        let mut raw = Vec::new();
        let first_body = blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Lead | BlockKind::Paragraph));
        for (i, block) in blocks.iter().enumerate() {
            raw.clear();
            tokenize::tokenize(text, &block.span, &mut raw);
            let body = matches!(block.kind, BlockKind::Lead | BlockKind::Paragraph);
            let cut = body
                .then(|| dateline::dateline_len(text, &raw, first_body == Some(i)))
                .flatten()
                .unwrap_or(0);
            for part in [&raw[..cut], &raw[cut..]] {
                sentences::split(text, part, &self.lexicon, &mut tokens, &mut sentences);
            }
        }
        (tokens, sentences)
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "text"
    }

    fn run(&self, analysis: &mut Analysis) {
        let (tokens, sentences) = self.segment(&analysis.article.text, &analysis.article.blocks);
        analysis.tokens = tokens;
        analysis.sentences = sentences;
    }
}
