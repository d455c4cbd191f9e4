//! Attribution: the cue, speaker, medium and date around a quotation, read from the
//! tokens of its sentence and the entity layer.

use super::lexicon::{CueKind, QuoteLexicon};
use crate::model::{
    ActorRef, Analysis, BlockKind, DateRef, EntityKind, Span, TimexType, TokenKind, WarningKind,
};

/// An article's tokens with what attribution needs to know about each.
pub struct Context<'a> {
    /// The analysis (tokens, sentences, entities, timexes).
    pub analysis: &'a Analysis,
    /// Each token's text.
    pub words: Vec<&'a str>,
    /// Each token's sentence.
    pub sentence_of: Vec<usize>,
    /// Each token's entity (index into `analysis.entities`), if a mention covers
    /// it that is no guess: what rules and models read, so that guessing better
    /// where a role noun refers needs no retraining.
    pub entity_at: Vec<Option<usize>>,
    /// Each token's entity, if any mention covers it, guessed role nouns included
    /// ("so die SPD-Politikerin"): what a speaker, addressee or medium is tied to.
    pub referent_at: Vec<Option<usize>>,
    /// Each sentence's block (index into `article.blocks`).
    pub block_of: Vec<usize>,
    /// Whether each sentence lies inside a `missing_embed` warning.
    pub flagged: Vec<bool>,
    /// The cue lexicon.
    pub lexicon: &'a QuoteLexicon,
}

impl<'a> Context<'a> {
    /// The context of an analysed article.
    pub fn new(analysis: &'a Analysis, lexicon: &'a QuoteLexicon) -> Context<'a> {
        let text = &analysis.article.text;
        let tokens = &analysis.tokens;
        let words = tokens.iter().map(|t| t.text(text)).collect();
        let mut sentence_of = vec![0; tokens.len()];
        for (s, sentence) in analysis.sentences.iter().enumerate() {
            let range = sentence.first_token..sentence.end_token.min(tokens.len());
            sentence_of[range].iter_mut().for_each(|x| *x = s);
        }
        let entity_at = analysis.token_certain_entities();
        let referent_at = analysis.token_entities();
        let blocks = &analysis.article.blocks;
        let block_of = analysis
            .sentences
            .iter()
            .map(|s| {
                blocks
                    .partition_point(|b| b.span.end <= s.span.start)
                    .min(blocks.len().saturating_sub(1))
            })
            .collect();
        let flagged = analysis
            .sentences
            .iter()
            .map(|s| {
                analysis.article.warnings.iter().any(|w| {
                    w.kind == WarningKind::MissingEmbed
                        && w.span.start <= s.span.start
                        && s.span.end <= w.span.end
                })
            })
            .collect();
        Context {
            analysis,
            words,
            sentence_of,
            entity_at,
            referent_at,
            block_of,
            flagged,
            lexicon,
        }
    }

    /// Whether a time expression starts at token `k`.
    pub fn starts_timex(&self, k: usize) -> bool {
        self.after_timex(k).is_some()
    }

    /// The token after the time expression that starts at token `k`, if one does.
    pub fn after_timex(&self, k: usize) -> Option<usize> {
        let token = self.analysis.tokens.get(k)?;
        let timexes = &self.analysis.timexes;
        let i = timexes
            .binary_search_by_key(&token.span.start, |t| t.span.start)
            .ok()?;
        Some(self.token_after(timexes[i].span.end))
    }

    /// Whether sentence `s` stands in a title or subheading.
    pub fn in_heading(&self, s: usize) -> bool {
        let block = self
            .block_of
            .get(s)
            .and_then(|&b| self.analysis.article.blocks.get(b));
        block.is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Subheading))
    }

    /// The token range of sentence `s`.
    pub fn sentence(&self, s: usize) -> std::ops::Range<usize> {
        self.analysis
            .sentences
            .get(s)
            .map_or(0..0, |x| x.first_token..x.end_token.min(self.words.len()))
    }

    /// The span of tokens `a..b` (`b > a`).
    pub fn span(&self, a: usize, b: usize) -> Span {
        let tokens = &self.analysis.tokens;
        tokens[a].span.to(&tokens[b - 1].span)
    }

    /// The index of the first token that starts at or after character `end`.
    pub fn token_after(&self, end: usize) -> usize {
        self.analysis.tokens.partition_point(|t| t.span.start < end)
    }

    /// Whether token `i` is a speech verb.
    pub fn is_verb_cue(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| self.lexicon.cue(w) == Some(CueKind::Verb))
    }

    /// Whether token `i` is a speech verb whose object is the speaker ("zitierte").
    pub fn is_quoting_verb(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| self.lexicon.is_quoting(w))
    }

    /// The frame of a quotation (tokens `quote`) around its cue `cue`: the stretch of
    /// the cue's sentence up to a comma, colon or semicolon, not into the quotation.
    /// Its medium and the askers and outlets it was said to are named there.
    pub fn frame(&self, cue: usize, quote: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.stretch_around(cue, |k| {
            matches!(self.words[k], "," | ":" | ";") || quote.contains(&k)
        })
    }

    /// The tokens of token `k`'s sentence around it up to the nearest tokens on
    /// either side for which `ends` holds, which are left out.
    pub fn stretch_around(&self, k: usize, ends: impl Fn(usize) -> bool) -> std::ops::Range<usize> {
        let sentence = self.sentence(self.sentence_of[k]);
        let start = (sentence.start..k)
            .rev()
            .find(|&j| ends(j))
            .map_or(sentence.start, |j| j + 1);
        let end = (k + 1..sentence.end)
            .find(|&j| ends(j))
            .unwrap_or(sentence.end);
        start..end
    }

    /// A speaker phrase starting at token `i`: a determiner, then capitalised words
    /// and the determiners of genitives between them ("ein Sprecher des
    /// US-Außenministeriums", "Bundesaußenminister Johann Wadephul", "Trump").
    pub fn speaker_from(&self, i: usize, end: usize) -> Option<ActorRef> {
        if i >= end {
            return None;
        }
        if self.lexicon.is_pronoun(self.words[i]) {
            return Some(self.actor(i, i + 1));
        }
        let mut j = i;
        let determiner = self.lexicon.is_determiner(self.words[j]);
        // A bare capitalised word opening the sentence is as likely a preposition
        // or adverb ("Auf die Frage", "Wer") as a speaker.
        let opens_sentence = self.sentence(self.sentence_of[i]).start == i;
        if opens_sentence && !determiner && self.entity_at[i].is_none() {
            return None;
        }
        if determiner {
            j += 1;
        }
        let mut last_noun = None;
        while j < end && j < i + 8 {
            let w = self.words[j];
            let kind = self.analysis.tokens[j].kind;
            // a named entity is taken whole ("Ursula von der Leyen")
            if let Some(e) = self.entity_at[j] {
                while j < end && self.entity_at[j] == Some(e) {
                    j += 1;
                }
                last_noun = Some(j - 1);
            } else if matches!(kind, TokenKind::Word | TokenKind::Abbreviation)
                && w.starts_with(char::is_uppercase)
                && self.lexicon.cue(w).is_none()
            {
                last_noun = Some(j);
                j += 1;
            } else if last_noun.is_some() && self.lexicon.is_genitive(w) {
                j += 1;
            } else if j > i
                && self.lexicon.is_determiner(self.words[j - 1])
                && w.starts_with(char::is_lowercase)
                && self
                    .words
                    .get(j + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase))
            {
                // an adjective between determiner and noun ("des saudi-arabischen
                // Gesundheitsministeriums")
                j += 1;
            } else {
                break;
            }
        }
        let last = last_noun?;
        Some(self.phrase_actor(i, last + 1))
    }

    /// The speaker before token `cue` in its sentence: a determiner phrase opening
    /// the sentence just before the cue, else the last person or organisation named
    /// there (a capital standing for a government counts), else a phrase at the
    /// start of the sentence.
    pub fn speaker_before(&self, cue: usize) -> Option<ActorRef> {
        let start = self.sentence(self.sentence_of[cue]).start;
        // "Ein Sprecher der Polizei sagte": the subject opens the sentence
        if cue <= start + 6 && self.lexicon.is_determiner(self.words[start]) {
            if let Some(subject) = self.speaker_from(start, cue) {
                return Some(subject);
            }
        }
        let mut j = cue;
        while j > start {
            j -= 1;
            if let Some(e) = self.entity_at[j].filter(|&e| self.can_speak(e)) {
                let mut a = j;
                while a > start && self.entity_at[a - 1] == Some(e) {
                    a -= 1;
                }
                return Some(self.phrase_actor(self.title_start(a, start), j + 1));
            }
        }
        self.speaker_from(start, cue)
    }

    /// The subject phrase that fills a clause from `start` up to its verb `cue`
    /// ("Ein Sprecher sagte …"): German puts one phrase before the finite verb, so a
    /// speaker phrase that reaches the verb is its subject.
    pub fn subject_before(&self, start: usize, cue: usize) -> Option<ActorRef> {
        let subject = self.speaker_from(start, cue)?;
        (self.token_after(subject.span.end) == cue).then_some(subject)
    }

    /// The speaker a quoting verb `cue` names as its object ("zitierte den Minister"),
    /// in tokens up to `end`: the phrase after the verb where a subject comes before
    /// it, else the second phrase after it ("„…“, zitierte die Agentur den Minister").
    pub fn quoted_object(&self, start: usize, cue: usize, end: usize) -> Option<ActorRef> {
        let first = self.speaker_from(cue + 1, end)?;
        if self.subject_before(start, cue).is_some() {
            return Some(first);
        }
        self.speaker_from(self.token_after(first.span.end), end)
    }

    /// The first speaker named in tokens `a..b`.
    pub fn first_speaker(&self, a: usize, b: usize) -> Option<ActorRef> {
        let i = (a..b).find(|&i| self.entity_at[i].is_some_and(|e| self.can_speak(e)))?;
        let e = self.entity_at[i];
        let mut end = i + 1;
        while end < b && self.entity_at[end] == e {
            end += 1;
        }
        Some(self.phrase_actor(self.title_start(i, a), end))
    }

    /// Where the title before a name starts: capitalised words ("Verteidigungsminister
    /// Peter Struck"), adjectives and a determiner before them ("Der stellvertretende
    /// SPD-Fraktionsvorsitzende Michael Müller"), not reaching before `floor`.
    pub(super) fn title_start(&self, name: usize, floor: usize) -> usize {
        let mut a = name;
        while a > floor {
            let w = self.words[a - 1];
            let word = self.analysis.tokens[a - 1].kind == TokenKind::Word;
            let capital =
                word && w.starts_with(char::is_uppercase) && self.entity_at[a - 1].is_none();
            let adjective = word
                && w.starts_with(char::is_lowercase)
                && self.words[a].starts_with(char::is_uppercase)
                && a - 1 > floor
                && self.lexicon.is_determiner(self.words[a - 2]);
            if self.lexicon.is_determiner(w) && a < name {
                return a - 1;
            }
            let title_word = capital && self.lexicon.cue(w).is_none();
            if !(title_word || adjective) {
                break;
            }
            a -= 1;
        }
        // only a title that ends in the name, not a stray capitalised word at the
        // start of the sentence ("Dennoch", "Auch")
        if a == floor && a < name && !self.lexicon.is_determiner(self.words[a]) {
            let opens = self.sentence(self.sentence_of[a]).start == a;
            if opens && name - a == 1 {
                return name;
            }
        }
        a
    }

    /// The person a pronoun at token `pronoun` most likely stands for, with the token
    /// where it is named: the first person named, outside reported words
    /// (`reported`), in the nearest sentence that names one, from the pronoun's own
    /// sentence back to two before it in its block. The first person of a sentence
    /// is mostly its subject ("Bundespräsident Steinmeier rief zu Geduld auf. Frieden
    /// entstehe nicht über Nacht, sagte er."). A person of the other gender than
    /// the pronoun's is passed over ("Merz traf Baerbock. …, sagte sie.").
    pub fn person_before(&self, pronoun: usize, reported: &[bool]) -> Option<(usize, usize)> {
        let gender = self.lexicon.pronoun_gender(self.words[pronoun]);
        let s = self.sentence_of[pronoun];
        let block = self.block_of[s];
        (s.saturating_sub(2)..=s)
            .rev()
            .take_while(|&t| self.block_of[t] == block)
            .find_map(|t| {
                let r = self.sentence(t);
                (r.start..r.end.min(pronoun)).find_map(|k| {
                    let e = self.referent_at[k].filter(|_| !reported[k])?;
                    let entity = &self.analysis.entities[e];
                    (entity.kind == EntityKind::Person && entity.may_be(gender)).then_some((k, e))
                })
            })
    }

    /// Whether the finite verb beside the subject pronoun at token `pronoun` is
    /// plural, so that "sie" means several: German puts it right before or after
    /// the pronoun ("sagten sie", "sie haben … gesagt"). A plural form ends in
    /// "-en", not as a participle in "ge-…-en", or is listed (`plural_finite`:
    /// "sind").
    pub fn has_plural_verb(&self, pronoun: usize) -> bool {
        let beside = [pronoun.checked_sub(1), Some(pronoun + 1)];
        beside.into_iter().flatten().any(|k| {
            let Some(&word) = self.words.get(k) else {
                return false;
            };
            let lower = word.to_lowercase();
            let verb = self.lexicon.is_auxiliary(word) || self.is_verb_cue(k);
            let plural = self.lexicon.is_plural_finite(&lower)
                || (lower.ends_with("en") && !lower.starts_with("ge"));
            verb && plural
        })
    }

    /// The kind of the entity that token `k` certainly mentions, if any.
    pub fn kind_at(&self, k: usize) -> Option<EntityKind> {
        self.entity_at[k]
            .and_then(|e| self.analysis.entities.get(e))
            .map(|e| e.kind)
    }

    /// Whether token `k` is a quotation mark, opening or closing.
    pub fn is_quote_mark(&self, k: usize) -> bool {
        matches!(
            self.analysis.tokens[k].kind,
            TokenKind::OpenQuote | TokenKind::CloseQuote
        )
    }

    /// Whether tokens `r` hold a Konjunktiv form of the lexicon ("sei", "habe").
    pub fn holds_konjunktiv(&self, r: std::ops::Range<usize>) -> bool {
        r.into_iter()
            .any(|k| self.lexicon.is_konjunktiv(self.words[k]))
    }

    fn can_speak(&self, e: usize) -> bool {
        let entity = &self.analysis.entities[e];
        entity.kind != EntityKind::Place || entity.stands_for.is_some()
    }

    /// The actor of tokens `a..b`, tied to the entity of its last mention.
    pub fn actor(&self, a: usize, b: usize) -> ActorRef {
        let span = self.span(a, b);
        let entity = (a..b)
            .rev()
            .find_map(|i| self.referent_at[i])
            .map(|e| self.analysis.entities[e].id.clone());
        ActorRef {
            entity,
            text: span.slice(&self.analysis.article.text).to_string(),
            span,
        }
    }

    /// The actor of a speaker phrase `a..b` the labeller marked ("Gabriela
    /// Schimmer-Göresz, Vorsitzende des ödp-Kreisverbandes Memmingen"): tied to the
    /// first person named in it, else the first organisation, else the first place
    /// standing for a government; a place named only as a seat is not the speaker.
    pub fn phrase_actor(&self, a: usize, b: usize) -> ActorRef {
        let mut actor = self.actor(a, b);
        // a possessor ("Trumps Arzt Sean Conley") is not the phrase's actor while
        // another is named
        let possessor = |i: usize, e: usize| {
            i + 1 < b
                && self.referent_at[i + 1] != Some(e)
                && self.words[i].ends_with('s')
                && !self.analysis.entities[e].name.ends_with('s')
        };
        let all: Vec<(usize, usize)> = (a..b)
            .filter_map(|i| self.referent_at[i].map(|e| (i, e)))
            .collect();
        let owned: Vec<(usize, usize)> = all
            .iter()
            .copied()
            .filter(|&(i, e)| !possessor(i, e))
            .collect();
        let mentions: Vec<usize> = if owned.is_empty() { all } else { owned }
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        let first = |kind: EntityKind| {
            mentions
                .iter()
                .map(|&e| &self.analysis.entities[e])
                .find(|e| e.kind == kind && (kind != EntityKind::Place || e.stands_for.is_some()))
        };
        actor.entity = first(EntityKind::Person)
            .or_else(|| first(EntityKind::Organisation))
            .or_else(|| first(EntityKind::Place))
            .map(|e| e.id.clone());
        actor
    }

    /// Whether tokens `a..b` hold a mention of a person.
    pub fn names_person(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| {
            self.referent_at[i]
                .is_some_and(|e| self.analysis.entities[e].kind == EntityKind::Person)
        })
    }

    /// When a quotation was said: the first date or time named in sentence `s`
    /// outside the quoted words `quoted` ("sagte Merz am Montag", not the "im März"
    /// of "die Wahl finde im März statt", which dates what is said).
    pub fn date_said(&self, s: usize, quoted: Span) -> Option<DateRef> {
        let span = self.analysis.sentences.get(s)?.span;
        let timexes = &self.analysis.timexes;
        let from = timexes.partition_point(|t| t.span.start < span.start);
        let outside = |t: Span| t.end <= quoted.start || t.start >= quoted.end;
        timexes[from..]
            .iter()
            .take_while(|t| t.span.end <= span.end)
            .filter(|t| outside(t.span))
            .find(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .map(|t| DateRef {
                value: t.value.clone(),
                timex: t.id.clone(),
            })
    }
}
