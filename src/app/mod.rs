//! The desktop app: opens a folder of articles and shows its events on a timeline; clicking a
//! marker shows the paragraphs that reported it. The UI only draws and sends commands; the
//! pipeline runs on a background thread.

pub mod axis;
pub mod export_dialog;
pub mod filter;
pub mod source;
pub mod timeline;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, channel};

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::events::{self, Rules, Timeline};
use crate::ingest::{self, Corpus, Progress};
use axis::TimeView;
use export_dialog::{ExportDialog, ExportRequest, ExportSettings};
use source::SourceCommand;
use timeline::{TimelineCommand, TimelineInput};

/// What is remembered across launches (never the loaded data).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct State {
    pub last_paths: Vec<PathBuf>,
    pub hidden_kinds: Vec<String>,
    pub view: Option<TimeView>,
    pub dark: bool,
    pub export: ExportSettings,
}

/// A finished load: the articles, the rules used, and the timeline.
pub struct Loaded {
    pub paths: Vec<PathBuf>,
    pub corpus: Corpus,
    pub rules: Rules,
    pub timeline: Timeline,
    /// Events per kind, per article, and the undated ones: counted once, shown every frame.
    pub kind_counts: Vec<usize>,
    pub article_events: Vec<usize>,
    pub undated: Vec<usize>,
}

impl Loaded {
    #[must_use]
    pub fn new(paths: Vec<PathBuf>, corpus: Corpus, rules: Rules, timeline: Timeline) -> Self {
        let mut kind_counts = vec![0; rules.kinds.len()];
        let mut article_events = vec![0; corpus.articles.len()];
        let mut undated = Vec::new();
        for e in &timeline.events {
            if let Some(n) = kind_counts.get_mut(e.kind) {
                *n += 1;
            }
            let mut cited: Vec<usize> = e.sources.iter().map(|s| s.article).collect();
            cited.sort_unstable();
            cited.dedup();
            for a in cited {
                if let Some(n) = article_events.get_mut(a) {
                    *n += 1;
                }
            }
            if e.interval.is_none() {
                undated.push(e.id);
            }
        }
        Self {
            paths,
            corpus,
            rules,
            timeline,
            kind_counts,
            article_events,
            undated,
        }
    }
}

struct Job {
    progress: Arc<Progress>,
    result: Receiver<Loaded>,
}

/// Everything the UI asks for, applied in one place after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(Vec<PathBuf>),
    PickFolder,
    PickFiles,
    Reload,
    CancelLoad,
    Select(Option<usize>),
    Step(i32),
    SetView(TimeView),
    FitAll,
    Zoom(f64),
    ToggleKind(usize),
    FilterArticle(Option<usize>),
    ToggleTheme,
    ExportJson,
    /// Opens the PNG export window and the save dialog.
    ExportPng,
    Source(SourceCommand),
}

pub struct DatelineApp {
    pub state: State,
    pub loaded: Option<Arc<Loaded>>,
    job: Option<Job>,
    pub export: ExportDialog,
    picker: Option<Receiver<Option<Vec<PathBuf>>>>,
    saved: Option<Receiver<Result<PathBuf, String>>>,
    pub selected: Option<usize>,
    pub search: String,
    pub article_filter: Option<usize>,
    path_field: String,
    pub message: Option<String>,
    filter: filter::EventFilter,
    ctx: Option<egui::Context>,
}

impl DatelineApp {
    /// The app as eframe starts it: restores the remembered state and starts loading `paths`
    /// (or the last folder, or the bundled sample).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        let state: State = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(if state.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let mut app = Self::empty(state);
        app.ctx = Some(cc.egui_ctx.clone());
        let paths = if paths.is_empty() {
            app.state.last_paths.clone()
        } else {
            paths
        };
        let paths = if paths.is_empty() || !paths.iter().all(|p| p.exists()) {
            vec![sample_folder()]
        } else {
            paths
        };
        app.apply(Command::Open(paths));
        app
    }

    /// The app with `paths` loaded synchronously (tests, headless export).
    #[must_use]
    pub fn with_loaded(paths: Vec<PathBuf>) -> Self {
        let mut app = Self::empty(State::default());
        let loaded = load(paths, &Progress::default());
        app.install(loaded);
        app
    }

    fn empty(state: State) -> Self {
        Self {
            state,
            loaded: None,
            job: None,
            export: ExportDialog::default(),
            picker: None,
            saved: None,
            selected: None,
            search: String::new(),
            article_filter: None,
            path_field: String::new(),
            message: None,
            filter: filter::EventFilter::default(),
            ctx: None,
        }
    }

    fn install(&mut self, loaded: Loaded) {
        self.path_field = loaded
            .paths
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.state.last_paths.clone_from(&loaded.paths);
        self.selected = None;
        self.article_filter = None;
        self.filter.invalidate();
        if self.state.view.is_none()
            || self
                .loaded
                .as_ref()
                .is_some_and(|l| l.paths != loaded.paths)
        {
            self.state.view = fit_view(&loaded.timeline);
        }
        self.loaded = Some(Arc::new(loaded));
    }

    /// Starts loading on a named background thread; the UI polls its progress.
    fn start_load(&mut self, paths: Vec<PathBuf>) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("dateline-load".into())
            .spawn(move || {
                let loaded = load(paths, &shared);
                if !shared.is_cancelled() {
                    let _ = tx.send(loaded);
                }
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job {
                    progress,
                    result: rx,
                });
            }
            Err(err) => self.message = Some(format!("could not start loading: {err}")),
        }
    }

    fn poll(&mut self) {
        if let Some(job) = &self.job
            && let Ok(loaded) = job.result.try_recv()
        {
            self.job = None;
            let (articles, events, problems) = (
                loaded.corpus.articles.len(),
                loaded.timeline.events.len(),
                loaded.corpus.problems.len(),
            );
            let unread = if problems == 0 {
                String::new()
            } else {
                format!(", {problems} files could not be read (see Problems)")
            };
            self.message = Some(format!("{articles} articles, {events} events{unread}"));
            self.install(loaded);
        }
        if let Some(line) = self.export.poll(&mut self.state.export) {
            self.message = Some(line);
        }
        if let Some(saved) = &self.saved
            && let Ok(result) = saved.try_recv()
        {
            self.saved = None;
            self.message = Some(match result {
                Ok(path) => format!("Saved {}", path.display()),
                Err(err) => err,
            });
        }
        if let Some(picker) = &self.picker
            && let Ok(choice) = picker.try_recv()
        {
            self.picker = None;
            match choice {
                    Some(paths) => self.apply(Command::Open(paths)),
                    None => self.message = Some("No folder chosen. If no dialog appeared, no system file dialog is available: drop a folder here or type its path.".into()),
                }
        }
    }

    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(paths) => {
                self.message = None;
                self.start_load(paths);
            }
            Command::Reload => {
                if let Some(paths) = self.loaded.as_ref().map(|l| l.paths.clone()) {
                    self.start_load(paths);
                }
            }
            Command::PickFolder | Command::PickFiles => {
                let folder = command == Command::PickFolder;
                let (tx, rx) = channel();
                let ctx = self.ctx.clone();
                // The dialog runs on its own thread: the window keeps drawing meanwhile.
                let spawned = std::thread::Builder::new()
                    .name("dateline-dialog".into())
                    .spawn(move || {
                        let dialog = rfd::AsyncFileDialog::new();
                        let chosen = if folder {
                            pollster::block_on(
                                dialog.set_title("Open a folder of articles").pick_folder(),
                            )
                            .map(|f| vec![f.path().to_path_buf()])
                        } else {
                            pollster::block_on(
                                dialog
                                    .set_title("Open articles")
                                    .add_filter("articles", &["txt", "md", "html", "htm"])
                                    .pick_files(),
                            )
                            .map(|fs| fs.iter().map(|f| f.path().to_path_buf()).collect())
                        };
                        let _ = tx.send(chosen);
                        if let Some(ctx) = ctx {
                            ctx.request_repaint();
                        }
                    });
                if spawned.is_ok() {
                    self.picker = Some(rx);
                }
            }
            Command::CancelLoad => {
                if let Some(job) = self.job.take() {
                    job.progress.cancel();
                    self.message = Some("Loading cancelled.".into());
                }
            }
            Command::Select(id) => self.selected = id,
            Command::Step(direction) => self.step(direction),
            Command::SetView(view) => self.state.view = Some(view),
            Command::FitAll => {
                self.state.view = self.loaded.as_ref().and_then(|l| fit_view(&l.timeline));
            }
            Command::Zoom(factor) => {
                if let Some(v) = self.state.view {
                    self.state.view = Some(v.zoomed(factor, v.start_day + v.span() / 2.0));
                }
            }
            Command::ToggleKind(kind) => {
                if let Some(name) = self
                    .loaded
                    .as_ref()
                    .and_then(|l| l.rules.kinds.get(kind))
                    .map(|k| k.name.clone())
                {
                    if let Some(pos) = self.state.hidden_kinds.iter().position(|n| *n == name) {
                        self.state.hidden_kinds.remove(pos);
                    } else {
                        self.state.hidden_kinds.push(name);
                    }
                }
            }
            Command::FilterArticle(article) => self.article_filter = article,
            Command::ToggleTheme => {
                self.state.dark = !self.state.dark;
                if let Some(ctx) = &self.ctx {
                    ctx.set_theme(if self.state.dark {
                        egui::Theme::Dark
                    } else {
                        egui::Theme::Light
                    });
                }
            }
            Command::ExportJson => self.export_json(),
            Command::ExportPng => self.export.show(&self.state.export, self.ctx.as_ref()),
            Command::Source(SourceCommand::Copy(text)) => {
                if let Some(ctx) = &self.ctx {
                    ctx.copy_text(text);
                }
            }
            Command::Source(SourceCommand::OpenFile(path)) => {
                if let Some(ctx) = &self.ctx {
                    ctx.open_url(egui::OpenUrl::new_tab(format!("file://{}", path.display())));
                }
            }
        }
    }

    /// Selects the previous/next shown, dated event in date order.
    fn step(&mut self, direction: i32) {
        self.refresh_filter();
        let Some(loaded) = &self.loaded else { return };
        let shown = self.filter.shown();
        let order: Vec<usize> = loaded
            .timeline
            .events
            .iter()
            .filter(|e| e.interval.is_some() && shown[e.id])
            .map(|e| e.id)
            .collect();
        if order.is_empty() {
            return;
        }
        let next = match self
            .selected
            .and_then(|s| order.iter().position(|&id| id == s))
        {
            Some(pos) => {
                (pos as i64 + i64::from(direction)).clamp(0, order.len() as i64 - 1) as usize
            }
            None if direction >= 0 => 0,
            None => order.len() - 1,
        };
        self.selected = Some(order[next]);
    }

    fn visible_kinds(&self, loaded: &Loaded) -> Vec<bool> {
        filter::kind_visibility(&loaded.rules.kinds, &self.state.hidden_kinds)
    }

    /// Brings the per-event filter up to date with the search, kinds and article filter.
    fn refresh_filter(&mut self) {
        if let Some(loaded) = &self.loaded {
            self.filter.refresh(
                loaded,
                &self.search,
                &self.state.hidden_kinds,
                self.article_filter,
            );
        }
    }

    fn export_json(&mut self) {
        let Some(loaded) = &self.loaded else { return };
        let report = crate::report::Report::new(&loaded.corpus).with_events(
            &loaded.corpus,
            &loaded.timeline,
            &loaded.rules,
        );
        let json = match serde_json::to_string_pretty(&report) {
            Ok(json) => json,
            Err(err) => {
                self.message = Some(format!("could not write JSON: {err}"));
                return;
            }
        };
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-export".into())
            .spawn(move || {
                let chosen = pollster::block_on(
                    rfd::AsyncFileDialog::new()
                        .set_file_name("timeline.json")
                        .save_file(),
                );
                let Some(file) = chosen else { return };
                let path = file.path().to_path_buf();
                // Written beside the target and renamed: a failed write never leaves half a file.
                let tmp = path.with_extension("json.tmp");
                let result = std::fs::write(&tmp, json).and_then(|()| std::fs::rename(&tmp, &path));
                let _ = tx.send(
                    result
                        .map(|()| path.clone())
                        .map_err(|e| format!("could not save {}: {e}", path.display())),
                );
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.saved = Some(rx);
        }
    }

    fn shortcuts(ui: &Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                out.push(Command::PickFolder);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
                out.push(Command::ExportPng);
            }
            if i.consume_key(Modifiers::NONE, Key::F5) {
                out.push(Command::Reload);
            }
            if i.consume_key(Modifiers::NONE, Key::Home) {
                out.push(Command::FitAll);
            }
            if i.consume_key(Modifiers::NONE, Key::Plus)
                || i.consume_key(Modifiers::NONE, Key::Equals)
            {
                out.push(Command::Zoom(1.5));
            }
            if i.consume_key(Modifiers::NONE, Key::Minus) {
                out.push(Command::Zoom(1.0 / 1.5));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                out.push(Command::Step(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                out.push(Command::Step(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                out.push(Command::Select(None));
            }
        });
        out
    }

    /// The whole window, for eframe and for tests.
    pub fn window_ui(&mut self, ui: &mut Ui) {
        self.poll();
        self.refresh_filter();
        let mut commands = if !self.export.open && ui.memory(|m| m.focused().is_none()) {
            Self::shortcuts(ui)
        } else {
            Vec::new()
        };
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::Open(dropped));
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        if self.job.is_some() || self.message.is_some() || self.export.busy() {
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, &mut commands));
        }
        egui::Panel::left("side")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.side_ui(ui, &mut commands));
            });
        if let (Some(id), Some(loaded)) = (self.selected, &self.loaded)
            && let Some(event) = loaded.timeline.events.get(id)
        {
            egui::Panel::right("sources")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        if let Some(c) =
                            source::source_ui(ui, event, &loaded.rules.kinds, &loaded.corpus)
                        {
                            commands.push(Command::Source(c));
                        }
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        let request = ExportRequest {
            loaded: self.loaded.as_ref(),
            view: self.state.view,
            hidden_kinds: &self.state.hidden_kinds,
            ctx: self.ctx.as_ref(),
        };
        self.export.ui(ui, &mut self.state.export, &request);
        for command in commands {
            self.apply(command);
        }
        if self.job.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn menu_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let items =
            |ui: &mut Ui, commands: &mut Vec<Command>, entries: Vec<(&str, &str, Command)>| {
                for (label, shortcut, command) in entries {
                    if ui
                        .add(egui::Button::new(label).shortcut_text(shortcut))
                        .clicked()
                    {
                        commands.push(command);
                    }
                }
            };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                items(
                    ui,
                    commands,
                    vec![
                        ("Open folder…", "Ctrl+O", Command::PickFolder),
                        ("Open files…", "", Command::PickFiles),
                        ("Reload", "F5", Command::Reload),
                    ],
                );
                ui.separator();
                items(
                    ui,
                    commands,
                    vec![
                        ("Export PNG…", "Ctrl+E", Command::ExportPng),
                        ("Export JSON…", "", Command::ExportJson),
                    ],
                );
            });
            ui.menu_button("View", |ui| {
                items(
                    ui,
                    commands,
                    vec![
                        ("Fit all", "Home", Command::FitAll),
                        ("Zoom in", "+", Command::Zoom(1.5)),
                        ("Zoom out", "−", Command::Zoom(1.0 / 1.5)),
                        ("Previous event", "←", Command::Step(-1)),
                        ("Next event", "→", Command::Step(1)),
                        ("Deselect", "Esc", Command::Select(None)),
                    ],
                );
                ui.separator();
                let theme = if self.state.dark {
                    "Light theme"
                } else {
                    "Dark theme"
                };
                items(ui, commands, vec![(theme, "", Command::ToggleTheme)]);
            });
        });
    }

    fn status_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.job {
                let (fraction, text) = progress_text(&job.progress);
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(320.0)
                        .text(text),
                );
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelLoad);
                }
            }
            if self.export.busy() {
                ui.add(egui::Spinner::new());
                ui.label("Exporting PNG…");
            } else if let Some(message) = &self.message {
                ui.label(message);
            }
        });
    }

    fn side_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.path_field)
                    .hint_text("folder or file path")
                    .desired_width(180.0),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Folder path")
            });
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button("Open").clicked() || enter {
                commands.push(Command::Open(vec![PathBuf::from(self.path_field.trim())]));
            }
        });
        let Some(loaded) = &self.loaded else {
            ui.label("Loading…");
            return;
        };
        ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("search label, name, text"))
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search events")
            });
        ui.separator();
        ui.strong("Kinds");
        let visible = self.visible_kinds(loaded);
        for (k, kind) in loaded.rules.kinds.iter().enumerate() {
            let count = loaded.kind_counts.get(k).copied().unwrap_or(0);
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 5.0, timeline::kind_color(kind));
                let mut on = visible[k];
                if ui
                    .checkbox(&mut on, format!("{} ({count})", kind.label))
                    .changed()
                {
                    commands.push(Command::ToggleKind(k));
                }
            });
        }
        ui.separator();
        ui.strong(format!("Articles ({})", loaded.corpus.articles.len()));
        if self.article_filter.is_some() && ui.button("Show all articles").clicked() {
            commands.push(Command::FilterArticle(None));
        }
        // Long lists lay out only the rows in sight: a folder can hold thousands of articles.
        let row_h = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt("articles")
            .max_height(320.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_h, loaded.corpus.articles.len(), |ui, rows| {
                for a in rows {
                    let article = &loaded.corpus.articles[a];
                    let date = article
                        .published
                        .map_or_else(|| "undated".to_owned(), |d| d.to_string());
                    let from = article.published_from.map_or("", |s| s.describe());
                    let title = article.title.as_deref().unwrap_or(&article.file);
                    let events = loaded.article_events.get(a).copied().unwrap_or(0);
                    let selected = self.article_filter == Some(a);
                    // One line per row: show_rows counts on it; the hover has the rest.
                    if ui
                        .add(
                            egui::Button::selectable(
                                selected,
                                format!("{date}  {title}  ({events})"),
                            )
                            .truncate(),
                        )
                        .on_hover_text(format!(
                            "{}\npublished {date} — date from {from}\n{events} events",
                            article.file
                        ))
                        .clicked()
                    {
                        commands.push(Command::FilterArticle(if selected {
                            None
                        } else {
                            Some(a)
                        }));
                    }
                }
            });
        if !loaded.undated.is_empty() {
            ui.separator();
            ui.strong(format!("Undated events ({})", loaded.undated.len()));
            egui::ScrollArea::vertical()
                .id_salt("undated")
                .max_height(200.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_h, loaded.undated.len(), |ui, rows| {
                    for &id in &loaded.undated[rows] {
                        let Some(e) = loaded.timeline.events.get(id) else {
                            continue;
                        };
                        if ui
                            .add(
                                egui::Button::selectable(self.selected == Some(e.id), &e.label)
                                    .truncate(),
                            )
                            .on_hover_text(&e.label)
                            .clicked()
                        {
                            commands.push(Command::Select(Some(e.id)));
                        }
                    }
                });
        }
        if !loaded.corpus.problems.is_empty() {
            ui.separator();
            ui.strong(format!("Problems ({})", loaded.corpus.problems.len()));
            egui::ScrollArea::vertical()
                .id_salt("problems")
                .max_height(200.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_h, loaded.corpus.problems.len(), |ui, rows| {
                    for p in &loaded.corpus.problems[rows] {
                        let line = format!("{} — {}", p.path.display(), p.reason);
                        ui.add(egui::Label::new(line.as_str()).truncate())
                            .on_hover_text(line);
                    }
                });
        }
    }

    fn central_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(loaded) = &self.loaded else {
            let hint = if self.job.is_some() {
                "Reading the articles…"
            } else {
                "Open a folder of articles (Ctrl+O), drop one here, or type its path."
            };
            ui.centered_and_justified(|ui| ui.label(hint));
            return;
        };
        let Some(view) = self.state.view else {
            ui.centered_and_justified(|ui| ui.label("No dated events in these articles."));
            return;
        };
        let visible = self.visible_kinds(loaded);
        let shown = self.filter.shown();
        let input = TimelineInput {
            events: &loaded.timeline.events,
            kinds: &loaded.rules.kinds,
            visible: &visible,
            shown,
            selected: self.selected,
            view,
            numbers: None,
        };
        for c in timeline::timeline_ui(ui, &input) {
            commands.push(match c {
                TimelineCommand::Select(id) => Command::Select(id),
                TimelineCommand::SetView(v) => Command::SetView(v),
                TimelineCommand::FitAll => Command::FitAll,
            });
        }
    }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        self.window_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// Ingest, temporal, events and merge, reporting into `progress`.
#[must_use]
pub fn load(paths: Vec<PathBuf>, progress: &Progress) -> Loaded {
    let corpus = ingest::load_with_progress(&paths, progress);
    let rules = Rules::built_in();
    let timeline = if progress.is_cancelled() {
        Timeline::default()
    } else {
        events::extract_with_progress(&corpus, &rules, progress)
    };
    Loaded::new(paths, corpus, rules, timeline)
}

/// The progress bar's fill and words: reading files, then finding events, then merging.
fn progress_text(progress: &Progress) -> (f32, String) {
    let fraction = |done: usize, total: usize| {
        if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        }
    };
    let files = progress.files_total.load(Ordering::Relaxed);
    let read = progress.files_done.load(Ordering::Relaxed);
    let articles = progress.articles_total.load(Ordering::Relaxed);
    let searched = progress.articles_done.load(Ordering::Relaxed);
    if articles == 0 {
        (
            fraction(read, files),
            format!("Reading files: {read} / {files}"),
        )
    } else if searched < articles {
        (
            fraction(searched, articles),
            format!("Finding events: {searched} / {articles} articles"),
        )
    } else {
        (1.0, "Merging reports of the same events…".to_owned())
    }
}

/// The view that shows every dated event.
fn fit_view(timeline: &Timeline) -> Option<TimeView> {
    let days = timeline
        .events
        .iter()
        .filter_map(|e| e.interval)
        .flat_map(|iv| {
            [
                axis::day_from_date(iv.start),
                axis::day_from_date(iv.end) + 1.0,
            ]
        });
    let (lo, hi) = days.fold((f64::MAX, f64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    (lo <= hi).then(|| TimeView::fit(lo, hi))
}

/// The bundled sample, next to the working directory or the crate the binary was built from.
#[must_use]
pub fn sample_folder() -> PathBuf {
    let relative = PathBuf::from("assets/sample");
    if relative.is_dir() {
        relative
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_says_which_stage_is_running() {
        let p = Progress::default();
        p.files_total.store(10, Ordering::Relaxed);
        p.files_done.store(4, Ordering::Relaxed);
        assert_eq!(progress_text(&p), (0.4, "Reading files: 4 / 10".to_owned()));
        p.files_done.store(10, Ordering::Relaxed);
        p.articles_total.store(8, Ordering::Relaxed);
        p.articles_done.store(2, Ordering::Relaxed);
        assert_eq!(
            progress_text(&p),
            (0.25, "Finding events: 2 / 8 articles".to_owned())
        );
        p.articles_done.store(8, Ordering::Relaxed);
        assert_eq!(progress_text(&p).1, "Merging reports of the same events…");
    }

    #[test]
    fn counts_are_made_once_per_load() {
        let loaded = load(vec![sample_folder()], &Progress::default());
        assert_eq!(
            loaded.kind_counts.iter().sum::<usize>(),
            loaded.timeline.events.len()
        );
        // Both sample articles report most of the events.
        assert!(loaded.article_events.iter().all(|&n| n >= 5));
        assert!(
            loaded
                .undated
                .iter()
                .all(|&id| loaded.timeline.events[id].interval.is_none())
        );
    }
}
