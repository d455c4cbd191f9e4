//! The word lists segmentation needs, loaded from `data/text/`.

use std::collections::HashSet;

const ABBREVIATIONS: &str = include_str!("../../data/text/abbreviations.txt");
const ORDINAL_CONTEXT: &str = include_str!("../../data/text/ordinal_context.txt");
const ORDINAL_HEADS: &str = include_str!("../../data/text/ordinal_heads.txt");
const SENTENCE_STARTERS: &str = include_str!("../../data/text/sentence_starters.txt");

/// A line of a lexicon file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LexiconError {
    /// The data file.
    pub file: &'static str,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Abbreviations and ordinal cues for German sentence segmentation.
#[derive(Debug, Clone, Default)]
pub struct TextLexicon {
    abbreviations: HashSet<String>,
    sentence_final: HashSet<String>,
    ordinal_context: HashSet<String>,
    ordinal_heads: HashSet<String>,
    sentence_starters: HashSet<String>,
}

impl TextLexicon {
    /// The lexicon shipped in `crates/core/data/text/`.
    pub fn german() -> Result<TextLexicon, LexiconError> {
        let mut lex = TextLexicon::default();
        for (line, entry, flag) in entries("abbreviations.txt", ABBREVIATIONS)? {
            let is_final = match flag {
                None => false,
                Some("end") => true,
                Some(other) => {
                    return Err(LexiconError {
                        file: "abbreviations.txt",
                        line,
                        reason: format!("unknown flag '{other}' (only 'end' is known)"),
                    })
                }
            };
            let parts = entry.split_whitespace().count();
            for (k, part) in entry.split_whitespace().enumerate() {
                let Some(word) = part.strip_suffix('.') else {
                    return Err(LexiconError {
                        file: "abbreviations.txt",
                        line,
                        reason: format!("'{part}' does not end in a period"),
                    });
                };
                lex.abbreviations.insert(word.to_string());
                if is_final && k + 1 == parts {
                    lex.sentence_final.insert(word.to_string());
                }
            }
        }
        for (_, entry, _) in entries("ordinal_context.txt", ORDINAL_CONTEXT)? {
            lex.ordinal_context.insert(entry.to_lowercase());
        }
        for (_, entry, _) in entries("ordinal_heads.txt", ORDINAL_HEADS)? {
            lex.ordinal_heads
                .insert(entry.trim_end_matches('.').to_lowercase());
        }
        for (_, entry, _) in entries("sentence_starters.txt", SENTENCE_STARTERS)? {
            lex.sentence_starters.insert(entry.to_string());
        }
        Ok(lex)
    }

    /// Whether `word` (without its period) is a known abbreviation, also when
    /// capitalised at a sentence start ("Vgl.", "Ca.").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word) || self.abbreviations.contains(&decapitalize(word))
    }

    /// Whether the abbreviation `word` often ends a sentence ("usw.", "v. Chr.").
    pub fn may_end_sentence(&self, word: &str) -> bool {
        self.sentence_final.contains(word)
    }

    /// Whether `word` before a number makes "NUMBER." an ordinal.
    pub fn is_ordinal_context(&self, word: &str) -> bool {
        self.ordinal_context.contains(&word.to_lowercase())
    }

    /// Whether `word` after "NUMBER." makes the number an ordinal ("Oktober").
    pub fn is_ordinal_head(&self, word: &str) -> bool {
        self.ordinal_heads.contains(&word.to_lowercase())
    }
}

impl TextLexicon {
    /// Whether `word` is a function word that opens sentences and never follows an
    /// ordinal, an initial or a regnal number ("Der", "Sie", "Danach").
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }
}

fn decapitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

type Entry<'a> = (usize, &'a str, Option<&'a str>);

/// The entries of a lexicon file: `(line, entry, flag)`; `#` starts a comment line,
/// a tab separates an optional flag.
fn entries(file: &'static str, text: &'static str) -> Result<Vec<Entry<'static>>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (entry, flag) = match line.split_once('\t') {
            Some((e, f)) => (e.trim(), Some(f.trim())),
            None => (line.trim(), None),
        };
        if entry.is_empty() {
            return Err(LexiconError {
                file,
                line: i + 1,
                reason: "empty entry".to_string(),
            });
        }
        out.push((i + 1, entry, flag));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_shipped_lexicon() {
        let lex = TextLexicon::german().unwrap();
        assert!(lex.is_abbreviation("Dr"));
        assert!(lex.is_abbreviation("bzw"));
        assert!(lex.is_abbreviation("Bzw"));
        assert!(lex.is_abbreviation("z"));
        assert!(lex.is_abbreviation("Chr"));
        assert!(lex.may_end_sentence("usw"));
        assert!(lex.may_end_sentence("Chr"));
        assert!(
            !lex.may_end_sentence("v"),
            "only the last part of 'v. Chr.' ends a sentence"
        );
        assert!(!lex.may_end_sentence("Dr"));
        assert!(lex.is_ordinal_context("Am"));
        assert!(lex.is_ordinal_head("Oktober"));
        assert!(lex.is_ordinal_head("Okt"));
        assert!(!lex.is_abbreviation("Haus"));
        assert!(lex.is_sentence_starter("Der"));
        assert!(!lex.is_sentence_starter("der"));
    }
}
