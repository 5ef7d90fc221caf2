//! The timeline: one lane per event kind, markers by modality, imprecise dates as bars, a
//! density strip when markers would overlap, pan/zoom/fit, hover and click.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo,
};

use super::axis::{self, Mapping, TimeView};
use crate::events::{Event, Kind, Modality};

/// Above this many markers in view, lanes show a density strip instead.
pub const MAX_MARKERS: usize = 3000;
const LANE_LABEL_PX: f32 = 120.0;
const AXIS_PX: f32 = 26.0;
pub const MARKER_RADIUS: f32 = 6.0;
/// Lanes never grow taller than this; a taller view leaves room under them.
pub const MAX_LANE_PX: f32 = 80.0;

/// What the timeline asks the app to do; applied after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum TimelineCommand {
    Select(Option<usize>),
    SetView(TimeView),
    FitAll,
}

pub struct TimelineInput<'a> {
    pub events: &'a [Event],
    pub kinds: &'a [Kind],
    /// Per kind: shown or hidden.
    pub visible: &'a [bool],
    /// Per event: passes the search and article filters.
    pub shown: &'a [bool],
    pub selected: Option<usize>,
    pub view: TimeView,
    /// Per event: the number a figure cites it by, drawn next to its marker.
    pub numbers: Option<&'a [Option<u32>]>,
}

#[must_use]
pub fn kind_color(kind: &Kind) -> Color32 {
    Color32::from_rgb(kind.color[0], kind.color[1], kind.color[2])
}

/// Where the parts of the timeline go inside the rectangle it is given: the view, the PNG
/// export and the tests all place markers with this.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Lanes and markers; the axis labels sit below it, the lane labels left of it.
    pub plot: Rect,
    pub lane_h: f32,
}

impl Geometry {
    #[must_use]
    pub fn new(rect: Rect, lanes: usize) -> Self {
        let plot = Rect::from_min_max(
            Pos2::new(rect.left() + LANE_LABEL_PX, rect.top()),
            Pos2::new(rect.right() - 8.0, rect.bottom() - AXIS_PX),
        );
        let lane_h = (plot.height() / lanes.max(1) as f32).clamp(18.0, MAX_LANE_PX);
        Self { plot, lane_h }
    }

    /// The height that gives every lane `lane_h` points.
    #[must_use]
    pub fn height_for(lanes: usize, lane_h: f32) -> f32 {
        lanes.max(1) as f32 * lane_h + AXIS_PX
    }

    #[must_use]
    pub fn mapping(&self, view: TimeView) -> Mapping {
        Mapping {
            view,
            left_px: self.plot.left(),
            right_px: self.plot.right(),
        }
    }

    /// The y of the markers in lane `row` (0 = top).
    #[must_use]
    pub fn lane_y(&self, row: usize) -> f32 {
        self.plot.top() + (row as f32 + 0.5) * self.lane_h
    }
}

/// The lanes drawn, top to bottom: the visible kinds, in rule order.
#[must_use]
pub fn lanes(kinds: &[Kind], visible: &[bool]) -> Vec<usize> {
    (0..kinds.len())
        .filter(|&k| visible.get(k).copied().unwrap_or(true))
        .collect()
}

/// Draws the timeline into all of `ui`'s available space.
pub fn timeline_ui(ui: &mut Ui, input: &TimelineInput<'_>) -> Vec<TimelineCommand> {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let lanes = lanes(input.kinds, input.visible);
    let geometry = Geometry::new(rect, lanes.len());
    let (plot, lane_h) = (geometry.plot, geometry.lane_h);
    let m = geometry.mapping(input.view);

    // Grid and axis.
    let grid = visuals.widgets.noninteractive.bg_stroke.color;
    let text_color = visuals.text_color();
    // A label that would run into the one before it is left out ("Mar 2021" is wider than
    // a month); its grid line stays.
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
    for (row, &kind) in lanes.iter().enumerate() {
        let top = plot.top() + row as f32 * lane_h;
        let lane =
            Rect::from_min_size(Pos2::new(rect.left(), top), Vec2::new(rect.width(), lane_h));
        if row % 2 == 1 {
            painter.rect_filled(lane, CornerRadius::ZERO, visuals.faint_bg_color);
        }
        let color = kind_color(&input.kinds[kind]);
        painter.circle_filled(Pos2::new(rect.left() + 10.0, lane.center().y), 5.0, color);
        painter.text(
            Pos2::new(rect.left() + 20.0, lane.center().y),
            Align2::LEFT_CENTER,
            &input.kinds[kind].label,
            FontId::proportional(13.0),
            text_color,
        );
    }

    // Which events are in view, by lane.
    let lane_of = |kind: usize| lanes.iter().position(|&k| k == kind);
    let in_view: Vec<(usize, usize, f32, f32)> = input
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| input.shown.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, e)| {
            let iv = e.interval?;
            let row = lane_of(e.kind)?;
            let x0 = m.x_from_day(axis::day_from_date(iv.start));
            let x1 = m.x_from_day(axis::day_from_date(iv.end) + 1.0);
            (x1 >= plot.left() && x0 <= plot.right()).then_some((i, row, x0, x1))
        })
        .collect();

    let mut numbered: Vec<(usize, Pos2, u32)> = Vec::new();
    if in_view.len() > MAX_MARKERS {
        density_strips(&painter, &plot, lane_h, lanes.len(), &in_view, input);
    } else {
        for &(i, row, x0, x1) in &in_view {
            let e = &input.events[i];
            let color = kind_color(&input.kinds[e.kind]);
            let y = geometry.lane_y(row);
            let center = Pos2::new(f32::midpoint(x0, x1), y);
            if x1 - x0 > 2.0 * MARKER_RADIUS {
                let bar = Rect::from_min_max(
                    Pos2::new(x0.max(plot.left()), y - 4.0),
                    Pos2::new(x1.min(plot.right()), y + 4.0),
                );
                painter.rect_filled(bar, CornerRadius::same(3), color.gamma_multiply(0.35));
            }
            let selected = input.selected == Some(e.id);
            draw_marker(
                &painter,
                center,
                color,
                e.modality,
                selected,
                visuals.panel_fill,
            );
            // A figure numbers its markers for the source list below it; the window shows
            // how many articles reported each event instead.
            match input.numbers {
                Some(numbers) => {
                    if let Some(n) = numbers.get(i).copied().flatten() {
                        numbered.push((row, center, n));
                    }
                }
                None if e.sources.len() > 1 => {
                    painter.text(
                        center + Vec2::new(MARKER_RADIUS + 2.0, -MARKER_RADIUS - 2.0),
                        Align2::LEFT_BOTTOM,
                        e.sources.len().to_string(),
                        FontId::proportional(10.0),
                        text_color,
                    );
                }
                None => {}
            }
            let hit = Rect::from_center_size(center, Vec2::splat(2.0 * MARKER_RADIUS + 4.0));
            let marker = ui.interact(hit, ui.make_persistent_id(("event", e.id)), Sense::click());
            marker.widget_info(|| {
                WidgetInfo::labeled(egui::Role::Button, true, marker_label(e, input.kinds))
            });
            let marker = marker.on_hover_ui(|ui| tooltip_ui(ui, e, input.kinds));
            if marker.clicked() {
                commands.push(TimelineCommand::Select(Some(e.id)));
            }
        }
    }

    number_labels(&painter, &mut numbered, text_color);

    // Pan, zoom at the cursor, double-click to fit.
    if response.dragged() {
        let dx = f64::from(response.drag_delta().x);
        commands.push(TimelineCommand::SetView(
            input.view.panned(-dx / m.px_per_day()),
        ));
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.003).exp();
        if (factor - 1.0).abs() > 1e-6 {
            let anchor = response
                .hover_pos()
                .map_or(input.view.start_day + input.view.span() / 2.0, |p| {
                    m.day_from_x(p.x)
                });
            commands.push(TimelineCommand::SetView(input.view.zoomed(factor, anchor)));
        }
        if scroll.x.abs() > 0.0 {
            commands.push(TimelineCommand::SetView(
                input.view.panned(-f64::from(scroll.x) / m.px_per_day()),
            ));
        }
    }
    if response.double_clicked() {
        commands.push(TimelineCommand::FitAll);
    } else if response.clicked() {
        commands.push(TimelineCommand::Select(None));
    }
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
    commands
}

/// Draws the figure numbers above the markers; markers that overlap in a lane share one
/// label ("9, 10") instead of printing over each other.
fn number_labels(painter: &egui::Painter, numbered: &mut [(usize, Pos2, u32)], color: Color32) {
    numbered.sort_by(|a, b| {
        (a.0, a.1.x, a.2)
            .partial_cmp(&(b.0, b.1.x, b.2))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut group: Vec<String> = Vec::new();
    let mut anchor: Option<(usize, Pos2)> = None;
    let flush = |group: &mut Vec<String>, anchor: Option<(usize, Pos2)>| {
        if let Some((_, at)) = anchor
            && !group.is_empty()
        {
            painter.text(
                at + Vec2::new(MARKER_RADIUS + 2.0, -MARKER_RADIUS - 2.0),
                Align2::LEFT_BOTTOM,
                group.join(", "),
                FontId::proportional(12.0),
                color,
            );
        }
        group.clear();
    };
    for &(row, at, n) in numbered.iter() {
        let joins = anchor.is_some_and(|(r, a)| r == row && at.x - a.x < 2.0 * MARKER_RADIUS);
        if !joins {
            flush(&mut group, anchor);
            anchor = Some((row, at));
        }
        group.push(n.to_string());
    }
    flush(&mut group, anchor);
}

/// How a marker reads to a screen reader or a test: "`missile_test` 2022-01-05: North Korea …".
#[must_use]
pub fn marker_label(e: &Event, kinds: &[Kind]) -> String {
    let when = e
        .interval
        .map_or_else(|| "undated".to_owned(), |iv| iv.start.to_string());
    format!("{} {when}: {}", kinds[e.kind].name, e.label)
}

/// Filled = happened, hollow = planned, dashed = claimed, crossed = cancelled or negated.
pub fn draw_marker(
    painter: &egui::Painter,
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

fn density_strips(
    painter: &egui::Painter,
    plot: &Rect,
    lane_h: f32,
    lanes: usize,
    in_view: &[(usize, usize, f32, f32)],
    input: &TimelineInput<'_>,
) {
    const BIN_PX: f32 = 4.0;
    let bins = ((plot.width() / BIN_PX).ceil() as usize).max(1);
    let mut counts = vec![vec![0u32; bins]; lanes];
    for &(_, row, x0, x1) in in_view {
        let x = f32::midpoint(x0, x1).clamp(plot.left(), plot.right() - 0.1);
        counts[row][((x - plot.left()) / BIN_PX) as usize] += 1;
    }
    for (row, lane) in counts.iter().enumerate() {
        let max = lane.iter().copied().max().unwrap_or(0).max(1) as f32;
        let kind = in_view
            .iter()
            .find(|v| v.1 == row)
            .map(|v| input.events[v.0].kind);
        let Some(kind) = kind else { continue };
        let color = kind_color(&input.kinds[kind]);
        let base = plot.top() + (row as f32 + 1.0) * lane_h - 3.0;
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
        }
    }
}

fn tooltip_ui(ui: &mut Ui, e: &Event, kinds: &[Kind]) {
    ui.strong(&e.label);
    if let Some(iv) = e.interval {
        ui.label(format!("{iv} ({:?} precision)", iv.precision).to_lowercase());
    }
    ui.label(
        format!(
            "{} · {:?} · {} source{}",
            kinds[e.kind].label,
            e.modality,
            e.sources.len(),
            if e.sources.len() == 1 { "" } else { "s" }
        )
        .to_lowercase(),
    );
}
