//! Resolution: a parsed expression plus what the text around it says (reference date, tense,
//! the last date mentioned) gives a TIMEX3 value and an explicit interval.

use crate::expr::{Expr, Lean, Part, Season, Unit, Vague};
use crate::tense::Tense;
use dyad_model::{Date, Granularity, TimeBasis, TimeKind, Weekday};

/// What resolution knows about the surrounding text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub(crate) reference: Option<Date>,
    pub(crate) tense: Tense,
    /// The last date mentioned before this expression (for "two days later", "that year").
    pub(crate) anchor: Option<Resolved>,
    /// The last quarter mentioned ("the quarter", "a year earlier" in earnings reports).
    pub(crate) focus_quarter: Option<(i32, u8)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) granularity: Granularity,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Output {
    pub(crate) value: String,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) granularity: Granularity,
    pub(crate) kind: TimeKind,
    pub(crate) modifier: Option<&'static str>,
    pub(crate) basis: TimeBasis,
}

impl Output {
    fn date(
        value: String,
        from: Date,
        to: Date,
        granularity: Granularity,
        basis: TimeBasis,
    ) -> Output {
        Output {
            value,
            from: Some(from),
            to: Some(to),
            granularity,
            kind: TimeKind::Date,
            modifier: None,
            basis,
        }
    }

    fn unresolved(value: String, granularity: Granularity, kind: TimeKind) -> Output {
        Output {
            value,
            from: None,
            to: None,
            granularity,
            kind,
            modifier: None,
            basis: TimeBasis::Unresolved,
        }
    }

    pub(crate) fn resolved(&self) -> Option<Resolved> {
        (self.kind == TimeKind::Date && self.from.is_some() && self.to.is_some())
            .then_some(Resolved { from: self.from, to: self.to, granularity: self.granularity })
    }
}

/// A date just past the reference in a past-tense clause (or just before it in a future one) is
/// reporting lag or a schedule, not last year's or next year's date: "will be paid Oct. 23" in
/// an Oct. 25 paper is this year's.
const SLACK_DAYS: i64 = 45;

/// With no verb to say, a month or day without a year is the next one only when it starts
/// within this many days of the reference, and the last one otherwise.
const UNKNOWN_TENSE_AHEAD_DAYS: i64 = 92;

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| Date::new(y, m, 1).expect("valid month").end_of_month())
}

fn day(d: Date, basis: TimeBasis) -> Output {
    Output::date(d.to_string(), d, d, Granularity::Day, basis)
}

fn month(y: i32, m: u8, basis: TimeBasis) -> Output {
    let first = ymd(y, m, 1);
    Output::date(format!("{y:04}-{m:02}"), first, first.end_of_month(), Granularity::Month, basis)
}

fn year(y: i32, basis: TimeBasis) -> Output {
    Output::date(format!("{y:04}"), ymd(y, 1, 1), ymd(y, 12, 31), Granularity::Year, basis)
}

fn week(d: Date, basis: TimeBasis) -> Output {
    let (y, w) = d.iso_week();
    let monday = Date::from_iso_week(y, w).unwrap_or(d);
    Output::date(format!("{y:04}-W{w:02}"), monday, monday.add_days(6), Granularity::Week, basis)
}

fn quarter(y: i32, q: u8, basis: TimeBasis) -> Output {
    let first = ymd(y, (q - 1) * 3 + 1, 1);
    let last = ymd(y, q * 3, 1).end_of_month();
    Output::date(format!("{y:04}-Q{q}"), first, last, Granularity::Quarter, basis)
}

fn half(y: i32, h: u8, basis: TimeBasis) -> Output {
    let (a, b) =
        if h == 1 { (ymd(y, 1, 1), ymd(y, 6, 30)) } else { (ymd(y, 7, 1), ymd(y, 12, 31)) };
    Output::date(format!("{y:04}-H{h}"), a, b, Granularity::Half, basis)
}

fn season(y: i32, s: Season, basis: TimeBasis) -> Output {
    let (code, from, to) = match s {
        Season::Spring => ("SP", ymd(y, 3, 1), ymd(y, 5, 31)),
        Season::Summer => ("SU", ymd(y, 6, 1), ymd(y, 8, 31)),
        Season::Fall => ("FA", ymd(y, 9, 1), ymd(y, 11, 30)),
        Season::Winter => ("WI", ymd(y, 12, 1), ymd(y + 1, 2, 1).end_of_month()),
    };
    Output::date(format!("{y:04}-{code}"), from, to, Granularity::Season, basis)
}

fn decade(start: i32, basis: TimeBasis) -> Output {
    let value = format!("{:03}X", start / 10);
    Output::date(value, ymd(start, 1, 1), ymd(start + 9, 12, 31), Granularity::Decade, basis)
}

fn century(start: i32, basis: TimeBasis) -> Output {
    let value = format!("{:02}XX", start / 100);
    Output::date(value, ymd(start, 1, 1), ymd(start + 99, 12, 31), Granularity::Century, basis)
}

fn quarter_of(d: Date) -> u8 {
    (d.month() - 1) / 3 + 1
}

/// The same kind of period as `granularity`, containing `d`.
fn period_of(d: Date, granularity: Granularity, basis: TimeBasis) -> Output {
    match granularity {
        Granularity::Year | Granularity::Half | Granularity::Season => year(d.year(), basis),
        Granularity::Quarter => quarter(d.year(), quarter_of(d), basis),
        Granularity::Month => month(d.year(), d.month(), basis),
        Granularity::Week => week(d, basis),
        Granularity::Decade => decade(d.year() / 10 * 10, basis),
        Granularity::Century => century(d.year() / 100 * 100, basis),
        _ => day(d, basis),
    }
}

fn shift(d: Date, n: i64, unit: Unit) -> Date {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            d.add_days(if unit == Unit::Day { n } else { 0 })
        }
        Unit::Week => d.add_days(7 * n),
        Unit::Month => d.add_months(n),
        Unit::Quarter => d.add_months(3 * n),
        Unit::Year => d.add_months(12 * n),
        Unit::Decade => d.add_months(120 * n),
        Unit::Century => d.add_months(1200 * n),
    }
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => Granularity::Day,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year | Unit::Decade | Unit::Century => Granularity::Year,
    }
}

fn lean_back(lean: Lean, tense: Tense) -> bool {
    match lean {
        Lean::Back => true,
        Lean::Forward => false,
        Lean::Tense => tense != Tense::Future,
    }
}

fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (letter, factor, time) = unit.designator();
    let t = if time { "T" } else { "" };
    match n {
        None => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            _ => format!("P{t}X{letter}"),
        },
        Some(v) => {
            let v = v * factor;
            if v.fract() == 0.0 {
                format!("P{t}{}{letter}", v as i64)
            } else if unit == Unit::Minute {
                format!("PT{}M{}S", v.trunc() as i64, (v.fract() * 60.0).round() as i64)
            } else if unit == Unit::Hour {
                format!("PT{}H{}M", v.trunc() as i64, (v.fract() * 60.0).round() as i64)
            } else if matches!(unit, Unit::Year | Unit::Decade | Unit::Century) {
                // "2 1/2 years" is P2Y6M, "half a year" P6M.
                let months = (v * 12.0).round() as i64;
                match (months / 12, months % 12) {
                    (0, m) => format!("P{m}M"),
                    (y, 0) => format!("P{y}Y"),
                    (y, m) => format!("P{y}Y{m}M"),
                }
            } else {
                format!("P{t}{v}{letter}")
            }
        }
    }
}

fn weekday_code(d: Weekday) -> u8 {
    d.index() + 1
}

pub(crate) fn resolve(expr: &Expr, cx: &Context) -> Option<Output> {
    use TimeBasis::{Absolute, Anchor, Document};
    let r = cx.reference;
    Some(match expr {
        Expr::Cal { year: Some(y), month: Some(m), day: Some(d), part, .. } => {
            let date = Date::new(*y, *m, *d)?;
            with_part(day(date, Absolute), *part)
        }
        Expr::Cal { year: Some(y), month: Some(m), day: None, .. } => month(*y, *m, Absolute),
        Expr::Cal { year: Some(y), month: None, .. } => year(*y, Absolute),
        Expr::Cal { year: None, month: Some(m), day, part, lean } => {
            let Some(r) = r else {
                let value = match day {
                    Some(d) => format!("XXXX-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                return Some(Output::unresolved(
                    value,
                    if day.is_some() { Granularity::Day } else { Granularity::Month },
                    TimeKind::Date,
                ));
            };
            let back = lean_back(*lean, cx.tense);
            let mut y = r.year();
            let candidate = |y: i32| match day {
                Some(d) => Date::new(y, *m, *d),
                None => Date::new(y, *m, 1),
            };
            let c = candidate(y)?;
            let (c_first, c_last) = match day {
                Some(_) => (c, c),
                None => (c, c.end_of_month()),
            };
            // The slack is for a day's reporting lag; a whole month that starts after the
            // reference is not what a past-tense clause reports ("visited Baku in March" in a
            // January paper is last March).
            let slack = if day.is_some() { SLACK_DAYS } else { 0 };
            if *lean == Lean::Tense && matches!(cx.tense, Tense::Unknown | Tense::DistantPast) {
                // News reports what happened, so the last one; but a date soon after the
                // reference is a schedule ("payable Jan. 2" in a November paper).
                let starts = |y: i32| candidate(y).map_or(i64::MAX, |c| c.to_days() - r.to_days());
                y = [y + 1, y, y - 1]
                    .into_iter()
                    .find(|&y| starts(y) <= UNKNOWN_TENSE_AHEAD_DAYS)
                    .unwrap_or(y);
            } else if back
                && c_first > r
                && (*lean != Lean::Tense || c_first.to_days() - r.to_days() > slack)
            {
                y -= 1;
            } else if !back
                && c_last < r
                && (*lean != Lean::Tense || r.to_days() - c_last.to_days() > SLACK_DAYS)
            {
                y += 1;
            }
            match day {
                Some(d) => with_part(day_fn(Date::new(y, *m, *d)?), *part),
                None => month(y, *m, Document),
            }
        }
        Expr::Cal { year: None, month: None, .. } => return None,
        Expr::CalOfYear { month: m, day: d, offset } => {
            let Some(r) = r else {
                let value = match d {
                    Some(d) => format!("XXXX-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                let granularity = if d.is_some() { Granularity::Day } else { Granularity::Month };
                return Some(Output::unresolved(value, granularity, TimeKind::Date));
            };
            let y = r.year() + *offset as i32;
            match d {
                Some(d) => day(Date::new(y, *m, *d)?, Document),
                None => month(y, *m, Document),
            }
        }
        Expr::Weekday { day: wd, part, lean } => {
            let Some(r) = r else {
                let value = format!("XXXX-WXX-{}{}", weekday_code(*wd), part.unwrap_or(""));
                return Some(Output::unresolved(value, Granularity::Day, TimeKind::Date));
            };
            let diff = i64::from(wd.index()) - i64::from(r.weekday().index());
            // The document's own weekday is the document's day ("Thursday" in a Thursday paper);
            // otherwise the last one before it, or the next one after it.
            let date = if diff == 0 && *lean == Lean::Tense {
                r
            } else if lean_back(*lean, cx.tense) {
                r.add_days(if diff < 0 { diff } else { diff - 7 })
            } else {
                r.add_days(if diff > 0 { diff } else { diff + 7 })
            };
            with_part(day(date, Document), *part)
        }
        Expr::Today { offset, part } => match r {
            Some(r) => with_part(day(r.add_days(*offset), Document), *part),
            None => {
                let value = match offset {
                    0 => "PRESENT_REF".to_string(),
                    _ => {
                        return Some(Output::unresolved(
                            "XXXX-XX-XX".to_string(),
                            Granularity::Day,
                            TimeKind::Date,
                        ))
                    }
                };
                Output::unresolved(value, Granularity::Vague, TimeKind::Date)
            }
        },
        Expr::This { unit, offset } => {
            let Some(r) = r else {
                return Some(Output::unresolved(
                    match unit {
                        Unit::Year => "XXXX".into(),
                        Unit::Month => "XXXX-XX".into(),
                        Unit::Week => "XXXX-WXX".into(),
                        _ => "XXXX-XX-XX".into(),
                    },
                    unit_granularity(*unit),
                    TimeKind::Date,
                ));
            };
            this_period(r, *unit, *offset, Document)
        }
        Expr::Shift { n, unit, anchored } => {
            let (base, basis, base_gran) = match (anchored, cx.anchor) {
                (true, Some(a)) => (a.from?, Anchor, a.granularity),
                (_, _) => (r?, Document, Granularity::Day),
            };
            // "a year earlier", "a year ago" while a quarter is in focus (earnings reports): the
            // same quarter a year before.
            if *unit == Unit::Year {
                let quarter_base = match (base_gran, cx.focus_quarter) {
                    (Granularity::Quarter, _) => Some(base),
                    (_, Some((y, q))) => Date::new(y, (q - 1) * 3 + 1, 1),
                    _ => None,
                };
                if let Some(b) = quarter_base {
                    let d = shift(b, *n, Unit::Year);
                    return Some(quarter(d.year(), quarter_of(d), basis));
                }
            }
            let target = shift(base, *n, *unit);
            // The unit sets the precision: "six months later" is a month, "two days later" a day,
            // "six weeks ago" (counted back from the document date) a week.
            let gran = if *unit == Unit::Week && !anchored {
                Granularity::Week
            } else {
                unit_granularity(*unit)
            };
            period_of(target, gran, basis)
        }
        Expr::Quarter { n, year: Some(y) } => quarter(*y, *n, Absolute),
        Expr::Quarter { n, year: None } => {
            let Some(r) = r else {
                return Some(Output::unresolved(
                    format!("XXXX-Q{n}"),
                    Granularity::Quarter,
                    TimeKind::Date,
                ));
            };
            let mut y = cx.focus_quarter.map_or(r.year(), |(fy, _)| fy);
            let q = quarter(y, *n, Document);
            if cx.tense != Tense::Future && q.from? > r {
                y -= 1;
            }
            quarter(y, *n, Document)
        }
        Expr::FocusQuarter => match (cx.focus_quarter, r) {
            (Some((y, q)), _) => quarter(y, q, Anchor),
            (None, Some(r)) => {
                let prev = r.add_months(-3);
                quarter(prev.year(), quarter_of(prev), Document)
            }
            (None, None) => {
                Output::unresolved("XXXX-QX".into(), Granularity::Quarter, TimeKind::Date)
            }
        },
        Expr::Half { n, year: Some(y) } => half(*y, *n, Absolute),
        Expr::Half { n, year: None } => match r {
            Some(r) => half(r.year(), *n, Document),
            None => Output::unresolved(format!("XXXX-H{n}"), Granularity::Half, TimeKind::Date),
        },
        Expr::Season { season: s, year: Some(y), .. } => season(*y, *s, Absolute),
        Expr::Season { season: s, year: None, offset } => {
            let code = match s {
                Season::Spring => "SP",
                Season::Summer => "SU",
                Season::Fall => "FA",
                Season::Winter => "WI",
            };
            let Some(r) = r else {
                return Some(Output::unresolved(
                    format!("XXXX-{code}"),
                    Granularity::Season,
                    TimeKind::Date,
                ));
            };
            let mut y = r.year() + offset.unwrap_or(0) as i32;
            if offset.is_none() {
                // "in the summer": the next one in a future sentence, the last one in a past one.
                let this = season(y, *s, Document);
                if cx.tense == Tense::Future && this.to? < r {
                    y += 1;
                } else if cx.tense != Tense::Future && this.from? > r {
                    y -= 1;
                }
            }
            season(y, *s, Document)
        }
        Expr::Decade { start } => decade(*start, Absolute),
        Expr::Century { start } => century(*start, Absolute),
        Expr::Fiscal { year: y } => {
            let mut o = year(*y, Absolute);
            o.value = format!("FY{y:04}");
            o
        }
        Expr::Fuzzy { part, inner } => {
            let mut o = resolve(inner, cx)?;
            o.modifier = Some(part.modifier());
            if let (Some(from), Some(to)) = (o.from, o.to) {
                let (a, b) = narrow(from, to, o.granularity, *part);
                o.from = Some(a);
                o.to = Some(b);
            }
            o
        }
        Expr::Vague(v) => {
            let value = match v {
                Vague::Past => "PAST_REF",
                Vague::Present => "PRESENT_REF",
                Vague::Future => "FUTURE_REF",
            };
            let (from, to) = match (v, r) {
                (_, None) => (None, None),
                (Vague::Past, Some(r)) => (None, Some(r)),
                (Vague::Present, Some(r)) => (Some(r), Some(r)),
                (Vague::Future, Some(r)) => (Some(r), None),
            };
            let basis = if r.is_some() { Document } else { TimeBasis::Unresolved };
            Output {
                value: value.into(),
                from,
                to,
                granularity: Granularity::Vague,
                kind: TimeKind::Date,
                modifier: None,
                basis,
            }
        }
        Expr::SideOfThis { unit, side } => {
            let r = r?;
            let mut o = this_period(r, *unit, 0, Document);
            if *side < 0 {
                o.to = Some(r);
            } else {
                o.from = Some(r);
            }
            o
        }
        Expr::AnchorPeriod { unit } => {
            let a = cx.anchor?;
            period_of(a.from?, unit_granularity_exact(*unit), Anchor)
        }
        Expr::Weekend { offset } => {
            let r = r?;
            let mut saturday = r.add_days(5 - i64::from(r.weekday().index()) + 7 * offset);
            if *offset == 0 && cx.tense != Tense::Future && saturday > r {
                saturday = saturday.add_days(-7);
            }
            let (y, w) = saturday.iso_week();
            Output::date(
                format!("{y:04}-W{w:02}-WE"),
                saturday,
                saturday.add_days(1),
                Granularity::Week,
                Document,
            )
        }
        Expr::Range { from, to } => {
            let a = resolve(from, cx)?;
            let mut b = resolve(to, cx)?;
            // "Nov. 10-25", "from March to May": an end without a year follows its start.
            if let (Expr::Cal { year: None, month, day, part, lean }, Some(start)) =
                (to.as_ref(), a.from)
            {
                if b.from.is_some_and(|end| end < start) {
                    let in_year = |y| Expr::Cal {
                        year: Some(y),
                        month: *month,
                        day: *day,
                        part: *part,
                        lean: *lean,
                    };
                    if let Some(o) = [start.year(), start.year() + 1]
                        .into_iter()
                        .filter_map(|y| resolve(&in_year(y), cx))
                        .find(|o| o.from.is_some_and(|end| end >= start))
                    {
                        b = Output { basis: a.basis, ..o };
                    }
                }
            }
            Output {
                value: format!("{}/{}", a.value, b.value),
                from: a.from,
                to: b.to,
                granularity: a.granularity,
                kind: TimeKind::Range,
                modifier: None,
                basis: a.basis,
            }
        }
        Expr::Since(x) => {
            let a = resolve(x, &endpoint_context(expr, cx))?;
            Output {
                value: format!("{}/", a.value),
                from: a.from,
                to: None,
                granularity: a.granularity,
                kind: TimeKind::Range,
                modifier: None,
                basis: a.basis,
            }
        }
        Expr::Until(x) => {
            // A deadline looks forward: "by Jan. 14" is the next one.
            let a = resolve(x, &endpoint_context(expr, cx))?;
            Output {
                value: format!("/{}", a.value),
                from: None,
                to: a.to,
                granularity: a.granularity,
                kind: TimeKind::Range,
                modifier: None,
                basis: a.basis,
            }
        }
        Expr::Duration { n, unit, modifier } => Output {
            value: duration_value(*n, *unit),
            from: None,
            to: None,
            granularity: unit_granularity(*unit),
            kind: TimeKind::Duration,
            modifier: *modifier,
            basis: Absolute,
        },
        Expr::Following { n, unit, anchored } => {
            let (start, basis) = match (anchored, cx.anchor) {
                (true, Some(a)) => (a.to?.add_days(1), Anchor),
                (true, None) => (r?.add_days(1), Document),
                (false, _) => (r?.add_days(1), Document),
            };
            let end = shift(start, n.round() as i64, *unit).add_days(-1);
            Output {
                value: duration_value(Some(*n), *unit),
                from: Some(start),
                to: Some(end),
                granularity: unit_granularity(*unit),
                kind: TimeKind::Duration,
                modifier: None,
                basis,
            }
        }
        Expr::Set { n, unit } => Output {
            value: duration_value(Some(*n as f64), *unit),
            from: None,
            to: None,
            granularity: unit_granularity(*unit),
            kind: TimeKind::Set,
            modifier: None,
            basis: Absolute,
        },
        Expr::Clock { hour, minute, day } => {
            let base = match day {
                Some(d) => resolve(d, cx)?,
                None => match r {
                    Some(r) => self::day(r, Document),
                    None => {
                        return Some(Output::unresolved(
                            format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
                            Granularity::Time,
                            TimeKind::Date,
                        ))
                    }
                },
            };
            let (Some(from), Some(_)) = (base.from, base.to) else { return Some(base) };
            let time =
                if *hour == 24 { "T24".to_string() } else { format!("T{hour:02}:{minute:02}") };
            Output {
                value: format!("{from}{time}"),
                granularity: Granularity::Time,
                kind: TimeKind::Date,
                modifier: None,
                basis: base.basis,
                from: Some(from),
                to: Some(from),
            }
        }
        Expr::SetWeekday(d) => Output {
            value: format!("XXXX-WXX-{}", weekday_code(*d)),
            from: None,
            to: None,
            granularity: Granularity::Day,
            kind: TimeKind::Set,
            modifier: None,
            basis: Absolute,
        },
    })
}

/// The context an endpoint of a range is resolved in: "since January" looks back and "until
/// 9 a.m. Tuesday" looks forward, whatever the verb says, as the whole range does.
pub(crate) fn endpoint_context(range: &Expr, cx: &Context) -> Context {
    match range {
        Expr::Since(_) => Context { tense: Tense::Past, ..*cx },
        Expr::Until(_) if !matches!(cx.tense, Tense::Past | Tense::DistantPast) => {
            Context { tense: Tense::Future, ..*cx }
        }
        _ => *cx,
    }
}

fn day_fn(d: Date) -> Output {
    day(d, TimeBasis::Document)
}

fn with_part(mut o: Output, part: Option<&'static str>) -> Output {
    if let Some(p) = part {
        o.value.push_str(p);
        o.granularity = Granularity::PartOfDay;
    }
    o
}

fn unit_granularity_exact(unit: Unit) -> Granularity {
    match unit {
        Unit::Week => Granularity::Week,
        Unit::Quarter => Granularity::Quarter,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
        u => unit_granularity(u),
    }
}

fn this_period(r: Date, unit: Unit, offset: i64, basis: TimeBasis) -> Output {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => day(r.add_days(offset), basis),
        Unit::Week => week(r.add_days(7 * offset), basis),
        Unit::Month => {
            let d = r.add_months(offset);
            month(d.year(), d.month(), basis)
        }
        Unit::Quarter => {
            let d = r.add_months(3 * offset);
            quarter(d.year(), quarter_of(d), basis)
        }
        Unit::Year => year(r.year() + offset as i32, basis),
        Unit::Decade => decade((r.year() / 10 + offset as i32) * 10, basis),
        Unit::Century => century((r.year() / 100 + offset as i32) * 100, basis),
    }
}

/// The early, middle or late third of a period.
fn narrow(from: Date, to: Date, granularity: Granularity, part: Part) -> (Date, Date) {
    match granularity {
        Granularity::Year => {
            let y = from.year();
            match part {
                Part::Early => (ymd(y, 1, 1), ymd(y, 4, 30)),
                Part::Mid => (ymd(y, 5, 1), ymd(y, 8, 31)),
                Part::Late => (ymd(y, 9, 1), ymd(y, 12, 31)),
            }
        }
        Granularity::Month => match part {
            Part::Early => (from, from.add_days(9)),
            Part::Mid => (from.add_days(10), from.add_days(19)),
            Part::Late => (from.add_days(20), to),
        },
        Granularity::Decade => {
            let y = from.year();
            match part {
                Part::Early => (ymd(y, 1, 1), ymd(y + 3, 12, 31)),
                Part::Mid => (ymd(y + 4, 1, 1), ymd(y + 6, 12, 31)),
                Part::Late => (ymd(y + 7, 1, 1), ymd(y + 9, 12, 31)),
            }
        }
        _ => {
            let len = to.to_days() - from.to_days() + 1;
            let third = len / 3;
            match part {
                Part::Early => (from, from.add_days(third - 1)),
                Part::Mid => (from.add_days(third), from.add_days(2 * third - 1)),
                Part::Late => (from.add_days(2 * third), to),
            }
        }
    }
}
