//! "the …": the week, the year, the morning of ….

use super::{
    Datelike, Grammar, Hit, Kw, Lex, Mod, NaiveDate, TimexType, Unit, day_value, decade_value,
    four_digit_year, hit, month_value, previous_quarter, quarter_of, week_value, ymd,
};
use crate::calendar::add_days;

impl Grammar<'_> {
    pub(super) fn the(&self, i: usize) -> Option<Hit> {
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
            Lex::Ordinal(_) | Lex::NumWord(_) if self.century(j).is_some() => {
                self.century(j).map(|h| Hit { start: i, ..h })
            }
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

    pub(super) fn next_is_boundary(&self, i: usize) -> bool {
        !matches!(self.lex(i), Lex::Other) || self.toks.get(i).is_none()
    }

    /// "the year", "the quarter", "the week", "the weekend", "the month", "the day".
    pub(super) fn the_unit(&self, i: usize, j: usize, unit: Unit) -> Option<Hit> {
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
            Unit::Weekend => format!("{}-WE", week_value(self.weekend_date()?)),
            Unit::Day if self.kw(j + 1, Kw::Before) || self.kw(j + 1, Kw::After) => {
                let sign = if self.kw(j + 1, Kw::Before) { -1 } else { 1 };
                // "the day after tomorrow", "the day before yesterday": counted from today.
                let from_today = match sign {
                    1 => self.word_is(j + 2, "tomorrow").then_some(2),
                    _ => self.word_is(j + 2, "yesterday").then_some(-2),
                };
                if let Some(days) = from_today {
                    return hit(i, j + 3, TimexType::Date, day_value(add_days(d, days)?));
                }
                return hit(
                    i,
                    j + 2,
                    TimexType::Date,
                    day_value(add_days(self.anchor, sign)?),
                );
            }
            _ => return None,
        };
        hit(i, j + 1, TimexType::Date, value)
    }

    pub(super) fn weekend_date(&self) -> Option<NaiveDate> {
        let back = (self.dct.weekday().num_days_from_monday() + 7 - 5) % 7;
        if self.dct.weekday().num_days_from_monday() >= 5 {
            Some(self.dct)
        } else {
            add_days(self.dct, -i64::from(back))
        }
    }

    /// "the end of the year", "the beginning of 1990", "the middle of March".
    pub(super) fn part_of(&self, i: usize, j: usize) -> Option<Hit> {
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
                        Unit::Decade => decade_value(four_digit_year(d.year())? / 10 * 10),
                        _ => format!("{:02}", four_digit_year(d.year())? / 100),
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
}
