//! A generated timeline for the drawing benchmarks: `n` events over 25 years in six kinds,
//! one in seven spanning a month, all four modalities.

use chrono::{Duration, NaiveDate};
use dateline::events::{Event, Modality};
use dateline::temporal::{Interval, Precision};

/// The first day events are generated on.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// In date order, as the merge leaves a timeline.
pub fn events(n: usize) -> Vec<Event> {
    let base = first_day();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut events: Vec<Event> = (0..n)
        .map(|id| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let start = base + Duration::days((seed % 9000) as i64);
            let long = seed.is_multiple_of(7);
            let end = if long {
                start + Duration::days(30)
            } else {
                start
            };
            Event {
                id,
                kind: (seed % 6) as usize,
                label: format!("event {id}"),
                interval: Some(Interval {
                    start,
                    end,
                    precision: if long {
                        Precision::Month
                    } else {
                        Precision::Day
                    },
                }),
                modality: [
                    Modality::Happened,
                    Modality::Planned,
                    Modality::Claimed,
                    Modality::Cancelled,
                ][(seed % 4) as usize],
                confidence: 0.8,
                participants: Vec::new(),
                sources: Vec::new(),
                date_disputed: false,
                date_estimated: false,
                corrected: false,
            }
        })
        .collect();
    events.sort_by_key(|e| e.interval.map(|iv| iv.start));
    for (id, e) in events.iter_mut().enumerate() {
        e.id = id;
    }
    events
}
