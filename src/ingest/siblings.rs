//! Completing publication dates that the file alone cannot give: a dateline without a year
//! takes it from a sibling report of the same story, then from the folder, then the file time.

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
        for &i in members {
            let me = &articles[i];
            if me.published.is_some() {
                continue;
            }
            let date = me
                .pending_dateline
                .and_then(|partial| year_for_dateline(me, &dated, partial))
                .or_else(|| me.modified.map(|d| (d, DateSource::FileTime)));
            recovered.push((i, date));
        }
    }
    for (i, date) in recovered {
        articles[i].published = date.map(|(d, _)| d);
        articles[i].published_from = date.map(|(_, s)| s);
    }
}

/// The year of `partial` (a dateline's day and month) for article `me`, given the folder's
/// articles whose dates were read from their own text.
fn year_for_dateline(
    me: &Article,
    dated: &[&Article],
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

    let nearest = dated
        .iter()
        .filter_map(|a| a.published)
        .flat_map(|d| {
            (d.year() - 1..=d.year() + 1)
                .filter_map(move |y| partial.with_year(y).map(|c| ((c - d).num_days().abs(), c)))
        })
        .min();
    if let Some((_, date)) = nearest {
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
    article.published.is_some() && article.published_from.is_some_and(|s| !s.is_inferred())
}
