//! Entity cases (`tests/data/entities.txt`): names, kinds, roles, parties, countries
//! and resolved mentions on text written for these tests.

use depesche_core::{Article, Entity, Pipeline};

/// Checks one `=` line against the entities; returns what is wrong.
fn check(expect: &str, entities: &[Entity]) -> Option<String> {
    let cols: Vec<&str> = expect.split('|').map(str::trim).collect();
    let [kind, name, roles, party, country, mentions] = cols[..] else {
        return Some(format!("malformed expectation {expect:?}"));
    };
    let Some(e) = entities
        .iter()
        .find(|e| e.kind.name() == kind && e.name == name)
    else {
        let got: Vec<String> = entities
            .iter()
            .map(|e| format!("{} {}", e.kind, e.name))
            .collect();
        return Some(format!("no {kind} {name:?} among {got:?}"));
    };
    let wrong =
        |what: &str, want: &str, got: String| Some(format!("{name}: {what} {got}, want {want}"));
    if roles != "-"
        && !roles
            .split(',')
            .all(|r| e.roles.iter().any(|have| have == r.trim()))
    {
        return wrong("roles", roles, format!("{:?}", e.roles));
    }
    if party != "-" && e.party.as_deref() != Some(party) {
        return wrong("party", party, format!("{:?}", e.party));
    }
    if country != "-" && e.country.as_deref() != Some(country) {
        return wrong("country", country, format!("{:?}", e.country));
    }
    let got: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    if mentions != "-" && got.join("/") != mentions {
        return wrong("mentions", mentions, got.join("/"));
    }
    None
}

#[test]
fn finds_resolves_and_attributes_entities() {
    let pipeline = Pipeline::german().expect("data loads");
    let dct = "2025-10-01".parse().expect("a date");
    let mut failures = Vec::new();
    let mut entities = Vec::new();
    let mut checked = 0;
    for line in include_str!("data/entities.txt").lines() {
        if let Some(body) = line.strip_prefix("> ") {
            entities = pipeline
                .analyze(Article::from_text("case", body, Some(dct)))
                .entities;
        } else if let Some(expect) = line.strip_prefix("= ") {
            checked += 1;
            failures.extend(check(expect, &entities));
        }
    }
    assert!(checked >= 15, "only {checked} expectations read");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
