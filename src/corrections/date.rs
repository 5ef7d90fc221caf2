//! The dates a person types or a corrections file holds: `2022-01-05`, `2022-01`, `2022`,
//! a span `2022-01-05..2022-01-09` (or with ` – `, as the window shows spans), or `undated`.

use chrono::{Datelike as _, NaiveDate};

use crate::calendar::{UNDATED, last_day_of_month};
use crate::temporal::{Interval, Precision};

/// The interval `text` names; `Ok(None)` for "undated". The error says what is accepted.
pub fn parse(text: &str) -> Result<Option<Interval>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case(UNDATED) {
        return Ok(None);
    }
    let invalid = || {
        format!(
            "'{text}' is not a date: write 2022-01-05, 2022-01, 2022, 2022-01-05..2022-01-09 or undated"
        )
    };
    if let Some((a, b)) = text.split_once("..").or_else(|| text.split_once('–')) {
        let start = parse_day(a.trim()).ok_or_else(invalid)?;
        let end = parse_day(b.trim()).ok_or_else(invalid)?;
        if end < start {
            return Err(format!("'{text}' ends before it starts"));
        }
        return Ok(Some(Interval {
            start,
            end,
            precision: Precision::Day,
        }));
    }
    if let Some(day) = parse_day(text) {
        return Ok(Some(Interval {
            start: day,
            end: day,
            precision: Precision::Day,
        }));
    }
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y] => {
            let year = parse_year(y).ok_or_else(invalid)?;
            let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(invalid)?;
            let end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid)?;
            Ok(Some(Interval {
                start,
                end,
                precision: Precision::Year,
            }))
        }
        [y, m] => {
            let year = parse_year(y).ok_or_else(invalid)?;
            let month: u32 = m
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(invalid)?;
            let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(invalid)?;
            Ok(Some(Interval {
                start,
                end: last_day_of_month(year, month),
                precision: Precision::Month,
            }))
        }
        _ => Err(invalid()),
    }
}

/// `date` as [`parse`] reads it back.
#[must_use]
pub fn format(date: Option<Interval>) -> String {
    match date {
        None => UNDATED.to_owned(),
        Some(iv) if iv.start == iv.end => iv.start.to_string(),
        Some(iv) => {
            let short = iv.short_text();
            if short.len() <= 7 {
                short
            } else {
                format!("{}..{}", iv.start, iv.end)
            }
        }
    }
}

fn parse_year(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    // chrono reads "22-1-5" as the year 22; a typed date has four digits of year.
    (text.len() == 10 && (1000..=9999).contains(&day.year())).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        format(parse(text).unwrap())
    }

    #[test]
    fn every_precision_reads_back_as_written() {
        for text in [
            "2022-01-05",
            "2022-01",
            "2022",
            "2022-01-05..2022-01-09",
            "undated",
        ] {
            assert_eq!(round_trip(text), text);
        }
        assert_eq!(
            round_trip("2022-01-05 – 2022-01-09"),
            "2022-01-05..2022-01-09"
        );
        assert_eq!(
            parse("2024-02").unwrap().unwrap().end.to_string(),
            "2024-02-29"
        );
        assert_eq!(parse("2022").unwrap().unwrap().precision, Precision::Year);
    }

    #[test]
    fn nonsense_and_impossible_dates_are_refused_with_a_reason() {
        for text in [
            "",
            "Jan 5",
            "2022-13",
            "2022-02-30",
            "22-1-5",
            "2022-01-09..2022-01-05",
            "99999",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
        assert!(
            parse("2022-01-09..2022-01-05")
                .unwrap_err()
                .contains("ends before")
        );
    }
}
