//! The quote stage's word lists (`data/quotes/cues.tsv`): speech verbs, source words,
//! Konjunktiv forms, determiners and medium prepositions; and how often unlabelled
//! news has each word as a speech verb's subject (`data/quotes/speaker_words.tsv`).

use crate::model::Gender;
use crate::text::LexiconError;
use rustc_hash::{FxHashMap, FxHashSet};

/// What a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb ("sagte").
    Verb,
    /// A source word ("laut", "zufolge", "Angaben", "so").
    Source,
}

/// The cue lexicon.
#[derive(Debug, Clone, Default)]
pub struct QuoteLexicon {
    cues: FxHashMap<String, CueKind>,
    /// Capitalised source nouns, lower-cased, for compounds ("Polizeiangaben").
    source_nouns: Vec<String>,
    konjunktiv: FxHashSet<String>,
    determiners: FxHashSet<String>,
    /// Demonstratives that stand for what the sentence before said ("Das").
    anaphors: FxHashSet<String>,
    media: FxHashSet<String>,
    source_links: FxHashSet<String>,
    source_clauses: FxHashSet<String>,
    pronouns: FxHashMap<String, Gender>,
    plural_finites: FxHashSet<String>,
    source_of: FxHashSet<String>,
    own: FxHashSet<String>,
    datives: FxHashSet<String>,
    /// Prepositions of place ("in Genf").
    place_prepositions: FxHashSet<String>,
    /// Prepositions of whom a medium was shared with ("mit").
    partners: FxHashSet<String>,
    /// Medium nouns that name a publisher one speaks to ("Zeitung"), lower case.
    outlet_nouns: Vec<String>,
    genitives: FxHashSet<String>,
    /// Possessives and quantifiers that never open a genitive ("seine", "alle").
    object_articles: FxHashSet<String>,
    /// Adverbs that stand in a clause, never after a noun in its phrase ("gestern").
    clause_adverbs: FxHashSet<String>,
    /// Particles that focus the phrase after them ("auch", "einzig").
    focus_particles: FxHashSet<String>,
    /// Relative pronouns ("der", "dessen"), lower case.
    relatives: FxHashSet<String>,
    /// Prepositions and conjunctions inside a role apposition ("vom", "und").
    linking: FxHashSet<String>,
    quoting: FxHashSet<String>,
    subordinators: FxHashSet<String>,
    hearsay: FxHashSet<String>,
    /// Per speech verb form, the particles its verbs leave at the clause's end ("teilte"
    /// → "mit"), from the `verb` lines' lemmas and the `particle` lines.
    particles: FxHashMap<String, Vec<String>>,
    auxiliaries: FxHashSet<String>,
    expletives: FxHashSet<String>,
    cue_openers: FxHashSet<String>,
    clause_parts: FxHashSet<String>,
    source_prepositions: FxHashSet<String>,
    question_nouns: FxHashSet<String>,
    /// Lower-cased medium nouns ("interview"), which also end compounds
    /// ("Fernsehinterview", "Bild-Zeitung").
    medium_nouns: Vec<String>,
    /// By lower-cased word: times seen as a speech verb's subject, times seen.
    speaker_words: FxHashMap<String, (u32, u32)>,
}

impl QuoteLexicon {
    /// The lexicon shipped in `crates/core/data/quotes/`: `cues.tsv` and
    /// `speaker_words.tsv`.
    pub fn german() -> Result<QuoteLexicon, LexiconError> {
        let mut lex = QuoteLexicon::german_cues()?;
        lex.read_speaker_words(
            "speaker_words.tsv",
            include_str!("../../data/quotes/speaker_words.tsv"),
        )?;
        Ok(lex)
    }

    /// The cues of `cues.tsv` alone, without the speaker-word counts: what
    /// `depesche train speaker-words` counts them with, so that it never reads the
    /// file it writes.
    pub fn german_cues() -> Result<QuoteLexicon, LexiconError> {
        QuoteLexicon::parse("cues.tsv", include_str!("../../data/quotes/cues.tsv"))
    }

    /// Reads `word<TAB>as_speaker<TAB>seen` lines (made by `depesche train
    /// speaker-words`); `file` names the file in errors.
    pub fn read_speaker_words(
        &mut self,
        file: &'static str,
        text: &str,
    ) -> Result<(), LexiconError> {
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let error = |reason: &str| LexiconError {
                file,
                line: i + 1,
                reason: reason.to_string(),
            };
            let [word, as_speaker, seen] = line.split('\t').collect::<Vec<_>>()[..] else {
                return Err(error("expected 'word<TAB>as_speaker<TAB>seen'"));
            };
            let count = |n: &str| {
                n.parse::<u32>()
                    .map_err(|_| error("counts must be whole numbers"))
            };
            let (as_speaker, seen) = (count(as_speaker)?, count(seen)?);
            if seen < as_speaker {
                return Err(error("a word is seen at least as often as it speaks"));
            }
            self.speaker_words
                .insert(word.to_lowercase(), (as_speaker, seen));
        }
        Ok(())
    }

    /// Reads `kind<TAB>lemma<TAB>form|form …` lines; `file` names the file in errors.
    pub fn parse(file: &'static str, text: &str) -> Result<QuoteLexicon, LexiconError> {
        let mut lex = QuoteLexicon::default();
        // the forms of each verb lemma, for its particles
        let mut lemmas: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let error = |reason: String| LexiconError {
                file,
                line: i + 1,
                reason,
            };
            let [kind, lemma, forms] = cols[..] else {
                return Err(error("expected 'kind<TAB>lemma<TAB>forms'".to_string()));
            };
            let forms = forms.split('|').map(str::trim).filter(|f| !f.is_empty());
            match kind {
                "verb" => {
                    for f in forms {
                        lex.cues.insert(f.to_string(), CueKind::Verb);
                        lemmas.entry(lemma).or_default().push(f);
                    }
                }
                "particle" => {
                    let Some(verb_forms) = lemmas.get(lemma) else {
                        return Err(error(format!(
                            "particle of {lemma:?}, which no verb line above names"
                        )));
                    };
                    for particle in forms {
                        for &form in verb_forms.iter().filter(|f| !f.starts_with(particle)) {
                            lex.particles
                                .entry(form.to_string())
                                .or_default()
                                .push(particle.to_string());
                        }
                    }
                }
                "auxiliary" => lex.auxiliaries.extend(forms.map(str::to_lowercase)),
                "plural_finite" => lex.plural_finites.extend(forms.map(str::to_lowercase)),
                "expletive" => lex.expletives.extend(forms.map(str::to_lowercase)),
                "cue_opener" => lex.cue_openers.extend(forms.map(str::to_lowercase)),
                "clause_part" => lex.clause_parts.extend(forms.map(str::to_lowercase)),
                "question_noun" => lex.question_nouns.extend(forms.map(str::to_string)),
                "medium_noun" => lex.medium_nouns.extend(forms.map(str::to_lowercase)),
                "source_preposition" => {
                    lex.source_prepositions.extend(forms.map(str::to_lowercase))
                }
                "source" => {
                    for f in forms {
                        if f.starts_with(char::is_uppercase) {
                            lex.source_nouns.push(f.to_lowercase());
                        }
                        lex.cues.insert(f.to_string(), CueKind::Source);
                    }
                }
                "konjunktiv" => lex.konjunktiv.extend(forms.map(str::to_string)),
                "determiner" => lex.determiners.extend(forms.map(str::to_lowercase)),
                "anaphor" => lex.anaphors.extend(forms.map(str::to_string)),
                "medium" => lex.media.extend(forms.map(str::to_lowercase)),
                "source_clause" => lex.source_clauses.extend(forms.map(str::to_string)),
                "source_link" => lex.source_links.extend(forms.map(str::to_string)),
                "pronoun" => {
                    let gender = match lemma {
                        "m" => Gender::Male,
                        "f" => Gender::Female,
                        other => {
                            return Err(error(format!(
                                "a pronoun's gender is m or f, not {other:?}"
                            )))
                        }
                    };
                    for f in forms {
                        lex.pronouns.insert(f.to_string(), gender);
                    }
                }
                "source_of" => lex.source_of.extend(forms.map(str::to_string)),
                "own" => lex.own.extend(forms.map(str::to_string)),
                "dative" => lex.datives.extend(forms.map(str::to_string)),
                "place_preposition" => lex.place_prepositions.extend(forms.map(str::to_string)),
                "partner" => lex.partners.extend(forms.map(str::to_string)),
                "outlet_noun" => lex.outlet_nouns.extend(forms.map(str::to_lowercase)),
                "genitive" => lex.genitives.extend(forms.map(str::to_lowercase)),
                "clause_adverb" => lex.clause_adverbs.extend(forms.map(str::to_string)),
                "focus_particle" => lex.focus_particles.extend(forms.map(str::to_string)),
                "object_article" => lex.object_articles.extend(forms.map(str::to_string)),
                "relative" => lex.relatives.extend(forms.map(str::to_string)),
                "linking" => lex.linking.extend(forms.map(str::to_string)),
                "quoting" => lex.quoting.extend(forms.map(str::to_string)),
                "subordinator" => lex.subordinators.extend(forms.map(str::to_lowercase)),
                "hearsay" => lex.hearsay.extend(forms.map(str::to_lowercase)),
                other => return Err(error(format!("unknown kind {other:?}"))),
            }
        }
        Ok(lex)
    }

    /// The cue kind of `word`, matched as written ("Angaben", "sagte"), or a
    /// compound ending in a source noun ("Polizeiangaben").
    pub fn cue(&self, word: &str) -> Option<CueKind> {
        if let Some(&kind) = self.cues.get(word) {
            return Some(kind);
        }
        let mut chars = word.chars();
        let first = chars.next().filter(|c| c.is_uppercase())?;
        if word.len() < 8 {
            return None;
        }
        let compound = if chars.any(char::is_uppercase) {
            let lower = word.to_lowercase();
            self.source_nouns
                .iter()
                .any(|n| lower.len() >= n.len() + 3 && lower.ends_with(n.as_str()))
        } else {
            // lower-cased, only the first letter changes: the noun, 3 bytes shorter
            // than the word at least, lies in the rest as written
            let rest = &word[first.len_utf8()..];
            let lower_len = rest.len() + first.to_lowercase().map(char::len_utf8).sum::<usize>();
            self.source_nouns
                .iter()
                .any(|n| lower_len >= n.len() + 3 && rest.ends_with(n.as_str()))
        };
        compound.then_some(CueKind::Source)
    }

    /// Whether `set` holds `word` lower-cased (without lower-casing a word that has
    /// no capital letter).
    fn holds_lower(set: &FxHashSet<String>, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            set.contains(&word.to_lowercase())
        } else {
            set.contains(word)
        }
    }

    /// The particles a speech verb form leaves at the end of its clause ("mit" for
    /// "teilte", of "teilte … mit"); none for a form that holds its particle
    /// ("mitgeteilt").
    pub fn particles(&self, form: &str) -> &[String] {
        self.particles.get(form).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` (in any case) is an auxiliary or modal verb that is part of the
    /// cue of a participle or infinitive in its clause ("hat … angekündigt").
    pub fn is_auxiliary(&self, word: &str) -> bool {
        Self::holds_lower(&self.auxiliaries, word)
    }

    /// Whether `word` (in any case) is an expletive that belongs to the cue beside it
    /// ("hieß es", "Es wird befürchtet").
    pub fn is_expletive(&self, word: &str) -> bool {
        Self::holds_lower(&self.expletives, word)
    }

    /// Whether `word` (in any case) opens a clause whose speech verb it belongs to as
    /// cue ("wie … mitteilte").
    pub fn is_cue_opener(&self, word: &str) -> bool {
        Self::holds_lower(&self.cue_openers, word)
    }

    /// Whether `word` (in any case) belongs to the cue of a speech verb in its clause:
    /// a pronominal adverb that points to what was said ("verwies darauf, dass …"), the
    /// reflexive pronoun ("äußerte sich").
    pub fn is_clause_part(&self, word: &str) -> bool {
        Self::holds_lower(&self.clause_parts, word)
    }

    /// Whether `word` (in any case) makes a source noun a source and is then its cue
    /// ("nach Angaben von X", "einem Bericht zufolge").
    pub fn is_source_preposition(&self, word: &str) -> bool {
        Self::holds_lower(&self.source_prepositions, word)
    }

    /// Whether `word` (in any case) is a conjunction that opens a subordinate clause
    /// ("Als", "nachdem").
    pub fn is_subordinator(&self, word: &str) -> bool {
        Self::holds_lower(&self.subordinators, word)
    }

    /// Whether `word` is a Konjunktiv form that carries reported speech on ("sei").
    pub fn is_konjunktiv(&self, word: &str) -> bool {
        self.konjunktiv.contains(word)
    }

    /// Whether `word` (in any case) marks its clause as hearsay without a Konjunktiv
    /// ("Er soll … verholfen haben").
    pub fn is_hearsay(&self, word: &str) -> bool {
        Self::holds_lower(&self.hearsay, word)
    }

    /// Whether `word` starts a speaker phrase ("ein", "der").
    pub fn is_determiner(&self, word: &str) -> bool {
        Self::holds_lower(&self.determiners, word)
    }

    /// Whether `word` (as written) opens a sentence that reports the one before it
    /// ("Das sagte X.", "Dies teilte Y mit.").
    pub fn is_anaphor(&self, word: &str) -> bool {
        self.anaphors.contains(word)
    }

    /// Whether `word` makes its clause report a source ("Wie … mitteilte").
    pub fn is_source_clause(&self, word: &str) -> bool {
        self.source_clauses.contains(word)
    }

    /// Whether `word` must precede a capitalised source noun ("nach Angaben").
    pub fn is_source_link(&self, word: &str) -> bool {
        self.source_links.contains(word)
    }

    /// Whether `word` introduces the source after a source noun ("von").
    pub fn is_source_of(&self, word: &str) -> bool {
        self.source_of.contains(word)
    }

    /// Whether `word` makes the sentence's subject the source ("eigenen").
    pub fn is_own(&self, word: &str) -> bool {
        self.own.contains(word)
    }

    /// Whether `word` opens a dative phrase ("dem", "den Journalisten"): after a speech
    /// verb that is whom it was said to, not who said it.
    pub fn is_dative(&self, word: &str) -> bool {
        self.datives.contains(word)
    }

    /// Whether `word` is a preposition of place ("in", "auf"): after a speaker's
    /// name it says where the speaker spoke.
    pub fn is_place_preposition(&self, word: &str) -> bool {
        self.place_prepositions.contains(word)
    }

    /// Whether `word` names whom a medium was shared with ("in einem Interview mit X").
    pub fn is_partner(&self, word: &str) -> bool {
        self.partners.contains(word)
    }

    /// Whether `word` can open a genitive phrase ("des", "einer"), which carries a
    /// speaker phrase on ("ein Sprecher des Ministeriums").
    pub fn is_genitive(&self, word: &str) -> bool {
        Self::holds_lower(&self.genitives, word)
    }

    /// Whether `word` (as written, lower case) is a possessive or quantifier that
    /// cannot open a genitive ("seine", "alle"): after a noun it opens a new phrase, so
    /// a speaker phrase ends before it ("der Präsident seine Position").
    pub fn is_object_article(&self, word: &str) -> bool {
        self.object_articles.contains(word)
    }

    /// Whether `word` (as written, lower case) is an adverb of time or connection
    /// that stands in a clause and never inside a noun phrase after its noun
    /// ("gestern", "bereits"): a speaker phrase ends before it ("das Nobelkomitee
    /// gestern in Oslo").
    pub fn is_clause_adverb(&self, word: &str) -> bool {
        self.clause_adverbs.contains(word)
    }

    /// Whether `word`, in any case, opens the clause before a speaker phrase rather
    /// than the phrase: a focus particle or an adverb of the clause ("Auch der
    /// Sprecher", "Einzig Sony", "Außerdem die Polizei").
    pub fn opens_clause_not_phrase(&self, word: &str) -> bool {
        Self::holds_lower(&self.focus_particles, word)
            || Self::holds_lower(&self.clause_adverbs, word)
    }

    /// Whether `word` (as written) is a relative pronoun ("der", "dessen"): after a
    /// comma it may open a relative clause.
    pub fn is_relative(&self, word: &str) -> bool {
        self.relatives.contains(word)
    }

    /// Whether `word` (as written) joins the words of a role apposition ("vom", "und").
    pub fn is_linking(&self, word: &str) -> bool {
        self.linking.contains(word)
    }

    /// Whether `word` is a speech verb whose object, not its subject, is the
    /// speaker ("Die Zeitung zitierte den Minister mit den Worten: …").
    pub fn is_quoting(&self, word: &str) -> bool {
        self.quoting.contains(word)
    }

    /// Whether `word` is a pronoun that can be a speaker ("er").
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.contains_key(word)
    }

    /// Whether the lower-case `word` is a plural finite verb that does not end in
    /// "-en" ("sind").
    pub fn is_plural_finite(&self, word: &str) -> bool {
        self.plural_finites.contains(word)
    }

    /// The gender of the speaker pronoun `word` ("sie": female).
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        self.pronouns.get(word).copied()
    }

    /// How often unlabelled news has `word` as a speech verb's subject, of all the
    /// times it has it: `high` (a quarter or more: "Sprecher"), `mid` (a tenth or
    /// more), `low`, or `none` where the word is not listed (seen as a subject
    /// too seldom to count).
    pub fn speaker_word(&self, word: &str) -> &'static str {
        match self.speaker_words.get(&word.to_lowercase()) {
            None => "none",
            Some(&(s, n)) if 4 * s >= n => "high",
            Some(&(s, n)) if 10 * s >= n => "mid",
            Some(_) => "low",
        }
    }

    /// The [`QuoteLexicon::speaker_word`] share of the likeliest speaker among the
    /// capitalised `words` of a phrase, or `-` where none is capitalised.
    pub fn likeliest_speaker_word<'w>(
        &self,
        words: impl IntoIterator<Item = &'w str>,
    ) -> &'static str {
        const ORDER: [&str; 4] = ["none", "low", "mid", "high"];
        words
            .into_iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| self.speaker_word(w))
            .max_by_key(|b| ORDER.iter().position(|x| x == b))
            .unwrap_or("-")
    }

    /// Whether `word` is a noun that names a medium ("Interview", "Zeitung"), also as
    /// the end of a compound ("Pressemitteilung", "ZDF-Interview").
    pub fn is_medium_noun(&self, word: &str) -> bool {
        Self::ends_in_noun(&self.medium_nouns, word)
    }

    /// Whether `word` is a medium noun that names a publisher one speaks to
    /// ("Zeitung", "Nachrichtenagentur", "Tageszeitung"), not a document or event
    /// ("Mitteilung", "Interview").
    pub fn is_outlet_noun(&self, word: &str) -> bool {
        Self::ends_in_noun(&self.outlet_nouns, word)
    }

    /// Whether capitalised `word` is one of the lower-case `nouns` or a compound
    /// ending in one.
    fn ends_in_noun(nouns: &[String], word: &str) -> bool {
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        let lower = word.to_lowercase();
        nouns
            .iter()
            .any(|n| lower == *n || (lower.len() >= n.len() + 3 && lower.ends_with(n.as_str())))
    }

    /// Whether `word` is a noun of asking whose "von" phrase names whom a quotation
    /// answers ("auf Nachfrage von Journalisten").
    pub fn is_question_noun(&self, word: &str) -> bool {
        self.question_nouns.contains(word)
    }

    /// Whether `word` introduces a medium ("auf").
    pub fn is_medium_word(&self, word: &str) -> bool {
        Self::holds_lower(&self.media, word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_belong_to_the_forms_that_leave_them() {
        let lex = QuoteLexicon::parse(
            "t",
            "verb\tmitteilen\tteilte|mitgeteilt\nparticle\tmitteilen\tmit\nauxiliary\t-\that\n",
        )
        .unwrap();
        assert_eq!(lex.particles("teilte"), ["mit"]);
        assert!(lex.particles("mitgeteilt").is_empty() && lex.particles("sagte").is_empty());
        assert!(lex.is_auxiliary("Hat") && !lex.is_auxiliary("teilte"));
        let e = QuoteLexicon::parse("t", "particle\tmitteilen\tmit\n").unwrap_err();
        assert!(e.to_string().contains("no verb line"), "{e}");
    }

    #[test]
    fn reads_kinds_and_rejects_unknown_ones() {
        let lex = QuoteLexicon::parse(
            "t",
            "verb\tsagen\tsagte|sagt\nsource\tlaut\tlaut|Angaben\nkonjunktiv\tsein\tsei\ndeterminer\t-\tder\n\
             genitive\t-\tdes\nanaphor\t-\tDas\nrelative\t-\tder|dessen\nlinking\t-\tvom\nquoting\tzitieren\tzitierte\n",
        )
        .unwrap();
        assert!(lex.is_genitive("Des") && !lex.is_genitive("den"));
        assert!(lex.is_anaphor("Das") && !lex.is_anaphor("das"));
        assert!(lex.is_relative("dessen") && !lex.is_relative("Der"));
        assert!(lex.is_linking("vom") && !lex.is_linking("kürzlich"));
        assert!(lex.is_quoting("zitierte") && !lex.is_quoting("sagte"));
        assert_eq!(lex.cue("sagte"), Some(CueKind::Verb));
        assert_eq!(lex.cue("laut"), Some(CueKind::Source));
        assert_eq!(lex.cue("Polizeiangaben"), Some(CueKind::Source));
        assert_eq!(lex.cue("Haus"), None);
        assert!(lex.is_konjunktiv("sei") && lex.is_determiner("Der"));
        let mut lex = lex;
        lex.read_speaker_words("s", "# c\nsprecher\t5\t10\nzeit\t3\t300\n")
            .unwrap();
        assert_eq!(lex.speaker_word("Sprecher"), "high");
        assert_eq!(lex.speaker_word("Zeit"), "low");
        assert_eq!(lex.speaker_word("Haus"), "none");
        assert_eq!(
            lex.likeliest_speaker_word(["Die", "Zeit", "Sprecher"]),
            "high"
        );
        assert_eq!(lex.likeliest_speaker_word(["der", "Zeit"]), "low");
        assert_eq!(lex.likeliest_speaker_word(["er"]), "-");
        let e = lex.read_speaker_words("s", "a\t1\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(lex.read_speaker_words("s", "a\t3\t2\n").is_err());
        assert_eq!(
            QuoteLexicon::parse("t", "# x\nnoun\ta\tb\n")
                .unwrap_err()
                .line,
            2
        );
    }
}
