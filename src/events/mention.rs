//! An event mention: one report of an event in one paragraph, before merging.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::temporal::Interval;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Happened,
    Planned,
    Claimed,
    Cancelled,
    Negated,
}

impl Modality {
    pub const ALL: [Self; 5] = [
        Self::Happened,
        Self::Planned,
        Self::Claimed,
        Self::Cancelled,
        Self::Negated,
    ];

    /// The name used in files and exports (`happened`, `planned`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Happened => "happened",
            Self::Planned => "planned",
            Self::Claimed => "claimed",
            Self::Cancelled => "cancelled",
            Self::Negated => "negated",
        }
    }
}

/// How a mention got its date, from the most to the least direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatedBy {
    /// A time expression in the trigger's own clause.
    Clause,
    /// A time expression elsewhere in the sentence.
    Sentence,
    /// "after the talks": the date of the story's event it is anchored to.
    Anchor,
    /// "the talks": a definite reference to the story's own event.
    Story,
    /// A present-tense report with no date: the article's date.
    Present,
    /// The opening paragraph: the article's date.
    Lede,
    /// No date of its own: the date of the report just before it, as news tells in order.
    Narrative,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub paragraph: usize,
    pub kind: usize,
    /// Byte range of the trigger words in the article text.
    pub trigger: Range<usize>,
    /// Byte range of the governing time expression, if any.
    pub date_phrase: Option<Range<usize>>,
    pub interval: Option<Interval>,
    pub dated_by: Option<DatedBy>,
    pub modality: Modality,
    /// Names in the mention's sentence (shared by every mention of that sentence).
    pub participants: Arc<[String]>,
    /// Sorted hashes of the words of person-like names among them, for merging.
    pub(crate) people: Arc<[u64]>,
    /// Whom the trigger names as its other side ("met Kenyan President Mwai Kibaki"): the
    /// hashes of the name's last two words, sorted, 0 for none.
    pub(crate) counterpart_words: [u64; 2],
    /// Sorted hashes of the content words around the trigger.
    pub keywords: Vec<u64>,
    pub label: String,
    pub confidence: f32,
    /// Refers to the story's own event of its kind ("the talks", the lede).
    pub story: bool,
    /// Anchored to the story's event of this kind ("after the talks").
    pub(super) anchor: Option<usize>,
    /// Told as the scene's earlier background ("since Kohl took power", "after she was
    /// elected"): dated only by its own clause, never by the story's narrative.
    pub(super) background: bool,
}

impl Mention {
    /// [`Mention::counterpart_words`] without its empty slots.
    pub(crate) fn counterpart(&self) -> &[u64] {
        let first = self
            .counterpart_words
            .iter()
            .position(|&h| h != 0)
            .unwrap_or(2);
        &self.counterpart_words[first..]
    }
}
