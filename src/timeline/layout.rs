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
pub const MAX_LANE_PX: f32 = 160.0;
/// One sub-row of a lane: a marker and its label.
pub const SUB_ROW_PX: f32 = 16.0;
/// A lane holds at least one sub-row of items and the row of cluster chips under it.
pub const MIN_LANE_PX: f32 = 2.0 * SUB_ROW_PX + 2.0;
/// Between a marker and its label, and between neighbours in a sub-row.
pub const LABEL_GAP: f32 = 4.0;
/// A label never takes more than this; longer ones end in "…".
pub const MAX_LABEL_PX: f32 = 220.0;
/// The width of a cluster chip ("12").
pub const CHIP_PX: f32 = 34.0;

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
        let lane_h = (plot.height() / lanes.max(1) as f32).clamp(MIN_LANE_PX, MAX_LANE_PX);
        Self { plot, lane_h }
    }

    /// The height that gives every lane `lane_h` points.
    #[must_use]
    pub fn height_for(lanes: usize, lane_h: f32) -> f32 {
        lanes.max(1) as f32 * lane_h + AXIS_PX
    }

    /// The height lanes are drawn in when `room` is what there is: all of it, or more (to be
    /// scrolled) when it would squeeze lanes below one labelled sub-row and the chip row.
    #[must_use]
    pub fn canvas_height(room: f32, lanes: usize) -> f32 {
        let needed = Self::height_for(lanes, MIN_LANE_PX);
        if room + 0.5 >= needed { room } else { needed }
    }

    #[must_use]
    pub fn mapping(&self, view: TimeView) -> Mapping {
        Mapping {
            view,
            left_px: self.plot.left(),
            right_px: self.plot.right(),
        }
    }

    /// The y of the middle of lane `row` (0 = top).
    #[must_use]
    pub fn lane_y(&self, row: usize) -> f32 {
        self.plot.top() + (row as f32 + 0.5) * self.lane_h
    }

    /// How many sub-rows of items a lane holds; one more, under them, holds cluster chips.
    #[must_use]
    pub fn item_rows(&self) -> usize {
        (((self.lane_h - 2.0) / SUB_ROW_PX).floor() as usize).max(2) - 1
    }

    /// The y of the middle of sub-row `sub` of lane `row`; sub-row [`Self::item_rows`] is
    /// the chip row.
    #[must_use]
    pub fn sub_row_y(&self, row: usize, sub: usize) -> f32 {
        self.plot.top() + row as f32 * self.lane_h + 1.0 + (sub as f32 + 0.5) * SUB_ROW_PX
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
    /// The date is one day: a dot, however wide the day is drawn.
    pub one_day: bool,
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
    items_of(events, 0..events.len(), shown, lanes, geometry, view)
}

/// [`items_in_view`] among the `candidates` (event indices, in order) only.
#[must_use]
pub fn items_of(
    events: &[Event],
    candidates: impl Iterator<Item = usize>,
    shown: &[bool],
    lanes: &[usize],
    geometry: &Geometry,
    view: TimeView,
) -> Vec<Item> {
    let m = geometry.mapping(view);
    let plot = geometry.plot;
    candidates
        .filter(|&i| shown.get(i).copied().unwrap_or(true))
        .filter_map(|i| {
            let e = events.get(i)?;
            let iv = e.interval?;
            let row = lanes.iter().position(|&k| k == e.kind)?;
            let x0 = m.x_from_day(axis::day_from_date(iv.start));
            let x1 = m.x_from_day(axis::day_from_date(iv.end) + 1.0);
            (x1 >= plot.left() && x0 <= plot.right()).then_some(Item {
                event: i,
                row,
                x0,
                x1,
                one_day: iv.start == iv.end,
            })
        })
        .collect()
}

/// An item placed in its lane: its sub-row, its marker (a dot for a day, a band for a longer
/// interval), and the room its label may take (none when there was no room for one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the items that were stacked.
    pub item: usize,
    pub event: usize,
    pub row: usize,
    pub sub: usize,
    pub center: Pos2,
    /// The interval's x span, clipped to the plot, when it is wider than a marker.
    pub band: Option<(f32, f32)>,
    pub label: Option<Rect>,
}

/// Events that found no room in their lane, shown as one chip with their count.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub row: usize,
    pub rect: Rect,
    pub events: Vec<usize>,
}

/// The labelled, stacked layout of the items in view.
#[derive(Debug, Clone, Default)]
pub struct Stacked {
    pub placed: Vec<Placed>,
    pub chips: Vec<Chip>,
}

impl Stacked {
    /// Every event placed or counted in a chip: nothing in view is hidden without a count.
    #[must_use]
    pub fn count(&self) -> usize {
        self.placed.len() + self.chips.iter().map(|c| c.events.len()).sum::<usize>()
    }

    /// What breaks the layout's promises, if anything: a marker, label or chip overlapping
    /// another of its lane or reaching outside the plot, or fewer than `items` events placed
    /// or counted. Tests and debug checks ask this of every layout they make.
    #[must_use]
    pub fn flaw(&self, geometry: &Geometry, items: usize) -> Option<String> {
        if self.count() != items {
            return Some(format!(
                "{} of {items} items placed or counted",
                self.count()
            ));
        }
        let plot = geometry.plot.expand(0.01);
        let mut boxes: Vec<(usize, Rect)> = Vec::with_capacity(2 * self.placed.len());
        for p in &self.placed {
            let marker = match p.band {
                Some((x0, x1)) => Rect::from_min_max(
                    Pos2::new(x0, p.center.y - MARKER_RADIUS),
                    Pos2::new(x1, p.center.y + MARKER_RADIUS),
                ),
                None => Rect::from_center_size(p.center, egui::Vec2::splat(2.0 * MARKER_RADIUS)),
            };
            boxes.push((p.row, marker));
            // A label inside its own band is part of it.
            let on_band = |label: &Rect| p.band.is_some_and(|(_, x1)| label.right() <= x1 + 0.01);
            if let Some(label) = p.label.filter(|l| !on_band(l)) {
                boxes.push((p.row, label));
            }
        }
        boxes.extend(self.chips.iter().map(|c| (c.row, c.rect)));
        if let Some((row, b)) = boxes.iter().find(|(_, b)| !plot.contains_rect(*b)) {
            return Some(format!(
                "lane {row}: {b:?} reaches outside the plot {plot:?}"
            ));
        }
        // By left edge, so each box is compared only with those that start before it ends.
        boxes.sort_by(|(ra, a), (rb, b)| {
            (ra, a.left())
                .partial_cmp(&(rb, b.left()))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for (i, (row, a)) in boxes.iter().enumerate() {
            let a = a.shrink(0.01);
            for (other, b) in boxes[i + 1..]
                .iter()
                .take_while(|(r, b)| r == row && b.left() < a.right())
            {
                if a.intersects(b.shrink(0.01)) {
                    return Some(format!("lane {other}: {a:?} and {b:?} overlap"));
                }
            }
        }
        None
    }
}

/// Places `items` the way vis-timeline stacks its items: in each lane, by start, each in the
/// first sub-row that is free where it starts, with its label (`label_px(item index)` wide, at
/// most [`MAX_LABEL_PX`], cut at the plot's right edge); when every sub-row is taken there, it
/// joins a chip in the lane's chip row. No two markers, labels or chips of a lane overlap.
#[must_use]
pub fn stack(items: &[Item], geometry: &Geometry, label_px: impl Fn(usize) -> f32) -> Stacked {
    let plot = geometry.plot;
    let rows = geometry.item_rows();
    let r = MARKER_RADIUS;
    let mut order: Vec<(usize, f32)> = items
        .iter()
        .enumerate()
        .map(|(k, item)| (k, start_x(item, plot)))
        .collect();
    order.sort_by(|a, b| {
        (items[a.0].row, a.1)
            .partial_cmp(&(items[b.0].row, b.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out = Stacked::default();
    let mut ends: Vec<f32> = vec![f32::NEG_INFINITY; rows];
    let mut lane = usize::MAX;
    for (k, left) in order {
        let item = &items[k];
        if item.row != lane {
            lane = item.row;
            ends.fill(f32::NEG_INFINITY);
        }
        let band = is_band(item).then(|| (item.x0.max(plot.left()), item.x1.min(plot.right())));
        let wanted = label_px(k).min(MAX_LABEL_PX);
        // A dot sits on its day; a band wide enough for its label carries it inside, from its
        // left end; a narrower one has it after its right bracket, where a label written
        // over the bracket would read as part of a word ("[Fr]ance visits").
        let (mark_right, label_left) = match band {
            Some((x0, x1)) if x1 - x0 >= wanted + 2.0 * LABEL_GAP => (x1, x0 + LABEL_GAP),
            Some((_, x1)) => (x1, x1 + LABEL_GAP),
            None => (left + 2.0 * r, left + 2.0 * r + LABEL_GAP),
        };
        let right_room = plot.right() - label_left;
        let label_inside = band.is_some_and(|(x0, _)| label_left < x0 + 2.0 * LABEL_GAP);
        // Near the plot's right edge a label outside its marker goes to its left, if a
        // sub-row has room there.
        let leftward = (!label_inside && right_room < wanted && right_room < LEFT_LABEL_BELOW_PX)
            .then(|| {
                let w = wanted.min(left - LABEL_GAP - plot.left());
                (w >= 1.0).then_some(Slot {
                    from: left - LABEL_GAP - w,
                    label_x: left - LABEL_GAP - w,
                    width: Some(w),
                    to: mark_right,
                })
            })
            .flatten();
        let rightward = {
            let w = wanted.min(right_room);
            let width = (w >= 1.0).then_some(w);
            Slot {
                from: left,
                label_x: label_left,
                width,
                to: width.map_or(mark_right, |w| mark_right.max(label_left + w)),
            }
        };
        let fit = leftward.into_iter().chain([rightward]).find_map(|slot| {
            (0..rows)
                .find(|&sub| ends[sub] + LABEL_GAP <= slot.from)
                .map(|sub| (sub, slot))
        });
        if let Some((sub, slot)) = fit {
            ends[sub] = slot.to;
            let y = geometry.sub_row_y(item.row, sub);
            out.placed.push(Placed {
                item: k,
                event: item.event,
                row: item.row,
                sub,
                center: Pos2::new(left + r, y),
                band,
                label: slot.width.map(|w| {
                    Rect::from_min_max(
                        Pos2::new(slot.label_x, y - SUB_ROW_PX / 2.0 + 1.0),
                        Pos2::new(slot.label_x + w, y + SUB_ROW_PX / 2.0 - 1.0),
                    )
                }),
            });
            continue;
        }
        let y = geometry.sub_row_y(item.row, rows);
        let chip_left = (left + r - CHIP_PX / 2.0)
            .max(plot.left())
            .min(plot.right() - CHIP_PX);
        match out.chips.last_mut() {
            Some(chip) if chip.row == item.row && chip_left < chip.rect.right() + LABEL_GAP => {
                chip.events.push(item.event);
            }
            _ => out.chips.push(Chip {
                row: item.row,
                rect: Rect::from_min_max(
                    Pos2::new(chip_left, y - SUB_ROW_PX / 2.0 + 1.0),
                    Pos2::new(chip_left + CHIP_PX, y + SUB_ROW_PX / 2.0 - 1.0),
                ),
                events: vec![item.event],
            }),
        }
    }
    out
}

/// An interval longer than a day, drawn wider than a dot, is a band.
fn is_band(item: &Item) -> bool {
    !item.one_day && item.x1 - item.x0 > 2.0 * MARKER_RADIUS
}

/// Below this much room on its right, a dot's label goes to its left.
const LEFT_LABEL_BELOW_PX: f32 = 120.0;

/// Where an item and its label would sit in a sub-row: from `from` to `to`, the label at
/// `label_x` (`width` wide, or none).
#[derive(Debug, Clone, Copy)]
struct Slot {
    from: f32,
    label_x: f32,
    width: Option<f32>,
    to: f32,
}

/// Where an item's marker begins: its day's dot, or its band's left end, kept in the plot.
fn start_x(item: &Item, plot: Rect) -> f32 {
    let r = MARKER_RADIUS;
    let left = if is_band(item) {
        item.x0
    } else {
        f32::midpoint(item.x0, item.x1) - r
    };
    left.max(plot.left()).min(plot.right() - 2.0 * r)
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
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(1000.0, 1000.0));
        let g = Geometry::new(rect, 4);
        assert!((g.lane_h - MAX_LANE_PX).abs() < f32::EPSILON);
        let g = Geometry::new(rect, 10);
        assert!((g.lane_h - (1000.0 - AXIS_PX) / 10.0).abs() < 1e-3);
        assert!((g.lane_y(0) - g.lane_h / 2.0).abs() < 1e-4);
        assert_eq!(
            g.item_rows(),
            4,
            "97 px: five rows of 16, the last for chips"
        );
        let g = Geometry::new(rect, 100);
        assert!((g.lane_h - MIN_LANE_PX).abs() < f32::EPSILON);
        assert_eq!(g.item_rows(), 1);
        // Too short for its lanes: drawn taller, to be scrolled, rather than cut off.
        let needed = Geometry::height_for(100, MIN_LANE_PX);
        assert!((Geometry::canvas_height(1000.0, 100) - needed).abs() < f32::EPSILON);
        assert!((Geometry::canvas_height(1000.0, 4) - 1000.0).abs() < f32::EPSILON);
    }

    fn item(event: usize, row: usize, x: f32) -> Item {
        Item {
            event,
            row,
            x0: x,
            x1: x + 1.0,
            one_day: true,
        }
    }

    fn assert_no_overlap(stacked: &Stacked, geometry: &Geometry, items: usize) {
        if let Some(flaw) = stacked.flaw(geometry, items) {
            panic!("{flaw}");
        }
    }

    #[test]
    fn same_day_events_stack_into_sub_rows_and_the_rest_become_one_chip() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 400.0));
        let g = Geometry::new(rect, 2);
        let rows = g.item_rows();
        let items: Vec<Item> = (0..rows + 3).map(|k| item(k, 0, 400.0)).collect();
        let stacked = stack(&items, &g, |_| 100.0);
        assert_eq!(stacked.placed.len(), rows);
        assert_eq!(stacked.chips.len(), 1);
        assert_eq!(stacked.chips[0].events.len(), 3);
        assert_no_overlap(&stacked, &g, items.len());
        // Far apart, all on one sub-row, each with its label.
        let apart: Vec<Item> = (0..4)
            .map(|k| item(k, 1, 150.0 + 150.0 * k as f32))
            .collect();
        let stacked = stack(&apart, &g, |_| 100.0);
        assert!(
            stacked
                .placed
                .iter()
                .all(|p| p.sub == 0 && p.label.is_some())
        );
        assert_no_overlap(&stacked, &g, apart.len());
    }

    #[test]
    fn a_band_carries_its_label_only_when_the_label_fits_inside() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(1000.0, 200.0));
        let g = Geometry::new(rect, 1);
        let band = |event, x0, x1| Item {
            event,
            row: 0,
            x0,
            x1,
            one_day: false,
        };
        let items = [
            band(0, 200.0, 230.0),
            band(1, 500.0, 900.0),
            band(2, 930.0, 960.0),
        ];
        let stacked = stack(&items, &g, |_| 100.0);
        assert_no_overlap(&stacked, &g, items.len());
        let label = |event| {
            stacked
                .placed
                .iter()
                .find(|p| p.event == event)
                .and_then(|p| p.label)
                .expect("room for a label")
        };
        assert!(
            label(0).left() > 230.0,
            "after the narrow band: {:?}",
            label(0)
        );
        let inside = label(1);
        assert!(
            inside.left() > 500.0 && inside.right() < 900.0,
            "{inside:?}"
        );
        // At the right edge there is no room after the band: the label goes before it.
        assert!(label(2).right() < 930.0, "{:?}", label(2));
        assert!(label(2).width() >= 99.0, "{:?}", label(2));
    }

    #[test]
    fn ten_thousand_crowded_events_never_overlap() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(1400.0, 700.0));
        let g = Geometry::new(rect, 6);
        // A deterministic scatter: clumps and gaps, long and short labels, some bands.
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as f32 / (1u64 << 31) as f32
        };
        let items: Vec<Item> = (0..10_000)
            .map(|k| {
                let x = g.plot.left() + next().powi(2) * g.plot.width();
                let wide = next() < 0.1;
                Item {
                    event: k,
                    row: k % 6,
                    x0: x,
                    x1: if wide { x + 200.0 * next() } else { x + 0.5 },
                    one_day: !wide,
                }
            })
            .collect();
        let widths: Vec<f32> = (0..items.len()).map(|_| 20.0 + 300.0 * next()).collect();
        let stacked = stack(&items, &g, |k| widths[k]);
        assert_no_overlap(&stacked, &g, items.len());
    }
}
