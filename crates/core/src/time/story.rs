//! The reference dates a text builds up as it is read: what relative expressions
//! count from.
//!
//! * the **anchor**: the last date the text named itself (not deictic words), the
//!   story time of a narrative;
//! * the **day**: the last full day mentioned, which clock times refer to; in news it
//!   expires after a sentence, and after a night (TNI) mornings belong to the next day;
//! * the **last** date of any kind, for "zwei Wochen später".

use super::calendar::add_days;
use super::resolve::{by_tense, Context, Tense};
use super::{date_of, is_full_date};
use crate::model::{Date, TimexType};

/// Reference dates while reading one text.
pub struct Story {
    dct: Option<Date>,
    narrative: bool,
    anchor: Option<Date>,
    day: Option<Date>,
    last: Option<Date>,
    /// The sentence that set `day`.
    day_set_in: usize,
    /// Whether `day` came from a night (TNI).
    night: bool,
}

impl Story {
    /// A story starting at the publication date `dct`, read as news or history.
    pub fn new(dct: Option<Date>, narrative: bool) -> Story {
        Story {
            dct,
            narrative,
            anchor: dct,
            day: dct,
            last: dct,
            day_set_in: 0,
            night: false,
        }
    }

    /// The context for an expression in sentence `sentence` whose clause has `tense`.
    pub fn context(&mut self, sentence: usize, tense: Tense) -> Context {
        // in news, a day named two sentences back no longer holds: "um 14.30 Uhr"
        // then means the day of publication
        if !self.narrative && sentence > self.day_set_in + 1 {
            self.day = self.dct;
            self.night = false;
        }
        Context {
            dct: self.dct,
            anchor: self.anchor,
            day: self.day,
            last: self.last,
            narrative: self.narrative,
            tense,
        }
    }

    /// `value`, rendered from `template`, corrected for what the template cannot
    /// know: in news a year-less date moves by tense; after "in der Nacht zu
    /// Freitag" (Thursday TNI), "gegen 3 Uhr" and "am Morgen" are Friday's.
    pub fn adjust(&self, template: &str, value: String, ctx: &Context) -> String {
        let mut value = value;
        if !self.narrative
            && (template.contains("{anchor:year}") || template.contains("{anchor:easter"))
        {
            value = by_tense(&value, ctx).unwrap_or(value);
        }
        if self.night && template.contains("{anchor:date}") && is_morning(&value) {
            value = next_day(&value).unwrap_or(value);
        }
        value
    }

    /// Moves the story on after an expression of `kind` with `value` from `template`;
    /// an aside (`moves_story` false: "bis 1915", "(1908)") leaves the story time.
    pub fn advance(
        &mut self,
        kind: TimexType,
        template: &str,
        value: &str,
        tense: Tense,
        sentence: usize,
        moves_story: bool,
    ) {
        if !matches!(kind, TimexType::Date | TimexType::Time) {
            return;
        }
        // the story moves on with each date the text names itself; deictic words
        // ("heute", "am Montag") point at the publication date instead
        let from_dct = template.contains("{dct:")
            || (template.contains("{rel:") && tense != Tense::Past && !self.narrative);
        // a look back from the story ("im vorangegangenen Jahr", "zwei Jahre
        // zuvor") is a flashback: the story stays in its year
        let relative = ["{anchor:", "{last:", "{rel:"]
            .iter()
            .any(|r| template.contains(r));
        let looks_back = relative
            && matches!((date_of(value), self.anchor), (Some(d), Some(a)) if d.year() < a.year());
        if !from_dct && !looks_back && moves_story {
            self.anchor = date_of(value).or(self.anchor);
        }
        self.last = date_of(value).or(self.last);
        if is_full_date(value) {
            self.day = date_of(value).or(self.day);
            self.day_set_in = sentence;
            self.night = value.ends_with("TNI");
        }
    }
}

/// Whether a TIME value lies in the morning hours (before noon, TMO).
fn is_morning(value: &str) -> bool {
    match value.split_once('T') {
        Some((_, "MO")) => true,
        Some((_, time)) => time
            .get(..2)
            .and_then(|h| h.parse::<u8>().ok())
            .is_some_and(|h| h < 12),
        None => false,
    }
}

/// A `YYYY-MM-DDT…` value moved to the next day.
fn next_day(value: &str) -> Option<String> {
    let (date, time) = value.split_once('T')?;
    let day: Date = date.parse().ok()?;
    Some(format!("{}T{time}", add_days(day, 1)?))
}
