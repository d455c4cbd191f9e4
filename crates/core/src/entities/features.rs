//! The token features of the NER model: what the sequence labeller sees of each word.
//!
//! German capitalises every noun, so a capital says little on its own; the features
//! that carry are the word and its neighbours, affixes (`-ische`, `-berg`), the parts
//! of hyphenated compounds (`EU-` in `EU-Budget`), word shapes, distributional word
//! clusters learnt from unlabelled news ([`super::clusters`]) and gazetteer hits
//! ([`super::gazetteer`]). The same function serves training and tagging, so a model
//! always sees the features it was trained on.

use super::clusters::{ClusterNames, WordClusters};
use super::gazetteer::Gazetteer;

/// What the feature extractor draws on beside the words themselves.
pub struct FeatureSources<'a> {
    /// Word clusters (none: no cluster features).
    pub clusters: Option<&'a WordClusters>,
    /// Gazetteers (none: no gazetteer features).
    pub gazetteer: Option<&'a Gazetteer>,
}

/// A feature: the 64-bit FNV-1a hash of its name (`w=Berlin`, `s3=ins`). Hashing
/// keeps tagging free of string allocations and the model file small; FNV-1a is
/// fixed by its definition, so a model stays valid across dependency updates.
pub type Feature = u64;

/// FNV-1a over the bytes of `name`.
pub fn feature_hash(name: &str) -> Feature {
    feature_hash_parts(&[name])
}

/// FNV-1a over the bytes of `parts` in turn: the hash of their concatenation, without
/// building it (`feature_hash_parts(&["w=", word])`).
pub fn feature_hash_parts(parts: &[&str]) -> Feature {
    let mut h = FNV_OFFSET;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Collects one token's features. A feature name is given in parts and hashed as
/// one stream, so `add(&["l-1=", "der"])` is `feature_hash("l-1=der")` without
/// building the string.
struct Sink {
    out: Vec<Feature>,
}

impl Sink {
    fn add(&mut self, parts: &[&str]) {
        self.out.push(feature_hash_parts(parts));
    }
}

/// Per-token facts computed once per sentence and read by the neighbours' features.
struct TokenView<'a> {
    lower: String,
    shape: String,
    clusters: ClusterNames<'a>,
}

/// The names of the neighbour offsets, in the order of [`OFFSETS`].
const OFFSETS: [(i64, &str); 4] = [(-2, "-2"), (-1, "-1"), (1, "1"), (2, "2")];
const PREFIXES: [&str; 4] = ["p1=", "p2=", "p3=", "p4="];
const SUFFIXES: [&str; 5] = ["s1=", "s2=", "s3=", "s4=", "s5="];

/// The features of each token of a sentence, one list per token.
pub fn sentence_features(tokens: &[&str], sources: &FeatureSources<'_>) -> Vec<Vec<Feature>> {
    let views: Vec<TokenView> = tokens
        .iter()
        .map(|t| TokenView {
            lower: t.to_lowercase(),
            shape: shape(t),
            clusters: sources.clusters.map(|c| c.features(t)).unwrap_or_default(),
        })
        .collect();
    let gazetteer_tags = sources
        .gazetteer
        .map(|g| g.tag_tokens(tokens))
        .unwrap_or_default();
    let mut out = Vec::with_capacity(tokens.len());
    let mut bounded = String::new();
    for (i, word) in tokens.iter().enumerate() {
        let mut sink = Sink {
            out: Vec::with_capacity(128),
        };
        let v = &views[i];
        sink.add(&["bias"]);
        sink.add(&["w=", word]);
        sink.add(&["l=", &v.lower]);
        sink.add(&["sh=", &v.shape]);
        for (n, name) in PREFIXES.iter().enumerate() {
            if let Some(p) = prefix(word, n + 1) {
                sink.add(&[name, p]);
            }
        }
        let length = v.lower.chars().count();
        for (n, name) in SUFFIXES.iter().enumerate() {
            if length > n + 1 {
                sink.add(&[name, suffix(&v.lower, n + 1)]);
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            sink.add(&["cap"]);
            if i == 0 {
                sink.add(&["cap_first"]);
            }
        }
        if length > 1 && word.chars().all(|c| !c.is_lowercase()) {
            sink.add(&["allcaps"]);
        }
        if let Some((head, rest)) = word.split_once('-') {
            if !head.is_empty() && !rest.is_empty() {
                sink.add(&["hyph_head=", &head.to_lowercase()]);
                let tail = word.rsplit('-').next().unwrap_or(rest).to_lowercase();
                sink.add(&["hyph_tail=", &tail]);
                sink.add(&["hyph_tail_s3=", suffix(&tail, 3)]);
            }
        } else if let Some(head) = word.strip_suffix('-') {
            sink.add(&["hyph_open=", &head.to_lowercase()]);
        }
        for c in v.clusters.iter() {
            sink.add(&["c", c]);
        }
        if let Some(clusters) = sources.clusters {
            if first.is_uppercase() && clusters.knows(&v.lower) {
                sink.add(&["lower_known"]);
                if !clusters.knows(word) {
                    sink.add(&["only_lower_known"]);
                }
            }
        }
        if let Some(tags) = gazetteer_tags.get(i) {
            for t in tags {
                sink.add(&["g=", t]);
            }
        }
        for (off, name) in OFFSETS {
            let j = i as i64 + off;
            let Some(n) = usize::try_from(j).ok().and_then(|j| views.get(j)) else {
                sink.add(&["l", name, if j < 0 { "=<s>" } else { "=</s>" }]);
                continue;
            };
            sink.add(&["l", name, "=", &n.lower]);
            sink.add(&["sh", name, "=", &n.shape]);
            if let Some(coarse) = n.clusters.first() {
                sink.add(&["c", name, "/", coarse]);
            }
            if off.abs() == 1 {
                sink.add(&["s3", name, "=", suffix(&n.lower, 3)]);
                for c in n.clusters.iter() {
                    sink.add(&["c", name, c]);
                }
                if let Some(tags) = gazetteer_tags.get(j as usize) {
                    for t in tags {
                        sink.add(&["g", name, "=", t]);
                    }
                }
            }
        }
        // Character n-grams of the word with its boundaries: what a CRF over
        // 4,000 sentences can share between unseen names ("-ow>", "<Mc").
        bounded.clear();
        bounded.push('<');
        bounded.push_str(&v.lower);
        bounded.push('>');
        let starts: Vec<usize> = bounded
            .char_indices()
            .map(|(b, _)| b)
            .chain([bounded.len()])
            .collect();
        for (n, name) in [(3, "g3="), (4, "g4=")] {
            for w in starts.windows(n + 1) {
                sink.add(&[name, &bounded[w[0]..w[n]]]);
            }
        }
        for c in v.clusters.iter() {
            sink.add(&["shc=", &v.shape, "|", c]);
        }
        if i > 0 {
            sink.add(&["l-1l0=", &views[i - 1].lower, "|", &v.lower]);
        }
        if let Some(next) = views.get(i + 1) {
            sink.add(&["l0l1=", &v.lower, "|", &next.lower]);
        }
        out.push(sink.out);
    }
    out
}

/// The word's shape with runs collapsed: `Xx` (Berlin), `X` (EU), `Xx-Xx`, `d.d`.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
    }
    out
}

fn prefix(word: &str, n: usize) -> Option<&str> {
    let end = word.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&word[..end])
}

fn suffix(word: &str, n: usize) -> &str {
    let count = word.chars().count();
    if count <= n {
        return word;
    }
    let start = word.char_indices().nth(count - n).map_or(0, |(i, _)| i);
    &word[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Berlin"), "Xx");
        assert_eq!(shape("EU-Budget"), "X-Xx");
        assert_eq!(shape("26.08.2025"), "d.d.d");
    }

    #[test]
    fn every_token_gets_features_with_its_neighbours() {
        let sources = FeatureSources {
            clusters: None,
            gazetteer: None,
        };
        let f = sentence_features(&["Der", "EU-Gipfel", "tagte"], &sources);
        assert_eq!(f.len(), 3);
        for want in [
            "w=EU-Gipfel",
            "hyph_head=eu",
            "l-1=der",
            "l1=tagte",
            "s3=fel",
        ] {
            assert!(f[1].contains(&feature_hash(want)), "{want} missing");
        }
        assert!(f[0].contains(&feature_hash("l-1=<s>")));
        assert!(!f[1].contains(&feature_hash("l-1=<s>")));
    }
}
