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
    /// Each word, by its [`word_hash`], → its row in `ids`. Keys are hashes, not
    /// strings, so that a lookup reads no string from the heap; [`WordClusters::parse`]
    /// rejects a file two of whose words share a hash.
    rows: FxHashMap<u64, u32>,
    /// Per word, `levels` indices into `names`.
    ids: Vec<u32>,
    /// Clusters per word.
    levels: usize,
    /// Every feature name (`c32=12`, `c128=201` …, then `k=unk`), made once at load
    /// so that tagging allocates nothing for them.
    names: Vec<String>,
    /// The ids of a word without clusters: that of `k=unk`.
    unknown: Vec<u32>,
}

/// A word's cluster feature names, coarse to fine.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClusterNames<'a> {
    ids: &'a [u32],
    names: &'a [String],
}

impl<'a> ClusterNames<'a> {
    /// The names, coarse to fine.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let names = self.names;
        self.ids.iter().map(move |&i| names[i as usize].as_str())
    }

    /// The coarsest.
    pub fn first(&self) -> Option<&'a str> {
        self.iter().next()
    }
}

/// The FNV-1a hash of a word's UTF-8 bytes, lower-cased first if `lower`.
fn word_hash(word: &str, lower: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    if lower {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            add(c.encode_utf8(&mut buf).as_bytes());
        }
    } else {
        add(word.as_bytes());
    }
    h
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
        let mut rows: Vec<(usize, &str, Vec<u32>)> = Vec::new();
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
            rows.push((i + 1, word, ids));
        }
        if columns.len() != levels {
            columns = (0..levels).map(|l| format!("k{l}")).collect();
        }
        let mut out = WordClusters {
            levels,
            ..WordClusters::default()
        };
        let mut name_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut words: FxHashMap<u64, &str> = FxHashMap::default();
        for (line, word, ids) in rows {
            let hash = word_hash(word, false);
            match words.insert(hash, word) {
                Some(other) if other != word => {
                    return Err(LexiconError {
                        file,
                        line,
                        reason: format!("\"{word}\" and \"{other}\" share a hash"),
                    })
                }
                // a word listed again takes its last clusters
                Some(_) => {}
                None => {
                    out.rows.insert(hash, (out.ids.len() / levels) as u32);
                    out.ids.resize(out.ids.len() + levels, 0);
                }
            }
            let row = out.rows[&hash] as usize * levels;
            for (level, (id, column)) in ids.iter().zip(&columns).enumerate() {
                out.ids[row + level] = out.name(&mut name_index, format!("{column}={id}"));
            }
        }
        out.unknown = vec![out.name(&mut name_index, "k=unk".to_string())];
        Ok(out)
    }

    /// The index of feature name `name` in `names`, added if new.
    fn name(&mut self, index: &mut FxHashMap<String, u32>, name: String) -> u32 {
        let next = self.names.len() as u32;
        *index.entry(name).or_insert_with_key(|name| {
            self.names.push(name.clone());
            next
        })
    }

    /// Whether `word` itself, in exactly this spelling, has a cluster: a capitalised
    /// word whose lower-case form is known is likely a common word at a sentence start.
    pub fn knows(&self, word: &str) -> bool {
        self.rows.contains_key(&word_hash(word, false))
    }

    /// The word's cluster features (exact spelling, else lower-cased): `c32=12`,
    /// `c128=201` …, or `k=unk` for an unknown word.
    pub fn features(&self, word: &str) -> ClusterNames<'_> {
        let row = self.rows.get(&word_hash(word, false)).or_else(|| {
            let lower = word.chars().any(char::is_uppercase);
            lower
                .then(|| self.rows.get(&word_hash(word, true)))
                .flatten()
        });
        let ids = match row {
            Some(&r) => &self.ids[r as usize * self.levels..(r as usize + 1) * self.levels],
            None => &self.unknown[..],
        };
        ClusterNames {
            ids,
            names: &self.names,
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_levels_and_falls_back_to_lower_case() {
        let c = WordClusters::parse("t", "# comment\nLissabon\t1\t17\nhaus\t2\t30\n").unwrap();
        let named = WordClusters::parse("t", "#columns\tword\tc2\tdet\nHaus\t1\t4\n").unwrap();
        fn names(c: &WordClusters, w: &str) -> Vec<String> {
            c.features(w).iter().map(str::to_string).collect()
        }
        assert_eq!(names(&named, "Haus"), ["c2=1", "det=4"]);
        assert_eq!(names(&c, "Haus"), ["k0=2", "k1=30"]);
        assert_eq!(names(&c, "HAUS"), ["k0=2", "k1=30"]);
        assert_eq!(names(&c, "Ljubljana"), ["k=unk"]);
        assert_eq!(names(&c, "Lissabon"), ["k0=1", "k1=17"]);
        assert_eq!(c.features("Lissabon").first(), Some("k0=1"));
        assert!(c.knows("Lissabon") && !c.knows("lissabon") && !c.knows("Haus"));
        assert!(names(&WordClusters::default(), "Haus").is_empty());
    }

    #[test]
    fn rejects_ragged_lines() {
        let e = WordClusters::parse("t", "a\t1\t2\nb\t3\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(WordClusters::parse("t", "a\tx\n").is_err());
    }

    #[test]
    fn a_word_listed_again_takes_its_last_clusters() {
        let c = WordClusters::parse("t", "a\t1\na\t2\nb\t1\n").unwrap();
        assert_eq!(c.features("a").iter().collect::<Vec<_>>(), ["k0=2"]);
        assert_eq!(c.features("b").iter().collect::<Vec<_>>(), ["k0=1"]);
    }

    #[test]
    fn lower_casing_without_allocating_matches_the_standard_library() {
        for w in ["Straße", "ÄRZTE", "İstanbul", "Ωmega", "abc"] {
            assert_eq!(
                word_hash(w, true),
                word_hash(&w.to_lowercase(), false),
                "{w}"
            );
        }
    }
}
