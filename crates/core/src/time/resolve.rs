//! Value templates: captures and reference dates into TIMEX3 values.
//!
//! A template is text with `{…}` parts, expanded innermost first:
//! * `{name}`, `{name.1}`: a capture's field; `{name-1}`, `{name+1}`: its number moved.
//! * `{last:OP}`: from the last date mentioned in any way ("zwei Wochen später");
//!   `{in:YEAR:OP}`: from January 1 of YEAR ("Ostern 2026": `{in:{year}:easter+0}`).
//! * `{mode:NEWS|NARRATIVE}`: the first in news, the second in history (`-`: the
//!   first there too), as "heute" is a day in news but PRESENT_REF in history.
//! * `{REF:OP}` with REF `dct` (the publication date, for deictic words: heute,
//!   am Montag, vergangene Woche) or `anchor` (the last date the text mentioned,
//!   initially the publication date: for "zwei Wochen später", "am 3. Oktober")
//!   or `rel` (the publication date, but the anchor when a past-tense clause
//!   points forward, "griff erst im nächsten Jahr wieder an", or when the story
//!   lies years away from the publication date, as in history):
//!   `date±N` → YYYY-MM-DD · `week±N` → YYYY-Www · `month±N` → YYYY-MM ·
//!   `year±N` → YYYY · `weekday:W:DIR[:SHIFT]` → the date of ISO weekday W, DIR
//!   being `tense` (past: the last one before; otherwise the next one after), `-1`,
//!   `+1` or `0` (in the same week), `tense=` counting the reference day itself,
//!   SHIFT days added (a night is written as the evening before) · `weekend:DIR` → YYYY-Www-WE · `easter±N` → the
//!   date N days from Easter Sunday of the reference year.
//!
//! `anchor` day-level operations (date, week, weekday, weekend) use the last full
//! day mentioned; in news (not narrative) `{anchor:year}` is the publication
//! year, which the caller moves by tense ([`by_tense`]).
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
    /// The last date the text named itself (initially the publication date):
    /// the story time of a narrative.
    pub anchor: Option<Date>,
    /// The last full day mentioned, deictic ones included (initially the
    /// publication date): what "um 18 Uhr" and "am selben Tag" refer to.
    pub day: Option<Date>,
    /// The date of the last expression of any kind ("am Montag", "im Mai 2023"):
    /// what "zwei Wochen später" counts from.
    pub last: Option<Date>,
    /// The text tells history (most of its years lie far from the publication
    /// date): year-less dates and relative words count from the story, not from
    /// the publication date.
    pub narrative: bool,
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
    if let Some(choice) = inner.strip_prefix("mode:") {
        let (news, narrative) = choice.split_once('|')?;
        return Some(
            if ctx.narrative && narrative != "-" {
                narrative
            } else {
                news
            }
            .to_string(),
        );
    }
    if let Some(op) = inner.strip_prefix("dct:") {
        return reference(ctx.dct, op, ctx.tense);
    }
    if let Some(op) = inner.strip_prefix("anchor:") {
        let day_level = ["date", "week", "weekday", "weekend"]
            .iter()
            .any(|p| op.starts_with(p));
        let base = if day_level {
            ctx.day.or(ctx.anchor)
        } else if !ctx.narrative && (op == "year" || op.starts_with("easter")) {
            // news: the year of the publication date (tense adjusts it afterwards)
            ctx.dct.or(ctx.anchor)
        } else if !ctx.narrative && op.starts_with("month") {
            ctx.day.or(ctx.anchor)
        } else {
            ctx.anchor
        };
        return reference(base, op, ctx.tense);
    }
    if let Some(op) = inner.strip_prefix("last:") {
        return reference(ctx.last.or(ctx.day), op, ctx.tense);
    }
    if let Some(rest) = inner.strip_prefix("in:") {
        let (year, op) = rest.split_once(':')?;
        return reference(Date::new(year.parse().ok()?, 1, 1), op, ctx.tense);
    }
    if let Some(op) = inner.strip_prefix("rel:") {
        let forward = op.contains('+') || op.ends_with(":1");
        let base = if ctx.narrative || (ctx.tense == Tense::Past && forward) {
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
            // W:DIR[:SHIFT]; DIR `tense=` includes the reference day itself
            let mut parts = arg.split(':');
            let w: i64 = parts.next()?.parse().ok()?;
            let dir = parts.next()?;
            let shift: i64 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
            let inclusive = dir.ends_with('=');
            let wd = i64::from(weekday(d));
            // strictly before or after the reference day; 7 days when it is that weekday
            let days_back = match ((wd - w).rem_euclid(7), inclusive) {
                (0, false) => 7,
                (n, _) => n,
            };
            let days_ahead = match ((w - wd).rem_euclid(7), inclusive) {
                (0, false) => 7,
                (n, _) => n,
            };
            let delta = match direction(dir.trim_end_matches('='), tense)? {
                -1 => -days_back,
                1 => days_ahead,
                _ => w - wd,
            };
            Some(add_days(d, delta + shift)?.to_string())
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

/// In news, a year-less date filled with the publication year is moved by tense:
/// past tense and later than the publication date → the year before; future and
/// earlier → the year after ("am 1. Januar" in November, future → next year).
pub fn by_tense(value: &str, ctx: &Context) -> Option<String> {
    let dct = ctx.dct?;
    let year: i64 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    let month = match rest.get(1..3) {
        Some(m) if rest.starts_with('-') => match m {
            "Q1" | "H1" => 1,
            "SP" => 3,
            "Q2" => 4,
            "SU" => 6,
            "Q3" | "H2" => 7,
            "FA" => 9,
            "Q4" => 10,
            "WI" => 12,
            _ => m.parse::<i64>().ok()?,
        },
        _ => return None,
    };
    let day: i64 = rest.get(4..6).and_then(|d| d.parse().ok()).unwrap_or(0);
    let here = (year, month, day);
    let now = (
        i64::from(dct.year()),
        i64::from(dct.month()),
        if day == 0 { 0 } else { i64::from(dct.day()) },
    );
    let shift = match ctx.tense {
        Tense::Past if here > now && year == now.0 => -1,
        Tense::Future if here < now && year == now.0 => 1,
        _ => 0,
    };
    Some(format!("{:04}{rest}", year + shift))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(tense: Tense) -> Context {
        let d: Date = "2025-08-26".parse().unwrap();
        Context {
            dct: Some(d),
            anchor: Some("2023-05-10".parse().unwrap()),
            day: Some("2023-05-10".parse().unwrap()),
            last: Some("2023-05-10".parse().unwrap()),
            narrative: true,
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
            day: None,
            last: None,
            narrative: true,
            tense: Tense::Past,
        };
        assert_eq!(render("{dct:date-1}", &[], &unknown).unwrap(), "XXXX-XX-XX");
        assert_eq!(
            render("{anchor:year}-10-03", &[], &unknown).unwrap(),
            "XXXX-10-03"
        );
        assert_eq!(render("{missing}", &[], &past), None);
    }

    #[test]
    fn mode_picks_by_genre() {
        let narrative = ctx(Tense::Present);
        let news = Context {
            narrative: false,
            ..narrative
        };
        let heute = [cap("deictic", "+0")];
        let t = "{mode:{dct:date{deictic}}|PRESENT_REF}";
        assert_eq!(render(t, &heute, &news).unwrap(), "2025-08-26");
        assert_eq!(render(t, &heute, &narrative).unwrap(), "PRESENT_REF");
        assert_eq!(render("{mode:a|-}", &[], &narrative).unwrap(), "a");
    }

    #[test]
    fn news_counts_from_the_publication_date_and_moves_years_by_tense() {
        let past = Context {
            narrative: false,
            ..ctx(Tense::Past)
        };
        let future = Context {
            narrative: false,
            ..ctx(Tense::Future)
        };
        assert_eq!(render("{rel:year+1}", &[], &future).unwrap(), "2026");
        assert_eq!(render("{rel:year+1}", &[], &past).unwrap(), "2024");
        assert_eq!(render("{rel:year-1}", &[], &past).unwrap(), "2024");
        assert_eq!(render("{anchor:year}-03", &[], &future).unwrap(), "2025-03");
        assert_eq!(by_tense("2025-03", &future).as_deref(), Some("2026-03"));
        assert_eq!(by_tense("2025-10-03", &past).as_deref(), Some("2024-10-03"));
        assert_eq!(by_tense("2025-Q4", &past).as_deref(), Some("2024-Q4"));
        assert_eq!(by_tense("2025-08-20", &past).as_deref(), Some("2025-08-20"));
        // the night to Tuesday 2025-08-26, told on that Tuesday, is the Monday evening
        assert_eq!(
            render("{dct:weekday:2:tense=:-1}TNI", &[], &past).unwrap(),
            "2025-08-25TNI"
        );
        assert_eq!(
            render("{dct:weekday:2:tense:-1}TNI", &[], &past).unwrap(),
            "2025-08-18TNI"
        );
    }
}
