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
}

pub fn source_ui(
    ui: &mut Ui,
    event: &Event,
    kinds: &[Kind],
    corpus: &Corpus,
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
    event: &Event,
    source_index: usize,
    corpus: &Corpus,
    scroll: &mut bool,
) -> bool {
    let Some(source) = event.sources.get(source_index) else {
        return false;
    };
    let Some(article) = corpus.articles.get(source.article) else {
        return false;
    };
    let mut open = true;
    let title = article.title.as_deref().unwrap_or(&article.file);
    egui::Window::new(format!("Article: {title}"))
        .open(&mut open)
        .default_size([620.0, 520.0])
        .vscroll(false)
        .show(ctx, |ui| {
            ui.weak(format!(
                "{} · published {} · cited ¶{}, framed below · {} paragraphs",
                article.file,
                article.published_text(),
                source.paragraph,
                article.paragraphs.len()
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, paragraph) in article.paragraphs.iter().enumerate() {
                    let text = article.paragraph_text(paragraph);
                    if i == source.paragraph {
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
