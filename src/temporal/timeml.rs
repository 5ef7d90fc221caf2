//! Reading `TimeML` documents (DCT and plain text) and writing them back with our TIMEX3 tags,
//! the format the TempEval-3 scorer reads.

use std::fmt::Write;

use chrono::NaiveDate;

use super::Timex;

/// A `TimeML` document's creation time and the text inside `<TEXT>` with every tag removed
/// (entities left as written, so offsets match the file's own text).
#[derive(Debug, Clone)]
pub struct Document {
    pub dct: NaiveDate,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum TimemlError {
    #[error("no <DCT> value")]
    NoDct,
    #[error("no <TEXT> element")]
    NoText,
}

pub fn parse(source: &str) -> Result<Document, TimemlError> {
    let dct_at = source.find("<DCT>").ok_or(TimemlError::NoDct)?;
    let value_at = source[dct_at..]
        .find("value=\"")
        .ok_or(TimemlError::NoDct)?
        + dct_at
        + 7;
    let dct = source
        .get(value_at..value_at + 10)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .ok_or(TimemlError::NoDct)?;
    let start = source.find("<TEXT>").ok_or(TimemlError::NoText)? + 6;
    let end = source.rfind("</TEXT>").ok_or(TimemlError::NoText)?;
    let body = source.get(start..end).ok_or(TimemlError::NoText)?;
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    text.push_str(rest);
    Ok(Document { dct, text })
}

/// The document as `TimeML` with `timexes` (sorted, non-overlapping) inserted as TIMEX3 tags.
#[must_use]
pub fn write(doc_id: &str, doc: &Document, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    let _ = writeln!(out, "<DOCID>{doc_id}</DOCID>");
    let _ = write!(
        out,
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{}\" functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n<TEXT>",
        doc.dct, doc.dct
    );
    let mut at = 0;
    for (n, t) in timexes.iter().enumerate() {
        if t.start < at {
            continue;
        }
        out.push_str(&doc.text[at..t.start]);
        let modifier = t
            .modifier
            .map(|m| format!(" mod=\"{}\"", m.as_str()))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"{modifier}>{}</TIMEX3>",
            n + 1,
            t.kind.as_str(),
            t.value,
            &doc.text[t.start..t.end]
        );
        at = t.end;
    }
    out.push_str(&doc.text[at..]);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}
