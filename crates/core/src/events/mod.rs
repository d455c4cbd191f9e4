//! Stage 6, **events**: PLOVER-coded events with actors, place, date, negation and
//! who merely claims them.
//!
//! Each clause of each sentence is searched for triggers ([`lexicon`], data in
//! `data/events/`): verbs, separable verbs whose particle closes the clause ("lehnte
//! … ab"), and nouns, also as the end of a compound ("Alaska-Gipfel"). The clause's
//! actor groups ([`clauses`]) give the source, target and place ([`arguments`]); its
//! function words give negation, plans and conditions, and a quotation around the
//! trigger makes the event claimed by its speaker ([`modality`]). Mentions of one
//! happening are then merged into one event ([`merge`]). A trigger with no actor at
//! all is kept only as a further mention of an event found before.

pub mod arguments;
pub mod clauses;
pub mod lexicon;
pub mod merge;
pub mod modality;

use crate::entities::gazetteer::Gazetteer;
use crate::model::{Analysis, Cue, DateRef, EntityKind, Event, EventType, TimexType};
use crate::pipeline::Stage;
use crate::text::LexiconError;
use arguments::Arguments;
use clauses::{Group, Tokens};
use lexicon::{EventLexicon, Trigger, WordClass};
use std::ops::Range;
use std::sync::Arc;

/// The event stage: fills `Analysis::events`.
pub struct EventTagger {
    lexicon: EventLexicon,
    gazetteer: Arc<Gazetteer>,
}

/// A word of a clause that names an event, with the entry that matched it.
#[derive(Clone, Copy)]
struct ClauseTrigger<'l> {
    /// Its token.
    at: usize,
    /// The entry that matched (its particle, if any, closes the clause).
    trigger: &'l Trigger,
    /// All entries of its word form.
    entries: &'l lexicon::Entries,
}

/// A clause with its actor groups and triggers, read once for all its triggers.
struct ClauseView<'l> {
    /// Its tokens.
    range: Range<usize>,
    /// Its actor groups.
    groups: Vec<Group>,
    /// Its triggers, in text order.
    triggers: Vec<ClauseTrigger<'l>>,
}

/// One trigger with what was read around it, before mentions are merged.
#[derive(Debug, Clone)]
pub struct Found {
    /// The trigger entry that matched.
    pub trigger: Trigger,
    /// The trigger's token.
    pub at: usize,
    /// Its sentence.
    pub sentence: usize,
    /// Source, target, location.
    pub args: Arguments,
    /// The mode: a mode word of the clause, else the trigger's.
    pub mode: Option<String>,
    /// The time expression (index into `analysis.timexes`) of its clause.
    pub timex: Option<usize>,
    /// Negation, plans, conditions and claims.
    pub modality: modality::Modality,
    /// Further mentions (token indices) merged into this one.
    pub mentions: Vec<usize>,
    /// For a demand, rejection or criticism: the type of the event noun it takes as
    /// its content ("kritisierte die Reise" → CONSULT), which tells what it answers.
    pub content: Option<EventType>,
}

impl EventTagger {
    /// The stage with the lexicons shipped in `data/events/`, sharing the entity
    /// stage's gazetteer (for country adjectives).
    pub fn german(gazetteer: Arc<Gazetteer>) -> Result<EventTagger, LexiconError> {
        Ok(EventTagger {
            lexicon: EventLexicon::german()?,
            gazetteer,
        })
    }

    /// The events of an analysed text (entities, timexes and quotes must be there).
    pub fn tag(&self, analysis: &Analysis) -> Vec<Event> {
        let cx = Tokens::new(analysis, &self.lexicon, &self.gazetteer);
        let mut found = Vec::new();
        for s in 0..analysis.sentences.len() {
            let clauses = cx.clauses(s);
            let mut previous_subject: Option<Group> = None;
            let mut demand_before = false;
            for clause in clauses {
                let groups = cx.groups(clause.clone());
                let mut demand_here = false;
                // "forderte X auf, die Lieferung … zu stoppen": the clause is what is
                // demanded, and holds no event of its own
                let demanded =
                    demand_before && clause.clone().any(|i| cx.is(WordClass::Infinitive, i));
                let triggers = clause
                    .clone()
                    .filter_map(|at| {
                        let (trigger, entries) = self.trigger_at(&cx, &clause, at)?;
                        Some(ClauseTrigger {
                            at,
                            trigger,
                            entries,
                        })
                    })
                    .collect();
                let view = ClauseView {
                    range: clause.clone(),
                    groups,
                    triggers,
                };
                for t in &view.triggers {
                    let Some(f) = self.read(&cx, s, &view, t, &previous_subject) else {
                        continue;
                    };
                    let content = cx.lexicon.is(WordClass::ContentType, f.trigger.kind.name());
                    demand_here |= content && !f.trigger.noun;
                    if demanded {
                        continue;
                    }
                    let f = resolve_plural(f, found.last());
                    found.push(f);
                }
                demand_before = demand_here;
                if let Some(g) = view
                    .groups
                    .iter()
                    .find(|g| g.preposition.is_none() && g.genitive_of.is_none())
                {
                    previous_subject = Some(g.clone());
                }
            }
        }
        let mut merged = merge::merge(&cx, found);
        self.answer(&mut merged);
        merged
            .into_iter()
            .enumerate()
            .map(|(i, f)| self.event(&cx, i, f))
            .collect()
    }

    /// The event that `found`, a trigger of the clause `view`, names, if it has its
    /// arguments.
    fn read(
        &self,
        cx: &Tokens<'_>,
        sentence: usize,
        view: &ClauseView<'_>,
        found: &ClauseTrigger<'_>,
        previous_subject: &Option<Group>,
    ) -> Option<Found> {
        let (clause, groups, triggers) = (&view.range, &view.groups[..], &view.triggers[..]);
        let ClauseTrigger {
            at,
            trigger,
            entries,
        } = *found;
        if cx.entity_at[at].is_some() {
            return None;
        }
        let noun = trigger.noun;
        let takes_content = |t: &Trigger| cx.lexicon.is(WordClass::ContentType, t.kind.name());
        if noun
            && arguments::in_phrase(cx, at, groups).is_none()
            && triggers
                .iter()
                .any(|c| !c.trigger.noun && takes_content(c.trigger))
        {
            // "forderte die Lieferung", "wies die Vorwürfe zurück": the noun is what is
            // demanded or rejected, not an event of its own
            return None;
        }
        let content = (!noun && takes_content(trigger))
            .then(|| {
                triggers
                    .iter()
                    .find(|c| {
                        c.at != at
                            && c.trigger.noun
                            && arguments::in_phrase(cx, c.at, groups).is_none()
                    })
                    .map(|c| c.trigger.kind)
            })
            .flatten();
        let passive = entries.participle && clause.clone().any(|i| cx.is(WordClass::Passive, i));
        let mut args = if noun {
            arguments::of_noun(cx, trigger, groups, clause, at)
        } else {
            arguments::of_verb(cx, trigger, groups, passive, at)
        };
        if noun && args.source.is_empty() {
            self.compound_actor(cx, at, &mut args);
        }
        if !noun && at > clause.start && cx.is(WordClass::Infinitive, at - 1) {
            // "Baerbock kündigte an, Kiew zu besuchen": a zu-infinitive has no subject of
            // its own; the one before acts, and the bare group is its object
            if let Some(g) = previous_subject {
                let object = std::mem::replace(&mut args.source, g.actors.clone());
                if args.target.is_empty() && trigger.object {
                    args.target = object;
                }
            }
        }
        if !noun && !passive && args.source.is_empty() {
            // "…, und vereinbarte …": a clause without a subject shares the one before
            if let Some(g) = previous_subject {
                args.source = g.actors.clone();
            }
        }
        // "Pistorius traf …, bevor ihn Selenskyj empfing": an object pronoun stands
        // for the subject of the clause before
        if let Some(subject) = previous_subject.as_ref().and_then(|g| g.actors.first()) {
            for t in &mut args.target {
                if cx.is(WordClass::ObjectPronoun, t.start) {
                    t.entity = subject.entity;
                }
            }
        }
        args.target
            .retain(|t| !args.source.iter().any(|s| s.same_as(t)));
        if args.target.is_empty()
            && cx
                .lexicon
                .is(WordClass::PlaceTargetType, trigger.kind.name())
        {
            // "griff ein Treibstofflager in Belgorod an": the country of the place
            if let Some(country) = args.location.as_ref().and_then(|l| cx.country_of(l)) {
                if !args.source.iter().any(|a| a.entity == Some(country)) {
                    if let Some(place) = args.location.clone() {
                        args.target.push(clauses::Actor {
                            entity: Some(country),
                            ..place
                        });
                    }
                }
            }
        }
        if trigger.needs_target && args.target.is_empty() {
            return None;
        }
        let mode = clause
            .clone()
            .find_map(|i| self.lexicon.mode_of(trigger.kind, cx.words[i]))
            .map(str::to_string)
            .or_else(|| trigger.mode.clone());
        let timex = date_of(cx, clause);
        let modality = modality::read(cx, trigger, entries.participle, clause, at, timex);
        Some(Found {
            trigger: trigger.clone(),
            at,
            sentence,
            args,
            mode,
            timex,
            modality,
            mentions: Vec::new(),
            content,
        })
    }

    /// A rejection, criticism or endorsement without a target answers what was
    /// last asked, alleged or done: its target is the source of the last event of
    /// a type it answers (`answers` in grammar.tsv) in the three sentences up to it,
    /// from another source.
    fn answer(&self, events: &mut [Found]) {
        for i in 0..events.len() {
            let e = &events[i];
            let answers = self.lexicon.answered_by(e.trigger.kind, e.mode.as_deref());
            if answers.is_empty() || !e.args.target.is_empty() {
                continue;
            }
            let source: Vec<Option<usize>> = e.args.source.iter().map(|a| a.entity).collect();
            let window: Vec<&Found> = events[..i]
                .iter()
                .rev()
                // an answer that names what it answers ("die Forderung") may reach
                // further back than one that does not
                .take_while(|p| p.sentence + if e.content.is_some() { 8 } else { 4 } > e.sentence)
                .filter(|p| {
                    !p.args.source.is_empty()
                        && p.args.source.iter().all(|a| !source.contains(&a.entity))
                })
                .collect();
            // what was aimed at this source is answered first ("Klingbeil warf der AfD
            // vor … Die AfD wies die Vorwürfe zurück"), else the likeliest type
            let aimed_at_source = |p: &&&Found| {
                p.args
                    .target
                    .iter()
                    .any(|t| t.entity.is_some() && source.contains(&t.entity))
            };
            let of_kind = |kind: EventType| window.iter().filter(move |p| p.trigger.kind == kind);
            let answered = e
                .content
                .and_then(|kind| {
                    of_kind(kind)
                        .find(aimed_at_source)
                        .or_else(|| of_kind(kind).next())
                })
                .or_else(|| {
                    answers
                        .iter()
                        .find_map(|&kind| of_kind(kind).find(aimed_at_source))
                })
                .or_else(|| answers.iter().find_map(|&kind| of_kind(kind).next()))
                .map(|p| p.args.source.clone());
            if let Some(target) = answered {
                events[i].args.target = target;
            }
        }
    }

    /// "Nato-Gipfel", "Ukraine-Reise", "Alaska-Gipfel": a compound whose first part
    /// names an actor of the article makes an organisation its source, a country its
    /// target and a place its location.
    fn compound_actor(&self, cx: &Tokens<'_>, at: usize, args: &mut Arguments) {
        let Some((head, _)) = cx.words[at].split_once('-') else {
            return;
        };
        let name = match self.gazetteer.longest_name(&[head], 0) {
            Some((_, known)) => self.gazetteer.known()[known].name.as_str(),
            None => head,
        };
        let Some(entity) = cx.analysis.entities.iter().position(|e| e.name == name) else {
            return;
        };
        let actor = clauses::Actor {
            start: at,
            end: at + 1,
            entity: Some(entity),
            plural: false,
        };
        // an organisation holds its summit or imposes its sanctions ("Nato-Gipfel",
        // "EU-Sanktionen"); a country is where a trip goes or what sanctions hit
        // ("Ukraine-Reise", "Russland-Sanktionen"); a place is where it happens
        let organisation = cx.analysis.entities[entity].kind == EntityKind::Organisation;
        if cx.is_mere_place(&actor) {
            args.location.get_or_insert(actor);
        } else if organisation {
            args.source.push(actor);
        } else if args.target.is_empty() {
            args.target.push(actor);
        }
    }

    /// The trigger at token `at` of `clause`, with the entries of its word: a noun
    /// for a capitalised word, else a verb whose particle (if it needs one) closes
    /// the clause.
    fn trigger_at<'l>(
        &'l self,
        cx: &Tokens<'_>,
        clause: &Range<usize>,
        at: usize,
    ) -> Option<(&'l Trigger, &'l lexicon::Entries)> {
        let word = cx.words[at];
        let entries = self.lexicon.entries(word)?;
        let noun = word.starts_with(char::is_uppercase);
        let particle_at = |p: &str| {
            (at + 1..clause.end).any(|j| {
                cx.words[j] == p && (j + 1 == clause.end || cx.is(WordClass::Coordinator, j + 1))
            })
        };
        let trigger = entries
            .triggers
            .iter()
            .filter(|t| t.noun == noun)
            .find(|t| t.particle.as_deref().is_none_or(particle_at))?;
        Some((trigger, entries))
    }

    /// The schema's event for a merged find.
    fn event(&self, cx: &Tokens<'_>, i: usize, f: Found) -> Event {
        let analysis = cx.analysis;
        let cue = |at: usize| {
            let span = analysis.tokens[at].span;
            Cue {
                span,
                text: cx.words[at].to_string(),
                parts: Vec::new(),
            }
        };
        let date = f
            .timex
            .and_then(|t| analysis.timexes.get(t))
            .map(|t| DateRef {
                value: t.value.clone(),
                timex: t.id.clone(),
            });
        Event {
            id: format!("v{}", i + 1),
            kind: f.trigger.kind,
            mode: f.mode,
            source: f.args.source.iter().map(|a| cx.actor_ref(a)).collect(),
            target: f.args.target.iter().map(|a| cx.actor_ref(a)).collect(),
            location: f.args.location.as_ref().map(|a| cx.actor_ref(a)),
            date,
            trigger: cue(f.at),
            negated: f.modality.negated,
            planned: f.modality.planned,
            hypothetical: f.modality.hypothetical,
            claimed_by: f.modality.claimed_by,
            mentions: std::iter::once(f.at).chain(f.mentions).map(cue).collect(),
            sentence: f.sentence,
        }
    }
}

/// "Danach verständigten sich beide": "beide" stands for the source and target of
/// the event before (within two sentences); a reciprocal trigger splits them again.
fn resolve_plural(mut f: Found, before: Option<&Found>) -> Found {
    let both: Vec<clauses::Actor> = before
        .filter(|b| b.sentence + 2 >= f.sentence)
        .map(|b| b.args.actors().cloned().collect())
        .unwrap_or_default();
    let replace = |actors: &mut Vec<clauses::Actor>| {
        if actors.iter().any(|a| a.plural) {
            actors.retain(|a| !a.plural);
            actors.extend(both.iter().cloned());
        }
    };
    replace(&mut f.args.source);
    replace(&mut f.args.target);
    if f.trigger.reciprocal && f.args.target.is_empty() && f.args.source.len() > 1 {
        f.args.target = f.args.source.split_off(1);
    }
    f
}

/// The first date or time expression inside tokens `clause`.
fn date_of(cx: &Tokens<'_>, clause: &Range<usize>) -> Option<usize> {
    let tokens = &cx.analysis.tokens;
    let (first, last) = (tokens.get(clause.start)?, tokens.get(clause.end - 1)?);
    let timexes = &cx.analysis.timexes;
    let from = timexes.partition_point(|t| t.span.start < first.span.start);
    let in_clause: Vec<usize> = (from..timexes.len())
        .take_while(|&i| timexes[i].span.end <= last.span.end)
        .filter(|&i| matches!(timexes[i].kind, TimexType::Date | TimexType::Time))
        .collect();
    // a calendar value ("2025-02") before a reference ("PAST_REF" of "zuletzt")
    in_clause
        .iter()
        .find(|&&i| timexes[i].value.starts_with(|c: char| c.is_ascii_digit()))
        .or(in_clause.first())
        .copied()
}

impl Stage for EventTagger {
    fn name(&self) -> &'static str {
        "events"
    }

    fn run(&self, analysis: &mut Analysis) {
        analysis.events = self.tag(analysis);
    }
}
