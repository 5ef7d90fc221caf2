//! Where a correction points: a file, a hash of one paragraph's text and a byte span inside
//! that paragraph. Nothing here depends on event ids or paragraph numbers, so an anchor still
//! finds its place after a reload, after lines elsewhere in the file changed, or after a newer
//! extractor found different events.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::events::{Event, Source};
use crate::ingest::{Article, Corpus};

/// The longest quote kept in an anchor: enough to recognise the place in a message.
const QUOTE_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's file, relative to the folder (as [`Article::file`]).
    pub file: String,
    /// FNV-1a (64 bit, hex) of the paragraph's text.
    pub paragraph: String,
    /// Byte span inside the paragraph: the trigger, or the words a person selected.
    pub span: [usize; 2],
    /// The span's text, to name the place when it can no longer be found.
    pub quote: String,
}

/// A place an anchor resolved to: article, paragraph index, byte range in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub article: usize,
    pub paragraph: usize,
    pub range: Range<usize>,
}

impl Anchor {
    /// The anchor of `range` (in the article's text) inside paragraph `paragraph`; `None` when
    /// the range is not inside it.
    #[must_use]
    pub fn new(article: &Article, paragraph: usize, range: Range<usize>) -> Option<Self> {
        let p = article.paragraphs.get(paragraph)?;
        if range.start < p.start || range.end > p.end || range.start > range.end {
            return None;
        }
        let text = article.paragraph_text(p);
        let quote = article.text.get(range.clone())?;
        Some(Self {
            file: article.file.clone(),
            paragraph: paragraph_hash(text),
            span: [range.start - p.start, range.end - p.start],
            quote: quote.chars().take(QUOTE_CHARS).collect(),
        })
    }

    /// The anchor of one source: its first trigger, or the paragraph's opening words.
    #[must_use]
    pub fn of_source(corpus: &Corpus, source: &Source) -> Option<Self> {
        let article = corpus.articles.get(source.article)?;
        let p = article.paragraphs.get(source.paragraph)?;
        let range = source.triggers.first().cloned().unwrap_or_else(|| {
            let text = article.paragraph_text(p);
            let end = text
                .char_indices()
                .nth(QUOTE_CHARS)
                .map_or(text.len(), |(i, _)| i);
            p.start..p.start + end
        });
        Self::new(article, source.paragraph, range)
    }

    /// The anchor of an event: that of its first source.
    #[must_use]
    pub fn of_event(corpus: &Corpus, event: &Event) -> Option<Self> {
        Self::of_source(corpus, event.sources.first()?)
    }

    /// The event of `events` (and which of its sources) this anchor points at in `corpus`.
    #[must_use]
    pub fn event_in(&self, corpus: &Corpus, events: &[Event]) -> Option<(usize, usize)> {
        event_at(events, &self.resolve(corpus)?)
    }

    /// Where this anchor is in `corpus` now. Among identical paragraphs (a repeated
    /// boilerplate line) the one whose span still holds the quote wins.
    #[must_use]
    pub fn resolve(&self, corpus: &Corpus) -> Option<Place> {
        let (a, article) = corpus
            .articles
            .iter()
            .enumerate()
            .find(|(_, a)| a.file == self.file)?;
        let [start, end] = self.span;
        let candidates = article.paragraphs.iter().enumerate().filter_map(|(i, p)| {
            let text = article.paragraph_text(p);
            (end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
                && start <= end
                && paragraph_hash(text) == self.paragraph)
                .then(|| Place {
                    article: a,
                    paragraph: i,
                    range: p.start + start..p.start + end,
                })
        });
        let mut first = None;
        for place in candidates {
            if article
                .text
                .get(place.range.clone())
                .is_some_and(|q| q.starts_with(&self.quote))
            {
                return Some(place);
            }
            first.get_or_insert(place);
        }
        first
    }
}

/// A stable hash of a paragraph's text (the same in every Dateline version and platform).
#[must_use]
pub fn paragraph_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Which event (and which of its sources) is at `place`: a source in that paragraph whose
/// trigger overlaps the span, else the one whose trigger is nearest (a newer extractor may
/// have moved the trigger by a word).
#[must_use]
pub fn event_at(events: &[Event], place: &Place) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), usize)> = None;
    for (e, event) in events.iter().enumerate() {
        for (s, source) in event.sources.iter().enumerate() {
            if source.article != place.article || source.paragraph != place.paragraph {
                continue;
            }
            let distance = source
                .triggers
                .iter()
                .map(|t| {
                    if t.start < place.range.end && place.range.start < t.end || t == &place.range {
                        0
                    } else {
                        t.start.abs_diff(place.range.start)
                    }
                })
                .min()
                .unwrap_or(usize::MAX / 2);
            if best.is_none_or(|(_, d)| distance < d) {
                best = Some(((e, s), distance));
            }
        }
    }
    best.map(|(found, _)| found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a() {
        // FNV-1a 64 of "a", from the reference test vectors.
        assert_eq!(paragraph_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(paragraph_hash(""), "cbf29ce484222325");
    }
}
