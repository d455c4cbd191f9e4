//! Table-driven segmentation tests: `tests/data/sentences.txt` (expected sentences,
//! one per line, cases separated by `---`) and `tests/data/tokens.txt` (`IN:`/`OUT:` pairs).

use depesche_core::article::line_blocks;
use depesche_core::text::{Segmenter, TextLexicon};

fn segmenter() -> Segmenter {
    Segmenter::new(TextLexicon::german().expect("shipped lexicon loads"))
}

/// The sentences of `text` as strings.
fn sentences(seg: &Segmenter, text: &str) -> Vec<String> {
    let (_, found) = seg.segment(text, &line_blocks(text));
    found
        .iter()
        .map(|s| s.span.slice(text).to_string())
        .collect()
}

#[test]
fn splits_every_sentence_case() {
    let seg = segmenter();
    let data = include_str!("data/sentences.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for case in data.split("\n---\n") {
        let expected: Vec<String> = case
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        if expected.is_empty() {
            continue;
        }
        cases += 1;
        let input = expected.join(" ");
        let got = sentences(&seg, &input);
        if got != expected {
            failures.push(format!(
                "input:    {input}\nexpected: {expected:#?}\ngot:      {got:#?}"
            ));
        }
    }
    assert!(cases >= 80, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn tokenizes_every_token_case() {
    let seg = segmenter();
    let data = include_str!("data/tokens.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut input = None;
    for line in data.lines() {
        if let Some(i) = line.strip_prefix("IN: ") {
            input = Some(i);
        } else if let Some(o) = line.strip_prefix("OUT: ") {
            let Some(text) = input.take() else { continue };
            cases += 1;
            let expected: Vec<&str> = o.split(" | ").collect();
            let (tokens, _) = seg.segment(text, &line_blocks(text));
            let got: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
            if got != expected {
                failures.push(format!(
                    "input:    {text}\nexpected: {}\ngot:      {}",
                    expected.join(" | "),
                    got.join(" | ")
                ));
            }
        }
    }
    assert!(cases >= 40, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
