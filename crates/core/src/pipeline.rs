//! The pipeline: the stages in order, loaded once and shared by all threads.

use crate::article::embeds::EmbedCheck;
use crate::entities::{EntityDataError, EntityTagger};
use crate::events::EventTagger;
use crate::model::{Analysis, Article};
use crate::quotes::{QuoteDataError, QuoteTagger};
use crate::text::{LexiconError, Segmenter, TextLexicon};
use crate::time::TimeTagger;

/// Shipped data that cannot be read; a build with broken data files fails here,
/// before any article is read.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A lexicon of the text or time stage.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The entity stage's model or lexicons.
    #[error(transparent)]
    Entities(#[from] EntityDataError),
    /// The quote stage's lexicon or model.
    #[error(transparent)]
    Quotes(#[from] QuoteDataError),
}

/// One analysis stage: reads the layers earlier stages wrote and adds its own.
///
/// Stages never fail on input; what they cannot make sense of they leave out or
/// report as a warning.
pub trait Stage: Send + Sync {
    /// A short name for timings and logs ("text").
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `analysis`.
    fn run(&self, analysis: &mut Analysis);
}

/// The stages after reading (stage 1 makes the [`Article`]), in order.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The German pipeline with the lexicons shipped in `crates/core/data/`.
    pub fn german() -> Result<Pipeline, PipelineError> {
        let entities = EntityTagger::german()?;
        let events = EventTagger::german(entities.gazetteer())?;
        let quotes = QuoteTagger::german(entities.clusters())?;
        Ok(Pipeline {
            stages: vec![
                Box::new(Segmenter::new(TextLexicon::german()?)),
                Box::new(EmbedCheck),
                Box::new(TimeTagger::german()?),
                Box::new(entities),
                Box::new(quotes),
                Box::new(events),
            ],
        })
    }

    /// The pipeline with `stage` in place of the stage of the same name (to evaluate
    /// a newly trained model).
    pub fn replace(mut self, stage: Box<dyn Stage>) -> Pipeline {
        if let Some(slot) = self.stages.iter_mut().find(|s| s.name() == stage.name()) {
            *slot = stage;
        }
        self
    }

    /// The stages, in the order they run.
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// Runs every stage over `article`.
    pub fn analyze(&self, article: Article) -> Analysis {
        let mut analysis = Analysis::new(article);
        for stage in &self.stages {
            stage.run(&mut analysis);
        }
        analysis
    }
}
