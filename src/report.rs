//! The JSON document `dateline extract --json` prints: the contract the scorer and tests read.

use serde::Serialize;

use crate::events::{DatedBy, Modality, Rules, Timeline};
use crate::ingest::{Corpus, DateSource};
use crate::temporal::Precision;
use crate::temporal::value::day_value;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub articles: Vec<ArticleReport<'a>>,
    pub events: Vec<EventReport<'a>>,
    pub problems: Vec<ProblemReport>,
}

#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<String>,
    pub published_from: Option<DateSource>,
    pub published_estimated: bool,
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
pub struct EventReport<'a> {
    pub id: usize,
    pub category: &'a str,
    pub label: &'a str,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<Precision>,
    pub modality: Modality,
    pub confidence: f32,
    pub date_disputed: bool,
    pub date_estimated: bool,
    /// Changed or added by a correction (`dateline.corrections.json`).
    pub corrected: bool,
    pub participants: &'a [String],
    pub sources: Vec<SourceReport<'a>>,
}

/// A paragraph reporting an event; `trigger` and `date_phrase` are byte ranges in `text`.
#[derive(Debug, Serialize)]
pub struct SourceReport<'a> {
    pub file: &'a str,
    pub paragraph: usize,
    pub text: &'a str,
    pub trigger: Vec<[usize; 2]>,
    pub date_phrase: Option<[usize; 2]>,
    pub dated_by: Option<DatedBy>,
    pub modality: Modality,
}

#[derive(Debug, Serialize)]
pub struct ProblemReport {
    pub path: String,
    pub reason: String,
    pub warning: bool,
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
                published: a.published.map(day_value),
                published_from: a.published_from,
                published_estimated: a.published_from.is_some_and(DateSource::is_estimated),
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
        Self {
            articles,
            events: Vec::new(),
            problems: Vec::new(),
        }
        .with_problems(&corpus.problems)
    }

    /// The report with `problems` (the corpus's and the corrections') as its problems.
    #[must_use]
    pub fn with_problems(mut self, problems: &[crate::Problem]) -> Self {
        self.problems = problems
            .iter()
            .map(|p| ProblemReport {
                path: p.path.display().to_string(),
                reason: p.reason.clone(),
                warning: p.warning,
            })
            .collect();
        self
    }

    /// The report with the events of `timeline` (extracted from the same corpus with `rules`).
    #[must_use]
    pub fn with_events(
        mut self,
        corpus: &'a Corpus,
        timeline: &'a Timeline,
        rules: &'a Rules,
    ) -> Self {
        self.events = timeline
            .events
            .iter()
            .map(|e| EventReport {
                id: e.id,
                category: &rules.kinds[e.kind].name,
                label: &e.label,
                start: e.interval.map(|iv| day_value(iv.start)),
                end: e.interval.map(|iv| day_value(iv.end)),
                precision: e.interval.map(|iv| iv.precision),
                modality: e.modality,
                confidence: (e.confidence * 100.0).round() / 100.0,
                date_disputed: e.date_disputed,
                date_estimated: e.date_estimated,
                corrected: e.corrected,
                participants: &e.participants,
                sources: e
                    .sources
                    .iter()
                    .map(|s| {
                        let article = &corpus.articles[s.article];
                        let p = &article.paragraphs[s.paragraph];
                        let local =
                            |r: &std::ops::Range<usize>| [r.start - p.start, r.end - p.start];
                        SourceReport {
                            file: &article.file,
                            paragraph: s.paragraph,
                            text: article.paragraph_text(p),
                            trigger: s.triggers.iter().map(local).collect(),
                            date_phrase: s.date_phrase.as_ref().map(local),
                            dated_by: s.dated_by,
                            modality: s.modality,
                        }
                    })
                    .collect(),
            })
            .collect();
        self
    }
}
