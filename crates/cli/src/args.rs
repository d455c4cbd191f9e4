//! The command line, defined once.

use clap::{Args, Parser, Subcommand, ValueEnum};
use depesche_core::Date;
use std::path::PathBuf;

/// depesche: German news into time-anchored facts, with every fact pointing to its text.
#[derive(Debug, Parser)]
#[command(name = "depesche", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles (files, directories, or - for stdin) and print the analyses.
    Analyze(AnalyzeArgs),
    /// Measure accuracy against gold data.
    #[command(subcommand)]
    Eval(EvalTask),
    /// Measure throughput and peak memory over a corpus.
    Bench(BenchArgs),
}

/// `depesche analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Article files (.txt plain format or text, .jsonl JSON Lines), directories (read
    /// recursively, in name order), or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
    /// Publication date for articles that give none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Output: a readable summary, or one depesche/1 JSON object per article per line.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// How `analyze` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A summary for people.
    Text,
    /// One depesche/1 object per article, one per line.
    Json,
    /// The same as `json` (JSON Lines).
    Jsonl,
}

/// How reports (eval, bench) print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table for people.
    Text,
    /// One JSON object.
    Json,
}

/// The evaluation tasks.
#[derive(Debug, Subcommand)]
pub enum EvalTask {
    /// Sentence boundaries against gold sentence offsets (quotation-attribution corpus JSON).
    Sentences(EvalSentencesArgs),
    /// Time expressions against TimeML (TIMEX3) or ACE (TIMEX2) inline gold: strict and
    /// relaxed extent, value F1 (TempEval-3) and type accuracy.
    Time(EvalTimeArgs),
}

/// `depesche eval time`.
#[derive(Debug, Args)]
pub struct EvalTimeArgs {
    /// A gold file (.tml, .key.xml) or a directory of them
    /// (e.g. ../shared/data/wikiwarsde/WikiWarsDE_20110412/keyinline, gold/time-news).
    #[arg(long)]
    pub gold: PathBuf,
    /// Only these documents, 1-based and inclusive in file-name order (WikiWarsDE: 1-11 to tune, 12-22 to report).
    #[arg(long, value_name = "FROM-TO", value_parser = parse_range)]
    pub docs: Option<(usize, usize)>,
    /// Score another tool's output instead of depesche's: a directory of TimeML files
    /// named like the gold documents (NAME.tml) whose text equals the gold text.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Print this many errors (missed, extra, wrong value or type).
    #[arg(long, default_value_t = 0)]
    pub show: usize,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// `depesche eval sentences`.
#[derive(Debug, Args)]
pub struct EvalSentencesArgs {
    /// A gold JSON file or a directory of them (e.g. ../shared/data/quotation-attribution-de-2024/data/test).
    #[arg(long)]
    pub gold: PathBuf,
    /// Score another tool's sentences instead of depesche's: JSON Lines
    /// {"document": FILE NAME, "sentences": [{"start", "end"}]}.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Print this many disagreements inside paragraphs (text format).
    #[arg(long, default_value_t = 0)]
    pub show: usize,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// `depesche bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Corpus: JSON Lines files, article files or directories of them.
    #[arg(required = true, value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    /// Use at most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

fn parse_range(s: &str) -> Result<(usize, usize), String> {
    let (a, b) = s.split_once('-').ok_or("expected FROM-TO, e.g. 12-22")?;
    let a: usize = a.parse().map_err(|_| format!("'{a}' is not a number"))?;
    let b: usize = b.parse().map_err(|_| format!("'{b}' is not a number"))?;
    if a == 0 || b < a {
        return Err("expected 1 <= FROM <= TO".to_string());
    }
    Ok((a, b))
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
        .map_err(|e: depesche_core::model::DateError| e.to_string())
}
