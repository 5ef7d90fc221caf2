//! This / last / next …, ago, earlier, later.

use super::{
    Datelike, Grammar, Hit, Kw, Lex, PartOfDay, TimexType, Unit, day_value, duration_value, hit,
    month_value, next_weekday, previous_quarter, previous_weekday, quarter_of, season_start,
    season_year, shifted,
};
use crate::calendar::add_days;

impl Grammar<'_> {
    /// `rel` is the index of the relative word; `i` where the expression starts ("the").
    pub(super) fn relative(&self, i: usize, rel: usize) -> Option<Hit> {
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
                    -1 => previous_weekday(d, wd, false)?,
                    1 => next_weekday(d, wd, false)?,
                    _ => self.resolve_weekday(wd, rel, j + 1)?,
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
                let day = if step == -1 { add_days(d, -1)? } else { d };
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
                let day = add_days(self.anchor_day.unwrap_or(d), i64::from(step))?;
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
}
