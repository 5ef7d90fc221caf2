//! Time expressions: find every date phrase in a text and normalise it against the document
//! creation time (DCT) to a TIMEX3 value and a calendar interval.
//!
//! ```
//! use chrono::NaiveDate;
//! let dct = NaiveDate::from_ymd_opt(2022, 1, 7).unwrap(); // a Friday
//! let text = "North Korea fired a missile on Wednesday, officials said last month.";
//! let found = dateline::temporal::tag(text, dct);
//! assert_eq!(found[0].value, "2022-01-05");
//! assert_eq!(&text[found[0].start..found[0].end], "Wednesday");
//! assert_eq!(found[1].value, "2021-12");
//! ```

mod grammar;
pub(crate) mod lexicon;
mod tense;
pub mod timeml;
pub mod value;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use value::{Interval, Mod, Precision, TimexType};

use grammar::Grammar;
use lexicon::{Lex, Token, Unit};

/// One time expression: byte span, TIMEX3 type/value/mod, and its calendar interval if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    pub interval: Option<Interval>,
}

/// Tags `text`, resolving relative expressions against `dct`.
#[must_use]
pub fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    let mut tagger = Tagger::default();
    tagger.tag(text, dct);
    tagger.timexes
}

/// [`tag`] with its buffers kept between documents: hot loops over many documents keep one
/// per thread and allocate nothing once the buffers have grown.
#[derive(Debug, Default)]
pub struct Tagger {
    tokens: Vec<Token>,
    timexes: Vec<Timex>,
    dropped: Vec<std::ops::Range<usize>>,
}

impl Tagger {
    /// The time expressions of `text`, valid until the next call.
    pub fn tag(&mut self, text: &str, dct: NaiveDate) -> &[Timex] {
        tag_into(
            text,
            dct,
            &mut self.tokens,
            &mut self.timexes,
            &mut self.dropped,
        );
        &self.timexes
    }

    /// Byte spans of the last text's expressions that resolved to a date off the calendar
    /// (before year 1, after 9999) and were left out.
    #[must_use]
    pub fn dropped(&self) -> &[std::ops::Range<usize>] {
        &self.dropped
    }
}

fn tag_into(
    text: &str,
    dct: NaiveDate,
    tokens: &mut Vec<Token>,
    out: &mut Vec<Timex>,
    dropped: &mut Vec<std::ops::Range<usize>>,
) {
    out.clear();
    dropped.clear();
    lexicon::tokenize(text, tokens);
    let mut grammar = Grammar {
        text,
        toks: tokens,
        dct,
        anchor: dct,
        anchor_quarter: None,
        anchor_day: None,
    };
    let mut i = 0;
    while i < tokens.len() {
        if !can_start(&tokens[i]) {
            i += 1;
            continue;
        }
        let Some(hit) = grammar.match_at(i) else {
            i += 1;
            continue;
        };
        let start = tokens[hit.start].start as usize;
        let end = tokens[hit.end - 1].end as usize;
        let interval = match hit.kind {
            TimexType::Date | TimexType::Time => value::interval_of(&hit.value, hit.modifier)
                .or_else(|| value::coarse_interval_of(&hit.value)),
            _ => None,
        };
        // A date outside the four-digit years is an error of reading, not news: no timeline
        // goes there, and one such date would stretch the view over millennia.
        // (Chrono writes years past 9999 or before 0 with a sign, which no TIMEX3 value has.)
        if interval.is_some_and(|iv| !on_the_news_calendar(iv)) || hit.value.starts_with(['+', '-'])
        {
            dropped.push(start..end);
            i = hit.end.max(i + 1);
            continue;
        }
        // Only a quarter named outright anchors "a year earlier"; a derived one ("the
        // year-ago quarter") would drift a year further back at each mention.
        let derived = tokens[hit.start..hit.end]
            .iter()
            .any(|t| matches!(t.lex, Lex::Kw(lexicon::Kw::Ago | lexicon::Kw::Earlier)));
        if let Some(iv) = interval.filter(|iv| iv.precision == Precision::Day) {
            grammar.anchor_day = Some(iv.start);
        }
        if let Some(iv) = interval
            .filter(|iv| !derived && iv.precision == Precision::Quarter && hit.value.contains("-Q"))
        {
            grammar.anchor_quarter = Some((iv.start.year(), value::quarter_of(iv.start)));
        } else if !derived && reports_longer_period(&hit) {
            // "For the nine months, … a year earlier": the comparison is with that period now.
            grammar.anchor_quarter = None;
        }
        if let Some(iv) = interval
            && iv.precision <= Precision::Month
            && iv.start.year() > 1000
        {
            grammar.anchor = iv.start;
        }
        out.push(Timex {
            start,
            end,
            kind: hit.kind,
            value: hit.value,
            modifier: hit.modifier,
            interval,
        });
        i = hit.end.max(i + 1);
    }
    anchor_durations(text, out);
    join_day_ranges(text, out);
}

/// "12-13 June", "June 12-13", "from 12 to 14 June", "on 3 and 4 May": the tagger reads one
/// day of the pair; the range spans both, so an event told that way covers its days.
fn join_day_ranges(text: &str, out: &mut [Timex]) {
    /// Bytes read on either side: " through 12" and a character before it.
    const WINDOW: usize = 16;
    /// The char boundary at or before `at`.
    fn floor_boundary(text: &str, mut at: usize) -> usize {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
    /// Words or marks that join two days of one month.
    fn is_joiner(s: &str) -> bool {
        matches!(s.trim(), "-" | "–" | "to" | "and" | "through" | "until")
    }
    /// A day of the month written in digits.
    fn day_number(s: &str) -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }
    for t in out.iter_mut() {
        let Some(iv) = t.interval.filter(|iv| {
            iv.precision == Precision::Day && iv.start == iv.end && t.kind == TimexType::Date
        }) else {
            continue;
        };
        // The other day before it: "12-" of "12-13 June", "3 and " of "3 and 4 May". Only
        // a date that opens with its day takes one ("from Sept. 14 to Thursday" does not).
        let phrase = &text[t.start..t.end];
        let opens_with_day = phrase.starts_with(|c: char| c.is_ascii_digit());
        let ends_with_day = phrase
            .trim_end_matches(['.', ','])
            .ends_with(|c: char| c.is_ascii_digit());
        // Both sides are read within a few bytes: a joiner and two digits are short, and a
        // scan to the previous digit anywhere in the paragraph cost every date dearly.
        let from = floor_boundary(text, t.start.saturating_sub(WINDOW));
        let before = &text[from..t.start];
        let head = before.trim_end_matches(|c: char| !c.is_ascii_digit() && c != '\n');
        let digits_from = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let joiner = &before[head.len()..];
        let ahead_of_digits = head[..digits_from].chars().next_back();
        let whole_number = digits_from > 0 || from == 0;
        if opens_with_day
            && whole_number
            && let Some(first) = day_number(&head[digits_from..])
            && is_joiner(joiner)
            && ahead_of_digits.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '/')
            && first < iv.start.day()
            && let Some(first_day) = iv.start.with_day(first)
        {
            t.start = from + digits_from;
            t.interval = Some(Interval {
                start: first_day,
                ..iv
            });
            // The TIMEX3 value names the range's first day, as for "June 12-13".
            if t.value == value::day_value(iv.start) {
                t.value = value::day_value(first_day);
            }
            continue;
        }
        // The other day after it: "-13" of "June 12-13".
        if !ends_with_day {
            continue;
        }
        let to = floor_boundary(text, (t.end + WINDOW).min(text.len()));
        let after = &text[t.end..to];
        let joiner_len = after.len()
            - after
                .trim_start_matches(|c: char| !c.is_ascii_digit() && c != '\n')
                .len();
        let tail = &after[joiner_len..];
        let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let next_after = tail[digits..].chars().next();
        let whole_number = joiner_len + digits < after.len() || to == text.len();
        if whole_number
            && let Some(last) = day_number(&tail[..digits])
            && is_joiner(&after[..joiner_len])
            && next_after.is_none_or(|c| !c.is_alphanumeric())
            && last > iv.start.day()
            && let Some(last_day) = iv.start.with_day(last)
        {
            t.end += joiner_len + digits;
            t.interval = Some(Interval {
                end: last_day,
                ..iv
            });
        }
    }
}

/// Years 1 to 9999: what TIMEX3 values write and what a timeline can show.
fn on_the_news_calendar(iv: Interval) -> bool {
    iv.start.year() >= 1 && iv.end.year() <= 9999
}

fn can_start(token: &Token) -> bool {
    let lex = token.lex;
    if lex == Lex::Other {
        // Holidays ("Thanksgiving", "Christmas") are the only open-class starters.
        return token.capitalized;
    }
    !matches!(lex, Lex::Punct(_) | Lex::PartOfDay(_))
        && !matches!(lex, Lex::Unit(u, false) if u != Unit::Year)
}

/// A reporting period longer than a quarter: "the nine months", "the first half", "1989",
/// "the fiscal year".
fn reports_longer_period(hit: &grammar::Hit) -> bool {
    match hit.kind {
        TimexType::Duration => matches!(hit.value.as_str(), "P6M" | "P9M" | "P1Y" | "P2Q" | "P3Q"),
        TimexType::Date => grammar::is_year_value(&hit.value) || hit.value.contains("-H"),
        _ => false,
    }
}

/// "over five years from April": a duration followed by `from`/`starting` and a date spans
/// from that date's start, which is what the timeline needs.
fn anchor_durations(text: &str, out: &mut [Timex]) {
    for k in 1..out.len() {
        let (before, after) = out.split_at_mut(k);
        let duration = &mut before[k - 1];
        let date = &after[0];
        if duration.kind != TimexType::Duration {
            continue;
        }
        let between = text[duration.end..date.start].trim().to_ascii_lowercase();
        if !matches!(
            between.as_str(),
            "from" | "starting" | "starting in" | "beginning" | "beginning in" | "starting from"
        ) {
            continue;
        }
        if let (Some(from), Some(length)) = (date.interval, parse_duration(&duration.value)) {
            let Some(end) = length.add_to(from.start).and_then(|d| d.pred_opt()) else {
                continue;
            };
            // "0 years from April" spans nothing: no interval rather than one that ends first.
            if end < from.start {
                continue;
            }
            let spanned = Interval {
                start: from.start,
                end,
                precision: from.precision,
            };
            duration.interval = on_the_news_calendar(spanned).then_some(spanned);
        }
    }
}

/// A whole-unit duration (`P5Y`, `P3M`, `P2W`, `P10D`).
struct Length {
    count: i32,
    unit: char,
}

impl Length {
    fn add_to(&self, d: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            'Y' => crate::calendar::add_months(d, self.count.checked_mul(12)?),
            'M' => crate::calendar::add_months(d, self.count),
            'W' => crate::calendar::add_days(d, 7 * i64::from(self.count)),
            _ => crate::calendar::add_days(d, i64::from(self.count)),
        }
    }
}

fn parse_duration(value: &str) -> Option<Length> {
    let body = value.strip_prefix('P')?;
    if body.starts_with('T') {
        return None;
    }
    let unit = body.chars().last()?;
    let count = body[..body.len() - 1].parse().ok()?;
    Some(Length { count, unit })
}

#[cfg(test)]
mod tests;
