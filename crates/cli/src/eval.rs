//! `depesche eval`: accuracy against gold data.

use crate::args::{
    EvalEventsArgs, EvalQuotesArgs, EvalSentencesArgs, EvalTask, EvalTimeArgs, ReportFormat,
};
use anyhow::Context;
use depesche_core::article::line_blocks;
use depesche_core::text::{Segmenter, TextLexicon};
use depesche_eval::sentences::{self, SentenceReport};
use serde_json::json;

/// Runs one evaluation task and prints its report.
pub fn run(task: &EvalTask) -> anyhow::Result<()> {
    match task {
        EvalTask::Sentences(args) => sentences(args),
        EvalTask::Time(args) => time(args),
        EvalTask::Ner(args) => crate::ner::eval(args),
        EvalTask::Quotes(args) => quotes(args),
        EvalTask::Events(args) => events(args),
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
            say!("{out}");
        }
        ReportFormat::Text => {
            say!("sentences: {system} against {}", args.gold.display());
            say!(
                "  {} documents, {} gold sentences, {} predicted",
                report.documents,
                report.gold_sentences,
                report.predicted_sentences
            );
            say!("  boundaries            {all}");
            say!("  in-paragraph bounds   {inner}");
            say!("  exact sentence spans  {spans}");
            for d in report.disagreements.iter().take(args.show) {
                let what = if d.missed { "missed" } else { "extra " };
                say!("  {what} {}@{}: {}", d.document, d.offset, d.context);
            }
        }
    }
    Ok(())
}

fn time(args: &EvalTimeArgs) -> anyhow::Result<()> {
    use depesche_core::Pipeline;
    use depesche_eval::time::evaluate;

    let pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    let eval = evaluate(&args.gold, args.docs, args.pred.as_deref(), &pipeline)?;
    let report = &eval.report;
    let system = args
        .pred
        .as_ref()
        .map_or("depesche".to_string(), |p| p.display().to_string());
    let (strict, relaxed, value) = (
        report.strict.prf(),
        report.relaxed.prf(),
        report.value.prf(),
    );
    let (strict_value, value_mod) = (report.strict_value.prf(), report.value_mod.prf());
    let type_accuracy = if report.relaxed.tp == 0 {
        0.0
    } else {
        report.type_correct as f64 / report.relaxed.tp as f64
    };
    match args.format {
        ReportFormat::Json => {
            let out = json!({
                "task": "time", "system": system, "gold": args.gold.display().to_string(),
                "documents": report.documents, "gold_timexes": eval.gold, "predicted_timexes": eval.predicted,
                "precision": value.precision, "recall": value.recall, "f1": value.f1,
                "strict_extent": strict, "relaxed_extent": relaxed, "value": value,
                "strict_extent_value": strict_value, "value_and_mod": value_mod, "type_accuracy": type_accuracy,
            });
            say!("{out}");
        }
        ReportFormat::Text => {
            say!("time: {system} against {}", args.gold.display());
            say!(
                "  {} documents, {} gold expressions, {} predicted",
                report.documents,
                eval.gold,
                eval.predicted
            );
            say!("  strict extent          {strict}");
            say!("  relaxed extent         {relaxed}");
            say!("  value (relaxed+value)  {value}");
            say!("  strict extent + value  {strict_value}");
            say!("  value and mod          {value_mod}");
            say!("  type accuracy          {type_accuracy:.4} of relaxed matches");
            for e in report.errors.iter().take(args.show) {
                say!(
                    "  {:<7} {}: gold {:?} predicted {:?}",
                    e.what,
                    e.document,
                    e.gold,
                    e.predicted
                );
            }
        }
    }
    Ok(())
}

fn quotes(args: &EvalQuotesArgs) -> anyhow::Result<()> {
    use depesche_core::entities::clusters::WordClusters;
    use depesche_core::entities::ner::NerModel;
    use depesche_core::quotes::keep::KEEP_MODEL_FILE;
    use depesche_core::quotes::labeller::{QuoteLabeller, MODEL_FILES};
    use depesche_core::quotes::linear::LinearModel;
    use depesche_core::quotes::speakers::SPEAKER_MODEL_FILE;
    use depesche_core::quotes::QuoteTagger;
    use depesche_core::{Article, Pipeline};
    use depesche_eval::quotes::{evaluate, PredictedQuote, QuoteTally, QuoteType};
    use std::sync::Arc;

    let mut pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    if let Some(dir) = &args.models {
        let read = |file: &str| -> anyhow::Result<NerModel> {
            let path = dir.join(file);
            let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
            NerModel::from_bytes(&bytes).with_context(|| format!("{}", path.display()))
        };
        let clusters = WordClusters::german().context("loading the word clusters")?;
        let labeller = QuoteLabeller::new(
            read(MODEL_FILES[0])?,
            read(MODEL_FILES[1])?,
            Arc::new(clusters),
        );
        // the speaker and keep models are optional: without them the speakers are
        // the rules' and labels' own choice, and every labelled quotation is kept
        let optional = |file: &str, without: &str| -> anyhow::Result<Option<LinearModel>> {
            let path = dir.join(file);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(LinearModel::parse(
                    &path.display().to_string(),
                    &text,
                )?)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    eprintln!("{}: not there, {without}", path.display());
                    Ok(None)
                }
                Err(e) => Err(e).with_context(|| format!("{}", path.display())),
            }
        };
        let speakers = optional(SPEAKER_MODEL_FILE, "speakers are not re-ranked")?;
        let keep = optional(KEEP_MODEL_FILE, "every labelled quotation is kept")?;
        let tagger = QuoteTagger::with_models(labeller, speakers, keep)?;
        pipeline = pipeline.replace(Box::new(tagger));
    }
    let report = evaluate(&args.gold, |doc| {
        let article = Article::from_text(&doc.name, &doc.text, doc.published);
        let analysis = pipeline.analyze(article);
        analysis
            .quotes
            .iter()
            .flat_map(|q| PredictedQuote::annotations(q, &analysis.tokens, &analysis.article.text))
            .collect()
    })?;
    let all = &report.overall;
    let (quote, messages) = (all.quote.prf(), all.messages.prf());
    let tally_json = |t: &QuoteTally| {
        json!({
            "gold_quotes": t.gold, "predicted_quotes": t.predicted, "paired": t.paired,
            "quote": t.quote.prf(), "speaker": t.speaker.prf(), "cue": t.cue.prf(),
            "addressee": t.addressee.prf(), "messages": t.messages.prf(), "type": t.kind.prf(),
        })
    };
    match args.format {
        ReportFormat::Json => {
            let by_type: serde_json::Map<String, serde_json::Value> = QuoteType::SCORED
                .iter()
                .zip(&report.by_type)
                .map(|(kind, t)| (kind.name().to_string(), tally_json(t)))
                .collect();
            let mut out = json!({
                "task": "quotes", "system": "depesche", "gold": args.gold.display().to_string(),
                "documents": report.documents,
                "precision": quote.precision, "recall": quote.recall, "f1": quote.f1,
                "by_type": by_type, "reported": report.reported,
            });
            if let (Some(out), serde_json::Value::Object(overall)) =
                (out.as_object_mut(), tally_json(all))
            {
                out.extend(overall);
            }
            say!("{out}");
        }
        ReportFormat::Text => {
            say!("quotes: depesche against {}", args.gold.display());
            say!(
                "  {} documents, {} gold quotations, {} predicted, {} paired",
                report.documents,
                all.gold,
                all.predicted,
                all.paired
            );
            say!("  quote span (micro)  {quote}");
            say!("  speaker             {}", all.speaker.prf());
            say!("  cue                 {}", all.cue.prf());
            say!("  addressee           {}", all.addressee.prf());
            say!(
                "  Messages (macro)    P={:.4} R={:.4} F1={:.4}  (the authors' headline)",
                messages.precision,
                messages.recall,
                messages.f1
            );
            say!("  type agreement      {}", all.kind.prf());
            say!("  by gold type (quote span F1 / speaker F1 / Messages F1):");
            for (kind, t) in QuoteType::SCORED.iter().zip(&report.by_type) {
                say!(
                    "    {:<21} {:>4} gold, {:>4} paired   {:.4} / {:.4} / {:.4}",
                    kind.name(),
                    t.gold,
                    t.paired,
                    t.quote.prf().f1,
                    t.speaker.prf().f1,
                    t.messages.prf().f1
                );
            }
            let r = &report.reported;
            say!(
                "  Reported (events in depesche, not scored): {} annotations; {} predictions overlap them, {} of those unpaired",
                r.annotations, r.overlapping_predictions, r.overlapping_unpaired
            );
            for e in report.errors.iter().take(args.show) {
                say!(
                    "  {:<7} {}: gold {} predicted {}",
                    e.what,
                    e.document,
                    e.gold,
                    e.predicted
                );
            }
        }
    }
    Ok(())
}

fn events(args: &EvalEventsArgs) -> anyhow::Result<()> {
    use depesche_core::article::read_plain;
    use depesche_core::Pipeline;
    use depesche_eval::events::{evaluate, Agreement, PredictedEvent};
    use depesche_eval::EvalError;

    let pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    let report = evaluate(&args.gold, |doc| {
        let path = doc.article.display().to_string();
        let bytes = std::fs::read(&doc.article).map_err(|e| EvalError::Io {
            path: path.clone(),
            source: e,
        })?;
        let article =
            read_plain(&path, &bytes, &Default::default()).map_err(|e| EvalError::Format {
                path: path.clone(),
                line: e.line,
                reason: e.kind.to_string(),
            })?;
        let analysis = pipeline.analyze(article);
        Ok(analysis
            .events
            .iter()
            .map(|e| PredictedEvent::from_event(e, &analysis))
            .collect())
    })?;
    let (typed, full) = (report.typed.prf(), report.full.prf());
    let agreement = |a: &Agreement| json!({"agree": a.agree, "pairs": a.pairs, "gold_set": a.gold_set, "found": a.found});
    match args.format {
        ReportFormat::Json => {
            let by_type: serde_json::Map<String, serde_json::Value> = report
                .by_type
                .iter()
                .map(|(k, c)| (k.clone(), json!(c.prf())))
                .collect();
            say!(
                "{}",
                json!({
                    "task": "events", "system": "depesche", "gold": args.gold.display().to_string(),
                    "documents": report.documents, "f1": typed.f1,
                    "type_source": typed, "type_source_target_date": full, "by_type": by_type,
                    "negated": agreement(&report.negated), "planned": agreement(&report.planned),
                    "claimed": agreement(&report.claimed),
                })
            );
        }
        ReportFormat::Text => {
            say!("events: depesche against {}", args.gold.display());
            say!("  {} documents", report.documents);
            say!("  type + source             {typed}");
            say!("  + target + date           {full}");
            for (name, a) in [
                ("negated", &report.negated),
                ("planned", &report.planned),
                ("claimed", &report.claimed),
            ] {
                say!(
                    "  {name:<8} agreement {}/{} pairs; gold-marked {} found {}",
                    a.agree,
                    a.pairs,
                    a.gold_set,
                    a.found
                );
            }
            say!("  by type (type + source):");
            for (kind, c) in &report.by_type {
                say!("    {kind:<10} {}", c.prf());
            }
            for e in report.errors.iter().take(args.show) {
                say!("  {:<7} {}: {}", e.what, e.document, e.event);
            }
        }
    }
    Ok(())
}
