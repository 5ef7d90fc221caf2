//! Quarters, halves, fiscal years, spelled years, holidays.

use super::{
    Datelike, Grammar, Hit, Kw, Lex, Tense, TimexType, Unit, day_value, duration_value, hit,
    is_year_value, month_value, previous_quarter, quarter_of, ymd,
};
use crate::calendar::add_days;

impl Grammar<'_> {
    /// "third quarter", "the fiscal first quarter", "first half of 1990", "third-quarter".
    pub(super) fn ordinal_period(&self, start: usize, i: usize) -> Option<Hit> {
        self.ordinal_period_in(start, i, None)
    }

    pub(super) fn ordinal_period_in(
        &self,
        start: usize,
        i: usize,
        year: Option<i32>,
    ) -> Option<Hit> {
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

    pub(super) fn fiscal(&self, start: usize, i: usize) -> Option<Hit> {
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
    pub(super) fn year_compound(&self, start: usize, i: usize) -> Option<Hit> {
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
    pub(super) fn spelled_year(&self, i: usize) -> Option<Hit> {
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
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
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
            add_days(first, i64::from(to_thu + 21))?
        } else {
            ymd(y, month, day)?
        };
        hit(i, end, TimexType::Date, day_value(date))
    }
}
