//! Drawing the timeline into a painter: grid and axis labels, lane labels, markers by modality,
//! imprecise dates as bars, and a density strip when markers would crowd. No interaction: the
//! window's widget and the PNG figure both draw with this and add their own layer on top.

use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, Vec2, Visuals};

use super::axis::{self, TimeView};
use super::layout::{self, Chip, Geometry, MARKER_RADIUS, MAX_MARKERS, PlacedMarker};
use crate::events::{Event, Kind, Modality};

/// What to draw.
pub struct TimelineInput<'a> {
    pub events: &'a [Event],
    pub kinds: &'a [Kind],
    /// Per kind: shown or hidden.
    pub visible: &'a [bool],
    /// Per event: passes the search and article filters.
    pub shown: &'a [bool],
    pub selected: Option<usize>,
    pub view: TimeView,
    /// Per event: its number in a figure's source list, written before its label.
    pub numbers: Option<&'a [Option<u32>]>,
    /// The listed events by date, built for `shown` and `visible`: a frame then touches only
    /// the events near the view. Without it every event is looked at.
    pub index: Option<&'a super::index::ViewIndex>,
}

/// The text beside a marker: the figure number or the count of sources, then the label.
#[must_use]
pub fn label_text(e: &Event, numbers: Option<&[Option<u32>]>) -> String {
    match numbers {
        Some(numbers) => match numbers.get(e.id).copied().flatten() {
            Some(n) => format!("[{n}] {}", e.label),
            None => e.label.clone(),
        },
        None if e.sources.len() > 1 => format!("({}) {}", e.sources.len(), e.label),
        None => e.label.clone(),
    }
}

/// A label's width at [`LABEL_FONT_PX`], estimated without a font: a little wide, so the
/// drawn text (cut with "…" to its room) rarely needs cutting.
#[must_use]
pub fn label_px(text: &str) -> f32 {
    text.chars().count() as f32 * 6.4 + 2.0
}

/// The size of labels beside markers.
pub const LABEL_FONT_PX: f32 = 11.5;

/// What was drawn where: enough for a caller to add labels or hit-test without placing again.
pub struct Painted {
    pub geometry: Geometry,
    /// In drawing order; empty when the lanes show density strips instead.
    pub markers: Vec<PlacedMarker>,
    /// Events that had no room, counted per place.
    pub chips: Vec<Chip>,
    /// The density strip's columns, when the lanes show one instead of markers.
    pub bins: Vec<DensityBin>,
    /// Listed events wholly before and after the view.
    pub earlier: usize,
    pub later: usize,
}

/// One column of a density strip: how many events of its lane start in its days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DensityBin {
    /// The whole lane's height over the column, for hovering.
    pub rect: Rect,
    pub count: u32,
    pub start_day: f64,
    pub end_day: f64,
}

#[must_use]
pub fn kind_color(kind: &Kind) -> Color32 {
    Color32::from_rgb(kind.color[0], kind.color[1], kind.color[2])
}

/// Draws the timeline into `rect`.
#[must_use = "the placed markers are what hover, click and numbering use"]
pub fn paint(
    painter: &Painter,
    rect: Rect,
    visuals: &Visuals,
    input: &TimelineInput<'_>,
) -> Painted {
    let lanes = layout::lanes(input.kinds, input.visible);
    let geometry = Geometry::new(rect, lanes.len());
    paint_axis(painter, &geometry, input.view, visuals);
    paint_lanes(painter, rect, &geometry, &lanes, input.kinds, visuals);
    // With an index, a crowded view is counted and binned without listing its events.
    let crowded = input
        .index
        .filter(|index| index.count_in(input.events, input.view) > MAX_MARKERS);
    let (items, earlier, later) = match input.index {
        Some(index) if crowded.is_some() => {
            let (earlier, later) = index.outside(input.events, input.view);
            (Vec::new(), earlier, later)
        }
        Some(index) => {
            let reach = index.reach(input.events, input.view);
            let items = layout::items_of(
                input.events,
                reach.events.into_iter(),
                input.shown,
                &lanes,
                &geometry,
                input.view,
            );
            (items, reach.earlier, reach.later)
        }
        None => {
            let (earlier, later) = outside(input);
            let items =
                layout::items_in_view(input.events, input.shown, &lanes, &geometry, input.view);
            (items, earlier, later)
        }
    };
    let mut markers = Vec::new();
    let mut chips = Vec::new();
    let mut bins = Vec::new();
    if let Some(index) = crowded {
        let columns = density_columns(&geometry);
        let counts: Vec<Vec<u32>> = lanes
            .iter()
            .map(|&kind| index.density(kind, input.view, columns))
            .collect();
        bins = density_strips(painter, &geometry, &lanes, &counts, input, visuals);
    } else if items.len() > MAX_MARKERS {
        let columns = density_columns(&geometry);
        let mut counts = vec![vec![0u32; columns]; lanes.len()];
        let plot = geometry.plot;
        for item in &items {
            // By first day, as the index counts.
            let x = item.x0.clamp(plot.left(), plot.right() - 0.1);
            let column = (((x - plot.left()) / DENSITY_COLUMN_PX) as usize).min(columns - 1);
            counts[item.row][column] += 1;
        }
        bins = density_strips(painter, &geometry, &lanes, &counts, input, visuals);
    } else {
        let labels: Vec<String> = items
            .iter()
            .map(|item| label_text(&input.events[item.event], input.numbers))
            .collect();
        let widths: Vec<f32> = labels.iter().map(|t| label_px(t)).collect();
        let stacked = layout::stack(&items, &geometry, |k| widths[k]);
        markers.reserve(stacked.placed.len());
        for placed in &stacked.placed {
            let e = &input.events[placed.event];
            // A date resting on an estimated publication date is drawn faded inside a ring
            // of dots: it must not read as certain as a date the articles state.
            let color = if e.date_estimated {
                kind_color(&input.kinds[e.kind]).gamma_multiply(0.55)
            } else {
                kind_color(&input.kinds[e.kind])
            };
            let selected = input.selected == Some(e.id);
            match placed.band {
                // An interval is a band with brackets at its ends, no dot: a dot would claim
                // a day the articles do not give.
                Some((x0, x1)) => draw_band(painter, x0, x1, placed.center.y, color, selected),
                None => draw_marker(
                    painter,
                    placed.center,
                    color,
                    e.modality,
                    selected,
                    visuals.panel_fill,
                ),
            }
            if e.date_estimated {
                draw_estimate_halo(painter, placed.center, color);
            }
            if let Some(rect) = placed.label {
                let mut job = egui::text::LayoutJob::simple_singleline(
                    labels[placed.item].clone(),
                    FontId::proportional(LABEL_FONT_PX),
                    visuals.text_color(),
                );
                job.wrap = egui::text::TextWrapping::truncate_at_width(rect.width());
                let galley = painter.layout_job(job);
                let y = rect.center().y - galley.size().y / 2.0;
                painter.galley(Pos2::new(rect.left(), y), galley, visuals.text_color());
            }
            markers.push(PlacedMarker {
                event: placed.event,
                center: placed.center,
            });
        }
        for chip in &stacked.chips {
            let kind = input.events[chip.events[0]].kind;
            let color = kind_color(&input.kinds[kind]);
            painter.rect_filled(chip.rect, CornerRadius::same(4), color.gamma_multiply(0.25));
            painter.rect_stroke(
                chip.rect,
                CornerRadius::same(4),
                Stroke::new(1.0, color),
                egui::StrokeKind::Inside,
            );
            painter.text(
                chip.rect.center(),
                Align2::CENTER_CENTER,
                format!("+{}", chip.events.len()),
                FontId::proportional(LABEL_FONT_PX),
                visuals.text_color(),
            );
        }
        chips = stacked.chips;
    }
    Painted {
        geometry,
        markers,
        chips,
        bins,
        earlier,
        later,
    }
}

/// Listed events wholly before and after the view, by looking at every event.
fn outside(input: &TimelineInput<'_>) -> (usize, usize) {
    let (mut earlier, mut later) = (0, 0);
    for (i, e) in input.events.iter().enumerate() {
        let listed = input.shown.get(i).copied().unwrap_or(true)
            && input.visible.get(e.kind).copied().unwrap_or(true);
        let Some(iv) = e.interval.filter(|_| listed) else {
            continue;
        };
        if super::axis::day_from_date(iv.end) + 1.0 < input.view.start_day {
            earlier += 1;
        } else if super::axis::day_from_date(iv.start) > input.view.end_day {
            later += 1;
        }
    }
    (earlier, later)
}

/// An interval: a translucent band with a bracket at each end.
fn draw_band(painter: &Painter, x0: f32, x1: f32, y: f32, color: Color32, selected: bool) {
    let h = MARKER_RADIUS;
    let band = Rect::from_min_max(Pos2::new(x0, y - h * 0.6), Pos2::new(x1, y + h * 0.6));
    painter.rect_filled(band, CornerRadius::ZERO, color.gamma_multiply(0.3));
    let stroke = Stroke::new(if selected { 3.0 } else { 2.0 }, color);
    for (x, inward) in [(x0, 3.0), (x1, -3.0)] {
        painter.line_segment([Pos2::new(x, y - h), Pos2::new(x, y + h)], stroke);
        painter.line_segment([Pos2::new(x, y - h), Pos2::new(x + inward, y - h)], stroke);
        painter.line_segment([Pos2::new(x, y + h), Pos2::new(x + inward, y + h)], stroke);
    }
}

/// Grid lines and their labels; a label that would run into the one before it is left out
/// ("Mar 2021" is wider than a month), its grid line stays.
fn paint_axis(painter: &Painter, geometry: &Geometry, view: TimeView, visuals: &Visuals) {
    let plot = geometry.plot;
    let m = geometry.mapping(view);
    let grid = visuals.widgets.noninteractive.bg_stroke.color;
    let text_color = visuals.text_color();
    let mut labels_end = f32::NEG_INFINITY;
    for tick in axis::ticks(&m) {
        let x = m.x_from_day(tick.day);
        if x < plot.left() || x > plot.right() {
            continue;
        }
        painter.line_segment(
            [Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
            Stroke::new(1.0, grid),
        );
        if x + 3.0 < labels_end + 6.0 {
            continue;
        }
        let galley =
            painter.layout_no_wrap(tick.label.clone(), FontId::proportional(12.0), text_color);
        labels_end = x + 3.0 + galley.size().x;
        painter.galley(Pos2::new(x + 3.0, plot.bottom() + 4.0), galley, text_color);
    }
}

/// Alternate lane backgrounds, each with its kind's colour and name at the left.
fn paint_lanes(
    painter: &Painter,
    rect: Rect,
    geometry: &Geometry,
    lanes: &[usize],
    kinds: &[Kind],
    visuals: &Visuals,
) {
    let lane_h = geometry.lane_h;
    for (row, &kind) in lanes.iter().enumerate() {
        let top = geometry.plot.top() + row as f32 * lane_h;
        let lane =
            Rect::from_min_size(Pos2::new(rect.left(), top), Vec2::new(rect.width(), lane_h));
        if row % 2 == 1 {
            painter.rect_filled(lane, CornerRadius::ZERO, visuals.faint_bg_color);
        }
        let color = kind_color(&kinds[kind]);
        painter.circle_filled(Pos2::new(rect.left() + 10.0, lane.center().y), 5.0, color);
        painter.text(
            Pos2::new(rect.left() + 20.0, lane.center().y),
            Align2::LEFT_CENTER,
            &kinds[kind].label,
            FontId::proportional(13.0),
            visuals.text_color(),
        );
    }
}

/// A ring of dots around a marker whose date rests on an estimated publication date.
pub fn draw_estimate_halo(painter: &Painter, c: Pos2, color: Color32) {
    const DOTS: usize = 10;
    for k in 0..DOTS {
        let a = k as f32 * std::f32::consts::TAU / DOTS as f32;
        painter.circle_filled(c + Vec2::angled(a) * (MARKER_RADIUS + 3.0), 1.1, color);
    }
}

/// Filled = happened, hollow = planned, dashed = claimed, crossed = cancelled or negated.
pub fn draw_marker(
    painter: &Painter,
    c: Pos2,
    color: Color32,
    modality: Modality,
    selected: bool,
    background: Color32,
) {
    let r = MARKER_RADIUS;
    if selected {
        painter.circle_stroke(c, r + 4.0, Stroke::new(2.5, color));
    }
    match modality {
        Modality::Happened => {
            painter.circle_filled(c, r, color);
        }
        Modality::Planned => {
            painter.circle_filled(c, r, background);
            painter.circle_stroke(c, r - 1.0, Stroke::new(2.0, color));
        }
        Modality::Claimed => {
            painter.circle_filled(c, r, background);
            for k in 0..8 {
                let a0 = k as f32 * std::f32::consts::TAU / 8.0;
                let a1 = a0 + std::f32::consts::TAU / 16.0;
                let p = |a: f32| c + Vec2::angled(a) * (r - 1.0);
                painter.line_segment([p(a0), p(a1)], Stroke::new(2.0, color));
            }
        }
        Modality::Cancelled | Modality::Negated => {
            painter.circle_stroke(c, r - 1.0, Stroke::new(1.5, color));
            let d = r * 0.8;
            painter.line_segment(
                [c + Vec2::new(-d, -d), c + Vec2::new(d, d)],
                Stroke::new(2.0, color),
            );
            painter.line_segment(
                [c + Vec2::new(-d, d), c + Vec2::new(d, -d)],
                Stroke::new(2.0, color),
            );
        }
    }
}

/// Columns of a density strip across the plot.
fn density_columns(geometry: &Geometry) -> usize {
    ((geometry.plot.width() / DENSITY_COLUMN_PX).ceil() as usize).max(1)
}

/// Width of a density strip's column.
const DENSITY_COLUMN_PX: f32 = 4.0;

/// Draws each lane's `counts` (one per column of [`DENSITY_COLUMN_PX`]) as a strip of columns.
fn density_strips(
    painter: &Painter,
    geometry: &Geometry,
    lanes: &[usize],
    counts: &[Vec<u32>],
    input: &TimelineInput<'_>,
    visuals: &Visuals,
) -> Vec<DensityBin> {
    const BIN_PX: f32 = DENSITY_COLUMN_PX;
    let mapping = geometry.mapping(input.view);
    let mut out = Vec::new();
    let (plot, lane_h) = (geometry.plot, geometry.lane_h);
    for (row, lane) in counts.iter().enumerate() {
        let max = lane.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        let max = max as f32;
        let Some(kind) = lanes.get(row).and_then(|&k| input.kinds.get(k)) else {
            continue;
        };
        let color = kind_color(kind);
        let base = plot.top() + (row as f32 + 1.0) * lane_h - 3.0;
        // The strip's scale: its tallest column's count, at the lane's top right.
        painter.text(
            Pos2::new(plot.right() - 2.0, base - lane_h + 5.0),
            Align2::RIGHT_TOP,
            format!("tallest: {} events", max as u32),
            FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
        for (b, &n) in lane.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let h = (lane_h - 8.0) * (n as f32 / max).sqrt();
            let x = plot.left() + b as f32 * BIN_PX;
            painter.rect_filled(
                Rect::from_min_max(Pos2::new(x, base - h), Pos2::new(x + BIN_PX - 1.0, base)),
                CornerRadius::ZERO,
                color.gamma_multiply(0.8),
            );
            out.push(DensityBin {
                rect: Rect::from_min_max(
                    Pos2::new(x, base - lane_h + 3.0),
                    Pos2::new(x + BIN_PX, base),
                ),
                count: n,
                start_day: mapping.day_from_x(x),
                end_day: mapping.day_from_x(x + BIN_PX),
            });
        }
    }
    out
}
