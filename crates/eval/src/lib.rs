//! Gold-corpus readers and metrics for `depesche eval`.
//!
//! Each task has a module that reads its gold format and scores predictions the way
//! the task's community does; [`prf::Counts`] is the shared precision/recall/F1 tally.

pub mod events;
pub mod files;
pub mod germeval;
pub mod prf;
pub mod quotes;
pub mod sentences;
pub mod time;
pub mod timeml;

/// A gold file or prediction file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold path holds no gold documents.
    #[error("{0}: no gold documents found (is the data in ../shared/data?)")]
    NoGold(String),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not in the expected format.
    #[error("{path}:{line}: {reason}")]
    Format {
        /// The file.
        path: String,
        /// The 1-based line (1 for whole-file JSON).
        line: usize,
        /// What is wrong.
        reason: String,
    },
}
