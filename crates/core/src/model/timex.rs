//! Time expressions: the `timexes` layer (TIMEX3, as HeidelTime writes it).

use super::Span;
use serde::Serialize;

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2025-08-25`, `2025-W34`, `2025-08`, `PRESENT_REF`.
    Date,
    /// A time of day: `2025-08-25T14:30`, `2025-08-25TEV`.
    Time,
    /// A length of time: `P2W`, `PT48H`.
    Duration,
    /// A recurrence: `P1D` (täglich), `XXXX-WXX-1` (jeden Montag).
    Set,
}

impl TimexType {
    const ALL: [TimexType; 4] = [
        TimexType::Date,
        TimexType::Time,
        TimexType::Duration,
        TimexType::Set,
    ];

    /// The TIMEX3 name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn name(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// The type named `name` (`DATE`, `TIME`, `DURATION`, `SET`; any case).
    pub fn parse(name: &str) -> Option<TimexType> {
        TimexType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for TimexType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One normalised time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// `t1`, `t2`, … in text order.
    pub id: String,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The words as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value; underspecified (`XXXX-XX-XX`) where the anchor date is unknown.
    pub value: String,
    /// TIMEX3 mod (`START`, `MID`, `END`, `APPROX`, …).
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// When something was said or happened: a time expression's value and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRef {
    /// The TIMEX3 value ("2025-08-25").
    pub value: String,
    /// The id of the time expression it comes from (`t3`).
    pub timex: String,
}
