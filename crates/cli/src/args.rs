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
    /// Train a statistical model from the data in ../shared/data.
    #[command(subcommand)]
    Train(TrainTask),
}

/// The models `depesche train` builds.
#[derive(Debug, Subcommand)]
pub enum TrainTask {
    /// The NER model (outer and inner level) from GermEval 2014.
    Ner(TrainNerArgs),
    /// Word clusters for the NER model from unlabelled news.
    Clusters(TrainClustersArgs),
    /// The quote labeller from the quotation-attribution corpus.
    Quotes(TrainQuotesArgs),
    /// How often unlabelled news has each word as a speech verb's subject, for the
    /// speaker ranking.
    SpeakerWords(TrainSpeakerWordsArgs),
}

/// `depesche train quotes`.
#[derive(Debug, Args)]
pub struct TrainQuotesArgs {
    /// The corpus' splits to learn from (directories of its JSON files, or files).
    /// By default train and dev: the stage was tuned with dev held out and with the
    /// held-out score this command prints, and the models gain from every document
    /// (half the train split alone gives 0.07 less speaker F1 on dev).
    #[arg(
        long,
        num_args = 1..,
        default_values = [
            "../shared/data/quotation-attribution-de-2024/data/train",
            "../shared/data/quotation-attribution-de-2024/data/dev",
        ]
    )]
    pub data: Vec<PathBuf>,
    /// The directory the models are written to (quotes.model, addressees.model,
    /// speakers.tsv).
    #[arg(long, default_value = SHIPPED_QUOTE_MODELS)]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// L2 penalty (CRFsuite's c2).
    #[arg(long, default_value_t = 0.3)]
    pub c2: f64,
    /// Models trained on differently shuffled data whose weights are averaged (one
    /// model's figures on dev move by about a point with the order it saw the data in).
    #[arg(long, default_value_t = 3)]
    pub runs: u64,
    /// Features seen fewer times are left out.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// The quote model's weights after this many passes and after each pass since
    /// are averaged (averaged SGD). With plain SGD the held-out speaker F1 moved by
    /// 0.005 with the shuffle seed, and models averaged over shuffles tagged less
    /// than the single ones the speaker model learns from.
    #[arg(long, default_value_t = 10)]
    pub average_from: usize,
    /// Subtracted from every token's `O` score when the quote model tags. The
    /// averaged model is surer of `O` than the plain one; with 1.5 it finds about as
    /// many quotations as it misses (held out, both shuffle seeds tried: speaker F1
    /// 0.632 against 0.626 and 0.621 without averaging; 0.627 and 0.618 with 1.0,
    /// 0.627 with 2.0).
    #[arg(long, default_value_t = 1.5)]
    pub o_bias: f32,
    /// Weights below this magnitude are dropped from the model file.
    #[arg(long, default_value_t = 0.02)]
    pub prune: f32,
    /// Features of the quote model none of whose weights reaches this magnitude are
    /// dropped: 0.3 leaves 30 % of them, makes the stage faster and keeps dev F1
    /// (within 0.005 on span and speaker).
    #[arg(long, default_value_t = 0.3)]
    pub min_feature_weight: f32,
    /// Parts of the training split for the speaker model's candidates: each part is
    /// labelled by a quote model trained on the others. The more parts, the closer
    /// those models come to the shipped one trained on all the documents: scored by
    /// `--leave-out` on each fifth of the training documents in turn, 10 gave speaker
    /// F1 0.645 over all of them where 5 gave 0.640 (span 0.776 both), at 1.6 times
    /// the training time.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(2..))]
    pub folds: u64,
    /// Quote models trained per fold, each on its own shuffle: the speaker and keep
    /// models learn from the candidates of all of them, so that they learn what a
    /// labeller that did not see the article does rather than the quirks of one
    /// (held out, mean over four shuffle seeds: speaker F1 0.641 with one, 0.642
    /// with two, 0.645 with three; five did no better than three on three seeds).
    /// The held-out figures are those of the first.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub fold_labellers: u64,
    /// Passes of the speaker model's perceptron over its examples (3 gives the best
    /// held-out gain of 1, 2, 3, 5, 10 and 20).
    #[arg(long, default_value_t = 3)]
    pub speaker_epochs: usize,
    /// Shuffles whose perceptrons are averaged into the speaker and keep models. With
    /// three, the held-out speaker F1 moved by 0.007 between shuffle seeds 1–3 and
    /// 11–13; with ten, by 0.001, so a change is judged on itself and not on the
    /// shuffle.
    #[arg(long, default_value_t = 10)]
    pub ranking_runs: u64,
    /// Trains only the speaker model (for trying its features: the quote models
    /// take most of the time).
    #[arg(long)]
    pub only_speakers: bool,
    /// Leaves the documents whose index (in file order) is this modulo 5 out of the
    /// training, then scores the whole stage, with the models just trained, on
    /// them. The held-out line cannot judge a change to how the models are trained
    /// (`--folds`, `--runs`): it measures fold labellers, not the shipped one. Needs
    /// `--out` away from the shipped models, and the quote models (not
    /// `--only-speakers`).
    #[arg(long, value_parser = clap::value_parser!(u64).range(0..5))]
    pub leave_out: Option<u64>,
}

/// Where the shipped quote models live, the default of `train quotes --out`.
pub const SHIPPED_QUOTE_MODELS: &str = "crates/core/data/quotes";

/// The unlabelled news the word clusters and the speaker-word counts are learnt from.
const UNLABELLED_NEWS: &str = "../shared/data/fang-covid-news-de/fang_covid_real_9000.jsonl";

/// `depesche train speaker-words`.
#[derive(Debug, Args)]
pub struct TrainSpeakerWordsArgs {
    /// Unlabelled news: JSON Lines files or article files.
    #[arg(long, default_value = UNLABELLED_NEWS)]
    pub corpus: Vec<PathBuf>,
    /// The file to write.
    #[arg(long, default_value = "crates/core/data/quotes/speaker_words.tsv")]
    pub out: PathBuf,
}

/// `depesche train clusters`.
#[derive(Debug, Args)]
pub struct TrainClustersArgs {
    /// Unlabelled news: JSON Lines files or article files.
    #[arg(long, default_value = UNLABELLED_NEWS)]
    pub corpus: Vec<PathBuf>,
    /// The clusters file to write.
    #[arg(long, default_value = "crates/core/data/entities/clusters.tsv")]
    pub out: PathBuf,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = 5)]
    pub min_count: usize,
    /// Vector dimensions.
    #[arg(long, default_value_t = 100)]
    pub dimensions: usize,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    /// Context words on each side (small windows give clusters of similar words,
    /// large ones clusters of topics).
    #[arg(long, default_value_t = 2)]
    pub window: usize,
    /// Cluster counts, coarse to fine.
    #[arg(long, value_delimiter = ',', default_value = "32,128,512,2048")]
    pub granularities: Vec<usize>,
    /// Worker threads. One (the default) is deterministic and reproduces the shipped
    /// file; more are faster, but lock-free updates make runs differ slightly.
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
}

/// Where the NER features may come from; `--without` switches sources off for ablations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeatureSource {
    /// Word clusters learnt from unlabelled news.
    Clusters,
    /// Gazetteers of countries, places, organisations, people, roles.
    Gazetteer,
}

/// `depesche train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// GermEval 2014 file to train on (its dev file is kept for reporting).
    #[arg(
        long,
        default_value = "../shared/data/germeval2014-ner/NER-de-test.tsv"
    )]
    pub data: PathBuf,
    /// Directory the models are written to (ner-outer.model, ner-inner.model).
    #[arg(long, default_value = "crates/core/data/entities")]
    pub out: PathBuf,
    /// Tuning: K-fold cross-validation of the outer model on the training data; prints
    /// the pooled strict scores and writes nothing (the inner level is left as gold).
    #[arg(long, value_name = "K")]
    pub folds: Option<usize>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 30)]
    pub epochs: usize,
    /// The learner.
    #[arg(long, value_enum, default_value_t = NerAlgorithm::Crf)]
    pub algorithm: NerAlgorithm,
    /// CRF: L2 penalty (CRFsuite's c2).
    #[arg(long, default_value_t = 0.3)]
    pub c2: f64,
    /// CRF: initial learning rate.
    #[arg(long, default_value_t = 0.1)]
    pub rate: f64,
    /// Subtracted from every token's O score when tagging (recall over precision).
    #[arg(long, default_value_t = 0.5)]
    pub o_bias: f32,
    /// Features seen fewer times in the training data are left out.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,
    /// Weights below this magnitude are left out of the model file (0.01 keeps the
    /// CRF's cross-validated F1 at a tenth of the size).
    #[arg(long, default_value_t = 0.01)]
    pub prune: f32,
    /// Feature sources to leave out (for measuring what each adds).
    #[arg(long, value_enum)]
    pub without: Vec<FeatureSource>,
}

/// The NER learners `depesche train ner` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NerAlgorithm {
    /// Linear-chain CRF by stochastic gradient descent.
    Crf,
    /// Averaged structured perceptron.
    Perceptron,
}

/// `depesche eval ner`.
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// A GermEval 2014 file (e.g. ../shared/data/germeval2014-ner/NER-de-dev.tsv).
    #[arg(long)]
    pub gold: PathBuf,
    /// Read the models from this directory instead of the ones built into depesche.
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// Feature sources the models were trained without.
    #[arg(long, value_enum)]
    pub without: Vec<FeatureSource>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
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
    /// Named entities against GermEval 2014 gold: strict chunk F1 on the outer level and
    /// on both levels, per class.
    Ner(EvalNerArgs),
    /// Quotations against the quotation-attribution corpus (Petersen-Frey & Biemann 2024):
    /// token-level quote span, speaker, cue and addressee, the authors' Messages F1,
    /// type agreement, per gold type.
    Quotes(EvalQuotesArgs),
    /// Events against gold files in the format of the example's gold (NAME.gold.json
    /// beside NAME.txt), scored as ../shared/tools/score.py scores them: type and a
    /// source actor, then also target and date; negation, plan and claim agreement.
    Events(EvalEventsArgs),
}

/// `depesche eval events`.
#[derive(Debug, Args)]
pub struct EvalEventsArgs {
    /// A directory of NAME.txt articles with NAME.gold.json gold (e.g. gold/events-dev).
    #[arg(long)]
    pub gold: PathBuf,
    /// Print this many errors (missed, extra, partial).
    #[arg(long, default_value_t = 0)]
    pub show: usize,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// `depesche eval quotes`.
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// A gold JSON file or a directory of them
    /// (e.g. ../shared/data/quotation-attribution-de-2024/data/dev).
    #[arg(long)]
    pub gold: PathBuf,
    /// Print this many errors (missed, extra, partial quote span, wrong speaker).
    #[arg(long, default_value_t = 0)]
    pub show: usize,
    /// A directory with quote models to use instead of the shipped ones (as
    /// `depesche train quotes --out DIR` writes them; without its speakers.tsv
    /// speakers are not re-ranked, without its keep.tsv every labelled quotation is
    /// kept).
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
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
