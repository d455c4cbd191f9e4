//! `depesche bench`: pipeline load time, throughput per stage and peak memory over a corpus.
//!
//! Inputs are loaded into memory first, so file I/O is not timed; then reading
//! (stage 1) and every pipeline stage are timed separately over all articles, on
//! one thread.

use crate::args::{BenchArgs, ReportFormat};
use crate::input;
use crate::memory;
use anyhow::{bail, Context};
use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::{Analysis, Pipeline};
use serde_json::json;
use std::time::{Duration, Instant};

/// Runs the benchmark and prints its report.
pub fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let loading = Instant::now();
    let pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    let load_time = loading.elapsed();
    let (inputs, problems) = input::expand(&args.corpus);
    if let Some(p) = problems.first() {
        bail!("{p}");
    }
    let mut raw = Vec::new();
    for input in &inputs {
        let Some(path) = &input.path else {
            bail!("bench reads files, not stdin")
        };
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", input.name))?;
        let format = input.format.unwrap_or_else(|| InputFormat::sniff(&bytes));
        raw.push((input.name.clone(), format, bytes));
    }
    let input_bytes: usize = raw.iter().map(|r| r.2.len()).sum();

    let options = ReadOptions::default();
    let started = Instant::now();
    let mut articles = Vec::new();
    let mut failed = 0;
    for (name, format, bytes) in &raw {
        for result in article::read(name, bytes, *format, &options) {
            match result {
                Ok(a) => articles.push(a),
                Err(_) => failed += 1,
            }
        }
    }
    let read_time = started.elapsed();
    drop(raw);
    if let Some(limit) = args.limit {
        articles.truncate(limit);
    }
    if articles.is_empty() {
        bail!("no articles in the corpus");
    }
    let n = articles.len();
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();

    let stages = pipeline.stages();
    let mut times = vec![Duration::ZERO; stages.len()];
    let mut sentences = 0;
    let mut tokens = 0;
    for article in articles {
        let mut analysis = Analysis::new(article);
        for (stage, time) in stages.iter().zip(&mut times) {
            let t = Instant::now();
            stage.run(&mut analysis);
            *time += t.elapsed();
        }
        sentences += analysis.sentences.len();
        tokens += analysis.tokens.len();
    }
    let total: Duration = times.iter().sum::<Duration>() + read_time;
    let mb = text_bytes as f64 / 1e6;
    let peak = memory::peak_rss_bytes();

    let mut rows = vec![("article (read)".to_string(), read_time)];
    rows.extend(
        stages
            .iter()
            .map(|s| s.name().to_string())
            .zip(times.iter().copied()),
    );
    rows.push(("total".to_string(), total));
    match args.format {
        ReportFormat::Json => {
            let stage_rows: Vec<_> = rows
                .iter()
                .map(|(name, t)| {
                    let s = t.as_secs_f64();
                    json!({"stage": name, "seconds": s, "mb_per_s": mb / s, "articles_per_s": n as f64 / s})
                })
                .collect();
            let out = json!({
                "articles": n, "failed": failed, "input_bytes": input_bytes, "text_bytes": text_bytes,
                "sentences": sentences, "tokens": tokens, "threads": 1,
                "stages": stage_rows, "peak_rss_bytes": peak,
                "load_seconds": load_time.as_secs_f64(),
            });
            say!("{out}");
        }
        ReportFormat::Text => {
            say!(
                "corpus: {n} articles ({failed} unreadable), {:.1} MB input, {mb:.1} MB text, {sentences} sentences, {tokens} tokens; 1 thread",
                input_bytes as f64 / 1e6
            );
            say!(
                "  pipeline loaded in {:.3} s (lexicons, gazetteers, clusters, NER model)",
                load_time.as_secs_f64()
            );
            say!(
                "  {:<16} {:>9} {:>10} {:>12}",
                "stage",
                "seconds",
                "MB/s",
                "articles/s"
            );
            for (name, t) in &rows {
                let s = t.as_secs_f64();
                say!(
                    "  {name:<16} {s:>9.3} {:>10.1} {:>12.0}",
                    mb / s,
                    n as f64 / s
                );
            }
            match peak {
                Some(b) => say!(
                    "  peak memory      {:.1} MB (resident, whole process)",
                    b as f64 / 1e6
                ),
                None => say!("  peak memory      unavailable on this system"),
            }
        }
    }
    Ok(())
}
