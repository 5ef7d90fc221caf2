//! A mention's label: the clause around its trigger, trimmed to what a timeline can show.

use std::borrow::Cow;
use std::ops::Range;

use super::detect::{Context, phrase_at};
use super::rules::Pattern;
use super::words::{is_calendar_word, is_determiner, is_function_word, is_stopword};

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
        let clause_start = if relative {
            clause.start.saturating_sub(6).max(self.sentence.start)
        } else {
            clause.start
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
                    || (words[start - 1].lower == "of"
                        && start >= from + 2
                        && words[start - 2].capitalized))
            {
                start -= 1;
            }
            if start == self.sentence.start
                && (is_function_word(&words[start].lower) || is_stopword(&words[start].lower))
            {
                start += 1;
            }
            (start <= end).then(|| &text[words[start].range.start..words[end].range.end])
        });
        if let Some(actor) = actor {
            parts.push(Cow::Borrowed(actor));
        }
        if p.noun {
            let mut start = span.start;
            while start > clause.start && start > span.start.saturating_sub(3) {
                let prev = &words[start - 1].lower;
                if is_determiner(prev) || is_function_word(prev) || words[start - 1].capitalized {
                    break;
                }
                start -= 1;
            }
            parts.extend((start..span.end).map(|k| Cow::Borrowed(w(k))));
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
                    let head = if words[head].lower == "as" && head + 1 < clause.end {
                        head + 1
                    } else {
                        head
                    };
                    let modifier = (first == head
                        && first > span.end
                        && !is_function_word(&words[first - 1].lower)
                        && !words[first - 1].lower.ends_with("ly"))
                    .then(|| w(first - 1));
                    parts.extend(modifier.map(Cow::Borrowed));
                    parts.extend((first..=head).map(|k| Cow::Borrowed(w(k))));
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
                }
            } else {
                // A bare verb takes the name after it ("met Foreign Minister Chung Eui-yong")
                // or the words after it up to a preposition ("meet face to face").
                let mut k = span.end;
                while k < clause.end
                    && k < span.end + 8
                    && (words[k].capitalized
                        || (k > span.end
                            && words[k].lower == "of"
                            && words.get(k + 1).is_some_and(|n| n.capitalized)))
                {
                    parts.push(Cow::Borrowed(w(k)));
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
            }
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
