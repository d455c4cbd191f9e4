//! The NER model's resources as the CLI loads them, and `depesche eval ner`.

use crate::args::{EvalNerArgs, FeatureSource, ReportFormat};
use anyhow::Context;
use depesche_core::entities::clusters::WordClusters;
use depesche_core::entities::features::FeatureSources;
use depesche_core::entities::gazetteer::Gazetteer;
use depesche_core::entities::ner::{NerModel, INNER_MODEL, OUTER_MODEL};
use depesche_eval::germeval::{self, ChunkReport, NerScore};
use serde_json::json;
use std::path::Path;

/// The feature sources a model is trained or run with, owned.
pub struct Sources {
    clusters: Option<WordClusters>,
    gazetteer: Option<Gazetteer>,
}

impl Sources {
    /// The shipped sources, less those in `without`.
    pub fn load(without: &[FeatureSource]) -> anyhow::Result<Sources> {
        let clusters = if without.contains(&FeatureSource::Clusters) {
            None
        } else {
            Some(WordClusters::german()?)
        };
        let gazetteer = if without.contains(&FeatureSource::Gazetteer) {
            None
        } else {
            Some(Gazetteer::german()?)
        };
        Ok(Sources {
            clusters,
            gazetteer,
        })
    }

    /// The sources as the feature extractor takes them.
    pub fn borrow(&self) -> FeatureSources<'_> {
        FeatureSources {
            clusters: self.clusters.as_ref(),
            gazetteer: self.gazetteer.as_ref(),
        }
    }
}

/// The file names of the two models in a model directory.
pub const MODEL_FILES: [&str; 2] = ["ner-outer.model", "ner-inner.model"];

/// Reads the outer and inner models from `dir`.
pub fn load_models(dir: &Path) -> anyhow::Result<(NerModel, NerModel)> {
    let read = |name: &str| -> anyhow::Result<NerModel> {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
        NerModel::from_bytes(&bytes).with_context(|| format!("{}", path.display()))
    };
    Ok((read(MODEL_FILES[0])?, read(MODEL_FILES[1])?))
}

/// Labels every gold sentence with both models and scores them.
pub fn score(
    gold: &[&germeval::NerSentence],
    models: &(NerModel, NerModel),
    sources: &FeatureSources<'_>,
) -> anyhow::Result<NerScore> {
    let mut score = NerScore::default();
    for s in gold {
        let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let outer = models.0.label(&tokens, sources);
        let inner = models.1.label(&tokens, sources);
        score.add(s, &outer, &inner);
    }
    Ok(score)
}

/// Prints a score as text or JSON.
pub fn print(score: &NerScore, system: &str, gold: &Path, format: ReportFormat) {
    let (outer, combined) = (score.outer.report(), score.combined.report());
    match format {
        ReportFormat::Json => {
            let out = json!({
                "task": "ner", "system": system, "gold": gold.display().to_string(),
                "sentences": score.sentences,
                "precision": outer.overall.precision, "recall": outer.overall.recall,
                "f1": outer.overall.f1,
                "outer": outer, "outer_and_inner": combined,
            });
            say!("{out}");
        }
        ReportFormat::Text => {
            say!(
                "ner: {system} against {} ({} sentences)",
                gold.display(),
                score.sentences
            );
            print_table("outer level (strict)", &outer);
            print_table("outer + inner (strict)", &combined);
        }
    }
}

fn print_table(title: &str, report: &ChunkReport) {
    say!("  {title}");
    say!("    {:<10} {}", "all", report.overall);
    for (label, prf) in &report.per_label {
        say!("    {label:<10} {prf}");
    }
}

/// `depesche eval ner`.
pub fn eval(args: &EvalNerArgs) -> anyhow::Result<()> {
    let gold = germeval::read_file(&args.gold)?;
    let models = match &args.models {
        Some(dir) => load_models(dir)?,
        None => (
            NerModel::from_bytes(OUTER_MODEL).context("the built-in outer model")?,
            NerModel::from_bytes(INNER_MODEL).context("the built-in inner model")?,
        ),
    };
    let sources = Sources::load(&args.without)?;
    let refs: Vec<&germeval::NerSentence> = gold.iter().collect();
    let score = score(&refs, &models, &sources.borrow())?;
    print(&score, "depesche", &args.gold, args.format);
    Ok(())
}
