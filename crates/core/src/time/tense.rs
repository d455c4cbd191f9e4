//! The tense of a clause, from word lists (`data/time/tense.txt`).
//!
//! Future markers (wird, soll, geplant …) win, then past markers (war, sagte …)
//! or an auxiliary with a participle (hat … getroffen, but not a state such as
//! "ist geschlossen"); else present. The clause
//! around an expression decides; a clause without markers takes the sentence's.

use super::resolve::Tense;
use crate::text::LexiconError;
use rustc_hash::FxHashSet as HashSet;

const TENSE: &str = include_str!("../../data/time/tense.txt");

/// Tense marker lists.
#[derive(Debug, Clone, Default)]
pub struct TenseLexicon {
    past: HashSet<String>,
    future: HashSet<String>,
    auxiliaries: HashSet<String>,
    prefixes: Vec<String>,
    inseparable: Vec<String>,
    states: HashSet<String>,
}

impl TenseLexicon {
    /// The lists shipped in `data/time/tense.txt` (`past|future|aux|prefix<TAB>word`).
    pub fn german() -> Result<TenseLexicon, LexiconError> {
        let mut lex = TenseLexicon::default();
        for (i, line) in TENSE.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (category, word) = line.split_once('\t').unwrap_or(("", ""));
            let word = word.trim().to_lowercase();
            match category.trim() {
                "past" => lex.past.insert(word),
                "future" => lex.future.insert(word),
                "aux" => lex.auxiliaries.insert(word),
                "prefix" => {
                    lex.prefixes.push(word);
                    true
                }
                "state" => lex.states.insert(word),
                "inseparable" => {
                    lex.inseparable.push(word);
                    true
                }
                other => {
                    return Err(LexiconError {
                        file: "tense.txt",
                        line: i + 1,
                        reason: format!(
                            "unknown category '{other}' (past, future, aux, prefix, inseparable, state)"
                        ),
                    })
                }
            };
        }
        Ok(lex)
    }

    /// The tense the lower-case `words` mark, if they mark one.
    pub fn marked(&self, words: &[&str]) -> Option<Tense> {
        if words.iter().any(|w| self.future.contains(*w)) {
            return Some(Tense::Future);
        }
        let perfect = words.iter().any(|w| self.auxiliaries.contains(*w))
            && words
                .iter()
                .any(|w| self.is_participle(w) && !self.states.contains(*w));
        if perfect || words.iter().any(|w| self.past.contains(*w)) {
            return Some(Tense::Past);
        }
        None
    }

    /// Whether `w` looks like a past participle: (prefix +) ge…t / ge…en, …iert,
    /// or an inseparable prefix verb's (beraten, veröffentlicht, entschieden).
    fn is_participle(&self, w: &str) -> bool {
        if w.len() < 5 || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if w.ends_with("iert") {
            return true;
        }
        let stem = self
            .prefixes
            .iter()
            .find_map(|p| {
                w.strip_prefix(p.as_str())
                    .filter(|rest| rest.starts_with("ge"))
            })
            .unwrap_or(w);
        let ends = stem.ends_with('t') || stem.ends_with("en");
        let inseparable = self
            .inseparable
            .iter()
            .any(|p| stem.starts_with(p.as_str()) && stem.len() >= p.len() + 4);
        ends && ((stem.starts_with("ge") && stem.len() >= 5) || inseparable)
    }
}
