//! One row per event, for a spreadsheet: dates, precision, kind, label, status, participants,
//! and where each source paragraph is. Quoting is the `csv` crate's, which is what Excel,
//! `LibreOffice` and Google Sheets read back.

use super::citation;
use crate::dataset::Dataset;

/// Written before the header when asked: Excel opens a UTF-8 file as UTF-8 only with it.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Start with a UTF-8 byte order mark, for Excel.
    pub bom: bool,
}

const HEADER: [&str; 13] = [
    "date",
    "start",
    "end",
    "precision",
    "date_estimated",
    "kind",
    "label",
    "status",
    "participants",
    "source_count",
    "sources",
    "date_disputed",
    "corrected",
];

/// The CSV of the events `keep` lets through, in date order.
pub fn render(
    data: &Dataset,
    keep: &dyn Fn(usize) -> bool,
    options: Options,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(UTF8_BOM);
    }
    let mut writer = ::csv::Writer::from_writer(out);
    let fail = |e: ::csv::Error| format!("could not write CSV: {e}");
    writer.write_record(HEADER).map_err(fail)?;
    for e in super::selected(data, keep) {
        let (start, end, precision) = e.interval.map_or_else(
            || (String::new(), String::new(), String::new()),
            |iv| {
                (
                    iv.start.to_string(),
                    iv.end.to_string(),
                    format!("{:?}", iv.precision).to_lowercase(),
                )
            },
        );
        let kind = data
            .rules
            .kinds
            .get(e.kind)
            .map_or_else(String::new, |k| k.label.clone());
        let sources: Vec<String> = e
            .sources
            .iter()
            .map(|s| citation(data, (s.article, s.paragraph)))
            .collect();
        writer
            .write_record([
                e.date_text(),
                start,
                end,
                precision,
                e.date_estimated.to_string(),
                kind,
                e.label.clone(),
                format!("{:?}", e.modality).to_lowercase(),
                e.participants.join("; "),
                e.sources.len().to_string(),
                sources.join("; "),
                e.date_disputed.to_string(),
                e.corrected.to_string(),
            ])
            .map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| format!("could not write CSV: {}", e.error()))
}
