//! The Source panel: the selected event and every paragraph that reported it, with the
//! trigger words and the date phrase highlighted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Ui};

use crate::events::{Event, Kind, Source};
use crate::ingest::Corpus;

/// What the panel asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelCommand {
    OpenFile(std::path::PathBuf),
    /// Show the whole article in the app, at the event's `source`-th paragraph.
    ReadArticle {
        event: usize,
        source: usize,
    },
    Copy(String),
    Correct(crate::corrections::Correction),
}

/// What the article viewer shows: an event's source paragraph in its article, or a whole
/// article (to add an event the timeline lacks, or set its date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Source { event: usize, source: usize },
    Article(usize),
}

/// The article viewer's "Add an event" and publication-date fields.
#[derive(Debug, Clone, Default)]
pub struct ArticleForm {
    /// The article the fields were filled for.
    pub for_article: Option<usize>,
    /// Showing the article as selectable text, to add an event from the words selected.
    pub adding: bool,
    /// The selection, as a byte range in the article's text.
    pub selection: Option<std::ops::Range<usize>>,
    pub kind: usize,
    pub date: String,
    pub label: String,
    pub published: String,
    pub error: Option<String>,
}

/// The id of the article viewer's selectable text, where "Add an event" reads the selection.
#[must_use]
pub fn article_text_id(article: usize) -> egui::Id {
    egui::Id::unique(("article text", article))
}

/// The event, `below_header` (the corrections form), then each source paragraph.
pub fn source_ui(
    ui: &mut Ui,
    event: &Event,
    kinds: &[Kind],
    corpus: &Corpus,
    below_header: impl FnOnce(&mut Ui),
) -> Option<PanelCommand> {
    let mut command = None;
    ui.heading(&event.label);
    let when = event.when_text();
    ui.label(format!(
        "{} · {when} · {:?}{}",
        kinds[event.kind].label,
        event.modality,
        if event.date_disputed {
            " · sources disagree on the date"
        } else {
            ""
        }
    ));
    if event.date_estimated {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Date estimated: no source states its publication date, so dates such as \"on Friday\" were resolved against a guess.",
        );
    }
    if !event.participants.is_empty() {
        ui.label(format!("Participants: {}", event.participants.join(", ")));
    }
    if event.corrected {
        ui.weak("Corrected by you: Edit, Undo takes it back.");
    }
    below_header(ui);
    ui.separator();
    for (n, source) in event.sources.iter().enumerate() {
        let Some(article) = corpus.articles.get(source.article) else {
            continue;
        };
        let Some(paragraph) = article.paragraphs.get(source.paragraph) else {
            continue;
        };
        ui.push_id(n, |ui| {
            let title = article.title.as_deref().unwrap_or(&article.file);
            ui.strong(format!("[{}] {title}", n + 1));
            let date = article.published_text();
            let from = article.published_from.map_or("", |s| s.describe());
            let estimated = article
                .published_from
                .is_some_and(crate::DateSource::is_estimated);
            let line = format!(
                "{} ¶{} · published {date} ({from}{})",
                article.file,
                source.paragraph,
                if estimated { ", estimated" } else { "" }
            );
            if estimated {
                ui.colored_label(ui.visuals().warn_fg_color, line);
            } else {
                ui.weak(line);
            }
            ui.label(highlighted(
                article.paragraph_text(paragraph),
                paragraph.start,
                source,
                ui,
            ));
            ui.horizontal(|ui| {
                if ui
                    .button("Read article")
                    .on_hover_text("The whole article here, at this paragraph")
                    .clicked()
                {
                    command = Some(PanelCommand::ReadArticle {
                        event: event.id,
                        source: n,
                    });
                }
                if ui
                    .button("Open file")
                    .on_hover_text("Open the file with the system's viewer")
                    .clicked()
                {
                    command = Some(PanelCommand::OpenFile(article.path.clone()));
                }
                if event.sources.len() > 1
                    && ui
                        .button("Move to new event")
                        .on_hover_text("This paragraph reports another event: split it off")
                        .clicked()
                    && let Some(anchor) = crate::corrections::Anchor::of_source(corpus, source)
                {
                    command = Some(PanelCommand::Correct(
                        crate::corrections::Correction::Split { source: anchor },
                    ));
                }
                if ui.button("Copy citation").clicked() {
                    command = Some(PanelCommand::Copy(citation(
                        event,
                        article.file.as_str(),
                        source,
                        article.paragraph_text(paragraph),
                    )));
                }
            });
            ui.add_space(8.0);
        });
    }
    command
}

/// `[file ¶n] "paragraph"` with the event's date and label: ready for a report.
#[must_use]
pub fn citation(event: &Event, file: &str, source: &Source, text: &str) -> String {
    let when = event.start_text();
    format!(
        "{when} — {} — {file} ¶{}: “{text}”",
        event.label, source.paragraph
    )
}

/// The paragraph as a layout with trigger words and the date phrase marked.
pub(super) fn highlighted(text: &str, offset: usize, source: &Source, ui: &Ui) -> LayoutJob {
    let body = FontId::proportional(14.0);
    let normal = TextFormat {
        font_id: body.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let dark = ui.visuals().dark_mode;
    let trigger = TextFormat {
        background: if dark {
            Color32::from_rgb(110, 90, 0)
        } else {
            Color32::from_rgb(255, 230, 120)
        },
        ..normal.clone()
    };
    let date = TextFormat {
        background: if dark {
            Color32::from_rgb(20, 80, 120)
        } else {
            Color32::from_rgb(170, 215, 255)
        },
        ..normal.clone()
    };
    let mut marks: Vec<(usize, usize, &TextFormat)> = Vec::new();
    for r in &source.triggers {
        marks.push((
            r.start.saturating_sub(offset),
            r.end.saturating_sub(offset),
            &trigger,
        ));
    }
    if let Some(r) = &source.date_phrase {
        marks.push((
            r.start.saturating_sub(offset),
            r.end.saturating_sub(offset),
            &date,
        ));
    }
    marks.sort_by_key(|m| m.0);
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let mut at = 0;
    for (start, end, format) in marks {
        let (start, end) = (start.min(text.len()).max(at), end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        job.append(&text[at..start], 0.0, normal.clone());
        job.append(&text[start..end], 0.0, format.clone());
        at = end;
    }
    job.append(&text[at..], 0.0, normal);
    job
}

/// The article viewer: the whole article of one source, its paragraph highlighted as in the
/// panel and scrolled into view when the window opens. Returns false once closed.
pub fn article_ui(
    ctx: &egui::Context,
    (index, cited): (usize, Option<(&Event, &Source)>),
    corpus: &Corpus,
    kinds: &[Kind],
    (scroll, form): (&mut bool, &mut ArticleForm),
    commands: &mut Vec<PanelCommand>,
) -> bool {
    let Some(article) = corpus.articles.get(index) else {
        return false;
    };
    if form.for_article != Some(index) {
        *form = ArticleForm {
            for_article: Some(index),
            kind: cited.map_or(0, |(event, _)| event.kind),
            date: article.published_text(),
            published: article.published_text(),
            ..ArticleForm::default()
        };
    }
    let mut open = true;
    let title = article.title.as_deref().unwrap_or(&article.file);
    egui::Window::new(format!("Article: {title}"))
        .open(&mut open)
        .default_size([620.0, 520.0])
        .vscroll(false)
        .show(ctx, |ui| {
            let cited_note = cited.map_or_else(String::new, |(_, source)| {
                format!(" · cited ¶{}, framed below", source.paragraph)
            });
            ui.weak(format!(
                "{} · published {}{cited_note} · {} paragraphs",
                article.file,
                article.published_text(),
                article.paragraphs.len()
            ));
            published_ui(ui, article, form, commands);
            ui.horizontal(|ui| {
                ui.toggle_value(&mut form.adding, "Add an event…")
                    .on_hover_text("Select the words that report an event the timeline lacks");
            });
            if form.adding {
                add_event_ui(ui, (index, article), kinds, form, commands);
                return;
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, paragraph) in article.paragraphs.iter().enumerate() {
                    let text = article.paragraph_text(paragraph);
                    if let Some((_, source)) = cited.filter(|(_, s)| s.paragraph == i) {
                        let response = egui::Frame::new()
                            .fill(ui.visuals().faint_bg_color)
                            .stroke(egui::Stroke::new(1.0, ui.visuals().selection.bg_fill))
                            .inner_margin(6.0)
                            .show(ui, |ui| {
                                ui.label(highlighted(text, paragraph.start, source, ui));
                            })
                            .response;
                        if std::mem::take(scroll) {
                            response.scroll_to_me(Some(egui::Align::Center));
                        }
                    } else {
                        ui.label(text);
                    }
                    ui.add_space(6.0);
                }
            });
        });
    open
}

/// The article's publication date, with a field to correct it.
fn published_ui(
    ui: &mut Ui,
    article: &crate::ingest::Article,
    form: &mut ArticleForm,
    commands: &mut Vec<PanelCommand>,
) {
    ui.horizontal(|ui| {
        ui.label("Published");
        let field = ui.add(egui::TextEdit::singleline(&mut form.published).desired_width(100.0));
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Publication date")
        });
        if let Some(from) = article.published_from {
            ui.weak(format!("({})", from.describe()));
        }
        if ui
            .button("Set publication date")
            .on_hover_text("Its relative dates (\"on Friday\") are resolved again from it")
            .clicked()
        {
            match chrono::NaiveDate::parse_from_str(form.published.trim(), "%Y-%m-%d") {
                Ok(date) => {
                    form.error = None;
                    commands.push(PanelCommand::Correct(
                        crate::corrections::Correction::Published {
                            file: article.file.clone(),
                            date,
                        },
                    ));
                }
                Err(_) => {
                    form.error = Some(format!(
                        "'{}' is not a day: write it as 2022-01-07",
                        form.published.trim()
                    ));
                }
            }
        }
    });
    if let Some(err) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
}

/// The article as selectable text and the fields of the event its selected words report.
fn add_event_ui(
    ui: &mut Ui,
    (index, article): (usize, &crate::ingest::Article),
    kinds: &[Kind],
    form: &mut ArticleForm,
    commands: &mut Vec<PanelCommand>,
) {
    let chosen = form.selection.clone().filter(|r| !r.is_empty());
    let paragraph = chosen.as_ref().and_then(|r| {
        article
            .paragraphs
            .iter()
            .position(|p| p.start <= r.start && r.end <= p.end)
    });
    match (&chosen, paragraph) {
        (None, _) => {
            ui.label("Select the words that report the event in the text below.");
        }
        (Some(_), None) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The selection spans two paragraphs: select words inside one.",
            );
        }
        (Some(r), Some(_)) => {
            let quote: String = article.text[r.clone()].chars().take(80).collect();
            ui.label(format!("Selected: “{quote}”"));
        }
    }
    egui::Grid::new("add grid").num_columns(2).show(ui, |ui| {
        ui.label("Kind");
        egui::ComboBox::from_id_salt("new event kind")
            .selected_text(kinds.get(form.kind).map_or("", |k| k.label.as_str()))
            .show_ui(ui, |ui| {
                for (k, kind) in kinds.iter().enumerate() {
                    ui.selectable_value(&mut form.kind, k, &kind.label);
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "New event kind")
            });
        ui.end_row();
        ui.label("Date");
        ui.add(egui::TextEdit::singleline(&mut form.date).desired_width(200.0))
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New event date")
            });
        ui.end_row();
        ui.label("Label");
        ui.add(
            egui::TextEdit::singleline(&mut form.label)
                .hint_text("the selected words")
                .desired_width(200.0),
        )
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New event label"));
        ui.end_row();
    });
    let ready = chosen.is_some() && paragraph.is_some();
    if ui
        .add_enabled(ready, egui::Button::new("Add event"))
        .clicked()
        && let (Some(range), Some(p)) = (chosen, paragraph)
    {
        let parsed = crate::corrections::date::parse(&form.date);
        let kind = kinds.get(form.kind).map(|k| k.name.clone());
        let at = crate::corrections::Anchor::new(article, p, range.clone());
        match (parsed, kind, at) {
            (Ok(interval), Some(kind), Some(at)) => {
                let label = if form.label.trim().is_empty() {
                    article.text[range].trim().to_owned()
                } else {
                    form.label.trim().to_owned()
                };
                form.error = None;
                form.adding = false;
                form.selection = None;
                commands.push(PanelCommand::Correct(crate::corrections::Correction::Add {
                    at,
                    kind,
                    date: crate::corrections::date::format(interval),
                    label,
                }));
            }
            (Err(err), _, _) => form.error = Some(err),
            _ => form.error = Some("That selection cannot be kept as an event.".into()),
        }
    }
    if let Some(err) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let mut text = article.text.as_str();
        let output = egui::TextEdit::multiline(&mut text)
            .id(article_text_id(index))
            .desired_width(f32::INFINITY)
            .show(ui);
        output.response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Article text")
        });
        if let Some(range) = output.cursor_range {
            let [a, b] = range.sorted_cursors();
            let byte = |chars: usize| {
                article
                    .text
                    .char_indices()
                    .nth(chars)
                    .map_or(article.text.len(), |(i, _)| i)
            };
            if a.index.0 != b.index.0 {
                let selection = byte(a.index.0)..byte(b.index.0);
                if form.selection.as_ref() != Some(&selection) {
                    article.text[selection.clone()]
                        .trim()
                        .clone_into(&mut form.label);
                    form.selection = Some(selection);
                }
            }
        }
    });
}
