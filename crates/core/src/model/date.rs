//! Calendar dates as the schema writes them (`YYYY-MM-DD`).

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A valid Gregorian calendar date: an article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("'{0}' is not a date of the form YYYY-MM-DD")]
    Format(String),
    /// The form is right but the day does not exist (2025-02-30, month 13, year 0).
    #[error("'{0}' is not a day of the calendar")]
    Impossible(String),
}

impl Date {
    /// The date, if `year-month-day` exists in the Gregorian calendar (years 1–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses exactly `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(DateError::Format(s.to_string()));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().unwrap_or(0);
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        Date::new(y, m as u8, d as u8).ok_or_else(|| DateError::Impossible(s.to_string()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_impossible_dates() {
        assert_eq!(
            "2025-08-26".parse::<Date>().unwrap().to_string(),
            "2025-08-26"
        );
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!(matches!(
            "2025-02-29".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            "2025-13-01".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            "0000-01-01".parse::<Date>(),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            "2025-8-26".parse::<Date>(),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            "2025-08-26T10".parse::<Date>(),
            Err(DateError::Format(_))
        ));
    }
}
