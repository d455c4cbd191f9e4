//! The feature weights of a linear sequence model ([`super::ner::NerModel`]), laid
//! out for fast scoring.
//!
//! Scoring a token means looking up each of its features and adding that feature's
//! weight for every label; the cost is the memory the weights are read from. Two
//! layouts serve the two shapes of model the project trains:
//!
//! * **sparse**, (label, weight) pairs per feature: the entity model has 20 labels
//!   and about three weights per feature, so rows of all labels would waste most of
//!   their room;
//! * **dense**, one row of every label per feature, a cache line each: the quote
//!   model has 13 labels and six or seven weights per feature, so a row costs little
//!   more memory than the pairs, is read in one cache line and summed without a
//!   branch (the quote stage runs about a fifth faster).

use super::features::Feature;
use rustc_hash::FxHashMap;

/// The label weights of one feature: (label index, weight) pairs.
pub type FeatureWeights = Vec<(u8, f32)>;

/// The labels a dense row holds: a model with more labels is stored sparse.
const ROW_WIDTH: usize = 16;

/// One feature's weights for every label, on a cache line of its own.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(align(64))]
struct Row([f32; ROW_WIDTH]);

/// A feature → label weights table.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightTable(Layout);

/// How a [`WeightTable`] holds its weights.
#[derive(Debug, Clone, PartialEq)]
enum Layout {
    /// (label, weight) pairs: `pairs[range]` of each feature.
    Sparse {
        /// Feature → its range in `pairs`.
        index: FxHashMap<Feature, (u32, u32)>,
        /// The pairs of every feature, one feature after the other.
        pairs: Vec<(u8, f32)>,
    },
    /// A row of every label per feature.
    Dense {
        /// Feature → its row.
        index: FxHashMap<Feature, u32>,
        /// The rows.
        rows: Vec<Row>,
    },
}

impl WeightTable {
    /// The table of `features` for a model of `labels` labels, dense where its rows
    /// take at most twice the memory of the pairs. Zero weights are not kept.
    pub fn new(labels: usize, features: Vec<(Feature, FeatureWeights)>) -> WeightTable {
        let pair_count: usize = features.iter().map(|(_, w)| w.len()).sum();
        let row_bytes = features.len() * std::mem::size_of::<Row>();
        let pair_bytes = pair_count * std::mem::size_of::<(u8, f32)>();
        if labels <= ROW_WIDTH && row_bytes <= 2 * pair_bytes {
            WeightTable::dense(features)
        } else {
            WeightTable::sparse(features)
        }
    }

    /// The table as rows (labels past [`ROW_WIDTH`] are dropped).
    fn dense(features: Vec<(Feature, FeatureWeights)>) -> WeightTable {
        let mut index = FxHashMap::default();
        let mut rows = Vec::with_capacity(features.len());
        for (f, weights) in features {
            let mut row = Row([0.0; ROW_WIDTH]);
            for (label, w) in weights {
                if let Some(slot) = row.0.get_mut(label as usize) {
                    *slot += w;
                }
            }
            index.insert(f, rows.len() as u32);
            rows.push(row);
        }
        WeightTable(Layout::Dense { index, rows })
    }

    /// The table as pairs.
    fn sparse(features: Vec<(Feature, FeatureWeights)>) -> WeightTable {
        let mut index = FxHashMap::default();
        let mut pairs = Vec::new();
        for (f, weights) in features {
            let from = pairs.len() as u32;
            pairs.extend(weights.into_iter().filter(|&(_, w)| w != 0.0));
            index.insert(f, (from, pairs.len() as u32));
        }
        WeightTable(Layout::Sparse { index, pairs })
    }

    /// The number of features with weights.
    pub fn len(&self) -> usize {
        match &self.0 {
            Layout::Sparse { index, .. } => index.len(),
            Layout::Dense { index, .. } => index.len(),
        }
    }

    /// Whether no feature has weights.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The summed weights of each row of `features`, `labels` scores per row (labels
    /// past the model's are ignored).
    pub fn scores(&self, features: &[Vec<Feature>], labels: usize) -> Vec<f32> {
        let mut scores = vec![0f32; features.len() * labels];
        match &self.0 {
            Layout::Sparse { index, pairs } => {
                // Look every feature up first, then add the weights: the lookups are
                // independent, so the processor overlaps their cache misses.
                let mut hits: Vec<(u32, u32, u32)> = Vec::with_capacity(features.len() * 64);
                for (t, fs) in features.iter().enumerate() {
                    hits.extend(
                        fs.iter()
                            .filter_map(|f| index.get(f))
                            .map(|&(a, b)| (t as u32, a, b)),
                    );
                }
                for &(t, a, b) in &hits {
                    let row = &mut scores[t as usize * labels..(t as usize + 1) * labels];
                    for &(label, w) in &pairs[a as usize..b as usize] {
                        if let Some(slot) = row.get_mut(label as usize) {
                            *slot += w;
                        }
                    }
                }
            }
            Layout::Dense { index, rows } => {
                let width = labels.min(ROW_WIDTH);
                for (fs, out) in features.iter().zip(scores.chunks_mut(labels)) {
                    let mut sum = [0f32; ROW_WIDTH];
                    for row in fs.iter().filter_map(|f| index.get(f)) {
                        let row = &rows[*row as usize].0;
                        sum.iter_mut().zip(row).for_each(|(s, w)| *s += w);
                    }
                    out[..width].copy_from_slice(&sum[..width]);
                }
            }
        }
        scores
    }

    /// Every feature with its nonzero weights, in feature order (for writing the
    /// model).
    pub fn entries(&self) -> Vec<(Feature, FeatureWeights)> {
        let mut out: Vec<(Feature, FeatureWeights)> = match &self.0 {
            Layout::Sparse { index, pairs } => index
                .iter()
                .map(|(&f, &(a, b))| (f, pairs[a as usize..b as usize].to_vec()))
                .collect(),
            Layout::Dense { index, rows } => index
                .iter()
                .map(|(&f, &r)| {
                    let weights = rows[r as usize].0.iter().enumerate();
                    let nonzero = weights.filter(|(_, &w)| w != 0.0);
                    (f, nonzero.map(|(l, &w)| (l as u8, w)).collect())
                })
                .collect(),
        };
        out.sort_by_key(|(f, _)| *f);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn features() -> Vec<(Feature, FeatureWeights)> {
        vec![
            (1, vec![(0, 0.5), (2, -1.0), (5, 0.25), (7, 2.0)]),
            (2, vec![(1, 0.25), (3, 1.0), (4, -0.5), (6, 1.5)]),
            (3, vec![(0, 1.0), (1, 2.0), (2, 3.0), (7, 0.5)]),
        ]
    }

    #[test]
    fn both_layouts_score_alike() {
        // four of eight labels weighted per feature: rows cost little more
        let dense = WeightTable::new(8, features());
        assert!(matches!(dense.0, Layout::Dense { .. }));
        // with many labels and few weights per feature the pairs are kept
        let sparse = WeightTable::new(40, features());
        assert!(matches!(sparse.0, Layout::Sparse { .. }));
        let tokens = vec![vec![1, 3], vec![2, 9], vec![]];
        let mut expected = vec![0.0; 24];
        expected[..8].copy_from_slice(&[1.5, 2.0, 2.0, 0.0, 0.0, 0.25, 0.0, 2.5]);
        expected[8..16].copy_from_slice(&[0.0, 0.25, 0.0, 1.0, -0.5, 0.0, 1.5, 0.0]);
        assert_eq!(dense.scores(&tokens, 8), expected);
        assert_eq!(sparse.scores(&tokens, 8), expected);
    }

    /// Features with distinct ids, each with distinct labels below `labels`.
    fn arbitrary_features(labels: u8) -> impl Strategy<Value = Vec<(Feature, FeatureWeights)>> {
        let weights = proptest::collection::btree_map(0..labels, -4.0f32..4.0, 1..6)
            .prop_map(|m| m.into_iter().filter(|&(_, w)| w != 0.0).collect::<Vec<_>>());
        proptest::collection::btree_map(0u64..40, weights, 0..30)
            .prop_map(|m| m.into_iter().filter(|(_, w)| !w.is_empty()).collect())
    }

    proptest::proptest! {
        #[test]
        fn dense_rows_score_as_pairs_do(
            features in arbitrary_features(13),
            tokens in proptest::collection::vec(proptest::collection::vec(0u64..50, 0..12), 0..6),
        ) {
            let dense = WeightTable::dense(features.clone());
            let sparse = WeightTable::sparse(features.clone());
            proptest::prop_assert_eq!(dense.scores(&tokens, 13), sparse.scores(&tokens, 13));
            proptest::prop_assert_eq!(dense.entries(), features.clone());
            proptest::prop_assert_eq!(sparse.entries(), features);
        }
    }

    #[test]
    fn entries_give_back_the_features() {
        for labels in [8, 40] {
            let table = WeightTable::new(labels, features());
            assert_eq!(table.entries(), features());
            assert_eq!(table.len(), 3);
        }
    }
}
