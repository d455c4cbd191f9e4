//! Sentence segmentation against gold sentence offsets.
//!
//! Gold: the quotation-attribution corpus (`originalText` with `sentences`,
//! character offsets), one JSON file per document. A boundary is the end of a
//! sentence, trailing white space trimmed; the document's last end says nothing
//! and is left out. Three tallies: all boundaries (the headline), boundaries inside
//! a paragraph (line ends are free for every splitter, so this one is harder), and
//! exact sentence spans.

use crate::prf::Counts;
use crate::EvalError;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// One gold document: its text and its sentences as trimmed character spans.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The file name, which predictions use to refer to the document.
    pub name: String,
    /// The document text the offsets point into.
    pub text: String,
    /// Gold sentences, `(start, end)` in characters, end-exclusive.
    pub sentences: Vec<(usize, usize)>,
}

/// Where a prediction and the gold disagree about a boundary.
#[derive(Debug, Clone)]
pub struct Disagreement {
    /// The document.
    pub document: String,
    /// Character offset of the boundary.
    pub offset: usize,
    /// `true`: the gold has the boundary and the prediction misses it; `false`: an extra one.
    pub missed: bool,
    /// The text around it, with `‖` at the boundary.
    pub context: String,
}

/// The tallies of a sentence evaluation.
#[derive(Debug, Clone, Default)]
pub struct SentenceReport {
    /// Documents scored.
    pub documents: usize,
    /// Gold sentences.
    pub gold_sentences: usize,
    /// Predicted sentences.
    pub predicted_sentences: usize,
    /// All boundaries but each document's last.
    pub boundaries: Counts,
    /// Boundaries not at the end of a line.
    pub inner_boundaries: Counts,
    /// Sentences whose start and end both match.
    pub spans: Counts,
    /// Each disagreement inside a paragraph, in document order.
    pub disagreements: Vec<Disagreement>,
}

#[derive(Deserialize)]
struct RawGold {
    #[serde(rename = "originalText")]
    original_text: String,
    sentences: Vec<RawGoldSentence>,
}

#[derive(Deserialize)]
struct RawGoldSentence {
    #[serde(rename = "charBegin")]
    char_begin: usize,
    #[serde(rename = "charEnd")]
    char_end: usize,
}

/// Reads the gold documents under `path`.
pub fn load_gold(path: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let mut docs = Vec::new();
    for file in crate::files::gold_files(path, &["json"])? {
        let shown = file.display().to_string();
        let bytes = std::fs::read(&file).map_err(|e| EvalError::Io {
            path: shown.clone(),
            source: e,
        })?;
        let raw: RawGold = serde_json::from_slice(&bytes).map_err(|e| EvalError::Format {
            path: shown.clone(),
            line: e.line(),
            reason: e.to_string(),
        })?;
        let chars: Vec<char> = raw.original_text.chars().collect();
        let sentences = raw
            .sentences
            .iter()
            .filter_map(|s| trim(&chars, s.char_begin, s.char_end))
            .collect();
        docs.push(GoldDocument {
            name: file_name(&file),
            text: raw.original_text,
            sentences,
        });
    }
    if docs.is_empty() {
        return Err(EvalError::NoGold(path.display().to_string()));
    }
    Ok(docs)
}

#[derive(Deserialize)]
struct RawPrediction {
    document: String,
    sentences: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

/// Reads another tool's sentences: JSON Lines `{"document": NAME, "sentences": [{"start", "end"}]}`.
pub fn load_predictions(path: &Path) -> Result<HashMap<String, Vec<(usize, usize)>>, EvalError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: shown.clone(),
        source: e,
    })?;
    let mut out = HashMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let p: RawPrediction = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: shown.clone(),
            line: i + 1,
            reason: e.to_string(),
        })?;
        out.insert(
            p.document,
            p.sentences.iter().map(|s| (s.start, s.end)).collect(),
        );
    }
    Ok(out)
}

/// Scores `predicted` sentences of `doc` into `report`.
pub fn score_document(
    doc: &GoldDocument,
    predicted: &[(usize, usize)],
    report: &mut SentenceReport,
) {
    let chars: Vec<char> = doc.text.chars().collect();
    let predicted: Vec<(usize, usize)> = predicted
        .iter()
        .filter_map(|&(s, e)| trim(&chars, s, e))
        .collect();
    report.documents += 1;
    report.gold_sentences += doc.sentences.len();
    report.predicted_sentences += predicted.len();

    let last = doc
        .sentences
        .iter()
        .chain(&predicted)
        .map(|s| s.1)
        .max()
        .unwrap_or(0);
    let ends = |spans: &[(usize, usize)]| -> BTreeSet<usize> {
        spans.iter().map(|s| s.1).filter(|&e| e < last).collect()
    };
    let gold = ends(&doc.sentences);
    let pred = ends(&predicted);
    report.boundaries.add(compare(&gold, &pred));
    let inner = |set: &BTreeSet<usize>| -> BTreeSet<usize> {
        set.iter()
            .copied()
            .filter(|&e| !at_line_end(&chars, e))
            .collect()
    };
    let (gold_inner, pred_inner) = (inner(&gold), inner(&pred));
    report
        .inner_boundaries
        .add(compare(&gold_inner, &pred_inner));
    for (set, other, missed) in [
        (&gold_inner, &pred_inner, true),
        (&pred_inner, &gold_inner, false),
    ] {
        for &offset in set.difference(other) {
            report.disagreements.push(Disagreement {
                document: doc.name.clone(),
                offset,
                missed,
                context: context(&chars, offset),
            });
        }
    }
    let gold_spans: BTreeSet<_> = doc.sentences.iter().copied().collect();
    let pred_spans: BTreeSet<_> = predicted.iter().copied().collect();
    report.spans.add(compare(&gold_spans, &pred_spans));
}

fn compare<T: Ord>(gold: &BTreeSet<T>, pred: &BTreeSet<T>) -> Counts {
    let tp = gold.intersection(pred).count();
    Counts {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// `(start, end)` without surrounding white space, or `None` if nothing is left.
fn trim(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(chars.len());
    let mut s = start.min(end);
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

fn at_line_end(chars: &[char], offset: usize) -> bool {
    chars[offset.min(chars.len())..]
        .iter()
        .find(|c| !matches!(c, ' ' | '\t' | '\r'))
        .is_none_or(|&c| c == '\n')
}

fn context(chars: &[char], offset: usize) -> String {
    let from = offset.saturating_sub(50);
    let to = (offset + 50).min(chars.len());
    let show = |s: &[char]| {
        s.iter()
            .map(|&c| if c == '\n' { '⏎' } else { c })
            .collect::<String>()
    };
    format!(
        "{}‖{}",
        show(&chars[from..offset.min(chars.len())]),
        show(&chars[offset.min(chars.len())..to])
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_boundaries_inner_boundaries_and_spans() {
        let doc = GoldDocument {
            name: "d".into(),
            text: "Eins. Zwei.\n\nDrei. Vier.".into(),
            sentences: vec![(0, 5), (6, 11), (13, 18), (19, 24)],
        };
        let mut report = SentenceReport::default();
        // misses "Eins.|", finds the line end, adds nothing else
        score_document(&doc, &[(0, 11), (13, 18), (19, 24)], &mut report);
        assert_eq!(
            report.boundaries,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            report.inner_boundaries,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            report.spans,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 2
            }
        );
        assert_eq!(report.disagreements.len(), 1);
        assert!(report.disagreements[0].missed);
    }
}
