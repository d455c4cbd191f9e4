//! `depesche eval`: accuracy against gold data.

use crate::args::{EvalSentencesArgs, EvalTask, ReportFormat};
use anyhow::Context;
use depesche_core::article::line_blocks;
use depesche_core::text::{Segmenter, TextLexicon};
use depesche_eval::sentences::{self, SentenceReport};
use serde_json::json;

/// Runs one evaluation task and prints its report.
pub fn run(task: &EvalTask) -> anyhow::Result<()> {
    match task {
        EvalTask::Sentences(args) => sentences(args),
    }
}

fn sentences(args: &EvalSentencesArgs) -> anyhow::Result<()> {
    let gold = sentences::load_gold(&args.gold)?;
    let mut report = SentenceReport::default();
    let system = match &args.pred {
        Some(path) => {
            let predictions = sentences::load_predictions(path)?;
            for doc in &gold {
                let predicted = predictions.get(&doc.name).with_context(|| {
                    format!(
                        "{}: no prediction for gold document '{}'",
                        path.display(),
                        doc.name
                    )
                })?;
                sentences::score_document(doc, predicted, &mut report);
            }
            path.display().to_string()
        }
        None => {
            let segmenter = Segmenter::new(TextLexicon::german()?);
            for doc in &gold {
                let (_, found) = segmenter.segment(&doc.text, &line_blocks(&doc.text));
                let spans: Vec<(usize, usize)> =
                    found.iter().map(|s| (s.span.start, s.span.end)).collect();
                sentences::score_document(doc, &spans, &mut report);
            }
            "depesche".to_string()
        }
    };
    let (all, inner, spans) = (
        report.boundaries.prf(),
        report.inner_boundaries.prf(),
        report.spans.prf(),
    );
    match args.format {
        ReportFormat::Json => {
            let out = json!({
                "task": "sentences",
                "system": system,
                "gold": args.gold.display().to_string(),
                "documents": report.documents,
                "gold_sentences": report.gold_sentences,
                "predicted_sentences": report.predicted_sentences,
                "precision": all.precision,
                "recall": all.recall,
                "f1": all.f1,
                "boundaries": all,
                "inner_boundaries": inner,
                "spans": spans,
            });
            println!("{out}");
        }
        ReportFormat::Text => {
            println!("sentences: {system} against {}", args.gold.display());
            println!(
                "  {} documents, {} gold sentences, {} predicted",
                report.documents, report.gold_sentences, report.predicted_sentences
            );
            println!("  boundaries            {all}");
            println!("  in-paragraph bounds   {inner}");
            println!("  exact sentence spans  {spans}");
            for d in report.disagreements.iter().take(args.show) {
                let what = if d.missed { "missed" } else { "extra " };
                println!("  {what} {}@{}: {}", d.document, d.offset, d.context);
            }
        }
    }
    Ok(())
}
