//! The expression grammar: at a token that can start a time expression, the longest pattern
//! that matches, already normalised against the document date, tense and last-mentioned date.

mod modified;
mod names;
mod numbers;
mod periods;
mod relative;
mod sets;
mod the;

use chrono::{Datelike, NaiveDate, Weekday};

use super::lexicon::{Kw, Lex, PartOfDay, Season, Token, Unit};
use super::tense::{Tense, tense_at};
use super::value::{Mod, TimexType, day_value, month_value, quarter_of, week_value, ymd};
use crate::calendar::{add_days, add_months, last_day_of_month};

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

    /// An ordinal at `i`, spelled in one word ("21st", "first") or two ("twenty-first"),
    /// and the index after it.
    fn ordinal_at(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::Ordinal(n) => Some((n, i + 1)),
            Lex::NumWord(tens) if (20..=90).contains(&tens) && tens % 10 == 0 => {
                let k = self.hyphen(i + 1)?;
                match self.lex(k) {
                    Lex::Ordinal(units @ 1..=9) => Some((tens + units, k + 1)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "the 11th century", "the twenty-first century": `TimeML` writes a century with its first
    /// two digits (`20` for 2000-2099). Centuries past the four-digit years are no date.
    fn century(&self, i: usize) -> Option<Hit> {
        let (n, k) = self.ordinal_at(i)?;
        if !matches!(self.lex(k), Lex::Unit(Unit::Century, false)) || !(1..=100).contains(&n) {
            return None;
        }
        hit(i, k + 1, TimexType::Date, format!("{:02}", n - 1))
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
            Lex::Ordinal(_) | Lex::NumWord(_) if self.century(i).is_some() => self.century(i),
            Lex::NumWord(19 | 20) if self.spelled_year(i).is_some() => self.spelled_year(i),
            Lex::NumWord(_) | Lex::Kw(Kw::A | Kw::Several | Kw::Few | Kw::SomeQty | Kw::Many) => {
                self.quantity_expr(i, i)
            }
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

/// `year` when TIMEX3 can write it (0000-9999), so that "the last decade" from year 0 is
/// no date rather than a wrapped-around number.
fn four_digit_year(year: i32) -> Option<u32> {
    u32::try_from(year).ok().filter(|&y| y <= 9999)
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
        Unit::Day => day_value(add_days(base, i64::from(steps))?),
        Unit::Week => week_value(add_days(base, 7 * i64::from(steps))?),
        Unit::Weekend => format!("{}-WE", week_value(add_days(base, 7 * i64::from(steps))?)),
        Unit::Month => {
            let m = add_months(base, steps)?;
            month_value(m.year(), m.month())
        }
        Unit::Quarter => {
            let m = add_months(base, steps.checked_mul(3)?)?;
            format!("{}-Q{}", m.year(), quarter_of(m))
        }
        Unit::Year => (base.year() + steps).to_string(),
        Unit::Decade => decade_value(
            four_digit_year(base.year().checked_add(steps.checked_mul(10)?)?)? / 10 * 10,
        ),
        Unit::Century => format!(
            "{:02}",
            four_digit_year(base.year().checked_add(steps.checked_mul(100)?)?)? / 100
        ),
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

/// The latest `wd` on or before `d` (strictly before unless `inclusive`); `None` off the
/// calendar.
fn previous_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    add_days(d, -i64::from(back))
}

fn next_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    let fwd = if fwd == 0 && !inclusive { 7 } else { fwd };
    add_days(d, i64::from(fwd))
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
