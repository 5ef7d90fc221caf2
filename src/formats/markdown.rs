//! A chronology to paste into a story draft: one line per event in date order with numbered
//! references, then the numbered sources quoting each paragraph.
//!
//! ```text
//! - **2022-01-05** — North Korea fired hypersonic missile (missile test, claimed) [1][2]
//! ...
//! [1] 000_9c6cc9a4abd8fbcc.txt ¶7: "The teleconference comes as …"
//! ```

use std::fmt::Write as _;

use super::{citation, paragraph};
use crate::dataset::Dataset;
use crate::events::Modality;

/// Markdown characters that would change a label's meaning, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Markdown chronology of the events `keep` lets through.
#[must_use]
pub fn render(data: &Dataset, keep: &dyn Fn(usize) -> bool) -> String {
    let mut out = String::from("# Chronology\n\n");
    // Each paragraph gets one number, however many events cite it.
    let mut sources: Vec<(usize, usize)> = Vec::new();
    let mut number = |article: usize, paragraph: usize| -> usize {
        if let Some(k) = sources.iter().position(|&s| s == (article, paragraph)) {
            k + 1
        } else {
            sources.push((article, paragraph));
            sources.len()
        }
    };
    let (dated, undated): (Vec<_>, Vec<_>) =
        super::selected(data, keep).partition(|e| e.interval.is_some());
    for (heading, events) in [(None, dated), (Some("## Undated\n\n"), undated)] {
        if events.is_empty() {
            continue;
        }
        if let Some(heading) = heading {
            out.push('\n');
            out.push_str(heading);
        }
        for e in events {
            let kind = data
                .rules
                .kinds
                .get(e.kind)
                .map_or("", |k| k.label.as_str());
            let status = match e.modality {
                Modality::Happened => String::new(),
                other => format!(", {}", other.as_str()),
            };
            let mut numbers: Vec<usize> = e
                .sources
                .iter()
                .map(|s| number(s.article, s.paragraph))
                .collect();
            numbers.sort_unstable();
            numbers.dedup();
            let mut refs = String::new();
            for n in &numbers {
                let _ = write!(refs, "[{n}]");
            }
            let _ = writeln!(
                out,
                "- **{}** — {} ({}{status}) {refs}",
                e.date_text(),
                escape(&e.label),
                kind.to_lowercase(),
            );
        }
    }
    if !sources.is_empty() {
        out.push_str("\n## Sources\n\n");
        for (k, &source) in sources.iter().enumerate() {
            let _ = writeln!(
                out,
                "[{}] {}: “{}”\n",
                k + 1,
                escape(&citation(data, source)),
                paragraph(data, source)
            );
        }
    }
    out
}
