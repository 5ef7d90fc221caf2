//! The exported figure as egui UI: title, date range, legend, the window's own timeline view,
//! and the numbered source list that makes the image citable on its own.

use egui::{Color32, FontId, Margin, Pos2, Rect, RichText, Sense, Ui, Vec2};

use crate::events::{Event, Kind, Modality};
use crate::timeline::{self, TimeView, TimelineInput};

/// One numbered event of the source list.
#[derive(Debug, Clone)]
pub struct Entry {
    pub number: u32,
    /// "2022-01-05 · Missile test · North Korea fires …"
    pub heading: String,
    pub color: Color32,
    pub lines: Vec<SourceLine>,
}

/// `001_585025c503813674.txt ¶6 — "…fired what it claimed…"`
#[derive(Debug, Clone)]
pub struct SourceLine {
    pub citation: String,
    /// None: the paragraphs are only cited, not quoted.
    pub quote: Option<String>,
}

impl SourceLine {
    #[must_use]
    pub fn text(&self) -> String {
        match &self.quote {
            Some(quote) => format!("{} — “{quote}”", self.citation),
            None => self.citation.clone(),
        }
    }
}

pub struct FigureInput<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub events: &'a [Event],
    pub kinds: &'a [Kind],
    /// Per kind: drawn as a lane.
    pub visible: &'a [bool],
    /// Per event: inside the view and of a drawn kind.
    pub shown: &'a [bool],
    pub numbers: &'a [Option<u32>],
    pub view: TimeView,
    /// Points given to the timeline view.
    pub chart_height: f32,
    pub entries: &'a [Entry],
    /// Said instead of the list when it was left out.
    pub list_note: Option<String>,
}

impl FigureInput<'_> {
    /// The timeline view as the figure draws it: numbers written into the labels, where the
    /// stacked layout keeps them apart, and nothing selected.
    #[must_use]
    pub fn timeline(&self) -> TimelineInput<'_> {
        TimelineInput {
            events: self.events,
            kinds: self.kinds,
            visible: self.visible,
            shown: self.shown,
            selected: None,
            view: self.view,
            numbers: Some(self.numbers),
            index: None,
        }
    }
}

/// Where the figure and its chart ended up, in points.
#[derive(Debug, Clone)]
pub struct Layout {
    pub outer: Rect,
    pub chart: Rect,
    /// The bottom of each source-list entry, for cutting the list to a fixed height.
    pub entry_bottoms: Vec<f32>,
    /// Where each event's marker was drawn.
    pub markers: Vec<crate::timeline::layout::PlacedMarker>,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            outer: Rect::NOTHING,
            chart: Rect::NOTHING,
            entry_bottoms: Vec::new(),
            markers: Vec::new(),
        }
    }
}

pub const MARGIN: i8 = 24;

pub fn figure_ui(ui: &mut Ui, input: &FigureInput<'_>) -> Layout {
    let mut chart = Rect::NOTHING;
    let mut markers = Vec::new();
    let mut entry_bottoms = Vec::with_capacity(input.entries.len());
    let frame = egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(Margin::same(MARGIN));
    let response = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.spacing_mut().item_spacing.y = 6.0;
        ui.label(RichText::new(input.title).size(24.0).strong());
        ui.label(RichText::new(input.subtitle).size(14.0).weak());
        ui.add_space(4.0);
        legend_ui(ui, input);
        ui.add_space(8.0);
        let size = Vec2::new(ui.available_width(), input.chart_height);
        chart = ui
            .allocate_ui(size, |ui| {
                ui.set_min_size(size);
                let timeline_input = input.timeline();
                let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
                let painter = ui.painter_at(rect);
                markers =
                    timeline::paint::paint(&painter, rect, ui.visuals(), &timeline_input).markers;
            })
            .response
            .rect;
        if !input.entries.is_empty() {
            ui.add_space(12.0);
            ui.label(RichText::new("Sources").size(16.0).strong());
            for entry in input.entries {
                entry_ui(ui, entry);
                entry_bottoms.push(ui.min_rect().bottom());
            }
        }
        if let Some(note) = &input.list_note {
            ui.add_space(8.0);
            ui.label(RichText::new(note).size(13.0).weak());
        }
    });
    Layout {
        outer: response.response.rect,
        chart,
        entry_bottoms,
        markers,
    }
}

/// The kinds drawn, with their colours and counts, and what the marker shapes mean.
fn legend_ui(ui: &mut Ui, input: &FigureInput<'_>) {
    let text_color = ui.visuals().text_color();
    let background = ui.visuals().panel_fill;
    let swatch = |ui: &mut Ui, color: Color32, modality: Modality, label: String| {
        legend_entry(ui, label, SWATCH_ROOM, |painter, marker| {
            timeline::draw_marker(painter, marker, color, modality, false, background);
        });
    };
    ui.horizontal_wrapped(|ui| {
        for (k, kind) in input.kinds.iter().enumerate() {
            if !input.visible.get(k).copied().unwrap_or(true) {
                continue;
            }
            let count = input
                .events
                .iter()
                .zip(input.shown)
                .filter(|(e, shown)| **shown && e.kind == k)
                .count();
            swatch(
                ui,
                timeline::kind_color(kind),
                Modality::Happened,
                format!("{} ({count})", kind.label),
            );
        }
        ui.add_space(16.0);
        for (modality, label) in [
            (Modality::Happened, "happened"),
            (Modality::Planned, "planned"),
            (Modality::Claimed, "claimed"),
            (Modality::Cancelled, "cancelled or denied"),
        ] {
            swatch(ui, text_color, modality, label.to_owned());
        }
        let estimated = input
            .events
            .iter()
            .zip(input.shown)
            .any(|(e, shown)| *shown && e.date_estimated);
        if estimated {
            let faded = text_color.gamma_multiply(0.55);
            legend_entry(
                ui,
                "date estimated".to_owned(),
                HALO_ROOM,
                |painter, marker| {
                    timeline::draw_marker(
                        painter,
                        marker,
                        faded,
                        Modality::Happened,
                        false,
                        background,
                    );
                    timeline::draw_estimate_halo(painter, marker, faded);
                },
            );
        }
    });
}

/// Width and least height of a legend marker's room: a plain marker, and one in the ring of
/// dots of an estimated date.
const SWATCH_ROOM: Vec2 = Vec2::new(20.0, 16.0);
const HALO_ROOM: Vec2 = Vec2::new(24.0, 18.0);

/// One legend entry, a marker drawn by `draw` and its label, allocated as one piece so a
/// wrapped legend never parts a marker from its label.
fn legend_entry(ui: &mut Ui, label: String, room: Vec2, draw: impl FnOnce(&egui::Painter, Pos2)) {
    let text_color = ui.visuals().text_color();
    let galley = ui
        .painter()
        .layout_no_wrap(label, FontId::proportional(13.0), text_color);
    let size = Vec2::new(room.x + galley.size().x + 14.0, galley.size().y.max(room.y));
    if ui.available_width() < size.x {
        ui.end_row();
    }
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    draw(
        ui.painter(),
        Pos2::new(rect.left() + room.x / 2.0 - 2.0, rect.center().y),
    );
    ui.painter().galley(
        Pos2::new(
            rect.left() + room.x,
            rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        text_color,
    );
}

fn entry_ui(ui: &mut Ui, entry: &Entry) {
    const NUMBER_PT: f32 = 44.0;
    // Labels in a horizontal layout grow it instead of wrapping unless told the room they have.
    let text_width = ui.available_width() - NUMBER_PT - ui.spacing().item_spacing.x;
    ui.horizontal_top(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(NUMBER_PT, 18.0), Sense::hover());
        ui.painter().text(
            Pos2::new(rect.right() - 8.0, rect.top()),
            egui::Align2::RIGHT_TOP,
            format!("[{}]", entry.number),
            FontId::proportional(14.0),
            entry.color,
        );
        ui.vertical(|ui| {
            ui.set_max_width(text_width);
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.add(egui::Label::new(RichText::new(&entry.heading).size(14.0).strong()).wrap());
            for line in &entry.lines {
                ui.add(egui::Label::new(RichText::new(line.text()).size(13.0)).wrap());
            }
        });
    });
    ui.add_space(4.0);
}
