//! Cue words around names: the determiners, links and prepositions the entity stage
//! matches when it attaches roles and parties, read from `data/entities/cues.tsv`.

use crate::text::LexiconError;
use rustc_hash::FxHashSet;

/// The cue word lists, each a set of token sequences.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    determiners: FxHashSet<String>,
    plural_determiners: FxHashSet<String>,
    holder_adjectives: FxHashSet<String>,
    party_links: Vec<Vec<String>>,
    apposition_links: FxHashSet<String>,
}

impl Cues {
    /// The cues shipped in `crates/core/data/entities/cues.tsv`.
    pub fn german() -> Result<Cues, LexiconError> {
        Cues::parse("cues.tsv", include_str!("../../data/entities/cues.tsv"))
    }

    /// Reads `cue<TAB>word|word …` lines; `file` names the file in errors.
    pub fn parse(file: &'static str, text: &str) -> Result<Cues, LexiconError> {
        let mut cues = Cues::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (cue, words) = line.split_once('\t').unwrap_or((line, ""));
            let words = words.split('|').map(str::trim).filter(|w| !w.is_empty());
            match cue.trim() {
                "determiner" => cues.determiners.extend(words.map(str::to_lowercase)),
                "plural_determiner" => cues.plural_determiners.extend(words.map(str::to_lowercase)),
                "holder_adjective" => cues.holder_adjectives.extend(words.map(str::to_lowercase)),
                "party_link" => cues
                    .party_links
                    .extend(words.map(|w| w.split_whitespace().map(str::to_lowercase).collect())),
                "apposition_link" => cues.apposition_links.extend(words.map(str::to_lowercase)),
                other => {
                    return Err(LexiconError {
                        file,
                        line: i + 1,
                        reason: format!("unknown cue {other:?}"),
                    })
                }
            }
        }
        Ok(cues)
    }

    /// Whether `word` is a determiner before a role noun ("der", "seinem").
    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.contains(&word.to_lowercase())
    }

    /// Whether `word` is a determiner that, before the masculine form of a role noun,
    /// makes it plural ("die Sprecher", not one person).
    pub fn is_plural_determiner(&self, word: &str) -> bool {
        self.plural_determiners.contains(&word.to_lowercase())
    }

    /// Whether `word`, between determiner and role noun, names another holder than
    /// the plain role's ("der frühere Präsident").
    pub fn is_holder_adjective(&self, word: &str) -> bool {
        self.holder_adjectives.contains(&word.to_lowercase())
    }

    /// Whether `word` links a role to its country ("von", "aus").
    pub fn is_apposition_link(&self, word: &str) -> bool {
        self.apposition_links.contains(&word.to_lowercase())
    }

    /// The length of the party link ("von der") that starts `tokens`, if any.
    pub fn party_link_at(&self, tokens: &[&str]) -> Option<usize> {
        self.party_links
            .iter()
            .filter(|link| {
                link.len() <= tokens.len()
                    && link.iter().zip(tokens).all(|(l, t)| *l == t.to_lowercase())
            })
            .map(Vec::len)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cues_and_rejects_unknown_ones() {
        let c = Cues::parse("t", "determiner\tder|die\nparty_link\tvon der|vom\n").unwrap();
        assert!(c.is_determiner("Der"));
        assert_eq!(c.party_link_at(&["von", "der", "CDU"]), Some(2));
        assert_eq!(c.party_link_at(&["vom"]), Some(1));
        assert_eq!(c.party_link_at(&["von"]), None);
        let e = Cues::parse("t", "# x\nnoun\tHaus\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
