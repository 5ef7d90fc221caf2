//! The chronology in the formats people paste and publish: a spreadsheet (CSV), a `TimelineJS3`
//! timeline, and a Markdown list with quoted sources. Pure text from a [`Dataset`]; the window
//! and the command line write the result with [`crate::atomic`].

pub mod csv;
pub mod markdown;
pub mod timelinejs;

use crate::dataset::Dataset;
use crate::events::Event;

/// A text format the chronology can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Dateline's own JSON report: articles, events and sources.
    Json,
    Csv,
    TimelineJs,
    Markdown,
}

impl Format {
    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json | Self::TimelineJs => "json",
            Self::Markdown => "md",
        }
    }

    /// What a menu calls it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Csv => "CSV",
            Self::TimelineJs => "TimelineJS",
            Self::Markdown => "Markdown",
        }
    }
}

/// The events to write: those `keep` lets through, in the timeline's date order.
pub fn selected<'a>(
    data: &'a Dataset,
    keep: &'a dyn Fn(usize) -> bool,
) -> impl Iterator<Item = &'a Event> {
    data.timeline
        .events
        .iter()
        .enumerate()
        .filter(move |&(i, _)| keep(i))
        .map(|(_, e)| e)
}

/// The chronology of `data` in `format`, of the events `keep` lets through; `csv` applies to
/// the CSV only.
pub fn render(
    data: &Dataset,
    format: Format,
    keep: &dyn Fn(usize) -> bool,
    csv: csv::Options,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => json(data, keep),
        Format::Csv => csv::render(data, keep, csv),
        Format::TimelineJs => timelinejs::render(data, keep).map(String::into_bytes),
        Format::Markdown => Ok(markdown::render(data, keep).into_bytes()),
    }
}

/// Dateline's JSON report (what `dateline extract --json` prints) of the events `keep` lets
/// through.
pub fn json(data: &Dataset, keep: &dyn Fn(usize) -> bool) -> Result<Vec<u8>, String> {
    let kept = crate::events::Timeline {
        events: selected(data, keep).cloned().collect(),
    };
    let report =
        crate::report::Report::new(&data.corpus).with_events(&data.corpus, &kept, &data.rules);
    serde_json::to_vec_pretty(&report).map_err(|e| format!("could not write JSON: {e}"))
}

/// "012.txt ¶6": where paragraph `paragraph` of article `article` is, as the Source panel
/// and the figure cite it.
fn citation(data: &Dataset, (article, paragraph): (usize, usize)) -> String {
    let file = data
        .corpus
        .articles
        .get(article)
        .map_or("?", |a| a.file.as_str());
    format!("{file} ¶{paragraph}")
}

/// The text of paragraph `paragraph` of article `article`, whitespace folded to single spaces.
fn paragraph(data: &Dataset, (article, paragraph): (usize, usize)) -> String {
    data.corpus
        .articles
        .get(article)
        .and_then(|a| a.paragraphs.get(paragraph).map(|p| a.paragraph_text(p)))
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
