//! One event, several mentions: a later trigger that names the same happening as
//! an earlier one ("ein Gipfeltreffen in Alaska" … "nach dem Alaska-Gipfel") becomes
//! a mention of it, and a trigger with no actor that names nothing found before is
//! dropped.

use super::clauses::Tokens;
use super::Found;

/// How many earlier events a trigger is compared with: an article's worth, so
/// that a text of megabytes stays linear.
const LOOK_BACK: usize = 100;

/// The events of `found` (in text order) with mentions of one happening merged.
pub fn merge(cx: &Tokens<'_>, found: Vec<Found>) -> Vec<Found> {
    let mut events: Vec<Found> = Vec::new();
    for f in found {
        match events
            .iter_mut()
            .rev()
            .take(LOOK_BACK)
            .find(|e| same(cx, e, &f))
        {
            Some(e) => {
                // the verb names the event better than a noun of its sentence
                // ("Sanktionen … verhängen")
                if e.trigger.noun && !f.trigger.noun && e.sentence == f.sentence {
                    e.mentions.push(e.at);
                    e.at = f.at;
                    e.trigger = f.trigger;
                } else {
                    e.mentions.push(f.at);
                }
                if e.timex.is_none() {
                    e.timex = f.timex;
                }
                if e.args.location.is_none() {
                    e.args.location = f.args.location;
                }
                if e.args.source.is_empty() {
                    e.args.source = f.args.source;
                }
                if e.args.target.is_empty() {
                    e.args.target = f.args.target;
                }
            }
            None if f.args.source.is_empty() && f.args.target.is_empty() => {}
            None => events.push(f),
        }
    }
    events
}

/// Whether `later` names the event `earlier`: the same type and mode, the same
/// reality (negation, plan, claim), no other date or place, and no actor the
/// earlier one lacks (unless the earlier is a noun without actor that the verb of
/// its sentence governs: "Sanktionen … verhängen").
fn same(cx: &Tokens<'_>, earlier: &Found, later: &Found) -> bool {
    let mode_fits = match (&earlier.mode, &later.mode) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let dates_fit = match (earlier.timex, later.timex) {
        (Some(a), Some(b)) => cx.analysis.timexes[a].value == cx.analysis.timexes[b].value,
        _ => true,
    };
    // "… Odessa angegriffen. In der Region Charkiw wurde … beschossen": two places, two attacks
    let places_fit = match (&earlier.args.location, &later.args.location) {
        (Some(a), Some(b)) => a.same_as(b),
        _ => true,
    };
    let claim = |f: &Found| f.modality.claimed_by.as_ref().map(|c| c.entity.clone());
    earlier.trigger.kind == later.trigger.kind
        && mode_fits
        && dates_fit
        && places_fit
        && earlier.modality.negated == later.modality.negated
        && earlier.modality.planned == later.modality.planned
        // a heading sums up what the text then reports, with or without its source
        && (claim(earlier) == claim(later) || cx.heading[earlier.sentence])
        && (later.args.actors().all(|a| earlier.args.names(a.entity))
            // a heading names less than the report of it ("Ukraine-Reise" … "Besuch")
            || (cx.heading[earlier.sentence]
                && earlier.args.actors().all(|a| later.args.names(a.entity)))
            || (earlier.trigger.noun
                && !later.trigger.noun
                && earlier.sentence == later.sentence
                && earlier.args.source.is_empty()))
}
