//! The side panel: the path field, the search, the kinds with their counts, the articles, the
//! undated events and the files that could not be read.

use std::path::PathBuf;

use egui::{Key, Ui};

use super::Loaded;
use super::command::Command;
use crate::events::KindSet;
use crate::timeline::kind_color;

/// The app's fields the panel reads and edits in place.
pub struct SideState<'a> {
    pub path_field: &'a mut String,
    pub search: &'a mut String,
    /// Set by Ctrl+F: the search field takes the keyboard this frame.
    pub focus_search: &'a mut bool,
    pub hidden_kinds: &'a KindSet,
    pub article_filter: Option<usize>,
    pub selected: Option<usize>,
    /// What the search and the article filter let through, for the counts and the undated list.
    pub filter: &'a super::filter::EventFilter,
}

pub fn side_ui(
    ui: &mut Ui,
    state: &mut SideState<'_>,
    loaded: Option<&Loaded>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(state.path_field)
                .hint_text("folder or file path")
                // What the Open button leaves, so a narrow panel never hides the button.
                .desired_width((ui.available_width() - 56.0).max(60.0)),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Folder path"));
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if ui.button("Open").clicked() || enter {
            commands.push(Command::Open(vec![PathBuf::from(state.path_field.trim())]));
        }
    });
    let Some(loaded) = loaded else {
        ui.label("Loading…");
        return;
    };
    let search =
        ui.add(egui::TextEdit::singleline(state.search).hint_text("search label, name, text"));
    search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search events"));
    if std::mem::take(state.focus_search) {
        search.request_focus();
    }
    ui.separator();
    kinds_ui(ui, state, loaded, commands);
    legend_ui(ui);
    ui.separator();
    articles_ui(ui, state, loaded, commands);
    undated_ui(ui, state, loaded, commands);
    super::edit::rejected_ui(ui, loaded, commands);
    problems_ui(ui, loaded);
}

/// What the marks on the timeline mean; collapsed once read, and egui remembers that.
fn legend_ui(ui: &mut Ui) {
    use crate::events::Modality;
    use crate::timeline::{draw_estimate_halo, draw_marker};
    egui::CollapsingHeader::new("Legend")
        .default_open(true)
        .show(ui, |ui| {
            let color = ui.visuals().text_color();
            let background = ui.visuals().panel_fill;
            let row = |ui: &mut Ui, text: &str, draw: &dyn Fn(&egui::Painter, egui::Rect)| {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(28.0, 18.0), egui::Sense::hover());
                    draw(ui.painter(), rect);
                    ui.label(text);
                });
            };
            for (modality, text) in [
                (Modality::Happened, "happened"),
                (Modality::Planned, "planned"),
                (Modality::Claimed, "claimed"),
                (Modality::Cancelled, "cancelled or denied"),
            ] {
                row(ui, text, &|p, r| {
                    draw_marker(p, r.center(), color, modality, false, background);
                });
            }
            row(ui, "date estimated", &|p, r| {
                let faded = color.gamma_multiply(0.55);
                draw_marker(p, r.center(), faded, Modality::Happened, false, background);
                draw_estimate_halo(p, r.center(), faded);
            });
            row(ui, "a month, a year: no single day", &|p, r| {
                let (x0, x1, y) = (r.left() + 2.0, r.right() - 2.0, r.center().y);
                p.rect_filled(
                    egui::Rect::from_min_max(egui::pos2(x0, y - 3.0), egui::pos2(x1, y + 3.0)),
                    0.0,
                    color.gamma_multiply(0.3),
                );
                for x in [x0, x1] {
                    p.line_segment(
                        [egui::pos2(x, y - 6.0), egui::pos2(x, y + 6.0)],
                        egui::Stroke::new(2.0, color),
                    );
                }
            });
            ui.label("(2) before a label: reported by 2 sources");
            ui.label("+3: three more events there; click to zoom in");
        });
}

fn kinds_ui(ui: &mut Ui, state: &SideState<'_>, loaded: &Loaded, commands: &mut Vec<Command>) {
    ui.strong("Kinds");
    let visible = state.hidden_kinds.non_members(&loaded.rules.kinds);
    for (k, kind) in loaded.rules.kinds.iter().enumerate() {
        let total = loaded.kind_counts.get(k).copied().unwrap_or(0);
        let passing = state.filter.kind_counts().get(k).copied().unwrap_or(total);
        // "3 of 5" while the search or the article filter leaves some out.
        let count = if passing == total {
            total.to_string()
        } else {
            format!("{passing} of {total}")
        };
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 5.0, kind_color(kind));
            let mut on = visible[k];
            if ui
                .checkbox(&mut on, format!("{} ({count})", kind.label))
                .changed()
            {
                commands.push(Command::ToggleKind(k));
            }
        });
    }
}

fn articles_ui(ui: &mut Ui, state: &SideState<'_>, loaded: &Loaded, commands: &mut Vec<Command>) {
    // The button is always there, greyed out when unused: a button that appears above the
    // list would move the rows under the pointer.
    ui.horizontal(|ui| {
        ui.strong(format!("Articles ({})", loaded.corpus.articles.len()));
        if ui
            .add_enabled(
                state.article_filter.is_some(),
                egui::Button::new("Show all"),
            )
            .on_hover_text("Show the events of every article")
            .clicked()
        {
            commands.push(Command::FilterArticle(None));
        }
        if let Some(a) = state.article_filter
            && ui
                .button("Read")
                .on_hover_text("The whole article: set its date, add an event it reports")
                .clicked()
        {
            commands.push(Command::ReadArticle(a));
        }
    });
    // Long lists lay out only the rows in sight: a folder can hold thousands of articles.
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("articles")
        .max_height(320.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, loaded.corpus.articles.len(), |ui, rows| {
            for a in rows {
                let article = &loaded.corpus.articles[a];
                let estimated = article
                    .published_from
                    .is_some_and(crate::DateSource::is_estimated);
                // "~" as in "about": the date was guessed, not read.
                let date = if estimated {
                    format!("~{}", article.published_text())
                } else {
                    article.published_text()
                };
                let from = article.published_from.map_or("", |s| s.describe());
                let title = article.title.as_deref().unwrap_or(&article.file);
                let events = loaded.article_events.get(a).copied().unwrap_or(0);
                let selected = state.article_filter == Some(a);
                // One line per row: show_rows counts on it; the hover has the rest.
                let row = ui
                    .add(
                        egui::Button::selectable(selected, format!("{date}  {title}  ({events})"))
                            .truncate(),
                    )
                    .on_hover_text(format!(
                        "{}\npublished {date} — date from {from}\n{events} events",
                        article.file
                    ));
                row.context_menu(|ui| {
                    if ui.button("Read article").clicked() {
                        commands.push(Command::ReadArticle(a));
                        ui.close();
                    }
                });
                if row.clicked() {
                    commands.push(Command::FilterArticle(if selected {
                        None
                    } else {
                        Some(a)
                    }));
                }
            }
        });
}

fn undated_ui(ui: &mut Ui, state: &SideState<'_>, loaded: &Loaded, commands: &mut Vec<Command>) {
    if loaded.undated.is_empty() {
        return;
    }
    let undated = state.filter.undated();
    ui.separator();
    if undated.len() == loaded.undated.len() {
        ui.strong(format!("Undated events ({})", undated.len()));
    } else {
        ui.strong(format!(
            "Undated events ({} of {})",
            undated.len(),
            loaded.undated.len()
        ));
    }
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("undated")
        .max_height(200.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, undated.len(), |ui, rows| {
            for &id in &undated[rows] {
                let Some(e) = loaded.timeline.events.get(id) else {
                    continue;
                };
                if ui
                    .add(
                        egui::Button::selectable(state.selected == Some(e.id), &e.label).truncate(),
                    )
                    .on_hover_text(&e.label)
                    .clicked()
                {
                    commands.push(Command::Select(Some(e.id)));
                }
            }
        });
}

fn problems_ui(ui: &mut Ui, loaded: &Loaded) {
    if loaded.problems.is_empty() {
        return;
    }
    ui.separator();
    ui.strong(format!("Problems ({})", loaded.problems.len()));
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .max_height(200.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, loaded.problems.len(), |ui, rows| {
            for p in &loaded.problems[rows] {
                let severity = if p.warning { "Warning" } else { "Not loaded" };
                let line = format!("{severity}: {} — {}", p.path.display(), p.reason);
                ui.add(egui::Label::new(line.as_str()).truncate())
                    .on_hover_text(line);
            }
        });
}
