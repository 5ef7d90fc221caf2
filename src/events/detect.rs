//! Event mentions in one article: triggers from the rules, then a date, modality,
//! participants and a label for each.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use super::mention::{DatedBy, Mention, Modality};
use super::rules::{Pattern, Phrases, Rules, Slot};
use super::text::{self, Word};
use super::words::{
    is_anchoring, is_calendar_word, is_cancellation, is_claim, is_determiner, is_function_word,
    is_keyword_shaped, is_negation, is_planned, is_relative_day, is_stopword, is_stopword_hash,
    joins_name,
};
use crate::ingest::Article;
use crate::temporal::{Interval, Precision, Timex};

/// Every event mention in `article`, given its time expressions (from [`crate::temporal::tag`]).
#[must_use]
pub fn mentions(article: &Article, timexes: &[Timex], rules: &Rules) -> Vec<Mention> {
    let Some(dct) = article.published else {
        return Vec::new();
    };
    // Attaching a date looks up a sentence's time expressions by position: in text order, as
    // the tagger makes them.
    let sorted;
    let timexes = if timexes.is_sorted_by_key(|t| t.start) {
        timexes
    } else {
        sorted = {
            let mut copy = timexes.to_vec();
            copy.sort_by_key(|t| t.start);
            copy
        };
        &sorted
    };
    let mut out = Vec::new();
    let title = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| t.len() >= 10);
    let lede = lede_paragraph(article, title);
    let lowered = article.text.to_ascii_lowercase();
    let mut words = Vec::new();
    for paragraph in &article.paragraphs {
        text::words_into(&article.text, &lowered, paragraph.range(), &mut words);
        // Made only for a paragraph with a trigger: most have none.
        let mut headlines: Option<Vec<Range<usize>>> = None;
        for sentence in text::sentences(&words) {
            let mut found = find_triggers(&words, &sentence, rules);
            if found.is_empty() {
                continue;
            }
            let headlines = headlines
                .get_or_insert_with(|| headline_lines(&article.text, paragraph.range(), title));
            // A headline names the story; the body reports it, with a date and a clause.
            if !headlines.is_empty() {
                found.retain(|(_, span)| {
                    let at = words[span.start].range.start;
                    !headlines.iter().any(|h| h.contains(&at))
                });
            }
            if found.is_empty() {
                continue;
            }
            // Names belong to the sentence: found once, shared by its mentions.
            let opening = dateline_end(article, &words, &sentence);
            let names_ctx = Context {
                article,
                rules,
                words: &words,
                sentence: &sentence,
                triggers: &found,
                index: 0,
                timexes,
                dct,
                opening,
            };
            let names: Arc<[String]> = names_ctx.participants().into();
            let people: Arc<[u64]> = super::names::name_words(&names).into();
            for (n, &(pattern, ref span)) in found.iter().enumerate() {
                let p = &rules.patterns[pattern];
                let ctx = Context {
                    article,
                    rules,
                    words: &words,
                    sentence: &sentence,
                    triggers: &found,
                    index: n,
                    timexes,
                    dct,
                    opening,
                };
                // "If they could agree …" reports nothing that happened or is planned.
                if ctx.conditional(span) {
                    continue;
                }
                let mut m = ctx.mention(p, span.clone(), paragraph.index, (&names, &people));
                // "prefers to discuss", "less to agree on": an aim, not an event, unless a word
                // says it is planned ("plan to meet") or a date says when.
                if m.modality == Modality::Happened && ctx.infinitive(span) {
                    if m.interval.is_none() {
                        continue;
                    }
                    m.modality = Modality::Planned;
                }
                if m.interval.is_none()
                    && !m.story
                    && m.anchor.is_none()
                    && !m.background
                    && Some(paragraph.index) == lede
                {
                    m.interval = Some(day(dct));
                    m.dated_by = Some(DatedBy::Lede);
                }
                out.push(m);
            }
        }
    }
    resolve_story_dates(&mut out, article, dct, lede, timexes, rules);
    carry_narrative_dates(&mut out);
    out
}

/// The byte ranges of the headline lines in `text[range]`: see [`is_headline`].
fn headline_lines(text: &str, range: Range<usize>, title: Option<&str>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..range.end])
            .map_or(range.end, |i| start + i);
        if is_headline(&text[start..end], title) {
            out.push(start..end);
        }
        start = end + 1;
    }
    out
}

/// Whether a line is a headline: the article's title (or a header line quoting it,
/// "Subject: …"), or a line in capitals ("MINISTERS EXPECT SHORT MEETING").
fn is_headline(line: &str, title: Option<&str>) -> bool {
    /// Longer than any headline: a paragraph written on one line.
    const MAX_HEADLINE_BYTES: usize = 300;
    /// "Subject", "Headline", "Title", "Slug": a header field's name is one short word.
    const MAX_FIELD_NAME_BYTES: usize = 12;
    let line = line.trim();
    if line.len() > MAX_HEADLINE_BYTES {
        return false;
    }
    if title.is_some_and(|t| line.contains(t)) {
        return true;
    }
    // "Subject: NIGERIA OPENS TALKS WITH U.K.": a header field's value is judged on its own.
    let line = match line.split_once(':') {
        Some((field, value))
            if field.len() <= MAX_FIELD_NAME_BYTES
                && field.chars().all(|c| c.is_alphabetic() || c == '-') =>
        {
            value.trim()
        }
        _ => line,
    };
    // Ordinary text shows a lowercase letter within its first words: stop there.
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
            if lower * 10 >= line.len() {
                return false;
            }
        }
    }
    upper >= 12 && lower * 10 < upper
}

/// How many paragraphs after the lede can still date the story's own event.
const STORY_PARAGRAPHS: usize = 2;

/// How many paragraphs back a report's date still carries to an undated one.
const NARRATIVE_REACH: usize = 5;

/// News tells a story in order: a report of something that happened, with no date of its own,
/// follows the last dated report before it ("The two presidents also signed agreements").
fn carry_narrative_dates(mentions: &mut [Mention]) {
    mentions.sort_by_key(|m| (m.paragraph, m.trigger.start));
    let mut last: Option<(usize, Interval)> = None;
    for m in mentions.iter_mut() {
        match m.interval {
            Some(iv) if m.dated_by != Some(DatedBy::Narrative) => {
                // A day carries; "in December" is background more often than the scene.
                // The scene's own day: not a background clause's ("after she was sworn in on
                // Nov. 22").
                if m.modality == Modality::Happened
                    && !m.background
                    && iv.precision == Precision::Day
                    && iv.start == iv.end
                {
                    last = Some((m.paragraph, iv));
                }
            }
            Some(_) => {}
            None => {
                if m.modality != Modality::Happened || m.background {
                    continue;
                }
                if let Some((paragraph, iv)) = last
                    && m.paragraph <= paragraph + NARRATIVE_REACH
                {
                    m.interval = Some(iv);
                    m.dated_by = Some(DatedBy::Narrative);
                }
            }
        }
    }
}

/// The first paragraph with a real sentence (a dateline, header line or headline is not a
/// lede).
fn lede_paragraph(article: &Article, title: Option<&str>) -> Option<usize> {
    article
        .paragraphs
        .iter()
        .find(|p| {
            article.paragraph_text(p).split_whitespace().count() >= 8
                && headline_lines(&article.text, p.range(), title)
                    .first()
                    .is_none_or(|h| h.start != p.start)
        })
        .map(|p| p.index)
}

fn day(d: NaiveDate) -> Interval {
    Interval {
        start: d,
        end: d,
        precision: Precision::Day,
    }
}

/// Trigger matches in a sentence: (pattern index, word range), longest first at each word.
fn find_triggers(
    words: &[Word],
    sentence: &Range<usize>,
    rules: &Rules,
) -> Vec<(usize, Range<usize>)> {
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for i in sentence.clone() {
        for &pi in rules.starting_with(&words[i]) {
            let p = &rules.patterns[pi];
            let Some(end) = match_slots(&p.slots, words, i, sentence.end) else {
                continue;
            };
            // "after the host fell ill": a verb trigger used as a noun is no verb.
            if !p.noun
                && i > sentence.start
                && matches!(
                    words[i - 1].lower.as_ref(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
            {
                continue;
            }
            if !p.near.is_empty() && !near(&p.near, words, sentence, i..end, p.window) {
                continue;
            }
            if near(&p.not_near, words, sentence, i..end, p.window) {
                continue;
            }
            // "two-plus-two meeting": neighbouring triggers of a kind are one.
            if let Some(prev) = found.iter_mut().find(|(q, r)| {
                rules.patterns[*q].kind == p.kind && r.end == i && rules.patterns[*q].noun && p.noun
            }) {
                prev.1.end = end;
                continue;
            }
            // One trigger per kind per word: the longest phrase wins.
            if let Some(prev) = found
                .iter_mut()
                .find(|(q, r)| rules.patterns[*q].kind == p.kind && r.start < end && i < r.end)
            {
                if end - i > prev.1.len() {
                    *prev = (pi, i..end);
                }
                continue;
            }
            found.push((pi, i..end));
        }
    }
    found.sort_by_key(|(_, r)| r.start);
    found
}

/// Index after the phrase `slots` matched at word `i`, if it matches.
fn match_slots(slots: &[Slot], words: &[Word], i: usize, limit: usize) -> Option<usize> {
    let Some((first, rest)) = slots.split_first() else {
        return Some(i);
    };
    match first {
        Slot::Word(forms) => {
            if i < limit && forms.iter().any(|f| f.matches(&words[i])) {
                match_slots(rest, words, i + 1, limit)
            } else {
                None
            }
        }
        Slot::Gap => {
            (0..=super::rules::GAP_WORDS).find_map(|skip| match_slots(rest, words, i + skip, limit))
        }
        Slot::Name => {
            let name = i < limit
                && i > 0
                && words[i].capitalized
                && !words[i - 1].sentence_end
                && !is_calendar_word(&words[i].lower);
            if name {
                match_slots(rest, words, i + 1, limit)
            } else {
                None
            }
        }
    }
}

/// Whether any phrase in `phrases` occurs within `window` words of `span` in the sentence.
fn near(
    phrases: &Phrases,
    words: &[Word],
    sentence: &Range<usize>,
    span: Range<usize>,
    window: usize,
) -> bool {
    let from = span.start.saturating_sub(window).max(sentence.start);
    let to = (span.end + window).min(sentence.end);
    (from..to)
        .filter(|k| !span.contains(k))
        .any(|k| phrase_at(phrases, words, k, to))
}

/// Whether a phrase of `phrases` starts at word `k` and ends by `limit`.
pub(super) fn phrase_at(phrases: &Phrases, words: &[Word], k: usize, limit: usize) -> bool {
    phrases.may_start_at(&words[k])
        && phrases
            .list
            .iter()
            .any(|ph| match_slots(ph, words, k, limit).is_some())
}

// Word classes as `match`es: a slice's `contains` compares every entry in turn, and these
// are asked of every word near every trigger.
pub(super) struct Context<'a> {
    pub(super) article: &'a Article,
    pub(super) rules: &'a Rules,
    pub(super) words: &'a [Word<'a>],
    pub(super) sentence: &'a Range<usize>,
    pub(super) triggers: &'a [(usize, Range<usize>)],
    pub(super) index: usize,
    pub(super) timexes: &'a [Timex],
    pub(super) dct: NaiveDate,
    /// The sentence's first word after a wire dateline ("PARIS, March 3 (Reuters) - "), or
    /// its first word: found once per sentence, asked by every mention of it.
    pub(super) opening: usize,
}

impl Context<'_> {
    fn mention(
        &self,
        p: &Pattern,
        span: Range<usize>,
        paragraph: usize,
        (participants, people): (&Arc<[String]>, &Arc<[u64]>),
    ) -> Mention {
        let words = self.words;
        let trigger = words[span.start].range.start..words[span.end - 1].range.end;
        let clause = text::clause_of(words, self.sentence, span.start);
        // Order of evidence: a date in the trigger's clause, "after the talks", then a date
        // elsewhere in the sentence. "The talks" takes only a date of its own clause; a verb with
        // a definite object ("the missiles were launched") and no date of its own is the story's.
        // In "…warmed on Tuesday after the premier took office" the trigger's clause starts
        // after the conjunction: the main clause's dates, actor and words are not its own.
        let since = if p.noun {
            None
        } else {
            self.background_clause(&span, &clause)
        };
        let background = since.is_some();
        // "Song said in Beijing Monday afternoon that the upcoming fifth round of talks…":
        // the saying's date is not the talks'.
        let reported = since
            .is_none()
            .then(|| self.reported_clause(&span, &clause))
            .flatten();
        let own_clause_only = background || reported.is_some();
        let clause = since.or(reported).unwrap_or(clause);
        let attached = self
            .attach_time(&span, &clause)
            .filter(|(_, by)| !own_clause_only || *by == DatedBy::Clause);
        let modality = self.modality(&span, &clause);
        // "The next meeting" is ahead of the story, not the story's own event.
        let story = modality == Modality::Happened
            && if p.noun {
                self.is_definite(&span, &clause)
            } else {
                !matches!(attached, Some((_, DatedBy::Clause))) && self.definite_object(p, &span)
            };
        let attached = attached.filter(|(_, by)| !story || *by == DatedBy::Clause);
        let anchor = match attached {
            Some((_, DatedBy::Clause)) => None,
            _ => self.anchor_kind(),
        };
        let attached = attached.filter(|(_, by)| *by == DatedBy::Clause || anchor.is_none());
        let (date_phrase, interval, dated_by) = match attached {
            Some((t, by)) => {
                let (phrase, interval) = self.with_coordinated_day(t);
                let interval = interval.map(|iv| self.through_report_if_since(t, iv));
                (Some(phrase), interval, Some(by))
            }
            None => (None, None, None),
        };
        let interval = interval.map(|iv| self.through_closing_day(iv));
        let (interval, dated_by) = if interval.is_none()
            && !story
            && !background
            && anchor.is_none()
            && self.present_tense(&clause, &span)
        {
            (Some(day(self.dct)), Some(DatedBy::Present))
        } else {
            (interval, dated_by)
        };
        // Nothing has happened on a day after the report: that is a plan, whatever the verb.
        let modality = match interval {
            Some(iv) if modality == Modality::Happened && iv.start > self.dct => Modality::Planned,
            _ => modality,
        };
        let (participants, people) = (Arc::clone(participants), Arc::clone(people));
        let keywords = self.keywords(&span);
        let counterpart = self.counterpart(&span, &clause);
        let label = self.label(&span, &clause, p);
        let mut confidence: f32 = if p.near.is_empty() { 0.6 } else { 0.75 };
        confidence += match dated_by {
            Some(DatedBy::Clause) => 0.2,
            Some(DatedBy::Sentence | DatedBy::Anchor) => 0.1,
            _ => 0.0,
        };
        Mention {
            paragraph,
            kind: p.kind,
            trigger,
            date_phrase,
            interval,
            dated_by,
            modality,
            participants,
            people,
            counterpart_words: counterpart,
            keywords,
            label,
            confidence: confidence.min(1.0),
            story,
            anchor,
            background,
        }
    }

    /// "the talks", "their virtual two-plus-two talks": a determiner before the noun, no "a".
    fn is_definite(&self, span: &Range<usize>, clause: &Range<usize>) -> bool {
        let from = span.start.saturating_sub(5).max(clause.start);
        for k in (from..span.start).rev() {
            let w = self.words[k].lower.as_ref();
            if matches!(w, "a" | "an" | "another" | "any" | "every" | "each") {
                return false;
            }
            if is_determiner(w) {
                return true;
            }
        }
        false
    }

    /// "the missiles were launched": the rule's object word is definite, so this verb reports
    /// the story's own event again.
    fn definite_object(&self, p: &Pattern, span: &Range<usize>) -> bool {
        if !p.near_is_object() {
            return false;
        }
        let words = self.words;
        let from = span.start.saturating_sub(4).max(self.sentence.start);
        let to = (span.end + 4).min(self.sentence.end);
        (from..to).filter(|k| !span.contains(k)).any(|k| {
            let object = phrase_at(&p.near, words, k, to)
                && words[k].lower.ends_with('s')
                && words[k].lower != "as";
            object
                && k > self.sentence.start
                && matches!(words[k - 1].lower.as_ref(), "the" | "these" | "those")
        })
    }

    /// "after the talks", "during the summit": the kind of the story event this one follows.
    fn anchor_kind(&self) -> Option<usize> {
        let words = self.words;
        self.triggers
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != self.index)
            .find_map(|(_, (pi, r))| {
                let p = &self.rules.patterns[*pi];
                if !p.noun {
                    return None;
                }
                let before = &words[r.start.saturating_sub(5).max(self.sentence.start)..r.start];
                let preposition = before.iter().any(|w| is_anchoring(&w.lower));
                let definite = before.iter().any(|w| is_determiner(&w.lower));
                (preposition && definite).then_some(p.kind)
            })
    }

    fn modality(&self, span: &Range<usize>, clause: &Range<usize>) -> Modality {
        let lower = |k: usize| self.words[k].lower.as_ref();
        let any =
            |r: &Range<usize>, class: &dyn Fn(&str) -> bool| r.clone().any(|k| class(lower(k)));
        let before = span.start.saturating_sub(6).max(clause.start)..span.start;
        let after = span.end..(span.end + 8).min(clause.end);
        let object_side = span.end..(span.end + 6).min(clause.end);
        let called_off = |w: &str| matches!(w, "off" | "cancelled" | "canceled" | "postponed");
        let to_be = before
            .clone()
            .skip(1)
            .any(|k| lower(k - 1) == "to" && lower(k) == "be");
        // "the next meeting, to be held on December 9": a noun's own words say it is ahead.
        let ahead = |w: &str| matches!(w, "next" | "upcoming" | "forthcoming" | "proposed");
        let noun_ahead = self.is_noun()
            && (span.start.saturating_sub(2).max(clause.start)..span.start)
                .any(|k| ahead(lower(k)));
        let sentence_after = span.end..(span.end + 4).min(self.sentence.end);
        let to_be_after = sentence_after
            .clone()
            .skip(1)
            .any(|k| lower(k - 1) == "to" && lower(k) == "be");
        // "the family must sign an agreement", "they could meet": not done, at most ahead.
        // ("May" capitalised is the month.)
        let modal = before.clone().any(|k| {
            matches!(lower(k), "must" | "should" | "could" | "may" | "might")
                && !self.words[k].capitalized
        });
        let planned = any(&before, &is_planned)
            || modal
            || to_be && any(&before, &|w| matches!(w, "is" | "are"))
            || noun_ahead
            || (self.is_noun() && to_be_after);
        let undone = |w: &str| {
            matches!(
                w,
                "cancelled" | "canceled" | "postponed" | "scrapped" | "called"
            )
        };
        // "The meeting was postponed until next month": moved, not called off; the date
        // after "until" is when it is now planned.
        let moved = after.clone().any(|k| {
            matches!(lower(k), "postponed" | "delayed" | "rescheduled" | "moved")
                && k + 1 < clause.end
                && matches!(lower(k + 1), "until" | "till" | "to")
        });
        if moved {
            return Modality::Planned;
        }
        if (any(&before, &is_cancellation) || any(&after, &called_off))
            && (planned || any(&before, &undone) || any(&after, &called_off))
        {
            return Modality::Cancelled;
        }
        if before.clone().rev().take(3).any(|k| is_negation(lower(k))) {
            return Modality::Negated;
        }
        // "fired what it claims was a … missile": the claim sits between verb and object.
        if any(&before, &is_claim) || any(span, &is_claim) || any(&object_side, &is_claim) {
            return Modality::Claimed;
        }
        if planned {
            return Modality::Planned;
        }
        Modality::Happened
    }

    /// "prefers to discuss", "less to agree on": a verb in the infinitive reports an aim or an
    /// ability, not something done. A noun after "to" ("went to talks") is no infinitive.
    fn infinitive(&self, span: &Range<usize>) -> bool {
        span.start > self.sentence.start
            && self.words[span.start - 1].lower == "to"
            && !self.is_noun()
    }

    /// "If the talks succeed, …": the condition's own clause reports nothing. The main clause
    /// after it ("… they will hold more talks") is judged on its own.
    fn conditional(&self, span: &Range<usize>) -> bool {
        let words = self.words;
        let clause = text::clause_of(words, self.sentence, span.start);
        if (clause.start..span.start).any(|k| matches!(words[k].lower.as_ref(), "if" | "unless")) {
            return true;
        }
        // "If all parties could take commitment …, and agree to take further steps, there
        // would be a result": a long condition runs over commas; it lasts until the clause
        // that says what would follow.
        let opens_with_if = matches!(words[self.sentence.start].lower.as_ref(), "if" | "unless");
        opens_with_if
            && (span.end..self.sentence.end).any(|k| {
                words[k].clause_start
                    && (k..(k + 4).min(self.sentence.end)).any(|j| {
                        matches!(words[j].lower.as_ref(), "would" | "will" | "could" | "then")
                    })
            })
    }

    /// Whether the trigger this context is about names the event ("the talks").
    fn is_noun(&self) -> bool {
        self.rules.patterns[self.triggers[self.index].0].noun
    }

    /// Names in the sentence: runs of capitalised words ("Defense Secretary Lloyd Austin").
    fn participants(&self) -> Vec<String> {
        let words = self.words;
        let text = &self.article.text;
        let mut out: Vec<String> = Vec::new();
        let mut run: Option<Range<usize>> = None;
        let flush = |run: &mut Option<Range<usize>>, out: &mut Vec<String>| {
            if let Some(r) = run.take() {
                let name = &text[words[r.start].range.start..words[r.end - 1].range.end];
                // "Chirac's visit", "India's prime minister": the name is Chirac, India.
                let name = name
                    .strip_suffix("'s")
                    .or_else(|| name.strip_suffix("’s"))
                    .unwrap_or(name);
                if !name.is_empty() && !out.iter().any(|n| n == name) {
                    out.push(name.to_owned());
                }
            }
        };
        // "BERLIN, April 8 - Asked about …": the dateline is no participant, and the word
        // after it opens the sentence.
        let opening = self.opening;
        for k in opening..self.sentence.end {
            let w = &words[k];
            let sentence_initial = k == opening;
            let name_like = w.capitalized
                && !(sentence_initial
                    && (is_stopword(&w.lower)
                        || is_function_word(&w.lower)
                        || !self.named_elsewhere(k)))
                && !is_calendar_word(&w.lower);
            let joiner = run.is_some()
                && (joins_name(words, k)
                    || (w.lower == "to" && words.get(k + 1).is_some_and(|n| n.capitalized)));
            if (name_like && (!w.clause_start || run.is_none())) || joiner {
                run = Some(run.map_or(k..k + 1, |r| r.start..k + 1));
            } else {
                flush(&mut run, &mut out);
                if name_like {
                    run = Some(k..k + 1);
                }
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// Whether the capitalised word opening a sentence is a name: the next word continues it
    /// ("Angela Merkel"), or the paragraph writes it capitalised where no sentence opens
    /// ("Merkel … met Merkel"). "Asked", "If" or "East" opening a sentence are no names.
    fn named_elsewhere(&self, k: usize) -> bool {
        /// How far around the sentence to look, so a huge paragraph costs no more.
        const REACH: usize = 200;
        let words = self.words;
        if words
            .get(k + 1)
            .is_some_and(|n| n.capitalized && !n.clause_start)
        {
            return true;
        }
        let from = k.saturating_sub(REACH);
        let to = (k + REACH).min(words.len());
        (from.max(1)..to).any(|j| {
            j != k
                && words[j].hash == words[k].hash
                && words[j].capitalized
                && !words[j - 1].sentence_end
        })
    }

    /// Whom the trigger names as its other side, right after it: "met Kenyan President Mwai
    /// Kibaki", "met Chinese leader Xi Jinping", "talks with Secretary of State Antony
    /// Blinken". The last two words of the name stand for it, so "met Xi" and "met Xi
    /// Jinping" agree while a title shared by two people does not make them one. A
    /// capitalised word followed by a lowercase one is an adjective ("met Chinese
    /// officials"): no name, so nothing to tell events apart by.
    fn counterpart(&self, span: &Range<usize>, clause: &Range<usize>) -> [u64; 2] {
        /// Longer runs are headlines or lists, not one name.
        const MAX_NAME_WORDS: usize = 8;
        let words = self.words;
        let mut start = span.end;
        if start < clause.end && words[start].lower == "with" {
            start += 1;
        }
        let is_name_word = |k: usize| words[k].capitalized && !is_calendar_word(&words[k].lower);
        if start >= clause.end || !is_name_word(start) {
            return [0; 2];
        }
        let (mut end, mut name_end) = (start, start);
        while end < clause.end && end < start + MAX_NAME_WORDS {
            let w = &words[end].lower;
            if is_name_word(end) {
                name_end = end + 1;
            } else if (is_function_word(w)
                && !(w == "of" && words.get(end + 1).is_some_and(|n| n.capitalized)))
                || is_relative_day(w)
                || is_calendar_word(w)
            {
                break;
            }
            end += 1;
        }
        // The name must end the run: "Chinese officials" is a description.
        if name_end != end {
            return [0; 2];
        }
        if name_end - start == 1 {
            [0, words[start].hash]
        } else {
            let (a, b) = (words[name_end - 2].hash, words[name_end - 1].hash);
            [a.min(b), a.max(b)]
        }
    }

    /// Content words within ten words of the trigger: what a rewrite of the same report keeps.
    fn keywords(&self, span: &Range<usize>) -> Vec<u64> {
        let from = span.start.saturating_sub(10).max(self.sentence.start);
        let to = (span.end + 10).min(self.sentence.end);
        let mut out: Vec<u64> = Vec::with_capacity(to - from);
        out.extend(
            self.words[from..to]
                .iter()
                .filter(|w| {
                    w.lower.len() >= 4 && is_keyword_shaped(&w.lower) && !is_stopword_hash(w.hash)
                })
                .map(|w| w.hash),
        );
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The first word of `sentence` after a wire dateline ("PARIS, March 3 (Reuters) - "), or
/// its first word.
fn dateline_end(article: &Article, words: &[Word<'_>], sentence: &Range<usize>) -> usize {
    let text = &article.text;
    let start = sentence.start;
    // A dateline opens its paragraph.
    if start != 0 {
        return start;
    }
    let limit = (start + 10).min(sentence.end);
    (start + 1..limit)
        .find(|&k| {
            let gap = &text[words[k - 1].range.end..words[k].range.start];
            (gap.contains(" - ") || gap.contains('—') || gap.contains("--"))
                && words[start].lower.len() > 1
                && text[words[start].range.clone()]
                    .chars()
                    .all(|c| !c.is_lowercase())
        })
        .unwrap_or(start)
}

/// Dates the mentions that point at the story's own event: definite references, anchored
/// mentions and the lede. The story's event of a kind is on the article date unless the
/// article itself dates that kind's event within the three days before it.
fn resolve_story_dates(
    mentions: &mut Vec<Mention>,
    article: &Article,
    dct: NaiveDate,
    lede: Option<usize>,
    timexes: &[Timex],
    rules: &Rules,
) {
    let story_date = |kind: usize, mentions: &[Mention]| -> Interval {
        mentions
            .iter()
            .filter(|m| m.kind == kind && matches!(m.dated_by, Some(DatedBy::Clause)))
            // The story is told at the top: a meeting dated further down is another one.
            .filter(|m| lede.is_none_or(|l| m.paragraph <= l + STORY_PARAGRAPHS))
            .filter_map(|m| m.interval)
            .find(|iv| {
                iv.precision == Precision::Day
                    && iv.start <= dct
                    && crate::calendar::add_days(dct, -3).is_none_or(|lo| iv.start >= lo)
            })
            .unwrap_or(Interval {
                start: dct,
                end: dct,
                precision: Precision::Day,
            })
    };
    // Each kind's story date, from the mentions as they are before any is dated here.
    let story_dates: Vec<Interval> = (0..rules.kinds.len())
        .map(|kind| story_date(kind, mentions))
        .collect();
    for m in mentions.iter_mut() {
        if m.interval.is_some() {
            continue;
        }
        let kind = if m.story { Some(m.kind) } else { m.anchor };
        if let Some(kind) = kind {
            m.interval = Some(story_dates[kind]);
            m.dated_by = Some(if m.story {
                DatedBy::Story
            } else {
                DatedBy::Anchor
            });
        }
    }
    // A lede without a trigger of its own reports the story's main event.
    let Some(lede) = lede else { return };
    if mentions.iter().any(|m| m.paragraph == lede) {
        return;
    }
    let Some(main_kind) = main_kind(mentions, rules.kinds.len()) else {
        return;
    };
    let Some(p) = article.paragraphs.get(lede) else {
        return;
    };
    let date_phrase = timexes
        .iter()
        .find(|t| {
            t.start >= p.start && t.end <= p.end && t.interval.is_some_and(|iv| iv.start == dct)
        })
        .map(|t| t.start..t.end);
    let model = mentions
        .iter()
        .find(|m| m.kind == main_kind && m.story)
        .cloned();
    let interval = story_date(main_kind, mentions);
    mentions.push(Mention {
        paragraph: lede,
        kind: main_kind,
        // No word of the lede names the event: nothing to highlight but its date.
        trigger: p.start..p.start,
        date_phrase,
        interval: Some(interval),
        dated_by: Some(DatedBy::Lede),
        modality: Modality::Happened,
        participants: Arc::from([]),
        people: Arc::from([]),
        counterpart_words: [0; 2],
        keywords: Vec::new(),
        label: model.map_or_else(|| rules.kinds[main_kind].label.clone(), |m| m.label),
        confidence: 0.5,
        story: true,
        anchor: None,
        background: false,
    });
}

/// The kind the article is about: the one it refers to most as "the …".
fn main_kind(mentions: &[Mention], kinds: usize) -> Option<usize> {
    let mut counts = vec![0usize; kinds];
    for m in mentions.iter().filter(|m| m.story) {
        counts[m.kind] += 1;
    }
    let (kind, &count) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(k, c)| (*c, std::cmp::Reverse(k)))?;
    (count > 0).then_some(kind)
}
