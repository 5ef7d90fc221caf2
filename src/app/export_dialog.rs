//! File ▸ Export PNG…: a small options window, the system's save dialog on its own thread, and
//! the export itself on a background thread, so the window keeps drawing throughout.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use super::Loaded;
use super::command::Command;
use super::jobs::{self, Job};
use crate::events::KindSet;
use crate::export;
use crate::timeline::TimeView;

/// The export choices, remembered across launches.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent checkboxes of one form"
)]
pub struct ExportSettings {
    pub width: u32,
    pub auto_height: bool,
    pub height: u32,
    pub scale: f32,
    pub dark: bool,
    pub sources: bool,
    /// Only the span on screen, rather than every event.
    pub visible_range: bool,
    pub last_path: Option<PathBuf>,
}

impl Default for ExportSettings {
    fn default() -> Self {
        let defaults = export::Options::default();
        Self {
            width: defaults.width,
            auto_height: true,
            height: 1200,
            scale: defaults.scale,
            dark: defaults.dark,
            sources: defaults.sources,
            visible_range: false,
            last_path: None,
        }
    }
}

/// What the window needs to know about the app to export.
pub struct ExportRequest<'a> {
    pub loaded: Option<&'a Arc<Loaded>>,
    pub view: Option<TimeView>,
    pub hidden_kinds: &'a KindSet,
}

#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub path: String,
    picker: Option<Job<Option<PathBuf>>>,
    job: Option<Job<Result<String, String>>>,
    /// The last export's result, shown in the window.
    pub outcome: Option<Result<String, String>>,
}

impl ExportDialog {
    /// Opens the window and, at once, the system's save dialog to choose the file.
    pub fn show(&mut self, settings: &ExportSettings, ctx: &egui::Context) {
        self.open = true;
        self.outcome = None;
        if self.path.is_empty() {
            // Beside the last export, else in the home folder: never inside the articles'
            // folder, where the next load would list the image as an unreadable article.
            let path = settings.last_path.clone().unwrap_or_else(|| {
                std::env::home_dir()
                    .unwrap_or_default()
                    .join("timeline.png")
            });
            self.path = path.display().to_string();
        }
        self.pick(ctx);
    }

    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn pick(&mut self, ctx: &egui::Context) {
        if self.picker.is_some() {
            return;
        }
        let current = PathBuf::from(&self.path);
        let job = jobs::spawn("save-dialog", ctx, move |_| {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title("Export timeline as PNG")
                .add_filter("PNG image", &["png"])
                .set_file_name(
                    current
                        .file_name()
                        .map_or("timeline.png".into(), |n| n.to_string_lossy()),
                );
            if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            pollster::block_on(dialog.save_file()).map(|f| f.path().to_path_buf())
        });
        match job {
            Ok(job) => self.picker = Some(job),
            Err(err) => self.outcome = Some(Err(err)),
        }
    }

    /// Collects finished dialogs and exports; returns a line for the status bar when an
    /// export ends.
    pub fn poll(&mut self, settings: &mut ExportSettings) -> Option<String> {
        if let Some(choice) = self.picker.as_ref().and_then(Job::poll) {
            self.picker = None;
            if let Ok(Some(mut path)) = choice {
                if path.extension().is_none() {
                    path.set_extension("png");
                }
                self.path = path.display().to_string();
            }
        }
        let result = self.job.as_ref()?.poll()?.and_then(|r| r);
        self.job = None;
        if result.is_ok() {
            settings.last_path = Some(PathBuf::from(&self.path));
        }
        let line = match &result {
            Ok(done) | Err(done) => done.clone(),
        };
        self.outcome = Some(result);
        Some(line)
    }

    /// Renders and writes the PNG on a background thread.
    pub fn start(
        &mut self,
        loaded: Arc<Loaded>,
        options: export::Options,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        let job = jobs::spawn("export-png", ctx, move |_| {
            export::export_png(&loaded.data, &options, &path)
                .map(|r| {
                    format!(
                        "Saved {} ({}×{} pixels)",
                        path.display(),
                        r.image.width(),
                        r.image.height()
                    )
                })
                .map_err(|e| format!("Export failed: {e}"))
        });
        match job {
            Ok(job) => {
                self.outcome = None;
                self.job = Some(job);
            }
            Err(err) => self.outcome = Some(Err(err)),
        }
    }

    /// The options window; its Export button returns the command that runs the export.
    pub fn ui(
        &mut self,
        ui: &Ui,
        settings: &mut ExportSettings,
        request: &ExportRequest<'_>,
    ) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut export_now = false;
        let modal = egui::Modal::new(egui::Id::unique("export-png")).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            ui.heading("Export PNG");
            egui::Grid::new("export-options")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label("Range");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut settings.visible_range, false, "Every event");
                        ui.radio_value(&mut settings.visible_range, true, "Visible range");
                    });
                    ui.end_row();
                    ui.label("Width");
                    ui.add(
                        egui::DragValue::new(&mut settings.width)
                            .range(export::MIN_WIDTH_PX..=export::MAX_SIDE_PX)
                            .suffix(" px"),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Width in pixels")
                    });
                    ui.end_row();
                    ui.label("Height");
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut settings.auto_height, "Fit content");
                        ui.add_enabled(
                            !settings.auto_height,
                            egui::DragValue::new(&mut settings.height)
                                .range(export::MIN_HEIGHT_PX..=export::MAX_SIDE_PX)
                                .suffix(" px"),
                        )
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::SpinButton,
                                true,
                                "Height in pixels",
                            )
                        });
                    });
                    ui.end_row();
                    ui.label("Scale");
                    ui.add(
                        egui::DragValue::new(&mut settings.scale)
                            .range(1.0..=4.0)
                            .speed(0.05)
                            .suffix("×"),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Scale")
                    });
                    ui.end_row();
                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut settings.dark, false, "Light");
                        ui.radio_value(&mut settings.dark, true, "Dark");
                    });
                    ui.end_row();
                    ui.label("Sources");
                    ui.checkbox(&mut settings.sources, "Number markers and list sources");
                    ui.end_row();
                    ui.label("File");
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(240.0))
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::TextInput,
                                    true,
                                    "PNG file path",
                                )
                            });
                        if ui.button("Choose…").clicked() {
                            self.pick(ui.ctx());
                        }
                    });
                    ui.end_row();
                });
            ui.add_space(6.0);
            match &self.outcome {
                Some(Ok(done)) => {
                    ui.label(done);
                }
                Some(Err(err)) => {
                    ui.colored_label(ui.visuals().error_fg_color, err);
                }
                None => {}
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ready = request.loaded.is_some() && !self.path.trim().is_empty();
                if self.busy() {
                    ui.add(egui::Spinner::new());
                    ui.label("Exporting…");
                } else if ui.add_enabled(ready, egui::Button::new("Export")).clicked()
                    || (ready && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                {
                    export_now = true;
                }
                if ui.button("Close").clicked() {
                    self.open = false;
                }
            });
        });
        if modal.should_close() && !self.busy() {
            self.open = false;
        }
        let loaded = request.loaded.filter(|_| export_now)?;
        {
            let options = export::Options {
                width: settings.width,
                height: (!settings.auto_height).then_some(settings.height),
                scale: settings.scale,
                dark: settings.dark,
                sources: settings.sources,
                title: None,
                view: if settings.visible_range {
                    request.view
                } else {
                    None
                },
                kinds: Some(KindSet::new(
                    loaded
                        .rules
                        .kinds
                        .iter()
                        .filter(|k| !request.hidden_kinds.contains(&k.name))
                        .map(|k| k.name.clone()),
                )),
            };
            Some(Command::WritePng {
                path: PathBuf::from(self.path.trim()),
                options,
            })
        }
    }
}
