//! A mention's label: the clause around its trigger, trimmed to what a timeline can show.

use std::borrow::Cow;
use std::ops::Range;

use super::detect::{Context, phrase_at};
use super::rules::Pattern;
use super::words::{
    is_calendar_word, is_determiner, is_function_word, is_relative_day, is_stopword, joins_name,
};

impl Context<'_> {
    /// actor + trigger + object: "North Korea fired hypersonic missile".
    pub(super) fn label(&self, span: &Range<usize>, clause: &Range<usize>, p: &Pattern) -> String {
        let words = self.words;
        let text = &self.article.text;
        let w = |k: usize| &text[words[k].range.clone()];
        // Borrowed from the article: a label is made for each of 100,000s of mentions.
        let mut parts: Vec<Cow<'_, str>> = Vec::new();
        let passive = span.start > 0
            && matches!(
                words[span.start - 1].lower.as_ref(),
                "was" | "were" | "been" | "be" | "is" | "are"
            );
        let agent = if passive {
            (span.end..clause.end.min(span.end + 6))
                .find(|&k| words[k].lower == "by")
                .and_then(|by| {
                    let start = if words.get(by + 1).is_some_and(|n| n.lower == "the") {
                        by + 2
                    } else {
                        by + 1
                    };
                    let end = (start..clause.end)
                        .take_while(|&k| words[k].capitalized)
                        .last()?;
                    Some(&text[words[start].range.start..words[end].range.end])
                })
        } else {
            None
        };
        // In "…North Korea, which fired…" the actor stands before the relative pronoun.
        let relative = matches!(words[clause.start].lower.as_ref(), "which" | "who" | "that");
        // Never into the wire dateline: "ROME, May 10 (ANSA) — The prime minister, who met…"
        // has no actor "ANSA".
        let clause_start = if relative {
            clause.start.saturating_sub(6).max(self.opening)
        } else {
            clause.start.max(self.opening)
        };
        let actor = agent.or_else(|| {
            let from = clause_start.max(span.start.saturating_sub(14));
            let mut end = None;
            for k in (from..span.start).rev() {
                if words[k].capitalized && !is_calendar_word(&words[k].lower) {
                    end = Some(k);
                    break;
                }
            }
            let end = end?;
            let mut start = end;
            while start > from
                && ((words[start - 1].capitalized && !is_function_word(&words[start - 1].lower))
                    || (start >= from + 2 && joins_name(words, start - 1)))
            {
                start -= 1;
            }
            if start == self.sentence.start
                && (is_function_word(&words[start].lower) || is_stopword(&words[start].lower))
            {
                start += 1;
            }
            // "Biden and Xi met": both sides of a pair.
            if start >= from + 2
                && words[start - 1].lower == "and"
                && words[start - 2].capitalized
                && !is_calendar_word(&words[start - 2].lower)
            {
                start -= 2;
                while start > from
                    && words[start - 1].capitalized
                    && !is_function_word(&words[start - 1].lower)
                {
                    start -= 1;
                }
            }
            (start <= end).then(|| &text[words[start].range.start..words[end].range.end])
        });
        // "There will be a meeting": a capitalised opener that is no name.
        if let Some(actor) = actor.filter(|a| !is_no_name(a)) {
            parts.push(Cow::Borrowed(actor));
        }
        // The label's last word when it ends a run of the sentence (the trigger's, or its
        // object's), which may want what follows it.
        let tail: Option<usize>;
        if p.noun {
            let mut start = span.start;
            while start > clause.start && start > span.start.saturating_sub(3) {
                let prev = &words[start - 1].lower;
                if is_determiner(prev)
                    || is_function_word(prev)
                    || is_copula(prev)
                    || words[start - 1].capitalized
                {
                    break;
                }
                start -= 1;
            }
            parts.extend((start..span.end).map(|k| Cow::Borrowed(w(k))));
            tail = Some(span.end - 1);
        } else {
            let verb_at = parts.len();
            parts.extend(span.clone().map(|k| Cow::Borrowed(w(k))));
            // The required object ("missile", "agreement", "as envoy") with one modifier.
            if p.near_is_object() {
                let to = (span.end + p.window + 3).min(clause.end);
                let is_near = |k: &usize| phrase_at(&p.near, words, *k, to);
                if let Some(first) = (span.end..to).find(is_near) {
                    // The object runs from the first rule word to the last of its run:
                    // "hypersonic missile", "as envoy".
                    let head = (first..to)
                        .take_while(|k| *k == first || is_near(k))
                        .last()
                        .unwrap_or(first);
                    // "named as envoy", "picked as a consultant": the role, with its article.
                    let head = if words[head].lower == "as" && head + 1 < clause.end {
                        let role = self.object_after(head + 1, clause.end);
                        if role.is_empty() {
                            head + 1
                        } else {
                            role.end - 1
                        }
                    } else {
                        head
                    };
                    let modifier = (first == head
                        && first > span.end
                        && !is_function_word(&words[first - 1].lower)
                        && !words[first - 1].lower.ends_with("ly")
                        && !is_relative_day(&words[first - 1].lower)
                        && !is_calendar_word(&words[first - 1].lower))
                    .then(|| w(first - 1));
                    parts.extend(modifier.map(Cow::Borrowed));
                    parts.extend((first..=head).map(|k| Cow::Borrowed(w(k))));
                    tail = Some(head);
                } else {
                    // The object came first: "a joint statement issued after the talks".
                    let from = span.start.saturating_sub(p.window).max(self.sentence.start);
                    if let Some(k) = (from..span.start).rev().find(is_near) {
                        let start = if k > clause.start
                            && !is_function_word(&words[k - 1].lower)
                            && !words[k - 1].capitalized
                        {
                            k - 1
                        } else {
                            k
                        };
                        let verb = parts.split_off(verb_at);
                        parts.extend((start..=k).map(|j| Cow::Borrowed(w(j))));
                        parts.extend(verb);
                    }
                    tail = Some(span.end - 1);
                }
            } else {
                // A bare verb takes the name after it ("met Foreign Minister Chung Eui-yong")
                // or the words after it up to a preposition ("meet face to face").
                let mut k = span.end;
                while k < clause.end
                    && k < span.end + 8
                    && (words[k].capitalized || (k > span.end && joins_name(words, k)))
                {
                    // The day is the timeline's to show: "met Monday with Li" → "met with Li".
                    if !is_relative_day(&words[k].lower) {
                        parts.push(Cow::Borrowed(w(k)));
                    }
                    k += 1;
                }
                while k < clause.end
                    && k < span.end + 4
                    && !is_function_word(&words[k].lower)
                    && !words[k].capitalized
                    && !(k > span.end && words[k].lower == "to")
                {
                    parts.push(Cow::Borrowed(w(k)));
                    k += 1;
                }
                // "met in Oslo", "met with Biden": where, or with whom, when it is a name.
                if k + 1 < clause.end
                    && matches!(words[k].lower.as_ref(), "in" | "with" | "at")
                    && words[k + 1].capitalized
                    && !is_calendar_word(&words[k + 1].lower)
                {
                    parts.push(Cow::Borrowed(w(k)));
                    k += 1;
                    while k < clause.end && k < span.end + 10 && words[k].capitalized {
                        parts.push(Cow::Borrowed(w(k)));
                        k += 1;
                    }
                }
                tail = (k == span.end).then_some(span.end - 1);
            }
        }
        if let Some(last) = tail {
            self.complete_tail(&mut parts, last, clause.end);
        }
        // "Ferri was sworn in by President Sergio Bellini": keep the passive when its subject
        // is a name; otherwise the agent leads ("Senate approved as envoy").
        if let (Some(agent), true) = (&agent, passive) {
            let aux = span.start - 1;
            let patient_end = aux
                .checked_sub(1)
                .filter(|&k| words[k].capitalized && k >= clause.start);
            if let Some(end) = patient_end {
                let mut start = end;
                while start > clause.start && words[start - 1].capitalized {
                    start -= 1;
                }
                parts[0] = Cow::Borrowed(&text[words[start].range.start..words[end].range.end]);
                parts.insert(1, Cow::Borrowed(w(aux)));
                parts.push(Cow::Owned(format!("by {agent}")));
            }
        }
        let mut label = parts.join(" ");
        if label.len() > 90 {
            let cut = (0..=90)
                .rev()
                .find(|&i| label.is_char_boundary(i))
                .unwrap_or(0);
            label.truncate(cut);
            label.push('…');
        }
        label
    }
}

impl Context<'_> {
    /// "visit to", "agreed on": a label whose last word (`last`) is a preposition takes its
    /// object ("visit to the White House"), or loses the preposition when none follows (a
    /// particle stays: "sworn in"); one ending in an auxiliary ("visit was") loses it.
    fn complete_tail<'t>(&'t self, parts: &mut Vec<Cow<'t, str>>, last: usize, end: usize) {
        let words = self.words;
        let w = |k: usize| &self.article.text[words[k].range.clone()];
        if is_dangling_preposition(&words[last].lower) {
            let mut object = self.object_after(last + 1, end);
            // "agreed on Sunday to extend…": past a time phrase, the infinitive.
            if object.is_empty() {
                let mut k = last + 1;
                while k < end
                    && (is_time_word(&words[k].lower)
                        || matches!(words[k].lower.as_ref(), "on" | "in" | "at" | "of"))
                {
                    k += 1;
                }
                if k > last + 1 && k < end && words[k].lower == "to" {
                    let verb = self.object_after(k + 1, end);
                    if !verb.is_empty() {
                        parts.pop();
                        object = k..verb.end;
                    }
                }
            }
            if object.is_empty() {
                // A particle stays: "sworn in", "took over".
                if !matches!(words[last].lower.as_ref(), "in" | "over") {
                    parts.pop();
                }
            } else {
                parts.extend(object.map(|k| Cow::Borrowed(w(k))));
            }
        } else if is_auxiliary(&words[last].lower) {
            parts.pop();
        }
    }

    /// The words after a dangling preposition that complete it: an optional article or
    /// determiner, then up to four words, stopping at the next function word (except "of"
    /// inside a name), at punctuation, or at the clause's end.
    fn object_after(&self, from: usize, end: usize) -> std::ops::Range<usize> {
        const MAX_WORDS: usize = 4;
        let words = self.words;
        let text = &self.article.text;
        let joined = |k: usize| {
            !text[words[k - 1].range.end..words[k].range.start]
                .chars()
                .any(|c| !c.is_whitespace() && c != '-')
        };
        let mut k = from;
        if k < end
            && matches!(
                words[k].lower.as_ref(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their"
            )
        {
            k += 1;
        }
        let content = k;
        while k < end
            && k - content < MAX_WORDS
            && (k == from || joined(k))
            && !is_time_word(&words[k].lower)
            && (!is_stopword(&words[k].lower) || is_determiner(&words[k].lower))
            && (!is_function_word(&words[k].lower)
                || (k > content
                    && (is_determiner(&words[k].lower)
                        || matches!(words[k].lower.as_ref(), "a" | "an")))
                || (words[k].lower == "of"
                    && k > content
                    && words[k - 1].capitalized
                    && words.get(k + 1).is_some_and(|n| n.capitalized)))
        {
            k += 1;
        }
        // "via", "towards": a last word that waits for an object of its own goes.
        while k > content
            && (is_dangling_preposition(&words[k - 1].lower)
                || is_quantifier(&words[k - 1].lower)
                || is_determiner(&words[k - 1].lower)
                || matches!(words[k - 1].lower.as_ref(), "a" | "an"))
        {
            k -= 1;
        }
        if k == content { from..from } else { from..k }
    }
}

/// Words a label must not end on because they wait for an object: "visit to", "agreed on".
fn is_dangling_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "on"
            | "in"
            | "at"
            | "with"
            | "for"
            | "of"
            | "by"
            | "from"
            | "into"
            | "over"
            | "via"
            | "towards"
            | "toward"
            | "about"
            | "against"
            | "through"
    )
}

/// "buy all", "a number": a quantifier at the end waits for what it counts.
fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "all"
            | "any"
            | "some"
            | "one"
            | "nearly"
            | "almost"
            | "most"
            | "part"
            | "number"
            | "much"
            | "many"
            | "several"
            | "half"
            | "each"
            | "both"
    )
}

/// An auxiliary left at a label's end ("Chirac's visit was") says nothing.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "is" | "are" | "be" | "been" | "will" | "would"
    )
}

/// "There will be intensive consultations": a noun trigger's modifiers stop at the copula.
fn is_copula(w: &str) -> bool {
    matches!(w, "was" | "were" | "is" | "are" | "be" | "been")
}

/// Words that start a time phrase ("last week", "early next year", "in May", "on 12"):
/// the object of a preposition ends before them. A bare number is a date or an amount
/// ("agreed to provide 380 mln").
fn is_time_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || is_relative_day(w)
        || is_calendar_word(w)
        || matches!(
            w,
            "last" | "next" | "this" | "early" | "late" | "earlier" | "later" | "recently" | "soon"
        )
}

/// A one-word "actor" that is a capitalised function word or pronoun, not a name. Asked of
/// every mention's actor: lowercased on the stack, never allocated.
fn is_no_name(actor: &str) -> bool {
    const LONGEST: usize = 16;
    if actor.len() > LONGEST || !actor.is_ascii() || actor.contains(' ') {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..actor.len()];
    lower.copy_from_slice(actor.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return false;
    };
    is_function_word(lower)
        || is_stopword(lower)
        || matches!(
            lower,
            "there" | "here" | "none" | "both" | "all" | "each" | "this" | "i" | "you"
        )
}
