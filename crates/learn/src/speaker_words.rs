//! Words that name speakers, counted in unlabelled news.
//!
//! The speaker ranking learns from 850 annotated articles, in which most nouns are
//! seen once or never ("Virologe", "Zyklon"). Unlabelled news shows many more: a
//! capitalised word that often stands where a speech verb's subject stands
//! ("…, sagte der Virologe Christian Drosten", "Die Behörde erklärte …") names
//! someone who speaks, one that never does ("Mitverantwortung", "Zyklon") seldom
//! does. [`count`] counts, for each capitalised word, how often it stands there
//! and how often it is seen at all; `depesche train speaker-words` writes the words
//! seen as a subject at least [`MIN_AS_SPEAKER`] times to
//! `crates/core/data/quotes/speaker_words.tsv`, which the ranking reads as a feature
//! of each candidate.

use depesche_core::quotes::lexicon::{CueKind, QuoteLexicon};
use rustc_hash::FxHashMap;

/// Words seen as a speech verb's subject fewer times are left out of the file.
pub const MIN_AS_SPEAKER: u32 = 3;

/// How many words after a speech verb may come before its subject's first
/// capitalised word ("sagte auch der frühere Minister").
const MAX_LEAD: usize = 3;

/// How many capitalised words a subject holds at most ("der Virologe Christian
/// Drosten").
const MAX_NAME: usize = 5;

/// Counts of one word: as a speech verb's subject, and capitalised anywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Times seen in a speech verb's subject.
    pub as_speaker: u32,
    /// Times seen capitalised.
    pub seen: u32,
}

/// Counts every capitalised word of `sentences` (each a list of token texts), by
/// its lower-cased form, and how often it stands in the subject of a speech verb
/// of `lexicon`: after the verb where the verb follows a comma, a colon or a
/// closing quotation mark ("„…“, sagte der Minister"), or as the phrase that opens
/// the sentence with a determiner right before the verb ("Die Behörde erklärte").
pub fn count(sentences: &[Vec<String>], lexicon: &QuoteLexicon) -> FxHashMap<String, WordCounts> {
    let mut counts: FxHashMap<String, WordCounts> = FxHashMap::default();
    for words in sentences {
        for w in words.iter().filter(|w| capitalised(w)) {
            counts.entry(w.to_lowercase()).or_default().seen += 1;
        }
        // each token counts once, whichever verb names it
        let mut speaks = vec![false; words.len()];
        for k in (0..words.len()).filter(|&k| lexicon.cue(&words[k]) == Some(CueKind::Verb)) {
            for j in subject_after(words, k, lexicon)
                .into_iter()
                .chain(subject_before(words, k, lexicon))
            {
                speaks[j] = true;
            }
        }
        for (w, _) in words.iter().zip(speaks).filter(|(_, s)| *s) {
            counts.entry(w.to_lowercase()).or_default().as_speaker += 1;
        }
    }
    counts
}

/// The capitalised tokens of the subject after the speech verb at `k`, where the
/// verb follows a comma, a colon or a closing quotation mark.
fn subject_after(words: &[String], k: usize, lexicon: &QuoteLexicon) -> Vec<usize> {
    let opens = k
        .checked_sub(1)
        .is_some_and(|p| matches!(words[p].as_str(), "," | ":" | "“" | "\"" | "«" | "»"));
    if !opens {
        return Vec::new();
    }
    let mut j = k + 1;
    while j < words.len() && j <= k + MAX_LEAD && !capitalised(&words[j]) {
        let w = words[j].as_str();
        let lead = w.chars().all(char::is_alphabetic)
            && !lexicon.is_pronoun(w)
            && !lexicon.is_dative(w)
            && !lexicon.is_medium_word(w);
        if !lead {
            return Vec::new();
        }
        j += 1;
    }
    (j..words.len())
        .take_while(|&i| capitalised(&words[i]))
        .take(MAX_NAME)
        .collect()
}

/// The capitalised tokens of the phrase that opens the sentence with a determiner
/// and reaches the speech verb at `k` ("Die Behörde erklärte").
fn subject_before(words: &[String], k: usize, lexicon: &QuoteLexicon) -> Vec<usize> {
    if !(2..=MAX_NAME + MAX_LEAD).contains(&k) || !lexicon.is_determiner(&words[0]) {
        return Vec::new();
    }
    let phrase = &words[1..k];
    if !phrase
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return Vec::new();
    }
    (1..k).filter(|&i| capitalised(&words[i])).collect()
}

/// Whether `word` starts with a capital letter.
fn capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// The counts as the file the quote stage reads: `word<TAB>as_speaker<TAB>seen` for
/// each word seen as a subject at least [`MIN_AS_SPEAKER`] times, in word order,
/// after the `header` lines as comments.
pub fn to_tsv(counts: &FxHashMap<String, WordCounts>, header: &str) -> String {
    let mut kept: Vec<(&String, &WordCounts)> = counts
        .iter()
        .filter(|(_, c)| c.as_speaker >= MIN_AS_SPEAKER)
        .collect();
    kept.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
    for (word, c) in kept {
        out.push_str(&format!("{word}\t{}\t{}\n", c.as_speaker, c.seen));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn counts_subjects_after_and_before_speech_verbs() {
        let lexicon = QuoteLexicon::german_cues().unwrap();
        let sentences = [
            sentence("„ Es wird knapp “ , sagte der Virologe Christian Drosten ."),
            sentence("Die Behörde erklärte , alles sei ruhig ."),
            sentence("Es sei ruhig , sagte er dem Spiegel ."),
            sentence("Die Mitverantwortung trägt die Behörde ."),
        ];
        let counts = count(&sentences, &lexicon);
        let of = |w: &str| counts.get(w).copied().unwrap_or_default();
        assert_eq!(
            of("virologe"),
            WordCounts {
                as_speaker: 1,
                seen: 1
            }
        );
        assert_eq!(of("drosten").as_speaker, 1);
        assert_eq!(
            of("behörde"),
            WordCounts {
                as_speaker: 1,
                seen: 2
            }
        );
        // a pronoun subject, and the dative after it, name no speaker word
        assert_eq!(
            of("spiegel"),
            WordCounts {
                as_speaker: 0,
                seen: 1
            }
        );
        assert_eq!(of("mitverantwortung").as_speaker, 0);
    }

    #[test]
    fn writes_the_words_seen_as_speakers_often_enough() {
        let mut counts = FxHashMap::default();
        counts.insert(
            "sprecher".to_string(),
            WordCounts {
                as_speaker: 3,
                seen: 9,
            },
        );
        counts.insert(
            "zyklon".to_string(),
            WordCounts {
                as_speaker: 2,
                seen: 4,
            },
        );
        let text = to_tsv(&counts, "made by a test");
        assert_eq!(text, "# made by a test\nsprecher\t3\t9\n");
    }
}
