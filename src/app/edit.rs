//! Corrections in the window: the form under the selected event, the Rejected list, and the
//! undo history. Every change is a new list of corrections, saved before it is shown.

use egui::Ui;

use super::Loaded;
use super::command::Command;
use crate::corrections::{Anchor, Correction, date};
use crate::events::{Event, Modality};

/// One change, and the corrections as they were on its other side.
#[derive(Debug, Clone)]
pub struct Step {
    pub description: String,
    pub list: Vec<Correction>,
}

/// Undo and redo, newest last. Cleared when another folder opens.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

impl History {
    /// Records a change away from `before`; a new change ends what could be redone.
    pub fn record(&mut self, description: String, before: Vec<Correction>) {
        self.undo.push(Step {
            description,
            list: before,
        });
        self.redo.clear();
    }

    /// The list to go back to, remembering `current` for redo.
    pub fn undo(&mut self, current: Vec<Correction>) -> Option<Step> {
        Self::cross(&mut self.undo, &mut self.redo, current)
    }

    /// The list to go forward to, remembering `current` for undo.
    pub fn redo(&mut self, current: Vec<Correction>) -> Option<Step> {
        Self::cross(&mut self.redo, &mut self.undo, current)
    }

    /// Takes the newest step of `from`; `current` goes onto `to` under the same description,
    /// so the step can be crossed back.
    fn cross(from: &mut Vec<Step>, to: &mut Vec<Step>, current: Vec<Correction>) -> Option<Step> {
        let step = from.pop()?;
        to.push(Step {
            description: step.description.clone(),
            list: current,
        });
        Some(step)
    }
}

/// The form's fields for one event, kept while it stays selected.
#[derive(Debug, Clone, Default)]
pub struct Editor {
    /// The event (by id, in the timeline generation) the fields were filled from.
    pub for_event: Option<(usize, u64)>,
    pub date: String,
    pub label: String,
    pub error: Option<String>,
}

impl Editor {
    fn fill(&mut self, event: &Event, generation: u64) {
        if self.for_event == Some((event.id, generation)) {
            return;
        }
        self.for_event = Some((event.id, generation));
        self.date = date::format(event.interval);
        self.label.clone_from(&event.label);
        self.error = None;
    }
}

/// "Correct this event": date, kind, label, status, reject, merge into another event.
pub fn editor_ui(
    ui: &mut Ui,
    event: &Event,
    loaded: &Loaded,
    editor: &mut Editor,
    generation: u64,
    commands: &mut Vec<Command>,
) {
    /// Room for a date range or a headline-length label beside its button.
    const FIELD_WIDTH: f32 = 240.0;
    editor.fill(event, generation);
    let Some(anchor) = Anchor::of_event(&loaded.corpus, event) else {
        ui.weak("This event cites no paragraph, so it cannot be corrected.");
        return;
    };
    let mut correct = |c: Correction| commands.push(Command::Correct(c));
    egui::CollapsingHeader::new("Correct this event")
        .id_salt("correct")
        .show(ui, |ui| {
            egui::Grid::new("correct grid")
                .num_columns(3)
                .show(ui, |ui| {
                    ui.label("Date");
                    // Sized, not just desired: a grid cell offers only last frame's width,
                    // and the field never grew past its first ~90 points.
                    let field = ui.add_sized(
                        [FIELD_WIDTH, ui.spacing().interact_size.y],
                        egui::TextEdit::singleline(&mut editor.date)
                            .hint_text("2022-01-05, 2022-01, 2022, a..b, undated"),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Event date")
                    });
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("Set date").clicked() || enter {
                        match date::parse(&editor.date) {
                            Ok(interval) => {
                                editor.error = None;
                                correct(Correction::Date {
                                    event: anchor.clone(),
                                    date: date::format(interval),
                                });
                            }
                            Err(err) => editor.error = Some(err),
                        }
                    }
                    ui.end_row();

                    ui.label("Label");
                    let field = ui.add_sized(
                        [FIELD_WIDTH, ui.spacing().interact_size.y],
                        egui::TextEdit::singleline(&mut editor.label),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Event label")
                    });
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (ui.button("Rename").clicked() || enter)
                        && editor.label.trim() != event.label
                    {
                        if editor.label.trim().is_empty() {
                            editor.error = Some("A label cannot be empty.".into());
                        } else {
                            correct(Correction::Label {
                                event: anchor.clone(),
                                label: editor.label.trim().to_owned(),
                            });
                        }
                    }
                    ui.end_row();

                    ui.label("Kind");
                    let current = loaded
                        .rules
                        .kinds
                        .get(event.kind)
                        .map_or("", |k| k.label.as_str());
                    egui::ComboBox::from_id_salt("event kind")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (k, kind) in loaded.rules.kinds.iter().enumerate() {
                                if ui.selectable_label(k == event.kind, &kind.label).clicked()
                                    && k != event.kind
                                {
                                    correct(Correction::Kind {
                                        event: anchor.clone(),
                                        kind: kind.name.clone(),
                                    });
                                }
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Event kind")
                        });
                    ui.end_row();

                    ui.label("Status");
                    egui::ComboBox::from_id_salt("event status")
                        .selected_text(event.modality.as_str())
                        .show_ui(ui, |ui| {
                            for modality in Modality::ALL {
                                if ui
                                    .selectable_label(modality == event.modality, modality.as_str())
                                    .clicked()
                                    && modality != event.modality
                                {
                                    correct(Correction::Modality {
                                        event: anchor.clone(),
                                        modality,
                                    });
                                }
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Event status")
                        });
                    ui.end_row();
                });
            if let Some(err) = &editor.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Reject")
                    .on_hover_text("Not an event: take it off the timeline (listed under Rejected)")
                    .clicked()
                {
                    correct(Correction::Reject {
                        event: anchor.clone(),
                    });
                }
                egui::ComboBox::from_id_salt("merge into")
                    .selected_text("Merge into…")
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for other in merge_candidates(&loaded.timeline.events, event) {
                            let text = format!("{} · {}", other.date_text(), other.label);
                            if ui.selectable_label(false, text).clicked()
                                && let Some(into) = Anchor::of_event(&loaded.corpus, other)
                            {
                                correct(Correction::Merge {
                                    event: anchor.clone(),
                                    into,
                                });
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Merge into")
                    });
            });
        });
}

/// The events a person is likely to merge `event` with: same kind first, then nearest in
/// date; a few dozen, so the list stays readable in a folder of thousands.
fn merge_candidates<'a>(events: &'a [Event], event: &Event) -> Vec<&'a Event> {
    const SHOWN: usize = 30;
    let day = |e: &Event| e.interval.map(|iv| iv.start);
    let mut others: Vec<&Event> = events.iter().filter(|e| e.id != event.id).collect();
    others.sort_by_key(|e| {
        let distance = match (day(e), day(event)) {
            (Some(a), Some(b)) => (a - b).num_days().unsigned_abs(),
            (None, None) => 0,
            _ => u64::MAX,
        };
        (e.kind != event.kind, distance)
    });
    others.truncate(SHOWN);
    others
}

/// The rejected events, each with a button that takes its rejection back.
pub fn rejected_ui(ui: &mut Ui, loaded: &Loaded, commands: &mut Vec<Command>) {
    let rejected = &loaded.corrections.rejected;
    if rejected.is_empty() {
        return;
    }
    ui.separator();
    egui::CollapsingHeader::new(format!("Rejected ({})", rejected.len()))
        .id_salt("rejected")
        .show(ui, |ui| {
            for (n, event) in rejected {
                ui.horizontal(|ui| {
                    if ui
                        .button("Restore")
                        .on_hover_text("Put it back on the timeline")
                        .clicked()
                    {
                        commands.push(Command::Restore(*n));
                    }
                    ui.label(format!("{} · {}", event.date_text(), event.label));
                });
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(day: u32) -> Correction {
        Correction::Published {
            file: "a.txt".into(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 1, day).unwrap_or_default(),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_changes_and_a_new_change_ends_redo() {
        let mut history = History::default();
        let one = vec![published(1)];
        let two = vec![published(1), published(2)];
        history.record("first".into(), Vec::new());
        history.record("second".into(), one.clone());
        let back = history.undo(two.clone()).unwrap();
        assert_eq!(
            (back.description.as_str(), back.list.clone()),
            ("second", one.clone())
        );
        let forward = history.redo(back.list).unwrap();
        assert_eq!(forward.list, two);
        history.undo(two).unwrap();
        history.record("other".into(), one);
        assert!(history.redo.is_empty());
        assert_eq!(history.undo.len(), 2);
    }
}
