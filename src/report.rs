//! The JSON document `dateline extract --json` prints: the contract the scorer and tests read.

use serde::Serialize;

use crate::ingest::{Corpus, DateSource};

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub articles: Vec<ArticleReport<'a>>,
    pub events: Vec<serde_json::Value>,
    pub problems: Vec<ProblemReport>,
}

#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<String>,
    pub published_from: Option<DateSource>,
    pub published_inferred: bool,
    pub encoding: &'a str,
    pub paragraphs: Vec<ParagraphReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ParagraphReport<'a> {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ProblemReport {
    pub path: String,
    pub reason: String,
}

impl<'a> Report<'a> {
    #[must_use]
    pub fn new(corpus: &'a Corpus) -> Self {
        let articles = corpus
            .articles
            .iter()
            .map(|a| ArticleReport {
                file: &a.file,
                title: a.title.as_deref(),
                published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
                published_from: a.published_from,
                published_inferred: a.published_from.is_some_and(DateSource::is_inferred),
                encoding: a.encoding,
                paragraphs: a
                    .paragraphs
                    .iter()
                    .map(|p| ParagraphReport {
                        index: p.index,
                        start: p.start,
                        end: p.end,
                        text: a.paragraph_text(p),
                    })
                    .collect(),
            })
            .collect();
        let problems = corpus
            .problems
            .iter()
            .map(|p| ProblemReport {
                path: p.path.display().to_string(),
                reason: p.reason.clone(),
            })
            .collect();
        Self {
            articles,
            events: Vec::new(),
            problems,
        }
    }
}
