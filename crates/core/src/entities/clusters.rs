//! Distributional word clusters: words that occur in the same contexts in unlabelled
//! news share a cluster, so the model can generalise from "Lissabon" seen in training
//! to "Ljubljana" that it never saw.
//!
//! The file (`data/entities/clusters.tsv`, made by `depesche train clusters`) has one
//! word per line followed by its cluster at each granularity, coarse to fine:
//! `Lissabon<TAB>12<TAB>201<TAB>1893`. A `#columns` line names the columns, which
//! name the features (`c128=201`). A word not in the file is looked up lower-cased.

use crate::text::LexiconError;
use rustc_hash::FxHashMap;

/// Word → its cluster features, coarse to fine.
#[derive(Debug, Clone, Default)]
pub struct WordClusters {
    /// Each word's feature names (`c32=12`, `c128=201` …), made once at load so that
    /// tagging allocates nothing for them.
    features: FxHashMap<String, Vec<String>>,
    /// The one feature of a word without clusters: `k=unk`.
    unknown: Vec<String>,
}

impl WordClusters {
    /// The clusters shipped in `crates/core/data/entities/clusters.tsv`.
    pub fn german() -> Result<WordClusters, LexiconError> {
        WordClusters::parse(
            "clusters.tsv",
            include_str!("../../data/entities/clusters.tsv"),
        )
    }

    /// Parses the clusters file; `file` names it in errors.
    pub fn parse(file: &'static str, text: &str) -> Result<WordClusters, LexiconError> {
        let mut columns: Vec<String> = Vec::new();
        let mut levels = 0;
        let mut rows: Vec<(&str, Vec<u32>)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(names) = line.strip_prefix("#columns\t") {
                columns = names.split('\t').skip(1).map(str::to_string).collect();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default();
            let ids: Result<Vec<u32>, _> = fields.map(str::parse).collect();
            let error = |reason: String| LexiconError {
                file,
                line: i + 1,
                reason,
            };
            let ids = ids.map_err(|e| error(format!("cluster id: {e}")))?;
            if ids.is_empty() {
                return Err(error("a word needs at least one cluster id".to_string()));
            }
            if levels == 0 {
                levels = ids.len();
            } else if ids.len() != levels {
                return Err(error(format!(
                    "{} cluster ids where earlier lines have {levels}",
                    ids.len(),
                )));
            }
            rows.push((word, ids));
        }
        if columns.len() != levels {
            columns = (0..levels).map(|l| format!("k{l}")).collect();
        }
        let features = rows
            .into_iter()
            .map(|(word, ids)| {
                let names = ids
                    .iter()
                    .zip(&columns)
                    .map(|(id, column)| format!("{column}={id}"))
                    .collect();
                (word.to_string(), names)
            })
            .collect();
        Ok(WordClusters {
            features,
            unknown: vec!["k=unk".to_string()],
        })
    }

    /// Whether `word` itself, in exactly this spelling, has a cluster: a capitalised
    /// word whose lower-case form is known is likely a common word at a sentence start.
    pub fn knows(&self, word: &str) -> bool {
        self.features.contains_key(word)
    }

    /// The word's cluster features (exact spelling, else lower-cased): `c32=12`,
    /// `c128=201` …, or `k=unk` for an unknown word.
    pub fn features(&self, word: &str) -> &[String] {
        self.features
            .get(word)
            .or_else(|| self.features.get(&word.to_lowercase()))
            .unwrap_or(&self.unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels_and_falls_back_to_lower_case() {
        let c = WordClusters::parse("t", "# comment\nLissabon\t1\t17\nhaus\t2\t30\n").unwrap();
        let named = WordClusters::parse("t", "#columns\tword\tc2\tdet\nHaus\t1\t4\n").unwrap();
        assert_eq!(named.features("Haus"), ["c2=1", "det=4"]);
        assert_eq!(c.features("Haus"), ["k0=2", "k1=30"]);
        assert_eq!(c.features("Ljubljana"), ["k=unk"]);
        assert_eq!(c.features("Lissabon"), ["k0=1", "k1=17"]);
    }

    #[test]
    fn rejects_ragged_lines() {
        let e = WordClusters::parse("t", "a\t1\t2\nb\t3\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(WordClusters::parse("t", "a\tx\n").is_err());
    }
}
