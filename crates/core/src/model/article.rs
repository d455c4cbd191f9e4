//! An article as read: metadata, the normalised text and its blocks.

use super::{Date, Span};
use serde::Serialize;

/// One news article: what stage 1 (`article`) produces and every later stage reads.
///
/// `text` holds kicker, title, lead and blocks, one per line, without the plain
/// format's ` date …` header (that becomes `published`).
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Stable identifier: the JSON `id`, else the file stem (with `:LINE` for JSON Lines).
    pub id: String,
    /// Where the article came from: its URL if known, else the file path (`-` for stdin).
    pub source: String,
    /// Publication date; `None` when neither the input nor `--date` gives one.
    pub published: Option<Date>,
    /// The kicker (Dachzeile) above the title, if any.
    pub kicker: Option<String>,
    /// The title (headline), if any.
    pub title: Option<String>,
    /// The lead (teaser paragraph), if any.
    pub lead: Option<String>,
    /// The normalised article text all offsets point into.
    pub text: String,
    /// The blocks of `text`, in order, one per line.
    pub blocks: Vec<Block>,
    /// Problems found in the input that did not stop the analysis.
    pub warnings: Vec<Warning>,
}

/// The role of one line of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The kicker (Dachzeile).
    Kicker,
    /// The headline.
    Title,
    /// The teaser paragraph under the headline.
    Lead,
    /// A body paragraph.
    Paragraph,
    /// A short intermediate heading (Zwischenüberschrift) in the body.
    Subheading,
}

/// One line of `Article::text` with its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the line is.
    pub kind: BlockKind,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

/// What kind of problem a warning reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A sentence ends in a colon that introduces content which is not there
    /// (an embedded tweet, video or quote lost in scraping).
    MissingEmbed,
}

/// A problem in the input that the analysis works around and reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The kind of problem.
    pub kind: WarningKind,
    /// The text it concerns.
    #[serde(flatten)]
    pub span: Span,
    /// A sentence for people.
    pub message: String,
}

impl Article {
    /// An article of `text` as it is (no header, no normalisation), one paragraph per
    /// non-blank line: for running the stages over gold texts of other corpora, whose
    /// offsets must stay those of `text`.
    pub fn from_text(id: &str, text: &str, published: Option<Date>) -> Article {
        Article {
            id: id.to_string(),
            source: id.to_string(),
            published,
            kicker: None,
            title: None,
            lead: None,
            text: text.to_string(),
            blocks: crate::article::line_blocks(text),
            warnings: Vec::new(),
        }
    }

    /// The text of `span` in this article.
    pub fn slice(&self, span: &Span) -> &str {
        span.slice(&self.text)
    }
}
