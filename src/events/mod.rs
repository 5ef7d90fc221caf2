//! Events: what happened, when, and which paragraphs say so.
//!
//! ```
//! let corpus = dateline::ingest::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample").into()]);
//! let rules = dateline::events::Rules::built_in();
//! let timeline = dateline::events::extract(&corpus, &rules);
//! let missile = timeline.events.iter().find(|e| rules.kinds[e.kind].name == "missile_test").unwrap();
//! assert_eq!(missile.interval.unwrap().start.to_string(), "2022-01-05");
//! assert_eq!(missile.sources.len(), 2); // one paragraph in each article
//! ```

mod build;
mod dating;
mod detect;
mod kinds;
mod label;
mod mention;
mod merge;
mod names;
mod places;
pub mod rules;
pub(crate) mod text;
mod words;

use std::ops::Range;
use std::sync::atomic::Ordering;

use rayon::prelude::*;
use serde::Serialize;

pub use kinds::KindSet;
pub use mention::{DatedBy, Mention, Modality};
pub use merge::{merge, sort_events};
pub use rules::{Kind, Rules, RulesError};

use crate::calendar::UNDATED;
use crate::ingest::{Article, Corpus, DateSource};
use crate::progress::Progress;
use crate::temporal::{self, Interval};

/// One paragraph that reports an event.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub article: usize,
    pub paragraph: usize,
    /// Byte ranges of the trigger words in the article text.
    pub triggers: Vec<Range<usize>>,
    /// Byte range of the date phrase in the article text.
    pub date_phrase: Option<Range<usize>>,
    pub dated_by: Option<DatedBy>,
    pub modality: Modality,
    /// The date this paragraph gives on its own (an event keeps the most precise of its
    /// sources'); what the source keeps when it is moved out into an event of its own.
    #[serde(skip)]
    pub interval: Option<Interval>,
}

/// An event on the timeline, with every paragraph that reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: usize,
    pub kind: usize,
    pub label: String,
    /// None: undated (listed, not plotted).
    pub interval: Option<Interval>,
    pub modality: Modality,
    pub confidence: f32,
    pub participants: Vec<String>,
    pub sources: Vec<Source>,
    /// Sources give dates that do not nest in one another.
    pub date_disputed: bool,
    /// Every source comes from an article whose publication date was estimated (file time,
    /// folder), so a date resolved against it ("on Friday") may be off.
    pub date_estimated: bool,
    /// Changed or added by a correction.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

impl Event {
    /// The first day, or "undated".
    #[must_use]
    pub fn start_text(&self) -> String {
        self.interval
            .map_or_else(|| UNDATED.to_owned(), |iv| iv.start.to_string())
    }

    /// The date as precise as it is known ("2022-01", see [`Interval::short_text`]), with "~"
    /// when it rests on an estimated publication date, or "undated".
    #[must_use]
    pub fn date_text(&self) -> String {
        match self.interval {
            Some(iv) if self.date_estimated => format!("~{}", iv.short_text()),
            Some(iv) => iv.short_text(),
            None => UNDATED.to_owned(),
        }
    }

    /// The whole interval ("2021-10-01..2021-10-31" or one day), or "undated".
    #[must_use]
    pub fn when_text(&self) -> String {
        self.interval
            .map_or_else(|| UNDATED.to_owned(), |iv| iv.to_string())
    }
}

/// Events of a corpus, sorted by date (undated last).
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub events: Vec<Event>,
}

/// Runs temporal tagging and event detection on every article (in parallel), then merges.
#[must_use]
pub fn extract(corpus: &Corpus, rules: &Rules) -> Timeline {
    extract_with_progress(corpus, rules, &Progress::default())
}

/// [`extract`], counting articles into `progress`; once cancelled it skips the remaining
/// articles and returns an empty timeline.
#[must_use]
pub fn extract_with_progress(corpus: &Corpus, rules: &Rules, progress: &Progress) -> Timeline {
    let mentions = mentions_with_progress(corpus, rules, progress);
    if progress.is_cancelled() {
        return Timeline::default();
    }
    timeline_of(corpus, &mentions)
}

/// Every article's mentions (indexed like `corpus.articles`), counting articles into
/// `progress`; once cancelled the remaining articles get none.
#[must_use]
pub fn mentions_with_progress(
    corpus: &Corpus,
    rules: &Rules,
    progress: &Progress,
) -> Vec<Vec<Mention>> {
    progress
        .articles_total
        .store(corpus.articles.len(), Ordering::Relaxed);
    corpus
        .articles
        .par_iter()
        .map_init(temporal::Tagger::default, |tagger, a| {
            if progress.is_cancelled() {
                return Vec::new();
            }
            let found = article_mentions(tagger, a, rules);
            progress.articles_done.fetch_add(1, Ordering::Relaxed);
            found
        })
        .collect()
}

/// The merged events of `mentions` (indexed like `corpus.articles`), each marked when its
/// date rests only on estimated publication dates.
#[must_use]
pub fn timeline_of(corpus: &Corpus, mentions: &[Vec<Mention>]) -> Timeline {
    let mut timeline = merge(corpus, mentions);
    for event in &mut timeline.events {
        event.date_estimated = event.interval.is_some()
            && event.sources.iter().all(|s| {
                corpus.articles[s.article]
                    .published_from
                    .is_some_and(DateSource::is_estimated)
            });
    }
    timeline
}

/// Time expressions and event mentions of one article; `tagger` is reused across articles.
#[must_use]
pub fn article_mentions(
    tagger: &mut temporal::Tagger,
    article: &Article,
    rules: &Rules,
) -> Vec<Mention> {
    let Some(dct) = article.published else {
        return Vec::new();
    };
    let timexes = tagger.tag(&article.text, dct);
    detect::mentions(article, timexes, rules)
}
