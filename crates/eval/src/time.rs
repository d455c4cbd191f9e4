//! Time expressions scored as TempEval-3 does.
//!
//! Extent: strict (same start and end) and relaxed (any overlap, one-to-one, gold
//! in text order taking the first free overlapping prediction). Value: a relaxed
//! match whose value is right; its F1 is TempEval-3's headline. Also strict extent
//! plus value (HeidelTime's published WikiWarsDE figure) and type accuracy over
//! relaxed matches.

use crate::prf::Counts;
use crate::timeml::{self, TimeDocument, TimexAnnotation};
use crate::EvalError;
use depesche_core::{Article, Pipeline};
use std::collections::BTreeSet;
use std::path::Path;

/// A gold expression missed or misread, for `--show`.
#[derive(Debug, Clone)]
pub struct TimeError {
    /// The document.
    pub document: String,
    /// `missed`, `extra`, `value` or `type`.
    pub what: &'static str,
    /// The gold expression's text and value (empty for `extra`).
    pub gold: String,
    /// The prediction's text and value (empty for `missed`).
    pub predicted: String,
}

/// The tallies of a time evaluation.
#[derive(Debug, Clone, Default)]
pub struct TimeReport {
    /// Documents scored.
    pub documents: usize,
    /// Exact span matches.
    pub strict: Counts,
    /// Overlapping matches.
    pub relaxed: Counts,
    /// Overlapping matches with the right value (TempEval-3 value F1).
    pub value: Counts,
    /// Exact span matches with the right value.
    pub strict_value: Counts,
    /// Relaxed matches with the right type.
    pub type_correct: usize,
    /// Overlapping matches with the right value and mod.
    pub value_mod: Counts,
    /// Each problem, in document order.
    pub errors: Vec<TimeError>,
}

/// Counts of gold and predicted expressions beside the tallies.
#[derive(Debug, Clone, Default)]
pub struct TimeEvaluation {
    /// The tallies.
    pub report: TimeReport,
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
}

/// Scores depesche (or, with `pred`, a directory of another tool's `NAME.tml`
/// files over the same texts) on the gold documents under `gold` (`.tml`, `.xml`),
/// optionally only documents `from..=to` (1-based, in file-name order).
pub fn evaluate(
    gold: &Path,
    docs: Option<(usize, usize)>,
    pred: Option<&Path>,
    pipeline: &Pipeline,
) -> Result<TimeEvaluation, EvalError> {
    let mut files = crate::files::gold_files(gold, &["tml", "xml"])?;
    if let Some((from, to)) = docs {
        files = files
            .into_iter()
            .skip(from.saturating_sub(1))
            .take(to + 1 - from.max(1))
            .collect();
    }
    if files.is_empty() {
        return Err(EvalError::NoGold(gold.display().to_string()));
    }
    let mut eval = TimeEvaluation::default();
    for file in &files {
        let name = document_name(file);
        let gold_doc = timeml::parse(&name, &read(file)?)?;
        let predicted = match pred {
            Some(dir) => {
                let path = dir.join(format!("{name}.tml"));
                let pred_doc = timeml::parse(&name, &read(&path)?)?;
                if pred_doc.text != gold_doc.text {
                    return Err(EvalError::Format {
                        path: path.display().to_string(),
                        line: 1,
                        reason: "its text differs from the gold text".to_string(),
                    });
                }
                pred_doc.timexes
            }
            None => tag(&gold_doc, pipeline),
        };
        eval.gold += gold_doc.timexes.len();
        eval.predicted += predicted.len();
        score_document(&gold_doc, &predicted, &mut eval.report);
    }
    Ok(eval)
}

/// depesche's time expressions for a gold document's text and creation time.
fn tag(doc: &TimeDocument, pipeline: &Pipeline) -> Vec<TimexAnnotation> {
    let dct = doc.dct.as_deref().and_then(|d| d.parse().ok());
    let analysis = pipeline.analyze(Article::from_text(&doc.name, &doc.text, dct));
    analysis
        .timexes
        .iter()
        .map(|t| TimexAnnotation {
            start: t.span.start,
            end: t.span.end,
            kind: t.kind.name().to_string(),
            value: t.value.clone(),
            modifier: t.modifier.clone(),
        })
        .collect()
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: path.display().to_string(),
        source: e,
    })
}

/// A gold file's document name: its file name without `.key.xml`, `.tml` or `.xml`.
pub fn document_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".key.xml", ".tml", ".xml"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_string();
        }
    }
    name
}

/// Scores `predicted` against `gold` into `report`.
pub fn score_document(gold: &TimeDocument, predicted: &[TimexAnnotation], report: &mut TimeReport) {
    report.documents += 1;
    let chars: Vec<char> = gold.text.chars().collect();
    let show = |t: &TimexAnnotation| {
        let text: String = chars[t.start.min(chars.len())..t.end.min(chars.len())]
            .iter()
            .collect();
        match &t.modifier {
            Some(m) => format!("{text} [{} {} {m}]", t.kind, t.value),
            None => format!("{text} [{} {}]", t.kind, t.value),
        }
    };
    let g: &[TimexAnnotation] = &gold.timexes;
    let gold_spans: BTreeSet<(usize, usize)> = g.iter().map(|t| (t.start, t.end)).collect();
    let pred_spans: BTreeSet<(usize, usize)> = predicted.iter().map(|t| (t.start, t.end)).collect();
    let strict_tp = gold_spans.intersection(&pred_spans).count();
    report
        .strict
        .add(counts(strict_tp, predicted.len(), g.len()));
    let strict_value_tp = g
        .iter()
        .filter(|t| {
            predicted
                .iter()
                .any(|p| p.start == t.start && p.end == t.end && p.value == t.value)
        })
        .count();
    report
        .strict_value
        .add(counts(strict_value_tp, predicted.len(), g.len()));

    let mut used = vec![false; predicted.len()];
    let (mut relaxed, mut value, mut value_mod) = (0, 0, 0);
    for t in g {
        let found = predicted
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.start < t.end && t.start < p.end);
        let Some((i, p)) = found else {
            report
                .errors
                .push(error(gold, "missed", show(t), String::new()));
            continue;
        };
        used[i] = true;
        relaxed += 1;
        if p.value == t.value {
            value += 1;
            if p.modifier == t.modifier {
                value_mod += 1;
            }
        } else {
            report.errors.push(error(gold, "value", show(t), show(p)));
        }
        if p.kind == t.kind {
            report.type_correct += 1;
        } else if p.value == t.value {
            report.errors.push(error(gold, "type", show(t), show(p)));
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        if !used[i] {
            report
                .errors
                .push(error(gold, "extra", String::new(), show(p)));
        }
    }
    report
        .relaxed
        .add(counts(relaxed, predicted.len(), g.len()));
    report.value.add(counts(value, predicted.len(), g.len()));
    report
        .value_mod
        .add(counts(value_mod, predicted.len(), g.len()));
}

fn counts(tp: usize, predicted: usize, gold: usize) -> Counts {
    Counts {
        tp,
        fp: predicted - tp,
        fn_: gold - tp,
    }
}

fn error(doc: &TimeDocument, what: &'static str, gold: String, predicted: String) -> TimeError {
    TimeError {
        document: doc.name.clone(),
        what,
        gold,
        predicted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, value: &str) -> TimexAnnotation {
        TimexAnnotation {
            start,
            end,
            kind: "DATE".into(),
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn scores_strict_relaxed_and_value() {
        let gold = TimeDocument {
            name: "d".into(),
            text: "am Montag und im Mai 2023 und heute".into(),
            dct: None,
            timexes: vec![
                t(3, 9, "2025-08-25"),
                t(17, 25, "2023-05"),
                t(30, 35, "2025-08-26"),
            ],
        };
        let pred = vec![t(0, 9, "2025-08-25"), t(17, 25, "2023-06"), t(14, 16, "X")];
        let mut r = TimeReport::default();
        score_document(&gold, &pred, &mut r);
        assert_eq!(
            r.strict,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert_eq!(
            r.relaxed,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            r.value,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert_eq!(
            r.strict_value,
            Counts {
                tp: 0,
                fp: 3,
                fn_: 3
            }
        );
        assert_eq!(r.errors.len(), 3);
    }
}
