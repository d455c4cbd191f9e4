//! Event cases (`tests/data/events.txt`): type, mode, trigger, source, target and
//! modality on text written for these tests, and texts that report no event.

use depesche_core::{Article, Event, Pipeline};

fn describe(e: &Event) -> String {
    format!(
        "{} {:?} '{}' {:?} -> {:?} negated={} planned={} hypothetical={} claimed={}",
        e.kind,
        e.mode,
        e.trigger.text,
        e.source.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        e.target.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        e.negated,
        e.planned,
        e.hypothetical,
        e.claimed_by.is_some()
    )
}

/// Checks one `=` line against the event at the same position; returns what is wrong.
fn check(expect: &str, event: Option<&Event>) -> Option<String> {
    let cols: Vec<&str> = expect.split('|').map(str::trim).collect();
    let [kind, mode, trigger, source, target, flags] = cols[..] else {
        return Some(format!("malformed expectation {expect:?}"));
    };
    let Some(e) = event else {
        return Some(format!("no event for {expect:?}"));
    };
    let first = |actors: &[depesche_core::model::ActorRef], want: &str| {
        want == "-" && actors.is_empty() || actors.first().map(|a| a.text.as_str()) == Some(want)
    };
    let flag = |name: &str| flags.split(',').any(|f| f.trim() == name);
    let ok = e.kind.name() == kind
        && e.mode.as_deref().unwrap_or("-") == mode
        && e.trigger.text == trigger
        && first(&e.source, source)
        && first(&e.target, target)
        && e.negated == flag("negated")
        && e.planned == flag("planned")
        && e.hypothetical == flag("hypothetical")
        && e.claimed_by.is_some() == flag("claimed");
    (!ok).then(|| format!("got {}, want {expect:?}", describe(e)))
}

#[test]
fn finds_events_with_actors_and_modality() {
    let pipeline = Pipeline::german().expect("data loads");
    let dct = "2025-10-01".parse().expect("a date");
    let mut failures = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut at = 0;
    let mut checked = 0;
    for line in include_str!("data/events.txt").lines() {
        if let Some(body) = line.strip_prefix("> ") {
            if at < events.len() {
                failures.push(format!("unexpected {}", describe(&events[at])));
            }
            events = pipeline
                .analyze(Article::from_text("case", body, Some(dct)))
                .events;
            at = 0;
        } else if let Some(expect) = line.strip_prefix("= ") {
            checked += 1;
            failures.extend(check(expect, events.get(at)));
            at += 1;
        } else if line.trim() == "!" {
            checked += 1;
            failures.extend(
                events
                    .first()
                    .map(|e| format!("unexpected {}", describe(e))),
            );
            at = events.len();
        }
    }
    if at < events.len() {
        failures.push(format!("unexpected {}", describe(&events[at])));
    }
    assert!(checked >= 10, "only {checked} expectations read");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
