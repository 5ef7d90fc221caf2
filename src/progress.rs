//! Shared counters a UI polls while the pipeline runs on another thread, and its cancel flag.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Shared counters a UI polls while [`crate::ingest::load_with_progress`] runs on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    pub files_total: AtomicUsize,
    pub files_done: AtomicUsize,
    /// Articles to search for events, once the files are read.
    pub articles_total: AtomicUsize,
    pub articles_done: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

impl Progress {
    /// The progress bar's fill and words: reading files, then finding events, then merging.
    #[must_use]
    pub fn stage(&self) -> (f32, String) {
        let fraction = |done: usize, total: usize| {
            if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            }
        };
        let files = self.files_total.load(Ordering::Relaxed);
        let read = self.files_done.load(Ordering::Relaxed);
        let articles = self.articles_total.load(Ordering::Relaxed);
        let searched = self.articles_done.load(Ordering::Relaxed);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_says_which_step_is_running() {
        let p = Progress::default();
        p.files_total.store(10, Ordering::Relaxed);
        p.files_done.store(4, Ordering::Relaxed);
        assert_eq!(p.stage(), (0.4, "Reading files: 4 / 10".to_owned()));
        p.files_done.store(10, Ordering::Relaxed);
        p.articles_total.store(8, Ordering::Relaxed);
        p.articles_done.store(2, Ordering::Relaxed);
        assert_eq!(
            p.stage(),
            (0.25, "Finding events: 2 / 8 articles".to_owned())
        );
        p.articles_done.store(8, Ordering::Relaxed);
        assert_eq!(p.stage().1, "Merging reports of the same events…");
    }
}
