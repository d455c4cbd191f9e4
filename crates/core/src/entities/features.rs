//! The token features of the NER model: what the sequence labeller sees of each word.
//!
//! German capitalises every noun, so a capital says little on its own; the features
//! that carry are the word and its neighbours, affixes (`-ische`, `-berg`), the parts
//! of hyphenated compounds (`EU-` in `EU-Budget`), word shapes, distributional word
//! clusters learnt from unlabelled news ([`super::clusters`]) and gazetteer hits
//! ([`super::gazetteer`]). The same function serves training and tagging, so a model
//! always sees the features it was trained on.

use super::clusters::WordClusters;
use super::gazetteer::Gazetteer;
use std::fmt::Write;

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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Collects one token's features, formatting each name into a reused buffer.
struct Sink {
    buf: String,
    out: Vec<Feature>,
}

impl Sink {
    fn add(&mut self, args: std::fmt::Arguments<'_>) {
        self.buf.clear();
        // Writing to a String cannot fail.
        let _ = self.buf.write_fmt(args);
        self.out.push(feature_hash(&self.buf));
    }
}

/// Per-token facts computed once per sentence and read by the neighbours' features.
struct TokenView {
    lower: String,
    shape: String,
    suffix3: String,
    clusters: Vec<String>,
}

/// The features of each token of a sentence, one list per token.
pub fn sentence_features(tokens: &[&str], sources: &FeatureSources<'_>) -> Vec<Vec<Feature>> {
    let views: Vec<TokenView> = tokens
        .iter()
        .map(|t| {
            let lower = t.to_lowercase();
            TokenView {
                shape: shape(t),
                suffix3: suffix(&lower, 3).to_string(),
                clusters: sources.clusters.map(|c| c.features(t)).unwrap_or_default(),
                lower,
            }
        })
        .collect();
    let gazetteer_tags = sources
        .gazetteer
        .map(|g| g.tag_tokens(tokens))
        .unwrap_or_default();
    let mut out = Vec::with_capacity(tokens.len());
    for (i, word) in tokens.iter().enumerate() {
        let mut sink = Sink {
            buf: String::with_capacity(64),
            out: Vec::with_capacity(96),
        };
        macro_rules! add {
            ($($arg:tt)*) => { sink.add(format_args!($($arg)*)) };
        }
        let v = &views[i];
        add!("bias");
        add!("w={word}");
        add!("l={}", v.lower);
        add!("sh={}", v.shape);
        for n in 1..=4 {
            if let Some(p) = prefix(word, n) {
                add!("p{n}={p}");
            }
        }
        for n in 1..=5 {
            if v.lower.chars().count() > n {
                add!("s{n}={}", suffix(&v.lower, n));
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            add!("cap");
            if i == 0 {
                add!("cap_first");
            }
        }
        if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
            add!("allcaps");
        }
        if let Some((head, rest)) = word.split_once('-') {
            if !head.is_empty() && !rest.is_empty() {
                add!("hyph_head={}", head.to_lowercase());
                let tail = word.rsplit('-').next().unwrap_or(rest);
                add!("hyph_tail={}", tail.to_lowercase());
                add!("hyph_tail_s3={}", suffix(&tail.to_lowercase(), 3));
            }
        } else if let Some(head) = word.strip_suffix('-') {
            add!("hyph_open={}", head.to_lowercase());
        }
        for c in &v.clusters {
            add!("c{c}");
        }
        if let Some(clusters) = sources.clusters {
            if first.is_uppercase() && clusters.knows(&v.lower) {
                add!("lower_known");
                if !clusters.knows(word) {
                    add!("only_lower_known");
                }
            }
        }
        if let Some(tags) = gazetteer_tags.get(i) {
            for t in tags {
                add!("g={t}");
            }
        }
        for off in [-2i32, -1, 1, 2] {
            let j = i as i32 + off;
            if j < 0 || j >= tokens.len() as i32 {
                add!("l{off}=<{}>", if j < 0 { "s" } else { "/s" });
                continue;
            }
            let n = &views[j as usize];
            add!("l{off}={}", n.lower);
            add!("sh{off}={}", n.shape);
            if let Some(coarse) = n.clusters.first() {
                add!("c{off}/{coarse}");
            }
            if off.abs() == 1 {
                add!("s3{off}={}", n.suffix3);
                for c in &n.clusters {
                    add!("c{off}{c}");
                }
                if let Some(tags) = gazetteer_tags.get(j as usize) {
                    for t in tags {
                        add!("g{off}={t}");
                    }
                }
            }
        }
        if i > 0 {
            add!("l-1l0={}|{}", views[i - 1].lower, v.lower);
        }
        if i + 1 < tokens.len() {
            add!("l0l1={}|{}", v.lower, views[i + 1].lower);
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
