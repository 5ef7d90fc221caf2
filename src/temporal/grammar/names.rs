//! Months, weekdays, seasons.

use super::{
    Datelike, Grammar, Hit, Kw, Lex, NaiveDate, POSTPONED, Season, Tense, TimexType, Unit, Weekday,
    day_value, hit, last_day_of_month, month_value, next_weekday, previous_weekday, season_start,
    season_year, ymd,
};
use crate::calendar::add_days;

impl Grammar<'_> {
    pub(super) fn month(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn is_sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.lex(i - 1),
                Lex::Punct(b'.' | b'!' | b'?' | b'"' | b'~')
            )
    }

    /// "in March", "since May", "by June": a preposition before a month name makes it a month.
    pub(super) fn month_context(&self, i: usize) -> bool {
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
    pub(super) fn month_day(&self, i: usize, k: usize, m: u32, day: u32) -> Option<Hit> {
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
    pub(super) fn resolve_year(&self, start: usize, end: usize, m: u32, day: Option<u32>) -> i32 {
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

    pub(super) fn weekday(&self, start: usize, i: usize) -> Option<Hit> {
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
        let date = self.resolve_weekday(wd, start, i + 1)?;
        self.with_part_of_day(start, i + 1, date)
    }

    /// "Friday morning", "Tuesday night": a TIME on that day; otherwise the day itself.
    pub(super) fn with_part_of_day(&self, start: usize, k: usize, date: NaiveDate) -> Option<Hit> {
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
    pub(super) fn resolve_weekday(
        &self,
        wd: Weekday,
        start: usize,
        end: usize,
    ) -> Option<NaiveDate> {
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
            let back = previous_weekday(self.dct, wd, true)?;
            let ahead = next_weekday(self.dct, wd, true)?;
            return Some(if (self.dct - back) < (ahead - self.dct) {
                back
            } else {
                ahead
            });
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
                let back = previous_weekday(self.dct, wd, true)?;
                let ahead = next_weekday(self.dct, wd, true)?;
                Some(if (ahead - self.dct).num_days() <= 1 {
                    ahead
                } else {
                    back
                })
            }
        }
    }

    /// The index of "until", "by", "till" or "through" before `start`, with at most `reach`
    /// words in between, each `skippable` ("mid-" before a month, "9 a.m." before a weekday).
    pub(super) fn deadline_word_before(
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
    pub(super) fn fronted(&self, start: usize, end: usize) -> bool {
        let opens = self.is_sentence_start(start)
            || (start > 0
                && self.is_sentence_start(start - 1)
                && matches!(
                    self.word(start - 1).to_ascii_lowercase().as_str(),
                    "on" | "by" | "late" | "early" | "until" | "since" | "before" | "after"
                ));
        opens && self.punct(end, b',')
    }

    pub(super) fn season(&self, start: usize, i: usize, year: Option<i32>) -> Option<Hit> {
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
                Tense::Future
                    if add_days(season_start(this, s), 91).is_some_and(|end| end < self.dct) =>
                {
                    this + 1
                }
                _ => this,
            }
        };
        hit(start, end, TimexType::Date, format!("{y}-{}", s.code()))
    }
}
