//! Words, sentences and clauses of a paragraph, as event detection sees them: hyphenated and
//! apostrophe words stay whole ("two-plus-two", "test-fired"), offsets are bytes.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte range in the text that was split.
    pub range: Range<usize>,
    /// Lowercased form (curly apostrophes made straight) for rule lookup; borrowed from the
    /// text when it already is one, which most words are.
    pub lower: Cow<'a, str>,
    pub capitalized: bool,
    /// Punctuation between the previous word and this one ends a clause.
    pub clause_start: bool,
    /// Ends a sentence: the next word starts a new one.
    pub sentence_end: bool,
}

/// Splits `text[range]` into words; offsets stay relative to `text`.
#[must_use]
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let s = &text[range.clone()];
    let mut chars = s.char_indices().peekable();
    let mut pending_clause = false;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == ','
                    && s[start..end].bytes().all(|b| b.is_ascii_digit())
                    && s[j + 1..]
                        .bytes()
                        .take(3)
                        .filter(u8::is_ascii_digit)
                        .count()
                        == 3
                    && !s.as_bytes()[j + 1..].get(3).is_some_and(u8::is_ascii_digit)
                {
                    // "1,200": a thousands separator joins.
                    chars.next();
                } else if matches!(d, '-' | '\'' | '’' | '.' | '&') {
                    // Keep joiners only between letters/digits: "two-plus-two", "U.S.", "AT&T".
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, e))
                            if e.is_alphanumeric()
                                && (d != '.' || is_initialism(&s[start..end])) =>
                        {
                            chars.next();
                        }
                        _ => {
                            if d == '.' && is_initialism(&s[start..end]) {
                                end = j + 1;
                                chars.next();
                            }
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            let raw = &s[start..end];
            out.push(Word {
                range: range.start + start..range.start + end,
                lower: lowercase(raw),
                capitalized: c.is_uppercase(),
                clause_start: pending_clause || out.is_empty(),
                sentence_end: false,
            });
            pending_clause = false;
        } else if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–') {
            pending_clause = true;
        } else if matches!(c, '.' | '!' | '?')
            && let Some(last) = out.last_mut()
        {
            let next_upper = s[i + 1..]
                .trim_start_matches([' ', '"', '”', '“', '\'', '’', ')'])
                .starts_with(char::is_uppercase)
                || s[i + 1..].trim().is_empty();
            if next_upper && !is_abbreviation(&last.lower) {
                last.sentence_end = true;
                pending_clause = true;
            }
        }
    }
    if let Some(last) = out.last_mut() {
        last.sentence_end = true;
    }
    out
}

fn lowercase(raw: &str) -> Cow<'_, str> {
    if raw.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'\'' | b'.' | b'&')
    }) {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.to_lowercase().replace('’', "'"))
    }
}

/// "U.S", "U.N", "p.m": letters separated by periods keep their periods.
fn is_initialism(s: &str) -> bool {
    let last = s.rsplit('-').next().unwrap_or(s);
    let parts: Vec<&str> = last.split('.').collect();
    parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

pub(crate) fn is_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "rep"
            | "sen"
            | "gov"
            | "st"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "no"
            | "vs"
            | "jr"
            | "sr"
            | "prof"
    ) || lower.ends_with('.')
}

/// Sentences as word-index ranges.
#[must_use]
pub fn sentences(words: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.sentence_end {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

/// The clause (word-index range) around word `at`, inside `sentence`.
#[must_use]
pub fn clause_of(words: &[Word<'_>], sentence: &Range<usize>, at: usize) -> Range<usize> {
    let start = (sentence.start..=at)
        .rev()
        .find(|&i| words[i].clause_start || i == sentence.start)
        .unwrap_or(sentence.start);
    let end = (at + 1..sentence.end)
        .find(|&i| words[i].clause_start)
        .unwrap_or(sentence.end);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sentences_and_clauses() {
        let text = "Mr. Kim met U.S. envoys in Seoul on Jan. 5, officials said. The “two-plus-two” test-fired talks ended.";
        let w = words(text, 0..text.len());
        let lower: Vec<&str> = w.iter().map(|w| w.lower.as_ref()).collect();
        assert_eq!(
            lower,
            [
                "mr",
                "kim",
                "met",
                "u.s.",
                "envoys",
                "in",
                "seoul",
                "on",
                "jan",
                "5",
                "officials",
                "said",
                "the",
                "two-plus-two",
                "test-fired",
                "talks",
                "ended"
            ]
        );
        let s = sentences(&w);
        assert_eq!(s, vec![0..12, 12..17]);
        assert_eq!(clause_of(&w, &s[0], 2), 0..10);
        assert_eq!(clause_of(&w, &s[0], 11), 10..12);
        assert_eq!(&text[w[13].range.clone()], "two-plus-two");
    }
}
