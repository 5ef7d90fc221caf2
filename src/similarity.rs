//! Whether two texts report the same story: shared word trigrams.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Share of the smaller text's word trigrams found in the other above which two articles are
/// copies or rewrites of one report; different stories share almost none.
pub const SAME_STORY_CONTAINMENT: f64 = 0.2;

/// Hashed lowercase word trigrams of `text`.
#[must_use]
pub fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(3)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// |A ∩ B| / min(|A|, |B|).
#[must_use]
pub fn containment(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|h| large.contains(h)).count() as f64 / small.len() as f64
}

#[must_use]
pub fn same_story(a: &str, b: &str) -> bool {
    containment(&shingles(a), &shingles(b)) >= SAME_STORY_CONTAINMENT
}
