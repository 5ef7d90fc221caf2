//! Watching the open folder: changed files are collected as they are reported and handed
//! over once the folder has been quiet for a moment, so an editor's save (write, rename,
//! write) or a copied batch of files is read once.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::Watcher as _;

/// How long the folder must be quiet before its changes are read.
pub const QUIET: Duration = Duration::from_millis(300);

pub struct FolderWatch {
    // Dropping the watcher stops it.
    _watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    pending: Vec<PathBuf>,
    last_event: Option<Instant>,
}

impl FolderWatch {
    /// Watches `paths` (folders recursively), waking `ctx` on every change.
    pub fn new(paths: &[PathBuf], ctx: &egui::Context) -> Result<Self, String> {
        let (tx, events) = mpsc::channel();
        let ctx = ctx.clone();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The app may be gone; then nobody needs the event.
            if tx.send(event).is_ok() {
                ctx.request_repaint();
            }
        })
        .map_err(|e| format!("Folder not watched: {e}"))?;
        for path in paths {
            watcher
                .watch(path, notify::RecursiveMode::Recursive)
                .map_err(|e| format!("Folder not watched ({}): {e}", path.display()))?;
        }
        Ok(Self {
            _watcher: watcher,
            events,
            pending: Vec::new(),
            last_event: None,
        })
    }

    /// The files changed since the last call, once the folder has been quiet for
    /// [`QUIET`]; errors the watcher reported go to `problems`.
    pub fn changed(&mut self, now: Instant, problems: &mut Vec<String>) -> Option<Vec<PathBuf>> {
        while let Ok(event) = self.events.try_recv() {
            match event {
                Ok(event) if is_change(event.kind) => {
                    self.pending
                        .extend(event.paths.into_iter().filter(|p| !is_ours(p)));
                    self.last_event = Some(now);
                }
                Ok(_) => {}
                Err(err) => problems.push(format!("Watching the folder: {err}")),
            }
        }
        if self.pending.is_empty() || self.last_event.is_some_and(|t| now - t < QUIET) {
            return None;
        }
        let mut changed = std::mem::take(&mut self.pending);
        changed.sort();
        changed.dedup();
        Some(changed)
    }

    /// How long until pending changes are due, to wake the window then.
    #[must_use]
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        let last = self.last_event?;
        (!self.pending.is_empty()).then(|| QUIET.saturating_sub(now - last))
    }
}

fn is_change(kind: notify::EventKind) -> bool {
    use notify::EventKind;
    match kind {
        // Opening or reading a file is no change; metadata (a touch) is not either.
        EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_) => true,
        _ => false,
    }
}

/// The temporary files of Dateline's own atomic writes.
fn is_ours(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".dateline-"))
}

/// The corrections file (written by this window, another one, or a `git pull`).
#[must_use]
pub fn is_corrections(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == crate::corrections::FILE_NAME)
}
