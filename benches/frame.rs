//! CPU time per frame of the timeline (layout + tessellation, headless) with a generated
//! timeline of 10k / 100k / 1M events, fully in view and zoomed to one month; then of the
//! whole window with a generated 10,000-article folder loaded, idle and while searching:
//! `cargo bench --bench frame`.

mod allocator;

use std::fmt::Write;
use std::time::Instant;

mod common;
mod generated;

use dateline::app::{DatelineApp, Launch};
use dateline::events::Rules;
use dateline::timeline::axis::{TimeView, day_from_date};
use dateline::timeline::index::ViewIndex;
use dateline::timeline::{TimelineInput, timeline_ui};
use generated::events;

/// Milliseconds per frame of `draw` (layout and tessellation), after a warm-up.
fn frame_ms(ctx: &egui::Context, mut draw: impl FnMut(&mut egui::Ui)) -> f64 {
    let raw = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    };
    // Warm-up: fonts and caches.
    for _ in 0..3 {
        let out = ctx.run_ui(raw(), &mut draw);
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        let out = ctx.run_ui(raw(), &mut draw);
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
        let first = day_from_date(generated::first_day());
        let full = TimeView::fit(first, first + 9030.0);
        let month = TimeView {
            start_day: first + 4000.0,
            end_day: first + 4030.0,
        };
        let index = ViewIndex::new(&events, |i| shown[i]);
        assert!(index.is_some(), "generated events are in date order");
        let mut line = format!("{n:>9} events:");
        for (name, view) in [("all in view", full), ("one month", month)] {
            let input = TimelineInput {
                events: &events,
                kinds: &rules.kinds,
                visible: &visible,
                shown: &shown,
                selected: None,
                view,
                numbers: None,
                index: index.as_ref(),
            };
            let ms = frame_ms(&ctx, |ui| {
                let _ = timeline_ui(ui, &input);
            });
            let _ = write!(line, "  {name} {ms:.1} ms/frame");
        }
        println!("{line}");
    }
    window();
}

/// The whole window (menus, side panel with every article, timeline) on a loaded folder.
fn window() {
    let dir = tempfile::tempdir().expect("temp dir");
    common::write_corpus(dir.path(), 10_000);
    let mut app = DatelineApp::with_loaded(Launch {
        paths: vec![dir.path().to_owned()],
        rules_files: Vec::new(),
    });
    let ctx = egui::Context::default();
    let idle = frame_ms(&ctx, |ui| {
        app.logic();
        app.window_ui(ui);
    });
    app.search = "missile".into();
    let searching = frame_ms(&ctx, |ui| {
        app.logic();
        app.window_ui(ui);
    });
    println!("window, 10000 articles: idle {idle:.1} ms/frame  searching {searching:.1} ms/frame");
}
