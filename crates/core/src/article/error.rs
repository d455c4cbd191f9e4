//! Why an article could not be read.

use crate::model::DateError;

/// An input that could not be read as an article, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file (or `-`) the input came from.
    pub file: String,
    /// The 1-based line the problem is on; 0 when it concerns the whole input.
    pub line: usize,
    /// What is wrong.
    pub kind: ReadErrorKind,
}

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadErrorKind {
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 (byte {column} of the line); save the file as UTF-8")]
    InvalidUtf8 {
        /// 1-based byte position within the line.
        column: usize,
    },
    /// The input could not be read at all (line 0: before the first line).
    #[error("cannot read: {0}")]
    Io(String),
    /// Nothing but white space.
    #[error("empty input: no article")]
    Empty,
    /// The publication date cannot be used.
    #[error("bad publication date: {0}")]
    BadDate(#[from] DateError),
    /// A plain-format header without a title.
    #[error("header ' date YYYY-MM-DD Kicker:Title' has no title")]
    MissingTitle,
    /// A JSON line that is not a JSON object of the expected shape.
    #[error("not an article object: {0}")]
    Json(String),
    /// A required field of a JSON article is absent.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A JSON article with neither title nor text.
    #[error("article has neither title nor text")]
    NoContent,
}

impl ReadError {
    /// An error in `file` at `line`.
    pub fn new(file: &str, line: usize, kind: ReadErrorKind) -> ReadError {
        ReadError {
            file: file.to_string(),
            line,
            kind,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.kind),
            line => write!(f, "{}:{line}: {}", self.file, self.kind),
        }
    }
}

impl std::error::Error for ReadError {}
