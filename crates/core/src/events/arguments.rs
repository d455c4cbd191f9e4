//! Who did it to whom, where: the source, target and location of one trigger, read
//! from the actor groups of its clause.
//!
//! Verbs: the subject is the first group without a preposition (German puts it
//! before the finite verb or right after it), unless the clause is passive, where
//! the "von/durch" group acts and the subject is acted on. The target is a group
//! after one of the trigger's prepositions, or the next bare group for a verb that
//! takes an object. Nouns take a genitive or "von" after them, a possessor before
//! them ("Putins Angriff"), or the subject of their clause when they are not inside
//! a prepositional phrase themselves.

use super::clauses::{Actor, Group, Tokens};
use super::lexicon::{Trigger, WordClass};

/// How many tokens after an event noun its target phrase may start.
const NOUN_REACH: usize = 5;

/// The arguments found for a trigger.
#[derive(Debug, Clone, Default)]
pub struct Arguments {
    /// Who acts.
    pub source: Vec<Actor>,
    /// To or with whom.
    pub target: Vec<Actor>,
    /// Where.
    pub location: Option<Actor>,
}

impl Arguments {
    /// The source and target actors.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.source.iter().chain(&self.target)
    }

    /// Whether an actor or the place is `entity`.
    pub fn names(&self, entity: Option<usize>) -> bool {
        self.actors()
            .chain(&self.location)
            .any(|a| a.entity == entity)
    }
}

/// The arguments of a verb trigger at token `at`.
pub fn of_verb(
    cx: &Tokens<'_>,
    trigger: &Trigger,
    groups: &[Group],
    passive: bool,
    at: usize,
) -> Arguments {
    let bare = |g: &&Group| g.preposition.is_none() && g.genitive_of.is_none();
    let bare_groups: Vec<&Group> = groups.iter().filter(bare).collect();
    // the subject: the first bare group that is not an object pronoun
    let subject = bare_groups
        .iter()
        .position(|g| !(g.actors.len() == 1 && cx.is(WordClass::ObjectPronoun, g.actors[0].start)));
    let mut args = Arguments::default();
    // the target phrase nearest the verb: in "seit seinem Treffen mit X … mit Y
    // gesprochen" the first "mit" belongs to the noun
    let target_group = groups
        .iter()
        .filter(|g| {
            g.preposition
                .as_ref()
                .is_some_and(|p| trigger.target_prepositions.iter().any(|t| t == p))
        })
        .min_by_key(|g| g.start().abs_diff(at));
    if passive {
        if let Some(agent) = groups.iter().find(|g| {
            g.preposition
                .as_deref()
                .is_some_and(|p| cx.lexicon.is(WordClass::Agent, p))
        }) {
            args.source = agent.actors.clone();
        }
        if let Some(g) = subject
            .map(|s| bare_groups[s])
            .or_else(|| genitive_after(groups, 0))
        {
            args.target = g.actors.clone();
        }
    } else {
        if let Some(s) = subject {
            args.source = bare_groups[s].actors.clone();
        }
        if let Some(g) = target_group {
            args.target = g.actors.clone();
        } else if trigger.object {
            // the object, or the owner of the object: "lehnte die Forderung der SPD ab"
            // the first bare group after the verb ("… und forderte die USA auf"), else
            // the last one before it (verb last: "bevor ihn Selenskyj empfing")
            let others = || {
                bare_groups
                    .iter()
                    .enumerate()
                    .filter(move |&(i, _)| Some(i) != subject)
                    .map(|(_, g)| *g)
            };
            if let Some(g) = subject
                .and_then(|_| {
                    others()
                        .find(|g| g.start() > at)
                        .or_else(|| others().rev().find(|g| g.start() < at))
                })
                .or_else(|| {
                    let after = subject.map_or(0, |s| bare_groups[s].end());
                    genitive_after(groups, after)
                })
            {
                args.target = g.actors.clone();
            }
        }
        if trigger.reciprocal && args.target.is_empty() && args.source.len() > 1 {
            args.target = args.source.split_off(1);
        }
    }
    settle_places(cx, &mut args, groups);
    args
}

/// The first genitive attribute that starts at or after token `from` ("die
/// Vorwürfe Klingbeils", "Stellungen der Hisbollah").
fn genitive_after(groups: &[Group], from: usize) -> Option<&Group> {
    groups
        .iter()
        .find(|g| g.start() >= from && g.genitive_of.is_some_and(|n| n < g.start()))
}

/// The arguments of a noun trigger at token `at`.
pub fn of_noun(
    cx: &Tokens<'_>,
    trigger: &Trigger,
    groups: &[Group],
    clause: &std::ops::Range<usize>,
    at: usize,
) -> Arguments {
    let mut args = Arguments::default();
    // a genitive right after the noun, or a "von"/"durch" phrase: "Besuch des Kanzlers"
    let after = groups.iter().find(|g| {
        g.start() > at
            && g.start() <= at + 3
            && (g.genitive_of == Some(at)
                || (g.start() == at + 1 && g.preposition.is_none())
                || g.preposition
                    .as_deref()
                    .is_some_and(|p| cx.lexicon.is(WordClass::Agent, p)))
    });
    // a possessor right before it: "Putins Angriff", "des russischen Angriffs"
    let before = groups
        .iter()
        .find(|g| g.end() == at || (g.end() + 1 == at && cx.is(WordClass::Determiner, g.end())));
    let possessive = at > 0 && cx.is(WordClass::Possessive, at - 1);
    if let Some(g) = after.or(before) {
        args.source = g.actors.clone();
    } else if possessive {
        // "seit seinem Treffen": the subject's own act
        if let Some(g) = groups
            .iter()
            .find(|g| g.preposition.is_none() && g.genitive_of.is_none())
        {
            args.source = g.actors.clone();
        }
    } else if match in_phrase(cx, at, groups) {
        // "zu einem Besuch", "bei einem Treffen": the subject's own act
        Some(p) => cx.lexicon.is(WordClass::PurposePreposition, p),
        // an object: the subject's act only after a light verb ("hielt ein
        // Gipfeltreffen ab", "kündigte einen Streik an"), not "nannte den Streik …"
        None => clause.clone().any(|i| cx.is(WordClass::LightVerb, i)),
    } {
        if let Some(g) = groups
            .iter()
            .find(|g| g.preposition.is_none() && g.genitive_of.is_none())
        {
            args.source = g.actors.clone();
        }
    }
    // the target phrase follows the noun closely: "Treffen mit X", "ein Gipfel in
    // Alaska mit X"
    if let Some(g) = groups.iter().find(|g| {
        g.start() > at
            && g.start() <= at + NOUN_REACH
            && g.preposition
                .as_ref()
                .is_some_and(|p| trigger.target_prepositions.iter().any(|t| t == p))
    }) {
        if args.source.is_empty() && g.preposition.as_deref() == Some("zwischen") {
            let mut actors = g.actors.clone();
            args.target = actors.split_off(1.min(actors.len()));
            args.source = actors;
        } else {
            args.target = g.actors.clone();
        }
    }
    if args.source.len() > 1 && args.target.is_empty() && trigger.reciprocal {
        args.target = args.source.split_off(1);
    }
    settle_places(cx, &mut args, groups);
    args
}

/// The preposition whose phrase the noun at `at` sits in ("nach dem Angriff"): one
/// before it over at most three determiners and adjectives.
pub fn in_phrase<'a>(cx: &Tokens<'a>, at: usize, groups: &[Group]) -> Option<&'a str> {
    let floor = at.saturating_sub(4);
    let mut i = at;
    while i > floor {
        i -= 1;
        if groups.iter().any(|g| g.start() <= i && i < g.end()) {
            return None;
        }
        if cx.is(WordClass::Preposition, i) {
            return Some(cx.words[i]);
        }
        if !cx.is(WordClass::Determiner, i) && cx.words[i].starts_with(char::is_uppercase) {
            return None;
        }
    }
    None
}

/// Places are where things happen, not who does them: a city as source is dropped,
/// a city as target gives way to its country where the article names it
/// ("griff Odessa an" → Ukraine); either becomes the location if none is known.
fn settle_places(cx: &Tokens<'_>, args: &mut Arguments, groups: &[Group]) {
    let mut places = Vec::new();
    args.source.retain(|a| {
        let keep = !cx.is_mere_place(a);
        if !keep {
            places.push(a.clone());
        }
        keep
    });
    let mut target = Vec::new();
    for a in std::mem::take(&mut args.target) {
        if !cx.is_mere_place(&a) {
            target.push(a);
            continue;
        }
        if let Some(country) = cx.country_of(&a) {
            if !target.iter().any(|t: &Actor| t.entity == Some(country)) {
                target.push(Actor {
                    entity: Some(country),
                    ..a.clone()
                });
            }
        }
        places.push(a);
    }
    args.target = target;
    args.location = location(cx, groups, args).or_else(|| places.into_iter().next());
    // "die Armee", "die Polizei": the state they act for
    let place = args.location.clone();
    for a in args.source.iter_mut().chain(args.target.iter_mut()) {
        if let Some(state) = cx.state_of(a, place.as_ref()) {
            a.entity = Some(state);
        }
    }
}

/// The place where it happened: a place after a location preposition that is
/// neither source nor target.
fn location(cx: &Tokens<'_>, groups: &[Group], args: &Arguments) -> Option<Actor> {
    let used = |a: &Actor| {
        args.source
            .iter()
            .chain(&args.target)
            .any(|b| b.entity == a.entity)
    };
    groups
        .iter()
        .filter(|g| {
            g.preposition
                .as_deref()
                .is_some_and(|p| cx.lexicon.is(WordClass::Location, p))
        })
        .flat_map(|g| &g.actors)
        .find(|a| cx.is_place(a) && !used(a))
        .cloned()
}
