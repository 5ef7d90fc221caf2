//! Which events pass the kind toggles, the article filter and the search box, recomputed only
//! when one of them changes: a search over every source paragraph is far too slow to repeat
//! each frame on a folder of thousands of articles.

use super::Loaded;
use crate::events::KindSet;

/// What the result depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    search: String,
    hidden_kinds: KindSet,
    article: Option<usize>,
}

/// The per-event result for the current key, and the counts the side panel shows for it.
#[derive(Debug, Default)]
pub struct EventFilter {
    key: Option<Key>,
    shown: Vec<bool>,
    /// Per kind: events that pass the search and the article filter, the kind's toggle aside
    /// (a hidden kind still says how many it would show).
    kind_counts: Vec<usize>,
    /// Shown events with no date, for the undated list.
    undated: Vec<usize>,
    /// Kinds with at least one shown, dated event: the lanes worth drawing.
    lanes: Vec<bool>,
    /// Changes whenever the result does, so what is built from it knows when to rebuild.
    generation: u64,
    /// How many events are shown; counted once per change, read every frame.
    shown_count: usize,
}

impl EventFilter {
    /// Forgets the result, e.g. when another folder is loaded.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Per event of `loaded`: whether it is shown, recomputed only when an input changed.
    pub fn refresh(
        &mut self,
        loaded: &Loaded,
        search: &str,
        hidden_kinds: &KindSet,
        article: Option<usize>,
    ) -> &[bool] {
        let search = search.trim();
        let unchanged = self.key.as_ref().is_some_and(|k| {
            k.search == search && k.hidden_kinds == *hidden_kinds && k.article == article
        }) && self.shown.len() == loaded.timeline.events.len();
        // Compared in place: a frame with nothing changed allocates nothing here.
        if !unchanged {
            let key = Key {
                search: search.to_owned(),
                hidden_kinds: hidden_kinds.clone(),
                article,
            };
            let matches = compute(loaded, &key);
            let visible = key.hidden_kinds.non_members(&loaded.rules.kinds);
            let kinds = loaded.rules.kinds.len();
            self.kind_counts = vec![0; kinds];
            self.lanes = vec![false; kinds];
            self.undated.clear();
            self.shown = loaded
                .timeline
                .events
                .iter()
                .zip(&matches)
                .map(|(e, &m)| {
                    if m && let Some(n) = self.kind_counts.get_mut(e.kind) {
                        *n += 1;
                    }
                    let shown = m && visible.get(e.kind).copied().unwrap_or(true);
                    if shown {
                        if e.interval.is_none() {
                            self.undated.push(e.id);
                        } else if let Some(lane) = self.lanes.get_mut(e.kind) {
                            *lane = true;
                        }
                    }
                    shown
                })
                .collect();
            self.shown_count = self.shown.iter().filter(|&&s| s).count();
            self.key = Some(key);
            self.generation += 1;
        }
        &self.shown
    }

    /// The result of the last [`refresh`](Self::refresh).
    #[must_use]
    pub fn shown(&self) -> &[bool] {
        &self.shown
    }

    /// Per kind, the events the search and article filter let through.
    #[must_use]
    pub fn kind_counts(&self) -> &[usize] {
        &self.kind_counts
    }

    /// The shown events with no date.
    #[must_use]
    pub fn undated(&self) -> &[usize] {
        &self.undated
    }

    /// Per kind, whether any shown event of it has a date: a lane with none collapses.
    #[must_use]
    pub fn lanes(&self) -> &[bool] {
        &self.lanes
    }

    /// How many events are shown.
    #[must_use]
    pub fn shown_count(&self) -> usize {
        self.shown_count
    }

    /// Changes whenever the result changes.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// Per event: whether it passes the search and the article filter.
fn compute(loaded: &Loaded, key: &Key) -> Vec<bool> {
    // Case-insensitive, and no lowercased copy of the corpus: the regex does the folding.
    let needle = (!key.search.is_empty())
        .then(|| {
            regex::RegexBuilder::new(&regex::escape(&key.search))
                .case_insensitive(true)
                .build()
                .ok()
        })
        .flatten();
    // Each paragraph is searched at most once, however many events cite it.
    let mut paragraph_hits: Vec<Vec<Option<bool>>> = loaded
        .corpus
        .articles
        .iter()
        .map(|a| vec![None; a.paragraphs.len()])
        .collect();
    let corpus = &loaded.corpus;
    loaded
        .timeline
        .events
        .iter()
        .map(|e| {
            if key
                .article
                .is_some_and(|a| !e.sources.iter().any(|s| s.article == a))
            {
                return false;
            }
            let Some(re) = &needle else { return true };
            re.is_match(&e.label)
                || e.participants.iter().any(|p| re.is_match(p))
                || e.sources.iter().any(|s| {
                    let Some(slot) = paragraph_hits
                        .get_mut(s.article)
                        .and_then(|p| p.get_mut(s.paragraph))
                    else {
                        return false;
                    };
                    *slot.get_or_insert_with(|| {
                        let article = &corpus.articles[s.article];
                        re.is_match(article.paragraph_text(&article.paragraphs[s.paragraph]))
                    })
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Loaded, sample_folder};
    use crate::{Dataset, Progress, Rules};

    #[test]
    fn search_is_case_insensitive_and_reaches_the_paragraphs() {
        let loaded = Loaded::new(Dataset::load(
            vec![sample_folder()],
            Rules::built_in(),
            &Progress::default(),
        ));
        let mut filter = EventFilter::default();
        let all = filter
            .refresh(&loaded, "", &KindSet::default(), None)
            .to_vec();
        assert!(all.iter().all(|&s| s));
        // "Hypersonic" is in the missile event's paragraphs and label, in other case.
        let missile = filter
            .refresh(&loaded, "HYPERSONIC", &KindSet::default(), None)
            .to_vec();
        let shown: Vec<&str> = loaded
            .timeline
            .events
            .iter()
            .zip(&missile)
            .filter(|(_, s)| **s)
            .map(|(e, _)| loaded.rules.kinds[e.kind].name.as_str())
            .collect();
        assert!(shown.contains(&"missile_test"), "{shown:?}");
        assert!(shown.len() < all.len());
        // A phrase that is nowhere hides everything; regex characters are literal.
        assert!(
            filter
                .refresh(&loaded, "no such (phrase", &KindSet::default(), None)
                .iter()
                .all(|&s| !s)
        );
        let hidden = KindSet::new(["missile_test".to_owned()]);
        let without_missile = filter.refresh(&loaded, "", &hidden, None);
        assert!(
            loaded
                .timeline
                .events
                .iter()
                .zip(without_missile)
                .all(|(e, &s)| s != (loaded.rules.kinds[e.kind].name == "missile_test"))
        );
    }
}
