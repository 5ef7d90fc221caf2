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

/// The per-event result for the current key.
#[derive(Debug, Default)]
pub struct EventFilter {
    key: Option<Key>,
    shown: Vec<bool>,
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
            self.shown = compute(loaded, &key);
            self.key = Some(key);
        }
        &self.shown
    }

    /// The result of the last [`refresh`](Self::refresh).
    #[must_use]
    pub fn shown(&self) -> &[bool] {
        &self.shown
    }
}

fn compute(loaded: &Loaded, key: &Key) -> Vec<bool> {
    let visible = key.hidden_kinds.non_members(&loaded.rules.kinds);
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
            if !visible.get(e.kind).copied().unwrap_or(true)
                || key
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
