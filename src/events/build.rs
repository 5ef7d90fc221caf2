//! An event made from the mentions merged into it.

use super::mention::{Mention, Modality};
use super::{Event, Source};
use crate::temporal::Interval;

/// How many participants an event lists at most.
const MAX_PARTICIPANTS: usize = 12;

/// One event from the mentions that report it: the best label, the most precise date,
/// one source per paragraph, the names most sources mention.
pub(super) fn build_event(
    kind: usize,
    members: &[(usize, usize)],
    mentions: &[Vec<Mention>],
) -> Event {
    let ms: Vec<(usize, &Mention)> = members.iter().map(|&(a, i)| (a, &mentions[a][i])).collect();
    let intervals: Vec<Interval> = ms.iter().filter_map(|(_, m)| m.interval).collect();
    let best = ms
        .iter()
        .max_by(|x, y| {
            let score = |m: &Mention| (m.confidence, m.label.len().min(70));
            score(x.1)
                .partial_cmp(&score(y.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(_, m)| *m);
    // Members in text order, so each paragraph's mentions are neighbours: one source each.
    let mut ordered = ms.clone();
    ordered.sort_by_key(|(article, m)| (*article, m.paragraph, m.trigger.start));
    let mut sources: Vec<Source> = Vec::with_capacity(ordered.len());
    for &(article, m) in &ordered {
        match sources.last_mut() {
            Some(s) if s.article == article && s.paragraph == m.paragraph => {
                if !m.trigger.is_empty() && !s.triggers.contains(&m.trigger) {
                    s.triggers.push(m.trigger.clone());
                }
                if s.date_phrase.is_none() {
                    s.date_phrase.clone_from(&m.date_phrase);
                    s.dated_by = m.dated_by;
                }
                if s.interval.is_none() {
                    s.interval = m.interval;
                }
            }
            _ => sources.push(Source {
                article,
                paragraph: m.paragraph,
                triggers: if m.trigger.is_empty() {
                    Vec::new()
                } else {
                    vec![m.trigger.clone()]
                },
                date_phrase: m.date_phrase.clone(),
                dated_by: m.dated_by,
                modality: m.modality,
                interval: m.interval,
            }),
        }
    }
    // The names most sources mention first; a widely reported event can name hundreds.
    // A big event's count hashes hundreds of thousands of names.
    let mut counts: std::collections::HashMap<
        &str,
        (usize, usize),
        crate::similarity::ShortKeyBuild,
    > = std::collections::HashMap::default();
    for (order, p) in ms
        .iter()
        .flat_map(|(_, m)| m.participants.iter())
        .enumerate()
    {
        counts.entry(p.as_str()).or_insert((0, order)).0 += 1;
    }
    let mut ranked: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by_key(|&(_, (n, first))| (std::cmp::Reverse(n), first));
    let participants: Vec<String> = ranked
        .into_iter()
        .take(MAX_PARTICIPANTS)
        .map(|(p, _)| p.to_owned())
        .collect();
    let modalities: Vec<Modality> = ms.iter().map(|(_, m)| m.modality).collect();
    let confidence =
        best.map_or(0.5, |m| m.confidence) + 0.05 * (sources.len().saturating_sub(1)) as f32;
    Event {
        id: 0,
        kind,
        label: best.map_or_else(String::new, |m| m.label.clone()),
        interval: most_precise(intervals.iter().copied()),
        modality: combined_modality(&modalities),
        confidence: confidence.min(1.0),
        participants,
        sources,
        date_disputed: disputed(&intervals),
        date_estimated: false,
        corrected: false,
    }
}

/// The narrowest interval: "early October" beats "2021".
#[must_use]
pub fn most_precise(intervals: impl Iterator<Item = Interval>) -> Option<Interval> {
    intervals.min_by_key(|iv| ((iv.end - iv.start).num_days(), iv.start))
}

/// Sources disagree when two of their intervals do not nest. Sorted widest first, intervals
/// that all nest form a chain, so checking neighbours suffices (O(n log n), not O(n²)).
#[must_use]
pub fn disputed(intervals: &[Interval]) -> bool {
    let mut sorted = intervals.to_vec();
    sorted.sort_by_key(|iv| (std::cmp::Reverse(iv.end - iv.start), iv.start));
    sorted
        .windows(2)
        .any(|w| !(w[0].start <= w[1].start && w[1].end <= w[0].end))
}

/// The modality an event is shown with: any report that it happened wins.
#[must_use]
pub fn combined_modality(modalities: &[Modality]) -> Modality {
    if modalities.contains(&Modality::Happened) {
        return Modality::Happened;
    }
    let mut counts: Vec<(Modality, usize)> = Vec::new();
    for &m in modalities {
        match counts.iter_mut().find(|(x, _)| *x == m) {
            Some((_, c)) => *c += 1,
            None => counts.push((m, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, c)| c)
        .map_or(Modality::Happened, |(m, _)| m)
}
