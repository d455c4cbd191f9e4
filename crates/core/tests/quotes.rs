//! Quote cases (`tests/data/quotes.txt`): kind, content, speaker and cue on text
//! written for these tests, and texts that hold no quote at all.

use depesche_core::{Article, Pipeline, Quote};

fn describe(q: &Quote) -> String {
    format!(
        "{:?} {:?} speaker={:?} cue={:?}",
        q.kind,
        q.text,
        q.speaker.as_ref().map(|s| s.text.as_str()),
        q.cue.as_ref().map(|c| c.text.as_str())
    )
}

/// Checks one `=` line against the quote at the same position; returns what is wrong.
fn check(expect: &str, quote: Option<&Quote>) -> Option<String> {
    let cols: Vec<&str> = expect.split('|').map(str::trim).collect();
    let [kind, contains, speaker, cue] = cols[..] else {
        return Some(format!("malformed expectation {expect:?}"));
    };
    let Some(q) = quote else {
        return Some(format!("no quote for {expect:?}"));
    };
    let kind_ok = serde_json::to_value(q.kind).ok() == Some(serde_json::json!(kind));
    let speaker_ok = speaker == "-" || q.speaker.as_ref().map(|s| s.text.as_str()) == Some(speaker);
    let cue_ok =
        cue == "-" && q.cue.is_none() || q.cue.as_ref().map(|c| c.text.as_str()) == Some(cue);
    (!(kind_ok && q.text.contains(contains) && speaker_ok && cue_ok))
        .then(|| format!("got {}, want {expect:?}", describe(q)))
}

#[test]
fn finds_quotes_with_speaker_and_cue() {
    let pipeline = Pipeline::german().expect("data loads");
    let dct = "2025-10-01".parse().expect("a date");
    let mut failures = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut at = 0;
    let mut checked = 0;
    for line in include_str!("data/quotes.txt").lines() {
        if let Some(body) = line.strip_prefix("> ") {
            if at < quotes.len() {
                failures.push(format!("unexpected {}", describe(&quotes[at])));
            }
            quotes = pipeline
                .analyze(Article::from_text("case", body, Some(dct)))
                .quotes;
            at = 0;
        } else if let Some(expect) = line.strip_prefix("= ") {
            checked += 1;
            failures.extend(check(expect, quotes.get(at)));
            at += 1;
        } else if line.trim() == "!" {
            checked += 1;
            failures.extend(
                quotes
                    .first()
                    .map(|q| format!("unexpected {}", describe(q))),
            );
            at = quotes.len();
        }
    }
    if at < quotes.len() {
        failures.push(format!("unexpected {}", describe(&quotes[at])));
    }
    assert!(checked >= 10, "only {checked} expectations read");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
