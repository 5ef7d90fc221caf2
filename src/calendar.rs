//! Calendar vocabulary shared by publication-date detection and the temporal tagger.

/// What every view writes for a missing date.
pub const UNDATED: &str = "undated";

use chrono::{Datelike, NaiveDate, Weekday};

pub(crate) const MONTH_NAMES: [&[u8]; 12] = [
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];

/// Month number (1–12) of an English month name or its usual abbreviation, any case, with or
/// without a trailing period (`Jan.`, `Sept`, `september`).
#[must_use]
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let lower = lower_prefix(w)?;
    // The first three letters pick the month; the rest must be its name or "sept".
    let m = match &lower[..3] {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    };
    let name = MONTH_NAMES[m as usize - 1];
    let tail = &lower[..w.len()];
    (tail.len() == 3 || *tail == *name || tail == b"sept").then_some(m)
}

/// Weekday of an English weekday name or abbreviation (`Wed`, `Thurs.`), any case.
#[must_use]
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    let lower = lower_prefix(w)?;
    let (day, full): (Weekday, &[u8]) = match &lower[..3] {
        b"mon" => (Weekday::Mon, b"monday"),
        b"tue" => (Weekday::Tue, b"tuesday"),
        b"wed" => (Weekday::Wed, b"wednesday"),
        b"thu" => (Weekday::Thu, b"thursday"),
        b"fri" => (Weekday::Fri, b"friday"),
        b"sat" => (Weekday::Sat, b"saturday"),
        b"sun" => (Weekday::Sun, b"sunday"),
        _ => return None,
    };
    let tail = &lower[..w.len()];
    let short = matches!(tail, b"tues" | b"thur" | b"thurs");
    (tail.len() == 3 || tail == full || short).then_some(day)
}

/// `word` lowercased into a fixed buffer, if it is 3–9 ASCII letters long.
fn lower_prefix(w: &str) -> Option<[u8; 9]> {
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 9];
    for (slot, b) in buf.iter_mut().zip(w.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    Some(buf)
}

/// The last day of a month, leap years included.
#[must_use]
pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// Adds whole months, clamping the day to the target month's length (Jan 31 + 1 month = Feb
/// 28/29); `None` off the calendar.
#[must_use]
pub fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = (date.year().checked_mul(12)?)
        .checked_add(date.month0() as i32)?
        .checked_add(months)?;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let day = date.day().min(last_day_of_month(year, month).day());
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `date` moved by `days`; `None` off the calendar.
#[must_use]
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_from_name("January"), Some(1));
        assert_eq!(month_from_name("Jan."), Some(1));
        assert_eq!(month_from_name("SEPT"), Some(9));
        assert_eq!(month_from_name("may"), Some(5));
        assert_eq!(month_from_name("Marc"), None);
        assert_eq!(month_from_name("Ju"), None);
        assert_eq!(month_from_name("Decembers"), None);
    }

    #[test]
    fn month_arithmetic_clamps_and_crosses_years() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2023, 1, 31), 1), Some(d(2023, 2, 28)));
        assert_eq!(add_months(d(2022, 1, 7), -1), Some(d(2021, 12, 7)));
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
        assert_eq!(add_months(NaiveDate::MIN, -1), None);
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_days(NaiveDate::MIN, -1), None);
        assert_eq!(add_days(d(2022, 1, 7), -2), Some(d(2022, 1, 5)));
        assert_eq!(last_day_of_month(2000, 2), d(2000, 2, 29));
        assert_eq!(last_day_of_month(1900, 2), d(1900, 2, 28));
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday_from_name("Wednesday"), Some(Weekday::Wed));
        assert_eq!(weekday_from_name("Thurs."), Some(Weekday::Thu));
        assert_eq!(weekday_from_name("Sunday"), Some(Weekday::Sun));
        assert_eq!(weekday_from_name("Sundays"), None);
    }
}
