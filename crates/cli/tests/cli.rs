//! End-to-end tests of the `depesche` binary: exit codes, error reports, formats.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depesche"))
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn run(args: &[&str], paths: &[&Path]) -> Output {
    bin().args(args).args(paths).output().expect("binary runs")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn analyzes_the_reference_article_as_depesche_json() {
    let out = run(
        &["analyze", "--format", "json"],
        &[&repo("examples/seed-2025-08-26-trump-putin.txt")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["schema"], "depesche/1");
    assert_eq!(d["article"]["published"], "2025-08-26");
    assert_eq!(d["article"]["kicker"], "Putins Vorgehen nach Gesprächen");
    // the denial "Moskau dementierte" is an event with its trigger's span
    let events = d["events"].as_array().unwrap();
    let text = d["article"]["text"].as_str().unwrap();
    assert!(events.iter().any(|e| e["type"] == "REJECT"
        && e["mode"] == "deny"
        && e["trigger"]["text"] == "dementierte"));
    for e in events {
        let (start, end) = (
            e["trigger"]["start"].as_u64().unwrap() as usize,
            e["trigger"]["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, e["trigger"]["text"].as_str().unwrap());
    }
    assert!(d["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["kind"] == "direct" && q["text"] == "Ja, das habe ich"));
    let trump = &d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Donald Trump")
        .expect("Donald Trump is an entity");
    assert_eq!(trump["kind"], "PER");
    assert_eq!(trump["roles"], serde_json::json!(["US-Präsident"]));
    let timex = &d["timexes"][0];
    assert_eq!(
        (
            timex["text"].as_str(),
            timex["value"].as_str(),
            timex["mod"].as_str()
        ),
        (Some("Mitte August"), Some("2025-08"), Some("MID"))
    );
    assert_eq!(timex["type"], "DATE");
    let text: Vec<char> = d["article"]["text"].as_str().unwrap().chars().collect();
    let warning = &d["article"]["warnings"][0];
    let (s, e) = (
        warning["start"].as_u64().unwrap() as usize,
        warning["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        "Auf die Frage, wie das Gespräch verlaufen sei, sagte Trump:"
    );
    assert_eq!(warning["kind"], "missing_embed");
    assert!(d["sentences"].as_array().unwrap().len() > 20);
}

#[test]
fn a_directory_with_broken_files_analyses_the_good_ones_and_names_the_bad() {
    let out = run(&["analyze", "--format", "jsonl"], &[&fixture("mixed")]);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["article"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "bad-line-1",
            "bad-line-4",
            "good-1",
            "mixed-good-3a",
            "mixed-good-3b",
            "good-2"
        ]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "bad-date.txt:1: bad publication date",
        "bad-line.jsonl:2: not an article object",
        "bad-line.jsonl:3: missing field `text`",
        "bad-utf8.txt:3: invalid UTF-8",
        "empty.txt:1: empty input",
    ] {
        assert!(
            stderr.contains(needle),
            "stderr lacks {needle:?}:\n{stderr}"
        );
    }
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error:")).count(),
        5,
        "{stderr}"
    );
}

#[test]
fn reads_stdin_and_takes_the_date_from_the_command_line() {
    let mut child = bin()
        .args(["analyze", "--format", "json", "--date", "2025-08-26", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Eine Überschrift\n\nDr. Meier kam am 3. Oktober. Er blieb.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let d = &json_lines(&out)[0];
    assert_eq!(d["article"]["published"], "2025-08-26");
    assert_eq!(d["article"]["title"], "Eine Überschrift");
    assert_eq!(d["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["analyze"], &[]).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "--date", "2025-02-30", "x.txt"], &[])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["analyze", "--format", "xml", "x.txt"], &[])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], &[]).status.code(), Some(2));
}

#[test]
fn a_missing_file_is_named_and_the_rest_still_analysed() {
    let out = run(
        &["analyze", "--format", "json"],
        &[
            Path::new("no/such/file.txt"),
            &repo("examples/plain/ohne-kopf.txt"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt: no such file"));
}

#[test]
fn text_format_summarises_for_people() {
    let out = run(
        &["analyze"],
        &[&repo("examples/seed-2025-08-26-trump-putin.txt")],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("▸ Frage nach Sicherheitsgarantien weiterhin ungeklärt"),
        "{text}"
    );
    assert!(text.contains("MissingEmbed"), "{text}");
    // every layer's facts, the quotes with their speakers resolved to entities
    assert!(text.contains(" PER Donald Trump ("), "{text}");
    assert!(text.contains("q1 direct: Trump = Donald Trump\n"), "{text}");
    assert!(text.contains("“Macht mich sehr wütend”"), "{text}");
    assert!(text.contains("cue “sagte” · content lost"), "{text}");
    assert!(
        text.contains("CONSULT/phone “telefonierte”: Rubio"),
        "{text}"
    );
}

#[test]
fn eval_sentences_scores_depesche_and_other_tools() {
    let gold = fixture("sentence-gold");
    let out = run(
        &["eval", "sentences", "--format", "json", "--gold"],
        &[&gold],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert_eq!(report["documents"], 1);
    // the gold splits at the semicolon; depesche does not, so one boundary is missed
    assert_eq!(report["boundaries"]["tp"], 3);
    assert_eq!(report["boundaries"]["fn"], 1);
    assert_eq!(report["boundaries"]["fp"], 0);
    let out = run(
        &["eval", "sentences", "--format", "json", "--pred"],
        &[&fixture("sentence-gold-pred.jsonl")],
    );
    assert_eq!(out.status.code(), Some(2), "--gold is required");
    let out = bin()
        .args(["eval", "sentences", "--format", "json", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(fixture("sentence-gold-pred.jsonl"))
        .output()
        .unwrap();
    let report = &json_lines(&out)[0];
    assert_eq!(report["boundaries"]["tp"], 1, "only the paragraph end");
    assert_eq!(report["boundaries"]["fn"], 3);
}

#[test]
fn eval_quotes_scores_the_pipeline_against_corpus_json() {
    let out = run(
        &["eval", "quotes", "--format", "json", "--gold"],
        &[&fixture("quote-gold")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert_eq!(report["task"], "quotes");
    assert_eq!(report["documents"], 1);
    // one Direct and one Indirect quotation; the Reported speech act is counted apart
    assert_eq!(report["gold_quotes"], 2);
    assert_eq!(
        report["quote"]["tp"].as_u64().unwrap() + report["quote"]["fn"].as_u64().unwrap(),
        11
    );
    assert_eq!(report["reported"]["annotations"], 1);
    assert_eq!(report["by_type"]["Direct"]["gold_quotes"], 1);
    assert_eq!(report["by_type"]["Indirect"]["gold_quotes"], 1);
    for field in ["f1", "precision", "recall"] {
        let v = report[field].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&v), "{field} = {v}");
    }
    for part in ["speaker", "cue", "addressee", "messages", "type"] {
        assert!(report[part]["f1"].is_number(), "{part}");
    }
    let out = run(
        &["eval", "quotes", "--show", "5", "--gold"],
        &[&fixture("quote-gold")],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Messages (macro)"), "{text}");
    let out = run(
        &["eval", "quotes", "--gold"],
        &[&fixture("germeval-broken.tsv")],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a non-JSON gold file is an error"
    );
    let out = run(&["eval", "quotes", "--gold"], &[Path::new("no/such/dir")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir: no gold documents"));
}

#[test]
fn eval_without_gold_data_says_so() {
    let out = run(
        &["eval", "sentences", "--gold"],
        &[Path::new("no/such/dir")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
}

#[test]
fn bench_reports_every_stage() {
    let out = run(&["bench", "--format", "json"], &[&repo("examples")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert!(report["articles"].as_u64().unwrap() >= 10);
    let stages: Vec<&str> = report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        [
            "article (read)",
            "text",
            "embeds",
            "time",
            "entities",
            "quotes",
            "events",
            "total"
        ]
    );
}

#[test]
fn eval_time_scores_the_shipped_news_gold() {
    let gold = repo("gold/time-news");
    // the gold scored as a prediction of itself is perfect in every measure
    let out = run(
        &[
            "eval", "time", "--format", "json", "--docs", "1-3", "--pred",
        ],
        &[&gold, Path::new("--gold"), &gold],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert_eq!(report["documents"], 3);
    for measure in [
        "strict_extent",
        "relaxed_extent",
        "value",
        "strict_extent_value",
    ] {
        assert_eq!(report[measure]["f1"], 1.0, "{measure}");
    }
    // depesche itself finds expressions there and reports TempEval-3's measures
    let out = run(
        &[
            "eval", "time", "--format", "json", "--docs", "1-3", "--gold",
        ],
        &[&gold],
    );
    let report = &json_lines(&out)[0];
    assert!(report["predicted_timexes"].as_u64().unwrap() > 20);
    assert!(report["relaxed_extent"]["tp"].as_u64().unwrap() > 20);
    let out = run(&["eval", "time", "--docs", "5-2", "--gold"], &[&gold]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an empty range is a usage error"
    );
}

#[test]
fn train_and_eval_ner_on_a_small_gold_file() {
    let gold = fixture("germeval-mini.tsv");
    let dir = std::env::temp_dir().join(format!("depesche-ner-{}", std::process::id()));
    let out = run(
        &["train", "ner", "--epochs", "3", "--data"],
        &[&gold, Path::new("--out"), &dir],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("ner-outer.model").exists() && dir.join("ner-inner.model").exists());
    // the models learnt from the file label the file itself well
    let out = run(
        &["eval", "ner", "--format", "json", "--gold"],
        &[&gold, Path::new("--models"), &dir],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert_eq!(report["sentences"], 8);
    assert!(report["f1"].as_f64().unwrap() > 0.8, "{report}");
    // the built-in models run without --models
    let out = run(&["eval", "ner", "--gold"], &[&gold]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("outer level (strict)"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_ner_gold_file_is_named_with_its_line() {
    let out = run(
        &["eval", "ner", "--gold"],
        &[&fixture("germeval-broken.tsv")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("germeval-broken.tsv:3"), "{err}");
}

#[test]
fn eval_events_scores_the_shipped_gold() {
    let gold = repo("gold/events-dev");
    let out = run(&["eval", "events", "--format", "json", "--gold"], &[&gold]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = &json_lines(&out)[0];
    assert_eq!(report["documents"], 30);
    let typed = &report["type_source"];
    assert!(typed["tp"].as_u64().unwrap() > 0 && typed["f1"].as_f64().unwrap() > 0.0);
    // a gold file without its article is an error naming the file
    let dir = std::env::temp_dir().join(format!("depesche-events-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.gold.json"), r#"{"events": []}"#).unwrap();
    let out = run(&["eval", "events", "--gold"], &[&dir]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a.gold.json") && stderr.contains("no article"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
