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
pub mod report;
pub mod similarity;
pub mod temporal;

pub use ingest::{Article, Corpus, DateSource, Paragraph, Problem};

/// mimalloc instead of the system allocator: loading and extraction make millions of small
/// strings and vectors on every core, and glibc's malloc spent a tenth of ingest
/// consolidating free lists (perf, 10,000 articles).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
