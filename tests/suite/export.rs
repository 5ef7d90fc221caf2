//! PNG export with no display and no GPU: what the image shows, where, and in which colour;
//! the command line; and a kittest snapshot drawn by the CPU rasterizer.

use std::process::Command;

use chrono::NaiveDate;
use dateline::events::{Event, Rules};
use dateline::export::raster::Rasterizer;
use dateline::export::{self, Options};
use dateline::timeline::axis::day_from_date;
use dateline::timeline::kind_color;
use dateline::timeline::layout::{Geometry, MARKER_RADIUS};
use dateline::{Dataset, Progress};
use egui_kittest::{Harness, TestRenderer};

use crate::fixtures::{Dir, repo};

fn sample() -> Dataset {
    Dataset::load(
        vec![repo().join("assets/sample")],
        Rules::built_in(),
        &Progress::default(),
    )
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("gold dates are ISO dates")
}

/// The gold events (not the optional ones): kind, window, a quote from one source.
fn gold_events() -> Vec<(String, NaiveDate, NaiveDate, String)> {
    let path = repo().join("tests/data/seeds.gold.json");
    let text = std::fs::read_to_string(&path).expect("the sample's gold timeline");
    let gold: serde_json::Value = serde_json::from_str(&text).expect("gold is JSON");
    gold["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| !e["optional"].as_bool().unwrap_or(false))
        .map(|e| {
            (
                e["category"].as_str().expect("category").to_owned(),
                date(e["window"][0].as_str().expect("window")),
                date(e["window"][1].as_str().expect("window")),
                e["sources"][0]["quote"].as_str().expect("quote").to_owned(),
            )
        })
        .collect()
}

/// The extracted event that matches a gold event: same kind, dated inside the window, and
/// reported by a paragraph that contains the quote.
fn matching<'a>(
    sample: &'a Dataset,
    (kind, from, to, quote): &(String, NaiveDate, NaiveDate, String),
) -> &'a Event {
    sample
        .timeline
        .events
        .iter()
        .find(|e| {
            sample.rules.kinds[e.kind].name == *kind
                && e.interval
                    .is_some_and(|iv| iv.start >= *from && iv.end <= *to)
                && e.sources.iter().any(|s| {
                    let a = &sample.corpus.articles[s.article];
                    a.paragraph_text(&a.paragraphs[s.paragraph])
                        .contains(quote.as_str())
                })
        })
        .unwrap_or_else(|| panic!("no extracted event for gold {kind} {from}..{to}"))
}

/// Pixels within the marker's radius that have exactly the kind's colour.
fn pixels_of(image: &image::RgbaImage, centre: (f32, f32), radius: f32, rgba: [u8; 4]) -> usize {
    let (cx, cy) = centre;
    let r = radius.ceil() as i64;
    let mut n = 0;
    for dy in -r..=r {
        for dx in -r..=r {
            let (x, y) = (cx as i64 + dx, cy as i64 + dy);
            if x < 0 || y < 0 || x >= i64::from(image.width()) || y >= i64::from(image.height()) {
                continue;
            }
            if (dx * dx + dy * dy) as f32 <= radius * radius
                && image.get_pixel(x as u32, y as u32).0 == rgba
            {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn every_gold_event_is_drawn_in_its_colour_where_its_date_maps() {
    let sample = sample();
    let options = Options {
        width: 2000,
        ..Options::default()
    };
    let rendered = export::render(&sample, &options).expect("export renders");
    assert_eq!(rendered.image.width(), 2000);
    let ppp = rendered.pixels_per_point;
    // The same geometry and time→x mapping as the window's timeline view.
    let geometry = Geometry::new(rendered.chart, rendered.lanes.len());
    let mapping = geometry.mapping(rendered.view);
    let gold = gold_events();
    assert!(gold.len() >= 6, "gold has {} events", gold.len());
    for g in &gold {
        let event = matching(&sample, g);
        let iv = event.interval.expect("dated");
        let x0 = mapping.x_from_day(day_from_date(iv.start));
        let x1 = mapping.x_from_day(day_from_date(iv.end) + 1.0);
        let row = rendered
            .lanes
            .iter()
            .position(|&k| k == event.kind)
            .expect("the event's kind has a lane");
        let marker = rendered
            .markers
            .iter()
            .find(|m| m.event == event.id)
            .expect("every gold event has a marker");
        // The marker sits on its date, in its kind's lane.
        let lane_top = geometry.plot.top() + row as f32 * geometry.lane_h;
        assert!(
            marker.center.x >= x0 - MARKER_RADIUS && marker.center.x <= x1.max(x0 + MARKER_RADIUS),
            "{} drawn at x {} for {x0}..{x1}",
            event.label,
            marker.center.x
        );
        assert!((lane_top..lane_top + geometry.lane_h).contains(&marker.center.y));
        // A dot is drawn round its centre; a band's bracket stands at its left end.
        let x = if iv.start == iv.end {
            marker.center.x
        } else {
            marker.center.x - MARKER_RADIUS
        };
        let centre = (x * ppp, marker.center.y * ppp);
        let colour = kind_color(&sample.rules.kinds[event.kind]).to_array();
        let found = pixels_of(&rendered.image, centre, MARKER_RADIUS * ppp, colour);
        assert!(
            found >= 20,
            "{} ({}) at {centre:?}: {found} pixels in {colour:?}",
            event.label,
            g.0
        );
        // A lane lower there is no marker of this kind: the check can fail.
        let below = (centre.0, centre.1 + geometry.lane_h * ppp);
        assert_eq!(
            pixels_of(&rendered.image, below, MARKER_RADIUS * ppp * 0.5, colour),
            0
        );
    }
}

#[test]
fn the_source_list_quotes_the_missile_paragraph_of_both_articles() {
    let sample = sample();
    let rendered = export::render(&sample, &Options::default()).expect("export renders");
    let missile: Vec<&String> = rendered
        .texts
        .iter()
        .filter(|t| t.contains("hypersonic missile on Wednesday"))
        .collect();
    for file in ["000_9c6cc9a4abd8fbcc.txt", "001_585025c503813674.txt"] {
        assert!(
            missile
                .iter()
                .any(|t| t.starts_with(file) && t.contains('¶')),
            "no source line for {file} in {missile:?}"
        );
    }
    // And the missile event's marker carries the number its entry has.
    let numbered = rendered.numbers.iter().flatten().count();
    assert!(numbered >= 8, "{numbered} events numbered");
    let without = export::render(
        &sample,
        &Options {
            sources: false,
            ..Options::default()
        },
    )
    .expect("export renders");
    assert!(
        !without
            .texts
            .iter()
            .any(|t| t.contains("hypersonic missile on Wednesday"))
    );
    assert!(without.image.height() < rendered.image.height());
}

#[test]
fn the_command_line_writes_a_png_of_the_requested_size() {
    let dir = Dir::new();
    let out = dir.path().join("timeline.png");
    let status = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "export",
            "assets/sample",
            "--width",
            "1200",
            "--height",
            "700",
        ])
        .args(["--theme", "dark", "--kinds", "meeting,missile_test", "-o"])
        .arg(&out)
        .current_dir(repo())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run dateline");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let image = image::open(&out).expect("the PNG decodes").to_rgba8();
    assert_eq!((image.width(), image.height()), (1200, 700));
    // Dark theme: the corner is dark.
    assert!(image.get_pixel(2, 2).0[..3].iter().all(|&c| c < 80));
    assert!(!dir.path().join("timeline.png.tmp").exists());
}

#[test]
fn export_errors_are_clear_and_leave_no_file() {
    let dir = Dir::new();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("export")
            .args(args)
            .current_dir(repo())
            .output()
            .expect("run dateline")
    };
    let missing = dir.path().join("no such folder/timeline.png");
    let out = run(&["assets/sample", "-o", missing.to_str().expect("UTF-8 path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not write") && err.contains("no such folder"),
        "{err}"
    );
    assert!(
        std::fs::read_dir(dir.path())
            .expect("temp dir")
            .next()
            .is_none()
    );

    let png = dir.path().join("x.png");
    let png = png.to_str().expect("UTF-8 path");
    let out = run(&["assets/sample", "-o", png, "--kinds", "coronation"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("unknown kind \"coronation\""),
        "{err}"
    );
    assert!(err.contains("missile_test"), "{err}");

    let empty = Dir::new();
    empty.write("note.txt", "Nothing happened here at all.");
    let out = run(&[empty.path().to_str().expect("UTF-8 path"), "-o", png]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("nothing to draw"),
        "{err}"
    );
}

#[test]
fn a_narrow_date_range_keeps_only_its_events() {
    let sample = sample();
    let view = export::view_between(
        &sample.timeline,
        Some(date("2022-01-01")),
        Some(date("2022-01-31")),
    )
    .expect("a view");
    let rendered = export::render(
        &sample,
        &Options {
            view: Some(view),
            ..Options::default()
        },
    )
    .expect("export renders");
    for e in &sample.timeline.events {
        let inside = e
            .interval
            .is_some_and(|iv| iv.end >= date("2022-01-01") && iv.start <= date("2022-01-31"));
        assert_eq!(rendered.numbers[e.id].is_some(), inside, "{}", e.label);
    }
}

/// `egui_kittest`'s renderer, backed by the export's CPU rasterizer.
#[derive(Default)]
struct CpuRenderer(Rasterizer);

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        self.0.apply(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = output.pixels_per_point;
        let size = ctx.content_rect().size() * ppp;
        let primitives = ctx.tessellate(output.shapes.clone(), ppp);
        let background = ctx.global_style().visuals.panel_fill;
        Ok(self.0.paint(
            &primitives,
            ppp,
            [size.x.round() as u32, size.y.round() as u32],
            background,
        ))
    }
}

#[test]
fn the_figure_matches_its_snapshot() {
    let sample = sample();
    let prepared = export::prepare(&sample, &Options::default()).expect("prepared");
    let input = prepared.input(prepared.auto_chart_height());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 1100.0))
        .with_theme(egui::Theme::Light)
        .renderer(CpuRenderer::default())
        .build_ui(|ui| {
            let _ = export::figure::figure_ui(ui, &input);
        });
    harness.run();
    harness.snapshot("export_sample");
}

#[test]
fn a_fixed_height_is_kept_and_the_list_cut_with_a_note() {
    let sample = sample();
    let short = export::render(
        &sample,
        &Options {
            width: 1600,
            height: Some(1400),
            ..Options::default()
        },
    )
    .expect("export renders");
    assert_eq!((short.image.width(), short.image.height()), (1600, 1400));
    assert!(
        short
            .texts
            .iter()
            .any(|t| t.contains("do not fit in 1400 pixels"))
    );
    // The chart keeps its room: it is as tall as when the height is automatic.
    let auto = export::render(
        &sample,
        &Options {
            width: 1600,
            ..Options::default()
        },
    )
    .expect("export renders");
    assert!((short.chart.height() - auto.chart.height()).abs() < 0.5);
    assert!(auto.image.height() > 1400);
    assert!(!auto.texts.iter().any(|t| t.contains("do not fit")));
}
