//! The time axis: a pure mapping between days (f64, since 1970-01-01) and screen x, recreated
//! every frame, and the tick marks that suit the zoom level. f64 because f32 loses whole days
//! when zoomed in over decades.

use chrono::{Datelike, Duration, NaiveDate};

use crate::events::Event;

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

#[must_use]
pub fn day_from_date(d: NaiveDate) -> f64 {
    (d - EPOCH).num_days() as f64
}

#[must_use]
pub fn date_from_day(day: f64) -> NaiveDate {
    EPOCH
        .checked_add_signed(Duration::days(day.floor() as i64))
        .unwrap_or(EPOCH)
}

/// The visible span of time, in days. Pan and zoom return a new view.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeView {
    pub start_day: f64,
    pub end_day: f64,
}

impl TimeView {
    /// The span covering `[first, last]` with a margin, at least a week wide.
    #[must_use]
    pub fn fit(first: f64, last: f64) -> Self {
        let span = (last - first).max(7.0);
        let margin = span * 0.05;
        Self {
            start_day: first - margin,
            end_day: first + span + margin,
        }
    }

    #[must_use]
    pub fn span(&self) -> f64 {
        self.end_day - self.start_day
    }

    #[must_use]
    pub fn panned(self, days: f64) -> Self {
        Self {
            start_day: self.start_day + days,
            end_day: self.end_day + days,
        }
    }

    /// Zoomed by `factor` (>1 zooms in) keeping `anchor_day` where it is on screen.
    #[must_use]
    pub fn zoomed(self, factor: f64, anchor_day: f64) -> Self {
        let factor = factor.clamp(0.01, 100.0);
        let span = (self.span() / factor).clamp(1.0, 365.25 * 400.0);
        let t = (anchor_day - self.start_day) / self.span();
        let start = anchor_day - t * span;
        Self {
            start_day: start,
            end_day: start + span,
        }
    }
}

/// The view that shows every dated event of `events`, or `None` when none is dated.
#[must_use]
pub fn fit_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Option<TimeView> {
    let (lo, hi) =
        events
            .into_iter()
            .filter_map(|e| e.interval)
            .fold((f64::MAX, f64::MIN), |(lo, hi), iv| {
                (
                    lo.min(day_from_date(iv.start)),
                    hi.max(day_from_date(iv.end) + 1.0),
                )
            });
    (lo <= hi).then(|| TimeView::fit(lo, hi))
}

/// What share of the dated events the first view holds at least.
const BULK_SHARE: f64 = 0.75;
/// Outliers are left out of the first view only when they widen it this many times over.
const OUTLIER_WIDENING: f64 = 3.0;

/// The first view: the shortest stretch of dates that holds three quarters of the events,
/// when the rest would widen the view more than threefold and squeeze the bulk into a sliver
/// ("one 1957 mention in a 2005 folder"); every event otherwise. The events left out stay one
/// click away (the edge markers, Home).
#[must_use]
pub fn fit_bulk<'a>(events: impl IntoIterator<Item = &'a Event>) -> Option<TimeView> {
    let mut spans: Vec<(f64, f64)> = events
        .into_iter()
        .filter_map(|e| e.interval)
        .map(|iv| (day_from_date(iv.start), day_from_date(iv.end) + 1.0))
        .collect();
    if spans.is_empty() {
        return None;
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = spans.len();
    let all = (
        spans[0].0,
        spans.iter().map(|s| s.1).fold(f64::MIN, f64::max),
    );
    let keep = ((n as f64) * BULK_SHARE).ceil() as usize;
    // The window of `keep` consecutive starts that is shortest.
    let bulk = (0..=n - keep.clamp(1, n))
        .map(|i| {
            let run = &spans[i..i + keep.clamp(1, n)];
            (run[0].0, run.iter().map(|s| s.1).fold(f64::MIN, f64::max))
        })
        .min_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
        .unwrap_or(all);
    let (lo, hi) = if all.1 - all.0 > OUTLIER_WIDENING * (bulk.1 - bulk.0).max(1.0) {
        bulk
    } else {
        all
    };
    Some(TimeView::fit(lo, hi))
}

/// Screen mapping for one frame: the view and the x range it is drawn in.
#[derive(Debug, Clone, Copy)]
pub struct Mapping {
    pub view: TimeView,
    pub left_px: f32,
    pub right_px: f32,
}

impl Mapping {
    #[must_use]
    pub fn x_from_day(&self, day: f64) -> f32 {
        let t = (day - self.view.start_day) / self.view.span();
        self.left_px + (t * f64::from(self.right_px - self.left_px)) as f32
    }

    #[must_use]
    pub fn day_from_x(&self, x: f32) -> f64 {
        let t = f64::from(x - self.left_px) / f64::from((self.right_px - self.left_px).max(1.0));
        self.view.start_day + t * self.view.span()
    }

    #[must_use]
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.right_px - self.left_px) / self.view.span()
    }
}

/// A tick: its day and label (empty for minor ticks).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub label: String,
}

/// Ticks at a step that leaves ~90 px between labels: years, then months, then days.
#[must_use]
pub fn ticks(m: &Mapping) -> Vec<Tick> {
    let px_per_day = m.px_per_day();
    let first = date_from_day(m.view.start_day);
    let last = date_from_day(m.view.end_day);
    let mut out = Vec::new();
    // Month labels are short ("Mar"), so they need less room than dates.
    let min_px = 90.0;
    let min_month_px = 40.0;
    if px_per_day * 30.0 * 6.0 < 60.0 {
        // Years, every 1, 2, 5, 10, 20, 50 or 100 of them.
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|s| px_per_day * 365.0 * f64::from(*s) >= min_px)
            .unwrap_or(100);
        let mut y = first.year() - first.year().rem_euclid(step);
        while y <= last.year() + 1 {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                out.push(Tick {
                    day: day_from_date(d),
                    label: y.to_string(),
                });
            }
            y += step;
        }
    } else if px_per_day * 2.0 < min_px {
        // Months, every 1, 3 or 6.
        let step = [1u32, 3, 6]
            .into_iter()
            .find(|s| px_per_day * 30.0 * f64::from(*s) >= min_month_px)
            .unwrap_or(6);
        let mut d = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
        // "Mar … Dec 2022" alone leaves the months before January without a year: the first
        // label in view says it ("Mar 2021").
        let mut year_said = false;
        while d <= last {
            if d >= first - Duration::days(31) && (d.month() - 1).is_multiple_of(step) {
                let in_view = d >= first;
                let label = if d.month() == 1 {
                    d.format("%Y").to_string()
                } else if in_view && !year_said {
                    d.format("%b %Y").to_string()
                } else {
                    d.format("%b").to_string()
                };
                year_said |= in_view;
                out.push(Tick {
                    day: day_from_date(d),
                    label,
                });
            }
            let Some(next) = crate::calendar::add_months(d, 1) else {
                break;
            };
            d = next;
        }
    } else {
        // Days, every 1, 2 or 7.
        let step = [1i64, 2, 7, 14]
            .into_iter()
            .find(|s| px_per_day * (*s as f64) >= min_px)
            .unwrap_or(14);
        let mut d = first;
        while d <= last + Duration::days(1) {
            let day = day_from_date(d);
            if (day as i64).rem_euclid(step) == 0 || step == 1 {
                out.push(Tick {
                    day,
                    label: d.format("%-d %b %Y").to_string(),
                });
            }
            d += Duration::days(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_and_time_round_trip() {
        let m = Mapping {
            view: TimeView {
                start_day: 10_000.0,
                end_day: 30_000.0,
            },
            left_px: 100.0,
            right_px: 1900.0,
        };
        for day in [10_000.0, 12_345.0, 19_000.0, 29_999.0] {
            let back = m.day_from_x(m.x_from_day(day));
            assert!((back - day).abs() < 0.05, "{day} -> {back}");
        }
        let d = NaiveDate::from_ymd_opt(2022, 1, 7).unwrap();
        assert_eq!(date_from_day(day_from_date(d)), d);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_pan_moves() {
        let v = TimeView {
            start_day: 0.0,
            end_day: 100.0,
        };
        let z = v.zoomed(2.0, 25.0);
        assert!((z.span() - 50.0).abs() < 1e-9);
        assert!(((25.0 - z.start_day) / z.span() - 0.25).abs() < 1e-9);
        assert_eq!(
            v.panned(10.0),
            TimeView {
                start_day: 10.0,
                end_day: 110.0
            }
        );
    }

    #[test]
    fn ticks_adapt_to_zoom() {
        let at = |span_days: f64| {
            let m = Mapping {
                view: TimeView {
                    start_day: 18_900.0,
                    end_day: 18_900.0 + span_days,
                },
                left_px: 0.0,
                right_px: 1000.0,
            };
            ticks(&m)
        };
        assert!(at(3650.0).iter().all(|t| t.label.len() == 4), "years");
        let months = at(200.0);
        assert!(months.iter().any(|t| t.label.len() == 3), "months");
        // The first month in view names its year: 18,900 days is 2021-09-29, so "Oct 2021".
        let first_in_view = months.iter().find(|t| t.day >= 18_900.0).unwrap();
        assert_eq!(first_in_view.label, "Oct 2021");
        assert!(at(10.0).iter().any(|t| t.label.contains(' ')), "days");
    }
}
