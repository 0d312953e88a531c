//! Time expressions as parsed, before they are resolved against a reference date.

use dyad_model::Weekday;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub(crate) fn from_word(w: &str) -> Option<Unit> {
        Some(match w.trim_end_matches('s') {
            "second" if w == "seconds" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "fortnight" => return None,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ if w == "century" || w == "centuries" => Unit::Century,
            _ => return None,
        })
    }

    /// The TIMEX3 duration designator and the multiplier into it.
    pub(crate) fn designator(self) -> (&'static str, f64, bool) {
        // (letter, factor, is a time unit needing the `T` prefix)
        match self {
            Unit::Second => ("S", 1.0, true),
            Unit::Minute => ("M", 1.0, true),
            Unit::Hour => ("H", 1.0, true),
            Unit::Day => ("D", 1.0, false),
            Unit::Week => ("W", 1.0, false),
            Unit::Month => ("M", 1.0, false),
            Unit::Quarter => ("M", 3.0, false),
            Unit::Year => ("Y", 1.0, false),
            Unit::Decade => ("Y", 10.0, false),
            Unit::Century => ("Y", 100.0, false),
        }
    }
}

/// Early, mid or late part of a period ("early 2026", "mid-November", "the late 1990s").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    pub(crate) fn modifier(self) -> &'static str {
        match self {
            Part::Early => "START",
            Part::Mid => "MID",
            Part::Late => "END",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// Vague references: PAST_REF ("recently"), PRESENT_REF ("now"), FUTURE_REF ("soon").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vague {
    Past,
    Present,
    Future,
}

/// Which way an expression's resolution points when the text does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Follow the tense of the sentence.
    Tense,
    /// Before the reference ("last Thursday").
    Back,
    /// After the reference ("next Thursday").
    Forward,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date with any of its parts missing; a missing year is inferred.
    Cal {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        part: Option<&'static str>,
        lean: Lean,
    },
    /// A month or day in the year before, of or after the reference: "June last year".
    CalOfYear {
        month: u8,
        day: Option<u8>,
        offset: i64,
    },
    Weekday {
        day: Weekday,
        part: Option<&'static str>,
        lean: Lean,
    },
    /// yesterday (-1), today (0), tomorrow (+1), with an optional part of the day.
    Today {
        offset: i64,
        part: Option<&'static str>,
    },
    /// "this year" (0), "last week" (-1), "next month" (+1).
    This {
        unit: Unit,
        offset: i64,
    },
    /// "two years ago" (doc), "three days later" (anchor).
    Shift {
        n: i64,
        unit: Unit,
        anchored: bool,
    },
    Quarter {
        n: u8,
        year: Option<i32>,
    },
    /// "the quarter", "the latest quarter": the quarter in focus.
    FocusQuarter,
    Half {
        n: u8,
        year: Option<i32>,
    },
    Season {
        season: Season,
        year: Option<i32>,
        offset: Option<i64>,
    },
    Decade {
        start: i32,
    },
    Century {
        start: i32,
    },
    Fiscal {
        year: i32,
    },
    Fuzzy {
        part: Part,
        inner: Box<Expr>,
    },
    Vague(Vague),
    /// "earlier this year" (-1) and "later this month" (+1).
    SideOfThis {
        unit: Unit,
        side: i64,
    },
    /// "that year", "the same month": the anchor's period.
    AnchorPeriod {
        unit: Unit,
    },
    /// "the weekend" / "this weekend" / "last weekend".
    Weekend {
        offset: i64,
    },
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
    },
    Since(Box<Expr>),
    Until(Box<Expr>),
    /// A length: `n` None is unspecified ("several years").
    Duration {
        n: Option<f64>,
        unit: Unit,
        modifier: Option<&'static str>,
    },
    /// "the following three years" after an anchor; "the next two years" from the reference.
    Following {
        n: f64,
        unit: Unit,
        anchored: bool,
    },
    Set {
        n: i64,
        unit: Unit,
    },
    SetWeekday(Weekday),
    /// A clock time, on a day named with it ("9 a.m. Tuesday") or the reference day.
    Clock {
        hour: u8,
        minute: u8,
        day: Option<Box<Expr>>,
    },
}
