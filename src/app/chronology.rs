//! The chronology table under the timeline: the events the filters show, one row each, in date
//! order or sorted by a clicked column. Journalists read a chronology as a list as much as a
//! picture; a row and its marker are one selection.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use crate::events::{Event, Kind};

/// The column the rows are sorted by. Saved as its name: the settings file is read back
/// through `ron::Value`, which keeps no enum variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum SortBy {
    #[default]
    Date,
    Kind,
    Label,
    Modality,
    Sources,
}

const SORT_NAMES: [(SortBy, &str); 5] = [
    (SortBy::Date, "date"),
    (SortBy::Kind, "kind"),
    (SortBy::Label, "label"),
    (SortBy::Modality, "modality"),
    (SortBy::Sources, "sources"),
];

impl From<SortBy> for String {
    fn from(by: SortBy) -> Self {
        SORT_NAMES
            .iter()
            .find(|(b, _)| *b == by)
            .map_or("date", |(_, name)| name)
            .to_owned()
    }
}

impl TryFrom<String> for SortBy {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        SORT_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(by, _)| *by)
            .ok_or_else(|| format!("no column {name:?}"))
    }
}

/// How the table is sorted; remembered across launches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Sort {
    pub by: SortBy,
    pub descending: bool,
}

/// The listed events in table order, made again only when the filter or the sort changed: a
/// sort of a million events is far too slow to repeat each frame.
#[derive(Debug, Default)]
pub struct Rows {
    key: Option<(u64, Sort)>,
    order: Vec<usize>,
    /// The selection the table last scrolled to, so it scrolls once per change.
    scrolled_to: Option<usize>,
}

impl Rows {
    /// The rows for filter generation `generation`, recomputed only when it or `sort` changed.
    pub fn refresh(
        &mut self,
        generation: u64,
        sort: Sort,
        events: &[Event],
        kinds: &[Kind],
        listed: &[bool],
    ) {
        if self.key == Some((generation, sort)) {
            return;
        }
        self.key = Some((generation, sort));
        self.order = sorted(events, kinds, listed, sort);
    }

    /// Forgets the rows, e.g. when another folder is loaded.
    pub fn invalidate(&mut self) {
        self.key = None;
        self.scrolled_to = None;
    }
}

/// Indices of the listed events, ordered by `sort`; ties keep date order (the timeline's), and
/// undated events come last whichever way dates run.
#[must_use]
pub fn sorted(events: &[Event], kinds: &[Kind], listed: &[bool], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..events.len())
        .filter(|&i| listed.get(i).copied().unwrap_or(true))
        .collect();
    let kind_label = |e: &Event| kinds.get(e.kind).map_or("", |k| k.label.as_str());
    match sort.by {
        // The timeline is already in date order, undated last.
        SortBy::Date => {
            if sort.descending {
                let dated = order.partition_point(|&i| events[i].interval.is_some());
                order[..dated].reverse();
            }
            return order;
        }
        SortBy::Kind => order.sort_by(|&a, &b| kind_label(&events[a]).cmp(kind_label(&events[b]))),
        // Stable, and each key made once rather than at every comparison.
        SortBy::Label => order.sort_by_cached_key(|&i| events[i].label.to_lowercase()),
        SortBy::Modality => order.sort_by_cached_key(|&i| format!("{:?}", events[i].modality)),
        SortBy::Sources => order.sort_by_key(|&i| events[i].sources.len()),
    }
    if sort.descending {
        order.reverse();
    }
    order
}

/// The inputs the table reads.
pub struct TableInput<'a> {
    pub events: &'a [Event],
    pub kinds: &'a [Kind],
    pub selected: Option<usize>,
}

const ROW_HEIGHT: f32 = 20.0;

/// Draws the table into `ui`; a clicked row selects its event and brings it into view.
/// `scroll_to` brings the selected row into sight (the selection changed elsewhere).
pub fn table_ui(
    ui: &mut Ui,
    input: &TableInput<'_>,
    sort: &mut Sort,
    rows: &mut Rows,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Rows {
        order, scrolled_to, ..
    } = rows;
    let order: &[usize] = order;
    let scroll_row = (input.selected != *scrolled_to)
        .then(|| {
            input
                .selected
                .and_then(|id| order.iter().position(|&r| r == id))
        })
        .flatten();
    *scrolled_to = input.selected;
    ui.horizontal(|ui| {
        ui.strong("Chronology");
        let shown = order.len();
        let total = input.events.len();
        let count = if shown == total {
            format!("{total} event{}", if total == 1 { "" } else { "s" })
        } else {
            format!("{shown} of {total} events (filtered)")
        };
        ui.weak(format!("{count}; click a heading to sort"));
    });
    let mut table = TableBuilder::new(ui)
        .id_salt("chronology")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(150.0).at_least(70.0).clip(true))
        .column(Column::initial(110.0).at_least(50.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(80.0).at_least(50.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0))
        .animate_scrolling(false)
        .min_scrolled_height(0.0)
        .auto_shrink([false, false]);
    if let Some(row) = scroll_row {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    table
        .header(ROW_HEIGHT, |mut header| {
            for (by, title) in [
                (SortBy::Date, "Date"),
                (SortBy::Kind, "Kind"),
                (SortBy::Label, "Event"),
                (SortBy::Modality, "Status"),
                (SortBy::Sources, "Sources"),
            ] {
                header.col(|ui| {
                    let arrow = match (sort.by == by, sort.descending) {
                        (false, _) => "",
                        (true, false) => " ^",
                        (true, true) => " v",
                    };
                    if ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new(format!("{title}{arrow}")).strong(),
                            )
                            .frame(false),
                        )
                        .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                        .clicked()
                    {
                        *sort = if sort.by == by {
                            Sort {
                                by,
                                descending: !sort.descending,
                            }
                        } else {
                            Sort {
                                by,
                                descending: false,
                            }
                        };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, order.len(), |mut row| {
                let Some(e) = order.get(row.index()).and_then(|&i| input.events.get(i)) else {
                    return;
                };
                let selected = input.selected == Some(e.id);
                row.set_selected(selected);
                row.col(|ui| {
                    ui.label(e.date_text());
                });
                row.col(|ui| {
                    let kind = input.kinds.get(e.kind);
                    if let Some(kind) = kind {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().circle_filled(
                            rect.center(),
                            4.0,
                            crate::timeline::kind_color(kind),
                        );
                        ui.label(&kind.label);
                    }
                });
                let mut clicked = false;
                row.col(|ui| {
                    // A named button: screen readers (and tests) find the row by its label.
                    clicked |= ui
                        .add(egui::Button::selectable(selected, &e.label).truncate())
                        .on_hover_text(&e.label)
                        .clicked();
                });
                row.col(|ui| {
                    if e.corrected {
                        ui.label(format!("{}, corrected", e.modality.as_str()))
                            .on_hover_text("Changed or added by your corrections");
                    } else {
                        ui.label(e.modality.as_str());
                    }
                });
                row.col(|ui| {
                    ui.label(e.sources.len().to_string());
                });
                if clicked || row.response().clicked() {
                    commands.push(Command::Select(Some(e.id)));
                    commands.push(Command::Reveal(e.id));
                }
            });
        });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn date_order_reverses_the_dated_and_keeps_the_undated_last() {
        let data = crate::Dataset::load(
            vec![crate::app::sample_folder()],
            crate::Rules::built_in(),
            &crate::Progress::default(),
        );
        let events = &data.timeline.events;
        let listed = vec![true; events.len()];
        let sort =
            |by, descending| sorted(events, &data.rules.kinds, &listed, Sort { by, descending });
        let down = sort(SortBy::Date, true);
        let dated = events.iter().filter(|e| e.interval.is_some()).count();
        assert!(dated < events.len(), "the sample has an undated event");
        let starts: Vec<_> = down[..dated]
            .iter()
            .filter_map(|&i| events[i].interval.map(|iv| iv.start))
            .collect();
        assert!(starts.iter().rev().is_sorted(), "{starts:?}");
        assert!(down[dated..].iter().all(|&i| events[i].interval.is_none()));
        // A filtered-out event is no row.
        let mut some = listed.clone();
        some[0] = false;
        let rows = sorted(events, &data.rules.kinds, &some, Sort::default());
        assert_eq!(rows.len(), events.len() - 1);
        assert!(!rows.contains(&0));
        let by_sources = sort(SortBy::Sources, false);
        assert!(
            by_sources
                .windows(2)
                .all(|w| events[w[0]].sources.len() <= events[w[1]].sources.len())
        );
    }
}
