//! TIMEX3 values and what they mean on a calendar: every value maps to an interval with a
//! precision, so the timeline draws "early October" as a bar inside October.

use chrono::{Datelike, Duration, IsoWeek, NaiveDate, Weekday};
use serde::Serialize;

use crate::calendar::{add_months, last_day_of_month};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// TIMEX3 `mod`: where inside its value an expression points, or how a duration is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
    EqualOrLess,
    EqualOrMore,
}

impl Mod {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Start => "START",
            Self::Mid => "MID",
            Self::End => "END",
            Self::Approx => "APPROX",
            Self::MoreThan => "MORE_THAN",
            Self::LessThan => "LESS_THAN",
            Self::EqualOrLess => "EQUAL_OR_LESS",
            Self::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// An inclusive calendar interval with the precision of the expression it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl Interval {
    /// The date as precise as it is known: `2022-01-05`, `2022-01` for a calendar month,
    /// `2022` for a calendar year, else the span.
    #[must_use]
    pub fn short_text(&self) -> String {
        use chrono::Datelike;
        let whole_month = self.start.day() == 1
            && self.start.year() == self.end.year()
            && self.start.month() == self.end.month()
            && self.end.succ_opt().is_none_or(|next| next.day() == 1);
        let whole_year = self.start.ordinal() == 1
            && self.start.year() == self.end.year()
            && self.end.succ_opt().is_none_or(|next| next.ordinal() == 1);
        match self.precision {
            Precision::Month if whole_month => self.start.format("%Y-%m").to_string(),
            Precision::Year if whole_year => self.start.format("%Y").to_string(),
            _ => self.to_string(),
        }
    }
}

/// `2022-01-05` for a day, `2021-10-01 – 2021-10-10` for a span.
impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{} – {}", self.start, self.end)
        }
    }
}

#[must_use]
pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[must_use]
pub fn day_value(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[must_use]
pub fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

#[must_use]
pub fn week_value(d: NaiveDate) -> String {
    let w: IsoWeek = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The calendar interval a TIMEX3 value denotes (narrowed by `mod`), if it denotes one.
#[must_use]
pub fn interval_of(value: &str, modifier: Option<Mod>) -> Option<Interval> {
    let (date_part, _) = value.split_once('T').unwrap_or((value, ""));
    let b = date_part.as_bytes();
    let year: i32 = date_part
        .get(..4)?
        .parse()
        .ok()
        .filter(|_| b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit))?;
    let rest = &date_part[4..];
    let (start, end, precision) = if rest.is_empty() {
        (ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year)
    } else if let Some(q) = rest.strip_prefix("-Q") {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        let m = (q - 1) * 3 + 1;
        (
            ymd(year, m, 1)?,
            last_day_of_month(year, m + 2),
            Precision::Quarter,
        )
    } else if let Some(h) = rest.strip_prefix("-H") {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        let m = (h - 1) * 6 + 1;
        (
            ymd(year, m, 1)?,
            last_day_of_month(year, m + 5),
            Precision::Quarter,
        )
    } else if let Some(w) = rest
        .strip_prefix("-W")
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        let week: u32 = w.get(..2)?.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        if w.ends_with("-WE") {
            (
                crate::calendar::add_days(monday, 5)?,
                crate::calendar::add_days(monday, 6)?,
                Precision::Day,
            )
        } else {
            (
                monday,
                crate::calendar::add_days(monday, 6)?,
                Precision::Week,
            )
        }
    } else if let Some(season) = rest
        .strip_prefix('-')
        .filter(|s| s.len() == 2 && s.bytes().all(|c| c.is_ascii_uppercase()))
    {
        let (m, y) = match season {
            "SP" => (3, year),
            "SU" => (6, year),
            "FA" => (9, year),
            "WI" => (12, year),
            _ => return None,
        };
        let start = ymd(y, m, 1)?;
        (start, add_months(start, 3)?.pred_opt()?, Precision::Season)
    } else {
        let mut parts = rest.trim_start_matches('-').split('-');
        let month: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        match parts.next() {
            Some(d) => {
                let day = ymd(year, month, d.parse().ok()?)?;
                (day, day, Precision::Day)
            }
            None => (
                ymd(year, month, 1)?,
                last_day_of_month(year, month),
                Precision::Month,
            ),
        }
    };
    Some(narrow(
        Interval {
            start,
            end,
            precision,
        },
        modifier,
    ))
}

/// The interval of a decade (`199`, or `199X` as some annotators write it) or century (`19`)
/// value.
#[must_use]
pub fn coarse_interval_of(value: &str) -> Option<Interval> {
    let digits = value.strip_suffix('X').unwrap_or(value);
    if digits.len() == 3 && digits.bytes().all(|c| c.is_ascii_digit()) {
        let decade: i32 = digits.parse().ok()?;
        return Some(Interval {
            start: ymd(decade * 10, 1, 1)?,
            end: ymd(decade * 10 + 9, 12, 31)?,
            precision: Precision::Decade,
        });
    }
    if value.len() == 2 && value.bytes().all(|c| c.is_ascii_digit()) {
        let century: i32 = value.parse().ok()?;
        return Some(Interval {
            start: ymd(century * 100, 1, 1)?,
            end: ymd(century * 100 + 99, 12, 31)?,
            precision: Precision::Century,
        });
    }
    None
}

/// `early`/`mid`/`late` keep the first, middle or last third of an interval.
fn narrow(iv: Interval, modifier: Option<Mod>) -> Interval {
    let days = (iv.end - iv.start).num_days();
    if days < 2 {
        return iv;
    }
    let third = (days + 1) / 3;
    match modifier {
        Some(Mod::Start) => Interval {
            end: iv.start + Duration::days(third - 1),
            ..iv
        },
        Some(Mod::Mid) => Interval {
            start: iv.start + Duration::days(third),
            end: iv.end - Duration::days(third),
            ..iv
        },
        Some(Mod::End) => Interval {
            start: iv.end - Duration::days(third - 1),
            ..iv
        },
        _ => iv,
    }
}

/// Start of the interval, for anchoring anaphoric expressions and durations.
#[must_use]
pub fn first_day(value: &str) -> Option<NaiveDate> {
    interval_of(value, None).map(|iv| iv.start)
}

/// Quarter (1–4) of a date.
#[must_use]
pub fn quarter_of(d: NaiveDate) -> u32 {
    d.month0() / 3 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_reads_as_precise_as_it_is_known() {
        let short = |start: (i32, u32, u32), end: (i32, u32, u32), precision| {
            Interval {
                start: ymd(start.0, start.1, start.2).unwrap_or_default(),
                end: ymd(end.0, end.1, end.2).unwrap_or_default(),
                precision,
            }
            .short_text()
        };
        assert_eq!(
            short((2022, 1, 5), (2022, 1, 5), Precision::Day),
            "2022-01-05"
        );
        assert_eq!(
            short((2022, 2, 1), (2022, 2, 28), Precision::Month),
            "2022-02"
        );
        assert_eq!(short((2021, 1, 1), (2021, 12, 31), Precision::Year), "2021");
        // A month-precision span that is not one calendar month stays a range.
        assert_eq!(
            short((2022, 2, 1), (2022, 3, 31), Precision::Month),
            "2022-02-01 – 2022-03-31"
        );
    }

    fn iv(value: &str, m: Option<Mod>) -> (String, String, Precision) {
        let i = interval_of(value, m).unwrap();
        (i.start.to_string(), i.end.to_string(), i.precision)
    }

    #[test]
    fn values_map_to_intervals() {
        assert_eq!(
            iv("2022-01-05", None),
            ("2022-01-05".into(), "2022-01-05".into(), Precision::Day)
        );
        assert_eq!(
            iv("2021-10", Some(Mod::Start)),
            ("2021-10-01".into(), "2021-10-10".into(), Precision::Month)
        );
        assert_eq!(iv("2024-02", None).1, "2024-02-29");
        assert_eq!(
            iv("2021-Q1", None),
            ("2021-01-01".into(), "2021-03-31".into(), Precision::Quarter)
        );
        assert_eq!(
            iv("2021-SU", None),
            ("2021-06-01".into(), "2021-08-31".into(), Precision::Season)
        );
        assert_eq!(iv("2021-WI", None).1, "2022-02-28");
        assert_eq!(
            iv("2022-W01", None),
            ("2022-01-03".into(), "2022-01-09".into(), Precision::Week)
        );
        assert_eq!(iv("2022", Some(Mod::End)).0, "2022-09-02");
        assert_eq!(iv("2022-01-07TMO", None).0, "2022-01-07");
        assert_eq!(
            coarse_interval_of("199X").unwrap().end.to_string(),
            "1999-12-31"
        );
        assert_eq!(
            coarse_interval_of("199").unwrap().start.to_string(),
            "1990-01-01"
        );
        assert!(interval_of("PAST_REF", None).is_none());
        assert!(interval_of("P5Y", None).is_none());
    }
}
