//! Event cases (`tests/data/events.txt`): type, mode, trigger, source, target and
//! modality on text written for these tests, and texts that report no event.

mod common;

use depesche_core::Event;

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
    common::run_cases(
        include_str!("data/events.txt"),
        |a| a.events,
        describe,
        check,
    );
}
