//! What one frame of the timeline shows and where, with no drawing: the lanes, which events
//! the view reaches, their labels and stacked places, or the density counts that stand in for
//! them when they would crowd. The window, the PNG figure and the tests all start here, so
//! what a test checks is what both draw.

use egui::Rect;

use super::axis::{self, TimeView};
use super::index::ViewIndex;
use super::layout::{self, Geometry, Item, MAX_MARKERS, Stacked};
use crate::events::{Event, Kind};

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
    pub index: Option<&'a ViewIndex>,
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

/// A frame of the timeline, arranged.
#[derive(Debug, Clone)]
pub struct Arrangement {
    pub geometry: Geometry,
    /// The kinds drawn as lanes, top to bottom.
    pub lanes: Vec<usize>,
    /// Listed events wholly before and after the view.
    pub earlier: usize,
    pub later: usize,
    pub content: Content,
}

/// What the lanes hold.
#[derive(Debug, Clone)]
pub enum Content {
    /// Labelled, stacked markers: `labels[k]` is the text of `items[k]`, and the stacked
    /// layout refers to items by that index.
    Markers {
        items: Vec<Item>,
        labels: Vec<String>,
        stacked: Stacked,
    },
    /// More than [`MAX_MARKERS`] in view: per drawn lane, how many events start in each
    /// column of [`DENSITY_COLUMN_PX`].
    Density(Vec<Vec<u32>>),
}

/// Arranges the timeline in `rect`. With an index only the events near the view are looked
/// at, and a crowded view is counted and binned without listing its events.
#[must_use]
pub fn arrange(input: &TimelineInput<'_>, rect: Rect) -> Arrangement {
    let lanes = layout::lanes(input.kinds, input.visible);
    let geometry = Geometry::new(rect, lanes.len());
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
    let content = if let Some(index) = crowded {
        let columns = density_columns(&geometry);
        Content::Density(
            lanes
                .iter()
                .map(|&kind| index.density(kind, input.view, columns))
                .collect(),
        )
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
        Content::Density(counts)
    } else {
        let labels: Vec<String> = items
            .iter()
            .map(|item| label_text(&input.events[item.event], input.numbers))
            .collect();
        let widths: Vec<f32> = labels.iter().map(|t| label_px(t)).collect();
        let stacked = layout::stack(&items, &geometry, |k| widths[k]);
        Content::Markers {
            items,
            labels,
            stacked,
        }
    };
    Arrangement {
        geometry,
        lanes,
        earlier,
        later,
        content,
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
        if axis::day_from_date(iv.end) + 1.0 < input.view.start_day {
            earlier += 1;
        } else if axis::day_from_date(iv.start) > input.view.end_day {
            later += 1;
        }
    }
    (earlier, later)
}

/// Columns of a density strip across the plot.
fn density_columns(geometry: &Geometry) -> usize {
    ((geometry.plot.width() / DENSITY_COLUMN_PX).ceil() as usize).max(1)
}

/// Width of a density strip's column.
pub(crate) const DENSITY_COLUMN_PX: f32 = 4.0;
