//! An event made from the mentions merged into it.

use super::mention::{Mention, Modality};
use super::{Event, Source};
use crate::temporal::{Interval, Precision};

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
        interval: shown_interval(&intervals),
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

/// The date an event is shown with: the most precise report ("March 23" over "in March"),
/// except that explicit days nesting in a stay of a few days show the stay: "meeting today
/// and tomorrow" and "the talks tomorrow" are one meeting over both days, not the second.
#[must_use]
pub fn shown_interval(intervals: &[Interval]) -> Option<Interval> {
    /// Longer day spans are more likely a wrong attachment than one stay.
    const MAX_STAY_DAYS: i64 = 7;
    let days = || intervals.iter().filter(|iv| iv.precision == Precision::Day);
    let stay = days()
        .max_by_key(|iv| ((iv.end - iv.start).num_days(), std::cmp::Reverse(iv.start)))
        .filter(|stay| {
            (stay.end - stay.start).num_days() < MAX_STAY_DAYS
                && days().all(|iv| stay.start <= iv.start && iv.end <= stay.end)
        });
    stay.copied()
        .or_else(|| most_precise(intervals.iter().copied()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn iv(start: &str, end: &str, precision: Precision) -> Interval {
        let day = |s: &str| s.parse::<NaiveDate>().expect("a date");
        Interval {
            start: day(start),
            end: day(end),
            precision,
        }
    }

    #[test]
    fn a_stay_of_days_shows_whole_and_a_month_yields_to_its_day() {
        let stay = iv("1987-03-23", "1987-03-24", Precision::Day);
        let second = iv("1987-03-24", "1987-03-24", Precision::Day);
        let month = iv("1987-03-01", "1987-03-31", Precision::Month);
        assert_eq!(shown_interval(&[second, stay, month]), Some(stay));
        assert_eq!(shown_interval(&[month, second]), Some(second));
        // Days that do not nest in one stay: the most precise, as before.
        let other = iv("1987-03-27", "1987-03-27", Precision::Day);
        assert_eq!(shown_interval(&[stay, other]), Some(other));
        // A fortnight of days is no stay.
        let long = iv("1987-03-01", "1987-03-14", Precision::Day);
        assert_eq!(shown_interval(&[long, second]), Some(second));
        assert_eq!(shown_interval(&[]), None);
    }
}
