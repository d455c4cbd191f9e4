//! The entity stage: labels each sentence with the NER model, turns the labels into
//! mentions, reads the roles and parties around them and resolves them into one
//! entity per actor.

use super::attributes::{Attributes, Context};
use super::clusters::WordClusters;
use super::cues::Cues;
use super::features::FeatureSources;
use super::gazetteer::Gazetteer;
use super::mentions::{self, Found};
use super::ner::{ModelError, NerModel, OUTER_MODEL};
use super::resolve::{resolve, Candidate, RoleReference};
use crate::model::{Analysis, Entity, EntityKind, Token};
use crate::pipeline::Stage;
use crate::text::LexiconError;
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Shipped data that cannot be read: a lexicon line or the model file.
#[derive(Debug, thiserror::Error)]
pub enum EntityDataError {
    /// A gazetteer, cluster or cue file.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The NER model.
    #[error("ner-outer.model: {0}")]
    Model(#[from] ModelError),
}

/// The entity stage: fills `Analysis::entities`.
pub struct EntityTagger {
    model: NerModel,
    clusters: Arc<WordClusters>,
    gazetteer: Arc<Gazetteer>,
    cues: Cues,
}

impl EntityTagger {
    /// The stage with the model, clusters and gazetteers shipped in `data/entities/`.
    pub fn german() -> Result<EntityTagger, EntityDataError> {
        Ok(EntityTagger {
            model: NerModel::from_bytes(OUTER_MODEL)?,
            clusters: Arc::new(WordClusters::german()?),
            gazetteer: Arc::new(Gazetteer::german()?),
            cues: Cues::german()?,
        })
    }

    /// The word clusters, for the quote labeller's features.
    pub fn clusters(&self) -> Arc<WordClusters> {
        Arc::clone(&self.clusters)
    }

    /// The gazetteer, for later stages that read names and country adjectives.
    pub fn gazetteer(&self) -> Arc<Gazetteer> {
        Arc::clone(&self.gazetteer)
    }

    /// The entities of an analysed text (sentences and tokens must be there).
    pub fn tag(&self, analysis: &Analysis) -> Vec<Entity> {
        let text = &analysis.article.text;
        let sources = FeatureSources {
            clusters: Some(&self.clusters),
            gazetteer: Some(&self.gazetteer),
        };
        let sentences: Vec<(&[Token], Vec<&str>)> = analysis
            .sentences
            .iter()
            .map(|s| {
                let tokens = analysis.sentence_tokens(s);
                (tokens, tokens.iter().map(|t| t.text(text)).collect())
            })
            .collect();
        let mut found: Vec<Vec<Found>> = sentences
            .iter()
            .map(|(_, words)| {
                let labels = self.model.label(words, &sources);
                mentions::find(words, &labels, &self.gazetteer)
            })
            .collect();
        // the persons the model found, whose surnames it may have missed elsewhere
        let persons: Vec<&[&str]> = sentences
            .iter()
            .zip(&found)
            .flat_map(|((_, words), found)| {
                found
                    .iter()
                    .filter(|f| f.kind == EntityKind::Person)
                    .map(|f| &words[f.start..f.end])
            })
            .collect();
        let surnames: FxHashSet<&str> = persons.iter().filter_map(|p| p.last().copied()).collect();
        let mut particle_surnames: Vec<Vec<&str>> = persons
            .iter()
            .filter_map(|p| mentions::particle_surname(p))
            .collect();
        particle_surnames.sort_unstable();
        particle_surnames.dedup();
        for ((_, words), found) in sentences.iter().zip(&mut found) {
            mentions::add_surnames(words, found, &surnames);
            mentions::add_particles(words, found, &particle_surnames);
        }
        let mut candidates = Vec::new();
        let mut references = Vec::new();
        for ((tokens, words), found) in sentences.iter().zip(&found) {
            let context = Context {
                tokens: words,
                found,
                gazetteer: &self.gazetteer,
                cues: &self.cues,
            };
            let candidate = |f: &Found, attrs: Attributes, inferred: bool| {
                let span = tokens[f.start].span.to(&tokens[f.end - 1].span);
                Candidate {
                    span,
                    text: span.slice(text).to_string(),
                    words: words[f.start..f.end]
                        .iter()
                        .map(|w| w.to_string())
                        .collect(),
                    kind: f.kind,
                    known: f.known,
                    attrs,
                    inferred,
                }
            };
            let mut titles = Vec::new();
            for (m, f) in found.iter().enumerate() {
                let attrs = if f.kind == EntityKind::Person {
                    context.attributes(m)
                } else {
                    Attributes::default()
                };
                titles.extend(&attrs.role_tokens);
                candidates.push(candidate(f, attrs, false));
            }
            // a known surname alone may mean another bearer: a guess, which the
            // quote models do not read (their inputs stay as they were trained)
            for f in mentions::particle_surnames(words, found, &self.gazetteer) {
                candidates.push(candidate(&f, Attributes::default(), true));
            }
            for (i, role, guess) in context.role_references(&titles) {
                references.push(RoleReference {
                    span: tokens[i].span,
                    text: words[i].to_string(),
                    role,
                    guess,
                });
            }
        }
        resolve(&candidates, &references, &self.gazetteer)
    }
}

impl Stage for EntityTagger {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn run(&self, analysis: &mut Analysis) {
        analysis.entities = self.tag(analysis);
    }
}
