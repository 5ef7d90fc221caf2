//! A Rust copy of `../shared/tools/score_events.py`'s matching rules, so the sample's gold
//! timeline is checked on a fresh clone with no `../shared` and no Python. Where `../shared`
//! is present, a test runs both scorers on the same output and requires the same figures.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

/// The counts of the scorer's summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub found: usize,
    pub merged: usize,
    pub split: usize,
    pub correct: usize,
    pub predicted: usize,
    pub dates_ok: usize,
    pub articles: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let p = self.precision();
        let r = if self.gold == 0 {
            0.0
        } else {
            self.found as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for Score {
    /// The Python scorer's summary line, character for character.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "events found {}/{}, merged {}/{}, split {}, precision {}/{} = {:.2}, F1 {:.2}, article dates {}/{}",
            self.found,
            self.gold,
            self.merged,
            self.gold,
            self.split,
            self.correct,
            self.predicted,
            self.precision(),
            self.f1(),
            self.dates_ok,
            self.articles
        )
    }
}

fn base(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn day(value: &Value) -> Option<String> {
    value.as_str().map(|s| s.chars().take(10).collect())
}

/// ISO days compare as strings; a missing date is outside every window.
fn in_window(event: &Value, window: &Value) -> bool {
    if window.is_null() {
        return true;
    }
    let (Some(start), Some(end)) = (day(&event["start"]), day(&event["end"])) else {
        return false;
    };
    let (Some(lo), Some(hi)) = (window[0].as_str(), window[1].as_str()) else {
        return false;
    };
    lo <= start.as_str() && start <= end && end.as_str() <= hi
}

fn sources(event: &Value) -> impl Iterator<Item = &Value> {
    event["sources"].as_array().into_iter().flatten()
}

fn source_hits(event: &Value, file: &str, quote: &str) -> bool {
    sources(event).any(|s| {
        base(s["file"].as_str().unwrap_or("")) == file
            && s["text"].as_str().unwrap_or("").contains(quote)
    })
}

/// Which of the gold event's sources `event` carries, if it has the kind and the window.
fn matches_gold(event: &Value, gold: &Value) -> Vec<usize> {
    if event["category"] != gold["category"] || !in_window(event, &gold["window"]) {
        return Vec::new();
    }
    gold["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, s)| {
            source_hits(
                event,
                s["file"].as_str().unwrap_or(""),
                s["quote"].as_str().unwrap_or(""),
            )
        })
        .map(|(i, _)| i)
        .collect()
}

fn matches_optional(event: &Value, optional: &Value) -> bool {
    if optional["category"] != "*" && event["category"] != optional["category"] {
        return false;
    }
    if !in_window(event, &optional["window"]) {
        return false;
    }
    let quotes: Vec<&str> = optional["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    sources(event).any(|s| {
        let text = s["text"].as_str().unwrap_or("");
        quotes.iter().any(|q| text.contains(q))
    })
}

/// Scores `predicted` (what `dateline extract --json` prints) against `gold`.
pub fn score(gold: &Value, predicted: &Value) -> Score {
    let events: &[Value] = predicted["events"].as_array().map_or(&[], Vec::as_slice);
    let golds: &[Value] = gold["events"].as_array().map_or(&[], Vec::as_slice);
    let mut correct = vec![false; events.len()];
    let (mut found, mut merged, mut split) = (0, 0, 0);
    for g in golds {
        let wanted = g["sources"].as_array().map_or(0, Vec::len);
        let hits: Vec<(usize, Vec<usize>)> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (i, matches_gold(e, g)))
            .filter(|(_, h)| !h.is_empty())
            .collect();
        for (i, _) in &hits {
            correct[*i] = true;
        }
        found += usize::from(!hits.is_empty());
        merged += usize::from(hits.iter().any(|(_, h)| h.len() == wanted));
        split += usize::from(hits.len() > 1);
    }
    let optionals: &[Value] = gold["optional"].as_array().map_or(&[], Vec::as_slice);
    for (i, e) in events.iter().enumerate() {
        if !correct[i] && optionals.iter().any(|o| matches_optional(e, o)) {
            correct[i] = true;
        }
    }
    let by_file: HashMap<&str, &Value> = predicted["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| (base(a["file"].as_str().unwrap_or("")), a))
        .collect();
    let articles = gold["articles"].as_object();
    let dates_ok = articles
        .into_iter()
        .flatten()
        .filter(|(name, want)| {
            let got = by_file
                .get(name.as_str())
                .and_then(|a| day(&a["published"]));
            got.is_some() && got == day(&want["published"])
        })
        .count();
    Score {
        gold: golds.len(),
        found,
        merged,
        split,
        correct: correct.iter().filter(|&&c| c).count(),
        predicted: events.len(),
        dates_ok,
        articles: articles.map_or(0, serde_json::Map::len),
    }
}
