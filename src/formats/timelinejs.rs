//! A `TimelineJS3` timeline (<https://timeline.knightlab.com/docs/json-format.html>): one slide
//! per dated event, its date as precise as known (a month is `{year, month}`), the kind as
//! its group, and the source paragraphs as the slide's text. `TimelineJS` needs a start date,
//! so undated events are left out.

use std::fmt::Write as _;

use chrono::Datelike;
use serde_json::{Value, json};

use super::{citation, paragraph};
use crate::dataset::Dataset;
use crate::temporal::Precision;

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A `TimelineJS` date object down to the precision the date has.
fn date(d: chrono::NaiveDate, precision: Precision) -> Value {
    match precision {
        Precision::Day | Precision::Week => {
            json!({"year": d.year(), "month": d.month(), "day": d.day()})
        }
        Precision::Month | Precision::Quarter | Precision::Season => {
            json!({"year": d.year(), "month": d.month()})
        }
        _ => json!({"year": d.year()}),
    }
}

/// The `TimelineJS3` JSON of the dated events `keep` lets through.
pub fn render(data: &Dataset, keep: &dyn Fn(usize) -> bool) -> Result<String, String> {
    let mut events = Vec::new();
    for e in super::selected(data, keep) {
        let Some(iv) = e.interval else { continue };
        let kind = data
            .rules
            .kinds
            .get(e.kind)
            .map_or("", |k| k.label.as_str());
        let mut text = format!(
            "<p>{}{}</p>",
            html_escape(&format!("{:?}", e.modality).to_lowercase()),
            if e.date_estimated {
                " · date estimated from the article's file"
            } else {
                ""
            }
        );
        for s in &e.sources {
            let _ = write!(
                text,
                "<blockquote>{}<br><small>{}</small></blockquote>",
                html_escape(&paragraph(data, (s.article, s.paragraph))),
                html_escape(&citation(data, (s.article, s.paragraph)))
            );
        }
        let mut slide = json!({
            "unique_id": format!("event-{}", e.id),
            "start_date": date(iv.start, iv.precision),
            "text": {"headline": html_escape(&e.label), "text": text},
            "group": kind,
        });
        // A month or a year is one date in `TimelineJS`; a span of days has an end.
        if iv.start != iv.end && matches!(iv.precision, Precision::Day | Precision::Week) {
            slide["end_date"] = date(iv.end, iv.precision);
        }
        events.push(slide);
    }
    let title = data.paths.first().and_then(|p| p.file_name()).map_or_else(
        || "Chronology".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let doc = json!({
        "title": {"text": {"headline": html_escape(&title), "text": "Made with Dateline"}},
        "events": events,
    });
    serde_json::to_string_pretty(&doc).map_err(|e| format!("could not write TimelineJS JSON: {e}"))
}
