//! CPU time per frame of the timeline (layout + tessellation, headless) with a generated
//! timeline of 10k / 100k / 1M events, fully in view and zoomed to one month:
//! `cargo bench --bench frame`.

use std::fmt::Write;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use dateline::app::axis::{TimeView, day_from_date};
use dateline::app::timeline::{TimelineInput, timeline_ui};
use dateline::events::{Event, Modality, Rules};
use dateline::temporal::{Interval, Precision};

fn events(n: usize) -> Vec<Event> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
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
            }
        })
        .collect()
}

fn frame_ms(ctx: &egui::Context, input: &TimelineInput<'_>) -> f64 {
    let raw = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    };
    // Warm-up: fonts and caches.
    for _ in 0..3 {
        let out = ctx.run_ui(raw(), |ui| {
            let _ = timeline_ui(ui, input);
        });
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        let out = ctx.run_ui(raw(), |ui| {
            let _ = timeline_ui(ui, input);
        });
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    }
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
}

fn main() {
    let rules = Rules::built_in();
    let visible = vec![true; rules.kinds.len()];
    for n in [10_000, 100_000, 1_000_000] {
        let events = events(n);
        let shown = vec![true; n];
        let ctx = egui::Context::default();
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).map_or(0.0, day_from_date);
        let full = TimeView::fit(first, first + 9030.0);
        let month = TimeView {
            start_day: first + 4000.0,
            end_day: first + 4030.0,
        };
        let mut line = format!("{n:>9} events:");
        for (name, view) in [("all in view", full), ("one month", month)] {
            let input = TimelineInput {
                events: &events,
                kinds: &rules.kinds,
                visible: &visible,
                shown: &shown,
                selected: None,
                view,
            };
            let _ = write!(line, "  {name} {:.1} ms/frame", frame_ms(&ctx, &input));
        }
        println!("{line}");
    }
}
