//! Learns a linear ranking: which of a decision's candidates to choose, each
//! mistake weighted by the gain it loses. The speaker model ([`crate::speakers`])
//! and the keep model ([`crate::keep`]) are both learnt this way; the result is a
//! [`LinearModel`].

use depesche_core::quotes::linear::LinearModel;
use rustc_hash::FxHashMap;

/// One decision's candidates (each as its feature names) and what choosing each gains.
#[derive(Debug, Clone)]
pub struct RankingExample {
    /// Each candidate's features.
    pub candidates: Vec<Vec<String>>,
    /// Each candidate's gain (higher is better, in any unit; may be negative).
    pub gains: Vec<f64>,
}

/// How well a choice of candidates does: the summed gain of the chosen candidates
/// against the best possible.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChoiceGain {
    /// Examples.
    pub examples: usize,
    /// Summed gain of the candidates chosen.
    pub chosen: f64,
    /// Summed gain of the best candidates.
    pub best: f64,
}

/// The gain of choosing `choose(example)` in each example.
pub fn gain(examples: &[RankingExample], choose: impl Fn(&RankingExample) -> usize) -> ChoiceGain {
    let mut out = ChoiceGain::default();
    for e in examples {
        out.examples += 1;
        out.chosen += e.gains.get(choose(e)).copied().unwrap_or(0.0);
        out.best += e.gains.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    }
    out
}

/// For each fold, the ranking trained on the examples of the other folds.
pub fn fold_rankings(folds: &[Vec<RankingExample>], epochs: usize, runs: u64) -> Vec<LinearModel> {
    (0..folds.len())
        .map(|k| {
            let others: Vec<RankingExample> = folds
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .flat_map(|(_, f)| f.iter().cloned())
                .collect();
            LinearModel::from_weights(&train(&others, epochs, runs))
        })
        .collect()
}

/// The gain of each fold's examples under the ranking trained without it
/// ([`fold_rankings`]): a change to the candidates or their features is judged on
/// every training quotation this way, several times the dev split's few hundred.
pub fn held_out_gain(folds: &[Vec<RankingExample>], rankings: &[LinearModel]) -> ChoiceGain {
    let mut out = ChoiceGain::default();
    for (held_out, model) in folds.iter().zip(rankings) {
        let g = gain(held_out, |e| choose(model, e));
        out.examples += g.examples;
        out.chosen += g.chosen;
        out.best += g.best;
    }
    out
}

/// The candidate of `example` that `model` ranks first (the first of equals).
pub fn choose(model: &LinearModel, example: &RankingExample) -> usize {
    let scores: Vec<f64> = example
        .candidates
        .iter()
        .map(|c| f64::from(model.score_names(c)))
        .collect();
    argmax(&scores)
}

/// The learnt weights, by feature name: those of averaged perceptrons trained for
/// `epochs` passes over `examples`, each on its own shuffle (seeds 1 to `runs`),
/// averaged (one model moves by a point of speaker F1 with the order it saw the
/// examples in).
pub fn train(examples: &[RankingExample], epochs: usize, runs: u64) -> Vec<(String, f32)> {
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    let encoded: Vec<Encoded> = examples
        .iter()
        .filter(|e| e.gains.iter().any(|&g| g != e.gains[0]))
        .map(|e| {
            let candidates = e
                .candidates
                .iter()
                .map(|fs| {
                    fs.iter()
                        .map(|f| {
                            let next = ids.len();
                            *ids.entry(f.as_str()).or_insert(next)
                        })
                        .collect()
                })
                .collect();
            (candidates, e.gains.as_slice())
        })
        .collect();
    let runs = runs.max(1);
    let mut sum = vec![0f64; ids.len()];
    for seed in 1..=runs {
        let weights = perceptron(&encoded, ids.len(), epochs, seed);
        sum.iter_mut().zip(weights).for_each(|(s, w)| *s += w);
    }
    let mut out: Vec<(String, f32)> = ids
        .into_iter()
        .map(|(name, f)| {
            let averaged = sum[f] / runs as f64;
            (name.to_string(), (averaged * 1e4).round() as f32 / 1e4)
        })
        .filter(|(_, w)| *w != 0.0)
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// An example as feature ids per candidate, with the candidates' gains.
type Encoded<'a> = (Vec<Vec<usize>>, &'a [f64]);

/// The averaged weights of a perceptron over `features` feature ids, trained for
/// `epochs` passes over `examples` in an order shuffled by `seed`; each mistake
/// moves the weights by the gain it loses.
fn perceptron(examples: &[Encoded], features: usize, epochs: usize, seed: u64) -> Vec<f64> {
    let mut weights = vec![0f64; features];
    // the running sum of every update times the step it was made at, for averaging
    let mut timed = vec![0f64; features];
    let mut step = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    for _ in 0..epochs {
        // Fisher–Yates with a linear congruential generator: the same seed, the
        // same model
        for i in (1..order.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        for &x in &order {
            let (candidates, gains) = &examples[x];
            let score = |c: &Vec<usize>| c.iter().map(|&f| weights[f]).sum::<f64>();
            let scores: Vec<f64> = candidates.iter().map(score).collect();
            let predicted = argmax(&scores);
            let best_gain = gains.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let best = (0..gains.len())
                .filter(|&i| gains[i] == best_gain)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            let loss = best_gain - gains[predicted];
            if loss > 0.0 {
                for (c, sign) in [(best, 1.0), (predicted, -1.0)] {
                    for &f in &candidates[c] {
                        weights[f] += sign * loss;
                        timed[f] += sign * loss * step;
                    }
                }
            }
            step += 1.0;
        }
    }
    weights
        .iter()
        .zip(&timed)
        .map(|(w, t)| w - t / step)
        .collect()
}

/// The index of the largest value (the first of equals).
fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(candidates: &[&[&str]], gains: &[f64]) -> RankingExample {
        RankingExample {
            candidates: candidates
                .iter()
                .map(|c| c.iter().map(|f| f.to_string()).collect())
                .collect(),
            gains: gains.to_vec(),
        }
    }

    #[test]
    fn learns_to_prefer_the_candidates_that_gain_most() {
        // the subject ("c0=det") is the speaker, the object ("pw=den") never is
        let examples: Vec<RankingExample> = (0..20)
            .map(|i| {
                let (subject, object) = (&["phrase", "c0=det"][..], &["phrase", "pw=den"][..]);
                if i % 2 == 0 {
                    example(&[object, subject, &["nobody"]], &[0.0, 1.0, 0.0])
                } else {
                    example(&[subject, object, &["nobody"]], &[0.8, 0.0, 0.0])
                }
            })
            .collect();
        let weights = train(&examples, 5, 2);
        let w = |name: &str| {
            weights
                .iter()
                .find(|(f, _)| f == name)
                .map_or(0.0, |(_, w)| *w)
        };
        assert!(w("c0=det") > w("pw=den"), "{weights:?}");
        let model = LinearModel::parse("t", &LinearModel::to_tsv(&weights, "test")).unwrap();
        let g = gain(&examples, |e| choose(&model, e));
        assert_eq!(g.examples, 20);
        assert!(
            (g.chosen - 18.0).abs() < 1e-9 && (g.best - 18.0).abs() < 1e-9,
            "{g:?}"
        );
        // the same runs make the same model
        assert_eq!(weights, train(&examples, 5, 2));
    }
}
