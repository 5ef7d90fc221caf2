//! The interactive timeline in the window: one canvas response for pan, zoom, hover and click,
//! the marker nearest the pointer taking hover and click (`egui_plot` and Rerun's time panel hit
//! test the same way), and an accessibility node per marker for screen readers and UI tests.

use egui::{Sense, Ui, WidgetInfo};

use super::axis::TimeView;
use super::layout::{self, MARKER_RADIUS};
use super::paint::{self, TimelineInput};
use crate::events::{Event, Kind};

/// Below this height the timeline has no overview strip, however few its lanes.
const MIN_HEIGHT_FOR_OVERVIEW: f32 = 180.0;

/// What the timeline asks the app to do; applied after the frame.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum TimelineCommand {
    Select(Option<usize>),
    SetView(TimeView),
    FitAll,
}

/// Draws the timeline into all of `ui`'s available space.
pub fn timeline_ui(ui: &mut Ui, input: &TimelineInput<'_>) -> Vec<TimelineCommand> {
    let size = ui.available_size();
    // Lanes never shrink below one labelled sub-row and the chip row: a lane cut off at the
    // bottom would hide its events without a count. The overview strip under them gives
    // way first; then the lanes scroll, by the bar only, since the wheel zooms time.
    let lanes = layout::lanes(input.kinds, input.visible).len();
    let lanes_h = layout::Geometry::height_for(lanes, layout::MIN_LANE_PX);
    let overview_h =
        if size.y >= MIN_HEIGHT_FOR_OVERVIEW.max(lanes_h + super::overview::OVERVIEW_PX) {
            super::overview::OVERVIEW_PX
        } else {
            0.0
        };
    let room = size.y - overview_h;
    let needed = layout::Geometry::canvas_height(room, lanes);
    let (mut commands, plot_x) = if needed <= room {
        lanes_ui(ui, input, room)
    } else {
        egui::ScrollArea::vertical()
            .id_salt("timeline lanes")
            .max_height(room)
            .auto_shrink([false, false])
            .scroll_source(egui::scroll_area::ScrollSource::SCROLL_BAR)
            .show(ui, |ui| lanes_ui(ui, input, needed))
            .inner
    };
    if overview_h > 0.0 {
        let (strip, _) = ui.allocate_exact_size(egui::vec2(size.x, overview_h), Sense::hover());
        commands.extend(
            super::overview::overview_ui(ui, strip, plot_x, input).map(TimelineCommand::SetView),
        );
    }
    commands
}

/// The lanes, `height` points tall, with everything they answer to: pan, zoom, hover, click,
/// chips, density columns and the edge counts. Returns the plot's left and right x.
fn lanes_ui(
    ui: &mut Ui,
    input: &TimelineInput<'_>,
    height: f32,
) -> (Vec<TimelineCommand>, (f32, f32)) {
    let mut commands = Vec::new();
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    let drawn = paint::paint(&painter, rect, ui.visuals(), input);
    describe_markers(ui, &drawn.markers, input);
    describe_chips(ui, &drawn.chips);
    let edges = edge_markers(ui, &painter, &drawn);
    let plot_x = (drawn.geometry.plot.left(), drawn.geometry.plot.right());

    let reach = ui.style().interaction.interact_radius;
    let under = |pos: Option<egui::Pos2>| {
        pos.and_then(|p| layout::closest(&drawn.markers, p, reach))
            .map(|m| m.event)
    };
    let hovered = under(response.hover_pos());
    if hovered.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let m = drawn.geometry.mapping(input.view);
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
    let chip_under = |pos: Option<egui::Pos2>| {
        pos.and_then(|p| drawn.chips.iter().find(|c| c.rect.expand(2.0).contains(p)))
    };
    let hovered_chip = chip_under(response.hover_pos());
    let bin_under =
        |pos: Option<egui::Pos2>| pos.and_then(|p| drawn.bins.iter().find(|b| b.rect.contains(p)));
    let hovered_bin = bin_under(response.hover_pos());
    let edge_under =
        |pos: Option<egui::Pos2>| pos.and_then(|p| edges.iter().find(|(rect, _)| rect.contains(p)));
    if edge_under(response.hover_pos()).is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.double_clicked() {
        commands.push(TimelineCommand::FitAll);
    } else if let Some((_, side)) = response
        .clicked()
        .then(|| edge_under(response.interact_pointer_pos()))
        .flatten()
    {
        // Jump to the events past that edge.
        let view = input.view;
        let past =
            |&(i, e): &(usize, &Event)| is_listed(i, e, input) && beyond(e, view) == Some(*side);
        let beyond = input.events.iter().enumerate().filter(past).map(|(_, e)| e);
        if let Some(view) = super::axis::fit_events(beyond) {
            commands.push(TimelineCommand::SetView(view));
        }
    } else if let Some(chip) = response
        .clicked()
        .then(|| chip_under(response.interact_pointer_pos()))
        .flatten()
    {
        // A chip opens by zooming to the events it counts.
        if let Some(view) = super::axis::fit_events(chip.events.iter().map(|&i| &input.events[i])) {
            commands.push(TimelineCommand::SetView(view));
        }
    } else if let Some(bin) = response
        .clicked()
        .then(|| bin_under(response.interact_pointer_pos()))
        .flatten()
    {
        // A column opens into its days, with its neighbours either side for context.
        let span = (bin.end_day - bin.start_day).max(1.0);
        commands.push(TimelineCommand::SetView(TimeView {
            start_day: bin.start_day - 2.0 * span,
            end_day: bin.end_day + 2.0 * span,
        }));
    } else if response.clicked() {
        let clicked = under(response.interact_pointer_pos()).map(|i| input.events[i].id);
        commands.push(TimelineCommand::Select(clicked));
    }
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));
    if let Some(i) = hovered {
        let event = &input.events[i];
        response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, event, input.kinds));
    } else if let Some(bin) = hovered_bin {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ZoomIn);
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("{} events", bin.count));
            ui.label(format!(
                "{} – {}; click to zoom in",
                super::axis::date_from_day(bin.start_day),
                super::axis::date_from_day(bin.end_day)
            ));
        });
    } else if let Some(chip) = hovered_chip {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ZoomIn);
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(format!(
                "{} events here; click to zoom in",
                chip.events.len()
            ));
            for &i in chip.events.iter().take(CHIP_TOOLTIP_ROWS) {
                let e = &input.events[i];
                ui.label(format!("{}  {}", e.when_text(), e.label));
            }
            if chip.events.len() > CHIP_TOOLTIP_ROWS {
                ui.weak(format!(
                    "… and {} more",
                    chip.events.len() - CHIP_TOOLTIP_ROWS
                ));
            }
        });
    }
    (commands, plot_x)
}

/// Which edge of the view a marker points past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Earlier,
    Later,
}

/// The edge of `view` an event's dates lie wholly past, if any.
fn beyond(e: &Event, view: TimeView) -> Option<Edge> {
    let iv = e.interval?;
    if super::axis::day_from_date(iv.end) + 1.0 < view.start_day {
        Some(Edge::Earlier)
    } else if super::axis::day_from_date(iv.start) > view.end_day {
        Some(Edge::Later)
    } else {
        None
    }
}

/// An event the timeline would draw if its date were in view: shown, dated, its kind visible.
fn is_listed(index: usize, e: &Event, input: &TimelineInput<'_>) -> bool {
    input.shown.get(index).copied().unwrap_or(true)
        && input.visible.get(e.kind).copied().unwrap_or(true)
        && e.interval.is_some()
}

/// "< 3 earlier events" and "2 later events >" at the plot's top corners when dated events lie outside the
/// view, so an outlier left out of the first view is never out of mind. Returns where they
/// were drawn, to be clicked.
fn edge_markers(
    ui: &Ui,
    painter: &egui::Painter,
    drawn: &paint::Painted,
) -> Vec<(egui::Rect, Edge)> {
    let geometry = &drawn.geometry;
    let (earlier, later) = (drawn.earlier, drawn.later);
    let plot = geometry.plot;
    let mut out = Vec::new();
    let plural = |n: usize| if n == 1 { "event" } else { "events" };
    for (count, edge) in [(earlier, Edge::Earlier), (later, Edge::Later)] {
        if count == 0 {
            continue;
        }
        let (text, anchor, at) = match edge {
            Edge::Earlier => (
                format!("< {count} earlier {}", plural(count)),
                egui::Align2::LEFT_BOTTOM,
                egui::pos2(plot.left() + 2.0, plot.bottom() - 2.0),
            ),
            Edge::Later => (
                format!("{count} later {} >", plural(count)),
                egui::Align2::RIGHT_BOTTOM,
                egui::pos2(plot.right() - 2.0, plot.bottom() - 2.0),
            ),
        };
        let rect = painter.text(
            at,
            anchor,
            text.clone(),
            egui::FontId::proportional(12.0),
            ui.visuals().hyperlink_color,
        );
        let id = ui.make_persistent_id(("edge", count, edge == Edge::Later));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Button);
            node.set_label(text);
            node.add_action(egui::accesskit::Action::Click);
            node.set_bounds(egui::accesskit::Rect {
                x0: f64::from(rect.left()),
                y0: f64::from(rect.top()),
                x1: f64::from(rect.right()),
                y1: f64::from(rect.bottom()),
            });
        });
        out.push((rect.expand(3.0), edge));
    }
    out
}

/// How many of a chip's events its tooltip lists.
const CHIP_TOOLTIP_ROWS: usize = 12;

/// One accessibility node per chip ("3 more events"), clickable like a button.
fn describe_chips(ui: &Ui, chips: &[layout::Chip]) {
    for chip in chips {
        let id = ui.make_persistent_id(("chip", chip.row, chip.events.first().copied()));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Button);
            node.set_label(format!("{} more events", chip.events.len()));
            node.add_action(egui::accesskit::Action::Click);
            node.set_bounds(egui::accesskit::Rect {
                x0: f64::from(chip.rect.left()),
                y0: f64::from(chip.rect.top()),
                x1: f64::from(chip.rect.right()),
                y1: f64::from(chip.rect.bottom()),
            });
        });
    }
}

/// One accessibility node per marker, with its bounds, so a screen reader can list the events
/// and a test can click one; nothing is built when accessibility is off.
fn describe_markers(ui: &Ui, markers: &[layout::PlacedMarker], input: &TimelineInput<'_>) {
    let half = MARKER_RADIUS + 2.0;
    for marker in markers {
        let e = &input.events[marker.event];
        let id = ui.make_persistent_id(("event", e.id));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Button);
            node.set_label(marker_label(e, input.kinds));
            node.add_action(egui::accesskit::Action::Click);
            let c = marker.center;
            node.set_bounds(egui::accesskit::Rect {
                x0: f64::from(c.x - half),
                y0: f64::from(c.y - half),
                x1: f64::from(c.x + half),
                y1: f64::from(c.y + half),
            });
        });
    }
}

/// How a marker reads to a screen reader or a test: "`missile_test` 2022-01-05: North Korea …".
#[must_use]
pub fn marker_label(e: &Event, kinds: &[Kind]) -> String {
    format!("{} {}: {}", kinds[e.kind].name, e.start_text(), e.label)
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
