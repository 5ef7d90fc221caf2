//! Where things go, with no drawing: the lanes, the plot inside the rectangle the timeline is
//! given, which events are in view and where their markers sit, and which marker is nearest
//! a pointer. The window, the PNG figure and the tests all place markers with this.

use egui::{Pos2, Rect};

use super::axis::{self, Mapping, TimeView};
use crate::events::{Event, Kind};

/// Above this many markers in view, lanes show a density strip instead.
pub const MAX_MARKERS: usize = 3000;
pub const LANE_LABEL_PX: f32 = 120.0;
pub const AXIS_PX: f32 = 26.0;
pub const MARKER_RADIUS: f32 = 6.0;
/// Lanes never grow taller than this; a taller view leaves room under them.
pub const MAX_LANE_PX: f32 = 80.0;

/// Where the parts of the timeline go inside the rectangle it is given.
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

/// A dated event in view: its lane row and the x span of its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub event: usize,
    pub row: usize,
    pub x0: f32,
    pub x1: f32,
}

impl Item {
    /// Where its marker sits: the middle of its interval, on its lane.
    #[must_use]
    pub fn center(&self, geometry: &Geometry) -> Pos2 {
        Pos2::new(f32::midpoint(self.x0, self.x1), geometry.lane_y(self.row))
    }
}

/// The shown, dated events of a drawn lane whose interval reaches into the plot.
#[must_use]
pub fn items_in_view(
    events: &[Event],
    shown: &[bool],
    lanes: &[usize],
    geometry: &Geometry,
    view: TimeView,
) -> Vec<Item> {
    let m = geometry.mapping(view);
    let plot = geometry.plot;
    events
        .iter()
        .enumerate()
        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, e)| {
            let iv = e.interval?;
            let row = lanes.iter().position(|&k| k == e.kind)?;
            let x0 = m.x_from_day(axis::day_from_date(iv.start));
            let x1 = m.x_from_day(axis::day_from_date(iv.end) + 1.0);
            (x1 >= plot.left() && x0 <= plot.right()).then_some(Item {
                event: i,
                row,
                x0,
                x1,
            })
        })
        .collect()
}

/// A marker as drawn: which event, and where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedMarker {
    pub event: usize,
    pub center: Pos2,
}

/// The marker nearest `pos` whose edge is within `radius` of it; ties go to the one drawn
/// last, which is the one on top.
#[must_use]
pub fn closest(markers: &[PlacedMarker], pos: Pos2, radius: f32) -> Option<PlacedMarker> {
    let reach = (MARKER_RADIUS + radius).powi(2);
    markers
        .iter()
        .map(|m| (m.center.distance_sq(pos), m))
        .filter(|(d, _)| *d <= reach)
        .fold(
            None,
            |best: Option<(f32, &PlacedMarker)>, (d, m)| match best {
                Some((bd, _)) if bd < d => best,
                _ => Some((d, m)),
            },
        )
        .map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_takes_the_nearest_within_reach_and_the_top_one_on_ties() {
        let at = |event, x| PlacedMarker {
            event,
            center: Pos2::new(x, 10.0),
        };
        let markers = [at(0, 0.0), at(1, 10.0), at(2, 10.0), at(3, 40.0)];
        let pick = |x| closest(&markers, Pos2::new(x, 10.0), 5.0).map(|m| m.event);
        assert_eq!(pick(3.0), Some(0));
        assert_eq!(
            pick(8.0),
            Some(2),
            "of two markers on one spot, the top one"
        );
        assert_eq!(pick(25.0), None, "15 px from the nearest: out of reach");
        assert_eq!(pick(30.0), Some(3));
    }

    #[test]
    fn lanes_grow_to_the_space_but_not_past_the_cap() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(1000.0, 426.0));
        let g = Geometry::new(rect, 4);
        assert!((g.lane_h - MAX_LANE_PX).abs() < f32::EPSILON);
        let g = Geometry::new(rect, 10);
        assert!((g.lane_h - 40.0).abs() < 1e-4);
        assert!((g.lane_y(0) - 20.0).abs() < 1e-4);
    }
}
