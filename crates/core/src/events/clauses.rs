//! Clauses and the actor groups in them: the units the event stage reads who did
//! what to whom from.
//!
//! A clause is a stretch of a sentence between clause-ending punctuation (a comma
//! between two actors joins them instead: "Macron, Scholz und Tusk"). An actor is an
//! entity mention, a pronoun standing for the last person named, or a country
//! adjective before an actor noun ("russische Truppen"). Actors joined by
//! coordinators form a group; a group has the preposition that heads it, if any.

use super::lexicon::{EventLexicon, WordClass};
use crate::entities::gazetteer::Gazetteer;
use crate::model::{ActorRef, Analysis, BlockKind, EntityKind};

/// One actor in the text: an entity's mention, or a noun that names an actor
/// without a name.
#[derive(Debug, Clone)]
pub struct Actor {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity (index into `analysis.entities`), or none for an actor without a
    /// name ("die Polizei").
    pub entity: Option<usize>,
    /// "beide": the actors of the event before, to be filled in by the stage.
    pub plural: bool,
}

impl Actor {
    /// Whether both name the same actor: the same entity, or the same words.
    pub fn same_as(&self, other: &Actor) -> bool {
        match (self.entity, other.entity) {
            (Some(a), Some(b)) => a == b,
            _ => self.start == other.start && self.end == other.end,
        }
    }
}

/// Actors joined by coordinators, with the preposition that heads them.
#[derive(Debug, Clone)]
pub struct Group {
    /// The actors, in text order.
    pub actors: Vec<Actor>,
    /// The heading preposition as written ("mit"), or none for a bare group.
    pub preposition: Option<String>,
    /// Whether a noun stands right before it, making it a genitive attribute
    /// ("der Besuch des Kanzlers").
    pub genitive_of: Option<usize>,
}

impl Group {
    /// First token of the group's first actor.
    pub fn start(&self) -> usize {
        self.actors.first().map_or(0, |a| a.start)
    }

    /// One past the last token of its last actor.
    pub fn end(&self) -> usize {
        self.actors.last().map_or(0, |a| a.end)
    }
}

/// The tokens of an article with what the event stage needs to know about each.
pub struct Tokens<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// Each token's text.
    pub words: Vec<&'a str>,
    /// Each token's entity (index into `analysis.entities`).
    pub entity_at: Vec<Option<usize>>,
    /// For each token, the last person mentioned before it.
    last_person: Vec<Option<usize>>,
    /// For each token, the last organisation mentioned before it.
    last_organisation: Vec<Option<usize>>,
    /// Each token's quotation (index into `analysis.quotes`), if it lies inside one.
    pub quote_at: Vec<Option<usize>>,
    /// Whether each sentence is a heading (kicker, title, subheading).
    pub heading: Vec<bool>,
    /// The country the article is most about: the country entity named most often
    /// (its capitals and seats counted for it).
    pub home_country: Option<usize>,
    /// The lexicon.
    pub lexicon: &'a EventLexicon,
    gazetteer: &'a Gazetteer,
}

impl<'a> Tokens<'a> {
    /// The tokens of an analysed article (entities must be there).
    pub fn new(
        analysis: &'a Analysis,
        lexicon: &'a EventLexicon,
        gazetteer: &'a Gazetteer,
    ) -> Tokens<'a> {
        let text = &analysis.article.text;
        let tokens = &analysis.tokens;
        let entity_at = analysis.token_entities();
        let last_of = |kind: EntityKind| {
            let mut out = Vec::with_capacity(tokens.len());
            let mut last = None;
            for at in &entity_at {
                out.push(last);
                if let Some(e) = *at {
                    if analysis.entities[e].kind == kind {
                        last = Some(e);
                    }
                }
            }
            out
        };
        let last_person = last_of(EntityKind::Person);
        let last_organisation = last_of(EntityKind::Organisation);
        let mut quote_at = vec![None; tokens.len()];
        for (q, quote) in analysis.quotes.iter().enumerate() {
            if quote.incomplete {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.start < quote.span.start);
            for (slot, t) in quote_at[first..].iter_mut().zip(&tokens[first..]) {
                if t.span.end > quote.span.end {
                    break;
                }
                *slot = Some(q);
            }
        }
        let blocks = &analysis.article.blocks;
        let heading = analysis
            .sentences
            .iter()
            .map(|s| {
                blocks
                    .iter()
                    .find(|b| b.span.start <= s.span.start && s.span.end <= b.span.end)
                    .is_some_and(|b| {
                        matches!(
                            b.kind,
                            BlockKind::Kicker | BlockKind::Title | BlockKind::Subheading
                        )
                    })
            })
            .collect();
        let country_index = |name: &str| analysis.entities.iter().position(|x| x.name == name);
        let mut counts = vec![0usize; analysis.entities.len()];
        for e in &analysis.entities {
            let is_country = e.kind == EntityKind::Place && e.country.as_ref() == Some(&e.name);
            let country = if is_country {
                Some(e.name.as_str())
            } else {
                e.stands_for.as_deref()
            };
            if let Some(c) = country.and_then(country_index) {
                counts[c] += e.mentions.len();
            }
        }
        let home_country = (0..counts.len())
            .filter(|&c| counts[c] > 0)
            .max_by_key(|&c| (counts[c], std::cmp::Reverse(c)));
        Tokens {
            analysis,
            heading,
            home_country,
            words: tokens.iter().map(|t| t.text(text)).collect(),
            entity_at,
            last_person,
            last_organisation,
            quote_at,
            lexicon,
            gazetteer,
        }
    }

    /// Whether token `i` is in word class `class`.
    pub fn is(&self, class: WordClass, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| self.lexicon.is(class, w))
    }

    /// The clauses of sentence `s` as token ranges.
    pub fn clauses(&self, s: usize) -> Vec<std::ops::Range<usize>> {
        let Some(sentence) = self.analysis.sentences.get(s) else {
            return Vec::new();
        };
        let (first, end) = (
            sentence.first_token,
            sentence.end_token.min(self.words.len()),
        );
        let mut out = Vec::new();
        let mut start = first;
        let mut apposition_end = None;
        for i in first..end {
            if apposition_end == Some(i) {
                continue;
            }
            if !self.is(WordClass::ClauseEnd, i) || self.joins_actors(i, end) {
                continue;
            }
            // ", Devendra Fadnavis,": a name between commas belongs to the clause
            if let Some(close) = self.apposition(i, end) {
                apposition_end = Some(close);
                continue;
            }
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
        if end > start {
            out.push(start..end);
        }
        out
    }

    /// The closing comma of an apposition that the comma at `i` opens: one entity's
    /// mention alone between two commas (", Devendra Fadnavis,").
    fn apposition(&self, i: usize, end: usize) -> Option<usize> {
        if self.words[i] != "," || i == 0 {
            return None;
        }
        let entity = self.entity_at.get(i + 1).copied().flatten()?;
        let close = (i + 1..end).find(|&j| self.entity_at[j] != Some(entity))?;
        (self.words[close] == ",").then_some(close)
    }

    /// Whether the comma at `i` lists actors ("Macron, Scholz und Tusk").
    fn joins_actors(&self, i: usize, end: usize) -> bool {
        self.words[i] == ","
            && i > 0
            && self.entity_at[i - 1].is_some()
            && (i + 1..(i + 3).min(end)).any(|j| self.entity_at[j].is_some())
            && (i + 1..end)
                .take_while(|&j| self.entity_at[j].is_none())
                .all(|j| self.is(WordClass::Determiner, j))
    }

    /// The actors in tokens `range`.
    pub fn actors(&self, range: std::ops::Range<usize>) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let actor = |end, entity| Actor {
                start: i,
                end,
                entity,
                plural: false,
            };
            if let Some(e) = self.entity_at[i] {
                let mut end = i + 1;
                while end < range.end && self.entity_at[end] == Some(e) {
                    end += 1;
                }
                if !self.is_possessor(end, range.end) {
                    out.push(actor(end, Some(self.government_of(e))));
                }
                i = end;
                continue;
            }
            if self.is(WordClass::PluralAnaphor, i) {
                out.push(Actor {
                    plural: true,
                    ..actor(i + 1, None)
                });
            } else if self.is(WordClass::Pronoun, i) {
                if let Some(e) = self.last_person[i] {
                    out.push(actor(i + 1, Some(e)));
                }
            } else if i + 1 < range.end
                && (self.is(WordClass::ActorNoun, i + 1) || self.is(WordClass::GenericActor, i + 1))
                && self.entity_at[i + 1].is_none()
            {
                if let Some(name) = self
                    .gazetteer
                    .adjective_country(self.words[i])
                    .map(|c| &self.gazetteer.known()[c].name)
                {
                    // "russische Truppen": the country where the article names it, else
                    // the words themselves ("israelische Armee")
                    let entity = self.analysis.entities.iter().position(|e| &e.name == name);
                    out.push(actor(i + 2, entity));
                    i += 2;
                    continue;
                }
            } else if self.is(WordClass::AnaphoricActor, i)
                && i > range.start
                && self.is(WordClass::Definite, i - 1)
                && self.last_organisation[i].is_some()
            {
                // "die Miliz": the organisation named last
                out.push(actor(i + 1, self.last_organisation[i]));
            } else if self.is(WordClass::GenericActor, i)
                && self.words[i].starts_with(char::is_uppercase)
            {
                out.push(actor(i + 1, None));
            }
            i += 1;
        }
        out
    }

    /// Whether the actor that ends before token `end` is the possessor of the next
    /// one ("Irans Außenminister Abbas Araghtschi"): it ends in a genitive `s` and
    /// at most two nouns stand between them.
    fn is_possessor(&self, end: usize, limit: usize) -> bool {
        end > 0
            && self.words[end - 1].ends_with(['s', '\'', '’'])
            && (end..(end + 3).min(limit))
                .find(|&j| !self.is_plain_noun(j))
                .is_some_and(|j| j > end && self.entity_at[j].is_some())
    }

    /// The entity an entity acts for: the country a capital or seat of government
    /// stands for ("Moskau", "der Kreml" → Russland), where the article names it.
    fn government_of(&self, e: usize) -> usize {
        let entities = &self.analysis.entities;
        entities[e]
            .stands_for
            .as_ref()
            .and_then(|country| entities.iter().position(|x| &x.name == country))
            .unwrap_or(e)
    }

    /// The groups of the actors of `range`.
    pub fn groups(&self, range: std::ops::Range<usize>) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for actor in self.actors(range.clone()) {
            // "die Regierung von Präsident Vučić", "der Regierung in Pristina", "die Miliz
            // M23": the named actor stands for the generic one before it
            if let Some(last) = groups.last_mut() {
                let generic = last.actors.last().filter(|a| a.entity.is_none());
                if let Some(a) = generic.filter(|a| {
                    actor.start >= a.end
                        && actor.start - a.end <= 2
                        && actor.entity.is_some()
                        && (a.end..actor.start)
                            .all(|i| self.is(WordClass::ActorLink, i) || self.is_plain_noun(i))
                }) {
                    let start = a.start;
                    if let Some(slot) = last.actors.last_mut() {
                        *slot = Actor { start, ..actor };
                    }
                    continue;
                }
            }
            if let Some(last) = groups.last_mut() {
                if self.coordinated(last.end(), actor.start) {
                    last.actors.push(actor);
                    continue;
                }
            }
            let (preposition, genitive_of) = self.head_of(actor.start, range.start);
            groups.push(Group {
                actors: vec![actor],
                preposition,
                genitive_of,
            });
        }
        groups
    }

    /// Whether tokens `a..b` join two actors: a coordinator among determiners and
    /// adjectives, at most four tokens.
    fn coordinated(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 4
            && (a..b).any(|i| self.is(WordClass::Coordinator, i))
            && (a..b).all(|i| {
                self.is(WordClass::Coordinator, i)
                    || self.is(WordClass::Determiner, i)
                    || self.is(WordClass::Preposition, i)
                    || self.looks_attributive(i)
            })
    }

    /// The preposition heading an actor that starts at `at`, looking back over
    /// determiners, adjectives and nouns; and the noun it is a genitive of.
    fn head_of(&self, at: usize, floor: usize) -> (Option<String>, Option<usize>) {
        let mut i = at;
        let mut steps = 0;
        while i > floor && steps < 4 {
            i -= 1;
            steps += 1;
            let w = self.words[i];
            if self.is(WordClass::Preposition, i) {
                return (Some(w.to_lowercase()), None);
            }
            if self.is(WordClass::Determiner, i) {
                if self.is(WordClass::Genitive, i)
                    && i > floor
                    && self.is_plain_noun(i - 1)
                    && steps == 1
                {
                    return (self.governing(i - 1, floor), Some(i - 1));
                }
                continue;
            }
            if self.looks_attributive(i) {
                continue;
            }
            break;
        }
        (None, None)
    }

    /// The preposition of the phrase whose head is the noun at `noun`, if the noun
    /// names no event ("mit Vertretern der Ukraine": the owner is spoken with too).
    fn governing(&self, noun: usize, floor: usize) -> Option<String> {
        if self.lexicon.entries(self.words[noun]).is_some() {
            return None;
        }
        let mut j = noun;
        while j > floor && noun - j < 2 {
            j -= 1;
            if self.is(WordClass::Preposition, j) {
                return Some(self.words[j].to_lowercase());
            }
            if !(self.is(WordClass::Determiner, j) || self.looks_attributive(j)) {
                break;
            }
        }
        None
    }

    /// Whether token `i` can stand inside a noun phrase before its head: an
    /// inflected adjective or a capitalised noun that is neither an actor nor a trigger.
    fn looks_attributive(&self, i: usize) -> bool {
        let w = self.words[i];
        if self.entity_at[i].is_some() {
            // a possessor inside the phrase: "zwischen Serbiens Präsidenten …"
            return self.is_possessor(i + 1, self.words.len());
        }
        if self.lexicon.entries(w).is_some() {
            return false;
        }
        if w.starts_with(char::is_uppercase) {
            return self.is_plain_noun(i);
        }
        ["e", "en", "em", "er", "es"]
            .iter()
            .any(|end| w.ends_with(end) && w.chars().count() > 3)
            && !self.is(WordClass::Planned, i)
            && !self.is(WordClass::Passive, i)
    }

    /// Whether token `i` is a capitalised word that is not an actor and not a
    /// function word.
    fn is_plain_noun(&self, i: usize) -> bool {
        let w = self.words[i];
        w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && self.entity_at[i].is_none()
            && !self.is(WordClass::Determiner, i)
            && !self.is(WordClass::Preposition, i)
            && !self.is(WordClass::Pronoun, i)
    }

    /// The actor as the schema writes it.
    pub fn actor_ref(&self, actor: &Actor) -> ActorRef {
        let tokens = &self.analysis.tokens;
        let span = tokens[actor.start].span.to(&tokens[actor.end - 1].span);
        let text = span.slice(&self.analysis.article.text).to_string();
        ActorRef {
            entity: self.entity(actor).map(|e| e.id.clone()),
            text,
            span,
        }
    }

    /// Whether the actor is a place: a place entity.
    pub fn is_place(&self, actor: &Actor) -> bool {
        self.entity(actor)
            .is_some_and(|e| e.kind == EntityKind::Place)
    }

    /// Whether the actor is a place that is no actor: a place that is neither a
    /// country nor a seat of government ("Odessa", "Alaska").
    pub fn is_mere_place(&self, actor: &Actor) -> bool {
        self.entity(actor).is_some_and(|e| {
            e.kind == EntityKind::Place
                && e.stands_for.is_none()
                && e.country.as_ref() != Some(&e.name)
        })
    }

    /// The country entity of a place actor, where the article names that country.
    pub fn country_of(&self, actor: &Actor) -> Option<usize> {
        let country = self.entity(actor)?.country.as_ref()?;
        self.analysis
            .entities
            .iter()
            .position(|x| &x.name == country)
    }

    /// The country a state organ without a name acts for ("die Polizei nahm in Tiflis
    /// … fest" → Georgien): the country of the event's place, else the article's
    /// home country.
    pub fn state_of(&self, organ: &Actor, place: Option<&Actor>) -> Option<usize> {
        // a bare noun: "die israelische Armee" names its state itself
        if organ.entity.is_some()
            || organ.end != organ.start + 1
            || !self.is(WordClass::StateOrgan, organ.start)
        {
            return None;
        }
        place
            .and_then(|p| {
                if self
                    .entity(p)
                    .is_some_and(|e| e.country.as_ref() == Some(&e.name))
                {
                    p.entity
                } else {
                    self.country_of(p)
                }
            })
            .or(self.home_country)
    }

    /// The actor's entity.
    fn entity(&self, actor: &Actor) -> Option<&crate::model::Entity> {
        actor.entity.and_then(|e| self.analysis.entities.get(e))
    }
}
