//! Value templates: captures and reference dates into TIMEX3 values.
//!
//! A template is text with `{…}` parts, expanded innermost first:
//! * `{name}`, `{name.1}`: a capture's field; `{name-1}`, `{name+1}`: its number moved.
//! * `{REF:OP}` with REF `dct` (the publication date, for deictic words: heute,
//!   am Montag, vergangene Woche) or `anchor` (the last date the text mentioned,
//!   initially the publication date: for "zwei Wochen später", "am 3. Oktober")
//!   or `rel` (the publication date, but the anchor when a past-tense clause
//!   points forward, "griff erst im nächsten Jahr wieder an", or when the story
//!   lies years away from the publication date, as in history):
//!   `date±N` → YYYY-MM-DD · `week±N` → YYYY-Www · `month±N` → YYYY-MM ·
//!   `year±N` → YYYY · `weekday:W:DIR` → the date of ISO weekday W, DIR being
//!   `tense` (past: the last one before; otherwise the next one after), `-1`, `+1`
//!   or `0` (in the same week) · `weekend:DIR` → YYYY-Www-WE · `easter±N` → the
//!   date N days from Easter Sunday of the reference year.
//!
//! An unknown reference date gives an underspecified value (`XXXX-XX-XX`,
//! `XXXX-WXX`, `XXXX-XX`, `XXXX`); nothing is invented.

use super::calendar::{add_days, add_months, easter, iso_week, weekday};
use super::matcher::Capture;
use crate::model::Date;

/// The tense of the clause an expression stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Präteritum, Perfekt, Plusquamperfekt.
    Past,
    /// Präsens without a future marker.
    Present,
    /// Futur, or a modal or noun that points forward (soll, geplant).
    Future,
}

/// What a template is resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The publication date.
    pub dct: Option<Date>,
    /// The last date mentioned (initially the publication date).
    pub anchor: Option<Date>,
    /// The tense of the expression's clause.
    pub tense: Tense,
}

/// The expansion of `template`, or `None` if it cannot be built (an unknown
/// capture, an impossible date).
pub fn render(template: &str, captures: &[Capture], ctx: &Context) -> Option<String> {
    let mut s = template.to_string();
    while let Some(close) = s.find('}') {
        let open = s[..close].rfind('{')?;
        let expanded = expand(&s[open + 1..close], captures, ctx)?;
        s.replace_range(open..=close, &expanded);
    }
    (!s.contains('{')).then_some(s)
}

fn expand(inner: &str, captures: &[Capture], ctx: &Context) -> Option<String> {
    if let Some(op) = inner.strip_prefix("dct:") {
        return reference(ctx.dct, op, ctx.tense);
    }
    if let Some(op) = inner.strip_prefix("anchor:") {
        return reference(ctx.anchor, op, ctx.tense);
    }
    if let Some(op) = inner.strip_prefix("rel:") {
        let forward = op.contains('+') || op.ends_with(":1");
        // a story told years away from the publication date is history: count from it
        let historical = match (ctx.anchor, ctx.dct) {
            (Some(a), Some(d)) => a.year().abs_diff(d.year()) > 1,
            _ => false,
        };
        let base = if historical || (ctx.tense == Tense::Past && forward) {
            ctx.anchor
        } else {
            ctx.dct
        };
        return reference(base, op, ctx.tense);
    }
    let split = inner.find(['+', '-']).unwrap_or(inner.len());
    let (head, shift) = inner.split_at(split);
    let (name, field) = match head.split_once('.') {
        Some((n, f)) => (n, f.parse::<usize>().ok()?),
        None => (head, 0),
    };
    let value = captures
        .iter()
        .find(|c| c.name == name)?
        .fields
        .get(field)?;
    if shift.is_empty() {
        return Some(value.clone());
    }
    let n: i64 = value.parse().ok()?;
    let moved = n + shift.parse::<i64>().ok()?;
    Some(format!("{moved:0width$}", width = value.len()))
}

/// `op` applied to the reference date `base`.
fn reference(base: Option<Date>, op: &str, tense: Tense) -> Option<String> {
    let (name, arg) = op.split_once(':').map_or_else(
        || {
            let i = op.find(['+', '-']).unwrap_or(op.len());
            (&op[..i], &op[i..])
        },
        |(n, a)| (n, a),
    );
    let offset = || -> Option<i64> {
        if arg.is_empty() {
            Some(0)
        } else {
            arg.parse().ok()
        }
    };
    let Some(d) = base else {
        return Some(
            match name {
                "week" => "XXXX-WXX",
                "weekend" => "XXXX-WXX-WE",
                "month" => "XXXX-XX",
                "year" => "XXXX",
                _ => "XXXX-XX-XX",
            }
            .to_string(),
        );
    };
    match name {
        "date" => Some(add_days(d, offset()?)?.to_string()),
        "week" => Some(week(add_days(d, 7 * offset()?)?)),
        "month" => Some(add_months(d, offset()?)?.to_string()[..7].to_string()),
        "year" => Some(format!("{:04}", i64::from(d.year()) + offset()?)),
        "easter" => Some(add_days(easter(d.year())?, offset()?)?.to_string()),
        "weekday" => {
            let (w, dir) = arg.split_once(':')?;
            let w: i64 = w.parse().ok()?;
            let wd = i64::from(weekday(d));
            // strictly before or after the reference day; 7 days when it is that weekday
            let days_back = match (wd - w).rem_euclid(7) {
                0 => 7,
                n => n,
            };
            let days_ahead = match (w - wd).rem_euclid(7) {
                0 => 7,
                n => n,
            };
            let delta = match direction(dir, tense)? {
                -1 => -days_back,
                1 => days_ahead,
                _ => w - wd,
            };
            Some(add_days(d, delta)?.to_string())
        }
        "weekend" => {
            let wd = i64::from(weekday(d));
            let shift = match direction(arg, tense)? {
                -1 if wd < 6 => -7,
                1 if wd == 7 => 7,
                _ => 0,
            };
            Some(format!("{}-WE", week(add_days(d, shift)?)))
        }
        _ => None,
    }
}

/// `-1`, `0` or `1` for a direction argument; `tense` reads the clause's tense.
fn direction(dir: &str, tense: Tense) -> Option<i64> {
    match dir {
        "tense" => Some(if tense == Tense::Past { -1 } else { 1 }),
        "-1" => Some(-1),
        "0" => Some(0),
        "+1" | "1" => Some(1),
        _ => None,
    }
}

fn week(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(tense: Tense) -> Context {
        let d: Date = "2025-08-26".parse().unwrap();
        Context {
            dct: Some(d),
            anchor: Some("2023-05-10".parse().unwrap()),
            tense,
        }
    }

    fn cap(name: &str, v: &str) -> Capture {
        Capture {
            name: name.into(),
            fields: vec![v.into()],
        }
    }

    #[test]
    fn resolves_references_by_tense_and_anchor() {
        let past = ctx(Tense::Past);
        let future = ctx(Tense::Future);
        let monday = [cap("weekday", "1")];
        assert_eq!(
            render("{dct:weekday:{weekday}:tense}", &monday, &past).unwrap(),
            "2025-08-25"
        );
        assert_eq!(
            render("{dct:weekday:{weekday}:tense}", &monday, &future).unwrap(),
            "2025-09-01"
        );
        let tuesday = [cap("weekday", "2")];
        assert_eq!(
            render("{dct:weekday:{weekday}:-1}", &tuesday, &past).unwrap(),
            "2025-08-19"
        );
        assert_eq!(
            render("{dct:weekday:{weekday}:+1}", &tuesday, &past).unwrap(),
            "2025-09-02"
        );
        assert_eq!(
            render("{dct:weekday:{weekday}:0}", &monday, &past).unwrap(),
            "2025-08-25"
        );
        assert_eq!(render("{dct:week-1}", &[], &past).unwrap(), "2025-W34");
        assert_eq!(
            render("{dct:date-{num}}", &[cap("num", "3")], &past).unwrap(),
            "2025-08-23"
        );
        assert_eq!(
            render("{anchor:date+14}", &[], &past).unwrap(),
            "2023-05-24"
        );
        assert_eq!(
            render("{anchor:year}-{month}", &[cap("month", "08")], &past).unwrap(),
            "2023-08"
        );
        assert_eq!(
            render("{ordnum-1}", &[cap("ordnum", "19")], &past).unwrap(),
            "18"
        );
        assert_eq!(render("{dct:easter+49}", &[], &past).unwrap(), "2025-06-08");
        assert_eq!(
            render("{dct:weekend:tense}", &[], &past).unwrap(),
            "2025-W34-WE"
        );
        assert_eq!(render("{dct:month-3}", &[], &past).unwrap(), "2025-05");
        let unknown = Context {
            dct: None,
            anchor: None,
            tense: Tense::Past,
        };
        assert_eq!(render("{dct:date-1}", &[], &unknown).unwrap(), "XXXX-XX-XX");
        assert_eq!(
            render("{anchor:year}-10-03", &[], &unknown).unwrap(),
            "XXXX-10-03"
        );
        assert_eq!(render("{missing}", &[], &past), None);
    }
}
