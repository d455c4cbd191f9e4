//! `depesche analyze`: read, analyse and print every article; name what failed.

use crate::args::AnalyzeArgs;
use crate::input;
use crate::sink;
use anyhow::Context;
use depesche_core::article::ReadOptions;
use depesche_core::Pipeline;
use std::io::{self, BufWriter, Write};

/// Runs `analyze`; returns how many inputs or articles failed.
pub fn run(args: &AnalyzeArgs) -> anyhow::Result<usize> {
    let pipeline = Pipeline::german().context("loading the shipped lexicons")?;
    let options = ReadOptions {
        default_date: args.date,
    };
    let (inputs, problems) = input::expand(&args.inputs);
    let mut failed = problems.len();
    for p in &problems {
        eprintln!("error: {p}");
    }
    let stdout = io::stdout();
    let mut sink = sink::for_format(args.format, Box::new(BufWriter::new(stdout.lock())));
    for input in &inputs {
        for result in input::read(input, &options) {
            match result {
                Ok(article) => {
                    let analysis = pipeline.analyze(article);
                    if let Err(e) = sink.write(&analysis) {
                        return stop_on_output_error(e, failed);
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    drop(sink);
    io::stdout()
        .flush()
        .or_else(|e| stop_on_output_error(e, failed).map(|_| ()))?;
    Ok(failed)
}

/// A closed pipe (`| head`) ends the output quietly; other write errors are errors.
fn stop_on_output_error(e: io::Error, failed: usize) -> anyhow::Result<usize> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(failed)
    } else {
        Err(e).context("writing the output")
    }
}
