//! The trained sequence labeller: a linear model over the features of
//! [`super::features`] with first-order label transitions, decoded by Viterbi under
//! BIO constraints (an `I-X` only continues a `B-X` or `I-X`). It labels each token
//! with GermEval 2014's BIO labels (`B-PER`, `I-ORG`, `B-LOCderiv`, `O` …).
//!
//! The weights are trained by `depesche-learn` (an averaged structured perceptron)
//! and stored in a small binary file, `data/entities/ner-outer.model`.

use super::features::{sentence_features, Feature, FeatureSources};
pub use super::weights::FeatureWeights;
use super::weights::WeightTable;

const MAGIC: &[u8] = b"depesche-ner/2\n";

/// The shipped outer-level model (`data/entities/ner-outer.model`, made by
/// `depesche train ner`): the one the entity stage runs.
pub const OUTER_MODEL: &[u8] = include_bytes!("../../data/entities/ner-outer.model");

/// The shipped inner-level model (nested names: "Berlin" in "Freie Universität
/// Berlin"), for GermEval's outer+inner metric.
pub const INNER_MODEL: &[u8] = include_bytes!("../../data/entities/ner-inner.model");

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("NER model, byte {offset}: {reason}")]
pub struct ModelError {
    /// Where reading stopped.
    pub offset: usize,
    /// What is wrong.
    pub reason: String,
}

/// A trained NER model.
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    labels: Vec<String>,
    /// `transitions[prev * L + cur]`.
    transitions: Vec<f32>,
    /// The score of each label at the start of a sentence.
    start: Vec<f32>,
    /// [`bio_constraints`] of the labels.
    allowed: Vec<bool>,
    /// Subtracted from the `O` score of every token: trades precision for recall
    /// (tuned by cross-validation when the model is trained).
    o_bias: f32,
    /// Added to each label's score on every token (not stored in the file: the
    /// component that uses the model sets it, see [`NerModel::with_label_bias`]).
    label_bias: Vec<f32>,
    /// Feature → its weight for each label.
    weights: WeightTable,
}

impl NerModel {
    /// Builds a model from its parts (as the trainer produces them).
    pub fn new(
        labels: Vec<String>,
        transitions: Vec<f32>,
        start: Vec<f32>,
        features: Vec<(Feature, FeatureWeights)>,
    ) -> NerModel {
        NerModel {
            weights: WeightTable::new(labels.len(), features),
            allowed: bio_constraints(&labels),
            labels,
            transitions,
            start,
            o_bias: 0.0,
            label_bias: Vec::new(),
        }
    }

    /// The model with `bias` subtracted from every token's `O` score.
    pub fn with_o_bias(mut self, bias: f32) -> NerModel {
        self.o_bias = bias;
        self
    }

    /// The model with `bias(label)` added to every token's score of each label: a
    /// user of the model trades precision for recall label by label.
    pub fn with_label_bias(mut self, bias: impl Fn(&str) -> f32) -> NerModel {
        self.label_bias = self.labels.iter().map(|l| bias(l)).collect();
        self
    }

    /// The labels, in the model's order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// The BIO label of each token; `sources` must be those the model was trained with.
    pub fn label(&self, tokens: &[&str], sources: &FeatureSources<'_>) -> Vec<&str> {
        if tokens.is_empty() {
            return Vec::new();
        }
        self.label_features(&sentence_features(tokens, sources))
    }

    /// The BIO label of each token given its features (the quote labeller's features,
    /// or the NER features [`NerModel::label`] computes).
    pub fn label_features(&self, features: &[Vec<Feature>]) -> Vec<&str> {
        self.label_grouped(features, &[], &[])
    }

    /// The BIO label of each token given its own features and one group of features
    /// it shares with other tokens (`groups[group_of[t]]`, e.g. facts of its
    /// sentence): a group's weights are summed once, not once per token. Tokens past
    /// the end of `group_of` have no group.
    pub fn label_grouped(
        &self,
        features: &[Vec<Feature>],
        groups: &[Vec<Feature>],
        group_of: &[usize],
    ) -> Vec<&str> {
        let n = features.len();
        if n == 0 {
            return Vec::new();
        }
        let l = self.labels.len();
        let mut emissions = self.scores(features);
        let group_rows = self.scores(groups);
        for (row, &g) in emissions.chunks_mut(l).zip(group_of) {
            if let Some(shared) = group_rows.get(g * l..(g + 1) * l) {
                row.iter_mut().zip(shared).for_each(|(e, x)| *e += x);
            }
        }
        if let Some(o) = self.labels.iter().position(|l| l == "O") {
            for t in 0..n {
                emissions[t * l + o] -= self.o_bias;
            }
        }
        if !self.label_bias.is_empty() {
            for row in emissions.chunks_mut(l) {
                row.iter_mut()
                    .zip(&self.label_bias)
                    .for_each(|(e, b)| *e += b);
            }
        }
        viterbi(&emissions, &self.transitions, &self.start, &self.allowed)
            .into_iter()
            .map(|i| self.labels[i].as_str())
            .collect()
    }

    /// The summed feature weights of each row of `features`, `L` scores per row.
    fn scores(&self, features: &[Vec<Feature>]) -> Vec<f32> {
        self.weights.scores(features, self.labels.len())
    }

    /// The model as bytes (the format [`NerModel::from_bytes`] reads).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            out.extend((label.len() as u16).to_le_bytes());
            out.extend(label.as_bytes());
        }
        for w in self.transitions.iter().chain(&self.start) {
            out.extend(w.to_le_bytes());
        }
        out.extend(self.o_bias.to_le_bytes());
        let features = self.weights.entries();
        out.extend((features.len() as u32).to_le_bytes());
        for (f, weights) in features {
            out.extend(f.to_le_bytes());
            out.push(weights.len() as u8);
            for (label, w) in weights {
                out.push(label);
                out.extend(w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("not a depesche NER model"));
        }
        let l = r.u32()? as usize;
        if l == 0 || l > 255 {
            return Err(r.error(format!("{l} labels (1 to 255 expected)")));
        }
        let mut labels = Vec::with_capacity(l);
        for _ in 0..l {
            let len = u16::from_le_bytes(r.array()?) as usize;
            let text =
                std::str::from_utf8(r.take(len)?).map_err(|_| r.error("label is not UTF-8"))?;
            labels.push(text.to_string());
        }
        let mut transitions = Vec::with_capacity(l * l);
        for _ in 0..l * l {
            transitions.push(r.f32()?);
        }
        let mut start = Vec::with_capacity(l);
        for _ in 0..l {
            start.push(r.f32()?);
        }
        let o_bias = r.f32()?;
        let count = r.u32()? as usize;
        let mut features = Vec::with_capacity(count.min(bytes.len() / 9));
        for _ in 0..count {
            let f = u64::from_le_bytes(r.array()?);
            let n = r.take(1)?[0] as usize;
            let mut w = Vec::with_capacity(n);
            for _ in 0..n {
                let label = r.take(1)?[0];
                if label as usize >= l {
                    return Err(r.error(format!("label {label} of {l}")));
                }
                w.push((label, r.f32()?));
            }
            features.push((f, w));
        }
        if r.at != bytes.len() {
            return Err(r.error("trailing bytes"));
        }
        Ok(NerModel::new(labels, transitions, start, features).with_o_bias(o_bias))
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn error(&self, reason: impl Into<String>) -> ModelError {
        ModelError {
            offset: self.at,
            reason: reason.into(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}

/// Which label may follow which under BIO: `allowed[prev * L + cur]`, and in the last
/// `L` entries which labels may start a sentence. `I-X` may only follow `B-X` or `I-X`.
pub fn bio_constraints(labels: &[String]) -> Vec<bool> {
    let l = labels.len();
    let mut allowed = vec![true; l * l + l];
    for (cur, label) in labels.iter().enumerate() {
        if let Some(kind) = label.strip_prefix("I-") {
            for (prev, p) in labels.iter().enumerate() {
                let continues =
                    p.strip_prefix("B-") == Some(kind) || p.strip_prefix("I-") == Some(kind);
                allowed[prev * l + cur] = continues;
            }
            allowed[l * l + cur] = false;
        }
    }
    allowed
}

/// The best label sequence for `emissions` (`n × L` scores) under `transitions`
/// (`L × L`), `start` scores and the `allowed` table of [`bio_constraints`].
pub fn viterbi(
    emissions: &[f32],
    transitions: &[f32],
    start: &[f32],
    allowed: &[bool],
) -> Vec<usize> {
    let l = start.len();
    let n = emissions.len() / l;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u32; n * l];
    for c in 0..l {
        if allowed[l * l + c] {
            score[c] = start[c] + emissions[c];
        }
    }
    // each label's allowed predecessors with the transition's weight: an `I-X` has
    // only two, so the inner loop skips the forbidden ones
    let predecessors: Vec<Vec<(usize, f32)>> = (0..l)
        .map(|c| {
            (0..l)
                .filter(|&p| allowed[p * l + c])
                .map(|p| (p, transitions[p * l + c]))
                .collect()
        })
        .collect();
    for t in 1..n {
        let (done, rest) = score.split_at_mut(t * l);
        let previous = &done[(t - 1) * l..];
        let current = &mut rest[..l];
        for (c, slot) in current.iter_mut().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0);
            for &(p, w) in &predecessors[c] {
                let s = previous[p] + w;
                if s > best.0 {
                    best = (s, p);
                }
            }
            *slot = best.0 + emissions[t * l + c];
            back[t * l + c] = best.1 as u32;
        }
    }
    let last = &score[(n - 1) * l..];
    let mut cur = (0..l)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    let mut path = vec![0; n];
    for t in (0..n).rev() {
        path[t] = cur;
        cur = back[t * l + cur] as usize;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        ["O", "B-PER", "I-PER"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn viterbi_respects_bio() {
        let allowed = bio_constraints(&labels());
        // I-PER scores best everywhere, but may not start or follow O.
        let emissions = [0.0, 0.5, 1.0, 0.0, 0.5, 1.0];
        let path = viterbi(&emissions, &[0.0; 9], &[0.0; 3], &allowed);
        assert_eq!(path, [1, 2]);
    }

    #[test]
    fn label_bias_moves_the_decision() {
        // feature 7 leans to B-PER a little; O wins until B-PER gets a bias
        let model = NerModel::new(
            labels(),
            vec![0.0; 9],
            vec![0.0; 3],
            vec![(7, vec![(0, 1.0), (1, 0.8)])],
        );
        assert_eq!(model.label_features(&[vec![7]]), ["O"]);
        let biased = model.with_label_bias(|l| if l == "B-PER" { 0.5 } else { 0.0 });
        assert_eq!(biased.label_features(&[vec![7]]), ["B-PER"]);
        assert!(biased.label_features(&[]).is_empty());
    }

    #[test]
    fn grouped_features_score_as_if_each_token_had_them() {
        let model = NerModel::new(
            labels(),
            vec![0.1; 9],
            vec![0.0; 3],
            vec![
                (1, vec![(1, 0.6)]),
                (2, vec![(2, 0.9), (0, 0.2)]),
                (3, vec![(0, 1.0)]),
            ],
        );
        let tokens = vec![vec![1], vec![3], vec![1, 3], vec![]];
        let groups = vec![vec![2, 9], vec![3]];
        let group_of = [0, 1, 0, 1];
        let flat: Vec<Vec<Feature>> = tokens
            .iter()
            .zip(group_of)
            .map(|(t, g)| t.iter().chain(&groups[g]).copied().collect())
            .collect();
        assert_eq!(
            model.label_grouped(&tokens, &groups, &group_of),
            model.label_features(&flat)
        );
    }

    #[test]
    fn round_trips_through_bytes_and_rejects_garbage() {
        let model = NerModel::new(
            labels(),
            vec![0.5; 9],
            vec![-1.0; 3],
            vec![(42, vec![(1, 2.0), (2, -0.5)])],
        );
        let bytes = model.to_bytes();
        assert_eq!(NerModel::from_bytes(&bytes).unwrap(), model);
        assert!(NerModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(NerModel::from_bytes(b"hello").is_err());
        let mut bad = bytes.clone();
        bad.push(0);
        assert_eq!(
            NerModel::from_bytes(&bad).unwrap_err().reason,
            "trailing bytes"
        );
    }
}
