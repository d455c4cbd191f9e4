//! A linear-chain CRF trained by stochastic gradient descent with L2 regularisation
//! (as CRFsuite's `l2sgd`: the penalty is applied by rescaling all weights at once,
//! so each step touches only the weights of the sentence's features).
//!
//! The weights have the layout the NER model stores: `features × L` emissions, then
//! `L × L` transitions, then `L` start scores; transitions that BIO forbids stay at
//! minus infinity in training and are never used in decoding.

use crate::ner::{shuffle, Example, NerTraining};

/// Trains CRF weights on `data` (feature ids and gold label ids per token).
pub fn train(
    data: &[Example],
    feature_count: usize,
    l: usize,
    allowed: &[bool],
    settings: &NerTraining,
) -> Vec<f32> {
    let (trans_at, start_at) = (feature_count * l, feature_count * l + l * l);
    let mut w = vec![0f64; start_at + l];
    let mut scale = 1f64;
    let n = data.len().max(1) as f64;
    let lambda = 2.0 * settings.c2 / n;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = settings.seed | 1;
    let mut lattice = Lattice::default();
    let mut step = 0f64;
    let averaged_from = settings.average_from.filter(|&e| e < settings.epochs);
    // the sum of the weights at the start of each averaged pass, and how many
    let mut sum = vec![0f64; if averaged_from.is_some() { w.len() } else { 0 }];
    let mut summed = 0f64;
    for epoch in 0..settings.epochs {
        if averaged_from.is_some_and(|from| epoch >= from) {
            add_scaled(&mut sum, &w, scale);
            summed += 1.0;
        }
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let (feats, gold) = &data[i];
            if feats.is_empty() {
                continue;
            }
            let rate = settings.rate / (1.0 + step / n);
            step += 1.0;
            // Decay every weight by (1 - rate·λ) through the shared scale.
            scale *= 1.0 - rate * lambda;
            if scale < 1e-9 {
                w.iter_mut().for_each(|x| *x *= scale);
                scale = 1.0;
            }
            lattice.fill(feats, &w, scale, l, trans_at, start_at, allowed);
            let gain = rate / scale;
            // Emissions: observed minus expected counts.
            for (t, fs) in feats.iter().enumerate() {
                for c in 0..l {
                    let g = f64::from(u8::from(gold[t] == c)) - lattice.marginal(t, c);
                    if g.abs() < 1e-7 {
                        continue;
                    }
                    for &f in fs {
                        w[f as usize * l + c] += gain * g;
                    }
                }
            }
            // Start and transitions.
            for c in 0..l {
                if allowed[l * l + c] {
                    let g = f64::from(u8::from(gold[0] == c)) - lattice.marginal(0, c);
                    w[start_at + c] += gain * g;
                }
            }
            for t in 1..feats.len() {
                for p in 0..l {
                    for c in 0..l {
                        if !allowed[p * l + c] {
                            continue;
                        }
                        let observed = f64::from(u8::from(gold[t - 1] == p && gold[t] == c));
                        let g = observed - lattice.pair(t, p, c);
                        if g.abs() >= 1e-7 {
                            w[trans_at + p * l + c] += gain * g;
                        }
                    }
                }
            }
        }
    }
    if averaged_from.is_some() {
        add_scaled(&mut sum, &w, scale);
        summed += 1.0;
        return sum.iter().map(|x| (x / summed) as f32).collect();
    }
    w.iter().map(|x| (x * scale) as f32).collect()
}

/// Adds the weights `w` (stored divided by `scale`) to `sum`.
fn add_scaled(sum: &mut [f64], w: &[f64], scale: f64) {
    sum.iter_mut().zip(w).for_each(|(s, x)| *s += x * scale);
}

/// Forward and backward log scores of one sentence.
#[derive(Default)]
struct Lattice {
    l: usize,
    emissions: Vec<f64>,
    transitions: Vec<f64>,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    log_z: f64,
}

impl Lattice {
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &mut self,
        feats: &[Vec<u32>],
        w: &[f64],
        scale: f64,
        l: usize,
        trans_at: usize,
        start_at: usize,
        allowed: &[bool],
    ) {
        let n = feats.len();
        self.l = l;
        self.emissions.clear();
        self.emissions.resize(n * l, 0.0);
        for (t, fs) in feats.iter().enumerate() {
            let row = &mut self.emissions[t * l..(t + 1) * l];
            for &f in fs {
                let ws = &w[f as usize * l..(f as usize + 1) * l];
                for (e, x) in row.iter_mut().zip(ws) {
                    *e += x;
                }
            }
            row.iter_mut().for_each(|e| *e *= scale);
        }
        self.transitions.clear();
        self.transitions.extend((0..l * l).map(|i| {
            if allowed[i] {
                w[trans_at + i] * scale
            } else {
                f64::NEG_INFINITY
            }
        }));
        self.alpha.clear();
        self.alpha.resize(n * l, f64::NEG_INFINITY);
        self.beta.clear();
        self.beta.resize(n * l, 0.0);
        for c in 0..l {
            if allowed[l * l + c] {
                self.alpha[c] = w[start_at + c] * scale + self.emissions[c];
            }
        }
        let mut buf = vec![0f64; l];
        for t in 1..n {
            for c in 0..l {
                for (p, b) in buf.iter_mut().enumerate() {
                    *b = self.alpha[(t - 1) * l + p] + self.transitions[p * l + c];
                }
                self.alpha[t * l + c] = log_sum_exp(&buf) + self.emissions[t * l + c];
            }
        }
        for t in (0..n - 1).rev() {
            for p in 0..l {
                for (c, b) in buf.iter_mut().enumerate() {
                    *b = self.transitions[p * l + c]
                        + self.emissions[(t + 1) * l + c]
                        + self.beta[(t + 1) * l + c];
                }
                self.beta[t * l + p] = log_sum_exp(&buf);
            }
        }
        self.log_z = log_sum_exp(&self.alpha[(n - 1) * l..]);
    }

    /// P(label at `t` = `c`).
    fn marginal(&self, t: usize, c: usize) -> f64 {
        let i = t * self.l + c;
        (self.alpha[i] + self.beta[i] - self.log_z).exp()
    }

    /// P(labels at `t - 1`, `t` = `p`, `c`).
    fn pair(&self, t: usize, p: usize, c: usize) -> f64 {
        let l = self.l;
        (self.alpha[(t - 1) * l + p]
            + self.transitions[p * l + c]
            + self.emissions[t * l + c]
            + self.beta[t * l + c]
            - self.log_z)
            .exp()
    }
}

fn log_sum_exp(xs: &[f64]) -> f64 {
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + xs.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}
