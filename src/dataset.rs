//! A loaded folder: the paths given, the articles read from them, the rules used, the
//! timeline found and the corrections applied to it. The window, the command line, the
//! export, the tests and the benchmarks all load through [`Dataset::load`], so they run the
//! same pipeline.

use std::path::PathBuf;
use std::sync::Arc;

use crate::corrections::{self, Correction, Store};
use crate::events::{self, Event, Mention, Rules, Timeline};
use crate::ingest::{self, Corpus, Problem};
use crate::progress::Progress;

#[derive(Debug, Clone)]
pub struct Dataset {
    /// The folders or files given, in order.
    pub paths: Vec<PathBuf>,
    /// The articles, with corrected publication dates set.
    pub corpus: Arc<Corpus>,
    pub rules: Rules,
    /// Each article's event mentions, so a changed file is extracted again alone.
    pub mentions: Arc<Vec<Vec<Mention>>>,
    /// The timeline as extracted, when corrections changed it (see [`Dataset::raw`]); none
    /// keeps a folder without corrections from holding every event twice.
    raw: Option<Arc<Timeline>>,
    /// The timeline shown: `raw` with the corrections applied.
    pub timeline: Timeline,
    pub corrections: Corrections,
    /// The corpus's problems, then the corrections that could not be read or applied.
    pub problems: Vec<Problem>,
}

/// The corrections of a dataset and what became of them.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    pub list: Vec<Correction>,
    /// Where they are kept; none for a load without corrections.
    pub store: Option<Store>,
    /// Why the saved corrections could not be read: saving would overwrite them, so it is
    /// refused until the file is fixed or removed.
    pub unreadable: Option<String>,
    /// Events the corrections rejected, with the index of the rejecting correction.
    pub rejected: Vec<(usize, Event)>,
    /// Publication dates that name no loaded file: found when the articles are read, kept
    /// while only the event corrections change.
    published_problems: Vec<Problem>,
    /// Every correction that could not be read or applied (their anchor is gone, …).
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Ingest, time expressions, events and merging, then the folder's saved corrections,
    /// reporting into `progress`. Once cancelled, it returns what was read with an empty
    /// timeline.
    #[must_use]
    pub fn load(paths: Vec<PathBuf>, rules: Rules, progress: &Progress) -> Self {
        Self::load_with(paths, rules, true, progress)
    }

    /// [`Dataset::load`], without the saved corrections when `corrected` is false.
    #[must_use]
    pub fn load_with(
        paths: Vec<PathBuf>,
        rules: Rules,
        corrected: bool,
        progress: &Progress,
    ) -> Self {
        let mut corpus = ingest::load_with_progress(&paths, progress);
        let mut corrections = Corrections::default();
        if corrected {
            corrections.store = Store::for_paths(&paths);
            if let Some(store) = &corrections.store {
                match store.load() {
                    Ok((list, _)) => corrections.list = list,
                    Err(reason) => corrections.unreadable = Some(reason),
                }
                corrections.published_problems =
                    corrections::apply_published(&mut corpus, &corrections.list, &store.in_folder);
            }
        }
        let mentions = if progress.is_cancelled() {
            Vec::new()
        } else {
            events::mentions_with_progress(&corpus, &rules, progress)
        };
        let raw = if progress.is_cancelled() {
            Timeline::default()
        } else {
            events::timeline_of(&corpus, &mentions)
        };
        Self::assemble(
            paths,
            (Arc::new(corpus), rules, Arc::new(mentions)),
            Arc::new(raw),
            corrections,
        )
    }

    /// This dataset with the files at `changed` read again (added, changed or removed), only
    /// their events found again, then merged and corrected as a load would.
    #[must_use]
    pub fn reload_files(&self, changed: &[PathBuf]) -> Self {
        let (mut corpus, fresh) = ingest::reload(&self.corpus, &self.paths, changed);
        let mut corrections = self.corrections.clone();
        corrections.published_problems = match &corrections.store {
            Some(store) => {
                corrections::apply_published(&mut corpus, &corrections.list, &store.in_folder)
            }
            None => Vec::new(),
        };
        let old: std::collections::HashMap<&std::path::Path, &Vec<Mention>> = self
            .corpus
            .articles
            .iter()
            .map(|a| a.path.as_path())
            .zip(self.mentions.iter())
            .collect();
        let mentions: Vec<Vec<Mention>> = {
            use rayon::prelude::*;
            corpus
                .articles
                .par_iter()
                .zip(fresh.par_iter())
                .map_init(
                    crate::temporal::Tagger::default,
                    |tagger, (article, &fresh)| match old.get(article.path.as_path()) {
                        Some(found) if !fresh => (*found).clone(),
                        _ => events::article_mentions(tagger, article, &self.rules),
                    },
                )
                .collect()
        };
        let raw = events::timeline_of(&corpus, &mentions);
        Self::assemble(
            self.paths.clone(),
            (Arc::new(corpus), self.rules.clone(), Arc::new(mentions)),
            Arc::new(raw),
            corrections,
        )
    }

    /// The dataset of articles, their mentions and the `raw` timeline they made, with the
    /// event corrections of `corrections` applied.
    fn assemble(
        paths: Vec<PathBuf>,
        (corpus, rules, mentions): (Arc<Corpus>, Rules, Arc<Vec<Vec<Mention>>>),
        raw: Arc<Timeline>,
        corrections: Corrections,
    ) -> Self {
        let mut data = Self {
            paths,
            corpus,
            rules,
            mentions,
            raw: None,
            timeline: Timeline::default(),
            corrections,
            problems: Vec::new(),
        };
        data.apply_corrections(raw);
        data
    }

    /// A dataset of `timeline` alone, with no articles behind it (benchmarks of drawing).
    #[must_use]
    pub fn of_events(rules: Rules, timeline: Timeline) -> Self {
        Self {
            paths: Vec::new(),
            corpus: Arc::default(),
            rules,
            mentions: Arc::default(),
            raw: None,
            timeline,
            corrections: Corrections::default(),
            problems: Vec::new(),
        }
    }

    /// This dataset with `list` as its corrections instead. The publication dates must be
    /// those it was loaded with (a change to them needs a [`Dataset::load`]).
    #[must_use]
    pub fn with_corrections(&self, list: Vec<Correction>) -> Self {
        self.rebuilt(list, self.corrections.unreadable.clone())
    }

    /// This dataset with its corrections as the file now holds them (`saved`, what reading
    /// it gave): a file that cannot be read keeps the corrections shown and is not saved
    /// over until it is fixed.
    #[must_use]
    pub fn with_saved_corrections(&self, saved: Result<Vec<Correction>, String>) -> Self {
        match saved {
            Ok(list) => self.rebuilt(list, None),
            Err(reason) => self.rebuilt(self.corrections.list.clone(), Some(reason)),
        }
    }

    fn rebuilt(&self, list: Vec<Correction>, unreadable: Option<String>) -> Self {
        let raw = self
            .raw
            .clone()
            .unwrap_or_else(|| Arc::new(self.timeline.clone()));
        let mut corrections = self.corrections.clone();
        corrections.list = list;
        corrections.unreadable = unreadable;
        Self::assemble(
            self.paths.clone(),
            (
                Arc::clone(&self.corpus),
                self.rules.clone(),
                Arc::clone(&self.mentions),
            ),
            raw,
            corrections,
        )
    }

    /// The timeline as extracted, before the event corrections.
    #[must_use]
    pub fn raw(&self) -> &Timeline {
        self.raw.as_deref().unwrap_or(&self.timeline)
    }

    /// Shows `raw` with the corrections applied; with none, `raw` itself, not a copy.
    fn apply_corrections(&mut self, raw: Arc<Timeline>) {
        let file = self
            .corrections
            .store
            .as_ref()
            .map(|s| s.in_folder.clone())
            .unwrap_or_default();
        let applied = if self.corrections.list.is_empty() {
            self.raw = None;
            corrections::Applied {
                timeline: Arc::try_unwrap(raw).unwrap_or_else(|shared| (*shared).clone()),
                ..corrections::Applied::default()
            }
        } else {
            let applied = corrections::apply_events(
                &self.corpus,
                &self.rules,
                &raw,
                &self.corrections.list,
                &file,
            );
            self.raw = Some(raw);
            applied
        };
        self.timeline = applied.timeline;
        self.corrections.rejected = applied.rejected;
        self.corrections
            .problems
            .clone_from(&self.corrections.published_problems);
        if let Some(reason) = &self.corrections.unreadable {
            self.corrections
                .problems
                .push(Problem::error(&file, reason.clone()));
        }
        self.corrections.problems.extend(applied.problems);
        self.problems = self.corpus.problems.clone();
        self.problems
            .extend(self.corrections.problems.iter().cloned());
    }
}
