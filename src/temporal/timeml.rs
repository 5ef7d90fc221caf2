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
    #[error("the <DCT> value {0:?} is no date (YYYY-MM-DD)")]
    BadDct(String),
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
    let value = source[value_at..].split('"').next().unwrap_or_default();
    let dct = value
        .get(..10)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .ok_or_else(|| TimemlError::BadDct(value.chars().take(40).collect()))?;
    let start = source.find("<TEXT>").ok_or(TimemlError::NoText)? + 6;
    let end = source.rfind("</TEXT>").ok_or(TimemlError::NoText)?;
    let body = source.get(start..end).ok_or(TimemlError::NoText)?;
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    // A `<` starts a tag only when a name (or `/`, `!`, `?`) follows and a `>` closes it
    // before the next `<`; any other `<` is text, kept, so a stray one loses nothing.
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let opens_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c));
        let close = after.find('>').filter(|&gt| !after[..gt].contains('<'));
        match close {
            Some(gt) if opens_tag => {
                text.push_str(&rest[..lt]);
                rest = &after[gt + 1..];
            }
            _ => {
                text.push_str(&rest[..=lt]);
                rest = after;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(dct: &str, body: &str) -> String {
        format!("<TimeML><DCT><TIMEX3 value=\"{dct}\">x</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>")
    }

    #[test]
    fn a_stray_less_than_sign_is_text_and_nothing_after_it_is_lost() {
        let parsed = parse(&doc(
            "2022-01-07",
            "a < b on <EVENT>Friday</EVENT> and 3<4 then",
        ))
        .unwrap();
        assert_eq!(parsed.text, "a < b on Friday and 3<4 then");
    }

    #[test]
    fn an_invalid_dct_is_named_as_such() {
        let err = parse(&doc("2022-13-45", "x")).unwrap_err();
        assert!(
            matches!(&err, TimemlError::BadDct(v) if v == "2022-13-45"),
            "{err}"
        );
        assert!(matches!(parse("<TEXT>x</TEXT>"), Err(TimemlError::NoDct)));
    }
}
