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
    /// [`word_hash`](crate::similarity::word_hash) of `lower`: rule lookups compare this
    /// before any text.
    pub hash: u64,
    pub capitalized: bool,
    /// Punctuation between the previous word and this one ends a clause.
    pub clause_start: bool,
    /// Ends a sentence: the next word starts a new one.
    pub sentence_end: bool,
}

/// Splits `text[range]` into words, into `out` (cleared first, so one buffer serves paragraph
/// after paragraph); offsets stay relative to `text`. `lowered` is `text.to_ascii_lowercase()`:
/// capitalised ASCII words borrow their lowercase form from it instead of allocating one each.
pub fn words_into<'a>(
    text: &'a str,
    lowered: &'a str,
    range: Range<usize>,
    out: &mut Vec<Word<'a>>,
) {
    debug_assert_eq!(text.len(), lowered.len());
    out.clear();
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let mut pending_clause = false;
    let mut i = 0;
    while i < bytes.len() {
        // A sixth of the bytes are spaces.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(s, i);
        let alphanumeric = crate::ascii::is_alphanumeric_char(c);
        if alphanumeric {
            let start = i;
            let (end, next) = word_end(s, start, i + len);
            let raw = &s[start..end];
            let scan = crate::similarity::scan_word(bytes, start, end);
            let (lower, hash) = if scan.ascii {
                let lower = if scan.capital {
                    &lowered[range.start + start..range.start + end]
                } else {
                    raw
                };
                (Cow::Borrowed(lower), scan.hash)
            } else {
                let lower = Cow::Owned(lowercase_straight(raw));
                let hash = crate::similarity::word_hash(&lower);
                (lower, hash)
            };
            out.push(Word {
                range: range.start + start..range.start + end,
                lower,
                hash,
                capitalized: c.is_uppercase(),
                clause_start: pending_clause || out.is_empty(),
                sentence_end: false,
            });
            pending_clause = false;
            i = next;
            continue;
        }
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–') {
            pending_clause = true;
        } else if matches!(c, '.' | '!' | '?')
            && let Some(last) = out.last_mut()
        {
            let rest = &s[i + 1..];
            let next_upper = rest
                .trim_start_matches([' ', '"', '”', '“', '\'', '’', ')'])
                .starts_with(char::is_uppercase)
                || rest.trim().is_empty();
            if next_upper && !is_abbreviation(&last.lower) {
                last.sentence_end = true;
                pending_clause = true;
            }
        }
        i += len;
    }
    if let Some(last) = out.last_mut() {
        last.sentence_end = true;
    }
}

/// `word` lowercased with curly apostrophes made straight. "Japan’s" (ASCII but for the
/// apostrophe) is most non-ASCII words of English news: one pass and one allocation; other
/// words go through `to_lowercase`, which knows context such as Greek final sigma.
fn lowercase_straight(word: &str) -> String {
    if word.chars().all(|c| c.is_ascii() || c == '’') {
        word.chars()
            .map(|c| {
                if c == '’' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    } else {
        word.to_lowercase().replace('’', "'")
    }
}

/// The character at byte `i` of `s` (a character boundary) and its length: ASCII without
/// decoding, which is nearly all of English news.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Where the word that starts at `start` (and runs at least to `end`) ends, and where scanning
/// resumes: past a consumed final period ("U.S."), else at the end.
fn word_end(s: &str, start: usize, mut end: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let mut j = end;
    while j < s.len() {
        // The common case first: ASCII letters and digits continue the word.
        let run_end = crate::ascii::alphanumeric_run_end(bytes, j);
        if run_end > j {
            j = run_end;
            end = j;
            continue;
        }
        let (d, len) = char_at(s, j);
        if !d.is_ascii() && crate::ascii::is_alphanumeric_char(d) {
            end = j + len;
            j = end;
        } else if d == ','
            && s[start..end].bytes().all(|b| b.is_ascii_digit())
            && bytes.len() >= j + 4
            && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            // "1,200": a thousands separator joins.
            j += 1;
        } else if matches!(d, '-' | '\'' | '’' | '.' | '&') {
            // Keep joiners only between letters/digits: "two-plus-two", "U.S.", "AT&T".
            let after = j + len;
            let letter_after =
                after < s.len() && crate::ascii::is_alphanumeric_char(char_at(s, after).0);
            if letter_after && (d != '.' || is_initialism(&s[start..end])) {
                j = after;
            } else {
                if d == '.' && is_initialism(&s[start..end]) {
                    return (j + 1, j + 1);
                }
                break;
            }
        } else {
            break;
        }
    }
    (end, j)
}

/// "U.S", "U.N", "p.m": letters separated by periods keep their periods.
fn is_initialism(s: &str) -> bool {
    let last = s.rsplit('-').next().unwrap_or(s);
    last.split('.').all(|part| {
        let mut chars = part.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    })
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
    fn lowercase_straight_is_to_lowercase_with_straight_apostrophes() {
        for w in [
            "Japan’s",
            "COUNTRIES’",
            "o’Neill’s",
            "Zürich’s",
            "ΟΔΟΣ’",
            "İstanbul",
            "plain",
        ] {
            assert_eq!(
                lowercase_straight(w),
                w.to_lowercase().replace('’', "'"),
                "{w}"
            );
        }
    }

    #[test]
    fn words_sentences_and_clauses() {
        let text = "Mr. Kim met U.S. envoys in Seoul on Jan. 5, officials said. The “two-plus-two” test-fired talks ended.";
        let lowered = text.to_ascii_lowercase();
        let mut w = Vec::new();
        words_into(text, &lowered, 0..text.len(), &mut w);
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
        for word in &w {
            assert_eq!(word.hash, crate::similarity::word_hash(&word.lower));
        }
    }
}
