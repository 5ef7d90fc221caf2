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

mod detect;
mod merge;
mod places;
pub mod rules;
pub mod text;

use std::ops::Range;
use std::sync::atomic::Ordering;

use rayon::prelude::*;
use serde::Serialize;

pub use detect::{DatedBy, Mention, Modality};
pub use rules::{Kind, Rules, RulesError};

use crate::ingest::{Article, Corpus, Progress};
use crate::temporal::{self, Interval};

/// How many participants an event lists at most.
const MAX_PARTICIPANTS: usize = 12;

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
    progress
        .articles_total
        .store(corpus.articles.len(), Ordering::Relaxed);
    let mentions: Vec<Vec<Mention>> = corpus
        .articles
        .par_iter()
        .map(|a| {
            if progress.is_cancelled() {
                return Vec::new();
            }
            let found = article_mentions(a, rules);
            progress.articles_done.fetch_add(1, Ordering::Relaxed);
            found
        })
        .collect();
    if progress.is_cancelled() {
        return Timeline::default();
    }
    merge(corpus, &mentions)
}

/// Time expressions and event mentions of one article.
#[must_use]
pub fn article_mentions(article: &Article, rules: &Rules) -> Vec<Mention> {
    let Some(dct) = article.published else {
        return Vec::new();
    };
    // One token and result buffer per thread, reused across articles.
    thread_local! {
        static BUFFERS: std::cell::RefCell<(Vec<temporal::lexicon::Token>, Vec<temporal::Timex>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    BUFFERS.with(|buffers| {
        let mut buffers = buffers.borrow_mut();
        let (tokens, timexes) = &mut *buffers;
        temporal::tag_into(&article.text, dct, tokens, timexes);
        detect::mentions(article, timexes, rules)
    })
}

/// Merges per-article mentions (indexed like `corpus.articles`) into events.
#[must_use]
pub fn merge(corpus: &Corpus, mentions: &[Vec<Mention>]) -> Timeline {
    // Per article, then into one vector of the exact size: collecting 100,000s of clusters
    // through a growing vector copied them several times over fresh pages.
    let per_article: Vec<Vec<merge::Cluster>> = mentions
        .par_iter()
        .enumerate()
        .map(|(a, ms)| merge::within_article(a, ms))
        .collect();
    let mut clusters = Vec::with_capacity(per_article.iter().map(Vec::len).sum());
    for article_clusters in per_article {
        clusters.extend(article_clusters);
    }
    // Same-story fingerprints, made in parallel for the articles that have events.
    let fingerprints: Vec<Vec<u64>> = corpus
        .articles
        .par_iter()
        .zip(mentions.par_iter())
        .map(|(a, ms)| {
            if ms.is_empty() {
                Vec::new()
            } else {
                crate::similarity::shingles(opening(&a.text))
            }
        })
        .collect();
    let groups = merge::across_articles(&clusters, |a, b| {
        crate::similarity::containment(&fingerprints[a], &fingerprints[b])
            >= crate::similarity::SAME_STORY_CONTAINMENT
    });
    let mut events: Vec<Event> = groups
        .into_par_iter()
        .map(|group| {
            let members: Vec<(usize, usize)> = group
                .iter()
                .flat_map(|&c| {
                    let cluster = &clusters[c];
                    cluster.members.iter().map(|&i| (cluster.article, i))
                })
                .collect();
            build_event(&clusters[group[0]], &members, mentions)
        })
        .collect();
    events.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.interval.is_none(),
                e.interval.map(|iv| (iv.start, iv.end)),
                e.kind,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.label.cmp(&b.label))
    });
    for (id, e) in events.iter_mut().enumerate() {
        e.id = id;
    }
    Timeline { events }
}

/// The first ~2 KB of an article, cut at a character boundary: copies and rewrites of one
/// report agree most in their opening, and fingerprinting only it halves the hashing.
fn opening(text: &str) -> &str {
    const OPENING_BYTES: usize = 2048;
    if text.len() <= OPENING_BYTES {
        return text;
    }
    let cut = (0..=OPENING_BYTES)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..cut]
}

fn build_event(
    first: &merge::Cluster<'_>,
    members: &[(usize, usize)],
    mentions: &[Vec<Mention>],
) -> Event {
    let ms: Vec<(usize, &Mention)> = members.iter().map(|&(a, i)| (a, &mentions[a][i])).collect();
    let intervals: Vec<Interval> = ms.iter().filter_map(|(_, m)| m.interval).collect();
    let best = ms
        .iter()
        .max_by(|x, y| {
            let score = |m: &Mention| (m.confidence, m.label.len().min(70));
            score(x.1)
                .partial_cmp(&score(y.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(_, m)| *m);
    // Members in text order, so each paragraph's mentions are neighbours: one source each.
    let mut ordered = ms.clone();
    ordered.sort_by_key(|(article, m)| (*article, m.paragraph, m.trigger.start));
    let mut sources: Vec<Source> = Vec::new();
    for &(article, m) in &ordered {
        match sources.last_mut() {
            Some(s) if s.article == article && s.paragraph == m.paragraph => {
                if !m.trigger.is_empty() && !s.triggers.contains(&m.trigger) {
                    s.triggers.push(m.trigger.clone());
                }
                if s.date_phrase.is_none() {
                    s.date_phrase.clone_from(&m.date_phrase);
                    s.dated_by = m.dated_by;
                }
            }
            _ => sources.push(Source {
                article,
                paragraph: m.paragraph,
                triggers: if m.trigger.is_empty() {
                    Vec::new()
                } else {
                    vec![m.trigger.clone()]
                },
                date_phrase: m.date_phrase.clone(),
                dated_by: m.dated_by,
                modality: m.modality,
            }),
        }
    }
    // The names most sources mention first; a widely reported event can name hundreds.
    // A big event's count hashes hundreds of thousands of names.
    let mut counts: std::collections::HashMap<
        &str,
        (usize, usize),
        crate::similarity::ShortKeyBuild,
    > = std::collections::HashMap::default();
    for (order, p) in ms
        .iter()
        .flat_map(|(_, m)| m.participants.iter())
        .enumerate()
    {
        counts.entry(p.as_str()).or_insert((0, order)).0 += 1;
    }
    let mut ranked: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by_key(|&(_, (n, first))| (std::cmp::Reverse(n), first));
    let participants: Vec<String> = ranked
        .into_iter()
        .take(MAX_PARTICIPANTS)
        .map(|(p, _)| p.to_owned())
        .collect();
    let modalities: Vec<Modality> = ms.iter().map(|(_, m)| m.modality).collect();
    let confidence =
        best.map_or(0.5, |m| m.confidence) + 0.05 * (sources.len().saturating_sub(1)) as f32;
    Event {
        id: 0,
        kind: first.kind,
        label: best.map_or_else(String::new, |m| m.label.clone()),
        interval: merge::most_precise(intervals.iter().copied()),
        modality: merge::combined_modality(&modalities),
        confidence: confidence.min(1.0),
        participants,
        sources,
        date_disputed: merge::disputed(&intervals),
    }
}
