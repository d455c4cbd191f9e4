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
    /// The type named `name` (`DATE`, `TIME`, `DURATION`, `SET`; any case).
    pub fn parse(name: &str) -> Option<TimexType> {
        match name.to_ascii_uppercase().as_str() {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
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
