//! `depesche train`: builds the statistical models from the data in ../shared/data.

use crate::args::{ReportFormat, TrainClustersArgs, TrainNerArgs, TrainTask};
use crate::ner::{load_models, print, score, Sources, MODEL_FILES};
use anyhow::Context;
use depesche_eval::germeval::{self, NerSentence};
use depesche_learn::ner::{train, Level, NerTraining};
use std::time::Instant;

/// Runs one training task.
pub fn run(task: &TrainTask) -> anyhow::Result<()> {
    match task {
        TrainTask::Ner(args) => ner(args),
        TrainTask::Clusters(args) => clusters(args),
    }
}

fn clusters(args: &TrainClustersArgs) -> anyhow::Result<()> {
    use depesche_core::article::{line_blocks, read, InputFormat, ReadOptions};
    use depesche_core::text::{Segmenter, TextLexicon};
    use depesche_learn::clusters::{
        kmeans, word_vectors, write_clusters, ClusterTraining, Vocabulary,
    };

    let started = Instant::now();
    let segmenter = Segmenter::new(TextLexicon::german()?);
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for path in &args.corpus {
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
    let settings = ClusterTraining {
        dimensions: args.dimensions,
        epochs: args.epochs,
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
    drop(sentences);
    eprintln!(
        "{} sentences, {tokens} tokens, {} words seen {}+ times ({:.0} s)",
        ids.len(),
        vocab.words.len(),
        settings.min_count,
        started.elapsed().as_secs_f64()
    );
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
    let header = format!(
        "Word clusters for depesche's NER features, made by `depesche train clusters`.\n\
         Corpus: {} (unlabelled news; only words and cluster ids are kept, no text).\n\
         Skip-gram vectors ({} dimensions, {} epochs, words seen {}+ times), then spherical k-means with {:?} clusters.\n\
         Columns: word, then its cluster at each granularity, coarse to fine.",
        args.corpus.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        settings.dimensions,
        settings.epochs,
        settings.min_count,
        settings.granularities
    );
    let file =
        std::fs::File::create(&args.out).with_context(|| format!("{}", args.out.display()))?;
    let mut out = std::io::BufWriter::new(file);
    write_clusters(&mut out, &header, &vocab, &levels)?;
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
        ..NerTraining::default()
    };
    let (train_set, held_out): (Vec<&NerSentence>, Vec<&NerSentence>) = match args.holdout {
        Some(n) if n >= 2 => {
            data.iter()
                .enumerate()
                .fold((Vec::new(), Vec::new()), |(mut t, mut h), (i, s)| {
                    if i % n == n - 1 {
                        h.push(s);
                    } else {
                        t.push(s);
                    }
                    (t, h)
                })
        }
        Some(_) => anyhow::bail!("--holdout N needs N >= 2"),
        None => (data.iter().collect(), Vec::new()),
    };
    let out = match args.holdout {
        Some(_) => std::env::temp_dir().join(format!("depesche-ner-{}", std::process::id())),
        None => args.out.clone(),
    };
    std::fs::create_dir_all(&out).with_context(|| format!("{}", out.display()))?;
    for (level, file) in [
        (Level::Outer, MODEL_FILES[0]),
        (Level::Inner, MODEL_FILES[1]),
    ] {
        let started = Instant::now();
        let path = out.join(file);
        let model = train(&train_set, level, &sources.borrow(), &settings);
        let bytes = model.to_bytes();
        std::fs::write(&path, &bytes).with_context(|| format!("{}", path.display()))?;
        eprintln!(
            "{}: {} sentences, {} features, {:.1} s, {:.1} MB",
            path.display(),
            train_set.len(),
            model.feature_count(),
            started.elapsed().as_secs_f64(),
            bytes.len() as f64 / 1e6
        );
    }
    if args.holdout.is_some() {
        let models = load_models(&out)?;
        let result = score(&held_out, &models, &sources.borrow())?;
        print(
            &result,
            "depesche (held-out sentences)",
            &args.data,
            ReportFormat::Text,
        );
        std::fs::remove_dir_all(&out).with_context(|| format!("{}", out.display()))?;
    }
    Ok(())
}
