//! Issue 3's cover list as a table (`tests/data/timexes.txt`): each expression
//! must be found with exactly the given type, value and mod.

use depesche_core::{Article, Pipeline};

#[test]
fn finds_and_normalises_every_listed_expression() {
    let pipeline = Pipeline::german().expect("lexicons load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, line) in include_str!("data/timexes.txt").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split(" | ");
        let (Some(dct), Some(sentence), Some(expected)) = (cols.next(), cols.next(), cols.next())
        else {
            panic!("line {}: expected 'DCT | sentence | expectations'", n + 1);
        };
        let dct = (dct != "-").then(|| dct.parse().expect("a valid date"));
        let analysis = pipeline.analyze(Article::from_text("case", sentence, dct));
        let found: Vec<String> = analysis
            .timexes
            .iter()
            .map(|t| {
                let m = t
                    .modifier
                    .as_deref()
                    .map(|m| format!(" {m}"))
                    .unwrap_or_default();
                format!("{} => {} {}{m}", t.text, t.kind, t.value)
            })
            .collect();
        for want in expected.split("; ") {
            checked += 1;
            if !found.iter().any(|f| f == want) {
                failures.push(format!(
                    "line {}: {sentence}\n  want {want}\n  got  {found:?}",
                    n + 1
                ));
            }
        }
    }
    assert!(checked >= 60, "only {checked} expectations read");
    assert!(
        failures.is_empty(),
        "{} of {checked} expectations fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
