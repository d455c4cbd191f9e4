//! The time lexicons: one data file per word class (`data/time/lexicon/*.txt`).
//!
//! A line is `entry<TAB>field[<TAB>field…]`; an entry may have several words
//! ("Tag der Deutschen Einheit"). Patterns refer to a class as `@name` and to its
//! fields as `{name}`, `{name.1}`, …. Matching is on lower-cased tokens.

use crate::text::LexiconError;
use rustc_hash::FxHashMap as HashMap;

/// The class files, compiled in: adding an entry needs no code change.
const CLASSES: &[(&str, &str)] = &[
    ("month", include_str!("../../data/time/lexicon/month.txt")),
    (
        "weekday",
        include_str!("../../data/time/lexicon/weekday.txt"),
    ),
    (
        "numword",
        include_str!("../../data/time/lexicon/numword.txt"),
    ),
    (
        "ordword",
        include_str!("../../data/time/lexicon/ordword.txt"),
    ),
    ("unit", include_str!("../../data/time/lexicon/unit.txt")),
    (
        "daypart",
        include_str!("../../data/time/lexicon/daypart.txt"),
    ),
    ("season", include_str!("../../data/time/lexicon/season.txt")),
    (
        "holiday",
        include_str!("../../data/time/lexicon/holiday.txt"),
    ),
    (
        "deictic",
        include_str!("../../data/time/lexicon/deictic.txt"),
    ),
    (
        "relword",
        include_str!("../../data/time/lexicon/relword.txt"),
    ),
    (
        "modword",
        include_str!("../../data/time/lexicon/modword.txt"),
    ),
    (
        "refword",
        include_str!("../../data/time/lexicon/refword.txt"),
    ),
    (
        "setword",
        include_str!("../../data/time/lexicon/setword.txt"),
    ),
    (
        "decadeword",
        include_str!("../../data/time/lexicon/decadeword.txt"),
    ),
    ("anarel", include_str!("../../data/time/lexicon/anarel.txt")),
    (
        "easterday",
        include_str!("../../data/time/lexicon/easterday.txt"),
    ),
    (
        "weekdaypart",
        include_str!("../../data/time/lexicon/weekdaypart.txt"),
    ),
    (
        "halfhour",
        include_str!("../../data/time/lexicon/halfhour.txt"),
    ),
    (
        "unitadj",
        include_str!("../../data/time/lexicon/unitadj.txt"),
    ),
    (
        "vaguedur",
        include_str!("../../data/time/lexicon/vaguedur.txt"),
    ),
    (
        "daypartadv",
        include_str!("../../data/time/lexicon/daypartadv.txt"),
    ),
    ("unitpl", include_str!("../../data/time/lexicon/unitpl.txt")),
    ("aside", include_str!("../../data/time/lexicon/aside.txt")),
    (
        "rangemark",
        include_str!("../../data/time/lexicon/rangemark.txt"),
    ),
];

/// Classes whose entries are word endings, not words.
const SUFFIX_CLASSES: &[&str] = &["unitadj"];

/// One lexicon entry: its words (lower case) and its fields.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The class (`month`).
    pub class: &'static str,
    /// The entry's words, lower case.
    pub words: Vec<String>,
    /// The fields after the entry.
    pub fields: Vec<String>,
    /// Written in lower case ("morgen"): then it does not match a capitalised
    /// word inside a sentence ("am Morgen" is a noun, not "tomorrow").
    pub lowercase: bool,
}

/// All time lexicons, indexed by the first word of each entry.
#[derive(Debug, Clone, Default)]
pub struct TimeLexicon {
    by_first_word: HashMap<String, Vec<Entry>>,
    /// Classes matched as word endings (`unitadj`), longest entries first.
    suffixes: HashMap<&'static str, Vec<Entry>>,
}

impl TimeLexicon {
    /// The lexicons shipped in `data/time/lexicon/`.
    pub fn german() -> Result<TimeLexicon, LexiconError> {
        let mut lex = TimeLexicon::default();
        for &(class, text) in CLASSES {
            for (i, line) in text.lines().enumerate() {
                let line = line.trim_end();
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut parts = line.split('\t').filter(|p| !p.is_empty());
                let entry = parts.next().unwrap_or("").trim();
                let fields: Vec<String> = parts.map(|f| f.trim().to_string()).collect();
                if entry.is_empty() || fields.is_empty() {
                    return Err(LexiconError {
                        file: class,
                        line: i + 1,
                        reason: "expected 'entry<TAB>value'".to_string(),
                    });
                }
                let words: Vec<String> = entry.split_whitespace().map(str::to_lowercase).collect();
                let lowercase = entry.starts_with(char::is_lowercase);
                if SUFFIX_CLASSES.contains(&class) {
                    let list = lex.suffixes.entry(class).or_default();
                    list.push(Entry {
                        class,
                        words,
                        fields,
                        lowercase,
                    });
                    list.sort_by_key(|e| std::cmp::Reverse(e.words[0].len()));
                    continue;
                }
                lex.by_first_word
                    .entry(words[0].clone())
                    .or_default()
                    .push(Entry {
                        class,
                        words,
                        fields,
                        lowercase,
                    });
            }
        }
        Ok(lex)
    }

    /// Whether `class` is a lexicon class.
    pub fn has_class(class: &str) -> bool {
        CLASSES.iter().any(|(c, _)| *c == class)
    }

    /// Entries of `class` that match the words starting at `words[0]`, longest first.
    pub fn lookup<'a>(&'a self, class: &str, words: &[&str]) -> impl Iterator<Item = &'a Entry> {
        let first = words.first().copied().unwrap_or("");
        let candidates = self.by_first_word.get(first).map_or(&[][..], Vec::as_slice);
        let fits = move |e: &&Entry| {
            e.class == class
                && e.words.len() <= words.len()
                && e.words.iter().zip(words).all(|(a, b)| a == b)
        };
        // most words start one entry or none: sort only when several fit
        let mut found: Vec<&Entry> = Vec::new();
        for e in candidates.iter().filter(fits) {
            found.push(e);
        }
        if found.len() > 1 {
            found.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        found.into_iter()
    }

    /// The entry of `class` that `word` ends with, and the rest of `word` before it
    /// ("zweimonatig" → the entry "monatig", "zwei").
    pub fn suffix_entry<'a, 'w>(
        &'a self,
        class: &str,
        word: &'w str,
    ) -> Option<(&'a Entry, &'w str)> {
        self.suffixes
            .get(class)?
            .iter()
            .find_map(|e| word.strip_suffix(e.words[0].as_str()).map(|rest| (e, rest)))
    }

    /// The classes some entry starting with `word` belongs to.
    pub fn classes_of<'a>(&'a self, word: &str) -> impl Iterator<Item = &'static str> + 'a {
        self.by_first_word
            .get(word)
            .into_iter()
            .flatten()
            .map(|e| e.class)
    }
}
