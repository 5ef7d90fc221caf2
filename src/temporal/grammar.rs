//! The expression grammar: at a token that can start a time expression, the longest pattern
//! that matches, already normalised against the document date, tense and last-mentioned date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::{Kw, Lex, PartOfDay, Season, Token, Unit};
use super::tense::{Tense, tense_at};
use super::value::{Mod, TimexType, day_value, month_value, quarter_of, week_value, ymd};
use crate::calendar::{add_months, last_day_of_month};

/// A recognised expression: tokens `[start, end)`, its type, value and modifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<Mod>,
}

pub struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub dct: NaiveDate,
    /// The last date mentioned, for "the next day", "two weeks later", "a year earlier".
    pub anchor: NaiveDate,
    /// The last quarter mentioned: in earnings copy "a year earlier" means that quarter.
    pub anchor_quarter: Option<(i32, u32)>,
    /// The last single day mentioned: a bare clock time ("at 10 p.m.") falls on it.
    pub anchor_day: Option<NaiveDate>,
}

// Returns Option so every matcher arm can end with it.
#[allow(clippy::unnecessary_wraps)]
fn hit(start: usize, end: usize, kind: TimexType, value: String) -> Option<Hit> {
    Some(Hit {
        start,
        end,
        kind,
        value,
        modifier: None,
    })
}

impl Grammar<'_> {
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::Other, |t| t.lex)
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Lex::Kw(k)
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.lex(i) == Lex::Punct(c)
    }

    fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// Token `i` follows token `i - 1` with no space (`two-year`, `Jan.`, `3:30`).
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A hyphen glued on both sides, as in `mid-2021` or `third-quarter`: index after it.
    fn hyphen(&self, i: usize) -> Option<usize> {
        (self.punct(i, b'-') && self.glued(i) && self.glued(i + 1)).then_some(i + 1)
    }

    fn tense(&self, start: usize, end: usize) -> Tense {
        tense_at(self.text, self.toks, start, end).0
    }

    /// The tense only when a cue sits in the expression's own clause: a weaker signal is
    /// worse than the calendar's own default.
    fn clause_tense(&self, start: usize, end: usize) -> Tense {
        match tense_at(self.text, self.toks, start, end) {
            (t, true) => t,
            _ => Tense::Unknown,
        }
    }

    /// The longest expression starting at token `i`, if any.
    pub fn match_at(&self, i: usize) -> Option<Hit> {
        let found = match self.lex(i) {
            Lex::Kw(Kw::The) => self.the(i),
            Lex::Kw(
                Kw::This
                | Kw::Last
                | Kw::Next
                | Kw::Past
                | Kw::Coming
                | Kw::Previous
                | Kw::Following
                | Kw::Latest
                | Kw::Recent
                | Kw::Same
                | Kw::That
                | Kw::Current,
            ) => self.relative(i, i),
            Lex::Kw(Kw::Early | Kw::Late | Kw::Mid | Kw::Earlier | Kw::Later) => self.modified(i),
            Lex::Kw(Kw::Up | Kw::More | Kw::About | Kw::Nearly | Kw::Over) => {
                self.bounded_duration(i)
            }
            Lex::Num(..) => self.number(i),
            Lex::NumWord(19 | 20) if self.spelled_year(i).is_some() => self.spelled_year(i),
            Lex::NumWord(_) | Lex::Kw(Kw::A | Kw::Several | Kw::Few | Kw::SomeQty | Kw::Many) => {
                self.quantity_expr(i, i)
            }
            // "11th century": TimeML writes a century with its first two digits.
            Lex::Ordinal(n) if matches!(self.lex(i + 1), Lex::Unit(Unit::Century, false)) => hit(
                i,
                i + 2,
                TimexType::Date,
                format!("{:02}", n.saturating_sub(1)),
            ),
            Lex::Ordinal(_) => self.ordinal_period(i, i),
            Lex::Month(_) => self.month(i),
            Lex::Weekday(_) => self.weekday(i, i),
            Lex::Season(_) => self.season(i, i, None),
            Lex::Decade(d) => hit(i, i + 1, TimexType::Date, decade_value(d)),
            Lex::Kw(Kw::Every | Kw::Each) => self.every(i),
            Lex::Kw(Kw::Daily | Kw::Weekly | Kw::Monthly | Kw::Annually) => self.frequency(i),
            Lex::Kw(Kw::Fiscal) => self.fiscal(i, i),
            Lex::Unit(Unit::Year, false) => self.year_compound(i, i),
            Lex::Unit(unit, true) => self.bare_plural(i, unit),
            Lex::Kw(Kw::Noon) => self.time_on_day(i, i + 1, "T12:00"),
            Lex::Kw(Kw::Midnight) => self.time_on_day(i, i + 1, "T24:00"),
            Lex::Other => self.holiday(i),
            Lex::Kw(_) => self.deictic(i),
            _ => None,
        }?;
        Some(found)
    }

    // ----- "the ..." -------------------------------------------------------------------

    fn the(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if self.word_is(j, "near") && (self.kw(j + 1, Kw::Future) || self.word_is(j + 1, "term")) {
            return hit(i, j + 2, TimexType::Date, "FUTURE_REF".into());
        }
        match self.lex(j) {
            Lex::Kw(Kw::Past)
                if matches!(
                    self.lex(j + 1),
                    Lex::Num(..) | Lex::NumWord(_) | Lex::Unit(..) | Lex::Kw(Kw::Several | Kw::Few)
                ) =>
            {
                self.relative(i, j)
            }
            Lex::Kw(Kw::Past) => hit(i, j + 1, TimexType::Date, "PAST_REF".into()),
            Lex::Kw(Kw::Future) => hit(i, j + 1, TimexType::Date, "FUTURE_REF".into()),
            Lex::Kw(Kw::Present) => hit(i, j + 1, TimexType::Date, "PRESENT_REF".into()),
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Mid) if self.kw(j + 1, Kw::Of) => {
                self.part_of(i, j)
            }
            Lex::Decade(d) => hit(i, j + 1, TimexType::Date, decade_value(d)),
            Lex::Punct(b'\'' | b'~') if matches!(self.lex(j + 1), Lex::Decade(_)) => {
                match self.lex(j + 1) {
                    Lex::Decade(d) => hit(i, j + 2, TimexType::Date, decade_value(d)),
                    _ => None,
                }
            }
            Lex::Ordinal(n) if matches!(self.lex(j + 1), Lex::Unit(Unit::Century, false)) => hit(
                i,
                j + 2,
                TimexType::Date,
                format!("{:02}", n.saturating_sub(1)),
            ),
            Lex::Ordinal(n)
                if n <= 31
                    && self.word(j).starts_with(|c: char| c.is_ascii_digit())
                    && !matches!(
                        self.lex(j + 1),
                        Lex::Unit(..) | Lex::Kw(Kw::Half | Kw::Fiscal) | Lex::NumWord(_)
                    )
                    && self.next_is_boundary(j + 1) =>
            {
                // "the 7th": a day of the current month.
                let day = ymd(self.dct.year(), self.dct.month(), n)?;
                hit(i, j + 1, TimexType::Date, day_value(day))
            }
            Lex::Ordinal(_) | Lex::Kw(Kw::Fiscal) => self.ordinal_period(i, j),
            // "the 1988 period", "the 1988 third quarter"
            Lex::Num(y, 4) if (1000..=2099).contains(&y) => {
                if let Some(h) = self.ordinal_period_in(i, j + 1, Some(y as i32)) {
                    return Some(h);
                }
                if matches!(
                    self.lex(j + 1),
                    Lex::Kw(Kw::Period) | Lex::Unit(Unit::Quarter, false)
                ) {
                    let q = self
                        .anchor_quarter
                        .map_or_else(|| previous_quarter(self.dct).1, |(_, q)| q);
                    return hit(i, j + 2, TimexType::Date, format!("{y}-Q{q}"));
                }
                None
            }
            Lex::NumWord(_) | Lex::Num(..) => {
                let h = self.quantity_expr(i, j)?;
                (h.kind == TimexType::Duration).then_some(h)
            }
            Lex::Unit(Unit::Year, false) if self.hyphen(j + 1).is_some() => {
                self.year_compound(i, j)
            }
            Lex::Unit(unit, false) if !self.kw(j + 1, Kw::Of) || unit == Unit::Weekend => {
                self.the_unit(i, j, unit)
            }
            Lex::Kw(
                Kw::Latest
                | Kw::Same
                | Kw::Current
                | Kw::Previous
                | Kw::Following
                | Kw::Next
                | Kw::Last
                | Kw::Coming
                | Kw::Recent,
            ) => self.relative(i, j),
            Lex::Season(_) => self.season(i, j, None),
            _ => None,
        }
    }

    fn next_is_boundary(&self, i: usize) -> bool {
        !matches!(self.lex(i), Lex::Other) || self.toks.get(i).is_none()
    }

    /// "the year", "the quarter", "the week", "the weekend", "the month", "the day".
    fn the_unit(&self, i: usize, j: usize, unit: Unit) -> Option<Hit> {
        let d = self.dct;
        // "the year ended March 31": a fiscal year as a length of time.
        if unit == Unit::Year && self.kw(j + 1, Kw::Ended) {
            return hit(i, j + 1, TimexType::Duration, "P1Y".into());
        }
        let value = match unit {
            Unit::Year => d.year().to_string(),
            Unit::Quarter => {
                let (y, q) = previous_quarter(d);
                format!("{y}-Q{q}")
            }
            Unit::Month => month_value(d.year(), d.month()),
            Unit::Week => week_value(d),
            Unit::Weekend => format!("{}-WE", week_value(self.weekend_date())),
            Unit::Day if self.kw(j + 1, Kw::Before) || self.kw(j + 1, Kw::After) => {
                let sign = if self.kw(j + 1, Kw::Before) { -1 } else { 1 };
                // "the day after tomorrow", "the day before yesterday": counted from today.
                let from_today = match sign {
                    1 => self.word_is(j + 2, "tomorrow").then_some(2),
                    _ => self.word_is(j + 2, "yesterday").then_some(-2),
                };
                if let Some(days) = from_today {
                    return hit(
                        i,
                        j + 3,
                        TimexType::Date,
                        day_value(d + Duration::days(days)),
                    );
                }
                return hit(
                    i,
                    j + 2,
                    TimexType::Date,
                    day_value(self.anchor + Duration::days(sign)),
                );
            }
            _ => return None,
        };
        hit(i, j + 1, TimexType::Date, value)
    }

    fn weekend_date(&self) -> NaiveDate {
        let back = (self.dct.weekday().num_days_from_monday() + 7 - 5) % 7;
        if self.dct.weekday().num_days_from_monday() >= 5 {
            self.dct
        } else {
            self.dct - Duration::days(i64::from(back))
        }
    }

    /// "the end of the year", "the beginning of 1990", "the middle of March".
    fn part_of(&self, i: usize, j: usize) -> Option<Hit> {
        let modifier = match self.lex(j) {
            Lex::Kw(Kw::End) => Mod::End,
            Lex::Kw(Kw::Beginning) => Mod::Start,
            _ => Mod::Mid,
        };
        let k = j + 2;
        let inner = if self.kw(k, Kw::The) {
            match self.lex(k + 1) {
                Lex::Unit(
                    unit @ (Unit::Year
                    | Unit::Month
                    | Unit::Week
                    | Unit::Quarter
                    | Unit::Decade
                    | Unit::Century),
                    false,
                ) => {
                    let d = self.dct;
                    let value = match unit {
                        Unit::Year => d.year().to_string(),
                        Unit::Month => month_value(d.year(), d.month()),
                        Unit::Week => week_value(d),
                        Unit::Quarter => format!("{}-Q{}", d.year(), quarter_of(d)),
                        Unit::Decade => decade_value(d.year() as u32 / 10 * 10),
                        _ => format!("{:02}", d.year() / 100),
                    };
                    Hit {
                        start: k,
                        end: k + 2,
                        kind: TimexType::Date,
                        value,
                        modifier: None,
                    }
                }
                _ => self.match_at(k)?,
            }
        } else {
            self.match_at(k)?
        };
        if inner.kind != TimexType::Date {
            return None;
        }
        Some(Hit {
            start: i,
            end: inner.end,
            kind: TimexType::Date,
            value: inner.value,
            modifier: Some(modifier),
        })
    }

    // ----- this / last / next ... ------------------------------------------------------

    /// `rel` is the index of the relative word; `i` where the expression starts ("the").
    fn relative(&self, i: usize, rel: usize) -> Option<Hit> {
        let word = self.lex(rel);
        let j = rel + 1;
        let d = self.dct;
        let step: i32 = match word {
            Lex::Kw(Kw::Last | Kw::Past | Kw::Previous | Kw::Latest | Kw::Recent) => -1,
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
            _ => 0,
        };
        // "recent years", "the past two months", "the next three weeks": durations.
        if let Some((n, after_n)) = self.quantity(j)
            && let Lex::Unit(unit, _) = self.lex(after_n)
            && step != 0
            && !matches!(self.lex(j), Lex::Kw(Kw::A))
        {
            return hit(i, after_n + 1, TimexType::Duration, duration_value(n, unit));
        }
        match self.lex(j) {
            // "next year's first quarter", "last year's quarter"
            Lex::Unit(Unit::Year, false)
                if i == rel && self.punct(j + 1, b'\'') && self.word_is(j + 2, "s") =>
            {
                let y = d.year() + step;
                if let Some(h) = self.ordinal_period_in(i, j + 3, Some(y)) {
                    return Some(h);
                }
                if matches!(
                    self.lex(j + 3),
                    Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period)
                ) {
                    let q = self
                        .anchor_quarter
                        .map_or_else(|| previous_quarter(d).1, |(_, q)| q);
                    return hit(i, j + 4, TimexType::Date, format!("{y}-Q{q}"));
                }
                hit(i, j + 1, TimexType::Date, y.to_string())
            }
            Lex::Unit(unit, plural) => {
                if plural {
                    return match word {
                        // "recent years": TimeML's unspecified stretch, `PXY`.
                        Lex::Kw(Kw::Recent) => {
                            hit(i, j + 1, TimexType::Duration, duration_value(None, unit))
                        }
                        Lex::Kw(Kw::Coming) => hit(i, j + 1, TimexType::Date, "FUTURE_REF".into()),
                        _ => None,
                    };
                }
                let anaphoric =
                    matches!(
                        word,
                        Lex::Kw(Kw::Previous | Kw::Following | Kw::Same | Kw::That)
                    ) || (i != rel && matches!(word, Lex::Kw(Kw::Next)) && unit == Unit::Day);
                let base = if anaphoric { self.anchor } else { d };
                if matches!(word, Lex::Kw(Kw::Past)) && i != rel && unit == Unit::Year {
                    return hit(i, j + 1, TimexType::Date, (d.year() - 1).to_string());
                }
                if matches!(word, Lex::Kw(Kw::Past)) && i != rel {
                    return hit(i, j + 1, TimexType::Duration, duration_value(Some(1), unit));
                }
                if matches!(word, Lex::Kw(Kw::Latest)) && matches!(unit, Unit::Quarter) {
                    let (y, q) = previous_quarter(d);
                    return hit(i, j + 1, TimexType::Date, format!("{y}-Q{q}"));
                }
                if matches!(word, Lex::Kw(Kw::Current | Kw::Same | Kw::That))
                    && unit == Unit::Quarter
                    && i != rel
                {
                    let (y, q) = if matches!(word, Lex::Kw(Kw::Current)) {
                        (d.year(), quarter_of(d))
                    } else {
                        previous_quarter(d)
                    };
                    return hit(i, j + 1, TimexType::Date, format!("{y}-Q{q}"));
                }
                let value = shifted(base, unit, step)?;
                hit(i, j + 1, TimexType::Date, value)
            }
            Lex::Kw(Kw::Period) if matches!(word, Lex::Kw(Kw::Latest | Kw::Same)) => {
                let (y, q) = previous_quarter(d);
                hit(i, j + 1, TimexType::Date, format!("{y}-Q{q}"))
            }
            Lex::Weekday(wd) if i == rel => {
                let date = match step {
                    -1 => previous_weekday(d, wd, false),
                    1 => next_weekday(d, wd, false),
                    _ => self.resolve_weekday(wd, rel, j + 1),
                };
                self.with_part_of_day(i, j + 1, date)
            }
            Lex::Month(m) if i == rel => {
                let y = match step {
                    -1 if m >= d.month() => d.year() - 1,
                    1 if m <= d.month() => d.year() + 1,
                    _ => d.year(),
                };
                hit(i, j + 1, TimexType::Date, month_value(y, m))
            }
            Lex::Season(s) if i == rel => {
                let this = season_year(d, s);
                let y = match step {
                    -1 if season_start(this, s) >= d => this - 1,
                    -1 => this,
                    1 if season_start(this, s) <= d => this + 1,
                    _ => this,
                };
                hit(i, j + 1, TimexType::Date, format!("{y}-{}", s.code()))
            }
            Lex::PartOfDay(p) if i == rel && matches!(word, Lex::Kw(Kw::This | Kw::Last)) => {
                let day = if step == -1 { d - Duration::days(1) } else { d };
                if step == -1 && p != PartOfDay::Night {
                    return None;
                }
                hit(
                    i,
                    j + 1,
                    TimexType::Time,
                    format!("{}T{}", day_value(day), p.code()),
                )
            }
            // "the next morning", "the previous evening", "that night": a part of the day after,
            // before or of the last day mentioned.
            Lex::PartOfDay(p)
                if i != rel
                    && matches!(
                        word,
                        Lex::Kw(Kw::Next | Kw::Following | Kw::Previous | Kw::Same | Kw::That)
                    ) =>
            {
                let day = self.anchor_day.unwrap_or(d) + Duration::days(i64::from(step));
                hit(
                    i,
                    j + 1,
                    TimexType::Time,
                    format!("{}T{}", day_value(day), p.code()),
                )
            }
            // "recent talks", "the current crisis": the adjective alone refers to a time.
            _ if i == rel && word == Lex::Kw(Kw::Current) => {
                hit(i, i + 1, TimexType::Date, "PRESENT_REF".into())
            }
            _ => None,
        }
    }

    // ----- early / late / mid -------------------------------------------------------------

    fn modified(&self, i: usize) -> Option<Hit> {
        let (modifier, relative_to_this) = match self.lex(i) {
            Lex::Kw(Kw::Early) => (Mod::Start, false),
            Lex::Kw(Kw::Late) => (Mod::End, false),
            Lex::Kw(Kw::Mid) => (Mod::Mid, false),
            Lex::Kw(Kw::Earlier) => (Mod::Start, true),
            _ => (Mod::End, true),
        };
        let j = self.hyphen(i + 1).unwrap_or(i + 1);
        if relative_to_this && !self.kw(j, Kw::This) {
            return None;
        }
        let inner = self.match_at(j)?;
        let ok = inner.kind == TimexType::Date && !inner.value.ends_with("_REF")
            || inner.kind == TimexType::Time;
        if !ok || inner.start != j {
            return None;
        }
        Some(Hit {
            start: i,
            end: inner.end,
            kind: inner.kind,
            value: inner.value,
            modifier: inner.modifier.or(Some(modifier)),
        })
    }

    // ----- numbers --------------------------------------------------------------------

    fn number(&self, i: usize) -> Option<Hit> {
        let Lex::Num(n, digits) = self.lex(i) else {
            return None;
        };
        if i > 0
            && (self.punct(i - 1, b'$')
                || (self.punct(i - 1, b'.') && !self.toks[i].space_before)
                || (self.punct(i - 1, b',') && !self.toks[i].space_before))
        {
            return None;
        }
        // ISO 2022-01-07, 2022/01/07
        if digits == 4
            && let Some(h) = self.iso_date(i, n)
        {
            return Some(h);
        }
        // US 01/07/2022 or 1/7/22
        if digits <= 2 && self.punct(i + 1, b'/') && self.glued(i + 1) && self.glued(i + 2) {
            if let (Lex::Num(day, _), true, Lex::Num(y, yd)) = (
                self.lex(i + 2),
                self.punct(i + 3, b'/') && self.glued(i + 3) && self.glued(i + 4),
                self.lex(i + 4),
            ) {
                let year = match yd {
                    4 => y as i32,
                    2 => expand_year(y),
                    _ => return None,
                };
                let date = ymd(year, n, day)?;
                return hit(i, i + 5, TimexType::Date, day_value(date));
            }
            return None;
        }
        // Times: 3 p.m., 3:30 p.m., 10 am
        if let Some(h) = self.clock_time(i, n) {
            return Some(h);
        }
        // 7 January 2022, 7 Jan.
        if (1..=31).contains(&n) && digits <= 2 {
            let k = if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
            if let Lex::Month(m) = self.lex(k)
                && self.toks[k].capitalized
            {
                return self.month_day(i, k, m, n);
            }
        }
        // "closed at 2082.1": an index level or a price, not a year.
        let decimal = self.punct(i + 1, b'.')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && matches!(self.lex(i + 2), Lex::Num(..));
        if digits == 4 && (1000..=2099).contains(&n) && !decimal {
            return self.year_number(i, n);
        }
        self.quantity_expr(i, i)
    }

    fn iso_date(&self, i: usize, y: u32) -> Option<Hit> {
        let Lex::Punct(sep @ (b'-' | b'/')) = self.lex(i + 1) else {
            return None;
        };
        if !(self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let Lex::Num(m, _) = self.lex(i + 2) else {
            return None;
        };
        if self.punct(i + 3, sep)
            && self.glued(i + 3)
            && self.glued(i + 4)
            && let Lex::Num(d, _) = self.lex(i + 4)
        {
            let date = ymd(y as i32, m, d)?;
            return hit(i, i + 5, TimexType::Date, day_value(date));
        }
        None
    }

    fn clock_time(&self, i: usize, hour: u32) -> Option<Hit> {
        let mut k = i + 1;
        let mut minute = 0;
        if self.punct(k, b':') && self.glued(k) && self.glued(k + 1) {
            if let Lex::Num(m, 2) = self.lex(k + 1) {
                minute = m;
                k += 2;
            } else {
                return None;
            }
        }
        let (pm, after) = self.meridiem(k)?;
        if hour == 0 || hour > 12 || minute > 59 {
            return None;
        }
        let h24 = match (pm, hour) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        self.time_on_day(i, after, &format!("T{h24:02}:{minute:02}"))
    }

    /// A clock time, then an optional time zone and weekday: "10 p.m. EST Tuesday".
    fn time_on_day(&self, start: usize, after: usize, time: &str) -> Option<Hit> {
        let mut k = after;
        let zone = self.word(k);
        if zone.len() == 3 && zone.bytes().all(|b| b.is_ascii_uppercase()) && zone.ends_with('T') {
            k += 1;
        }
        if let Lex::Weekday(wd) = self.lex(k) {
            let date = self.resolve_weekday(wd, start, k + 1);
            return hit(
                start,
                k + 1,
                TimexType::Time,
                format!("{}{time}", day_value(date)),
            );
        }
        let day = self.anchor_day.unwrap_or(self.dct);
        hit(
            start,
            after,
            TimexType::Time,
            format!("{}{time}", day_value(day)),
        )
    }

    /// `p.m.`, `pm`, `a.m.`: whether it is afternoon, and the token after it.
    fn meridiem(&self, k: usize) -> Option<(bool, usize)> {
        match self.lex(k) {
            Lex::Kw(Kw::Pm) => Some((true, k + 1)),
            Lex::Kw(Kw::Am) => Some((false, k + 1)),
            Lex::Kw(Kw::A) | Lex::Other if self.word_is(k, "a") || self.word_is(k, "p") => {
                let pm = self.word_is(k, "p");
                if self.punct(k + 1, b'.') && self.word_is(k + 2, "m") {
                    let end = if self.punct(k + 3, b'.') {
                        k + 4
                    } else {
                        k + 3
                    };
                    Some((pm, end))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn year_number(&self, i: usize, y: u32) -> Option<Hit> {
        let next = self.word(i + 1);
        let quantity_follows = matches!(self.lex(i + 1), Lex::Unit(..))
            || matches!(
                next,
                "%" | "percent"
                    | "million"
                    | "billion"
                    | "people"
                    | "shares"
                    | "tons"
                    | "troops"
                    | "yen"
                    | "dollars"
                    | "members"
                    | "jobs"
                    | "employees"
                    | "cars"
                    | "units"
                    | "miles"
                    | "feet"
                    | "meters"
            );
        if quantity_follows {
            return None;
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        if matches!(
            prev,
            "No" | "no"
                | "number"
                | "Number"
                | "#"
                | "Flight"
                | "flight"
                | "Route"
                | "route"
                | "Room"
                | "room"
        ) {
            return None;
        }
        // "1998 spring", "1989's third quarter"
        if let Lex::Season(s) = self.lex(i + 1) {
            return hit(i, i + 2, TimexType::Date, format!("{y}-{}", s.code()));
        }
        if self.punct(i + 1, b'\'')
            && self.word_is(i + 2, "s")
            && let Lex::Ordinal(_) = self.lex(i + 3)
            && let Some(h) = self.ordinal_period_in(i, i + 3, Some(y as i32))
        {
            return Some(h);
        }
        hit(i, i + 1, TimexType::Date, y.to_string())
    }

    /// A count (`two`, `48`, `a`, `several`) at `i`: its value (None = unspecified) and
    /// the index after it.
    fn quantity(&self, i: usize) -> Option<(Option<u32>, usize)> {
        match self.lex(i) {
            Lex::Num(n, digits) if digits <= 4 => Some((Some(n), i + 1)),
            Lex::NumWord(n) => {
                // "twenty-five", "a hundred"
                if let Some(k) = self.hyphen(i + 1)
                    && let Lex::NumWord(u) = self.lex(k)
                    && u < 10
                {
                    return Some((Some(n + u), k + 1));
                }
                Some((Some(n), i + 1))
            }
            Lex::Kw(Kw::A) => {
                if self.kw(i + 1, Kw::Few) {
                    return Some((None, i + 2));
                }
                // TimeML counts "a couple of years" as two.
                if self.word_is(i + 1, "couple") && self.kw(i + 2, Kw::Of) {
                    return Some((Some(2), i + 3));
                }
                // "a hundred days", "a dozen years"; but in "a two-year deal" the count is "two".
                match self.lex(i + 1) {
                    Lex::NumWord(n @ (12 | 100)) => return Some((Some(n), i + 2)),
                    Lex::NumWord(_) => return None,
                    _ => {}
                }
                Some((Some(1), i + 1))
            }
            Lex::Kw(Kw::Several | Kw::Few | Kw::SomeQty | Kw::Many) => Some((None, i + 1)),
            _ => None,
        }
    }

    /// "five years", "two-year", "48 hours", "two days ago", "a year earlier".
    fn quantity_expr(&self, start: usize, i: usize) -> Option<Hit> {
        let (n, k) = self.quantity(i)?;
        // "2 1/2 years": a half between the count and the unit.
        let half_before = n.is_some()
            && matches!(self.lex(k), Lex::Num(1, 1))
            && self.punct(k + 1, b'/')
            && matches!(self.lex(k + 2), Lex::Num(2, 1));
        let k = if half_before { k + 3 } else { k };
        let (unit_at, adjectival) = match self.hyphen(k) {
            Some(u) => (u, true),
            None => (k, false),
        };
        let Lex::Unit(unit, plural) = self.lex(unit_at) else {
            return None;
        };
        // "a year-earlier loss": the compound is a date, read from "year" on.
        if let Some(x) = self.hyphen(unit_at + 1)
            && matches!(self.lex(x), Lex::Kw(Kw::Earlier | Kw::Ago | Kw::End))
        {
            return None;
        }
        // "a two day visit": a singular unit after a count is an adjective even unhyphenated.
        let attributive = !plural
            && n.is_some_and(|n| n > 1)
            && matches!(self.lex(unit_at + 1), Lex::Other)
            && !self.toks.get(unit_at + 1).is_some_and(|t| t.capitalized);
        let adjectival = adjectival || attributive;
        let singular_ok = n == Some(1) || adjectival;
        if !plural && !singular_ok {
            return None;
        }
        if plural && n == Some(1) {
            return None;
        }
        if matches!(self.lex(i), Lex::Kw(Kw::SomeQty)) && !plural {
            return None;
        }
        let after = unit_at + 1;
        // "a 6-year-old boy", "37 years old" are ages; "three-quarters" is a fraction;
        // "60 Minutes" is a title.
        let age = (adjectival && self.punct(after, b'-') && self.word_is(after + 1, "old"))
            || (plural && self.word_is(after, "old"));
        let fraction = adjectival && unit == Unit::Quarter;
        if age || fraction || self.toks[unit_at].capitalized {
            return None;
        }
        // "$1.76 a year", "four flights a week", "24 hours a day": a frequency.
        let relative_word = matches!(self.lex(after), Lex::Kw(Kw::Ago | Kw::Earlier | Kw::Later));
        if matches!(self.lex(i), Lex::Kw(Kw::A))
            && !plural
            && !relative_word
            && self.count_before(i)
        {
            return hit(start, after, TimexType::Set, duration_value(Some(1), unit));
        }
        if n == Some(1)
            && unit == Unit::Year
            && !adjectival
            && let (Some((y, q)), Lex::Kw(Kw::Ago | Kw::Earlier)) =
                (self.anchor_quarter, self.lex(after))
        {
            return hit(start, after + 1, TimexType::Date, format!("{}-Q{q}", y - 1));
        }
        if !adjectival {
            let sign = match self.lex(after) {
                Lex::Kw(Kw::Ago) => Some((self.dct, -1)),
                Lex::Kw(Kw::Earlier) => Some((self.anchor, -1)),
                Lex::Kw(Kw::Later) => Some((self.anchor, 1)),
                _ => None,
            };
            if let Some((base, sign)) = sign {
                let value = match n {
                    Some(n) => shifted(base, unit, sign * n as i32)?,
                    None => {
                        if sign < 0 {
                            "PAST_REF".into()
                        } else {
                            "FUTURE_REF".into()
                        }
                    }
                };
                return hit(start, after + 1, TimexType::Date, value);
            }
        }
        // "a minute and a half", "an hour and a half".
        let half_after = !adjectival
            && self.word_is(after, "and")
            && self.kw(after + 1, Kw::A)
            && self.word_is(after + 2, "half");
        let kind = TimexType::Duration;
        let halved = (half_before || half_after)
            .then(|| n.and_then(|n| duration_and_a_half(n, unit)))
            .flatten();
        if let Some(value) = halved {
            return hit(
                start,
                if half_after { after + 3 } else { after },
                kind,
                value,
            );
        }
        hit(start, after, kind, duration_value(n, unit))
    }

    /// "for years", "within weeks", "in months": an unspecified number of units.
    fn bare_plural(&self, i: usize, unit: Unit) -> Option<Hit> {
        let governed = i > 0
            && matches!(
                self.word(i - 1).to_ascii_lowercase().as_str(),
                "for" | "in" | "within" | "over" | "than" | "after"
            );
        let unit_ok = !matches!(
            unit,
            Unit::Second | Unit::Minute | Unit::Quarter | Unit::Weekend
        );
        (governed && unit_ok && !self.punct(i + 1, b'-')).then(|| Hit {
            start: i,
            end: i + 1,
            kind: TimexType::Duration,
            value: duration_value(None, unit),
            modifier: None,
        })
    }

    /// A number just before `i` ("four flights a week", "$2 a share a year").
    fn count_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| {
            matches!(self.lex(k), Lex::Num(..) | Lex::NumWord(_)) || self.word_is(k, "times")
        })
    }

    /// "up to 180 days", "more than five years", "about two weeks", "nearly a decade".
    fn bounded_duration(&self, i: usize) -> Option<Hit> {
        let (modifier, k) = match self.lex(i) {
            Lex::Kw(Kw::Up) if self.kw(i + 1, Kw::To) => (Mod::EqualOrLess, i + 2),
            Lex::Kw(Kw::More) if self.kw(i + 1, Kw::Than) => (Mod::MoreThan, i + 2),
            Lex::Kw(Kw::About) => (Mod::Approx, i + 1),
            Lex::Kw(Kw::Nearly) => (Mod::LessThan, i + 1),
            Lex::Kw(Kw::Over) => (Mod::MoreThan, i + 1),
            _ => return self.deictic(i),
        };
        let inner = self.quantity_expr(k, k)?;
        if inner.kind != TimexType::Duration {
            return None;
        }
        // "over five years from April" is a span, not a bound: leave "over" out.
        if modifier == Mod::MoreThan && self.kw(i, Kw::Over) {
            return Some(inner);
        }
        Some(Hit {
            start: i,
            modifier: Some(modifier),
            ..inner
        })
    }

    // ----- months, weekdays, seasons ----------------------------------------------------

    fn month(&self, i: usize) -> Option<Hit> {
        let Lex::Month(m) = self.lex(i) else {
            return None;
        };
        let tok = &self.toks[i];
        if !tok.capitalized {
            return None;
        }
        let mut k = i + 1;
        if self.punct(k, b'.') && self.glued(k) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Num(day, digits)
                if digits <= 2 && (1..=31).contains(&day) && !self.punct(k + 1, b'%') =>
            {
                self.month_day(i, i, m, day).map(|h| Hit { start: i, ..h })
            }
            Lex::Ordinal(day) if (1..=31).contains(&day) => self.month_day(i, i, m, day),
            Lex::Num(y, 4) => hit(i, k + 1, TimexType::Date, month_value(y as i32, m)),
            // "June last year", "January this year"
            Lex::Kw(rel @ (Kw::This | Kw::Last | Kw::Next))
                if matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false)) =>
            {
                let shift = match rel {
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => 0,
                };
                hit(
                    i,
                    k + 2,
                    TimexType::Date,
                    month_value(self.dct.year() + shift, m),
                )
            }
            Lex::Kw(Kw::Of) if matches!(self.lex(k + 1), Lex::Num(_, 4)) => match self.lex(k + 1) {
                Lex::Num(y, _) => hit(i, k + 2, TimexType::Date, month_value(y as i32, m)),
                _ => None,
            },
            _ => {
                let word = self.word(i);
                let ambiguous = matches!(word, "May" | "March") && !self.month_context(i);
                let abbreviation = word.len() <= 4 && !matches!(word, "May" | "June" | "July");
                if ambiguous
                    || abbreviation
                    || (i > 0
                        && self.toks[i - 1].capitalized
                        && !self.month_context(i)
                        && !self.is_sentence_start(i - 1))
                {
                    return None;
                }
                let y = self.resolve_year(i, i + 1, m, None);
                hit(i, i + 1, TimexType::Date, month_value(y, m))
            }
        }
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.lex(i - 1),
                Lex::Punct(b'.' | b'!' | b'?' | b'"' | b'~')
            )
    }

    /// "in March", "since May", "by June": a preposition before a month name makes it a month.
    fn month_context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.word(i - 1).to_ascii_lowercase().as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "through"
                    | "during"
                    | "of"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "and"
                    | "or"
                    | "between"
                    | "on"
            )
    }

    /// Month `m` and day `day`; `i` is where the expression starts, `k` the month token.
    fn month_day(&self, i: usize, k: usize, m: u32, day: u32) -> Option<Hit> {
        let mut end = if k == i {
            // Month Day
            let mut e = i + 1;
            if self.punct(e, b'.') && self.glued(e) {
                e += 1;
            }
            e + 1
        } else {
            // Day Month
            let mut e = k + 1;
            if self.punct(e, b'.') && self.glued(e) {
                e += 1;
            }
            e
        };
        // optional ", 2022" or " 2022"
        let comma = usize::from(self.punct(end, b','));
        if let Lex::Num(y, 4) = self.lex(end + comma)
            && !self.punct(end + comma + 1, b'%')
        {
            end += comma + 1;
            let date = ymd(y as i32, m, day)?;
            return hit(i, end, TimexType::Date, day_value(date));
        }
        let y = self.resolve_year(i, end, m, Some(day));
        let date = ymd(y, m, day)?;
        hit(i, end, TimexType::Date, day_value(date))
    }

    /// The year of a month (and day) written without one: tense decides the direction,
    /// otherwise the nearest occurrence to the document date.
    fn resolve_year(&self, start: usize, end: usize, m: u32, day: Option<u32>) -> i32 {
        let d = self.dct;
        let candidate = |y: i32| {
            let first = ymd(y, m, day.unwrap_or(1)).unwrap_or(d);
            let last = day.map_or_else(|| last_day_of_month(y, m), |_| first);
            (first, last)
        };
        let this = d.year();
        let dist = |y: i32| {
            let (a, b) = candidate(y);
            if a <= d && d <= b {
                0
            } else {
                (a - d).num_days().abs().min((b - d).num_days().abs())
            }
        };
        let nearest = [this, this - 1, this + 1]
            .into_iter()
            .min_by_key(|&y| dist(y))
            .unwrap_or(this);
        // A month alone may take the sentence's tense ("who stepped down as chairman,
        // president and chief executive in March"); a month-day needs its own clause's.
        let tense = if day.is_none() {
            self.tense(start, end)
        } else {
            self.clause_tense(start, end)
        };
        // "gave it until mid-November", "extended loans through January": a deadline reads
        // forward even from a past-tense clause, so the nearest occurrence is the best guess.
        let deadline = self
            .deadline_word_before(start, usize::MAX, |k| {
                matches!(
                    self.word(k).to_ascii_lowercase().as_str(),
                    "-" | "mid" | "early" | "late" | "the" | "end" | "middle" | "beginning" | "of"
                )
            })
            .is_some();
        // The last occurrence that has begun, and the next that has not ended.
        let back = if candidate(this).0 <= d {
            this
        } else {
            this - 1
        };
        let ahead = if candidate(this).1 >= d {
            this
        } else {
            this + 1
        };
        let directed = match tense {
            _ if deadline && tense != Tense::Future => nearest,
            Tense::Past => back,
            Tense::Future => ahead,
            // No verb to go by: news reports what has happened, so a month alone is the last
            // one unless the next one is at most two months off.
            Tense::Unknown if day.is_none() => {
                if (candidate(ahead).0 - d).num_days() <= 62 {
                    ahead
                } else {
                    back
                }
            }
            _ => nearest,
        };
        // A reporter writes the year of a day that is not near: "Jan. 14" eight days ahead
        // of the article is that Jan. 14 even in a past-tense clause.
        if day.is_some() && dist(directed) > 300 {
            nearest
        } else {
            directed
        }
    }

    fn weekday(&self, start: usize, i: usize) -> Option<Hit> {
        let Lex::Weekday(wd) = self.lex(i) else {
            return None;
        };
        if !self.toks[i].capitalized {
            return None;
        }
        // "Wednesday, Jan. 5" / "Wednesday, January 5, 2022": the written date wins.
        let k = if self.punct(i + 1, b',') {
            i + 2
        } else {
            i + 1
        };
        if let Lex::Month(_) = self.lex(k)
            && let Some(h) = self.month(k)
            && h.value.len() == 10
        {
            return Some(Hit { start, ..h });
        }
        let date = self.resolve_weekday(wd, start, i + 1);
        self.with_part_of_day(start, i + 1, date)
    }

    /// "Friday morning", "Tuesday night": a TIME on that day; otherwise the day itself.
    fn with_part_of_day(&self, start: usize, k: usize, date: NaiveDate) -> Option<Hit> {
        if let Lex::PartOfDay(p) = self.lex(k) {
            return hit(
                start,
                k + 1,
                TimexType::Time,
                format!("{}T{}", day_value(date), p.code()),
            );
        }
        hit(start, k, TimexType::Date, day_value(date))
    }

    /// A bare weekday: the document date itself when they agree, else the previous one in past
    /// or unmarked tense and the next one in future tense.
    fn resolve_weekday(&self, wd: Weekday, start: usize, end: usize) -> NaiveDate {
        // "Wednesday's ruling", "Friday's purchases": something that has happened.
        if self.punct(end, b'\'') && self.word_is(end + 1, "s") {
            return previous_weekday(self.dct, wd, true);
        }
        // "as soon as Tuesday", "as early as Monday": the earliest a thing may yet happen.
        if start >= 3
            && self.word_is(start - 3, "as")
            && (self.word_is(start - 2, "soon") || self.word_is(start - 2, "early"))
            && self.word_is(start - 1, "as")
        {
            return next_weekday(self.dct, wd, true);
        }
        // "until 9 a.m. Tuesday", "by Friday": a deadline is the nearest such day, whichever
        // way the clause's verb points.
        let clock = |k: usize| {
            matches!(self.lex(k), Lex::Num(..) | Lex::Punct(b':' | b'.'))
                || matches!(
                    self.word(k).to_ascii_lowercase().as_str(),
                    "a.m"
                        | "p.m"
                        | "am"
                        | "pm"
                        | "at"
                        | "noon"
                        | "midnight"
                        | "est"
                        | "edt"
                        | "gmt"
                        | "pst"
                        | "cst"
                        | "local"
                        | "time"
                        | "a"
                        | "p"
                        | "m"
                )
        };
        if let Some(at) = self.deadline_word_before(start, 6, clock) {
            // "postponed until Tuesday", "extended through Friday": moved to a later day.
            if at > 0 && POSTPONED.contains(&self.word(at - 1).to_ascii_lowercase().as_str()) {
                return next_weekday(self.dct, wd, true);
            }
            let back = previous_weekday(self.dct, wd, true);
            let ahead = next_weekday(self.dct, wd, true);
            return if (self.dct - back) < (ahead - self.dct) {
                back
            } else {
                ahead
            };
        }
        let tense = match self.clause_tense(start, end) {
            // "On Tuesday, the league plans to…": a fronted date takes the main clause's tense.
            Tense::Unknown if self.fronted(start, end) => self.tense(start, end),
            t => t,
        };
        match tense {
            // "The talks resume Monday": present tense with a weekday is a plan.
            Tense::Future | Tense::Present => next_weekday(self.dct, wd, true),
            Tense::Past => previous_weekday(self.dct, wd, true),
            // No verb to go by: news reports the past week, except that tomorrow's weekday
            // (six days back otherwise) is almost always tomorrow.
            Tense::Unknown => {
                let back = previous_weekday(self.dct, wd, true);
                let ahead = next_weekday(self.dct, wd, true);
                if (ahead - self.dct).num_days() <= 1 {
                    ahead
                } else {
                    back
                }
            }
        }
    }

    /// The index of "until", "by", "till" or "through" before `start`, with at most `reach`
    /// words in between, each `skippable` ("mid-" before a month, "9 a.m." before a weekday).
    fn deadline_word_before(
        &self,
        start: usize,
        reach: usize,
        skippable: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        for k in (start.saturating_sub(reach)..start).rev() {
            if matches!(
                self.word(k).to_ascii_lowercase().as_str(),
                "until" | "till" | "by" | "through"
            ) {
                return Some(k);
            }
            if !skippable(k) {
                return None;
            }
        }
        None
    }

    /// An expression that opens its sentence, at most after a preposition, and is set off by
    /// a comma: "On Tuesday, …", "Late Friday, …".
    fn fronted(&self, start: usize, end: usize) -> bool {
        let opens = self.is_sentence_start(start)
            || (start > 0
                && self.is_sentence_start(start - 1)
                && matches!(
                    self.word(start - 1).to_ascii_lowercase().as_str(),
                    "on" | "by" | "late" | "early" | "until" | "since" | "before" | "after"
                ));
        opens && self.punct(end, b',')
    }

    fn season(&self, start: usize, i: usize, year: Option<i32>) -> Option<Hit> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let mut end = i + 1;
        let mut y = year;
        if let Lex::Num(n, 4) = self.lex(end) {
            y = Some(n as i32);
            end += 1;
        } else if self.kw(end, Kw::Of)
            && let Lex::Num(n, 4) = self.lex(end + 1)
        {
            y = Some(n as i32);
            end += 2;
        }
        let y = if let Some(y) = y {
            y
        } else {
            // A bare season must be governed by a preposition or "the", not be a verb ("fall").
            let governed = start != i
                || (i > 0
                    && matches!(
                        self.word(i - 1).to_ascii_lowercase().as_str(),
                        "in" | "this"
                            | "by"
                            | "until"
                            | "since"
                            | "during"
                            | "early"
                            | "late"
                            | "next"
                            | "last"
                    ));
            if !governed
                || (s == Season::Fall
                    && start == i
                    && i > 0
                    && !self.word_is(i - 1, "in")
                    && !self.word_is(i - 1, "this"))
            {
                return None;
            }
            let this = season_year(self.dct, s);
            match self.tense(start, end) {
                Tense::Past if season_start(this, s) > self.dct => this - 1,
                Tense::Future if season_start(this, s) + Duration::days(91) < self.dct => this + 1,
                _ => this,
            }
        };
        hit(start, end, TimexType::Date, format!("{y}-{}", s.code()))
    }

    // ----- quarters, halves, fiscal years -------------------------------------------------

    /// "third quarter", "the fiscal first quarter", "first half of 1990", "third-quarter".
    fn ordinal_period(&self, start: usize, i: usize) -> Option<Hit> {
        self.ordinal_period_in(start, i, None)
    }

    fn ordinal_period_in(&self, start: usize, i: usize, year: Option<i32>) -> Option<Hit> {
        let mut k = i;
        if self.kw(k, Kw::Fiscal) {
            k += 1;
        }
        let Lex::Ordinal(n) = self.lex(k) else {
            return None;
        };
        let mut u = self.hyphen(k + 1).unwrap_or(k + 1);
        if self.kw(u, Kw::Fiscal) {
            u += 1;
        }
        // "the first nine months": a duration.
        if let (Lex::NumWord(count), Lex::Unit(unit, true)) = (self.lex(u), self.lex(u + 1)) {
            return hit(
                start,
                u + 2,
                TimexType::Duration,
                duration_value(Some(count), unit),
            );
        }
        let (is_quarter, max) = match self.lex(u) {
            Lex::Unit(Unit::Quarter, false) => (true, 4),
            Lex::Kw(Kw::Half) => (false, 2),
            _ => return None,
        };
        if n == 0 || n > max {
            return None;
        }
        let mut end = u + 1;
        let mut y = year;
        if y.is_none() {
            if self.kw(end, Kw::Of) {
                if let Lex::Num(v, 4) = self.lex(end + 1) {
                    y = Some(v as i32);
                    end += 2;
                } else if let Some(inner) = self.match_at(end + 1).filter(|h| {
                    h.start == end + 1 && h.kind == TimexType::Date && is_year_value(&h.value)
                }) {
                    // "of next year", "of last year", "of this year": that year; "of the
                    // year" alone says no more than the ordinal did.
                    if !(self.kw(end + 1, Kw::The) && inner.end == end + 3) {
                        y = inner.value.parse().ok();
                    }
                    end = inner.end;
                }
            } else if let Lex::Num(v, 4) = self.lex(end) {
                y = Some(v as i32);
                end += 1;
            }
        }
        let y = y.unwrap_or_else(|| {
            let current = if is_quarter {
                quarter_of(self.dct)
            } else {
                (self.dct.month() - 1) / 6 + 1
            };
            if n <= current || self.tense(start, end) == Tense::Future {
                self.dct.year()
            } else {
                self.dct.year() - 1
            }
        });
        let letter = if is_quarter { 'Q' } else { 'H' };
        hit(start, end, TimexType::Date, format!("{y}-{letter}{n}"))
    }

    fn fiscal(&self, start: usize, i: usize) -> Option<Hit> {
        match self.lex(i + 1) {
            Lex::Num(y, 4) => hit(start, i + 2, TimexType::Date, y.to_string()),
            Lex::Unit(Unit::Year, false) => match self.lex(i + 2) {
                Lex::Num(y, 4) => hit(start, i + 3, TimexType::Date, y.to_string()),
                _ => hit(start, i + 2, TimexType::Date, self.dct.year().to_string()),
            },
            Lex::Ordinal(_) => self.ordinal_period(start, i),
            _ => None,
        }
    }

    /// "year-end", "year-earlier", "year-ago" (optionally + quarter/period).
    fn year_compound(&self, start: usize, i: usize) -> Option<Hit> {
        let k = self.hyphen(i + 1)?;
        let d = self.dct;
        match self.lex(k) {
            Lex::Kw(Kw::End) => hit(start, k + 1, TimexType::Date, month_value(d.year(), 12)),
            Lex::Kw(Kw::Earlier | Kw::Ago) => {
                if let Some(h) = self.ordinal_period_in(start, k + 1, Some(d.year() - 1)) {
                    return Some(h);
                }
                if matches!(
                    self.lex(k + 1),
                    Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period)
                ) {
                    let (y, q) = previous_quarter(d);
                    return hit(start, k + 2, TimexType::Date, format!("{}-Q{q}", y - 1));
                }
                if let Some((y, q)) = self.anchor_quarter {
                    return hit(start, k + 1, TimexType::Date, format!("{}-Q{q}", y - 1));
                }
                hit(start, k + 1, TimexType::Date, (d.year() - 1).to_string())
            }
            _ => None,
        }
    }

    /// "nineteen ninety-six", "nineteen eighty", "two thousand": years written out.
    fn spelled_year(&self, i: usize) -> Option<Hit> {
        let Lex::NumWord(century @ (19 | 20)) = self.lex(i) else {
            return None;
        };
        let Lex::NumWord(tens) = self.lex(i + 1) else {
            return None;
        };
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let (units, end) = match self.hyphen(i + 2).map(|k| (k, self.lex(k))) {
            Some((k, Lex::NumWord(u))) if u < 10 => (u, k + 1),
            _ => (0, i + 2),
        };
        let year = century * 100 + tens + units;
        hit(i, end, TimexType::Date, year.to_string())
    }

    /// Fixed-date holidays and Thanksgiving: "Christmas", "New Year's Day", "Thanksgiving Day".
    fn holiday(&self, i: usize) -> Option<Hit> {
        let word = self.word(i);
        let (month, day, len) = match word {
            "Christmas" if self.word_is(i + 1, "Eve") => (12, 24, 2),
            "Christmas" => (12, 25, if self.word_is(i + 1, "Day") { 2 } else { 1 }),
            "Thanksgiving" => (11, 0, if self.word_is(i + 1, "Day") { 2 } else { 1 }),
            "Independence" if self.word_is(i + 1, "Day") => (7, 4, 2),
            "Halloween" => (10, 31, 1),
            "New"
                if self.word_is(i + 1, "Year")
                    && self.punct(i + 2, b'\'')
                    && self.word_is(i + 3, "s") =>
            {
                if self.word_is(i + 4, "Eve") {
                    (12, 31, 5)
                } else if self.word_is(i + 4, "Day") {
                    (1, 1, 5)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        let end = i + len;
        let y = self.resolve_year(i, end, month, Some(day.max(1)));
        let date = if day == 0 {
            // Fourth Thursday of November.
            let first = ymd(y, 11, 1)?;
            let to_thu = (7 + 3 - first.weekday().num_days_from_monday()) % 7;
            first + Duration::days(i64::from(to_thu + 21))
        } else {
            ymd(y, month, day)?
        };
        hit(i, end, TimexType::Date, day_value(date))
    }

    // ----- sets and deictic words -------------------------------------------------------

    fn every(&self, i: usize) -> Option<Hit> {
        match self.lex(i + 1) {
            Lex::Unit(unit, false) => hit(i, i + 2, TimexType::Set, duration_value(Some(1), unit)),
            Lex::Weekday(wd) => hit(
                i,
                i + 2,
                TimexType::Set,
                format!("XXXX-WXX-{}", wd.number_from_monday()),
            ),
            Lex::NumWord(n) | Lex::Num(n, 1..=2)
                if matches!(self.lex(i + 2), Lex::Unit(_, true)) =>
            {
                match self.lex(i + 2) {
                    Lex::Unit(unit, _) => {
                        hit(i, i + 3, TimexType::Set, duration_value(Some(n), unit))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn frequency(&self, i: usize) -> Option<Hit> {
        let value = match self.lex(i) {
            Lex::Kw(Kw::Daily) => "P1D",
            Lex::Kw(Kw::Weekly) => "P1W",
            Lex::Kw(Kw::Monthly) => "P1M",
            _ if self.word_is(i, "annual") => return None,
            _ => "P1Y",
        };
        hit(i, i + 1, TimexType::Set, value.into())
    }

    fn deictic(&self, i: usize) -> Option<Hit> {
        let d = self.dct;
        let (kind, value) = match self.lex(i) {
            Lex::Kw(Kw::Today) => (TimexType::Date, day_value(d)),
            Lex::Kw(Kw::Yesterday) => (TimexType::Date, day_value(d - Duration::days(1))),
            Lex::Kw(Kw::Tomorrow) => (TimexType::Date, day_value(d + Duration::days(1))),
            Lex::Kw(Kw::Tonight) => (TimexType::Time, format!("{}TNI", day_value(d))),
            Lex::Kw(Kw::Now | Kw::Currently) => (TimexType::Date, "PRESENT_REF".into()),
            Lex::Kw(Kw::Recently) => (TimexType::Date, "PAST_REF".into()),
            _ => return None,
        };
        let day = match self.lex(i) {
            Lex::Kw(Kw::Today) => Some(d),
            Lex::Kw(Kw::Yesterday) => Some(d - Duration::days(1)),
            Lex::Kw(Kw::Tomorrow) => Some(d + Duration::days(1)),
            _ => None,
        };
        if let (Some(day), Lex::PartOfDay(p)) = (day, self.lex(i + 1)) {
            return hit(
                i,
                i + 2,
                TimexType::Time,
                format!("{}T{}", day_value(day), p.code()),
            );
        }
        hit(i, i + 1, kind, value)
    }
}

fn expand_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

/// Verbs that move something to a later time: the deadline after them lies ahead.
const POSTPONED: [&str; 9] = [
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "recessed",
    "suspended",
    "off",
    "back",
];

/// A whole year such as `2021`.
pub(super) fn is_year_value(value: &str) -> bool {
    value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit())
}

/// A decade as `199X`; annotated corpora also write `199`, and the interval reader takes
/// both.
fn decade_value(d: u32) -> String {
    format!("{}X", d / 10)
}

/// `n` and a half units in TIMEX3's units: `P2Y6M`, `PT5H30M`, `PT1M30S`; None where the
/// half has no whole smaller unit (weeks, quarters).
fn duration_and_a_half(n: u32, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Month => format!("P{n}M15D"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Decade => format!("P{}Y", n * 10 + 5),
        Unit::Century => format!("P{}Y", n * 100 + 50),
        _ => return None,
    })
}

/// `P5Y`, `PT48H`, `PXY`.
#[must_use]
pub fn duration_value(n: Option<u32>, unit: Unit) -> String {
    let (code, time) = unit.duration_code();
    let count = n.map_or_else(|| "X".to_owned(), |n| n.to_string());
    let (count, code) = match unit {
        Unit::Decade => (
            n.map_or_else(|| "X".to_owned(), |n| (n * 10).to_string()),
            "Y",
        ),
        Unit::Century => (
            n.map_or_else(|| "X".to_owned(), |n| (n * 100).to_string()),
            "Y",
        ),
        Unit::Weekend => (count, "D"),
        _ => (count, code),
    };
    if time {
        format!("PT{count}{code}")
    } else {
        format!("P{count}{code}")
    }
}

/// `base` moved by `steps` units, written at that unit's granularity.
fn shifted(base: NaiveDate, unit: Unit, steps: i32) -> Option<String> {
    Some(match unit {
        Unit::Day => day_value(base + Duration::days(i64::from(steps))),
        Unit::Week => week_value(base + Duration::weeks(i64::from(steps))),
        Unit::Weekend => format!(
            "{}-WE",
            week_value(base + Duration::weeks(i64::from(steps)))
        ),
        Unit::Month => {
            let m = add_months(base, steps);
            month_value(m.year(), m.month())
        }
        Unit::Quarter => {
            let m = add_months(base, steps * 3);
            format!("{}-Q{}", m.year(), quarter_of(m))
        }
        Unit::Year => (base.year() + steps).to_string(),
        Unit::Decade => decade_value(((base.year() + steps * 10) / 10 * 10) as u32),
        Unit::Century => format!("{:02}", (base.year() + steps * 100) / 100),
        Unit::Hour | Unit::Minute | Unit::Second => return None,
    })
}

fn previous_quarter(d: NaiveDate) -> (i32, u32) {
    let q = quarter_of(d);
    if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    }
}

/// The latest `wd` on or before `d` (strictly before unless `inclusive`).
fn previous_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    d - Duration::days(i64::from(back))
}

fn next_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> NaiveDate {
    let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    let fwd = if fwd == 0 && !inclusive { 7 } else { fwd };
    d + Duration::days(i64::from(fwd))
}

/// The season's year as `TimeML` writes it: winter belongs to the year it starts in.
fn season_year(d: NaiveDate, s: Season) -> i32 {
    if s == Season::Winter && d.month() <= 2 {
        d.year() - 1
    } else {
        d.year()
    }
}

fn season_start(y: i32, s: Season) -> NaiveDate {
    let m = match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    };
    ymd(y, m, 1).unwrap_or(NaiveDate::MIN)
}
