//! A linear model over named features, stored as text: the speaker ranking
//! ([`super::speakers`]) and the choice to keep a labelled quotation
//! ([`super::keep`]) both score candidates with one and take the best.

use crate::entities::features::{feature_hash, feature_hash_parts, Feature};
use rustc_hash::FxHashMap;

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LinearModelError {
    /// The file.
    pub file: String,
    /// The line (1-based).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Weights by feature (the hash of its name).
#[derive(Debug, Clone, Default)]
pub struct LinearModel {
    weights: FxHashMap<Feature, f32>,
}

impl LinearModel {
    /// Reads a model: one `feature<TAB>weight` per line, `#` comments.
    pub fn parse(file: &str, text: &str) -> Result<LinearModel, LinearModelError> {
        let mut weights = FxHashMap::default();
        for (n, line) in text.lines().enumerate() {
            let error = |reason: String| LinearModelError {
                file: file.to_string(),
                line: n + 1,
                reason,
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (feature, weight) = line
                .rsplit_once('\t')
                .ok_or_else(|| error("expected a feature, a tab and a weight".into()))?;
            let weight: f32 = weight
                .parse()
                .ok()
                .filter(|w: &f32| w.is_finite())
                .ok_or_else(|| error(format!("weight {weight:?} is not a number")))?;
            weights.insert(feature_hash(feature), weight);
        }
        Ok(LinearModel { weights })
    }

    /// A model of learnt weights by feature name.
    pub fn from_weights(weights: &[(String, f32)]) -> LinearModel {
        LinearModel {
            weights: weights.iter().map(|(f, w)| (feature_hash(f), *w)).collect(),
        }
    }

    /// The model as the text [`LinearModel::parse`] reads, features in name order.
    pub fn to_tsv(weights: &[(String, f32)], header: &str) -> String {
        let mut sorted: Vec<&(String, f32)> = weights.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        for (feature, weight) in sorted {
            out.push_str(&format!("{feature}\t{weight}\n"));
        }
        out
    }

    /// The score of a candidate with `features`.
    pub fn score(&self, features: &[Feature]) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f)).sum()
    }

    /// The score of a candidate with the features named `names` (for training).
    pub fn score_names(&self, names: &[String]) -> f32 {
        names
            .iter()
            .filter_map(|f| self.weights.get(&feature_hash(f)))
            .sum()
    }

    /// The index of the best-scored candidate (the first of equals).
    pub fn choose<'a>(&self, candidates: impl IntoIterator<Item = &'a [Feature]>) -> usize {
        let mut best = (0, f32::NEG_INFINITY);
        for (i, features) in candidates.into_iter().enumerate() {
            let score = self.score(features);
            if score > best.1 {
                best = (i, score);
            }
        }
        best.0
    }
}

/// Where a candidate's features go: hashed for choosing, as names for training and
/// for the model file.
pub trait Features: Default {
    /// Adds the feature whose name is `parts` joined.
    fn add(&mut self, parts: &[&str]);
}

impl Features for Vec<Feature> {
    fn add(&mut self, parts: &[&str]) {
        self.push(feature_hash_parts(parts));
    }
}

impl Features for Vec<String> {
    fn add(&mut self, parts: &[&str]) {
        self.push(parts.concat());
    }
}

/// "true" or "false", as feature names spell them.
pub fn yes(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_weights_and_names_the_bad_line() {
        let m = LinearModel::parse("m", "# c\nphrase\t0.5\nd=0 k=direct\t-1\n").unwrap();
        let names = ["phrase".to_string(), "d=0 k=direct".into(), "x".into()];
        assert_eq!(m.score_names(&names), -0.5);
        let mut hashed: Vec<Feature> = Vec::new();
        hashed.add(&["d=0", " k=", "direct"]);
        assert_eq!(m.score(&hashed), -1.0);
        let e = LinearModel::parse("m", "phrase\t0.5\nnobody\n").unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (2, "m"));
        let e = LinearModel::parse("m", "phrase\tNaN\n").unwrap_err();
        assert!(e.reason.contains("not a number"), "{e}");
    }

    #[test]
    fn writes_what_it_reads() {
        let weights = vec![("b".to_string(), 1.5), ("a x".to_string(), -0.25)];
        let text = LinearModel::to_tsv(&weights, "made by a test");
        assert!(text.starts_with("# made by a test\na x\t-0.25\n"), "{text}");
        let m = LinearModel::parse("t", &text).unwrap();
        assert_eq!(m.score_names(&["a x".into(), "b".into()]), 1.25);
    }

    #[test]
    fn chooses_the_best_scored_and_the_first_of_equals() {
        let m = LinearModel::parse("m", "good\t2\nbad\t-1\n").unwrap();
        let c = |f: &str| vec![feature_hash(f)];
        let candidates = [c("bad"), c("good"), c("good")];
        assert_eq!(m.choose(candidates.iter().map(Vec::as_slice)), 1);
        assert_eq!(m.choose([c("x"), c("y")].iter().map(Vec::as_slice)), 0);
    }
}
