//! GermEval 2014 NER: the tab-separated gold format and its strict chunk metric.
//!
//! One token per line, `index TAB token TAB outer-BIO TAB inner-BIO`; a sentence starts
//! with a `#` comment line and ends at a blank line. The official measure counts a
//! predicted chunk as correct only when its first token, last token and label (one of
//! the twelve: PER, ORG, LOC, OTH and their `deriv`/`part` forms) all equal a gold
//! chunk's — on the outer level, and on both levels together.

use crate::prf::{Counts, Prf};
use crate::EvalError;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One gold sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerSentence {
    /// The 1-based line of the sentence's first token (for error messages).
    pub line: usize,
    /// The tokens.
    pub tokens: Vec<String>,
    /// The outer level's BIO labels, one per token (`B-PER`, `I-LOCderiv`, `O`).
    pub outer: Vec<String>,
    /// The inner (embedded) level's BIO labels.
    pub inner: Vec<String>,
}

/// A labelled chunk: tokens `start..end` carry `label`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The label without its BIO prefix.
    pub label: String,
}

/// Reads a GermEval 2014 file.
pub fn read_file(path: &Path) -> Result<Vec<NerSentence>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&text).map_err(|(line, reason)| EvalError::Format {
        path: path.display().to_string(),
        line,
        reason,
    })
}

/// Parses GermEval 2014 text; an error gives the 1-based line and the reason.
pub fn parse(text: &str) -> Result<Vec<NerSentence>, (usize, String)> {
    let mut sentences = Vec::new();
    let mut current: Option<NerSentence> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let number = i + 1;
        if line.trim().is_empty() {
            if let Some(s) = current.take().filter(|s| !s.tokens.is_empty()) {
                sentences.push(s);
            }
            continue;
        }
        if line.starts_with('#') {
            if let Some(s) = current.take().filter(|s| !s.tokens.is_empty()) {
                sentences.push(s);
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err((
                number,
                format!(
                    "expected 'index<TAB>token<TAB>outer<TAB>inner', found {} field(s)",
                    fields.len()
                ),
            ));
        }
        let token = fields[1];
        if token.is_empty() {
            return Err((number, "empty token".to_string()));
        }
        let outer = check_label(fields[2]).map_err(|r| (number, r))?;
        let inner = check_label(fields.get(3).copied().unwrap_or("O")).map_err(|r| (number, r))?;
        let s = current.get_or_insert_with(|| NerSentence {
            line: number,
            tokens: Vec::new(),
            outer: Vec::new(),
            inner: Vec::new(),
        });
        s.tokens.push(token.to_string());
        s.outer.push(outer);
        s.inner.push(inner);
    }
    if let Some(s) = current.filter(|s| !s.tokens.is_empty()) {
        sentences.push(s);
    }
    Ok(sentences)
}

fn check_label(label: &str) -> Result<String, String> {
    let label = label.trim();
    let typed = (label.starts_with("B-") || label.starts_with("I-")) && label.len() > 2;
    if label == "O" || typed {
        return Ok(label.to_string());
    }
    Err(format!("'{label}' is not a BIO label (O, B-TYPE, I-TYPE)"))
}

/// The chunks of a BIO label sequence. An `I-` that does not continue a chunk of its
/// type starts one, as conlleval reads it.
pub fn chunks<S: AsRef<str>>(labels: &[S]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let (tag, kind) = match label.split_once('-') {
            Some((t, k)) if t == "B" || t == "I" => (t, k),
            _ => ("O", ""),
        };
        let continues = tag == "I" && open.as_ref().is_some_and(|c| c.label == kind);
        if continues {
            if let Some(c) = open.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = open.take() {
            out.push(c);
        }
        if tag != "O" {
            open = Some(Chunk {
                start: i,
                end: i + 1,
                label: kind.to_string(),
            });
        }
    }
    out.extend(open);
    out
}

/// Strict chunk counts, overall and per label.
#[derive(Debug, Clone, Default)]
pub struct ChunkTally {
    /// All labels together.
    pub all: Counts,
    /// Per label (`PER`, `LOCderiv`, …).
    pub per_label: BTreeMap<String, Counts>,
}

impl ChunkTally {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk]) {
        for c in predicted {
            let entry = self.per_label.entry(c.label.clone()).or_default();
            if gold.contains(c) {
                entry.tp += 1;
                self.all.tp += 1;
            } else {
                entry.fp += 1;
                self.all.fp += 1;
            }
        }
        for c in gold {
            if !predicted.contains(c) {
                self.per_label.entry(c.label.clone()).or_default().fn_ += 1;
                self.all.fn_ += 1;
            }
        }
    }

    /// The report form: overall and per-label figures.
    pub fn report(&self) -> ChunkReport {
        ChunkReport {
            overall: self.all.prf(),
            per_label: self
                .per_label
                .iter()
                .map(|(k, v)| (k.clone(), v.prf()))
                .collect(),
        }
    }
}

/// Overall and per-label precision, recall and F1.
#[derive(Debug, Clone, Serialize)]
pub struct ChunkReport {
    /// All labels together.
    pub overall: Prf,
    /// Per label.
    pub per_label: BTreeMap<String, Prf>,
}

/// GermEval 2014's strict measures over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct NerScore {
    /// Sentences scored.
    pub sentences: usize,
    /// Outer level only (the headline measure).
    pub outer: ChunkTally,
    /// Outer and inner chunks together (GermEval's "combined" strict measure).
    pub combined: ChunkTally,
}

impl NerScore {
    /// Scores one sentence: gold and predicted outer and inner label sequences.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(
        &mut self,
        gold: &NerSentence,
        outer: &[S],
        inner: &[T],
    ) {
        self.sentences += 1;
        let gold_outer = chunks(&gold.outer);
        let pred_outer = chunks(outer);
        self.outer.add(&gold_outer, &pred_outer);
        fn tag(level: &'static str, cs: Vec<Chunk>) -> impl Iterator<Item = Chunk> {
            cs.into_iter().map(move |c| Chunk {
                label: format!("{}\u{1}{level}", c.label),
                ..c
            })
        }
        // Levels are kept apart while matching, then reported under the plain label.
        let gold_all: Vec<Chunk> = tag("o", gold_outer)
            .chain(tag("i", chunks(&gold.inner)))
            .collect();
        let pred_all: Vec<Chunk> = tag("o", pred_outer)
            .chain(tag("i", chunks(inner)))
            .collect();
        let mut both = ChunkTally::default();
        both.add(&gold_all, &pred_all);
        self.combined.all.add(both.all);
        for (label, counts) in both.per_label {
            let plain = label.split('\u{1}').next().unwrap_or(&label).to_string();
            self.combined
                .per_label
                .entry(plain)
                .or_default()
                .add(counts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "#\thttp://example.org\t[2010-07-04]\n\
1\tDer\tO\tO\n\
2\tEU-Gipfel\tB-ORGpart\tO\n\
3\tin\tO\tO\n\
4\tBad\tB-LOC\tO\n\
5\tEms\tI-LOC\tO\n\
\n\
#\tx\t[2010-07-04]\n\
1\tUniversität\tB-ORG\tO\n\
2\tLeipzig\tI-ORG\tB-LOC\n";

    #[test]
    fn reads_sentences_with_both_levels() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Der", "EU-Gipfel", "in", "Bad", "Ems"]);
        assert_eq!(s[0].line, 2);
        assert_eq!(s[1].inner, ["O", "B-LOC"]);
    }

    #[test]
    fn names_the_line_of_a_bad_label() {
        let err = parse("#\tx\n1\tDer\tO\tO\n2\tHaus\tX-PER\tO\n").unwrap_err();
        assert_eq!(err.0, 3);
        assert!(err.1.contains("X-PER"), "{}", err.1);
        assert_eq!(parse("1\tDer\n").unwrap_err().0, 1);
    }

    #[test]
    fn chunks_follow_conlleval() {
        let c = chunks(&["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG"]);
        let spans: Vec<(usize, usize, &str)> = c
            .iter()
            .map(|c| (c.start, c.end, c.label.as_str()))
            .collect();
        assert_eq!(
            spans,
            [(0, 2, "PER"), (2, 3, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")]
        );
    }

    #[test]
    fn strict_matching_counts_boundaries_and_labels() {
        let gold = &parse(SAMPLE).unwrap()[0];
        let mut score = NerScore::default();
        // Right ORGpart, LOC cut short: one tp, one fp, one fn.
        score.add(gold, &["O", "B-ORGpart", "O", "B-LOC", "O"], &["O"; 5]);
        assert_eq!(
            score.outer.all,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            score.outer.per_label["LOC"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            score.combined.all,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn combined_level_keeps_outer_and_inner_apart() {
        let gold = &parse(SAMPLE).unwrap()[1];
        let mut score = NerScore::default();
        // The inner LOC predicted on the outer level is wrong there.
        score.add(gold, &["B-ORG", "I-ORG"], &["O", "B-LOC"]);
        assert_eq!(
            score.combined.all,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        let mut wrong = NerScore::default();
        wrong.add(gold, &["O", "B-LOC"], &["O", "O"]);
        assert_eq!(
            wrong.combined.all,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 2
            }
        );
    }
}
