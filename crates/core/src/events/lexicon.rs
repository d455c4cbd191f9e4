//! The event stage's data: triggers (`data/events/triggers.tsv`) and the function
//! words it reads arguments and modality with (`data/events/grammar.tsv`).

use crate::model::EventType;
use crate::text::LexiconError;
use rustc_hash::{FxHashMap, FxHashSet};

/// One way a word can name an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// The PLOVER type.
    pub kind: EventType,
    /// The PLOVER mode, if the trigger alone tells it.
    pub mode: Option<String>,
    /// Whether the trigger is a noun (else a verb).
    pub noun: bool,
    /// The particle a separable verb needs later in its clause ("ab").
    pub particle: Option<String>,
    /// Prepositions that mark the target ("mit").
    pub target_prepositions: Vec<String>,
    /// Whether a bare actor other than the subject is the target.
    pub object: bool,
    /// Whether a coordinated subject splits into source and target.
    pub reciprocal: bool,
    /// Whether the trigger counts only where a target is found.
    pub needs_target: bool,
}

/// What a matched word is: its trigger entries, and whether the form is a participle.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// The triggers, those with a particle first.
    pub triggers: Vec<Trigger>,
    /// Whether the form is a past participle.
    pub participle: bool,
}

/// Function-word classes of `grammar.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// "nicht", "kein".
    Negation,
    /// "nur" after "nicht".
    NotNegation,
    /// "soll", "geplant".
    Planned,
    /// "wird": planned unless the trigger is a participle.
    Future,
    /// "könnte", "falls".
    Hypothetical,
    /// Forms of "werden" that make a participle clause passive.
    Passive,
    /// "von", "durch".
    Agent,
    /// "in", "bei".
    Location,
    /// Any preposition that can head an actor's phrase.
    Preposition,
    /// "und", "sowie".
    Coordinator,
    /// "der", "seinem": may stand between a preposition and its actor.
    Determiner,
    /// "er", "sie".
    Pronoun,
    /// "Truppen", "Regierung": a country adjective before one makes the country an actor.
    ActorNoun,
    /// Punctuation that ends a clause.
    ClauseEnd,
    /// "Polizei", "Demonstranten": an actor without a name.
    GenericActor,
    /// "zu", "bei": an event noun after one is the subject's own act.
    PurposePreposition,
    /// Event types (by name) whose verb takes an event noun as its content.
    ContentType,
    /// "von", "in", "des": a named actor after one stands for a generic actor before it.
    ActorLink,
    /// "ihn", "ihm": pronouns that cannot be a subject.
    ObjectPronoun,
    /// "des", "der": a determiner that can open a genitive attribute.
    Genitive,
    /// "sein", "ihrem": a possessive before an event noun makes the subject its actor.
    Possessive,
    /// "Armee", "Polizei": a generic actor that acts for a state.
    StateOrgan,
    /// Event types (by name) whose missing target is the country of their place.
    PlaceTargetType,
    /// "beide": the actors of the event before.
    PluralAnaphor,
    /// "führte", "hielt": a verb whose object event noun is the subject's own act.
    LightVerb,
    /// "zu": a trigger after it may be the content of a demand.
    Infinitive,
    /// "Miliz": after a definite article, the last organisation named.
    AnaphoricActor,
    /// "der", "die".
    Definite,
}

impl WordClass {
    fn parse(name: &str) -> Option<WordClass> {
        Some(match name {
            "negation" => WordClass::Negation,
            "not-negation" => WordClass::NotNegation,
            "planned" => WordClass::Planned,
            "future" => WordClass::Future,
            "hypothetical" => WordClass::Hypothetical,
            "passive" => WordClass::Passive,
            "agent" => WordClass::Agent,
            "location" => WordClass::Location,
            "preposition" => WordClass::Preposition,
            "coordinator" => WordClass::Coordinator,
            "determiner" => WordClass::Determiner,
            "pronoun" => WordClass::Pronoun,
            "actor-noun" => WordClass::ActorNoun,
            "clause-end" => WordClass::ClauseEnd,
            "generic-actor" => WordClass::GenericActor,
            "purpose-preposition" => WordClass::PurposePreposition,
            "content-type" => WordClass::ContentType,
            "actor-link" => WordClass::ActorLink,
            "object-pronoun" => WordClass::ObjectPronoun,
            "anaphoric-actor" => WordClass::AnaphoricActor,
            "definite" => WordClass::Definite,
            "infinitive" => WordClass::Infinitive,
            "light-verb" => WordClass::LightVerb,
            "plural-anaphor" => WordClass::PluralAnaphor,
            "state-organ" => WordClass::StateOrgan,
            "place-target-type" => WordClass::PlaceTargetType,
            "genitive" => WordClass::Genitive,
            "possessive" => WordClass::Possessive,
            _ => return None,
        })
    }
}

/// The event lexicon.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    forms: FxHashMap<String, Entries>,
    /// Lower-cased noun forms, for compounds: tail → the form as listed.
    noun_tails: FxHashMap<String, String>,
    classes: FxHashMap<WordClass, FxHashSet<String>>,
    modes: FxHashMap<String, Vec<(EventType, String)>>,
    answers: FxHashMap<(EventType, Option<String>), Vec<EventType>>,
}

impl EventLexicon {
    /// The lexicon shipped in `crates/core/data/events/`.
    pub fn german() -> Result<EventLexicon, LexiconError> {
        let mut lex = EventLexicon::default();
        lex.read_triggers(
            "triggers.tsv",
            include_str!("../../data/events/triggers.tsv"),
        )?;
        lex.read_grammar("grammar.tsv", include_str!("../../data/events/grammar.tsv"))?;
        Ok(lex)
    }

    /// Reads `kind<TAB>TYPE<TAB>mode<TAB>forms<TAB>options` lines.
    pub fn read_triggers(&mut self, file: &'static str, text: &str) -> Result<(), LexiconError> {
        for (i, line) in content_lines(text) {
            let error = |reason: String| LexiconError {
                file,
                line: i + 1,
                reason,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, type_name, mode, forms, options] = cols[..] else {
                return Err(error(
                    "expected 'kind<TAB>TYPE<TAB>mode<TAB>forms<TAB>options'".to_string(),
                ));
            };
            let noun = match kind {
                "noun" => true,
                "verb" => false,
                other => return Err(error(format!("unknown kind {other:?}"))),
            };
            let event_type = EventType::parse(type_name)
                .ok_or_else(|| error(format!("unknown event type {type_name:?}")))?;
            let mut trigger = Trigger {
                kind: event_type,
                mode: (mode != "-").then(|| mode.to_string()),
                noun,
                particle: None,
                target_prepositions: Vec::new(),
                object: false,
                reciprocal: false,
                needs_target: false,
            };
            for option in options.split(',').filter(|o| *o != "-" && !o.is_empty()) {
                match option.split_once('=') {
                    Some(("particle", p)) => trigger.particle = Some(p.to_string()),
                    Some(("to", ps)) => trigger
                        .target_prepositions
                        .extend(ps.split('|').map(str::to_string)),
                    None if option == "object" => trigger.object = true,
                    None if option == "recip" => trigger.reciprocal = true,
                    None if option == "needs-target" => trigger.needs_target = true,
                    _ => return Err(error(format!("unknown option {option:?}"))),
                }
            }
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let (participle, form) = match form.strip_prefix('~') {
                    Some(f) => (true, f),
                    None => (false, form),
                };
                let entries = self.forms.entry(form.to_string()).or_default();
                entries.participle |= participle;
                if !entries.triggers.contains(&trigger) {
                    entries.triggers.push(trigger.clone());
                    entries.triggers.sort_by_key(|t| t.particle.is_none());
                }
                if noun && form.chars().count() >= 4 {
                    self.noun_tails
                        .insert(form.to_lowercase(), form.to_string());
                }
            }
        }
        Ok(())
    }

    /// Reads `class<TAB>words` and `mode<TAB>TYPE<TAB>mode<TAB>words` lines.
    pub fn read_grammar(&mut self, file: &'static str, text: &str) -> Result<(), LexiconError> {
        for (i, line) in content_lines(text) {
            let error = |reason: String| LexiconError {
                file,
                line: i + 1,
                reason,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let words = |list: &str| -> Vec<String> {
                list.split('|')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            match cols[..] {
                ["mode", type_name, mode, list] => {
                    let event_type = EventType::parse(type_name)
                        .ok_or_else(|| error(format!("unknown event type {type_name:?}")))?;
                    for w in words(list) {
                        self.modes
                            .entry(w)
                            .or_default()
                            .push((event_type, mode.to_string()));
                    }
                }
                ["answers", type_name, list] => {
                    let parse = |name: &str| {
                        EventType::parse(name)
                            .ok_or_else(|| error(format!("unknown event type {name:?}")))
                    };
                    let answered = words(list)
                        .iter()
                        .map(|w| parse(w))
                        .collect::<Result<Vec<_>, _>>()?;
                    let (type_name, mode) = match type_name.split_once('/') {
                        Some((t, m)) => (t, Some(m.to_string())),
                        None => (type_name, None),
                    };
                    self.answers.insert((parse(type_name)?, mode), answered);
                }
                [class, list] => {
                    let class = WordClass::parse(class)
                        .ok_or_else(|| error(format!("unknown word class {class:?}")))?;
                    self.classes.entry(class).or_default().extend(words(list));
                }
                _ => return Err(error("expected 'class<TAB>words'".to_string())),
            }
        }
        Ok(())
    }

    /// The trigger entries of `word`: as written, or as the last part of a compound noun.
    pub fn entries(&self, word: &str) -> Option<&Entries> {
        if let Some(e) = self.forms.get(word) {
            return Some(e);
        }
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        let lower = word.to_lowercase();
        let tail_start = lower.rfind('-').map_or(0, |h| h + 1);
        // the longest listed tail that leaves a first part of three letters or a hyphen
        lower
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i == tail_start || (i >= 3 && i > tail_start))
            .find_map(|i| self.noun_tails.get(&lower[i..]))
            .and_then(|form| self.forms.get(form))
            .filter(|e| e.triggers.iter().any(|t| t.noun))
    }

    /// Whether `word` is in `class`, as written or in lower case (a function word
    /// that opens a sentence: "In Belgrad …").
    pub fn is(&self, class: WordClass, word: &str) -> bool {
        self.classes.get(&class).is_some_and(|s| {
            s.contains(word)
                || (word.starts_with(char::is_uppercase) && s.contains(&word.to_lowercase()))
        })
    }

    /// The event types an event of type `kind` and mode `mode` without a target may
    /// answer, the most likely first.
    pub fn answered_by(&self, kind: EventType, mode: Option<&str>) -> &[EventType] {
        self.answers
            .get(&(kind, mode.map(str::to_string)))
            .or_else(|| self.answers.get(&(kind, None)))
            .map_or(&[], Vec::as_slice)
    }

    /// The mode `word` gives an event of type `kind`, if any.
    pub fn mode_of(&self, kind: EventType, word: &str) -> Option<&str> {
        self.modes
            .get(word)?
            .iter()
            .find(|(t, _)| *t == kind)
            .map(|(_, m)| m.as_str())
    }
}

/// The lines of a data file that are neither comments nor blank, with their index.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_triggers_compounds_and_classes() {
        let lex = EventLexicon::german().unwrap();
        let traf = lex.entries("traf").unwrap();
        assert_eq!(traf.triggers[0].particle.as_deref(), Some("ein"));
        assert!(lex.entries("getroffen").unwrap().participle);
        let gipfel = lex.entries("Alaska-Gipfel").unwrap();
        assert_eq!(gipfel.triggers[0].kind, EventType::Consult);
        let air = lex.entries("Drohnenangriffen").unwrap();
        assert_eq!(air.triggers[0].mode.as_deref(), Some("air"));
        assert!(lex.entries("Haus").is_none());
        assert!(lex.is(WordClass::Negation, "nicht"));
        assert_eq!(lex.mode_of(EventType::Aid, "Panzer"), Some("military"));
    }

    #[test]
    fn rejects_unknown_types_and_options() {
        let mut lex = EventLexicon::default();
        let e = lex
            .read_triggers("t", "# c\nverb\tMEET\t-\ttraf\t-\n")
            .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(lex
            .read_triggers("t", "verb\tCONSULT\t-\ttraf\tsideways\n")
            .is_err());
        assert!(lex.read_grammar("t", "nonsense\tx\n").is_err());
    }
}
