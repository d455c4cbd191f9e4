//! The whole cue of a quotation from its head word: German splits a speech verb over
//! its clause ("teilte die Polizei mit", "hat … angekündigt", "wie … mitteilte",
//! "hieß es"), and the quotation-attribution corpus marks every part as the cue. A
//! source noun's cue is the preposition that makes it a source ("nach Angaben der
//! Polizei", "einem Bericht zufolge"): the noun is part of the speaker phrase there.
//! The words are data (`particle`, `auxiliary`, `clause_part`, `expletive`,
//! `cue_opener` and `source_preposition` in `data/quotes/cues.tsv`).
//!
//! Only the output's cue is completed: the labeller, the speaker ranking and the keep
//! model go on seeing the head word alone.

use super::attribution::Context;
use super::lexicon::CueKind;
use crate::model::{Cue, CuePart, TokenKind};
use std::ops::Range;

/// Tokens before a source noun that may stand between it and its preposition
/// ("nach ersten offiziellen Angaben").
const SOURCE_LINK_REACH: usize = 3;

/// The cue whose head word is token `head`, with its further words.
pub(super) fn whole_cue(cx: &Context<'_>, head: usize) -> Cue {
    let clause = clause_of(cx, head);
    if is_source_noun(cx, head) {
        let head = source_preposition(cx, head, &clause).unwrap_or(head);
        return cue_of(cx, head, Vec::new());
    }
    let mut parts: Vec<usize> = particle(cx, head, &clause).into_iter().collect();
    if cx.is_verb_cue(head) {
        parts.extend(clause_words(cx, head, &clause));
    }
    let beside: Vec<usize> = std::iter::once(head)
        .chain(parts.iter().copied())
        .flat_map(|k| [k.checked_sub(1), Some(k + 1)])
        .flatten()
        .filter(|j| clause.contains(j) && cx.lexicon.is_expletive(cx.words[*j]))
        .collect();
    parts.extend(beside);
    // only a verb at the end of its clause ends a subordinate one ("wie X mitteilte",
    // "wie X gesagt hatte"), not "Auf die Frage, wie …, sagte Trump"
    let verb_final = (head + 1..clause.end).all(|k| cx.lexicon.is_auxiliary(cx.words[k]));
    if verb_final {
        parts.extend(opener(cx, head));
    }
    parts.sort_unstable();
    parts.dedup();
    cue_of(cx, head, parts)
}

/// The particle of `head`'s verb that ends its clause ("mit" of "teilte … mit").
fn particle(cx: &Context<'_>, head: usize, clause: &Range<usize>) -> Option<usize> {
    let last = clause.end - 1;
    let word = last > head && cx.analysis.tokens[last].kind == TokenKind::Word;
    let particles = cx.lexicon.particles(cx.words[head]);
    (word && particles.iter().any(|p| p == cx.words[last])).then_some(last)
}

/// The words of speech verb `head`'s clause that belong to its cue: the auxiliaries
/// of a participle or infinitive ("hat … angekündigt") and the clause parts
/// ("verwies darauf", "äußerte sich").
fn clause_words<'a>(
    cx: &'a Context<'_>,
    head: usize,
    clause: &Range<usize>,
) -> impl Iterator<Item = usize> + 'a {
    let auxiliaries = is_participle_or_infinitive(cx.words[head]);
    clause.clone().filter(move |&k| {
        let w = cx.words[k];
        k != head && ((auxiliaries && cx.lexicon.is_auxiliary(w)) || cx.lexicon.is_clause_part(w))
    })
}

/// The cue of head token `head` with the further tokens `parts`.
fn cue_of(cx: &Context<'_>, head: usize, parts: Vec<usize>) -> Cue {
    let tokens = &cx.analysis.tokens;
    Cue {
        span: tokens[head].span,
        text: cx.words[head].to_string(),
        parts: parts
            .into_iter()
            .map(|k| CuePart {
                span: tokens[k].span,
                text: cx.words[k].to_string(),
            })
            .collect(),
    }
}

/// The word that opens the subordinate clause of speech verb `head` and belongs to
/// its cue ("Wie die Polizei mitteilte"), found back over an apposition's commas
/// ("wie Alan Stern, Direktor …, betont") but not over a quotation mark or another
/// speech verb.
fn opener(cx: &Context<'_>, head: usize) -> Option<usize> {
    let sentence = cx.sentence(cx.sentence_of[head]);
    let opens_clause = |k: usize| k == sentence.start || ends_clause(cx, k - 1);
    for k in (sentence.start..head).rev() {
        let kind = cx.analysis.tokens[k].kind;
        if matches!(kind, TokenKind::OpenQuote | TokenKind::CloseQuote) || cx.is_verb_cue(k) {
            return None;
        }
        if cx.lexicon.is_cue_opener(cx.words[k]) && opens_clause(k) {
            return Some(k);
        }
    }
    None
}

/// The tokens of token `k`'s clause: the stretch of its sentence between commas,
/// colons, semicolons, dashes and quotation marks (not brackets, which mostly hold
/// an abbreviation or a party: "Die Mission (UNMISS) teilte mit").
fn clause_of(cx: &Context<'_>, k: usize) -> Range<usize> {
    let Range { start, mut end } = cx.stretch_around(k, |j| ends_clause(cx, j));
    // the sentence's closing punctuation is no word of the clause
    while end > k + 1 && cx.analysis.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    start..end
}

/// Whether token `k` ends a clause.
fn ends_clause(cx: &Context<'_>, k: usize) -> bool {
    matches!(cx.words[k], "," | ":" | ";" | "–" | "—")
        || matches!(
            cx.analysis.tokens[k].kind,
            TokenKind::OpenQuote | TokenKind::CloseQuote
        )
}

/// Whether token `k` is a capitalised source noun ("Angaben", "Polizeiangaben").
fn is_source_noun(cx: &Context<'_>, k: usize) -> bool {
    let word = cx.words[k];
    word.starts_with(char::is_uppercase)
        && !cx.lexicon.is_source_preposition(word)
        && cx.lexicon.cue(word) == Some(CueKind::Source)
}

/// The preposition that makes source noun `noun` a source: "nach" or "laut" shortly
/// before it, else "zufolge" after it in its clause.
fn source_preposition(cx: &Context<'_>, noun: usize, clause: &Range<usize>) -> Option<usize> {
    let from = noun.saturating_sub(SOURCE_LINK_REACH).max(clause.start);
    let is_preposition = |k: usize| cx.lexicon.is_source_preposition(cx.words[k]);
    (from..noun)
        .rev()
        .find(|&k| is_preposition(k))
        .or_else(|| (noun + 1..clause.end).find(|&k| is_preposition(k)))
}

/// Whether a speech verb form can be a participle or an infinitive, whose finite
/// verb is an auxiliary or modal ("angekündigt", "geschrieben", "betonen").
fn is_participle_or_infinitive(word: &str) -> bool {
    word.ends_with('t') || word.ends_with("en")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::QuoteLexicon;
    use crate::{Article, Pipeline};

    /// The whole cue of the first `head` word in the one-sentence article `text`:
    /// its words in text order.
    fn cue_at(text: &str, head: &str) -> Vec<String> {
        let analysis = Pipeline::german()
            .unwrap()
            .analyze(Article::from_text("t", text, None));
        let lexicon = QuoteLexicon::german().unwrap();
        let cx = Context::new(&analysis, &lexicon);
        let k = cx.words.iter().position(|w| *w == head).unwrap();
        let words = whole_cue(&cx, k).words();
        words.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn a_particle_at_the_end_of_the_clause_belongs_to_the_cue() {
        let text = "Die Polizei teilte am Abend mit, der Mann sei gefasst.";
        assert_eq!(cue_at(text, "teilte"), ["teilte", "mit"]);
        // "mit" that is no particle, and a verb without one
        let text = "Die Polizei teilte mit den Anwohnern die Sorge, sagte er.";
        assert_eq!(cue_at(text, "teilte"), ["teilte"]);
        assert_eq!(cue_at("Er sagte, sie komme mit.", "sagte"), ["sagte"]);
    }

    #[test]
    fn a_pronominal_adverb_or_sich_in_the_clause_belongs_to_the_cue() {
        let text = "Der Minister äußerte sich am Abend zuversichtlich, die Reform komme.";
        assert_eq!(cue_at(text, "äußerte"), ["äußerte", "sich"]);
        let text = "Die Behörde wies darauf hin, dass die Straße gesperrt bleibe.";
        assert_eq!(cue_at(text, "wies"), ["wies", "darauf", "hin"]);
        let text = "Die Regierung wies den Vorwurf am Montag zurück, sie habe gelogen.";
        assert_eq!(cue_at(text, "wies"), ["wies", "zurück"]);
    }

    #[test]
    fn an_auxiliary_in_the_clause_of_a_participle_belongs_to_the_cue() {
        let text = "Die Regierung hat am Montag angekündigt, die Steuern zu senken.";
        assert_eq!(cue_at(text, "angekündigt"), ["hat", "angekündigt"]);
        let text = "Der Plan sei gescheitert, wie der Minister gesagt hatte.";
        assert_eq!(cue_at(text, "gesagt"), ["wie", "gesagt", "hatte"]);
        // an auxiliary in another clause is not the cue's
        let text = "Er erklärt, die Lage sei ernst.";
        assert_eq!(cue_at(text, "erklärt"), ["erklärt"]);
    }

    #[test]
    fn the_es_of_an_impersonal_cue_and_an_opening_wie_belong_to_it() {
        let text = "Die Schule bleibe geschlossen, hieß es aus dem Rathaus.";
        assert_eq!(cue_at(text, "hieß"), ["hieß", "es"]);
        let text = "Wie Alan Stern, Direktor der Mission, mitteilte, sei die Sonde wohlauf.";
        assert_eq!(cue_at(text, "mitteilte"), ["Wie", "mitteilte"]);
        // the "wie" of a question before the frame is not its cue's
        let text = "Auf die Frage, wie das Gespräch verlaufen sei, sagte Trump: „Gut.“";
        assert_eq!(cue_at(text, "sagte"), ["sagte"]);
    }

    #[test]
    fn a_source_nouns_cue_is_its_preposition() {
        let text = "Nach ersten Angaben der Polizei wurden drei Menschen verletzt.";
        assert_eq!(cue_at(text, "Angaben"), ["Nach"]);
        let text = "Einem Bericht der Zeitung zufolge will der Konzern Stellen streichen.";
        assert_eq!(cue_at(text, "Bericht"), ["zufolge"]);
        // no preposition: the noun stays the cue
        let text = "Die Angaben der Polizei seien falsch, sagte er.";
        assert_eq!(cue_at(text, "Angaben"), ["Angaben"]);
    }
}
