//! The grammar: at each token, the rules of every expression class are tried and the longest
//! match wins. Rules are grouped by class: ranges and open intervals, sets, durations, then
//! dates (absolute, fuzzy, relative, anchored). Each returns the expression and the token index
//! just past it.

use crate::expr::{Expr, Lean, Part, Season, Unit, Vague};
use crate::lexer::Tok;
use crate::words::{
    cardinal, month_from_name, number_word, ordinal, weekday_from_name, TIME_ZONES,
};

/// A match: the expression, its first and one-past-last token, and for ranges the token
/// ranges of their endpoints.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub(crate) expr: Expr,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) parts: Vec<(usize, usize)>,
}

pub(crate) struct Grammar<'a> {
    t: &'a [Tok<'a>],
    text: &'a str,
}

const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "TMO"),
    ("afternoon", "TAF"),
    ("evening", "TEV"),
    ("night", "TNI"),
    ("overnight", "TNI"),
];

fn part_of_day(w: &str) -> Option<&'static str> {
    PARTS_OF_DAY.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

fn season(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(t: &'a [Tok<'a>], text: &'a str) -> Grammar<'a> {
        Grammar { t, text }
    }

    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.t.get(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.any(ws))
    }

    /// Whether tokens i and i+1 touch (no space between them).
    fn adjacent(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn is_dash(&self, i: usize) -> bool {
        self.any(i, &["-", "–", "—"])
    }

    fn original(&self, i: usize) -> &'a str {
        self.t[i].span.slice(self.text)
    }

    /// The longest expression starting at token `i`, if any.
    pub(crate) fn at(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        let candidates = [
            self.range(i),
            self.set(i),
            self.duration(i),
            self.point(i).map(|(e, end)| Match { expr: e, start: i, end, parts: vec![] }),
        ];
        for m in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| m.end > b.end) {
                best = Some(m);
            }
        }
        best
    }

    // ----- ranges and open intervals -------------------------------------------------------

    fn range(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        // from X to Y / between X and Y
        if t.any(&["from", "between"]) {
            let joiners: &[&str] = if t.is("from") {
                &["to", "until", "till", "through", "-", "–"]
            } else {
                &["and", "-", "–"]
            };
            let Some((a, a_end)) = self.point(i + 1) else { return self.day_range(i, i + 1) };
            if !self.any(a_end, joiners) {
                // "from 2 to 4 June 2025": a bare day number before the joiner.
                return self.day_range(i, i + 1);
            }
            let (b, b_end) = self.point(a_end + 1)?;
            let a = inherit(a, &b);
            return Some(Match {
                expr: Expr::Range { from: Box::new(a), to: Box::new(b) },
                start: i,
                end: b_end,
                parts: vec![(i + 1, a_end), (a_end + 1, b_end)],
            });
        }
        if t.is("since") {
            let (a, end) = self.point(i + 1)?;
            return Some(Match {
                expr: Expr::Since(Box::new(a)),
                start: i,
                end,
                parts: vec![(i + 1, end)],
            });
        }
        if t.any(&["until", "till", "through", "thru"]) {
            let (a, end) = self.point(i + 1)?;
            return Some(Match {
                expr: Expr::Until(Box::new(a)),
                start: i,
                end,
                parts: vec![(i + 1, end)],
            });
        }
        if t.is("by") {
            // Only "by" + a year or a fuzzy part of one: "by 2030", "by late 2021".
            let (a, end) = self.point(i + 1)?;
            let fits = matches!(
                a,
                Expr::Cal { year: Some(_), .. }
                    | Expr::Fuzzy { .. }
                    | Expr::Decade { .. }
                    | Expr::Quarter { year: Some(_), .. }
            );
            if fits {
                return Some(Match {
                    expr: Expr::Until(Box::new(a)),
                    start: i,
                    end,
                    parts: vec![(i + 1, end)],
                });
            }
            return None;
        }
        // X-Y: "2009-2010", "2009–10", "March-May 2025", "June 10-12, 2024".
        if t.digits == 4 && self.is_dash(i + 1) {
            let y1 = year_of(t)?;
            let next = self.tok(i + 2)?;
            let y2 = match next.digits {
                4 => year_of(next)?,
                2 => (y1 / 100) * 100 + next.int()? as i32,
                _ => return None,
            };
            if y2 <= y1
                || y2 - y1 > 200
                || self.tok(i + 3).is_some_and(|n| n.is("%") || n.is("percent"))
            {
                return None;
            }
            let cal = |y| Expr::Cal {
                year: Some(y),
                month: None,
                day: None,
                part: None,
                lean: Lean::Tense,
            };
            return Some(Match {
                expr: Expr::Range { from: Box::new(cal(y1)), to: Box::new(cal(y2)) },
                start: i,
                end: i + 3,
                parts: vec![(i, i + 1), (i + 2, i + 3)],
            });
        }
        if let Some(m1) = month_from_name(t.lower).filter(|_| is_month_word(self.original(i))) {
            // March-May 2025 / June 10-12, 2024
            if self.is_dash(i + 1) {
                let m2 = month_from_name(self.tok(i + 2)?.lower)?;
                let (year, end) = self.opt_year(i + 3);
                let cal = |m| Expr::Cal {
                    year,
                    month: Some(m),
                    day: None,
                    part: None,
                    lean: Lean::Tense,
                };
                return Some(Match {
                    expr: Expr::Range { from: Box::new(cal(m1)), to: Box::new(cal(m2)) },
                    start: i,
                    end,
                    parts: vec![(i, i + 1), (i + 2, i + 3)],
                });
            }
            let d1 = self.tok(i + 1).and_then(day_of)?;
            if self.is_dash(i + 2) {
                let d2 = self.tok(i + 3).and_then(day_of)?;
                let mut end = i + 4;
                if self.is(end, ",") && self.tok(end + 1).is_some_and(|t| year_of(t).is_some()) {
                    end += 1;
                }
                let (year, end) = self.opt_year(end);
                let cal = |d| Expr::Cal {
                    year,
                    month: Some(m1),
                    day: Some(d),
                    part: None,
                    lean: Lean::Tense,
                };
                return Some(Match {
                    expr: Expr::Range { from: Box::new(cal(d1)), to: Box::new(cal(d2)) },
                    start: i,
                    end,
                    parts: vec![(i, i + 2), (i + 3, i + 4)],
                });
            }
        }
        None
    }

    /// "from 2 to 4 June 2025" (starting at the "from" token `i`, first day at `d`).
    fn day_range(&self, i: usize, d: usize) -> Option<Match> {
        let d1 = self.tok(d).and_then(day_of)?;
        if !self.any(d + 1, &["to", "-", "–", "and", "until"]) {
            return None;
        }
        let (b, end) = self.point(d + 2)?;
        let Expr::Cal { year, month: Some(month), day: Some(_), .. } = b else { return None };
        let a =
            Expr::Cal { year, month: Some(month), day: Some(d1), part: None, lean: Lean::Tense };
        Some(Match {
            expr: Expr::Range { from: Box::new(a), to: Box::new(b) },
            start: i,
            end,
            parts: vec![(d, d + 1), (d + 2, end)],
        })
    }

    fn opt_year(&self, i: usize) -> (Option<i32>, usize) {
        match self.tok(i).and_then(year_of) {
            Some(y) => (Some(y), i + 1),
            None => (None, i),
        }
    }

    // ----- sets ----------------------------------------------------------------------------

    fn set(&self, i: usize) -> Option<Match> {
        let t = self.tok(i)?;
        // "paid quarterly", "the daily Granma", "a weekly bulletin" are sets (TimeML marks the
        // adjectives too), but "a quarterly dividend" is a financial term, not a recurrence.
        let financial = self.any(
            i + 1,
            &[
                "dividend",
                "dividends",
                "report",
                "reports",
                "results",
                "earnings",
                "payment",
                "payments",
                "rate",
                "profit",
                "profits",
                "sales",
                "loss",
                "losses",
                "revenue",
            ],
        );
        let one = |unit| {
            (!financial).then(|| Match {
                expr: Expr::Set { n: 1, unit },
                start: i,
                end: i + 1,
                parts: vec![],
            })
        };
        match t.lower {
            "annually" | "yearly" => return one(Unit::Year),
            "monthly" => return one(Unit::Month),
            "weekly" => return one(Unit::Week),
            "daily" => return one(Unit::Day),
            "hourly" => return one(Unit::Hour),
            "quarterly" => return one(Unit::Quarter),
            _ => {}
        }
        if t.any(&["every", "each"]) {
            let mut j = i + 1;
            let mut n = 1;
            if let Some(k) = self.count(j) {
                n = k.0 as i64;
                j = k.1;
            } else if self.is(j, "other") {
                n = 2;
                j += 1;
            }
            let next = self.tok(j)?;
            if let Some(unit) = Unit::from_word(next.lower) {
                return Some(Match {
                    expr: Expr::Set { n, unit },
                    start: i,
                    end: j + 1,
                    parts: vec![],
                });
            }
            if let Some(day) =
                weekday_from_name(next.lower).filter(|_| is_capitalized(self.original(j)))
            {
                return Some(Match {
                    expr: Expr::SetWeekday(day),
                    start: i,
                    end: j + 1,
                    parts: vec![],
                });
            }
        }
        None
    }

    // ----- durations -----------------------------------------------------------------------

    /// A count: "three", "30", "twenty four", "a dozen", "a couple of", "half a". Returns the
    /// value and the next token index.
    fn count(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        let ordinal_suffix = t.lower.ends_with(|c: char| c.is_ascii_alphabetic());
        // "the 1988 quarter": a year, not a count of 1,988.
        if year_of(t).is_some_and(|y| y >= 1800) {
            return None;
        }
        if let Some(n) =
            t.num.filter(|_| (t.digits > 0 || t.lower.contains('.')) && !ordinal_suffix)
        {
            // "5 1/2 hours": a whole number and a simple fraction.
            if let Some(f) = self.fraction(i + 1).filter(|_| t.int().is_some()) {
                return Some((n + f, i + 4));
            }
            return Some((n, i + 1));
        }
        if t.is("half") && self.any(i + 1, &["a", "an"]) {
            return Some((0.5, i + 2));
        }
        if t.any(&["a", "an"]) {
            if self.is(i + 1, "dozen") {
                return Some((12.0, i + 2));
            }
            if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                return Some((2.0, i + 3));
            }
            if self.is(i + 1, "half") {
                return None;
            }
            return Some((1.0, i + 1));
        }
        let n = number_word(t.lower)?;
        if t.any(&["a", "an", "single"]) {
            return Some((n as f64, i + 1));
        }
        // "twenty four"
        if n >= 20 && n % 10 == 0 {
            if let Some(k) =
                self.tok(i + 1).and_then(|t| number_word(t.lower)).filter(|k| (1..10).contains(k))
            {
                return Some(((n + k) as f64, i + 2));
            }
        }
        if self.is(i + 1, "dozen") {
            return Some(((n * 12) as f64, i + 2));
        }
        if self.is(i + 1, "hundred") {
            return Some(((n * 100) as f64, i + 2));
        }
        Some((n as f64, i + 1))
    }

    /// "1/2", "3/4" at `i`, written without spaces: its value, below one.
    fn fraction(&self, i: usize) -> Option<f64> {
        let a = self.tok(i)?.int()?;
        let b = self.tok(i + 2)?.int()?;
        let fits = self.is(i + 1, "/")
            && self.adjacent(i)
            && self.adjacent(i + 1)
            && (2..=4).contains(&b)
            && (1..b).contains(&a);
        fits.then(|| a as f64 / b as f64)
    }

    fn duration(&self, i: usize) -> Option<Match> {
        let mut j = i;
        let mut modifier = None;
        let mods: &[(&[&str], &str)] = &[
            (&["more", "than"], "MORE_THAN"),
            (&["over"], "MORE_THAN"),
            (&["at", "least"], "EQUAL_OR_MORE"),
            (&["less", "than"], "LESS_THAN"),
            (&["fewer", "than"], "LESS_THAN"),
            (&["under"], "LESS_THAN"),
            (&["up", "to"], "EQUAL_OR_LESS"),
            (&["nearly"], "EQUAL_OR_LESS"),
            (&["almost"], "EQUAL_OR_LESS"),
            (&["about"], "APPROX"),
            (&["around"], "APPROX"),
            (&["roughly"], "APPROX"),
            (&["approximately"], "APPROX"),
            (&["some"], "APPROX"),
        ];
        for (words, m) in mods {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                modifier = Some(*m);
                j = i + words.len();
                break;
            }
        }
        // "the nine months": a determiner before a counted length belongs to it.
        if modifier.is_none()
            && self.is(j, "the")
            && self
                .tok(j + 1)
                .is_some_and(|t| t.digits > 0 || number_word(t.lower).is_some_and(|n| n > 1))
        {
            j += 1;
        }
        // "the past two years", "the last 24 hours", "the following three years", "the next decade"
        let mut lead = None;
        if modifier.is_none()
            && self.is(j, "the")
            && self.any(
                j + 1,
                &["past", "last", "previous", "next", "following", "coming", "first", "final"],
            )
        {
            lead = Some(self.t[j + 1].lower);
            j += 2;
        } else if modifier.is_none()
            && self.any(j, &["next", "past"])
            && self.tok(j + 1).is_some_and(|t| t.num.is_some() || number_word(t.lower).is_some())
        {
            lead = Some(self.t[j].lower);
            j += 1;
        }
        let (mut n, unit_at, vague) = match self.count(j) {
            Some((n, k)) => (Some(n), k, false),
            None if self.any(j, &["several", "many", "few", "some"]) => (None, j + 1, true),
            None if lead.is_some() || modifier.is_none() => (None, j, true),
            None => return None,
        };
        // No quantifier at all: "years", "the past decade".
        let bare = unit_at == j;
        // "the next day", "the following month", "the coming months" are dates, not lengths.
        if bare
            && matches!(
                lead,
                Some("next" | "following" | "coming" | "previous" | "first" | "final")
            )
        {
            return None;
        }
        // Adjectival "two-year", "30-day".
        let mut unit_at = unit_at;
        if !vague && self.is_dash(unit_at) && self.adjacent(unit_at - 1) {
            unit_at += 1;
        }
        let unit_tok = self.tok(unit_at)?;
        let unit = Unit::from_word(unit_tok.lower)?;
        // "over a quarter of Israel's oil imports" is a fraction.
        if unit == Unit::Quarter && self.is(unit_at + 1, "of") {
            return None;
        }
        let plural = unit_tok.lower.ends_with('s') || unit_tok.lower == "centuries";
        let mut end = unit_at + 1;
        // "a minute and a half", "two and a half years"
        if self.is(end, "and") && self.any(end + 1, &["a", "an"]) && self.is(end + 2, "half") {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        let after_for =
            prev.is_some_and(|p| p.any(&["for", "over", "within", "lasted", "last", "spanning"]));
        if vague && !plural {
            // "the past decade": one unit.
            if bare && lead.is_some() {
                n = Some(1.0);
            } else {
                return None;
            }
        }
        if vague
            && bare
            && lead.is_none()
            && modifier.is_none()
            && !after_for
            && prev.is_some_and(|p| p.any(&["the", "those", "these", "their", "its", "his", "her"]))
        {
            // "the years of war" is not a length.
            return None;
        }
        // "two years ago/later/earlier/into" belong to dates; "a 6-year-old" is an age.
        if self.any(end, &["ago", "later", "earlier", "hence", "into", "old"])
            || (self.is_dash(end) && self.is(end + 1, "old"))
        {
            return None;
        }
        if self.is_dash(end) && self.any(end + 1, &["earlier", "ago"]) {
            return None;
        }
        let start = i;
        let expr = match lead {
            Some("following") => Expr::Following { n: n.unwrap_or(1.0), unit, anchored: true },
            Some("next" | "coming") if n.is_some() => {
                Expr::Following { n: n.unwrap_or(1.0), unit, anchored: false }
            }
            _ => Expr::Duration { n, unit, modifier },
        };
        // A count with a singular unit and no lead is an adjective ("a two-year deal") or a
        // plain noun phrase: only numbers above one or explicit modifiers make it a duration.
        if lead.is_none() && modifier.is_none() && !plural && n == Some(1.0) && !after_for {
            // "once a year", "$5 billion a year" are rates, "a one-year term" an adjective.
            let rate = prev.is_some_and(|p| {
                p.any(&["once", "twice", "per", "times", "billion", "million", "percent", "%"])
            });
            // "a one-day visit" is a length (TimeML marks adjectival durations), but "a
            // year-long war" is left to the noun it qualifies.
            let article_dash = self.is_dash(unit_at - 1) && self.t[i].any(&["a", "an"]);
            if rate || article_dash || self.is_dash(end) {
                return None;
            }
        }
        Some(Match { expr, start, end, parts: vec![] })
    }

    // ----- dates ---------------------------------------------------------------------------

    /// A date-like expression at `i` (absolute, fuzzy, relative or anchored).
    pub(crate) fn point(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        // A leading "the" belongs to decades, quarters, halves, seasons, "the same month", ...
        if t.is("the") {
            let (e, end) = self.point_after_the(i + 1)?;
            return Some((e, end));
        }
        if let Some(r) = self.fuzzy(i) {
            return Some(r);
        }
        if let Some(r) = self.relative(i) {
            return Some(r);
        }
        self.absolute(i)
    }

    fn point_after_the(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        // the 1990s / the late 1990s / the third quarter / the first half of / the summer of
        if let Some(r) = self.decade(i) {
            return Some(r);
        }
        if let Some(r) = self.fuzzy(i) {
            return Some(r);
        }
        if let Some(r) = self.quarter_or_half(i).filter(|_| !self.is_dash(i + 1)) {
            return Some(r);
        }
        if let Some(s) = season(t.lower) {
            if self.is(i + 1, "of") {
                let (y, end) = match self.tok(i + 2).and_then(year_of) {
                    Some(y) => (y, i + 3),
                    None => self.spelled_year(i + 2, true)?,
                };
                return Some((Expr::Season { season: s, year: Some(y), offset: None }, end));
            }
            return Some((Expr::Season { season: s, year: None, offset: None }, i + 1));
        }
        // "the year two thousand"
        if t.is("year") {
            if let Some((y, end)) = self.spelled_year(i + 1, true) {
                let cal = Expr::Cal {
                    year: Some(y),
                    month: None,
                    day: None,
                    part: None,
                    lean: Lean::Tense,
                };
                return Some((cal, end));
            }
        }
        if t.any(&["same", "very"]) {
            let unit = Unit::from_word(self.tok(i + 1)?.lower)?;
            return Some((Expr::AnchorPeriod { unit }, i + 2));
        }
        if t.any(&["following", "next"]) {
            let unit = Unit::from_word(self.tok(i + 1)?.lower)?;
            return Some((Expr::Shift { n: 1, unit, anchored: true }, i + 2));
        }
        if t.any(&["previous", "preceding"]) {
            let unit = Unit::from_word(self.tok(i + 1)?.lower)?;
            return Some((Expr::Shift { n: -1, unit, anchored: true }, i + 2));
        }
        if t.is("day") && self.is(i + 1, "before") && self.is(i + 2, "yesterday") {
            return Some((Expr::Today { offset: -2, part: None }, i + 3));
        }
        if t.is("day") && self.is(i + 1, "after") && self.is(i + 2, "tomorrow") {
            return Some((Expr::Today { offset: 2, part: None }, i + 3));
        }
        if t.is("day") && self.is(i + 1, "before") {
            return Some((Expr::Shift { n: -1, unit: Unit::Day, anchored: true }, i + 2));
        }
        if t.is("future") {
            return Some((Expr::Vague(Vague::Future), i + 1));
        }
        if t.is("near") && self.any(i + 1, &["future", "term"])
            || t.is("short") && self.is(i + 1, "term")
        {
            return Some((Expr::Vague(Vague::Future), i + 2));
        }
        if t.any(&["weeks", "months", "years", "days"]) && self.is(i + 1, "ahead") {
            return Some((Expr::Vague(Vague::Future), i + 2));
        }
        if t.any(&["year", "month", "week"])
            && !self.any(
                i + 1,
                &["before", "after", "earlier", "later", "-", "ago", "of", "in", "when", "that"],
            )
        {
            let unit = Unit::from_word(t.lower)?;
            return Some((Expr::This { unit, offset: 0 }, i + 1));
        }
        if t.any(&["fiscal", "full", "current", "latest"]) && self.is(i + 1, "year") {
            return Some((Expr::This { unit: Unit::Year, offset: 0 }, i + 2));
        }
        if t.any(&["latest", "current"]) && self.is(i + 1, "fiscal") && self.is(i + 2, "year") {
            return Some((Expr::This { unit: Unit::Year, offset: 0 }, i + 3));
        }
        // "the recent talks": the adjective alone is the expression.
        if let Some(r) = self.relative(i).filter(|_| !t.any(&["recent", "current"])) {
            return Some(r);
        }
        if t.is("past") && self.tok(i + 1).is_none_or(|n| Unit::from_word(n.lower).is_none()) {
            return Some((Expr::Vague(Vague::Past), i + 1));
        }
        if t.is("weekend") {
            return Some((Expr::Weekend { offset: 0 }, i + 1));
        }
        if t.any(&["latest", "current"]) && self.any(i + 1, &["quarter", "period"]) {
            return Some((Expr::FocusQuarter, i + 2));
        }
        if t.is("quarter") {
            return Some((Expr::FocusQuarter, i + 1));
        }
        if t.is("end") || t.is("beginning") || t.is("start") || t.is("middle") {
            return self.fuzzy(i);
        }
        if t.any(&["coming", "next"])
            && self.any(i + 1, &["months", "years", "weeks", "days", "decades"])
        {
            return Some((Expr::Vague(Vague::Future), i + 2));
        }
        if let Some(d) = t.int().filter(|_| {
            t.lower.ends_with("th")
                || t.lower.ends_with("st")
                || t.lower.ends_with("nd")
                || t.lower.ends_with("rd")
        }) {
            // "the 7th of November"
            if self.is(i + 1, "of") {
                let m = month_from_name(self.tok(i + 2)?.lower)?;
                let (year, end) = self.opt_year(i + 3);
                return Some((
                    Expr::Cal {
                        year,
                        month: Some(m),
                        day: Some(d as u8),
                        part: None,
                        lean: Lean::Tense,
                    },
                    end,
                ));
            }
        }
        None
    }

    fn decade(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        // "1990s": a four-digit number followed directly by "s"; "'90s".
        if t.digits == 4 && t.int()? % 10 == 0 && self.adjacent(i) && self.is(i + 1, "s") {
            let y = t.int()? as i32;
            return Some((Expr::Decade { start: y }, i + 2));
        }
        if (t.is("'") || t.is("’"))
            && self.tok(i + 1).is_some_and(|n| n.digits == 2)
            && self.adjacent(i + 1)
            && self.is(i + 2, "s")
        {
            let yy = self.tok(i + 1)?.int()? as i32;
            let y = if yy >= 30 { 1900 + yy } else { 2000 + yy };
            return Some((Expr::Decade { start: y }, i + 3));
        }
        // "the 20th century", "the twenty-first century"
        if let Some(n) = ordinal(t.lower) {
            if self.is(i + 1, "century") {
                return Some((Expr::Century { start: (n as i32 - 1) * 100 }, i + 2));
            }
        }
        None
    }

    fn quarter_or_half(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        let n = ordinal(t.lower).or_else(|| t.is("last").then_some(4))?;
        let mut j = i + 1;
        if self.is_dash(j) {
            j += 1; // "third-quarter"
        }
        let what = self.tok(j)?;
        let is_quarter = what.is("quarter");
        let is_half = what.is("half");
        if !(is_quarter && (1..=4).contains(&n) || is_half && (1..=2).contains(&n)) {
            // "the first nine months" is a duration, handled there.
            return None;
        }
        j += 1;
        let mut year = None;
        if self.is(j, "of") {
            if let Some(y) = self.tok(j + 1).and_then(year_of) {
                year = Some(y);
                j += 2;
            } else if self.is(j + 1, "the") && self.is(j + 2, "year") {
                j += 3;
            }
        } else if let Some(y) = self.tok(j).and_then(year_of) {
            year = Some(y);
            j += 1;
        }
        Some((
            if is_quarter {
                Expr::Quarter { n: n as u8, year }
            } else {
                Expr::Half { n: n as u8, year }
            },
            j,
        ))
    }

    /// early/mid/late X, the end/beginning/middle of X.
    fn fuzzy(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        let (part, mut j) = match t.lower {
            "early" => (Part::Early, i + 1),
            "mid" | "mid-" | "middle" if !t.is("middle") || self.is(i + 1, "of") => {
                (Part::Mid, i + 1)
            }
            "late" => (Part::Late, i + 1),
            "end" | "beginning" | "start" if self.is(i + 1, "of") => {
                (if t.is("end") { Part::Late } else { Part::Early }, i + 1)
            }
            _ => return None,
        };
        if self.is(j, "of") {
            j += 1;
        }
        if self.is_dash(j) {
            j += 1; // "mid-2024"
        }
        if self.is(j, "the") {
            // "the end of the year" / "the late 1990s"
            if let Some(unit) = self.tok(j + 1).and_then(|t| Unit::from_word(t.lower)) {
                if matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Decade) {
                    return Some((
                        Expr::Fuzzy { part, inner: Box::new(Expr::This { unit, offset: 0 }) },
                        j + 2,
                    ));
                }
            }
            j += 1;
        }
        let (inner, end) =
            self.decade(j).or_else(|| self.relative(j)).or_else(|| self.absolute(j))?;
        let ok = matches!(
            inner,
            Expr::Cal { day: None, .. }
                | Expr::CalOfYear { day: None, .. }
                | Expr::Decade { .. }
                | Expr::Century { .. }
                | Expr::This { .. }
                | Expr::Season { .. }
        );
        ok.then(|| (Expr::Fuzzy { part, inner: Box::new(inner) }, end))
    }

    fn relative(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        match t.lower {
            "yesterday" | "today" | "tomorrow" | "tonight" => {
                let offset = match t.lower {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let mut part = t.is("tonight").then_some("TNI");
                let mut end = i + 1;
                if part.is_none() {
                    if let Some(p) = self.tok(i + 1).and_then(|n| part_of_day(n.lower)) {
                        part = Some(p);
                        end += 1;
                    }
                }
                return Some((Expr::Today { offset, part }, end));
            }
            "now" | "currently" | "nowadays" => return Some((Expr::Vague(Vague::Present), i + 1)),
            "current" if self.any(i + 1, &["year", "month", "week", "quarter"]) => {
                let unit = Unit::from_word(self.t[i + 1].lower)?;
                return Some((Expr::This { unit, offset: 0 }, i + 2));
            }
            "current" if self.is(i + 1, "fiscal") && self.is(i + 2, "year") => {
                return Some((Expr::This { unit: Unit::Year, offset: 0 }, i + 3))
            }
            "current"
                if !self.any(i + 1, &["account", "accounts", "affairs", "events", "account's"]) =>
            {
                return Some((Expr::Vague(Vague::Present), i + 1))
            }
            "year" if self.is_dash(i + 1) && self.any(i + 2, &["earlier", "ago"]) => {
                let mut end = i + 3;
                if self.any(end, &["period", "quarter", "level", "levels", "results"])
                    && self.t[end].any(&["period", "quarter"])
                {
                    end += 1;
                }
                return Some((Expr::Shift { n: -1, unit: Unit::Year, anchored: true }, end));
            }
            "recently" | "lately" => return Some((Expr::Vague(Vague::Past), i + 1)),
            "coming" if self.any(i + 1, &["weeks", "months", "years", "days", "quarters"]) => {
                return Some((Expr::Vague(Vague::Future), i + 2))
            }
            "recent"
                if self.is(i + 1, "years")
                    || self.is(i + 1, "months")
                    || self.is(i + 1, "weeks")
                    || self.is(i + 1, "days") =>
            {
                return Some((Expr::Vague(Vague::Past), i + 2));
            }
            "recent" => return Some((Expr::Vague(Vague::Past), i + 1)),
            "year-earlier" => {
                return Some((Expr::Shift { n: -1, unit: Unit::Year, anchored: true }, i + 1))
            }
            _ => {}
        }
        if t.is("at") && self.is(i + 1, "present") {
            return Some((Expr::Vague(Vague::Present), i + 2));
        }
        if t.any(&["this", "last", "next", "past", "coming", "previous"]) {
            let offset = match t.lower {
                "this" | "coming" => 0,
                "last" | "past" | "previous" => -1,
                _ => 1,
            };
            let next = self.tok(i + 1)?;
            if let Some(p) = part_of_day(next.lower).filter(|_| t.any(&["this", "last"])) {
                // "this morning", "last night"
                let offset = if t.is("last") && p == "TNI" { -1 } else { 0 };
                return Some((Expr::Today { offset, part: Some(p) }, i + 2));
            }
            if let Some(day) =
                weekday_from_name(next.lower).filter(|_| is_capitalized(self.original(i + 1)))
            {
                let lean = match offset {
                    -1 => Lean::Back,
                    1 => Lean::Forward,
                    _ => Lean::Tense,
                };
                return Some((Expr::Weekday { day, part: None, lean }, i + 2));
            }
            if next.is("weekend") {
                return Some((Expr::Weekend { offset }, i + 2));
            }
            if let Some(s) = season(next.lower) {
                return Some((Expr::Season { season: s, year: None, offset: Some(offset) }, i + 2));
            }
            if let Some(unit) = Unit::from_word(next.lower).filter(|_| !next.lower.ends_with('s')) {
                if t.is("past") || t.is("coming") {
                    // "the past year" is a duration; "past week" alone is rare.
                    return None;
                }
                return Some((Expr::This { unit, offset }, i + 2));
            }
            if let Some(m) =
                month_from_name(next.lower).filter(|_| is_month_word(self.original(i + 1)))
            {
                let lean = match offset {
                    -1 => Lean::Back,
                    1 => Lean::Forward,
                    _ => Lean::Tense,
                };
                return Some((
                    Expr::Cal { year: None, month: Some(m), day: None, part: None, lean },
                    i + 2,
                ));
            }
        }
        // earlier/later this year, earlier this month
        if t.any(&["earlier", "later"]) && self.is(i + 1, "this") {
            let unit = Unit::from_word(self.tok(i + 2)?.lower)?;
            return Some((
                Expr::SideOfThis { unit, side: if t.is("earlier") { -1 } else { 1 } },
                i + 3,
            ));
        }
        if t.is("that") {
            let unit = Unit::from_word(self.tok(i + 1)?.lower)
                .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day))?;
            return Some((Expr::AnchorPeriod { unit }, i + 2));
        }
        // N units ago / later / earlier
        if let Some((n, j)) = self.count(i).or_else(|| {
            self.any(i, &["several", "a few", "few", "some", "many"]).then_some((f64::NAN, i + 1))
        }) {
            let j = if self.is(i, "a") && self.is(i + 1, "few") { j + 1 } else { j };
            let unit_tok = self.tok(j)?;
            let unit = Unit::from_word(unit_tok.lower)?;
            let dir = self.tok(j + 1)?;
            let sign = match dir.lower {
                "ago" | "earlier" | "before" => -1,
                "later" | "after" | "hence" => 1,
                _ => return None,
            };
            if dir.any(&["before", "after"]) {
                // "two days before the vote": anchored to an event we cannot date here.
                return None;
            }
            if n.is_nan() {
                return Some((
                    Expr::Vague(if sign < 0 { Vague::Past } else { Vague::Future }),
                    j + 2,
                ));
            }
            let anchored = !dir.is("ago");
            return Some((Expr::Shift { n: sign * n.round() as i64, unit, anchored }, j + 2));
        }
        None
    }

    /// "9 a.m.", "7:15 p.m. EDT", "noon", "midnight", optionally followed by the day.
    fn clock(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        let (mut hour, mut minute, mut j) = if t.any(&["noon", "midday"]) {
            (12u8, 0u8, i + 1)
        } else if t.is("midnight") {
            (24, 0, i + 1)
        } else {
            let h = t.int().filter(|h| (1..=12).contains(h))? as u8;
            let mut j = i + 1;
            let mut m = 0u8;
            if self.is(j, ":") && self.adjacent(i) {
                m = self.tok(j + 1)?.int().filter(|m| *m < 60)? as u8;
                j += 2;
            }
            let ampm = self.tok(j)?;
            let pm = match ampm.lower.trim_end_matches('.') {
                "a.m" | "am" => false,
                "p.m" | "pm" => true,
                _ => return None,
            };
            j += 1;
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            (h, m, j)
        };
        if self.any(j, TIME_ZONES) {
            j += 1;
        }
        let mut day = None;
        let k = if self.is(j, "on") || self.is(j, ",") { j + 1 } else { j };
        if let Some((
            e @ (Expr::Weekday { .. } | Expr::Today { .. } | Expr::Cal { day: Some(_), .. }),
            end,
        )) = self.relative(k).or_else(|| self.absolute(k))
        {
            day = Some(Box::new(e));
            j = end;
        }
        if hour == 24 && day.is_none() {
            hour = 24;
            minute = 0;
        }
        Some((Expr::Clock { hour, minute, day }, j))
    }

    fn absolute(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some(r) = self.clock(i) {
            return Some(r);
        }
        let t = self.tok(i)?;
        let cal = |year, month, day| Expr::Cal { year, month, day, part: None, lean: Lean::Tense };
        // Numeric dates: 11/06/2025, 2025-11-06, 29.01.2026
        if t.digits > 0 && t.digits <= 4 {
            if let Some(r) = self.numeric_date(i) {
                return Some(r);
            }
        }
        if let Some(r) = self.decade(i) {
            return Some(r);
        }
        if let Some(r) = self.quarter_or_half(i) {
            return Some(r);
        }
        // Q3 2025
        if t.is("q") && self.adjacent(i) {
            let n = self.tok(i + 1)?.int().filter(|n| (1..=4).contains(n))? as u8;
            let (year, end) = self.opt_year(i + 2);
            return Some((Expr::Quarter { n, year }, end));
        }
        // FY2026, fiscal year 2025, fiscal 2025
        if t.is("fy") && self.adjacent(i) {
            let y = year_of(self.tok(i + 1)?)?;
            return Some((Expr::Fiscal { year: y }, i + 2));
        }
        if t.is("fiscal") {
            let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let y = year_of(self.tok(j)?)?;
            return Some((Expr::Fiscal { year: y }, j + 1));
        }
        // summer 2024
        if let Some(s) = season(t.lower) {
            let (year, end) = self.opt_year(i + 1);
            return year.map(|y| (Expr::Season { season: s, year: Some(y), offset: None }, end));
        }
        // Weekday [part of day] | Weekday, Month D, YYYY
        if let Some(day) = weekday_from_name(t.lower)
            .filter(|_| is_capitalized(self.original(i)) && full_or_dotted(t.lower))
        {
            let mut j = i + 1;
            if self.is(j, ",") {
                j += 1;
            }
            if let Some((e @ Expr::Cal { day: Some(_), .. }, end)) =
                self.month_first(j).or_else(|| self.day_first(j))
            {
                return Some((e, end));
            }
            let mut part = None;
            let mut end = i + 1;
            if let Some(p) = self.tok(i + 1).and_then(|n| part_of_day(n.lower)) {
                part = Some(p);
                end += 1;
            }
            return Some((Expr::Weekday { day, part, lean: Lean::Tense }, end));
        }
        if let Some(r) = self.month_first(i).or_else(|| self.day_first(i)) {
            return Some(r);
        }
        if let Some((y, end)) = self.spelled_year(i, false) {
            return Some((cal(Some(y), None, None), end));
        }
        // A bare year; before 1800 only after a preposition ("in 1462", not "1462 people").
        if let Some(y) = year_of(t) {
            let old_ok = y >= 1800
                || i.checked_sub(1).is_some_and(|p| {
                    self.any(
                        p,
                        &[
                            "in", "since", "from", "until", "by", "of", "year", "before", "after",
                            "around",
                        ],
                    )
                });
            if old_ok && self.plausible_year(i) {
                return Some((cal(Some(y), None, None), i + 1));
            }
        }
        None
    }

    /// Whether a four-digit number at `i` reads as a year, not a quantity or a code.
    fn plausible_year(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        let next = self.tok(i + 1);
        if prev.is_some_and(|p| {
            p.any(&[
                "$",
                "€",
                "£",
                "no",
                "no.",
                "number",
                "resolution",
                "route",
                "page",
                "#",
                "article",
                "flight",
                "model",
                "room",
                "paragraph",
                "section",
                "rule",
                "code",
            ])
        }) {
            return false;
        }
        if next.is_some_and(|n| {
            n.any(&[
                "%",
                "percent",
                "people",
                "troops",
                "soldiers",
                "tons",
                "tonnes",
                "barrels",
                "km",
                "kilometres",
                "kilometers",
                "miles",
                "dollars",
                "euros",
                "units",
                "members",
                "deaths",
                "cases",
                "votes",
                "seats",
                "residents",
                "refugees",
                "workers",
                "jobs",
                "delegates",
                "times",
                "metres",
                "meters",
                "feet",
                "hectares",
            ])
        }) {
            return false;
        }
        // "at 1600 Pennsylvania Avenue": a street number.
        if prev.is_some_and(|p| p.is("at"))
            && next.is_some_and(|n| n.word && is_capitalized(self.original(i + 1)))
        {
            return false;
        }
        // Part of a larger number or code: "1,992", "2015-16" handled by ranges.
        !prev.is_some_and(|p| p.is("+") || p.is("/") || p.is(":"))
    }

    /// A year in words, as transcripts write them: "nineteen ninety-six", "eighteen twelve",
    /// and where a year is expected (`expected`: after a month, "the year", "the winter of")
    /// also "two thousand" and "two thousand and one", which elsewhere are counts.
    fn spelled_year(&self, i: usize, expected: bool) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let century = match t.lower {
            "nineteen" => 1900,
            "eighteen" => 1800,
            "two" if expected && self.is(i + 1, "thousand") => {
                let j = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
                return match self.tok(j).and_then(|n| cardinal(n.lower)).filter(|n| *n > 0) {
                    Some(n) => Some((2000 + n as i32, j + 1)),
                    None => Some((2000, i + 2)),
                };
            }
            _ => return None,
        };
        let n = self.tok(i + 1).and_then(|n| cardinal(n.lower)).filter(|n| *n >= 10)?;
        Some((century + n as i32, i + 2))
    }

    fn numeric_date(&self, i: usize) -> Option<(Expr, usize)> {
        let a = self.tok(i)?;
        let sep = self.tok(i + 1)?;
        if !sep.any(&["/", "-", "."])
            || !self.adjacent(i)
            || !self.adjacent(i + 1)
            || !self.adjacent(i + 2)
            || !self.adjacent(i + 3)
        {
            return None;
        }
        let b = self.tok(i + 2)?;
        if !self.tok(i + 3)?.is(sep.lower) {
            return None;
        }
        let c = self.tok(i + 4)?;
        if a.digits == 0 || b.digits == 0 || c.digits == 0 {
            return None;
        }
        let (x, y, z) = (a.int()?, b.int()?, c.int()?);
        let date = if a.digits == 4 {
            dyad_model::Date::new(x as i32, y as u8, z as u8)?
        } else {
            let year = match c.digits {
                4 => z as i32,
                2 => {
                    if z >= 50 {
                        1900 + z as i32
                    } else {
                        2000 + z as i32
                    }
                }
                _ => return None,
            };
            let (m, d) = if sep.is(".") || x > 12 { (y, x) } else { (x, y) };
            dyad_model::Date::new(year, m as u8, d as u8)?
        };
        Some((
            Expr::Cal {
                year: Some(date.year()),
                month: Some(date.month()),
                day: Some(date.day()),
                part: None,
                lean: Lean::Tense,
            },
            i + 5,
        ))
    }

    /// "November 6, 2025", "Nov. 6", "November 2025", "November" (capitalised), "Nov. 6th".
    fn month_first(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        let m = month_from_name(t.lower)?;
        if !is_month_word(self.original(i)) {
            return None;
        }
        let mut j = i + 1;
        let mut day = None;
        if let Some(d) = self.tok(j).and_then(day_of) {
            // "May 2025" is month + year, "May 20" month + day.
            if self.tok(j).is_some_and(|x| x.digits <= 2) {
                day = Some(d);
                j += 1;
            }
        }
        let mut year = None;
        let mut k = if day.is_some() && self.is(j, ",") { j + 1 } else { j };
        // "in October of 2023"
        if day.is_none() && self.is(j, "of") && self.tok(j + 1).is_some_and(|y| y.digits == 4) {
            k = j + 1;
        }
        if let Some(y) =
            self.tok(k).and_then(year_of).filter(|_| self.tok(k + 1).is_none_or(|n| !n.is("%")))
        {
            year = Some(y);
            j = k + 1;
        } else if let Some((y, end)) = self.spelled_year(k, true) {
            // "January nineteen ninety-seven" in transcripts.
            year = Some(y);
            j = end;
        }
        // "may" as a verb: a lower-case "may" needs a day or a year.
        if t.is("may") && day.is_none() && year.is_none() {
            if !self.original(i).starts_with('M') {
                return None;
            }
            // "May" at a sentence start followed by a verb: "May I ..."; accept only before
            // prepositions or punctuation, or after a preposition of time ("disclosed in May
            // that").
            let after_preposition = i.checked_sub(1).is_some_and(|p| {
                self.any(p, &["in", "since", "until", "till", "by", "during", "before", "after"])
            });
            if !after_preposition
                && !self.tok(j).is_none_or(|n| {
                    !n.word || n.any(&["and", "or", "to", "of", "when", "as", "after", "before"])
                })
            {
                return None;
            }
        }
        // "June last year", "Oct. 23 next year"
        if year.is_none() && self.any(j, &["last", "this", "next"]) && self.is(j + 1, "year") {
            let offset = match self.t[j].lower {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some((Expr::CalOfYear { month: m, day, offset }, j + 2));
        }
        // Month alone: only capitalised full names.
        if day.is_none() && year.is_none() && t.lower.len() < 4 && !matches!(t.lower, "may") {
            return None;
        }
        let mut part = None;
        if day.is_some() {
            if let Some(p) = self.tok(j).and_then(|n| part_of_day(n.lower)) {
                part = Some(p);
                j += 1;
            }
        }
        Some((Expr::Cal { year, month: Some(m), day, part, lean: Lean::Tense }, j))
    }

    /// "6 November 2025", "6 November", "6th of November".
    fn day_first(&self, i: usize) -> Option<(Expr, usize)> {
        let t = self.tok(i)?;
        let d = day_of(t)?;
        let mut j = i + 1;
        if self.is(j, "of") {
            j += 1;
        }
        let m = month_from_name(self.tok(j)?.lower)?;
        if !is_month_word(self.original(j)) {
            return None;
        }
        j += 1;
        let (year, end) = match self.tok(j).and_then(year_of) {
            Some(y) => (Some(y), j + 1),
            None => (None, j),
        };
        Some((Expr::Cal { year, month: Some(m), day: Some(d), part: None, lean: Lean::Tense }, end))
    }
}

/// Gives the first endpoint of a range the parts it leaves out: "from March to May 2025".
fn inherit(a: Expr, b: &Expr) -> Expr {
    match (a, b) {
        (
            Expr::Cal { year: None, month, day, part, lean },
            Expr::Cal { year: Some(y), month: bm, .. },
        ) => {
            let month = month.or(if day.is_some() { *bm } else { None });
            Expr::Cal { year: Some(*y), month, day, part, lean }
        }
        (a, _) => a,
    }
}

fn year_of(t: &Tok) -> Option<i32> {
    (t.digits == 4 && t.lower.len() == 4)
        .then(|| t.int())
        .flatten()
        .map(|y| y as i32)
        .filter(|y| (1000..=2199).contains(y))
}

fn day_of(t: &Tok) -> Option<u8> {
    let d = if t.digits > 0 {
        t.int()?
    } else {
        ordinal(t.lower).filter(|_| t.lower.chars().next().is_some_and(|c| c.is_ascii_digit()))?
    };
    (1..=31).contains(&d).then_some(d as u8)
}

/// A weekday written out, or abbreviated with a period ("Thu."): "Sun" alone is a newspaper.
fn full_or_dotted(lower: &str) -> bool {
    lower.ends_with('.') || lower.len() >= 6
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Month names are proper nouns: "march" and "may" in lower case are verbs.
fn is_month_word(original: &str) -> bool {
    is_capitalized(original)
}
