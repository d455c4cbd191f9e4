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
        let label = s == first + 1 && is_label(text, analysis.sentence_tokens(last));
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

/// Whether `tokens` (a whole block's one sentence) are a label: one to three
/// capitalised words and the colon after them.
fn is_label(text: &str, tokens: &[Token]) -> bool {
    let Some((colon, words)) = tokens.split_last() else {
        return false;
    };
    colon.text(text) == ":"
        && (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
}
