//! Stage 1, **article**: read an input format into an [`Article`](crate::Article).
//!
//! Readers take the bytes of one input (a file, a JSON line, stdin) and never fail
//! as a whole on bad input: each article is `Ok` or a [`ReadError`] naming the
//! source, the line and the reason. The text is normalised character by character
//! ([`normalize`]), split into blocks ([`body`]) whose kind comes from their form
//! ([`heading`]), and lost embeds are flagged once sentences exist ([`embeds`]).

mod body;
mod builder;
mod decode;
pub mod embeds;
mod error;
pub mod heading;
mod jsonl;
pub mod normalize;
mod plain;

pub use error::{ReadError, ReadErrorKind};
pub use jsonl::read_jsonl;
pub use plain::read_plain;

use crate::model::{Article, Date};

/// Settings that apply to every article read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Publication date for inputs that give none (`--date`).
    pub default_date: Option<Date>,
}

/// The input formats depesche reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// The plain article format (` date YYYY-MM-DD Kicker:Title`, lead, blocks) or plain text.
    Plain,
    /// One JSON object per line: `{id?, url?, published, title, kicker?, lead?, text}`.
    JsonLines,
}

impl InputFormat {
    /// The format of a file named `name`, by its extension; `None` for files depesche does not read.
    pub fn from_file_name(name: &str) -> Option<InputFormat> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("txt" | "text") => Some(InputFormat::Plain),
            Some("jsonl" | "ndjson" | "json") => Some(InputFormat::JsonLines),
            _ => None,
        }
    }

    /// The format of `bytes` by their first non-blank character (for stdin).
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let first = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .iter()
            .find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            InputFormat::JsonLines
        } else {
            InputFormat::Plain
        }
    }
}

/// Reads every article in `bytes` (one input named `source`) in `format`.
pub fn read(
    source: &str,
    bytes: &[u8],
    format: InputFormat,
    options: &ReadOptions,
) -> Vec<Result<Article, ReadError>> {
    match format {
        InputFormat::Plain => vec![read_plain(source, bytes, options)],
        InputFormat::JsonLines => read_jsonl(source, bytes, options),
    }
}

/// Every non-blank line of `text`, trimmed, as a paragraph block with offsets into
/// `text` as it is: for segmenting text from other corpora without rewriting it.
pub fn line_blocks(text: &str) -> Vec<crate::model::Block> {
    use crate::model::{Block, BlockKind, Span};
    let mut blocks = Vec::new();
    let mut byte = 0;
    let mut chars = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = chars + line[..lead].chars().count();
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span {
                    start,
                    end: start + trimmed.chars().count(),
                    byte_start: byte + lead,
                    byte_end: byte + lead + trimmed.len(),
                },
            });
        }
        byte += line.len() + 1;
        chars += line.chars().count() + 1;
    }
    blocks
}
