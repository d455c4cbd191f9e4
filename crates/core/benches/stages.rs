//! Criterion benchmarks of reading and of each pipeline stage over the bundled
//! example articles (self-contained; `depesche bench` measures real corpora).
//! Run with `cargo bench -p depesche-core`.

// criterion_group! generates an undocumented public entry point
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depesche_core::article::{self, InputFormat, ReadOptions};
use depesche_core::{Analysis, Article, Pipeline};
use std::hint::black_box;
use std::path::Path;

/// The bundled example files as (name, bytes).
fn examples() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files = vec![
        root.join("seed-2025-08-26-trump-putin.txt"),
        root.join("batch.jsonl"),
    ];
    let mut articles: Vec<_> = std::fs::read_dir(root.join("articles"))
        .expect("examples/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    files.extend(articles);
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("example reads"),
            )
        })
        .collect()
}

fn read_all(inputs: &[(String, Vec<u8>)]) -> Vec<Article> {
    inputs
        .iter()
        .flat_map(|(name, bytes)| {
            let format = InputFormat::from_file_name(name).unwrap_or(InputFormat::Plain);
            article::read(name, bytes, format, &ReadOptions::default())
        })
        .filter_map(Result::ok)
        .collect()
}

fn stages(c: &mut Criterion) {
    let inputs = examples();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let pipeline = Pipeline::german().expect("lexicons load");
    let articles = read_all(&inputs);

    let mut group = c.benchmark_group("examples");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("article (read)", |b| {
        b.iter(|| read_all(black_box(&inputs)))
    });
    for (i, stage) in pipeline.stages().iter().enumerate() {
        // the layers the stage reads, prepared outside the timing
        let prepared: Vec<Analysis> = articles
            .iter()
            .map(|a| {
                let mut analysis = Analysis::new(a.clone());
                pipeline.stages()[..i]
                    .iter()
                    .for_each(|s| s.run(&mut analysis));
                analysis
            })
            .collect();
        group.bench_function(stage.name(), |b| {
            b.iter_batched(
                || prepared.clone(),
                |mut batch| batch.iter_mut().for_each(|a| stage.run(black_box(a))),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(pipeline.analyze(a.clone()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
