//! A loaded folder: the paths given, the articles read from them, the rules used and the
//! timeline found. The window, the command line, the export, the tests and the benchmarks
//! all load through [`Dataset::load`], so they run the same pipeline.

use std::path::PathBuf;

use crate::events::{self, Rules, Timeline};
use crate::ingest::{self, Corpus};
use crate::progress::Progress;

#[derive(Debug, Clone)]
pub struct Dataset {
    /// The folders or files given, in order.
    pub paths: Vec<PathBuf>,
    pub corpus: Corpus,
    pub rules: Rules,
    pub timeline: Timeline,
}

impl Dataset {
    /// Ingest, time expressions, events and merging, reporting into `progress`. Once
    /// cancelled, it returns what was read with an empty timeline.
    #[must_use]
    pub fn load(paths: Vec<PathBuf>, rules: Rules, progress: &Progress) -> Self {
        let corpus = ingest::load_with_progress(&paths, progress);
        let timeline = if progress.is_cancelled() {
            Timeline::default()
        } else {
            events::extract_with_progress(&corpus, &rules, progress)
        };
        Self {
            paths,
            corpus,
            rules,
            timeline,
        }
    }
}
