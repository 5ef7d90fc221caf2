//! Drawing the timeline into a painter: grid and axis labels, lane labels, markers by modality,
//! imprecise dates as bars, and a density strip when markers would crowd. No interaction: the
//! window's widget and the PNG figure both draw with this and add their own layer on top.

use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, Vec2, Visuals};

use super::arrange::{Arrangement, Content, DENSITY_COLUMN_PX, arrange};
pub use super::arrange::{LABEL_FONT_PX, TimelineInput, label_px, label_text};
use super::axis::{self, TimeView};
use super::layout::{Chip, Geometry, MARKER_RADIUS, PlacedMarker};
use crate::events::{Kind, Modality};

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

/// Draws the timeline into `rect`, arranged by [`arrange`].
#[must_use = "the placed markers are what hover, click and numbering use"]
pub fn paint(
    painter: &Painter,
    rect: Rect,
    visuals: &Visuals,
    input: &TimelineInput<'_>,
) -> Painted {
    let Arrangement {
        geometry,
        lanes,
        earlier,
        later,
        content,
    } = arrange(input, rect);
    paint_axis(painter, &geometry, input.view, visuals);
    paint_lanes(painter, rect, &geometry, &lanes, input.kinds, visuals);
    let mut markers = Vec::new();
    let mut chips = Vec::new();
    let mut bins = Vec::new();
    match content {
        Content::Density(counts) => {
            bins = density_strips(painter, &geometry, &lanes, &counts, input, visuals);
        }
        Content::Markers {
            labels, stacked, ..
        } => {
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
                    // A label left of its marker ends at the marker: its room is measured a little
                    // wide, and the slack must not open a gap between them.
                    let x = if rect.right() <= placed.center.x {
                        rect.right() - galley.size().x
                    } else {
                        rect.left()
                    };
                    painter.galley(Pos2::new(x, y), galley, visuals.text_color());
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
        // A label cut by the right edge ("20" of "2010") would misread; it is left out.
        if x + 3.0 + galley.size().x > painter.clip_rect().right() {
            continue;
        }
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
