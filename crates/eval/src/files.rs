//! Finding gold documents on disk.

use crate::EvalError;
use std::path::{Path, PathBuf};

/// The files under `path` (or `path` itself) whose extension is one of
/// `extensions`, recursively, in sorted path order.
pub fn gold_files(path: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, EvalError> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let io = |e| EvalError::Io {
        path: path.display().to_string(),
        source: e,
    };
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for entry in entries {
        let p = entry.path();
        if entry.file_type().map_err(io)?.is_dir() {
            out.extend(gold_files(&p, extensions)?);
        } else if p
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            out.push(p);
        }
    }
    Ok(out)
}
