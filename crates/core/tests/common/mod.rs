//! The case-file runner shared by the quote and event tests.
//!
//! A case file holds article bodies (`> ` lines, published 2025-10-01) and, after each,
//! `= ` lines that expect one item of a layer each, in order, or a `!` line that says
//! the layer is empty. Items no line expects are failures too.

use depesche_core::{Analysis, Article, Pipeline};

/// Runs every case of `cases`: `layer` takes the items out of an analysis,
/// `describe` shows an item, `check` compares an expectation with the item at its
/// position and says what is wrong. Fails with every failure listed.
pub fn run_cases<T>(
    cases: &str,
    layer: impl Fn(Analysis) -> Vec<T>,
    describe: impl Fn(&T) -> String,
    check: impl Fn(&str, Option<&T>) -> Option<String>,
) {
    let pipeline = Pipeline::german().expect("data loads");
    let dct = "2025-10-01".parse().expect("a date");
    let mut failures = Vec::new();
    let mut items: Vec<T> = Vec::new();
    let mut at = 0;
    let mut checked = 0;
    for line in cases.lines() {
        if let Some(body) = line.strip_prefix("> ") {
            if at < items.len() {
                failures.push(format!("unexpected {}", describe(&items[at])));
            }
            // `\n` in a body breaks the line (a blank line between paragraphs)
            let body = body.replace("\\n", "\n");
            items = layer(pipeline.analyze(Article::from_text("case", &body, Some(dct))));
            at = 0;
        } else if let Some(expect) = line.strip_prefix("= ") {
            checked += 1;
            failures.extend(check(expect, items.get(at)));
            at += 1;
        } else if line.trim() == "!" {
            checked += 1;
            failures.extend(items.first().map(|i| format!("unexpected {}", describe(i))));
            at = items.len();
        }
    }
    if at < items.len() {
        failures.push(format!("unexpected {}", describe(&items[at])));
    }
    assert!(checked >= 10, "only {checked} expectations read");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
