//! Numbers: dates, clock times, years, quantities and durations.

use super::{
    Grammar, Hit, Kw, Lex, Mod, TimexType, Unit, day_value, duration_and_a_half, duration_value,
    expand_year, hit, shifted, ymd,
};

impl Grammar<'_> {
    pub(super) fn number(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn iso_date(&self, i: usize, y: u32) -> Option<Hit> {
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

    pub(super) fn clock_time(&self, i: usize, hour: u32) -> Option<Hit> {
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
    pub(super) fn time_on_day(&self, start: usize, after: usize, time: &str) -> Option<Hit> {
        let mut k = after;
        let zone = self.word(k);
        if zone.len() == 3 && zone.bytes().all(|b| b.is_ascii_uppercase()) && zone.ends_with('T') {
            k += 1;
        }
        // "at 2:55 p.m. local time on Sunday": the day the clock time falls on.
        let mut on = k;
        if self.word(on).eq_ignore_ascii_case("local")
            && self.word(on + 1).eq_ignore_ascii_case("time")
        {
            on += 2;
        }
        if self.word(on).eq_ignore_ascii_case("on") && matches!(self.lex(on + 1), Lex::Weekday(_)) {
            k = on + 1;
        }
        if let Lex::Weekday(wd) = self.lex(k) {
            let date = self.resolve_weekday(wd, start, k + 1)?;
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
    pub(super) fn meridiem(&self, k: usize) -> Option<(bool, usize)> {
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

    pub(super) fn year_number(&self, i: usize, y: u32) -> Option<Hit> {
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
    pub(super) fn quantity(&self, i: usize) -> Option<(Option<u32>, usize)> {
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
    pub(super) fn quantity_expr(&self, start: usize, i: usize) -> Option<Hit> {
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
    pub(super) fn bare_plural(&self, i: usize, unit: Unit) -> Option<Hit> {
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
    pub(super) fn count_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| {
            matches!(self.lex(k), Lex::Num(..) | Lex::NumWord(_)) || self.word_is(k, "times")
        })
    }

    /// "up to 180 days", "more than five years", "about two weeks", "nearly a decade".
    pub(super) fn bounded_duration(&self, i: usize) -> Option<Hit> {
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
}
