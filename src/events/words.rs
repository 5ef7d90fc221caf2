//! Word classes the detector asks about: determiners, modality cues, stopwords, function
//! and calendar words.

pub(super) fn is_anchoring(w: &str) -> bool {
    matches!(
        w,
        "after" | "following" | "during" | "at" | "ahead" | "before" | "amid"
    )
}

pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "today's"
    )
}

pub(super) fn is_planned(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "shall"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "scheduled"
            | "intends"
            | "intend"
            | "set"
            | "due"
            | "aims"
    )
}

pub(super) fn is_claim(w: &str) -> bool {
    matches!(
        w,
        "claims"
            | "claimed"
            | "claim"
            | "allegedly"
            | "reportedly"
            | "purportedly"
            | "purported"
            | "alleged"
    )
}

pub(super) fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "never" | "no" | "didn't" | "hasn't" | "wasn't")
}

pub(super) fn is_cancellation(w: &str) -> bool {
    matches!(
        w,
        "cancelled"
            | "canceled"
            | "called"
            | "postponed"
            | "scrapped"
            | "instead"
            | "initially"
            | "originally"
    )
}

pub(super) const STOPWORDS: [&str; 40] = [
    "the", "and", "that", "with", "from", "this", "have", "has", "been", "were", "was", "are",
    "for", "which", "their", "they", "also", "said", "will", "would", "after", "about", "into",
    "over", "than", "more", "its", "his", "her", "who", "what", "when", "where", "while", "such",
    "other", "some", "these", "those", "being",
];

/// [`STOPWORDS`] by [`word_hash`](crate::similarity::word_hash), open addressing on the top
/// bits: keywords are hashes already, and every word near every trigger is looked up, so the
/// check is a probe or two, not a scan of forty.
pub(super) static STOPWORD_TABLE: [u64; STOPWORD_SLOTS] = {
    let mut table = [0; STOPWORD_SLOTS];
    let mut i = 0;
    while i < STOPWORDS.len() {
        let hash = crate::similarity::word_hash(STOPWORDS[i]);
        assert!(hash != 0, "0 marks an empty slot");
        let mut slot = stopword_slot(hash);
        while table[slot] != 0 {
            slot = (slot + 1) % STOPWORD_SLOTS;
        }
        table[slot] = hash;
        i += 1;
    }
    table
};

/// A power of two, a few times the stopwords: most misses end at the first slot.
pub(super) const STOPWORD_SLOTS: usize = 128;

pub(super) const fn stopword_slot(hash: u64) -> usize {
    (hash >> (64 - STOPWORD_SLOTS.trailing_zeros())) as usize
}

pub(super) fn is_stopword_hash(hash: u64) -> bool {
    let mut slot = stopword_slot(hash);
    loop {
        match STOPWORD_TABLE[slot] {
            0 => return false,
            h if h == hash => return true,
            _ => slot = (slot + 1) % STOPWORD_SLOTS,
        }
    }
}

/// Letters and hyphens only: ASCII words (nearly all) byte by byte, others by character.
pub(super) fn is_keyword_shaped(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    } else {
        w.chars().all(|c| c.is_alphabetic() || c == '-')
    }
}

pub(super) fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

pub(super) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "in"
            | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "after"
            | "before"
            | "since"
            | "from"
            | "among"
            | "amid"
            | "during"
            | "newly"
            | "also"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "while"
            | "when"
            | "although"
            | "however"
            | "meanwhile"
            | "what"
            | "which"
            | "who"
    )
}

pub(super) fn is_calendar_word(w: &str) -> bool {
    crate::calendar::month_from_name(w).is_some() || crate::calendar::weekday_from_name(w).is_some()
}

/// Days the timeline shows by position; in a label they only repeat the date.
pub(super) fn is_relative_day(w: &str) -> bool {
    crate::calendar::weekday_from_name(w).is_some()
        || matches!(w, "today" | "yesterday" | "tomorrow" | "tonight")
}

/// A lowercase word inside a name, between capitalised ones: "Secretary of State", "Ursula
/// von der Leyen", "Charles de Gaulle", "Mohammed bin Salman".
pub(super) fn joins_name(words: &[super::text::Word<'_>], k: usize) -> bool {
    let particle = |w: &str| {
        matches!(
            w,
            "of" | "von"
                | "van"
                | "der"
                | "den"
                | "de"
                | "da"
                | "di"
                | "du"
                | "del"
                | "la"
                | "le"
                | "bin"
                | "ibn"
                | "al"
                | "ter"
        )
    };
    // After a capitalised word, or after a particle that follows one ("von der").
    let after_name = k > 0
        && (words[k - 1].capitalized
            || (k > 1 && particle(&words[k - 1].lower) && words[k - 2].capitalized));
    after_name
        && particle(&words[k].lower)
        && (words.get(k + 1).is_some_and(|n| n.capitalized)
            || (words.get(k + 1).is_some_and(|n| particle(&n.lower))
                && words.get(k + 2).is_some_and(|n| n.capitalized)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::word_hash;

    #[test]
    fn stopword_table_finds_the_stopwords_and_nothing_else() {
        let sample = include_str!("../../assets/sample/000_9c6cc9a4abd8fbcc.txt");
        let words = sample
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase);
        for w in words.chain(STOPWORDS.iter().map(|s| (*s).to_owned())) {
            assert_eq!(
                is_stopword_hash(word_hash(&w)),
                STOPWORDS.contains(&w.as_str()),
                "{w}"
            );
        }
    }

    #[test]
    fn keyword_shape_is_letters_and_hyphens_in_any_script() {
        for w in [
            "talks",
            "two-plus-two",
            "g7",
            "zürich",
            "naïve",
            "1.05",
            "’s",
            "東京",
            "",
        ] {
            assert_eq!(
                is_keyword_shaped(w),
                w.chars().all(|c| c.is_alphabetic() || c == '-'),
                "{w}"
            );
        }
    }
}
