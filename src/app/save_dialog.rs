//! File ▸ Export JSON / CSV / `TimelineJS` / Markdown: a small window with the path to write,
//! typed or chosen in the system's dialog when there is one, everything or only what the
//! filters show, and the writing done in the background. A path field always: where no
//! system dialog exists, the dialog button returns nothing, and nothing must never mean
//! "nothing happened".

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use super::Loaded;
use super::jobs::{self, Job};
use crate::formats::{self, Format};

/// The export window's state.
#[derive(Default)]
pub struct SaveDialog {
    /// The format being exported; `None` while the window is closed.
    pub format: Option<Format>,
    pub path: String,
    /// Only the events the filters show.
    pub filtered: bool,
    /// A UTF-8 byte order mark before a CSV, for Excel.
    pub bom: bool,
    picker: Option<Job<Option<PathBuf>>>,
    writing: Option<Job<Result<(PathBuf, usize), String>>>,
    /// Why the last attempt did not write, shown in the window.
    pub error: Option<String>,
}

impl SaveDialog {
    /// Opens the window for `format`, the path in the last folder written to.
    pub fn open(&mut self, format: Format) {
        let folder = PathBuf::from(self.path.trim())
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default();
        let name = match format {
            Format::TimelineJs => "timelinejs.json".to_owned(),
            other => format!("chronology.{}", other.extension()),
        };
        self.path = folder.join(name).display().to_string();
        self.format = Some(format);
        self.error = None;
    }

    #[must_use]
    pub fn busy(&self) -> bool {
        self.writing.is_some()
    }

    /// What finished since the last frame: a status line once the file is written.
    pub fn poll(&mut self) -> Option<String> {
        if let Some(chosen) = self.picker.as_ref().and_then(Job::poll) {
            self.picker = None;
            match chosen {
                Ok(Some(path)) => self.path = path.display().to_string(),
                Ok(None) => {
                    self.error = Some(
                        "No file chosen. If no dialog appeared, there is no system file dialog \
                         here: type the path above."
                            .into(),
                    );
                }
                Err(err) => self.error = Some(err),
            }
        }
        let outcome = self.writing.as_ref().and_then(Job::poll)?;
        self.writing = None;
        match outcome.and_then(|r| r) {
            Ok((path, events)) => {
                self.format = None;
                Some(format!("Saved {} ({events} events)", path.display()))
            }
            Err(err) => {
                self.error = Some(err);
                None
            }
        }
    }

    /// Draws the window while open; `filter` says which events "only what the filters show"
    /// keeps.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        loaded: Option<&Arc<Loaded>>,
        filter: &super::filter::EventFilter,
    ) {
        let Some(format) = self.format else { return };
        let mut open = true;
        let mut save = false;
        egui::Window::new(format!("Export {}", format.name()))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.path)
                            .desired_width(360.0)
                            .hint_text("file to write"),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Export path")
                    });
                    save |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui
                        .add_enabled(self.picker.is_none(), egui::Button::new("Choose…"))
                        .clicked()
                    {
                        self.pick(ui.ctx(), format);
                    }
                });
                let total = loaded.map_or(0, |l| l.timeline.events.len());
                let showing = filter.shown_count();
                ui.radio_value(
                    &mut self.filtered,
                    false,
                    format!("Everything ({total} events)"),
                );
                ui.radio_value(
                    &mut self.filtered,
                    true,
                    format!("Only what the filters show ({showing} events)"),
                );
                if format == Format::Csv {
                    ui.checkbox(&mut self.bom, "Byte order mark, for Excel");
                }
                if format == Format::TimelineJs {
                    ui.weak("Undated events are left out: TimelineJS needs a date.");
                }
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.horizontal(|ui| {
                    if self.writing.is_some() {
                        ui.add(egui::Spinner::new());
                        ui.label("Writing…");
                    } else if ui.button("Save").clicked() {
                        save = true;
                    }
                    if ui.button("Cancel").clicked() {
                        self.format = None;
                    }
                });
            });
        if !open {
            self.format = None;
        }
        if save && self.writing.is_none() {
            self.start(ui.ctx(), format, loaded, filter.shown());
        }
    }

    fn pick(&mut self, ctx: &egui::Context, format: Format) {
        let name = PathBuf::from(self.path.trim())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match jobs::spawn("save-dialog", ctx, move |_| {
            pollster::block_on(
                rfd::AsyncFileDialog::new()
                    .set_title(format!("Export {}", format.name()))
                    .set_file_name(name)
                    .save_file(),
            )
            .map(|f| f.path().to_path_buf())
        }) {
            Ok(job) => self.picker = Some(job),
            Err(err) => self.error = Some(err),
        }
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        loaded: Option<&Arc<Loaded>>,
        shown: &[bool],
    ) {
        let Some(loaded) = loaded.map(Arc::clone) else {
            self.error = Some("Nothing is loaded yet.".into());
            return;
        };
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() {
            self.error = Some("Type the path of the file to write.".into());
            return;
        }
        if path.is_dir() {
            self.error = Some(format!("{} is a folder: add a file name.", path.display()));
            return;
        }
        self.error = None;
        let keep: Option<Vec<bool>> = self.filtered.then(|| shown.to_vec());
        let bom = self.bom;
        match jobs::spawn("export-text", ctx, move |_| {
            let keep = |i: usize| {
                keep.as_ref()
                    .is_none_or(|k| k.get(i).copied().unwrap_or(true))
            };
            let bytes =
                formats::render(&loaded.data, format, &keep, formats::csv::Options { bom })?;
            crate::atomic::write_atomically(&path, &bytes)
                .map_err(|e| format!("Not saved: {e}"))?;
            let events = (0..loaded.timeline.events.len())
                .filter(|&i| keep(i))
                .count();
            Ok((path, events))
        }) {
            Ok(job) => self.writing = Some(job),
            Err(err) => self.error = Some(err),
        }
    }
}
