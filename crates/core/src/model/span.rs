//! Character and byte spans into an article's text.

use serde::Serialize;

/// A stretch of `Article::text`: character offsets for the schema, byte offsets for slicing.
///
/// Both pairs are end-exclusive. Keeping the byte offsets lets every stage slice the
/// text in O(1) while the output speaks in characters, as the schema requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// First character (Unicode scalar value) of the span.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// First byte of the span in the UTF-8 text.
    #[serde(skip)]
    pub byte_start: usize,
    /// One past the last byte.
    #[serde(skip)]
    pub byte_end: usize,
}

impl Span {
    /// The text this span covers in `text` (the article text it was made for).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.byte_start..self.byte_end).unwrap_or("")
    }

    /// Whether the span covers no character.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span from the start of `self` to the end of `other`.
    pub fn to(&self, other: &Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
            byte_start: self.byte_start,
            byte_end: other.byte_end,
        }
    }
}
