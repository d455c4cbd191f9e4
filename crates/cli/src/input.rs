//! Finding and reading inputs: files, directories (recursively, in name order), stdin.

use depesche_core::article::{self, InputFormat, ReadError, ReadOptions};
use depesche_core::Article;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to read: a file or stdin, with the format to read it in.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as shown in messages (`-` for stdin).
    pub name: String,
    /// Where to read from; `None` for stdin.
    pub path: Option<PathBuf>,
    /// The format, if known from the file name; stdin and unknown names are sniffed.
    pub format: Option<InputFormat>,
}

/// The inputs named by `paths`, directories expanded; problems finding them are
/// returned as messages beside the inputs that were found.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                name: "-".to_string(),
                path: None,
                format: None,
            });
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else if path.exists() {
            inputs.push(file_input(path));
        } else {
            problems.push(format!("{}: no such file or directory", path.display()));
        }
    }
    (inputs, problems)
}

fn file_input(path: &Path) -> Input {
    let name = path.display().to_string();
    Input {
        format: InputFormat::from_file_name(&name),
        name,
        path: Some(path.to_path_buf()),
    }
}

/// Adds the readable files under `dir` (hidden ones and unknown extensions skipped),
/// sorted by name at every level; symbolic links to directories are not followed.
fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return problems.push(format!("{}: {e}", dir.display())),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, inputs, problems),
            Ok(_) => {
                let input = file_input(&path);
                if input.format.is_some() {
                    inputs.push(input);
                }
            }
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
}

/// Reads every article of `input`; an input that cannot be read at all is one error.
pub fn read(input: &Input, options: &ReadOptions) -> Vec<Result<Article, ReadError>> {
    let bytes = match &input.path {
        Some(path) => std::fs::read(path),
        None => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
    };
    match bytes {
        Ok(bytes) => {
            let format = input.format.unwrap_or_else(|| InputFormat::sniff(&bytes));
            article::read(&input.name, &bytes, format, options)
        }
        Err(e) => vec![Err(ReadError::new(
            &input.name,
            0,
            article::ReadErrorKind::Io(e.to_string()),
        ))],
    }
}
