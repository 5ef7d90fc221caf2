//! Which way an underspecified date points: the tense of the clause around it.

use super::lexicon::{Lex, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

// "could", "until" and "next" look forward less often than they look back in news copy.
const FUTURE: [&str; 18] = [
    "will",
    "ll",
    "shall",
    "going",
    "expected",
    "expects",
    "plans",
    "planned",
    "planning",
    "scheduled",
    "due",
    "intends",
    "set",
    "upcoming",
    "would",
    "might",
    "soon",
    "tomorrow",
];
const PAST: [&str; 15] = [
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "earlier",
    "previously",
    "former",
    "since",
    "been",
    "already",
    "has",
    "have",
    "yesterday",
];
const PRESENT: [&str; 3] = ["is", "are", "am"];
const IRREGULAR_PAST: [&str; 56] = [
    "held",
    "met",
    "said",
    "made",
    "took",
    "became",
    "began",
    "came",
    "went",
    "told",
    "gave",
    "won",
    "lost",
    "left",
    "found",
    "fell",
    "rose",
    "saw",
    "got",
    "put",
    "sent",
    "spent",
    "paid",
    "sold",
    "bought",
    "brought",
    "thought",
    "knew",
    "grew",
    "led",
    "built",
    "hit",
    "cut",
    "kept",
    "ran",
    "shot",
    "struck",
    "wrote",
    "spoke",
    "chose",
    "broke",
    "drove",
    "flew",
    "threw",
    "fought",
    "sought",
    "taught",
    "caught",
    "felt",
    "heard",
    "meant",
    "stood",
    "understood",
    "withdrew",
    "swore",
    "forecast",
];

/// The tense governing token `at`: cues in its own clause first (looking back, then ahead),
/// then anywhere in the sentence, nearest first; and whether the cue was in its own clause.
#[must_use]
pub fn tense_at(text: &str, toks: &[Token], at: usize, span_end: usize) -> (Tense, bool) {
    let word = |t: &Token| &text[t.start as usize..t.end as usize];
    let is_clause_end = |t: &Token| matches!(t.lex, Lex::Punct(b',' | b';' | b':' | b'(' | b')'));
    let is_sentence_end = |i: usize| {
        let t = &toks[i];
        matches!(t.lex, Lex::Punct(b'!' | b'?'))
            || (matches!(t.lex, Lex::Punct(b'.'))
                && toks
                    .get(i + 1)
                    .is_none_or(|n| n.capitalized || matches!(n.lex, Lex::Punct(_)))
                && i > 0
                && toks[i - 1].end - toks[i - 1].start > 3)
            || (i > 0 && text[toks[i - 1].end as usize..t.start as usize].contains("\n\n"))
    };
    for cross_commas in [false, true] {
        let mut back = at;
        let mut steps = 0;
        while back > 0 && steps < 25 {
            back -= 1;
            steps += 1;
            if is_sentence_end(back) || (!cross_commas && is_clause_end(&toks[back])) {
                break;
            }
            if let Some(t) = cue(word(&toks[back]), toks.get(back + 1).map(&word))
                && !is_passive_participle(t, back, &word, toks)
            {
                return (t, !cross_commas);
            }
        }
        let mut fwd = span_end;
        let mut steps = 0;
        while fwd < toks.len() && steps < 15 {
            if is_sentence_end(fwd) || (!cross_commas && is_clause_end(&toks[fwd])) {
                break;
            }
            if let Some(t) = cue(word(&toks[fwd]), toks.get(fwd + 1).map(&word))
                && !is_passive_participle(t, fwd, &word, toks)
            {
                return (t, !cross_commas);
            }
            fwd += 1;
            steps += 1;
        }
    }
    (Tense::Unknown, false)
}

/// "would be paid", "will be held": a participle after "be" carries no tense of its own;
/// the auxiliary before it does.
fn is_passive_participle<'t>(
    tense: Tense,
    at: usize,
    word: &impl Fn(&'t Token) -> &'t str,
    toks: &'t [Token],
) -> bool {
    tense == Tense::Past
        && at > 0
        && matches!(
            word(&toks[at - 1]).to_ascii_lowercase().as_str(),
            "be" | "being"
        )
}

fn cue(word: &str, next: Option<&str>) -> Option<Tense> {
    if word.len() < 2 || !word.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let w = lower.as_str();
    if FUTURE.contains(&w) || (w == "to" && next.is_some_and(|n| n == "be")) {
        return Some(Tense::Future);
    }
    if PAST.contains(&w) || IRREGULAR_PAST.contains(&w) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
    }
    let regular_past = w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "need"
                | "speed"
                | "indeed"
                | "proceed"
                | "exceed"
                | "succeed"
                | "feed"
                | "seed"
                | "united"
                | "based"
                | "related"
                | "limited"
                | "expected"
                | "planned"
                | "scheduled"
        );
    regular_past.then_some(Tense::Past)
}
