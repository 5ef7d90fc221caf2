//! Dateline's core: news articles in, a source-linked timeline out.
//!
//! The pipeline runs one way — [`ingest`] (files → articles), [`temporal`] (time expressions
//! normalised against each article's date), [`events`] (mentions of a kind, merged across
//! reports) — and never touches a GUI type, so it is usable headless and from tests. With the
//! default `gui` feature the crate also has the timeline view, the PNG export and the window.
//!
//! ```
//! use dateline::{Dataset, Progress, Rules};
//!
//! let sample = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample"));
//! let data = Dataset::load(vec![sample], Rules::built_in(), &Progress::default());
//! for event in &data.timeline.events {
//!     let kind = &data.rules.kinds[event.kind].name;
//!     println!("{} {kind}: {} ({} sources)", event.when_text(), event.label, event.sources.len());
//! }
//! // Every file loaded; warnings (a borrowed year, a guessed date) name what to check.
//! assert!(data.corpus.problems.iter().all(|p| p.warning));
//! ```

mod ascii;
pub mod atomic;
pub(crate) mod calendar;
pub mod corrections;
pub mod dataset;
pub mod events;
pub mod formats;
pub mod ingest;
pub mod progress;
pub mod read;
pub mod report;
pub(crate) mod similarity;
pub mod temporal;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod export;
#[cfg(feature = "gui")]
pub mod timeline;

pub use dataset::Dataset;
pub use events::{Event, Kind, KindSet, Modality, Rules, RulesError, Timeline};
pub use ingest::{Article, Corpus, DateSource, Paragraph, Problem};
pub use progress::Progress;
pub use report::Report;
pub use temporal::{Interval, Timex};
