//! Assembles `Article::text` block by block, keeping character and byte offsets.

use crate::model::{Article, Block, BlockKind, Date, Span};

/// Collects the blocks of one article into its text, one block per line.
#[derive(Default)]
pub struct ArticleBuilder {
    text: String,
    chars: usize,
    blocks: Vec<Block>,
    kicker: Option<String>,
    title: Option<String>,
    lead: Option<String>,
}

impl ArticleBuilder {
    /// Appends `line` (normalised, trimmed) as a block of `kind`; empty lines are skipped.
    pub fn push(&mut self, kind: BlockKind, line: &str) {
        if line.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        let byte_start = self.text.len();
        let start = self.chars;
        self.text.push_str(line);
        self.chars += line.chars().count();
        let span = Span {
            start,
            end: self.chars,
            byte_start,
            byte_end: self.text.len(),
        };
        self.blocks.push(Block { kind, span });
        let field = match kind {
            BlockKind::Kicker => &mut self.kicker,
            BlockKind::Title => &mut self.title,
            BlockKind::Lead => &mut self.lead,
            BlockKind::Paragraph | BlockKind::Subheading => return,
        };
        field.get_or_insert_with(|| line.to_string());
    }

    /// Whether no block has been added.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The finished article.
    pub fn finish(self, id: String, source: String, published: Option<Date>) -> Article {
        Article {
            id,
            source,
            published,
            kicker: self.kicker,
            title: self.title,
            lead: self.lead,
            text: self.text,
            blocks: self.blocks,
            warnings: Vec::new(),
        }
    }
}
