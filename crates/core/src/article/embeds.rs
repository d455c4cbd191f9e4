//! Lost embeds: a sentence ending in a colon whose content is not there.
//!
//! Scraped news loses embedded tweets, videos and quote boxes, leaving
//! "…, sagte Trump:" followed by a subheading or nothing. A colon-final block is
//! flagged when the next block is a heading, when there is none, or when the next
//! paragraph does not continue it: continuing text starts with a quote mark, a
//! list marker, a list number or a lower-case word. A block that is only a label of
//! up to three capitalised words ("Schulte-Markwort:", "ZEIT ONLINE:", "Das
//! Ergebnis:") is continued by any block after it: interviews and overviews set a
//! turn's or item's text in the paragraph (or short line) after its label.

use crate::model::{Analysis, BlockKind, Token, TokenKind, Warning, WarningKind};
use crate::pipeline::Stage;

/// The stage that adds `missing_embed` warnings; runs after segmentation.
pub struct EmbedCheck;

impl Stage for EmbedCheck {
    fn name(&self) -> &'static str {
        "embeds"
    }

    fn run(&self, analysis: &mut Analysis) {
        let warnings = find(analysis);
        analysis.article.warnings.extend(warnings);
    }
}

/// The missing-embed warnings of an analysed article.
pub fn find(analysis: &Analysis) -> Vec<Warning> {
    let article = &analysis.article;
    let text = &article.text;
    let mut warnings = Vec::new();
    let mut s = 0;
    for (b, block) in article.blocks.iter().enumerate() {
        // the sentences of this block
        let first = s;
        while s < analysis.sentences.len() && analysis.sentences[s].span.end <= block.span.end {
            s += 1;
        }
        if !matches!(block.kind, BlockKind::Lead | BlockKind::Paragraph) || s == first {
            continue;
        }
        let last = &analysis.sentences[s - 1];
        let ends_in_colon = analysis
            .sentence_tokens(last)
            .last()
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(text) == ":");
        if !ends_in_colon {
            continue;
        }
        // a label's text may be set as a short line of its own, which reads as a
        // subheading
        let tokens = analysis.sentence_tokens(last);
        let label = s == first + 1 && opening_label(text, tokens) == Some(tokens.len() - 1);
        let continued = match article.blocks.get(b + 1) {
            Some(_) if label => true,
            Some(next) if next.kind == BlockKind::Paragraph => analysis
                .sentences
                .get(s)
                .and_then(|n| analysis.sentence_tokens(n).first())
                .is_some_and(|t| continues(text, t)),
            _ => false,
        };
        if !continued {
            warnings.push(Warning {
                kind: WarningKind::MissingEmbed,
                span: last.span,
                message: "the sentence ends in a colon, but what it introduces is missing (an embed lost in scraping?)"
                    .to_string(),
            });
        }
    }
    warnings
}

/// Whether a paragraph starting with `first` continues a colon-final one.
fn continues(text: &str, first: &Token) -> bool {
    match first.kind {
        TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Ordinal | TokenKind::Number => {
            true
        }
        TokenKind::Punct | TokenKind::Symbol => {
            matches!(first.text(text), "-" | "–" | "—" | "•" | "*" | "·" | "▪")
        }
        TokenKind::Word => first.text(text).starts_with(char::is_lowercase),
        _ => false,
    }
}

/// Most words a label has.
const MAX_LABEL_WORDS: usize = 3;

/// The number of words of the label that opens `tokens` (a sentence of `text`):
/// one to three capitalised words and the colon after them ("ZEIT ONLINE:",
/// "Kekilli:"); none if it opens with none. The quote stage reads interview turns
/// by the same labels.
pub fn opening_label(text: &str, tokens: &[Token]) -> Option<usize> {
    let colon = tokens
        .iter()
        .take(MAX_LABEL_WORDS + 1)
        .position(|t| t.text(text) == ":")?;
    let capitalised =
        |t: &Token| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
    (colon > 0 && tokens[..colon].iter().all(capitalised)).then_some(colon)
}
