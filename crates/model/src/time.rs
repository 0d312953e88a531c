//! Normalised time expressions: a TIMEX3 value plus the explicit interval it means.

use crate::{Date, Span};
use serde::Serialize;

/// What sort of time an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    /// A point or period on the calendar ("6 November 2025", "last week", "the 1990s").
    Date,
    /// An interval between two times, or open at one end ("from 2020 to 2022", "since 1992").
    Range,
    /// A length of time ("three decades").
    Duration,
    /// A recurrence ("annually", "every three years").
    Set,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Range => "range",
            TimeKind::Duration => "duration",
            TimeKind::Set => "set",
        }
    }
}

/// The precision of a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Time,
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// PAST_REF, PRESENT_REF, FUTURE_REF and other values without a calendar unit.
    Vague,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::Vague => "vague",
        }
    }
}

/// How the interval of an expression was fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// Fully stated in the text ("6 November 2025").
    Absolute,
    /// Resolved against the document date ("Thursday", "last year").
    Document,
    /// Resolved against an earlier date in the text ("two days later").
    Anchor,
    /// Not resolvable: no reference date was known.
    Unresolved,
}

/// A time expression found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    /// TIMEX3 value: `2025-11-06`, `2025-11`, `199X`, `P3Y`, `XXXX-WXX-4`, `PAST_REF`, or for
    /// ranges `START/END` with an empty side when open (`1992/`).
    pub value: String,
    /// First day of the interval meant (inclusive); `None` when open or unknown.
    pub from: Option<Date>,
    /// Last day of the interval meant (inclusive); `None` when open or unknown.
    pub to: Option<Date>,
    pub granularity: Granularity,
    pub kind: TimeKind,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `MORE_THAN`, `LESS_THAN`, ... when stated.
    pub modifier: Option<&'static str>,
    pub basis: TimeBasis,
    /// For ranges: the spans and values of the endpoints as written ("since [1992]"), so that
    /// TimeML-style evaluations can score them one by one.
    pub parts: Vec<(Span, String)>,
}
