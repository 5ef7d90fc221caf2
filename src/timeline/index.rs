//! Which listed events a view reaches, without looking at the others: the timeline's events are
//! in date order, so a binary search over their first days finds those that start near the
//! view. Short intervals (up to [`SHORT_DAYS`]) that start more than that before the view
//! cannot reach into it; the few longer ones are checked one by one. Built once per load and
//! filter change, so a frame costs the events it shows, not the events there are.

use super::axis::{TimeView, day_from_date};
use crate::events::Event;

/// Intervals up to this many days long are found by their first day.
pub const SHORT_DAYS: f64 = 45.0;

/// The listed events (shown, dated, of a drawn kind), indexed by first day.
#[derive(Debug, Clone, Default)]
pub struct ViewIndex {
    /// First day of each dated event, in event order; ascending.
    starts: Vec<f64>,
    /// Per event up to `starts.len()`: the listed short events before it.
    listed_before: Vec<u32>,
    /// Listed events longer than [`SHORT_DAYS`].
    long: Vec<usize>,
    /// Per dated event: listed and short.
    short_listed: Vec<bool>,
    /// Per kind: the first days of its listed events, ascending, for density columns.
    by_kind: Vec<Vec<f64>>,
    /// The first day of the earliest listed event and the day after the latest one ends.
    extent: Option<(f64, f64)>,
}

/// What a view reaches: the events to lay out, and how many lie wholly before or after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    /// In event order.
    pub events: Vec<usize>,
    pub earlier: usize,
    pub later: usize,
}

fn span_days(e: &Event) -> Option<(f64, f64)> {
    let iv = e.interval?;
    Some((day_from_date(iv.start), day_from_date(iv.end) + 1.0))
}

impl ViewIndex {
    /// The index of `events` where `listed(i)` says which are drawn; `None` when the events
    /// are not in date order with the undated last (then every frame scans them all).
    #[must_use]
    pub fn new(events: &[Event], listed: impl Fn(usize) -> bool) -> Option<Self> {
        let dated = events.partition_point(|e| e.interval.is_some());
        if events[dated..].iter().any(|e| e.interval.is_some()) {
            return None;
        }
        let mut index = Self {
            starts: Vec::with_capacity(dated),
            listed_before: Vec::with_capacity(dated + 1),
            long: Vec::new(),
            short_listed: Vec::with_capacity(dated),
            by_kind: Vec::new(),
            extent: None,
        };
        let mut count = 0u32;
        for (i, e) in events[..dated].iter().enumerate() {
            let (start, end) = span_days(e)?;
            if index.starts.last().is_some_and(|&last| last > start) {
                return None;
            }
            index.starts.push(start);
            index.listed_before.push(count);
            let listed = listed(i);
            let short = end - start <= SHORT_DAYS;
            if listed && !short {
                index.long.push(i);
            }
            if listed {
                index.extent = Some(match index.extent {
                    Some((first, last)) => (first.min(start), last.max(end)),
                    None => (start, end),
                });
                if index.by_kind.len() <= e.kind {
                    index.by_kind.resize_with(e.kind + 1, Vec::new);
                }
                index.by_kind[e.kind].push(start);
            }
            index.short_listed.push(listed && short);
            count += u32::from(listed && short);
        }
        index.listed_before.push(count);
        Some(index)
    }

    /// From the first day of the earliest listed event to the end of the latest.
    #[must_use]
    pub fn extent(&self) -> Option<(f64, f64)> {
        self.extent
    }

    /// Where `view` falls among the first days: events before `lo` are short and ended before
    /// it, `lo..mid` start up to [`SHORT_DAYS`] before it, `mid..hi` start inside it, and
    /// from `hi` on they start after it.
    fn bounds(&self, view: TimeView) -> (usize, usize, usize) {
        let lo = self
            .starts
            .partition_point(|&s| s < view.start_day - SHORT_DAYS - 1.0);
        let mid = self.starts.partition_point(|&s| s < view.start_day).max(lo);
        let hi = self.starts.partition_point(|&s| s <= view.end_day).max(mid);
        (lo, mid, hi)
    }

    /// How many listed events reach into `view`, without listing them: those that start in
    /// it are counted from the prefix counts, only those starting up to [`SHORT_DAYS`] before
    /// it and the long ones are looked at.
    #[must_use]
    pub fn count_in(&self, events: &[Event], view: TimeView) -> usize {
        let (lo, mid, hi) = self.bounds(view);
        let reaches = |i: usize| {
            span_days(&events[i])
                .is_some_and(|(start, end)| end >= view.start_day && start <= view.end_day)
        };
        let starting_inside = (self.listed_before[hi] - self.listed_before[mid]) as usize;
        let from_before = (lo..mid)
            .filter(|&i| self.short_listed[i] && reaches(i))
            .count();
        let long = self.long.iter().filter(|&&i| reaches(i)).count();
        starting_inside + from_before + long
    }

    /// How many listed events lie wholly before and after `view`.
    #[must_use]
    pub fn outside(&self, events: &[Event], view: TimeView) -> (usize, usize) {
        let (lo, mid, hi) = self.bounds(view);
        let ended = |i: usize| span_days(&events[i]).is_some_and(|(_, end)| end < view.start_day);
        let starts_after =
            |i: usize| span_days(&events[i]).is_some_and(|(start, _)| start > view.end_day);
        let earlier = self.listed_before[lo] as usize
            // Only an event that starts before the view can have ended before it.
            + (lo..mid)
                .filter(|&i| self.short_listed[i] && ended(i))
                .count()
            + self.long.iter().filter(|&&i| ended(i)).count();
        let later = (self.listed_before[self.starts.len()] - self.listed_before[hi]) as usize
            + self.long.iter().filter(|&&i| starts_after(i)).count();
        (earlier, later)
    }

    /// Per kind, how many listed events start in each of `bins` equal columns of `view`.
    #[must_use]
    pub fn density(&self, kind: usize, view: TimeView, bins: usize) -> Vec<u32> {
        let Some(starts) = self.by_kind.get(kind) else {
            return vec![0; bins];
        };
        let width = view.span() / bins.max(1) as f64;
        let edge = |b: usize| starts.partition_point(|&s| s < view.start_day + b as f64 * width);
        let mut below = edge(0);
        (1..=bins)
            .map(|b| {
                let next = edge(b);
                let n = next - below;
                below = next;
                u32::try_from(n).unwrap_or(u32::MAX)
            })
            .collect()
    }

    /// The listed events whose dates reach into `view`, and the counts on either side.
    #[must_use]
    pub fn reach(&self, events: &[Event], view: TimeView) -> Reach {
        let (lo, _, hi) = self.bounds(view);
        let mut out = Reach {
            events: Vec::new(),
            // Every short event starting that early ended before the view.
            earlier: self.listed_before[lo] as usize,
            // Every event from `hi` on starts after it.
            later: (self.listed_before[self.starts.len()] - self.listed_before[hi]) as usize,
        };
        let place = |i: usize, out: &mut Reach| {
            let Some((start, end)) = span_days(&events[i]) else {
                return;
            };
            if end < view.start_day {
                out.earlier += 1;
            } else if start > view.end_day {
                out.later += 1;
            } else {
                out.events.push(i);
            }
        };
        for i in lo..hi {
            if self.short_listed[i] {
                place(i, &mut out);
            }
        }
        if !self.long.is_empty() {
            for &i in &self.long {
                place(i, &mut out);
            }
            out.events.sort_unstable();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{Event, Modality};
    use crate::temporal::{Interval, Precision};

    fn event(id: usize, start: (i32, u32, u32), days: i64) -> Event {
        let first = chrono::NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap_or_default();
        Event {
            id,
            kind: 0,
            label: format!("e{id}"),
            interval: Some(Interval {
                start: first,
                end: first + chrono::Days::new(days.unsigned_abs()),
                precision: if days == 0 {
                    Precision::Day
                } else {
                    Precision::Year
                },
            }),
            modality: Modality::Happened,
            confidence: 1.0,
            participants: Vec::new(),
            sources: Vec::new(),
            date_disputed: false,
            date_estimated: false,
            corrected: false,
        }
    }

    /// The index agrees with looking at every event, for views all over a mixed timeline.
    #[test]
    fn the_index_finds_what_a_full_scan_finds() {
        let mut events: Vec<Event> = (0..400)
            .map(|i| {
                let day = 1 + (i * 37 % 28) as u32;
                let month = 1 + (i / 35) as u32 % 12;
                let year = 2000 + (i / 200) as i32;
                let days = if i % 13 == 0 {
                    364
                } else {
                    i64::from(i % 3 == 0) * 20
                };
                event(i, (year, month, day), days)
            })
            .collect();
        events.sort_by_key(|e| e.interval.map(|iv| iv.start));
        for (i, e) in events.iter_mut().enumerate() {
            e.id = i;
        }
        let listed = |i: usize| !i.is_multiple_of(5);
        let index = ViewIndex::new(&events, listed).expect("in date order");
        let first = day_from_date(chrono::NaiveDate::from_ymd_opt(1999, 12, 1).unwrap_or_default());
        for step in 0..60 {
            for width in [1.0, 10.0, 40.0, 200.0, 900.0] {
                let view = TimeView {
                    start_day: first + f64::from(step) * 13.0,
                    end_day: first + f64::from(step) * 13.0 + width,
                };
                let mut full = Reach::default();
                for (i, e) in events.iter().enumerate().filter(|&(i, _)| listed(i)) {
                    let Some((start, end)) = span_days(e) else {
                        continue;
                    };
                    if end < view.start_day {
                        full.earlier += 1;
                    } else if start > view.end_day {
                        full.later += 1;
                    } else {
                        full.events.push(i);
                    }
                }
                assert_eq!(index.count_in(&events, view), full.events.len(), "{view:?}");
                assert_eq!(
                    index.outside(&events, view),
                    (full.earlier, full.later),
                    "{view:?}"
                );
                assert_eq!(index.reach(&events, view), full, "{view:?}");
            }
        }
    }

    #[test]
    fn density_counts_each_start_once_in_its_column() {
        let events: Vec<Event> = (0..30)
            .map(|i| event(i, (2022, 1, 1 + i as u32), 0))
            .collect();
        let index = ViewIndex::new(&events, |i| i != 3).expect("in date order");
        let first = day_from_date(chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default());
        let view = TimeView {
            start_day: first,
            end_day: first + 10.0,
        };
        // Days 1-10 of January, one column of two days each; the 4th is not listed.
        assert_eq!(index.density(0, view, 5), vec![2, 1, 2, 2, 2]);
        assert_eq!(
            index.density(1, view, 5),
            vec![0; 5],
            "a kind with no events"
        );
    }

    #[test]
    fn events_out_of_date_order_have_no_index() {
        let events = vec![event(0, (2022, 1, 5), 0), event(1, (2021, 1, 5), 0)];
        assert!(ViewIndex::new(&events, |_| true).is_none());
    }
}
