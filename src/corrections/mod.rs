//! Corrections a person made to the extracted timeline, kept beside the articles in
//! `dateline.corrections.json` and applied again on every load, so a fixed date stays fixed
//! after a reload, an edited file or a newer extractor. Each correction is anchored to the
//! text it is about ([`Anchor`]); one whose anchor no longer resolves becomes a problem,
//! never a silent loss.

mod anchor;
mod apply;
pub mod date;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, Place, event_at, paragraph_hash};
pub use apply::{Applied, apply_events, apply_published};
pub use store::{FILE_NAME, Store};

use crate::events::Modality;

/// One change to the timeline, as saved (`"action": "date"`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Correction {
    /// The event's date: text as [`date::parse`] reads it (`2022-01`, `undated`, …).
    Date {
        event: Anchor,
        date: String,
    },
    Kind {
        event: Anchor,
        kind: String,
    },
    Label {
        event: Anchor,
        label: String,
    },
    Modality {
        event: Anchor,
        modality: Modality,
    },
    /// A false positive: off the timeline, listed as rejected.
    Reject {
        event: Anchor,
    },
    /// `event`'s sources join `into`, which keeps its date, kind and label.
    Merge {
        event: Anchor,
        into: Anchor,
    },
    /// The source at `source` leaves its event and becomes an event of its own.
    Split {
        source: Anchor,
    },
    /// An event the extractor missed, reported by the words at `at`.
    Add {
        at: Anchor,
        kind: String,
        date: String,
        label: String,
    },
    /// The article's publication date; its relative dates resolve again from it.
    Published {
        file: String,
        date: NaiveDate,
    },
}

impl Correction {
    /// What the correction does to `subject` (an event's label or an article's file), as the
    /// Edit menu names it: "date of “…” to 2022-01".
    #[must_use]
    pub fn describe(&self, subject: &str) -> String {
        let subject = shorten(subject);
        match self {
            Self::Date { date, .. } => format!("date of “{subject}” to {date}"),
            Self::Kind { kind, .. } => format!("kind of “{subject}” to {kind}"),
            Self::Label { label, .. } => format!("rename “{subject}” to “{}”", shorten(label)),
            Self::Modality { modality, .. } => {
                format!("status of “{subject}” to {}", modality.as_str())
            }
            Self::Reject { .. } => format!("reject “{subject}”"),
            Self::Merge { .. } => format!("merge “{subject}”"),
            Self::Split { .. } => format!("move a source of “{subject}” to a new event"),
            Self::Add { label, .. } => format!("add “{}”", shorten(label)),
            Self::Published { date, .. } => format!("publication date of {subject} to {date}"),
        }
    }

    /// The anchor the correction is about (none for a publication date).
    #[must_use]
    pub fn anchor(&self) -> Option<&Anchor> {
        match self {
            Self::Date { event, .. }
            | Self::Kind { event, .. }
            | Self::Label { event, .. }
            | Self::Modality { event, .. }
            | Self::Reject { event }
            | Self::Merge { event, .. } => Some(event),
            Self::Split { source } => Some(source),
            Self::Add { at, .. } => Some(at),
            Self::Published { .. } => None,
        }
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(MAX - 1).collect();
    short.push('…');
    short
}

/// The publication dates the corrections set, in order: a change to these needs the
/// articles' time expressions resolved again, the others only re-apply to the events.
#[must_use]
pub fn published_dates(list: &[Correction]) -> Vec<(&str, NaiveDate)> {
    list.iter()
        .filter_map(|c| match c {
            Correction::Published { file, date } => Some((file.as_str(), *date)),
            _ => None,
        })
        .collect()
}
