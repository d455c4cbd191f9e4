//! Learns word clusters from unlabelled news: skip-gram word vectors with negative
//! sampling (word2vec), then k-means over the unit vectors at several granularities.
//!
//! Words that share contexts ("Lissabon", "Ljubljana"; "Sprecherin", "Sprecher") end
//! up in one cluster, which lets the NER model carry what it learnt about a word to
//! words it never saw labelled. The output is the clusters file that
//! `depesche_core::entities::clusters::WordClusters` reads.

use rustc_hash::FxHashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Settings for the word vectors and the clustering.
#[derive(Debug, Clone)]
pub struct ClusterTraining {
    /// Vector dimensions.
    pub dimensions: usize,
    /// Context words on each side (a random window up to this, as word2vec does).
    pub window: usize,
    /// Negative samples per context word.
    pub negatives: usize,
    /// Passes over the corpus.
    pub epochs: usize,
    /// Words seen fewer times get no vector.
    pub min_count: usize,
    /// Frequent words are skipped at random above this relative frequency (0: never).
    pub subsample: f64,
    /// Cluster counts, coarse to fine.
    pub granularities: Vec<usize>,
    /// k-means iterations per granularity.
    pub kmeans_iterations: usize,
    /// Worker threads.
    pub threads: usize,
    /// Seed of the pseudo-random numbers (the result is reproducible for one thread count).
    pub seed: u64,
}

impl Default for ClusterTraining {
    fn default() -> ClusterTraining {
        ClusterTraining {
            dimensions: 100,
            window: 5,
            negatives: 5,
            epochs: 3,
            min_count: 10,
            subsample: 1e-4,
            granularities: vec![64, 256, 1024],
            kmeans_iterations: 12,
            threads: 2,
            seed: 1,
        }
    }
}

/// The vocabulary: words with their counts, most frequent first.
pub struct Vocabulary {
    /// The words.
    pub words: Vec<String>,
    /// How often each occurs.
    pub counts: Vec<u64>,
    index: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// Counts the words of `sentences` and keeps those seen at least `min_count` times.
    pub fn build(sentences: &[Vec<String>], min_count: usize) -> Vocabulary {
        let mut counts: FxHashMap<&str, u64> = FxHashMap::default();
        for s in sentences {
            for w in s {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
        let mut kept: Vec<(&str, u64)> = counts
            .into_iter()
            .filter(|&(_, c)| c >= min_count as u64)
            .collect();
        kept.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let words: Vec<String> = kept.iter().map(|(w, _)| w.to_string()).collect();
        let index = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        Vocabulary {
            counts: kept.iter().map(|&(_, c)| c).collect(),
            words,
            index,
        }
    }

    /// The id of a word, if it is in the vocabulary.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }
}

/// A small, fast pseudo-random generator (xorshift64*), so that runs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// Weights shared by the worker threads without locks (Hogwild!, as word2vec does):
/// concurrent updates to one row may interleave, which SGD tolerates.
struct Shared(*mut f32);
// SAFETY: the pointer addresses a Vec that outlives the scoped threads; racing
// float updates lose at most an update, which is the accepted Hogwild! trade-off.
unsafe impl Sync for Shared {}
unsafe impl Send for Shared {}

/// Trains skip-gram vectors with negative sampling; returns one unit vector per word.
pub fn word_vectors(
    sentences: &[Vec<u32>],
    vocab: &Vocabulary,
    settings: &ClusterTraining,
) -> Vec<f32> {
    let dim = settings.dimensions;
    let n = vocab.words.len();
    let mut rng = Rng(settings.seed | 1);
    let mut input: Vec<f32> = (0..n * dim)
        .map(|_| (rng.unit() - 0.5) / dim as f32)
        .collect();
    let mut output = vec![0f32; n * dim];
    // Negative samples follow the unigram distribution to the power 3/4.
    let table = unigram_table(&vocab.counts, 10_000_000);
    let total: u64 = vocab.counts.iter().sum();
    let keep: Vec<f32> = vocab
        .counts
        .iter()
        .map(|&c| {
            let (f, t) = (c as f64 / total as f64, settings.subsample);
            if t <= 0.0 {
                return 1.0;
            }
            (((f / t).sqrt() + 1.0) * t / f).min(1.0) as f32
        })
        .collect();
    let words_total = sentences.iter().map(Vec::len).sum::<usize>() * settings.epochs;
    let done = AtomicUsize::new(0);
    let (inp, out) = (Shared(input.as_mut_ptr()), Shared(output.as_mut_ptr()));
    let threads = settings.threads.max(1);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (inp, out, table, keep, done) = (&inp, &out, &table, &keep, &done);
            scope.spawn(move || {
                let mut rng = Rng((settings.seed + 7919 * (t as u64 + 1)) | 1);
                let mut grad = vec![0f32; dim];
                for _ in 0..settings.epochs {
                    for s in sentences.iter().skip(t).step_by(threads) {
                        let progress = done.fetch_add(s.len(), Ordering::Relaxed);
                        let lr = (0.025 * (1.0 - progress as f32 / words_total as f32)).max(0.0001);
                        let kept: Vec<u32> = s
                            .iter()
                            .copied()
                            .filter(|&w| rng.unit() < keep[w as usize])
                            .collect();
                        for (i, &center) in kept.iter().enumerate() {
                            let b = 1 + rng.below(settings.window);
                            let lo = i.saturating_sub(b);
                            let hi = (i + b + 1).min(kept.len());
                            for (j, &context) in kept.iter().enumerate().take(hi).skip(lo) {
                                if j == i {
                                    continue;
                                }
                                // SAFETY: rows are within the vectors (ids < n); see Shared.
                                unsafe {
                                    train_pair(
                                        inp.0.add(context as usize * dim),
                                        out.0,
                                        center,
                                        table,
                                        settings.negatives,
                                        dim,
                                        lr,
                                        &mut rng,
                                        &mut grad,
                                    );
                                }
                            }
                        }
                    }
                }
            });
        }
    });
    for row in input.chunks_mut(dim) {
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-8);
        row.iter_mut().for_each(|x| *x /= norm);
    }
    input
}

/// One skip-gram update: the context word's input vector against the centre word
/// (label 1) and `negatives` sampled words (label 0).
///
/// # Safety
/// `input` must point to a row of `dim` floats and `output` to `n * dim` floats with
/// every sampled id below `n`.
#[allow(clippy::too_many_arguments)]
unsafe fn train_pair(
    input: *mut f32,
    output: *mut f32,
    center: u32,
    table: &[u32],
    negatives: usize,
    dim: usize,
    lr: f32,
    rng: &mut Rng,
    grad: &mut [f32],
) {
    let inp = std::slice::from_raw_parts_mut(input, dim);
    grad.iter_mut().for_each(|g| *g = 0.0);
    for k in 0..=negatives {
        let (target, label) = if k == 0 {
            (center, 1.0)
        } else {
            let w = table[rng.below(table.len())];
            if w == center {
                continue;
            }
            (w, 0.0)
        };
        let out = std::slice::from_raw_parts_mut(output.add(target as usize * dim), dim);
        let dot: f32 = inp.iter().zip(out.iter()).map(|(a, b)| a * b).sum();
        let g = (label - sigmoid(dot)) * lr;
        for d in 0..dim {
            grad[d] += g * out[d];
            out[d] += g * inp[d];
        }
    }
    for d in 0..dim {
        inp[d] += grad[d];
    }
}

fn sigmoid(x: f32) -> f32 {
    if x > 6.0 {
        1.0
    } else if x < -6.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}

fn unigram_table(counts: &[u64], size: usize) -> Vec<u32> {
    let weights: Vec<f64> = counts.iter().map(|&c| (c as f64).powf(0.75)).collect();
    let total: f64 = weights.iter().sum();
    let mut table = Vec::with_capacity(size);
    for (i, w) in weights.iter().enumerate() {
        let slots = ((w / total) * size as f64).ceil() as usize;
        table.extend(std::iter::repeat_n(i as u32, slots.max(1)));
    }
    table
}

/// k-means (cosine, spherical) over unit vectors; returns each vector's cluster.
pub fn kmeans(vectors: &[f32], dim: usize, k: usize, iterations: usize, seed: u64) -> Vec<u32> {
    let n = vectors.len() / dim;
    let k = k.min(n).max(1);
    let mut rng = Rng(seed | 1);
    // Start from k distinct words spread over the frequency range.
    let mut centers: Vec<f32> = Vec::with_capacity(k * dim);
    for c in 0..k {
        let i = (c * n) / k + rng.below((n / k).max(1));
        centers.extend_from_slice(&vectors[i.min(n - 1) * dim..][..dim]);
    }
    let mut assign = vec![0u32; n];
    for _ in 0..iterations {
        for (i, a) in assign.iter_mut().enumerate() {
            let v = &vectors[i * dim..][..dim];
            let mut best = (f32::MIN, 0);
            for c in 0..k {
                let s: f32 = v
                    .iter()
                    .zip(&centers[c * dim..][..dim])
                    .map(|(a, b)| a * b)
                    .sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1 as u32;
        }
        let mut sums = vec![0f32; k * dim];
        for (i, &a) in assign.iter().enumerate() {
            for d in 0..dim {
                sums[a as usize * dim + d] += vectors[i * dim + d];
            }
        }
        for (c, row) in sums.chunks(dim).enumerate() {
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for d in 0..dim {
                    centers[c * dim + d] = row[d] / norm;
                }
            }
        }
    }
    assign
}

/// Writes the clusters file: a header, a `#columns` line, then `word<TAB>id<TAB>id…`
/// per word.
pub fn write_clusters(
    out: &mut impl Write,
    header: &str,
    vocab: &Vocabulary,
    columns: &[String],
    levels: &[Vec<u32>],
) -> io::Result<()> {
    for line in header.lines() {
        writeln!(out, "# {line}")?;
    }
    writeln!(out, "#columns\tword\t{}", columns.join("\t"))?;
    for (i, word) in vocab.words.iter().enumerate() {
        write!(out, "{word}")?;
        for level in levels {
            write!(out, "\t{}", level[i])?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        // Two families of words that never share a context.
        let mut sentences: Vec<Vec<String>> = Vec::new();
        let cities = ["Lissabon", "Madrid", "Rom", "Wien"];
        let verbs = ["lief", "rannte", "ging", "eilte"];
        for i in 0..400 {
            let c = cities[i % 4];
            let v = verbs[(i / 4) % 4];
            sentences.push(vec!["in".into(), c.into(), "regnet".into(), "es".into()]);
            sentences.push(vec!["er".into(), v.into(), "schnell".into(), "weg".into()]);
        }
        let vocab = Vocabulary::build(&sentences, 1);
        let ids: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| s.iter().filter_map(|w| vocab.id(w)).collect())
            .collect();
        let settings = ClusterTraining {
            dimensions: 16,
            epochs: 20,
            threads: 1,
            subsample: 0.0,
            ..ClusterTraining::default()
        };
        let vectors = word_vectors(&ids, &vocab, &settings);
        let assign = kmeans(&vectors, 16, 2, 10, 3);
        let cluster = |w: &str| assign[vocab.id(w).unwrap() as usize];
        assert!(cities.iter().all(|c| cluster(c) == cluster("Lissabon")));
        assert!(verbs.iter().all(|v| cluster(v) == cluster("lief")));
        assert_ne!(cluster("Lissabon"), cluster("lief"));
    }

    #[test]
    fn writes_one_line_per_word() {
        let sentences = vec![vec!["a".to_string(), "b".to_string(), "a".to_string()]];
        let vocab = Vocabulary::build(&sentences, 1);
        let mut out = Vec::new();
        let columns = ["c2".to_string(), "c5".to_string()];
        write_clusters(
            &mut out,
            "test",
            &vocab,
            &columns,
            &[vec![0, 1], vec![3, 4]],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# test\n#columns\tword\tc2\tc5\na\t0\t3\nb\t1\t4\n"
        );
    }
}
