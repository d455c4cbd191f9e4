//! Trains the NER model: an averaged structured perceptron (Collins 2002) over
//! `depesche-core`'s NER features, decoded with the same BIO-constrained Viterbi the
//! tagger uses, from GermEval 2014 gold.
//!
//! Two learners share the features and the decoder: the perceptron trains in seconds;
//! a linear-chain CRF by stochastic gradient descent ([`crate::crf`]) takes longer and
//! was more accurate in cross-validation (the default). A CRF by L-BFGS (the `crfs`
//! crate) took over ten minutes per model here and was dropped.

use depesche_core::entities::features::{sentence_features, Feature, FeatureSources};
use depesche_core::entities::ner::{bio_constraints, viterbi, FeatureWeights, NerModel};
use depesche_eval::germeval::NerSentence;
use rustc_hash::FxHashMap;

/// Which of GermEval's two annotation levels a model learns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The outer (top-level) entities: the headline task.
    Outer,
    /// Entities embedded in outer ones ("Leipzig" in "Universität Leipzig").
    Inner,
}

impl Level {
    /// The labels of `sentence` at this level.
    pub fn labels(self, sentence: &NerSentence) -> &[String] {
        match self {
            Level::Outer => &sentence.outer,
            Level::Inner => &sentence.inner,
        }
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct NerTraining {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Weights below this magnitude are dropped from the model file.
    pub prune: f32,
    /// A feature none of whose weights reaches this magnitude is dropped from the
    /// model file: a smaller model is looked up faster, and most of the features a
    /// perceptron or CRF keeps barely move a score.
    pub min_feature_weight: f32,
    /// Seed of the sentence order shuffle.
    pub seed: u64,
    /// Models trained with seeds `seed`, `seed + 1` … whose weights are averaged:
    /// more than one smooths out how much a model depends on the order it saw the
    /// data in.
    pub runs: u64,
    /// Features seen fewer times in the training data are left out.
    pub min_count: u32,
    /// The learner.
    pub algorithm: Algorithm,
    /// CRF only: the L2 penalty, as CRFsuite's `c2` (the penalty per sentence is
    /// `c2 / N`); larger is smoother.
    pub c2: f64,
    /// CRF only: the initial learning rate of stochastic gradient descent.
    pub rate: f64,
    /// CRF only: the weights after this many passes and after each pass since are
    /// averaged into the model (averaged SGD). The last updates of plain SGD still
    /// move the weights by the few sentences they saw last, so two shuffles give
    /// models that differ by points of F1 on the rarer labels; the average lies
    /// nearer the optimum both aim at.
    pub average_from: Option<usize>,
    /// Subtracted from every token's `O` score when the model tags (see
    /// [`NerModel::with_o_bias`]).
    pub o_bias: f32,
}

/// How the weights are learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// Averaged structured perceptron: fast, no tuning.
    Perceptron,
    /// Linear-chain CRF by L2-regularised stochastic gradient descent: slower,
    /// calibrated and usually more accurate.
    Crf,
}

impl Default for NerTraining {
    fn default() -> NerTraining {
        NerTraining {
            prune: 0.01,
            min_feature_weight: 0.0,
            seed: 7,
            runs: 1,
            min_count: 1,
            algorithm: Algorithm::Crf,
            epochs: 30,
            c2: 0.3,
            rate: 0.1,
            average_from: None,
            o_bias: 0.5,
        }
    }
}

/// Trains a model of `level` on `sentences`.
pub fn train(
    sentences: &[&NerSentence],
    level: Level,
    sources: &FeatureSources<'_>,
    settings: &NerTraining,
) -> NerModel {
    let sequences: Vec<(Vec<Vec<Feature>>, &[String])> = sentences
        .iter()
        .map(|s| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            (sentence_features(&tokens, sources), level.labels(s))
        })
        .collect();
    train_sequences(sequences, settings)
}

/// Trains a BIO sequence labeller on sequences of token features and gold labels:
/// the learner behind the NER model and the quote labeller. Labels are numbered
/// `O` first, then in the order they appear.
pub fn train_sequences<S: AsRef<str>>(
    sequences: Vec<(Vec<Vec<Feature>>, &[S])>,
    settings: &NerTraining,
) -> NerModel {
    let mut labels: Vec<String> = vec!["O".to_string()];
    for (_, gold) in &sequences {
        for label in gold.iter() {
            if !labels.iter().any(|l| l == label.as_ref()) {
                labels.push(label.as_ref().to_string());
            }
        }
    }
    let l = labels.len();
    let label_id: FxHashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    // Features seen fewer than `min_count` times are dropped: they mostly memorise.
    let mut seen: FxHashMap<Feature, u32> = FxHashMap::default();
    for f in sequences.iter().flat_map(|(x, _)| x).flatten() {
        *seen.entry(*f).or_default() += 1;
    }
    let mut feature_id: FxHashMap<Feature, u32> = FxHashMap::default();
    let mut features: Vec<Feature> = Vec::new();
    let data: Vec<Example> = sequences
        .into_iter()
        .map(|(sentence, gold)| {
            let ids = sentence
                .into_iter()
                .map(|fs| {
                    fs.into_iter()
                        .filter(|f| seen[f] >= settings.min_count)
                        .map(|f| {
                            *feature_id.entry(f).or_insert_with(|| {
                                features.push(f);
                                features.len() as u32 - 1
                            })
                        })
                        .collect()
                })
                .collect();
            let gold = gold.iter().map(|x| label_id[x.as_ref()]).collect();
            (ids, gold)
        })
        .collect();
    let allowed = bio_constraints(&labels);
    let runs = settings.runs.max(1);
    let mut weights: Vec<f32> = Vec::new();
    for run in 0..runs {
        let settings = NerTraining {
            seed: settings.seed + run,
            ..*settings
        };
        let w = match settings.algorithm {
            Algorithm::Perceptron => perceptron(&data, features.len(), l, &allowed, &settings),
            Algorithm::Crf => crate::crf::train(&data, features.len(), l, &allowed, &settings),
        };
        if weights.is_empty() {
            weights = w;
        } else {
            weights.iter_mut().zip(w).for_each(|(a, b)| *a += b);
        }
    }
    // forbidden transitions stay at minus infinity
    weights.iter_mut().for_each(|w| *w /= runs as f32);
    let (trans_at, start_at) = (features.len() * l, features.len() * l + l * l);
    let model_features: Vec<(Feature, FeatureWeights)> = features
        .iter()
        .enumerate()
        .filter_map(|(i, &f)| {
            let row: FeatureWeights = weights[i * l..(i + 1) * l]
                .iter()
                .enumerate()
                .filter(|(_, x)| x.abs() > settings.prune)
                .map(|(j, &x)| (j as u8, x))
                .collect();
            let strong = row
                .iter()
                .any(|(_, x)| x.abs() >= settings.min_feature_weight);
            (!row.is_empty() && strong).then_some((f, row))
        })
        .collect();
    NerModel::new(
        labels,
        weights[trans_at..start_at].to_vec(),
        weights[start_at..].to_vec(),
        model_features,
    )
    .with_o_bias(settings.o_bias)
}

/// A training sentence: the feature ids of each token and the gold label ids.
pub type Example = (Vec<Vec<u32>>, Vec<usize>);

/// The averaged perceptron: all weights, `features × L` emissions, then `L × L`
/// transitions, then `L` start scores.
fn perceptron(
    data: &[Example],
    feature_count: usize,
    l: usize,
    allowed: &[bool],
    settings: &NerTraining,
) -> Vec<f32> {
    let mut w = Weights::new(feature_count * l + l * l + l);
    let (trans_at, start_at) = (feature_count * l, feature_count * l + l * l);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = settings.seed | 1;
    let mut emissions = Vec::new();
    for _ in 0..settings.epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let (feats, gold) = &data[i];
            emissions.clear();
            emissions.resize(feats.len() * l, 0.0);
            for (t, fs) in feats.iter().enumerate() {
                for &f in fs {
                    let row = &w.current[f as usize * l..(f as usize + 1) * l];
                    for (e, x) in emissions[t * l..(t + 1) * l].iter_mut().zip(row) {
                        *e += x;
                    }
                }
            }
            let guess = viterbi(
                &emissions,
                &w.current[trans_at..start_at],
                &w.current[start_at..],
                allowed,
            );
            if guess != *gold {
                for t in 0..gold.len() {
                    let (g, p) = (gold[t], guess[t]);
                    if g != p {
                        for &f in &feats[t] {
                            w.update(f as usize * l + g, 1.0);
                            w.update(f as usize * l + p, -1.0);
                        }
                    }
                    let (gi, pi) = if t == 0 {
                        (start_at + g, start_at + p)
                    } else {
                        (
                            trans_at + gold[t - 1] * l + g,
                            trans_at + guess[t - 1] * l + p,
                        )
                    };
                    if gi != pi {
                        w.update(gi, 1.0);
                        w.update(pi, -1.0);
                    }
                }
            }
            w.tick();
        }
    }
    w.averaged()
}

/// Perceptron weights with the running sums that averaging needs (Daumé's trick:
/// the average is `current - stamped / steps`).
struct Weights {
    current: Vec<f32>,
    stamped: Vec<f32>,
    steps: f32,
}

impl Weights {
    fn new(n: usize) -> Weights {
        Weights {
            current: vec![0.0; n],
            stamped: vec![0.0; n],
            steps: 1.0,
        }
    }

    fn update(&mut self, i: usize, delta: f32) {
        self.current[i] += delta;
        self.stamped[i] += self.steps * delta;
    }

    fn tick(&mut self) {
        self.steps += 1.0;
    }

    fn averaged(&self) -> Vec<f32> {
        self.current
            .iter()
            .zip(&self.stamped)
            .map(|(c, s)| c - s / self.steps)
            .collect()
    }
}

/// Fisher–Yates with xorshift: a fixed order for a fixed seed.
pub(crate) fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        items.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use depesche_eval::germeval::parse;

    #[test]
    fn learns_a_separable_toy_task() {
        let mut text = String::new();
        for (i, (name, city)) in [("Anna", "Berlin"), ("Paul", "Rom"), ("Eva", "Wien")]
            .iter()
            .enumerate()
        {
            for _ in 0..3 {
                text += &format!("#\t{i}\n1\t{name}\tB-PER\tO\n2\tfuhr\tO\tO\n3\tnach\tO\tO\n4\t{city}\tB-LOC\tO\n\n");
            }
        }
        let data = parse(&text).unwrap();
        let refs: Vec<&NerSentence> = data.iter().collect();
        let sources = FeatureSources {
            clusters: None,
            gazetteer: None,
        };
        let model = train(&refs, Level::Outer, &sources, &NerTraining::default());
        let got = model.label(&["Paul", "fuhr", "nach", "Berlin"], &sources);
        assert_eq!(got, ["B-PER", "O", "O", "B-LOC"]);
        let again = NerModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(
            again.label(&["Eva", "fuhr", "nach", "Rom"], &sources),
            ["B-PER", "O", "O", "B-LOC"]
        );
    }
}
