//! Stage 4, **entities**: persons, organisations and places.
//!
//! A trained sequence labeller ([`ner`]) over German token features ([`features`])
//! finds the mentions ([`mentions`]); word clusters learnt from unlabelled news
//! ([`clusters`]) and gazetteers ([`gazetteer`]) feed it. Roles and parties around a
//! person ([`attributes`], [`roles`]) are attached, and [`resolve`] makes one entity
//! per actor. [`tagger`] runs it all as a pipeline stage.

pub mod attributes;
pub mod clusters;
pub mod cues;
pub mod features;
pub mod gazetteer;
pub mod mentions;
pub mod ner;
pub mod resolve;
pub mod roles;
pub mod tagger;
pub mod weights;

pub use tagger::{EntityDataError, EntityTagger};
