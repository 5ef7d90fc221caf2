//! Applying corrections: publication dates to the corpus before extraction, everything else
//! to the extracted events, in the order they were made.

use std::path::Path;

use crate::events::{Event, Modality, Rules, Source, Timeline, sort_events};
use crate::ingest::{Corpus, DateSource, Problem};

use super::{Correction, date};

/// The corrected timeline, what was rejected (with the index of the correction that did it,
/// so it can be restored), and the corrections that could not be applied.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub timeline: Timeline,
    pub rejected: Vec<(usize, Event)>,
    pub problems: Vec<Problem>,
}

/// Sets the corrected publication dates on `corpus` (and drops the "estimated date" warning
/// of each article it fixes); returns the corrections that name no loaded file.
pub fn apply_published(corpus: &mut Corpus, list: &[Correction], file: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file_name, day) in super::published_dates(list) {
        let Some(article) = corpus.articles.iter_mut().find(|a| a.file == file_name) else {
            problems.push(Problem::warning(
                file,
                format!("correction of the publication date of '{file_name}' names no loaded file"),
            ));
            continue;
        };
        let stale = crate::ingest::estimated_date_warning(article);
        article.published = Some(day);
        article.published_from = Some(DateSource::Corrected);
        if let Some(stale) = stale {
            corpus.problems.retain(|p| p != &stale);
        }
    }
    problems
}

/// `raw` with the event corrections of `list` applied; `file` is where they were read from,
/// named by problems about corrections whose article is gone.
#[must_use]
pub fn apply_events(
    corpus: &Corpus,
    rules: &Rules,
    raw: &Timeline,
    list: &[Correction],
    file: &Path,
) -> Applied {
    let mut events = raw.events.clone();
    let mut rejected = Vec::new();
    let mut problems = Vec::new();
    for (n, correction) in list.iter().enumerate() {
        if let Err(reason) = apply_one(corpus, rules, &mut events, &mut rejected, n, correction) {
            let path = correction
                .anchor()
                .and_then(|a| corpus.articles.iter().find(|x| x.file == a.file))
                .map_or(file, |a| a.path.as_path());
            problems.push(Problem::warning(path, reason));
        }
    }
    sort_events(&mut events);
    Applied {
        timeline: Timeline { events },
        rejected,
        problems,
    }
}

fn apply_one(
    corpus: &Corpus,
    rules: &Rules,
    events: &mut Vec<Event>,
    rejected: &mut Vec<(usize, Event)>,
    n: usize,
    correction: &Correction,
) -> Result<(), String> {
    let unmatched = |quote: &str| format!("correction to '{quote}' no longer matches its article");
    let find = |events: &[Event], anchor: &super::Anchor| {
        anchor
            .event_in(corpus, events)
            .ok_or_else(|| unmatched(&anchor.quote))
    };
    let kind_index = |name: &str| {
        rules
            .kinds
            .iter()
            .position(|k| k.name == name)
            .ok_or_else(|| format!("correction names the kind '{name}', which the rules lack"))
    };
    match correction {
        Correction::Date { event, date: text } => {
            let (e, _) = find(events, event)?;
            let interval = date::parse(text).map_err(|err| format!("correction: {err}"))?;
            let event = &mut events[e];
            event.interval = interval;
            event.date_disputed = false;
            event.date_estimated = false;
            event.corrected = true;
        }
        Correction::Kind { event, kind } => {
            let (e, _) = find(events, event)?;
            events[e].kind = kind_index(kind)?;
            events[e].corrected = true;
        }
        Correction::Label { event, label } => {
            let (e, _) = find(events, event)?;
            events[e].label.clone_from(label);
            events[e].corrected = true;
        }
        Correction::Modality { event, modality } => {
            let (e, _) = find(events, event)?;
            events[e].modality = *modality;
            events[e].corrected = true;
        }
        Correction::Reject { event } => {
            let (e, _) = find(events, event)?;
            rejected.push((n, events.remove(e)));
        }
        Correction::Merge { event, into } => {
            let (from, _) = find(events, event)?;
            let (to, _) = find(events, into)?;
            if from == to {
                return Ok(());
            }
            let moved = events.remove(from);
            let to = if to > from { to - 1 } else { to };
            absorb(&mut events[to], moved);
        }
        Correction::Split { source } => {
            let (e, s) = find(events, source)?;
            if events[e].sources.len() < 2 {
                return Ok(());
            }
            let taken = events[e].sources.remove(s);
            let old = &events[e];
            let new = Event {
                id: 0,
                kind: old.kind,
                label: old.label.clone(),
                interval: taken.interval.or(old.interval),
                modality: taken.modality,
                confidence: old.confidence,
                participants: Vec::new(),
                date_disputed: false,
                date_estimated: old.date_estimated,
                corrected: true,
                sources: vec![taken],
            };
            events[e].corrected = true;
            events.push(new);
        }
        Correction::Add {
            at,
            kind,
            date: text,
            label,
        } => {
            let place = at.resolve(corpus).ok_or_else(|| unmatched(&at.quote))?;
            let interval = date::parse(text).map_err(|err| format!("correction: {err}"))?;
            events.push(Event {
                id: 0,
                kind: kind_index(kind)?,
                label: label.clone(),
                interval,
                modality: Modality::Happened,
                confidence: 1.0,
                participants: Vec::new(),
                date_disputed: false,
                date_estimated: false,
                corrected: true,
                sources: vec![Source {
                    article: place.article,
                    paragraph: place.paragraph,
                    triggers: vec![place.range],
                    date_phrase: None,
                    dated_by: None,
                    modality: Modality::Happened,
                    interval,
                }],
            });
        }
        // Applied to the corpus before extraction.
        Correction::Published { .. } => {}
    }
    Ok(())
}

/// `moved`'s sources and names join `into`; its date fills in only where `into` has none.
fn absorb(into: &mut Event, moved: Event) {
    for source in moved.sources {
        match into
            .sources
            .iter_mut()
            .find(|s| s.article == source.article && s.paragraph == source.paragraph)
        {
            Some(same) => {
                for t in source.triggers {
                    if !same.triggers.contains(&t) {
                        same.triggers.push(t);
                    }
                }
            }
            None => into.sources.push(source),
        }
    }
    into.sources.sort_by_key(|s| (s.article, s.paragraph));
    for p in moved.participants {
        if !into.participants.contains(&p) {
            into.participants.push(p);
        }
    }
    if into.interval.is_none() {
        into.interval = moved.interval;
    }
    into.date_estimated &= moved.date_estimated;
    into.corrected = true;
}
