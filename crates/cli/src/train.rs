//! `depesche train`: builds the statistical models from the data in ../shared/data.

use crate::args::{
    NerAlgorithm, ReportFormat, TrainClustersArgs, TrainNerArgs, TrainQuotesArgs,
    TrainSpeakerWordsArgs, TrainTask,
};
use crate::ner::{print, Sources, MODEL_FILES};
use anyhow::Context;
use depesche_eval::germeval::{self, NerScore, NerSentence};
use depesche_learn::ner::{train, Algorithm, Level, NerTraining};
use depesche_learn::speakers::WRONG_TOKEN_COST;
use std::time::Instant;

/// `--leave-out K` leaves out the documents whose index is K modulo this.
const LEAVE_OUT_PARTS: u64 = 5;

/// How far apart the shuffle seeds of a fold's labellers are (`--fold-labellers`).
const LABELLER_SEED_STEP: u64 = 1000;

/// Runs one training task.
pub fn run(task: &TrainTask) -> anyhow::Result<()> {
    match task {
        TrainTask::Ner(args) => ner(args),
        TrainTask::Clusters(args) => clusters(args),
        TrainTask::Quotes(args) => quotes(args),
        TrainTask::SpeakerWords(args) => speaker_words(args),
    }
}

fn quotes(args: &TrainQuotesArgs) -> anyhow::Result<()> {
    use depesche_core::entities::clusters::WordClusters;
    use depesche_core::entities::ner::NerModel;
    use depesche_core::quotes::keep::KEEP_MODEL_FILE;
    use depesche_core::quotes::labeller::{Part, QuoteLabeller, ADDRESSEE_MODEL, MODEL_FILES};
    use depesche_core::quotes::lexicon::QuoteLexicon;
    use depesche_core::quotes::linear::LinearModel;
    use depesche_core::quotes::speakers::SPEAKER_MODEL_FILE;
    use depesche_core::quotes::QuoteTagger;
    use depesche_core::{Article, Pipeline};
    use depesche_eval::{files::gold_files, quotes::load_document};
    use depesche_learn::ranking;
    use std::sync::Arc;

    let started = Instant::now();
    if args.leave_out.is_some() {
        anyhow::ensure!(
            !args.only_speakers,
            "--leave-out scores the quote models it trains: drop --only-speakers"
        );
        anyhow::ensure!(
            args.out != std::path::Path::new(crate::args::SHIPPED_QUOTE_MODELS),
            "--leave-out trains on part of the documents: give --out DIR, not the shipped models' {}",
            crate::args::SHIPPED_QUOTE_MODELS
        );
    }
    let mut files = Vec::new();
    for data in &args.data {
        let found = gold_files(data, &["json"]).with_context(|| {
            format!(
                "reading {} (is ../shared/data there? see its README)",
                data.display()
            )
        })?;
        anyhow::ensure!(!found.is_empty(), "{}: no JSON files", data.display());
        files.extend(found);
    }
    let sources = args
        .data
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(" and ");
    let pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    let lexicon = QuoteLexicon::german().context("loading the quote lexicon")?;
    let clusters = WordClusters::german().context("loading the word clusters")?;
    let analyses = files
        .iter()
        .map(|file| {
            let doc = load_document(file)?;
            let article = Article::from_text(&doc.name, &doc.text, doc.published);
            Ok((pipeline.analyze(article), doc))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (analyses, left_out): (Vec<_>, Vec<_>) = analyses
        .into_iter()
        .enumerate()
        .partition(|(i, _)| args.leave_out != Some(*i as u64 % LEAVE_OUT_PARTS));
    let analyses: Vec<_> = analyses.into_iter().map(|(_, a)| a).collect();
    let settings = NerTraining {
        epochs: args.epochs,
        c2: args.c2,
        o_bias: args.o_bias,
        average_from: Some(args.average_from),
        runs: args.runs,
        min_count: args.min_count,
        prune: args.prune,
        min_feature_weight: args.min_feature_weight,
        ..NerTraining::default()
    };
    std::fs::create_dir_all(&args.out).with_context(|| format!("{}", args.out.display()))?;
    let content = [
        Part::Direct,
        Part::Indirect,
        Part::FreeIndirect,
        Part::ContinuedIndirect,
    ];
    let quote_parts: Vec<Part> = content
        .into_iter()
        .chain([Part::Speaker, Part::Cue])
        .collect();
    let mut models = Vec::new();
    let labelled = if args.only_speakers {
        0
    } else {
        MODEL_FILES.len()
    };
    // Addressees are rare and their weights small: their model keeps every feature.
    // It was tuned as plain SGD without a bias.
    let addressee_settings = NerTraining {
        min_feature_weight: 0.0,
        o_bias: 0.0,
        average_from: None,
        ..settings
    };
    for ((file, parts), settings) in MODEL_FILES
        .iter()
        .zip([&quote_parts, &vec![Part::Addressee]])
        .zip([&settings, &addressee_settings])
        .take(labelled)
    {
        let sequences: Vec<_> = analyses
            .iter()
            .flat_map(|(analysis, doc)| {
                depesche_learn::quotes::sequences(analysis, doc, &lexicon, &clusters, parts)
            })
            .collect();
        let model = depesche_learn::quotes::train(&sequences, settings);
        let bytes = model.to_bytes();
        let path = args.out.join(file);
        std::fs::write(&path, &bytes).with_context(|| format!("{}", path.display()))?;
        eprintln!(
            "{}: {} documents, {} sentences, {} features, {:.1} s, {:.2} MB",
            path.display(),
            analyses.len(),
            sequences.len(),
            model.feature_count(),
            started.elapsed().as_secs_f64(),
            bytes.len() as f64 / 1e6
        );
        models.push(bytes);
    }

    // The speaker model learns from candidates labelled by quote models that did
    // not see the article: each fold of the documents by `--fold-labellers` models
    // trained on the others, each on its own shuffle.
    let clusters = Arc::new(clusters);
    let fold_settings = NerTraining {
        runs: 1,
        ..settings
    };
    // (the addressee model plays no part in choosing speakers)
    let addressees = NerModel::from_bytes(models.get(1).map_or(ADDRESSEE_MODEL, Vec::as_slice))?;
    // the fold of the i-th document
    let fold_of = |i: usize| i as u64 % args.folds;
    let fold_examples = |fold: u64| -> anyhow::Result<FoldExamples> {
        let held_out = |i: usize| fold_of(i) == fold;
        let sequences: Vec<_> = analyses
            .iter()
            .enumerate()
            .filter(|(i, _)| !held_out(*i))
            .flat_map(|(_, (analysis, doc))| {
                depesche_learn::quotes::sequences(analysis, doc, &lexicon, &clusters, &quote_parts)
            })
            .collect();
        // each labeller on its own shuffle
        let models: Vec<_> = (0..args.fold_labellers)
            .map(|a| {
                let settings = NerTraining {
                    seed: fold_settings.seed + LABELLER_SEED_STEP * a,
                    ..fold_settings
                };
                depesche_learn::quotes::train(&sequences, &settings)
            })
            .collect();
        let mut keep = Vec::new();
        for model in &models {
            let labeller = QuoteLabeller::new(model.clone(), addressees.clone(), clusters.clone());
            let tagger = QuoteTagger::with_models(labeller, None, None)?;
            for (_, (analysis, doc)) in analyses.iter().enumerate().filter(|(i, _)| held_out(*i)) {
                let choices = tagger.keep_choices(analysis);
                keep.extend(depesche_learn::keep::examples(analysis, doc, choices));
            }
        }
        Ok(FoldExamples { keep, models })
    };
    // the folds are independent: train as many at once as there are cores
    let done_folds = for_each_fold(args.folds, fold_examples)?;
    eprintln!(
        "quote models of {} folds: {} labelled quotations, {:.1} s",
        args.folds,
        done_folds.iter().map(|f| f.keep.len()).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    let (epochs, runs) = (args.speaker_epochs, args.ranking_runs);
    let mut keep_folds = Vec::new();
    let mut fold_models = Vec::new();
    for f in done_folds {
        keep_folds.push(f.keep);
        fold_models.push(f.models);
    }
    let keeps = ranking::fold_rankings(&keep_folds, epochs, runs);
    // The speaker ranking learns on the quotations the stage keeps: each fold's, as
    // its labeller and keep model (both trained on the other folds) find them.
    // Those the keep model drops would teach it to choose nobody where at run time
    // nobody asks.
    let speaker_examples = |fold: u64| -> anyhow::Result<Vec<ranking::RankingExample>> {
        let k = fold as usize;
        let mut out = Vec::new();
        for model in &fold_models[k] {
            let labeller = QuoteLabeller::new(model.clone(), addressees.clone(), clusters.clone());
            let tagger = QuoteTagger::with_models(labeller, None, Some(keeps[k].clone()))?;
            for (_, (analysis, doc)) in analyses
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) == fold)
            {
                let choices = tagger.speaker_choices(analysis);
                out.extend(depesche_learn::speakers::examples(analysis, doc, choices));
            }
        }
        Ok(out)
    };
    let speaker_folds = for_each_fold(args.folds, speaker_examples)?;
    eprintln!(
        "speaker candidates of {} folds: {} quotations, {:.1} s",
        args.folds,
        speaker_folds.iter().map(Vec::len).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    let rankings = ranking::fold_rankings(&speaker_folds, epochs, runs);
    let held_out = ranking::held_out_gain(&speaker_folds, &rankings);
    let keep_held_out = ranking::held_out_gain(&keep_folds, &keeps);
    // the whole stage on each fold's documents, by that fold's first labeller and
    // its models, with and without the keep model
    let mut with_keep = depesche_eval::quotes::QuoteReport::default();
    let mut without_keep = depesche_eval::quotes::QuoteReport::default();
    for (fold, ((models, ranking), keep)) in
        (0..).zip(fold_models.into_iter().zip(rankings).zip(keeps))
    {
        let model = &models[0];
        for (keep, report) in [(Some(keep), &mut with_keep), (None, &mut without_keep)] {
            let labeller = QuoteLabeller::new(model.clone(), addressees.clone(), clusters.clone());
            let tagger = QuoteTagger::with_models(labeller, Some(ranking.clone()), keep)?;
            let in_fold = |(i, _): &(usize, _)| fold_of(*i) == fold;
            for (_, (analysis, doc)) in analyses.iter().enumerate().filter(in_fold) {
                held_out_score(&tagger, analysis, doc, report);
            }
        }
    }
    for (what, report) in [("", &with_keep), (" without the keep model", &without_keep)] {
        let line = format!(
            "held out ({} folds of the training documents, each tagged by the models trained \
             on the others){what}",
            args.folds
        );
        print_quote_report(&line, report);
    }
    let sources = format!("{sources} (CC BY-NC-SA 4.0, see NOTICE)");
    let speaker_examples: Vec<_> = speaker_folds.into_iter().flatten().collect();
    let weights = ranking::train(&speaker_examples, epochs, runs);
    let model = LinearModel::from_weights(&weights);
    let before = ranking::gain(&speaker_examples, |_| 0);
    let after = ranking::gain(&speaker_examples, |e| ranking::choose(&model, e));
    let header = format!(
        "The speaker model of the quote stage: feature, weight (crates/core/src/quotes/speakers.rs).\n\
         Made by `depesche train quotes` from {sources}:\n\
         {} quotations of {} folds as {} labellers each find them, {epochs} passes, \
         averaged over {runs} shuffles.",
        speaker_examples.len(),
        args.folds,
        args.fold_labellers,
    );
    let path = args.out.join(SPEAKER_MODEL_FILE);
    std::fs::write(&path, LinearModel::to_tsv(&weights, &header))
        .with_context(|| format!("{}", path.display()))?;
    let mean = |g: ranking::ChoiceGain, of: f64| of / g.examples.max(1) as f64;
    eprintln!(
        "{}: {} features; mean speaker gain on the training quotations (right speaker tokens \
         less {WRONG_TOKEN_COST} per wrong one) {:.3} as the rules choose, \
         {:.3} ranked, {:.3} ranked by models trained on the other folds, {:.3} at best; {:.1} s",
        path.display(),
        weights.len(),
        mean(before, before.chosen),
        mean(after, after.chosen),
        mean(held_out, held_out.chosen),
        mean(before, before.best),
        started.elapsed().as_secs_f64()
    );
    let keep_examples: Vec<_> = keep_folds.into_iter().flatten().collect();
    let weights = ranking::train(&keep_examples, epochs, runs);
    let header = format!(
        "The keep model of the quote stage: feature, weight (crates/core/src/quotes/keep.rs).\n\
         Made by `depesche train quotes` from {sources}:\n\
         {} labelled quotations of {} folds as {} labellers each find them, {epochs} passes, \
         averaged over {runs} shuffles.",
        keep_examples.len(),
        args.folds,
        args.fold_labellers,
    );
    let path = args.out.join(KEEP_MODEL_FILE);
    std::fs::write(&path, LinearModel::to_tsv(&weights, &header))
        .with_context(|| format!("{}", path.display()))?;
    let keep_all = ranking::gain(&keep_examples, |_| 0);
    eprintln!(
        "{}: {} features; mean gain on the labelled quotations {:.3} keeping all, {:.3} as \
         models trained on the other folds choose, {:.3} at best; {:.1} s",
        path.display(),
        weights.len(),
        mean(keep_all, keep_all.chosen),
        mean(keep_held_out, keep_held_out.chosen),
        mean(keep_all, keep_all.best),
        started.elapsed().as_secs_f64()
    );
    if let Some(part) = args.leave_out {
        let labeller = QuoteLabeller::new(
            NerModel::from_bytes(&models[0])?,
            addressees,
            clusters.clone(),
        );
        let keep = LinearModel::from_weights(&weights);
        let tagger = QuoteTagger::with_models(labeller, Some(model), Some(keep))?;
        let mut report = depesche_eval::quotes::QuoteReport::default();
        for (_, (analysis, doc)) in &left_out {
            held_out_score(&tagger, analysis, doc, &mut report);
        }
        let line = format!(
            "left out ({} documents, those whose index is {part} modulo {LEAVE_OUT_PARTS}), \
             tagged by the models trained on the others as they would be shipped",
            left_out.len()
        );
        print_quote_report(&line, &report);
    }
    Ok(())
}

/// Prints the corpus' scores in `report` after `what`: span, speaker and Messages
/// overall, span and speaker by type.
fn print_quote_report(what: &str, report: &depesche_eval::quotes::QuoteReport) {
    let all = &report.overall;
    let by_type: Vec<String> = depesche_eval::quotes::QuoteType::SCORED
        .iter()
        .zip(&report.by_type)
        .map(|(kind, t)| {
            let (span, speaker) = (t.quote.prf().f1, t.speaker.prf().f1);
            format!("{} {span:.3} / {speaker:.3}", kind.name())
        })
        .collect();
    eprintln!(
        "{what}: quote span F1 {:.3} (P {:.3}, R {:.3}), speaker F1 {:.3} (P {:.3}, R {:.3}), \
         Messages F1 {:.3}; span / speaker by type: {}",
        all.quote.prf().f1,
        all.quote.prf().precision,
        all.quote.prf().recall,
        all.speaker.prf().f1,
        all.speaker.prf().precision,
        all.speaker.prf().recall,
        all.messages.prf().f1,
        by_type.join(", ")
    );
}

/// What one fold's documents give, tagged by a quote model trained on the others.
struct FoldExamples {
    /// The keep model's examples.
    keep: Vec<depesche_learn::ranking::RankingExample>,
    /// The fold's quote models (`--fold-labellers`), each on its own shuffle.
    models: Vec<depesche_core::entities::ner::NerModel>,
}

/// `work(fold)` for each of `folds` folds, as many at once as there are cores, in
/// fold order.
fn for_each_fold<T: Send>(
    folds: u64,
    work: impl Fn(u64) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all: Vec<u64> = (0..folds).collect();
    let work = &work;
    let mut out = Vec::new();
    for batch in all.chunks(threads) {
        let done: Vec<_> = std::thread::scope(|scope| {
            let running: Vec<_> = batch
                .iter()
                .map(|&fold| scope.spawn(move || work(fold)))
                .collect();
            running.into_iter().map(|r| r.join()).collect()
        });
        for result in done {
            out.push(result.map_err(|_| anyhow::anyhow!("a fold's training failed"))??);
        }
    }
    Ok(out)
}

/// Scores the quotations `tagger` finds in `analysis` against `doc`'s gold.
fn held_out_score(
    tagger: &depesche_core::quotes::QuoteTagger,
    analysis: &depesche_core::Analysis,
    doc: &depesche_eval::quotes::QuoteDocument,
    report: &mut depesche_eval::quotes::QuoteReport,
) {
    use depesche_eval::quotes::{score_document, PredictedQuote};
    let text = &analysis.article.text;
    let predicted: Vec<PredictedQuote> = tagger
        .tag(analysis)
        .iter()
        .flat_map(|q| PredictedQuote::annotations(q, &analysis.tokens, text))
        .collect();
    score_document(doc, &predicted, report);
}

/// The sentences of the unlabelled news in `corpus`, each as its tokens' texts.
fn unlabelled_sentences(corpus: &[std::path::PathBuf]) -> anyhow::Result<Vec<Vec<String>>> {
    use depesche_core::article::{line_blocks, read, InputFormat, ReadOptions};
    use depesche_core::text::{Segmenter, TextLexicon};

    let segmenter = Segmenter::new(TextLexicon::german()?);
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for path in corpus {
        let bytes = std::fs::read(path).with_context(|| {
            format!(
                "{} (is ../shared/data there? see its README)",
                path.display()
            )
        })?;
        let name = path.display().to_string();
        let format = InputFormat::from_file_name(&name).unwrap_or(InputFormat::sniff(&bytes));
        for article in read(&name, &bytes, format, &ReadOptions::default()) {
            let Ok(article) = article else { continue };
            let text = &article.text;
            let (tokens, found) = segmenter.segment(text, &line_blocks(text));
            for s in found {
                sentences.push(
                    tokens[s.first_token..s.end_token]
                        .iter()
                        .map(|t| t.text(text).to_string())
                        .collect(),
                );
            }
        }
    }
    Ok(sentences)
}

fn speaker_words(args: &TrainSpeakerWordsArgs) -> anyhow::Result<()> {
    use depesche_core::quotes::lexicon::QuoteLexicon;
    use depesche_learn::speaker_words::{count, to_tsv, MIN_AS_SPEAKER};

    let started = Instant::now();
    let sentences = unlabelled_sentences(&args.corpus)?;
    let counts = count(&sentences, &QuoteLexicon::german_cues()?);
    let header = format!(
        "How often unlabelled news has each word as a speech verb's subject, for the\n\
         quote stage's speaker ranking; made by `depesche train speaker-words`.\n\
         Corpus: {} (only words and counts are kept, no text).\n\
         Words seen as a subject at least {MIN_AS_SPEAKER} times. Columns: word (lower-cased),\n\
         times seen as the subject of a speech verb of cues.tsv, times seen capitalised.",
        args.corpus
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let text = to_tsv(&counts, &header);
    std::fs::write(&args.out, &text).with_context(|| args.out.display().to_string())?;
    eprintln!(
        "{}: {} sentences, {} words, {} lines, {:.0} s",
        args.out.display(),
        sentences.len(),
        counts.len(),
        text.lines().filter(|l| !l.starts_with('#')).count(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn clusters(args: &TrainClustersArgs) -> anyhow::Result<()> {
    use depesche_learn::clusters::{
        kmeans, word_vectors, write_clusters, ClusterTraining, Vocabulary,
    };

    let started = Instant::now();
    let sentences = unlabelled_sentences(&args.corpus)?;
    let settings = ClusterTraining {
        dimensions: args.dimensions,
        epochs: args.epochs,
        window: args.window,
        min_count: args.min_count,
        granularities: args.granularities.clone(),
        threads: args.threads,
        ..ClusterTraining::default()
    };
    let vocab = Vocabulary::build(&sentences, settings.min_count);
    let ids: Vec<Vec<u32>> = sentences
        .iter()
        .map(|s| s.iter().filter_map(|w| vocab.id(w)).collect())
        .collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!(
        "{} sentences, {tokens} tokens, {} words seen {}+ times ({:.0} s)",
        ids.len(),
        vocab.words.len(),
        settings.min_count,
        started.elapsed().as_secs_f64()
    );
    drop(sentences);
    let vectors = word_vectors(&ids, &vocab, &settings);
    eprintln!("vectors trained ({:.0} s)", started.elapsed().as_secs_f64());
    let levels: Vec<Vec<u32>> = settings
        .granularities
        .iter()
        .map(|&k| {
            let a = kmeans(
                &vectors,
                settings.dimensions,
                k,
                settings.kmeans_iterations,
                settings.seed,
            );
            eprintln!("{k} clusters ({:.0} s)", started.elapsed().as_secs_f64());
            a
        })
        .collect();
    let columns: Vec<String> = settings
        .granularities
        .iter()
        .map(|k| format!("c{k}"))
        .collect();
    let header = format!(
        "Word clusters for depesche's NER features, made by `depesche train clusters`.\n\
         Corpus: {} (unlabelled news; only words and cluster ids are kept, no text).\n\
         Skip-gram vectors ({} dimensions, window {}, {} epochs, words seen {}+ times), then spherical k-means with {:?} clusters.\n\
         Columns: word, then its cluster at each granularity, coarse to fine.",
        args.corpus.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        settings.dimensions,
        settings.window,
        settings.epochs,
        settings.min_count,
        settings.granularities,
    );
    let file =
        std::fs::File::create(&args.out).with_context(|| format!("{}", args.out.display()))?;
    let mut out = std::io::BufWriter::new(file);
    write_clusters(&mut out, &header, &vocab, &columns, &levels)?;
    std::io::Write::flush(&mut out)?;
    eprintln!(
        "{}: {} words ({:.0} s)",
        args.out.display(),
        vocab.words.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn ner(args: &TrainNerArgs) -> anyhow::Result<()> {
    let data = germeval::read_file(&args.data).with_context(|| {
        "reading the training data (is ../shared/data there? see its README)".to_string()
    })?;
    let sources = Sources::load(&args.without)?;
    let settings = NerTraining {
        epochs: args.epochs,
        prune: args.prune,
        min_count: args.min_count,
        algorithm: match args.algorithm {
            NerAlgorithm::Crf => Algorithm::Crf,
            NerAlgorithm::Perceptron => Algorithm::Perceptron,
        },
        c2: args.c2,
        rate: args.rate,
        o_bias: args.o_bias,
        ..NerTraining::default()
    };
    if let Some(folds) = args.folds {
        return cross_validate(&data, folds, &sources, &settings, &args.data);
    }
    let all: Vec<&NerSentence> = data.iter().collect();
    std::fs::create_dir_all(&args.out).with_context(|| format!("{}", args.out.display()))?;
    for (level, file) in [
        (Level::Outer, MODEL_FILES[0]),
        (Level::Inner, MODEL_FILES[1]),
    ] {
        let started = Instant::now();
        let path = args.out.join(file);
        let model = train(&all, level, &sources.borrow(), &settings);
        let bytes = model.to_bytes();
        std::fs::write(&path, &bytes).with_context(|| format!("{}", path.display()))?;
        eprintln!(
            "{}: {} sentences, {} features, {:.1} s, {:.1} MB",
            path.display(),
            all.len(),
            model.feature_count(),
            started.elapsed().as_secs_f64(),
            bytes.len() as f64 / 1e6
        );
    }
    Ok(())
}

/// K-fold cross-validation of the outer model: sentence `i` is held out in fold
/// `i % k`; the counts of all folds are pooled into one report.
fn cross_validate(
    data: &[NerSentence],
    k: usize,
    sources: &Sources,
    settings: &NerTraining,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    anyhow::ensure!(k >= 2, "--folds K needs K >= 2");
    let mut pooled = NerScore::default();
    for fold in 0..k {
        let (train_set, held_out): (Vec<&NerSentence>, Vec<&NerSentence>) = data
            .iter()
            .enumerate()
            .fold((Vec::new(), Vec::new()), |(mut t, mut h), (i, s)| {
                if i % k == fold {
                    h.push(s);
                } else {
                    t.push(s);
                }
                (t, h)
            });
        let model = train(&train_set, Level::Outer, &sources.borrow(), settings);
        for s in held_out {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let outer = model.label(&tokens, &sources.borrow());
            pooled.add(s, &outer, &s.inner);
        }
    }
    print(
        &pooled,
        &format!("depesche ({k}-fold cross-validation, outer model)"),
        path,
        ReportFormat::Text,
    );
    Ok(())
}
