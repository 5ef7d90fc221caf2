//! When a mention happened: the time expression that governs its trigger (its own
//! clause first, then the sentence), a day joined to the next ("today and tomorrow"), a
//! session that closes days later, and the clauses whose dates are not its own ("since
//! Kohl took power", "…said in a statement").

use std::ops::Range;

use super::detect::Context;
use super::mention::DatedBy;
use super::text;
use super::words::{is_determiner, is_planned};
use crate::temporal::{Interval, Precision, Timex, TimexType};

impl Context<'_> {
    /// The trigger verb has a subject of its own after "since" or "after" ("…since former
    /// chancellor Helmut Kohl took power", "after she was elected"): its clause tells what
    /// came before the sentence's main event. "After wrapping up the meeting" and "after
    /// brief talks" have no subject: the same scene, a moment before.
    /// Returns that clause: from the word after the conjunction to the end of the trigger's.
    pub(super) fn background_clause(
        &self,
        span: &Range<usize>,
        clause: &Range<usize>,
    ) -> Option<Range<usize>> {
        /// Between the conjunction and the trigger: a subject and its auxiliaries.
        const REACH: usize = 8;
        let words = self.words;
        if span.start == 0 || words[span.start].lower.ends_with("ing") {
            return None;
        }
        // "after a 24-hour visit", "after his visit": a noun after its determiner or
        // modifier, not a verb after its subject.
        let before = &words[span.start - 1].lower;
        let after_subject = !(matches!(before.as_ref(), "a" | "an")
            || is_determiner(before)
            || before.ends_with("'s")
            || before.contains(|c: char| c.is_ascii_digit() || c == '-'));
        if !after_subject {
            return None;
        }
        let from = clause.start.max(span.start.saturating_sub(REACH));
        (from..span.start - 1)
            .rev()
            .find(|&k| matches!(words[k].lower.as_ref(), "since" | "after"))
            .map(|k| k + 1..clause.end)
    }

    /// The time expression that governs the trigger at `span`, and how close it is.
    pub(super) fn attach_time(
        &self,
        span: &Range<usize>,
        clause: &Range<usize>,
    ) -> Option<(&Timex, DatedBy)> {
        let words = self.words;
        let bytes = |r: &Range<usize>| words[r.start].range.start..words[r.end - 1].range.end;
        let sentence = bytes(self.sentence);
        let clause_bytes = bytes(clause);
        let prev_trigger_end = self.index.checked_sub(1).map_or(sentence.start, |k| {
            words[self.triggers[k].1.end - 1].range.end
        });
        let next_trigger_start = self
            .triggers
            .get(self.index + 1)
            .map_or(sentence.end, |(_, r)| words[r.start].range.start);
        let trig = bytes(span);
        // "MOSCOW, March 22 (TASS) — Xi and Putin held talks … on March 21": the wire
        // dateline's date is the report's, never an event's.
        let opening = words[self.opening].range.start.max(sentence.start);
        let usable = |t: &&Timex| {
            matches!(t.kind, TimexType::Date | TimexType::Time)
                && t.interval.is_some()
                && t.start >= opening
                && t.end <= sentence.end
                && !(t.start < trig.end && trig.start < t.end)
        };
        // Time expressions come in text order: those of the sentence are one run of them.
        let first = self.timexes.partition_point(|t| t.start < sentence.start);
        let candidates = || {
            self.timexes[first..]
                .iter()
                .take_while(|t| t.start < sentence.end)
                .filter(usable)
        };
        let within = |t: &&Timex, r: &Range<usize>| t.start >= r.start && t.end <= r.end;
        // Same clause, after the trigger and before the next one; then before it.
        let after = candidates()
            .filter(|t| {
                within(t, &clause_bytes) && t.start >= trig.end && t.end <= next_trigger_start
            })
            .min_by_key(|t| t.start);
        let before = candidates()
            .filter(|t| {
                within(t, &clause_bytes) && t.end <= trig.start && t.start >= prev_trigger_end
            })
            .max_by_key(|t| t.end);
        if let Some(t) = after.or(before) {
            return Some((t, DatedBy::Clause));
        }
        // "…set for mid-September, the two sides said in a joint statement": the date belongs
        // to what was said, not to the saying.
        let reporting = |w: &str| matches!(w, "said" | "says" | "told" | "announced" | "stated");
        if (clause.start..clause.end).any(|k| reporting(&words[k].lower)) {
            return None;
        }
        // Elsewhere in the sentence, not past another trigger; then anywhere in it.
        let distance = |t: &&Timex| {
            if t.start >= trig.end {
                t.start - trig.end
            } else {
                trig.start - t.end
            }
        };
        // "The deal was struck in Beijing, where officials had held talks since Monday": a
        // relative clause's date is its own, unless it describes the trigger itself ("the
        // talks, which were last held in March").
        let in_other_relative_clause = |t: &&Timex| {
            let k = words.partition_point(|w| w.range.start < t.start);
            k < words.len() && {
                let c = text::clause_of(words, self.sentence, k);
                let relative = matches!(
                    words[c.start].lower.as_ref(),
                    "where" | "which" | "who" | "whom" | "whose" | "when"
                );
                let own = (c.start <= span.start && span.start < c.end) || c.start == span.end;
                relative && !own
            }
        };
        let unblocked = candidates()
            .filter(|t| t.end <= next_trigger_start && t.start >= prev_trigger_end)
            .filter(|t| !in_other_relative_clause(t))
            .min_by_key(distance);
        let any = candidates()
            .filter(|t| !in_other_relative_clause(t))
            .min_by_key(distance);
        let found = unblocked.or(any)?;
        // "Gujral, sworn into office earlier in the day, said the budget would be
        // re-introduced on April 30": a date after the report, elsewhere in the sentence,
        // belongs to what is ahead, never to what the sentence tells as past.
        let past = super::rules::is_past_form(&words[span.start].lower);
        if past && found.interval.is_some_and(|iv| iv.start > self.dct) {
            return None;
        }
        Some((found, DatedBy::Sentence))
    }

    /// "meeting today and tomorrow", "visited on Monday and Tuesday": a day joined by "and"
    /// to the next day makes one span over both, and the phrase covers both. Days apart
    /// ("Monday and Thursday") may be two sessions and stay as they are.
    pub(super) fn with_coordinated_day(&self, t: &Timex) -> (Range<usize>, Option<Interval>) {
        let alone = (t.start..t.end, t.interval);
        let Some(first) = t.interval.filter(|iv| iv.precision == Precision::Day) else {
            return alone;
        };
        let next = self.timexes.partition_point(|x| x.start < t.end);
        let Some(second) = self.timexes.get(next) else {
            return alone;
        };
        let text = &self.article.text;
        let joined = text
            .get(t.end..second.start)
            .is_some_and(|between| between.trim() == "and");
        match second.interval {
            Some(iv)
                if joined
                    && iv.precision == Precision::Day
                    && iv.start == iv.end
                    && (iv.start - first.end).num_days() == 1 =>
            {
                (
                    t.start..second.end,
                    Some(Interval {
                        start: first.start,
                        end: iv.end,
                        precision: Precision::Day,
                    }),
                )
            }
            _ => alone,
        }
    }

    /// "The summit opened on Saturday and closed on Sunday": one event from the first day to the
    /// day the sentence says it closed (at most a few weeks on), not two events.
    pub(super) fn through_closing_day(&self, iv: Interval) -> Interval {
        /// Longer than any summit or round of talks; a later "ended" is about something else.
        const MAX_SESSION_DAYS: i64 = 21;
        if iv.precision != Precision::Day {
            return iv;
        }
        let words = self.words;
        let closing = |w: &str| matches!(w, "closed" | "ended" | "concluded" | "wrapped");
        let sentence =
            words[self.sentence.start].range.start..words[self.sentence.end - 1].range.end;
        let Some(k) = (self.sentence.start..self.sentence.end).find(|&k| closing(&words[k].lower))
        else {
            return iv;
        };
        let after = words[k].range.end;
        // Time expressions are in text order: jump to the first after the verb.
        let first = self.timexes.partition_point(|t| t.start < after);
        let close = self.timexes[first..]
            .iter()
            .take_while(|t| t.end <= sentence.end)
            .find(|t| matches!(t.kind, TimexType::Date) && t.start - after <= 24)
            .and_then(|t| t.interval);
        match close {
            Some(end)
                if end.precision == Precision::Day
                    && end.start > iv.end
                    && (end.start - iv.start).num_days() <= MAX_SESSION_DAYS =>
            {
                Interval {
                    start: iv.start,
                    end: end.start,
                    precision: Precision::Day,
                }
            }
            _ => iv,
        }
    }

    /// "are launching", "has been working", "have been criticized": the report's own present.
    pub(super) fn present_tense(&self, clause: &Range<usize>, span: &Range<usize>) -> bool {
        let from = span.start.saturating_sub(4).max(clause.start);
        let to = (span.end + 2).min(clause.end);
        (from..to).any(|k| matches!(self.words[k].lower.as_ref(), "is" | "are" | "am"))
            && !(from..to).any(|k| is_planned(&self.words[k].lower))
    }

    /// "X said on Monday that the talks…": the clause after the reporting verb's "that",
    /// whose dates are its own; what comes before it dates the saying.
    pub(super) fn reported_clause(
        &self,
        span: &Range<usize>,
        clause: &Range<usize>,
    ) -> Option<Range<usize>> {
        /// Between the reporting verb and its "that": the place and time of the saying.
        const REACH: usize = 8;
        let words = self.words;
        let that = (clause.start..span.start)
            .rev()
            .find(|&k| words[k].lower == "that")?;
        let from = clause.start.max(that.saturating_sub(REACH));
        (from..that)
            .any(|k| is_reporting(&words[k].lower))
            .then(|| that + 1..clause.end)
    }

    /// "had held talks since Monday", "infected since January": from that date to the
    /// report's day, not the first day alone.
    pub(super) fn through_report_if_since(&self, t: &Timex, iv: Interval) -> Interval {
        let before = self.article.text[..t.start].trim_end();
        let since = before.len() >= 5
            && before.is_char_boundary(before.len() - 5)
            && before[before.len() - 5..].eq_ignore_ascii_case("since")
            && before[..before.len() - 5]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        if since && iv.start <= self.dct && iv.end < self.dct {
            Interval {
                end: self.dct,
                ..iv
            }
        } else {
            iv
        }
    }
}

/// Verbs that report what someone said.
pub(super) fn is_reporting(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "announced" | "stated" | "added" | "reported" | "confirmed"
    )
}
