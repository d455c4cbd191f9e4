//! Calendar arithmetic on [`Date`]: day numbers, weekdays, ISO weeks, Easter.

use crate::model::Date;

/// Days since 1970-01-01 (negative before), for any valid date.
pub fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of day number `n` (see [`day_number`]), if it is within years 1–9999.
pub fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
}

/// `d` moved by `days`.
pub fn add_days(d: Date, days: i64) -> Option<Date> {
    from_day_number(day_number(d) + days)
}

/// ISO weekday: Monday 1 … Sunday 7.
pub fn weekday(d: Date) -> u8 {
    ((day_number(d) + 3).rem_euclid(7) + 1) as u8
}

/// ISO week-numbering year and week of `d`.
pub fn iso_week(d: Date) -> (i64, u8) {
    let thursday = day_number(d) - i64::from(weekday(d)) + 4;
    let Some(t) = from_day_number(thursday) else {
        return (i64::from(d.year()), 1);
    };
    let jan1 = Date::new(t.year(), 1, 1).map_or(thursday, day_number);
    (i64::from(t.year()), ((thursday - jan1) / 7 + 1) as u8)
}

/// The first day of the month `months` after (or before) `d`'s month.
pub fn add_months(d: Date, months: i64) -> Option<Date> {
    let index = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + months;
    let year = u16::try_from(index.div_euclid(12)).ok()?;
    Date::new(year, (index.rem_euclid(12) + 1) as u8, 1)
}

/// Easter Sunday of `year` (anonymous Gregorian algorithm).
pub fn easter(year: u16) -> Option<Date> {
    let y = i64::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn computes_weekdays_weeks_and_easter() {
        assert_eq!(weekday(d("2025-08-26")), 2);
        assert_eq!(iso_week(d("2025-08-26")), (2025, 35));
        assert_eq!(iso_week(d("2021-01-03")), (2020, 53));
        assert_eq!(iso_week(d("2024-12-30")), (2025, 1));
        assert_eq!(add_days(d("2025-03-01"), -1), Some(d("2025-02-28")));
        assert_eq!(
            from_day_number(day_number(d("1939-09-01"))),
            Some(d("1939-09-01"))
        );
        assert_eq!(add_months(d("2025-01-31"), -2), Some(d("2024-11-01")));
        assert_eq!(easter(2025), Some(d("2025-04-20")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
    }
}
