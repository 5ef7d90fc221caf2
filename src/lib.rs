//! Dateline's core: news articles in, a source-linked timeline out.
//!
//! The pipeline runs one way — [`ingest`] (files → articles), then time expressions and
//! events — and never touches a GUI type, so it is usable headless and from tests.

pub mod app;
mod ascii;
pub mod calendar;
pub mod events;
pub mod export;
pub mod ingest;

pub use ingest::{Article, Corpus, DateSource, Paragraph, Problem};
pub mod report;
pub mod similarity;
pub mod temporal;
