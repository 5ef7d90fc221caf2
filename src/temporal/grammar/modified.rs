//! Early / late / mid.

use super::{Grammar, Hit, Kw, Lex, Mod, TimexType, Unit, day_value, hit};

impl Grammar<'_> {
    pub(super) fn modified(&self, i: usize) -> Option<Hit> {
        let (modifier, relative_to_this) = match self.lex(i) {
            Lex::Kw(Kw::Early) => (Mod::Start, false),
            Lex::Kw(Kw::Late) => (Mod::End, false),
            Lex::Kw(Kw::Mid) => (Mod::Mid, false),
            Lex::Kw(Kw::Earlier) => (Mod::Start, true),
            _ => (Mod::End, true),
        };
        // "deplored Friday the blasts ... earlier in the day": earlier on the last day the
        // text names, or the report's own day when it names none. ("Later in the day" runs
        // ahead of the story's clock and is left alone.)
        if self.kw(i, Kw::Earlier)
            && self.word_is(i + 1, "in")
            && self.kw(i + 2, Kw::The)
            && matches!(self.lex(i + 3), Lex::Unit(Unit::Day, false))
        {
            let day = self.anchor_day.unwrap_or(self.dct);
            return hit(i, i + 4, TimexType::Date, day_value(day));
        }
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
}
