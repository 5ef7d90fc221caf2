//! Sets and deictic words.

use super::{Grammar, Hit, Kw, Lex, TimexType, day_value, duration_value, hit};
use crate::calendar::add_days;

impl Grammar<'_> {
    pub(super) fn every(&self, i: usize) -> Option<Hit> {
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

    pub(super) fn frequency(&self, i: usize) -> Option<Hit> {
        let value = match self.lex(i) {
            Lex::Kw(Kw::Daily) => "P1D",
            Lex::Kw(Kw::Weekly) => "P1W",
            Lex::Kw(Kw::Monthly) => "P1M",
            _ if self.word_is(i, "annual") => return None,
            _ => "P1Y",
        };
        hit(i, i + 1, TimexType::Set, value.into())
    }

    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        let d = self.dct;
        let (kind, value) = match self.lex(i) {
            Lex::Kw(Kw::Today) => (TimexType::Date, day_value(d)),
            Lex::Kw(Kw::Yesterday) => (TimexType::Date, day_value(add_days(d, -1)?)),
            Lex::Kw(Kw::Tomorrow) => (TimexType::Date, day_value(add_days(d, 1)?)),
            Lex::Kw(Kw::Tonight) => (TimexType::Time, format!("{}TNI", day_value(d))),
            Lex::Kw(Kw::Now | Kw::Currently) => (TimexType::Date, "PRESENT_REF".into()),
            Lex::Kw(Kw::Recently) => (TimexType::Date, "PAST_REF".into()),
            _ => return None,
        };
        let day = match self.lex(i) {
            Lex::Kw(Kw::Today) => Some(d),
            Lex::Kw(Kw::Yesterday) => add_days(d, -1),
            Lex::Kw(Kw::Tomorrow) => add_days(d, 1),
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
