//! Completing publication dates that the file alone cannot give: a dateline without a year
//! takes it from a sibling report of the same story, then from the folder; an article with
//! no date at all takes the middle of the folder's dates; the file time comes last.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Article, DateSource};

use crate::similarity::{SAME_STORY_CONTAINMENT, containment, shingles};

pub(super) fn recover_missing_years(articles: &mut [Article]) {
    let mut folders: HashMap<&Path, Vec<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        folders
            .entry(article.path.parent().unwrap_or(Path::new("")))
            .or_default()
            .push(i);
    }
    let mut recovered = Vec::new();
    for members in folders.values() {
        let dated: Vec<&Article> = members
            .iter()
            .map(|&i| &articles[i])
            .filter(|a| is_read_date(a))
            .collect();
        let calendar = FolderDates::new(dated.iter().filter_map(|a| a.published));
        for &i in members {
            let me = &articles[i];
            if me.published.is_some() {
                continue;
            }
            let date = match me.pending_dateline {
                Some(partial) => year_for_dateline(me, &dated, &calendar, partial),
                None => calendar.middle().map(|d| (d, DateSource::FolderMiddle)),
            }
            .or_else(|| me.modified.map(|d| (d, DateSource::FileTime)));
            recovered.push((i, date));
        }
    }
    for (i, date) in recovered {
        articles[i].published = date.map(|(d, _)| d);
        articles[i].published_from = date.map(|(_, s)| s);
    }
}

/// The dates read in one folder, sorted and distinct, and every year within one of them: each
/// undated article of a big folder looks for its nearest date by binary search, not by
/// comparing with every dated article.
struct FolderDates {
    dates: Vec<NaiveDate>,
    years: Vec<i32>,
}

impl FolderDates {
    fn new(read: impl Iterator<Item = NaiveDate>) -> Self {
        let mut dates: Vec<NaiveDate> = read.collect();
        dates.sort_unstable();
        dates.dedup();
        let mut years: Vec<i32> = dates
            .iter()
            .flat_map(|d| d.year() - 1..=d.year() + 1)
            .collect();
        years.sort_unstable();
        years.dedup();
        Self { dates, years }
    }

    /// The middle of the folder's read dates (the earlier of the two middle ones): for an
    /// article that states no date at all, a guess within the story's own weeks, where the
    /// file time is only the day the folder was copied.
    fn middle(&self) -> Option<NaiveDate> {
        let last = self.dates.len().checked_sub(1)?;
        self.dates.get(last / 2).copied()
    }

    /// The day `partial` falls on in the year that brings it nearest to a read date (the
    /// earlier day on a tie). A day and month recur yearly, so the nearest read date to the
    /// answer is at most a year away: the years within one of a read date hold it.
    fn nearest(&self, partial: super::pubdate::PartialDate) -> Option<NaiveDate> {
        self.years
            .iter()
            .filter_map(|&y| partial.with_year(y))
            .filter_map(|day| {
                let after = self.dates.partition_point(|d| *d < day);
                let before = after.checked_sub(1).map(|i| self.dates[i]);
                [before, self.dates.get(after).copied()]
                    .into_iter()
                    .flatten()
                    .map(|d| ((day - d).num_days().abs(), day))
                    .min()
            })
            .min()
            .map(|(_, day)| day)
    }
}

/// The year of `partial` (a dateline's day and month) for article `me`, given the folder's
/// articles whose dates were read from their own text.
fn year_for_dateline(
    me: &Article,
    dated: &[&Article],
    calendar: &FolderDates,
    partial: super::pubdate::PartialDate,
) -> Option<(NaiveDate, DateSource)> {
    let same_day: Vec<&&Article> = dated
        .iter()
        .filter(|a| {
            a.published
                .is_some_and(|d| d.month() == partial.month && d.day() == partial.day)
        })
        .collect();
    if !same_day.is_empty() {
        let mine = shingles(&me.text);
        let best = same_day
            .iter()
            .map(|a| (containment(&mine, &shingles(&a.text)), a))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((score, sibling)) = best
            && score >= SAME_STORY_CONTAINMENT
        {
            return sibling.published.map(|d| (d, DateSource::Sibling));
        }
    }

    if let Some(date) = calendar.nearest(partial) {
        return Some((date, DateSource::Folder));
    }

    let modified = me.modified?;
    [modified.year(), modified.year() - 1]
        .into_iter()
        .filter_map(|y| partial.with_year(y))
        .find(|d| *d <= modified)
        .map(|d| (d, DateSource::FileTime))
}

fn is_read_date(article: &Article) -> bool {
    article.published.is_some() && article.published_from.is_some_and(|s| !s.is_estimated())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pubdate::PartialDate;

    /// The definition: every read date against the day in its own year and the years beside it.
    fn nearest_by_definition(read: &[NaiveDate], partial: PartialDate) -> Option<NaiveDate> {
        read.iter()
            .flat_map(|&d| {
                (d.year() - 1..=d.year() + 1).filter_map(move |y| {
                    partial.with_year(y).map(|c| ((c - d).num_days().abs(), c))
                })
            })
            .min()
            .map(|(_, c)| c)
    }

    #[test]
    fn binary_search_finds_the_nearest_year_the_definition_does() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let folders: [&[NaiveDate]; 5] = [
            &[],
            &[day(2022, 1, 2)],
            &[day(2019, 3, 3), day(2021, 3, 3), day(2019, 3, 3)],
            &[
                day(2015, 6, 30),
                day(2016, 2, 29),
                day(2020, 12, 31),
                day(2024, 7, 1),
            ],
            // 1 January is 183 days away either way (2020 is a leap year): the earlier wins.
            &[day(2020, 7, 2)],
        ];
        let partials = [(12, 30), (1, 1), (3, 3), (2, 29), (7, 2), (1, 2), (6, 15)];
        for read in folders {
            let calendar = FolderDates::new(read.iter().copied());
            for (month, d) in partials {
                let partial = PartialDate {
                    year: None,
                    month,
                    day: d,
                };
                assert_eq!(
                    calendar.nearest(partial),
                    nearest_by_definition(read, partial),
                    "{read:?}, {month}-{d}"
                );
            }
        }
    }
}
