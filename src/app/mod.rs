//! The desktop app: opens a folder of articles and shows its events on a timeline; clicking a
//! marker shows the paragraphs that reported it. Drawing only collects [`Command`]s; they are
//! applied after the frame, and the pipeline runs in background [`jobs`].

pub mod chronology;
pub mod command;
pub mod edit;
pub mod export_dialog;
pub mod filter;
pub mod jobs;
pub mod save_dialog;
pub mod side;
pub mod source_panel;
pub mod state;
mod system_open;
pub mod watch;

use std::fmt::Write as _;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use crate::corrections::{self, Correction};
use crate::dataset::Dataset;
use crate::events::Rules;
use crate::timeline::{self, TimelineCommand, TimelineInput};
pub use command::Command;
use export_dialog::{ExportDialog, ExportRequest};
use jobs::Job;
use source_panel::PanelCommand;
pub use state::State;

/// How long a status message stays.
const MESSAGE_SECONDS: f64 = 12.0;

/// Below this width the Source panel goes under the timeline instead of beside it.
const NARROW_WIDTH: f32 = 900.0;
/// Below this height (and narrow) the Source panel takes the chronology table's place.
const SHORT_HEIGHT: f32 = 560.0;

/// The app's name: its window title and the name of the folder eframe and [`State`] keep
/// their settings in, which the launcher checks before eframe opens it.
pub const APP_NAME: &str = "Dateline";

/// What the app is started with, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Folders or files to open; empty reopens the last folder, or the sample.
    pub paths: Vec<PathBuf>,
    /// Rules files whose kinds are added to the built-in ones, on every load.
    pub rules_files: Vec<PathBuf>,
}

/// A loaded folder and the counts the side panel shows every frame, made once per load.
pub struct Loaded {
    pub data: Dataset,
    pub kind_counts: Vec<usize>,
    pub article_events: Vec<usize>,
    pub undated: Vec<usize>,
}

impl Deref for Loaded {
    type Target = Dataset;

    fn deref(&self) -> &Dataset {
        &self.data
    }
}

impl Loaded {
    #[must_use]
    pub fn new(data: Dataset) -> Self {
        let mut kind_counts = vec![0; data.rules.kinds.len()];
        let mut article_events = vec![0; data.corpus.articles.len()];
        let mut undated = Vec::new();
        for e in &data.timeline.events {
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
            data,
            kind_counts,
            article_events,
            undated,
        }
    }
}

/// A load's result: the data, and a note when the user's rules could not be used.
struct LoadOutcome {
    loaded: Loaded,
    rules_note: Option<String>,
}

pub struct DatelineApp {
    pub state: State,
    pub loaded: Option<Arc<Loaded>>,
    rules_files: Vec<PathBuf>,
    load: Option<Job<LoadOutcome>>,
    pub export: ExportDialog,
    picker: Option<Job<Option<Vec<PathBuf>>>>,
    /// The system opener of "Open file", whose failure is said.
    opener: Option<Job<Result<(), String>>>,
    /// The program "Open file" runs instead of the desktop's opener (tests).
    pub open_with: Option<PathBuf>,
    pub save: save_dialog::SaveDialog,
    /// The article viewer's event and source, and whether it still has to scroll to it.
    pub reading: Option<source_panel::Reading>,
    reading_scroll: bool,
    article_form: source_panel::ArticleForm,
    /// Corrections made since the folder opened, to undo and redo.
    pub history: edit::History,
    editor: edit::Editor,
    /// Bumped whenever `loaded` is replaced, so forms refill from the new events.
    data_generation: u64,
    watch: Option<watch::FolderWatch>,
    /// Reading again the files the watch reported.
    reload: Option<Job<(Dataset, Vec<PathBuf>)>>,
    /// Full loads started (a watched change reads only its files, and counts none).
    pub full_loads: usize,
    pub selected: Option<usize>,
    pub search: String,
    /// Ctrl+F asked for the search field: it takes the keyboard on the next frame.
    focus_search: bool,
    pub article_filter: Option<usize>,
    path_field: String,
    pub message: Option<String>,
    filter: filter::EventFilter,
    rows: chronology::Rows,
    /// The timeline's index for the filter generation it was built for.
    view_index: Option<(u64, Option<timeline::index::ViewIndex>)>,
    /// The status message last seen and when (egui's clock), so it can clear after a while.
    message_seen: Option<(String, f64)>,
    ctx: egui::Context,
    /// Where the state is saved, and what was saved last (saved again only when changed).
    state_file: Option<PathBuf>,
    saved_state: Option<State>,
}

impl DatelineApp {
    /// The app as eframe starts it: restores the remembered state and starts loading.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let state_file = State::default_file();
        let (state, state_note) = match state_file.as_deref().map(State::load_from) {
            Some(Ok(Some(state))) => (state, None),
            Some(Err(note)) => (State::default(), Some(note)),
            // Nothing saved by this version yet: what an earlier one kept in eframe's file.
            _ => (
                cc.storage
                    .and_then(|s| s.get_string(eframe::APP_KEY))
                    .map(|text| State::from_ron(&text))
                    .unwrap_or_default(),
                None,
            ),
        };
        let mut app = Self::empty(state, launch.rules_files, cc.egui_ctx.clone());
        app.state_file = state_file;
        app.saved_state = Some(app.state.clone());
        app.apply_theme();
        let given = !launch.paths.is_empty();
        let paths = initial_paths(launch.paths, &app.state.last_paths);
        let gone = missing_last_folder(given, &app.state.last_paths);
        if gone.is_some() {
            // The old zoom belonged to the folder that is gone.
            app.state.view = None;
        }
        app.start_load(paths);
        app.message = state_note.or(gone);
        app
    }

    /// The app with `launch` loaded before it returns (tests, benchmarks).
    #[must_use]
    pub fn with_loaded(launch: Launch) -> Self {
        let mut app = Self::empty(
            State::default(),
            launch.rules_files,
            egui::Context::default(),
        );
        let outcome = load(
            launch.paths,
            &app.rules_files,
            &crate::progress::Progress::default(),
        );
        app.message = outcome.rules_note;
        app.install(outcome.loaded);
        app
    }

    fn empty(state: State, rules_files: Vec<PathBuf>, ctx: egui::Context) -> Self {
        Self {
            state,
            loaded: None,
            rules_files,
            load: None,
            export: ExportDialog::default(),
            picker: None,
            opener: None,
            open_with: None,
            save: save_dialog::SaveDialog::default(),
            reading: None,
            reading_scroll: false,
            article_form: source_panel::ArticleForm::default(),
            history: edit::History::default(),
            editor: edit::Editor::default(),
            data_generation: 0,
            watch: None,
            reload: None,
            full_loads: 0,
            selected: None,
            search: String::new(),
            focus_search: false,
            article_filter: None,
            path_field: String::new(),
            message: None,
            filter: filter::EventFilter::default(),
            rows: chronology::Rows::default(),
            view_index: None,
            message_seen: None,
            ctx,
            state_file: None,
            saved_state: None,
        }
    }

    fn install(&mut self, loaded: Loaded) {
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Title(window_title(&loaded.paths)));
        self.path_field = loaded
            .paths
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        // The remembered zoom belongs to the folder it was saved with: another folder given
        // on the command line starts from its own first view.
        let remembered_folder = self.state.last_paths == loaded.paths;
        self.state.last_paths.clone_from(&loaded.paths);
        self.state.enter_folder(&loaded.paths);
        self.selected = None;
        self.article_filter = None;
        let other_folder = self
            .loaded
            .as_ref()
            .is_some_and(|l| l.paths != loaded.paths);
        if self.state.view.is_none() || other_folder || !remembered_folder {
            self.state.view = timeline::axis::fit_bulk(&loaded.timeline.events);
        }
        if other_folder {
            self.history = edit::History::default();
        }
        self.reload = None;
        self.watch = None;
        if !self.state.watch_paused {
            self.start_watching(&loaded.paths);
        }
        self.show(loaded);
    }

    /// Makes `loaded` what the window shows: what was made from the previous data (filter,
    /// table rows, view index, the article viewer, the forms) is made again.
    fn show(&mut self, loaded: Loaded) {
        self.filter.invalidate();
        self.rows.invalidate();
        self.reading = None;
        self.view_index = None;
        self.data_generation += 1;
        self.loaded = Some(Arc::new(loaded));
    }

    /// Watches `paths`; when that is impossible (no inotify left, a network drive), says so.
    fn start_watching(&mut self, paths: &[PathBuf]) {
        match watch::FolderWatch::new(paths, &self.ctx) {
            Ok(w) => self.watch = Some(w),
            Err(err) => {
                self.message = Some(match self.message.take() {
                    Some(m) => format!("{m}. {err}"),
                    None => err,
                });
            }
        }
    }

    /// Turns watching the folder on or off (remembered).
    fn toggle_watch(&mut self) {
        self.state.watch_paused = !self.state.watch_paused;
        self.watch = None;
        self.reload = None;
        if self.state.watch_paused {
            self.message =
                Some("Not watching the folder: changed files are read on Reload (F5).".into());
        } else if let Some(paths) = self.loaded.as_ref().map(|l| l.paths.clone()) {
            self.message =
                Some("Watching the folder: changed files are read again as they change.".into());
            self.start_watching(&paths);
        }
    }

    /// Starts reading again the files the watch reported, once the folder is quiet and
    /// nothing else is loading.
    fn poll_watch(&mut self) {
        let Some(w) = self.watch.as_mut() else {
            return;
        };
        let now = std::time::Instant::now();
        if self.load.is_some() || self.reload.is_some() {
            if let Some(due) = w.due_in(now) {
                self.ctx.request_repaint_after(due.max(watch::QUIET));
            }
            return;
        }
        let mut problems = Vec::new();
        let changed = w.changed(now, &mut problems);
        if let Some(due) = w.due_in(now) {
            self.ctx.request_repaint_after(due);
        }
        if let Some(problem) = problems.pop() {
            self.message = Some(problem);
        }
        let (Some(mut changed), Some(loaded)) = (changed, self.loaded.clone()) else {
            return;
        };
        let before = changed.len();
        changed.retain(|p| !watch::is_corrections(p));
        if changed.len() < before {
            self.corrections_changed_on_disk(&loaded);
        }
        if changed.is_empty() {
            return;
        }
        let Some(loaded) = self.loaded.as_ref() else {
            return;
        };
        let data = loaded.data.clone();
        match jobs::spawn("reload", &self.ctx, move |_| {
            (data.reload_files(&changed), changed)
        }) {
            Ok(job) => self.reload = Some(job),
            Err(err) => self.message = Some(err),
        }
    }

    /// The corrections file changed: when it no longer holds what this window saved (edited
    /// by hand, by another window, by a `git pull`), its corrections are shown.
    fn corrections_changed_on_disk(&mut self, loaded: &Loaded) {
        let Some(store) = &loaded.corrections.store else {
            return;
        };
        let saved = store.load().map(|(list, _)| list);
        match &saved {
            Ok(list)
                if *list == loaded.corrections.list && loaded.corrections.unreadable.is_none() =>
            {
                return;
            }
            Ok(list)
                if corrections::published_dates(list)
                    != corrections::published_dates(&loaded.corrections.list) =>
            {
                self.start_load(loaded.paths.clone());
            }
            _ => self.replace_data(loaded.with_saved_corrections(saved.clone())),
        }
        // What undo would restore was overwritten elsewhere.
        self.history = edit::History::default();
        self.message = Some(match saved {
            Ok(_) => format!(
                "{} changed on disk: its corrections are shown.",
                corrections::FILE_NAME
            ),
            Err(err) => format!("{err}. Corrections are not saved until the file is fixed."),
        });
    }

    /// Shows `data` in place of what is loaded, keeping the view and the selected event.
    fn replace_data(&mut self, data: Dataset) {
        let Some(loaded) = self.loaded.clone() else {
            return;
        };
        let selected = self
            .selected
            .and_then(|id| loaded.timeline.events.get(id))
            .and_then(|e| corrections::Anchor::of_event(&loaded.corpus, e));
        self.selected = selected
            .and_then(|a| a.event_in(&data.corpus, &data.timeline.events))
            .map(|(e, _)| e);
        self.show(Loaded::new(data));
    }

    /// Starts loading `paths` in the background, replacing (and cancelling) any load running.
    fn start_load(&mut self, paths: Vec<PathBuf>) {
        self.full_loads += 1;
        let rules_files = self.rules_files.clone();
        match jobs::spawn("load", &self.ctx, move |progress| {
            load(paths, &rules_files, progress)
        }) {
            Ok(job) => self.load = Some(job),
            Err(err) => self.message = Some(err),
        }
    }

    /// Collects what background jobs finished: once per frame, before drawing.
    pub fn logic(&mut self) {
        if let Some(outcome) = self.load.as_ref().and_then(Job::poll) {
            let cancelled = self
                .load
                .take()
                .is_some_and(|job| job.progress.is_cancelled());
            match outcome {
                Ok(_) if cancelled => {}
                Ok(LoadOutcome { loaded, rules_note }) => {
                    self.message = Some(load_summary(&loaded, rules_note.as_deref()));
                    self.install(loaded);
                }
                Err(err) => self.message = Some(err),
            }
        }
        if let Some(outcome) = self.reload.as_ref().and_then(Job::poll) {
            self.reload = None;
            match outcome {
                Ok((data, changed)) => {
                    let files = data.corpus.articles.len();
                    // A correction made while the files were read applies to them too.
                    let data = match &self.loaded {
                        Some(l) if l.corrections.list != data.corrections.list => {
                            data.with_corrections(l.corrections.list.clone())
                        }
                        _ => data,
                    };
                    self.replace_data(data);
                    self.message = Some(format!(
                        "Read again as the folder changed: {} ({files} articles, {} events).",
                        changed_names(&changed),
                        self.loaded.as_ref().map_or(0, |l| l.timeline.events.len())
                    ));
                }
                Err(err) => self.message = Some(err),
            }
        }
        self.poll_watch();
        if let Some(line) = self.export.poll(&mut self.state.export) {
            self.message = Some(line);
        }
        if let Some(line) = self.save.poll() {
            self.message = Some(line);
        }
        if let Some(outcome) = self.opener.as_ref().and_then(Job::poll) {
            self.opener = None;
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(err)) | Err(err) => self.message = Some(err),
            }
        }
        if let Some(outcome) = self.picker.as_ref().and_then(Job::poll) {
            self.picker = None;
            match outcome {
                Ok(Some(paths)) => self.apply(Command::Open(paths)),
                Ok(None) => self.message = Some("No folder chosen. If no dialog appeared, no system file dialog is available: drop a folder here or type its path.".into()),
                Err(err) => self.message = Some(err),
            }
        }
    }

    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(paths) => {
                // A typo in the path field keeps what is open, and is not remembered.
                if let Some(missing) = paths.iter().find(|p| !p.exists()) {
                    self.message = Some(format!(
                        "Nothing opened: {} does not exist. The current folder stays open.",
                        missing.display()
                    ));
                    return;
                }
                self.message = None;
                self.start_load(paths);
            }
            Command::Reload => {
                if let Some(paths) = self.loaded.as_ref().map(|l| l.paths.clone()) {
                    self.start_load(paths);
                }
            }
            Command::PickFolder | Command::PickFiles => self.pick(command == Command::PickFolder),
            Command::CancelLoad => {
                if let Some(job) = self.load.take() {
                    job.cancel();
                    self.message = Some("Loading cancelled.".into());
                }
            }
            Command::Select(id) => self.selected = id,
            Command::Reveal(id) => self.reveal(id),
            Command::Step(direction) => self.step(direction),
            Command::SetView(view) => self.state.view = Some(view),
            Command::FitAll => {
                // What the search and the kinds let through (the filter's `shown` holds
                // both), so Home after a search shows its events across the width;
                // everything when nothing passes.
                let fitted = self.loaded.as_ref().and_then(|l| {
                    let shown = self.filter.shown();
                    let listed = l
                        .timeline
                        .events
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true));
                    timeline::axis::fit_events(listed.map(|(_, e)| e))
                        .or_else(|| timeline::axis::fit_events(&l.timeline.events))
                });
                self.state.view = fitted;
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
                    self.state.hidden_kinds.toggle(&name);
                    if let Some(loaded) = &self.loaded {
                        self.state.remember_hidden(&loaded.paths);
                    }
                }
            }
            Command::FilterArticle(article) => self.article_filter = article,
            Command::ReadArticle(article) => {
                self.reading = Some(source_panel::Reading::Article(article));
                self.reading_scroll = false;
            }
            Command::ToggleSidePanel => self.state.hide_side = !self.state.hide_side,
            Command::FocusSearch => {
                self.state.hide_side = false;
                self.focus_search = true;
            }
            Command::ToggleTable => self.state.hide_table = !self.state.hide_table,
            Command::ToggleWatch => self.toggle_watch(),
            Command::ToggleTheme => {
                self.state.dark = !self.state.dark;
                self.apply_theme();
            }
            Command::ExportText(format) => {
                if self.loaded.is_some() {
                    self.save.open(format);
                } else {
                    self.message = Some("Nothing to export yet: open a folder first.".into());
                }
            }
            Command::ExportPng => self.export.show(&self.state.export, &self.ctx),
            Command::WritePng { path, options } => {
                if let Some(loaded) = &self.loaded {
                    self.export
                        .start(Arc::clone(loaded), options, path, &self.ctx);
                }
            }
            Command::SourcePanel(PanelCommand::Copy(text)) => {
                self.ctx.copy_text(text);
                self.message = Some("Citation copied to the clipboard.".into());
            }
            Command::SourcePanel(PanelCommand::ReadArticle { event, source }) => {
                self.reading = Some(source_panel::Reading::Source { event, source });
                self.reading_scroll = true;
            }
            Command::SourcePanel(PanelCommand::Correct(correction))
            | Command::Correct(correction) => {
                self.correct(correction);
            }
            Command::Restore(index) => self.restore(index),
            Command::Undo => self.undo(true),
            Command::RejectSelected => {
                let anchor = self.loaded.as_ref().and_then(|l| {
                    let event = l.timeline.events.get(self.selected?)?;
                    corrections::Anchor::of_event(&l.corpus, event)
                });
                match anchor {
                    Some(event) => self.correct(Correction::Reject { event }),
                    None => self.message = Some("Select an event to reject first.".into()),
                }
            }
            Command::Redo => self.undo(false),
            Command::SourcePanel(PanelCommand::OpenFile(path)) => {
                self.message = Some(format!(
                    "Opening {} with the system's application…",
                    path.display()
                ));
                let program = self.open_with.clone();
                match jobs::spawn("open-file", &self.ctx, move |_| {
                    system_open::open(program.as_deref(), &path)
                }) {
                    Ok(job) => self.opener = Some(job),
                    Err(err) => self.message = Some(err),
                }
            }
        }
    }

    /// Adds `correction` to the folder's corrections.
    fn correct(&mut self, correction: Correction) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        let subject = match &correction {
            Correction::Published { file, .. } => file.clone(),
            other => other
                .anchor()
                .and_then(|a| a.event_in(&loaded.corpus, &loaded.timeline.events))
                .and_then(|(e, _)| loaded.timeline.events.get(e))
                .map(|e| e.label.clone())
                .unwrap_or_default(),
        };
        let description = correction.describe(&subject);
        let before = loaded.corrections.list.clone();
        let mut list = before.clone();
        list.push(correction);
        if self.use_corrections(list, &format!("Saved: {description}")) {
            self.history.record(description, before);
        }
    }

    /// Takes back the rejection made by correction `index`.
    fn restore(&mut self, index: usize) {
        let Some(loaded) = &self.loaded else {
            return;
        };
        let label = loaded
            .corrections
            .rejected
            .iter()
            .find(|(n, _)| *n == index)
            .map(|(_, e)| e.label.clone())
            .unwrap_or_default();
        let before = loaded.corrections.list.clone();
        let mut list = before.clone();
        if index < list.len() {
            list.remove(index);
        }
        let description = format!("restore “{label}”");
        if self.use_corrections(list, &format!("Saved: {description}")) {
            self.history.record(description, before);
        }
    }

    /// Undoes (or, with `back` false, redoes) the last change.
    fn undo(&mut self, back: bool) {
        let Some(current) = self.loaded.as_ref().map(|l| l.corrections.list.clone()) else {
            return;
        };
        let step = if back {
            self.history.undo(current.clone())
        } else {
            self.history.redo(current.clone())
        };
        let Some(step) = step else {
            self.message = Some(
                if back {
                    "Nothing to undo."
                } else {
                    "Nothing to redo."
                }
                .into(),
            );
            return;
        };
        let done = if back { "Undone" } else { "Redone" };
        if !self.use_corrections(step.list, &format!("{done}: {}", step.description)) {
            // Saving failed: the history goes back to where it was.
            if back {
                self.history.redo(current);
            } else {
                self.history.undo(current);
            }
        }
    }

    /// Saves `list` as the folder's corrections and shows the timeline with them; false
    /// (with the reason in the status bar) when they could not be saved.
    fn use_corrections(&mut self, list: Vec<Correction>, description: &str) -> bool {
        let Some(loaded) = self.loaded.clone() else {
            return false;
        };
        if let Some(reason) = &loaded.corrections.unreadable {
            self.message = Some(format!(
                "Not changed: the saved corrections could not be read, and saving would overwrite them ({reason}). Fix or remove the file, then reload."
            ));
            return false;
        }
        let Some(store) = &loaded.corrections.store else {
            self.message = Some("Not changed: nothing is open to correct.".into());
            return false;
        };
        let saved_at = match store.save(&list) {
            Ok(path) => path,
            Err(err) => {
                self.message = Some(err);
                return false;
            }
        };
        let elsewhere = if saved_at == store.in_folder {
            String::new()
        } else {
            format!(" (the folder is read-only: kept in {})", saved_at.display())
        };
        if corrections::published_dates(&list)
            != corrections::published_dates(&loaded.corrections.list)
        {
            // Relative dates resolve against the publication date: extract again.
            self.message = Some(format!(
                "{description}{elsewhere}; reading the articles again…"
            ));
            self.start_load(loaded.paths.clone());
            return true;
        }
        self.replace_data(loaded.with_corrections(list));
        self.message = Some(format!("{description}{elsewhere}."));
        true
    }

    fn apply_theme(&self) {
        self.ctx.set_theme(if self.state.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }

    /// The system's open dialog, on its own thread: the window keeps drawing meanwhile.
    fn pick(&mut self, folder: bool) {
        if self.picker.is_some() {
            return;
        }
        let job = jobs::spawn("open-dialog", &self.ctx, move |_| {
            let dialog = rfd::AsyncFileDialog::new();
            if folder {
                pollster::block_on(dialog.set_title("Open a folder of articles").pick_folder())
                    .map(|f| vec![f.path().to_path_buf()])
            } else {
                pollster::block_on(
                    dialog
                        .set_title("Open articles")
                        .add_filter("articles", &["txt", "md", "html", "htm"])
                        .pick_files(),
                )
                .map(|fs| fs.iter().map(|f| f.path().to_path_buf()).collect())
            }
        });
        match job {
            Ok(job) => self.picker = Some(job),
            Err(err) => self.message = Some(err),
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
        self.reveal(order[next]);
    }

    /// Pans (and zooms out if it must) so the event `id` lies inside the view with a margin:
    /// stepping through events never selects one off screen.
    fn reveal(&mut self, id: usize) {
        let Some(loaded) = &self.loaded else { return };
        let (Some(view), Some(iv)) = (
            self.state.view,
            loaded.timeline.events.get(id).and_then(|e| e.interval),
        ) else {
            return;
        };
        let start = timeline::axis::day_from_date(iv.start);
        let end = timeline::axis::day_from_date(iv.end) + 1.0;
        let margin = view.span() * 0.05;
        if start >= view.start_day + margin && end <= view.end_day - margin {
            return;
        }
        let span = view.span().max((end - start) / 0.9);
        let middle = f64::midpoint(start, end);
        self.state.view = Some(timeline::axis::TimeView {
            start_day: middle - span / 2.0,
            end_day: middle + span / 2.0,
        });
    }

    /// Brings the per-event filter up to date with the search, kinds and article filter,
    /// and the timeline's index with the filter.
    fn refresh_filter(&mut self) {
        if let Some(loaded) = &self.loaded {
            self.filter.refresh(
                loaded,
                &self.search,
                &self.state.hidden_kinds,
                self.article_filter,
            );
            let generation = self.filter.generation();
            if self.view_index.as_ref().map(|(g, _)| *g) != Some(generation) {
                let shown = self.filter.shown();
                let index = timeline::index::ViewIndex::new(&loaded.timeline.events, |i| {
                    shown.get(i).copied().unwrap_or(true)
                });
                self.view_index = Some((generation, index));
            }
        }
    }

    /// The whole window, for eframe and for tests.
    pub fn window_ui(&mut self, ui: &mut Ui) {
        // The context the app draws into is the one its jobs must wake.
        ui.ctx().clone_into(&mut self.ctx);
        self.refresh_filter();
        let mut commands = if !self.export.open
            && self.save.format.is_none()
            && ui.memory(|m| m.focused().is_none())
        {
            ui.input_mut(command::pressed)
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
        self.expire_message(ui.input(|i| i.time));
        let note = self.filter_note();
        // Always there: a panel that came and went with the search's note shifted the side
        // panel and took the keyboard focus from the search field after a letter or two.
        egui::Panel::bottom("status")
            .show(ui, |ui| self.status_ui(ui, note.as_deref(), &mut commands));
        // Panels share the window by proportion, so a small window keeps room for the
        // timeline: the side panel takes at most a third of the width, and below
        // NARROW_WIDTH the Source panel moves under the timeline.
        let window = ui.available_rect_before_wrap();
        let narrow = window.width() < NARROW_WIDTH;
        let short = window.height() < SHORT_HEIGHT;
        if !self.state.hide_side {
            egui::Panel::left("side")
                .resizable(true)
                .default_size(if narrow { 200.0 } else { 280.0 })
                .size_range(160.0..=(window.width() / 3.0).max(160.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        side::side_ui(
                            ui,
                            &mut side::SideState {
                                path_field: &mut self.path_field,
                                search: &mut self.search,
                                focus_search: &mut self.focus_search,
                                hidden_kinds: &self.state.hidden_kinds,
                                article_filter: self.article_filter,
                                selected: self.selected,
                                filter: &self.filter,
                            },
                            self.loaded.as_deref(),
                            &mut commands,
                        );
                    });
                });
        }
        let source = self
            .selected
            .zip(self.loaded.as_ref())
            .and_then(|(id, loaded)| loaded.timeline.events.get(id).map(|e| (e, loaded)));
        if let Some((event, loaded)) = source {
            let panel = if narrow {
                egui::Panel::bottom("sources")
                    .default_size(window.height() * 0.3)
                    .size_range(80.0..=(window.height() * 0.4).max(80.0))
            } else {
                egui::Panel::right("sources")
                    .default_size(420.0)
                    .size_range(200.0..=(window.width() * 0.45).max(200.0))
            };
            panel.resizable(true).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let editor = &mut self.editor;
                    let generation = self.data_generation;
                    let mut edits = Vec::new();
                    let below_header = |ui: &mut Ui| {
                        edit::editor_ui(ui, event, loaded, editor, generation, &mut edits);
                    };
                    let panel = source_panel::source_ui(
                        ui,
                        event,
                        &loaded.rules.kinds,
                        &loaded.corpus,
                        below_header,
                    );
                    commands.extend(edits);
                    if let Some(c) = panel {
                        commands.push(Command::SourcePanel(c));
                    }
                });
            });
        }
        // In a short window with the Source panel below, the table gives way to it.
        let table_fits = !(short && narrow && source.is_some());
        if !self.state.hide_table
            && table_fits
            && let Some(loaded) = &self.loaded
        {
            self.rows.refresh(
                self.filter.generation(),
                self.state.sort,
                &loaded.timeline.events,
                &loaded.rules.kinds,
                self.filter.shown(),
            );
            let input = chronology::TableInput {
                events: &loaded.timeline.events,
                kinds: &loaded.rules.kinds,
                selected: self.selected,
            };
            egui::Panel::bottom("chronology")
                .resizable(true)
                .default_size(window.height() * 0.28)
                .size_range(60.0..=(window.height() * 0.4).max(60.0))
                .show(ui, |ui| {
                    commands.extend(chronology::table_ui(
                        ui,
                        &input,
                        &mut self.state.sort,
                        &mut self.rows,
                    ));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        let request = ExportRequest {
            loaded: self.loaded.as_ref(),
            view: self.state.view,
            hidden_kinds: &self.state.hidden_kinds,
        };
        if let Some(command) = self.export.ui(ui, &mut self.state.export, &request) {
            commands.push(command);
        }
        self.save.ui(ui, self.loaded.as_ref(), &self.filter);
        if let (Some(reading), Some(loaded)) = (self.reading, &self.loaded) {
            let mut asked = Vec::new();
            let target = match reading {
                source_panel::Reading::Source { event, source } => loaded
                    .timeline
                    .events
                    .get(event)
                    .and_then(|e| e.sources.get(source).map(|s| (s.article, Some((e, s))))),
                source_panel::Reading::Article(a) => Some((a, None)),
            };
            let open = target.is_some_and(|target| {
                source_panel::article_ui(
                    ui.ctx(),
                    target,
                    &loaded.corpus,
                    &loaded.rules.kinds,
                    (&mut self.reading_scroll, &mut self.article_form),
                    &mut asked,
                )
            });
            commands.extend(asked.into_iter().map(Command::SourcePanel));
            if !open {
                self.reading = None;
            }
        }
        for command in commands {
            self.apply(command);
        }
        if self.load.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn menu_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command::menu_ui(ui, command::Menu::File, commands);
            });
            ui.menu_button("Edit", |ui| {
                fn last(steps: &[edit::Step]) -> Option<&str> {
                    steps.last().map(|s| s.description.as_str())
                }
                command::edit_menu_ui(
                    ui,
                    (last(&self.history.undo), last(&self.history.redo)),
                    commands,
                );
                ui.separator();
                command::menu_ui(ui, command::Menu::Edit, commands);
            });
            ui.menu_button("View", |ui| {
                command::menu_ui(ui, command::Menu::View, commands);
                ui.separator();
                let mut dark = self.state.dark;
                if ui.checkbox(&mut dark, "Dark theme").clicked() {
                    commands.push(Command::ToggleTheme);
                }
                let mut watching = !self.state.watch_paused;
                if ui
                    .checkbox(&mut watching, "Watch the folder for changes")
                    .on_hover_text("Read again the files that are added, changed or removed")
                    .clicked()
                {
                    commands.push(Command::ToggleWatch);
                }
            });
        });
    }

    /// Clears a status message [`MESSAGE_SECONDS`] after it first showed; a load in progress
    /// keeps its line.
    fn expire_message(&mut self, now: f64) {
        let Some(message) = &self.message else {
            self.message_seen = None;
            return;
        };
        match &self.message_seen {
            Some((seen, since)) if seen == message => {
                let left = MESSAGE_SECONDS - (now - since);
                if left <= 0.0 && self.load.is_none() {
                    self.message = None;
                    self.message_seen = None;
                } else if left > 0.0 {
                    self.ctx
                        .request_repaint_after(std::time::Duration::from_secs_f64(left));
                }
            }
            _ => {
                self.message_seen = Some((message.clone(), now));
                self.ctx
                    .request_repaint_after(std::time::Duration::from_secs_f64(MESSAGE_SECONDS));
            }
        }
    }

    /// "Showing 3 of 12 events: search "missile", 1 kind hidden" while filters leave some out.
    fn filter_note(&self) -> Option<String> {
        let loaded = self.loaded.as_ref()?;
        let total = loaded.timeline.events.len();
        let shown = self.filter.shown_count();
        if shown == total || self.filter.shown().len() != total {
            return None;
        }
        let mut why = Vec::new();
        if !self.search.trim().is_empty() {
            why.push(format!("search \"{}\"", self.search.trim()));
        }
        if let Some(a) = self
            .article_filter
            .and_then(|a| loaded.corpus.articles.get(a))
        {
            why.push(format!("article {}", a.file));
        }
        let hidden = self
            .state
            .hidden_kinds
            .non_members(&loaded.rules.kinds)
            .iter()
            .filter(|v| !**v)
            .count();
        if hidden > 0 {
            why.push(format!(
                "{hidden} kind{} hidden",
                if hidden == 1 { "" } else { "s" }
            ));
        }
        Some(format!(
            "Showing {shown} of {total} events: {}",
            why.join(", ")
        ))
    }

    /// The status bar: `filter_note` (what the filters hide), progress, the last message.
    fn status_ui(&self, ui: &mut Ui, filter_note: Option<&str>, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if let Some(note) = filter_note {
                ui.strong(note);
                ui.separator();
            }
            if let Some(job) = &self.load {
                let (fraction, text) = job.progress.stage();
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
            } else if let (None, None, Some(loaded)) = (filter_note, &self.load, &self.loaded) {
                // Nothing new to say: what is open.
                ui.weak(load_summary(loaded, None));
            }
        });
    }

    fn central_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(loaded) = &self.loaded else {
            let hint = if self.load.is_some() {
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
        // A lane with nothing shown in it collapses: hidden kinds and kinds the search empties.
        let mut visible = self.state.hidden_kinds.non_members(&loaded.rules.kinds);
        for (v, &has) in visible.iter_mut().zip(self.filter.lanes()) {
            *v &= has;
        }
        let input = TimelineInput {
            events: &loaded.timeline.events,
            kinds: &loaded.rules.kinds,
            visible: &visible,
            shown: self.filter.shown(),
            selected: self.selected,
            view,
            numbers: None,
            index: self
                .view_index
                .as_ref()
                .and_then(|(_, index)| index.as_ref()),
        };
        commands.extend(
            timeline::timeline_ui(ui, &input)
                .into_iter()
                .map(|c| match c {
                    TimelineCommand::Select(id) => Command::Select(id),
                    TimelineCommand::SetView(v) => Command::SetView(v),
                    TimelineCommand::FitAll => Command::FitAll,
                }),
        );
    }
}

impl eframe::App for DatelineApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        DatelineApp::logic(self);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        let Some(path) = &self.state_file else { return };
        if self.saved_state.as_ref() == Some(&self.state) {
            return;
        }
        match self.state.save_to(path) {
            Ok(()) => self.saved_state = Some(self.state.clone()),
            Err(err) => self.message = Some(format!("Settings not saved: {err}")),
        }
    }
}

/// "Dateline — summit-2022": the window title names what is open, so two windows (or a
/// screenshot) say which folder they show.
/// "a.txt, b.txt and 3 more": the files a watched change read again.
fn changed_names(paths: &[PathBuf]) -> String {
    const NAMED: usize = 3;
    let names: Vec<String> = paths
        .iter()
        .take(NAMED)
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    match paths.len().saturating_sub(NAMED) {
        0 => names.join(", "),
        more => format!("{} and {more} more", names.join(", ")),
    }
}

fn window_title(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    match paths {
        [] => APP_NAME.to_owned(),
        [one] => format!("{APP_NAME} — {}", name(one)),
        [first, rest @ ..] => format!("{APP_NAME} — {} and {} more", name(first), rest.len()),
    }
}

/// What the window opens first: paths given on the command line even when missing (so the
/// Problems list says so), else the last folder if it is still there, else the sample.
fn initial_paths(given: Vec<PathBuf>, last: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        given
    } else if !last.is_empty() && last.iter().all(|p| p.exists()) {
        last.to_vec()
    } else {
        vec![sample_folder()]
    }
}

/// The built-in kinds plus the user's; if those cannot be read, the built-in ones and a note
/// saying why, so the folder still loads.
fn load(
    paths: Vec<PathBuf>,
    rules_files: &[PathBuf],
    progress: &crate::progress::Progress,
) -> LoadOutcome {
    let (rules, rules_note) = match Rules::built_in_and(rules_files) {
        Ok(rules) => (rules, None),
        Err(err) => (
            Rules::built_in(),
            Some(format!("Your rules were not used: {err}")),
        ),
    };
    LoadOutcome {
        loaded: Loaded::new(Dataset::load(paths, rules, progress)),
        rules_note,
    }
}

/// "12 articles, 30 events", and what went wrong.
fn load_summary(loaded: &Loaded, rules_note: Option<&str>) -> String {
    let (articles, events) = (loaded.corpus.articles.len(), loaded.timeline.events.len());
    let warnings = loaded.problems.iter().filter(|p| p.warning).count();
    let errors = loaded.problems.len() - warnings;
    let mut line = format!("{articles} articles, {events} events");
    if errors > 0 {
        let files = if errors == 1 { "file" } else { "files" };
        let _ = write!(line, ", {errors} {files} could not be read (see Problems)");
    }
    if warnings > 0 {
        let noun = if warnings == 1 { "warning" } else { "warnings" };
        let _ = write!(line, ", {warnings} {noun} (see Problems)");
    }
    if let Some(note) = rules_note {
        line.push_str(". ");
        line.push_str(note);
    }
    line
}

/// What to tell the user when the folder remembered from last time is no longer there and the
/// sample opens instead.
fn missing_last_folder(given: bool, last: &[PathBuf]) -> Option<String> {
    let missing = last.iter().find(|p| !p.exists()).filter(|_| !given)?;
    Some(format!(
        "The folder open last time, {}, is no longer there; showing the sample articles.",
        missing.display()
    ))
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
    fn a_status_message_clears_after_a_while_and_a_new_one_starts_its_own_time() {
        let mut app = DatelineApp::with_loaded(Launch {
            paths: vec![sample_folder()],
            rules_files: Vec::new(),
        });
        app.message = Some("Saved /tmp/a.json".into());
        app.expire_message(100.0);
        app.expire_message(100.0 + MESSAGE_SECONDS / 2.0);
        assert!(app.message.is_some(), "still there halfway");
        app.message = Some("Saved /tmp/b.json".into());
        app.expire_message(100.0 + MESSAGE_SECONDS + 1.0);
        assert!(app.message.is_some(), "a new message has its own time");
        app.expire_message(100.0 + 2.0 * MESSAGE_SECONDS + 2.0);
        assert_eq!(app.message, None);
    }

    #[test]
    fn a_missing_last_folder_is_said_and_a_typed_typo_keeps_the_open_folder() {
        let gone = [PathBuf::from("/no/such/folder/dateline-test")];
        let note = missing_last_folder(false, &gone).unwrap_or_default();
        assert!(note.contains("/no/such/folder/dateline-test"), "{note}");
        assert!(
            missing_last_folder(true, &gone).is_none(),
            "paths given: no note"
        );
        assert!(missing_last_folder(false, &[sample_folder()]).is_none());

        let mut app = DatelineApp::with_loaded(Launch {
            paths: vec![sample_folder()],
            rules_files: Vec::new(),
        });
        let before = app.state.last_paths.clone();
        app.apply(Command::Open(vec![PathBuf::from("/no/such/folder/typo")]));
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.contains("does not exist"))
        );
        assert!(app.load.is_none(), "nothing starts loading");
        assert_eq!(app.state.last_paths, before, "the typo is not remembered");
        assert!(app.loaded.is_some(), "the current timeline stays");
    }

    #[test]
    fn a_remembered_view_is_kept_for_its_folder_and_refitted_for_another() {
        let far = timeline::TimeView {
            start_day: -5000.0,
            end_day: -4000.0,
        };
        let launch = |state: State| {
            let mut app = DatelineApp::empty(state, Vec::new(), egui::Context::default());
            let outcome = load(
                vec![sample_folder()],
                &[],
                &crate::progress::Progress::default(),
            );
            app.install(outcome.loaded);
            app.state.view
        };
        let same = State {
            last_paths: vec![sample_folder()],
            view: Some(far),
            ..State::default()
        };
        assert_eq!(launch(same), Some(far), "the folder's own zoom comes back");
        let other = State {
            last_paths: vec![PathBuf::from("/another/story")],
            view: Some(far),
            ..State::default()
        };
        let view = launch(other).expect("a first view");
        assert_ne!(view, far, "another folder's zoom is not this one's");
        assert!(view.start_day > 18_000.0, "the sample's 2021-22: {view:?}");
    }

    #[test]
    fn copying_a_citation_says_so() {
        let mut app = DatelineApp::with_loaded(Launch {
            paths: vec![sample_folder()],
            rules_files: Vec::new(),
        });
        app.apply(Command::SourcePanel(PanelCommand::Copy("cite".into())));
        assert_eq!(
            app.message.as_deref(),
            Some("Citation copied to the clipboard.")
        );
    }

    #[test]
    fn counts_are_made_once_per_load() {
        let loaded = load(
            vec![sample_folder()],
            &[],
            &crate::progress::Progress::default(),
        )
        .loaded;
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

    #[test]
    fn a_missing_path_given_is_opened_and_a_missing_last_folder_is_not() {
        let missing = PathBuf::from("/nonexistent/news");
        let given = initial_paths(vec![missing.clone()], &[]);
        assert_eq!(given, std::slice::from_ref(&missing));
        assert_eq!(initial_paths(Vec::new(), &[missing]), [sample_folder()]);
        let here = sample_folder();
        assert_eq!(
            initial_paths(Vec::new(), std::slice::from_ref(&here)),
            [here]
        );
    }

    #[test]
    fn the_summary_counts_in_words() {
        let mut loaded = Loaded::new(Dataset::load_with(
            Vec::new(),
            Rules::built_in(),
            false,
            &crate::progress::Progress::default(),
        ));
        assert_eq!(load_summary(&loaded, None), "0 articles, 0 events");
        assert_eq!(window_title(&[]), "Dateline");
        assert_eq!(
            window_title(&[PathBuf::from("/home/ann/summit-2022")]),
            "Dateline — summit-2022"
        );
        assert_eq!(
            window_title(&[PathBuf::from("a/x.txt"), PathBuf::from("b/y.txt")]),
            "Dateline — x.txt and 1 more"
        );
        loaded.data.problems.push(crate::Problem::error(
            std::path::Path::new("x.txt"),
            "empty file".into(),
        ));
        assert_eq!(
            load_summary(&loaded, None),
            "0 articles, 0 events, 1 file could not be read (see Problems)"
        );
    }

    #[test]
    fn unreadable_rules_fall_back_to_the_built_in_kinds_with_a_note() {
        let missing = PathBuf::from("/nonexistent/kinds.toml");
        let outcome = load(
            vec![sample_folder()],
            &[missing],
            &crate::progress::Progress::default(),
        );
        assert!(!outcome.loaded.timeline.events.is_empty());
        let note = outcome.rules_note.unwrap_or_default();
        assert!(note.contains("kinds.toml"), "{note}");
    }
}
