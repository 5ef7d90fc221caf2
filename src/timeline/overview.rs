//! The overview strip under the lanes: the whole extent of the listed events with their
//! density, and the visible range as a window you drag to pan, resize by its edges to zoom,
//! or move by clicking elsewhere in the strip (as in Rerun's time panel and most minimaps).

use egui::{CornerRadius, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};

use super::axis::{TimeView, date_from_day, day_from_date};
use super::paint::TimelineInput;

/// Height of the strip, its handles' width, and its columns' width.
pub const OVERVIEW_PX: f32 = 34.0;
const HANDLE_PX: f32 = 6.0;
const COLUMN_PX: f32 = 3.0;
/// The shortest view the handles may make, in days.
const MIN_SPAN_DAYS: f64 = 1.0;

/// The days the strip shows: every listed event and the view, with a margin.
fn strip_range(input: &TimelineInput<'_>) -> Option<TimeView> {
    let extent = match input.index {
        Some(index) => index.extent(),
        None => input
            .events
            .iter()
            .enumerate()
            .filter(|&(i, _)| input.shown.get(i).copied().unwrap_or(true))
            .filter_map(|(_, e)| e.interval)
            .map(|iv| (day_from_date(iv.start), day_from_date(iv.end) + 1.0))
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1))),
    }?;
    let first = extent.0.min(input.view.start_day);
    let last = extent.1.max(input.view.end_day);
    Some(TimeView::fit(first, last))
}

/// Listed events per column of the strip, by first day.
fn columns(input: &TimelineInput<'_>, range: TimeView, n: usize) -> Vec<u32> {
    if let Some(index) = input.index {
        let mut total = vec![0u32; n];
        for kind in 0..input.kinds.len() {
            if !input.visible.get(kind).copied().unwrap_or(true) {
                continue;
            }
            for (t, c) in total.iter_mut().zip(index.density(kind, range, n)) {
                *t = t.saturating_add(c);
            }
        }
        return total;
    }
    let mut total = vec![0u32; n];
    let per_column = range.span() / n.max(1) as f64;
    for (i, e) in input.events.iter().enumerate() {
        let listed = input.shown.get(i).copied().unwrap_or(true)
            && input.visible.get(e.kind).copied().unwrap_or(true);
        let Some(iv) = e.interval.filter(|_| listed) else {
            continue;
        };
        let column = ((day_from_date(iv.start) - range.start_day) / per_column).floor();
        if column >= 0.0 && (column as usize) < n {
            total[column as usize] += 1;
        }
    }
    total
}

/// Draws the strip in `rect`; the view that drags and clicks on it ask for, if any.
pub fn overview_ui(
    ui: &mut Ui,
    rect: Rect,
    plot_x: (f32, f32),
    input: &TimelineInput<'_>,
) -> Option<TimeView> {
    let range = strip_range(input)?;
    let strip = Rect::from_min_max(
        Pos2::new(plot_x.0, rect.top() + 4.0),
        Pos2::new(plot_x.1, rect.bottom() - 2.0),
    );
    if strip.width() < 40.0 || strip.height() < 10.0 {
        return None;
    }
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(strip, CornerRadius::same(3), visuals.extreme_bg_color);
    let per_px = range.span() / f64::from(strip.width());
    let x_of = |day: f64| strip.left() + ((day - range.start_day) / per_px) as f32;
    let day_of = |x: f32| range.start_day + f64::from(x - strip.left()) * per_px;

    let n = ((strip.width() / COLUMN_PX) as usize).max(1);
    let counts = columns(input, range, n);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let color = visuals.text_color().gamma_multiply(0.45);
    for (c, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let h = (strip.height() - 4.0) * (count as f32 / max).sqrt();
        let x = strip.left() + c as f32 * COLUMN_PX;
        painter.rect_filled(
            Rect::from_min_max(
                Pos2::new(x, strip.bottom() - 2.0 - h),
                Pos2::new(x + COLUMN_PX - 0.5, strip.bottom() - 2.0),
            ),
            CornerRadius::ZERO,
            color,
        );
    }

    let view = input.view;
    let window = Rect::from_min_max(
        Pos2::new(x_of(view.start_day).max(strip.left()), strip.top()),
        Pos2::new(x_of(view.end_day).min(strip.right()), strip.bottom()),
    );
    // At least a few pixels wide, so a narrow view can still be grabbed.
    let window = if window.width() < 4.0 {
        Rect::from_center_size(window.center(), Vec2::new(4.0, window.height()))
    } else {
        window
    };
    let accent = visuals.selection.bg_fill;
    painter.rect_filled(window, CornerRadius::same(2), accent.gamma_multiply(0.25));
    painter.rect_stroke(
        window,
        CornerRadius::same(2),
        Stroke::new(1.5, accent),
        egui::StrokeKind::Inside,
    );

    // Later interactions are on top: the handles, then the window, then the strip.
    let strip_response = ui.interact(strip, ui.make_persistent_id("overview"), Sense::click());
    strip_response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, "Overview"));
    let window_response = ui.interact(
        window,
        ui.make_persistent_id("overview-window"),
        Sense::drag(),
    );
    window_response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, "Visible range"));
    let handle = |x: f32| {
        Rect::from_center_size(
            Pos2::new(x, strip.center().y),
            Vec2::new(HANDLE_PX, strip.height()),
        )
    };
    let left = ui.interact(
        handle(window.left()),
        ui.make_persistent_id("overview-start"),
        Sense::drag(),
    );
    left.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, "Visible range start"));
    let right = ui.interact(
        handle(window.right()),
        ui.make_persistent_id("overview-end"),
        Sense::drag(),
    );
    right.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, "Visible range end"));
    for edge in [&left, &right] {
        if edge.hovered() || edge.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
    }
    if window_response.hovered() || window_response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    let dx = |r: &egui::Response| f64::from(r.drag_delta().x) * per_px;

    let command = if left.dragged() {
        let start = (view.start_day + dx(&left)).min(view.end_day - MIN_SPAN_DAYS);
        Some(TimeView {
            start_day: start,
            end_day: view.end_day,
        })
    } else if right.dragged() {
        let end = (view.end_day + dx(&right)).max(view.start_day + MIN_SPAN_DAYS);
        Some(TimeView {
            start_day: view.start_day,
            end_day: end,
        })
    } else if window_response.dragged() {
        Some(view.panned(dx(&window_response)))
    } else {
        // A click elsewhere in the strip centres the view there.
        strip_response
            .clicked()
            .then(|| strip_response.interact_pointer_pos())
            .flatten()
            .map(|pos| view.panned(day_of(pos.x) - (view.start_day + view.span() / 2.0)))
    };
    if let Some(pos) = strip_response.hover_pos()
        && !window_response.hovered()
        && !left.hovered()
        && !right.hovered()
    {
        strip_response.on_hover_text_at_pointer(format!(
            "{}: click to look here",
            date_from_day(day_of(pos.x))
        ));
    }
    command
}
