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
const FUTURE: [&str; 14] = [
    "will",
    "ll",
    "shall",
    "going",
    "expected",
    "expects",
    "scheduled",
    "due",
    "intends",
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

/// [`FUTURE`], [`PAST`], [`IRREGULAR_PAST`] and [`PRESENT`] in one table; a word in several
/// lists takes the first of them in that order.
static TENSE_WORDS: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Tense, crate::similarity::ShortKeyBuild>,
> = std::sync::LazyLock::new(|| {
    let lists: [(&[&str], Tense); 4] = [
        (&PRESENT, Tense::Present),
        (&IRREGULAR_PAST, Tense::Past),
        (&PAST, Tense::Past),
        (&FUTURE, Tense::Future),
    ];
    // Later lists overwrite earlier ones: FUTURE wins over PAST, PAST over PRESENT.
    lists
        .iter()
        .flat_map(|(words, tense)| words.iter().map(move |w| (*w, *tense)))
        .collect()
});

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
    let around = |i: usize| {
        (
            i.checked_sub(1).map(|p| word(&toks[p])),
            word(&toks[i]),
            toks.get(i + 1).map(&word),
        )
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
            if infinitive_of_intention(back, &word, toks) || looking_forward(back, &word, toks) {
                return (Tense::Future, !cross_commas);
            }
            if let Some(t) = cue(around(back))
                && !is_passive_participle(t, back, &word, toks)
                && !is_participle_adjective(back, &word, toks)
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
            if let Some(t) = cue(around(fwd))
                && !is_passive_participle(t, fwd, &word, toks)
                && !is_participle_adjective(fwd, &word, toks)
            {
                return (t, !cross_commas);
            }
            fwd += 1;
            steps += 1;
        }
    }
    (Tense::Unknown, false)
}

/// "decided to admit … in March", "an agreement to acquire … in January": a date in an
/// infinitive after a word of decision or intent lies after that decision, and in news the
/// decision is recent, so the date reads forward even when the main verb is past.
fn infinitive_of_intention<'t>(
    at: usize,
    word: &impl Fn(&'t Token) -> &'t str,
    toks: &'t [Token],
) -> bool {
    const INTENT: [&str; 29] = [
        "decided",
        "decide",
        "decides",
        "agreed",
        "agree",
        "agrees",
        "voted",
        "pledged",
        "vowed",
        "promised",
        "offered",
        "threatened",
        "wants",
        "wanted",
        "hopes",
        "hoped",
        "intends",
        "intended",
        "plans",
        "planned",
        "plan",
        "expects",
        "prepared",
        "preparing",
        "agreement",
        "decision",
        "proposal",
        "bid",
        "offer",
    ];
    const NOT_A_VERB: [&str; 12] = [
        "a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "some", "be",
    ];
    if at == 0 || !word(&toks[at]).eq_ignore_ascii_case("to") {
        return false;
    }
    let Some(next) = toks.get(at + 1) else {
        return false;
    };
    let verb_next = matches!(next.lex, Lex::Other)
        && !next.capitalized
        && !NOT_A_VERB.contains(&word(next).to_ascii_lowercase().as_str());
    verb_next && INTENT.contains(&word(&toks[at - 1]).to_ascii_lowercase().as_str())
}

/// "was looking forward to Chirac's visit in May", "looks forward to talks in June": what is
/// looked forward to lies ahead, whatever the tense of the looking.
fn looking_forward<'t>(at: usize, word: &impl Fn(&'t Token) -> &'t str, toks: &'t [Token]) -> bool {
    at > 0
        && word(&toks[at]).eq_ignore_ascii_case("forward")
        && toks
            .get(at + 1)
            .is_some_and(|n| word(n).eq_ignore_ascii_case("to"))
        && word(&toks[at - 1]).to_ascii_lowercase().starts_with("look")
}

/// "would be paid", "is heard", "was held": a participle after a form of "be" carries no
/// tense of its own; the auxiliary before it does.
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
            "be" | "being" | "is" | "are" | "am" | "been"
        )
}

/// "a still unspecified date", "the revised plan": an -ed word after a determiner (and an
/// optional adverb) describes a noun; it is not the clause's verb.
fn is_participle_adjective<'t>(
    at: usize,
    word: &impl Fn(&'t Token) -> &'t str,
    toks: &'t [Token],
) -> bool {
    const DETERMINERS: [&str; 15] = [
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
        "your", "my", "some",
    ];
    let lower = |i: usize| word(&toks[i]).to_ascii_lowercase();
    let w = lower(at);
    if !w.ends_with("ed") || at == 0 {
        return false;
    }
    let before = lower(at - 1);
    if DETERMINERS.contains(&before.as_str()) {
        return true;
    }
    at > 1
        && (before.ends_with("ly") || matches!(before.as_str(), "still" | "newly" | "well"))
        && DETERMINERS.contains(&lower(at - 2).as_str())
}

/// Words of planning read forward only as verbs: "plans to", "planned a rally", "set to open",
/// "set for Friday", "did not plan to"; not "as planned", "vacation plans for", "set aside".
/// None for other words; Some(false) where the word is no cue at all. `w` is lowercase; the
/// neighbours are compared ignoring case, so no word is lowercased that is not asked about.
fn intention(prev: Option<&str>, w: &str, next: Option<&str>) -> Option<bool> {
    let is_any = |word: Option<&str>, words: &[&str]| {
        word.is_some_and(|x| words.iter().any(|c| x.eq_ignore_ascii_case(c)))
    };
    Some(match w {
        "set" => is_any(next, &["to", "for"]),
        "plan" | "intend" | "intended" | "intending" | "aims" | "aim" | "hopes" | "hope" => {
            is_any(next, &["to"])
        }
        "plans" => is_any(
            next,
            &["to", "a", "an", "the", "its", "his", "her", "their", "no"],
        ),
        "planned" | "planning" => {
            !is_any(prev, &["as", "than", "previously", "originally", "long"])
        }
        _ => return None,
    })
}

/// The tense a word signals, given its neighbours: `(previous, word, next)`.
fn cue((prev, word, next): (Option<&str>, &str, Option<&str>)) -> Option<Tense> {
    if word.len() < 2 || !word.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    // Asked of every word around every time expression: lowercased on the stack, looked up
    // in one table rather than compared with each of the ~90 listed words.
    let mut buf = [0u8; 32];
    let owned;
    let w = if let Some(w) = crate::ascii::lowercase_into(word, &mut buf) {
        w
    } else {
        owned = word.to_ascii_lowercase();
        owned.as_str()
    };
    if let Some(intent) = intention(prev, w, next) {
        return intent.then_some(Tense::Future);
    }
    if w == "to" && next.is_some_and(|n| n.eq_ignore_ascii_case("be")) {
        return Some(Tense::Future);
    }
    if let Some(&tense) = TENSE_WORDS.get(w) {
        return Some(tense);
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
