//! The labelled, stacked timeline layout on real folders, in the views people look at: no two
//! markers, labels or chips of a lane overlap, nothing reaches past the plot, and every event
//! in view is drawn or counted in a chip. The window and the PNG figure both draw what
//! `arrange` returns, so this is what they show.

use dateline::events::Rules;
use dateline::export::{self, Options};
use dateline::temporal::Interval;
use dateline::timeline::arrange::{Arrangement, Content, arrange};
use dateline::timeline::axis::{self, TimeView};
use dateline::timeline::index::ViewIndex;
use dateline::timeline::{TimelineInput, layout};
use dateline::{Dataset, Progress};
use egui::{Pos2, Rect, vec2};

use crate::fixtures::{repo, shared};

fn load(dir: std::path::PathBuf) -> Dataset {
    Dataset::load(vec![dir], Rules::built_in(), &Progress::default())
}

/// Asserts the layout's promises and returns how many markers it placed.
fn check(arranged: &Arrangement, what: &str) -> usize {
    match &arranged.content {
        Content::Markers { items, stacked, .. } => {
            if let Some(flaw) = stacked.flaw(&arranged.geometry, items.len()) {
                panic!("{what}: {flaw}");
            }
            stacked.placed.len()
        }
        Content::Density(_) => 0,
    }
}

/// The views a reader goes through: the first view (the bulk), everything (Home), and each
/// month and each week that holds an event.
fn views(data: &Dataset) -> Vec<TimeView> {
    let events = &data.timeline.events;
    let mut views: Vec<TimeView> = [axis::fit_bulk(events), axis::fit_events(events)]
        .into_iter()
        .flatten()
        .collect();
    for e in events {
        let Some(iv) = e.interval else { continue };
        let day = axis::day_from_date(iv.start);
        views.push(TimeView {
            start_day: day - 15.0,
            end_day: day + 16.0,
        });
        views.push(TimeView {
            start_day: day - 3.0,
            end_day: day + 4.0,
        });
    }
    views
}

/// Every view of `data` in a large and a small window's timeline, with and without the
/// view index the window uses.
fn check_window_views(data: &Dataset, name: &str) {
    let events = &data.timeline.events;
    let kinds = &data.rules.kinds;
    let visible = vec![true; kinds.len()];
    let shown = vec![true; events.len()];
    let index = ViewIndex::new(events, |_| true);
    let mut placed = 0;
    for size in [vec2(1160.0, 560.0), vec2(420.0, 200.0)] {
        let lanes = layout::lanes(kinds, &visible).len();
        let height = layout::Geometry::canvas_height(size.y, lanes);
        let rect = Rect::from_min_size(Pos2::new(240.0, 60.0), vec2(size.x, height));
        for view in views(data) {
            for index in [None, index.as_ref()] {
                let input = TimelineInput {
                    events,
                    kinds,
                    visible: &visible,
                    shown: &shown,
                    selected: None,
                    view,
                    numbers: None,
                    index,
                };
                placed += check(
                    &arrange(&input, rect),
                    &format!("{name}, {size:?}, {view:?}"),
                );
            }
        }
    }
    assert!(placed > 0, "{name}: no view placed a marker");
}

#[test]
fn the_sample_never_overlaps_in_the_window() {
    check_window_views(&load(repo().join("assets/sample")), "sample");
}

#[test]
fn the_dev_set_never_overlaps_in_the_window() {
    let Some(shared) = shared() else { return };
    check_window_views(&load(shared.join("articles/dev")), "dev set");
}

/// The figure as exported: its numbered labels in the rectangle the chart was given, which
/// lies inside the image.
fn check_figure(data: &Dataset, name: &str, options: &Options) {
    let rendered = export::render(data, options).expect("the figure renders");
    let prepared = export::prepare(data, options).expect("the figure prepares");
    let input = prepared.input(rendered.chart.height());
    let arranged = arrange(&input.timeline(), rendered.chart);
    let placed = check(&arranged, name);
    assert!(placed > 0, "{name}: the figure placed no marker");
    let Content::Markers {
        labels, stacked, ..
    } = &arranged.content
    else {
        unreachable!("a figure with markers placed");
    };
    let numbered = stacked
        .placed
        .iter()
        .filter(|p| p.label.is_some() && labels[p.item].starts_with('['))
        .count();
    assert!(numbered > 0, "{name}: no label carries its number");
    let image = Rect::from_min_size(
        Pos2::ZERO,
        vec2(
            rendered.image.width() as f32,
            rendered.image.height() as f32,
        ) / rendered.pixels_per_point,
    );
    assert!(
        image.contains_rect(arranged.geometry.plot),
        "{name}: plot {:?} outside the image {image:?}",
        arranged.geometry.plot
    );
    let drawn: Vec<_> = rendered
        .markers
        .iter()
        .map(|m| (m.event, m.center))
        .collect();
    let laid: Vec<_> = stacked.placed.iter().map(|p| (p.event, p.center)).collect();
    assert_eq!(
        drawn, laid,
        "{name}: the figure drew the markers the layout placed"
    );
}

#[test]
fn the_exported_figure_never_overlaps_or_clips() {
    let sample = load(repo().join("assets/sample"));
    for options in [
        Options::default(),
        Options {
            width: 800,
            scale: 1.0,
            ..Options::default()
        },
    ] {
        check_figure(
            &sample,
            &format!("sample at {} px", options.width),
            &options,
        );
    }
    if let Some(shared) = shared() {
        let dev = load(shared.join("articles/dev"));
        let options = Options {
            height: Some(3000),
            ..Options::default()
        };
        check_figure(&dev, "dev set", &options);
    }
}

/// Generated events crowding one lane far beyond its sub-rows still keep apart.
#[test]
fn ten_thousand_generated_events_keep_apart_in_every_zoom() {
    let sample = load(repo().join("assets/sample"));
    let template = sample
        .timeline
        .events
        .iter()
        .find(|e| e.interval.is_some())
        .expect("the sample has dated events")
        .clone();
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a real date");
    let mut seed: u64 = 11;
    let events: Vec<_> = (0..10_000)
        .map(|id| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let offset = (seed >> 33) % 730;
            let long = (seed >> 20).is_multiple_of(10);
            let first = start + chrono::Days::new(offset);
            let last = if long {
                first + chrono::Days::new(30)
            } else {
                first
            };
            let mut e = template.clone();
            e.id = id;
            e.kind = id % sample.rules.kinds.len();
            e.label = "word ".repeat(1 + (seed >> 40) as usize % 12);
            e.interval = e.interval.map(|iv| Interval {
                start: first,
                end: last,
                ..iv
            });
            e
        })
        .collect();
    let visible = vec![true; sample.rules.kinds.len()];
    let shown = vec![true; events.len()];
    let rect = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 700.0));
    let mut placed = 0;
    for days in [730.0, 120.0, 31.0, 7.0] {
        let mut day = axis::day_from_date(start);
        while day < axis::day_from_date(start) + 730.0 {
            let input = TimelineInput {
                events: &events,
                kinds: &sample.rules.kinds,
                visible: &visible,
                shown: &shown,
                selected: None,
                view: TimeView {
                    start_day: day,
                    end_day: day + days,
                },
                numbers: None,
                index: None,
            };
            placed += check(&arrange(&input, rect), &format!("{days} days from {day}"));
            day += days * 4.0;
        }
    }
    assert!(placed > 0);
}
